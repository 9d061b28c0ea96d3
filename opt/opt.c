/* opt.c - the pass pipeline and the helpers every pass uses. */
#include <stdlib.h>
#include "opt_int.h"

void opt_run(struct ir_block *b) {
  struct opt_room room = {.n = 0};
  for (int again = 0;; again = 1) { /* one call: the walk inlined here, its passes known */
    opt_forward_room(b, OPT_FOLD | OPT_REGCACHE | OPT_CSE, again ? NULL : &room);
    if (again || !room.n)
      break;
    opt_spread(b, &room); /* rewrites that wanted NOP slots: again, with them */
  }
  opt_dce(b);     /* removes what the walk left unused */
  opt_compact(b); /* last: drops the NOPs */
}

void *opt_calloc(const struct ir_block *b, size_t n, size_t size) {
  return ir_scratch(b, n * size);
}

void opt_nop(struct ir_block *b, uint32_t r) {
  b->insn[r] = (struct ir_insn){.op = IR_NOP, .type = IR_VOID};
}

/* A NOP slot before r (at most 64 back) and after ref after, for a new
 * instruction whose operands are defined by then (passes never renumber,
 * so a pass that makes one puts it where one was dropped); 0 if none. */
uint32_t opt_nop_before(const struct ir_block *b, uint32_t after, uint32_t r) {
  for (uint32_t s = r - 1; s > after && s + 64 > r; s--)
    if (b->insn[s].op == IR_NOP)
      return s;
  return 0;
}

uint32_t *opt_ref_table(const struct ir_block *b, uint32_t *mask) {
  uint32_t size = 16;
  while (size < 2 * b->n)
    size *= 2;
  *mask = size - 1;
  return opt_calloc(b, size, sizeof(uint32_t));
}

uint32_t *opt_repl_new(const struct ir_block *b) {
  uint32_t *repl = ir_scratch_raw(b, b->n * sizeof(*repl)); /* filled below */
  for (uint32_t r = 0; r < b->n; r++)
    repl[r] = r;
  return repl;
}

void opt_remap(struct ir_block *b, uint32_t r, const uint32_t *repl) {
  struct ir_insn *i = &b->insn[r];
  i->a = repl[i->a];
  i->b = repl[i->b];
  i->c = repl[i->c];
}

void opt_replace(struct ir_block *b, uint32_t *repl, uint32_t r, uint32_t with) {
  repl[r] = with;
  opt_nop(b, r);
}
