/* sigaltstack's smallest stack is riscv64's MINSIGSTKSZ, 2048 bytes (arm64's
 * is 5120): 3000 bytes are accepted, 1000 refused with ENOMEM; a handler
 * then runs on the 3000-byte stack. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *stack_lo;
static volatile int on_alt;

static void handler(int sig) {
  char here;
  (void)sig;
  on_alt = &here >= stack_lo && &here < stack_lo + 3000;
}

int main(void) {
  stack_lo = malloc(3000);
  stack_t ss = {.ss_sp = stack_lo, .ss_size = 1000, .ss_flags = 0};
  int r = sigaltstack(&ss, NULL);
  printf("sigaltstack 1000 bytes: %d %s\n", r, r ? strerror(errno) : "");
  ss.ss_size = 3000;
  r = sigaltstack(&ss, NULL);
  printf("sigaltstack 3000 bytes: %d\n", r);
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_handler = handler;
  sa.sa_flags = SA_ONSTACK;
  sigaction(SIGUSR1, &sa, NULL);
  raise(SIGUSR1);
  printf("handler ran on the alternate stack: %d\n", on_alt);
  return 0;
}
