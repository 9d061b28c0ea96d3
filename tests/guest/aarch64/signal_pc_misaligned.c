/* A branch to an address that is not a multiple of 4 is a PC alignment
 * fault: SIGBUS with BUS_ADRALN and si_addr the branch target, as Linux on
 * arm64 reports it; twice, so the handler is entered each time. */
// test: arm-only: a misaligned program counter is an Arm fault
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static sigjmp_buf back;
static volatile uintptr_t addr;
static volatile int code;

static void on_bus(int sig, siginfo_t *si, void *uc) {
  (void)sig, (void)uc;
  addr = (uintptr_t)si->si_addr;
  code = si->si_code;
  siglongjmp(back, 1);
}

static int target(void) {
  return 42;
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_sigaction = on_bus;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGBUS, &sa, NULL);
  for (int off = 1; off <= 2; off++) {
    uintptr_t to = (uintptr_t)target + (uintptr_t)off;
    int (*fn)(void) = (int (*)(void))to;
    if (sigsetjmp(back, 1) == 0)
      printf("call +%d returned %d\n", off, fn());
    else
      printf("call +%d: SIGBUS %s at target%s\n", off, code == BUS_ADRALN ? "BUS_ADRALN" : "other",
             addr == to ? "" : " (other address)");
  }
  printf("aligned call returns %d\n", target());
  return 0;
}
