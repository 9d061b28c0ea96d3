/* opt_int.h - helpers shared by the passes in opt/ (private to the module). */
#ifndef OPT_INT_H
#define OPT_INT_H

#include "opt.h"

/* Turn insn r into a NOP (void, no operands). */
void opt_nop(struct ir_block *b, uint32_t r);
/* A replacement map for a forward pass: repl[r] == r until r is replaced. */
uint32_t *opt_repl_new(const struct ir_block *b);
/* Rewrite the operands of insn r through repl. */
void opt_remap(struct ir_block *b, uint32_t r, const uint32_t *repl);
/* Replace the value of r by the earlier value with: r becomes NOP. */
void opt_replace(struct ir_block *b, uint32_t *repl, uint32_t r, uint32_t with);
/* An empty open-addressed table of refs, at least twice b's size (a power of
 * two); *mask is its size - 1. */
uint32_t *opt_ref_table(const struct ir_block *b, uint32_t *mask);
/* Allocation that dies with a clear message on failure. */
void *opt_calloc(size_t n, size_t size);
void *opt_malloc(size_t size);

#endif
