/* signal_nonblocking_no_eintr.c - a signal that arrives as a call that never
 * blocks (getpid, kill, getppid, umask) is made runs its handler before or
 * after the call, never instead of it: with a 20 us interval timer and a
 * handler without SA_RESTART, a million such calls fail with EINTR not once,
 * while thousands of signals are handled. (A signal recorded just before the
 * svc must not turn the call into EINTR: CPython's os.kill raised
 * ProcessLookupError from a kill(-EINTR, sig) that way.) */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static volatile int handled;

static void on_alarm(int sig) {
  (void)sig;
  handled++;
}

/* One round of calls that never block; returns how many failed. */
static int calls(pid_t self) {
  int bad = 0;
  bad += syscall(SYS_getpid) != self;
  bad += kill(self, 0) != 0;
  bad += syscall(SYS_getppid) <= 0;
  bad += umask(022) < 0;
  return bad;
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_handler = on_alarm; /* no SA_RESTART */
  sigaction(SIGALRM, &sa, NULL);
  struct itimerval it = {{0, 20}, {0, 20}};
  setitimer(ITIMER_REAL, &it, NULL);
  pid_t self = getpid();
  int failed = 0, eintr = 0;
  time_t end = time(NULL) + 3;
  for (int i = 0; i < 1000000 && (handled < 2000 || i < 10000) && time(NULL) < end; i++) {
    errno = 0;
    int bad = calls(self);
    failed += bad;
    eintr += bad && errno == EINTR;
  }
  struct itimerval off = {{0, 0}, {0, 0}};
  setitimer(ITIMER_REAL, &off, NULL);
  printf("failed calls: %d, with EINTR: %d\n", failed, eintr);
  printf("signals handled: %s\n", handled >= 100 ? "many" : "too few");
  return 0;
}
