/* signal_handler_raise.c - sigaction handlers for SIGUSR1 (with SA_SIGINFO:
 * si_signo and si_code SI_TKILL from raise), blocking with sigprocmask so
 * the signal stays pending and arrives on unblock, SIG_IGN, a handler that
 * changes a floating-point and integer working set (which must survive the
 * signal frame round trip), and alarm-free kill(getpid()). */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t hits, last_sig, last_code;

static void on_usr1(int sig, siginfo_t *si, void *uc) {
  (void)uc;
  hits++;
  last_sig = sig;
  last_code = si->si_code;
  volatile double junk = 0;
  for (int i = 0; i < 100; i++)
    junk += i * 0.5; /* clobber FP registers */
}
static void on_usr2(int sig) {
  hits += 100;
  (void)sig;
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_usr1;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGUSR1, &sa, NULL);
  signal(SIGUSR2, on_usr2);
  double x = 1.25;
  long k = 7;
  raise(SIGUSR1);
  printf("after raise: hits %d sig %d code %s, x %.2f k %ld\n", (int)hits, (int)last_sig,
         last_code == SI_TKILL ? "SI_TKILL" : "other", x, k);
  kill(getpid(), SIGUSR2);
  printf("after kill: hits %d\n", (int)hits);
  sigset_t set, old;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigprocmask(SIG_BLOCK, &set, &old);
  raise(SIGUSR1);
  sigset_t pend;
  sigpending(&pend);
  printf("blocked: hits %d pending %d\n", (int)hits, sigismember(&pend, SIGUSR1));
  sigprocmask(SIG_SETMASK, &old, NULL);
  printf("unblocked: hits %d\n", (int)hits);
  signal(SIGUSR2, SIG_IGN);
  raise(SIGUSR2);
  printf("ignored: hits %d\n", (int)hits);
  double acc = 0;
  for (int i = 0; i < 50; i++) {
    acc += x * i;
    if (i % 10 == 0)
      raise(SIGUSR1);
    k += i;
  }
  printf("working set survives: acc %.2f k %ld hits %d\n", acc, k, (int)hits);
  struct sigaction cur;
  sigaction(SIGUSR1, NULL, &cur);
  printf("sigaction query: siginfo %d handler same %d\n", (cur.sa_flags & SA_SIGINFO) != 0,
         cur.sa_sigaction == on_usr1);
  return 0;
}
