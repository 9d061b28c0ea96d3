/* fp_exception_flags.c - the cumulative FP exception flags (FPSR on arm64)
 * as <fenv.h> reads them, where they come from and where they go: scalar and
 * vectorized arithmetic, conversions, compares, a system call in between,
 * a signal handler (whose flags vanish at sigreturn, since the frame's FPSR
 * comes back), a new thread (which starts with its creator's flags), and
 * feclearexcept/feraiseexcept writing them.
 *
 * Inputs are volatile so nothing is folded at compile time; cases where IEEE
 * lets machines differ (tininess before or after rounding) are left out.
 */
// test: cflags: -O2 -ftree-vectorize -pthread
// test: arm-only: an arm64 signal handler starts with the interrupted FPSR, x86-64's clean
// (the other 25 lines agree with a native x86-64 build)
#include <fenv.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static volatile double one = 1.0, three = 3.0, zero = 0.0, big = 1e308, neg = -1.0;
static volatile float fthree = 3.0f, fbig = 3e38f, fhalf = 0.5f;
static volatile double huge_for_int = 1e20, quarter = 0.25;
static volatile double qnan_src = 0.0;
static volatile long long_max = 0x7fffffffffffffffl;

static void show(const char *what) {
  int f = fetestexcept(FE_ALL_EXCEPT);
  printf("%-34s [%s%s%s%s%s]\n", what, f & FE_INVALID ? "I" : "", f & FE_DIVBYZERO ? "Z" : "",
         f & FE_OVERFLOW ? "O" : "", f & FE_UNDERFLOW ? "U" : "", f & FE_INEXACT ? "X" : "");
}

static void scalar_cases(void) {
  volatile double d;
  volatile float f;
  volatile long l;
  volatile int i;
  feclearexcept(FE_ALL_EXCEPT);
  show("cleared");
  d = one + one;
  show("1 + 1 (exact)");
  d = one / three;
  show("1 / 3");
  feclearexcept(FE_ALL_EXCEPT);
  d = one / zero;
  show("1 / 0");
  feclearexcept(FE_ALL_EXCEPT);
  d = big * big;
  show("1e308 * 1e308");
  feclearexcept(FE_ALL_EXCEPT);
  d = sqrt(neg);
  show("sqrt(-1)");
  feclearexcept(FE_ALL_EXCEPT);
  d = zero / zero;
  show("0 / 0");
  feclearexcept(FE_ALL_EXCEPT);
  f = fthree * fhalf;
  show("3f * 0.5f (exact)");
  f = fbig * fthree;
  show("3e38f * 3f");
  feclearexcept(FE_ALL_EXCEPT);
  f = (float)one / fthree;
  show("1f / 3f");
  feclearexcept(FE_ALL_EXCEPT);
  l = (long)quarter;
  show("(long)0.25");
  feclearexcept(FE_ALL_EXCEPT);
  i = (int)huge_for_int;
  show("(int)1e20");
  feclearexcept(FE_ALL_EXCEPT);
  d = (double)long_max;
  show("(double)LONG_MAX");
  feclearexcept(FE_ALL_EXCEPT);
  qnan_src = zero / zero;
  feclearexcept(FE_ALL_EXCEPT);
  d = qnan_src + one;
  show("NaN + 1 (quiet)");
  i = qnan_src < one;
  show("NaN < 1 (signalling compare)");
  (void)d, (void)f, (void)l, (void)i;
}

static double xs[1024], ys[1024];

static void vector_cases(void) {
  for (int k = 0; k < 1024; k++)
    xs[k] = k * one, ys[k] = 0;
  feclearexcept(FE_ALL_EXCEPT);
  for (int k = 0; k < 1024; k++)
    ys[k] = xs[k] * 2.0 + xs[k];
  show("vector x * 2 + x (exact)");
  for (int k = 0; k < 1024; k++)
    ys[k] = xs[k] / three;
  show("vector x / 3");
  printf("ys[1000] = %a\n", ys[1000]);
}

static void syscall_case(void) {
  feclearexcept(FE_ALL_EXCEPT);
  volatile double d = one / three;
  (void)d;
  write(1, "", 0);
  getpid();
  show("1 / 3, then system calls");
}

static void on_usr1(int sig) {
  (void)sig;
  volatile double d = big * big;
  (void)d;
  show("in the handler, after overflow");
}

static void signal_case(void) {
  signal(SIGUSR1, on_usr1);
  feclearexcept(FE_ALL_EXCEPT);
  volatile double d = one / zero;
  (void)d;
  raise(SIGUSR1);
  show("after the handler returned");
}

static void *thread_main(void *arg) {
  (void)arg;
  show("new thread, at start");
  feclearexcept(FE_ALL_EXCEPT);
  volatile double d = one / three;
  (void)d;
  show("new thread, 1 / 3");
  return NULL;
}

static void thread_case(void) {
  pthread_t t;
  feclearexcept(FE_ALL_EXCEPT);
  volatile double d = zero / zero;
  (void)d;
  pthread_create(&t, NULL, thread_main, NULL);
  pthread_join(t, NULL);
  show("creator, after join");
}

static void raise_case(void) {
  feclearexcept(FE_ALL_EXCEPT);
  feraiseexcept(FE_OVERFLOW | FE_INEXACT);
  show("feraiseexcept(O | X)");
  feclearexcept(FE_INEXACT);
  show("feclearexcept(X)");
  volatile double d = one / three;
  (void)d;
  show("then 1 / 3");
}

int main(void) {
  scalar_cases();
  vector_cases();
  syscall_case();
  signal_case();
  thread_case();
  raise_case();
  return 0;
}
