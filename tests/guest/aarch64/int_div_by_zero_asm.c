/* int_div_by_zero_asm.c - A64 udiv/sdiv edge cases: division by zero gives 0
 * without a trap, INT_MIN / -1 gives INT_MIN; msub then gives the remainder.
 * Both are undefined in C, so the divides are inline asm. */
// test: arm-only: inline asm udiv/sdiv
#include <stdint.h>
#include <stdio.h>

static uint64_t udiv64(uint64_t a, uint64_t b) {
  uint64_t r;
  __asm__ volatile("udiv %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
  return r;
}
static int64_t sdiv64(int64_t a, int64_t b) {
  int64_t r;
  __asm__ volatile("sdiv %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
  return r;
}
static uint32_t udiv32(uint32_t a, uint32_t b) {
  uint32_t r;
  __asm__ volatile("udiv %w0, %w1, %w2" : "=r"(r) : "r"(a), "r"(b));
  return r;
}
static int32_t sdiv32(int32_t a, int32_t b) {
  int32_t r;
  __asm__ volatile("sdiv %w0, %w1, %w2" : "=r"(r) : "r"(a), "r"(b));
  return r;
}
/* the quotient and the remainder of one pair, as % compiles (the backend
 * reads the remainder the host division left) */
static uint64_t urem64(uint64_t a, uint64_t b, uint64_t *q) {
  uint64_t r;
  __asm__ volatile("udiv %0, %2, %3\n\tmsub %1, %0, %3, %2" : "=&r"(*q), "=r"(r) : "r"(a), "r"(b));
  return r;
}
static uint32_t urem32(uint32_t a, uint32_t b) {
  uint32_t q, r;
  __asm__ volatile("udiv %w0, %w2, %w3\n\tmsub %w1, %w0, %w3, %w2"
                   : "=&r"(q), "=r"(r)
                   : "r"(a), "r"(b));
  return r;
}
static int32_t srem32(int32_t a, int32_t b) {
  int32_t q, r;
  __asm__ volatile("sdiv %w0, %w2, %w3\n\tmsub %w1, %w0, %w3, %w2"
                   : "=&r"(q), "=r"(r)
                   : "r"(a), "r"(b));
  return r;
}
static int64_t srem64(int64_t a, int64_t b) {
  int64_t q, r;
  __asm__ volatile("sdiv %0, %2, %3\n\tmsub %1, %0, %3, %2" : "=&r"(q), "=r"(r) : "r"(a), "r"(b));
  return r;
}

int main(void) {
  uint64_t u64[] = {0, 1, 7, 0xffffffffffffffffull, 0x8000000000000000ull, 12345678901234ull};
  int64_t s64[] = {0, 1, -1, 7, -7, INT64_MIN, INT64_MAX};
  for (unsigned i = 0; i < sizeof u64 / sizeof *u64; i++)
    for (unsigned j = 0; j < sizeof u64 / sizeof *u64; j++)
      printf("udiv64 %llx / %llx = %llx\n", (unsigned long long)u64[i], (unsigned long long)u64[j],
             (unsigned long long)udiv64(u64[i], u64[j]));
  for (unsigned i = 0; i < sizeof s64 / sizeof *s64; i++)
    for (unsigned j = 0; j < sizeof s64 / sizeof *s64; j++)
      printf("sdiv64 %lld / %lld = %lld rem %lld\n", (long long)s64[i], (long long)s64[j],
             (long long)sdiv64(s64[i], s64[j]), (long long)srem64(s64[i], s64[j]));
  for (unsigned i = 0; i < sizeof u64 / sizeof *u64; i++)
    for (unsigned j = 0; j < sizeof u64 / sizeof *u64; j++) {
      uint64_t q, r = urem64(u64[i], u64[j], &q);
      printf("urem64 %llx %% %llx = %llx (q %llx)\n", (unsigned long long)u64[i],
             (unsigned long long)u64[j], (unsigned long long)r, (unsigned long long)q);
    }
  int32_t s32[] = {0, 1, -1, 7, -7, INT32_MIN, INT32_MAX};
  for (unsigned i = 0; i < sizeof s32 / sizeof *s32; i++)
    for (unsigned j = 0; j < sizeof s32 / sizeof *s32; j++)
      printf("rem32 %d %d: %d %u\n", s32[i], s32[j], srem32(s32[i], s32[j]),
             urem32((uint32_t)s32[i], (uint32_t)s32[j]));
  printf("udiv32 %u %u %u\n", udiv32(100, 0), udiv32(0xffffffffu, 1), udiv32(0xffffffffu, 0x10));
  printf("sdiv32 %d %d %d %d\n", sdiv32(INT32_MIN, -1), sdiv32(5, 0), sdiv32(-5, 0), sdiv32(-7, 2));
  /* the 32-bit forms take only the low 32 bits of their inputs */
  uint64_t r;
  __asm__ volatile("mov x1, #-1\n\tmov x2, #2\n\tudiv w0, w1, w2\n\tmov %0, x0"
                   : "=r"(r)
                   :
                   : "x0", "x1", "x2");
  printf("udiv32 upper bits: %llx\n", (unsigned long long)r);
  return 0;
}
