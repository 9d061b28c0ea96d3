/* Real-time signals queue: every sigqueue is delivered once, in order, with
 * its own payload. First 1,000 queued to ourselves while blocked, then
 * 20,000 sent by a child process as fast as it can while we run. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile int got, in_order = 1;
static volatile int last = -1;

static void on_rt(int sig, siginfo_t *si, void *uc) {
  (void)sig, (void)uc;
  int v = si->si_value.sival_int;
  if (v != last + 1)
    in_order = 0;
  last = v;
  got++;
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_sigaction = on_rt;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGRTMIN, &sa, NULL);
  sigaction(SIGRTMIN + 1, &sa, NULL);

  sigset_t rt, old;
  sigemptyset(&rt);
  sigaddset(&rt, SIGRTMIN);
  sigprocmask(SIG_BLOCK, &rt, &old);
  for (int i = 0; i < 1000; i++)
    sigqueue(getpid(), SIGRTMIN, (union sigval){.sival_int = i});
  sigprocmask(SIG_SETMASK, &old, NULL);
  printf("self, blocked: %d delivered, in order: %s\n", got, in_order ? "yes" : "no");

  got = 0, last = -1, in_order = 1;
  pid_t parent = getpid(), child = fork();
  if (child == 0) {
    for (int i = 0; i < 20000; i++)
      while (sigqueue(parent, SIGRTMIN + 1, (union sigval){.sival_int = i}) != 0)
        ; /* EAGAIN: the queue is full (RLIMIT_SIGPENDING): try again */
    _exit(0);
  }
  int status;
  waitpid(child, &status, 0);
  for (int spins = 0; got < 20000 && spins < 1000; spins++) {
    struct timespec ms = {0, 1000000};
    nanosleep(&ms, NULL);
  }
  printf("from a child: %d delivered, in order: %s\n", got, in_order ? "yes" : "no");
  return 0;
}
