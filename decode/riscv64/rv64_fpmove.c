/* rv64_fpmove.c - F and D loads, stores and moves between the integer and
 * FP registers (unprivileged ISA, chapters 20.5, 20.7, 21.3, 21.5). A
 * binary32 value in an FP register is NaN-boxed: FLW and FMV.W.X set the
 * upper 32 bits to ones. None of them touches fflags. */
#include "rv64.h"

static const uint64_t rv64_nanbox = 0xffffffff00000000ull;

static void rv64_fset_boxed(struct rv64_ctx *s, unsigned rd, uint32_t v32) {
  uint32_t v = ir_ext(s->b, IR_ZEXT, IR_I64, v32, 32);
  ir_put(s->b, rv64_off_f(rd), ir_binop(s->b, IR_OR, IR_I64, v, rv64_imm(s, rv64_nanbox)));
}

bool rv64_trans_flw(struct rv64_ctx *s, const struct arg_i *a) {
  uint32_t v = ir_load_at(s->b, IR_I32, rv64_get(s, a->rs1), a->imm, 2, 0);
  rv64_fset_boxed(s, a->rd, v);
  return true;
}

bool rv64_trans_fld(struct rv64_ctx *s, const struct arg_i *a) {
  uint32_t v = ir_load_at(s->b, IR_I64, rv64_get(s, a->rs1), a->imm, 3, 0);
  ir_put(s->b, rv64_off_f(a->rd), v);
  return true;
}

/* FSW stores the low 32 bits whatever the boxing. */
bool rv64_trans_fsw(struct rv64_ctx *s, const struct arg_s *a) {
  uint32_t v = ir_get(s->b, IR_I64, rv64_off_f(a->rs2));
  ir_store_at(s->b, rv64_get(s, a->rs1), a->imm, ir_unop(s->b, IR_TRUNC, IR_I32, v), 2);
  return true;
}

bool rv64_trans_fsd(struct rv64_ctx *s, const struct arg_s *a) {
  uint32_t v = ir_get(s->b, IR_I64, rv64_off_f(a->rs2));
  ir_store_at(s->b, rv64_get(s, a->rs1), a->imm, v, 3);
  return true;
}

/* FMV.X.W: the low 32 bits, sign-extended. */
bool rv64_trans_fmv_x_w(struct rv64_ctx *s, const struct arg_r2 *a) {
  uint32_t v = ir_get(s->b, IR_I64, rv64_off_f(a->rs1));
  rv64_set32(s, a->rd, ir_unop(s->b, IR_TRUNC, IR_I32, v));
  return true;
}

bool rv64_trans_fmv_w_x(struct rv64_ctx *s, const struct arg_r2 *a) {
  rv64_fset_boxed(s, a->rd, rv64_get32(s, a->rs1));
  return true;
}

bool rv64_trans_fmv_x_d(struct rv64_ctx *s, const struct arg_r2 *a) {
  rv64_set(s, a->rd, ir_get(s->b, IR_I64, rv64_off_f(a->rs1)));
  return true;
}

bool rv64_trans_fmv_d_x(struct rv64_ctx *s, const struct arg_r2 *a) {
  ir_put(s->b, rv64_off_f(a->rd), rv64_get(s, a->rs1));
  return true;
}
