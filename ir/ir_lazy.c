/* ir_lazy.c - lazy flags (ir.h): the nibble of a FLAGS op that translated
 * code kept as the op and its operands, made when C code or a GET needs it.
 *
 *   ir_flags_pack(&a->c, offsetof(struct a64_cpu, nzcv));
 *   nzcv = a->nzcv;
 */
#include <string.h>
#include "ir_eval.h"
#include "../xrun.h"

void ir_flags_pack(struct cpu *c, uint64_t flags_off) {
  if (!c->lazy_op)
    return;
  struct ir_insn in = {
      .op = (uint8_t)c->lazy_op, .type = IR_I32, .aux = (uint8_t)(c->lazy_op >> 8)};
  uint64_t nzcv = 0;
  uint64_t b = c->lazy_op & IR_LAZY_IMM ? c->lazy_op >> IR_LAZY_IMM_SHIFT : c->lazy_b;
  ir_eval(&in, c->lazy_a, b, 0, &nzcv);
  memcpy((uint8_t *)c + flags_off, &nzcv, sizeof(nzcv));
  c->lazy_op = 0;
}
