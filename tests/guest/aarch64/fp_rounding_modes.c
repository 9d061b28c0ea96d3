/* fp_rounding_modes.c - IEEE arithmetic in the four rounding modes, with
 * the exception flags each operation raises, through <fenv.h> (on arm64
 * fesetround writes FPCR.RMode and fetestexcept reads FPSR).
 *
 * Every result is printed exactly (%a) under each mode, with the flags
 * raised by that one operation; the inputs are volatile so that nothing is
 * folded at compile time. Boundary cases where IEEE lets machines differ
 * (tininess before or after rounding) are left out: see fp_fpcr_fz_dn_asm.c.
 */
// test: cflags: -frounding-math
#include <fenv.h>
#include <math.h>
#include <stdio.h>

static const int modes[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
static const char *const mode_names[] = {"nearest", "upward", "downward", "towardzero"};

static void flags(void) {
  int f = fetestexcept(FE_ALL_EXCEPT);
  printf(" [%s%s%s%s%s]\n", f & FE_INVALID ? "I" : "", f & FE_DIVBYZERO ? "Z" : "",
         f & FE_OVERFLOW ? "O" : "", f & FE_UNDERFLOW ? "U" : "", f & FE_INEXACT ? "X" : "");
  feclearexcept(FE_ALL_EXCEPT);
}

static volatile double d1 = 1.0, d3 = 3.0, dm = -7.0, dbig = 1e308, dtiny = 0x1p-1070;
static volatile double dhalf = 2.5, dneg_half = -3.5, dzero = 0.0, dinf = INFINITY;
static volatile float f1 = 1.0f, f3 = 3.0f, fm = -7.0f, fbig = 3e38f, ftiny = 0x1p-140f;
static volatile long long big_int = 0x7fffffffffffffffll, odd_int = 16777217;

static void doubles(void) {
  printf("  d 1/3   %a", d1 / d3), flags();
  printf("  d -7/3  %a", dm / d3), flags();
  printf("  d 1+2^-60 %a", d1 + 0x1p-60), flags();
  printf("  d -1-2^-60 %a", -d1 - 0x1p-60), flags();
  printf("  d big*10 %a", dbig * 10), flags();
  printf("  d -big*10 %a", -dbig * 10), flags();
  printf("  d tiny/3 %a", dtiny / d3), flags();
  printf("  d tiny*tiny %a", dtiny * dtiny), flags();
  printf("  d sqrt3 %a", sqrt(d3)), flags();
  printf("  d sqrt-7 %a", sqrt(dm) != sqrt(dm) ? 0.0 : 1.0), flags();
  printf("  d fma   %a", fma(d3, d1 / d3, -d1)), flags();
  printf("  d 1/0   %a", d1 / dzero), flags();
  printf("  d inf-inf %d", isnan(dinf - dinf)), flags();
  printf("  d x-x   %a", d3 - d3), flags();
  printf("  d nearbyint %a %a", nearbyint(dhalf), nearbyint(dneg_half)), flags();
  printf("  d lrint %ld %ld", lrint(dhalf), lrint(dneg_half)), flags();
  printf("  d (long)-3.5 %ld", (long)dneg_half), flags();
  printf("  d ll->d %a", (double)big_int), flags();
}

static void floats(void) {
  printf("  f 1/3   %a", (double)(f1 / f3)), flags();
  printf("  f -7/3  %a", (double)(fm / f3)), flags();
  printf("  f big*10 %a", (double)(fbig * 10)), flags();
  printf("  f tiny/3 %a", (double)(ftiny / f3)), flags();
  printf("  f sqrt3 %a", (double)sqrtf(f3)), flags();
  printf("  f fmaf  %a", (double)fmaf(f3, f1 / f3, -f1)), flags();
  printf("  f d->f  %a", (double)(float)(d1 / d3)), flags();
  printf("  f d->f big %a", (double)(float)dbig), flags();
  printf("  f i->f  %a", (double)(float)odd_int), flags();
  printf("  f nearbyintf %a", (double)nearbyintf(-f3 / 2)), flags();
}

int main(void) {
  for (int i = 0; i < 4; i++) {
    if (fesetround(modes[i]) != 0)
      return 1;
    feclearexcept(FE_ALL_EXCEPT);
    printf("%s (fegetround %s)\n", mode_names[i], fegetround() == modes[i] ? "ok" : "wrong");
    doubles();
    floats();
  }
  fesetround(FE_TONEAREST);
  return 0;
}
