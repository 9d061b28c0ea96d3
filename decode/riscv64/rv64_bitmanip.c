/* rv64_bitmanip.c - Zba (address generation), Zbb (basic bit manipulation),
 * Zbs (single-bit instructions) and Zicond (conditional zero), unprivileged
 * ISA chapters 29 and 12. Every one is a few IR integer ops. */
#include "rv64.h"

static uint32_t rv64_bin(struct rv64_ctx *s, enum ir_op op, uint32_t x, uint32_t y) {
  return ir_binop(s->b, op, IR_I64, x, y);
}

static uint32_t rv64_zext32(struct rv64_ctx *s, unsigned r) {
  return ir_ext(s->b, IR_ZEXT, IR_I64, rv64_get32(s, r), 32);
}

/* rd = rs2 + (rs1, zero-extended from 32 bits when uw) << sh */
static bool rv64_shadd(struct rv64_ctx *s, const struct arg_r *a, unsigned sh, bool uw) {
  uint32_t x = uw ? rv64_zext32(s, a->rs1) : rv64_get(s, a->rs1);
  if (sh)
    x = rv64_bin(s, IR_SHL, x, rv64_imm(s, sh));
  rv64_set(s, a->rd, rv64_bin(s, IR_ADD, rv64_get(s, a->rs2), x));
  return true;
}

bool rv64_trans_add_uw(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_shadd(s, a, 0, true);
}
bool rv64_trans_sh1add(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_shadd(s, a, 1, false);
}
bool rv64_trans_sh2add(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_shadd(s, a, 2, false);
}
bool rv64_trans_sh3add(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_shadd(s, a, 3, false);
}
bool rv64_trans_sh1add_uw(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_shadd(s, a, 1, true);
}
bool rv64_trans_sh2add_uw(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_shadd(s, a, 2, true);
}
bool rv64_trans_sh3add_uw(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_shadd(s, a, 3, true);
}
bool rv64_trans_slli_uw(struct rv64_ctx *s, const struct arg_shift *a) {
  rv64_set(s, a->rd, rv64_bin(s, IR_SHL, rv64_zext32(s, a->rs1), rv64_imm(s, a->shamt)));
  return true;
}

/* rd = rs1 op ~rs2 */
static bool rv64_opn(struct rv64_ctx *s, const struct arg_r *a, enum ir_op op) {
  uint32_t n = ir_unop(s->b, IR_NOT, IR_I64, rv64_get(s, a->rs2));
  rv64_set(s, a->rd, rv64_bin(s, op, rv64_get(s, a->rs1), n));
  return true;
}
bool rv64_trans_andn(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_opn(s, a, IR_AND);
}
bool rv64_trans_orn(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_opn(s, a, IR_OR);
}
bool rv64_trans_xnor(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_opn(s, a, IR_XOR);
}

/* rd = op(rs1) on 64 bits, or on the low 32 (zero-extended: a count) */
static bool rv64_count(struct rv64_ctx *s, const struct arg_r2 *a, enum ir_op op, bool w) {
  uint32_t v;
  if (w)
    v = ir_ext(s->b, IR_ZEXT, IR_I64, ir_unop(s->b, op, IR_I32, rv64_get32(s, a->rs1)), 32);
  else
    v = ir_unop(s->b, op, IR_I64, rv64_get(s, a->rs1));
  rv64_set(s, a->rd, v);
  return true;
}
bool rv64_trans_clz(struct rv64_ctx *s, const struct arg_r2 *a) {
  return rv64_count(s, a, IR_CLZ, false);
}
bool rv64_trans_clzw(struct rv64_ctx *s, const struct arg_r2 *a) {
  return rv64_count(s, a, IR_CLZ, true);
}
bool rv64_trans_ctz(struct rv64_ctx *s, const struct arg_r2 *a) {
  return rv64_count(s, a, IR_CTZ, false);
}
bool rv64_trans_ctzw(struct rv64_ctx *s, const struct arg_r2 *a) {
  return rv64_count(s, a, IR_CTZ, true);
}
bool rv64_trans_cpop(struct rv64_ctx *s, const struct arg_r2 *a) {
  return rv64_count(s, a, IR_POPCNT, false);
}
bool rv64_trans_cpopw(struct rv64_ctx *s, const struct arg_r2 *a) {
  return rv64_count(s, a, IR_POPCNT, true);
}
bool rv64_trans_rev8(struct rv64_ctx *s, const struct arg_r2 *a) {
  return rv64_count(s, a, IR_BSWAP, false);
}

static bool rv64_extend(struct rv64_ctx *s, const struct arg_r2 *a, enum ir_op op, unsigned bits) {
  rv64_set(s, a->rd, ir_ext(s->b, op, IR_I64, rv64_get32(s, a->rs1), bits));
  return true;
}
bool rv64_trans_sext_b(struct rv64_ctx *s, const struct arg_r2 *a) {
  return rv64_extend(s, a, IR_SEXT, 8);
}
bool rv64_trans_sext_h(struct rv64_ctx *s, const struct arg_r2 *a) {
  return rv64_extend(s, a, IR_SEXT, 16);
}
bool rv64_trans_zext_h(struct rv64_ctx *s, const struct arg_r2 *a) {
  return rv64_extend(s, a, IR_ZEXT, 16);
}

static bool rv64_minmax(struct rv64_ctx *s, const struct arg_r *a, enum ir_cmp cmp) {
  uint32_t x = rv64_get(s, a->rs1), y = rv64_get(s, a->rs2);
  uint32_t c = ir_cmp(s->b, cmp, IR_I64, x, y);
  rv64_set(s, a->rd, ir_select(s->b, IR_I64, c, x, y));
  return true;
}
bool rv64_trans_max(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_minmax(s, a, IR_GT);
}
bool rv64_trans_maxu(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_minmax(s, a, IR_GTU);
}
bool rv64_trans_min(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_minmax(s, a, IR_LT);
}
bool rv64_trans_minu(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_minmax(s, a, IR_LTU);
}

/* Rotates: rol x, n = ror x, -n (the IR takes the amount modulo the width). */
static bool rv64_rot(struct rv64_ctx *s, unsigned rd, unsigned rs1, uint32_t n, bool left, bool w) {
  enum ir_type t = w ? IR_I32 : IR_I64;
  if (left)
    n = ir_unop(s->b, IR_NEG, t, n);
  uint32_t x = w ? rv64_get32(s, rs1) : rv64_get(s, rs1);
  uint32_t v = ir_binop(s->b, IR_ROR, t, x, n);
  if (w)
    rv64_set32(s, rd, v);
  else
    rv64_set(s, rd, v);
  return true;
}
bool rv64_trans_rol(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_rot(s, a->rd, a->rs1, rv64_get(s, a->rs2), true, false);
}
bool rv64_trans_rolw(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_rot(s, a->rd, a->rs1, rv64_get32(s, a->rs2), true, true);
}
bool rv64_trans_ror(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_rot(s, a->rd, a->rs1, rv64_get(s, a->rs2), false, false);
}
bool rv64_trans_rorw(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_rot(s, a->rd, a->rs1, rv64_get32(s, a->rs2), false, true);
}
bool rv64_trans_rori(struct rv64_ctx *s, const struct arg_shift *a) {
  return rv64_rot(s, a->rd, a->rs1, rv64_imm(s, a->shamt), false, false);
}
bool rv64_trans_roriw(struct rv64_ctx *s, const struct arg_shift *a) {
  return rv64_rot(s, a->rd, a->rs1, ir_const(s->b, IR_I32, a->shamt), false, true);
}

/* orc.b: each byte 0xff if it is not zero, else 0. Bit 7 of each byte of
 * ((x & 0x7f..) + 0x7f..) | x is set when the byte is not zero (the sum of
 * a byte stays below 0x100, so no carry crosses bytes). */
bool rv64_trans_orc_b(struct rv64_ctx *s, const struct arg_r2 *a) {
  uint32_t x = rv64_get(s, a->rs1), low7 = rv64_imm(s, 0x7f7f7f7f7f7f7f7full);
  uint32_t t = rv64_bin(s, IR_ADD, rv64_bin(s, IR_AND, x, low7), low7);
  t = rv64_bin(s, IR_AND, rv64_bin(s, IR_OR, t, x), rv64_imm(s, 0x8080808080808080ull));
  t = rv64_bin(s, IR_SHR, t, rv64_imm(s, 7));
  rv64_set(s, a->rd, rv64_bin(s, IR_MUL, t, rv64_imm(s, 0xff)));
  return true;
}

/* Single bits: bit n of rs1, n = rs2 or shamt modulo 64. */
enum rv64_bitop { RV64_BCLR, RV64_BEXT, RV64_BINV, RV64_BSET };

static bool rv64_bit(struct rv64_ctx *s, unsigned rd, unsigned rs1, uint32_t n,
                     enum rv64_bitop op) {
  uint32_t x = rv64_get(s, rs1), one = rv64_imm(s, 1), v;
  uint32_t bit = rv64_bin(s, IR_SHL, one, n);
  switch (op) {
  case RV64_BCLR: v = rv64_bin(s, IR_AND, x, ir_unop(s->b, IR_NOT, IR_I64, bit)); break;
  case RV64_BEXT: v = rv64_bin(s, IR_AND, rv64_bin(s, IR_SHR, x, n), one); break;
  case RV64_BINV: v = rv64_bin(s, IR_XOR, x, bit); break;
  default: v = rv64_bin(s, IR_OR, x, bit); break;
  }
  rv64_set(s, rd, v);
  return true;
}
bool rv64_trans_bclr(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_bit(s, a->rd, a->rs1, rv64_get(s, a->rs2), RV64_BCLR);
}
bool rv64_trans_bext(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_bit(s, a->rd, a->rs1, rv64_get(s, a->rs2), RV64_BEXT);
}
bool rv64_trans_binv(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_bit(s, a->rd, a->rs1, rv64_get(s, a->rs2), RV64_BINV);
}
bool rv64_trans_bset(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_bit(s, a->rd, a->rs1, rv64_get(s, a->rs2), RV64_BSET);
}
bool rv64_trans_bclri(struct rv64_ctx *s, const struct arg_shift *a) {
  return rv64_bit(s, a->rd, a->rs1, rv64_imm(s, a->shamt), RV64_BCLR);
}
bool rv64_trans_bexti(struct rv64_ctx *s, const struct arg_shift *a) {
  return rv64_bit(s, a->rd, a->rs1, rv64_imm(s, a->shamt), RV64_BEXT);
}
bool rv64_trans_binvi(struct rv64_ctx *s, const struct arg_shift *a) {
  return rv64_bit(s, a->rd, a->rs1, rv64_imm(s, a->shamt), RV64_BINV);
}
bool rv64_trans_bseti(struct rv64_ctx *s, const struct arg_shift *a) {
  return rv64_bit(s, a->rd, a->rs1, rv64_imm(s, a->shamt), RV64_BSET);
}

/* czero.eqz: rd = rs2 == 0 ? 0 : rs1; czero.nez: rd = rs2 != 0 ? 0 : rs1 */
static bool rv64_czero(struct rv64_ctx *s, const struct arg_r *a, enum ir_cmp cmp) {
  uint32_t c = ir_cmp(s->b, cmp, IR_I64, rv64_get(s, a->rs2), rv64_imm(s, 0));
  rv64_set(s, a->rd, ir_select(s->b, IR_I64, c, rv64_imm(s, 0), rv64_get(s, a->rs1)));
  return true;
}
bool rv64_trans_czero_eqz(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_czero(s, a, IR_EQ);
}
bool rv64_trans_czero_nez(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_czero(s, a, IR_NE);
}
