/* realloc_growth.c - a dynamic array grown by realloc from 1 to 4M elements
 * (crossing into mmap-backed chunks and mremap), contents checked after every
 * growth, then shrunk back. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  size_t cap = 1, len = 0;
  unsigned *a = malloc(cap * sizeof *a);
  int reallocs = 0, bad = 0;
  for (unsigned i = 0; i < (4u << 20); i++) {
    if (len == cap) {
      cap = cap * 3 / 2 + 1;
      a = realloc(a, cap * sizeof *a);
      if (!a) {
        printf("realloc failed\n");
        return 1;
      }
      reallocs++;
      for (size_t j = 0; j < len; j += 4099)
        bad += a[j] != (unsigned)j * 2654435761u;
    }
    a[len++] = i * 2654435761u;
  }
  unsigned long long sum = 0;
  for (size_t j = 0; j < len; j++)
    sum += a[j] ^ j;
  printf("len %zu cap %zu reallocs %d bad %d sum %llu\n", len, cap, reallocs, bad, sum);
  while (cap > 16) {
    cap /= 3;
    a = realloc(a, cap * sizeof *a);
    for (size_t j = 0; j < cap; j += 97)
      bad += a[j] != (unsigned)j * 2654435761u;
  }
  printf("shrunk to %zu, bad %d\n", cap, bad);
  free(a);
  char *s = NULL;
  size_t n = 0;
  for (int i = 0; i < 2000; i++) {
    s = realloc(s, n + 4);
    n += (size_t)sprintf(s + n, "%03d", i % 1000);
  }
  unsigned h = 0;
  for (size_t i = 0; i < n; i++)
    h = h * 31 + (unsigned char)s[i];
  printf("string len %zu hash %u tail %s\n", n, h, s + n - 9);
  free(s);
  return 0;
}
