/* signal_queued.c - a signal that comes while gdb has the program stopped
 * at a breakpoint in another thread. The thread it is for waits in pause
 * (the only thread that does not block SIGUSR1); a timer sends it 0.2 s
 * after main reached the breakpoint, while gdb waits. The call ends then,
 * but the thread runs no guest code: its stop waits for main's, and gdb
 * hears of it when it continues, as a new stop (SIGUSR1 in that thread),
 * before the handler runs. Exits with the signal the handler got, 10. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static volatile int got, ready;

static void on_usr1(int sig) {
  got = sig;
}

static void *waiter(void *arg) {
  sigset_t none;
  (void)arg;
  sigemptyset(&none);
  pthread_sigmask(SIG_SETMASK, &none, NULL);
  ready = 1;
  pause();
  return NULL;
}

void stop_here(void) {}

int main(void) {
  pthread_t t;
  sigset_t usr1;
  timer_t timer;
  struct sigevent ev = {.sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGUSR1};
  struct itimerspec when = {.it_value = {0, 200000000}};
  sigemptyset(&usr1);
  sigaddset(&usr1, SIGUSR1);
  pthread_sigmask(SIG_BLOCK, &usr1, NULL);
  signal(SIGUSR1, on_usr1);
  pthread_create(&t, NULL, waiter, NULL);
  while (!ready)
    ;
  usleep(50000); /* the waiter is in pause */
  timer_create(CLOCK_MONOTONIC, &ev, &timer);
  timer_settime(timer, 0, &when, NULL);
  stop_here();
  pthread_join(t, NULL);
  printf("got %d\n", got);
  return got;
}
