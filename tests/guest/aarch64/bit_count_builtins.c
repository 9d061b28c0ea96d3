/* bit_count_builtins.c - __builtin_clz/ctz/popcount/parity/bswap/ffs and
 * rotates written in C, over a pseudo-random walk; prints values and a sum. */
#include <stdint.h>
#include <stdio.h>

static uint64_t rotl(uint64_t x, int k) {
  return (x << k) | (x >> (64 - k));
}
static uint32_t rotr32(uint32_t x, int k) {
  return (x >> k) | (x << ((32 - k) & 31));
}

int main(void) {
  uint64_t x = 0x9e3779b97f4a7c15ull, sum = 0;
  for (int i = 0; i < 64; i++) {
    uint64_t v = x >> (i % 61);
    if (v == 0)
      v = 1;
    uint32_t w = (uint32_t)v | 1;
    if (i < 16)
      printf("%016llx clz %d ctz %d pop %d par %d ffs %d | %08x clz %d ctz %d pop %d bswap %08x\n",
             (unsigned long long)v, __builtin_clzll(v), __builtin_ctzll(v), __builtin_popcountll(v),
             __builtin_parityll(v), __builtin_ffsll((long long)v), w, __builtin_clz(w),
             __builtin_ctz(w), __builtin_popcount(w), __builtin_bswap32(w));
    sum += __builtin_clzll(v) * 3 + __builtin_ctzll(v) * 5 + __builtin_popcountll(v) * 7 +
           __builtin_bswap64(v) + rotl(v, i % 63 + 1) + rotr32(w, i % 32);
    x = x * 0x5851f42d4c957f2dull + 0x14057b7ef767814full;
  }
  printf("sum %016llx\n", (unsigned long long)sum);
  return 0;
}
