/* pie.c - a static-pie program: gdb finds where it was loaded from the
 * auxiliary vector (qXfer:auxv:read); breakpoints, backtrace, stepping and
 * memory at the relocated addresses.
 */
// test: cflags: -static-pie -fPIE
// test: skip-riscv64: Debian 12's riscv64 glibc has no static-pie (rcrt1.o)
#include <stdio.h>

struct point {
  long x, y;
};
struct point corners[2] = {{1, 2}, {30, 40}};

long area(const struct point *a, const struct point *b) {
  long w = b->x - a->x;
  long h = b->y - a->y;
  return w * h;
}

int main(void) {
  long s = area(&corners[0], &corners[1]);
  printf("area %ld\n", s);
  return (int)(s & 0x7f);
}
