/* a64_simd_misc.c - Advanced SIMD two-register miscellaneous (vector and
 * scalar, integer and FP) and across-lanes reductions (Arm ARM C4.1.95).
 *
 * Two-register misc: 0 Q U 01110 size 10000 opcode(5) 10 Rn Rd, scalar
 * 01 U 11110 size 10000 opcode(5) 10 Rn Rd. Opcodes below 01100 and the
 * narrowing ones are integer, keyed by U:opcode; the FP ones are keyed by
 * U:size<1>:opcode with size<0> picking single or double.
 */
#include <string.h>
#include "a64.h"
#include "a64_helpers.h"

static struct a64_cpu *a64(struct cpu *c) {
  return (struct a64_cpu *)c;
}

typedef __int128 i128;

/* ---- integer lanes ---- */

static uint64_t cls(uint64_t x, unsigned esz) {
  unsigned bits = 8u << esz;
  int64_t sx = a64_sext(x, esz);
  uint64_t v = (uint64_t)(sx ^ (sx >> 63)) & a64_emask(esz); /* leading sign copies -> zeros */
  return v ? (uint64_t)(__builtin_clzll(v) - (64 - (int)bits) - 1) : bits - 1;
}

static uint64_t clz(uint64_t x, unsigned esz) {
  unsigned bits = 8u << esz;
  x &= a64_emask(esz);
  return x ? (uint64_t)(__builtin_clzll(x) - (64 - (int)bits)) : bits;
}

static uint8_t rbit8(uint8_t x) {
  uint8_t r = 0;
  for (int i = 0; i < 8; i++)
    r |= ((x >> i) & 1) << (7 - i);
  return r;
}

/* One lane of the element-wise integer ops, key = U:opcode; d is Rd's lane. */
static uint64_t int_lane(struct a64_cpu *a, unsigned key, unsigned z, uint64_t x, uint64_t d) {
  i128 sx = a64_sext(x, z), ux = (i128)(x & a64_emask(z));
  uint64_t ones = a64_emask(z);
  switch (key) {
  case 0x03: return a64_sat(a, (i128)a64_sext(d, z) + ux, z, false);    /* SUQADD */
  case 0x23: return a64_sat(a, (i128)(d & a64_emask(z)) + sx, z, true); /* USQADD */
  case 0x04: return cls(x, z);                                          /* CLS */
  case 0x24: return clz(x, z);                                          /* CLZ */
  case 0x05: return (uint64_t)__builtin_popcountll(x & 0xff);           /* CNT */
  case 0x25: return ~x;                                                 /* NOT */
  case 0x45: return rbit8((uint8_t)x);                                  /* RBIT, as bytes */
  case 0x07: return a64_sat(a, sx < 0 ? -sx : sx, z, false);            /* SQABS */
  case 0x27: return a64_sat(a, -sx, z, false);                          /* SQNEG */
  case 0x08: return sx > 0 ? ones : 0;                                  /* CMGT #0 */
  case 0x28: return sx >= 0 ? ones : 0;                                 /* CMGE #0 */
  case 0x09: return sx == 0 ? ones : 0;                                 /* CMEQ #0 */
  case 0x29: return sx <= 0 ? ones : 0;                                 /* CMLE #0 */
  case 0x0a: return sx < 0 ? ones : 0;                                  /* CMLT #0 */
  case 0x0b: return (uint64_t)(sx < 0 ? -sx : sx);                      /* ABS */
  case 0x3c: return a64_ursqrte((uint32_t)x);                           /* URSQRTE */
  case 0x1c: return a64_urecpe((uint32_t)x);                            /* URECPE */
  default: return (uint64_t)-sx;                                        /* NEG */
  }
}

/* REV16/REV32/REV64: reverse the elements inside each container. */
static void rev(const struct a64_vop *o, unsigned key, const uint8_t *n, uint8_t *res) {
  unsigned container = key == 0x01 ? 1 : key == 0x20 ? 2 : 3; /* log2 bytes */
  unsigned per = 1u << (container - o->esz);
  for (unsigned i = 0; i < o->elems; i++)
    a64_set_lane(res, o->esz, i,
                 a64_lane(n, o->esz, (i & ~(per - 1)) + (per - 1 - (i & (per - 1)))));
}

/* [SU]ADDLP, [SU]ADALP: sums of adjacent pairs into double-width lanes. */
static void addlp(struct a64_cpu *a, const struct a64_vop *o, unsigned key, const uint8_t *n,
                  uint8_t *res) {
  unsigned z = o->esz;
  bool acc = (key & 0x1f) == 0x06;
  for (unsigned i = 0; i < o->elems / 2; i++) {
    uint64_t x = a64_lane(n, z, 2 * i), y = a64_lane(n, z, 2 * i + 1);
    uint64_t r = o->u ? x + y : (uint64_t)(a64_sext(x, z) + a64_sext(y, z));
    if (acc)
      r += a64_lane(a64_vreg(a, o->rd), z + 1, i);
    a64_set_lane(res, z + 1, i, r);
  }
}

/* XTN, SQXTN, SQXTUN, UQXTN: wide lanes of esz + 1 into the half Q selects. */
static void narrow(struct a64_cpu *a, const struct a64_vop *o, unsigned key, const uint8_t *n,
                   uint8_t *res) {
  unsigned z = o->esz, count = o->scalar ? 1 : 8u >> z;
  for (unsigned i = 0; i < count; i++) {
    uint64_t x = a64_lane(n, z + 1, i);
    i128 sx = a64_sext(x, z + 1), ux = (i128)(x & a64_emask(z + 1));
    uint64_t r = key == 0x12   ? x
                 : key == 0x14 ? a64_sat(a, sx, z, false)
                 : key == 0x32 ? a64_sat(a, sx, z, true)
                               : a64_sat(a, ux, z, true);
    a64_set_lane(res + 8 * o->q, z, i, r);
  }
}

/* SHLL: widen by shifting each element left by its size. */
static void shll(const struct a64_vop *o, const uint8_t *n, uint8_t *res) {
  for (unsigned i = 0; i < 8u >> o->esz; i++)
    a64_set_lane(res, o->esz + 1, i, a64_lane(n + 8 * o->q, o->esz, i) << (8u << o->esz));
}

static bool int_narrowing(unsigned key) {
  return key == 0x12 || key == 0x14 || key == 0x32 || key == 0x34;
}

static uint64_t h_2misc_int(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  struct a64_vop o = a64_vop_of(insn, 12, 5);
  unsigned key = o.u << 5 | o.opcode;
  const uint8_t *n = a64_vreg(a, o.rn), *d = a64_vreg(a, o.rd);
  uint8_t res[16] = {0};
  (void)pc, (void)unused;
  if (a64_bits((uint32_t)insn, 23, 1) && (o.opcode & 0x1c) == 0x1c)
    key |= 0x1c, o.esz = 2; /* URECPE, URSQRTE: keys 0x1c, 0x3c */
  if (key == 0x25 && o.esz == 1)
    key = 0x45, o.esz = 0, o.elems = o.q ? 16 : 8; /* RBIT */
  if (int_narrowing(key)) {
    o.q = a64_bits((uint32_t)insn, 30, 1) && !o.scalar;
    if (o.q)
      memcpy(res, d, 16);
    narrow(a, &o, key, n, res);
  } else if (key == 0x33) {
    o.q = a64_bits((uint32_t)insn, 30, 1);
    shll(&o, n, res);
    o.q = 1;
  } else if (key <= 0x01 || key == 0x20) {
    rev(&o, key, n, res);
  } else if ((key & 0x1b) == 0x02) {
    addlp(a, &o, key, n, res);
  } else {
    for (unsigned i = 0; i < o.elems; i++)
      a64_set_lane(res, o.esz, i,
                   int_lane(a, key, o.esz, a64_lane(n, o.esz, i), a64_lane(d, o.esz, i)));
  }
  a64_vset(a, o.rd, res, o.q);
  return 0;
}

/* Sizes allowed per U:opcode (bit per size value; 0x10: size 3 needs Q),
 * vector then scalar. */
static bool int_ok(unsigned key, unsigned esz, bool q, bool scalar) {
  static const struct {
    uint8_t vec, scalar;
  } sizes[64] = {
      [0x00] = {7, 0},     [0x01] = {1, 0},    [0x02] = {7, 0},    [0x03] = {0x1f, 15},
      [0x04] = {7, 0},     [0x05] = {1, 0},    [0x06] = {7, 0},    [0x07] = {0x1f, 15},
      [0x08] = {0x1f, 8},  [0x09] = {0x1f, 8}, [0x0a] = {0x1f, 8}, [0x0b] = {0x1f, 8},
      [0x12] = {7, 0},     [0x14] = {7, 7},    [0x20] = {3, 0},    [0x22] = {7, 0},
      [0x23] = {0x1f, 15}, [0x24] = {7, 0},    [0x25] = {3, 0},    [0x26] = {7, 0},
      [0x27] = {0x1f, 15}, [0x28] = {0x1f, 8}, [0x29] = {0x1f, 8}, [0x2b] = {0x1f, 8},
      [0x32] = {7, 7},     [0x33] = {7, 0},    [0x34] = {7, 7},
  };
  unsigned m = scalar ? sizes[key].scalar : sizes[key].vec;
  return (m >> esz & 1) && !(esz == 3 && !q && !scalar && (m & 0x10));
}

/* ---- FP lanes: key = U:size<1>:opcode ---- */

static enum a64_fp1 rint_op(unsigned key) {
  switch (key) {
  case 0x18: return A64_FRINTN;
  case 0x19: return A64_FRINTM;
  case 0x38: return A64_FRINTP;
  case 0x39: return A64_FRINTZ;
  case 0x58: return A64_FRINTA;
  case 0x59: return A64_FRINTX;
  default: return A64_FRINTI;
  }
}

/* FCVT[NMAPZ][SU]: rounding 0 N, 1 P, 2 M, 3 Z, 4 A, from size<1>:opcode. */
static unsigned cvt_rounding(unsigned key) {
  switch (key & 0x3f) {
  case 0x1a: return 0;
  case 0x1b: return 2;
  case 0x1c: return 4;
  case 0x3a: return 1;
  default: return 3;
  }
}

static uint64_t fp_lane(struct a64_cpu *a, unsigned key, unsigned z, uint64_t x) {
  switch (key) {
  case 0x2c: return a64_fp_op2(a, A64_FCMGT, x, 0, z);
  case 0x2d: return a64_fp_op2(a, A64_FCMEQ, x, 0, z);
  case 0x2e: return a64_fp_op2(a, A64_FCMGT, 0, x, z);
  case 0x2f: return a64_fp_op1(a, A64_FABS, x, z);
  case 0x6c: return a64_fp_op2(a, A64_FCMGE, x, 0, z);
  case 0x6d: return a64_fp_op2(a, A64_FCMGE, 0, x, z);
  case 0x6f: return a64_fp_op1(a, A64_FNEG, x, z);
  case 0x7f: return a64_fp_op1(a, A64_FSQRT, x, z);
  case 0x3d: return a64_fp_op1(a, A64_FRECPE, x, z);
  case 0x7d: return a64_fp_op1(a, A64_FRSQRTE, x, z);
  case 0x3f: return a64_fp_op1(a, A64_FRECPX, x, z);
  case 0x1d: return a64_fixed_to_fp(a, x, z, 0, false, z); /* SCVTF */
  case 0x5d: return a64_fixed_to_fp(a, x, z, 0, true, z);  /* UCVTF */
  default: break;
  }
  if ((key & 0x1e) == 0x18)
    return a64_fp_op1(a, rint_op(key), x, z);
  return a64_fp_to_fixed(a, x, z, 0, cvt_rounding(key & 0x3f), key & 0x40, z);
}

/* FCVTN/FCVTXN (narrow into the half Q selects) and FCVTL (widen the half). */
static void fp_resize(struct a64_cpu *a, struct a64_vop *o, unsigned key, const uint8_t *n,
                      uint8_t *res) {
  unsigned wide = o->esz, count = o->scalar ? 1 : 8u >> (wide - 1);
  for (unsigned i = 0; i < count; i++) {
    if (key == 0x17)
      a64_set_lane(res, wide, i,
                   a64_fp_convert(a, a64_lane(n + 8 * o->q, wide - 1, i), wide - 1, wide, false));
    else
      a64_set_lane(res + 8 * o->q, wide - 1, i,
                   a64_fp_convert(a, a64_lane(n, wide, i), wide, wide - 1, key == 0x56));
  }
}

static uint64_t h_2misc_fp(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  struct a64_vop o = a64_vop_of(insn, 12, 5);
  unsigned key = o.u << 6 | a64_bits((uint32_t)insn, 23, 1) << 5 | o.opcode;
  const uint8_t *n = a64_vreg(a, o.rn);
  uint8_t res[16] = {0};
  (void)pc, (void)unused;
  o.esz = 2 + a64_bits((uint32_t)insn, 22, 1);
  if (key == 0x16 || key == 0x17 || key == 0x56) {
    o.q = a64_bits((uint32_t)insn, 30, 1) && !o.scalar;
    if (o.q && key != 0x17)
      memcpy(res, a64_vreg(a, o.rd), 16);
    fp_resize(a, &o, key, n, res);
    a64_vset(a, o.rd, res, key == 0x17 || o.q);
    return 0;
  }
  o.elems = o.scalar ? 1 : (o.q ? 16u : 8u) >> o.esz;
  for (unsigned i = 0; i < o.elems; i++)
    a64_set_lane(res, o.esz, i, fp_lane(a, key, o.esz, a64_lane(n, o.esz, i)));
  a64_vset(a, o.rd, res, o.q);
  return 0;
}

/* The FP keys: which exist, which also as scalar, which only as scalar. */
static bool fp_ok(unsigned key, unsigned sz, bool q, bool scalar) {
  switch (key) {
  case 0x16: /* FCVTN, FCVTL */
  case 0x17: return !scalar;
  case 0x56: return sz;     /* FCVTXN */
  case 0x3f: return scalar; /* FRECPX */
  case 0x18:                /* FRINTN FRINTM FRINTP FRINTZ FRINTA FRINTX FRINTI, FABS FNEG FSQRT */
  case 0x19:
  case 0x38:
  case 0x39:
  case 0x58:
  case 0x59:
  case 0x79:
  case 0x2f:
  case 0x6f:
  case 0x7f: return !scalar && !(sz && !q);
  case 0x1a: /* FCVT[NMAPZ][SU], [SU]CVTF, compares with zero, FRECPE, FRSQRTE */
  case 0x1b:
  case 0x1c:
  case 0x3a:
  case 0x3b:
  case 0x5a:
  case 0x5b:
  case 0x5c:
  case 0x7a:
  case 0x7b:
  case 0x1d:
  case 0x5d:
  case 0x2c:
  case 0x2d:
  case 0x2e:
  case 0x6c:
  case 0x6d:
  case 0x3d:
  case 0x7d: return scalar || !(sz && !q);
  default: return false;
  }
}

bool trans_simd_2misc(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  struct a64_vop o = a64_vop_of(insn, 12, 5);
  unsigned a = a64_bits(insn, 23, 1), key = o.u << 5 | o.opcode;
  if (o.opcode == 0x1c && a && !o.scalar && !a64_bits(insn, 22, 1))
    return a64_simd_call(s, h_2misc_int); /* URECPE, URSQRTE */
  if (o.opcode >= 0x0c && !int_narrowing(key) && key != 0x33 && key != 0x13)
    return fp_ok(o.u << 6 | a << 5 | o.opcode, a64_bits(insn, 22, 1), o.q, o.scalar) &&
           a64_simd_call(s, h_2misc_fp);
  return int_ok(key, o.esz, o.q, o.scalar) && a64_simd_call(s, h_2misc_int);
}

/* ---- across lanes: 0 Q U 01110 size 11000 opcode(5) 10 Rn Rd ----
 * [SU]ADDLV 00011, [SU]MAXV 01010, [SU]MINV 11010, ADDV 11011,
 * FMAXNMV/FMINNMV 01100, FMAXV/FMINV 01111 (U=1, size<1> picks min). */

/* Reduce (Arm ARM J1): the two halves reduced, then combined. */
static uint64_t fp_reduce(struct a64_cpu *a, enum a64_fp2 op, const uint8_t *n, unsigned lo,
                          unsigned count) {
  if (count == 1)
    return a64_lane(n, 2, lo);
  uint64_t x = fp_reduce(a, op, n, lo, count / 2),
           y = fp_reduce(a, op, n, lo + count / 2, count / 2);
  return a64_fp_op2(a, op, x, y, 2);
}

static uint64_t h_across(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  struct a64_vop o = a64_vop_of(insn, 12, 5);
  const uint8_t *n = a64_vreg(a, o.rn);
  (void)pc, (void)unused;
  if (o.opcode == 0x0c || o.opcode == 0x0f) {
    bool min = a64_bits((uint32_t)insn, 23, 1);
    enum a64_fp2 op =
        o.opcode == 0x0c ? (min ? A64_FMINNM : A64_FMAXNM) : (min ? A64_FMIN : A64_FMAX);
    a64_vset_scalar(a, o.rd, fp_reduce(a, op, n, 0, 4), 2);
    return 0;
  }
  i128 acc = o.u || o.opcode == 0x1b ? (i128)a64_lane(n, o.esz, 0) : (i128)a64_slane(n, o.esz, 0);
  for (unsigned i = 1; i < o.elems; i++) {
    i128 x = o.u || o.opcode == 0x1b ? (i128)a64_lane(n, o.esz, i) : (i128)a64_slane(n, o.esz, i);
    switch (o.opcode) {
    case 0x0a: acc = x > acc ? x : acc; break;
    case 0x1a: acc = x < acc ? x : acc; break;
    default: acc += x; break;
    }
  }
  a64_vset_scalar(a, o.rd, (uint64_t)acc, o.opcode == 3 ? o.esz + 1 : o.esz);
  return 0;
}

bool trans_simd_across(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  struct a64_vop o = a64_vop_of(insn, 12, 5);
  if (o.opcode == 0x0c || o.opcode == 0x0f)
    return o.u && o.q && !a64_bits(insn, 22, 1) && a64_simd_call(s, h_across);
  bool op_ok =
      o.opcode == 0x03 || o.opcode == 0x0a || o.opcode == 0x1a || (o.opcode == 0x1b && !o.u);
  return op_ok && o.esz < 3 && !(o.esz == 2 && !o.q) && a64_simd_call(s, h_across);
}
