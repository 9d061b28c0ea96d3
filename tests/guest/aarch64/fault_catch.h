/* fault_catch.h - for guest tests that fault on purpose: after
 * fault_catch(sig), a sig raised inside `if (sigsetjmp(fault_back, 1) == 0)`
 * lands in its else branch with fault_code (si_code) and fault_addr
 * (si_addr) set. */
#ifndef FAULT_CATCH_H
#define FAULT_CATCH_H

#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>

static sigjmp_buf fault_back;
static volatile uintptr_t fault_addr;
static volatile int fault_code;

static void fault_caught(int sig, siginfo_t *si, void *uc) {
  (void)sig, (void)uc;
  fault_addr = (uintptr_t)si->si_addr;
  fault_code = si->si_code;
  siglongjmp(fault_back, 1);
}

static void fault_catch(int sig) {
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_sigaction = fault_caught;
  sa.sa_flags = SA_SIGINFO;
  sigaction(sig, &sa, NULL);
}

#endif
