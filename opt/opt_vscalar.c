/* opt_vscalar.c - vector ops on scalars. A 64-bit vector form (A64's
 * .8b, .2s) reads its operands as the low halves of their registers, and a
 * compiler that keeps integers in FP registers (fmov s0, w1) writes them as
 * i64 halves whose high half is 0: the forward walk sees VZEXT64 of an i64
 * for each. An op on two of those works on i64s, so it is a scalar op,
 * which keeps the value in a general register (a host moves between its
 * general and vector registers at a latency of several cycles each way):
 *
 *   vand/vor/vxor(vzext64 a, vzext64 b)        = vzext64(and/or/xor a, b)
 *   vandn(vzext64 a, vzext64 b)                = vzext64(and(a, not b))
 *   vadd/vsub.64(vzext64 a, vzext64 b)         = vzext64(add/sub a, b)
 *   vadd/vsub/vmul.32(vzext64 a, vzext64 b)    = vzext64(zext.32(op.32(a, b)))
 *       when lane 1 of the result is 0 (both high words 0; for vmul, one)
 *   vadd.32(vzext64 a, vzext64 b), a < 2^32    = vzext64(b ^ zext.32(add.32(a, b) ^ b))
 *       (lane 1 is b's; the same for vsub with b < 2^32, lane 1 a's)
 *   vextract.64(vzext64 a, 0) = a, lane 1 = 0; vextract.32(vzext64 a, 0) = zext.32(a)
 *
 * The scalar ops go into NOP slots before the vector op and after a's and
 * b's definitions (passes never renumber); without enough slots the op
 * stays a vector op. The vector op becomes the VZEXT64, so its uses are
 * unchanged, and VZEXT64s that are no longer used go in opt_dce.
 */
#include "opt_int.h"
#include "../ir/ir_eval.h"

/* The i64 a VZEXT64 at v zero-extends, or 0. */
static uint32_t opt_vs_scalar(const struct ir_block *b, uint32_t v) {
  const struct ir_insn *z = &b->insn[v];
  return z->op == IR_VZEXT64 && b->insn[z->a].type == IR_I64 ? z->a : 0;
}

/* Whether the i64 at ref is below 2^32. */
static int opt_vs_high0(const struct ir_block *b, uint32_t ref) {
  const struct ir_insn *i = &b->insn[ref];
  if (i->op == IR_ZEXT)
    return i->aux <= 32;
  if (i->op == IR_AND)
    return (ir_is_const(b, i->b) && b->insn[i->b].imm <= 0xffffffffu) ||
           (ir_is_const(b, i->a) && b->insn[i->a].imm <= 0xffffffffu);
  return ir_is_const(b, ref) && i->imm <= 0xffffffffu;
}

/* The i32 x's low half is when it is a zero or sign extension of one, or 0
 * (then a TRUNC has to make it). */
static uint32_t opt_vs_low32_of(const struct ir_block *b, uint32_t x) {
  const struct ir_insn *e = &b->insn[x];
  return (e->op == IR_ZEXT || e->op == IR_SEXT) && e->aux == 32 && b->insn[e->a].type == IR_I32
             ? e->a
             : 0;
}

/* n NOP slots before r and after `after`, in increasing order; 0 if there
 * are fewer (then room for them is asked for, opt_spread.c, and for one
 * more: a constant 0 for the PUT of the high half that opt_rc_split may
 * make of the result's PUT). */
static int opt_vs_slots(struct opt_cf *cf, uint32_t after, uint32_t r, uint32_t *s, unsigned n) {
  for (unsigned k = n; k-- > 0;)
    if (!(s[k] = opt_nop_before(cf->b, after, k + 1 < n ? s[k + 1] : r))) {
      opt_room_want(cf->room, r, n + 1);
      return 0;
    }
  return 1;
}

/* A slot-filling sequence: new instructions, each in the next slot. */
struct opt_vs_seq {
  struct ir_block *b;
  const uint32_t *s;
  unsigned n;
};

static uint32_t opt_vs_emit(struct opt_vs_seq *q, enum ir_op op, uint8_t type, uint32_t a,
                            uint32_t c) {
  uint32_t r = q->s[q->n++];
  q->b->insn[r] = (struct ir_insn){.op = (uint8_t)op, .type = type, .a = a, .b = c};
  return r;
}

static uint32_t opt_vs_low32(struct opt_vs_seq *q, uint32_t x) {
  uint32_t lo = opt_vs_low32_of(q->b, x);
  return lo ? lo : opt_vs_emit(q, IR_TRUNC, IR_I32, x, 0);
}

static uint32_t opt_vs_zext32(struct opt_vs_seq *q, uint32_t x32) {
  uint32_t r = opt_vs_emit(q, IR_ZEXT, IR_I64, x32, 0);
  q->b->insn[r].aux = 32;
  return r;
}

static enum ir_op opt_vs_scalar_op(enum ir_op op) {
  switch (op) {
  case IR_VAND: return IR_AND;
  case IR_VOR: return IR_OR;
  case IR_VXOR: return IR_XOR;
  case IR_VADD: return IR_ADD;
  case IR_VSUB: return IR_SUB;
  case IR_VMUL: return IR_MUL;
  default: return IR_NOP;
  }
}

/* The operand whose high word lane 1 of a 32-bit-lane op on x and y
 * keeps (x or y), 0 when it is 0, UINT32_MAX when neither. */
static uint32_t opt_vs_lane1(const struct ir_block *b, enum ir_op op, uint32_t x, uint32_t y) {
  int hx = opt_vs_high0(b, x), hy = opt_vs_high0(b, y);
  if ((hx && hy) || (op == IR_VMUL && (hx || hy)))
    return 0;
  if (op == IR_VADD && (hx || hy))
    return hx ? y : x;
  if (op == IR_VSUB && hy)
    return x;
  return UINT32_MAX;
}

/* The scalar form of the 32-bit-lane op i on x and y, in slots; 0 if none. */
static uint32_t opt_vs_lanes32(struct opt_cf *cf, const struct ir_insn *i, uint32_t x, uint32_t y,
                               uint32_t r) {
  struct ir_block *b = cf->b;
  enum ir_op op = opt_vs_scalar_op(i->op);
  uint32_t keep = opt_vs_lane1(b, i->op, x, y), s[7];
  if (op == IR_NOP || op == IR_AND || op == IR_OR || op == IR_XOR || keep == UINT32_MAX)
    return 0;
  unsigned n = 2 + !opt_vs_low32_of(b, x) + !opt_vs_low32_of(b, y) + (keep ? 2 : 0);
  if (!opt_vs_slots(cf, x > y ? x : y, r, s, n))
    return 0;
  struct opt_vs_seq q = {b, s, 0};
  uint32_t lx = opt_vs_low32(&q, x), ly = opt_vs_low32(&q, y);
  uint32_t v = opt_vs_emit(&q, op, IR_I32, lx, ly);
  if (!keep)
    return opt_vs_zext32(&q, v);
  uint32_t lk = keep == x ? lx : ly; /* keep ^ zext.32(v ^ low(keep)) */
  uint32_t d = opt_vs_zext32(&q, opt_vs_emit(&q, IR_XOR, IR_I32, v, lk));
  return opt_vs_emit(&q, IR_XOR, IR_I64, keep, d);
}

/* The scalar form of the op i on the i64s x and y, in slots; 0 if none. */
static uint32_t opt_vs_op(struct opt_cf *cf, const struct ir_insn *i, uint32_t x, uint32_t y,
                          uint32_t r) {
  struct ir_block *b = cf->b;
  enum ir_op op = opt_vs_scalar_op(i->op);
  uint32_t s[2], after = x > y ? x : y;
  if (i->op == IR_VANDN) {
    if (!opt_vs_slots(cf, after, r, s, 2))
      return 0;
    struct opt_vs_seq q = {b, s, 0};
    return opt_vs_emit(&q, IR_AND, IR_I64, x, opt_vs_emit(&q, IR_NOT, IR_I64, y, 0));
  }
  int whole = op == IR_AND || op == IR_OR || op == IR_XOR ||
              ((op == IR_ADD || op == IR_SUB) && i->aux == 3);
  if (!whole)
    return i->aux == 2 ? opt_vs_lanes32(cf, i, x, y, r) : 0;
  if (!opt_vs_slots(cf, after, r, s, 1))
    return 0;
  struct opt_vs_seq q = {b, s, 0};
  return opt_vs_emit(&q, op, IR_I64, x, y);
}

/* A lane of VZEXT64 of the i64 x: in place as x, 0, a ZEXT or a TRUNC of
 * it (64- and 32-bit lanes of the low half); 0 if it stays. */
static int opt_vs_extract(struct opt_cf *cf, uint32_t r, uint32_t x) {
  struct ir_block *b = cf->b;
  struct ir_insn *i = &b->insn[r];
  unsigned lanes_lo = i->aux == 3 ? 1 : i->aux == 2 ? 2 : 0;
  if (!lanes_lo)
    return 0;
  if (i->imm >= lanes_lo) { /* the high half */
    opt_cf_make_const(cf, r, 0);
    return 1;
  }
  if (i->aux == 3 && i->type == IR_I64) {
    opt_replace(b, cf->repl, r, x);
    return 1;
  }
  if (i->aux != 2 || i->imm != 0)
    return 0;
  uint32_t lo = opt_vs_low32_of(b, x);
  if (i->type == IR_I32 && lo)
    opt_replace(b, cf->repl, r, lo);
  else if (i->type == IR_I32)
    *i = (struct ir_insn){.op = IR_TRUNC, .type = IR_I32, .a = x};
  else if (lo || opt_vs_high0(b, x))
    opt_replace(b, cf->repl, r, x); /* already zero-extended */
  else
    return 0;
  return 1;
}

int opt_cf_vscalar(struct opt_cf *cf, uint32_t r) {
  struct ir_block *b = cf->b;
  struct ir_insn *i = &b->insn[r];
  uint32_t x, y, s;
  if (i->op == IR_VEXTRACT && (x = opt_vs_scalar(b, i->a)))
    return opt_vs_extract(cf, r, x);
  if (!ir_is_vec_op(i->op) || ir_op_info[i->op].nargs != 2 || !(x = opt_vs_scalar(b, i->a)) ||
      !(y = opt_vs_scalar(b, i->b)) || !(s = opt_vs_op(cf, i, x, y, r)))
    return 0;
  *i = (struct ir_insn){.op = IR_VZEXT64, .type = IR_V128, .a = s};
  return 1;
}
