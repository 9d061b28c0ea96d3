/* opt_rotate.c - two shifts that make a rotation, as a guest without a
 * rotate instruction writes one (RV64GC: srli, slli, or; srliw, slliw, or
 * for 32 bits, where each shift's result is sign-extended):
 *
 *   or(shr(x, k), shl(x, w - k))                         = ror(x, k)
 *   or(sext.32(shr.32(x, k)), sext.32(shl.32(x, 32 - k))) = sext.32(ror.32(x, k))
 *
 * either way round (the halves share no bit, so their sign extensions OR
 * as the sign extension of their OR). The first becomes a ROR in place; the
 * second needs a ROR of its own, in a NOP slot after x's and k's
 * definitions (passes never renumber), else it stays as it is.
 */
#include "opt_int.h"
#include "../ir/ir_eval.h"

/* Whether lo is shr(x, k) and hi shl(x, w - k) of type t, 0 < k < w: then
 * *x and *k (k's CONST) are set. */
static int opt_rot_halves(const struct ir_block *b, uint32_t lo, uint32_t hi, uint8_t t,
                          uint32_t *x, uint32_t *k) {
  const struct ir_insn *l = &b->insn[lo], *h = &b->insn[hi];
  if (l->op != IR_SHR || h->op != IR_SHL || l->type != t || h->type != t || l->a != h->a ||
      !ir_is_const(b, l->b) || !ir_is_const(b, h->b))
    return 0;
  uint64_t w = ir_type_bits(t), kl = b->insn[l->b].imm & (w - 1), kh = b->insn[h->b].imm & (w - 1);
  if (!kl || kl + kh != w)
    return 0;
  *x = l->a;
  *k = l->b;
  return 1;
}

static int opt_rot_either(const struct ir_block *b, uint32_t p, uint32_t q, uint8_t t, uint32_t *x,
                          uint32_t *k) {
  return opt_rot_halves(b, p, q, t, x, k) || opt_rot_halves(b, q, p, t, x, k);
}

/* The operand of a sign extension from 32 bits, or 0. */
static uint32_t opt_rot_sext32(const struct ir_block *b, uint32_t ref) {
  const struct ir_insn *e = &b->insn[ref];
  return e->op == IR_SEXT && e->aux == 32 && b->insn[e->a].type == IR_I32 ? e->a : 0;
}

int opt_cf_rotate(struct opt_cf *cf, uint32_t r) {
  struct ir_block *b = cf->b;
  struct ir_insn *i = &b->insn[r];
  uint32_t x, k, lo, hi, s;
  if (i->op != IR_OR)
    return 0;
  if (opt_rot_either(b, i->a, i->b, i->type, &x, &k)) {
    *i = (struct ir_insn){.op = IR_ROR, .type = i->type, .a = x, .b = k};
    return 1;
  }
  if (i->type != IR_I64 || !(lo = opt_rot_sext32(b, i->a)) || !(hi = opt_rot_sext32(b, i->b)) ||
      !opt_rot_either(b, lo, hi, IR_I32, &x, &k) || !(s = opt_nop_before(b, x > k ? x : k, r)))
    return 0;
  b->insn[s] = (struct ir_insn){.op = IR_ROR, .type = IR_I32, .a = x, .b = k};
  *i = (struct ir_insn){.op = IR_SEXT, .type = IR_I64, .aux = 32, .a = s};
  return 1;
}
