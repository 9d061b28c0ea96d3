/* rv64_zfh.c - Zfh/Zfhmin loads, stores and moves (unprivileged ISA,
 * chapter 23): a binary16 value in an FP register is NaN-boxed, FLH and
 * FMV.H.X set the upper 48 bits to ones; FSH and FMV.X.H take the low 16
 * bits whatever the boxing. None of them touches fflags. The computations
 * are the exact helper's (rv64_fphalf.c). */
#include "rv64.h"

static const uint64_t rv64_hbox = 0xffffffffffff0000ull;

static void rv64_hset_boxed(struct rv64_ctx *s, unsigned rd, uint32_t x) {
  uint32_t v = ir_ext(s->b, IR_ZEXT, IR_I64, x, 16);
  ir_put(s->b, rv64_off_f(rd), ir_binop(s->b, IR_OR, IR_I64, v, rv64_imm(s, rv64_hbox)));
}

bool rv64_trans_flh(struct rv64_ctx *s, const struct arg_i *a) {
  uint32_t v = ir_load_at(s->b, IR_I32, rv64_get(s, a->rs1), a->imm, 1, 0);
  rv64_hset_boxed(s, a->rd, v);
  return true;
}

bool rv64_trans_fsh(struct rv64_ctx *s, const struct arg_s *a) {
  uint32_t v = ir_get(s->b, IR_I64, rv64_off_f(a->rs2));
  ir_store_at(s->b, rv64_get(s, a->rs1), a->imm, ir_unop(s->b, IR_TRUNC, IR_I32, v), 1);
  return true;
}

/* FMV.X.H: the low 16 bits, sign-extended. */
bool rv64_trans_fmv_x_h(struct rv64_ctx *s, const struct arg_r2 *a) {
  uint32_t v = ir_get(s->b, IR_I64, rv64_off_f(a->rs1));
  rv64_set(s, a->rd, ir_ext(s->b, IR_SEXT, IR_I64, v, 16));
  return true;
}

bool rv64_trans_fmv_h_x(struct rv64_ctx *s, const struct arg_r2 *a) {
  rv64_hset_boxed(s, a->rd, rv64_get(s, a->rs1));
  return true;
}
