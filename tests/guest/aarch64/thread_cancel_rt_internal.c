/* thread_cancel_rt_internal.c - what glibc does with its internal signal 32
 * (SIGCANCEL, also its SIGTIMER): pthread_cancel of a thread blocked in
 * read() and of one in a sleep, and a POSIX timer with SIGEV_THREAD, whose
 * helper thread waits for that signal. Also the real-time signals a program
 * may use: SIGRTMIN (34) handled with its sigqueue value, and a
 * thread-directed SIGRTMIN+2 through pthread_kill. */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int fds[2];
static volatile int cleanups, timer_hits, rt_value, rt_sig, rt_thread_sig;

static void cleanup(void *arg) {
  (void)arg;
  __atomic_add_fetch(&cleanups, 1, __ATOMIC_SEQ_CST);
}

static void *blocked_reader(void *arg) {
  (void)arg;
  char c;
  pthread_cleanup_push(cleanup, NULL);
  read(fds[0], &c, 1);
  pthread_cleanup_pop(0);
  return (void *)1;
}

static void *sleeper(void *arg) {
  (void)arg;
  pthread_cleanup_push(cleanup, NULL);
  for (;;)
    sleep(10);
  pthread_cleanup_pop(0);
  return NULL;
}

static void on_timer(union sigval v) {
  __atomic_add_fetch(&timer_hits, v.sival_int, __ATOMIC_SEQ_CST);
}

static void on_rt(int sig, siginfo_t *si, void *uc) {
  (void)uc;
  rt_sig = sig;
  rt_value = si->si_value.sival_int;
}

static void on_rt_thread(int sig) {
  rt_thread_sig = sig;
}

static void *rt_waiter(void *arg) {
  (void)arg;
  while (!rt_thread_sig)
    usleep(1000);
  return NULL;
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  pipe(fds);
  pthread_t a, b;
  void *ra, *rb;
  pthread_create(&a, NULL, blocked_reader, NULL);
  pthread_create(&b, NULL, sleeper, NULL);
  usleep(50000);
  printf("cancel reader: %d, sleeper: %d\n", pthread_cancel(a), pthread_cancel(b));
  pthread_join(a, &ra);
  pthread_join(b, &rb);
  printf("joined: reader canceled %d, sleeper canceled %d, cleanups %d\n", ra == PTHREAD_CANCELED,
         rb == PTHREAD_CANCELED, cleanups);

  struct sigevent ev;
  memset(&ev, 0, sizeof(ev));
  ev.sigev_notify = SIGEV_THREAD;
  ev.sigev_notify_function = on_timer;
  ev.sigev_value.sival_int = 5;
  timer_t tm;
  printf("timer_create SIGEV_THREAD: %d\n", timer_create(CLOCK_MONOTONIC, &ev, &tm));
  struct itimerspec its = {{0, 0}, {0, 10000000}};
  printf("timer_settime: %d\n", timer_settime(tm, 0, &its, NULL));
  for (int i = 0; i < 200 && !timer_hits; i++)
    usleep(5000);
  printf("timer thread ran: hits %d\n", timer_hits);
  timer_delete(tm);

  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_sigaction = on_rt;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGRTMIN, &sa, NULL);
  union sigval v = {.sival_int = 77};
  printf("sigqueue SIGRTMIN: %d\n", sigqueue(getpid(), SIGRTMIN, v));
  printf("handler: sig is SIGRTMIN %d, value %d\n", rt_sig == SIGRTMIN, rt_value);
  signal(SIGRTMIN + 2, on_rt_thread);
  pthread_t w;
  pthread_create(&w, NULL, rt_waiter, NULL);
  printf("pthread_kill SIGRTMIN+2: %d\n", pthread_kill(w, SIGRTMIN + 2));
  pthread_join(w, NULL);
  printf("thread handler: sig is SIGRTMIN+2 %d\n", rt_thread_sig == SIGRTMIN + 2);
  return 0;
}
