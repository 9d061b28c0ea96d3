/* fp_libm_functions.c - exp/log/pow/sin/cos/tan/atan2/sinh/hypot/cbrt/fmod/
 * remainder/frexp/ldexp/modf/fma on a grid of inputs. Printed to 12
 * significant digits: libm may differ from machine to machine in the last
 * bit, and that is not what this test is for. */
#include <math.h>
#include <stdio.h>

int main(void) {
  double xs[] = {-3.5, -1.0, -0.25, 0.0, 0.1, 0.5, 1.0, 2.0, 2.718281828, 10.0, 100.5};
  for (unsigned i = 0; i < sizeof xs / sizeof *xs; i++) {
    double x = xs[i];
    printf("x=%g exp %.12g log %.12g sin %.12g cos %.12g tan %.12g atan %.12g\n", x, exp(x),
           x > 0 ? log(x) : 0.0, sin(x), cos(x), tan(x), atan(x));
    printf("  pow %.12g sinh %.12g tanh %.12g cbrt %.12g atan2 %.12g hypot %.12g\n",
           pow(fabs(x), 1.5), sinh(x), tanh(x), cbrt(x), atan2(x, 1.5), hypot(x, 3.0));
    int e;
    double ip, m = frexp(x, &e), frac = modf(x, &ip);
    printf("  frexp %g %d ldexp %g modf %g %g fmod %g remainder %g fma %.17g\n", m, e, ldexp(x, 5),
           frac, ip, fmod(x, 0.75), remainder(x, 0.75), fma(x, 0.1, 1e-17));
  }
  float fsum = 0;
  for (int i = 1; i < 200; i++)
    fsum += sinf(i * 0.05f) * expf(-i * 0.01f);
  printf("float sum %.6g\n", (double)fsum);
  return 0;
}
