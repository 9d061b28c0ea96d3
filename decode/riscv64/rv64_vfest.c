/* rv64_vfest.c - vfrsqrt7.v and vfrec7.v (V spec chapters 13.9, 13.10):
 * 7-bit estimates of 1/sqrt(x) and 1/x from the spec's two 128-entry
 * tables, for binary32 (fmt 0) and binary64 (fmt 1). A subnormal input is
 * normalized first (its exponent going to 0 or below); vfrec7 of a
 * subnormal so small that 1/x overflows gives infinity or the greatest
 * finite value as the rounding mode says, with overflow and inexact. */
#include "rv64_fpenv.h"
#include "rv64_vec.h"

/* Table 13.9 (vfrsqrt7), indexed by the exponent's low bit and the top six
 * significand bits. */
static const uint8_t rv64_rsqrt7_table[128] = {
    52,  51,  50,  48,  47,  46, 44, 43,  42,  41,  40,  39,  38,  36,  35,  34,  33,  32,  31,
    30,  30,  29,  28,  27,  26, 25, 24,  23,  23,  22,  21,  20,  19,  19,  18,  17,  16,  16,
    15,  14,  14,  13,  12,  12, 11, 10,  10,  9,   9,   8,   7,   7,   6,   6,   5,   4,   4,
    3,   3,   2,   2,   1,   1,  0,  127, 125, 123, 121, 119, 118, 116, 114, 113, 111, 109, 108,
    106, 105, 103, 102, 100, 99, 97, 96,  95,  93,  92,  91,  90,  88,  87,  86,  85,  84,  83,
    82,  80,  79,  78,  77,  76, 75, 74,  73,  72,  71,  70,  70,  69,  68,  67,  66,  65,  64,
    63,  63,  62,  61,  60,  59, 59, 58,  57,  56,  56,  55,  54,  53,
};

/* Table 13.10 (vfrec7), indexed by the top seven significand bits. */
static const uint8_t rv64_rec7_table[128] = {
    127, 125, 123, 121, 119, 117, 116, 114, 112, 110, 109, 107, 105, 104, 102, 100, 99, 97, 96,
    94,  93,  91,  90,  88,  87,  85,  84,  83,  81,  80,  79,  77,  76,  75,  74,  72, 71, 70,
    69,  68,  66,  65,  64,  63,  62,  61,  60,  59,  58,  57,  56,  55,  54,  53,  52, 51, 50,
    49,  48,  47,  46,  45,  44,  43,  42,  41,  40,  40,  39,  38,  37,  36,  35,  35, 34, 33,
    32,  31,  31,  30,  29,  28,  28,  27,  26,  25,  25,  24,  23,  23,  22,  21,  21, 20, 19,
    19,  18,  17,  17,  16,  15,  15,  14,  14,  13,  12,  12,  11,  11,  10,  9,   9,  8,  8,
    7,   7,   6,   5,   5,   4,   4,   3,   3,   2,   2,   1,   1,   0,
};

/* The fields of a value of fmt. */
struct rv64_fparts {
  unsigned fbits, ebits; /* significand and exponent widths */
  int64_t bias, exp;     /* exp biased, 0 or below once a subnormal is normalized */
  uint64_t frac, sign;
  bool zero;
};

static struct rv64_fparts rv64_fsplit(unsigned fmt, uint64_t a) {
  struct rv64_fparts p = {fmt ? 52 : 23, fmt ? 11 : 8, fmt ? 1023 : 127, 0, 0, 0, false};
  p.sign = a >> (p.fbits + p.ebits) & 1;
  p.exp = (int64_t)(a >> p.fbits & ((1u << p.ebits) - 1));
  p.frac = a & ((1ull << p.fbits) - 1);
  p.zero = p.exp == 0 && !p.frac;
  if (p.exp == 0 && p.frac) { /* normalize: shift the leading one out */
    while (!(p.frac >> (p.fbits - 1) & 1))
      p.frac <<= 1, p.exp--;
    p.frac = p.frac << 1 & ((1ull << p.fbits) - 1);
  }
  return p;
}

static uint64_t rv64_fjoin(const struct rv64_fparts *p, uint64_t exp, uint64_t frac) {
  return p->sign << (p->fbits + p->ebits) | exp << p->fbits | frac;
}

static uint64_t rv64_fspecial_nan(unsigned fmt, uint64_t a, unsigned *fl) {
  bool quiet = fmt ? a >> 51 & 1 : a >> 22 & 1;
  if (!quiet)
    *fl |= RV64_NV;
  return fmt ? RV64_CANON_D : RV64_CANON_S;
}

uint64_t rv64_frsqrt7(unsigned fmt, uint64_t a, unsigned *fl) {
  struct rv64_fparts p = rv64_fsplit(fmt, a);
  int64_t emax = (1 << p.ebits) - 1;
  if (p.exp == emax && p.frac)
    return rv64_fspecial_nan(fmt, a, fl);
  if (p.zero) { /* 1/sqrt(+-0) = +-inf */
    *fl |= RV64_DZ;
    return rv64_fjoin(&p, (uint64_t)emax, 0);
  }
  if (p.sign) { /* a negative number or -inf */
    *fl |= RV64_NV;
    return fmt ? RV64_CANON_D : RV64_CANON_S;
  }
  if (p.exp == emax)
    return 0;
  unsigned idx = (unsigned)(p.exp & 1) << 6 | (unsigned)(p.frac >> (p.fbits - 6));
  uint64_t out_exp = (uint64_t)((3 * p.bias - 1 - p.exp) / 2);
  return rv64_fjoin(&p, out_exp, (uint64_t)rv64_rsqrt7_table[idx] << (p.fbits - 7));
}

/* 1/x of a tiny subnormal overflows: infinity, or the greatest finite
 * value when rounding toward zero or away from the infinity of x's sign. */
static uint64_t rv64_frec7_overflow(const struct rv64_fparts *p, unsigned rm, unsigned *fl) {
  uint64_t emax = (1u << p->ebits) - 1;
  *fl |= RV64_OF | RV64_NX;
  bool finite = rm == RV64_RTZ || (rm == RV64_RDN && !p->sign) || (rm == RV64_RUP && p->sign);
  return finite ? rv64_fjoin(p, emax - 1, (1ull << p->fbits) - 1) : rv64_fjoin(p, emax, 0);
}

uint64_t rv64_frec7(unsigned fmt, unsigned rm, uint64_t a, unsigned *fl) {
  struct rv64_fparts p = rv64_fsplit(fmt, a);
  int64_t emax = (1 << p.ebits) - 1;
  if (p.exp == emax)
    return p.frac ? rv64_fspecial_nan(fmt, a, fl) : rv64_fjoin(&p, 0, 0); /* 1/+-inf = +-0 */
  if (p.zero) {
    *fl |= RV64_DZ;
    return rv64_fjoin(&p, (uint64_t)emax, 0);
  }
  if (p.exp < -1)
    return rv64_frec7_overflow(&p, rm, fl);
  uint64_t frac = (uint64_t)rv64_rec7_table[p.frac >> (p.fbits - 7)] << (p.fbits - 7);
  int64_t out_exp = 2 * p.bias - 1 - p.exp;
  if (out_exp <= 0) { /* a subnormal result: the implicit one shifted in */
    frac = (frac >> 1 | 1ull << (p.fbits - 1)) >> (out_exp < 0);
    out_exp = 0;
  }
  return rv64_fjoin(&p, (uint64_t)out_exp, frac);
}
