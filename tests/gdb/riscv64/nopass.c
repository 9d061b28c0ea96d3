/* nopass.c - guest signals gdb keeps from the program: SIGUSR1 under
 * `handle SIGUSR1 nopass` (its handler never runs), and a SIGSEGV dropped
 * with `signal 0` after the faulting load's base register was pointed at
 * good memory (the load runs again and succeeds). Also FP registers. */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static volatile sig_atomic_t got;
long good = 40;
long *volatile bad = (long *)16;
volatile double scale = 1.1; /* over 7: inexact, fflags.NX */

static void on_usr1(int sig) {
  got = sig;
}

long poke(long n) {
  return *bad + n;
}

int main(void) {
  signal(SIGUSR1, on_usr1);
  kill(getpid(), SIGUSR1);
  printf("handler saw %d\n", got);
  register double d asm("fs0") = scale / 7.0;
  printf("d %g\n", d);
  return (int)poke(2);
}
