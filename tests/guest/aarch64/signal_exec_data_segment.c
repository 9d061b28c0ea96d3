/* Code copied into the program's own data (a static array in .data, mapped
 * from the ELF file without execute permission) does not run: SIGSEGV with
 * SEGV_ACCERR at the array, as an instruction fetch there faults on arm64. */
// test: arm-only: A64 instruction words written at run time
#include <stdio.h>
#include "fault_catch.h"

static uint32_t code[4] __attribute__((aligned(16))) = {1, 2, 3, 4}; /* .data, not .bss */

int main(void) {
  fault_catch(SIGSEGV);
  code[0] = 0x52800120; /* mov w0, #9 */
  code[1] = 0xd65f03c0; /* ret */
  __builtin___clear_cache((char *)code, (char *)(code + 2));
  int (*fn)(void) = (int (*)(void))(uintptr_t)code;
  if (sigsetjmp(fault_back, 1) == 0)
    printf("code in .data returned %d\n", fn());
  else
    printf("code in .data: SIGSEGV %s%s\n",
           fault_code == SEGV_ACCERR ? "SEGV_ACCERR" : "other code",
           fault_addr == (uintptr_t)code ? " at the array" : " elsewhere");
  return 0;
}
