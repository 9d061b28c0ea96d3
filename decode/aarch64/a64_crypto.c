/* a64_crypto.c - the A64 Cryptographic Extension (Arm ARM C4.1.95: the
 * "Cryptographic AES", "three-register SHA" and "two-register SHA" classes):
 * AES rounds, SHA-1 and SHA-256 hash and schedule updates. Each is a C
 * helper that interprets the instruction on struct a64_cpu, written from the
 * Arm ARM's shared pseudocode (AESSubBytes, AESShiftRows, AESMixColumns,
 * SHA256hash, SHAchoose, SHAmajority, SHAparity).
 *
 * The AES helper is the reference for a64_vec_crypto.c, which translates the
 * AES instructions (and PMULL{2} Vd.1Q) to vector IR; the SHA-256 ones and
 * SHA1H, SHA1SU0, SHA1SU1 are that for a64_vec_sha.c. The decoder tries those
 * first. The SHA-256 helpers compute with the IR's own steps (ir/ir_sha.c).
 * The rest of the extension lives elsewhere: PMULL{2} of bytes in
 * a64_simd_int.c (three different), CRC32{C} in a64_dp_misc.c.
 */
#include <string.h>
#include "a64.h"
#include "a64_helpers.h"
#include "../../ir/ir_crypto.h"

static struct a64_cpu *a64(struct cpu *c) {
  return (struct a64_cpu *)c;
}

/* ---- AES (FIPS-197, Arm ARM shared/functions/crypto) ----
 * The state is a vector's 16 bytes, byte r + 4c holding row r of column c; the
 * round steps are the IR's own (ir/ir_aes.c). a64_vec_crypto.c translates
 * these to vector IR; this helper is the reference it is tested against. */

/* 01001110 size(2) 10100 opcode(5) 10 Rn Rd, size 00:
 * 00100 AESE  Vd = SubBytes(ShiftRows(Vd ^ Vn))
 * 00101 AESD  Vd = InvSubBytes(InvShiftRows(Vd ^ Vn))
 * 00110 AESMC Vd = MixColumns(Vn)
 * 00111 AESIMC Vd = InvMixColumns(Vn) */
static uint64_t h_aes(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  unsigned rd = a64_bits((uint32_t)insn, 0, 5), rn = a64_bits((uint32_t)insn, 5, 5);
  unsigned op = a64_bits((uint32_t)insn, 12, 5);
  static void (*const step[4])(uint8_t *) = {ir_aes_sub, ir_aes_isub, ir_aes_mix, ir_aes_imix};
  uint8_t x[16];
  (void)pc, (void)unused;
  memcpy(x, a64_vreg(a, rn), 16);
  for (unsigned i = 0; op < 6 && i < 16; i++)
    x[i] ^= a64_vreg(a, rd)[i];
  step[op - 4](x);
  a64_vset(a, rd, x, true);
  return 0;
}

bool trans_crypto_aes(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  unsigned op = a64_bits(insn, 12, 5);
  return a64_bits(insn, 22, 2) == 0 && op >= 4 && op <= 7 && a64_simd_call(s, h_aes);
}

/* ---- SHA-1 and SHA-256 (Arm ARM shared/functions/crypto) ----
 * A vector as four 32-bit words, w[0] the least significant. */

struct a64_words {
  uint32_t w[4];
};

static struct a64_words vwords(const struct a64_cpu *a, unsigned r) {
  struct a64_words v;
  memcpy(v.w, a64_vreg(a, r), 16);
  return v;
}

static void set_vwords(struct a64_cpu *a, unsigned r, struct a64_words v) {
  a64_vset(a, r, (const uint8_t *)v.w, true);
}

static uint32_t rol32(uint32_t x, unsigned n) {
  return x << n | x >> (32 - n);
}

static uint32_t sha_choose(uint32_t x, uint32_t y, uint32_t z) {
  return ((y ^ z) & x) ^ z;
}
static uint32_t sha_majority(uint32_t x, uint32_t y, uint32_t z) {
  return (x & y) | ((x | y) & z);
}
static uint32_t sha_parity(uint32_t x, uint32_t y, uint32_t z) {
  return x ^ y ^ z;
}

/* The word rotations <Y, X> = ROL(Y:X, 32) of the hash loops: shift v up by
 * one word, low entering at w[0]; returns the word shifted out of the top. */
static uint32_t shift_words(struct a64_words *v, uint32_t low) {
  uint32_t top = v->w[3];
  memmove(&v->w[1], &v->w[0], 3 * sizeof(uint32_t));
  v->w[0] = low;
  return top;
}

/* SHA1C (op 0, choose), SHA1P (1, parity), SHA1M (2, majority):
 * four rounds on X = Qd, Y = Sn with the words W = Vm. */
static struct a64_words sha1_hash(struct a64_words x, uint32_t y, struct a64_words w, unsigned op) {
  for (unsigned e = 0; e < 4; e++) {
    uint32_t t = op == 0   ? sha_choose(x.w[1], x.w[2], x.w[3])
                 : op == 1 ? sha_parity(x.w[1], x.w[2], x.w[3])
                           : sha_majority(x.w[1], x.w[2], x.w[3]);
    y += rol32(x.w[0], 5) + t + w.w[e];
    x.w[1] = rol32(x.w[1], 30);
    y = shift_words(&x, y);
  }
  return x;
}

/* SHA1SU0: (Vn<63:0> : Vd<127:64>) ^ Vd ^ Vm. */
static struct a64_words sha1su0(struct a64_words d, struct a64_words n, struct a64_words m) {
  struct a64_words r = {{d.w[2], d.w[3], n.w[0], n.w[1]}};
  for (unsigned e = 0; e < 4; e++)
    r.w[e] ^= d.w[e] ^ m.w[e];
  return r;
}

/* SHA1SU1: T = Vd ^ (Vn >> 32); each word ROL 1, the top one also ^ ROL(T<31:0>, 2). */
static struct a64_words sha1su1(struct a64_words d, struct a64_words n) {
  struct a64_words t = {{d.w[0] ^ n.w[1], d.w[1] ^ n.w[2], d.w[2] ^ n.w[3], d.w[3]}}, r;
  for (unsigned e = 0; e < 4; e++)
    r.w[e] = rol32(t.w[e], 1);
  r.w[3] ^= rol32(t.w[0], 2);
  return r;
}

/* SHA256hash(X, Y, W, part1): four rounds; X holds a..d, Y holds e..h. The
 * rounds are the IR's (ir_sha.c, Intel's SHA256RNDS2: two rounds on the state
 * split as {F,E,B,A}, {H,G,D,C}). */
static struct a64_words sha256_hash(struct a64_words x, struct a64_words y, struct a64_words w,
                                    bool part1) {
  uint32_t abef[4] = {y.w[1], y.w[0], x.w[1], x.w[0]};
  uint32_t cdgh[4] = {y.w[3], y.w[2], x.w[3], x.w[2]};
  uint32_t r1[4], r2[4], wk_hi[4] = {w.w[2], w.w[3]};
  ir_sha256_rnds2(r1, cdgh, abef, w.w); /* the new {H,G,D,C} after four */
  ir_sha256_rnds2(r2, abef, r1, wk_hi); /* the new {F,E,B,A} */
  struct a64_words abcd = {{r2[3], r2[2], r1[3], r1[2]}}, efgh = {{r2[1], r2[0], r1[1], r1[0]}};
  return part1 ? abcd : efgh;
}

/* SHA256SU0: T = Vn<31:0> : Vd<127:32>; Vd.w[e] += sigma0(T.w[e]): SHA256MSG1. */
static struct a64_words sha256su0(struct a64_words d, struct a64_words n) {
  struct a64_words r;
  ir_sha256_msg1(r.w, d.w, n.w);
  return r;
}

/* SHA256SU1: T0 = Vm<31:0> : Vn<127:32>; words 0, 1 from sigma1 of Vm's top
 * words, words 2, 3 from sigma1 of the new words 0, 1: SHA256MSG2(Vd + T0, Vm). */
static struct a64_words sha256su1(struct a64_words d, struct a64_words n, struct a64_words m) {
  uint32_t t0[4] = {n.w[1], n.w[2], n.w[3], m.w[0]};
  struct a64_words r;
  for (unsigned e = 0; e < 4; e++)
    d.w[e] += t0[e];
  ir_sha256_msg2(r.w, d.w, m.w);
  return r;
}

/* 01011110 size(2) 0 Rm 0 opcode(3) 00 Rn Rd, size 00:
 * 000 SHA1C Qd, Sn, Vm.4S  001 SHA1P  010 SHA1M  011 SHA1SU0 Vd.4S, Vn.4S, Vm.4S
 * 100 SHA256H Qd, Qn, Vm.4S  101 SHA256H2  110 SHA256SU1 Vd.4S, Vn.4S, Vm.4S */
static uint64_t h_sha3(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  struct a64_vop o = a64_vop_of(insn, 12, 3);
  struct a64_words d = vwords(a, o.rd), n = vwords(a, o.rn), m = vwords(a, o.rm), r;
  (void)pc, (void)unused;
  switch (o.opcode) {
  case 3: r = sha1su0(d, n, m); break;
  case 4: r = sha256_hash(d, n, m, true); break;
  case 5: r = sha256_hash(n, d, m, false); break;
  case 6: r = sha256su1(d, n, m); break;
  default: r = sha1_hash(d, n.w[0], m, o.opcode); break;
  }
  set_vwords(a, o.rd, r);
  return 0;
}

bool trans_crypto_sha3(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  return a64_bits(insn, 22, 2) == 0 && a64_bits(insn, 12, 3) != 7 && a64_simd_call(s, h_sha3);
}

/* 01011110 size(2) 10100 opcode(5) 10 Rn Rd, size 00:
 * 00000 SHA1H Sd, Sn (ROL 30)  00001 SHA1SU1 Vd.4S, Vn.4S  00010 SHA256SU0 Vd.4S, Vn.4S */
static uint64_t h_sha2(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  struct a64_vop o = a64_vop_of(insn, 12, 5);
  struct a64_words d = vwords(a, o.rd), n = vwords(a, o.rn);
  (void)pc, (void)unused;
  if (o.opcode == 0)
    a64_vset_scalar(a, o.rd, rol32(n.w[0], 30), 2);
  else
    set_vwords(a, o.rd, o.opcode == 1 ? sha1su1(d, n) : sha256su0(d, n));
  return 0;
}

bool trans_crypto_sha2(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  return a64_bits(insn, 22, 2) == 0 && a64_bits(insn, 12, 5) <= 2 && a64_simd_call(s, h_sha2);
}
