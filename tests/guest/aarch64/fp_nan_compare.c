/* fp_nan_compare.c - comparisons involving NaN (all false except !=),
 * isnan/isinf/isfinite/signbit/fpclassify, fmin/fmax with NaN, ordering of
 * -0.0 and 0.0, and sorting with isless/isunordered. The sign of a NaN
 * made by 0/0 differs between machines, so NaNs are never printed. */
#include <math.h>
#include <stdio.h>

static volatile double zero = 0.0;

static const char *cls(double x) {
  switch (fpclassify(x)) {
  case FP_NAN: return "nan";
  case FP_INFINITE: return "inf";
  case FP_ZERO: return "zero";
  case FP_SUBNORMAL: return "subnormal";
  default: return "normal";
  }
}

int main(void) {
  double nan1 = zero / zero, nan2 = NAN, inf = 1.0 / zero;
  double vals[] = {nan1, nan2, inf, -inf, 0.0, -0.0, 1.0, -1.0, 5e-324};
  const char *names[] = {"0/0", "NAN", "inf", "-inf", "0", "-0", "1", "-1", "denorm"};
  int n = sizeof vals / sizeof *vals;
  for (int i = 0; i < n; i++) {
    double a = vals[i];
    printf("%-6s isnan %d isinf %d finite %d class %s\n", names[i], !!isnan(a), !!isinf(a),
           !!isfinite(a), cls(a));
    for (int j = 0; j < n; j++) {
      double b = vals[j];
      printf("  %s ? %s: < %d <= %d == %d != %d >= %d > %d unord %d less %d\n", names[i], names[j],
             a<b, a <= b, a == b, a != b, a >= b, a> b, !!isunordered(a, b), !!isless(a, b));
    }
  }
  printf("fmax(nan,1) %g fmin(1,nan) %g fmax(-1,2) %g\n", fmax(nan1, 1.0), fmin(1.0, nan1),
         fmax(-1.0, 2.0));
  float fn = (float)nan1;
  printf("float nan: isnan %d self-eq %d\n", !!isnan(fn), fn == fn);
  int nan_count = 0;
  for (int i = 0; i < 1000; i++) {
    double x = (i % 3 == 0) ? zero / zero : i * 0.5;
    nan_count += x != x;
  }
  printf("nan_count %d\n", nan_count);
  printf("-0 == 0: %d, 1/-0 = %g, copysign(3,-0) = %g\n", -0.0 == 0.0, 1.0 / -zero,
         copysign(3.0, -0.0));
  return 0;
}
