/* recursion_fib_ackermann.c - naive recursive fib, Ackermann for small
 * arguments, and recursive gcd/power: lots of calls and returns. */
#include <stdio.h>

static unsigned long fib(int n) {
  return n < 2 ? (unsigned long)n : fib(n - 1) + fib(n - 2);
}
static unsigned ack(unsigned m, unsigned n) {
  if (m == 0)
    return n + 1;
  if (n == 0)
    return ack(m - 1, 1);
  return ack(m - 1, ack(m, n - 1));
}
static long gcd(long a, long b) {
  return b ? gcd(b, a % b) : a;
}
static unsigned long long ipow(unsigned long long b, unsigned e) {
  if (!e)
    return 1;
  unsigned long long h = ipow(b, e / 2);
  return e & 1 ? h * h * b : h * h;
}

int main(void) {
  for (int i = 0; i <= 27; i += 3)
    printf("fib(%d) = %lu\n", i, fib(i));
  for (unsigned m = 0; m <= 3; m++)
    for (unsigned n = 0; n <= 4; n++)
      printf("ack(%u,%u) = %u\n", m, n, ack(m, n));
  printf("gcd = %ld %ld %ld\n", gcd(1071, 462), gcd(832040, 514229), gcd(1L << 40, 6L << 20));
  printf("pow = %llu %llu\n", ipow(3, 40), ipow(7, 77));
  return 0;
}
