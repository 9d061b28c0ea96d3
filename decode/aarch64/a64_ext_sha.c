/* a64_ext_sha.c - FEAT_SHA512 and FEAT_SHA3 (Arm ARM C4.1.95, the
 * "Cryptographic three-register, imm2", "four-register", "two-register
 * SHA512" and "three-register SHA512" classes): the SHA-512 hash and
 * schedule updates SHA512H, SHA512H2, SHA512SU0, SHA512SU1, and the Keccak
 * helpers EOR3, BCAX, XAR, RAX1. Each is a C helper that interprets the
 * instruction on struct a64_cpu, written from the instruction pseudocode.
 * All of them are translated to IR by a64_vec_sha.c (these are what decode
 * takes when those patterns decline), which is tested against these helpers.
 * A vector is two 64-bit words, w[0] the low one.
 */
#include "a64_ext.h"
#include "a64_helpers.h"

static struct a64_cpu *a64(struct cpu *c) {
  return (struct a64_cpu *)c;
}

static uint64_t ror64(uint64_t x, unsigned n) {
  return n ? x >> n | x << (64 - n) : x;
}

struct a64_dwords {
  uint64_t w[2];
};

static struct a64_dwords vdwords(const struct a64_cpu *a, unsigned r) {
  struct a64_dwords v = {{a->v[r][0], a->v[r][1]}};
  return v;
}

static void set_vdwords(struct a64_cpu *a, unsigned r, struct a64_dwords v) {
  a->v[r][0] = v.w[0];
  a->v[r][1] = v.w[1];
}

/* ---- SHA-512 (FIPS 180-4 section 4.1.3) ---- */

static uint64_t sha512_sigma1(uint64_t x) { /* Sigma1 of the hash rounds */
  return ror64(x, 14) ^ ror64(x, 18) ^ ror64(x, 41);
}
static uint64_t sha512_sigma0(uint64_t x) { /* Sigma0 of the hash rounds */
  return ror64(x, 28) ^ ror64(x, 34) ^ ror64(x, 39);
}
static uint64_t sha512_s0(uint64_t x) { /* sigma0 of the message schedule */
  return ror64(x, 1) ^ ror64(x, 8) ^ x >> 7;
}
static uint64_t sha512_s1(uint64_t x) { /* sigma1 of the message schedule */
  return ror64(x, 19) ^ ror64(x, 61) ^ x >> 6;
}

/* SHA512H Qd, Qn, Vm.2D: the Sigma1/Ch half of two rounds.
 * X = Vn, Y = Vm, W = Vd. */
static struct a64_dwords sha512h(struct a64_dwords x, struct a64_dwords y, struct a64_dwords w) {
  struct a64_dwords r;
  r.w[1] = (y.w[1] & x.w[0]) ^ (~y.w[1] & x.w[1]);
  r.w[1] += sha512_sigma1(y.w[1]) + w.w[1];
  uint64_t tmp = r.w[1] + y.w[0];
  r.w[0] = (tmp & y.w[1]) ^ (~tmp & x.w[0]);
  r.w[0] += sha512_sigma1(tmp) + w.w[0];
  return r;
}

/* SHA512H2 Qd, Qn, Vm.2D: the Sigma0/Maj half. X = Vn, Y = Vm, W = Vd. */
static struct a64_dwords sha512h2(struct a64_dwords x, struct a64_dwords y, struct a64_dwords w) {
  struct a64_dwords r;
  r.w[1] = (x.w[0] & y.w[1]) ^ (x.w[0] & y.w[0]) ^ (y.w[1] & y.w[0]);
  r.w[1] += sha512_sigma0(y.w[0]) + w.w[1];
  r.w[0] = (r.w[1] & y.w[0]) ^ (r.w[1] & y.w[1]) ^ (y.w[1] & y.w[0]);
  r.w[0] += sha512_sigma0(r.w[1]) + w.w[0];
  return r;
}

/* SHA512SU1 Vd.2D, Vn.2D, Vm.2D: W = Vd, X = Vn, Y = Vm. */
static struct a64_dwords sha512su1(struct a64_dwords w, struct a64_dwords x, struct a64_dwords y) {
  struct a64_dwords r;
  for (unsigned e = 0; e < 2; e++)
    r.w[e] = w.w[e] + sha512_s1(x.w[e]) + y.w[e];
  return r;
}

/* RAX1 Vd.2D, Vn.2D, Vm.2D: Vn ^ ROL(Vm, 1) per doubleword. */
static struct a64_dwords rax1(struct a64_dwords n, struct a64_dwords m) {
  struct a64_dwords r;
  for (unsigned e = 0; e < 2; e++)
    r.w[e] = n.w[e] ^ ror64(m.w[e], 63);
  return r;
}

/* 11001110 011 Rm 1000 op(2) Rn Rd: op 00 SHA512H, 01 SHA512H2, 10 SHA512SU1, 11 RAX1 */
static uint64_t h_sha512(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  struct a64_vop o = a64_vop_of(insn, 10, 2);
  struct a64_dwords d = vdwords(a, o.rd), n = vdwords(a, o.rn), m = vdwords(a, o.rm), r;
  (void)pc, (void)unused;
  switch (o.opcode) {
  case 0: r = sha512h(n, m, d); break;
  case 1: r = sha512h2(n, m, d); break;
  case 2: r = sha512su1(d, n, m); break;
  default: r = rax1(n, m); break;
  }
  set_vdwords(a, o.rd, r);
  return 0;
}

bool trans_ext_sha512(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  (void)insn;
  return a64_simd_call(s, h_sha512);
}

/* SHA512SU0 Vd.2D, Vn.2D: W = Vd, X = Vn;
 * Vd<63:0> = W<63:0> + s0(W<127:64>), Vd<127:64> = W<127:64> + s0(X<63:0>). */
static uint64_t h_sha512su0(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  unsigned rd = a64_bits((uint32_t)insn, 0, 5), rn = a64_bits((uint32_t)insn, 5, 5);
  struct a64_dwords w = vdwords(a, rd), x = vdwords(a, rn), r;
  (void)pc, (void)unused;
  r.w[0] = w.w[0] + sha512_s0(w.w[1]);
  r.w[1] = w.w[1] + sha512_s0(x.w[0]);
  set_vdwords(a, rd, r);
  return 0;
}

bool trans_ext_sha512su0(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  (void)insn;
  return a64_simd_call(s, h_sha512su0);
}

/* ---- SHA-3 (Keccak) helpers ---- */

/* 11001110 00 op 0 Rm 0 Ra Rn Rd: EOR3 Vd.16B = Vn ^ Vm ^ Va (op 0),
 * BCAX Vd.16B = Vn ^ (Vm & ~Va) (op 1). */
static uint64_t h_sha3_4reg(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  struct a64_vop o = a64_vop_of(insn, 21, 1);
  unsigned ra = a64_bits((uint32_t)insn, 10, 5);
  struct a64_dwords n = vdwords(a, o.rn), m = vdwords(a, o.rm), x = vdwords(a, ra), r;
  (void)pc, (void)unused;
  for (unsigned e = 0; e < 2; e++)
    r.w[e] = o.opcode ? n.w[e] ^ (m.w[e] & ~x.w[e]) : n.w[e] ^ m.w[e] ^ x.w[e];
  set_vdwords(a, o.rd, r);
  return 0;
}

bool trans_ext_sha3_4reg(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  (void)insn;
  return a64_simd_call(s, h_sha3_4reg);
}

/* 11001110 100 Rm imm6 Rn Rd: XAR Vd.2D = ROR(Vn ^ Vm, imm6) per doubleword. */
static uint64_t h_xar(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  struct a64_vop o = a64_vop_of(insn, 10, 6);
  struct a64_dwords n = vdwords(a, o.rn), m = vdwords(a, o.rm), r;
  (void)pc, (void)unused;
  for (unsigned e = 0; e < 2; e++)
    r.w[e] = ror64(n.w[e] ^ m.w[e], o.opcode);
  set_vdwords(a, o.rd, r);
  return 0;
}

bool trans_ext_xar(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  (void)insn;
  return a64_simd_call(s, h_xar);
}
