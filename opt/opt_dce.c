/* opt_dce.c - dead-code elimination: walking backwards, an instruction without
 * IRF_SIDE whose value nothing uses becomes a NOP. This also removes the flag
 * computations that opt_regcache left without a PUT. */
#include <stdlib.h>
#include "opt_int.h"

void opt_dce(struct ir_block *b) {
  uint8_t *used = opt_calloc(b, b->n, 1);
  struct ir_insn *insn = b->insn; /* a local: the byte stores could alias b's fields */
  for (uint32_t r = b->n; r-- > 1;) {
    struct ir_insn *i = &insn[r];
    if (i->op == IR_NOP)
      continue;
    if (!used[r] && !(ir_op_info[i->op].flags & IRF_SIDE)) {
      opt_nop(b, r);
      continue;
    }
    used[i->a] = used[i->b] = used[i->c] = 1;
  }
}
