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
 * drops those of a range: the block ends through the code-invalidation exit
 * for all code (XRUN_CODE_ALL), which the run loop takes offline, as
 * dropping translations must be. Code in pages that xrun write-protects is
 * dropped at the store already; this is for code written where it cannot
 * see stores (memory mapped writable and executable). */
bool rv64_trans_fence_i(struct rv64_ctx *s, const struct arg_empty *a) {
  (void)a;
  ir_code_inval(s->b, rv64_imm(s, XRUN_CODE_ALL), s->pc + 4);
  s->end = true;
  return true;
}
