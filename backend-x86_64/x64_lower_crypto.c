/* x64_lower_crypto.c - lowering the IR's cryptographic primitives to AES-NI,
 * PCLMULQDQ and SSE4.2 crc32 (ir_ops.def: VAESSUB VAESISUB VAESMIX VAESIMIX
 * VCLMUL CRC32C). x86's AES instructions do a whole round, key XOR included,
 * so with a zero key they give the IR's smaller steps:
 *
 *   VAESSUB  d = a: aesenclast d, 0      (ShiftRows, SubBytes)
 *   VAESISUB d = a: aesdeclast d, 0      (InvShiftRows, InvSubBytes)
 *   VAESMIX  d = a: aesdeclast d, 0; aesenc d, 0   (the S-boxes cancel)
 *   VAESIMIX aesimc d, a
 *   VCLMUL   d = a: pclmulqdq d, b, imm
 *   CRC32C   d = a: crc32 d, b
 *
 * Without AES-NI or PCLMULQDQ the vector ops go through x64_lower_vec.c's C
 * fallback (ir_veval); without SSE4.2 CRC32C calls ir_crc32_le.
 */
#include "x64.h"
#include "../ir/ir_crypto.h"

/* The CPU features the native lowering of a vector crypto op needs. */
int x64_crypto_needs(const struct ir_insn *in) {
  return in->op == IR_VCLMUL ? X64_F_PCLMUL : X64_F_AES;
}

/* d = a; op d, xmm15 = 0 */
static void x64_aes_zero_key(struct x64_ctx *x, unsigned d, enum x64_sse op) {
  x64_sse_rr(x->buf, X64_PXOR, X64_XS0, X64_XS0); /* pxor xmm15, xmm15 */
  x64_sse_rr(x->buf, op, d, X64_XS0);
}

static void x64_lower_clmul(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = &x->ir->insn[ref];
  unsigned rb = x64_vsrc(x, in->b, X64_XS0), d = x64_dst(x, ref);
  x64_vload_value(x, d, in->a);
  x64_sse_rri(x->buf, X64_PCLMULQDQ, d, rb, (uint8_t)(in->imm & 0x11));
}

void x64_lower_crypto(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = &x->ir->insn[ref];
  if (in->op == IR_VCLMUL) {
    x64_lower_clmul(x, ref);
    return;
  }
  unsigned d = x64_dst(x, ref);
  if (in->op == IR_VAESIMIX) {
    x64_sse_rr(x->buf, X64_AESIMC, d, x64_vsrc(x, in->a, X64_XS0));
    return;
  }
  x64_vload_value(x, d, in->a);
  switch (in->op) {
  case IR_VAESSUB: x64_aes_zero_key(x, d, X64_AESENCLAST); break;
  case IR_VAESISUB: x64_aes_zero_key(x, d, X64_AESDECLAST); break;
  default: /* IR_VAESMIX */
    x64_aes_zero_key(x, d, X64_AESDECLAST);
    x64_sse_rr(x->buf, X64_AESENC, d, X64_XS0);
    break;
  }
}

static uint64_t x64_crc32c_fallback(struct cpu *c, uint64_t crc, uint64_t data, uint64_t bytes) {
  (void)c;
  return ir_crc32_le(IR_CRC32C_POLY, (uint32_t)crc, data, (unsigned)bytes);
}

/* fallback(cpu, a, b, bytes); x64_ra_call has spilled the caller-saved
 * registers, rsi may still hold b, so it is written last. */
static void x64_crc32c_call(struct x64_ctx *x, const struct ir_insn *in) {
  x64_load_value(x, X64_RDX, in->b);
  x64_mov_ri(x->buf, X64_RCX, 1u << (in->aux & 3));
  x64_load_value(x, X64_RSI, in->a);
  x64_mov_rr(x->buf, 1, X64_RDI, X64_R14);
  x64_mov_ri(x->buf, X64_RAX, (uintptr_t)x64_crc32c_fallback);
  x64_call_r(x->buf, X64_RAX);
}

void x64_lower_crc32c(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = &x->ir->insn[ref];
  if (!(x64_feat() & X64_F_SSE42)) {
    x64_crc32c_call(x, in);
    x64_mov_rr(x->buf, 0, x64_dst(x, ref), X64_RAX);
    return;
  }
  unsigned d = x64_dst(x, ref);
  x64_load_value(x, d, in->a);
  x64_crc32(x->buf, in->aux & 3, d, x64_src(x, in->b, X64_RAX));
}
