/* rv64_bitperm.c - Zbkb (bit manipulation for cryptography: pack, packh,
 * packw, brev8; its rev8, rol, ror, andn, orn and xnor are Zbb's, in
 * rv64_bitmanip.c; zip and unzip are RV32 only) and Zbkx (crossbar
 * permutations xperm4, xperm8), unprivileged ISA chapter 32.3. */
#include "rv64.h"

static uint32_t rv64_and_imm(struct rv64_ctx *s, uint32_t x, uint64_t mask) {
  return ir_binop(s->b, IR_AND, IR_I64, x, rv64_imm(s, mask));
}

/* (lo & mask) | (hi & mask) << sh */
static uint32_t rv64_pack2(struct rv64_ctx *s, const struct arg_r *a, uint64_t mask, unsigned sh) {
  uint32_t lo = rv64_and_imm(s, rv64_get(s, a->rs1), mask);
  uint32_t hi = rv64_and_imm(s, rv64_get(s, a->rs2), mask);
  hi = ir_binop(s->b, IR_SHL, IR_I64, hi, rv64_imm(s, sh));
  return ir_binop(s->b, IR_OR, IR_I64, lo, hi);
}

/* pack: rd = rs2[31:0] : rs1[31:0] */
bool rv64_trans_pack(struct rv64_ctx *s, const struct arg_r *a) {
  rv64_set(s, a->rd, rv64_pack2(s, a, 0xffffffffu, 32));
  return true;
}

/* packh: rd = zext(rs2[7:0] : rs1[7:0]) */
bool rv64_trans_packh(struct rv64_ctx *s, const struct arg_r *a) {
  rv64_set(s, a->rd, rv64_pack2(s, a, 0xff, 8));
  return true;
}

/* packw: rd = sext(rs2[15:0] : rs1[15:0]); with rs2 = x0 it is zext.h,
 * which rv64.decode takes first. */
bool rv64_trans_packw(struct rv64_ctx *s, const struct arg_r *a) {
  uint32_t v = rv64_pack2(s, a, 0xffff, 16);
  rv64_set(s, a->rd, ir_ext(s->b, IR_SEXT, IR_I64, v, 32));
  return true;
}

/* x with the bits of mask moved up by sh and the others down by sh. */
static uint32_t rv64_swap_bits(struct rv64_ctx *s, uint32_t x, uint64_t mask, unsigned sh) {
  uint32_t n = rv64_imm(s, sh);
  uint32_t up = ir_binop(s->b, IR_SHL, IR_I64, rv64_and_imm(s, x, mask), n);
  uint32_t down = rv64_and_imm(s, ir_binop(s->b, IR_SHR, IR_I64, x, n), mask);
  return ir_binop(s->b, IR_OR, IR_I64, up, down);
}

/* brev8: the bits of each byte reversed (swap neighbours, pairs, nibbles). */
bool rv64_trans_brev8(struct rv64_ctx *s, const struct arg_r2 *a) {
  uint32_t x = rv64_get(s, a->rs1);
  x = rv64_swap_bits(s, x, 0x5555555555555555ull, 1);
  x = rv64_swap_bits(s, x, 0x3333333333333333ull, 2);
  x = rv64_swap_bits(s, x, 0x0f0f0f0f0f0f0f0full, 4);
  rv64_set(s, a->rd, x);
  return true;
}

/* xperm: each element i (of `bits` bits) of rd is element rs2[i] of rs1,
 * or 0 when that index is beyond rs1's 64 bits. */
static uint64_t rv64_xperm(uint64_t x, uint64_t idx, unsigned bits) {
  uint64_t mask = (1ull << bits) - 1, r = 0;
  for (unsigned i = 0; i < 64; i += bits) {
    uint64_t k = (idx >> i & mask) * bits;
    if (k < 64)
      r |= (x >> k & mask) << i;
  }
  return r;
}

static uint64_t rv64_h_xperm4(struct cpu *c, uint64_t x, uint64_t idx, uint64_t unused) {
  (void)c, (void)unused;
  return rv64_xperm(x, idx, 4);
}
static uint64_t rv64_h_xperm8(struct cpu *c, uint64_t x, uint64_t idx, uint64_t unused) {
  (void)c, (void)unused;
  return rv64_xperm(x, idx, 8);
}

bool rv64_trans_xperm4(struct rv64_ctx *s, const struct arg_r *a) {
  rv64_set(
      s, a->rd,
      ir_call(s->b, IR_I64, (void *)rv64_h_xperm4, rv64_get(s, a->rs1), rv64_get(s, a->rs2), 0));
  return true;
}
bool rv64_trans_xperm8(struct rv64_ctx *s, const struct arg_r *a) {
  rv64_set(
      s, a->rd,
      ir_call(s->b, IR_I64, (void *)rv64_h_xperm8, rv64_get(s, a->rs1), rv64_get(s, a->rs2), 0));
  return true;
}
