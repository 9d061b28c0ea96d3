/* rv64_fphalf.c - Zfh and Zfhmin, binary16 (unprivileged ISA, chapter 23;
 * with Zfa's .H forms, chapter 24) in the exact F/D helper. A binary16
 * value is NaN-boxed in its 64-bit register (upper 48 bits ones); one that
 * is not reads as the canonical NaN. Every binary16 value is exact as a
 * binary64, so each operation runs on binary64 operands through the F/D
 * code (rv64_fpops.c) and only the result is rounded to binary16 once: the
 * binary64 result is computed toward zero and, when inexact, rounded to odd
 * (its last bit set), which keeps enough to round it to 11 bits correctly
 * in any mode (53 >= 11 + 2). */
#include <math.h>
#include <string.h>
#include "rv64.h"
#include "rv64_fpenv.h"

enum { H_CANON = 0x7e00, H_INF = 0x7c00, H_MAX = 0x7bff, H_SIGN = 0x8000 };
#define H_BOX 0xffffffffffff0000ull

static unsigned bits(uint32_t insn, unsigned pos, unsigned len) {
  return insn >> pos & ((1u << len) - 1);
}
static double f64(uint64_t v) {
  double d;
  memcpy(&d, &v, 8);
  return d;
}
static uint64_t b64(double d) {
  uint64_t v;
  memcpy(&v, &d, 8);
  return v;
}
static float f32(uint64_t v) {
  float f;
  uint32_t u = (uint32_t)v;
  memcpy(&f, &u, 4);
  return f;
}

uint64_t rv64_hget(const struct rv64_cpu *r, unsigned rs) {
  return (r->f[rs] & H_BOX) == H_BOX ? (uint16_t)r->f[rs] : H_CANON;
}
static void rv64_hput(struct rv64_cpu *r, unsigned rd, uint64_t h) {
  r->f[rd] = H_BOX | (uint16_t)h;
}

/* binary16 bits as binary64 bits, exactly; a NaN keeps its sign and its
 * quiet bit (so a signalling NaN still signals). */
static uint64_t rv64_h2d(uint64_t h) {
  uint64_t sign = (h & H_SIGN) ? 1ull << 63 : 0;
  unsigned e = h >> 10 & 31, m = h & 0x3ff;
  if (e == 31)
    return sign | 0x7ff0000000000000ull | (uint64_t)m << 42;
  double v = e ? ldexp(m | 0x400, (int)e - 25) : ldexp(m, -24);
  return sign | b64(v);
}

/* m >= 0 rounded to an integer as rm says, for a value of sign neg. */
static double round_mag(double m, unsigned rm, bool neg) {
  switch (rm) {
  case RV64_RTZ: return trunc(m);
  case RV64_RDN: return neg ? ceil(m) : floor(m);
  case RV64_RUP: return neg ? floor(m) : ceil(m);
  case RV64_RMM: return round(m);
  default: return nearbyint(m); /* the helpers run under round-to-nearest-even */
  }
}

/* A finite v >= 0 that binary16 represents, as its bits. */
static uint64_t half_bits(double v) {
  if (v < 0x1p-14)
    return (uint64_t)ldexp(v, 24); /* subnormal: a multiple of 2^-24 */
  int e;
  frexp(v, &e); /* v in [2^(e-1), 2^e) */
  return (uint64_t)(e - 1 + 15) << 10 | ((uint64_t)ldexp(v, 11 - e) - 0x400);
}

/* x (exact, or rounded to odd at 53 bits) rounded to binary16 as rm says,
 * raising inexact, overflow, and underflow when the result is tiny after
 * rounding (with an unbounded exponent, as RISC-V detects it) and inexact.
 * A NaN gives the canonical NaN: the caller raises invalid. */
static uint64_t rv64_d2h(double x, unsigned rm, unsigned *flags) {
  if (isnan(x))
    return H_CANON;
  bool neg = signbit(x);
  uint64_t sign = neg ? H_SIGN : 0;
  double a = fabs(x);
  if (isinf(a) || a == 0)
    return sign | (a == 0 ? 0 : H_INF);
  int e;
  frexp(a, &e);
  int q = e - 1 - 10; /* the last of 11 significant bits */
  double unbounded = ldexp(round_mag(ldexp(a, -q), rm, neg), q);
  if (q < -24)
    q = -24; /* below the least normal, the last bit is 2^-24's */
  double m = ldexp(a, -q), r = round_mag(m, rm, neg), v = ldexp(r, q);
  if (r != m)
    *flags |= RV64_NX | (unbounded < 0x1p-14 ? RV64_UF : 0);
  if (v > 65504) {
    bool inf =
        rm == RV64_RNE || rm == RV64_RMM || (rm == RV64_RDN && neg) || (rm == RV64_RUP && !neg);
    *flags |= RV64_OF | RV64_NX;
    return sign | (inf ? H_INF : H_MAX);
  }
  return sign | half_bits(v);
}

/* A binary64 result that the F/D code computed toward zero with flags fl,
 * rounded to binary16: to odd first when it was inexact. */
static uint64_t rv64_odd_to_half(uint64_t d, unsigned fl, unsigned rm, unsigned *flags) {
  *flags |= fl & (RV64_NV | RV64_DZ);
  if (isnan(f64(d)))
    return H_CANON;
  if (fl & RV64_NX)
    d |= 1;
  return rv64_d2h(f64(d), rm, flags);
}

/* op (RV64_FADD .. RV64_FMADD) of binary16 operands. */
static uint64_t rv64_h_arith(unsigned op, unsigned rm, uint64_t a, uint64_t b, uint64_t c,
                             unsigned *flags) {
  unsigned fl = 0;
  uint64_t x = rv64_h2d(a), y = rv64_h2d(b), z = rv64_h2d(c);
  uint64_t d = rv64_fp_arith(op, 1, RV64_RTZ, x, y, z, &fl);
  /* an exact zero sum is -0 when rounding down, whatever RTZ said */
  if (f64(d) == 0 && !(fl & RV64_NX))
    d = rv64_fp_arith(op, 1, rm, x, y, z, &(unsigned){0});
  return rv64_odd_to_half(d, fl, rm, flags);
}

/* A binary32 (fmt 0) or binary64 (1) value to binary16 (FCVT.H.S, FCVT.H.D). */
static uint64_t rv64_h_from(unsigned fmt, unsigned rm, uint64_t a, unsigned *flags) {
  double x = fmt ? f64(a) : f32(a);
  if (isnan(x)) {
    if (!(fmt ? a >> 51 & 1 : a >> 22 & 1))
      *flags |= RV64_NV;
    return H_CANON;
  }
  return rv64_d2h(x, rm, flags);
}

/* binary16 h to binary32 (to_fmt 0, unboxed bits) or binary64 (1): exact;
 * a NaN gives the canonical NaN, invalid if it signals. */
uint64_t rv64_fp_from_half(unsigned to_fmt, uint64_t h, unsigned *flags) {
  double x = f64(rv64_h2d(h));
  if (isnan(x)) {
    if (!(h >> 9 & 1))
      *flags |= RV64_NV;
    return to_fmt ? RV64_CANON_D : RV64_CANON_S;
  }
  float f = (float)x;
  uint32_t u;
  memcpy(&u, &f, 4);
  return to_fmt ? b64(x) : u;
}

/* FMIN FMAX FMINM FMAXM (funct3 0..3): the binary64 rule, and the operand
 * it picks (or the canonical NaN). */
static uint64_t rv64_h_minmax(unsigned funct3, uint64_t a, uint64_t b, unsigned *flags) {
  uint64_t da = rv64_h2d(a), db = rv64_h2d(b);
  bool max = funct3 & 1;
  uint64_t r =
      funct3 & 2 ? rv64_fp_minmaxm(max, 1, da, db, flags) : rv64_fp_minmax(max, 1, da, db, flags);
  return r == da ? a : r == db ? b : H_CANON;
}

/* FCLASS.H: one bit of ten (table 20.5). */
static uint64_t rv64_h_class(uint64_t h) {
  bool neg = h >> 15 & 1;
  unsigned mag = h & 0x7fff;
  if (mag > H_INF)
    return h >> 9 & 1 ? 1u << 9 : 1u << 8;
  if (mag == H_INF)
    return neg ? 1u << 0 : 1u << 7;
  if (mag == 0)
    return neg ? 1u << 3 : 1u << 4;
  if (mag < 0x400)
    return neg ? 1u << 2 : 1u << 5;
  return neg ? 1u << 1 : 1u << 6;
}

/* FSGNJ.H FSGNJN.H FSGNJX.H */
static uint64_t rv64_h_sgnj(unsigned how, uint64_t a, uint64_t b) {
  uint64_t s = how == 0 ? b & H_SIGN : how == 1 ? ~b & H_SIGN : (a ^ b) & H_SIGN;
  return (a & ~(uint64_t)H_SIGN) | s;
}

/* funct5 01000 with fmt H: rs2 0 FCVT.H.S, 1 FCVT.H.D, 4 FROUND.H, 5
 * FROUNDNX.H (the rounded value is a binary16 integer: exact). */
static uint64_t rv64_h_round_or_convert(struct rv64_cpu *r, unsigned rs1, unsigned rs2, unsigned rm,
                                        unsigned *fl) {
  if (rs2 <= 1)
    return rv64_h_from(rs2, rm, rs2 ? r->f[rs1] : rv64_unbox(r->f[rs1]), fl);
  uint64_t d = rv64_fp_round_int(rs2 == 5, 1, rm, rv64_h2d(rv64_hget(r, rs1)), fl);
  return rv64_d2h(f64(d), RV64_RNE, fl);
}

static void rv64_xput(struct rv64_cpu *r, unsigned rd, uint64_t v) {
  if (rd)
    r->x[rd] = v;
}

/* OP-FP with fmt H, by funct5 (FMV.X.H, FMV.H.X and FLI.H are IR). */
void rv64_fp_op_h(struct rv64_cpu *r, uint32_t insn, unsigned rm, unsigned *fl) {
  unsigned f5 = bits(insn, 27, 5), funct3 = bits(insn, 12, 3);
  unsigned rd = bits(insn, 7, 5), rs1 = bits(insn, 15, 5), rs2 = bits(insn, 20, 5);
  uint64_t a = rv64_hget(r, rs1), b = rv64_hget(r, rs2);
  switch (f5) {
  case 0x00: rv64_hput(r, rd, rv64_h_arith(RV64_FADD, rm, a, b, 0, fl)); break;
  case 0x01: rv64_hput(r, rd, rv64_h_arith(RV64_FSUB, rm, a, b, 0, fl)); break;
  case 0x02: rv64_hput(r, rd, rv64_h_arith(RV64_FMUL, rm, a, b, 0, fl)); break;
  case 0x03: rv64_hput(r, rd, rv64_h_arith(RV64_FDIV, rm, a, b, 0, fl)); break;
  case 0x0b: rv64_hput(r, rd, rv64_h_arith(RV64_FSQRT, rm, a, 0, 0, fl)); break;
  case 0x04: rv64_hput(r, rd, rv64_h_sgnj(funct3, a, b)); break;
  case 0x05: rv64_hput(r, rd, rv64_h_minmax(funct3, a, b, fl)); break;
  case 0x08: rv64_hput(r, rd, rv64_h_round_or_convert(r, rs1, rs2, rm, fl)); break;
  case 0x14: rv64_xput(r, rd, rv64_fp_cmp(funct3, 1, rv64_h2d(a), rv64_h2d(b), fl)); break;
  case 0x18: rv64_xput(r, rd, rv64_fp_to_int(rs2, 1, rm, rv64_h2d(a), fl)); break;
  case 0x1a: {
    unsigned f = 0;
    uint64_t d = rv64_fp_from_int(rs2, 1, RV64_RTZ, r->x[rs1], &f);
    rv64_hput(r, rd, rv64_odd_to_half(d, f, rm, fl));
    break;
  }
  case 0x1c: rv64_xput(r, rd, rv64_h_class(a)); break;
  default: break; /* the decoder takes no other encoding */
  }
}

/* FMADD.H FMSUB.H FNMSUB.H FNMADD.H */
void rv64_fp_fused_h(struct rv64_cpu *r, uint32_t insn, unsigned rm, unsigned *fl) {
  unsigned op = bits(insn, 2, 2); /* 0 madd 1 msub 2 nmsub 3 nmadd */
  uint64_t a = rv64_hget(r, bits(insn, 15, 5)), b = rv64_hget(r, bits(insn, 20, 5));
  uint64_t c = rv64_hget(r, bits(insn, 27, 5));
  if (op >= 2)
    a ^= H_SIGN;
  if (op == 1 || op == 3)
    c ^= H_SIGN;
  rv64_hput(r, bits(insn, 7, 5), rv64_h_arith(RV64_FMADD, rm, a, b, c, fl));
}
