/* opt_cse.c - common subexpression elimination within a block.
 *
 * One forward walk with a hash table of the pure instructions seen so far
 * (ir_is_pure: no effect, no state, no memory). An instruction equal to an
 * earlier one (op, type, aux, operands and imm; a commutative op's two
 * operands in either order) is replaced by it:
 *
 *   5 = shl 3, 4;  9 = shl 3, 4;  10 = add 9, 1   ->   10 = add 5, 1
 */
#include <stdlib.h>
#include "opt_int.h"
#include "../ir/ir_eval.h"

/* The operands in a canonical order: a commutative op's smaller ref first. */
static void opt_cse_key(const struct ir_insn *i, uint32_t *x, uint32_t *y) {
  *x = i->a, *y = i->b;
  if (ir_is_commutative(i->op) && *y < *x)
    *x = i->b, *y = i->a;
}

static uint32_t opt_cse_hash(const struct ir_insn *i) {
  uint32_t x, y;
  opt_cse_key(i, &x, &y);
  uint64_t h = i->op | (uint64_t)i->type << 8 | (uint64_t)i->aux << 16;
  h = h * 0x9e3779b97f4a7c15ull ^ x;
  h = h * 0x9e3779b97f4a7c15ull ^ y;
  h = h * 0x9e3779b97f4a7c15ull ^ i->c;
  h = h * 0x9e3779b97f4a7c15ull ^ i->imm;
  return (uint32_t)(h >> 32);
}

static int opt_cse_equal(const struct ir_insn *i, const struct ir_insn *j) {
  uint32_t ix, iy, jx, jy;
  opt_cse_key(i, &ix, &iy);
  opt_cse_key(j, &jx, &jy);
  return i->op == j->op && i->type == j->type && i->aux == j->aux && ix == jx && iy == jy &&
         i->c == j->c && i->imm == j->imm;
}

void opt_cse_insn(struct opt_cse *cs, uint32_t r) {
  const struct ir_insn *i = &cs->b->insn[r];
  if (i->op == IR_CONST || !ir_is_pure(i->op))
    return;
  for (uint32_t h = opt_cse_hash(i);; h++) {
    uint32_t *slot = &cs->tab[h & cs->mask];
    if (!*slot) {
      *slot = r;
      return;
    }
    if (opt_cse_equal(&cs->b->insn[*slot], i)) {
      opt_replace(cs->b, cs->repl, r, *slot);
      return;
    }
  }
}

void opt_cse_begin(struct opt_cse *cs, struct ir_block *b, uint32_t *repl) {
  *cs = (struct opt_cse){.b = b, .repl = repl};
  cs->tab = opt_ref_table(b, &cs->mask);
}

void opt_cse_end(struct opt_cse *cs) {
  (void)cs; /* its table is scratch memory */
}
