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
 *   VSHA256MSG1 d = a: sha256msg1 d, b    VSHA256MSG2 d = a: sha256msg2 d, b
 *   VSHA256RND2 d = a: sha256rnds2 d, b, xmm0 = c   (xmm0 saved in xmm14)
 *
 * Without AES-NI, PCLMULQDQ or SHA the vector ops go through x64_lower_vec.c's C
 * fallback (ir_veval; VSHA256RND2's own, with three operands, is here); without
 * SSE4.2 CRC32C calls ir_crc32_le.
 */
#include "x64.h"
#include "../ir/ir_crypto.h"
#include "../ir/ir_eval.h"

/* The CPU features the native lowering of a vector crypto op needs. */
int x64_crypto_needs(const struct ir_insn *in) {
  if (in->op >= IR_VSHA256RND2 && in->op <= IR_VSHA256MSG2)
    return X64_F_SHA;
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

/* d = a; sha256msg1/sha256msg2 d, b (d may be a's register, never b's unless b is a). */
static void x64_lower_sha256msg(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = &x->ir->insn[ref];
  unsigned rb = x64_vsrc(x, in->b, X64_XS0), d = x64_dst(x, ref);
  x64_vload_value(x, d, in->a);
  x64_sse_rr(x->buf, in->op == IR_VSHA256MSG1 ? X64_SHA256MSG1 : X64_SHA256MSG2, d, rb);
}

/* sha256rnds2 takes W+K in xmm0, which may hold a live value: t = a, xmm15 = b
 * (both read before xmm0 changes), xmm14 = xmm0, xmm0 = c, then xmm0 restored.
 * When the result itself is given xmm0, xmm0 holds nothing live: the rounds
 * run in xmm14 and end up in xmm0. */
static void x64_sha256rnds2_native(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = &x->ir->insn[ref];
  struct tc_buf *b = x->buf;
  unsigned d = x64_dst(x, ref), t = d ? d : X64_XS1;
  x64_vload_value(x, t, in->a);
  x64_vload_value(x, X64_XS0, in->b);
  if (d)
    x64_sse_rr(b, X64_MOVDQA, X64_XS1, 0); /* movdqa xmm14, xmm0 */
  x64_vload_value(x, 0, in->c);
  x64_sse_rr(b, X64_SHA256RNDS2, t, X64_XS0); /* sha256rnds2 t, xmm15, xmm0 */
  x64_sse_rr(b, X64_MOVDQA, 0, X64_XS1);      /* movdqa xmm0, xmm14 */
}

static struct ir_v128 x64_sha_fallback(struct cpu *c, uint64_t op, uint64_t alo, uint64_t ahi,
                                       uint64_t blo, uint64_t bhi, uint64_t clo, uint64_t chi) {
  struct ir_insn in = {.op = (uint8_t)op, .type = IR_V128};
  struct ir_v128 r = {0, 0};
  (void)c;
  ir_veval(&in, (struct ir_v128){alo, ahi}, (struct ir_v128){blo, bhi}, (struct ir_v128){clo, chi},
           &r);
  return r;
}

/* fallback(cpu, op, a.lo, a.hi, b.lo, b.hi, c.lo, c.hi), c on the stack; the
 * result comes back in rdx:rax. x64_ra_call has spilled the live values. */
static void x64_sha256rnds2_call(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = &x->ir->insn[ref];
  struct tc_buf *b = x->buf;
  x64_vsplit(x, in->a, X64_RDX, X64_RCX);
  x64_vsplit(x, in->b, X64_R8, X64_R9);
  x64_vf_push(x, in->c); /* 16 bytes: rsp stays 16-byte aligned */
  x64_mov_ri(b, X64_RSI, in->op);
  x64_cpu_ptr(b, X64_RDI);
  x64_mov_host(x, X64_RAX, (uintptr_t)x64_sha_fallback);
  x64_call_r(b, X64_RAX);
  x64_alu_ri(b, 1, X64_ADD, X64_RSP, 16); /* add rsp, 16 */
  x64_call_result(x, ref);
}

void x64_lower_sha256rnds2(struct x64_ctx *x, uint32_t ref) {
  if (x64_vec_native(&x->ir->insn[ref]))
    x64_sha256rnds2_native(x, ref);
  else
    x64_sha256rnds2_call(x, ref);
}

void x64_lower_crypto(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = &x->ir->insn[ref];
  if (in->op == IR_VCLMUL) {
    x64_lower_clmul(x, ref);
    return;
  }
  if (in->op == IR_VSHA256MSG1 || in->op == IR_VSHA256MSG2) {
    x64_lower_sha256msg(x, ref);
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
  x64_cpu_ptr(x->buf, X64_RDI);
  x64_mov_host(x, X64_RAX, (uintptr_t)x64_crc32c_fallback);
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
