/* a64.h - private to the AArch64 decoder: the decode context, the
 * conventions of its trans_* functions, and register access helpers.
 *
 * The encodings are described in a64.decode; tools/decodegen makes of it
 * a64_decode_gen (o/decode/aarch64/a64_decode.gen.c), which extracts each
 * pattern's fields into its argument struct and calls
 *   bool trans_add_sub_imm(struct a64_ctx *s, const struct arg_add_sub_imm *a);
 * The FP and SIMD classes decoded by their own C (a64_simd*.c, a64_fp.c,
 * a64_crypto.c, a64_ext_*.c) take a struct arg_empty and read s->insn. The
 * first pattern whose fixed bits match and whose trans_ returns true wins;
 * none, and the instruction raises SIGILL.
 */
#ifndef A64_H
#define A64_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "../../ir/ir.h"
#include "a64_cpu.h"
#include "a64_decode.gen.h"

/* Conditional branches continue the block as side exits; the backend has
 * room for TC_MAX_EXITS (8) exits per block, the final one included. A
 * block stays inside one page (DEC_PAGE). */
enum { A64_MAX_SIDE_EXITS = 6 };

struct a64_ctx {
  struct ir_block *b;
  uint64_t pc;   /* address of the instruction being decoded */
  uint32_t insn; /* its encoding */
  bool end;      /* the instruction ended the block (branch, svc, trap) */
  /* Where decoding goes on when a conditional branch was followed into a
   * loop (decode/dec_trace.c; 0: at pc + 4), and what the block has room for. */
  uint64_t next;
  unsigned insns_left;
  /* The block already checks FPCR for speculative FP code (a64_vfp.c); FPCR
   * changes only in MSR FPCR, which ends the block. */
  bool fpcr_checked;
  /* What a trans_ that declines is rolled back to (a64_decode_undo). */
  uint32_t undo_n;
  bool undo_fpcr_checked;
};

struct a64_pattern {
  uint32_t mask, value;
  bool (*trans)(struct a64_ctx *s, uint32_t insn);
  const char *name;
};

/* !function=a64_times_4 of a64.decode: a word offset in bytes. */
static inline int a64_times_4(struct a64_ctx *s, int x) {
  (void)s;
  return x * 4;
}

/* Drop the IR a declining trans_ emitted: back to the state at the start of
 * the instruction (the generated dispatch calls it). */
void a64_decode_undo(struct a64_ctx *s);

/* Field extraction: bits [pos, pos+len) of x. */
static inline uint32_t a64_bits(uint32_t x, unsigned pos, unsigned len) {
  return (x >> pos) & ((1u << len) - 1);
}
static inline int64_t a64_sbits(uint32_t x, unsigned pos, unsigned len) {
  return (int64_t)((uint64_t)a64_bits(x, pos, len) << (64 - len)) >> (64 - len);
}

static inline uint32_t a64_off_x(unsigned r) {
  return offsetof(struct a64_cpu, x[r]);
}
static inline uint32_t a64_off_v(unsigned r) {
  return offsetof(struct a64_cpu, v[r]);
}

/* Vr as an IR_V128 value. */
static inline uint32_t a64_vget(struct a64_ctx *s, unsigned r) {
  return ir_get(s->b, IR_V128, a64_off_v(r));
}
/* Vr as an operand of a lane-wise op of the form q (0: on the low 64 bits,
 * the high half of the result cleared): with q 0 its low half, read as 8
 * bytes and zero-extended. A 64-bit SIMD form then reads as much as the
 * scalar writes of the register (FMOV, a64_vput) wrote, and its result's
 * high half is 0 with no VZEXT64 after the op (opt_constfold). */
static inline uint32_t a64_vget_q(struct a64_ctx *s, unsigned r, unsigned q) {
  if (q)
    return a64_vget(s, r);
  return ir_vop(s->b, IR_VZEXT64, IR_V128, 0, ir_get(s->b, IR_I64, a64_off_v(r)), 0, 0);
}
/* Vr = v, the high half cleared unless q. */
static inline void a64_vput(struct a64_ctx *s, unsigned r, uint32_t v, unsigned q) {
  if (!q)
    v = ir_vop(s->b, IR_VZEXT64, IR_V128, 0, v, 0, 0);
  ir_put(s->b, a64_off_v(r), v);
}

/* Read Xr (sf=1) or Wr (sf=0) as an IR_I64 / IR_I32 value. r == 31 reads as
 * XZR, or as SP when sp is true. */
uint32_t a64_rd(struct a64_ctx *s, unsigned r, int sf, bool sp);
/* Write v (IR_I64, or IR_I32 zero-extended) to Xr. r == 31 writes SP when sp
 * is true and is discarded otherwise. */
void a64_wr(struct a64_ctx *s, unsigned r, int sf, bool sp, uint32_t v);
/* Constant of the operation width. */
uint32_t a64_imm(struct a64_ctx *s, int sf, uint64_t v);
/* An i64 constant that is a guest address: a pc, or an address made from one
 * (ir_const_guest: a translation kept for a later run relocates it). */
uint32_t a64_guest_addr(struct a64_ctx *s, uint64_t addr);
static inline enum ir_type a64_ty(int sf) {
  return sf ? IR_I64 : IR_I32;
}
/* NZCV access (canonical nibble). */
uint32_t a64_get_nzcv(struct a64_ctx *s);
void a64_set_nzcv(struct a64_ctx *s, uint32_t nzcv);
/* Whether the block goes on at target, the taken side of the conditional
 * branch at s->pc, because that is the way round a loop (decode/dec_trace.c); then
 * s->next is target, and the branch's side exit goes to s->pc + 4 when it
 * is not taken. */
bool a64_trace_follows(struct a64_ctx *s, uint64_t target);
/* Where block b, at its size limit, is a loop longer than that: the
 * instructions from pc to its back edge (dec_loop_rest), or 0. */
unsigned a64_loop_rest(const struct ir_block *b, uint64_t pc);
/* Whether the block ends before pc, where another block's code starts (dec_joins). */
bool a64_joins(const struct ir_block *b, uint64_t pc);
/* End the block: direct jump to target / indirect to v / raise a signal. */
void a64_goto(struct a64_ctx *s, uint64_t target);
void a64_jump(struct a64_ctx *s, uint32_t target);
void a64_return(struct a64_ctx *s, uint32_t target); /* a JUMP that returns from a call */
void a64_trap(struct a64_ctx *s, int sig, uint64_t info);
/* The same, with this instruction's address as the trap info. */
void a64_trap_here(struct a64_ctx *s, int sig);
/* Call a C helper that works on the state struct: uint64_t f(struct cpu *, insn, pc, 0).
 * For FP/SIMD instructions not yet lowered to IR; all guest state is in memory. */
uint32_t a64_call_insn_helper(struct a64_ctx *s, void *helper);

#endif
