/* int_overflow_wraparound.c - unsigned wraparound, signed overflow detection
 * with __builtin_*_overflow, INT_MIN/-1 and % on negative numbers (computed
 * so that C defines them), narrowing conversions, and 128-bit arithmetic. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>

static volatile int vi_min = INT_MIN, vi_m1 = -1;

int main(void) {
  unsigned u = UINT_MAX;
  u += 1;
  printf("UINT_MAX+1 = %u\n", u);
  uint8_t b = 250;
  b += 10;
  printf("uint8 250+10 = %u\n", b);
  uint16_t h = 0;
  h -= 1;
  printf("uint16 0-1 = %u\n", h);
  uint64_t q = 0;
  q--;
  printf("uint64 0-1 = %llu\n", (unsigned long long)q);
  int r;
  printf("add_overflow(INT_MAX,1) = %d\n", __builtin_add_overflow(INT_MAX, 1, &r));
  printf("  wrapped = %d\n", r);
  printf("sub_overflow(INT_MIN,1) = %d\n", __builtin_sub_overflow(INT_MIN, 1, &r));
  printf("mul_overflow(65536,65536) = %d\n", __builtin_mul_overflow(65536, 65536, &r));
  long long rl;
  printf("mul_overflow ll(3037000500,3037000500) = %d\n",
         __builtin_mul_overflow(3037000500LL, 3037000500LL, &rl));
  int ov = __builtin_mul_overflow(3037000499LL, 3037000499LL, &rl);
  printf("mul_overflow ll(3037000499,3037000499) = %d %lld\n", ov, rl);
  /* INT_MIN / -1 overflows: check it is detected rather than executed */
  int a = vi_min, d = vi_m1;
  if (a == INT_MIN && d == -1)
    printf("INT_MIN/-1 would overflow; INT_MIN%%-1 defined as 0\n");
  else
    printf("%d\n", a / d);
  for (int x = -7; x <= 7; x += 7)
    for (int y = -3; y <= 3; y += 6)
      printf("%d / %d = %d, %d %% %d = %d\n", x, y, x / y, x, y, x % y);
  long long big = 0x123456789LL;
  printf("(int)0x123456789 = %d, (short) = %d, (signed char) = %d\n", (int)(unsigned)big,
         (short)(unsigned short)big, (signed char)(unsigned char)big);
  printf("-(unsigned)5 = %u, -INT_MIN as unsigned = %u\n", -(unsigned)5, -(unsigned)INT_MIN);
  unsigned __int128 w = (unsigned __int128)UINT64_MAX * UINT64_MAX;
  printf("u128 max*max = %016llx%016llx\n", (unsigned long long)(w >> 64), (unsigned long long)w);
  __int128 s = -(__int128)INT64_MAX * 3;
  printf("i128 -MAX*3 = %016llx%016llx\n", (unsigned long long)((unsigned __int128)s >> 64),
         (unsigned long long)s);
  /* division of 128-bit values goes through libgcc's __udivti3 */
  unsigned __int128 n = w / 1000000007u;
  printf("u128 div = %016llx%016llx rem %llu\n", (unsigned long long)(n >> 64),
         (unsigned long long)n, (unsigned long long)(w % 1000000007u));
  /* arithmetic right shift of negatives and signed char promotion */
  int neg = -100;
  signed char sc = (signed char)0xf0;
  unsigned char uc = 0xf0;
  char pc = 'A';
  printf("-100>>3 = %d, sc = %d, uc = %d, 'A'+1 = %d\n", neg >> 3, sc, uc, pc + 1);
  return 0;
}
