/* printf_ints.c - printf of integers: widths, precision, flags (- + space 0 #),
 * length modifiers hh h l ll z j t, bases %o %x %X, %c, %%, %s with
 * precision, %n and positional arguments. */
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

int main(void) {
  long long v[] = {0,     1,       -1,      42,        -42,       255,
                   65535, INT_MAX, INT_MIN, LLONG_MAX, LLONG_MIN, 1000000007};
  for (unsigned i = 0; i < sizeof v / sizeof *v; i++) {
    long long x = v[i];
    printf("[%d][%5d][%-5d|][%+d][% d][%05d][%.3d][%8.4d]\n", (int)x, (int)x, (int)x, (int)x,
           (int)x, (int)x, (int)x, (int)x);
    printf("  [%lld][%llu][%llx][%llX][%#llx][%#llo][%llo][%hhd][%hhu][%hd][%hu]\n", x,
           (unsigned long long)x, (unsigned long long)x, (unsigned long long)x,
           (unsigned long long)x, (unsigned long long)x, (unsigned long long)x, (signed char)x,
           (unsigned char)x, (short)x, (unsigned short)x);
  }
  size_t z = 123456789;
  intmax_t j = -987654321;
  ptrdiff_t t = -5;
  printf("[%zu][%zx][%jd][%td]\n", z, z, j, t);
  printf("[%c%c%c][%%][%5c][%-3c|]\n", 'a', 66, '0' + 7, 'z', 'y');
  printf("[%s][%.3s][%10s][%-10s|][%.0s]\n", "hello", "hello", "right", "left", "gone");
  int n1, n2;
  printf("abc%ndefgh%n\n", &n1, &n2);
  printf("n1=%d n2=%d\n", n1, n2);
  printf("%2$s %1$s %3$d\n", "world", "hello", 3);
  printf("[%*d][%-*d|][%.*d]\n", 6, 42, 6, 42, 4, 7);
  printf("[%#x][%#o][%#X][%x]\n", 0, 0, 255u, 0xdeadbeefu);
  int ret = printf("%s\n", "counted");
  printf("ret=%d\n", ret);
  return 0;
}
