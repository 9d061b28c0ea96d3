/* a64_vec_sat.c - the A64 saturating Advanced SIMD instructions as vector IR:
 * the results are clamped lanes, and FPSR.QC (bit 27) is set when a lane of
 * the part of the register the instruction uses clamped, found as the
 * saturated result differing from the exact (or wrapped) one.
 *
 *   sqadd v0.8h, v1.8h, v2.8h ->
 *     r = vqadds.1 v1, v2;  w = vadd.1 v1, v2;  x = vxor r, w
 *     fpsr |= (x.d[0] | x.d[1]) ? 1 << 27 : 0;  v0 = r
 *
 * Covered: [SU]QADD [SU]QSUB (three same), SUQADD USQADD SQABS SQNEG
 * SQXTN(2) UQXTN(2) SQXTUN(2) (two-register misc), [SU]QSHL SQSHLU (by
 * immediate), SQ(R)SHRUN(2) [SU]Q(R)SHRN(2), SQDMULH SQRDMULH (also by
 * element), each vector and scalar. The rest (by register, SQDML[AS]L,
 * SQRDML[AS]H) decline to the C helpers of a64_simd*.c, the reference these
 * are tested against. A scalar result is the low lane with the rest of the
 * register cleared, a 64-bit one (Q=0) the low half.
 */
#include "a64_vec.h"

/* The part of a register a result or QC check covers: VSAT_Q128, VSAT_Q64
 * for the vector forms, or a scalar form's lane size esz (0..3). */
enum { VSAT_Q128 = 4, VSAT_Q64 = 5 };

static unsigned vsat_part(struct vec o, bool scalar) {
  return scalar ? o.esz : o.q ? VSAT_Q128 : VSAT_Q64;
}

/* A constant with x in every lane of esz. */
static uint32_t vsat_rep(struct a64_ctx *s, unsigned esz, uint64_t x) {
  uint64_t r = vec_rep(esz, x);
  return ir_vconst(s->b, r, r);
}

static uint64_t vsat_mask(unsigned esz) {
  return esz >= 3 ? ~0ull : (1ull << (8u << esz)) - 1;
}

/* FPSR.QC |= whether any bit of diff is set in the part. */
static void vsat_qc(struct a64_ctx *s, uint32_t diff, unsigned part) {
  struct ir_block *b = s->b;
  uint32_t off = offsetof(struct a64_cpu, fpsr), any;
  if (part == VSAT_Q128)
    any = ir_binop(b, IR_OR, IR_I64, ir_vop(b, IR_VEXTRACT, IR_I64, 3, diff, 0, 0),
                   ir_vop(b, IR_VEXTRACT, IR_I64, 3, diff, 0, 1));
  else
    any = ir_vop(b, IR_VEXTRACT, IR_I64, part == VSAT_Q64 ? 3 : part, diff, 0, 0);
  uint32_t qc = ir_select(b, IR_I32, any, ir_const(b, IR_I32, 1u << 27), ir_const(b, IR_I32, 0));
  ir_put(b, off, ir_binop(b, IR_OR, IR_I32, ir_get(b, IR_I32, off), qc));
}

/* Vd = the part of r, the rest cleared. */
static void vsat_store(struct a64_ctx *s, unsigned rd, uint32_t r, unsigned part) {
  if (part < VSAT_Q128)
    r = part == VSAT_Q64 ? r : vop2(s, IR_VAND, 0, r, ir_vconst(s->b, vsat_mask(part), 0));
  a64_vput(s, rd, r, part == VSAT_Q128);
}

/* ---- SQDMULH, SQRDMULH: the high half of 2 * n * m, rounded in SQRDMULH ----
 * The products of the even and of the odd lanes, in lanes of twice the width
 * (16-bit lanes sign-extended and multiplied, 32-bit ones by VMULLS); bits
 * L-1 .. 2L-2 of each (plus 2^(L-2) when rounding) are the result lane. Only
 * MIN * MIN clamps, and it is the one product whose result lane comes out as
 * MIN: those lanes become MAX (MIN ^ all ones). */

static uint32_t vsat_even(struct a64_ctx *s, unsigned z, uint32_t x) {
  return z == 1 ? vop1(s, IR_VSHRS, 2, vop1(s, IR_VSHL, 2, x, 16), 16) : x;
}

static uint32_t vsat_odd(struct a64_ctx *s, unsigned z, uint32_t x) {
  return z == 1 ? vop1(s, IR_VSHRS, 2, x, 16) : vop1(s, IR_VSHRU, 3, x, 32);
}

/* The wide lanes of x * y (the even lanes of z, sign-extended) >> L-1. */
static uint32_t vsat_mulh_wide(struct a64_ctx *s, unsigned z, uint32_t x, uint32_t y, bool round) {
  unsigned bits = 8u << z;
  uint32_t p = z == 1 ? vop2(s, IR_VMUL, 2, x, y) : vop2(s, IR_VMULLS, 3, x, y);
  if (round)
    p = vop2(s, IR_VADD, z + 1, p, vsat_rep(s, z + 1, 1ull << (bits - 2)));
  return vop1(s, IR_VSHRU, z + 1, p, bits - 1);
}

/* Vd = SQ(R)DMULH of the lanes of z (1 or 2) of n and m. */
static bool vsat_mulh(struct a64_ctx *s, unsigned rd, unsigned z, uint32_t n, uint32_t m,
                      bool round, unsigned part) {
  unsigned bits = 8u << z;
  uint32_t even = vsat_mulh_wide(s, z, vsat_even(s, z, n), vsat_even(s, z, m), round);
  uint32_t odd = vsat_mulh_wide(s, z, vsat_odd(s, z, n), vsat_odd(s, z, m), round);
  uint32_t r = vop2(s, IR_VOR, 0, vop2(s, IR_VAND, 0, even, vsat_rep(s, z + 1, vsat_mask(z))),
                    vop1(s, IR_VSHL, z + 1, odd, bits));
  uint32_t sat = vop2(s, IR_VCMPEQ, z, r, vsat_rep(s, z, 1ull << (bits - 1)));
  vsat_qc(s, sat, part);
  vsat_store(s, rd, vop2(s, IR_VXOR, 0, r, sat), part);
  return true;
}

/* ---- three same: [SU]QADD (opcode 00001), [SU]QSUB (00101), SQ(R)DMULH (10110) ---- */

static bool vsat_3same(struct a64_ctx *s, const struct arg_vec3 *a, bool scalar) {
  static const enum ir_op ops[2][2] = {{IR_VQADDS, IR_VQADDU}, {IR_VQSUBS, IR_VQSUBU}};
  struct vec o = vec_of3(a);
  unsigned opcode = a->opcode;
  bool sub = opcode == 0x05;
  if (opcode == 0x16)
    return (o.esz == 1 || o.esz == 2) && vsat_mulh(s, o.rd, o.esz, a64_vget(s, o.rn),
                                                   a64_vget(s, o.rm), o.u, vsat_part(o, scalar));
  if ((opcode != 0x01 && !sub) || (!scalar && o.esz == 3 && !o.q))
    return false;
  uint32_t n = a64_vget(s, o.rn), m = a64_vget(s, o.rm);
  uint32_t r = vop2(s, ops[sub][o.u], o.esz, n, m);
  uint32_t wrapped = vop2(s, sub ? IR_VSUB : IR_VADD, o.esz, n, m);
  vsat_qc(s, vop2(s, IR_VXOR, 0, r, wrapped), vsat_part(o, scalar));
  vsat_store(s, o.rd, r, vsat_part(o, scalar));
  return true;
}

bool trans_vsat_3same(struct a64_ctx *s, const struct arg_vec3 *a) {
  return vsat_3same(s, a, false);
}

bool trans_vsat_3same_scalar(struct a64_ctx *s, const struct arg_vec3 *a) {
  return vsat_3same(s, a, true);
}

/* ---- by element: 0 Q 0 01111 size L M Rm 110 r H 0 Rn Rd, SQ(R)DMULH (r) ----
 * (scalar: 01 0 11111 ...); size 01: element H:L:M of V(Rm<3:0>), size 10:
 * element H:L of V(M:Rm), broadcast. */
static bool vsat_elem(struct a64_ctx *s, const struct arg_velem *a, bool scalar) {
  struct vec o = {.q = a->q, .u = a->u, .esz = a->size, .rd = a->rd, .rn = a->rn};
  unsigned opcode = a->opcode, hl = a->h << 1 | a->l;
  unsigned index = o.esz == 1 ? hl << 1 | a->m : hl;
  unsigned rm = o.esz == 1 ? a->rm : a->m << 4 | a->rm;
  if (o.u || (opcode != 0xc && opcode != 0xd) || (o.esz != 1 && o.esz != 2))
    return false;
  uint32_t e = ir_vop(s->b, IR_VEXTRACT, IR_I64, o.esz, a64_vget(s, rm), 0, index);
  return vsat_mulh(s, o.rd, o.esz, a64_vget(s, o.rn), vop1(s, IR_VDUP, o.esz, e, 0), opcode & 1,
                   vsat_part(o, scalar));
}

bool trans_vsat_elem(struct a64_ctx *s, const struct arg_velem *a) {
  return vsat_elem(s, a, false);
}

bool trans_vsat_elem_scalar(struct a64_ctx *s, const struct arg_velem *a) {
  return vsat_elem(s, a, true);
}

/* ---- two-register misc ---- */

/* SUQADD (U=0, opcode 00011): signed d + unsigned n. With the sign bits
 * flipped d is d + 2^(L-1) unsigned, and the sum (>= MIN) only clamps above:
 * an unsigned saturating add, the sign bits flipped back.
 * USQADD (U=1): unsigned d + signed n, an unsigned saturating add of n when
 * n >= 0, a saturating subtract of -n (unsigned) when it is negative.
 * The wrapped d + n is the exact result where no lane clamps. */
static uint32_t vsat_accumulate(struct a64_ctx *s, struct vec o, uint32_t d, uint32_t n) {
  unsigned z = o.esz;
  if (!o.u) {
    uint32_t sign = vsat_rep(s, z, 1ull << ((8u << z) - 1));
    return vop2(s, IR_VXOR, 0, vop2(s, IR_VQADDU, z, vop2(s, IR_VXOR, 0, d, sign), n), sign);
  }
  uint32_t neg = vop2(s, IR_VCMPGTS, z, vzero(s), n);
  uint32_t up = vop2(s, IR_VQADDU, z, d, n);
  uint32_t down = vop2(s, IR_VQSUBU, z, d, vop2(s, IR_VSUB, z, vzero(s), n));
  return vop2(s, IR_VOR, 0, vop2(s, IR_VANDN, 0, up, neg), vop2(s, IR_VAND, 0, down, neg));
}

/* SUQADD USQADD SQABS SQNEG (keys U:opcode 0x03 0x23 0x07 0x27). SQABS is
 * (x ^ m) - m, m = x < 0 ? -1 : 0, saturating: only MIN clamps. */
static bool vsat_unary(struct a64_ctx *s, struct vec o, unsigned key, unsigned part) {
  unsigned z = o.esz;
  uint32_t n = a64_vget(s, o.rn), r, exact;
  if (key == 0x03 || key == 0x23) {
    uint32_t d = a64_vget(s, o.rd);
    r = vsat_accumulate(s, o, d, n);
    exact = vop2(s, IR_VADD, z, d, n);
  } else if (key == 0x07) {
    uint32_t m = vop2(s, IR_VCMPGTS, z, vzero(s), n), t = vop2(s, IR_VXOR, 0, n, m);
    r = vop2(s, IR_VQSUBS, z, t, m);
    exact = vop2(s, IR_VSUB, z, t, m);
  } else {
    r = vop2(s, IR_VQSUBS, z, vzero(s), n);
    exact = vop2(s, IR_VSUB, z, vzero(s), n);
  }
  vsat_qc(s, vop2(s, IR_VXOR, 0, r, exact), part);
  vsat_store(s, o.rd, r, part);
  return true;
}

/* The wide lanes (esz + 1) of x clamped to the narrow lane's range: signed
 * (from signed x), unsigned from signed x (to_u), or unsigned (from_u). */
static uint32_t vsat_clamp(struct a64_ctx *s, unsigned esz, uint32_t x, bool from_u, bool to_u) {
  unsigned w = esz + 1, bits = 8u << esz;
  uint64_t umax = (1ull << bits) - 1, smax = umax >> 1, smin = ~smax & vsat_mask(w);
  if (from_u)
    return vop2(s, IR_VMINU, w, x, vsat_rep(s, w, umax));
  if (to_u)
    return vop2(s, IR_VMINS, w, vop2(s, IR_VMAXS, w, x, vzero(s)), vsat_rep(s, w, umax));
  return vop2(s, IR_VMINS, w, vop2(s, IR_VMAXS, w, x, vsat_rep(s, w, smin)), vsat_rep(s, w, smax));
}

/* Vd = the clamped wide lanes x narrowed: vector (into the half Q picks),
 * or scalar; the QC check covers the wide lanes read. */
static bool vsat_narrow(struct a64_ctx *s, struct vec o, bool scalar, uint32_t x, bool from_u,
                        bool to_u) {
  uint32_t c = vsat_clamp(s, o.esz, x, from_u, to_u);
  vsat_qc(s, vop2(s, IR_VXOR, 0, c, x), scalar ? o.esz + 1 : VSAT_Q128);
  if (!scalar) {
    vput_narrow(s, o.rd, o.esz, c, o.q);
    return true;
  }
  vsat_store(s, o.rd, vop1(s, IR_VNARROW, o.esz, c, 0), o.esz);
  return true;
}

static bool vsat_2misc(struct a64_ctx *s, const struct arg_vec2 *a, bool scalar) {
  struct vec o = vec_of2(a);
  unsigned key = o.u << 5 | a->opcode;
  switch (key) {
  case 0x03:
  case 0x23:
  case 0x07:
  case 0x27:
    if (!scalar && o.esz == 3 && !o.q)
      return false;
    return vsat_unary(s, o, key, vsat_part(o, scalar));
  case 0x14: /* SQXTN */
  case 0x32: /* SQXTUN */
  case 0x34: /* UQXTN */
    if (o.esz == 3)
      return false;
    return vsat_narrow(s, o, scalar, a64_vget(s, o.rn), key == 0x34, key != 0x14);
  default: return false;
  }
}

bool trans_vsat_2misc(struct a64_ctx *s, const struct arg_vec2 *a) {
  return vsat_2misc(s, a, false);
}

bool trans_vsat_2misc_scalar(struct a64_ctx *s, const struct arg_vec2 *a) {
  return vsat_2misc(s, a, true);
}

/* ---- shift by immediate ---- */

/* [SU]QSHL, SQSHLU by n (0..L-1) on lanes of z. Unsigned: a lane above
 * UMAX >> n gives all ones. Signed: x clamped to [MIN >> n, MAX >> n] and
 * shifted, the n low bits set where it clamped above (MAX >> n << n is MAX
 * less those). SQSHLU: negative lanes are 0, then as unsigned. */
static bool vsat_shl(struct a64_ctx *s, struct vec o, unsigned z, unsigned n, bool shlu,
                     unsigned part) {
  uint64_t umax = vsat_mask(z), smax = umax >> 1;
  uint32_t x = a64_vget(s, o.rn), r, clamped;
  if (o.u) { /* UQSHL, SQSHLU */
    uint32_t c = shlu ? vop2(s, IR_VMAXS, z, x, vzero(s)) : x;
    uint32_t over = vop2(s, IR_VCMPGTU, z, c, vsat_rep(s, z, umax >> n));
    r = vop2(s, IR_VOR, 0, vop1(s, IR_VSHL, z, c, n), over);
    clamped = shlu ? vop2(s, IR_VOR, 0, vop2(s, IR_VXOR, 0, c, x), over) : over;
  } else { /* MIN >> n is ~(MAX >> n) */
    uint32_t hi = vsat_rep(s, z, smax >> n), lo = vsat_rep(s, z, ~(smax >> n) & umax);
    uint32_t c = vop2(s, IR_VMINS, z, vop2(s, IR_VMAXS, z, x, lo), hi);
    uint32_t ones = vsat_rep(s, z, (1ull << n) - 1);
    r = vop2(s, IR_VOR, 0, vop1(s, IR_VSHL, z, c, n),
             vop2(s, IR_VAND, 0, vop2(s, IR_VCMPGTS, z, x, hi), ones));
    clamped = vop2(s, IR_VXOR, 0, c, x);
  }
  vsat_qc(s, clamped, part);
  vsat_store(s, o.rd, r, part);
  return true;
}

/* SQ(R)SHRUN (U=1, opcode 1000x), [SU]Q(R)SHRN (1001x): the wide lanes of
 * Vn shifted right by 1..L, rounded as (x >> right) + bit right-1 of x (the
 * same as (x + 2^(right-1)) >> right, without overflowing the lane), then
 * clamped and narrowed. */
static bool vsat_shrn(struct a64_ctx *s, struct vec o, bool scalar, unsigned z, unsigned right,
                      unsigned opcode) {
  bool from_u = o.u && opcode >= 0x12, round = opcode & 1;
  unsigned w = z + 1;
  uint32_t x = a64_vget(s, o.rn);
  uint32_t t = vop1(s, from_u ? IR_VSHRU : IR_VSHRS, w, x, right);
  if (round) {
    uint32_t bit = vop2(s, IR_VAND, 0, vop1(s, IR_VSHRU, w, x, right - 1), vsat_rep(s, w, 1));
    t = vop2(s, IR_VADD, w, t, bit);
  }
  return vsat_narrow(s, o, scalar, t, from_u, o.u);
}

static bool vsat_shift(struct a64_ctx *s, const struct arg_vshift *a, bool scalar) {
  struct vec o = {.q = a->q, .u = a->u, .rd = a->rd, .rn = a->rn};
  unsigned immh = a->immh, imm = a->shift_imm, opcode = a->opcode;
  if (!immh)
    return false;
  unsigned z = 31 - (unsigned)__builtin_clz(immh);
  unsigned left = imm - (8u << z), right = (16u << z) - imm;
  o.esz = z;
  switch (opcode) {
  case 0x0c:
  case 0x0e:
    if ((opcode == 0x0c && !o.u) || (!scalar && z == 3 && !o.q))
      return false;
    return vsat_shl(s, o, z, left, opcode == 0x0c, vsat_part(o, scalar));
  case 0x10:
  case 0x11:
  case 0x12:
  case 0x13:
    if (z == 3 || (opcode < 0x12 && !o.u))
      return false;
    return vsat_shrn(s, o, scalar, z, right, opcode);
  default: return false;
  }
}

bool trans_vsat_shift(struct a64_ctx *s, const struct arg_vshift *a) {
  return vsat_shift(s, a, false);
}

bool trans_vsat_shift_scalar(struct a64_ctx *s, const struct arg_vshift *a) {
  return vsat_shift(s, a, true);
}
