/* A jump into a page the guest mapped or re-protected without PROT_EXEC
 * faults (SIGSEGV, SEGV_ACCERR, si_addr the target), as an instruction fetch
 * there does on arm64; the same code runs once the page is made executable,
 * and faults again after it is made non-executable again. */
// test: arm-only: A64 instruction words written at run time
#include <stdio.h>
#include <sys/mman.h>
#include "fault_catch.h"

static void try_call(const char *what, uint32_t *page) {
  int (*fn)(void) = (int (*)(void))(uintptr_t)page;
  if (sigsetjmp(fault_back, 1) == 0) {
    int r = fn();
    printf("%s: returned %d\n", what, r);
  } else {
    printf("%s: SIGSEGV %s%s\n", what, fault_code == SEGV_ACCERR ? "SEGV_ACCERR" : "other code",
           fault_addr == (uintptr_t)page ? " at the page" : " elsewhere");
  }
}

int main(void) {
  fault_catch(SIGSEGV);
  uint32_t *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (page == MAP_FAILED)
    return 1;
  page[0] = 0x528000a0; /* mov w0, #5 */
  page[1] = 0xd65f03c0; /* ret */
  __builtin___clear_cache((char *)page, (char *)(page + 2));
  try_call("read-write", page);
  mprotect(page, 4096, PROT_READ | PROT_EXEC);
  try_call("read-exec", page);
  mprotect(page, 4096, PROT_READ);
  try_call("read-only", page);
  mprotect(page, 4096, PROT_READ | PROT_WRITE | PROT_EXEC);
  page[0] = 0x528000e0; /* mov w0, #7 */
  __builtin___clear_cache((char *)page, (char *)(page + 2));
  try_call("read-write-exec", page);
  return 0;
}
