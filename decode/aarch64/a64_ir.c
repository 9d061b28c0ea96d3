/* a64_ir.c - register, flag and exit helpers shared by the A64 trans_ functions. */
#include <signal.h>
#include "a64.h"

uint32_t a64_imm(struct a64_ctx *s, int sf, uint64_t v) {
  return ir_const(s->b, a64_ty(sf), v);
}

uint32_t a64_guest_addr(struct a64_ctx *s, uint64_t addr) {
  return ir_const_guest(s->b, IR_I64, addr);
}

uint32_t a64_rd(struct a64_ctx *s, unsigned r, int sf, bool sp) {
  if (r == 31 && !sp)
    return a64_imm(s, sf, 0);
  uint32_t v = ir_get(s->b, IR_I64, a64_off_x(r));
  return sf ? v : ir_unop(s->b, IR_TRUNC, IR_I32, v);
}

void a64_wr(struct a64_ctx *s, unsigned r, int sf, bool sp, uint32_t v) {
  if (r == 31 && !sp)
    return;
  if (!sf)
    v = ir_ext(s->b, IR_ZEXT, IR_I64, v, 32);
  ir_put(s->b, a64_off_x(r), v);
}

uint32_t a64_get_nzcv(struct a64_ctx *s) {
  return ir_get(s->b, IR_I32, offsetof(struct a64_cpu, nzcv));
}

void a64_set_nzcv(struct a64_ctx *s, uint32_t nzcv) {
  ir_put(s->b, offsetof(struct a64_cpu, nzcv), nzcv);
}

void a64_goto(struct a64_ctx *s, uint64_t target) {
  ir_goto(s->b, target);
  s->end = true;
}

void a64_jump(struct a64_ctx *s, uint32_t target) {
  ir_jump(s->b, target);
  s->end = true;
}

void a64_return(struct a64_ctx *s, uint32_t target) {
  ir_return(s->b, target);
  s->end = true;
}

static void a64_trap_with(struct a64_ctx *s, int sig, uint32_t info) {
  ir_put(s->b, offsetof(struct cpu, trap_info), info);
  ir_trap(s->b, sig, s->pc);
  s->end = true;
}

void a64_trap(struct a64_ctx *s, int sig, uint64_t info) {
  a64_trap_with(s, sig, ir_const(s->b, IR_I64, info));
}

void a64_trap_here(struct a64_ctx *s, int sig) {
  a64_trap_with(s, sig, a64_guest_addr(s, s->pc));
}

uint32_t a64_call_insn_helper(struct a64_ctx *s, void *helper) {
  uint32_t insn = ir_const(s->b, IR_I64, s->insn);
  uint32_t pc = a64_guest_addr(s, s->pc);
  return ir_call(s->b, IR_I64, helper, insn, pc, 0);
}
