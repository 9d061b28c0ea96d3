/* crypto_pmull_crc_hwcap.c - the rest of the Cryptographic Extension and
 * what the machine says about it: PMULL/PMULL2 with 64-bit elements
 * (vmull_p64, vmull_high_p64) against a software carry-less multiply and a
 * GHASH multiply in GF(2^128); CRC32 and CRC32C of every width (__crc32b ..
 * __crc32cd) against bitwise software CRCs and the "123456789" check values;
 * AT_HWCAP's AES/PMULL/SHA1/SHA2/CRC32 bits and the matching fields of
 * ID_AA64ISAR0_EL1 (read with MRS, as glibc and OpenSSL do). */
// test: arm-only: PMULL and CRC32 intrinsics, MRS of an ID register
// test: cflags: -march=armv8-a+crypto+crc
#include <arm_acle.h>
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>

typedef unsigned __int128 u128;

static u128 clmul(uint64_t x, uint64_t y) {
  u128 r = 0;
  for (int i = 0; i < 64; i++)
    if (y >> i & 1)
      r ^= (u128)x << i;
  return r;
}

static u128 from_p128(poly128_t p) {
  u128 r;
  memcpy(&r, &p, 16);
  return r;
}

static void p128(const char *what, u128 v, u128 want) {
  printf("%-14s %016llx%016llx %s\n", what, (unsigned long long)(v >> 64), (unsigned long long)v,
         v == want ? "ok" : "BAD");
}

static u128 pm(uint64_t x, uint64_t y) {
  return from_p128(vmull_p64(x, y));
}

/* GF(2^128) product modulo x^128 + x^7 + x^2 + x + 1, in the plain (not
 * bit-reflected) representation: four PMULLs for the 256-bit product, then
 * x^128 = 0x87 folds the high half down, twice for the 7 bits that spill. */
static u128 gf128_mul_pmull(u128 a, u128 b) {
  poly64x2_t va = vreinterpretq_p64_u8(vld1q_u8((const uint8_t *)&a));
  poly64x2_t vb = vreinterpretq_p64_u8(vld1q_u8((const uint8_t *)&b));
  u128 lo = from_p128(vmull_p64(vgetq_lane_p64(va, 0), vgetq_lane_p64(vb, 0)));
  u128 hi = from_p128(vmull_high_p64(va, vb));
  u128 mid = pm((uint64_t)a, (uint64_t)(b >> 64)) ^ pm((uint64_t)(a >> 64), (uint64_t)b);
  lo ^= mid << 64;
  hi ^= mid >> 64;
  u128 t1 = pm((uint64_t)(hi >> 64), 0x87), t0 = pm((uint64_t)hi, 0x87);
  return lo ^ t0 ^ t1 << 64 ^ pm((uint64_t)(t1 >> 64), 0x87);
}

static u128 gf128_mul_soft(u128 a, u128 b) {
  u128 r = 0;
  for (int i = 127; i >= 0; i--) {
    int carry = (int)(r >> 127);
    r <<= 1;
    if (carry)
      r ^= 0x87;
    if (b >> i & 1)
      r ^= a;
  }
  return r;
}

static void test_pmull(void) {
  static const uint64_t v[] = {0,
                               1,
                               0x8000000000000001ull,
                               0xffffffffffffffffull,
                               0x0123456789abcdefull,
                               0xc200000000000000ull};
  int bad = 0;
  for (unsigned i = 0; i < 6; i++)
    for (unsigned j = 0; j < 6; j++)
      bad += from_p128(vmull_p64(v[i], v[j])) != clmul(v[i], v[j]);
  printf("pmull 1q table %s\n", bad ? "BAD" : "ok");
  p128("pmull ff*ff", from_p128(vmull_p64(v[3], v[3])), clmul(v[3], v[3]));
  poly64x2_t pair = vcombine_p64(vcreate_p64(v[4]), vcreate_p64(v[2]));
  p128("pmull2 hi*hi", from_p128(vmull_high_p64(pair, pair)), clmul(v[2], v[2]));
  u128 a = (u128)0x66e94bd4ef8a2c3bull << 64 | 0x884cfa59ca342b2eull;
  u128 b = (u128)0x0388dace60b6a392ull << 64 | 0xf328c2b971b2fe78ull;
  u128 x = a;
  for (int i = 0; i < 8; i++)
    x = gf128_mul_pmull(x, b) ^ a;
  u128 y = a;
  for (int i = 0; i < 8; i++)
    y = gf128_mul_soft(y, b) ^ a;
  p128("gf128 chain", x, y);
}

static uint32_t crc_soft(uint32_t poly, const uint8_t *p, size_t n) {
  uint32_t c = ~0u;
  for (size_t i = 0; i < n; i++) {
    c ^= p[i];
    for (int k = 0; k < 8; k++)
      c = c >> 1 ^ (poly & -(c & 1));
  }
  return ~c;
}

/* CRC of p[0..n) using every width: one byte, one halfword, one word, then
 * doublewords and a tail, so that each instruction sees data. */
static uint32_t crc_hw(int castagnoli, const uint8_t *p, size_t n) {
  uint32_t c = ~0u;
  uint64_t d;
  uint32_t w;
  uint16_t h;
  size_t i = 0;
  if (n - i >= 1)
    c = castagnoli ? __crc32cb(c, p[i]) : __crc32b(c, p[i]), i += 1;
  if (n - i >= 2)
    memcpy(&h, p + i, 2), c = castagnoli ? __crc32ch(c, h) : __crc32h(c, h), i += 2;
  if (n - i >= 4)
    memcpy(&w, p + i, 4), c = castagnoli ? __crc32cw(c, w) : __crc32w(c, w), i += 4;
  for (; n - i >= 8; i += 8)
    memcpy(&d, p + i, 8), c = castagnoli ? __crc32cd(c, d) : __crc32d(c, d);
  for (; i < n; i++)
    c = castagnoli ? __crc32cb(c, p[i]) : __crc32b(c, p[i]);
  return ~c;
}

static void test_crc(void) {
  static const char check[] = "123456789";
  uint8_t buf[1000];
  printf("crc32  123456789 %08x %s\n", crc_hw(0, (const uint8_t *)check, 9),
         crc_hw(0, (const uint8_t *)check, 9) == 0xcbf43926 ? "ok" : "BAD");
  printf("crc32c 123456789 %08x %s\n", crc_hw(1, (const uint8_t *)check, 9),
         crc_hw(1, (const uint8_t *)check, 9) == 0xe3069283 ? "ok" : "BAD");
  for (int i = 0; i < 1000; i++)
    buf[i] = (uint8_t)(i * 131 + 17);
  int bad = 0;
  for (size_t n = 0; n <= 1000; n += 37)
    bad += crc_hw(0, buf, n) != crc_soft(0xedb88320u, buf, n) ||
           crc_hw(1, buf, n) != crc_soft(0x82f63b78u, buf, n);
  printf("crc lengths 0..1000 %s, crc32c(1000) %08x\n", bad ? "BAD" : "ok", crc_hw(1, buf, 1000));
}

static void test_features(void) {
  unsigned long hw = getauxval(AT_HWCAP);
  uint64_t isar0;
  printf("hwcap aes %lu pmull %lu sha1 %lu sha2 %lu crc32 %lu\n", hw >> 3 & 1, hw >> 4 & 1,
         hw >> 5 & 1, hw >> 6 & 1, hw >> 7 & 1);
  if (!(hw & (1ul << 11))) { /* HWCAP_CPUID: MRS of ID registers is emulated */
    printf("no cpuid\n");
    return;
  }
  __asm__("mrs %0, ID_AA64ISAR0_EL1" : "=r"(isar0));
  /* AES 2 = AES + PMULL; SHA2 >= 1 (2 adds SHA-512, which a machine may have) */
  printf("isar0 aes %llu sha1 %llu sha2>=1 %d crc32 %llu\n", (unsigned long long)(isar0 >> 4 & 15),
         (unsigned long long)(isar0 >> 8 & 15), (isar0 >> 12 & 15) >= 1,
         (unsigned long long)(isar0 >> 16 & 15));
}

int main(void) {
  test_pmull();
  test_crc();
  test_features();
  return 0;
}
