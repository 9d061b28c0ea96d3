/* rv64_muldiv.c - the M extension (unprivileged ISA, chapter 13).
 * Division by zero gives all ones (DIV, DIVU) and the dividend (REM, REMU);
 * MIN / -1 gives MIN and remainder 0. The IR's DIVS/DIVU give x / 0 = 0 and
 * MIN / -1 = MIN, so a quotient takes a select, and a remainder is
 * x - (x / y) * y, which is x for y = 0 and 0 for MIN / -1 as it is. */
#include "rv64.h"

static bool rv64_mul(struct rv64_ctx *s, const struct arg_r *a, enum ir_op op) {
  rv64_set(s, a->rd, ir_binop(s->b, op, IR_I64, rv64_get(s, a->rs1), rv64_get(s, a->rs2)));
  return true;
}

/* x / y as RISC-V defines it, in type t. */
static uint32_t rv64_quot(struct rv64_ctx *s, enum ir_type t, enum ir_op op, uint32_t x,
                          uint32_t y) {
  uint32_t q = ir_binop(s->b, op, t, x, y);
  uint32_t zero = ir_cmp(s->b, IR_EQ, t, y, ir_const(s->b, t, 0));
  return ir_select(s->b, t, zero, ir_const(s->b, t, ~0ull), q);
}

static uint32_t rv64_rem(struct rv64_ctx *s, enum ir_type t, enum ir_op op, uint32_t x,
                         uint32_t y) {
  uint32_t q = ir_binop(s->b, op, t, x, y);
  return ir_binop(s->b, IR_SUB, t, x, ir_binop(s->b, IR_MUL, t, q, y));
}

static bool rv64_div64(struct rv64_ctx *s, const struct arg_r *a, enum ir_op op, bool rem) {
  uint32_t x = rv64_get(s, a->rs1), y = rv64_get(s, a->rs2);
  rv64_set(s, a->rd, rem ? rv64_rem(s, IR_I64, op, x, y) : rv64_quot(s, IR_I64, op, x, y));
  return true;
}

static bool rv64_div32(struct rv64_ctx *s, const struct arg_r *a, enum ir_op op, bool rem) {
  uint32_t x = rv64_get32(s, a->rs1), y = rv64_get32(s, a->rs2);
  rv64_set32(s, a->rd, rem ? rv64_rem(s, IR_I32, op, x, y) : rv64_quot(s, IR_I32, op, x, y));
  return true;
}

bool rv64_trans_mul(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_mul(s, a, IR_MUL);
}
bool rv64_trans_mulh(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_mul(s, a, IR_MULHS);
}
bool rv64_trans_mulhu(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_mul(s, a, IR_MULHU);
}
/* signed rs1 times unsigned rs2: the unsigned high half, less rs2 when rs1 < 0 */
bool rv64_trans_mulhsu(struct rv64_ctx *s, const struct arg_r *a) {
  uint32_t x = rv64_get(s, a->rs1), y = rv64_get(s, a->rs2);
  uint32_t hi = ir_binop(s->b, IR_MULHU, IR_I64, x, y);
  uint32_t sign = ir_binop(s->b, IR_SAR, IR_I64, x, rv64_imm(s, 63));
  uint32_t fix = ir_binop(s->b, IR_AND, IR_I64, sign, y);
  rv64_set(s, a->rd, ir_binop(s->b, IR_SUB, IR_I64, hi, fix));
  return true;
}
bool rv64_trans_div(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_div64(s, a, IR_DIVS, false);
}
bool rv64_trans_divu(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_div64(s, a, IR_DIVU, false);
}
bool rv64_trans_rem(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_div64(s, a, IR_DIVS, true);
}
bool rv64_trans_remu(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_div64(s, a, IR_DIVU, true);
}
bool rv64_trans_mulw(struct rv64_ctx *s, const struct arg_r *a) {
  uint32_t v = ir_binop(s->b, IR_MUL, IR_I32, rv64_get32(s, a->rs1), rv64_get32(s, a->rs2));
  rv64_set32(s, a->rd, v);
  return true;
}
bool rv64_trans_divw(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_div32(s, a, IR_DIVS, false);
}
bool rv64_trans_divuw(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_div32(s, a, IR_DIVU, false);
}
bool rv64_trans_remw(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_div32(s, a, IR_DIVS, true);
}
bool rv64_trans_remuw(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_div32(s, a, IR_DIVU, true);
}
