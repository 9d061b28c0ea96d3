/* printf_floats.c - printf of doubles with %f %e %g %a and precisions,
 * widths, flags, rounding halfway cases, huge/tiny values, infinities,
 * negative zero, and float arguments promoted to double. */
#include <float.h>
#include <math.h>
#include <stdio.h>

int main(void) {
  double v[] = {0.0,   -0.0,          1.0,     -1.5,    0.1,        2.5,     3.14159265358979,
                1e-5,  123456789.125, 1e21,    1e-300,  DBL_MAX,    DBL_MIN, 5e-324,
                0.125, 0.5,           1.0 / 3, 2.0 / 3, 1e15 + 0.3, 9.999999};
  for (unsigned i = 0; i < sizeof v / sizeof *v; i++) {
    double x = v[i];
    printf("%f|%.0f|%.2f|%.10f|%12.3f|%-12.3f|%+f\n", x, x, x, x, x, x, x);
    printf("  %e|%.0e|%.3e|%E|%g|%.3g|%.10g|%G|%#g|%a\n", x, x, x, x, x, x, x, x, x, x);
  }
  printf("round half: %.0f %.0f %.0f %.0f %.1f %.1f %.2f\n", 0.5, 1.5, 2.5, -0.5, 0.25, 0.35,
         1.005);
  printf("inf: %f %e %g %F %5.1f\n", INFINITY, -INFINITY, HUGE_VAL, INFINITY, -INFINITY);
  float f = 1.1f;
  printf("float: %f %.9g %a %e\n", f, f, f, (double)f * 3);
  printf("%08.3f|%-+8.2f|% .3e|%#.0f|%#.0e\n", 3.14159, 2.5, 12345.678, 3.0, 3.0);
  double acc = 0;
  for (int i = 1; i <= 1000; i++)
    acc += 1.0 / ((double)i * i);
  printf("sum 1/i^2 = %.15f (pi^2/6 = %.15f)\n", acc, M_PI * M_PI / 6);
  char buf[64];
  int n = snprintf(buf, sizeof buf, "%.17g", 0.1);
  printf("%s (%d chars)\n", buf, n);
  return 0;
}
