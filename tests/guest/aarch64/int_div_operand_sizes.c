/* int_div_operand_sizes.c - 64-bit division and remainder, signed and
 * unsigned, of every pair from a list of values on both sides of 32 bits
 * (xrun divides operands that both fit in 32 bits with a 32-bit division):
 * 0..3, 2^31 +- 1, 2^32 +- 1, 2^63, small and large negative numbers. C
 * leaves x / 0 and INT64_MIN / -1 undefined; those pairs are left out
 * (int_div_by_zero_asm covers what the instructions do there). Each row
 * prints a hash of its quotients and remainders, and one pair is printed
 * whole. */
#include <stdint.h>
#include <stdio.h>

static const uint64_t vals[] = {0,
                                1,
                                2,
                                3,
                                7,
                                1000,
                                0x7ffffffeull,
                                0x7fffffffull,
                                0x80000000ull,
                                0x80000001ull,
                                0xfffffffeull,
                                0xffffffffull,
                                0x100000000ull,
                                0x100000001ull,
                                0x123456789ull,
                                0x7fffffffffffffffull,
                                0x8000000000000000ull,
                                0xfffffffffffffffdull,
                                0xffffffff80000000ull,
                                0xffffffffffffffffull};
#define N (sizeof(vals) / sizeof(vals[0]))

/* Opaque to the compiler: each division is a udiv or sdiv at run time. */
__attribute__((noinline)) static uint64_t udivide(uint64_t a, uint64_t b, uint64_t *rem) {
  *rem = a % b;
  return a / b;
}

__attribute__((noinline)) static int64_t sdivide(int64_t a, int64_t b, int64_t *rem) {
  *rem = a % b;
  return a / b;
}

static uint64_t mix(uint64_t h, uint64_t v) {
  return (h ^ v) * 0x100000001b3ull;
}

int main(void) {
  for (unsigned i = 0; i < N; i++) {
    uint64_t hu = 0xcbf29ce484222325ull, hs = hu;
    for (unsigned j = 0; j < N; j++) {
      uint64_t a = vals[i], b = vals[j], ur, uq;
      if (b == 0)
        continue;
      uq = udivide(a, b, &ur);
      hu = mix(mix(hu, uq), ur);
      if ((int64_t)a == INT64_MIN && (int64_t)b == -1)
        continue;
      int64_t sr, sq = sdivide((int64_t)a, (int64_t)b, &sr);
      hs = mix(mix(hs, (uint64_t)sq), (uint64_t)sr);
    }
    printf("%#llx: unsigned %016llx signed %016llx\n", (unsigned long long)vals[i],
           (unsigned long long)hu, (unsigned long long)hs);
  }
  uint64_t r, q = udivide(0xfffffffeull, 0x7fffffffull, &r);
  printf("0xfffffffe / 0x7fffffff = %llu rem %llu\n", (unsigned long long)q, (unsigned long long)r);
  int64_t sr, sq = sdivide(-7, 2, &sr);
  printf("-7 / 2 = %lld rem %lld\n", (long long)sq, (long long)sr);
  q = udivide(0x100000000ull, 0xffffffffull, &r);
  printf("0x100000000 / 0xffffffff = %llu rem %llu\n", (unsigned long long)q,
         (unsigned long long)r);
  return 0;
}
