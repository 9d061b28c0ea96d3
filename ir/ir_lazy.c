/* ir_lazy.c - lazy flags (ir.h): the nibble of a FLAGS op that translated
 * code kept as the op and its operands, made when C code or a GET needs it.
 *
 *   ir_flags_pack(&a->c, offsetof(struct a64_cpu, nzcv));
 *   nzcv = a->nzcv;
 */
#include <string.h>
#include "ir_eval.h"
#include "../xrun.h"

uint32_t ir_flags_eval(uint32_t lazy_op, uint64_t a, uint64_t b) {
  struct ir_insn in = {.op = (uint8_t)lazy_op, .type = IR_I32, .aux = (uint8_t)(lazy_op >> 8)};
  uint64_t nzcv = 0;
  if (lazy_op & IR_LAZY_IMM)
    b = lazy_op >> IR_LAZY_IMM_SHIFT;
  ir_eval(&in, a, b, 0, &nzcv);
  return (uint32_t)nzcv;
}

void ir_flags_pack(struct cpu *c, uint64_t flags_off) {
  if (!c->lazy_op)
    return;
  uint64_t nzcv = ir_flags_eval(c->lazy_op, c->lazy_a, c->lazy_b);
  memcpy((uint8_t *)c + flags_off, &nzcv, sizeof(nzcv));
  c->lazy_op = 0;
}
