/* a64_fp_fast.c - the fast path in front of the exact FP of a64_fp_lane.c
 * and a64_fp_round.c: the common single and double operations on the
 * host's SSE arithmetic, with the FPSR flags worked out from the operands
 * and the result, never from MXCSR. These helpers run inside translated
 * code, where the host's FP status holds the guest's pending exceptions
 * (ir.h): every host operation here either is exact or raises only what
 * Arm raises for the instruction (a signalling NaN widened to double
 * raises invalid, as Arm's IOC; NaNs never reach a signalling compare).
 *
 * It applies when FPCR.RMode = RN, FZ = 0 and DN = 0 and no operand is a
 * NaN. There IEEE 754 round to nearest even, which SSE does under the
 * host's default MXCSR, gives FPRound's result (Arm ARM J1
 * shared/functions/float/fpround/FPRoundBase) for every normal result.
 * Each function returns false, leaving the exact path to decide, whenever
 * it cannot be sure: invalid operations (the NaN results), and results or
 * operands near the underflow range, since Arm detects tininess before
 * rounding (FPRoundBase: UFC when the unrounded exponent is below the
 * minimum and the result is inexact) where x86 detects it after.
 *
 *   uint64_t r;
 *   if (!a64_fast_op2(a, A64_FMUL, x, y, 3, &r))
 *     r = ...the exact path...;
 *
 * Singles are computed in double and rounded once more to single. The
 * product of two singles is exact in double, and for + - * / and sqrt
 * rounding to 53 bits and then to 24 gives the correctly rounded single
 * (double rounding is innocuous when 53 >= 2 * 24 + 2, Figueroa 1995).
 */
#include <string.h>
#include <sys/platform/x86.h>
#include "a64.h"
#include "a64_helpers.h"

/* RN, no flushing, no default NaN; single or double. */
static bool fast_fpcr(const struct a64_cpu *a, unsigned esz) {
  return (esz == 2 || esz == 3) && !(a->fpcr & (A64_FPCR_RMODE | A64_FPCR_FZ | A64_FPCR_DN));
}

/* FMA3 gives the exact residual of a double product; without it double
 * multiply, divide and square root take the exact path. */
__attribute__((target("fma"))) static double fma_hw(double x, double y, double z) {
  return __builtin_fma(x, y, z);
}
static bool host_fma(void) {
  return CPU_FEATURE_ACTIVE(FMA); /* glibc's record of CPUID: no CPUID trap */
}

/* An element as a double (a single widens exactly), and back: d must
 * hold a value of the element's format. */
static double from_bits(uint64_t x, unsigned esz) {
  double d;
  float f;
  uint32_t u = (uint32_t)x;
  if (esz == 3) {
    memcpy(&d, &x, 8);
    return d;
  }
  memcpy(&f, &u, 4);
  return f;
}
static uint64_t to_bits(double d, unsigned esz) {
  uint64_t x;
  uint32_t u;
  if (esz == 3) {
    memcpy(&x, &d, 8);
    return x;
  }
  float f = (float)d; /* only here: narrowing a double would raise its own flags */
  memcpy(&u, &f, 4);
  return u;
}
/* Round to the element's format (to nearest). */
static double narrow(double d, unsigned esz) {
  return esz == 2 ? (double)(float)d : d;
}
static bool is_nan(double d) {
  return d != d;
}
/* 2^e for -1022 <= e <= 1023. */
static double pow2(int e) {
  uint64_t x = (uint64_t)(1023 + e) << 52;
  return from_bits(x, 3);
}

/* At or below this magnitude results, dividends and radicands take the
 * exact path: for singles the smallest normal, where tininess begins;
 * for doubles 2^-960, so that the terms of the residuals below are
 * multiples of at least 2^-1074 and a nonzero residual never rounds to 0. */
static double tiny(unsigned esz) {
  return esz == 2 ? 0x1p-126 : 0x1p-960;
}

/* x * y == z exactly: the product of singles is exact in double; for
 * doubles the FMA residual is exact (Boldo and Muller's error-free FMA). */
static bool product_is(double x, double y, double z, unsigned esz) {
  return esz == 2 ? x * y == z : fma_hw(x, y, -z) == 0;
}

/* x + y == r exactly. Fast2Sum (Dekker): with |x| >= |y| and s the
 * rounded sum, s - x is exact, so s - x == y iff s is exact. */
static bool sum_is(double x, double y, double r) {
  if (__builtin_fabs(x) < __builtin_fabs(y)) {
    double t = x;
    x = y, y = t;
  }
  double s = x + y;
  return s == r && s - x == y;
}

static double host_op(enum a64_fp2 op, double x, double y, unsigned esz) {
  switch (op) {
  case A64_FADD: return narrow(x + y, esz);
  case A64_FSUB: return narrow(x - y, esz);
  case A64_FMUL: return narrow(x * y, esz);
  default: return narrow(x / y, esz);
  }
}

/* Whether r is x op y exactly; r is normal and not tiny. */
static bool is_exact(enum a64_fp2 op, double x, double y, double r, unsigned esz) {
  switch (op) {
  case A64_FADD: return sum_is(x, y, r);
  case A64_FSUB: return sum_is(x, -y, r);
  case A64_FMUL: return product_is(x, y, r, esz);
  default: return product_is(r, y, x, esz);
  }
}

/* The FPSR flags of r = x op y (FPAdd, FPSub, FPMul, FPDiv), or false. */
static bool arith_flags(enum a64_fp2 op, double x, double y, double r, unsigned esz,
                        uint32_t *flags) {
  bool div = op == A64_FDIV;
  *flags = 0;
  if (is_nan(r))
    return false; /* Inf - Inf, 0 * Inf, 0 / 0, Inf / Inf: IOC, default NaN */
  if (__builtin_isinf(x) || __builtin_isinf(y))
    return true; /* exact: Inf, or finite / Inf = 0; Inf / 0 does not raise DZC */
  if (__builtin_isinf(r)) {
    /* FPDiv: DZC for finite / 0; FPRoundBase: overflow raises OFC and IXC */
    *flags = div && y == 0 ? A64_FPSR_DZC : A64_FPSR_OFC | A64_FPSR_IXC;
    return true;
  }
  if (r == 0 && (op == A64_FADD || op == A64_FSUB || x == 0 || (!div && y == 0)))
    return true; /* an exact zero, signed as FPAdd and FPMul sign it under RN */
  if (__builtin_fabs(r) <= tiny(esz) || (div && __builtin_fabs(x) <= tiny(esz)))
    return false; /* perhaps tiny before rounding: UFC is the exact path's */
  if (!is_exact(op, x, y, r, esz))
    *flags = A64_FPSR_IXC;
  return true;
}

/* FPMax, FPMin and the NM forms without NaNs: one of the operands, as
 * its own bits (no flushing); two zeros take the exact path for the sign. */
static bool maxmin(enum a64_fp2 op, uint64_t xb, uint64_t yb, double x, double y, uint64_t *res) {
  bool max = op == A64_FMAX || op == A64_FMAXNM;
  if (x == 0 && y == 0)
    return false;
  *res = (max ? x > y : x < y) ? xb : yb;
  return true;
}

bool a64_fast_op2(struct a64_cpu *a, enum a64_fp2 op, uint64_t xb, uint64_t yb, unsigned esz,
                  uint64_t *res) {
  bool arith = op == A64_FADD || op == A64_FSUB || op == A64_FMUL || op == A64_FDIV;
  bool mm = op == A64_FMAX || op == A64_FMIN || op == A64_FMAXNM || op == A64_FMINNM;
  double x = from_bits(xb, esz), y = from_bits(yb, esz), r;
  uint32_t flags;
  if (!(arith || mm) || !fast_fpcr(a, esz) || is_nan(x) || is_nan(y))
    return false;
  if (mm)
    return maxmin(op, xb, yb, x, y, res);
  if (esz == 3 && (op == A64_FMUL || op == A64_FDIV) && !host_fma())
    return false;
  r = host_op(op, x, y, esz);
  if (!arith_flags(op, x, y, r, esz, &flags))
    return false;
  a->fpsr |= flags;
  *res = to_bits(r, esz);
  return true;
}

/* FPSqrt of a positive normal value; IXC unless r * r == x. */
bool a64_fast_sqrt(struct a64_cpu *a, uint64_t xb, unsigned esz, uint64_t *res) {
  double x = from_bits(xb, esz), r;
  if (!fast_fpcr(a, esz) || (esz == 3 && !host_fma()) || is_nan(x))
    return false;
  if (!(x > tiny(esz)) || __builtin_isinf(x))
    return false; /* NaN, negative (IOC), zero, tiny or Inf */
  r = narrow(__builtin_sqrt(x), esz);
  if (!product_is(r, r, x, esz))
    a->fpsr |= A64_FPSR_IXC;
  *res = to_bits(r, esz);
  return true;
}

/* FPCompare without NaNs raises nothing. */
bool a64_fast_compare(struct a64_cpu *a, uint64_t xb, uint64_t yb, unsigned esz, unsigned *nzcv) {
  double x = from_bits(xb, esz), y = from_bits(yb, esz);
  if (!fast_fpcr(a, esz) || is_nan(x) || is_nan(y))
    return false;
  *nzcv = x == y ? 6 : x < y ? 8 : 2;
  return true;
}

/* FPToFixed rounding toward zero (FCVTZS, FCVTZU) when the integer part
 * fits: the host's truncation, IXC when a fraction was dropped. Otherwise
 * (NaN, Inf, out of range) IOC and saturation are the exact path's. */
bool a64_fast_to_int(struct a64_cpu *a, uint64_t xb, unsigned esz, unsigned fbits, bool is_unsigned,
                     unsigned esz_out, uint64_t *res) {
  bool w = esz_out == 2;
  double lo = is_unsigned ? -1.0 : w ? -0x1p31 - 1 : -0x1.0000000000001p63; /* exclusive */
  double hi = w ? (is_unsigned ? 0x1p32 : 0x1p31) : (is_unsigned ? 0x1p64 : 0x1p63);
  double x;
  int64_t i;
  if (!fast_fpcr(a, esz) || fbits > 64)
    return false;
  x = from_bits(xb, esz);
  if (!(__builtin_fabs(x) < 0x1p64))
    return false;        /* NaN, Inf or out of range: scaling could overflow (OFC, IXC) */
  x *= pow2((int)fbits); /* exact: at most 2^128 */
  if (!(x > lo && x < hi))
    return false;
  if (x >= 0x1p63) { /* integral */
    *res = (uint64_t)x;
    return true;
  }
  i = (int64_t)x;
  if ((double)i != x) /* i is exact in double: below 2^53, or x was integral */
    a->fpsr |= A64_FPSR_IXC;
  *res = (uint64_t)i & a64_emask(esz_out);
  return true;
}

/* FixedToFP: the host rounds an integer to nearest; inexact when its
 * significant bits do not fit the format. Scaling by 2^-fbits is exact. */
bool a64_fast_from_int(struct a64_cpu *a, uint64_t x, unsigned esz_in, unsigned fbits,
                       bool is_unsigned, unsigned esz, uint64_t *res) {
  bool neg = !is_unsigned && a64_sext(x, esz_in) < 0;
  uint64_t mag = neg ? 0 - (uint64_t)a64_sext(x, esz_in) : x & a64_emask(esz_in);
  double r;
  if (!fast_fpcr(a, esz) || fbits > 64)
    return false;
  if (mag && (mag >> __builtin_ctzll(mag)) >> (esz == 2 ? 24 : 53))
    a->fpsr |= A64_FPSR_IXC;
  r = (esz == 2 ? (double)(float)mag : (double)mag) * pow2(-(int)fbits);
  *res = to_bits(neg ? -r : r, esz);
  return true;
}
