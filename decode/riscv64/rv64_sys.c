/* rv64_sys.c - ECALL, EBREAK, FENCE and FENCE.I (unprivileged ISA, chapters
 * 2.7, 2.8 and 7). */
#include <signal.h>
#include "rv64.h"

/* a7 = number, a0..a5 = arguments, a0 = result (the syscall layer reads
 * them through rv64_guest.sys_*_off) */
bool rv64_trans_ecall(struct rv64_ctx *s, const struct arg_empty *a) {
  (void)a;
  ir_syscall(s->b, s->pc + 4);
  s->end = true;
  return true;
}

/* Linux delivers SIGTRAP (TRAP_BRKPT) at the ebreak itself. */
bool rv64_trans_ebreak(struct rv64_ctx *s, const struct arg_empty *a) {
  (void)a;
  rv64_trap(s, SIGTRAP, s->pc);
  return true;
}

/* Every FENCE (and FENCE.TSO, PAUSE) as a full fence: x86-64 keeps all the
 * orders but store -> load, and a fence that names none is rare. */
bool rv64_trans_fence(struct rv64_ctx *s, const struct arg_empty *a) {
  (void)a;
  ir_fence(s->b, IR_FENCE_FULL);
  return true;
}

/* FENCE.I: stores this hart made to code are seen by its later fetches.
 * It names no address, so every translation is dropped, as riscv_flush_icache
 * drops those of a range: the block ends through the syscall exit with
 * fence_i set, which the syscall hook (sys_rv64_syscall, run offline as
 * dropping translations must be) takes for this instead of a call. Code in
 * pages that xrun write-protects is dropped at the store already; this is
 * for code written where it cannot see stores (memory mapped writable and
 * executable). */
bool rv64_trans_fence_i(struct rv64_ctx *s, const struct arg_empty *a) {
  (void)a;
  ir_put(s->b, offsetof(struct rv64_cpu, fence_i), rv64_imm(s, 1));
  ir_syscall(s->b, s->pc + 4);
  s->end = true;
  return true;
}
