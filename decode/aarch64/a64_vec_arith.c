/* a64_vec_arith.c - more A64 integer Advanced SIMD as vector IR, composed of
 * the existing V* ops (no op of its own): the halving and absolute difference
 * forms of three same, the pairwise long adds and SHLL, the rounding and
 * inserting shifts, CLZ CLS RBIT, the integer by-element class, and the
 * shifts by register [SU]SHL [SU]RSHL (VSHLV VSHRUV VSHRSV).
 *
 * The helpers in a64_simd*.c stay the reference; each trans_ here takes
 * exactly the encodings its helper takes for these instructions and declines
 * the others (the dispatcher then tries the next table entry). Identities
 * used, on lanes of L bits (Hacker's Delight 2-5):
 *   uhadd(a, b)  = (a & b) + ((a ^ b) >> 1)     shadd: the same with >>s
 *   urhadd(a, b) = (a | b) - ((a ^ b) >> 1)     srhadd: >>s
 *   uhsub(a, b)  = ((a ^ b) >> 1) - (~a & b)    shsub: >>s
 *   [su]abd      = max - min
 * e.g. "uhadd v0.8h, v1.8h, v2.8h" is vand, vxor, vshru, vadd.
 */
#include "a64_vec.h"

/* The lane value x (of log2 size esz) in every lane. */
static uint32_t vrep(struct a64_ctx *s, unsigned esz, uint64_t x) {
  uint64_t r = vec_rep(esz, x);
  return ir_vconst(s->b, r, r);
}

/* All ones in a lane of log2 size esz. */
static uint64_t lane_ones(unsigned esz) {
  return esz == 3 ? ~0ull : (1ull << (8u << esz)) - 1;
}

/* Lanes >> n, sign fill, n >= 1 (n >= L gives the sign). Byte and 64-bit
 * lanes have no native arithmetic shift on x86: the logical shift's top bit
 * (the sign, moved to L-1-n) is sign-extended by (x ^ m) - m. */
static uint32_t vsar(struct a64_ctx *s, unsigned esz, uint32_t x, unsigned n) {
  unsigned bits = 8u << esz;
  if (n >= bits)
    n = bits - 1;
  if (esz == 1 || esz == 2)
    return vop1(s, IR_VSHRS, esz, x, n);
  uint32_t m = vrep(s, esz, 1ull << (bits - 1 - n));
  return vop2(s, IR_VSUB, esz, vop2(s, IR_VXOR, 0, vop1(s, IR_VSHRU, esz, x, n), m), m);
}

/* Lanes >> n, zero fill (u) or sign fill. */
static uint32_t vshr(struct a64_ctx *s, bool u, unsigned esz, uint32_t x, unsigned n) {
  return u ? vop1(s, IR_VSHRU, esz, x, n) : vsar(s, esz, x, n);
}

/* ---- three same: 0 Q U 01110 size 1 Rm opcode(5) 1 Rn Rd ----
 * 00000 [SU]HADD 00010 [SU]RHADD 00100 [SU]HSUB 01110 [SU]ABD 01111 [SU]ABA */

static uint32_t vec_halving(struct a64_ctx *s, struct vec o, unsigned opcode, uint32_t n,
                            uint32_t m) {
  uint32_t h = vshr(s, o.u, o.esz, vop2(s, IR_VXOR, 0, n, m), 1);
  switch (opcode) {
  case 0x00: return vop2(s, IR_VADD, o.esz, vop2(s, IR_VAND, 0, n, m), h);
  case 0x02: return vop2(s, IR_VSUB, o.esz, vop2(s, IR_VOR, 0, n, m), h);
  default: return vop2(s, IR_VSUB, o.esz, h, vop2(s, IR_VANDN, 0, m, n));
  }
}

/* |n - m| as max - min, which fits the lane unsigned. */
static uint32_t vec_abd(struct a64_ctx *s, struct vec o, uint32_t n, uint32_t m) {
  uint32_t hi = vop2(s, o.u ? IR_VMAXU : IR_VMAXS, o.esz, n, m);
  return vop2(s, IR_VSUB, o.esz, hi, vop2(s, o.u ? IR_VMINU : IR_VMINS, o.esz, n, m));
}

bool trans_vec_arith_3same(struct a64_ctx *s, const struct arg_vec3 *a) {
  struct vec o = vec_of3(a);
  unsigned opcode = a->opcode;
  uint32_t r;
  if (o.esz == 3)
    return false;
  if (opcode == 0x00 || opcode == 0x02 || opcode == 0x04)
    r = vec_halving(s, o, opcode, a64_vget(s, o.rn), a64_vget(s, o.rm));
  else if (opcode == 0x0e || opcode == 0x0f)
    r = vec_abd(s, o, a64_vget(s, o.rn), a64_vget(s, o.rm));
  else
    return false;
  if (opcode == 0x0f)
    r = vop2(s, IR_VADD, o.esz, a64_vget(s, o.rd), r);
  a64_vput(s, o.rd, r, o.q);
  return true;
}

/* ---- two-register misc: 0 Q U 01110 size 10000 opcode(5) 10 Rn Rd ----
 * U:opcode 0x02 SADDLP 0x22 UADDLP 0x06 SADALP 0x26 UADALP 0x33 SHLL
 * 0x04 CLS 0x24 CLZ 0x25 (size 01) RBIT */

/* The sums of adjacent lane pairs of x, each pair one lane of twice the
 * width: its halves extended in place by shifts (or by masking), added. */
static uint32_t vec_pair_sums(struct a64_ctx *s, struct vec o, uint32_t x) {
  unsigned w = o.esz + 1, bits = 8u << o.esz;
  if (o.u)
    return vop2(s, IR_VADD, w, vop2(s, IR_VAND, 0, x, vrep(s, w, lane_ones(o.esz))),
                vop1(s, IR_VSHRU, w, x, bits));
  if (o.esz < 2)
    return vop2(s, IR_VADD, w, vop1(s, IR_VSHRS, w, vop1(s, IR_VSHL, w, x, bits), bits),
                vop1(s, IR_VSHRS, w, x, bits));
  /* 64-bit sums: no 64-bit arithmetic shift; the even and odd words widened */
  uint32_t even = vop2(s, IR_VUZP1, 2, x, x), odd = vop2(s, IR_VUZP2, 2, x, x);
  return vop2(s, IR_VADD, 3, vop1(s, IR_VWIDENS, 3, even, 0), vop1(s, IR_VWIDENS, 3, odd, 0));
}

/* Leading zeros of each lane of esz. Bytes: the smaller of two nibble table
 * lookups, 8, 3, 2, 2, 1 ... for the high nibble and 8, 7, 6, 6, 5 ... 4 for
 * the low one (it only counts when the high nibble is 0, which gives 8).
 * Then halfwords, words: the high part's count, plus the low part's when the
 * high part is all zeros. */
static uint32_t vec_clz(struct a64_ctx *s, unsigned esz, uint32_t x) {
  uint32_t hi_tab = ir_vconst(s->b, 0x0101010102020308ull, 0);
  uint32_t lo_tab = ir_vconst(s->b, 0x0505050506060708ull, 0x0404040404040404ull);
  uint32_t lo = vop2(s, IR_VTBL, 0, lo_tab, vop2(s, IR_VAND, 0, x, vrep(s, 0, 0x0f)));
  uint32_t c = vop2(s, IR_VTBL, 0, hi_tab, vop1(s, IR_VSHRU, 0, x, 4));
  c = vop2(s, IR_VMINU, 0, c, lo);
  for (unsigned k = 1; k <= esz; k++) {
    unsigned half = 4u << k;
    uint32_t hi = vop1(s, IR_VSHRU, k, c, half);
    lo = vop2(s, IR_VAND, 0, c, vrep(s, k, lane_ones(k - 1)));
    c = vop2(s, IR_VADD, k, hi,
             vop2(s, IR_VAND, 0, lo, vop2(s, IR_VCMPEQ, k, hi, vrep(s, k, half))));
  }
  return c;
}

/* CLS: the leading zeros of x ^ (x << 1), whose bit i says whether bits i and
 * i-1 differ; bit 0 set, so that a lane of sign copies counts L - 1. */
static uint32_t vec_cls(struct a64_ctx *s, unsigned esz, uint32_t x) {
  uint32_t d = vop2(s, IR_VXOR, 0, x, vop1(s, IR_VSHL, esz, x, 1));
  return vec_clz(s, esz, vop2(s, IR_VOR, 0, d, vrep(s, esz, 1)));
}

/* RBIT: each byte's nibbles reversed by table and swapped. */
static uint32_t vec_rbit(struct a64_ctx *s, uint32_t x) {
  uint32_t lo_tab = ir_vconst(s->b, 0xe060a020c0408000ull, 0xf070b030d0509010ull);
  uint32_t hi_tab = ir_vconst(s->b, 0x0e060a020c040800ull, 0x0f070b030d050901ull);
  uint32_t lo = vop2(s, IR_VTBL, 0, lo_tab, vop2(s, IR_VAND, 0, x, vrep(s, 0, 0x0f)));
  return vop2(s, IR_VOR, 0, lo, vop2(s, IR_VTBL, 0, hi_tab, vop1(s, IR_VSHRU, 0, x, 4)));
}

bool trans_vec_arith_2misc(struct a64_ctx *s, const struct arg_vec2 *a) {
  struct vec o = vec_of2(a);
  unsigned key = o.u << 5 | a->opcode;
  uint32_t n, r;
  if (o.esz == 3 || (key == 0x25 && o.esz != 1))
    return false;
  n = a64_vget(s, o.rn);
  switch (key) {
  case 0x02:
  case 0x22: r = vec_pair_sums(s, o, n); break;
  case 0x06:
  case 0x26: r = vop2(s, IR_VADD, o.esz + 1, a64_vget(s, o.rd), vec_pair_sums(s, o, n)); break;
  case 0x33: /* SHLL, SHLL2: zipping zero lanes below makes n[i] << L */
    a64_vput(s, o.rd, vop2(s, o.q ? IR_VZIP2 : IR_VZIP1, o.esz, vzero(s), n), 1);
    return true;
  case 0x04: r = vec_cls(s, o.esz, n); break;
  case 0x24: r = vec_clz(s, o.esz, n); break;
  case 0x25: r = vec_rbit(s, n); break;
  default: return false;
  }
  a64_vput(s, o.rd, r, o.q);
  return true;
}

/* ---- by element: 0 Q U 01111 size L M Rm opcode(4) H 0 Rn Rd ----
 * U=0: 0010 SMLAL 0110 SMLSL 1000 MUL 1010 SMULL; U=1: 0000 MLA 0010 UMLAL
 * 0100 MLS 0110 UMLSL 1010 UMULL ("2" forms: Q). size 01: element H:L:M of
 * V(Rm<3:0>); size 10: element H:L of V(M:Rm). */

/* The element broadcast to every lane: one byte shuffle by a constant. */
static uint32_t vec_elem_dup(struct a64_ctx *s, const struct arg_velem *a, unsigned esz) {
  unsigned h = a->h, l = a->l, m = a->m;
  unsigned rm = a->rm, index = h << 2 | l << 1 | m;
  if (esz == 2)
    rm |= m << 4, index = h << 1 | l;
  uint64_t idx = 0;
  for (unsigned k = 0; k < 8; k++)
    idx |= (uint64_t)((index << esz) + (k & ((1u << esz) - 1))) << (8 * k);
  return vop2(s, IR_VTBL, 0, a64_vget(s, rm), ir_vconst(s->b, idx, idx));
}

/* The full products of Vn's narrow lanes (the half Q picks) and the element
 * e: 16-bit lanes widened and multiplied, 32-bit ones zipped into the even
 * lanes, where VMULL[US] multiplies them (e is the same in every lane). */
static uint32_t vec_elem_mul_long(struct a64_ctx *s, struct vec o, uint32_t e) {
  enum ir_op widen = o.u ? IR_VWIDENU : IR_VWIDENS;
  if (o.esz == 1)
    return vop2(s, IR_VMUL, 2, vop1(s, widen, 2, vget_half(s, o.rn, o.q), 0),
                vop1(s, widen, 2, e, 0));
  uint32_t n = a64_vget(s, o.rn);
  n = vop2(s, o.q ? IR_VZIP2 : IR_VZIP1, 2, n, n);
  return vop2(s, o.u ? IR_VMULLU : IR_VMULLS, 3, n, e);
}

bool trans_vec_elem(struct a64_ctx *s, const struct arg_velem *a) {
  struct vec o = {.q = a->q, .u = a->u, .esz = a->size, .rd = a->rd, .rn = a->rn};
  unsigned opcode = a->opcode;
  bool same = o.u ? opcode == 0x0 || opcode == 0x4 : opcode == 0x8;
  bool wide = opcode == 0x2 || opcode == 0x6 || opcode == 0xa;
  if ((o.esz != 1 && o.esz != 2) || (!same && !wide))
    return false; /* FP, SQDMULH and friends, dot products: not here */
  uint32_t e = vec_elem_dup(s, a, o.esz), p;
  unsigned z = same ? o.esz : o.esz + 1;
  if (same)
    p = vop2(s, IR_VMUL, z, a64_vget(s, o.rn), e);
  else
    p = vec_elem_mul_long(s, o, e);
  if (opcode != 0x8 && opcode != 0xa) /* accumulate: opcode bit 2 subtracts */
    p = vop2(s, opcode & 4 ? IR_VSUB : IR_VADD, z, a64_vget(s, o.rd), p);
  a64_vput(s, o.rd, p, same ? o.q : 1);
  return true;
}

/* ---- shift by immediate: 0 Q U 011110 immh immb opcode(5) 1 Rn Rd ----
 * (scalar: 01 U 111110 1xxx immb ..., one 64-bit lane). 00100 [SU]RSHR
 * 00110 [SU]RSRA, U=1: 01000 SRI 01010 SLI. Right shifts are 1..L, left
 * ones 0..L-1. */

/* Lanes >> n (1..L) rounded to nearest: the shifted-out bit n-1 added back. */
static uint32_t vec_rshr(struct a64_ctx *s, bool u, unsigned esz, uint32_t x, unsigned n) {
  if (!u && n >= 8u << esz)
    return vzero(s); /* (x + 2^(L-1)) >> L of a signed lane is 0 */
  uint32_t below = n > 1 ? vop1(s, IR_VSHRU, esz, x, n - 1) : x;
  return vop2(s, IR_VADD, esz, vshr(s, u, esz, x, n), vop2(s, IR_VAND, 0, below, vrep(s, esz, 1)));
}

/* SRI (left 0) and SLI: x shifted into d, d's bits outside the shifted lane kept. */
static uint32_t vec_insert_shift(struct a64_ctx *s, unsigned esz, uint32_t x, uint32_t d,
                                 unsigned right, unsigned left, bool sri) {
  uint64_t ones = lane_ones(esz);
  uint64_t mask = sri ? (right >= 64 ? 0 : ones >> right) : (ones << left) & ones;
  uint32_t sh = sri ? vop1(s, IR_VSHRU, esz, x, right) : vop1(s, IR_VSHL, esz, x, left);
  if (mask == 0 || mask == ones) /* SRI #L leaves d, SLI #0 is a move */
    return mask ? sh : d;
  return vop2(s, IR_VOR, 0, vop2(s, IR_VANDN, 0, d, vrep(s, esz, mask)), sh);
}

/* The result of opcode on Vn (and Vd), or 0 if not one of those here. */
static uint32_t vec_arith_shift_op(struct a64_ctx *s, struct vec o, unsigned opcode, unsigned esz,
                                   unsigned imm) {
  unsigned left = imm - (8u << esz), right = (16u << esz) - imm;
  if (opcode == 0x04)
    return vec_rshr(s, o.u, esz, a64_vget(s, o.rn), right);
  if (opcode == 0x06)
    return vop2(s, IR_VADD, esz, a64_vget(s, o.rd),
                vec_rshr(s, o.u, esz, a64_vget(s, o.rn), right));
  if (o.u && (opcode == 0x08 || opcode == 0x0a))
    return vec_insert_shift(s, esz, a64_vget(s, o.rn), a64_vget(s, o.rd), right, left,
                            opcode == 0x08);
  return 0;
}

bool trans_vec_arith_shift(struct a64_ctx *s, const struct arg_vshift *a) {
  struct vec o = {.q = a->q, .u = a->u, .rd = a->rd, .rn = a->rn};
  unsigned immh = a->immh;
  if (!immh)
    return false;
  unsigned esz = 31 - (unsigned)__builtin_clz(immh);
  if (esz == 3 && !o.q)
    return false;
  uint32_t r = vec_arith_shift_op(s, o, a->opcode, esz, a->shift_imm);
  if (r)
    a64_vput(s, o.rd, r, o.q);
  return r != 0;
}

bool trans_vec_arith_shift_scalar(struct a64_ctx *s, const struct arg_vshift *a) {
  struct vec o = {.q = a->q, .u = a->u, .rd = a->rd, .rn = a->rn};
  if (!(a->immh & 8))
    return false; /* only the D forms (immh = 1xxx) */
  uint32_t r = vec_arith_shift_op(s, o, a->opcode, 3, a->shift_imm);
  if (r)
    a64_vput(s, o.rd, r, 0);
  return r != 0;
}

/* ---- shift by register: three same opcode 01000 [SU]SHL, 01010 [SU]RSHL;
 * scalar (01 U 11110 ...) only with size 11 ----
 * Arm ARM C7.2 (SSHL, URSHL...): the shift is the signed low byte of each
 * lane of Vm; positive shifts left, negative right by -shift, rounded for
 * RSHL ((x + 2^(s-1)) >> s in a wider intermediate = (x >> s) + bit s-1 of
 * x). With lanes as unsigned amounts, a negative amount shifts left out to 0
 * and a positive one's negation shifts right out to 0 (or the sign, which the
 * mask of the negative lanes removes), so
 *   ushl(n, a) = vshlv(n, a) | vshruv(n, -a)
 *   sshl(n, a) = vshlv(n, a) | (vshrsv(n, -a) & (a < 0))
 * e.g. "ushl v0.4s, v1.4s, v2.4s" is vshl, vshrs, vsub, vshlv, vshruv, vor. */

/* The signed low byte of each lane of m. 64-bit lanes have no arithmetic
 * shift on x86: (b ^ 0x80) - 0x80 extends the byte instead. */
static uint32_t vec_shift_amount(struct a64_ctx *s, unsigned esz, uint32_t m) {
  unsigned k = (8u << esz) - 8;
  if (esz == 0)
    return m;
  if (esz < 3)
    return vop1(s, IR_VSHRS, esz, vop1(s, IR_VSHL, esz, m, k), k);
  uint32_t sign = vrep(s, 3, 0x80), low = vop2(s, IR_VAND, 0, m, vrep(s, 3, 0xff));
  return vop2(s, IR_VSUB, 3, vop2(s, IR_VXOR, 0, low, sign), sign);
}

static uint32_t vec_shift_reg(struct a64_ctx *s, bool u, bool round, unsigned esz, uint32_t n,
                              uint32_t m) {
  enum ir_op shr = u ? IR_VSHRUV : IR_VSHRSV;
  uint32_t amount = vec_shift_amount(s, esz, m);
  uint32_t neg = vop2(s, IR_VSUB, esz, vzero(s), amount);
  uint32_t right = vop2(s, shr, esz, n, neg);
  if (round) {
    uint32_t below = vop2(s, shr, esz, n, vop2(s, IR_VSUB, esz, neg, vrep(s, esz, 1)));
    right = vop2(s, IR_VADD, esz, right, vop2(s, IR_VAND, 0, below, vrep(s, esz, 1)));
  }
  if (!u)
    right = vop2(s, IR_VAND, 0, right, vop2(s, IR_VCMPGTS, esz, vzero(s), amount));
  return vop2(s, IR_VOR, 0, vop2(s, IR_VSHLV, esz, n, amount), right);
}

static bool vec_is_shift_reg(unsigned opcode) {
  return opcode == 0x08 || opcode == 0x0a;
}

bool trans_vec_shift_reg(struct a64_ctx *s, const struct arg_vec3 *a) {
  struct vec o = vec_of3(a);
  if (!vec_is_shift_reg(a->opcode) || (o.esz == 3 && !o.q))
    return false;
  uint32_t r =
      vec_shift_reg(s, o.u, a->opcode >> 1 & 1, o.esz, a64_vget(s, o.rn), a64_vget(s, o.rm));
  a64_vput(s, o.rd, r, o.q);
  return true;
}

bool trans_vec_shift_reg_scalar(struct a64_ctx *s, const struct arg_vec3 *a) {
  struct vec o = vec_of3(a);
  if (!vec_is_shift_reg(a->opcode) || o.esz != 3)
    return false;
  uint32_t r = vec_shift_reg(s, o.u, a->opcode >> 1 & 1, 3, a64_vget(s, o.rn), a64_vget(s, o.rm));
  a64_vput(s, o.rd, r, 0);
  return true;
}
