/* a64_dp_reg.c - A64 data processing, register (Arm ARM C4.1.88): add/sub
 * shifted and extended, add/sub with carry, logical shifted, conditional
 * compare and conditional select. */
#include "a64_util.h"

/* sf op S 01011 shift(2) 0 Rm(5) imm6(6) Rn(5) Rd(5)   ADD/ADDS/SUB/SUBS (shifted register)
 * Rn and Rd are ZR; shift 11 (ROR) is reserved. */
bool trans_add_sub_shift(struct a64_ctx *s, const struct arg_add_sub_shift *a) {
  int sf = a->sf;
  bool sub = a->op, setflags = a->S;
  unsigned shift = a->shift, amount = a->imm6, rm = a->rm, rn = a->rn, rd = a->rd;
  if (shift == 3 || (!sf && amount >= 32))
    return false;
  uint32_t y = a64_shift_imm(s, sf, a64_rd(s, rm, sf, false), shift, amount);
  a64_add_sub(s, sf, sub, setflags, a64_rd(s, rn, sf, false), y, rd, false);
  return true;
}

/* sf op S 01011 00 1 Rm(5) option(3) imm3(3) Rn(5) Rd(5)   ADD/SUB/ADDS/SUBS (extended
 * register): Rn <op> ExtendReg(Rm, option, imm3). Rn is SP, Rd is SP unless S. */
bool trans_add_sub_ext(struct a64_ctx *s, const struct arg_add_sub_ext *a) {
  int sf = a->sf;
  bool sub = a->op, setflags = a->S;
  unsigned shift = a->imm3, rm = a->rm, rn = a->rn, rd = a->rd;
  if (shift > 4)
    return false;
  uint32_t y = a64_extend_reg(s, sf, rm, a->option, shift);
  a64_add_sub(s, sf, sub, setflags, a64_rd(s, rn, sf, true), y, rd, !setflags);
  return true;
}

/* sf op S 11010000 Rm(5) 000000 Rn(5) Rd(5)   ADC/ADCS (op=0), SBC/SBCS (op=1):
 * AddWithCarry(Rn, op ? NOT(Rm) : Rm, C) */
bool trans_adc_sbc(struct a64_ctx *s, const struct arg_adc_sbc *a) {
  int sf = a->sf;
  bool sub = a->op, setflags = a->S;
  enum ir_type t = a64_ty(sf);
  uint32_t x = a64_rd(s, a->rn, sf, false);
  uint32_t y = a64_rd(s, a->rm, sf, false);
  uint32_t c = a64_carry(s, sf);
  if (setflags)
    a64_set_nzcv(s, ir_flags(s->b, sub ? IR_FLAGS_SBC : IR_FLAGS_ADC, t, x, y, c));
  if (sub)
    y = ir_unop(s->b, IR_NOT, t, y);
  uint32_t r = ir_emit(s->b, IR_ADC, t, x, y, c, 0);
  a64_wr(s, a->rd, sf, false, r);
  return true;
}

/* sf opc(2) 01010 shift(2) N Rm(5) imm6(6) Rn(5) Rd(5)   AND/ORR/EOR/ANDS (opc 00..11),
 * N inverts the shifted Rm: BIC/ORN/EON/BICS. MOV (register) is ORR Rd, ZR, Rm. */
bool trans_logic_shift(struct a64_ctx *s, const struct arg_logic_shift *a) {
  static const uint8_t ops[] = {IR_AND, IR_OR, IR_XOR, IR_AND};
  int sf = a->sf;
  unsigned opc = a->opc, amount = a->imm6, rm = a->rm, rn = a->rn, rd = a->rd;
  enum ir_type t = a64_ty(sf);
  if (!sf && amount >= 32)
    return false;
  uint32_t y = a64_shift_imm(s, sf, a64_rd(s, rm, sf, false), a->shift, amount);
  if (a->n)
    y = ir_unop(s->b, IR_NOT, t, y);
  uint32_t r = y;
  if (!(opc == 1 && rn == 31))
    r = ir_binop(s->b, ops[opc], t, a64_rd(s, rn, sf, false), y);
  if (opc == 3)
    a64_set_nzcv(s, ir_flags(s->b, IR_FLAGS_LOGIC, t, r, 0, 0));
  a64_wr(s, rd, sf, false, r);
  return true;
}

/* sf op 1 11010010 Rm/imm5(5) cond(4) i 0 Rn(5) 0 nzcv(4)   CCMN (op=0), CCMP (op=1),
 * register (i=0) or 5-bit immediate (i=1): NZCV = cond ? flags(Rn +/- y) : nzcv. */
bool trans_ccmp(struct a64_ctx *s, const struct arg_ccmp *a) {
  int sf = a->sf;
  bool sub = a->op;
  unsigned cond = a->cond, y5 = a->y;
  uint32_t x = a64_rd(s, a->rn, sf, false);
  uint32_t y = a->i ? a64_imm(s, sf, y5) : a64_rd(s, y5, sf, false);
  uint32_t f = ir_flags(s->b, sub ? IR_FLAGS_SUB : IR_FLAGS_ADD, a64_ty(sf), x, y, 0);
  if (cond < IR_CC_AL) {
    uint32_t holds = ir_cond(s->b, cond, a64_get_nzcv(s));
    f = ir_select(s->b, IR_I32, holds, f, ir_const(s->b, IR_I32, a->nzcv));
  }
  a64_set_nzcv(s, f);
  return true;
}

/* sf op 0 11010100 Rm(5) cond(4) 0 o2 Rn(5) Rd(5)   CSEL (op=0 o2=0), CSINC (0 1),
 * CSINV (1 0), CSNEG (1 1): Rd = cond ? Rn : f(Rm). CSET/CINC/CNEG... are aliases. */
bool trans_csel(struct a64_ctx *s, const struct arg_csel *a) {
  int sf = a->sf;
  unsigned kind = a->op * 2 + a->o2;
  unsigned cond = a->cond;
  enum ir_type t = a64_ty(sf);
  uint32_t x = a64_rd(s, a->rn, sf, false), r = x;
  if (cond < IR_CC_AL) {
    uint32_t y = a64_rd(s, a->rm, sf, false);
    if (kind == 1)
      y = ir_binop(s->b, IR_ADD, t, y, a64_imm(s, sf, 1));
    else if (kind == 2)
      y = ir_unop(s->b, IR_NOT, t, y);
    else if (kind == 3)
      y = ir_unop(s->b, IR_NEG, t, y);
    r = ir_select(s->b, t, ir_cond(s->b, cond, a64_get_nzcv(s)), x, y);
  }
  a64_wr(s, a->rd, sf, false, r);
  return true;
}
