/* a64_fp_lane.c - floating point on the bits of one element, shared by the
 * vector and scalar FP helpers: NaN processing (Arm ARM J1 FPProcessNaN,
 * FPProcessNaNs, FPProcessNaNs3), arithmetic, FPMax/FPMin and the NM forms,
 * compares, rounding to integral, conversions between sizes, and the
 * reciprocal (square root) estimates with Arm's exact tables
 * (FPRecipEstimate, FPRSqrtEstimate).
 *
 * The operations follow the pseudocode case by case; the numeric result of
 * each is exact in software (a64_fp_round.c) and rounded once by FPRound
 * under FPCR.RMode, with FPCR.FZ, FPCR.DN and FPCR.AHP, and every
 * cumulative exception the pseudocode raises is ORed into FPSR.
 */
#include "a64.h"
#include "a64_helpers.h"

/* Bit layout of an element: fraction bits and exponent bits. */
static unsigned frac_bits(unsigned esz) {
  return esz == 1 ? 10 : esz == 2 ? 23 : 52;
}
static unsigned exp_bits(unsigned esz) {
  return esz == 1 ? 5 : esz == 2 ? 8 : 11;
}
static uint64_t sign_bit(unsigned esz) {
  return 1ull << ((8u << esz) - 1);
}
static uint64_t exp_mask(unsigned esz) {
  return ((1ull << exp_bits(esz)) - 1) << frac_bits(esz);
}
static uint64_t frac_mask(unsigned esz) {
  return (1ull << frac_bits(esz)) - 1;
}
static uint64_t quiet_bit(unsigned esz) {
  return 1ull << (frac_bits(esz) - 1);
}
static uint64_t default_nan(unsigned esz) {
  return exp_mask(esz) | quiet_bit(esz);
}
static uint64_t fp_zero(bool neg, unsigned esz) {
  return neg ? sign_bit(esz) : 0;
}
static uint64_t fp_inf(bool neg, unsigned esz) {
  return exp_mask(esz) | fp_zero(neg, esz);
}
static bool is_nan_t(struct a64_fpv v) {
  return v.type == A64_FPT_QNAN || v.type == A64_FPT_SNAN;
}
static bool fpcr_dn(const struct a64_cpu *a) {
  return a->fpcr & A64_FPCR_DN;
}
static struct a64_fpv unpack(struct a64_cpu *a, uint64_t x, unsigned esz) {
  return a64_fp_unpack(a, x, esz, false);
}
static uint64_t round_v(struct a64_cpu *a, struct a64_fpv v, unsigned esz) {
  if (v.type == A64_FPT_ZERO)
    return fp_zero(v.sign, esz);
  return a64_fp_round(a, v, esz, a64_fp_rmode(a));
}

/* The default NaN of an invalid operation, raising IOC. */
static uint64_t invalid(struct a64_cpu *a, unsigned esz) {
  a->fpsr |= A64_FPSR_IOC;
  return default_nan(esz);
}

/* FPProcessNaN: quieten (IOC for a signalling NaN), or the default NaN under FPCR.DN. */
static uint64_t process_nan(struct a64_cpu *a, uint64_t x, struct a64_fpv v, unsigned esz) {
  if (v.type == A64_FPT_SNAN)
    a->fpsr |= A64_FPSR_IOC;
  return fpcr_dn(a) ? default_nan(esz) : x | quiet_bit(esz);
}

/* FPProcessNaNs: a signalling NaN first, then a quiet one, in operand order. */
static bool process_nans(struct a64_cpu *a, uint64_t x, struct a64_fpv vx, uint64_t y,
                         struct a64_fpv vy, unsigned esz, uint64_t *r) {
  if (vx.type == A64_FPT_SNAN || (vy.type != A64_FPT_SNAN && vx.type == A64_FPT_QNAN))
    *r = process_nan(a, x, vx, esz);
  else if (is_nan_t(vy))
    *r = process_nan(a, y, vy, esz);
  else
    return false;
  return true;
}

/* Order of two non-NaN values: -1, 0 (zeros of either sign are equal), 1. */
static int fpv_cmp(struct a64_fpv x, struct a64_fpv y) {
  static const int rank[] = {[A64_FPT_ZERO] = 0, [A64_FPT_NUM] = 1, [A64_FPT_INF] = 2};
  int mx = rank[x.type], my = rank[y.type], c;
  if (mx == 0 && my == 0)
    return 0;
  if (x.sign != y.sign)
    return x.sign ? -1 : 1;
  if (mx != my)
    c = mx < my ? -1 : 1;
  else if (mx != 1 || (x.exp == y.exp && x.mant == y.mant))
    return 0;
  else
    c = x.exp != y.exp ? (x.exp < y.exp ? -1 : 1) : (x.mant < y.mant ? -1 : 1);
  return x.sign ? -c : c;
}

/* FPMax/FPMin; the NM forms treat one quiet NaN as -Inf (max) or +Inf (min). */
static uint64_t maxmin(struct a64_cpu *a, uint64_t x, uint64_t y, bool max, bool nm, unsigned esz) {
  struct a64_fpv vx = unpack(a, x, esz), vy = unpack(a, y, esz);
  uint64_t r;
  if (nm && vx.type == A64_FPT_QNAN && vy.type != A64_FPT_QNAN)
    x = fp_inf(max, esz), vx = unpack(a, x, esz);
  else if (nm && vy.type == A64_FPT_QNAN && vx.type != A64_FPT_QNAN)
    y = fp_inf(max, esz), vy = unpack(a, y, esz);
  if (process_nans(a, x, vx, y, vy, esz, &r))
    return r;
  int c = fpv_cmp(vx, vy);
  bool take_x = max ? c > 0 : c < 0;
  struct a64_fpv v = take_x ? vx : vy;
  if (v.type == A64_FPT_ZERO)
    return fp_zero(max ? vx.sign && vy.sign : vx.sign || vy.sign, esz);
  if (v.type == A64_FPT_INF)
    return fp_inf(v.sign, esz);
  return take_x ? x : y; /* FPRound of an unflushed element is exact: its own bits */
}

static uint64_t cmp_mask(bool t, unsigned esz) {
  return t ? a64_emask(esz) : 0;
}

/* FPCompareEQ/GE/GT: a NaN gives false; EQ signals only signalling NaNs. */
static uint64_t compare(struct a64_cpu *a, enum a64_fp2 op, uint64_t x, uint64_t y, unsigned esz) {
  if (op >= A64_FACGE)
    x &= ~sign_bit(esz), y &= ~sign_bit(esz);
  struct a64_fpv vx = unpack(a, x, esz), vy = unpack(a, y, esz);
  if (is_nan_t(vx) || is_nan_t(vy)) {
    if (op != A64_FCMEQ || vx.type == A64_FPT_SNAN || vy.type == A64_FPT_SNAN)
      a->fpsr |= A64_FPSR_IOC;
    return 0;
  }
  int c = fpv_cmp(vx, vy);
  switch (op) {
  case A64_FCMEQ: return cmp_mask(c == 0, esz);
  case A64_FCMGE:
  case A64_FACGE: return cmp_mask(c >= 0, esz);
  default: return cmp_mask(c > 0, esz);
  }
}

unsigned a64_fp_compare(struct a64_cpu *a, uint64_t x, uint64_t y, unsigned esz, bool signal) {
  unsigned nzcv;
  if (a64_fast_compare(a, x, y, esz, &nzcv))
    return nzcv;
  struct a64_fpv vx = unpack(a, x, esz), vy = unpack(a, y, esz);
  if (is_nan_t(vx) || is_nan_t(vy)) {
    if (signal || vx.type == A64_FPT_SNAN || vy.type == A64_FPT_SNAN)
      a->fpsr |= A64_FPSR_IOC;
    return 3;
  }
  int c = fpv_cmp(vx, vy);
  return c == 0 ? 6 : c < 0 ? 8 : 2;
}

/* An exact small constant (2.0, 1.5, 3.0) as a value and as bits. */
static struct a64_fpv const_v(double d) {
  union {
    double d;
    uint64_t u;
  } c = {d};
  struct a64_fpv v = {A64_FPT_NUM, false, (int)(c.u >> 52) - 1023, c.u << 11 | 1ull << 63};
  return v;
}
static uint64_t const_bits(struct a64_cpu *a, double d, unsigned esz) {
  return a64_fp_round(a, const_v(d), esz, A64_RN);
}

/* FPRecipStepFused (2 - x*y) and FPRSqrtStepFused ((3 - x*y) / 2). */
static uint64_t step(struct a64_cpu *a, enum a64_fp2 op, uint64_t x, uint64_t y, unsigned esz) {
  bool rs = op == A64_FRSQRTS;
  uint64_t r;
  x ^= sign_bit(esz);
  struct a64_fpv vx = unpack(a, x, esz), vy = unpack(a, y, esz);
  if (process_nans(a, x, vx, y, vy, esz, &r))
    return r;
  bool ix = vx.type == A64_FPT_INF, iy = vy.type == A64_FPT_INF;
  if ((ix && vy.type == A64_FPT_ZERO) || (iy && vx.type == A64_FPT_ZERO))
    return const_bits(a, rs ? 1.5 : 2.0, esz);
  if (ix || iy)
    return fp_inf(vx.sign ^ vy.sign, esz);
  struct a64_fpv v = a64_fpv_muladd(const_v(rs ? 3.0 : 2.0), vx, vy, a64_fp_rmode(a));
  v.exp -= rs;
  return round_v(a, v, esz);
}

/* FPAdd/FPSub: the NaN of op2 keeps its sign; the operation negates the value. */
static uint64_t add(struct a64_cpu *a, uint64_t x, uint64_t y, bool sub, unsigned esz) {
  struct a64_fpv vx = unpack(a, x, esz), vy = unpack(a, y, esz);
  uint64_t r;
  if (process_nans(a, x, vx, y, vy, esz, &r))
    return r;
  vy.sign ^= sub;
  bool ix = vx.type == A64_FPT_INF, iy = vy.type == A64_FPT_INF;
  if (ix && iy && vx.sign != vy.sign)
    return invalid(a, esz);
  if (ix || iy)
    return fp_inf(ix ? vx.sign : vy.sign, esz);
  if (vx.type == A64_FPT_ZERO && vy.type == A64_FPT_ZERO) /* -0 only if both, or RM */
    return fp_zero(vx.sign == vy.sign ? vx.sign : a64_fp_rmode(a) == A64_RM, esz);
  if (vx.type == A64_FPT_ZERO || vy.type == A64_FPT_ZERO)
    return round_v(a, vx.type == A64_FPT_ZERO ? vy : vx, esz);
  return round_v(a, a64_fpv_add(vx, vy, a64_fp_rmode(a)), esz);
}

/* FPMul, FPMulX (Inf * 0 = 2) and FPDiv. */
static uint64_t mul_div(struct a64_cpu *a, enum a64_fp2 op, uint64_t x, uint64_t y, unsigned esz) {
  struct a64_fpv vx = unpack(a, x, esz), vy = unpack(a, y, esz);
  uint64_t r;
  if (process_nans(a, x, vx, y, vy, esz, &r))
    return r;
  bool ix = vx.type == A64_FPT_INF, iy = vy.type == A64_FPT_INF, s = vx.sign ^ vy.sign;
  bool zx = vx.type == A64_FPT_ZERO, zy = vy.type == A64_FPT_ZERO;
  if (op == A64_FDIV) {
    if ((ix && iy) || (zx && zy))
      return invalid(a, esz);
    if (ix || zy) {
      if (!ix)
        a->fpsr |= A64_FPSR_DZC;
      return fp_inf(s, esz);
    }
    if (zx || iy)
      return fp_zero(s, esz);
    return round_v(a, a64_fpv_div(vx, vy), esz);
  }
  if ((ix && zy) || (zx && iy))
    return op == A64_FMULX ? const_bits(a, 2.0, esz) | fp_zero(s, esz) : invalid(a, esz);
  if (ix || iy)
    return fp_inf(s, esz);
  if (zx || zy)
    return fp_zero(s, esz);
  return round_v(a, a64_fpv_mul(vx, vy), esz);
}

uint64_t a64_fp_op2(struct a64_cpu *a, enum a64_fp2 op, uint64_t x, uint64_t y, unsigned esz) {
  uint64_t r;
  if (a64_fast_op2(a, op, x, y, esz, &r))
    return r;
  switch (op) {
  case A64_FADD: return add(a, x, y, false, esz);
  case A64_FSUB: return add(a, x, y, true, esz);
  case A64_FABD: return a64_fp_op2(a, A64_FSUB, x, y, esz) & ~sign_bit(esz); /* FPAbs: NaNs too */
  case A64_FNMUL: return a64_fp_op2(a, A64_FMUL, x, y, esz) ^ sign_bit(esz); /* FPNeg: NaNs too */
  case A64_FMAX:
  case A64_FMIN:
  case A64_FMAXNM:
  case A64_FMINNM:
    return maxmin(a, x, y, op == A64_FMAX || op == A64_FMAXNM, op >= A64_FMAXNM, esz);
  case A64_FRECPS:
  case A64_FRSQRTS: return step(a, op, x, y, esz);
  case A64_FCMEQ:
  case A64_FCMGE:
  case A64_FCMGT:
  case A64_FACGE:
  case A64_FACGT: return compare(a, op, x, y, esz);
  default: return mul_div(a, op, x, y, esz);
  }
}

/* FPMulAdd: acc + x*y with one rounding. NaNs in the order acc, x, y
 * (signalling first); a quiet NaN addend with Inf * 0 gives the default
 * NaN. neg negates x first (FMLS, FMSUB), neg_acc the addend (FNMADD). */
uint64_t a64_fp_muladd(struct a64_cpu *a, uint64_t acc, uint64_t x, uint64_t y, bool neg,
                       unsigned esz) {
  if (neg)
    x ^= sign_bit(esz);
  struct a64_fpv va = unpack(a, acc, esz), vx = unpack(a, x, esz), vy = unpack(a, y, esz);
  bool ix = vx.type == A64_FPT_INF, iy = vy.type == A64_FPT_INF;
  bool zx = vx.type == A64_FPT_ZERO, zy = vy.type == A64_FPT_ZERO;
  bool inf_zero = (ix && zy) || (zx && iy);
  uint64_t r;
  if (va.type == A64_FPT_SNAN)
    return process_nan(a, acc, va, esz);
  if ((vx.type == A64_FPT_SNAN || vy.type == A64_FPT_SNAN) &&
      process_nans(a, x, vx, y, vy, esz, &r))
    return r;
  if (va.type == A64_FPT_QNAN)
    return inf_zero ? invalid(a, esz) : process_nan(a, acc, va, esz);
  if (process_nans(a, x, vx, y, vy, esz, &r))
    return r;
  bool sp = vx.sign ^ vy.sign, ip = ix || iy, ia = va.type == A64_FPT_INF;
  if (inf_zero || (ia && ip && va.sign != sp))
    return invalid(a, esz);
  if (ia || ip)
    return fp_inf(ia ? va.sign : sp, esz);
  if (va.type == A64_FPT_ZERO && (zx || zy) && va.sign == sp)
    return fp_zero(sp, esz);
  return round_v(a, a64_fpv_muladd(va, vx, vy, a64_fp_rmode(a)), esz);
}

/* ---- one operand ---- */

/* RecipEstimate (Arm ARM J1): a in 256..511, result in 256..511. */
static unsigned recip_estimate(unsigned a) {
  a = a * 2 + 1;
  unsigned b = (1u << 19) / a;
  return (b + 1) / 2;
}

/* RecipSqrtEstimate: a in 128..511, result in 256..511. */
static unsigned rsqrt_estimate(unsigned a) {
  if (a < 256)
    a = a * 2 + 1;
  else
    a = ((a >> 1) << 1) * 2 + 2;
  uint64_t b = 512;
  while ((uint64_t)a * (b + 1) * (b + 1) < (1ull << 28))
    b++;
  return (unsigned)(b + 1) / 2;
}

/* Fraction as 52 bits and biased exponent, denormals normalised Arm's way. */
static void frac52(uint64_t x, unsigned esz, uint64_t *frac, int *exp) {
  *frac = (x & frac_mask(esz)) << (52 - frac_bits(esz));
  *exp = (int)((x & exp_mask(esz)) >> frac_bits(esz));
}

static uint64_t build(uint64_t sign, int exp, uint64_t frac52v, unsigned esz) {
  return sign | (uint64_t)exp << frac_bits(esz) | frac52v >> (52 - frac_bits(esz));
}

/* FPRecipEstimate for normal and denormal operands that do not overflow. */
static uint64_t recpe(uint64_t x, unsigned esz) {
  uint64_t frac, sign = x & sign_bit(esz);
  int exp;
  frac52(x, esz, &frac, &exp);
  if (exp == 0) {
    if (!(frac >> 51 & 1))
      exp = -1, frac = (frac << 2) & ((1ull << 52) - 1);
    else
      frac = (frac << 1) & ((1ull << 52) - 1);
  }
  unsigned scaled = 256 | (unsigned)(frac >> 44);
  int rexp = (esz == 1 ? 29 : esz == 2 ? 253 : 2045) - exp;
  uint64_t f = (uint64_t)(recip_estimate(scaled) & 0xff) << 44;
  if (rexp == 0) {
    f = 1ull << 51 | f >> 1;
  } else if (rexp == -1) {
    f = 1ull << 50 | f >> 2;
    rexp = 0;
  }
  return build(sign, rexp, f, esz);
}

/* FPRSqrtEstimate for positive normal and denormal operands. */
static uint64_t rsqrte(uint64_t x, unsigned esz) {
  uint64_t frac;
  int exp;
  frac52(x, esz, &frac, &exp);
  if (exp == 0) {
    while (!(frac >> 51 & 1))
      frac <<= 1, exp--;
    frac = (frac << 1) & ((1ull << 52) - 1);
  }
  unsigned scaled = (exp & 1) ? 128 | (unsigned)(frac >> 45) : 256 | (unsigned)(frac >> 44);
  int base = esz == 1 ? 44 : esz == 2 ? 380 : 3068;
  int rexp = (base - exp) / 2; /* base - exp is positive */
  uint64_t f = (uint64_t)(rsqrt_estimate(scaled) & 0xff) << 44;
  return build(0, rexp, f, esz);
}

/* FPRecipEstimate: tiny operands overflow (by rounding mode), and under FZ
 * huge ones flush to zero with UFC. */
static uint64_t recip(struct a64_cpu *a, uint64_t x, struct a64_fpv v, unsigned esz) {
  int tiny = esz == 1 ? -16 : esz == 2 ? -128 : -1024;
  unsigned rm = a64_fp_rmode(a);
  if (v.type == A64_FPT_INF)
    return fp_zero(v.sign, esz);
  if (v.type == A64_FPT_ZERO) {
    a->fpsr |= A64_FPSR_DZC;
    return fp_inf(v.sign, esz);
  }
  if (v.exp < tiny) {
    bool to_inf = rm == A64_RN || (rm == A64_RP && !v.sign) || (rm == A64_RM && v.sign);
    a->fpsr |= A64_FPSR_OFC | A64_FPSR_IXC;
    return to_inf ? fp_inf(v.sign, esz) : fp_inf(v.sign, esz) - 1;
  }
  if (esz != 1 && (a->fpcr & A64_FPCR_FZ) && v.exp >= -2 - tiny) {
    a->fpsr |= A64_FPSR_UFC;
    return fp_zero(v.sign, esz);
  }
  return recpe(x, esz);
}

static uint64_t estimate(struct a64_cpu *a, enum a64_fp1 op, uint64_t x, struct a64_fpv v,
                         unsigned esz) {
  if (op == A64_FRECPX) {
    uint64_t e = x & exp_mask(esz);
    return fp_zero(v.sign, esz) |
           (e ? ~e & exp_mask(esz) : exp_mask(esz) - (1ull << frac_bits(esz)));
  }
  if (op == A64_FRECPE)
    return recip(a, x, v, esz);
  if (v.type == A64_FPT_ZERO) {
    a->fpsr |= A64_FPSR_DZC;
    return fp_inf(v.sign, esz);
  }
  if (v.sign)
    return invalid(a, esz);
  if (v.type == A64_FPT_INF)
    return 0;
  return rsqrte(x, esz);
}

/* FPSqrt. */
static uint64_t fsqrt(struct a64_cpu *a, struct a64_fpv v, unsigned esz) {
  if (v.type == A64_FPT_ZERO)
    return fp_zero(v.sign, esz);
  if (v.sign)
    return invalid(a, esz);
  if (v.type == A64_FPT_INF)
    return fp_inf(false, esz);
  return round_v(a, a64_fpv_sqrt(v), esz);
}

uint64_t a64_fp_op1(struct a64_cpu *a, enum a64_fp1 op, uint64_t x, unsigned esz) {
  if (op == A64_FABS)
    return x & ~sign_bit(esz);
  if (op == A64_FNEG)
    return x ^ sign_bit(esz);
  uint64_t r;
  if (op == A64_FSQRT && a64_fast_sqrt(a, x, esz, &r))
    return r;
  struct a64_fpv v = unpack(a, x, esz);
  if (is_nan_t(v))
    return process_nan(a, x, v, esz);
  if (op == A64_FRECPE || op == A64_FRSQRTE || op == A64_FRECPX)
    return estimate(a, op, x, v, esz);
  if (op == A64_FSQRT)
    return fsqrt(a, v, esz);
  if (v.type == A64_FPT_INF)
    return x;
  unsigned mode = op >= A64_FRINTX ? a64_fp_rmode(a) : op - A64_FRINTN;
  return a64_fp_round_int(a, v, x, esz, mode, op == A64_FRINTX);
}

/* ---- conversions ---- */

/* FPConvert between sizes (FPUnpackCV, FPRoundCV): half is never flushed,
 * FPCR.AHP selects the alternative half format; round_odd for FCVTXN. */
uint64_t a64_fp_convert(struct a64_cpu *a, uint64_t x, unsigned from, unsigned to, bool round_odd) {
  bool ahp = a->fpcr & A64_FPCR_AHP, alt = ahp && to == 1;
  struct a64_fpv v = a64_fp_unpack(a, x, from, ahp && from == 1);
  if (is_nan_t(v)) {
    if (v.type == A64_FPT_SNAN || alt)
      a->fpsr |= A64_FPSR_IOC;
    if (alt)
      return fp_zero(v.sign, to);
    if (fpcr_dn(a))
      return default_nan(to);
    uint64_t frac = (x & frac_mask(from)) << (52 - frac_bits(from)) >> (52 - frac_bits(to));
    return fp_inf(v.sign, to) | quiet_bit(to) | frac;
  }
  if (v.type == A64_FPT_INF) {
    if (!alt)
      return fp_inf(v.sign, to);
    a->fpsr |= A64_FPSR_IOC;
    return fp_zero(v.sign, to) | 0x7fff;
  }
  if (v.type == A64_FPT_ZERO)
    return fp_zero(v.sign, to);
  return a64_fp_round(a, v, to, round_odd ? A64_RO : a64_fp_rmode(a));
}

uint32_t a64_urecpe(uint32_t x) {
  if (!(x >> 31))
    return 0xffffffffu;
  return recip_estimate(x >> 23) << 23;
}

uint32_t a64_ursqrte(uint32_t x) {
  if (!(x >> 30))
    return 0xffffffffu;
  return rsqrt_estimate(x >> 23) << 23;
}
