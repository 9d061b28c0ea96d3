/* rv64_ir.c - register and exit helpers shared by the RV64 trans_ functions. */
#include <signal.h>
#include "rv64.h"

uint32_t rv64_imm(struct rv64_ctx *s, uint64_t v) {
  return ir_const(s->b, IR_I64, v);
}

uint32_t rv64_guest_addr(struct rv64_ctx *s, uint64_t addr) {
  return ir_const_guest(s->b, IR_I64, addr);
}

uint32_t rv64_get(struct rv64_ctx *s, unsigned r) {
  return r ? ir_get(s->b, IR_I64, rv64_off_x(r)) : rv64_imm(s, 0);
}

uint32_t rv64_get32(struct rv64_ctx *s, unsigned r) {
  return r ? ir_unop(s->b, IR_TRUNC, IR_I32, rv64_get(s, r)) : ir_const(s->b, IR_I32, 0);
}

void rv64_set(struct rv64_ctx *s, unsigned r, uint32_t v) {
  if (r)
    ir_put(s->b, rv64_off_x(r), v);
}

void rv64_set32(struct rv64_ctx *s, unsigned r, uint32_t v) {
  if (r)
    ir_put(s->b, rv64_off_x(r), ir_ext(s->b, IR_SEXT, IR_I64, v, 32));
}

uint32_t rv64_addr(struct rv64_ctx *s, unsigned rs1, int64_t imm) {
  uint32_t base = rv64_get(s, rs1);
  return imm ? ir_binop(s->b, IR_ADD, IR_I64, base, rv64_imm(s, (uint64_t)imm)) : base;
}

void rv64_goto(struct rv64_ctx *s, uint64_t target) {
  ir_goto(s->b, target);
  s->end = true;
}

void rv64_jump(struct rv64_ctx *s, uint32_t target) {
  ir_jump(s->b, target);
  s->end = true;
}

void rv64_return(struct rv64_ctx *s, uint32_t target) {
  ir_return(s->b, target);
  s->end = true;
}

void rv64_trap(struct rv64_ctx *s, int sig, uint64_t info) {
  ir_put(s->b, offsetof(struct cpu, trap_info), ir_const(s->b, IR_I64, info));
  ir_trap(s->b, sig, s->pc);
  s->end = true;
}

bool rv64_illegal(struct rv64_ctx *s) {
  rv64_trap(s, SIGILL, s->insn);
  return true;
}

/* The all-zero halfword and the compressed encodings the spec reserves. */
bool rv64_trans_illegal(struct rv64_ctx *s, const struct arg_empty *a) {
  (void)a;
  return rv64_illegal(s);
}
