/* signal_mask_unblock.c - blocked signals stay pending (sigpending) and are
 * delivered when sigprocmask unblocks them, the later-numbered handler first
 * (both frames are set up before returning); sa_mask blocks a signal during
 * a handler; sigsuspend waits with a temporary mask; sigtimedwait and
 * sigwaitinfo take a blocked signal without running its handler, with the
 * value sigqueue sent. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static char order[64];
static volatile int norder;
static volatile int usr2_blocked_in_usr1;

static void note(int sig)
{
  if (norder < 60) {
    order[norder++] = sig == SIGUSR1 ? '1' : sig == SIGUSR2 ? '2' : sig == SIGRTMIN ? 'R' : '?';
    order[norder] = 0;
  }
}

static void on_usr1(int sig)
{
  sigset_t now;
  sigprocmask(SIG_BLOCK, NULL, &now);
  usr2_blocked_in_usr1 = sigismember(&now, SIGUSR2);
  note(sig);
}

static void on_other(int sig)
{
  note(sig);
}

static void handle(int sig, void (*fn)(int), int masked)
{
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = fn;
  if (masked)
    sigaddset(&sa.sa_mask, masked);
  sigaction(sig, &sa, NULL);
}

int main(void)
{
  handle(SIGUSR1, on_usr1, 0);
  handle(SIGUSR2, on_other, 0);
  handle(SIGRTMIN, on_other, 0);
  sigset_t set, old, pend;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigaddset(&set, SIGUSR2);
  sigaddset(&set, SIGRTMIN);
  sigprocmask(SIG_BLOCK, &set, &old);
  raise(SIGUSR2);
  raise(SIGRTMIN);
  kill(getpid(), SIGUSR1);
  sigpending(&pend);
  printf("blocked: ran '%s', pending usr1 %d usr2 %d rtmin %d term %d\n", order,
         sigismember(&pend, SIGUSR1), sigismember(&pend, SIGUSR2), sigismember(&pend, SIGRTMIN),
         sigismember(&pend, SIGTERM));
  sigprocmask(SIG_SETMASK, &old, NULL);
  printf("unblocked: ran '%s'\n", order);
  sigpending(&pend);
  printf("nothing pending: %d\n", sigismember(&pend, SIGUSR1) + sigismember(&pend, SIGUSR2));

  /* sa_mask: SIGUSR2 is blocked while the SIGUSR1 handler runs. */
  norder = 0;
  order[0] = 0;
  handle(SIGUSR1, on_usr1, SIGUSR2);
  raise(SIGUSR1);
  printf("sa_mask: usr2 blocked in handler %d, after: %d\n", usr2_blocked_in_usr1,
         (sigprocmask(SIG_BLOCK, NULL, &pend), sigismember(&pend, SIGUSR2)));

  /* sigsuspend: SIGUSR1 blocked, sent, then sigsuspend with an empty mask. */
  norder = 0;
  order[0] = 0;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigprocmask(SIG_BLOCK, &set, &old);
  raise(SIGUSR1);
  sigset_t none;
  sigemptyset(&none);
  int r = sigsuspend(&none);
  sigprocmask(SIG_BLOCK, NULL, &pend);
  printf("sigsuspend: %d %s, ran '%s', usr1 blocked again %d\n", r, errno == EINTR ? "EINTR" : "?",
         order, sigismember(&pend, SIGUSR1));
  sigprocmask(SIG_SETMASK, &old, NULL);

  /* sigtimedwait / sigwaitinfo: the handler does not run. */
  norder = 0;
  order[0] = 0;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR2);
  sigaddset(&set, SIGRTMIN);
  sigprocmask(SIG_BLOCK, &set, &old);
  raise(SIGUSR2);
  siginfo_t si;
  struct timespec ts = {1, 0};
  int sig = sigtimedwait(&set, &si, &ts);
  printf("sigtimedwait: %d, code %d, pid ok %d\n", sig, si.si_code,
         si.si_pid == getpid());
  union sigval v = {.sival_int = 42};
  sigqueue(getpid(), SIGRTMIN, v);
  sig = sigwaitinfo(&set, &si);
  printf("sigwaitinfo: rtmin %d, code %s, value %d\n", sig == SIGRTMIN,
         si.si_code == SI_QUEUE ? "SI_QUEUE" : "?", si.si_value.sival_int);
  ts.tv_sec = 0;
  ts.tv_nsec = 20000000;
  sig = sigtimedwait(&set, &si, &ts);
  printf("timeout: %d %s, handlers ran '%s'\n", sig, errno == EAGAIN ? "EAGAIN" : "?", order);
  sigprocmask(SIG_SETMASK, &old, NULL);
  return 0;
}
