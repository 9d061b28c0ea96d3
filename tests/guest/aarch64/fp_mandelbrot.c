/* fp_mandelbrot.c - scalar double arithmetic in a tight loop: the escape
 * time of every point of a grid over the Mandelbrot set, printed as a
 * checksum and a coarse picture. The optional argument is the grid size
 * (default 64; tools/bench.sh uses a larger one).
 */
#include <stdio.h>
#include <stdlib.h>

enum { MAX_ITER = 256 };

static int escape(double cr, double ci) {
  double zr = 0, zi = 0;
  int n = 0;
  while (n < MAX_ITER && zr * zr + zi * zi <= 4.0) {
    double t = zr * zr - zi * zi + cr;
    zi = 2.0 * zr * zi + ci;
    zr = t;
    n++;
  }
  return n;
}

int main(int argc, char **argv) {
  int size = argc > 1 ? atoi(argv[1]) : 64;
  unsigned long sum = 0;
  for (int y = 0; y < size; y++) {
    for (int x = 0; x < size; x++) {
      int n = escape(-2.0 + 2.5 * x / size, -1.25 + 2.5 * y / size);
      sum = sum * 31 + (unsigned long)n;
      if (size <= 64 && y % 4 == 0 && x % 2 == 0)
        putchar(n == MAX_ITER ? '#' : n > 8 ? '+' : '.');
    }
    if (size <= 64 && y % 4 == 0)
      putchar('\n');
  }
  printf("size %d checksum %lu\n", size, sum);
  return 0;
}
