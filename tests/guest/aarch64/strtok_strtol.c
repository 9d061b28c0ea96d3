/* strtok_strtol.c - strtok/strtok_r splitting, strtol/strtoul/strtoll in
 * bases 0, 2, 8, 10, 16, 36, with end pointers, overflow (ERANGE) and
 * whitespace/sign handling; atoi and sscanf. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  char line[] = "alpha, beta;;gamma ,delta,, epsilon;";
  int n = 0;
  for (char *t = strtok(line, ",; "); t; t = strtok(NULL, ",; "))
    printf("tok%d=[%s]\n", n++, t);
  char csv[] = "k1=v1&k2=v2&&k3=";
  char *save1, *save2;
  for (char *kv = strtok_r(csv, "&", &save1); kv; kv = strtok_r(NULL, "&", &save1)) {
    char *k = strtok_r(kv, "=", &save2), *v = strtok_r(NULL, "=", &save2);
    printf("pair %s -> %s\n", k, v ? v : "(none)");
  }
  struct {
    const char *s;
    int base;
  } cases[] = {{"12345", 10},
               {"  -42xyz", 10},
               {"0x1fZ", 0},
               {"0777", 0},
               {"0b101", 0},
               {"101", 2},
               {"zz", 36},
               {"+7", 8},
               {"9223372036854775807", 10},
               {"9223372036854775808", 10},
               {"-9223372036854775808", 10},
               {"-9223372036854775809", 10},
               {"", 10},
               {"  ", 16},
               {"ffffffffffffffff", 16},
               {"-1", 10},
               {"0x", 16},
               {"1e5", 10}};
  for (unsigned i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *end;
    errno = 0;
    long v = strtol(cases[i].s, &end, cases[i].base);
    int e1 = errno;
    errno = 0;
    unsigned long u = strtoul(cases[i].s, NULL, cases[i].base);
    int e2 = errno;
    printf("strtol(\"%s\",%d) = %ld end+%ld %s | strtoul = %lu %s\n", cases[i].s, cases[i].base, v,
           (long)(end - cases[i].s), e1 == ERANGE ? "ERANGE" : "ok", u,
           e2 == ERANGE ? "ERANGE" : "ok");
  }
  long long sum = 0;
  char num[32];
  for (long long i = -100000; i <= 100000; i += 37) {
    snprintf(num, sizeof num, "%lld", i * 4611686018427LL);
    sum += strtoll(num, NULL, 10) / 1000 + atoi(num + (i < 0));
  }
  printf("roundtrip sum %lld\n", sum);
  int a, b;
  char word[16];
  double d;
  int got = sscanf("  17 0x2a  hello 2.5e3", "%d %i %15s %lf", &a, &b, word, &d);
  printf("sscanf %d: %d %d %s %.1f\n", got, a, b, word, d);
  return 0;
}
