/* a64_vec_sha.c - the A64 SHA-256, SHA-1 schedule and SHA-3 instructions as
 * vector IR (Arm ARM C7.2: SHA256H, SHA256H2, SHA256SU0, SHA256SU1, SHA1H,
 * SHA1SU0, SHA1SU1, EOR3, BCAX, XAR, RAX1). The IR's SHA-256 steps are
 * Intel's (ir_sha.c), which keep the state as {F,E,B,A} and {H,G,D,C} (lane 0
 * first) where Arm has {A,B,C,D}, {E,F,G,H}, and do two rounds where Arm does
 * four; the rest are compositions of lane ops:
 *
 *   SHA256H   Qd = ABCD of rounds(Qd, Qn, Vm)   (two VSHA256RND2)
 *   SHA256H2  Qd = EFGH of rounds(Qn, Qd, Vm)
 *   SHA256SU0 Vd = VSHA256MSG1(Vd, Vn)
 *   SHA256SU1 Vd = VSHA256MSG2(Vd + ext(Vn, Vm, #4), Vm)
 *   SHA1H     Sd = ror32(Sn, 2)
 *   SHA1SU0   Vd = ext(Vd, Vn, #8) ^ Vd ^ Vm
 *   SHA1SU1   Vd = rol32(t, 1) ^ {0, 0, 0, rol32(t[0], 2)}, t = Vd ^ ext(Vn, 0, #4)
 *   EOR3      Vd = Vn ^ Vm ^ Va        BCAX Vd = Vn ^ (Vm & ~Va)
 *   XAR       Vd = ror64(Vn ^ Vm, #imm6)   RAX1 Vd = Vn ^ rol64(Vm, 1)
 *   SHA512SU0 Vd = Vd + s0({Vd[1], Vn[0]})  SHA512SU1 Vd = Vd + s1(Vn) + Vm
 *   SHA512H, SHA512H2: two dependent rounds on the 64-bit lanes as scalar
 *             ops (FIPS 180-4 4.1.3), lane 1 first
 *
 * SHA1C, SHA1P and SHA1M stay helpers (a64_crypto.c); those of a64_crypto.c
 * and a64_ext_sha.c are also the reference these are tested against.
 */
#include "a64_vec.h"

/* The 64-bit lanes of x rotated right by n (0..63). */
static uint32_t vror64(struct a64_ctx *s, uint32_t x, unsigned n) {
  if (n == 0)
    return x;
  return vop2(s, IR_VOR, 0, vop1(s, IR_VSHRU, 3, x, n), vop1(s, IR_VSHL, 3, x, 64 - n));
}

/* The two 32-bit words of each 64-bit lane swapped: {w1, w0, w3, w2}. */
static uint32_t swap_words(struct a64_ctx *s, uint32_t x) {
  return vror64(s, x, 32);
}

/* Four rounds of SHA256H/H2 on Arm's abcd = {A,B,C,D}, efgh = {E,F,G,H} with
 * the words wk: two VSHA256RND2 on Intel's split of the state. Returns the
 * new ABCD (part1) or EFGH. */
static uint32_t sha256_rounds(struct a64_ctx *s, uint32_t abcd, uint32_t efgh, uint32_t wk,
                              bool part1) {
  uint32_t abef = swap_words(s, vop2(s, IR_VZIP1, 3, efgh, abcd)); /* {F,E,B,A} */
  uint32_t cdgh = swap_words(s, vop2(s, IR_VZIP2, 3, efgh, abcd)); /* {H,G,D,C} */
  uint32_t r1 = ir_vop3(s->b, IR_VSHA256RND2, 2, cdgh, abef, wk);
  uint32_t wk_hi = vop2(s, IR_VZIP2, 3, wk, wk); /* words 2, 3 moved down */
  uint32_t r2 = ir_vop3(s->b, IR_VSHA256RND2, 2, abef, r1, wk_hi);
  /* r2 = the new {F,E,B,A}, r1 = the new {H,G,D,C} */
  return swap_words(s, vop2(s, part1 ? IR_VZIP2 : IR_VZIP1, 3, r2, r1));
}

/* The 32-bit lanes of x rotated left by 1. */
static uint32_t vrol32_1(struct a64_ctx *s, uint32_t x) {
  return vop2(s, IR_VOR, 0, vop1(s, IR_VSHL, 2, x, 1), vop1(s, IR_VSHRU, 2, x, 31));
}

/* SHA1SU1: t = Vd ^ {n1, n2, n3, 0}; each word rol 1, word 3 also ^ rol(t0, 2),
 * that is rol 1 of the new word 0 moved up to lane 3. */
static uint32_t sha1su1(struct a64_ctx *s, uint32_t d, uint32_t n) {
  uint32_t t = vop2(s, IR_VXOR, 0, d, ir_vop(s->b, IR_VEXT, IR_V128, 0, n, vzero(s), 4));
  uint32_t r = vrol32_1(s, t);
  uint32_t w0_up = ir_vop(s->b, IR_VEXT, IR_V128, 0, vzero(s), r, 4); /* {0, 0, 0, r0} */
  return vop2(s, IR_VXOR, 0, r, vrol32_1(s, w0_up));
}

/* SHA1H Sd, Sn: Sd = ROL(Sn, 30), the rest of Vd zeroed. */
static void sha1h(struct a64_ctx *s, unsigned rd, uint32_t n) {
  uint32_t w = ir_vop(s->b, IR_VEXTRACT, IR_I32, 2, n, 0, 0);
  w = ir_binop(s->b, IR_ROR, IR_I32, w, ir_const(s->b, IR_I32, 2));
  w = ir_ext(s->b, IR_ZEXT, IR_I64, w, 32);
  a64_vput(s, rd, ir_vop(s->b, IR_VZEXT64, IR_V128, 0, w, 0, 0), 1);
}

/* 01011110 size(2) 0 Rm 0 opcode(3) 00 Rn Rd, size 00: opcode 011 SHA1SU0 Vd.4S, Vn.4S,
 * Vm.4S, 100 SHA256H Qd, Qn, Vm.4S, 101 SHA256H2, 110 SHA256SU1 Vd.4S, Vn.4S, Vm.4S.
 * SHA1C, SHA1P, SHA1M (000-010) stay helpers. */
bool trans_vec_sha_3reg(struct a64_ctx *s, const struct arg_vec_sha_3reg *a) {
  struct vec o = {.esz = a->size, .rd = a->rd, .rn = a->rn, .rm = a->rm};
  unsigned op = a->opcode;
  if (o.esz != 0 || op < 3 || op > 6)
    return false;
  uint32_t d = a64_vget(s, o.rd), n = a64_vget(s, o.rn), m = a64_vget(s, o.rm), r;
  if (op == 3) /* SHA1SU0: (Vn<63:0> : Vd<127:64>) ^ Vd ^ Vm */
    r = vop2(s, IR_VXOR, 0, ir_vop(s->b, IR_VEXT, IR_V128, 0, d, n, 8), vop2(s, IR_VXOR, 0, d, m));
  else if (op == 4)
    r = sha256_rounds(s, d, n, m, true);
  else if (op == 5)
    r = sha256_rounds(s, n, d, m, false);
  else /* W[t-16] + W[t-7], then the sigma1 terms */
    r = vop2(s, IR_VSHA256MSG2, 2,
             vop2(s, IR_VADD, 2, d, ir_vop(s->b, IR_VEXT, IR_V128, 0, n, m, 4)), m);
  a64_vput(s, o.rd, r, 1);
  return true;
}

/* 01011110 size(2) 10100 opcode(5) 10 Rn Rd, size 00: opcode 00000 SHA1H Sd, Sn,
 * 00001 SHA1SU1 Vd.4S, Vn.4S, 00010 SHA256SU0 Vd.4S, Vn.4S. */
bool trans_vec_sha_2reg(struct a64_ctx *s, const struct arg_vec_sha_2reg *a) {
  struct vec o = {.esz = a->size, .rd = a->rd, .rn = a->rn};
  unsigned op = a->opcode;
  if (o.esz != 0 || op > 2)
    return false;
  uint32_t d = a64_vget(s, o.rd), n = a64_vget(s, o.rn);
  if (op == 0)
    sha1h(s, o.rd, n);
  else
    a64_vput(s, o.rd, op == 1 ? sha1su1(s, d, n) : vop2(s, IR_VSHA256MSG1, 2, d, n), 1);
  return true;
}

/* 11001110 00 op 0 Rm 0 Ra Rn Rd: EOR3 Vd.16B, Vn.16B, Vm.16B, Va.16B (op 0), BCAX (op 1). */
bool trans_vec_eor3_bcax(struct a64_ctx *s, const struct arg_vec_eor3_bcax *a) {
  uint32_t n = a64_vget(s, a->rn), m = a64_vget(s, a->rm), acc = a64_vget(s, a->ra);
  uint32_t t = a->op ? vop2(s, IR_VANDN, 0, m, acc) : vop2(s, IR_VXOR, 0, m, acc);
  a64_vput(s, a->rd, vop2(s, IR_VXOR, 0, n, t), 1);
  return true;
}

/* 11001110 100 Rm imm6 Rn Rd: XAR Vd.2D, Vn.2D, Vm.2D, #imm6. */
bool trans_vec_xar(struct a64_ctx *s, const struct arg_vec_xar *a) {
  uint32_t x = vop2(s, IR_VXOR, 0, a64_vget(s, a->rn), a64_vget(s, a->rm));
  a64_vput(s, a->rd, vror64(s, x, a->imm6), 1);
  return true;
}

/* 11001110 011 Rm 1000 11 Rn Rd: RAX1 Vd.2D, Vn.2D, Vm.2D. */
bool trans_vec_rax1(struct a64_ctx *s, const struct arg_vec_rax1 *a) {
  uint32_t m = vror64(s, a64_vget(s, a->rm), 63);
  a64_vput(s, a->rd, vop2(s, IR_VXOR, 0, a64_vget(s, a->rn), m), 1);
  return true;
}

/* ---- SHA-512 ---- */

/* x ror a ^ x ror b ^ (x ror c, or x >> c when shr): the SHA-512 sigmas on the 64-bit lanes. */
static uint32_t vsigma512(struct a64_ctx *s, uint32_t x, unsigned a, unsigned b, unsigned c,
                          bool shr) {
  uint32_t t = vop2(s, IR_VXOR, 0, vror64(s, x, a), vror64(s, x, b));
  return vop2(s, IR_VXOR, 0, t, shr ? vop1(s, IR_VSHRU, 3, x, c) : vror64(s, x, c));
}

/* 11001110 110 00000 100000 Rn Rd: SHA512SU0 Vd.2D, Vn.2D. */
bool trans_vec_sha512su0(struct a64_ctx *s, const struct arg_vec_sha512su0 *a) {
  uint32_t w = a64_vget(s, a->rd);
  uint32_t t = ir_vop(s->b, IR_VEXT, IR_V128, 0, w, a64_vget(s, a->rn), 8); /* {W[1], X[0]} */
  a64_vput(s, a->rd, vop2(s, IR_VADD, 3, w, vsigma512(s, t, 1, 8, 7, true)), 1);
  return true;
}

static uint32_t lane64(struct a64_ctx *s, uint32_t v, unsigned i) {
  return ir_vop(s->b, IR_VEXTRACT, IR_I64, 3, v, 0, i);
}

static uint32_t op64(struct a64_ctx *s, enum ir_op op, uint32_t x, uint32_t y) {
  return ir_binop(s->b, op, IR_I64, x, y);
}

/* x ror a ^ x ror b ^ x ror c of one 64-bit word. */
static uint32_t sigma64(struct a64_ctx *s, uint32_t x, unsigned a, unsigned b, unsigned c) {
  uint32_t ra = op64(s, IR_ROR, x, ir_const(s->b, IR_I64, a));
  uint32_t rb = op64(s, IR_ROR, x, ir_const(s->b, IR_I64, b));
  uint32_t rc = op64(s, IR_ROR, x, ir_const(s->b, IR_I64, c));
  return op64(s, IR_XOR, op64(s, IR_XOR, ra, rb), rc);
}

/* Ch(e, f, g) = (e & f) ^ (~e & g) */
static uint32_t ch64(struct a64_ctx *s, uint32_t e, uint32_t f, uint32_t g) {
  uint32_t ne = ir_unop(s->b, IR_NOT, IR_I64, e);
  return op64(s, IR_XOR, op64(s, IR_AND, e, f), op64(s, IR_AND, ne, g));
}

/* Maj(a, b, c) = (a & b) ^ (a & c) ^ (b & c) */
static uint32_t maj64(struct a64_ctx *s, uint32_t a, uint32_t b, uint32_t c) {
  uint32_t t = op64(s, IR_XOR, op64(s, IR_AND, a, b), op64(s, IR_AND, a, c));
  return op64(s, IR_XOR, t, op64(s, IR_AND, b, c));
}

/* a + b + c */
static uint32_t add3(struct a64_ctx *s, uint32_t a, uint32_t b, uint32_t c) {
  return op64(s, IR_ADD, op64(s, IR_ADD, a, b), c);
}

/* SHA512H with X = Vn, Y = Vm, W = Vd (Arm ARM, SHA512H pseudocode). */
static void sha512h(struct a64_ctx *s, uint32_t x0, uint32_t x1, uint32_t y0, uint32_t y1,
                    uint32_t w0, uint32_t w1, uint32_t *r0, uint32_t *r1) {
  *r1 = add3(s, ch64(s, y1, x0, x1), sigma64(s, y1, 14, 18, 41), w1);
  uint32_t tmp = op64(s, IR_ADD, *r1, y0);
  *r0 = add3(s, ch64(s, tmp, y1, x0), sigma64(s, tmp, 14, 18, 41), w0);
}

/* SHA512H2 with X = Vn, Y = Vm, W = Vd. */
static void sha512h2(struct a64_ctx *s, uint32_t x0, uint32_t y0, uint32_t y1, uint32_t w0,
                     uint32_t w1, uint32_t *r0, uint32_t *r1) {
  *r1 = add3(s, maj64(s, x0, y1, y0), sigma64(s, y0, 28, 34, 39), w1);
  *r0 = add3(s, maj64(s, *r1, y0, y1), sigma64(s, *r1, 28, 34, 39), w0);
}

/* 11001110 011 Rm 1000 op(2) Rn Rd: SHA512H Qd, Qn, Vm.2D (op 0), SHA512H2 (1),
 * SHA512SU1 Vd.2D, Vn.2D, Vm.2D (2); RAX1 (3) is trans_vec_rax1's. */
bool trans_vec_sha512_3reg(struct a64_ctx *s, const struct arg_vec_sha512_3reg *a) {
  if (a->op == 3)
    return false;
  uint32_t d = a64_vget(s, a->rd), n = a64_vget(s, a->rn), m = a64_vget(s, a->rm), r0, r1;
  if (a->op == 2) { /* W + s1(X) + Y */
    uint32_t t = vop2(s, IR_VADD, 3, d, vsigma512(s, n, 19, 61, 6, true));
    a64_vput(s, a->rd, vop2(s, IR_VADD, 3, t, m), 1);
    return true;
  }
  uint32_t x0 = lane64(s, n, 0), y0 = lane64(s, m, 0), y1 = lane64(s, m, 1);
  uint32_t w0 = lane64(s, d, 0), w1 = lane64(s, d, 1);
  if (a->op == 0)
    sha512h(s, x0, lane64(s, n, 1), y0, y1, w0, w1, &r0, &r1);
  else
    sha512h2(s, x0, y0, y1, w0, w1, &r0, &r1);
  uint32_t lo = ir_vop(s->b, IR_VZEXT64, IR_V128, 0, r0, 0, 0);
  a64_vput(s, a->rd, ir_vop(s->b, IR_VINSERT, IR_V128, 3, lo, r1, 1), 1);
  return true;
}
