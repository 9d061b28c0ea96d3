/* A hostile guest, told the host's view of the process (oracle.h), finds
 * the view of the code buffer that translated code runs from (read+execute)
 * and tries to write host instructions into it: with a store (it must get
 * SIGSEGV at that address, as for any read-only page) and by read() from a
 * pipe into it (it must get EFAULT). No page at which xrun runs code is
 * writable (W^X). Prints what happened. */
// hostile: oracle
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <unistd.h>
#include "oracle.h"

static sigjmp_buf back;
static volatile void *fault_addr;

static void on_segv(int sig, siginfo_t *si, void *uc) {
  (void)sig, (void)uc;
  fault_addr = si->si_addr;
  siglongjmp(back, 1);
}

int main(void) {
  FILE *f = oracle_maps();
  char line[1024];
  unsigned long lo = 0, hi;
  char perms[8];
  while (f && fgets(line, sizeof(line), f))
    if (sscanf(line, "%lx-%lx %7s", &lo, &hi, perms) == 3 && perms[2] == 'x' &&
        (strstr(line, "/dev/zero (deleted)") || !strcmp(perms, "rwxp")))
      break;
    else
      lo = 0;
  if (!lo) {
    printf("no executable code-buffer view found\n");
    return 1;
  }
  if (perms[1] == 'w') {
    printf("the code buffer's executable view is writable: %s", line);
    return 1;
  }
  struct sigaction sa = {.sa_sigaction = on_segv, .sa_flags = SA_SIGINFO};
  sigaction(SIGSEGV, &sa, NULL);
  volatile uint8_t *target = (uint8_t *)lo + 4096;
  volatile int stored = 0;
  if (!sigsetjmp(back, 1)) {
    *target = 0xc3; /* ret */
    stored = 1;
  }
  int p[2];
  pipe(p);
  write(p[1], "\xc3\xc3\xc3\xc3", 4);
  ssize_t n = read(p[0], (void *)(uintptr_t)target, 4);
  printf("store: %s; read(): %s\n",
         stored                 ? "WRITTEN"
         : fault_addr == target ? "SIGSEGV"
                                : "?",
         n < 0 ? "refused" : "WRITTEN");
  return !stored && fault_addr == target && n < 0 ? 0 : 1;
}
