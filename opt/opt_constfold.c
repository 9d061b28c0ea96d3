/* opt_constfold.c - constant folding and propagation.
 *
 * One forward walk. Each instruction first has its operands rewritten to the
 * values that replaced them; then a pure op whose operands are all constants
 * becomes a CONST (evaluated by ir_eval, the interpreter's own semantics),
 * algebraic identities (x+0, x*1, x&-1, x|0, x^0, shifts by 0, selects on a
 * constant, x|x and x&x of vectors) forward an operand, EXIT_IF on a
 * constant either vanishes or becomes the block's GOTO, equal constants are
 * merged into the first one, and a shift left and back by the same amount
 * or a mask of the low 32 bits becomes a ZEXT or SEXT, a count of leading
 * zeros of a bit reversal becomes a count of trailing zeros, two shifts
 * ORed into a rotation a ROR (opt_rotate.c), a vector op on zero-extended
 * scalars the scalar op (opt_vscalar.c), a lane rotation by whole bytes a
 * byte permutation and byte moves that undo themselves their operand
 * (opt_vperm.c), and a VZEXT64 of a vector whose high half is already 0
 * is that vector (a 64-bit SIMD op writes its register through one, and
 * its operands were most often written the same way).
 *
 * A guest address (IR_CONST_GUEST) is a constant of this run only: a guest
 * address plus or minus a plain constant folds to a guest address, the
 * difference of two to a plain constant, and every other op on one stays
 * as it is (ir_is_const is false for it). Equal constants merge only with
 * the same tag.
 */
#include <stdlib.h>
#include "opt_int.h"
#include "../ir/ir_eval.h"

static const struct ir_insn *opt_cf_at(const struct opt_cf *cf, uint32_t ref) {
  return &cf->b->insn[ref];
}

/* Is ref the constant v (compared at the constant's own width)? */
static int opt_cf_is(const struct opt_cf *cf, uint32_t ref, uint64_t v) {
  const struct ir_insn *i = opt_cf_at(cf, ref);
  uint64_t m = ir_type_mask(i->type);
  return ir_is_const(cf->b, ref) && (i->imm & m) == (v & m);
}

static uint32_t opt_cf_hash(uint64_t imm, uint8_t type, uint8_t tag) {
  return (uint32_t)((imm ^ type ^ (uint64_t)tag << 8) * 0x9e3779b97f4a7c15ull >> 32);
}

/* Merge the CONST at r into an equal earlier one (of the same tag), or remember it. */
static void opt_cf_const(struct opt_cf *cf, uint32_t r) {
  struct ir_insn *i = &cf->b->insn[r];
  i->imm &= ir_type_mask(i->type);
  for (uint32_t h = opt_cf_hash(i->imm, i->type, i->aux);; h++) {
    uint32_t *slot = &cf->ctab[h & cf->cmask];
    const struct ir_insn *c = opt_cf_at(cf, *slot);
    if (!*slot) {
      *slot = r;
      return;
    }
    if (c->imm == i->imm && c->type == i->type && c->aux == i->aux) {
      opt_replace(cf->b, cf->repl, r, *slot);
      return;
    }
  }
}

/* Turn r into the constant v of its own type, with CONST aux tag. */
static void opt_cf_make_tagged(struct opt_cf *cf, uint32_t r, uint64_t v, uint8_t tag) {
  struct ir_insn *i = &cf->b->insn[r];
  *i = (struct ir_insn){
      .op = IR_CONST, .type = i->type, .aux = tag, .imm = v & ir_type_mask(i->type)};
  opt_cf_const(cf, r);
}

void opt_cf_make_const(struct opt_cf *cf, uint32_t r, uint64_t v) {
  opt_cf_make_tagged(cf, r, v, 0);
}

static int opt_cf_args_const(const struct opt_cf *cf, const struct ir_insn *i) {
  const uint32_t ops[3] = {i->a, i->b, i->c};
  for (unsigned k = 0; k < ir_op_info[i->op].nargs; k++)
    if (!ir_is_const(cf->b, ops[k]))
      return 0;
  return 1;
}

/* An i64 ADD or SUB of constants at least one of which is a guest address:
 * g + k, k + g and g - k are guest addresses, g1 - g2 a plain constant;
 * k - g stays (after a relocation it would move the other way). */
static int opt_cf_fold_guest(struct opt_cf *cf, uint32_t r) {
  const struct ir_insn *i = opt_cf_at(cf, r);
  if ((i->op != IR_ADD && i->op != IR_SUB) || i->type != IR_I64)
    return 0;
  int ga = ir_is_guest_const(cf->b, i->a), gb = ir_is_guest_const(cf->b, i->b);
  if ((!ga && !ir_is_const(cf->b, i->a)) || (!gb && !ir_is_const(cf->b, i->b)) || (!ga && !gb))
    return 0;
  uint64_t a = opt_cf_at(cf, i->a)->imm, b = opt_cf_at(cf, i->b)->imm;
  if (i->op == IR_ADD && ga != gb)
    opt_cf_make_tagged(cf, r, a + b, IR_CONST_GUEST);
  else if (i->op == IR_SUB && ga)
    opt_cf_make_tagged(cf, r, a - b, gb ? 0 : IR_CONST_GUEST);
  else
    return 0;
  return 1;
}

static int opt_cf_fold(struct opt_cf *cf, uint32_t r) {
  const struct ir_insn *i = opt_cf_at(cf, r);
  uint64_t v;
  if (!opt_cf_args_const(cf, i))
    return opt_cf_fold_guest(cf, r);
  if (!ir_eval(i, opt_cf_at(cf, i->a)->imm, opt_cf_at(cf, i->b)->imm, opt_cf_at(cf, i->c)->imm, &v))
    return 0;
  opt_cf_make_const(cf, r, v);
  return 1;
}

/* The operand that r equals by an identity, or 0. */
static uint32_t opt_cf_identity(const struct opt_cf *cf, const struct ir_insn *i) {
  uint64_t ones = ir_type_mask(i->type);
  switch (i->op) {
  case IR_ADD:
  case IR_OR:
  case IR_XOR: return opt_cf_is(cf, i->b, 0) ? i->a : opt_cf_is(cf, i->a, 0) ? i->b : 0;
  case IR_SUB: return opt_cf_is(cf, i->b, 0) ? i->a : 0;
  case IR_MUL: return opt_cf_is(cf, i->b, 1) ? i->a : opt_cf_is(cf, i->a, 1) ? i->b : 0;
  case IR_AND: return opt_cf_is(cf, i->b, ones) ? i->a : opt_cf_is(cf, i->a, ones) ? i->b : 0;
  case IR_SHL:
  case IR_SHR:
  case IR_SAR:
  case IR_ROR:
    return ir_is_const(cf->b, i->b) && (opt_cf_at(cf, i->b)->imm & (ir_type_bits(i->type) - 1)) == 0
               ? i->a
               : 0;
  case IR_VAND:
  case IR_VOR: return i->a == i->b ? i->a : 0; /* mov v0.16b, v1.16b is orr v0, v1, v1 */
  case IR_SELECT:
    if (i->b == i->c)
      return i->b;
    return ir_is_const(cf->b, i->a) ? (opt_cf_at(cf, i->a)->imm ? i->b : i->c) : 0;
  default: return 0;
  }
}

/* Ops whose result is a known constant whatever the other operand is. */
static int opt_cf_absorb(struct opt_cf *cf, uint32_t r) {
  const struct ir_insn *i = opt_cf_at(cf, r);
  int zero = 0;
  switch (i->op) {
  case IR_MUL:
  case IR_AND: zero = opt_cf_is(cf, i->a, 0) || opt_cf_is(cf, i->b, 0); break;
  case IR_SUB:
  case IR_XOR: zero = i->a == i->b; break;
  default: break;
  }
  if (zero)
    opt_cf_make_const(cf, r, 0);
  return zero;
}

/* (x << k) >> k, logical or arithmetic, with k = width - 8, 16 or 32: a
 * zero or sign extension of x's low bits, as decoders write UXTB, SXTW... */
static int opt_cf_extension(struct opt_cf *cf, uint32_t r) {
  struct ir_insn *i = &cf->b->insn[r];
  const struct ir_insn *shl = opt_cf_at(cf, i->a);
  if ((i->op != IR_SHR && i->op != IR_SAR) || shl->op != IR_SHL || shl->type != i->type ||
      !ir_is_const(cf->b, i->b) || !ir_is_const(cf->b, shl->b))
    return 0;
  uint64_t k = opt_cf_at(cf, i->b)->imm, bits = ir_type_bits(i->type) - k;
  if (opt_cf_at(cf, shl->b)->imm != k || (bits != 8 && bits != 16 && bits != 32))
    return 0;
  *i = (struct ir_insn){.op = i->op == IR_SAR ? IR_SEXT : IR_ZEXT,
                        .type = i->type,
                        .aux = (uint8_t)bits,
                        .a = shl->a};
  return 1;
}

/* x & 0xffffffff of an i64 is a ZEXT of its low 32 bits. */
static int opt_cf_mask_extension(struct opt_cf *cf, uint32_t r) {
  struct ir_insn *i = &cf->b->insn[r];
  if (i->op != IR_AND || i->type != IR_I64 || !opt_cf_is(cf, i->b, 0xffffffffu))
    return 0;
  *i = (struct ir_insn){.op = IR_ZEXT, .type = IR_I64, .aux = 32, .a = i->a};
  return 1;
}

/* trunc(ext(x, 32)) of an i32 x is x. */
static uint32_t opt_cf_trunc_of_ext(const struct opt_cf *cf, const struct ir_insn *i) {
  const struct ir_insn *e = opt_cf_at(cf, i->a);
  if (i->op == IR_TRUNC && (e->op == IR_ZEXT || e->op == IR_SEXT) && e->aux == 32 &&
      opt_cf_at(cf, e->a)->type == IR_I32)
    return e->a;
  return 0;
}

/* A CONST of value v defined before r: an equal one already seen, else a
 * NOP slot before r made into one (passes never renumber); 0 if neither. */
uint32_t opt_cf_const_before(struct opt_cf *cf, uint32_t r, uint8_t type, uint64_t v) {
  v &= ir_type_mask(type);
  for (uint32_t h = opt_cf_hash(v, type, 0);; h++) {
    uint32_t k = cf->ctab[h & cf->cmask];
    if (!k)
      break;
    if (opt_cf_at(cf, k)->imm == v && opt_cf_at(cf, k)->type == type && !opt_cf_at(cf, k)->aux)
      return k;
  }
  uint32_t k = opt_nop_before(cf->b, 0, r);
  if (k) {
    cf->b->insn[k] = (struct ir_insn){.op = IR_CONST, .type = type, .imm = v};
    opt_cf_const(cf, k);
  }
  return k;
}

/* select(c, 0, 1) of an i32 0/1 condition c (CMP or COND) is the opposite
 * condition: the compares and condition codes come in pairs that differ in
 * bit 0 (ir.h). select(c, 1, 0) is c itself. */
static int opt_cf_select_bool(struct opt_cf *cf, uint32_t r) {
  struct ir_insn *i = &cf->b->insn[r];
  const struct ir_insn *c = opt_cf_at(cf, i->a);
  if (i->op != IR_SELECT || i->type != IR_I32 || (c->op != IR_CMP && c->op != IR_COND))
    return 0;
  if (opt_cf_is(cf, i->b, 1) && opt_cf_is(cf, i->c, 0)) {
    opt_replace(cf->b, cf->repl, r, i->a);
    return 1;
  }
  if (!opt_cf_is(cf, i->b, 0) || !opt_cf_is(cf, i->c, 1) ||
      (c->op == IR_COND && (c->aux & 15) >= IR_CC_AL))
    return 0;
  *i = *c;
  i->aux ^= 1;
  return 1;
}

/* clz(bitrev(x)) = ctz(x) and ctz(bitrev(x)) = clz(x): A64 has no count
 * of trailing zeros, so compilers write RBIT then CLZ, and x86-64 has the
 * count in one to three instructions where the reversal costs twenty. */
static int opt_cf_count_of_reversal(struct opt_cf *cf, uint32_t r) {
  struct ir_insn *i = &cf->b->insn[r];
  const struct ir_insn *rev = opt_cf_at(cf, i->a);
  if ((i->op != IR_CLZ && i->op != IR_CTZ) || rev->op != IR_BITREV || rev->type != i->type)
    return 0;
  i->op = i->op == IR_CLZ ? IR_CTZ : IR_CLZ;
  i->a = rev->a;
  return 1;
}

/* (x + c1) + c2 = x + (c1 + c2), so address arithmetic of a base and
 * several offsets all start from the base; x itself where c1 + c2 = 0 (a
 * frame's sp after stp x29, x30, [sp, #-32]! ... ldp x29, x30, [sp], #32). */
static int opt_cf_reassociate(struct opt_cf *cf, uint32_t r) {
  struct ir_insn *i = &cf->b->insn[r];
  const struct ir_insn *inner = opt_cf_at(cf, i->a);
  if (i->op != IR_ADD || inner->op != IR_ADD || inner->type != i->type ||
      !ir_is_const(cf->b, i->b) || !ir_is_const(cf->b, inner->b))
    return 0;
  uint64_t sum = opt_cf_at(cf, i->b)->imm + opt_cf_at(cf, inner->b)->imm;
  if ((sum & ir_type_mask(i->type)) == 0) {
    opt_replace(cf->b, cf->repl, r, inner->a);
    return 1;
  }
  uint32_t k = opt_cf_const_before(cf, r, i->type, sum);
  if (!k)
    return 0;
  i->a = inner->a;
  i->b = k;
  return 1;
}

/* The rewrites of vector ops (opt_vscalar.c, opt_vperm.c), for the ops
 * they look at. */
static int opt_cf_vector(struct opt_cf *cf, uint32_t r) {
  enum ir_op op = cf->b->insn[r].op;
  if (op == IR_VOR || op == IR_VTBL || op == IR_VZIP1 || op == IR_VZIP2)
    return opt_cf_vscalar(cf, r) || opt_cf_vperm(cf, r);
  return opt_cf_vscalar(cf, r);
}

static void opt_cf_simplify(struct opt_cf *cf, uint32_t r) {
  const struct ir_insn *i = opt_cf_at(cf, r);
  uint32_t x = opt_cf_identity(cf, i);
  if (!x)
    x = opt_cf_trunc_of_ext(cf, i);
  if (x && opt_cf_at(cf, x)->type == i->type)
    opt_replace(cf->b, cf->repl, r, x);
  else if (!opt_cf_absorb(cf, r) && !opt_cf_select_bool(cf, r) && !opt_cf_reassociate(cf, r) &&
           !opt_cf_mask_extension(cf, r) && !opt_cf_count_of_reversal(cf, r) &&
           !opt_cf_rotate(cf, r) && !(ir_is_vec_op(i->op) && opt_cf_vector(cf, r)))
    opt_cf_extension(cf, r);
}

/* EXIT_IF on a constant: never taken (gone) or always (the block ends here). */
static void opt_cf_exit_if(struct opt_cf *cf, uint32_t r) {
  struct ir_block *b = cf->b;
  if (!ir_is_const(b, b->insn[r].a))
    return;
  if (!opt_cf_at(cf, b->insn[r].a)->imm) {
    opt_nop(b, r);
    return;
  }
  b->insn[r].op = IR_GOTO;
  b->insn[r].a = 0;
  for (uint32_t k = r + 1; k < b->n; k++)
    opt_nop(b, k);
  b->n = r + 1;
  while (b->n_marks && b->marks[b->n_marks - 1].ref > r)
    b->n_marks--; /* guest instructions never reached */
}

/* A commutative scalar op with a constant first takes it second, where
 * identities and backends look for it. */
static void opt_cf_canonical(struct opt_cf *cf, uint32_t r) {
  struct ir_insn *i = &cf->b->insn[r];
  if (ir_is_commutative(i->op) && !ir_is_vec_op(i->op) && ir_is_const(cf->b, i->a) &&
      !ir_is_const(cf->b, i->b)) {
    uint32_t t = i->a;
    i->a = i->b;
    i->b = t;
  }
}

/* Is the high half of the v128 that r makes 0? The ops that make it so,
 * and those that keep it (IRP_KEEP0) when every v128 operand's is. */
static int opt_cf_makes_high0(const struct opt_cf *cf, uint32_t r) {
  const struct ir_insn *i = opt_cf_at(cf, r);
  switch (i->op) {
  case IR_VZEXT64:
  case IR_VNARROW: return 1;
  case IR_LOAD: return (i->aux & IR_MEM_SIZE_MASK) <= 3;
  case IR_VCONST: return cf->b->vconst[i->imm].hi == 0;
  default: break;
  }
  if (ir_is_vf_op(i->op))
    return (i->aux & IR_VF_EXTENT_MASK) != IR_VF_ALL;
  if (!ir_keeps_zero(i->op))
    return 0;
  const uint32_t ops[3] = {i->a, i->b, i->c};
  for (unsigned k = 0; k < ir_op_info[i->op].nargs; k++)
    if (opt_cf_at(cf, ops[k])->type == IR_V128 && !cf->high0[ops[k]])
      return 0;
  return 1;
}

/* VZEXT64 of the low 64-bit lane of a v128 is VZEXT64 of that v128; of a
 * v128 whose high half is 0 already, that v128. */
static void opt_cf_vzext64(struct opt_cf *cf, uint32_t r) {
  struct ir_insn *i = &cf->b->insn[r];
  if (i->type != IR_V128) /* a VZEXT64 is one too */
    return;
  const struct ir_insn *low = opt_cf_at(cf, i->a);
  if (i->op == IR_VZEXT64 && low->op == IR_VEXTRACT && (low->aux & 3) == 3 && low->imm == 0)
    i->a = low->a;
  if (i->op == IR_VZEXT64 && opt_cf_at(cf, i->a)->type == IR_V128 && cf->high0[i->a])
    opt_replace(cf->b, cf->repl, r, i->a);
  else if (i->type == IR_V128)
    cf->high0[r] = (uint8_t)opt_cf_makes_high0(cf, r);
}

void opt_cf_begin(struct opt_cf *cf, struct ir_block *b, uint32_t *repl) {
  *cf = (struct opt_cf){.b = b, .repl = repl};
  cf->ctab = opt_ref_table(b, &cf->cmask);
  cf->high0 = opt_calloc(b, b->n, 1);
}

void opt_cf_end(struct opt_cf *cf) {
  (void)cf; /* its table is scratch memory */
}

void opt_cf_insn(struct opt_cf *cf, uint32_t r) {
  enum ir_op op = cf->b->insn[r].op;
  opt_cf_canonical(cf, r);
  if (op == IR_CONST)
    opt_cf_const(cf, r);
  else if (op == IR_EXIT_IF)
    opt_cf_exit_if(cf, r);
  else if (ir_is_pure(op) && !opt_cf_fold(cf, r))
    opt_cf_simplify(cf, r);
  opt_cf_vzext64(cf, r);
}
