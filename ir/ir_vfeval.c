/* ir_vfeval.c - the reference semantics of the VF* ops (ir_ops.def): lane by
 * lane in C's float and double, which on every host xrun supports are IEEE 754
 * binary32 and binary64 rounding to nearest even. The host raises each
 * operation's exceptions in its FP status, as the op must (ir.h, "FP
 * exceptions"); the few whose C form would not (signalling compares,
 * saturating conversions) raise them explicitly.
 */
#include <fenv.h>
#include <math.h>
#include <string.h>
#include "ir_eval.h"

static float ir_f32(uint64_t x) {
  uint32_t u = (uint32_t)x;
  float f;
  memcpy(&f, &u, 4);
  return f;
}
static double ir_f64(uint64_t x) {
  double d;
  memcpy(&d, &x, 8);
  return d;
}
static uint64_t ir_bits32(float f) {
  uint32_t u;
  memcpy(&u, &f, 4);
  return u;
}
static uint64_t ir_bits64(double d) {
  uint64_t u;
  memcpy(&u, &d, 8);
  return u;
}

static uint64_t ir_vf_lane(struct ir_v128 v, unsigned lg, unsigned k) {
  uint64_t half = k < (8u >> lg) ? v.lo : v.hi;
  return lg == 3 ? half : (half >> (32 * (k & 1))) & 0xffffffffu;
}
static void ir_vf_set(struct ir_v128 *v, unsigned lg, unsigned k, uint64_t x) {
  uint64_t *half = k < (8u >> lg) ? &v->lo : &v->hi;
  if (lg == 3) {
    *half = x;
    return;
  }
  unsigned sh = 32 * (k & 1);
  *half = (*half & ~(0xffffffffull << sh)) | ((x & 0xffffffffu) << sh);
}

/* By the bits: isnan() is a quiet compare, which raises invalid for a signalling NaN. */
static int ir_is_nan(uint64_t x, unsigned lg) {
  if (lg == 3)
    return (x & ~(1ull << 63)) > 0x7ff0000000000000ull;
  return (x & 0x7fffffffu) > 0x7f800000u;
}
static int ir_is_snan(uint64_t x, unsigned lg) {
  uint64_t quiet = lg == 3 ? 1ull << 51 : 1ull << 22;
  return ir_is_nan(x, lg) && !(x & quiet);
}
static uint64_t ir_vf_mag(uint64_t x, unsigned lg) {
  return lg == 3 ? x & ~(1ull << 63) : x & 0x7fffffffu;
}
static uint64_t ir_vf_inf(unsigned lg) {
  return lg == 3 ? 0x7ff0000000000000ull : 0x7f800000u;
}
/* VFCHK of one lane: a NaN, or the magnitude of the smallest normal number
 * (IR_VFCHK_RESULT) or of infinity (IR_VFCHK_NONFINITE). */
static int ir_vf_unusual(uint64_t x, unsigned lg, uint64_t kind) {
  uint64_t mag = ir_vf_mag(x, lg);
  if (kind == IR_VFCHK_NONFINITE)
    return mag >= ir_vf_inf(lg);
  return ir_is_nan(x, lg) || mag == (lg == 3 ? 1ull << 52 : 1ull << 23);
}

static uint64_t ir_vf_arith(unsigned op, unsigned lg, uint64_t x, uint64_t y, uint64_t z) {
  if (lg == 2) {
    float a = ir_f32(x), b = ir_f32(y);
    switch (op) {
    case IR_VFADD: return ir_bits32(a + b);
    case IR_VFSUB: return ir_bits32(a - b);
    case IR_VFMUL: return ir_bits32(a * b);
    case IR_VFDIV: return ir_bits32(a / b);
    case IR_VFMA: return ir_bits32(fmaf(a, b, ir_f32(z)));
    default: return ir_bits32(sqrtf(a)); /* IR_VFSQRT */
    }
  }
  double a = ir_f64(x), b = ir_f64(y);
  switch (op) {
  case IR_VFADD: return ir_bits64(a + b);
  case IR_VFSUB: return ir_bits64(a - b);
  case IR_VFMUL: return ir_bits64(a * b);
  case IR_VFDIV: return ir_bits64(a / b);
  case IR_VFMA: return ir_bits64(fma(a, b, ir_f64(z)));
  default: return ir_bits64(sqrt(a));
  }
}

static double ir_vf_double(uint64_t x, unsigned lg) {
  return lg == 3 ? ir_f64(x) : ir_f32(x);
}

/* a op b with IEEE's compare exceptions: invalid for a signalling NaN, and for
 * any NaN when signalling. Returns -1 for unordered, else 0 (<), 1 (=), 2 (>). */
static int ir_vf_compare(uint64_t x, uint64_t y, unsigned lg, int signalling) {
  if (ir_is_nan(x, lg) || ir_is_nan(y, lg)) {
    if (signalling || ir_is_snan(x, lg) || ir_is_snan(y, lg))
      feraiseexcept(FE_INVALID);
    return -1;
  }
  double a = ir_vf_double(x, lg), b = ir_vf_double(y, lg);
  return a < b ? 0 : a == b ? 1 : 2;
}

static uint64_t ir_vf_cmp_lane(unsigned op, unsigned lg, uint64_t x, uint64_t y) {
  int r = ir_vf_compare(x, y, lg, op != IR_VFCMPEQ);
  int t = op == IR_VFCMPEQ ? r == 1 : op == IR_VFCMPGE ? r >= 1 : r == 2;
  return t ? (lg == 3 ? ~0ull : 0xffffffffu) : 0;
}

static uint64_t ir_vf_nzcv(uint64_t x, uint64_t y, unsigned lg, int signalling) {
  static const uint8_t nzcv[4] = {0x3, 0x8, 0x6, 0x2}; /* unordered, <, =, > */
  return nzcv[ir_vf_compare(x, y, lg, signalling) + 1];
}

/* VFMAX/VFMIN: maxps raises invalid for any NaN, so the reference does too;
 * equal operands are zeros of either sign (or the same bits), which AND (max)
 * or OR (min) order as +0 > -0. */
static uint64_t ir_vf_maxmin(unsigned op, unsigned lg, uint64_t x, uint64_t y) {
  if (ir_is_nan(x, lg) || ir_is_nan(y, lg)) {
    feraiseexcept(FE_INVALID);
    return lg == 3 ? 0x7ff8000000000000ull : 0x7fc00000u;
  }
  double a = ir_vf_double(x, lg), b = ir_vf_double(y, lg);
  if (a == b)
    return op == IR_VFMAX ? x & y : x | y;
  return (a > b) == (op == IR_VFMAX) ? x : y;
}

/* Whether rounding in mode moves a magnitude up, given how the dropped part
 * compares with half a unit (-1, 0, 1) and whether the kept part is odd. */
static int ir_vf_round_up(unsigned mode, int sign, int vs_half, int odd) {
  switch (mode) {
  case IR_VF_RN: return vs_half > 0 || (vs_half == 0 && odd);
  case IR_VF_RM: return sign;
  case IR_VF_RP: return !sign;
  default: return 0;
  }
}

/* VFROUND of one lane by the bits, so that C raises nothing of its own: below
 * 1 the result is 0 or 1, above it the bits under the unit 2^0 are dropped and
 * the magnitude moves up by a unit where the direction says (a carry into the
 * exponent is right too). */
static uint64_t ir_vf_round(uint64_t x, unsigned lg, uint64_t imm) {
  unsigned mbits = lg == 3 ? 52 : 23, mode = imm & IR_VF_RMODE_MASK;
  uint64_t bias = lg == 3 ? 1023 : 127, mag = ir_vf_mag(x, lg), sign = x ^ mag;
  int e = (int)(mag >> mbits) - (int)bias, up;
  uint64_t r;
  if (ir_is_nan(x, lg)) {
    if (ir_is_snan(x, lg))
      feraiseexcept(FE_INVALID);
    return x | (lg == 3 ? 1ull << 51 : 1ull << 22);
  }
  if (e >= (int)mbits || mag == 0)
    return x; /* integral, infinite or zero */
  if (e < 0) {
    uint64_t half = (bias - 1) << mbits;
    up = ir_vf_round_up(mode, sign != 0, mag < half ? -1 : mag > half, 0);
    r = up ? bias << mbits : 0;
  } else {
    uint64_t unit = 1ull << (mbits - (unsigned)e), rem = mag & (unit - 1);
    if (!rem)
      return x;
    int vs_half = rem < unit / 2 ? -1 : rem > unit / 2;
    up = ir_vf_round_up(mode, sign != 0, vs_half, (mag & unit) != 0);
    r = mag - rem + (up ? unit : 0);
  }
  if (imm & IR_VF_RINEXACT)
    feraiseexcept(FE_INEXACT);
  return sign | r;
}

/* Integer of bits width (signed or not) to binary32/64. */
static uint64_t ir_vf_from_int(uint64_t x, unsigned bits, int is_signed, unsigned lg) {
  if (is_signed) {
    int64_t s = bits == 64 ? (int64_t)x : (int64_t)(int32_t)(uint32_t)x;
    return lg == 3 ? ir_bits64((double)s) : ir_bits32((float)s);
  }
  uint64_t u = bits == 64 ? x : (uint32_t)x;
  return lg == 3 ? ir_bits64((double)u) : ir_bits32((float)u);
}

/* trunc() by the bits: GCC inlines trunc() through cvttsd2si, which raises inexact,
 * but a conversion out of range raises invalid alone. */
static double ir_trunc(double d) {
  uint64_t u = ir_bits64(d);
  int e = (int)((u >> 52) & 0x7ff) - 1023;
  if (e >= 52)
    return d; /* integral, infinite or NaN */
  if (e < 0)
    return ir_f64(u & (1ull << 63)); /* +-0 */
  return ir_f64(u & ~((1ull << (52 - e)) - 1));
}

/* binary32/64 to an integer of bits width, toward zero, saturating. */
static uint64_t ir_vf_to_int(uint64_t x, unsigned lg, unsigned bits, int is_signed) {
  double d = ir_vf_double(x, lg), t = ir_trunc(d);
  double lo = is_signed ? -ldexp(1, (int)bits - 1) : 0, hi = ldexp(1, (int)bits - is_signed);
  uint64_t mask = bits == 64 ? ~0ull : (1ull << bits) - 1;
  if (isnan(d)) {
    feraiseexcept(FE_INVALID);
    return 0;
  }
  if (t < lo || t >= hi) {
    feraiseexcept(FE_INVALID);
    if (!is_signed)
      return t < lo ? 0 : mask;
    return (t < lo ? 1ull << (bits - 1) : (1ull << (bits - 1)) - 1) & mask;
  }
  if (t != d)
    feraiseexcept(FE_INEXACT);
  return (is_signed ? (uint64_t)(int64_t)t : (uint64_t)t) & mask;
}

static uint64_t ir_vf_convert(uint64_t x, unsigned to_lg) {
  return to_lg == 3 ? ir_bits64((double)ir_f32(x)) : ir_bits32((float)ir_f64(x));
}

/* One result lane k of i. */
static uint64_t ir_vf_one(const struct ir_insn *i, unsigned k, struct ir_v128 a, struct ir_v128 b,
                          struct ir_v128 c, unsigned int_bits) {
  unsigned lg = i->aux & 3;
  uint64_t x = ir_vf_lane(a, lg, k), y = ir_vf_lane(b, lg, k), z = ir_vf_lane(c, lg, k);
  switch (i->op) {
  case IR_VFCMPEQ:
  case IR_VFCMPGE:
  case IR_VFCMPGT: return ir_vf_cmp_lane(i->op, lg, x, y);
  case IR_VFFROMS:
  case IR_VFFROMU:
    if (int_bits != (8u << lg))
      x = a.lo;
    return ir_vf_from_int(x, int_bits, i->op == IR_VFFROMS, lg);
  case IR_VFTOS:
  case IR_VFTOU: return ir_vf_to_int(x, lg, int_bits, i->op == IR_VFTOS);
  case IR_VFCVT: return ir_vf_convert(ir_vf_lane(a, lg ^ 1, k), lg);
  case IR_VFMAX:
  case IR_VFMIN: return ir_vf_maxmin(i->op, lg, x, y);
  case IR_VFROUND: return ir_vf_round(x, lg, i->imm);
  default: return ir_vf_arith(i->op, lg, x, y, z);
  }
}

/* The integer width of a conversion's integer side: a scalar operand or
 * result says, otherwise it is the lane's. */
static unsigned ir_vf_int_bits(const struct ir_insn *i, enum ir_type int_type) {
  if (int_type == IR_I32)
    return 32;
  if (int_type == IR_I64)
    return 64;
  return 8u << (i->aux & 3);
}

int ir_vfeval(const struct ir_insn *i, struct ir_v128 a, struct ir_v128 b, struct ir_v128 c,
              enum ir_type a_type, struct ir_v128 *out) {
  unsigned lg = i->aux & 3, n = ir_vf_lanes(i->aux);
  struct ir_v128 r = {0, 0};
  if (!ir_is_vf_op(i->op))
    return 0;
  if (i->op == IR_VFCHK) {
    for (unsigned k = 0; k < n; k++)
      r.lo |= (uint64_t)ir_vf_unusual(ir_vf_lane(a, lg, k), lg, i->imm);
  } else if (i->op == IR_VFCMP) {
    r.lo = ir_vf_nzcv(ir_vf_lane(a, lg, 0), ir_vf_lane(b, lg, 0), lg, i->imm != 0);
  } else {
    int to_int = i->op == IR_VFTOS || i->op == IR_VFTOU;
    unsigned bits = ir_vf_int_bits(i, to_int ? i->type : a_type);
    for (unsigned k = 0; k < n; k++)
      ir_vf_set(&r, lg, k, ir_vf_one(i, k, a, b, c, bits));
    if (to_int && i->type != IR_V128)
      r.lo = ir_vf_one(i, 0, a, b, c, bits);
  }
  *out = r;
  return 1;
}
