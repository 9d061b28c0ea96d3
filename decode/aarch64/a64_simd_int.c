/* a64_simd_int.c - Advanced SIMD integer arithmetic (Arm ARM C4.1.95):
 * the "three same" and "three different" classes, vector and scalar, and
 * the integer forms of "by element", which broadcast the element and reuse
 * the same lane operations. Each is one C helper that interprets the
 * instruction on struct a64_cpu, switching on U:opcode.
 */
#include <string.h>
#include "a64.h"
#include "a64_helpers.h"
#include "../../ir/ir_crypto.h"

static struct a64_cpu *a64(struct cpu *c) {
  return (struct a64_cpu *)c;
}

typedef __int128 i128;

/* The element as a signed or unsigned value. */
static i128 val(uint64_t x, unsigned esz, bool is_unsigned) {
  return is_unsigned ? (i128)(x & a64_emask(esz)) : (i128)a64_sext(x, esz);
}

static i128 pow2(unsigned n) {
  return (i128)1 << n;
}

/* [SU][Q][R]SHL by register: the shift is the signed low byte of y; a
 * negative one shifts right, rounding when round. */
static uint64_t shift_reg(struct a64_cpu *a, i128 x, int sh, unsigned esz, bool round, bool sat,
                          bool u) {
  int bits = 8 << esz;
  if (sh >= 0) {
    if (!sat)
      return sh >= bits ? 0 : (uint64_t)(x * pow2((unsigned)sh));
    if (x == 0)
      return 0;
    i128 r = sh >= bits ? (x < 0 ? -pow2(100) : pow2(100)) : x * pow2((unsigned)sh);
    return a64_sat(a, r, esz, u);
  }
  int n = -sh > bits + 1 ? bits + 1 : -sh;
  i128 r = (x + (round ? pow2((unsigned)n - 1) : 0)) >> n;
  return sat ? a64_sat(a, r, esz, u) : (uint64_t)r;
}

/* Polynomial (carry-less) multiply of the low bits bits of x and y (ir_gf2.c). */
static unsigned __int128 pmul(uint64_t x, uint64_t y, unsigned bits) {
  return ir_clmul(x, y, bits);
}

static i128 absdiff(i128 x, i128 y) {
  return x > y ? x - y : y - x;
}

/* One lane of three same, opcode = bits 15:11; d is the destination lane. */
static uint64_t same_lane(struct a64_cpu *a, const struct a64_vop *o, uint64_t ux, uint64_t uy,
                          uint64_t d) {
  unsigned z = o->esz, bits = 8u << z;
  bool u = o->u;
  i128 x = val(ux, z, u), y = val(uy, z, u), sx = val(ux, z, false), sy = val(uy, z, false);
  uint64_t ones = a64_emask(z);
  switch (o->opcode) {
  case 0x00: return (uint64_t)((x + y) >> 1);     /* [SU]HADD */
  case 0x01: return a64_sat(a, x + y, z, u);      /* [SU]QADD */
  case 0x02: return (uint64_t)((x + y + 1) >> 1); /* [SU]RHADD */
  case 0x04: return (uint64_t)((x - y) >> 1);     /* [SU]HSUB */
  case 0x05: return a64_sat(a, x - y, z, u);      /* [SU]QSUB */
  case 0x06: return x > y ? ones : 0;             /* CMGT/CMHI */
  case 0x07: return x >= y ? ones : 0;            /* CMGE/CMHS */
  case 0x08:
  case 0x09:
  case 0x0a:
  case 0x0b: /* [SU][Q][R]SHL */
    return shift_reg(a, x, (int8_t)uy, z, o->opcode & 2, o->opcode & 1, u);
  case 0x0c:
  case 0x14: return (uint64_t)(x > y ? x : y); /* [SU]MAX[P] */
  case 0x0d:
  case 0x15: return (uint64_t)(x < y ? x : y);               /* [SU]MIN[P] */
  case 0x0e: return (uint64_t)absdiff(x, y);                 /* [SU]ABD */
  case 0x0f: return d + (uint64_t)absdiff(x, y);             /* [SU]ABA */
  case 0x10: return u ? ux - uy : ux + uy;                   /* SUB/ADD */
  case 0x11: return (u ? ux == uy : (ux & uy)) ? ones : 0;   /* CMEQ/CMTST */
  case 0x12: return u ? d - ux * uy : d + ux * uy;           /* MLS/MLA */
  case 0x13: return u ? (uint64_t)pmul(ux, uy, 8) : ux * uy; /* PMUL/MUL */
  case 0x16:                                                 /* SQDMULH/SQRDMULH */
    return a64_sat(a, (2 * sx * sy + (u ? pow2(bits - 1) : 0)) >> bits, z, false);
  default: return ux + uy; /* ADDP */
  }
}

static bool same_pairwise(unsigned opcode) {
  return opcode == 0x14 || opcode == 0x15 || opcode == 0x17;
}

/* Three same on operand vectors n, m (and rd's d) into res. */
static void same_vec(struct a64_cpu *a, const struct a64_vop *o, const uint8_t *n, const uint8_t *m,
                     uint8_t *res) {
  const uint8_t *d = a64_vreg(a, o->rd);
  uint8_t cat[32];
  memcpy(cat, n, 16);
  memcpy(cat + (o->q ? 16 : 8), m, 16);
  for (unsigned i = 0; i < o->elems; i++) {
    uint64_t x = a64_lane(n, o->esz, i), y = a64_lane(m, o->esz, i);
    if (same_pairwise(o->opcode))
      x = a64_lane(cat, o->esz, 2 * i), y = a64_lane(cat, o->esz, 2 * i + 1);
    a64_set_lane(res, o->esz, i, same_lane(a, o, x, y, a64_lane(d, o->esz, i)));
  }
}

/* 0 Q U 01110 size 1 Rm opcode(5) 1 Rn Rd (vector)
 * 01 U 11110 size 1 Rm opcode(5) 1 Rn Rd (scalar) */
static uint64_t h_3same(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  struct a64_vop o = a64_vop_of(insn, 11, 5);
  uint8_t res[16] = {0};
  (void)pc, (void)unused;
  same_vec(a, &o, a64_vreg(a, o.rn), a64_vreg(a, o.rm), res);
  a64_vset(a, o.rd, res, o.q);
  return 0;
}

/* Sizes (bit per size field value) each three-same opcode allows, vector
 * and scalar; size 3 in a vector also needs Q = 1. */
static const struct {
  uint8_t vec, scalar;
} same_sizes[24] = {
    [0x00] = {7, 0},   [0x01] = {15, 15}, [0x02] = {7, 0},  [0x04] = {7, 0},   [0x05] = {15, 15},
    [0x06] = {15, 8},  [0x07] = {15, 8},  [0x08] = {15, 8}, [0x09] = {15, 15}, [0x0a] = {15, 8},
    [0x0b] = {15, 15}, [0x0c] = {7, 0},   [0x0d] = {7, 0},  [0x0e] = {7, 0},   [0x0f] = {7, 0},
    [0x10] = {15, 8},  [0x11] = {15, 8},  [0x12] = {7, 0},  [0x13] = {7, 0},   [0x14] = {7, 0},
    [0x15] = {7, 0},   [0x16] = {6, 6},   [0x17] = {15, 0},
};

static bool same_ok(uint32_t insn) {
  struct a64_vop o = a64_vop_of(insn, 11, 5);
  if (o.opcode >= 24)
    return false;
  unsigned allowed = o.scalar ? same_sizes[o.opcode].scalar : same_sizes[o.opcode].vec;
  if (o.u && o.opcode == 0x13)
    allowed = o.scalar ? 0 : 1; /* PMUL: bytes only */
  if (o.u && o.opcode == 0x17)
    allowed = 0;
  return (allowed >> o.esz & 1) && !(o.esz == 3 && !o.q && !o.scalar);
}

bool a64_trans_3same_int(struct a64_ctx *s, uint32_t insn) {
  return same_ok(insn) && a64_simd_call(s, h_3same);
}

/* ---- three different: 0 Q U 01110 size 1 Rm opcode(4) 00 Rn Rd ----
 * 0000 [SU]ADDL 0001 [SU]ADDW 0010 [SU]SUBL 0011 [SU]SUBW 0100 (R)ADDHN
 * 0101 [SU]ABAL 0110 (R)SUBHN 0111 [SU]ABDL 1000 [SU]MLAL 1001 SQDMLAL
 * 1010 [SU]MLSL 1011 SQDMLSL 1100 [SU]MULL 1101 SQDMULL 1110 PMULL.
 * The narrow operands come from the half that Q selects ("2" forms). */

/* One wide lane from narrow x, y (already signed/unsigned values) and acc d. */
static uint64_t diff_lane(struct a64_cpu *a, const struct a64_vop *o, i128 x, i128 y, i128 d) {
  unsigned wz = o->esz + 1;
  switch (o->opcode) {
  case 0x0:
  case 0x1: return (uint64_t)(x + y);
  case 0x2:
  case 0x3: return (uint64_t)(x - y);
  case 0x5: return (uint64_t)(d + absdiff(x, y));
  case 0x7: return (uint64_t)absdiff(x, y);
  case 0x8: return (uint64_t)(d + x * y);
  case 0xa: return (uint64_t)(d - x * y);
  case 0xc: return (uint64_t)(x * y);
  case 0xe: return (uint64_t)pmul((uint64_t)x, (uint64_t)y, 8u << o->esz);
  default: break;
  }
  i128 p = (i128)a64_sext(a64_sat(a, 2 * x * y, wz, false), wz); /* SQDMULL and friends */
  if (o->opcode == 0xd)
    return (uint64_t)p;
  return a64_sat(a, o->opcode == 0x9 ? d + p : d - p, wz, false);
}

/* (R)ADDHN/(R)SUBHN: the high half of each wide sum or difference. */
static void diff_narrow(struct a64_cpu *a, const struct a64_vop *o, uint8_t *res) {
  const uint8_t *n = a64_vreg(a, o->rn), *m = a64_vreg(a, o->rm);
  unsigned z = o->esz, bits = 8u << z;
  for (unsigned i = 0; i < 8u >> z; i++) {
    uint64_t x = a64_lane(n, z + 1, i), y = a64_lane(m, z + 1, i);
    unsigned __int128 r = o->opcode == 4 ? (unsigned __int128)x + y : (unsigned __int128)x - y;
    r += o->u ? (unsigned __int128)1 << (bits - 1) : 0;
    a64_set_lane(res + 8 * o->q, z, i, (uint64_t)(r >> bits));
  }
}

/* Long (and wide) forms on narrow vectors n, m; w is the wide first operand. */
static void diff_long(struct a64_cpu *a, const struct a64_vop *o, const uint8_t *n,
                      const uint8_t *m, uint8_t *res) {
  const uint8_t *d = a64_vreg(a, o->rd);
  bool wide = o->opcode == 1 || o->opcode == 3;
  bool u = o->u || o->opcode == 0xe;
  unsigned z = o->esz, count = o->scalar ? 1 : 8u >> z;
  for (unsigned i = 0; i < count; i++) {
    i128 x = wide ? val(a64_lane(n, z + 1, i), z + 1, u) : val(a64_lane(n + 8 * o->q, z, i), z, u);
    i128 y = val(a64_lane(m + 8 * o->q, z, i), z, u);
    i128 acc = val(a64_lane(d, z + 1, i), z + 1, u);
    if (o->opcode == 0xe && z == 3) { /* PMULL{2} 1Q */
      unsigned __int128 p = pmul(a64_lane(n + 8 * o->q, 3, 0), a64_lane(m + 8 * o->q, 3, 0), 64);
      memcpy(res, &p, 16);
      return;
    }
    a64_set_lane(res, z + 1, i, diff_lane(a, o, x, y, acc));
  }
}

static uint64_t h_3diff(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  struct a64_vop o = a64_vop_of(insn, 12, 4);
  uint8_t res[16] = {0};
  (void)pc, (void)unused;
  o.q = a64_bits((uint32_t)insn, 30, 1) && !o.scalar;
  if (o.opcode == 4 || o.opcode == 6) {
    memcpy(res, a64_vreg(a, o.rd), 16);
    diff_narrow(a, &o, res);
    a64_vset(a, o.rd, res, o.q);
    return 0;
  }
  diff_long(a, &o, a64_vreg(a, o.rn), a64_vreg(a, o.rm), res);
  a64_vset(a, o.rd, res, !o.scalar);
  return 0;
}

static bool diff_ok(uint32_t insn) {
  struct a64_vop o = a64_vop_of(insn, 12, 4);
  bool sqd = o.opcode == 9 || o.opcode == 11 || o.opcode == 13;
  if (o.scalar)
    return sqd && !o.u && (o.esz == 1 || o.esz == 2);
  if (sqd)
    return !o.u && (o.esz == 1 || o.esz == 2);
  if (o.opcode == 0xe)
    return !o.u && (o.esz == 0 || o.esz == 3);
  return o.opcode < 0xe && o.esz < 3;
}

bool trans_simd_3diff(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  return diff_ok(insn) && a64_simd_call(s, h_3diff);
}

/* ---- by element, integer: 0 Q U 01111 size L M Rm opcode(4) H 0 Rn Rd ----
 * (scalar: 01 U 11111 ...). size 01: index H:L:M, Rm<3:0>; size 10: index
 * H:L, Rm = M:Rm. Maps each opcode to the three-same or three-different
 * operation it shares, applied to the broadcast element. */

/* U:opcode -> 0x100 | three-same opcode (U in bit 6), or three-different opcode; 0 = none */
static unsigned elem_map(unsigned u, unsigned opcode) {
  static const uint16_t map[2][16] = {
      {[0x2] = 0x08,
       [0x3] = 0x09,
       [0x6] = 0x0a,
       [0x7] = 0x0b,
       [0x8] = 0x113,
       [0xa] = 0x0c,
       [0xb] = 0x0d,
       [0xc] = 0x116,
       [0xd] = 0x156},
      {[0x0] = 0x112, [0x2] = 0x08, [0x4] = 0x152, [0x6] = 0x0a, [0xa] = 0x0c}};
  return map[u][opcode];
}

void a64_elem_index(uint32_t insn, unsigned esz, unsigned *index, unsigned *rm) {
  unsigned h = a64_bits(insn, 11, 1), l = a64_bits(insn, 21, 1), m = a64_bits(insn, 20, 1);
  *rm = a64_bits(insn, 16, 4);
  if (esz == 1) {
    *index = h << 2 | l << 1 | m;
    return;
  }
  *rm |= m << 4;
  *index = esz == 2 ? h << 1 | l : h;
}

static uint64_t h_elem_int(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  struct a64_vop o = a64_vop_of(insn, 12, 4);
  unsigned map = elem_map(o.u, o.opcode), index, rm;
  uint8_t mv[16], res[16] = {0};
  (void)pc, (void)unused;
  a64_elem_index((uint32_t)insn, o.esz, &index, &rm);
  uint64_t e = a64_lane(a64_vreg(a, rm), o.esz, index);
  for (unsigned i = 0; i < 16u >> o.esz; i++)
    a64_set_lane(mv, o.esz, i, e);
  o.rm = rm;
  if (map & 0x100) {
    o.opcode = map & 0x1f, o.u = map >> 6 & 1;
    same_vec(a, &o, a64_vreg(a, o.rn), mv, res);
    a64_vset(a, o.rd, res, o.q);
    return 0;
  }
  o.opcode = map;
  o.q = a64_bits((uint32_t)insn, 30, 1) && !o.scalar;
  diff_long(a, &o, a64_vreg(a, o.rn), mv, res);
  a64_vset(a, o.rd, res, !o.scalar);
  return 0;
}

bool a64_trans_elem_int(struct a64_ctx *s, uint32_t insn) {
  struct a64_vop o = a64_vop_of(insn, 12, 4);
  unsigned map = elem_map(o.u, o.opcode);
  bool sqd = !o.u && (o.opcode == 3 || o.opcode == 7 || o.opcode == 0xb || o.opcode >= 0xc);
  if (!map || (o.esz != 1 && o.esz != 2) || (o.scalar && !sqd))
    return false;
  return a64_simd_call(s, h_elem_int);
}
