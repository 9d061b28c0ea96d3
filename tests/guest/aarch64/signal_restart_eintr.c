/* signal_restart_eintr.c - a read from an empty pipe interrupted by a timer
 * signal: with SA_RESTART the read is restarted and gets the byte the handler
 * wrote; without it the read fails with EINTR. nanosleep is never restarted,
 * and an ignored signal does not interrupt anything. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static int fds[2];
static volatile sig_atomic_t hits, feed;

static void on_alarm(int sig)
{
  (void)sig;
  hits++;
  if (feed)
    write(fds[1], "x", 1);
}

static void arm(int usec)
{
  struct itimerval it = {{0, 0}, {0, usec}};
  setitimer(ITIMER_REAL, &it, NULL);
}

static void set_action(int flags)
{
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_alarm;
  sa.sa_flags = flags;
  sigaction(SIGALRM, &sa, NULL);
}

int main(void)
{
  pipe(fds);
  char c = 0;

  set_action(SA_RESTART);
  feed = 1;
  arm(50000);
  ssize_t n = read(fds[0], &c, 1);
  printf("SA_RESTART: read %zd '%c', hits %d\n", n, n == 1 ? c : '?', (int)hits);

  set_action(0);
  feed = 0;
  arm(50000);
  n = read(fds[0], &c, 1);
  printf("no SA_RESTART: read %zd errno %s, hits %d\n", n, errno == EINTR ? "EINTR" : strerror(errno),
         (int)hits);

  set_action(SA_RESTART);
  arm(50000);
  struct timespec ts = {5, 0}, rem = {0, 0};
  int r = nanosleep(&ts, &rem);
  printf("nanosleep with SA_RESTART: %d errno %s, remaining > 3s %d, hits %d\n", r,
         errno == EINTR ? "EINTR" : strerror(errno), rem.tv_sec >= 3, (int)hits);

  signal(SIGALRM, SIG_IGN);
  feed = 0;
  arm(30000);
  struct timespec shortly = {0, 100000000};
  r = nanosleep(&shortly, NULL);
  printf("ignored: nanosleep %d, hits %d\n", r, (int)hits);
  return 0;
}
