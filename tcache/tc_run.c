#define _GNU_SOURCE
/* tc_run.c - the run loop of one guest thread: find or translate the block at
 * pc, run it, and act on how it left (chain, jump-cache fill, syscall, trap). */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include "tc_int.h"
#include "../gc/gc.h"
#include "../gdb/gdb.h"
#include "../ir/ir.h"
#include "../syscall/syscall.h"

const struct backend *tc_backend;
const struct guest *tc_guest;
__thread struct cpu *tc_current;
__thread volatile int tc_in_guest;
__thread sigjmp_buf tc_resume;

/* A synchronous guest signal at c->pc; with -g, gdb sees it first and may
 * drop it. */
static void tc_signal_sync(struct cpu *c, int sig, int code, uint64_t addr) {
  if (gdb_active && !(sig = gdb_signal(c, sig)))
    return;
  sys_signal_sync(c, sig, code, addr);
}

/* With -g a fault handler leaves its guest signal here (tc_fault.c): gdb is
 * told of it outside the handler, on the way back into the run loop. */
__thread struct tc_deferred tc_deferred;

static void tc_deferred_signal(struct cpu *c) {
  struct tc_deferred d = tc_deferred;
  tc_deferred.sig = 0;
  if (d.sig)
    tc_signal_sync(c, d.sig, d.code, d.addr);
}

/* A signal gdb resumes c with (`signal SIGUSR1`) is the guest's at once. */
static void tc_debug_signal(struct cpu *c, int sig) {
  if (sig)
    sys_signal_sync(c, sig, SI_USER, 0);
}

/* Stopped for gdb (a breakpoint, a step). */
static void tc_debug_stop(struct cpu *c) {
  tc_debug_signal(c, gdb_stopped(c));
}

/* A trap the guest raised by itself (undefined instruction, brk, svc of a
 * kind we refuse): the guest's signal, at c->pc. A debugger's breakpoint
 * stops for gdb instead. */
static void tc_trap(struct cpu *c) {
  int sig = c->trap_signal;
  if (sig == SIGTRAP && c->trap_info == XRUN_TRAP_BREAKPOINT) {
    /* else no debugger any more: c->pc is translated again */
    if (gdb_active && (sig = gdb_breakpoint_hit(c)))
      sys_signal_sync(c, sig, SI_USER, 0);
    return;
  }
  if (sig == SIGILL)
    XLOG(LOG_UNIMPL, "xrun: unimplemented or undefined instruction at 0x%llx: %08llx (SIGILL)",
         (unsigned long long)c->pc, (unsigned long long)c->trap_info);
  int code = sig == SIGILL ? ILL_ILLOPC : sig == SIGTRAP ? TRAP_BRKPT : 0;
  tc_signal_sync(c, sig, code, sig == SIGSEGV ? c->trap_info : c->pc);
}

/* How many of the guest's hot registers to offer for pinning: all, or
 * XRUN_PINS (a number) for measuring. */
static unsigned tc_pin_count(const struct guest *g) {
  const char *e = getenv("XRUN_PINS");
  unsigned n = e ? (unsigned)atoi(e) : g->n_hot_regs;
  return n < g->n_hot_regs ? n : g->n_hot_regs;
}

void tc_init(const struct backend *be, const struct guest *g) {
  tc_backend = be;
  tc_guest = g;
  tc_threads_init();
  tc_map_init();
  tc_own_init();
  if (be->pin_slots)
    be->pin_slots(g->hot_regs, tc_pin_count(g));
  tc_buf_init((size_t)xrun_opt.code_kb << 10);
  tc_persist_init();
  tc_fault_init();
  tc_diag_init();
}

/* After an indirect-branch miss: translate, and remember it in the jump cache. */
static struct tc_block *tc_fill_jc(struct cpu *c) {
  tc_jc_reserve(c);
  struct tc_block *blk = tc_get(c, c->pc);
  if (blk && blk != TC_INTERP)
    tc_jc_fill(c, blk);
  return blk;
}

/* A direct exit that is not chained yet: translate its target and chain it
 * (unless blocks were dropped for room meanwhile, e's among them perhaps). */
static struct tc_block *tc_follow_exit(struct cpu *c, struct tc_exit *e) {
  uint64_t gen = tc_generation;
  struct tc_block *to = tc_get(c, c->pc);
  tc_count(TC_ST_EXIT_DIRECT, 1);
  if (to && to != TC_INTERP && gen == tc_generation && !xrun_opt.no_chain) {
    pthread_mutex_lock(&tc_chain_lock);
    if (!tc_exit_from(e)->invalid)
      tc_chain(e, to);
    pthread_mutex_unlock(&tc_chain_lock);
  }
  return to;
}

/* Syscalls may block: offline, so that no reclamation waits for them;
 * and with -g, stopped as far as gdb's all-stop goes, until they return. */
static void tc_syscall(struct cpu *c) {
  gc_offline();
  if (!gdb_active) {
    sys_syscall(c);
    gc_online();
    return;
  }
  gdb_syscall_enter(c);
  sys_syscall(c);
  int sig = gdb_syscall_leave(c);
  gc_online();
  tc_debug_signal(c, sig);
}

/* Drop the translations of code the guest changed: the line of IC IVAU at
 * addr (or every translation for FENCE.I's XRUN_CODE_ALL; none for 0) and the
 * lines its IC IVAUs left pending. Offline (tc_invalidate takes tc_mutex,
 * which a reclamation holds while it waits for the online threads). */
static void tc_code_drop(struct cpu *c, uint64_t addr) {
  uint64_t lo = c->code_inval_lo, hi = c->code_inval_hi;
  c->code_inval_lo = c->code_inval_hi = 0;
  gc_offline();
  if (addr == XRUN_CODE_ALL)
    tc_invalidate(0, UINT64_MAX);
  else if (addr)
    tc_invalidate_code_line(addr & ~(uint64_t)(TC_CODE_LINE - 1), TC_CODE_LINE);
  if (hi)
    tc_invalidate_code_line(lo, hi - lo);
  gc_online();
}

static void tc_code_inval(struct cpu *c) {
  tc_code_drop(c, c->trap_info);
}

static struct tc_block *tc_after_exit(struct cpu *c, uintptr_t r) {
  switch (r) {
  case CPU_EXIT_PLAIN: return c->exit_request ? NULL : tc_fill_jc(c);
  case CPU_EXIT_SYSCALL: tc_syscall(c); return NULL;
  case CPU_EXIT_TRAP: tc_trap(c); return NULL;
  case CPU_EXIT_DEOPT: tc_deopt(c); return NULL;
  case CPU_EXIT_CODE_INVAL: tc_code_inval(c); return NULL;
  case CPU_EXIT_HOT: tc_tier_up(c); return NULL;
  default: return tc_follow_exit(c, (struct tc_exit *)r);
  }
}

/* --stats: how translated code came back (a direct exit counts itself). */
static void tc_count_exit(const struct cpu *c, uintptr_t r) {
  switch (r) {
  case CPU_EXIT_PLAIN:
    tc_count(c->exit_request ? TC_ST_EXIT_REQUEST : TC_ST_EXIT_INDIRECT, 1);
    break;
  case CPU_EXIT_SYSCALL: tc_count(TC_ST_EXIT_SYSCALL, 1); break;
  case CPU_EXIT_TRAP: tc_count(TC_ST_EXIT_TRAP, 1); break;
  case CPU_EXIT_DEOPT: tc_count(TC_ST_DEOPTS, 1); break;
  case CPU_EXIT_CODE_INVAL: tc_count(TC_ST_EXIT_CODE_INVAL, 1); break;
  }
}

uintptr_t tc_interp(struct cpu *c, const struct ir_block *b) {
  tc_in_guest = 1;
  xrun_fp_clear(); /* C code that runs IR itself starts clean */
  uintptr_t r = ir_interp(b, c);
  xrun_fp_take(c);
  tc_in_guest = 0;
  return r;
}

/* xrun -g, gdb's single step: the one instruction at c->pc, translated
 * alone (under tc_mutex: max_block_insns is the decoder's), run in the IR
 * interpreter and not kept; then stop for gdb, unless a signal or trap of
 * that instruction stopped already. */
static void tc_step(struct cpu *c) {
  static __thread struct ir_block *b;
  unsigned stops = gdb_stops;
  if (!b)
    b = ir_block_new(c->pc);
  gc_offline();
  pthread_mutex_lock(&tc_mutex);
  unsigned max = xrun_opt.max_block_insns;
  xrun_opt.max_block_insns = 1;
  int bad = tc_decode(b, c->pc);
  xrun_opt.max_block_insns = max;
  pthread_mutex_unlock(&tc_mutex);
  gc_online();
  if (bad) {
    tc_signal_sync(c, tc_decode_sig, tc_decode_si_code, c->pc);
    return;
  }
  uintptr_t r = tc_interp(c, b);
  if (r == CPU_EXIT_DEOPT) { /* not run: again, exact */
    tc_deopt(c);
    return;
  }
  if (r == CPU_EXIT_SYSCALL)
    tc_syscall(c);
  else if (r == CPU_EXIT_TRAP)
    tc_trap(c);
  else if (r == CPU_EXIT_CODE_INVAL)
    tc_code_inval(c);
  if (c->code_inval_hi)
    tc_code_drop(c, 0);
  if (c->exiting)
    gdb_thread_exit(c);
  else if (stops == gdb_stops)
    tc_debug_stop(c);
}

static void tc_run_interp(struct cpu *c) {
  struct ir_block *b = ir_block_new(c->pc);
  while (!c->exiting) {
    if (c->exit_request) {
      c->exit_request = 0;
      if (gdb_active)
        tc_debug_signal(c, gdb_boundary(c));
      sys_signal_deliver(c);
      continue;
    }
    if (gdb_stepping) {
      tc_step(c);
      continue;
    }
    if (tc_decode(b, c->pc) < 0) {
      tc_signal_sync(c, tc_decode_sig, tc_decode_si_code, c->pc);
      continue;
    }
    uintptr_t r = tc_interp(c, b);
    if (r == CPU_EXIT_SYSCALL)
      tc_syscall(c);
    else if (r == CPU_EXIT_TRAP)
      tc_trap(c);
    else if (r == CPU_EXIT_DEOPT)
      tc_deopt(c);
    else if (r == CPU_EXIT_CODE_INVAL) /* nothing kept: every block is decoded afresh */
      c->code_inval_lo = c->code_inval_hi = 0;
  }
  ir_block_free(b);
}

/* Run translated block blk; returns how it left. */
static uintptr_t tc_enter(struct cpu *c, struct tc_block *blk) {
  XLOG(LOG_EXEC, "exec 0x%llx", (unsigned long long)blk->guest_pc);
  if (__builtin_expect(c->ras_epoch != __atomic_load_n(&gc_epoch, __ATOMIC_ACQUIRE), 0))
    tc_ras_reset(c); /* a region of the code buffer may be reused (tc_ras.c) */
  tc_in_guest = 1;
  tc_count(TC_ST_ENTERS, 1);
  uintptr_t r = tc_backend->enter(c, blk->code);
  tc_in_guest = 0;
  tc_count_exit(c, r);
  return r;
}

static void tc_loop(struct cpu *c) {
  struct tc_block *blk = NULL;
  while (!c->exiting) {
    if (gc_quiescent()) /* a region is being emptied: blk may be in it */
      blk = NULL;
    if (tc_tagged_pending) {
      tc_tagged_pending = 0;
      tc_tagged_retry(c);
      blk = NULL;
      continue;
    }
    if (c->exit_request) {
      c->exit_request = 0;
      if (gdb_active)
        tc_debug_signal(c, gdb_boundary(c));
      sys_signal_deliver(c);
      blk = NULL;
      continue;
    }
    if (__builtin_expect(gdb_stepping, 0)) {
      tc_step(c);
      blk = NULL;
      continue;
    }
    if (!blk)
      blk = tc_get(c, c->pc);
    if (!blk) {
      tc_signal_sync(c, tc_decode_sig, tc_decode_si_code, c->pc);
      continue;
    }
    uintptr_t r = blk == TC_INTERP ? tc_tier_run(c) : tc_enter(c, blk);
    /* lines an IC IVAU left, with no DSB or ISB yet: dropped before any
     * lookup, at any exit but the one that drops them */
    if (__builtin_expect(c->code_inval_hi != 0, 0) && r != CPU_EXIT_CODE_INVAL)
      tc_code_drop(c, 0);
    blk = tc_after_exit(c, r);
  }
}

void tc_run(struct cpu *c) {
  tc_current = c;
  if (!c->jc)
    tc_jc_init(c);
  tc_ras_reset(c);
  tc_thread_enter(c);
  if (gdb_active) /* first, stop if the others are stopped */
    c->exit_request = 1;
  if (sigsetjmp(tc_resume, 1)) { /* a fault handler set up a guest signal */
    tc_in_guest = 0;
    tc_deferred_signal(c);
  }
  if (xrun_opt.interp)
    tc_run_interp(c);
  else
    tc_loop(c);
  gdb_thread_exit(c); /* gdb let it run alone: the others may run again */
  tc_thread_leave(c);
}
