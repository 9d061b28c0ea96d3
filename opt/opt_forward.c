/* opt_forward.c - the forward walk: constant folding, the guest-state cache
 * and CSE see each instruction in turn, in one pass over the block.
 *
 * An instruction's operands are rewritten once through the replacement map
 * the three share; then constant folding may fold, simplify or replace it,
 * the guest-state cache sees what is left (a GET may become a known value,
 * a PUT may be dead), and CSE merges it with an equal earlier pure op. So a
 * value forwarded from a PUT is folded where it is used, and a constant a
 * fold produced is merged before any PUT compares it, without a second walk.
 */
#include <stdlib.h>
#include "opt_int.h"

void opt_forward(struct ir_block *b, unsigned passes) {
  opt_forward_room(b, passes, NULL);
}

void opt_forward_room(struct ir_block *b, unsigned passes, struct opt_room *room) {
  uint32_t *repl = opt_repl_new(b);
  struct opt_cf cf;
  struct opt_rc rc;
  struct opt_cse cs;
  if (passes & OPT_FOLD) {
    opt_cf_begin(&cf, b, repl);
    cf.room = room;
  }
  if (passes & OPT_REGCACHE)
    opt_rc_begin(&rc, b, repl);
  if (passes & OPT_CSE)
    opt_cse_begin(&cs, b, repl);
  if ((passes & OPT_FOLD) && (passes & OPT_REGCACHE))
    rc.cf = &cf;
  for (uint32_t r = 1; r < b->n; r++) { /* a constant exit may end the block early */
    opt_remap(b, r, repl);
    if (passes & OPT_FOLD)
      opt_cf_insn(&cf, r);
    if (passes & OPT_REGCACHE)
      opt_rc_insn(&rc, r);
    if (passes & OPT_CSE)
      opt_cse_insn(&cs, r);
    if ((passes & OPT_REGCACHE) && repl[r] != r) /* merged after the cache knew it */
      opt_rc_replaced(&rc, r, repl[r]);
  }
  if (passes & OPT_FOLD)
    opt_cf_end(&cf);
  if (passes & OPT_REGCACHE)
    opt_rc_end(&rc);
  if (passes & OPT_CSE)
    opt_cse_end(&cs);
}

void opt_constfold(struct ir_block *b) {
  opt_forward(b, OPT_FOLD);
}

void opt_regcache(struct ir_block *b) {
  opt_forward(b, OPT_REGCACHE);
}

void opt_cse(struct ir_block *b) {
  opt_forward(b, OPT_CSE);
}
