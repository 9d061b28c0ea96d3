/* signals.c - guest signals reported to gdb before delivery: SIGUSR1 with a
 * handler (passed on: the handler runs), then SIGSEGV (passed on: the
 * program dies of it). */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static volatile sig_atomic_t got;
volatile long *bad = (long *)16;

static void on_usr1(int sig) {
  got = sig;
}

int poke(int n) {
  return (int)*bad + n;
}

int main(void) {
  signal(SIGUSR1, on_usr1);
  kill(getpid(), SIGUSR1);
  printf("handler saw %d\n", got);
  fflush(stdout);
  return poke(3);
}
