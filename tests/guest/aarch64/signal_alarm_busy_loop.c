/* signal_alarm_busy_loop.c - SIGALRM from alarm() and from a repeating
 * ITIMER_REAL interrupts a loop that makes no system calls; the handler's
 * flag ends the loop, and the loop's own state survives each interruption. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

static volatile sig_atomic_t ticks, stop_at;

static void on_alarm(int sig) {
  (void)sig;
  ticks++;
}

/* Spin without syscalls until the handler has run want times. */
static unsigned long spin_until(int want) {
  unsigned long n = 0, sum = 0;
  while (ticks < want) {
    n++;
    sum += n ^ (n >> 3);
  }
  return n > 0 && sum > 0;
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_alarm;
  sigaction(SIGALRM, &sa, NULL);
  alarm(1);
  unsigned long ran = spin_until(1);
  printf("alarm: ticks %d, loop ran %lu\n", (int)ticks, ran);

  struct itimerval it = {{0, 20000}, {0, 20000}}; /* every 20 ms */
  setitimer(ITIMER_REAL, &it, NULL);
  ran = spin_until(6);
  struct itimerval off = {{0, 0}, {0, 0}};
  setitimer(ITIMER_REAL, &off, NULL);
  printf("itimer: ticks %d, loop ran %lu\n", (int)ticks, ran);

  /* A loop whose live values must be intact after each signal. */
  double d = 0.5;
  long acc = 0;
  ticks = 0;
  setitimer(ITIMER_REAL, &it, NULL);
  for (long i = 0; ticks < 4; i++) {
    acc += i & 7;
    d = d * 1.0000001;
    if (acc > 1000000000)
      acc = 0;
  }
  setitimer(ITIMER_REAL, &off, NULL);
  printf("live values sane: %d %d\n", acc >= 0, d > 0.5 && d < 1e30);
  return 0;
}
