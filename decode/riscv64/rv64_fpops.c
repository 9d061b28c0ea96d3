/* rv64_fpops.c - F and D operations computed exactly with the host's IEEE
 * arithmetic (unprivileged ISA, chapters 20 and 21): x86-64 SSE rounds in
 * the four directed modes and raises the same five flags, with tininess
 * detected after rounding as RISC-V does. What differs is fixed here: a NaN
 * result is always the canonical NaN, FMIN/FMAX and the compares follow the
 * RISC-V rules, and conversions to integers saturate. Operands are volatile
 * so that the compiler neither folds nor moves them out of the rounding
 * mode they are computed in. */
#include <fenv.h>
#include <math.h>
#include <string.h>
#include "rv64_fpenv.h"
#include "../../xrun.h"

static const int rv64_host_round[4] = {FE_TONEAREST, FE_TOWARDZERO, FE_DOWNWARD, FE_UPWARD};

/* The host's rounding mode for rm. */
static int rv64_host_mode(unsigned rm) {
  return rv64_host_round[rm < 4 ? rm : RV64_RNE];
}

/* The rounding mode and the flags are written only where they differ: each
 * fesetround and feclearexcept rewrites both the x87 and the SSE state. */
void rv64_fpenv_begin(unsigned rm) {
  if (rv64_host_mode(rm) != FE_TONEAREST)
    fesetround(rv64_host_mode(rm));
  xrun_fp_clear();
}

unsigned rv64_fpenv_end(unsigned rm) {
  int e = fetestexcept(FE_ALL_EXCEPT);
  if (e)
    xrun_fp_reset();
  if (rv64_host_mode(rm) != FE_TONEAREST)
    fesetround(FE_TONEAREST);
  return (e & FE_INEXACT ? RV64_NX : 0) | (e & FE_UNDERFLOW ? RV64_UF : 0) |
         (e & FE_OVERFLOW ? RV64_OF : 0) | (e & FE_DIVBYZERO ? RV64_DZ : 0) |
         (e & FE_INVALID ? RV64_NV : 0);
}

static float f32(uint64_t bits) {
  float f;
  uint32_t u = (uint32_t)bits;
  memcpy(&f, &u, 4);
  return f;
}
static double f64(uint64_t bits) {
  double d;
  memcpy(&d, &bits, 8);
  return d;
}
static uint64_t bits32(float f) {
  uint32_t u;
  memcpy(&u, &f, 4);
  return u;
}
static uint64_t bits64(double d) {
  uint64_t u;
  memcpy(&u, &d, 8);
  return u;
}

static bool is_nan(unsigned fmt, uint64_t v) {
  return fmt ? (v & ~(1ull << 63)) > 0x7ff0000000000000ull : (v & 0x7fffffffu) > 0x7f800000u;
}
static bool is_snan(unsigned fmt, uint64_t v) {
  return is_nan(fmt, v) && !(fmt ? v >> 51 & 1 : v >> 22 & 1);
}
static uint64_t canon(unsigned fmt) {
  return fmt ? RV64_CANON_D : RV64_CANON_S;
}

static double arith64(unsigned op, double a, double b, double c) {
  volatile double x = a, y = b, z = c, r;
  switch (op) {
  case RV64_FADD: r = x + y; break;
  case RV64_FSUB: r = x - y; break;
  case RV64_FMUL: r = x * y; break;
  case RV64_FDIV: r = x / y; break;
  case RV64_FSQRT: r = sqrt(x); break;
  default: r = fma(x, y, z); break;
  }
  return r;
}

static float arith32(unsigned op, float a, float b, float c) {
  volatile float x = a, y = b, z = c, r;
  switch (op) {
  case RV64_FADD: r = x + y; break;
  case RV64_FSUB: r = x - y; break;
  case RV64_FMUL: r = x * y; break;
  case RV64_FDIV: r = x / y; break;
  case RV64_FSQRT: r = sqrtf(x); break;
  default: r = fmaf(x, y, z); break;
  }
  return r;
}

/* The operation in binary128: exact for a sum, difference, product or
 * fused product-sum of binary64 operands that has at most 113 significant
 * bits, and for a quotient that does; *exact says whether it was. */
static __float128 arith128(unsigned op, __float128 x, __float128 y, __float128 z, bool *exact) {
  xrun_fp_clear();
  volatile __float128 a = x, b = y, c = z, r;
  switch (op) {
  case RV64_FADD: r = a + b; break;
  case RV64_FSUB: r = a - b; break;
  case RV64_FMUL: r = a * b; break;
  case RV64_FDIV: r = a / b; break;
  default: r = a * b + c; break; /* the product is exact: one rounding */
  }
  *exact = !fetestexcept(FE_INEXACT);
  xrun_fp_clear();
  return r;
}

/* RMM (round to nearest, ties to max magnitude) differs from RNE only when
 * the exact result lies halfway between two floats, which then has at most
 * 54 significant bits: exact in binary128. r is the RNE result; the other
 * neighbour replaces it when the exact value is their midpoint and it is
 * the larger in magnitude. A square root is never a midpoint. */
static uint64_t rmm_arith(unsigned op, unsigned fmt, uint64_t a, uint64_t b, uint64_t c,
                          uint64_t r) {
  if (op == RV64_FSQRT)
    return r;
  __float128 x = fmt ? f64(a) : f32(a), y = fmt ? f64(b) : f32(b), z = fmt ? f64(c) : f32(c);
  bool exact;
  __float128 v = arith128(op, x, y, z, &exact);
  double rv = fmt ? f64(r) : f32(r);
  if (!exact || isinf(rv) || v == rv)
    return r;
  double n = fmt ? nextafter(rv, v > rv ? INFINITY : -INFINITY)
                 : nextafterf((float)rv, v > rv ? INFINITY : -INFINITY);
  if (v != ((__float128)rv + (__float128)n) / 2 || fabs(n) < fabs(rv))
    return r;
  return fmt ? bits64(n) : bits32((float)n);
}

/* a op b (FMADD: a * b + c, the caller negating for the other three). */
uint64_t rv64_fp_arith(unsigned op, unsigned fmt, unsigned rm, uint64_t a, uint64_t b, uint64_t c,
                       unsigned *flags) {
  if (rm == RV64_RMM) {
    unsigned fl = 0;
    uint64_t r = rv64_fp_arith(op, fmt, RV64_RNE, a, b, c, &fl);
    *flags |= fl;
    return fl & RV64_NX && !is_nan(fmt, r) ? rmm_arith(op, fmt, a, b, c, r) : r;
  }
  rv64_fpenv_begin(rm);
  uint64_t r = fmt ? bits64(arith64(op, f64(a), f64(b), f64(c)))
                   : bits32(arith32(op, f32(a), f32(b), f32(c)));
  unsigned fl = rv64_fpenv_end(rm);
  /* 0 * inf + c is invalid even when c is a quiet NaN (chapter 20.6) */
  if (op == RV64_FMADD && is_nan(fmt, c) && !is_nan(fmt, a) && !is_nan(fmt, b)) {
    double x = fmt ? f64(a) : f32(a), y = fmt ? f64(b) : f32(b);
    if ((x == 0 && isinf(y)) || (isinf(x) && y == 0))
      fl |= RV64_NV;
  }
  *flags |= fl;
  return is_nan(fmt, r) ? canon(fmt) : r;
}

/* FMIN/FMAX (version 2.2 and later): a NaN operand is ignored unless both
 * are; -0 < +0; a signalling NaN raises invalid. */
uint64_t rv64_fp_minmax(bool max, unsigned fmt, uint64_t a, uint64_t b, unsigned *flags) {
  if (is_snan(fmt, a) || is_snan(fmt, b))
    *flags |= RV64_NV;
  bool na = is_nan(fmt, a), nb = is_nan(fmt, b);
  if (na && nb)
    return canon(fmt);
  if (na || nb)
    return na ? b : a;
  double x = fmt ? f64(a) : f32(a), y = fmt ? f64(b) : f32(b);
  if (x == y) { /* +0 and -0: the sign decides */
    uint64_t sign = fmt ? 1ull << 63 : 1u << 31;
    bool a_neg = (a & sign) != 0;
    return max ? (a_neg ? b : a) : (a_neg ? a : b);
  }
  return (x > y) == max ? a : b;
}

/* FMINM/FMAXM (Zfa): IEEE 754-2019 minimum and maximum, which return the
 * canonical NaN when either operand is a NaN (invalid only for a signalling
 * one) and are FMIN/FMAX otherwise. */
uint64_t rv64_fp_minmaxm(bool max, unsigned fmt, uint64_t a, uint64_t b, unsigned *flags) {
  if (is_nan(fmt, a) || is_nan(fmt, b)) {
    if (is_snan(fmt, a) || is_snan(fmt, b))
      *flags |= RV64_NV;
    return canon(fmt);
  }
  return rv64_fp_minmax(max, fmt, a, b, flags);
}

/* kind: 2 FEQ (quiet: invalid only for a signalling NaN), 1 FLT, 0 FLE
 * (signalling: invalid for any NaN), and Zfa's quiet 5 FLTQ, 4 FLEQ. */
uint64_t rv64_fp_cmp(unsigned kind, unsigned fmt, uint64_t a, uint64_t b, unsigned *flags) {
  bool quiet = kind == 2 || kind >= 4;
  kind &= 3;
  if (is_nan(fmt, a) || is_nan(fmt, b)) {
    if (!quiet || is_snan(fmt, a) || is_snan(fmt, b))
      *flags |= RV64_NV;
    return 0;
  }
  double x = fmt ? f64(a) : f32(a), y = fmt ? f64(b) : f32(b);
  return kind == 2 ? x == y : kind == 1 ? x < y : x <= y;
}

/* FCLASS: one bit of ten (table 20.5). */
uint64_t rv64_fp_class(unsigned fmt, uint64_t a) {
  bool neg = fmt ? a >> 63 : a >> 31 & 1;
  uint64_t mag = fmt ? a & ~(1ull << 63) : a & 0x7fffffffu;
  uint64_t inf = fmt ? 0x7ff0000000000000ull : 0x7f800000u;
  uint64_t min_normal = fmt ? 1ull << 52 : 1u << 23;
  if (is_nan(fmt, a))
    return is_snan(fmt, a) ? 1u << 8 : 1u << 9;
  if (mag == inf)
    return neg ? 1u << 0 : 1u << 7;
  if (mag == 0)
    return neg ? 1u << 3 : 1u << 4;
  if (mag < min_normal)
    return neg ? 1u << 2 : 1u << 5;
  return neg ? 1u << 1 : 1u << 6;
}

/* x rounded to an integral value as rm says (RMM: ties away from zero). */
static double round_rm(double x, unsigned rm) {
  switch (rm) {
  case RV64_RTZ: return trunc(x);
  case RV64_RDN: return floor(x);
  case RV64_RUP: return ceil(x);
  case RV64_RMM: return round(x);
  default: return nearbyint(x); /* the helpers run under round-to-nearest-even */
  }
}

/* FROUND and FROUNDNX (Zfa): a rounded to an integral value of its format
 * as rm says. A NaN becomes the canonical NaN (invalid if signalling);
 * infinities and zeros stay; the sign of a zero result is a's. Only
 * FROUNDNX raises inexact, when the value changed. */
uint64_t rv64_fp_round_int(bool nx, unsigned fmt, unsigned rm, uint64_t a, unsigned *flags) {
  if (is_nan(fmt, a)) {
    if (is_snan(fmt, a))
      *flags |= RV64_NV;
    return canon(fmt);
  }
  double x = fmt ? f64(a) : f32(a);
  if (isinf(x) || x == 0)
    return a;
  double r = copysign(round_rm(x, rm), x);
  if (nx && r != x)
    *flags |= RV64_NX;
  return fmt ? bits64(r) : bits32((float)r);
}

/* FCVTMOD.W.D (Zfa): a rounded toward zero, modulo 2^32, sign-extended.
 * The flags are FCVT.W.D's with RTZ: invalid for a NaN, an infinity or a
 * value out of the int32 range (the result then 0 for the first two),
 * else inexact when a was not integral. */
uint64_t rv64_fp_cvtmod_w(uint64_t a, unsigned *flags) {
  double x = f64(a);
  if (is_nan(1, a) || isinf(x)) {
    *flags |= RV64_NV;
    return 0;
  }
  double t = trunc(x);
  if (t < -0x1p31 || t >= 0x1p31)
    *flags |= RV64_NV;
  else if (t != x)
    *flags |= RV64_NX;
  /* fmod is exact; its result is integral and below 2^32 in magnitude */
  uint32_t low = (uint32_t)(int64_t)fmod(t, 0x1p32);
  return (uint64_t)(int64_t)(int32_t)low;
}

/* FCVT.{W,WU,L,LU}.{S,D} (kind 0..3): out of range and NaN saturate and
 * raise invalid (table 20.2); the 32-bit results are sign-extended. */
uint64_t rv64_fp_to_int(unsigned kind, unsigned fmt, unsigned rm, uint64_t a, unsigned *flags) {
  static const double lo[4] = {-0x1p31, 0, -0x1p63, 0}, hi[4] = {0x1p31, 0x1p32, 0x1p63, 0x1p64};
  static const uint64_t min[4] = {0xffffffff80000000ull, 0, 1ull << 63, 0};
  static const uint64_t max[4] = {0x7fffffff, ~0ull, (1ull << 63) - 1, ~0ull};
  if (is_nan(fmt, a)) {
    *flags |= RV64_NV;
    return max[kind];
  }
  double x = fmt ? f64(a) : f32(a), r = round_rm(x, rm);
  if (r < lo[kind] || r >= hi[kind]) {
    *flags |= RV64_NV;
    return r < 0 ? min[kind] : max[kind];
  }
  if (r != x)
    *flags |= RV64_NX;
  switch (kind) {
  case 0: return (uint64_t)(int64_t)(int32_t)r;
  case 1: return (uint64_t)(int64_t)(int32_t)(uint32_t)r;
  case 2: return (uint64_t)(int64_t)r;
  default: return (uint64_t)r;
  }
}

/* An unsigned 64-bit x as a float of fmt, rounded once: above 2^63 it is
 * halved keeping a sticky bit, which rounds the same in every mode. */
static uint64_t from_u64(unsigned fmt, uint64_t x) {
  volatile int64_t v = (int64_t)(x >> 1 | (x & 1));
  if ((int64_t)x >= 0) {
    v = (int64_t)x;
    return fmt ? bits64((double)v) : bits32((float)v);
  }
  if (fmt) {
    volatile double d = (double)v;
    return bits64(d * 2);
  }
  volatile float f = (float)v;
  return bits32(f * 2);
}

/* RMM for an integer's conversion: r is the value rounded toward zero,
 * inexact; the neighbour away from zero wins when x is at least halfway
 * to it. Both are integers of at most 64 bits here, so the test is exact. */
static uint64_t rmm_fix(unsigned fmt, uint64_t r, __int128 x) {
  double t = fmt ? f64(r) : f32(r);
  double away = fmt ? nextafter(t, t < 0 ? -INFINITY : INFINITY)
                    : nextafterf((float)t, t < 0 ? -INFINITY : INFINITY);
  __int128 lo = (__int128)t, hi = (__int128)away;
  __int128 d = x - lo, gap = hi - lo;
  if (d < 0)
    d = -d, gap = -gap;
  if (2 * d < gap)
    return r;
  return fmt ? bits64(away) : bits32((float)away);
}

/* FCVT.{S,D}.{W,WU,L,LU} (kind 0..3) from the integer register's value. */
uint64_t rv64_fp_from_int(unsigned kind, unsigned fmt, unsigned rm, uint64_t x, unsigned *flags) {
  switch (kind) {
  case 0: x = (uint64_t)(int64_t)(int32_t)x; break;
  case 1: x = (uint32_t)x; break;
  default: break;
  }
  if (rm == RV64_RMM) {
    unsigned fl = 0;
    uint64_t r = rv64_fp_from_int(kind, fmt, RV64_RTZ, x, &fl);
    *flags |= fl;
    if (!(fl & RV64_NX))
      return r;
    return rmm_fix(fmt, r, kind == 3 ? (__int128)x : (__int128)(int64_t)x);
  }
  rv64_fpenv_begin(rm);
  uint64_t r;
  if (kind == 3) {
    r = from_u64(fmt, x);
  } else {
    volatile int64_t v = (int64_t)x;
    r = fmt ? bits64((double)v) : bits32((float)v);
  }
  *flags |= rv64_fpenv_end(rm);
  return r;
}

/* FCVT.S.D (to_fmt 0) and FCVT.D.S (1). A binary64 halfway between two
 * binary32 values is a tie for RMM (FCVT.D.S is exact). */
uint64_t rv64_fp_convert(unsigned to_fmt, unsigned rm, uint64_t a, unsigned *flags) {
  if (rm == RV64_RMM) {
    unsigned fl = 0;
    uint64_t r = rv64_fp_convert(to_fmt, RV64_RNE, a, &fl);
    *flags |= fl;
    if (to_fmt || !(fl & RV64_NX) || is_nan(0, r) || isinf(f32(r)))
      return r;
    float rv = f32(r), n = nextafterf(rv, f64(a) > rv ? INFINITY : -INFINITY);
    bool tie = f64(a) == ((double)rv + (double)n) / 2;
    return tie && fabsf(n) > fabsf(rv) ? bits32(n) : r;
  }
  rv64_fpenv_begin(rm);
  uint64_t r;
  if (to_fmt) {
    volatile float f = f32(a);
    r = bits64((double)f);
  } else {
    volatile double d = f64(a);
    r = bits32((float)d);
  }
  *flags |= rv64_fpenv_end(rm);
  return is_nan(to_fmt, r) ? canon(to_fmt) : r;
}
