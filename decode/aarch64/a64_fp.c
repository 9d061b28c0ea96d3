/* a64_fp.c - A64 scalar floating point (Arm ARM C4.1.96 "Data Processing --
 * Scalar Floating-Point and Advanced SIMD", the scalar FP classes).
 *
 * Moves between registers are native IR; arithmetic, compares, conversions
 * and rounding are C helpers that interpret the instruction on struct
 * a64_cpu through the element operations of a64_fp_lane.c, which follow
 * Arm's pseudocode exactly: NaN propagation, FPCR.RMode/FZ/DN/AHP and the
 * FPSR cumulative flags. Half precision exists only in FCVT and FMOV
 * (FEAT_FP16 arithmetic is not implemented).
 */
#include "a64.h"
#include "a64_helpers.h"

static struct a64_cpu *a64(struct cpu *c) {
  return (struct a64_cpu *)c;
}

/* ---- register access: ftype 00 = S, 01 = D, 11 = H ---- */

static unsigned fcvt_esz(unsigned ftype) {
  return ftype == 3 ? 1 : ftype + 2;
}

static uint64_t fp_get(const struct a64_cpu *a, unsigned r, unsigned esz) {
  return a->v[r][0] & a64_emask(esz);
}

static unsigned rd_(uint64_t insn) {
  return a64_bits((uint32_t)insn, 0, 5);
}
static unsigned rn_(uint64_t insn) {
  return a64_bits((uint32_t)insn, 5, 5);
}
static unsigned rm_(uint64_t insn) {
  return a64_bits((uint32_t)insn, 16, 5);
}
static unsigned ftype_(uint64_t insn) {
  return a64_bits((uint32_t)insn, 22, 2);
}
static unsigned esz_(uint64_t insn) {
  return fcvt_esz(ftype_(insn));
}

/* ---- FP data-processing (2 source) ---- */

/* M 0 S 11110 ftype 1 Rm opcode(4) 10 Rn Rd
 * opcode: FMUL FDIV FADD FSUB FMAX FMIN FMAXNM FMINNM FNMUL */
static uint64_t h_fp_dp2(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  static const enum a64_fp2 ops[9] = {A64_FMUL, A64_FDIV,   A64_FADD,   A64_FSUB, A64_FMAX,
                                      A64_FMIN, A64_FMAXNM, A64_FMINNM, A64_FNMUL};
  struct a64_cpu *a = a64(c);
  unsigned esz = esz_(insn), opcode = a64_bits((uint32_t)insn, 12, 4);
  uint64_t x = fp_get(a, rn_(insn), esz), y = fp_get(a, rm_(insn), esz);
  (void)pc, (void)unused;
  a64_vset_scalar(a, rd_(insn), a64_fp_op2(a, ops[opcode], x, y, esz), esz);
  return 0;
}

/* ---- FP data-processing (3 source) ---- */

/* M 0 S 11111 ftype o1 Rm o0 Ra Rn Rd: FMADD FMSUB FNMADD FNMSUB
 * FMSUB: a - n*m; FNMADD: -a - n*m; FNMSUB: -a + n*m (C7.2.x), so n is
 * negated when o0 != o1 and a when o1, as FPNeg: NaNs change sign too. */
static uint64_t h_fp_dp3(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  unsigned esz = esz_(insn), o1 = a64_bits((uint32_t)insn, 21, 1);
  unsigned o0 = a64_bits((uint32_t)insn, 15, 1);
  uint64_t n = fp_get(a, rn_(insn), esz), m = fp_get(a, rm_(insn), esz);
  uint64_t ac = fp_get(a, a64_bits((uint32_t)insn, 10, 5), esz);
  (void)pc, (void)unused;
  if (o1)
    ac ^= 1ull << ((8u << esz) - 1);
  a64_vset_scalar(a, rd_(insn), a64_fp_muladd(a, ac, n, m, o0 != o1, esz), esz);
  return 0;
}

/* ---- FP data-processing (1 source) ---- */

/* M 0 S 11110 ftype 1 opcode(6) 10000 Rn Rd
 * 000000 FMOV, 000001 FABS, 000010 FNEG, 000011 FSQRT, 0001xx FCVT,
 * 001000..001111 FRINTN FRINTP FRINTM FRINTZ FRINTA - FRINTX FRINTI */
static uint64_t h_fp_dp1(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  unsigned esz = esz_(insn), opcode = a64_bits((uint32_t)insn, 15, 6);
  uint64_t x = fp_get(a, rn_(insn), esz);
  enum a64_fp1 op;
  (void)pc, (void)unused;
  if (opcode == 0) {
    a64_vset_scalar(a, rd_(insn), x, esz);
    return 0;
  }
  if (opcode <= 3)
    op = (enum a64_fp1)(A64_FABS + opcode - 1);
  else if (opcode <= 12)
    op = (enum a64_fp1)(A64_FRINTN + opcode - 8);
  else
    op = opcode == 14 ? A64_FRINTX : A64_FRINTI;
  a64_vset_scalar(a, rd_(insn), a64_fp_op1(a, op, x, esz), esz);
  return 0;
}

/* ---- compares and conditional select ---- */

/* M 0 S 11110 ftype 1 Rm 00 1000 Rn opc(2) 000: FCMP, FCMP #0, FCMPE, FCMPE #0 */
static uint64_t h_fp_cmp(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  unsigned esz = esz_(insn);
  uint64_t x = fp_get(a, rn_(insn), esz);
  uint64_t y = a64_bits((uint32_t)insn, 3, 1) ? 0 : fp_get(a, rm_(insn), esz);
  (void)pc, (void)unused;
  a64_set_nzcv_c(a, a64_fp_compare(a, x, y, esz, a64_bits((uint32_t)insn, 4, 1)));
  return 0;
}

/* ConditionHolds (Arm ARM J1) on the canonical nibble N=8 Z=4 C=2 V=1. */
static bool cond_holds(uint64_t nzcv, unsigned cond) {
  bool n = nzcv & 8, z = nzcv & 4, cf = nzcv & 2, v = nzcv & 1, r;
  switch (cond >> 1) {
  case 0: r = z; break;
  case 1: r = cf; break;
  case 2: r = n; break;
  case 3: r = v; break;
  case 4: r = cf && !z; break;
  case 5: r = n == v; break;
  case 6: r = n == v && !z; break;
  default: r = true; break;
  }
  return (cond & 1) && cond != 15 ? !r : r;
}

/* M 0 S 11110 ftype 1 Rm cond 01 Rn op nzcv: FCCMP, FCCMPE */
static uint64_t h_fp_ccmp(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  unsigned esz = esz_(insn);
  (void)pc, (void)unused;
  if (cond_holds(a64_nzcv(a), a64_bits((uint32_t)insn, 12, 4)))
    a64_set_nzcv_c(a, a64_fp_compare(a, fp_get(a, rn_(insn), esz), fp_get(a, rm_(insn), esz), esz,
                                     a64_bits((uint32_t)insn, 4, 1)));
  else
    a64_set_nzcv_c(a, a64_bits((uint32_t)insn, 0, 4));
  return 0;
}

/* M 0 S 11110 ftype 1 Rm cond 11 Rn Rd: FCSEL */
static uint64_t h_fp_csel(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  bool t = cond_holds(a64_nzcv(a), a64_bits((uint32_t)insn, 12, 4));
  (void)pc, (void)unused;
  a64_vset_scalar(a, rd_(insn), a->v[t ? rn_(insn) : rm_(insn)][0], esz_(insn));
  return 0;
}

/* ---- conversions between FP and integer ---- */

/* sf 0 S 11110 ftype 1 rmode opcode(3) 000000 Rn Rd
 * opcode 000/001 FCVT{N,P,M,Z}{S,U} by rmode, 010/011 SCVTF/UCVTF,
 * 100/101 FCVTAS/FCVTAU. */
static uint64_t h_fp_cvt_int(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  unsigned esz = esz_(insn), opcode = a64_bits((uint32_t)insn, 16, 3);
  unsigned rmode = a64_bits((uint32_t)insn, 19, 2), rd = rd_(insn), rn = rn_(insn);
  unsigned isz = 2 + a64_bits((uint32_t)insn, 31, 1);
  bool u = opcode & 1;
  (void)pc, (void)unused;
  if (opcode == 2 || opcode == 3) {
    uint64_t x = rn == 31 ? 0 : a->x[rn];
    a64_vset_scalar(a, rd, a64_fixed_to_fp(a, x, isz, 0, u, esz), esz);
    return 0;
  }
  uint64_t r = a64_fp_to_fixed(a, fp_get(a, rn, esz), esz, 0, opcode >= 4 ? A64_RA : rmode, u, isz);
  if (rd != 31)
    a->x[rd] = r;
  return 0;
}

/* ---- trans functions ---- */

static bool call(struct a64_ctx *s, a64_insn_helper_fn *h) {
  a64_call_insn_helper(s, (void *)h);
  return true;
}

static bool ft_ok(uint32_t insn) {
  return ftype_(insn) < 2 && !a64_bits(insn, 29, 1) && !a64_bits(insn, 31, 1);
}

bool trans_fp_dp2(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  return ft_ok(insn) && a64_bits(insn, 12, 4) <= 8 && call(s, h_fp_dp2);
}

bool trans_fp_dp3(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  return ft_ok(insn) && call(s, h_fp_dp3);
}

/* FCVT between any two of half (ftype 11), single (00) and double (01). */

static uint64_t h_fp_fcvt(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  unsigned from = fcvt_esz(ftype_(insn)), to = fcvt_esz(a64_bits((uint32_t)insn, 15, 2));
  uint64_t x = a->v[rn_(insn)][0] & a64_emask(from);
  (void)pc, (void)unused;
  a64_vset_scalar(a, rd_(insn), a64_fp_convert(a, x, from, to, false), to);
  return 0;
}

static bool trans_fcvt(struct a64_ctx *s, uint32_t insn) {
  unsigned ft = ftype_(insn), to = a64_bits(insn, 15, 2);
  if (a64_bits(insn, 29, 1) || a64_bits(insn, 31, 1) || ft == 2 || to == 2 || ft == to)
    return false;
  return call(s, h_fp_fcvt);
}

bool trans_fp_dp1(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  unsigned op = a64_bits(insn, 15, 6);
  if ((op & 0x3c) == 4)
    return trans_fcvt(s, insn);
  if (!ft_ok(insn))
    return false;
  if ((op & 0x3c) == 4) /* FCVT to S or D from the other one */
    return (op & 3) < 2 && (op & 3) != ftype_(insn) && call(s, h_fp_dp1);
  return (op <= 3 || (op >= 8 && op <= 15 && op != 13)) && call(s, h_fp_dp1);
}

bool trans_fp_cmp(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  return ft_ok(insn) && a64_bits(insn, 0, 3) == 0 && a64_bits(insn, 14, 2) == 0 &&
         call(s, h_fp_cmp);
}

bool trans_fp_ccmp(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  return ft_ok(insn) && call(s, h_fp_ccmp);
}

bool trans_fp_csel(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  return ft_ok(insn) && call(s, h_fp_csel);
}

/* VFPExpandImm (Arm ARM J1): imm8 = a:b:cdefgh -> sign a, exponent
 * NOT(b):b..b:cd, fraction efgh:0... ; ftype 0 = single, 1 = double. */
uint64_t a64_vfp_expand_imm(unsigned imm8, unsigned ftype) {
  uint64_t sign = imm8 >> 7, b = (imm8 >> 6) & 1, cd = (imm8 >> 4) & 3, frac = imm8 & 15;
  if (ftype == 1)
    return sign << 63 | (b ? 0x3fcull : 0x400ull) << 52 | cd << 52 | frac << 48;
  return sign << 31 | (b ? 0x7cull : 0x80ull) << 23 | cd << 23 | frac << 19;
}

/* M 0 S 11110 ftype 1 imm8 100 imm5 Rd: FMOV (scalar, immediate) */
bool trans_fmov_imm(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  if (!ft_ok(insn) || a64_bits(insn, 5, 5))
    return false;
  uint64_t v = a64_vfp_expand_imm(a64_bits(insn, 13, 8), ftype_(insn));
  ir_put(s->b, a64_off_v(rd_(insn)), ir_const(s->b, IR_I64, v));
  ir_put(s->b, a64_off_v(rd_(insn)) + 8, ir_const(s->b, IR_I64, 0));
  return true;
}

/* FMOV between general and FP registers, as IR moves.
 * sf ftype rmode opcode: 0 00 00 11x W<->S; 1 01 00 11x X<->D;
 * 1 10 01 11x X<->V.D[1]; x 11 00 11x W/X<->H. opcode<0>: to FP. */
static bool fmov_gen(struct a64_ctx *s, uint32_t insn) {
  unsigned sf = a64_bits(insn, 31, 1), ft = ftype_(insn), rmode = a64_bits(insn, 19, 2);
  unsigned bits = ft == 0 ? 32 : ft == 3 ? 16 : 64, rd = rd_(insn), rn = rn_(insn);
  bool top = ft == 2, to_fp = a64_bits(insn, 16, 1);
  if (top ? !(sf && rmode == 1) : rmode || (ft == 0 && sf) || (ft == 1 && !sf))
    return false;
  if (to_fp) {
    uint32_t x = a64_rd(s, rn, 1, false);
    if (bits < 64)
      x = ir_ext(s->b, IR_ZEXT, IR_I64, x, bits);
    ir_put(s->b, a64_off_v(rd) + (top ? 8 : 0), x);
    if (!top)
      ir_put(s->b, a64_off_v(rd) + 8, ir_const(s->b, IR_I64, 0));
    return true;
  }
  uint32_t v = ir_get(s->b, IR_I64, a64_off_v(rn) + (top ? 8 : 0));
  if (bits < 64)
    v = ir_ext(s->b, IR_ZEXT, IR_I64, v, bits);
  a64_wr(s, rd, 1, false, v);
  return true;
}

bool trans_fp_int(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  unsigned opcode = a64_bits(insn, 16, 3), rmode = a64_bits(insn, 19, 2);
  if (a64_bits(insn, 29, 1))
    return false;
  if (opcode >= 6)
    return fmov_gen(s, insn);
  if (ftype_(insn) >= 2 || (opcode >= 2 && rmode != 0))
    return false;
  return call(s, h_fp_cvt_int);
}

/* sf 0 S 11110 ftype 0 rmode opcode(3) scale(6) Rn Rd: conversions with
 * fixed point, fbits = 64 - scale: rmode:opcode 00010 SCVTF, 00011 UCVTF,
 * 11000 FCVTZS, 11001 FCVTZU. */
static uint64_t h_fp_fixed(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  uint32_t i = (uint32_t)insn;
  unsigned esz = ftype_(insn) + 2, fbits = 64 - a64_bits(i, 10, 6), isz = 2 + a64_bits(i, 31, 1);
  bool u = a64_bits(i, 16, 1);
  unsigned rd = rd_(insn), rn = rn_(insn);
  (void)pc, (void)unused;
  if (a64_bits(i, 19, 2) == 0) {
    uint64_t x = rn == 31 ? 0 : a->x[rn];
    a64_vset_scalar(a, rd, a64_fixed_to_fp(a, x, isz, fbits, u, esz), esz);
  } else { /* converted even into XZR: the FPSR flags still count */
    uint64_t x = a->v[rn][0] & a64_emask(esz);
    uint64_t r = a64_fp_to_fixed(a, x, esz, fbits, A64_RZ, u, isz);
    if (rd != 31)
      a->x[rd] = r;
  }
  return 0;
}

bool trans_fp_fixed(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  unsigned rop = a64_bits(insn, 19, 2) << 3 | a64_bits(insn, 16, 3);
  bool rop_ok = rop == 2 || rop == 3 || rop == 0x18 || rop == 0x19;
  if (!rop_ok || a64_bits(insn, 29, 1) || ftype_(insn) >= 2)
    return false;
  return (a64_bits(insn, 31, 1) || a64_bits(insn, 15, 1)) && call(s, h_fp_fixed);
}
