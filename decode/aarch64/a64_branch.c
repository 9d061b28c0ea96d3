/* a64_branch.c - A64 branches (Arm ARM C4.1.65; their encodings are in
 * a64.decode). A conditional branch is a side exit: decoding goes on with the
 * fall-through path in the same block, or, where the taken side is the way
 * round a loop (decode/dec_trace.c), with the taken side, the side exit going to
 * the fall-through when the branch is not taken. */
#include "a64_util.h"

/* op 00101 imm26(26)   B (op=0), BL (op=1: X30 = pc + 4) */
bool trans_b(struct a64_ctx *s, const struct arg_b *a) {
  uint64_t target = s->pc + (uint64_t)(int64_t)a->off26;
  if (a->op) {
    ir_put(s->b, a64_off_x(30), a64_guest_addr(s, s->pc + 4));
    ir_ret_push(s->b, s->pc + 4);
  }
  a64_goto(s, target);
  return true;
}

/* 0101010 0 imm19(19) 0 cond(4)   B.cond */
bool trans_bcond(struct a64_ctx *s, const struct arg_bcond *a) {
  uint64_t target = s->pc + (uint64_t)(int64_t)a->off19;
  unsigned cond = a->cond;
  if (cond >= IR_CC_AL) {
    a64_goto(s, target);
    return true;
  }
  bool follow = a64_trace_follows(s, target);
  uint32_t nzcv = a64_get_nzcv(s);
  ir_exit_if(s->b, ir_cond(s->b, follow ? cond ^ 1 : cond, nzcv), follow ? s->pc + 4 : target);
  return true;
}

/* The side exit of a branch to target taken where cmp of a and b holds, or,
 * where the block follows it, to the fall-through where cmp does not. */
static void a64_branch_cmp(struct a64_ctx *s, enum ir_cmp cmp, enum ir_type ty, uint32_t a,
                           uint32_t b, uint64_t target) {
  bool follow = a64_trace_follows(s, target);
  ir_exit_if(s->b, ir_cmp(s->b, follow ? ir_cmp_not(cmp) : cmp, ty, a, b),
             follow ? s->pc + 4 : target);
}

/* sf 011010 op imm19(19) Rt(5)   CBZ (op=0), CBNZ (op=1) */
bool trans_cbz(struct a64_ctx *s, const struct arg_cbz *a) {
  int sf = a->sf;
  uint64_t target = s->pc + (uint64_t)(int64_t)a->off19;
  uint32_t v = a64_rd(s, a->rt, sf, false);
  a64_branch_cmp(s, a->op ? IR_NE : IR_EQ, a64_ty(sf), v, a64_imm(s, sf, 0), target);
  return true;
}

/* b5 011011 op b40(5) imm14(14) Rt(5)   TBZ (op=0), TBNZ (op=1) on bit b5:b40 of Rt */
bool trans_tbz(struct a64_ctx *s, const struct arg_tbz *a) {
  unsigned bit = a->b5 * 32 + a->b40;
  uint64_t target = s->pc + (uint64_t)(int64_t)a->off14;
  uint32_t v = a64_rd(s, a->rt, 1, false);
  v = ir_binop(s->b, IR_AND, IR_I64, v, ir_const(s->b, IR_I64, 1ull << bit));
  a64_branch_cmp(s, a->op ? IR_NE : IR_EQ, IR_I64, v, ir_const(s->b, IR_I64, 0), target);
  return true;
}

/* 1101011 Z opc(2) 11111 00001 M Rn(5) Rm(5): the pointer-authenticated forms
 * (BRAA, BRAAZ, BLRAA, RETAA, ...) are decoded as the plain branch: xrun does
 * not advertise PAuth, so pointers are never signed. */
static bool a64_br_form_ok(const struct arg_br *a) {
  unsigned z = a->z, opc = a->opc, op3 = a->op3, op4 = a->op4;
  if (opc == 3)
    return false;
  if (op3 == 0) /* BR, BLR, RET */
    return !z && op4 == 0;
  if ((op3 & 0x3e) != 2)
    return false;
  if (opc == 2) /* RETAA/RETAB: Rn and Rm are 11111 */
    return !z && op4 == 31 && a->rn == 31;
  return z || op4 == 31; /* BRAA/BLRAA take a modifier Rm; the Z forms need Rm = 11111 */
}

/* 1101011 Z 0 opc(2) 11111 op3(6) Rn(5) op4(5)   BR (opc 00), BLR (01), RET (10) */
bool trans_br(struct a64_ctx *s, const struct arg_br *a) {
  if (!a64_br_form_ok(a))
    return false;
  unsigned rn = a->rn;
  if (a->opc == 2 && a->op3) /* RETAA, RETAB */
    rn = 30;
  uint32_t target = a64_rd(s, rn, 1, false);
  if (a->opc == 1) { /* BLR: read Rn before writing X30 (BLR X30) */
    ir_put(s->b, a64_off_x(30), a64_guest_addr(s, s->pc + 4));
    ir_ret_push(s->b, s->pc + 4);
  }
  if (a->opc == 2)
    a64_return(s, target);
  else
    a64_jump(s, target);
  return true;
}
