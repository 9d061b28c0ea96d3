/* malloc_many_small.c - 100000 small allocations of varying sizes, written,
 * checked, half freed in an interleaved order and reallocated, then calloc
 * zeroing and 16-byte alignment; prints only checksums and counts. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { N = 100000 };
static unsigned char *ptrs[N];
static unsigned sizes[N];

int main(void) {
  unsigned s = 1;
  int misaligned = 0;
  for (int i = 0; i < N; i++) {
    s = s * 1664525 + 1013904223;
    sizes[i] = 1 + (s >> 24) % 200;
    ptrs[i] = malloc(sizes[i]);
    if (!ptrs[i]) {
      printf("malloc failed\n");
      return 1;
    }
    misaligned += ((uintptr_t)ptrs[i] & 15) != 0;
    memset(ptrs[i], (unsigned char)i, sizes[i]);
  }
  unsigned long bad = 0;
  for (int i = 0; i < N; i++)
    for (unsigned j = 0; j < sizes[i]; j++)
      bad += ptrs[i][j] != (unsigned char)i;
  printf("allocated %d, misaligned %d, corrupted bytes %lu\n", N, misaligned, bad);
  for (int i = 0; i < N; i += 2) {
    free(ptrs[i]);
    ptrs[i] = NULL;
  }
  for (int i = 0; i < N; i += 2) {
    sizes[i] = 1 + (i * 7) % 500;
    ptrs[i] = malloc(sizes[i]);
    memset(ptrs[i], 0xa5, sizes[i]);
  }
  unsigned long long sum = 0;
  for (int i = 0; i < N; i++)
    for (unsigned j = 0; j < sizes[i]; j++)
      sum += ptrs[i][j] * (j + 1);
  printf("checksum %llu\n", sum);
  for (int i = N - 1; i >= 0; i--)
    free(ptrs[i]);
  int nonzero = 0;
  for (int i = 0; i < 1000; i++) {
    unsigned char *p = calloc(i + 1, 33);
    for (int j = 0; j < (i + 1) * 33; j++)
      nonzero += p[j] != 0;
    memset(p, 0xff, (i + 1) * 33);
    free(p);
  }
  printf("calloc nonzero bytes %d\n", nonzero);
  void *big = malloc(64 << 20); /* large: served by mmap */
  memset(big, 1, 64 << 20);
  printf("big ok %d\n", ((unsigned char *)big)[(64 << 20) - 1]);
  free(big);
  return 0;
}
