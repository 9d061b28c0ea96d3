#define _GNU_SOURCE
/* tc_fault.c - host faults: a guest access that faults becomes the guest's
 * signal at the exact guest pc; a fault in the translator itself is reported
 * (tc_crash.c). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>
#include "tc_int.h"
#include "../gdb/gdb.h"
#include "../ir/ir.h"
#include "../syscall/syscall.h"

static void tc_on_fault(int sig, siginfo_t *si, void *uctx) {
  ucontext_t *uc = uctx;
  void *host_pc = (void *)uc->uc_mcontext.gregs[REG_RIP];
  if (tc_decode_jmp) { /* the guest's code is unreadable: tc_decode fails */
    sigset_t s;        /* its jump does not restore the mask: unblock sig */
    sigemptyset(&s);
    sigaddset(&s, sig);
    pthread_sigmask(SIG_UNBLOCK, &s, NULL);
    tc_decode_sig = sig == SIGBUS ? SIGBUS : SIGSEGV; /* SIGBUS: a file page past its end */
    tc_decode_si_code = sig == SIGBUS                ? si->si_code
                        : si->si_code == SEGV_ACCERR ? SEGV_ACCERR
                                                     : SEGV_MAPERR;
    siglongjmp(*tc_decode_jmp, 1);
  }
  struct cpu *c = tc_current;
  if (!c || !tc_in_guest)
    tc_crash(sig, si, uctx, host_pc);
  struct tc_block *blk = tc_in_code(host_pc) ? tc_find_host(host_pc) : NULL;
  struct ir_interp_pos at = ir_interp_pos;
  ir_interp_pos = (struct ir_interp_pos){NULL, NULL}; /* it is left here */
  if (blk) {
    c->pc = tc_guest_pc_at(blk, host_pc);
    if (tc_backend->fault_state)
      tc_backend->fault_state(blk, host_pc, uc, c);
  } else if (at.at) { /* the interpreter's access: the state is the guest's (tc_tier.c) */
    c->pc = ir_pc_of(at.b, (uint32_t)(at.at - at.b->insn));
  }
  tc_in_guest = 0;
  c->fp_pending |= tc_backend->fault_fpexc(uc);
  /* x86-64 faults on a non-canonical address with SI_KERNEL and no address
   * (SIGSEGV from #GP; SIGBUS from #SS, where the base register is rsp or
   * rbp): perhaps a guest tag the guest's hardware would ignore
   * (tc_deopt.c) */
  if ((sig == SIGSEGV || sig == SIGBUS) && si->si_code == SI_KERNEL && c->guest->addr_tag_bits &&
      ((blk && tc_access_at(blk, host_pc)) || (at.at && (ir_op_info[at.at->op].flags & IRF_MEM))))
    tc_tagged_pending = 1;
  else if (gdb_active) /* gdb hears of it first, outside this handler */
    tc_deferred = (struct tc_deferred){sig, si->si_code, (uintptr_t)si->si_addr};
  else
    sys_signal_sync(c, sig, si->si_code, (uintptr_t)si->si_addr);
  siglongjmp(tc_resume, 1);
}

void tc_fault_init(void) {
  static char altstack[64 * 1024];
  stack_t ss = {.ss_sp = altstack, .ss_size = sizeof(altstack)};
  sigaltstack(&ss, NULL);
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_sigaction = tc_on_fault;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGSEGV, &sa, NULL);
  sigaction(SIGBUS, &sa, NULL);
  sigaction(SIGILL, &sa, NULL);
  sigaction(SIGFPE, &sa, NULL);
}
