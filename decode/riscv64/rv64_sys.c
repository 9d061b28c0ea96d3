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

/* The orders a FENCE's predecessor and successor sets name (each I, O, R,
 * W; device input counts as a load, output as a store); FENCE.TSO (fm 1000)
 * keeps all but stores before loads. PAUSE (fence w, 0) keeps none.
 * Compilers put fence rw,rw before a seq_cst load, fence r,rw after an
 * acquire load and fence rw,w before a release store: only the first is
 * an instruction on x86-64. */
static unsigned rv64_fence_orders(unsigned fm, unsigned pred, unsigned succ) {
  enum { W = 1, R = 2, O = 4, I = 8 }; /* the sets' bits */
  int pr = !!(pred & (R | I)), pw = !!(pred & (W | O));
  int sr = !!(succ & (R | I)), sw = !!(succ & (W | O));
  unsigned orders = (pr && sr ? IR_FENCE_RR : 0) | (pr && sw ? IR_FENCE_RW : 0) |
                    (pw && sr ? IR_FENCE_WR : 0) | (pw && sw ? IR_FENCE_WW : 0);
  return fm == 8 ? orders & ~(unsigned)IR_FENCE_WR : orders;
}

bool rv64_trans_fence(struct rv64_ctx *s, const struct arg_fence *a) {
  unsigned orders = rv64_fence_orders(a->fm, a->pred, a->succ);
  if (orders)
    ir_fence(s->b, (enum ir_fence)orders);
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
