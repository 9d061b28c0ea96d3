/* return_paths.c - returns that go where their call did not say: each
 * must reach the address in x30 whatever a translator predicted from the
 * calls before it. A return through a changed x30; two calls whose return
 * addresses are 1024 bytes apart, the inner one's made while the outer one
 * waits; returns left waiting by a longjmp out of deep recursion; returns
 * inside signal handlers; tail calls and calls through pointers; and a loop of
 * returns to one call's return address until a timer's signal ends it.
 */
// test: arm-only: inline A64 assembly
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

/* BL, then x30 moved past the instruction after it: the return must skip
 * it (x9 stays 0). */
static long changed_x30(void) {
  long x9;
  __asm__ volatile("  mov x9, #0\n"
                   "  bl 1f\n"
                   "  mov x9, #1\n" /* where the BL would return */
                   "  b 2f\n"
                   "1: adr x30, 2f\n"
                   "  ret\n"
                   "2: mov %0, x9\n"
                   : "=r"(x9)
                   :
                   : "x9", "x30", "memory");
  return x9;
}

/* The outer BL returns to 1b; the inner BL, 1024 bytes on, returns to an
 * address whose low 10 bits are the same, and runs while the outer call
 * waits. Both returns must come back where their x30 says. */
static long colliding_returns(void) {
  long steps;
  __asm__ volatile("  mov x9, #0\n"
                   "  bl 10f\n"
                   "1: add x9, x9, #100\n"
                   "  b 20f\n"
                   "  .skip 1012\n"
                   "10: bl 11f\n" /* 1024 bytes after the first BL */
                   "  add x9, x9, #10\n"
                   "  adr x30, 1b\n"
                   "  ret\n"
                   "11: add x9, x9, #1\n"
                   "  ret\n"
                   "20: mov %0, x9\n"
                   : "=r"(steps)
                   :
                   : "x9", "x30", "memory");
  return steps;
}

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

/* Returns n times to the instruction after its own BL: each time the
 * return goes back where the one call said, and nothing but returns and a
 * forward branch makes the loop. */
static __attribute__((noinline)) long return_loop(long n) {
  __asm__ volatile("  mov x10, x30\n"
                   "  bl 1f\n"
                   "1: subs %0, %0, #1\n"
                   "  b.eq 2f\n"
                   "  ret\n" /* x30 is 1b */
                   "2: mov x30, x10\n"
                   : "+r"(n)
                   :
                   : "x10", "x30", "cc", "memory");
  return n;
}

static void on_alarm(int sig) {
  (void)sig;
  static const char msg[] = "the timer ended a loop of returns\n";
  write(1, msg, sizeof(msg) - 1);
  _exit(0);
}

int main(void) {
  printf("changed x30: x9 = %ld\n", changed_x30());
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
