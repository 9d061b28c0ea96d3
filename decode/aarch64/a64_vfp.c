/* a64_vfp.c - A64 floating point as the IR's VF* ops, translated
 * speculatively: host IEEE arithmetic plus a check that it gave Arm's exact
 * result and flags (Arm ARM A1.5, "Floating-point support").
 *
 * Host IEEE 754 arithmetic (round to nearest even, subnormals kept) is
 * Arm's under FPCR.RMode = RN, FZ = 0, DN = 0 (AHP and FZ16 only concern
 * half precision, which stays with the helpers). Each block checks that
 * once, before its first speculative FP op. Results and cumulative flags
 * then agree except on two kinds of results, which VFCHK reports:
 *  - NaNs: Arm propagates the first NaN operand or makes the default NaN
 *    (positive), x86 makes a negative default NaN;
 *  - +-the smallest normal: Arm detects tininess before rounding, x86
 *    after, so UFC may differ exactly when a result rounds to it.
 * On either, DEOPT_IF leaves the block before the instruction has written
 * anything, with this instruction's pc; from then on xrun_speculate(pc) is
 * false, every trans_ here declines, and the exact helper of a64_fp.c or
 * a64_simd*.c (tried after this table) translates it. Compares, FCVTZ[SU]
 * and [SU]CVTF need no check: the IR ops' results and exceptions are Arm's
 * (quiet FCMEQ/FCMP, signalling FCMGE/FCMGT/FCMPE; saturation toward zero;
 * a converted integer is never a NaN nor tiny).
 *
 * Covered, single and double: scalar FADD FSUB FMUL FDIV FNMUL FMADD FMSUB
 * FNMADD FNMSUB FSQRT, FCMP/FCMPE (register and #0.0), FCVT S<->D, SCVTF
 * UCVTF (from W/X, also fixed point), FCVTZS FCVTZU (to W/X); vector and
 * scalar FABD FCMEQ FCMGE FCMGT FACGE FACGT, the compares with zero,
 * SCVTF UCVTF FCVTZS FCVTZU (integer forms), FMUL FMLA FMLS by element;
 * vector FADD FSUB FMUL FDIV FMLA FMLS FADDP FSQRT FCVTL(2) FCVTN(2),
 * FABS FNEG (sign-bit operations, not speculative); scalar FADDP.
 * Declined: binary32 FDIV of a 64-bit vector (no such IR op), half
 * precision, FMAX/FMIN and friends, FMULX, FRECP*, FRSQRT*, FRINT*, the
 * other rounding modes of FCVT*, FCVTZ[SU] to fixed point (the scaling
 * multiply could overflow where Arm raises only IOC), FCCMP, FCSEL.
 *
 *   fmul v0.4s, v1.4s, v2.4s  ->  r = vfmul.2|all n, m; deopt.if vfchk r; put v0, r
 */
#include "a64.h"
#include "a64_helpers.h"

/* ---- speculation, FPCR, checks ---- */

/* Once per block, before the first speculative FP op: leave unless FPCR
 * asks for what the host does. */
static void vfp_enter(struct a64_ctx *s) {
  struct ir_block *b = s->b;
  if (s->fpcr_checked)
    return;
  uint32_t fpcr = ir_get(b, IR_I32, offsetof(struct a64_cpu, fpcr));
  uint32_t mask = ir_const(b, IR_I32, A64_FPCR_RMODE | A64_FPCR_FZ | A64_FPCR_DN);
  ir_deopt_if(b, ir_binop(b, IR_AND, IR_I32, fpcr, mask), s->pc);
  s->fpcr_checked = true;
}

/* Leave before the instruction writes anything if r, a VF result of aux,
 * has a lane where Arm's result or flags may differ (a NaN, +-min normal). */
static uint32_t vfp_check(struct a64_ctx *s, uint32_t r, unsigned aux) {
  ir_deopt_if(s->b, ir_vop(s->b, IR_VFCHK, IR_I32, aux, r, 0, 0), s->pc);
  return r;
}

/* The aux of a vector form: Q=0 works on the lanes of the low half. */
static unsigned vfp_vec_aux(unsigned lg, unsigned q) {
  return lg | (q ? IR_VF_ALL : IR_VF_HALF);
}

/* The sign bits of the lanes of aux, zero elsewhere. */
static uint32_t vfp_signs(struct a64_ctx *s, unsigned aux) {
  unsigned width = 8u << (aux & 3), n = ir_vf_lanes(aux);
  uint64_t half[2] = {0, 0};
  for (unsigned k = 0; k < n; k++) {
    unsigned bit = (k + 1) * width - 1;
    half[bit / 64] |= 1ull << (bit % 64);
  }
  return ir_vconst(s->b, half[0], half[1]);
}

/* FPNeg and FPAbs of the lanes of aux: sign-bit operations, NaNs included. */
static uint32_t vfp_neg(struct a64_ctx *s, unsigned aux, uint32_t x) {
  return ir_vop(s->b, IR_VXOR, IR_V128, 0, x, vfp_signs(s, aux), 0);
}
static uint32_t vfp_abs(struct a64_ctx *s, unsigned aux, uint32_t x) {
  return ir_vop(s->b, IR_VANDN, IR_V128, 0, x, vfp_signs(s, aux), 0);
}

static uint32_t vfp_zero(struct a64_ctx *s) {
  return ir_vconst(s->b, 0, 0);
}

/* A checked VF op of one or two operands. */
static uint32_t vfp_arith(struct a64_ctx *s, enum ir_op op, unsigned aux, uint32_t x, uint32_t y) {
  return vfp_check(s, ir_vop(s->b, op, IR_V128, aux, x, y, 0), aux);
}

/* x * y + z, rounded once (FPMulAdd with the operands already negated). */
static uint32_t vfp_fma(struct a64_ctx *s, unsigned aux, uint32_t x, uint32_t y, uint32_t z) {
  return vfp_check(s, ir_vop3(s->b, IR_VFMA, aux, x, y, z), aux);
}

static uint32_t vfp_cmp(struct a64_ctx *s, enum ir_op op, unsigned aux, uint32_t x, uint32_t y) {
  return ir_vop(s->b, op, IR_V128, aux, x, y, 0);
}

/* ---- the two-operand forms, shared by the scalar, vector, by-element
 * and pairwise classes ---- */

enum vfp2 {
  V2_NONE,
  V2_FADD,
  V2_FSUB,
  V2_FMUL,
  V2_FDIV,
  V2_FNMUL,
  V2_FMLA, /* d + n * m */
  V2_FMLS, /* d + (-n) * m: Arm negates element1 before the fused multiply-add */
  V2_FABD,
  V2_FADDP,
  V2_FCMEQ,
  V2_FCMGE,
  V2_FCMGT,
  V2_FACGE,
  V2_FACGT
};

/* The lanes of aux of n op m (d: the accumulator of FMLA/FMLS); any
 * deopt check comes before the result is returned. */
static uint32_t vfp2_emit(struct a64_ctx *s, enum vfp2 k, unsigned aux, uint32_t n, uint32_t m,
                          uint32_t d) {
  switch (k) {
  case V2_FADD:
  case V2_FADDP: return vfp_arith(s, IR_VFADD, aux, n, m);
  case V2_FSUB: return vfp_arith(s, IR_VFSUB, aux, n, m);
  case V2_FMUL: return vfp_arith(s, IR_VFMUL, aux, n, m);
  case V2_FDIV: return vfp_arith(s, IR_VFDIV, aux, n, m);
  case V2_FNMUL: return vfp_neg(s, aux, vfp_arith(s, IR_VFMUL, aux, n, m));
  case V2_FMLA: return vfp_fma(s, aux, n, m, d);
  case V2_FMLS: return vfp_fma(s, aux, vfp_neg(s, aux, n), m, d);
  case V2_FABD: return vfp_abs(s, aux, vfp_arith(s, IR_VFSUB, aux, n, m));
  case V2_FCMEQ: return vfp_cmp(s, IR_VFCMPEQ, aux, n, m);
  case V2_FCMGE: return vfp_cmp(s, IR_VFCMPGE, aux, n, m);
  case V2_FCMGT: return vfp_cmp(s, IR_VFCMPGT, aux, n, m);
  case V2_FACGE: return vfp_cmp(s, IR_VFCMPGE, aux, vfp_abs(s, aux, n), vfp_abs(s, aux, m));
  default: return vfp_cmp(s, IR_VFCMPGT, aux, vfp_abs(s, aux, n), vfp_abs(s, aux, m));
  }
}

static bool vfp2_is_fma(enum vfp2 k) {
  return k == V2_FMLA || k == V2_FMLS;
}

/* Vd = n op m on the lanes of aux (the others zero). */
static bool vfp2_put(struct a64_ctx *s, enum vfp2 k, unsigned aux, unsigned rd, uint32_t n,
                     uint32_t m) {
  uint32_t d = vfp2_is_fma(k) ? a64_vget(s, rd) : 0;
  vfp_enter(s);
  ir_put(s->b, a64_off_v(rd), vfp2_emit(s, k, aux, n, m, d));
  return true;
}

/* ---- scalar FP: M 0 S 11110 ftype ... (Arm ARM C4.1.96) ---- */

struct vfp_regs {
  unsigned rd, rn, rm, ra;
};

static struct vfp_regs vfp_regs_of(uint32_t insn) {
  return (struct vfp_regs){a64_bits(insn, 0, 5), a64_bits(insn, 5, 5), a64_bits(insn, 16, 5),
                           a64_bits(insn, 10, 5)};
}

/* ftype 00 single, 01 double: the lane size; 0 for half and reserved. */
static unsigned vfp_ftype_lg(uint32_t insn) {
  unsigned ftype = a64_bits(insn, 22, 2);
  return ftype < 2 ? 2 + ftype : 0;
}

/* 0 0 0 11110 ftype 1 Rm opcode(4) 10 Rn Rd: FMUL FDIV FADD FSUB, FNMUL (1000) */
static bool trans_vfp_dp2(struct a64_ctx *s, uint32_t insn) {
  static const uint8_t ops[16] = {V2_FMUL, V2_FDIV, V2_FADD, V2_FSUB, [8] = V2_FNMUL};
  struct vfp_regs r = vfp_regs_of(insn);
  unsigned lg = vfp_ftype_lg(insn);
  enum vfp2 k = ops[a64_bits(insn, 12, 4)];
  if (!lg || !k || !xrun_speculate(s->pc))
    return false;
  return vfp2_put(s, k, lg | IR_VF_ONE, r.rd, a64_vget(s, r.rn), a64_vget(s, r.rm));
}

/* 0 0 0 11111 ftype o1 Rm o0 Ra Rn Rd: FMADD a + n*m, FMSUB a - n*m,
 * FNMADD -a - n*m, FNMSUB -a + n*m: n negated when o0 != o1, a when o1. */
static bool trans_vfp_dp3(struct a64_ctx *s, uint32_t insn) {
  struct vfp_regs r = vfp_regs_of(insn);
  unsigned lg = vfp_ftype_lg(insn), o1 = a64_bits(insn, 21, 1), o0 = a64_bits(insn, 15, 1);
  if (!lg || !xrun_speculate(s->pc))
    return false;
  unsigned aux = lg | IR_VF_ONE;
  uint32_t n = a64_vget(s, r.rn), m = a64_vget(s, r.rm), a = a64_vget(s, r.ra);
  vfp_enter(s);
  if (o0 != o1)
    n = vfp_neg(s, aux, n);
  if (o1)
    a = vfp_neg(s, aux, a);
  ir_put(s->b, a64_off_v(r.rd), vfp_fma(s, aux, n, m, a));
  return true;
}

/* 0 0 0 11110 ftype 1 opcode(6) 10000 Rn Rd: FSQRT (000011), FCVT to
 * single (000100) from double, to double (000101) from single. */
static bool trans_vfp_dp1(struct a64_ctx *s, uint32_t insn) {
  struct vfp_regs r = vfp_regs_of(insn);
  unsigned lg = vfp_ftype_lg(insn), opcode = a64_bits(insn, 15, 6);
  if (!lg || !xrun_speculate(s->pc))
    return false;
  if (opcode == 3) {
    vfp_enter(s);
    ir_put(s->b, a64_off_v(r.rd), vfp_arith(s, IR_VFSQRT, lg | IR_VF_ONE, a64_vget(s, r.rn), 0));
    return true;
  }
  if ((opcode != 4 && opcode != 5) || opcode - 2 == lg)
    return false;
  unsigned aux = (opcode - 2) | IR_VF_ONE; /* the result's lane */
  vfp_enter(s);
  ir_put(s->b, a64_off_v(r.rd), vfp_arith(s, IR_VFCVT, aux, a64_vget(s, r.rn), 0));
  return true;
}

/* 0 0 0 11110 ftype 1 Rm 00 1000 Rn opc(2) 000: FCMP, FCMP #0.0 (opc<0>),
 * FCMPE (opc<1>: invalid for quiet NaNs too) -> NZCV. */
static bool trans_vfp_fcmp(struct a64_ctx *s, uint32_t insn) {
  struct vfp_regs r = vfp_regs_of(insn);
  unsigned lg = vfp_ftype_lg(insn), signalling = a64_bits(insn, 4, 1);
  if (!lg || !xrun_speculate(s->pc))
    return false;
  uint32_t n = a64_vget(s, r.rn);
  uint32_t m = a64_bits(insn, 3, 1) ? vfp_zero(s) : a64_vget(s, r.rm);
  vfp_enter(s);
  a64_set_nzcv(s, ir_vop(s->b, IR_VFCMP, IR_I32, lg | IR_VF_ONE, n, m, signalling));
  return true;
}

/* SCVTF/UCVTF: Wn/Xn (XZR for 31) to lane 0 of Vd, divided by 2^fbits. The
 * scaling is exact: a converted integer times 2^-64 or more is normal. */
static bool vfp_from_int(struct a64_ctx *s, uint32_t insn, bool is_unsigned, unsigned fbits) {
  struct vfp_regs r = vfp_regs_of(insn);
  unsigned lg = vfp_ftype_lg(insn), sf = a64_bits(insn, 31, 1), aux = lg | IR_VF_ONE;
  uint32_t x = a64_rd(s, r.rn, sf, false);
  vfp_enter(s);
  uint32_t v = ir_vop(s->b, is_unsigned ? IR_VFFROMU : IR_VFFROMS, IR_V128, aux, x, 0, 0);
  if (fbits) {
    uint64_t scale = lg == 3 ? (uint64_t)(1023 - fbits) << 52 : (uint64_t)(127 - fbits) << 23;
    v = ir_vop(s->b, IR_VFMUL, IR_V128, aux, v, ir_vconst(s->b, scale, 0), 0);
  }
  ir_put(s->b, a64_off_v(r.rd), v);
  return true;
}

/* sf 0 0 11110 ftype 1 rmode opcode(3) 000000 Rn Rd: SCVTF (00 010),
 * UCVTF (00 011), FCVTZS (11 000), FCVTZU (11 001); saturating into Wd/Xd,
 * flags counted even when Rd is XZR. */
static bool trans_vfp_cvt_int(struct a64_ctx *s, uint32_t insn) {
  struct vfp_regs r = vfp_regs_of(insn);
  unsigned lg = vfp_ftype_lg(insn), sf = a64_bits(insn, 31, 1);
  unsigned rop = a64_bits(insn, 19, 2) << 3 | a64_bits(insn, 16, 3);
  if (!lg || a64_bits(insn, 29, 1) || !xrun_speculate(s->pc))
    return false;
  if (rop == 2 || rop == 3)
    return vfp_from_int(s, insn, rop == 3, 0);
  if (rop != 0x18 && rop != 0x19)
    return false;
  uint32_t v = a64_vget(s, r.rn);
  vfp_enter(s);
  enum ir_op op = rop == 0x19 ? IR_VFTOU : IR_VFTOS;
  a64_wr(s, r.rd, sf, false, ir_vop(s->b, op, a64_ty(sf), lg | IR_VF_ONE, v, 0, 0));
  return true;
}

/* sf 0 0 11110 ftype 0 rmode opcode(3) scale(6) Rn Rd: SCVTF/UCVTF (fixed
 * point, 00 010/011), fbits = 64 - scale, at most 32 for Wn. */
static bool trans_vfp_cvt_fixed(struct a64_ctx *s, uint32_t insn) {
  unsigned rop = a64_bits(insn, 19, 2) << 3 | a64_bits(insn, 16, 3);
  bool fits = a64_bits(insn, 31, 1) || a64_bits(insn, 15, 1);
  if (!vfp_ftype_lg(insn) || a64_bits(insn, 29, 1) || (rop != 2 && rop != 3) || !fits ||
      !xrun_speculate(s->pc))
    return false;
  return vfp_from_int(s, insn, rop == 3, 64 - a64_bits(insn, 10, 6));
}

/* ---- Advanced SIMD (Arm ARM C4.1.95) ----
 * 0 Q U 01110 a sz ... (scalar: 01 U 11110 a sz ...): a = bit 23, sz = bit 22
 * picks single or double; sz with Q=0 is reserved in the vector forms. */

struct vfp_vec {
  unsigned rd, rn, rm, q, lg, key; /* key = U:a:opcode */
  bool scalar;
};

static struct vfp_vec vfp_vec_of(uint32_t insn, unsigned opcode_pos) {
  return (struct vfp_vec){a64_bits(insn, 0, 5),
                          a64_bits(insn, 5, 5),
                          a64_bits(insn, 16, 5),
                          a64_bits(insn, 30, 1),
                          2 + a64_bits(insn, 22, 1),
                          a64_bits(insn, 29, 1) << 6 | a64_bits(insn, 23, 1) << 5 |
                              a64_bits(insn, opcode_pos, 5),
                          a64_bits(insn, 28, 1)};
}

/* The aux of a vector or scalar form; 0 for reserved encodings and for the
 * binary32 division of half a vector, which the IR does not have. */
static unsigned vfp_form_aux(struct vfp_vec o) {
  if (o.scalar)
    return o.lg | IR_VF_ONE;
  return o.lg == 3 && !o.q ? 0 : vfp_vec_aux(o.lg, o.q);
}

/* Three same, key U:a:opcode with opcode 11xxx (a64_simd_fp.c's fp3_ops). */
static const struct {
  uint8_t op;     /* enum vfp2 */
  uint8_t scalar; /* also as scalar */
} vfp3_ops[128] = {
    [0x1a] = {V2_FADD, 0},  [0x3a] = {V2_FSUB, 0},  [0x5b] = {V2_FMUL, 0},  [0x5f] = {V2_FDIV, 0},
    [0x19] = {V2_FMLA, 0},  [0x39] = {V2_FMLS, 0},  [0x7a] = {V2_FABD, 1},  [0x5a] = {V2_FADDP, 0},
    [0x1c] = {V2_FCMEQ, 1}, [0x5c] = {V2_FCMGE, 1}, [0x7c] = {V2_FCMGT, 1}, [0x5d] = {V2_FACGE, 1},
    [0x7d] = {V2_FACGT, 1},
};

/* FADDP's operands: the even and odd lanes of the pairs of m:n (n low). */
static void vfp_pairs(struct a64_ctx *s, struct vfp_vec o, uint32_t *n, uint32_t *m) {
  uint32_t lo = *n, hi = *m;
  if (!o.q) /* n.lo:m.lo */
    lo = hi = ir_vop(s->b, IR_VZIP1, IR_V128, 3, *n, *m, 0);
  *n = ir_vop(s->b, IR_VUZP1, IR_V128, o.lg, lo, hi, 0);
  *m = ir_vop(s->b, IR_VUZP2, IR_V128, o.lg, lo, hi, 0);
}

/* 0 Q U 01110 a sz 1 Rm opcode(5) 1 Rn Rd, scalar 01 U 11110 a sz 1 Rm opcode 1 Rn Rd */
static bool trans_vfp_3same(struct a64_ctx *s, uint32_t insn) {
  struct vfp_vec o = vfp_vec_of(insn, 11);
  enum vfp2 k = vfp3_ops[o.key].op;
  unsigned aux = vfp_form_aux(o);
  if (!k || !aux || (o.scalar && !vfp3_ops[o.key].scalar) || !xrun_speculate(s->pc))
    return false;
  if (k == V2_FDIV && aux == (2 | IR_VF_HALF))
    return false;
  uint32_t n = a64_vget(s, o.rn), m = a64_vget(s, o.rm);
  if (k == V2_FADDP)
    vfp_pairs(s, o, &n, &m);
  return vfp2_put(s, k, aux, o.rd, n, m);
}

/* 01 1 11110 0 sz 11000 01101 10 Rn Rd: FADDP (scalar) = Vn[0] + Vn[1] */
static bool trans_vfp_faddp_scalar(struct a64_ctx *s, uint32_t insn) {
  struct vfp_vec o = vfp_vec_of(insn, 12);
  if (o.key != 0x4d || !xrun_speculate(s->pc))
    return false;
  uint32_t n = a64_vget(s, o.rn), m;
  if (o.lg == 3)
    m = ir_vop(s->b, IR_VZIP2, IR_V128, 3, n, n, 0);
  else
    m = ir_vop(s->b, IR_VSHRU, IR_V128, 3, n, 0, 32);
  return vfp2_put(s, V2_FADD, o.lg | IR_VF_ONE, o.rd, n, m);
}

/* 0 Q U 01111 1 sz L M Rm opcode(4) H 0 Rn Rd (scalar 01 U 11111 ...):
 * U=0 0001 FMLA, 0101 FMLS, 1001 FMUL by element Vm[index] (H:L single,
 * H double; Rm = M:Rm). */
static bool trans_vfp_elem(struct a64_ctx *s, uint32_t insn) {
  static const uint8_t ops[16] = {[1] = V2_FMLA, [5] = V2_FMLS, [9] = V2_FMUL};
  struct vfp_vec o = vfp_vec_of(insn, 12);
  enum vfp2 k = ops[a64_bits(insn, 12, 4)];
  unsigned aux = vfp_form_aux(o), index, rm;
  if (a64_bits(insn, 29, 1) || !k || !a64_bits(insn, 23, 1) || !aux ||
      (o.lg == 3 && a64_bits(insn, 21, 1)) || !xrun_speculate(s->pc))
    return false;
  a64_elem_index(insn, o.lg, &index, &rm);
  uint32_t e = ir_vop(s->b, IR_VEXTRACT, IR_I64, o.lg, a64_vget(s, rm), 0, index);
  uint32_t m = ir_vop(s->b, IR_VDUP, IR_V128, o.lg, e, 0, 0);
  return vfp2_put(s, k, aux, o.rd, a64_vget(s, o.rn), m);
}

/* ---- two-register misc: 0 Q U 01110 a sz 10000 opcode(5) 10 Rn Rd,
 * scalar 01 U 11110 a sz 10000 opcode 10 Rn Rd; key U:a:opcode ---- */

enum vfp1 {
  V1_NONE,
  V1_FCMGT0,
  V1_FCMEQ0,
  V1_FCMLT0,
  V1_FCMGE0,
  V1_FCMLE0,
  V1_FSQRT,
  V1_SCVTF,
  V1_UCVTF,
  V1_FCVTZS,
  V1_FCVTZU
};

static const struct {
  uint8_t op;     /* enum vfp1 */
  uint8_t scalar; /* also as scalar */
} vfp_misc_ops[128] = {
    [0x2c] = {V1_FCMGT0, 1}, [0x2d] = {V1_FCMEQ0, 1}, [0x2e] = {V1_FCMLT0, 1},
    [0x6c] = {V1_FCMGE0, 1}, [0x6d] = {V1_FCMLE0, 1}, [0x7f] = {V1_FSQRT, 0},
    [0x1d] = {V1_SCVTF, 1},  [0x5d] = {V1_UCVTF, 1},  [0x3b] = {V1_FCVTZS, 1},
    [0x7b] = {V1_FCVTZU, 1},
};

static uint32_t vfp1_emit(struct a64_ctx *s, enum vfp1 k, unsigned aux, uint32_t n) {
  switch (k) {
  case V1_FCMGT0: return vfp_cmp(s, IR_VFCMPGT, aux, n, vfp_zero(s));
  case V1_FCMEQ0: return vfp_cmp(s, IR_VFCMPEQ, aux, n, vfp_zero(s));
  case V1_FCMLT0: return vfp_cmp(s, IR_VFCMPGT, aux, vfp_zero(s), n);
  case V1_FCMGE0: return vfp_cmp(s, IR_VFCMPGE, aux, n, vfp_zero(s));
  case V1_FCMLE0: return vfp_cmp(s, IR_VFCMPGE, aux, vfp_zero(s), n);
  case V1_FSQRT: return vfp_arith(s, IR_VFSQRT, aux, n, 0);
  case V1_SCVTF: return ir_vop(s->b, IR_VFFROMS, IR_V128, aux, n, 0, 0);
  case V1_UCVTF: return ir_vop(s->b, IR_VFFROMU, IR_V128, aux, n, 0, 0);
  case V1_FCVTZS: return ir_vop(s->b, IR_VFTOS, IR_V128, aux, n, 0, 0);
  default: return ir_vop(s->b, IR_VFTOU, IR_V128, aux, n, 0, 0);
  }
}

/* FABS (key 0x2f), FNEG (0x6f): sign-bit operations that neither round nor
 * raise anything, so they need no speculation. */
static bool vfp_abs_neg(struct a64_ctx *s, struct vfp_vec o) {
  unsigned aux = vfp_form_aux(o);
  if (!aux || o.scalar)
    return false;
  uint32_t n = a64_vget(s, o.rn);
  a64_vput(s, o.rd, o.key == 0x2f ? vfp_abs(s, aux, n) : vfp_neg(s, aux, n), o.q);
  return true;
}

/* FCVTL(2) (key 0x17, sz=1): the singles of Vn's low (Q=1: high) half to
 * doubles; FCVTN(2) (0x16, sz=1): Vn's doubles to singles in the low half
 * of Vd, zeroing the high half (Q=1: into the high half, keeping the low). */
static bool vfp_fcvt_long_narrow(struct a64_ctx *s, struct vfp_vec o) {
  if (o.scalar || o.lg != 3 || !xrun_speculate(s->pc))
    return false;
  uint32_t n = a64_vget(s, o.rn), r;
  if (o.key == 0x17 && o.q)
    n = ir_vop(s->b, IR_VZIP2, IR_V128, 3, n, n, 0);
  vfp_enter(s);
  if (o.key == 0x17) {
    r = vfp_arith(s, IR_VFCVT, 3 | IR_VF_ALL, n, 0);
  } else {
    r = vfp_arith(s, IR_VFCVT, 2 | IR_VF_HALF, n, 0);
    if (o.q)
      r = ir_vop(s->b, IR_VZIP1, IR_V128, 3, a64_vget(s, o.rd), r, 0);
  }
  ir_put(s->b, a64_off_v(o.rd), r);
  return true;
}

static bool trans_vfp_2misc(struct a64_ctx *s, uint32_t insn) {
  struct vfp_vec o = vfp_vec_of(insn, 12);
  enum vfp1 k = vfp_misc_ops[o.key].op;
  unsigned aux = vfp_form_aux(o);
  if (o.key == 0x2f || o.key == 0x6f)
    return vfp_abs_neg(s, o);
  if (o.key == 0x16 || o.key == 0x17)
    return vfp_fcvt_long_narrow(s, o);
  if (!k || !aux || (o.scalar && !vfp_misc_ops[o.key].scalar) || !xrun_speculate(s->pc))
    return false;
  uint32_t n = a64_vget(s, o.rn);
  vfp_enter(s);
  ir_put(s->b, a64_off_v(o.rd), vfp1_emit(s, k, aux, n));
  return true;
}

const struct a64_pattern a64_vfp_patterns[] = {
    {0xff200c00, 0x1e200800, trans_vfp_dp2, "fp data-processing 2 source (VF IR)"},
    {0xff000000, 0x1f000000, trans_vfp_dp3, "fp data-processing 3 source (VF IR)"},
    {0xff207c00, 0x1e204000, trans_vfp_dp1, "fsqrt/fcvt scalar (VF IR)"},
    {0xff20fc07, 0x1e202000, trans_vfp_fcmp, "fcmp/fcmpe (VF IR)"},
    {0x7f20fc00, 0x1e200000, trans_vfp_cvt_int, "fp <-> integer (VF IR)"},
    {0x7f200000, 0x1e000000, trans_vfp_cvt_fixed, "scvtf/ucvtf fixed point (VF IR)"},
    {0x9f200400, 0x0e200400, trans_vfp_3same, "simd fp three same (VF IR)"},
    {0xdf200400, 0x5e200400, trans_vfp_3same, "simd scalar fp three same (VF IR)"},
    {0x9f3e0c00, 0x0e200800, trans_vfp_2misc, "simd fp two-reg misc (VF IR)"},
    {0xdf3e0c00, 0x5e200800, trans_vfp_2misc, "simd scalar fp two-reg misc (VF IR)"},
    {0xdf3e0c00, 0x5e300800, trans_vfp_faddp_scalar, "faddp scalar (VF IR)"},
    {0x9f000400, 0x0f000000, trans_vfp_elem, "simd fp by element (VF IR)"},
    {0xdf000400, 0x5f000000, trans_vfp_elem, "simd scalar fp by element (VF IR)"},
    {0, 0, NULL, NULL}};
