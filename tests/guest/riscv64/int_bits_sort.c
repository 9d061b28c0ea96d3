/* Integer work a compiler turns into RV64I/M/C: shifts of every width,
 * 32-bit arithmetic that must sign-extend, comparisons, a sort, a hash, a
 * bit-reversal, switch tables and calls through pointers. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t hash32(const char *s) {
  uint32_t h = 2166136261u;
  while (*s)
    h = (h ^ (uint8_t)*s++) * 16777619u;
  return h;
}

static uint64_t rev64(uint64_t x) {
  uint64_t r = 0;
  for (int i = 0; i < 64; i++, x >>= 1)
    r = r << 1 | (x & 1);
  return r;
}

static int cmp_i32(const void *a, const void *b) {
  int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
  return (x > y) - (x < y);
}

static const char *kind(int v) {
  switch (v & 7) {
  case 0: return "zero";
  case 1: return "one";
  case 2: return "two";
  case 3: return "three";
  case 4: return "four";
  case 5: return "five";
  default: return "many";
  }
}

int main(void) {
  volatile int64_t x = -123456789012345ll;
  volatile uint32_t u = 0xdeadbeef;
  for (int sh = 0; sh < 64; sh += 7)
    printf("sh %2d: %016llx %016llx %016llx\n", sh, (unsigned long long)(x << sh),
           (unsigned long long)(x >> sh), (unsigned long long)((uint64_t)x >> sh));
  for (int sh = 0; sh < 32; sh += 5)
    printf("w %2d: %08x %08x %d\n", sh, u << sh, u >> sh, (int32_t)u >> sh);
  int32_t a = INT32_MAX;
  volatile int32_t one = 1;
  printf("wrap: %d %lld\n", a + one, (long long)(int64_t)(int32_t)(a + one));
  int32_t arr[64];
  uint32_t seed = 12345;
  for (int i = 0; i < 64; i++) {
    seed = seed * 1103515245u + 12345u;
    arr[i] = (int32_t)seed;
  }
  qsort(arr, 64, sizeof(arr[0]), cmp_i32);
  for (int i = 0; i < 64; i += 9)
    printf("arr[%d] = %d (%s)\n", i, arr[i], kind(arr[i]));
  printf("hash %08x %08x\n", hash32("riscv64"), hash32("the quick brown fox"));
  printf("rev %016llx\n", (unsigned long long)rev64(0x0123456789abcdefull));
  printf("slt %d %d %d\n", (int)(x < 0), (int)((uint64_t)x < 5u), (int)(u > 7u));
  char buf[64];
  memset(buf, 'r', sizeof(buf));
  buf[63] = 0;
  printf("len %zu\n", strlen(buf + 3));
  return 0;
}
