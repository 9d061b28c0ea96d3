/* a64_simd_fp.c - Advanced SIMD floating point (Arm ARM C4.1.95): the FP
 * "three same" class (vector and scalar), the FP "by element" forms and
 * the scalar pairwise class, on single and double lanes through the
 * element operations of a64_fp_lane.c.
 */
#include <string.h>
#include "a64.h"
#include "a64_helpers.h"

static struct a64_cpu *a64(struct cpu *c) {
  return (struct a64_cpu *)c;
}

enum { PAIR = 1, SCALAR = 2, FMA = 4, NEG = 8, VALID = 16 };

struct fp3 {
  uint8_t op; /* enum a64_fp2 */
  uint8_t flags;
};

/* Three same FP, key = U:size<1>:opcode(5) for opcodes 11xxx:
 * 0 Q U 01110 a sz 1 Rm opcode 1 Rn Rd; scalar 01 U 11110 a sz 1 Rm opcode 1 Rn Rd */
static const struct fp3 fp3_ops[128] = {
    [0x18] = {A64_FMAXNM, VALID},
    [0x19] = {0, VALID | FMA},
    [0x1a] = {A64_FADD, VALID},
    [0x1b] = {A64_FMULX, VALID | SCALAR},
    [0x1c] = {A64_FCMEQ, VALID | SCALAR},
    [0x1e] = {A64_FMAX, VALID},
    [0x1f] = {A64_FRECPS, VALID | SCALAR},
    [0x38] = {A64_FMINNM, VALID},
    [0x39] = {0, VALID | FMA | NEG},
    [0x3a] = {A64_FSUB, VALID},
    [0x3e] = {A64_FMIN, VALID},
    [0x3f] = {A64_FRSQRTS, VALID | SCALAR},
    [0x58] = {A64_FMAXNM, VALID | PAIR},
    [0x5a] = {A64_FADD, VALID | PAIR},
    [0x5b] = {A64_FMUL, VALID},
    [0x5c] = {A64_FCMGE, VALID | SCALAR},
    [0x5d] = {A64_FACGE, VALID | SCALAR},
    [0x5e] = {A64_FMAX, VALID | PAIR},
    [0x5f] = {A64_FDIV, VALID},
    [0x78] = {A64_FMINNM, VALID | PAIR},
    [0x7a] = {A64_FABD, VALID | SCALAR},
    [0x7c] = {A64_FCMGT, VALID | SCALAR},
    [0x7d] = {A64_FACGT, VALID | SCALAR},
    [0x7e] = {A64_FMIN, VALID | PAIR},
};

static unsigned fp3_key(uint32_t insn) {
  return a64_bits(insn, 29, 1) << 6 | a64_bits(insn, 23, 1) << 5 | a64_bits(insn, 11, 5);
}

/* Apply op lane-wise to n and m (pairwise over n:m when PAIR), into res. */
static void fp3_vec(struct a64_cpu *a, struct fp3 f, unsigned esz, unsigned elems, bool q,
                    const uint8_t *n, const uint8_t *m, const uint8_t *d, uint8_t *res) {
  uint8_t cat[32];
  memcpy(cat, n, 16);
  memcpy(cat + (q ? 16 : 8), m, 16);
  for (unsigned i = 0; i < elems; i++) {
    uint64_t x = a64_lane(n, esz, i), y = a64_lane(m, esz, i), r;
    if (f.flags & PAIR)
      x = a64_lane(cat, esz, 2 * i), y = a64_lane(cat, esz, 2 * i + 1);
    if (f.flags & FMA)
      r = a64_fp_muladd(a, a64_lane(d, esz, i), x, y, f.flags & NEG, esz);
    else
      r = a64_fp_op2(a, (enum a64_fp2)f.op, x, y, esz);
    a64_set_lane(res, esz, i, r);
  }
}

static uint64_t h_3same_fp(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  struct a64_vop o = a64_vop_of(insn, 11, 5);
  unsigned esz = 2 + a64_bits((uint32_t)insn, 22, 1);
  unsigned elems = o.scalar ? 1 : (o.q ? 16u : 8u) >> esz;
  uint8_t res[16] = {0};
  (void)pc, (void)unused;
  fp3_vec(a, fp3_ops[fp3_key((uint32_t)insn)], esz, elems, o.q, a64_vreg(a, o.rn),
          a64_vreg(a, o.rm), a64_vreg(a, o.rd), res);
  a64_vset(a, o.rd, res, o.q);
  return 0;
}

bool a64_trans_3same_fp(struct a64_ctx *s, uint32_t insn) {
  struct fp3 f = fp3_ops[fp3_key(insn)];
  bool scalar = a64_bits(insn, 28, 1), sz = a64_bits(insn, 22, 1), q = a64_bits(insn, 30, 1);
  if (!(f.flags & VALID) || (scalar && !(f.flags & SCALAR)) || (!scalar && sz && !q))
    return false;
  return a64_simd_call(s, h_3same_fp);
}

/* ---- scalar pairwise: 01 U 11110 size 11000 opcode(5) 10 Rn Rd ----
 * U=1: 01100 FMAXNMP/FMINNMP, 01101 FADDP, 01111 FMAXP/FMINP (size<1> = min),
 * size<0> = double; U=0 11011 ADDP (size 11). */
static uint64_t h_pairwise_scalar(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  uint32_t i = (uint32_t)insn;
  unsigned esz = 2 + a64_bits(i, 22, 1), opcode = a64_bits(i, 12, 5);
  bool min = a64_bits(i, 23, 1);
  const uint8_t *n = a64_vreg(a, a64_bits(i, 5, 5));
  enum a64_fp2 op = opcode == 0x0d   ? A64_FADD
                    : opcode == 0x0c ? (min ? A64_FMINNM : A64_FMAXNM)
                                     : (min ? A64_FMIN : A64_FMAX);
  (void)pc, (void)unused;
  a64_vset_scalar(a, a64_bits(i, 0, 5),
                  a64_fp_op2(a, op, a64_lane(n, esz, 0), a64_lane(n, esz, 1), esz), esz);
  return 0;
}

bool trans_simd_pairwise_scalar(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  unsigned opcode = a64_bits(insn, 12, 5), size = a64_bits(insn, 22, 2);
  if (!a64_bits(insn, 29, 1)) {
    if (opcode != 0x1b || size != 3)
      return false;
    /* ADDP d, v.2d */
    unsigned rn = a64_bits(insn, 5, 5), rd = a64_bits(insn, 0, 5);
    uint32_t lo = ir_get(s->b, IR_I64, a64_off_v(rn));
    uint32_t hi = ir_get(s->b, IR_I64, a64_off_v(rn) + 8);
    ir_put(s->b, a64_off_v(rd), ir_binop(s->b, IR_ADD, IR_I64, lo, hi));
    ir_put(s->b, a64_off_v(rd) + 8, ir_const(s->b, IR_I64, 0));
    return true;
  }
  bool ok = opcode == 0x0c || opcode == 0x0f || (opcode == 0x0d && size < 2);
  return ok && a64_simd_call(s, h_pairwise_scalar);
}

/* ---- FP by element: 0 Q U 01111 1 sz L M Rm opcode(4) H 0 Rn Rd ----
 * (scalar 01 U 11111 ...): U=0 0001 FMLA, 0101 FMLS, 1001 FMUL; U=1 1001 FMULX.
 * Index H:L for single, H for double; Rm = M:Rm. */
static uint64_t h_elem_fp(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  struct a64_vop o = a64_vop_of(insn, 12, 4);
  unsigned esz = 2 + a64_bits((uint32_t)insn, 22, 1), index, rm;
  unsigned elems = o.scalar ? 1 : (o.q ? 16u : 8u) >> esz;
  uint8_t mv[16], res[16] = {0};
  (void)pc, (void)unused;
  a64_elem_index((uint32_t)insn, esz, &index, &rm);
  uint64_t e = a64_lane(a64_vreg(a, rm), esz, index);
  for (unsigned i = 0; i < 16u >> esz; i++)
    a64_set_lane(mv, esz, i, e);
  struct fp3 f = {o.u ? A64_FMULX : A64_FMUL, 0};
  if (o.opcode != 9)
    f.flags = o.opcode == 5 ? FMA | NEG : FMA;
  fp3_vec(a, f, esz, elems, o.q, a64_vreg(a, o.rn), mv, a64_vreg(a, o.rd), res);
  a64_vset(a, o.rd, res, o.q);
  return 0;
}

bool a64_trans_elem_fp(struct a64_ctx *s, uint32_t insn) {
  unsigned u = a64_bits(insn, 29, 1), opcode = a64_bits(insn, 12, 4);
  bool sz = a64_bits(insn, 22, 1), q = a64_bits(insn, 30, 1), scalar = a64_bits(insn, 28, 1);
  bool op_ok = u ? opcode == 9 : opcode == 1 || opcode == 5 || opcode == 9;
  if (!op_ok || !a64_bits(insn, 23, 1) || (sz && a64_bits(insn, 21, 1)) || (sz && !q && !scalar))
    return false;
  return a64_simd_call(s, h_elem_fp);
}

bool trans_simd_elem(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  unsigned u = a64_bits(insn, 29, 1), opcode = a64_bits(insn, 12, 4);
  bool fp = u ? opcode == 9 : opcode == 1 || opcode == 5 || opcode == 9;
  return fp ? a64_trans_elem_fp(s, insn) : a64_trans_elem_int(s, insn);
}
