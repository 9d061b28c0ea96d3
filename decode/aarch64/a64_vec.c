/* a64_vec.c - A64 Advanced SIMD as native vector IR (IR_V128 and the V* ops).
 *
 * a64.decode has these patterns before the a64_simd_patterns table: an instruction whose
 * trans_ returns true here is translated to vector IR that the backend lowers
 * to host vector code; one that declines (false, nothing emitted) falls
 * through to the C helper version in a64_simd*.c, which stays the reference
 * (tests/unit/a64_vec_test.c runs both and compares).
 *
 * Covered: logical (AND BIC ORR ORN EOR BSL BIT BIF NOT), ADD SUB MUL MLA MLS NEG ABS,
 * the integer compares (CMEQ CMTST CMGT CMGE CMHI CMHS and against zero),
 * [SU]MAX [SU]MIN, pairwise [SU]MAXP [SU]MINP ADDP, across lanes [SU]MAXV
 * [SU]MINV ADDV [SU]ADDLV, MOVI MVNI ORR/BIC (immediate), DUP INS UMOV SMOV,
 * SHL [SU]SHR [SU]SRA (R)SHRN [SU]SHLL XTN, UZP ZIP TRN EXT REV16 REV32
 * REV64, TBL TBX (1-4 table registers), CNT, the three-different [SU]ADDL
 * [SU]ADDW [SU]SUBL [SU]SUBW [SU]ABDL [SU]ABAL (R)ADDHN (R)SUBHN and [SU]MULL
 * [SU]MLAL [SU]MLSL (all with their "2" forms), the scalar (d register) ADD SUB, compares, NEG,
 * SHL [SU]SHR [SU]SRA and ADDP, and FMOV between general and vector
 * registers. Lane order: element i of log2 size esz is lane i. A 64-bit
 * (Q=0 or scalar) result clears the high half (VZEXT64).
 */
#include "a64_vec.h"
#include "a64_helpers.h"

/* ---- three same: 0 Q U 01110 size 1 Rm opcode(5) 1 Rn Rd ---- */

/* U:size: AND BIC ORR ORN EOR BSL BIT BIF (the same identities as a64_simd.c) */
static uint32_t vec_logic(struct a64_ctx *s, unsigned op, uint32_t d, uint32_t n, uint32_t m) {
  switch (op) {
  case 0: return vop2(s, IR_VAND, 0, n, m);
  case 1: return vop2(s, IR_VANDN, 0, n, m);
  case 2: return vop2(s, IR_VOR, 0, n, m);
  case 3: return vop2(s, IR_VOR, 0, n, vnot(s, m));
  case 4: return vop2(s, IR_VXOR, 0, n, m);
  case 5: /* BSL: m ^ ((m ^ n) & d) */
    return vop2(s, IR_VXOR, 0, m, vop2(s, IR_VAND, 0, vop2(s, IR_VXOR, 0, m, n), d));
  case 6: /* BIT: d ^ ((d ^ n) & m) */
    return vop2(s, IR_VXOR, 0, d, vop2(s, IR_VAND, 0, vop2(s, IR_VXOR, 0, d, n), m));
  default: /* BIF: d ^ ((d ^ n) & ~m) */
    return vop2(s, IR_VXOR, 0, d, vop2(s, IR_VANDN, 0, vop2(s, IR_VXOR, 0, d, n), m));
  }
}

/* Element-wise U:opcode on n, m; 0 when not handled here. */
static uint32_t vec_same_op(struct a64_ctx *s, unsigned key, unsigned z, uint32_t n, uint32_t m) {
  switch (key) {
  case 0x06: return vop2(s, IR_VCMPGTS, z, n, m);          /* CMGT */
  case 0x26: return vop2(s, IR_VCMPGTU, z, n, m);          /* CMHI */
  case 0x07: return vnot(s, vop2(s, IR_VCMPGTS, z, m, n)); /* CMGE */
  case 0x27: return vnot(s, vop2(s, IR_VCMPGTU, z, m, n)); /* CMHS */
  case 0x0c:
  case 0x14: return vop2(s, IR_VMAXS, z, n, m); /* SMAX, SMAXP */
  case 0x2c:
  case 0x34: return vop2(s, IR_VMAXU, z, n, m); /* UMAX, UMAXP */
  case 0x0d:
  case 0x15: return vop2(s, IR_VMINS, z, n, m); /* SMIN, SMINP */
  case 0x2d:
  case 0x35: return vop2(s, IR_VMINU, z, n, m); /* UMIN, UMINP */
  case 0x10:
  case 0x17: return vop2(s, IR_VADD, z, n, m);   /* ADD, ADDP */
  case 0x30: return vop2(s, IR_VSUB, z, n, m);   /* SUB */
  case 0x31: return vop2(s, IR_VCMPEQ, z, n, m); /* CMEQ */
  case 0x11: /* CMTST */ return vnot(s, vop2(s, IR_VCMPEQ, z, vop2(s, IR_VAND, 0, n, m), vzero(s)));
  case 0x13: return vop2(s, IR_VMUL, z, n, m); /* MUL */
  default: return 0;
  }
}

/* Which U:opcode are handled, and whether size 3 is allowed (with Q = 1). */
static int vec_same_ok(unsigned key, unsigned esz, unsigned q) {
  switch (key) {
  case 0x06:
  case 0x26:
  case 0x07:
  case 0x27:
  case 0x10:
  case 0x30:
  case 0x31:
  case 0x11:
  case 0x17: return esz < 3 || q;
  case 0x0c:
  case 0x2c:
  case 0x0d:
  case 0x2d:
  case 0x14:
  case 0x34:
  case 0x15:
  case 0x35:
  case 0x12: /* MLA */
  case 0x32: /* MLS */
  case 0x13: return esz < 3;
  default: return 0;
  }
}

static bool vec_pairwise(unsigned key) {
  return key == 0x14 || key == 0x34 || key == 0x15 || key == 0x35 || key == 0x17;
}

bool trans_vec_3same(struct a64_ctx *s, const struct arg_vec3 *a) {
  struct vec o = vec_of3(a);
  unsigned opcode = a->opcode, key = o.u << 5 | opcode;
  uint32_t n, m, r;
  if (opcode == 3) {
    unsigned op = o.u << 2 | o.esz;
    n = a64_vget_q(s, o.rn, o.q), m = a64_vget_q(s, o.rm, o.q);
    a64_vput(s, o.rd, vec_logic(s, op, op >= 5 ? a64_vget_q(s, o.rd, o.q) : 0, n, m), o.q);
    return true;
  }
  if (!vec_same_ok(key, o.esz, o.q))
    return false;
  n = a64_vget_q(s, o.rn, o.q), m = a64_vget_q(s, o.rm, o.q);
  if (vec_pairwise(key)) { /* the pairs of m:n (n low), as even and odd lanes */
    if (!o.q)
      n = m = vop2(s, IR_VZIP1, 3, n, m);
    uint32_t even = vop2(s, IR_VUZP1, o.esz, n, m), odd = vop2(s, IR_VUZP2, o.esz, n, m);
    n = even, m = odd;
  }
  if ((key & 0x1f) == 0x12) { /* MLA, MLS: d +- n * m */
    uint32_t p = vop2(s, IR_VMUL, o.esz, n, m);
    r = vop2(s, o.u ? IR_VSUB : IR_VADD, o.esz, a64_vget_q(s, o.rd, o.q), p);
  } else {
    r = vec_same_op(s, key, o.esz, n, m);
  }
  a64_vput(s, o.rd, r, o.q);
  return true;
}

/* ---- scalar three same: 01 U 11110 size 1 Rm opcode(5) 1 Rn Rd ----
 * ADD SUB and the compares on one 64-bit lane (size 11): "add d0, d1, d2". */
bool trans_vec_3same_scalar(struct a64_ctx *s, const struct arg_vec3 *a) {
  struct vec o = vec_of3(a);
  unsigned key = o.u << 5 | a->opcode;
  if (o.esz != 3 || !vec_same_ok(key, 3, 1) || key == 0x17)
    return false;
  a64_vput(s, o.rd, vec_same_op(s, key, 3, a64_vget_q(s, o.rn, 0), a64_vget_q(s, o.rm, 0)), 0);
  return true;
}

/* ---- scalar pairwise: 01 U 11110 size 11000 opcode(5) 10 Rn Rd ----
 * only ADDP (U=0 size=11 opcode=11011): d0 = v1.d[0] + v1.d[1] */
bool trans_vec_addp_scalar(struct a64_ctx *s, const struct arg_vec2 *a) {
  struct vec o = vec_of2(a);
  if (o.u || o.esz != 3 || a->opcode != 0x1b)
    return false;
  uint32_t n = a64_vget(s, o.rn);
  a64_vput(s, o.rd, vop2(s, IR_VADD, 3, n, vop2(s, IR_VZIP2, 3, n, n)), 0);
  return true;
}

/* ---- three different: 0 Q U 01110 size 1 Rm opcode(4) 00 Rn Rd ----
 * 0000 [SU]ADDL 0001 [SU]ADDW 0010 [SU]SUBL 0011 [SU]SUBW 0100 (R)ADDHN
 * 0101 [SU]ABAL 0110 (R)SUBHN 0111 [SU]ABDL 1000 [SU]MLAL 1010 [SU]MLSL
 * 1100 [SU]MULL. The narrow operands are the half of Vn, Vm that Q picks;
 * the wide result is 2L-bit lanes (esz + 1), all 128 bits of Vd. */

static uint32_t vec_widen(struct a64_ctx *s, struct vec o, uint32_t narrow) {
  return vop1(s, o.u ? IR_VWIDENU : IR_VWIDENS, o.esz + 1, narrow, 0);
}

/* (R)ADDHN, (R)SUBHN: the high halves of the wide sums or differences,
 * rounded (U) by adding half an L-bit unit first. */
static bool vec_hn(struct a64_ctx *s, struct vec o, bool sub) {
  unsigned bits = 8u << o.esz;
  uint32_t r = vop2(s, sub ? IR_VSUB : IR_VADD, o.esz + 1, a64_vget(s, o.rn), a64_vget(s, o.rm));
  if (o.u) {
    uint64_t half = vec_rep(o.esz + 1, 1ull << (bits - 1));
    r = vop2(s, IR_VADD, o.esz + 1, r, ir_vconst(s->b, half, half));
  }
  vput_narrow(s, o.rd, o.esz, vop1(s, IR_VSHRU, o.esz + 1, r, bits), o.q);
  return true;
}

/* [SU]ABDL: |n - m| is max - min at the narrow size, which fits unsigned. */
static uint32_t vec_abdl(struct a64_ctx *s, struct vec o, uint32_t n, uint32_t m) {
  uint32_t hi = vop2(s, o.u ? IR_VMAXU : IR_VMAXS, o.esz, n, m);
  uint32_t lo = vop2(s, o.u ? IR_VMINU : IR_VMINS, o.esz, n, m);
  return vop1(s, IR_VWIDENU, o.esz + 1, vop2(s, IR_VSUB, o.esz, hi, lo), 0);
}

/* The full products of the narrow lanes of n and m: 8- and 16-bit lanes
 * widened and multiplied; 32-bit ones zipped into the even lanes, where
 * VMULL[US] multiplies them into 64 bits. */
static uint32_t vec_mul_long(struct a64_ctx *s, struct vec o, uint32_t n, uint32_t m) {
  if (o.esz < 2)
    return vop2(s, IR_VMUL, o.esz + 1, vec_widen(s, o, n), vec_widen(s, o, m));
  return vop2(s, o.u ? IR_VMULLU : IR_VMULLS, 3, vop2(s, IR_VZIP1, 2, n, n),
              vop2(s, IR_VZIP1, 2, m, m));
}

/* The wide result of the long and wide forms; opcode 0-3, 5, 7, 8, 10, 12. */
static uint32_t vec_long_op(struct a64_ctx *s, struct vec o, unsigned opcode) {
  unsigned w = o.esz + 1;
  uint32_t m = vget_half(s, o.rm, o.q), n;
  if (opcode == 1 || opcode == 3) /* the W forms: Vn is already wide */
    return vop2(s, opcode == 1 ? IR_VADD : IR_VSUB, w, a64_vget(s, o.rn), vec_widen(s, o, m));
  n = vget_half(s, o.rn, o.q);
  if (opcode == 5 || opcode == 7) { /* [SU]ABAL, [SU]ABDL */
    uint32_t r = vec_abdl(s, o, n, m);
    return opcode == 5 ? vop2(s, IR_VADD, w, a64_vget(s, o.rd), r) : r;
  }
  if (opcode >= 8) { /* [SU]MLAL, [SU]MLSL, [SU]MULL */
    uint32_t p = vec_mul_long(s, o, n, m);
    return opcode == 12 ? p : vop2(s, opcode == 8 ? IR_VADD : IR_VSUB, w, a64_vget(s, o.rd), p);
  }
  return vop2(s, opcode ? IR_VSUB : IR_VADD, w, vec_widen(s, o, n), vec_widen(s, o, m));
}

bool trans_vec_3diff(struct a64_ctx *s, const struct arg_vec3diff *a) {
  struct vec o = vec_of3diff(a);
  unsigned opcode = a->opcode;
  if (o.esz == 3)
    return false;
  if (opcode == 4 || opcode == 6)
    return vec_hn(s, o, opcode == 6);
  if (opcode == 9 || opcode == 11 || opcode > 12)
    return false; /* SQDML[AS]L, SQDMULL, PMULL: the helper */
  a64_vput(s, o.rd, vec_long_op(s, o, opcode), 1);
  return true;
}

/* ---- two-register misc: 0 Q U 01110 size 10000 opcode(5) 10 Rn Rd ---- */

static uint32_t vec_misc_op(struct a64_ctx *s, unsigned key, unsigned z, uint32_t n) {
  uint32_t zero = vzero(s);
  switch (key) {
  case 0x08: return vop2(s, IR_VCMPGTS, z, n, zero);                       /* CMGT #0 */
  case 0x28: return vnot(s, vop2(s, IR_VCMPGTS, z, zero, n));              /* CMGE #0 */
  case 0x09: return vop2(s, IR_VCMPEQ, z, n, zero);                        /* CMEQ #0 */
  case 0x29: return vnot(s, vop2(s, IR_VCMPGTS, z, n, zero));              /* CMLE #0 */
  case 0x0a: return vop2(s, IR_VCMPGTS, z, zero, n);                       /* CMLT #0 */
  case 0x2b: return vop2(s, IR_VSUB, z, zero, n);                          /* NEG */
  case 0x0b: return vop2(s, IR_VMAXS, z, n, vop2(s, IR_VSUB, z, zero, n)); /* ABS */
  case 0x25: return vnot(s, n);                                            /* NOT */
  case 0x05: return vop1(s, IR_VCNT, 0, n, 0);                             /* CNT */
  default: return 0;
  }
}

/* Which U:opcode vec_misc_op handles at lane size esz. */
static bool vec_misc_ok(unsigned key, unsigned esz) {
  switch (key) {
  case 0x08:
  case 0x28:
  case 0x09:
  case 0x29:
  case 0x0a:
  case 0x2b: return true;
  case 0x0b: return esz < 3; /* ABS of 64-bit lanes: no native max; the helper is as good */
  case 0x25:
  case 0x05: return esz == 0;
  default: return false;
  }
}

/* REV64 (key 0x00), REV32 (0x20), REV16 (0x01): reverse the lanes of esz in
 * each container by swapping its halves, then the halves' halves, down to
 * lanes of esz; each swap is a rotation of a lane by half its width. */
static bool vec_rev(struct a64_ctx *s, struct vec o, unsigned key) {
  unsigned c = key == 0x00 ? 3 : key == 0x20 ? 2 : 1;
  if (o.esz >= c)
    return false;
  uint32_t x = a64_vget_q(s, o.rn, o.q);
  for (unsigned k = c; k > o.esz; k--)
    x = vop2(s, IR_VOR, 0, vop1(s, IR_VSHL, k, x, 4u << k), vop1(s, IR_VSHRU, k, x, 4u << k));
  a64_vput(s, o.rd, x, o.q);
  return true;
}

bool trans_vec_2misc(struct a64_ctx *s, const struct arg_vec2 *a) {
  struct vec o = vec_of2(a);
  unsigned key = o.u << 5 | a->opcode;
  if (key == 0x12) { /* XTN, XTN2 */
    if (o.esz == 3)
      return false;
    vput_narrow(s, o.rd, o.esz, a64_vget(s, o.rn), o.q);
    return true;
  }
  if (key == 0x00 || key == 0x20 || key == 0x01)
    return vec_rev(s, o, key);
  if (!vec_misc_ok(key, o.esz) || (o.esz == 3 && !o.q))
    return false;
  a64_vput(s, o.rd, vec_misc_op(s, key, o.esz, a64_vget_q(s, o.rn, o.q)), o.q);
  return true;
}

/* ---- scalar two-register misc: 01 U 11110 size 10000 opcode(5) 10 Rn Rd ----
 * the compares against zero and NEG on one 64-bit lane: "cmeq d0, d1, #0" */
bool trans_vec_2misc_scalar(struct a64_ctx *s, const struct arg_vec2 *a) {
  struct vec o = vec_of2(a);
  unsigned key = o.u << 5 | a->opcode;
  if (o.esz != 3 || !vec_misc_ok(key, 3))
    return false;
  a64_vput(s, o.rd, vec_misc_op(s, key, 3, a64_vget_q(s, o.rn, 0)), 0);
  return true;
}

/* ---- across lanes: 0 Q U 01110 size 11000 opcode(5) 10 Rn Rd ----
 * [SU]MAXV 01010, [SU]MINV 11010, ADDV 11011 (U=0), [SU]ADDLV 00011. */

/* Vd = the reduction by op of the lanes of esz in the low bytes of x, by
 * halving rotations: lane 0 ends up with the reduction of every lane. */
static void vec_reduce(struct a64_ctx *s, unsigned rd, enum ir_op op, unsigned esz, uint32_t x,
                       unsigned bytes) {
  for (unsigned step = bytes / 2; step >= 1u << esz; step /= 2)
    x = vop2(s, op, esz, x, ir_vop(s->b, IR_VEXT, IR_V128, 0, x, x, step));
  uint32_t lane = ir_vop(s->b, IR_VEXTRACT, IR_I64, esz, x, 0, 0);
  a64_vput(s, rd, ir_vop(s->b, IR_VZEXT64, IR_V128, 0, lane, 0, 0), 1);
}

/* [SU]ADDLV: the lanes widened (the high half too when Q) and added; the
 * sum of 16 lanes fits in the wide lane. */
static bool vec_addlv(struct a64_ctx *s, struct vec o) {
  uint32_t x = a64_vget(s, o.rn), w = vec_widen(s, o, x);
  if (o.q)
    w = vop2(s, IR_VADD, o.esz + 1, w, vec_widen(s, o, vop2(s, IR_VZIP2, 3, x, x)));
  vec_reduce(s, o.rd, IR_VADD, o.esz + 1, w, 16);
  return true;
}

bool trans_vec_across(struct a64_ctx *s, const struct arg_vec2 *a) {
  static const enum ir_op ops[2][3] = {{IR_VMAXS, IR_VMINS, IR_VADD},
                                       {IR_VMAXU, IR_VMINU, IR_VADD}};
  struct vec o = vec_of2(a);
  unsigned opcode = a->opcode, k;
  if (o.esz == 3 || (o.esz == 2 && !o.q))
    return false;
  if (opcode == 0x03)
    return vec_addlv(s, o);
  if (opcode == 0x0a)
    k = 0;
  else if (opcode == 0x1a)
    k = 1;
  else if (opcode == 0x1b && !o.u)
    k = 2;
  else
    return false;
  vec_reduce(s, o.rd, ops[o.u][k], o.esz, a64_vget(s, o.rn), o.q ? 16 : 8);
  return true;
}

/* ---- copy: 0 Q op 01110000 imm5 0 imm4 1 Rn Rd ---- */

static unsigned imm5_esz(unsigned imm5) {
  return imm5 ? (unsigned)__builtin_ctz(imm5) : 4;
}

/* UMOV/SMOV: element imm5 >> (esz + 1) to Wd/Xd, sign-extended to 32 or 64 bits. */
static bool vec_mov_to_general(struct a64_ctx *s, const struct arg_vec_copy *a, unsigned esz,
                               bool sign) {
  unsigned q = a->q, index = a->imm5 >> (esz + 1);
  uint32_t v = ir_vop(s->b, IR_VEXTRACT, IR_I64, esz, a64_vget(s, a->rn), 0, index);
  if (sign)
    v = ir_ext(s->b, IR_SEXT, IR_I64, v, 8u << esz);
  if (sign && !q)
    v = ir_ext(s->b, IR_ZEXT, IR_I64, v, 32);
  a64_wr(s, a->rd, 1, false, v);
  return true;
}

bool trans_vec_copy(struct a64_ctx *s, const struct arg_vec_copy *a) {
  struct vec o = {.q = a->q, .u = a->u, .rd = a->rd, .rn = a->rn};
  unsigned imm4 = a->imm4, esz = imm5_esz(a->imm5);
  unsigned index = a->imm5 >> (esz + 1);
  if (esz > 3)
    return false;
  if (o.u) { /* INS (element): Vd[index] = Vn[imm4 >> esz] */
    if (!o.q)
      return false;
    uint32_t e = ir_vop(s->b, IR_VEXTRACT, IR_I64, esz, a64_vget(s, o.rn), 0, imm4 >> esz);
    a64_vput(s, o.rd, ir_vop(s->b, IR_VINSERT, IR_V128, esz, a64_vget(s, o.rd), e, index), 1);
    return true;
  }
  switch (imm4) {
  case 0: /* DUP (element) */
    if (esz == 3 && !o.q)
      return false;
    a64_vput(s, o.rd,
             vop1(s, IR_VDUP, esz,
                  ir_vop(s->b, IR_VEXTRACT, IR_I64, esz, a64_vget(s, o.rn), 0, index), 0),
             o.q);
    return true;
  case 1: /* DUP (general) */
    if (esz == 3 && !o.q)
      return false;
    a64_vput(s, o.rd, vop1(s, IR_VDUP, esz, a64_rd(s, o.rn, 1, false), 0), o.q);
    return true;
  case 3: /* INS (general) */
    if (!o.q)
      return false;
    a64_vput(
        s, o.rd,
        ir_vop(s->b, IR_VINSERT, IR_V128, esz, a64_vget(s, o.rd), a64_rd(s, o.rn, 1, false), index),
        1);
    return true;
  case 5: return esz < 2 + o.q && vec_mov_to_general(s, a, esz, true);
  case 7: return (o.q ? esz == 3 : esz < 3) && vec_mov_to_general(s, a, esz, false);
  default: return false;
  }
}

/* ---- modified immediate: 0 Q op 0111100000 abc cmode o2 1 defgh Rd ---- */

/* AdvSIMDExpandImm (Arm ARM J1.3.3) for the integer cmodes (not 1111). */
static uint64_t vec_expand_imm(unsigned op, unsigned cmode, uint64_t imm8) {
  unsigned shift = 8 * ((cmode >> 1) & 3);
  switch (cmode >> 1) {
  case 0:
  case 1:
  case 2:
  case 3: return (imm8 << shift) * 0x0000000100000001ull;
  case 4:
  case 5: return (imm8 << (8 * ((cmode >> 1) & 1))) * 0x0001000100010001ull;
  case 6: { /* MSL: shifted ones */
    unsigned sh = cmode & 1 ? 16 : 8;
    return ((imm8 << sh) | ((1ull << sh) - 1)) * 0x0000000100000001ull;
  }
  default: break;
  }
  if (!op)
    return imm8 * 0x0101010101010101ull;
  uint64_t r = 0; /* op=1 cmode=1110: each bit of imm8 a byte of ones */
  for (unsigned i = 0; i < 8; i++)
    if (imm8 >> i & 1)
      r |= 0xffull << (8 * i);
  return r;
}

bool trans_vec_modimm(struct a64_ctx *s, const struct arg_vec_modimm *a) {
  unsigned q = a->q, op = a->op, cmode = a->cmode, rd = a->rd;
  if (a->o2 || cmode == 15)
    return false; /* FMOV (vector, immediate) stays with the helper table */
  uint64_t imm = vec_expand_imm(op, cmode, (uint64_t)a->modimm_imm8);
  bool orr_bic = cmode < 12 && (cmode & 1);
  if (op && cmode != 14)
    imm = ~imm; /* MVNI, and BIC ands with the complement */
  uint32_t c = ir_vconst(s->b, imm, imm);
  if (orr_bic)
    c = vop2(s, op ? IR_VAND : IR_VOR, 0, a64_vget(s, rd), c);
  a64_vput(s, rd, c, q);
  return true;
}

/* ---- shift by immediate: 0 Q U 011110 immh immb opcode(5) 1 Rn Rd ---- */

static bool vec_shll(struct a64_ctx *s, struct vec o, unsigned esz, unsigned left) {
  uint32_t n = a64_vget_q(s, o.rn, o.q);
  if (o.q) /* the "2" form widens the high half */
    n = vop2(s, IR_VZIP2, 3, n, n);
  uint32_t r = vop1(s, o.u ? IR_VWIDENU : IR_VWIDENS, esz + 1, n, 0);
  if (left)
    r = vop1(s, IR_VSHL, esz + 1, r, left);
  a64_vput(s, o.rd, r, 1);
  return true;
}

/* SHRN, RSHRN (and the "2" forms): a carry out of the wide lane in the
 * rounding add is shifted out of the narrow result anyway (right <= L). */
static bool vec_shrn(struct a64_ctx *s, struct vec o, unsigned esz, unsigned right, bool round) {
  uint32_t r = a64_vget(s, o.rn);
  if (round) {
    uint64_t half = vec_rep(esz + 1, 1ull << (right - 1));
    r = vop2(s, IR_VADD, esz + 1, r, ir_vconst(s->b, half, half));
  }
  vput_narrow(s, o.rd, esz, vop1(s, IR_VSHRU, esz + 1, r, right), o.q);
  return true;
}

/* SHL (opcode 01010, U=0), [SU]SHR (00000), [SU]SRA (00010) on lanes of esz;
 * 0 when not one of those. */
static uint32_t vec_shift_op(struct a64_ctx *s, struct vec o, unsigned opcode, unsigned esz,
                             unsigned imm) {
  unsigned left = imm - (8u << esz), right = (16u << esz) - imm;
  uint32_t n, r;
  if (opcode == 0x0a && !o.u)
    return vop1(s, IR_VSHL, esz, a64_vget_q(s, o.rn, o.q), left);
  if (opcode != 0x00 && opcode != 0x02)
    return 0;
  n = a64_vget_q(s, o.rn, o.q);
  r = vop1(s, o.u ? IR_VSHRU : IR_VSHRS, esz, n, right);
  return opcode == 0x02 ? vop2(s, IR_VADD, esz, a64_vget_q(s, o.rd, o.q), r) : r;
}

bool trans_vec_shift(struct a64_ctx *s, const struct arg_vshift *a) {
  struct vec o = {.q = a->q, .u = a->u, .rd = a->rd, .rn = a->rn};
  unsigned immh = a->immh, imm = a->shift_imm, opcode = a->opcode;
  if (!immh)
    return false;
  unsigned esz = 31 - (unsigned)__builtin_clz(immh);
  if (opcode == 0x14)
    return esz < 3 && vec_shll(s, o, esz, imm - (8u << esz));
  if ((opcode == 0x10 || opcode == 0x11) && !o.u)
    return esz < 3 && vec_shrn(s, o, esz, (16u << esz) - imm, opcode == 0x11);
  if (esz == 3 && !o.q)
    return false;
  uint32_t r = vec_shift_op(s, o, opcode, esz, imm);
  if (r)
    a64_vput(s, o.rd, r, o.q);
  return r != 0;
}

/* ---- scalar shift by immediate: 01 U 111110 immh immb opcode(5) 1 Rn Rd ----
 * SHL [SU]SHR [SU]SRA on one 64-bit lane (immh = 1xxx): "ushr d0, d1, #3" */
bool trans_vec_shift_scalar(struct a64_ctx *s, const struct arg_vshift *a) {
  struct vec o = {.q = a->q, .u = a->u, .rd = a->rd, .rn = a->rn};
  if (!(a->immh & 8))
    return false;
  uint32_t r = vec_shift_op(s, o, a->opcode, 3, a->shift_imm);
  if (r)
    a64_vput(s, o.rd, r, 0);
  return r != 0;
}

/* ---- permutes: 0 Q 001110 size 0 Rm 0 opcode(3) 10 Rn Rd, EXT ---- */

/* TRN1 (TRN2): r[2i] = n[2i], r[2i+1] = m[2i] (n[2i+1], m[2i+1]). A pair of
 * lanes is one lane of twice the width: keep n's low (high) half and shift
 * m's in (keep m's high half, shift n's down). */
static uint32_t vec_trn(struct a64_ctx *s, unsigned esz, bool odd, uint32_t n, uint32_t m) {
  unsigned bits = 8u << esz;
  if (esz == 3)
    return vop2(s, odd ? IR_VZIP2 : IR_VZIP1, 3, n, m);
  uint64_t lo = vec_rep(esz + 1, (1ull << bits) - 1);
  uint32_t mask = ir_vconst(s->b, lo, lo);
  if (odd)
    return vop2(s, IR_VOR, 0, vop1(s, IR_VSHRU, esz + 1, n, bits), vop2(s, IR_VANDN, 0, m, mask));
  return vop2(s, IR_VOR, 0, vop2(s, IR_VAND, 0, n, mask), vop1(s, IR_VSHL, esz + 1, m, bits));
}

bool trans_vec_perm(struct a64_ctx *s, const struct arg_vec_perm *a) {
  static const enum ir_op ops[8] = {0, IR_VUZP1, 0, IR_VZIP1, 0, IR_VUZP2, 0, IR_VZIP2};
  struct vec o = {.q = a->q, .esz = a->size, .rd = a->rd, .rn = a->rn, .rm = a->rm};
  unsigned opcode = a->opcode;
  enum ir_op op = ops[opcode];
  if ((!op && opcode != 2 && opcode != 6) || (o.esz == 3 && !o.q))
    return false;
  uint32_t n = a64_vget(s, o.rn), m = a64_vget(s, o.rm);
  if (!op) { /* TRN1, TRN2 */
    a64_vput(s, o.rd, vec_trn(s, o.esz, opcode == 6, n, m), o.q);
    return true;
  }
  if (!o.q && op == IR_VZIP2) { /* the high half of the 64-bit zip1 */
    uint32_t t = vop2(s, IR_VZIP1, o.esz, n, m);
    a64_vput(s, o.rd, vop2(s, IR_VZIP2, 3, t, t), 0);
    return true;
  }
  if (!o.q && (op == IR_VUZP1 || op == IR_VUZP2)) { /* the lanes of n.lo:m.lo */
    n = vop2(s, IR_VZIP1, 3, n, m);
    m = n;
  }
  a64_vput(s, o.rd, vop2(s, op, o.esz, n, m), o.q);
  return true;
}

/* EXT: 0 Q 101110 00 0 Rm 0 imm4 0 Rn Rd */
bool trans_vec_ext(struct a64_ctx *s, const struct arg_vec_ext *a) {
  struct vec o = {.q = a->q, .rd = a->rd, .rn = a->rn, .rm = a->rm};
  unsigned imm4 = a->imm4;
  if (!o.q && imm4 >= 8)
    return false;
  uint32_t n = a64_vget(s, o.rn), m = a64_vget(s, o.rm);
  if (!o.q) /* bytes of n.lo:m.lo */
    n = m = vop2(s, IR_VZIP1, 3, n, m);
  a64_vput(s, o.rd, ir_vop(s->b, IR_VEXT, IR_V128, 0, n, m, imm4), o.q);
  return true;
}

/* ---- TBL, TBX: 0 Q 001110 000 Rm 0 len op 00 Rn Rd ----
 * Byte i of Vm indexes the table Vn..Vn+len (mod 32): VTBL of each table
 * register by the indices less 16k (those wrap to >= 16 below the register,
 * which gives 0), ORed. TBX (op) keeps Vd's byte where the index is past the
 * table. */
bool trans_vec_tbl(struct a64_ctx *s, const struct arg_vec_tbl *a) {
  struct vec o = {.q = a->q, .rd = a->rd, .rn = a->rn, .rm = a->rm};
  unsigned n = a->len + 1;
  uint32_t idx = a64_vget(s, o.rm), r = 0;
  for (unsigned k = 0; k < n; k++) {
    uint64_t base = vec_rep(0, 16 * k);
    uint32_t i = k ? vop2(s, IR_VSUB, 0, idx, ir_vconst(s->b, base, base)) : idx;
    uint32_t t = vop2(s, IR_VTBL, 0, a64_vget(s, (o.rn + k) % 32), i);
    r = k ? vop2(s, IR_VOR, 0, r, t) : t;
  }
  if (a->op) {
    uint64_t last = vec_rep(0, 16 * n - 1);
    uint32_t past = vop2(s, IR_VCMPGTU, 0, idx, ir_vconst(s->b, last, last));
    r = vop2(s, IR_VOR, 0, r, vop2(s, IR_VAND, 0, a64_vget(s, o.rd), past));
  }
  a64_vput(s, o.rd, r, o.q);
  return true;
}

/* ---- FMOV (general): sf 0 0 11110 type 1 rmode opcode 000000 Rn Rd ----
 * 0x1e260000 fmov wd, sn   0x1e270000 fmov sd, wn
 * 0x9e660000 fmov xd, dn   0x9e670000 fmov dd, xn
 * 0x9eae0000 fmov xd, vn.d[1]   0x9eaf0000 fmov vd.d[1], xn
 * As 64-bit reads and writes of the vector register's halves, as FMOV
 * (scalar, register) is: compilers use s and d registers as spill slots
 * for integers, and a slot a loop only moves in and out that way is one
 * (offset, i64) a loop block carries in a host register (x64_loop.c);
 * opt_regcache still forwards a vector value to a read of its half. */
bool trans_vec_fmov(struct a64_ctx *s, const struct arg_vec_fmov *a) {
  unsigned rd = a->rd, rn = a->rn, sf = a->sf;
  struct ir_block *b = s->b;
  switch (sf << 7 | a->ftype << 5 | a->rmode << 3 | a->opcode) {
  case 0x06:   /* 0x1e260000 */
  case 0xa6:   /* 0x9e660000 */
  case 0xce: { /* 0x9eae0000 */
    uint32_t v = ir_get(b, IR_I64, a64_off_v(rn) + 8 * (a->rmode & 1));
    a64_wr(s, rd, sf, false, sf ? v : ir_unop(b, IR_TRUNC, IR_I32, v));
    return true;
  }
  case 0x07:   /* 0x1e270000 */
  case 0xa7: { /* 0x9e670000 */
    uint32_t x = a64_rd(s, rn, sf, false);
    if (!sf)
      x = ir_ext(b, IR_ZEXT, IR_I64, x, 32);
    ir_put(b, a64_off_v(rd), x);
    ir_put(b, a64_off_v(rd) + 8, ir_const(b, IR_I64, 0));
    return true;
  }
  case 0xcf: /* 0x9eaf0000 */ ir_put(b, a64_off_v(rd) + 8, a64_rd(s, rn, 1, false)); return true;
  default: return false;
  }
}

/* M 0 S 11110 ftype 1 0000 opc(2) 10000 Rn(5) Rd(5)   FMOV/FABS/FNEG (scalar, register),
 * opc 00/01/10. These never raise exceptions nor process NaNs (Arm ARM: FAbs, FNeg
 * are sign-bit operations), so they are integer operations on the low lane; the
 * rest of Vd is zeroed. Half precision (FEAT_FP16) is left to the helper. */
bool trans_vec_fp_mov1(struct a64_ctx *s, const struct arg_vec_fp_mov1 *a) {
  unsigned ftype = a->ftype, opc = a->opc, rn = a->rn, rd = a->rd;
  if (ftype > 1 || opc == 3)
    return false;
  uint64_t sign = ftype ? 1ull << 63 : 1ull << 31;
  struct ir_block *b = s->b;
  uint32_t x = ir_get(b, IR_I64, a64_off_v(rn));
  if (ftype == 0)
    x = ir_ext(b, IR_ZEXT, IR_I64, ir_unop(b, IR_TRUNC, IR_I32, x), 32);
  if (opc == 1)
    x = ir_binop(b, IR_AND, IR_I64, x, ir_const(b, IR_I64, ~sign));
  else if (opc == 2)
    x = ir_binop(b, IR_XOR, IR_I64, x, ir_const(b, IR_I64, sign));
  ir_put(b, a64_off_v(rd), x);
  ir_put(b, a64_off_v(rd) + 8, ir_const(b, IR_I64, 0));
  return true;
}
