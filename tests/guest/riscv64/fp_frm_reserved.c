/* A dynamic rounding mode while frm holds a reserved value (5, 6, 7) is an
 * illegal instruction (unprivileged ISA, 20.2): FDIV.D and FCVT.L.D with
 * rm = DYN raise SIGILL and change nothing, for every frm; the same
 * instruction with a static rm runs. Found by tests/difftest.sh (fp). */
// test: guest-only: riscv64 inline asm
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>

static sigjmp_buf jb;

static void on_ill(int sig) {
  (void)sig;
  siglongjmp(jb, 1);
}

/* Runs FDIV.D (dynamic), FCVT.L.D (dynamic) or FDIV.D (RTZ) under frm. */
static void run(int frm, int which) {
  static const char *const names[] = {"fdiv.d dyn", "fcvt.l.d dyn", "fdiv.d rtz"};
  volatile double r = -1;
  volatile long i = -1;
  volatile int ill = 0;
  double a = 1.0, b = 3.0;
  if (sigsetjmp(jb, 1) == 0) {
    __asm__ volatile("fsrm %0" ::"r"(frm));
    if (which == 0) {
      double x = r;
      __asm__ volatile("fdiv.d %0, %1, %2, dyn" : "+f"(x) : "f"(a), "f"(b));
      r = x;
    } else if (which == 1) {
      long x = i;
      __asm__ volatile("fcvt.l.d %0, %1, dyn" : "+r"(x) : "f"(b));
      i = x;
    } else {
      double x = r;
      __asm__ volatile("fdiv.d %0, %1, %2, rtz" : "+f"(x) : "f"(a), "f"(b));
      r = x;
    }
  } else {
    ill = 1;
  }
  unsigned fl;
  __asm__ volatile("fsrm zero; frflags %0; fsflags zero" : "=r"(fl));
  printf("frm=%d %-13s %s r=%.17g i=%ld fflags=%x\n", frm, names[which], ill ? "SIGILL" : "ok",
         (double)r, (long)i, fl);
}

int main(void) {
  signal(SIGILL, on_ill);
  for (int frm = 0; frm < 8; frm++)
    for (int which = 0; which < 3; which++)
      run(frm, which);
  return 0;
}
