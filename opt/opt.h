/* opt.h - passes over the IR, one file each, run between decode and backend.
 *
 *   decode_block(b, pc);
 *   opt_run(b);            // or any pass alone: opt_constfold(b); opt_dce(b);
 *
 * Passes never renumber instructions (but the last, opt_compact): a removed
 * instruction becomes IR_NOP, and
 * when a value is replaced by another the later operands that named it are
 * rewritten. A pass keeps the block's meaning as ir_interp defines it, including
 * the guest state every memory access and exit can observe (precise faults).
 */
#ifndef OPT_H
#define OPT_H

#include "../ir/ir.h"

/* The pipeline: one forward walk (constfold, regcache and cse together),
 * then dce, then compact. */
void opt_run(struct ir_block *b);
/* The passes of the forward walk, any combination (opt_forward.c). */
enum { OPT_FOLD = 1, OPT_REGCACHE = 2, OPT_CSE = 4 };
void opt_forward(struct ir_block *b, unsigned passes);
/* Constant folding and propagation, algebraic identities, constant exits,
 * duplicate constants (opt_constfold.c). */
void opt_constfold(struct ir_block *b);
/* Redundant GET/PUT elimination on guest state, dead flags included (opt_regcache.c). */
void opt_regcache(struct ir_block *b);
/* Common subexpression elimination of pure ops (opt_cse.c). */
void opt_cse(struct ir_block *b);
/* Dead-code elimination (opt_dce.c). */
void opt_dce(struct ir_block *b);
/* Drop the NOPs and number the instructions again (opt_compact.c): the one
 * pass that renumbers, so it runs last. */
void opt_compact(struct ir_block *b);

#endif
