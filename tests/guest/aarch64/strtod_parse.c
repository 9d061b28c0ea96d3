/* strtod_parse.c - strtod/strtof/atof on decimal, exponent, hex-float,
 * inf/nan, subnormal, overflowing and partly numeric input; prints the
 * parsed value exactly (%a and %.17g), the end offset and ERANGE. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  const char *in[] = {
      "0",
      "-0",
      "1",
      "3.14159",
      "  -2.5e-3xyz",
      "1e308",
      "1e309",
      "-1e309",
      "2.2250738585072014e-308",
      "4.9e-324",
      "1e-400",
      "0x1.8p3",
      "0X.8P-1",
      "inf",
      "-Infinity",
      "nan",
      "NAN(123)",
      ".5",
      "5.",
      "e5",
      "+.e1",
      "1,5",
      "123456789012345678901234567890",
      "0.1",
      "0.30000000000000004",
      "17976931348623158079372897140530341507993413271003782693617377898044496829276475094664901797"
      "75872070963302864166928879109465555478519404026306574886715058206819089020007083836762738548"
      "45817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711"
      "559699508093042880177904174497791.9999999999"};
  for (unsigned i = 0; i < sizeof in / sizeof *in; i++) {
    char *end;
    errno = 0;
    double d = strtod(in[i], &end);
    int e = errno;
    float f = strtof(in[i], NULL);
    printf("%.30s: %.17g %a end+%ld %s | f %.9g\n", in[i], d, d, (long)(end - in[i]),
           e == ERANGE ? "ERANGE" : "ok", (double)f);
  }
  double sum = 0;
  char buf[64];
  for (int i = 0; i < 20000; i++) {
    double x = (i * 0.001 - 7.3) * (i % 7 + 1) * 1e-3 * (i % 13 ? 1 : 1e200);
    snprintf(buf, sizeof buf, "%.17g", x);
    double y = atof(buf);
    if (y != x)
      printf("roundtrip mismatch %s\n", buf);
    sum += y;
  }
  printf("roundtrip sum %.17g\n", sum);
  return 0;
}
