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
 * FNMADD FNMSUB FSQRT FMAX FMIN FMAXNM FMINNM FRINT[NPMZXI], FCMP/FCMPE
 * (register and #0.0), FCCMP/FCCMPE and FCSEL (a64_vfp_cond.c), FCVT S<->D,
 * SCVTF UCVTF (from W/X, also fixed point), FCVT[NPMZ][SU] (to W/X);
 * vector and scalar FABD FCMEQ FCMGE FCMGT FACGE FACGT, the compares with
 * zero, SCVTF UCVTF FCVT[NPMZ][SU] (integer forms), FMULX FRECPS FRSQRTS,
 * FMUL FMLA FMLS FMULX by element; vector FADD FSUB FMUL FDIV FMLA FMLS
 * FADDP FMAX FMIN FMAXNM FMINNM and their pairwise forms, FSQRT
 * FRINT[NPMZXI], FCVTL(2) FCVTN(2), FABS FNEG (sign-bit operations, not
 * speculative); scalar FADDP FMAXP FMINP FMAXNMP FMINNMP; FMAXV FMINV
 * FMAXNMV FMINNMV (a64_vfp_minmax.c). FRINT and FCVT[NPM] are in
 * a64_vfp_round.c.
 * Declined: binary32 FDIV of a 64-bit vector (no such IR op), half
 * precision, FRECPE FRSQRTE FRECPX (estimates), FRINTA FCVTA[SU] (ties
 * away: no SSE form), FCVTZ[SU] to fixed point (the scaling multiply could
 * overflow where Arm raises only IOC).
 *
 *   fmul v0.4s, v1.4s, v2.4s  ->  r = vfmul.2|all n, m; deopt.if vfchk r; put v0, r
 */
#include "a64_vfp.h"
#include "a64_helpers.h"

/* ---- speculation, FPCR, checks ---- */

/* Once per block, before the first speculative FP op: leave unless FPCR
 * asks for what the host does. */
void a64_vfp_enter(struct a64_ctx *s) {
  struct ir_block *b = s->b;
  if (s->fpcr_checked)
    return;
  uint32_t fpcr = ir_get(b, IR_I32, offsetof(struct a64_cpu, fpcr));
  uint32_t mask = ir_const(b, IR_I32, A64_FPCR_RMODE | A64_FPCR_FZ | A64_FPCR_DN);
  ir_deopt_if(b, ir_binop(b, IR_AND, IR_I32, fpcr, mask), s->pc);
  s->fpcr_checked = true;
}

uint32_t a64_vfp_check(struct a64_ctx *s, uint32_t r, unsigned aux) {
  a64_vfp_leave_if(s, r, 0, aux, IR_VFCHK_RESULT);
  return r;
}

void a64_vfp_leave_if(struct a64_ctx *s, uint32_t x, uint32_t y, unsigned aux,
                      enum ir_vf_check kind) {
  struct ir_block *b = s->b;
  uint32_t c = ir_vop(b, IR_VFCHK, IR_I32, aux, x, 0, kind);
  if (y && y != x)
    c = ir_binop(b, IR_OR, IR_I32, c, ir_vop(b, IR_VFCHK, IR_I32, aux, y, 0, kind));
  ir_deopt_if(b, c, s->pc);
}

/* The aux of a vector form: Q=0 works on the lanes of the low half. */
static unsigned vfp_vec_aux(unsigned lg, unsigned q) {
  return lg | (q ? IR_VF_ALL : IR_VF_HALF);
}

/* A compare's true lanes are all ones, which is a NaN: VFCHK finds them. */
void a64_vfp_leave_if_any(struct a64_ctx *s, uint32_t mask, unsigned aux) {
  a64_vfp_leave_if(s, mask, 0, aux, IR_VFCHK_RESULT);
}

uint32_t a64_vfp_splat(struct a64_ctx *s, unsigned aux, uint64_t lane) {
  unsigned lg = aux & 3, n = ir_vf_lanes(aux);
  uint64_t half[2] = {0, 0};
  for (unsigned k = 0; k < n; k++)
    half[(k << lg) / 8] |= lane << ((k << lg) % 8 * 8);
  return ir_vconst(s->b, half[0], half[1]);
}

/* The sign bits of the lanes of aux, zero elsewhere. */
static uint32_t vfp_signs(struct a64_ctx *s, unsigned aux) {
  return a64_vfp_splat(s, aux, 1ull << ((8u << (aux & 3)) - 1));
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
  return a64_vfp_check(s, ir_vop(s->b, op, IR_V128, aux, x, y, 0), aux);
}

/* x * y + z, rounded once (FPMulAdd with the operands already negated). */
static uint32_t vfp_fma(struct a64_ctx *s, unsigned aux, uint32_t x, uint32_t y, uint32_t z) {
  return a64_vfp_check(s, ir_vop3(s->b, IR_VFMA, aux, x, y, z), aux);
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
  V2_FACGT,
  V2_FMAX, /* and FMAXNM: the same on the operands it does not leave for */
  V2_FMIN,
  V2_FMAXP,
  V2_FMINP,
  V2_FMULX,
  V2_FRECPS,
  V2_FRSQRTS
};

/* The lane bits of 2.0, 1.5 and 3.0, and 2^63 (2^511): a bound whose square
 * stays below the overflow threshold. */
static uint64_t vfp_lane_const(unsigned lg, double d) {
  uint64_t u;
  __builtin_memcpy(&u, &d, 8);
  if (lg == 3)
    return u;
  return (u >> 63) << 31 | ((u >> 52 & 0x7ff) - 1023 + 127) << 23 | (u >> 29 & 0x7fffff);
}

/* FMULX: FMUL, except that Inf * 0 is +-2.0 where x86 raises invalid, so
 * leave first on any NaN or infinite operand. */
static uint32_t vfp_fmulx(struct a64_ctx *s, unsigned aux, uint32_t n, uint32_t m) {
  a64_vfp_leave_if(s, n, m, aux, IR_VFCHK_NONFINITE);
  return vfp_arith(s, IR_VFMUL, aux, n, m);
}

/* FRECPS: 2 - n*m rounded once (FPRecipStepFused), whose Inf * 0 is 2.0:
 * finite operands only. */
static uint32_t vfp_frecps(struct a64_ctx *s, unsigned aux, uint32_t n, uint32_t m) {
  unsigned lg = aux & 3;
  a64_vfp_leave_if(s, n, m, aux, IR_VFCHK_NONFINITE);
  return vfp_fma(s, aux, vfp_neg(s, aux, n), m, a64_vfp_splat(s, aux, vfp_lane_const(lg, 2.0)));
}

/* FRSQRTS: (3 - n*m) / 2 rounded once (FPRSqrtStepFused) as 3 - n*m rounded,
 * then halved exactly: with finite operands below 2^63 (2^511) nothing
 * overflows, and a nonzero 3 - n*m is far from tiny (it is a multiple of the
 * product's last bit), so rounding and halving commute. */
static uint32_t vfp_frsqrts(struct a64_ctx *s, unsigned aux, uint32_t n, uint32_t m) {
  struct ir_block *b = s->b;
  unsigned lg = aux & 3;
  a64_vfp_leave_if(s, n, m, aux, IR_VFCHK_NONFINITE);
  uint32_t big = a64_vfp_splat(s, aux, vfp_lane_const(lg, lg == 3 ? 0x1p511 : 0x1p63));
  uint32_t bn = vfp_cmp(s, IR_VFCMPGE, aux, vfp_abs(s, aux, n), big);
  uint32_t bm = vfp_cmp(s, IR_VFCMPGE, aux, vfp_abs(s, aux, m), big);
  a64_vfp_leave_if_any(s, ir_vop(b, IR_VOR, IR_V128, 0, bn, bm, 0), aux);
  uint32_t r =
      vfp_fma(s, aux, vfp_neg(s, aux, n), m, a64_vfp_splat(s, aux, vfp_lane_const(lg, 3.0)));
  return vfp_arith(s, IR_VFMUL, aux, r, a64_vfp_splat(s, aux, vfp_lane_const(lg, 0.5)));
}

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
  case V2_FACGT: return vfp_cmp(s, IR_VFCMPGT, aux, vfp_abs(s, aux, n), vfp_abs(s, aux, m));
  case V2_FMAX:
  case V2_FMAXP: return a64_vfp_maxmin(s, false, aux, n, m);
  case V2_FMIN:
  case V2_FMINP: return a64_vfp_maxmin(s, true, aux, n, m);
  case V2_FMULX: return vfp_fmulx(s, aux, n, m);
  case V2_FRECPS: return vfp_frecps(s, aux, n, m);
  default: return vfp_frsqrts(s, aux, n, m);
  }
}

static bool vfp2_is_fma(enum vfp2 k) {
  return k == V2_FMLA || k == V2_FMLS;
}

static bool vfp2_is_pairwise(enum vfp2 k) {
  return k == V2_FADDP || k == V2_FMAXP || k == V2_FMINP;
}

/* Vd = n op m on the lanes of aux (the others zero). */
static bool vfp2_put(struct a64_ctx *s, enum vfp2 k, unsigned aux, unsigned rd, uint32_t n,
                     uint32_t m) {
  uint32_t d = vfp2_is_fma(k) ? a64_vget(s, rd) : 0;
  a64_vfp_enter(s);
  ir_put(s->b, a64_off_v(rd), vfp2_emit(s, k, aux, n, m, d));
  return true;
}

/* ---- scalar FP: M 0 S 11110 ftype ... (Arm ARM C4.1.96) ---- */

unsigned a64_vfp_ftype_lg(unsigned ftype) {
  return ftype < 2 ? 2 + ftype : 0;
}

/* 0 0 0 11110 ftype 1 Rm opcode(4) 10 Rn Rd: FMUL FDIV FADD FSUB FMAX FMIN
 * FMAXNM FMINNM FNMUL (0000..1000) */
bool trans_vfp_dp2(struct a64_ctx *s, const struct arg_vfp_dp2 *a) {
  static const uint8_t ops[16] = {V2_FMUL, V2_FDIV, V2_FADD, V2_FSUB, V2_FMAX,
                                  V2_FMIN, V2_FMAX, V2_FMIN, V2_FNMUL};
  unsigned lg = a64_vfp_ftype_lg(a->ftype);
  enum vfp2 k = ops[a->opcode];
  if (!lg || !k || !xrun_speculate(s->pc))
    return false;
  return vfp2_put(s, k, lg | IR_VF_ONE, a->rd, a64_vget(s, a->rn), a64_vget(s, a->rm));
}

/* 0 0 0 11111 ftype o1 Rm o0 Ra Rn Rd: FMADD a + n*m, FMSUB a - n*m,
 * FNMADD -a - n*m, FNMSUB -a + n*m: n negated when o0 != o1, a when o1. */
bool trans_vfp_dp3(struct a64_ctx *s, const struct arg_vfp_dp3 *a) {
  unsigned lg = a64_vfp_ftype_lg(a->ftype), o1 = a->o1, o0 = a->o0;
  if (!lg || !xrun_speculate(s->pc))
    return false;
  unsigned aux = lg | IR_VF_ONE;
  uint32_t n = a64_vget(s, a->rn), m = a64_vget(s, a->rm), acc = a64_vget(s, a->ra);
  a64_vfp_enter(s);
  if (o0 != o1)
    n = vfp_neg(s, aux, n);
  if (o1)
    acc = vfp_neg(s, aux, acc);
  ir_put(s->b, a64_off_v(a->rd), vfp_fma(s, aux, n, m, acc));
  return true;
}

/* FRINTN FRINTP FRINTM FRINTZ (opcode 0010xx), FRINTX FRINTI (00111x) as
 * VFROUND imm, FPCR's rounding being RN; -1 for FRINTA, which SSE has not,
 * and the others. */
static int vfp_frint_mode(unsigned opcode) {
  static const int8_t modes[8] = {
      IR_VF_RN, IR_VF_RP, IR_VF_RM, IR_VF_RZ, -1, -1, IR_VF_RN | IR_VF_RINEXACT, IR_VF_RN};
  return opcode >> 3 == 1 ? modes[opcode & 7] : -1;
}

/* 0 0 0 11110 ftype 1 opcode(6) 10000 Rn Rd: FSQRT (000011), FCVT to
 * single (000100) from double, to double (000101) from single, FRINT* (001xxx). */
bool trans_vfp_dp1(struct a64_ctx *s, const struct arg_vfp_dp1 *a) {
  struct a64_vfp_regs r = {.rd = a->rd, .rn = a->rn};
  unsigned lg = a64_vfp_ftype_lg(a->ftype), opcode = a->opcode;
  int mode = vfp_frint_mode(opcode);
  if (!lg || !xrun_speculate(s->pc))
    return false;
  if (mode >= 0) {
    uint32_t n = a64_vget(s, r.rn);
    a64_vfp_enter(s);
    ir_put(s->b, a64_off_v(r.rd), a64_vfp_frint(s, lg | IR_VF_ONE, n, (unsigned)mode));
    return true;
  }
  if (opcode == 3) {
    a64_vfp_enter(s);
    ir_put(s->b, a64_off_v(r.rd), vfp_arith(s, IR_VFSQRT, lg | IR_VF_ONE, a64_vget(s, r.rn), 0));
    return true;
  }
  if ((opcode != 4 && opcode != 5) || opcode - 2 == lg)
    return false;
  unsigned aux = (opcode - 2) | IR_VF_ONE; /* the result's lane */
  a64_vfp_enter(s);
  ir_put(s->b, a64_off_v(r.rd), vfp_arith(s, IR_VFCVT, aux, a64_vget(s, r.rn), 0));
  return true;
}

/* 0 0 0 11110 ftype 1 Rm 00 1000 Rn opc(2) 000: FCMP, FCMP #0.0 (opc<0>),
 * FCMPE (opc<1>: invalid for quiet NaNs too) -> NZCV. */
bool trans_vfp_fcmp(struct a64_ctx *s, const struct arg_vfp_fcmp *a) {
  unsigned lg = a64_vfp_ftype_lg(a->ftype), signalling = a->e;
  if (!lg || !xrun_speculate(s->pc))
    return false;
  uint32_t n = a64_vget(s, a->rn);
  uint32_t m = a->zero ? vfp_zero(s) : a64_vget(s, a->rm);
  a64_vfp_enter(s);
  a64_set_nzcv(s, ir_vop(s->b, IR_VFCMP, IR_I32, lg | IR_VF_ONE, n, m, signalling));
  return true;
}

/* SCVTF/UCVTF: Wn/Xn (XZR for 31) to lane 0 of Vd, divided by 2^fbits. The
 * scaling is exact: a converted integer times 2^-64 or more is normal. */
static bool vfp_from_int(struct a64_ctx *s, struct a64_vfp_regs r, unsigned lg, unsigned sf,
                         bool is_unsigned, unsigned fbits) {
  unsigned aux = lg | IR_VF_ONE;
  uint32_t x = a64_rd(s, r.rn, sf, false);
  a64_vfp_enter(s);
  uint32_t v = ir_vop(s->b, is_unsigned ? IR_VFFROMU : IR_VFFROMS, IR_V128, aux, x, 0, 0);
  if (fbits) {
    uint64_t scale = lg == 3 ? (uint64_t)(1023 - fbits) << 52 : (uint64_t)(127 - fbits) << 23;
    v = ir_vop(s->b, IR_VFMUL, IR_V128, aux, v, ir_vconst(s->b, scale, 0), 0);
  }
  ir_put(s->b, a64_off_v(r.rd), v);
  return true;
}

/* FCVT[NPM][SU] into Wd/Xd (rmode 00 01 10, opcode 00x): rounded in the
 * mode, then converted. */
static bool vfp_to_int_rounded(struct a64_ctx *s, struct a64_vfp_regs r, unsigned lg, unsigned sf,
                               unsigned rmode, bool is_unsigned) {
  static const uint8_t modes[3] = {IR_VF_RN, IR_VF_RP, IR_VF_RM};
  uint32_t v = a64_vget(s, r.rn);
  a64_vfp_enter(s);
  a64_wr(s, r.rd, sf, false,
         a64_vfp_fcvt_int(s, lg | IR_VF_ONE, v, modes[rmode], is_unsigned, a64_ty(sf)));
  return true;
}

/* sf 0 0 11110 ftype 1 rmode opcode(3) 000000 Rn Rd: SCVTF (00 010),
 * UCVTF (00 011), FCVT[NPMZ]S (rmode 000), FCVT[NPMZ]U (rmode 001);
 * saturating into Wd/Xd, flags counted even when Rd is XZR. */
bool trans_vfp_cvt_int(struct a64_ctx *s, const struct arg_vfp_cvt_int *a) {
  struct a64_vfp_regs r = {.rd = a->rd, .rn = a->rn};
  unsigned lg = a64_vfp_ftype_lg(a->ftype), sf = a->sf;
  unsigned rop = a->rmode << 3 | a->opcode;
  if (!lg || !xrun_speculate(s->pc))
    return false;
  if (rop == 2 || rop == 3)
    return vfp_from_int(s, r, lg, sf, rop == 3, 0);
  if ((rop & 6) == 0 && rop < 0x18)
    return vfp_to_int_rounded(s, r, lg, sf, rop >> 3, rop & 1);
  if (rop != 0x18 && rop != 0x19)
    return false;
  uint32_t v = a64_vget(s, r.rn);
  a64_vfp_enter(s);
  enum ir_op op = rop == 0x19 ? IR_VFTOU : IR_VFTOS;
  a64_wr(s, r.rd, sf, false, ir_vop(s->b, op, a64_ty(sf), lg | IR_VF_ONE, v, 0, 0));
  return true;
}

/* sf 0 0 11110 ftype 0 rmode opcode(3) scale(6) Rn Rd: SCVTF/UCVTF (fixed
 * point, 00 010/011), fbits = 64 - scale, at most 32 for Wn. */
bool trans_vfp_cvt_fixed(struct a64_ctx *s, const struct arg_vfp_cvt_fixed *a) {
  unsigned rop = a->rmode << 3 | a->opcode, lg = a64_vfp_ftype_lg(a->ftype);
  bool fits = a->sf || a->scale >> 5; /* scale >= 32 */
  if (!lg || (rop != 2 && rop != 3) || !fits || !xrun_speculate(s->pc))
    return false;
  struct a64_vfp_regs r = {.rd = a->rd, .rn = a->rn};
  return vfp_from_int(s, r, lg, a->sf, rop == 3, 64 - a->scale);
}

/* ---- Advanced SIMD (Arm ARM C4.1.95) ----
 * 0 Q U 01110 a sz ... (scalar: 01 U 11110 a sz ...): a = bit 23, sz = bit 22
 * picks single or double; sz with Q=0 is reserved in the vector forms. */

static struct a64_vfp_vec vfp_vec_3same(const struct arg_fp3same *a) {
  return (struct a64_vfp_vec){.rd = a->rd,
                              .rn = a->rn,
                              .rm = a->rm,
                              .q = a->q,
                              .lg = 2 + a->sz,
                              .key = a->u << 6 | a->a << 5 | a->opcode,
                              .scalar = a->scalar};
}

struct a64_vfp_vec a64_vfp_vec_2misc(const struct arg_fp2misc *a) {
  return (struct a64_vfp_vec){.rd = a->rd,
                              .rn = a->rn,
                              .q = a->q,
                              .lg = 2 + a->sz,
                              .key = a->u << 6 | a->a << 5 | a->opcode,
                              .scalar = a->scalar};
}

unsigned a64_vfp_form_aux(struct a64_vfp_vec o) {
  if (o.scalar)
    return o.lg | IR_VF_ONE;
  return o.lg == 3 && !o.q ? 0 : vfp_vec_aux(o.lg, o.q);
}

/* Three same, key U:a:opcode with opcode 11xxx (a64_simd_fp.c's fp3_ops). */
static const struct {
  uint8_t op;     /* enum vfp2 */
  uint8_t scalar; /* also as scalar */
} vfp3_ops[128] = {
    [0x1a] = {V2_FADD, 0},  [0x3a] = {V2_FSUB, 0},   [0x5b] = {V2_FMUL, 0},
    [0x5f] = {V2_FDIV, 0},  [0x19] = {V2_FMLA, 0},   [0x39] = {V2_FMLS, 0},
    [0x7a] = {V2_FABD, 1},  [0x5a] = {V2_FADDP, 0},  [0x1c] = {V2_FCMEQ, 1},
    [0x5c] = {V2_FCMGE, 1}, [0x7c] = {V2_FCMGT, 1},  [0x5d] = {V2_FACGE, 1},
    [0x7d] = {V2_FACGT, 1}, [0x18] = {V2_FMAX, 0},   [0x1e] = {V2_FMAX, 0},
    [0x38] = {V2_FMIN, 0},  [0x3e] = {V2_FMIN, 0},   [0x58] = {V2_FMAXP, 0},
    [0x5e] = {V2_FMAXP, 0}, [0x78] = {V2_FMINP, 0},  [0x7e] = {V2_FMINP, 0},
    [0x1b] = {V2_FMULX, 1}, [0x1f] = {V2_FRECPS, 1}, [0x3f] = {V2_FRSQRTS, 1},
};

/* The pairwise forms' operands: the even and odd lanes of the pairs of m:n (n low). */
static void vfp_pairs(struct a64_ctx *s, struct a64_vfp_vec o, uint32_t *n, uint32_t *m) {
  uint32_t lo = *n, hi = *m;
  if (!o.q) /* n.lo:m.lo */
    lo = hi = ir_vop(s->b, IR_VZIP1, IR_V128, 3, *n, *m, 0);
  *n = ir_vop(s->b, IR_VUZP1, IR_V128, o.lg, lo, hi, 0);
  *m = ir_vop(s->b, IR_VUZP2, IR_V128, o.lg, lo, hi, 0);
}

/* 0 Q U 01110 a sz 1 Rm opcode(5) 1 Rn Rd, scalar 01 U 11110 a sz 1 Rm opcode 1 Rn Rd */
bool trans_vfp_3same(struct a64_ctx *s, const struct arg_fp3same *a) {
  struct a64_vfp_vec o = vfp_vec_3same(a);
  enum vfp2 k = vfp3_ops[o.key].op;
  unsigned aux = a64_vfp_form_aux(o);
  if (!k || !aux || (o.scalar && !vfp3_ops[o.key].scalar) || !xrun_speculate(s->pc))
    return false;
  if (k == V2_FDIV && aux == (2 | IR_VF_HALF))
    return false;
  uint32_t n = a64_vget(s, o.rn), m = a64_vget(s, o.rm);
  if (vfp2_is_pairwise(k))
    vfp_pairs(s, o, &n, &m);
  return vfp2_put(s, k, aux, o.rd, n, m);
}

/* 01 1 11110 a sz 11000 opcode(5) 10 Rn Rd: Vn[0] op Vn[1] for FADDP
 * (0 01101), FMAXNMP FMINNMP (a 01100), FMAXP FMINP (a 01111). */
bool trans_vfp_pairwise_scalar(struct a64_ctx *s, const struct arg_fp2misc *a) {
  static const uint8_t ops[128] = {
      [0x4d] = V2_FADD, [0x4c] = V2_FMAX, [0x6c] = V2_FMIN, [0x4f] = V2_FMAX, [0x6f] = V2_FMIN};
  struct a64_vfp_vec o = a64_vfp_vec_2misc(a);
  enum vfp2 k = ops[o.key];
  if (!k || !xrun_speculate(s->pc))
    return false;
  uint32_t n = a64_vget(s, o.rn), m;
  if (o.lg == 3)
    m = ir_vop(s->b, IR_VZIP2, IR_V128, 3, n, n, 0);
  else
    m = ir_vop(s->b, IR_VSHRU, IR_V128, 3, n, 0, 32);
  return vfp2_put(s, k, o.lg | IR_VF_ONE, o.rd, n, m);
}

/* 0 Q U 01111 1 sz L M Rm opcode(4) H 0 Rn Rd (scalar 01 U 11111 ...):
 * U=0 0001 FMLA, 0101 FMLS, 1001 FMUL, U=1 1001 FMULX by element Vm[index]
 * (H:L single, H double; Rm = M:Rm). */
bool trans_vfp_elem(struct a64_ctx *s, const struct arg_fpelem *a) {
  static const uint8_t ops[32] = {[1] = V2_FMLA, [5] = V2_FMLS, [9] = V2_FMUL, [25] = V2_FMULX};
  struct a64_vfp_vec o = {
      .rd = a->rd, .rn = a->rn, .q = a->q, .lg = 2 + a->sz, .scalar = a->scalar};
  enum vfp2 k = ops[a->u << 4 | a->opcode];
  unsigned aux = a64_vfp_form_aux(o);
  if (!k || !a->a || !aux || (o.lg == 3 && a->l) || !xrun_speculate(s->pc))
    return false;
  /* Vm is M:Rm; the index H:L for singles, H for doubles */
  unsigned rm = a->m << 4 | a->rm, index = o.lg == 2 ? a->h << 1 | a->l : a->h;
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
  V1_FCVTZU,
  V1_FRINT, /* in the table's mode */
  V1_FCVTS, /* FCVT[NMP]S: rounded in the mode, then converted */
  V1_FCVTU
};

static const struct {
  uint8_t op;     /* enum vfp1 */
  uint8_t scalar; /* also as scalar */
  uint8_t mode;   /* V1_FRINT, V1_FCVT[SU]: VFROUND imm */
} vfp_misc_ops[128] = {
    [0x2c] = {V1_FCMGT0, 1},
    [0x2d] = {V1_FCMEQ0, 1},
    [0x2e] = {V1_FCMLT0, 1},
    [0x6c] = {V1_FCMGE0, 1},
    [0x6d] = {V1_FCMLE0, 1},
    [0x7f] = {V1_FSQRT, 0},
    [0x1d] = {V1_SCVTF, 1},
    [0x5d] = {V1_UCVTF, 1},
    [0x3b] = {V1_FCVTZS, 1},
    [0x7b] = {V1_FCVTZU, 1},
    [0x18] = {V1_FRINT, 0, IR_VF_RN},
    [0x19] = {V1_FRINT, 0, IR_VF_RM},
    [0x38] = {V1_FRINT, 0, IR_VF_RP},
    [0x39] = {V1_FRINT, 0, IR_VF_RZ},
    [0x59] = {V1_FRINT, 0, IR_VF_RN | IR_VF_RINEXACT}, /* FRINTX, FPCR's mode */
    [0x79] = {V1_FRINT, 0, IR_VF_RN},                  /* FRINTI; FRINTA (0x58) has no SSE form */
    [0x1a] = {V1_FCVTS, 1, IR_VF_RN},
    [0x1b] = {V1_FCVTS, 1, IR_VF_RM},
    [0x3a] = {V1_FCVTS, 1, IR_VF_RP},
    [0x5a] = {V1_FCVTU, 1, IR_VF_RN},
    [0x5b] = {V1_FCVTU, 1, IR_VF_RM},
    [0x7a] = {V1_FCVTU, 1, IR_VF_RP},
};

static uint32_t vfp1_emit(struct a64_ctx *s, enum vfp1 k, unsigned aux, uint32_t n, unsigned mode) {
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
  case V1_FCVTZU: return ir_vop(s->b, IR_VFTOU, IR_V128, aux, n, 0, 0);
  case V1_FRINT: return a64_vfp_frint(s, aux, n, mode);
  default: return a64_vfp_fcvt_int(s, aux, n, mode, k == V1_FCVTU, IR_V128);
  }
}

/* FABS (key 0x2f), FNEG (0x6f): sign-bit operations that neither round nor
 * raise anything, so they need no speculation. */
static bool vfp_abs_neg(struct a64_ctx *s, struct a64_vfp_vec o) {
  unsigned aux = a64_vfp_form_aux(o);
  if (!aux || o.scalar)
    return false;
  uint32_t n = a64_vget(s, o.rn);
  a64_vput(s, o.rd, o.key == 0x2f ? vfp_abs(s, aux, n) : vfp_neg(s, aux, n), o.q);
  return true;
}

/* FCVTL(2) (key 0x17, sz=1): the singles of Vn's low (Q=1: high) half to
 * doubles; FCVTN(2) (0x16, sz=1): Vn's doubles to singles in the low half
 * of Vd, zeroing the high half (Q=1: into the high half, keeping the low). */
static bool vfp_fcvt_long_narrow(struct a64_ctx *s, struct a64_vfp_vec o) {
  if (o.scalar || o.lg != 3 || !xrun_speculate(s->pc))
    return false;
  uint32_t n = a64_vget(s, o.rn), r;
  if (o.key == 0x17 && o.q)
    n = ir_vop(s->b, IR_VZIP2, IR_V128, 3, n, n, 0);
  a64_vfp_enter(s);
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

bool trans_vfp_2misc(struct a64_ctx *s, const struct arg_fp2misc *a) {
  struct a64_vfp_vec o = a64_vfp_vec_2misc(a);
  enum vfp1 k = vfp_misc_ops[o.key].op;
  unsigned aux = a64_vfp_form_aux(o);
  if (o.key == 0x2f || o.key == 0x6f)
    return vfp_abs_neg(s, o);
  if (o.key == 0x16 || o.key == 0x17)
    return vfp_fcvt_long_narrow(s, o);
  if (!k || !aux || (o.scalar && !vfp_misc_ops[o.key].scalar) || !xrun_speculate(s->pc))
    return false;
  uint32_t n = a64_vget(s, o.rn);
  a64_vfp_enter(s);
  ir_put(s->b, a64_off_v(o.rd), vfp1_emit(s, k, aux, n, vfp_misc_ops[o.key].mode));
  return true;
}
