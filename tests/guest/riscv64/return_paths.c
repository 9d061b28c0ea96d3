/* return_paths.c - returns that go where their call did not say: each
 * must reach the address in ra whatever a translator predicted from the
 * calls before it (the riscv64 twin of tests/guest/aarch64's). A return through a changed ra; two
 * calls whose return addresses are 1024 bytes apart, the inner one's made while the outer one
 * waits; returns left waiting by a longjmp out of deep recursion; returns
 * inside signal handlers; tail calls and calls through pointers; and a loop of
 * returns to one call's return address until a timer's signal ends it.
 */
// test: arm-only: inline RISC-V assembly
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

/* JAL, then ra moved past the instruction after it: the return must skip
 * it (t3 stays 0). */
static long changed_ra(void) {
  long t3;
  __asm__ volatile("  li t3, 0\n"
                   "  jal ra, 1f\n"
                   "  li t3, 1\n" /* where the JAL would return */
                   "  j 2f\n"
                   "1: lla ra, 2f\n"
                   "  ret\n"
                   "2: mv %0, t3\n"
                   : "=r"(t3)
                   :
                   : "t3", "ra", "memory");
  return t3;
}

/* The outer JAL returns to 1b; the inner JAL, 1024 bytes on, returns to
 * an address whose low 10 bits are the same, and runs while the outer call
 * waits. Both returns must come back where their ra says. */
static long colliding_returns(void) {
  long steps;
  __asm__ volatile(".option push\n"
                   ".option norvc\n" /* 4-byte instructions: the distances are exact */
                   "  li t3, 0\n"
                   "  jal ra, 10f\n"
                   "1: addi t3, t3, 100\n"
                   "  j 20f\n"
                   "  .skip 1012\n"
                   "10: jal ra, 11f\n" /* 1024 bytes after the first JAL */
                   "  addi t3, t3, 10\n"
                   "  lla ra, 1b\n"
                   "  ret\n"
                   "11: addi t3, t3, 1\n"
                   "  ret\n"
                   "20: mv %0, t3\n"
                   ".option pop\n"
                   : "=r"(steps)
                   :
                   : "t3", "ra", "memory");
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

/* Returns n times to the instruction after its own JAL: each time the
 * return goes back where the one call said, and nothing but returns and a
 * forward branch makes the loop. */
static __attribute__((noinline)) long return_loop(long n) {
  __asm__ volatile("  mv t4, ra\n"
                   "  jal ra, 1f\n"
                   "1: addi %0, %0, -1\n"
                   "  beqz %0, 2f\n"
                   "  ret\n" /* ra is 1b */
                   "2: mv ra, t4\n"
                   : "+r"(n)
                   :
                   : "t4", "ra", "memory");
  return n;
}

static void on_alarm(int sig) {
  (void)sig;
  static const char msg[] = "the timer ended a loop of returns\n";
  write(1, msg, sizeof(msg) - 1);
  _exit(0);
}

int main(void) {
  printf("changed ra: t3 = %ld\n", changed_ra());
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
