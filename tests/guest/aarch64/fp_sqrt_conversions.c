/* fp_sqrt_conversions.c - sqrt/sqrtf, fabs, floor/ceil/round/trunc/rint,
 * and int<->float conversions (signed, unsigned, 32 and 64 bit, in range),
 * float<->double rounding. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>

static volatile double in[] = {0.0,
                               0.25,
                               2.0,
                               3.0,
                               1e10,
                               1e-10,
                               12345.678,
                               -0.5,
                               -1.5,
                               2.5,
                               -2.5,
                               4503599627370497.0,
                               0.49999999999999994};

int main(void) {
  for (unsigned i = 0; i < sizeof in / sizeof *in; i++) {
    double x = in[i];
    printf(
        "%.17g: sqrt %a sqrtf %a fabs %g floor %g ceil %g round %g trunc %g rint %g lround %ld\n",
        x, x >= 0 ? sqrt(x) : 0.0, x >= 0 ? (double)sqrtf((float)x) : 0.0, fabs(x), floor(x),
        ceil(x), round(x), trunc(x), rint(x), lround(x));
  }
  int64_t iv[] = {0,         1,         -1,       16777217, -16777217, 9007199254740993LL,
                  INT64_MAX, INT64_MIN, 123456789};
  for (unsigned i = 0; i < sizeof iv / sizeof *iv; i++) {
    int64_t v = iv[i];
    printf("%lld -> double %.17g float %.9g u64->double %.17g i32->float %.9g\n", (long long)v,
           (double)v, (double)(float)v, (double)(uint64_t)v, (double)(float)(int32_t)v);
  }
  double dv[] = {0.9, -0.9, 2147483647.0, -2147483648.0, 4294967295.0, 1e18, -1e18, 9.2e18, 0.0};
  for (unsigned i = 0; i < sizeof dv / sizeof *dv; i++) {
    volatile double d = dv[i];
    long long l = (long long)d;
    unsigned long long ul = d >= 0 && d < 1.8e19 ? (unsigned long long)d : 0;
    int w = d > -2147483649.0 && d < 2147483648.0 ? (int)d : 0;
    unsigned uw = d >= 0 && d < 4294967296.0 ? (unsigned)d : 0;
    printf("%.17g -> ll %lld ull %llu int %d uint %u\n", (double)d, l, ul, w, uw);
  }
  double dd = 0.1;
  float ff = (float)dd;
  printf("0.1 -> float %a -> double %a; 1/3f %a\n", (double)ff, (double)ff, (double)(1.0f / 3.0f));
  unsigned long long sum = 0;
  for (int i = 0; i < 100000; i++)
    sum += (unsigned long long)sqrt((double)i * 1000.0) + (unsigned)(float)(i * 0.7f);
  printf("loop sum %llu\n", sum);
  return 0;
}
