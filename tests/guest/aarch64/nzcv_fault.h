/* nzcv_fault.h - for arm-only guest tests that fault on purpose at a load
 * and look at the flags the fault saw: nzcv_fault_catch() installs a
 * SIGSEGV handler that stores NZCV from the ucontext in fault_nzcv and goes
 * on past the faulting instruction. */
#ifndef NZCV_FAULT_H
#define NZCV_FAULT_H

#include <signal.h>
#include <string.h>
#include <ucontext.h>

static volatile unsigned fault_nzcv;

static void nzcv_fault_skip(int sig, siginfo_t *si, void *ucv) {
  ucontext_t *uc = ucv;
  (void)sig, (void)si;
  fault_nzcv = (unsigned)(uc->uc_mcontext.pstate >> 28) & 15;
  uc->uc_mcontext.pc += 4; /* on past the load */
}

static void nzcv_fault_catch(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_sigaction = nzcv_fault_skip;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, NULL);
}

#endif
