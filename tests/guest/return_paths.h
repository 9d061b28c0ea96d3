/* return_paths.h - the part of tests/guest/<guest>/return_paths.c that is
 * the same C for every guest; the file that includes it defines, in its
 * guest's assembly, changed_link(), colliding_returns() and return_loop(n),
 * and names its link register LINK and the register changed_link() marks
 * MARK. */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

static long changed_link(void);
static long colliding_returns(void);
static long return_loop(long n);

static jmp_buf escape;

static __attribute__((noinline)) long dive(long n) {
  if (n == 0)
    longjmp(escape, 1);
  return dive(n - 1) + 1;
}

static __attribute__((noinline)) long leaf(long x) {
  __asm__ volatile("" ::: "memory");
  return x * 3 + 1;
}

static __attribute__((noinline)) long chain(long x) {
  return leaf(x) + leaf(x + 1);
}

/* Calls and returns after each longjmp out of 40 frames. */
static long after_longjmps(void) {
  volatile long sum = 0;
  for (volatile int i = 0; i < 200; i++) {
    if (!setjmp(escape))
      dive(40);
    sum += chain(i);
  }
  return sum;
}

static volatile long handler_sum;

static void on_usr1(int sig) {
  handler_sum += chain(sig);
}

static __attribute__((noinline)) long nested(long depth) {
  if (depth == 0) {
    raise(SIGUSR1);
    return 1;
  }
  return nested(depth - 1) + chain(depth);
}

static long (*const table[])(long) = {leaf, chain, nested};

static __attribute__((noinline)) long through_table(long i) {
  return table[i % 3](i % 5); /* a tail call through a pointer */
}

static void on_alarm(int sig) {
  (void)sig;
  static const char msg[] = "the timer ended a loop of returns\n";
  write(1, msg, sizeof(msg) - 1);
  _exit(0);
}

int main(void) {
  printf("changed %s: %s = %ld\n", LINK, MARK, changed_link());
  printf("colliding returns: %ld\n", colliding_returns());
  printf("after longjmps: %ld\n", after_longjmps());
  signal(SIGUSR1, on_usr1);
  long n = 0;
  for (int i = 0; i < 50; i++)
    n += nested(i % 7);
  printf("signals in nested calls: %ld, handlers %ld\n", n, handler_sum);
  long t = 0;
  for (long i = 0; i < 3000; i++)
    t += through_table(i);
  printf("through a table: %ld\n", t);
  long loops = 0;
  for (int i = 0; i < 100; i++) /* its code translated and linked first */
    loops += return_loop(i + 1) + 1;
  printf("return loops: %ld\n", loops);
  fflush(stdout);
  signal(SIGALRM, on_alarm);
  struct itimerval it = {.it_value = {.tv_usec = 50000}};
  setitimer(ITIMER_REAL, &it, NULL);
  return_loop(-1); /* 2^64 times: until the timer's signal */
  return 1;
}
