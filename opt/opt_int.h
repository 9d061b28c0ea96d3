/* opt_int.h - helpers shared by the passes in opt/ (private to the module). */
#ifndef OPT_INT_H
#define OPT_INT_H

#include "opt.h"

/* Turn insn r into a NOP (void, no operands). */
void opt_nop(struct ir_block *b, uint32_t r);
uint32_t opt_nop_before(const struct ir_block *b, uint32_t after, uint32_t r);
/* A replacement map for a forward pass: repl[r] == r until r is replaced. */
uint32_t *opt_repl_new(const struct ir_block *b);
/* Rewrite the operands of insn r through repl. */
void opt_remap(struct ir_block *b, uint32_t r, const uint32_t *repl);
/* Replace the value of r by the earlier value with: r becomes NOP. */
void opt_replace(struct ir_block *b, uint32_t *repl, uint32_t r, uint32_t with);
/* An empty open-addressed table of refs, at least twice b's size (a power of
 * two); *mask is its size - 1. */
uint32_t *opt_ref_table(const struct ir_block *b, uint32_t *mask);
/* n zeroed elements of b's scratch memory (ir_scratch): valid until the
 * block is reset, never freed by the pass. */
void *opt_calloc(const struct ir_block *b, size_t n, size_t size);

/* Room a pass of the forward walk wanted for new instructions: k NOP
 * slots just before ref at (opt_spread.c inserts them; the walk runs again). */
enum { OPT_ROOM_MAX = 8 };
struct opt_room {
  uint32_t at[OPT_ROOM_MAX];
  uint8_t k[OPT_ROOM_MAX];
  unsigned n;
};
void opt_room_want(struct opt_room *room, uint32_t at, unsigned k); /* room may be NULL */
void opt_spread(struct ir_block *b, const struct opt_room *room);
/* The forward walk with room requests (NULL: none) */
void opt_forward_room(struct ir_block *b, unsigned passes, struct opt_room *room);

/* The forward walk (opt_forward.c) shows every instruction, in order and
 * once, to each pass that is on, after rewriting its operands through the
 * one replacement map they share. Each pass keeps its own state: */

/* constant folding (opt_constfold.c) */
struct opt_cf {
  struct ir_block *b;
  uint32_t *repl;
  uint32_t *ctab; /* open-addressed: refs of the distinct CONSTs seen */
  uint32_t cmask;
  uint8_t *high0;        /* per insn: a v128 whose high 64 bits are known to be 0 */
  struct opt_room *room; /* where a rewrite found no NOP slots, or NULL */
  uint32_t tables[8];    /* the VCONSTs opt_vperm.c made, to use again (0: none) */
};
void opt_cf_begin(struct opt_cf *cf, struct ir_block *b, uint32_t *repl);
void opt_cf_insn(struct opt_cf *cf, uint32_t r);
void opt_cf_end(struct opt_cf *cf);
int opt_cf_rotate(struct opt_cf *cf, uint32_t r);  /* opt_rotate.c */
int opt_cf_vscalar(struct opt_cf *cf, uint32_t r); /* opt_vscalar.c */
int opt_cf_vperm(struct opt_cf *cf, uint32_t r);   /* opt_vperm.c */
/* A CONST of value v defined before r: an equal one already seen, else a
 * NOP slot before r made into one; 0 if neither. */
uint32_t opt_cf_const_before(struct opt_cf *cf, uint32_t r, uint8_t type, uint64_t v);
/* Turn r into the (merged) constant v of its own type. */
void opt_cf_make_const(struct opt_cf *cf, uint32_t r, uint64_t v);

/* the guest-state cache (opt_regcache.c) */
struct opt_range {
  uint32_t off; /* a state offset (ir_get, ir_put: 32 bits) */
  uint16_t size;
  uint8_t type;
  uint32_t epoch; /* pending: opt_rc.epoch when added; a side exit or a memory
                     access came since when it differs */
  uint32_t ref;   /* known: the value; pending: the PUT */
};
struct opt_ranges {
  struct opt_range *r;
  uint32_t n;
  uint32_t n_v128; /* how many of them are v128 (opt_rc_get_halves looks for those) */
  uint64_t seen;   /* bit g % 64 for each 8-byte granule g a range added since the
                      last clear touches (opt_regcache.c): none set, no range there */
};
struct opt_rc {
  struct ir_block *b;
  uint32_t *repl;
  struct opt_ranges known, pending;
  uint32_t epoch;    /* side exits and memory accesses seen so far */
  struct opt_cf *cf; /* the constants, when folding is on too (else NULL) */
};
void opt_rc_begin(struct opt_rc *rc, struct ir_block *b, uint32_t *repl);
void opt_rc_insn(struct opt_rc *rc, uint32_t r);
void opt_rc_replaced(struct opt_rc *rc, uint32_t r, uint32_t with);
void opt_rc_end(struct opt_rc *rc);

/* common subexpressions (opt_cse.c) */
struct opt_cse {
  struct ir_block *b;
  uint32_t *repl;
  uint32_t *tab; /* open-addressed: refs of the distinct pure insns seen */
  uint32_t mask;
};
void opt_cse_begin(struct opt_cse *cs, struct ir_block *b, uint32_t *repl);
void opt_cse_insn(struct opt_cse *cs, uint32_t r);
void opt_cse_end(struct opt_cse *cs);

#endif
