/* Calls into a page with no access, three times: each must raise SIGSEGV at
 * that address (the translator cannot read the code there), and the handler
 * must be entered every time, not only the first. */
#include <stdio.h>
#include <sys/mman.h>
#include "fault_catch.h"

int main(void) {
  fault_catch(SIGSEGV);
  char *page = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (page == MAP_FAILED)
    return 1;
  for (int i = 0; i < 3; i++) {
    void (*fn)(void) = (void (*)(void))(page + 64 * i);
    if (sigsetjmp(fault_back, 1) == 0) {
      fn();
      printf("call %d returned\n", i);
    } else {
      printf("call %d: SIGSEGV at page+%ld, code %s\n", i, (long)(fault_addr - (uintptr_t)page),
             fault_code == SEGV_ACCERR   ? "SEGV_ACCERR"
             : fault_code == SEGV_MAPERR ? "SEGV_MAPERR"
                                         : "other");
    }
  }
  munmap(page, 4096);
  for (int i = 0; i < 2; i++) {
    void (*fn)(void) = (void (*)(void))(page + 128);
    if (sigsetjmp(fault_back, 1) == 0)
      fn();
    else
      printf("unmapped call %d: SIGSEGV at page+%ld\n", i, (long)(fault_addr - (uintptr_t)page));
  }
  return 0;
}
