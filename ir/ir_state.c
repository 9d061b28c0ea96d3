/* ir_state.c - GETs and PUTs of the guest state as a block is built.
 *
 * A decoder reads a guest register at each instruction that uses it: most
 * of a block's GETs read a slot an earlier GET or PUT of the block already
 * gave a value. With b->forward_state ir_get returns that value and emits
 * nothing, so the passes never see those GETs (opt_regcache.c, which does
 * the same and more, found a GET to drop for three in four). It knows a
 * slot of up to 8 bytes within one 8-byte granule, one per granule (folded
 * onto 64 entries): a PUT replaces its granule's entry, one it does not
 * know (a v128) and a CALL forget them all, as does ir_undo. Without
 * forward_state (--no-opt, the passes' own tests) every ir_get is a GET.
 *
 *   x1 = ir_get(b, IR_I64, X1);      get [x1]
 *   ir_put(b, X0, add);              put [x0] = add
 *   ir_get(b, IR_I64, X0)            -> add, no instruction
 */
#include <string.h>
#include "ir.h"
#include "ir_eval.h"

/* Where the value of the slot at off of type t is known, or NULL when such a
 * slot is not kept (larger than 8 bytes, or across two granules). */
static struct ir_state_known *ir_state_entry(struct ir_block *b, enum ir_type t, uint32_t off) {
  if (t == IR_V128 || t == IR_VOID || (off & 7) + ir_type_bits(t) / 8 > 8)
    return NULL;
  return &b->state_known[off >> 3 & (IR_STATE_KNOWN - 1)];
}

void ir_state_forget(struct ir_block *b) {
  if (++b->state_epoch == 0) { /* wrapped: an entry may carry any epoch again */
    memset(b->state_known, 0, IR_STATE_KNOWN * sizeof(*b->state_known));
    b->state_epoch = 1; /* 0: the epoch of the entries never written */
  }
}

uint32_t ir_get(struct ir_block *b, enum ir_type type, uint32_t offset) {
  struct ir_state_known *k = b->forward_state ? ir_state_entry(b, type, offset) : NULL;
  if (k && k->epoch == b->state_epoch && k->off == offset && k->type == type)
    return k->ref;
  uint32_t r = ir_emit(b, IR_GET, type, 0, 0, 0, offset);
  if (k)
    *k = (struct ir_state_known){offset, b->state_epoch, r, (uint8_t)type};
  return r;
}

uint32_t ir_put(struct ir_block *b, uint32_t offset, uint32_t value) {
  enum ir_type type = b->insn[value].type;
  if (b->forward_state) {
    struct ir_state_known *k = ir_state_entry(b, type, offset);
    if (k) /* what else its granule held is gone */
      *k = (struct ir_state_known){offset, b->state_epoch, value, (uint8_t)type};
    else
      ir_state_forget(b);
  }
  return ir_emit(b, IR_PUT, type, value, 0, 0, offset);
}

void ir_undo(struct ir_block *b, uint32_t n) {
  b->n = n;
  ir_state_forget(b); /* it may know values of the dropped instructions */
}
