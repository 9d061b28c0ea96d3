/* rv64_ldst.c - integer loads and stores (unprivileged ISA, chapter 2.6 and
 * 4.3). Misaligned accesses are done as the host does them: Linux on RISC-V
 * emulates them for user programs, so they never fault. */
#include "rv64.h"

/* rd = the 1 << size bytes at rs1 + imm, sign- or zero-extended. */
static bool rv64_load(struct rv64_ctx *s, const struct arg_i *a, unsigned size, bool sign) {
  uint32_t base = rv64_get(s, a->rs1), v;
  if (sign || size == 3) {
    v = ir_load_at(s->b, IR_I64, base, a->imm, size, sign);
  } else {
    v = ir_load_at(s->b, IR_I32, base, a->imm, size, 0);
    v = ir_ext(s->b, IR_ZEXT, IR_I64, v, 32);
  }
  rv64_set(s, a->rd, v);
  return true;
}

static bool rv64_store(struct rv64_ctx *s, const struct arg_s *a, unsigned size) {
  uint32_t base = rv64_get(s, a->rs1);
  uint32_t v = size == 3 ? rv64_get(s, a->rs2) : rv64_get32(s, a->rs2);
  ir_store_at(s->b, base, a->imm, v, size);
  return true;
}

bool rv64_trans_lb(struct rv64_ctx *s, const struct arg_i *a) {
  return rv64_load(s, a, 0, true);
}
bool rv64_trans_lh(struct rv64_ctx *s, const struct arg_i *a) {
  return rv64_load(s, a, 1, true);
}
bool rv64_trans_lw(struct rv64_ctx *s, const struct arg_i *a) {
  return rv64_load(s, a, 2, true);
}
bool rv64_trans_ld(struct rv64_ctx *s, const struct arg_i *a) {
  return rv64_load(s, a, 3, false);
}
bool rv64_trans_lbu(struct rv64_ctx *s, const struct arg_i *a) {
  return rv64_load(s, a, 0, false);
}
bool rv64_trans_lhu(struct rv64_ctx *s, const struct arg_i *a) {
  return rv64_load(s, a, 1, false);
}
bool rv64_trans_lwu(struct rv64_ctx *s, const struct arg_i *a) {
  return rv64_load(s, a, 2, false);
}
bool rv64_trans_sb(struct rv64_ctx *s, const struct arg_s *a) {
  return rv64_store(s, a, 0);
}
bool rv64_trans_sh(struct rv64_ctx *s, const struct arg_s *a) {
  return rv64_store(s, a, 1);
}
bool rv64_trans_sw(struct rv64_ctx *s, const struct arg_s *a) {
  return rv64_store(s, a, 2);
}
bool rv64_trans_sd(struct rv64_ctx *s, const struct arg_s *a) {
  return rv64_store(s, a, 3);
}
