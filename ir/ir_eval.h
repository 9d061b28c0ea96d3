/* ir_eval.h - the pure value semantics of the IR, private to ir/ and opt/.
 *
 *   uint64_t v;
 *   if (ir_eval(insn, va, vb, vc, &v)) ... // v is the value insn defines
 *
 * The interpreter and the constant folder both go through ir_eval, so folding
 * can never disagree with execution. I32 inputs and outputs are zero-extended.
 */
#ifndef IR_EVAL_H
#define IR_EVAL_H

#include <stdint.h>
#include "ir.h"

/* True for ops whose value depends only on their operands (and aux/imm). */
static inline int ir_is_pure(enum ir_op op) {
  return (ir_props(op) & IRP_PURE) != 0;
}
/* Evaluate a pure insn on operand values a, b, c: returns 1 and sets *out, or
 * returns 0 when the op is not pure (state, memory, exits). */
int ir_eval(const struct ir_insn *i, uint64_t a, uint64_t b, uint64_t c, uint64_t *out);
/* A pure op on scalars: what ir_eval_scalar evaluates (besides CONST). */
static inline int ir_is_scalar_pure(enum ir_op op) {
  return ir_is_pure(op) && !ir_is_vec_op(op);
}
/* ir_eval of an insn known to be a pure scalar op (ir_is_scalar_pure, or
 * CONST): its value. */
uint64_t ir_eval_scalar(const struct ir_insn *i, uint64_t a, uint64_t b, uint64_t c);
/* Evaluate a pure vector op (V* of ir_ops.def except VCONST) on operand values
 * (c only for the three-operand VSHA256RND2), scalar operands and results in .lo:
 * returns 1 and sets *out, or 0 for other ops. */
int ir_veval(const struct ir_insn *i, struct ir_v128 a, struct ir_v128 b, struct ir_v128 c,
             struct ir_v128 *out);
/* Evaluate a VF* op (ir_vfeval.c) on operand values, a_type being a's type (an
 * integer operand of VFFROMS/VFFROMU is in .lo): returns 1 and sets *out, raising
 * the op's FP exceptions in the host's FP status, or 0 for other ops. */
int ir_vfeval(const struct ir_insn *i, struct ir_v128 a, struct ir_v128 b, struct ir_v128 c,
              enum ir_type a_type, struct ir_v128 *out);
/* True if insn i defines a value other insns may use (PUT and STORE carry the
 * type of the value they store, but define none). */
static inline int ir_has_value(const struct ir_insn *i) {
  return i->type != IR_VOID && i->op != IR_PUT && i->op != IR_STORE && i->op != IR_NOP;
}
/* All ones in the width of type t (I32: 0xffffffff, otherwise ~0). */
uint64_t ir_type_mask(enum ir_type t);
/* Bits of an integer type: 32 for I32 and F32, 64 otherwise. */
unsigned ir_type_bits(enum ir_type t);

#endif
