/* a64_simd_shift.c - Advanced SIMD shift by immediate, vector and scalar
 * (Arm ARM C4.1.95), incl. the saturating and rounding narrowing forms and
 * the fixed-point conversions.
 *
 *   vector: 0 Q U 011110 immh immb opcode(5) 1 Rn Rd   (immh != 0)
 *   scalar: 01 U 111110 immh immb opcode(5) 1 Rn Rd
 *
 * The highest set bit of immh gives the element size esize (the narrow one
 * for the narrowing and widening forms); a right shift is 2*esize - immh:immb
 * (1..esize), a left shift immh:immb - esize (0..esize-1).
 *
 * opcode: 00000 [SU]SHR 00010 [SU]SRA 00100 [SU]RSHR 00110 [SU]RSRA
 * 01000 SRI 01010 SHL/SLI 01100 SQSHLU 01110 [SU]QSHL 10000 SHRN/SQSHRUN
 * 10001 RSHRN/SQRSHRUN 10010 [SU]QSHRN 10011 [SU]QRSHRN 10100 [SU]SHLL
 * 11100 [SU]CVTF 11111 FCVTZ[SU]
 */
#include <string.h>
#include "a64.h"
#include "a64_helpers.h"

static struct a64_cpu *a64(struct cpu *c) {
  return (struct a64_cpu *)c;
}

typedef __int128 i128;

struct shimm {
  unsigned esz, left, right;
};

static struct shimm shimm_of(uint32_t insn) {
  unsigned immh = a64_bits(insn, 19, 4), imm = a64_bits(insn, 16, 7);
  struct shimm sh = {.esz = 31 - (unsigned)__builtin_clz(immh)};
  sh.left = imm - (8u << sh.esz);
  sh.right = (16u << sh.esz) - imm;
  return sh;
}

static i128 val(uint64_t x, unsigned esz, bool is_unsigned) {
  return is_unsigned ? (i128)(x & a64_emask(esz)) : (i128)a64_sext(x, esz);
}

/* x >> n (n in 1..64), rounding to nearest when round. */
static i128 shr(i128 x, unsigned n, bool round) {
  return (x + (round ? (i128)1 << (n - 1) : 0)) >> n;
}

/* One lane of the same-width forms; d is Rd's lane. */
static uint64_t shift_lane(struct a64_cpu *a, unsigned op, bool u, struct shimm sh, uint64_t x,
                           uint64_t d) {
  unsigned z = sh.esz;
  uint64_t m = a64_emask(z);
  i128 v = val(x, z, u);
  switch (op) {
  case 0x00:
  case 0x04: return (uint64_t)shr(v, sh.right, op == 0x04);
  case 0x02:
  case 0x06: return d + (uint64_t)shr(v, sh.right, op == 0x06);
  case 0x08: { /* SRI */
    uint64_t keep = sh.right >= 64 ? m : ~(m >> sh.right) & m;
    return (sh.right >= 64 ? 0 : (x & m) >> sh.right) | (d & keep);
  }
  case 0x0a: return (x << sh.left) | (u ? d & ~(m << sh.left) : 0);               /* SHL, SLI */
  case 0x0c: return a64_sat(a, val(x, z, false) * ((i128)1 << sh.left), z, true); /* SQSHLU */
  default: return a64_sat(a, v * ((i128)1 << sh.left), z, u);                     /* [SU]QSHL */
  }
}

/* One narrow lane from wide x: SHRN RSHRN SQSHRUN SQRSHRUN [SU]Q[R]SHRN. */
static uint64_t narrow_lane(struct a64_cpu *a, unsigned op, bool u, struct shimm sh, uint64_t x) {
  bool round = op & 1, to_unsigned = u;
  bool from_unsigned = op >= 0x12 ? u : !u; /* SHRN: either; SQSHRUN: signed source */
  i128 r = shr(val(x, sh.esz + 1, from_unsigned), sh.right, round);
  if (op < 0x12 && !u)
    return (uint64_t)r; /* SHRN, RSHRN */
  return a64_sat(a, r, sh.esz, to_unsigned);
}

static void shift_narrow(struct a64_cpu *a, const struct a64_vop *o, struct shimm sh,
                         uint8_t *res) {
  const uint8_t *n = a64_vreg(a, o->rn);
  unsigned count = o->scalar ? 1 : 8u >> sh.esz;
  if (o->q)
    memcpy(res, a64_vreg(a, o->rd), 16);
  for (unsigned i = 0; i < count; i++)
    a64_set_lane(res + 8 * o->q, sh.esz, i,
                 narrow_lane(a, o->opcode, o->u, sh, a64_lane(n, sh.esz + 1, i)));
}

static void shift_long(const struct a64_vop *o, struct shimm sh, const uint8_t *n, uint8_t *res) {
  for (unsigned i = 0; i < 8u >> sh.esz; i++)
    a64_set_lane(res, sh.esz + 1, i,
                 (uint64_t)val(a64_lane(n + 8 * o->q, sh.esz, i), sh.esz, o->u) << sh.left);
}

static uint64_t h_shift(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  struct a64_vop o = a64_vop_of(insn, 11, 5);
  struct shimm sh = shimm_of((uint32_t)insn);
  const uint8_t *n = a64_vreg(a, o.rn), *d = a64_vreg(a, o.rd);
  uint8_t res[16] = {0};
  unsigned elems = o.scalar ? 1 : (o.q ? 16u : 8u) >> sh.esz;
  (void)pc, (void)unused;
  if (o.opcode >= 0x10 && o.opcode <= 0x13) {
    shift_narrow(a, &o, sh, res);
  } else if (o.opcode == 0x14) {
    shift_long(&o, sh, n, res);
    o.q = 1;
  } else {
    for (unsigned i = 0; i < elems; i++) {
      uint64_t x = a64_lane(n, sh.esz, i), r;
      if (o.opcode == 0x1c)
        r = a64_fixed_to_fp(a, x, sh.esz, sh.right, o.u, sh.esz);
      else if (o.opcode == 0x1f)
        r = a64_fp_to_fixed(a, x, sh.esz, sh.right, A64_RZ, o.u, sh.esz);
      else
        r = shift_lane(a, o.opcode, o.u, sh, x, a64_lane(d, sh.esz, i));
      a64_set_lane(res, sh.esz, i, r);
    }
  }
  a64_vset(a, o.rd, res, o.q);
  return 0;
}

static bool shift_ok(uint32_t insn) {
  struct a64_vop o = a64_vop_of(insn, 11, 5);
  struct shimm sh = shimm_of(insn);
  switch (o.opcode) {
  case 0x00:
  case 0x02:
  case 0x04:
  case 0x06:
  case 0x0a: break;
  case 0x08:
  case 0x0c:
    if (!o.u)
      return false;
    break;
  case 0x0e: break;
  case 0x10:
  case 0x11:
    if (o.scalar && !o.u)
      return false;
    return sh.esz < 3;
  case 0x12:
  case 0x13: return sh.esz < 3;
  case 0x14: return !o.scalar && sh.esz < 3;
  case 0x1c:
  case 0x1f: return sh.esz >= 2 && !(sh.esz == 3 && !o.q && !o.scalar);
  default: return false;
  }
  if (o.scalar)
    return o.opcode >= 0x0c || sh.esz == 3;
  return !(sh.esz == 3 && !o.q);
}

bool trans_simd_shift_imm(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  if (!a64_bits(insn, 19, 4))
    return false; /* immh = 0 is the modified-immediate class */
  return shift_ok(insn) && a64_simd_call(s, h_shift);
}
