/* Code written on the main thread's stack: the program has a PT_GNU_STACK
 * without PF_X (gcc's default), so Linux maps its stack without PROT_EXEC
 * and a jump there faults (SIGSEGV, SEGV_ACCERR, si_addr the target). */
// test: arm-only: A64 instruction words written at run time
#include <stdio.h>
#include "fault_catch.h"

int main(void) {
  uint32_t code[4]
      __attribute__((aligned(16))) = {0x52800540 /* mov w0, #42 */, 0xd65f03c0 /* ret */};
  __builtin___clear_cache((char *)code, (char *)(code + 2));
  fault_catch(SIGSEGV);
  int (*volatile fn)(void) = (int (*)(void))(uintptr_t)code;
  if (sigsetjmp(fault_back, 1) == 0)
    printf("stack code returned %d\n", fn());
  else
    printf("stack code: SIGSEGV %s%s\n", fault_code == SEGV_ACCERR ? "SEGV_ACCERR" : "other code",
           fault_addr == (uintptr_t)code ? " at the code" : " elsewhere");
  return 0;
}
