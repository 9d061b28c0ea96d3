/* a64_fp_lane.c - floating point on the bits of one element, shared by the
 * vector and scalar FP helpers: NaN processing (Arm ARM J1 FPProcessNaN,
 * FPProcessNaNs), arithmetic, compares, rounding to integral, conversions
 * between sizes, to and from fixed point, and the reciprocal (square root)
 * estimates with Arm's exact tables (FPRecipEstimate, FPRSqrtEstimate).
 *
 * Values are widened to double without loss and computed on the host under
 * its default rounding (nearest even); the single rounding back to half or
 * single is exact for + - * / and sqrt because double has more than
 * 2p + 2 bits. FPCR rounding modes, flush-to-zero and the cumulative
 * exception flags are not modelled; FPCR.DN is.
 */
#include <math.h>
#include <string.h>
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
static bool is_nan(uint64_t x, unsigned esz) {
  return (x & exp_mask(esz)) == exp_mask(esz) && (x & frac_mask(esz));
}
static uint64_t quiet_bit(unsigned esz) {
  return 1ull << (frac_bits(esz) - 1);
}
static bool is_snan(uint64_t x, unsigned esz) {
  return is_nan(x, esz) && !(x & quiet_bit(esz));
}
static uint64_t default_nan(unsigned esz) {
  return exp_mask(esz) | quiet_bit(esz);
}
static bool fpcr_dn(const struct a64_cpu *a) {
  return a->fpcr >> 25 & 1;
}

/* FPProcessNaN: quieten, or the default NaN under FPCR.DN. */
static uint64_t process_nan(const struct a64_cpu *a, uint64_t x, unsigned esz) {
  return fpcr_dn(a) ? default_nan(esz) : x | quiet_bit(esz);
}

/* FPProcessNaNs: a signalling NaN first, then a quiet one, in operand order. */
static bool process_nans(const struct a64_cpu *a, uint64_t x, uint64_t y, unsigned esz,
                         uint64_t *r) {
  if (is_snan(x, esz) || (!is_snan(y, esz) && is_nan(x, esz)))
    *r = process_nan(a, x, esz);
  else if (is_nan(y, esz))
    *r = process_nan(a, y, esz);
  else
    return false;
  return true;
}

/* Exact widening of a non-NaN element to double, and rounding back. */
static double unpack(uint64_t x, unsigned esz) {
  if (esz == 3) {
    double d;
    memcpy(&d, &x, 8);
    return d;
  }
  if (esz == 2) {
    float f;
    uint32_t w = (uint32_t)x;
    memcpy(&f, &w, 4);
    return f;
  }
  _Float16 h;
  uint16_t w = (uint16_t)x;
  memcpy(&h, &w, 2);
  return (double)h;
}

static uint64_t pack(double d, unsigned esz) {
  uint64_t r = 0;
  if (isnan(d))
    return default_nan(esz);
  if (esz == 3) {
    memcpy(&r, &d, 8);
  } else if (esz == 2) {
    float f = (float)d;
    memcpy(&r, &f, 4);
  } else {
    _Float16 h = (_Float16)d;
    memcpy(&r, &h, 2);
  }
  return r;
}

static uint64_t fp_sign(uint64_t x, unsigned esz) {
  return x & sign_bit(esz);
}
static bool is_inf(uint64_t x, unsigned esz) {
  return (x & ~sign_bit(esz)) == exp_mask(esz);
}
static bool is_zero(uint64_t x, unsigned esz) {
  return !(x & ~sign_bit(esz));
}
static uint64_t fp_const(double d, unsigned esz) {
  return pack(d, esz);
}
static uint64_t fp_inf(bool neg, unsigned esz) {
  return exp_mask(esz) | (neg ? sign_bit(esz) : 0);
}

/* FMAX/FMIN (-0 < +0); the NM forms let a number win over a quiet NaN. */
static uint64_t maxmin(const struct a64_cpu *a, uint64_t x, uint64_t y, bool max, bool nm,
                       unsigned esz) {
  uint64_t r;
  if (nm && is_nan(x, esz) && !is_snan(x, esz) && !is_nan(y, esz))
    x = y;
  else if (nm && is_nan(y, esz) && !is_snan(y, esz) && !is_nan(x, esz))
    y = x;
  if (process_nans(a, x, y, esz, &r))
    return r;
  double dx = unpack(x, esz), dy = unpack(y, esz);
  if (dx == dy) /* equal values: only the signs of zeros differ */
    return max ? x & y : x | y;
  return (max ? dx > dy : dx < dy) ? x : y;
}

static uint64_t cmp_mask(bool t, unsigned esz) {
  return t ? a64_emask(esz) : 0;
}

static uint64_t compare(enum a64_fp2 op, uint64_t x, uint64_t y, unsigned esz) {
  if (is_nan(x, esz) || is_nan(y, esz))
    return 0;
  double dx = unpack(x, esz), dy = unpack(y, esz);
  if (op >= A64_FACGE)
    dx = fabs(dx), dy = fabs(dy);
  switch (op) {
  case A64_FCMEQ: return cmp_mask(dx == dy, esz);
  case A64_FCMGE:
  case A64_FACGE: return cmp_mask(dx >= dy, esz);
  default: return cmp_mask(dx > dy, esz);
  }
}

/* FRECPS: 2 - x*y, FRSQRTS: (3 - x*y) / 2, each fused; Inf * 0 gives 2 or 1.5. */
static uint64_t step(enum a64_fp2 op, uint64_t x, uint64_t y, unsigned esz) {
  double dx = unpack(x, esz), dy = unpack(y, esz);
  bool rs = op == A64_FRSQRTS;
  if ((isinf(dx) && dy == 0) || (dx == 0 && isinf(dy)))
    return fp_const(rs ? 1.5 : 2.0, esz);
  if (esz == 2)
    return pack(rs ? fmaf((float)-dx, (float)dy, 3.0f) / 2 : fmaf((float)-dx, (float)dy, 2.0f),
                esz);
  return pack(rs ? fma(-dx, dy, 3.0) / 2 : fma(-dx, dy, 2.0), esz);
}

static uint64_t arith(enum a64_fp2 op, uint64_t x, uint64_t y, unsigned esz) {
  double dx = unpack(x, esz), dy = unpack(y, esz);
  switch (op) {
  case A64_FADD: return pack(dx + dy, esz);
  case A64_FSUB: return pack(dx - dy, esz);
  case A64_FDIV: return pack(dx / dy, esz);
  case A64_FNMUL: return pack(dx * dy, esz) ^ sign_bit(esz);
  case A64_FMULX:
    if ((isinf(dx) && dy == 0) || (dx == 0 && isinf(dy)))
      return fp_const(2.0, esz) | (fp_sign(x, esz) ^ fp_sign(y, esz));
    return pack(dx * dy, esz);
  default: return pack(dx * dy, esz);
  }
}

uint64_t a64_fp_op2(struct a64_cpu *a, enum a64_fp2 op, uint64_t x, uint64_t y, unsigned esz) {
  uint64_t r;
  if (op == A64_FABD) /* FPAbs(FPSub()): a NaN loses its sign too */
    return a64_fp_op2(a, A64_FSUB, x, y, esz) & ~sign_bit(esz);
  if (op >= A64_FCMEQ)
    return compare(op, x, y, esz);
  if (op >= A64_FMAX && op <= A64_FMINNM)
    return maxmin(a, x, y, op == A64_FMAX || op == A64_FMAXNM, op >= A64_FMAXNM, esz);
  if (process_nans(a, x, y, esz, &r))
    return r;
  if (op == A64_FRECPS || op == A64_FRSQRTS)
    return step(op, x, y, esz);
  return arith(op, x, y, esz);
}

static bool inf_times_zero(uint64_t x, uint64_t y, unsigned esz) {
  return (is_inf(x, esz) && is_zero(y, esz)) || (is_zero(x, esz) && is_inf(y, esz));
}

/* FPMulAdd: NaNs in the order acc, x, y (signalling first); a quiet NaN
 * addend with Inf * 0 gives the default NaN. neg negates x first (FMLS). */
uint64_t a64_fp_muladd(struct a64_cpu *a, uint64_t acc, uint64_t x, uint64_t y, bool neg,
                       unsigned esz) {
  uint64_t r;
  if (neg)
    x ^= sign_bit(esz);
  if (is_snan(acc, esz))
    return process_nan(a, acc, esz);
  if ((is_snan(x, esz) || is_snan(y, esz)) && process_nans(a, x, y, esz, &r))
    return r;
  if (is_nan(acc, esz))
    return inf_times_zero(x, y, esz) ? default_nan(esz) : process_nan(a, acc, esz);
  if (process_nans(a, x, y, esz, &r))
    return r;
  double dx = unpack(x, esz), dy = unpack(y, esz), da = unpack(acc, esz);
  if (esz == 2)
    return pack(fmaf((float)dx, (float)dy, (float)da), esz);
  return pack(fma(dx, dy, da), esz);
}

/* ---- one operand ---- */

static double round_int(double x, unsigned mode) {
  switch (mode) {
  case 0: return nearbyint(x); /* ties to even under the host default */
  case 1: return ceil(x);
  case 2: return floor(x);
  case 3: return trunc(x);
  default: return round(x); /* ties away */
  }
}

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

/* FPRecipEstimate for normal and denormal operands. */
static uint64_t recpe(uint64_t x, unsigned esz) {
  uint64_t frac, sign = fp_sign(x, esz);
  int exp;
  double d = fabs(unpack(x, esz));
  double tiny = esz == 1 ? 0x1p-16 : esz == 2 ? 0x1p-128 : 0x1p-1024;
  if (d < tiny) /* overflows: Inf under round to nearest */
    return fp_inf(sign, esz);
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

static uint64_t estimate(enum a64_fp1 op, uint64_t x, unsigned esz) {
  uint64_t sign = fp_sign(x, esz);
  if (op == A64_FRECPX) {
    uint64_t e = x & exp_mask(esz);
    return sign | (e ? ~e & exp_mask(esz) : exp_mask(esz) - (1ull << frac_bits(esz)));
  }
  if (op == A64_FRECPE) {
    if (is_inf(x, esz))
      return sign;
    if (is_zero(x, esz))
      return fp_inf(sign, esz);
    return recpe(x, esz);
  }
  if (is_zero(x, esz))
    return fp_inf(sign, esz);
  if (sign)
    return default_nan(esz);
  if (is_inf(x, esz))
    return 0;
  return rsqrte(x, esz);
}

uint64_t a64_fp_op1(struct a64_cpu *a, enum a64_fp1 op, uint64_t x, unsigned esz) {
  if (op == A64_FABS)
    return x & ~sign_bit(esz);
  if (op == A64_FNEG)
    return x ^ sign_bit(esz);
  if (is_nan(x, esz))
    return process_nan(a, x, esz);
  if (op == A64_FRECPE || op == A64_FRSQRTE || op == A64_FRECPX)
    return estimate(op, x, esz);
  double d = unpack(x, esz);
  if (op == A64_FSQRT)
    return pack(sqrt(d), esz);
  unsigned mode = op == A64_FRINTX || op == A64_FRINTI ? 0 : op - A64_FRINTN;
  return pack(round_int(d, mode), esz) | fp_sign(x, esz); /* keeps -0 for -0.4 */
}

/* ---- conversions ---- */

/* Round to odd (FCVTXN): truncate, and set the last bit when inexact. */
static uint64_t to_single_odd(double d) {
  float f = (float)d;
  if ((double)f != d) {
    if (fabs((double)f) > fabs(d))
      f = nextafterf(f, 0.0f);
    uint32_t w;
    memcpy(&w, &f, 4);
    return w | 1;
  }
  uint32_t w;
  memcpy(&w, &f, 4);
  return w;
}

uint64_t a64_fp_convert(struct a64_cpu *a, uint64_t x, unsigned from, unsigned to, bool round_odd) {
  if (is_nan(x, from)) {
    if (fpcr_dn(a))
      return default_nan(to);
    uint64_t frac = (x & frac_mask(from)) << (52 - frac_bits(from)) >> (52 - frac_bits(to));
    return (fp_sign(x, from) ? sign_bit(to) : 0) | exp_mask(to) | quiet_bit(to) | frac;
  }
  double d = unpack(x, from);
  if (round_odd)
    return to_single_odd(d);
  return pack(d, to);
}

uint64_t a64_fp_to_fixed(struct a64_cpu *a, uint64_t x, unsigned esz, unsigned fbits,
                         unsigned rounding, bool is_unsigned, unsigned esz_out) {
  unsigned bits = 8u << esz_out;
  (void)a;
  if (is_nan(x, esz))
    return 0;
  double r = round_int(ldexp(unpack(x, esz), (int)fbits), rounding);
  if (is_unsigned) {
    double lim = ldexp(1.0, (int)bits);
    if (r <= 0)
      return 0;
    return r >= lim ? a64_emask(esz_out) : (uint64_t)r;
  }
  double lim = ldexp(1.0, (int)bits - 1);
  if (r >= lim)
    return a64_emask(esz_out) >> 1;
  if (r < -lim)
    return (a64_emask(esz_out) >> 1) + 1;
  return (uint64_t)(int64_t)r & a64_emask(esz_out);
}

/* Integer to FP with a single rounding: through long double (64-bit
 * mantissa) the 64-bit integer is exact, and the scale is a power of two. */
uint64_t a64_fixed_to_fp(uint64_t x, unsigned esz_in, unsigned fbits, bool is_unsigned,
                         unsigned esz) {
  long double v =
      is_unsigned ? (long double)(x & a64_emask(esz_in)) : (long double)a64_sext(x, esz_in);
  v = ldexpl(v, -(int)fbits);
  if (esz == 3)
    return pack((double)v, 3);
  float f = (float)v;
  if (esz == 2)
    return pack(f, 2);
  return pack((double)(_Float16)v, 1);
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
