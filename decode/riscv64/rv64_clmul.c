/* rv64_clmul.c - Zbc, carry-less multiplication (unprivileged ISA, chapter
 * 29.5): the IR's 64x64 -> 128-bit VCLMUL, of which CLMUL keeps the low
 * half, CLMULH the high half and CLMULR bits 126..63. */
#include "rv64.h"

/* The 128-bit carry-less product of rs1 and rs2: lane 0 low, lane 1 high. */
static uint32_t rv64_clmul128(struct rv64_ctx *s, const struct arg_r *a) {
  uint32_t x = ir_vop(s->b, IR_VZEXT64, IR_V128, 0, rv64_get(s, a->rs1), 0, 0);
  uint32_t y = ir_vop(s->b, IR_VZEXT64, IR_V128, 0, rv64_get(s, a->rs2), 0, 0);
  return ir_vop(s->b, IR_VCLMUL, IR_V128, 3, x, y, 0);
}

static uint32_t rv64_half(struct rv64_ctx *s, uint32_t p, unsigned lane) {
  return ir_vop(s->b, IR_VEXTRACT, IR_I64, 3, p, 0, lane);
}

bool rv64_trans_clmul(struct rv64_ctx *s, const struct arg_r *a) {
  rv64_set(s, a->rd, rv64_half(s, rv64_clmul128(s, a), 0));
  return true;
}

bool rv64_trans_clmulh(struct rv64_ctx *s, const struct arg_r *a) {
  rv64_set(s, a->rd, rv64_half(s, rv64_clmul128(s, a), 1));
  return true;
}

bool rv64_trans_clmulr(struct rv64_ctx *s, const struct arg_r *a) {
  uint32_t p = rv64_clmul128(s, a);
  uint32_t hi = ir_binop(s->b, IR_SHL, IR_I64, rv64_half(s, p, 1), rv64_imm(s, 1));
  uint32_t lo = ir_binop(s->b, IR_SHR, IR_I64, rv64_half(s, p, 0), rv64_imm(s, 63));
  rv64_set(s, a->rd, ir_binop(s->b, IR_OR, IR_I64, hi, lo));
  return true;
}
