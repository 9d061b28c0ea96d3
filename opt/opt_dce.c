/* opt_dce.c - dead-code elimination: walking backwards, an instruction without
 * IRF_SIDE whose value nothing uses becomes a NOP. This also removes the flag
 * computations that opt_regcache left without a PUT. */
#include <stdlib.h>
#include "opt_int.h"

/* Without a branch on whether an instruction is live (which way it goes is
 * hard to predict): a dead one is written over with a NOP, a live one's
 * NOP goes to a slot nothing reads, and its operands are marked used by
 * whether it is live. A NOP is nothing's operand and has no side effect:
 * it stays a NOP. */
void opt_dce(struct ir_block *b) {
  uint8_t *used = opt_calloc(b, b->n, 1);
  struct ir_insn *insn = b->insn, live_slot; /* locals: the byte stores could alias b's fields */
  for (uint32_t r = b->n; r-- > 1;) {
    struct ir_insn *i = &insn[r];
    const uint8_t live = used[r] | ((ir_op_info[i->op].flags & IRF_SIDE) != 0);
    used[i->a] |= live;
    used[i->b] |= live;
    used[i->c] |= live;
    *(live ? &live_slot : i) = (struct ir_insn){.op = IR_NOP, .type = IR_VOID};
  }
}
