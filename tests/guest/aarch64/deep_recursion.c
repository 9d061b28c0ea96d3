/* deep_recursion.c - recursion 50000 calls deep with a real frame (the
 * compiler cannot turn it into a loop): about 3 MB of guest stack, within the
 * 8 MB default. */
#include <stdio.h>

static __attribute__((noinline)) unsigned long deep(unsigned long n, volatile char *prev) {
  volatile char buf[16];
  buf[0] = (char)n;
  buf[15] = prev ? prev[0] : 0;
  if (n == 0)
    return buf[15];
  return deep(n - 1, buf) + (unsigned char)buf[0];
}

int main(void) {
  printf("deep(1000) = %lu\n", deep(1000, 0));
  printf("deep(50000) = %lu\n", deep(50000, 0));
  return 0;
}
