/* a64_fp_round.c - exact floating point in software for the A64 FP helpers
 * (Arm ARM J1, shared/functions/float): FPUnpack with flush-to-zero, the
 * exact results of + - * / sqrt and the fused multiply-add, FPRound with
 * FPCR's rounding mode, FZ and AHP, rounding to integral, and the
 * conversions to and from fixed point, each raising the FPSR cumulative
 * flags as the pseudocode does.
 *
 * A finite nonzero value is sign, exp and a 64-bit significand with bit 63
 * set: |value| = mant * 2^(exp - 63). Results that are not exact keep a
 * sticky 1 in bit 0, which is enough for every rounding: the widest format
 * needs 53 + 2 bits. Nothing here reads or changes the host's FP
 * environment, so the host's own code stays under its defaults.
 *
 *   struct a64_fpv v = a64_fpv_mul(a64_fp_unpack(a, x, 2, false), a64_fp_unpack(a, y, 2, false));
 *   uint32_t r = a64_fp_round(a, v, 2, a64_fp_rmode(a));
 */
#include "a64.h"
#include "a64_helpers.h"

typedef unsigned __int128 u128;

static unsigned frac_bits(unsigned esz) {
  return esz == 1 ? 10 : esz == 2 ? 23 : 52;
}
static unsigned exp_bits(unsigned esz) {
  return esz == 1 ? 5 : esz == 2 ? 8 : 11;
}
static int min_exp(unsigned esz) {
  return 2 - (1 << (exp_bits(esz) - 1));
}
static uint64_t sign_of(bool sign, unsigned esz) {
  return (uint64_t)sign << ((8u << esz) - 1);
}

unsigned a64_fp_rmode(const struct a64_cpu *a) {
  return a->fpcr >> 22 & 3;
}

/* FZ flushes single and double denormals (FZ16 is for FEAT_FP16). */
static bool flushes(const struct a64_cpu *a, unsigned esz) {
  return esz != 1 && (a->fpcr & A64_FPCR_FZ);
}

/* FPUnpack; ahp reads half precision in the alternative format (no Inf/NaN). */
struct a64_fpv a64_fp_unpack(struct a64_cpu *a, uint64_t x, unsigned esz, bool ahp) {
  unsigned fb = frac_bits(esz), emax = (1u << exp_bits(esz)) - 1;
  uint64_t frac = x & ((1ull << fb) - 1);
  unsigned e = (unsigned)(x >> fb) & emax;
  struct a64_fpv v = {A64_FPT_NUM, (x >> ((8u << esz) - 1)) & 1, 0, 0};
  if (e == 0 && (frac == 0 || flushes(a, esz))) {
    if (frac)
      a->fpsr |= A64_FPSR_IDC;
    v.type = A64_FPT_ZERO;
  } else if (e == emax && !(esz == 1 && ahp)) {
    v.type = !frac ? A64_FPT_INF : frac >> (fb - 1) ? A64_FPT_QNAN : A64_FPT_SNAN;
  } else if (e == 0) { /* denormal: 0.frac * 2^min_exp */
    unsigned lz = (unsigned)__builtin_clzll(frac);
    v.mant = frac << lz;
    v.exp = min_exp(esz) - (int)(lz - (63 - fb));
  } else {
    v.mant = (frac | 1ull << fb) << (63 - fb);
    v.exp = (int)e - (int)(emax >> 1);
  }
  return v;
}

/* The integer part of mant / 2^shift, rounded; *inexact when bits were lost.
 * Rounding: A64_RN, RP, RM, RZ, RA (ties away), RO (to odd) on a magnitude of
 * the given sign. */
static uint64_t round_bits(uint64_t mant, unsigned shift, bool sign, unsigned rmode,
                           bool *inexact) {
  uint64_t im = shift >= 64 ? 0 : mant >> shift;
  uint64_t rem = shift >= 64 ? mant : mant & ((1ull << shift) - 1);
  int vs_half = -2; /* rem against half a unit: -1 below, 0 equal, 1 above */
  if (shift > 64)
    vs_half = rem ? -1 : -2;
  else if (shift >= 1) {
    uint64_t half = 1ull << (shift - 1);
    vs_half = rem == half ? 0 : rem > half ? 1 : -1;
  }
  *inexact = rem != 0;
  bool up = false;
  switch (rmode) {
  case A64_RN: up = vs_half > 0 || (vs_half == 0 && (im & 1)); break;
  case A64_RP: up = rem && !sign; break;
  case A64_RM: up = rem && sign; break;
  case A64_RA: up = vs_half >= 0 && shift >= 1; break;
  case A64_RO: im |= rem != 0; break;
  default: break;
  }
  return im + up;
}

/* FPRound (FPRoundBase) of a nonzero finite value to element size esz. */
uint64_t a64_fp_round(struct a64_cpu *a, struct a64_fpv v, unsigned esz, unsigned rmode) {
  unsigned fb = frac_bits(esz), eb = exp_bits(esz);
  uint64_t sb = sign_of(v.sign, esz);
  if (flushes(a, esz) && v.exp < min_exp(esz)) {
    a->fpsr |= A64_FPSR_UFC;
    return sb;
  }
  int biased = v.exp - min_exp(esz) + 1;
  int shift = 63 - (int)fb;
  if (biased <= 0) {
    shift += 1 - biased > 70 ? 70 : 1 - biased;
    biased = 0;
  }
  bool inexact;
  uint64_t im = round_bits(v.mant, (unsigned)shift, v.sign, rmode, &inexact);
  if (biased == 0 && inexact)
    a->fpsr |= A64_FPSR_UFC;
  if (biased == 0 && im >> fb)
    biased = 1; /* rounded up from denormal to normal */
  if (im >> (fb + 1)) {
    biased++;
    im >>= 1;
  }
  if (esz == 1 && (a->fpcr & A64_FPCR_AHP)) {
    if (biased >= 1 << eb) {
      a->fpsr |= A64_FPSR_IOC;
      return sb | 0x7fff;
    }
  } else if (biased >= (1 << eb) - 1) {
    bool to_inf = rmode == A64_RN || (rmode == A64_RP && !v.sign) || (rmode == A64_RM && v.sign);
    a->fpsr |= A64_FPSR_OFC | A64_FPSR_IXC;
    uint64_t inf = ((1ull << eb) - 1) << fb;
    return sb | (to_inf ? inf : inf - 1);
  }
  if (inexact)
    a->fpsr |= A64_FPSR_IXC;
  return sb | (uint64_t)biased << fb | (im & ((1ull << fb) - 1));
}

/* ---- exact arithmetic on finite nonzero values ---- */

static unsigned clz128(u128 x) {
  uint64_t hi = (uint64_t)(x >> 64);
  return hi ? (unsigned)__builtin_clzll(hi) : 64 + (unsigned)__builtin_clzll((uint64_t)x);
}

/* m * 2^scale (m != 0) as a value, the bits below 64 kept as sticky. */
static struct a64_fpv from128(bool sign, int scale, u128 m) {
  int top = 127 - (int)clz128(m);
  struct a64_fpv v = {A64_FPT_NUM, sign, scale + top, 0};
  if (top > 63)
    v.mant = (uint64_t)(m >> (top - 63)) | ((m & (((u128)1 << (top - 63)) - 1)) != 0);
  else
    v.mant = (uint64_t)m << (63 - top);
  return v;
}

static struct a64_fpv exact_zero(unsigned rmode) {
  struct a64_fpv z = {A64_FPT_ZERO, rmode == A64_RM, 0, 0};
  return z;
}

/* x + y with each significand at bits 125.. of a u128 (value m * 2^(e - 125)). */
static struct a64_fpv add128(bool sx, int ex, u128 mx, bool sy, int ey, u128 my, unsigned rmode) {
  if (ex < ey || (ex == ey && mx < my)) {
    bool ts = sx;
    int te = ex;
    u128 tm = mx;
    sx = sy, ex = ey, mx = my;
    sy = ts, ey = te, my = tm;
  }
  int d = ex - ey;
  if (d >= 127)
    my = 1;
  else if (d > 0)
    my = (my >> d) | ((my & (((u128)1 << d) - 1)) != 0);
  u128 r = sx == sy ? mx + my : mx - my;
  if (r == 0)
    return exact_zero(rmode);
  return from128(sx, ex - 125, r);
}

struct a64_fpv a64_fpv_add(struct a64_fpv x, struct a64_fpv y, unsigned rmode) {
  return add128(x.sign, x.exp, (u128)x.mant << 62, y.sign, y.exp, (u128)y.mant << 62, rmode);
}

struct a64_fpv a64_fpv_mul(struct a64_fpv x, struct a64_fpv y) {
  return from128(x.sign ^ y.sign, x.exp + y.exp - 126, (u128)x.mant * y.mant);
}

struct a64_fpv a64_fpv_div(struct a64_fpv x, struct a64_fpv y) {
  u128 n = (u128)x.mant << 64;
  u128 q = n / y.mant;
  q |= n % y.mant != 0;
  return from128(x.sign ^ y.sign, x.exp - y.exp - 64, q);
}

/* Square root of a positive value: digit by digit, 64 result bits. */
struct a64_fpv a64_fpv_sqrt(struct a64_fpv x) {
  int t = x.exp - 63;
  unsigned k = (t - 64) % 2 == 0 ? 64 : 63;
  u128 n = (u128)x.mant << k, rem = 0, root = 0;
  for (int i = 0; i < 64; i++) {
    rem = (rem << 2) | (n >> 126);
    n <<= 2;
    root <<= 1;
    if (rem >= (root << 1 | 1)) {
      rem -= root << 1 | 1;
      root |= 1;
    }
  }
  return from128(false, (t - (int)k) / 2, root | (rem != 0));
}

/* acc + x*y, exact before the one rounding; any of them may be zero. */
struct a64_fpv a64_fpv_muladd(struct a64_fpv acc, struct a64_fpv x, struct a64_fpv y,
                              unsigned rmode) {
  bool zp = x.type == A64_FPT_ZERO || y.type == A64_FPT_ZERO;
  if (zp && acc.type == A64_FPT_ZERO)
    return exact_zero(rmode); /* opposite signs: same signs are the caller's */
  if (zp)
    return acc;
  u128 p = (u128)x.mant * y.mant; /* top bit 126 or 127, at least 20 zero bits below */
  int top = 127 - (int)clz128(p);
  int ep = x.exp + y.exp - 126 + top; /* value p' * 2^(ep - 125) */
  p >>= top - 125;
  if (acc.type == A64_FPT_ZERO)
    return from128(x.sign ^ y.sign, ep - 125, p);
  return add128(acc.sign, acc.exp, (u128)acc.mant << 62, x.sign ^ y.sign, ep, p, rmode);
}

/* ---- integers ---- */

/* The magnitude of a finite value times 2^fbits rounded to an integer;
 * *over when it does not fit in 64 bits. */
static uint64_t to_int_mag(struct a64_fpv v, unsigned fbits, unsigned rmode, bool *inexact,
                           bool *over) {
  *inexact = false, *over = false;
  if (v.type == A64_FPT_ZERO)
    return 0;
  int e = v.exp + (int)fbits;
  if (e >= 64) {
    *over = true;
    return 0;
  }
  unsigned shift = e < -10 ? 74 : (unsigned)(63 - e);
  return round_bits(v.mant, shift, v.sign, rmode, inexact);
}

/* FPToFixed with saturation to a signed or unsigned integer of esz_out. */
uint64_t a64_fp_to_fixed(struct a64_cpu *a, uint64_t x, unsigned esz, unsigned fbits,
                         unsigned rounding, bool is_unsigned, unsigned esz_out) {
  uint64_t r;
  if (rounding == A64_RZ && a64_fast_to_int(a, x, esz, fbits, is_unsigned, esz_out, &r))
    return r;
  struct a64_fpv v = a64_fp_unpack(a, x, esz, false);
  uint64_t lim = is_unsigned ? a64_emask(esz_out) : a64_emask(esz_out) >> 1, mag;
  bool inexact, over = true;
  if (v.type == A64_FPT_QNAN || v.type == A64_FPT_SNAN) {
    a->fpsr |= A64_FPSR_IOC;
    return 0;
  }
  mag = v.type == A64_FPT_INF ? 0 : to_int_mag(v, fbits, rounding, &inexact, &over);
  if (v.sign && mag)
    over = over || is_unsigned || mag > lim + 1;
  else
    over = over || mag > lim;
  if (over) {
    a->fpsr |= A64_FPSR_IOC;
    return !v.sign ? lim : is_unsigned ? 0 : lim + 1;
  }
  if (inexact)
    a->fpsr |= A64_FPSR_IXC;
  return (v.sign ? 0 - mag : mag) & a64_emask(esz_out);
}

/* FixedToFP under the FPCR rounding mode. */
uint64_t a64_fixed_to_fp(struct a64_cpu *a, uint64_t x, unsigned esz_in, unsigned fbits,
                         bool is_unsigned, unsigned esz) {
  uint64_t r;
  if (a64_fast_from_int(a, x, esz_in, fbits, is_unsigned, esz, &r))
    return r;
  bool neg = !is_unsigned && a64_sext(x, esz_in) < 0;
  uint64_t mag = neg ? 0 - (uint64_t)a64_sext(x, esz_in) : x & a64_emask(esz_in);
  if (!mag)
    return 0;
  unsigned lz = (unsigned)__builtin_clzll(mag);
  struct a64_fpv v = {A64_FPT_NUM, neg, 63 - (int)lz - (int)fbits, mag << lz};
  return a64_fp_round(a, v, esz, a64_fp_rmode(a));
}

/* FPRoundInt of a finite value; exact (FRINTX) raises Inexact. */
uint64_t a64_fp_round_int(struct a64_cpu *a, struct a64_fpv v, uint64_t x, unsigned esz,
                          unsigned rounding, bool exact) {
  if (v.type == A64_FPT_ZERO)
    return sign_of(v.sign, esz);
  if (v.exp >= (int)frac_bits(esz))
    return x; /* already integral */
  bool inexact, over;
  uint64_t mag = to_int_mag(v, 0, rounding, &inexact, &over);
  if (inexact && exact)
    a->fpsr |= A64_FPSR_IXC;
  if (!mag)
    return sign_of(v.sign, esz);
  unsigned lz = (unsigned)__builtin_clzll(mag);
  struct a64_fpv r = {A64_FPT_NUM, v.sign, 63 - (int)lz, mag << lz};
  return a64_fp_round(a, r, esz, A64_RZ);
}
