/* opt.c - the pass pipeline and the helpers every pass uses. */
#include <stdlib.h>
#include "opt_int.h"
#include "../xrun.h"

void opt_run(struct ir_block *b) {
  opt_forward(b, OPT_FOLD | OPT_REGCACHE | OPT_CSE);
  opt_dce(b);     /* removes what the walk left unused */
  opt_compact(b); /* last: drops the NOPs */
}

void *opt_malloc(size_t size) {
  void *p = malloc(size ? size : 1);
  if (!p)
    xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory");
  return p;
}

void *opt_calloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size);
  if (!p)
    xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory");
  return p;
}

void opt_nop(struct ir_block *b, uint32_t r) {
  b->insn[r] = (struct ir_insn){.op = IR_NOP, .type = IR_VOID};
}

uint32_t *opt_ref_table(const struct ir_block *b, uint32_t *mask) {
  uint32_t size = 16;
  while (size < 2 * b->n)
    size *= 2;
  *mask = size - 1;
  return opt_calloc(size, sizeof(uint32_t));
}

uint32_t *opt_repl_new(const struct ir_block *b) {
  uint32_t *repl = opt_calloc(b->n, sizeof(*repl));
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
