/* Code copied into the program's own data (a static array in .data, mapped
 * from the ELF file without execute permission) does not run: SIGSEGV with
 * SEGV_ACCERR at the array, as an instruction fetch there faults on arm64. */
// test: arm-only: A64 instruction words written at run time
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint32_t code[4] __attribute__((aligned(16))) = {1, 2, 3, 4}; /* .data, not .bss */
static sigjmp_buf back;
static volatile uintptr_t addr;
static volatile int code_seen;

static void on_segv(int sig, siginfo_t *si, void *uc) {
  (void)sig, (void)uc;
  addr = (uintptr_t)si->si_addr;
  code_seen = si->si_code;
  siglongjmp(back, 1);
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, NULL);
  code[0] = 0x52800120; /* mov w0, #9 */
  code[1] = 0xd65f03c0; /* ret */
  __builtin___clear_cache((char *)code, (char *)(code + 2));
  int (*fn)(void) = (int (*)(void))(uintptr_t)code;
  if (sigsetjmp(back, 1) == 0)
    printf("code in .data returned %d\n", fn());
  else
    printf("code in .data: SIGSEGV %s%s\n", code_seen == SEGV_ACCERR ? "SEGV_ACCERR" : "other code",
           addr == (uintptr_t)code ? " at the array" : " elsewhere");
  return 0;
}
