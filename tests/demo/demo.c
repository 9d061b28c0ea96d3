/* demo.c - a friendly arm64 program for `make demo`: says where it thinks it
 * runs, finds some primes, formats a few floats, and hashes a string. Built
 * with aarch64-linux-gnu-gcc -static and run under ./xrun on an x86-64 host. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

static int is_prime(unsigned n) {
  if (n < 2)
    return 0;
  for (unsigned d = 2; d * d <= n; d++)
    if (n % d == 0)
      return 0;
  return 1;
}

int main(int argc, char **argv) {
  struct utsname u;
  uname(&u);
  printf("Hello from an %s program on %s!\n", u.machine, u.sysname);
  printf("(I was started as %s with %d argument%s.)\n\n", argv[0], argc - 1, argc == 2 ? "" : "s");

  printf("The first 20 primes:");
  for (unsigned n = 2, found = 0; found < 20; n++)
    if (is_prime(n)) {
      printf(" %u", n);
      found++;
    }
  unsigned count = 0;
  for (unsigned n = 0; n < 1000000; n++)
    count += is_prime(n);
  printf("\nThere are %u primes below one million.\n\n", count);

  printf("Some numbers: pi = %.10f, e = %.6e, sqrt(2) = %g, 1/3 = %.3f\n", M_PI, exp(1.0),
         sqrt(2.0), 1.0 / 3);
  double golden = (1 + sqrt(5.0)) / 2, a = 0, b = 1;
  for (int i = 0; i < 40; i++) {
    double t = a + b;
    a = b;
    b = t;
  }
  printf("fib(41)/fib(40) = %.12f, golden ratio = %.12f\n\n", b / a, golden);

  const char *msg = "xrun runs arm64 Linux programs on x86-64";
  unsigned h = 2166136261u;
  for (size_t i = 0; i < strlen(msg); i++)
    h = (h ^ (unsigned char)msg[i]) * 16777619u;
  printf("FNV-1a of \"%s\" = %08x\n", msg, h);
  printf("Goodbye!\n");
  return 0;
}
