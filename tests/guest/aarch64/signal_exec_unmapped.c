/* Calls into a page with no access, three times: each must raise SIGSEGV at
 * that address (the translator cannot read the code there), and the handler
 * must be entered every time, not only the first. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

static sigjmp_buf back;
static volatile void *fault_addr;
static volatile int fault_code;

static void on_segv(int sig, siginfo_t *si, void *uc) {
  (void)sig, (void)uc;
  fault_addr = si->si_addr;
  fault_code = si->si_code;
  siglongjmp(back, 1);
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, NULL);
  char *page = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (page == MAP_FAILED)
    return 1;
  for (int i = 0; i < 3; i++) {
    void (*fn)(void) = (void (*)(void))(page + 64 * i);
    if (sigsetjmp(back, 1) == 0) {
      fn();
      printf("call %d returned\n", i);
    } else {
      printf("call %d: SIGSEGV at page+%ld, code %s\n", i, (long)((char *)fault_addr - page),
             fault_code == SEGV_ACCERR   ? "SEGV_ACCERR"
             : fault_code == SEGV_MAPERR ? "SEGV_MAPERR"
                                         : "other");
    }
  }
  munmap(page, 4096);
  for (int i = 0; i < 2; i++) {
    void (*fn)(void) = (void (*)(void))(page + 128);
    if (sigsetjmp(back, 1) == 0)
      fn();
    else
      printf("unmapped call %d: SIGSEGV at page+%ld\n", i, (long)((char *)fault_addr - page));
  }
  return 0;
}
