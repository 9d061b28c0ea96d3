/* a64_branch.c - A64 branches (Arm ARM C4.1.65) and the pattern table of
 * branches, exception generation and system instructions (the system ones
 * are in a64_sys.c). A conditional branch is a side exit: decoding goes on
 * with the fall-through path in the same block. */
#include "a64_util.h"

/* op 00101 imm26(26)   B (op=0), BL (op=1: X30 = pc + 4) */
static bool trans_b(struct a64_ctx *s, uint32_t insn) {
  uint64_t target = s->pc + (uint64_t)(a64_sbits(insn, 0, 26) * 4);
  if (a64_bits(insn, 31, 1))
    ir_put(s->b, a64_off_x(30), a64_guest_addr(s, s->pc + 4));
  a64_goto(s, target);
  return true;
}

/* 0101010 0 imm19(19) 0 cond(4)   B.cond */
static bool trans_bcond(struct a64_ctx *s, uint32_t insn) {
  uint64_t target = s->pc + (uint64_t)(a64_sbits(insn, 5, 19) * 4);
  unsigned cond = a64_bits(insn, 0, 4);
  if (cond >= IR_CC_AL) {
    a64_goto(s, target);
    return true;
  }
  ir_exit_if(s->b, ir_cond(s->b, cond, a64_get_nzcv(s)), target);
  return true;
}

/* sf 011010 op imm19(19) Rt(5)   CBZ (op=0), CBNZ (op=1) */
static bool trans_cbz(struct a64_ctx *s, uint32_t insn) {
  int sf = a64_bits(insn, 31, 1);
  uint64_t target = s->pc + (uint64_t)(a64_sbits(insn, 5, 19) * 4);
  uint32_t v = a64_rd(s, a64_bits(insn, 0, 5), sf, false);
  enum ir_cmp cmp = a64_bits(insn, 24, 1) ? IR_NE : IR_EQ;
  ir_exit_if(s->b, ir_cmp(s->b, cmp, a64_ty(sf), v, a64_imm(s, sf, 0)), target);
  return true;
}

/* b5 011011 op b40(5) imm14(14) Rt(5)   TBZ (op=0), TBNZ (op=1) on bit b5:b40 of Rt */
static bool trans_tbz(struct a64_ctx *s, uint32_t insn) {
  unsigned bit = a64_bits(insn, 31, 1) * 32 + a64_bits(insn, 19, 5);
  uint64_t target = s->pc + (uint64_t)(a64_sbits(insn, 5, 14) * 4);
  uint32_t v = a64_rd(s, a64_bits(insn, 0, 5), 1, false);
  v = ir_binop(s->b, IR_AND, IR_I64, v, ir_const(s->b, IR_I64, 1ull << bit));
  enum ir_cmp cmp = a64_bits(insn, 24, 1) ? IR_NE : IR_EQ;
  ir_exit_if(s->b, ir_cmp(s->b, cmp, IR_I64, v, ir_const(s->b, IR_I64, 0)), target);
  return true;
}

/* 1101011 Z opc(2) 11111 00001 M Rn(5) Rm(5): the pointer-authenticated forms
 * (BRAA, BRAAZ, BLRAA, RETAA, ...) are decoded as the plain branch: xrun does
 * not advertise PAuth, so pointers are never signed. */
static bool a64_br_form_ok(uint32_t insn) {
  unsigned z = a64_bits(insn, 24, 1), opc = a64_bits(insn, 21, 2);
  unsigned op3 = a64_bits(insn, 10, 6), op4 = a64_bits(insn, 0, 5);
  if (opc == 3)
    return false;
  if (op3 == 0) /* BR, BLR, RET */
    return !z && op4 == 0;
  if ((op3 & 0x3e) != 2)
    return false;
  if (opc == 2) /* RETAA/RETAB: Rn and Rm are 11111 */
    return !z && op4 == 31 && a64_bits(insn, 5, 5) == 31;
  return z || op4 == 31; /* BRAA/BLRAA take a modifier Rm; the Z forms need Rm = 11111 */
}

/* 1101011 Z 0 opc(2) 11111 op3(6) Rn(5) op4(5)   BR (opc 00), BLR (01), RET (10) */
static bool trans_br(struct a64_ctx *s, uint32_t insn) {
  if (!a64_br_form_ok(insn))
    return false;
  unsigned rn = a64_bits(insn, 5, 5);
  if (a64_bits(insn, 21, 2) == 2 && a64_bits(insn, 10, 6)) /* RETAA, RETAB */
    rn = 30;
  uint32_t target = a64_rd(s, rn, 1, false);
  if (a64_bits(insn, 21, 2) == 1) /* BLR: read Rn before writing X30 (BLR X30) */
    ir_put(s->b, a64_off_x(30), a64_guest_addr(s, s->pc + 4));
  a64_jump(s, target);
  return true;
}

const struct a64_pattern a64_branch_patterns[] = {
    /* x 00101 imm26   B, BL */
    {0x7c000000, 0x14000000, trans_b, "b/bl"},
    /* 01010100 imm19 0 cond   B.cond */
    {0xff000010, 0x54000000, trans_bcond, "b.cond"},
    /* x 011010 x imm19 Rt   CBZ, CBNZ */
    {0x7e000000, 0x34000000, trans_cbz, "cbz/cbnz"},
    /* x 011011 x b40 imm14 Rt   TBZ, TBNZ */
    {0x7e000000, 0x36000000, trans_tbz, "tbz/tbnz"},
    /* 1101011 x 0 xx 11111 ...   unconditional branch (register) */
    {0xfe9f0000, 0xd61f0000, trans_br, "br/blr/ret"},
    /* 11010100 000 imm16 000 01   SVC */
    {0xffe0001f, 0xd4000001, trans_svc, "svc"},
    /* 11010100 001 imm16 000 00   BRK */
    {0xffe0001f, 0xd4200000, trans_brk, "brk"},
    /* 11010100 010 imm16 000 00   HLT */
    {0xffe0001f, 0xd4400000, trans_hlt, "hlt"},
    /* 0000000000000000 imm16   UDF */
    {0xffff0000, 0x00000000, trans_udf, "udf"},
    /* 1101010100 0 00 011 0010 CRm op2 11111   hints */
    {0xfffff01f, 0xd503201f, trans_hint, "hint"},
    /* 1101010100 0 00 011 0011 CRm op2 11111   barriers, CLREX */
    {0xfffff01f, 0xd503301f, trans_barrier, "barrier"},
    /* 1101010100 0 01 op1 CRn CRm op2 Rt   SYS (DC, IC) */
    {0xfff80000, 0xd5080000, trans_sys, "sys"},
    /* 1101010100 0 1 o0 op1 CRn CRm op2 Rt   MSR (register) */
    {0xfff00000, 0xd5100000, trans_msr, "msr"},
    /* 1101010100 1 1 o0 op1 CRn CRm op2 Rt   MRS */
    {0xfff00000, 0xd5300000, trans_mrs, "mrs"},
    {0, 0, NULL, NULL},
};
