/* fp_arith.c - double and float add/sub/mul/div, accumulating sums, products
 * and divisions, printed exactly with %a and %.17g; includes subnormals,
 * overflow to infinity and exact integer results. */
#include <float.h>
#include <stdio.h>

/* %a, except that a NaN prints as "nan": the sign of the NaN from 0/0 is
 * machine-specific (x86 makes it negative), see fp_nan_sign_default_asm.c */
static const char *A(double d) {
  static char buf[8][40];
  static int k;
  char *b = buf[k++ & 7];
  if (d != d)
    return "nan";
  snprintf(b, 40, "%a", d);
  return b;
}

static volatile double vd[] = {1.0, -2.5, 0.1, 3.0, 1e-310, 1e308, 7.0, -0.0};
static volatile float vf[] = {1.0f, -2.5f, 0.1f, 3.0f, 1e-40f, 3e38f, 7.0f, -0.0f};

int main(void) {
  int n = sizeof vd / sizeof *vd;
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++) {
      double a = vd[i], b = vd[j];
      float fa = vf[i], fb = vf[j];
      printf("%g %g: + %s - %s * %s / %s | f + %s * %s / %s\n", a, b, A(a + b), A(a - b), A(a * b),
             A(a / b), A(fa + fb), A(fa * fb), A(fa / fb));
    }
  double s = 0, p = 1, q = 1e10;
  float sf = 0;
  for (int i = 1; i <= 100000; i++) {
    s += 1.0 / i;
    sf += 1.0f / (float)i;
    p *= 1.0 + 1.0 / (i + 1000.0);
    q /= 1.0 + 1e-5;
  }
  printf("harmonic %.17g float %.9g product %.17g quotient %.17g\n", s, (double)sf, p, q);
  double sub = DBL_MIN;
  for (int i = 0; i < 10; i++)
    sub /= 16;
  printf("subnormal %a %.17g back %a\n", sub, sub, sub * 1099511627776.0);
  printf("exact: %.17g %.17g\n", 0.5 * 8 + 0.25 * 4, 1e16 + 1.0 - 1e16);
  return 0;
}
