/* A branch to an address that is not a multiple of 4 is a PC alignment
 * fault: SIGBUS with BUS_ADRALN and si_addr the branch target, as Linux on
 * arm64 reports it; twice, so the handler is entered each time. */
// test: arm-only: a misaligned program counter is an Arm fault
#include <stdio.h>
#include "fault_catch.h"

static int target(void) {
  return 42;
}

int main(void) {
  fault_catch(SIGBUS);
  for (int off = 1; off <= 2; off++) {
    uintptr_t to = (uintptr_t)target + (uintptr_t)off;
    int (*fn)(void) = (int (*)(void))to;
    if (sigsetjmp(fault_back, 1) == 0)
      printf("call +%d returned %d\n", off, fn());
    else
      printf("call +%d: SIGBUS %s at target%s\n", off,
             fault_code == BUS_ADRALN ? "BUS_ADRALN" : "other",
             fault_addr == to ? "" : " (other address)");
  }
  printf("aligned call returns %d\n", target());
  return 0;
}
