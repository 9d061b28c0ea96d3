/* int_mul_high.c - 64x64->128 multiplies through unsigned/signed __int128
 * (umulh/smulh/mul on aarch64), widening 32x32->64 (umull/smull), and
 * multiply-add/subtract, over edge values; prints a running checksum too. */
#include <stdint.h>
#include <stdio.h>

int main(void) {
  uint64_t v[] = {0,
                  1,
                  2,
                  3,
                  0x7fffffffffffffffull,
                  0x8000000000000000ull,
                  0xffffffffffffffffull,
                  0x00000000ffffffffull,
                  0x123456789abcdef1ull,
                  0xfedcba9876543210ull};
  unsigned n = sizeof v / sizeof *v;
  uint64_t sum = 0;
  for (unsigned i = 0; i < n; i++)
    for (unsigned j = 0; j < n; j++) {
      uint64_t a = v[i], b = v[j];
      unsigned __int128 u = (unsigned __int128)a * b;
      __int128 s = (__int128)(int64_t)a * (int64_t)b;
      uint64_t lo = a * b;
      uint64_t uh = (uint64_t)(u >> 64), sh = (uint64_t)((unsigned __int128)s >> 64);
      uint64_t wu = (uint64_t)(uint32_t)a * (uint32_t)b;
      int64_t ws = (int64_t)(int32_t)a * (int32_t)b;
      printf("%016llx*%016llx lo %016llx umulh %016llx smulh %016llx umull %016llx smull %016llx\n",
             (unsigned long long)a, (unsigned long long)b, (unsigned long long)lo,
             (unsigned long long)uh, (unsigned long long)sh, (unsigned long long)wu,
             (unsigned long long)ws);
      sum = sum * 31 + lo + uh + sh + (a * b + sum) - (b * 3 - a);
    }
  printf("checksum %016llx\n", (unsigned long long)sum);
  /* multiply-heavy loop: 64-bit LCG and a wrapping 32-bit product */
  uint64_t x = 88172645463325252ull;
  uint32_t p = 1;
  for (int i = 0; i < 100000; i++) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    p *= (uint32_t)(x >> 33) | 1;
  }
  printf("lcg %016llx prod %08x\n", (unsigned long long)x, p);
  return 0;
}
