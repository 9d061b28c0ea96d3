/* rv64_branch.c - JAL, JALR and the conditional branches (unprivileged ISA,
 * chapter 2.5). A conditional branch is a side exit: decoding goes on with
 * the fall-through path in the same block, or with the taken side where
 * that is the way round a loop. With C every target is 2-byte
 * aligned, so no target raises a misaligned-fetch exception. */
#include "rv64.h"

/* A link register of the calling convention (ra, or t0 for millicode). */
static bool rv64_is_link(unsigned r) {
  return r == 1 || r == 5;
}

/* rd = the address of the next instruction (pc + 2 after a compressed one);
 * into a link register, that makes the jump a call. */
static void rv64_link(struct rv64_ctx *s, unsigned rd) {
  if (!rd)
    return;
  rv64_set(s, rd, rv64_guest_addr(s, s->pc + s->len));
  if (rv64_is_link(rd))
    ir_ret_push(s->b, s->pc + s->len);
}

bool rv64_trans_jal(struct rv64_ctx *s, const struct arg_j *a) {
  rv64_link(s, a->rd);
  rv64_goto(s, s->pc + (int64_t)a->imm);
  return true;
}

/* target = (rs1 + imm) & ~1, read before rd is written (jalr ra, 0(ra)).
 * Through a link register and linking none, it is a return (the ISA's
 * table of return-address stack hints); linking one, a call. */
bool rv64_trans_jalr(struct rv64_ctx *s, const struct arg_i *a) {
  uint32_t t = rv64_addr(s, a->rs1, a->imm);
  t = ir_binop(s->b, IR_AND, IR_I64, t, rv64_imm(s, ~1ull));
  rv64_link(s, a->rd);
  if (!a->rd && rv64_is_link(a->rs1))
    rv64_return(s, t);
  else
    rv64_jump(s, t);
  return true;
}

/* A side exit to the target taken where cmp holds, or, where the block
 * follows the branch into a loop (decode/dec_trace.c), to the fall-through
 * where cmp does not. */
static bool rv64_branch(struct rv64_ctx *s, const struct arg_b *a, enum ir_cmp cmp) {
  uint64_t target = s->pc + (int64_t)a->imm;
  bool follow = rv64_trace_follows(s, target);
  uint32_t c = ir_cmp(s->b, follow ? ir_cmp_not(cmp) : cmp, IR_I64, rv64_get(s, a->rs1),
                      rv64_get(s, a->rs2));
  ir_exit_if(s->b, c, follow ? s->pc + s->len : target);
  return true;
}

bool rv64_trans_beq(struct rv64_ctx *s, const struct arg_b *a) {
  return rv64_branch(s, a, IR_EQ);
}
bool rv64_trans_bne(struct rv64_ctx *s, const struct arg_b *a) {
  return rv64_branch(s, a, IR_NE);
}
bool rv64_trans_blt(struct rv64_ctx *s, const struct arg_b *a) {
  return rv64_branch(s, a, IR_LT);
}
bool rv64_trans_bge(struct rv64_ctx *s, const struct arg_b *a) {
  return rv64_branch(s, a, IR_GE);
}
bool rv64_trans_bltu(struct rv64_ctx *s, const struct arg_b *a) {
  return rv64_branch(s, a, IR_LTU);
}
bool rv64_trans_bgeu(struct rv64_ctx *s, const struct arg_b *a) {
  return rv64_branch(s, a, IR_GEU);
}
