/* opt_spread.c - room for new instructions: NOP slots inserted before the
 * instructions a pass of the forward walk could not rewrite for want of
 * them (struct opt_room), every reference numbered again; opt_run then
 * walks the block a second time. A guest mark at such an instruction
 * moves to the first new slot, so the slots belong to its guest
 * instruction.
 *
 *   5 get, 6 vzext64 5, 7 vadd 4, 6  + room for 2 at 7
 *     ->  5 get, 6 vzext64 5, 7 nop, 8 nop, 9 vadd 4, 6
 */
#include <stdlib.h>
#include "opt_int.h"

void opt_room_want(struct opt_room *room, uint32_t at, unsigned k) {
  if (!room || room->n == OPT_ROOM_MAX || (room->n && room->at[room->n - 1] >= at))
    return; /* the walk goes forward: requests come in order */
  room->at[room->n] = at;
  room->k[room->n++] = (uint8_t)k;
}

void opt_spread(struct ir_block *b, const struct opt_room *room) {
  uint32_t add = 0;
  for (unsigned j = 0; j < room->n; j++)
    add += room->k[j];
  while (b->cap < b->n + add)
    ir_block_grow(b);
  uint32_t *to = opt_calloc(b, b->n, sizeof(*to));
  for (uint32_t r = 1, j = 0, shift = 0; r < b->n; r++) {
    for (; j < room->n && room->at[j] == r; j++)
      shift += room->k[j];
    to[r] = r + shift;
  }
  for (uint32_t r = b->n; r-- > 1;) {
    struct ir_insn in = b->insn[r];
    in.a = to[in.a], in.b = to[in.b], in.c = to[in.c];
    b->insn[to[r]] = in;
  }
  for (unsigned j = 0; j < room->n; j++)
    for (uint32_t s = to[room->at[j]] - room->k[j]; s < to[room->at[j]]; s++)
      opt_nop(b, s);
  for (uint32_t m = 0; m < b->n_marks; m++) {
    uint32_t ref = b->marks[m].ref;
    if (ref >= b->n)
      b->marks[m].ref = ref + add;
    else if (ref)
      b->marks[m].ref = to[ref - 1] + 1; /* before the slots at ref */
  }
  b->n += add;
}
