/* opt_compact.c - the last pass: drop the NOPs the others left and number
 * the instructions again, so the backend walks only what it emits.
 *
 *   1 get, 2 nop, 3 nop, 4 add 1, 1   ->   1 get, 2 add 1, 1
 *
 * The other passes never renumber (opt.h); this one runs after them.
 * Without a branch on whether an instruction is kept (which way it goes
 * is hard to predict): each is written to slot n, and n moves past it
 * only when it is no NOP. Slot n <= r was read already; nothing refers to
 * a NOP, so what to[] says of one is never read. The instructions before
 * the first NOP keep their numbers and are not copied.
 */
#include <stdlib.h>
#include "opt_int.h"

void opt_compact(struct ir_block *b) {
  uint32_t first = 1; /* the first NOP: nothing before it moves */
  while (first < b->n && b->insn[first].op != IR_NOP)
    first++;
  if (first == b->n)
    return;
  uint32_t *to = ir_scratch_raw(b, b->n * sizeof(*to)), n = first;
  for (uint32_t r = 0; r < first; r++)
    to[r] = r;
  uint32_t m = 0;
  while (m < b->n_marks && b->marks[m].ref < first)
    m++;
  uint32_t next_mark = m < b->n_marks ? b->marks[m].ref : UINT32_MAX;
  for (uint32_t r = first; r < b->n; r++) {
    if (r >= next_mark) { /* one test per instruction; marks are far fewer */
      for (; m < b->n_marks && b->marks[m].ref <= r; m++)
        b->marks[m].ref = n; /* the first instruction kept at or after it */
      next_mark = m < b->n_marks ? b->marks[m].ref : UINT32_MAX;
    }
    struct ir_insn in = b->insn[r];
    in.a = to[in.a], in.b = to[in.b], in.c = to[in.c];
    to[r] = n;
    b->insn[n] = in;
    n += in.op != IR_NOP;
  }
  for (; m < b->n_marks; m++)
    b->marks[m].ref = n;
  b->n = n;
}
