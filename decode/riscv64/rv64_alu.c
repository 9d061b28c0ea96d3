/* rv64_alu.c - RV64I integer computation (unprivileged ISA, chapter 2.4 and
 * 4.2): register-immediate and register-register operations, their 32-bit
 * *W forms (the result sign-extended from bit 31), LUI and AUIPC. */
#include "rv64.h"

/* Ops for which an operand of 0 gives the other one. */
static bool rv64_zero_is_identity(enum ir_op op) {
  return op == IR_ADD || op == IR_OR || op == IR_XOR;
}

/* rd = rs1 op rs2 on 64 bits; with x0 as an operand of ADD, OR or XOR the
 * other register, no instruction (c.mv is add rd, x0, rs2). */
static bool rv64_op(struct rv64_ctx *s, const struct arg_r *a, enum ir_op op) {
  if (rv64_zero_is_identity(op) && (a->rs1 == 0 || a->rs2 == 0)) {
    rv64_set(s, a->rd, rv64_get(s, a->rs1 | a->rs2));
    return true;
  }
  rv64_set(s, a->rd, ir_binop(s->b, op, IR_I64, rv64_get(s, a->rs1), rv64_get(s, a->rs2)));
  return true;
}

/* rd = sext32(rs1 op rs2 on 32 bits). */
static bool rv64_opw(struct rv64_ctx *s, const struct arg_r *a, enum ir_op op) {
  uint32_t v = ir_binop(s->b, op, IR_I32, rv64_get32(s, a->rs1), rv64_get32(s, a->rs2));
  rv64_set32(s, a->rd, v);
  return true;
}

/* rd = rs1 op sext(imm); for ADD, OR and XOR of x0 the immediate (li),
 * of an immediate 0 the register (mv), no instruction. */
static bool rv64_opi(struct rv64_ctx *s, const struct arg_i *a, enum ir_op op) {
  if (rv64_zero_is_identity(op) && (a->rs1 == 0 || a->imm == 0)) {
    rv64_set(s, a->rd, a->rs1 ? rv64_get(s, a->rs1) : rv64_imm(s, (int64_t)a->imm));
    return true;
  }
  uint32_t v = ir_binop(s->b, op, IR_I64, rv64_get(s, a->rs1), rv64_imm(s, (int64_t)a->imm));
  rv64_set(s, a->rd, v);
  return true;
}

/* rd = rs1 shifted by shamt (6 bits; 5 bits for the *W forms). */
static bool rv64_shifti(struct rv64_ctx *s, const struct arg_shift *a, enum ir_op op, bool w) {
  if (w) {
    uint32_t v =
        ir_binop(s->b, op, IR_I32, rv64_get32(s, a->rs1), ir_const(s->b, IR_I32, a->shamt));
    rv64_set32(s, a->rd, v);
  } else {
    rv64_set(s, a->rd, ir_binop(s->b, op, IR_I64, rv64_get(s, a->rs1), rv64_imm(s, a->shamt)));
  }
  return true;
}

/* rd = (x cmp y) ? 1 : 0 */
static void rv64_set_cmp(struct rv64_ctx *s, unsigned rd, enum ir_cmp cmp, uint32_t x, uint32_t y) {
  uint32_t c = ir_cmp(s->b, cmp, IR_I64, x, y);
  rv64_set(s, rd, ir_ext(s->b, IR_ZEXT, IR_I64, c, 32));
}

bool rv64_trans_lui(struct rv64_ctx *s, const struct arg_u *a) {
  rv64_set(s, a->rd, rv64_imm(s, (int64_t)a->imm));
  return true;
}

bool rv64_trans_auipc(struct rv64_ctx *s, const struct arg_u *a) {
  rv64_set(s, a->rd, rv64_guest_addr(s, s->pc + (int64_t)a->imm));
  return true;
}

bool rv64_trans_addi(struct rv64_ctx *s, const struct arg_i *a) {
  return rv64_opi(s, a, IR_ADD);
}
bool rv64_trans_xori(struct rv64_ctx *s, const struct arg_i *a) {
  return rv64_opi(s, a, IR_XOR);
}
bool rv64_trans_ori(struct rv64_ctx *s, const struct arg_i *a) {
  return rv64_opi(s, a, IR_OR);
}
bool rv64_trans_andi(struct rv64_ctx *s, const struct arg_i *a) {
  return rv64_opi(s, a, IR_AND);
}
bool rv64_trans_slti(struct rv64_ctx *s, const struct arg_i *a) {
  rv64_set_cmp(s, a->rd, IR_LT, rv64_get(s, a->rs1), rv64_imm(s, (int64_t)a->imm));
  return true;
}
bool rv64_trans_sltiu(struct rv64_ctx *s, const struct arg_i *a) {
  rv64_set_cmp(s, a->rd, IR_LTU, rv64_get(s, a->rs1), rv64_imm(s, (int64_t)a->imm));
  return true;
}
bool rv64_trans_slli(struct rv64_ctx *s, const struct arg_shift *a) {
  return rv64_shifti(s, a, IR_SHL, false);
}
bool rv64_trans_srli(struct rv64_ctx *s, const struct arg_shift *a) {
  return rv64_shifti(s, a, IR_SHR, false);
}
bool rv64_trans_srai(struct rv64_ctx *s, const struct arg_shift *a) {
  return rv64_shifti(s, a, IR_SAR, false);
}

bool rv64_trans_add(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_op(s, a, IR_ADD);
}
bool rv64_trans_sub(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_op(s, a, IR_SUB);
}
bool rv64_trans_sll(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_op(s, a, IR_SHL);
}
bool rv64_trans_srl(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_op(s, a, IR_SHR);
}
bool rv64_trans_sra(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_op(s, a, IR_SAR);
}
bool rv64_trans_xor(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_op(s, a, IR_XOR);
}
bool rv64_trans_or(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_op(s, a, IR_OR);
}
bool rv64_trans_and(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_op(s, a, IR_AND);
}
bool rv64_trans_slt(struct rv64_ctx *s, const struct arg_r *a) {
  rv64_set_cmp(s, a->rd, IR_LT, rv64_get(s, a->rs1), rv64_get(s, a->rs2));
  return true;
}
bool rv64_trans_sltu(struct rv64_ctx *s, const struct arg_r *a) {
  rv64_set_cmp(s, a->rd, IR_LTU, rv64_get(s, a->rs1), rv64_get(s, a->rs2));
  return true;
}

/* addiw rd, rs1, 0 is sext.w: no ADD. */
bool rv64_trans_addiw(struct rv64_ctx *s, const struct arg_i *a) {
  uint32_t v = rv64_get32(s, a->rs1);
  if (a->imm)
    v = ir_binop(s->b, IR_ADD, IR_I32, v, ir_const(s->b, IR_I32, (uint32_t)a->imm));
  rv64_set32(s, a->rd, v);
  return true;
}
bool rv64_trans_slliw(struct rv64_ctx *s, const struct arg_shift *a) {
  return rv64_shifti(s, a, IR_SHL, true);
}
bool rv64_trans_srliw(struct rv64_ctx *s, const struct arg_shift *a) {
  return rv64_shifti(s, a, IR_SHR, true);
}
bool rv64_trans_sraiw(struct rv64_ctx *s, const struct arg_shift *a) {
  return rv64_shifti(s, a, IR_SAR, true);
}
bool rv64_trans_addw(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_opw(s, a, IR_ADD);
}
bool rv64_trans_subw(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_opw(s, a, IR_SUB);
}
bool rv64_trans_sllw(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_opw(s, a, IR_SHL);
}
bool rv64_trans_srlw(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_opw(s, a, IR_SHR);
}
bool rv64_trans_sraw(struct rv64_ctx *s, const struct arg_r *a) {
  return rv64_opw(s, a, IR_SAR);
}
