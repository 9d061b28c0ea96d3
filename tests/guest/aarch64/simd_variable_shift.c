/* simd_variable_shift.c - shifts by a run-time amount, which compilers
 * vectorize as SSHL/USHL (NEG + DUP + SSHL for x >> n): -O3 loops of a[i] >> n
 * and a[i] << b[i], a[i] >> b[i] over int8..int64 and uint8..uint64 arrays
 * with amounts 0, in range and (where C defines it, after the promotion to
 * int) past the lane; then arm_neon.h vshlq/vrshlq (SSHL USHL SRSHL URSHL,
 * vector and scalar D) by negative, in-range and out-of-range amounts.
 * Prints one checksum per loop, e.g. "s8 >> n      1a2b3c4d". */
// test: arm-only: NEON intrinsics (vshlq_*, vrshlq_*, vshld_*, vrshld_*)
// test: cflags: -O3
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

enum { N = 1003 };

static uint64_t seed = 0x9e3779b97f4a7c15ull;

static uint64_t next(void) {
  seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
  return seed;
}

/* FNV-1a over the bytes of p. */
static uint32_t sum(const void *p, size_t n) {
  const uint8_t *b = p;
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++)
    h = (h ^ b[i]) * 16777619u;
  return h;
}

static int8_t s8[N], d8[N];
static int16_t s16[N], d16[N];
static int32_t s32[N], d32[N];
static int64_t s64[N], d64[N];
static uint8_t u8[N], e8[N], b8[N];
static uint16_t u16[N], e16[N], b16[N];
static uint32_t u32[N], e32[N], b32[N];
static uint64_t u64[N], e64[N], b64[N];

/* ---- a[i] >> n, a[i] << n for one n ---- */
#define BY_SCALAR(T, name)                                                                         \
  __attribute__((noinline)) static void name##_shr(T *d, const T *a, int n) {                      \
    for (int i = 0; i < N; i++)                                                                    \
      d[i] = (T)(a[i] >> n);                                                                       \
  }                                                                                                \
  __attribute__((noinline)) static void name##_shl(T *d, const T *a, int n) {                      \
    for (int i = 0; i < N; i++)                                                                    \
      d[i] = (T)((uint32_t)a[i] << n);                                                             \
  }
BY_SCALAR(int8_t, s8)
BY_SCALAR(int16_t, s16)
BY_SCALAR(int32_t, s32)
BY_SCALAR(uint8_t, u8)
BY_SCALAR(uint16_t, u16)
BY_SCALAR(uint32_t, u32)

__attribute__((noinline)) static void s64_shr(int64_t *d, const int64_t *a, int n) {
  for (int i = 0; i < N; i++)
    d[i] = a[i] >> n;
}
__attribute__((noinline)) static void u64_shr(uint64_t *d, const uint64_t *a, int n) {
  for (int i = 0; i < N; i++)
    d[i] = a[i] >> n;
}

/* ---- a[i] << b[i], a[i] >> b[i]: b[i] < the width ---- */
#define BY_ARRAY(T, U, B, name)                                                                    \
  __attribute__((noinline)) static void name##_shlv(T *d, const T *a, const B *b) {                \
    for (int i = 0; i < N; i++)                                                                    \
      d[i] = (T)((U)a[i] << b[i]);                                                                 \
  }                                                                                                \
  __attribute__((noinline)) static void name##_shrv(T *d, const T *a, const B *b) {                \
    for (int i = 0; i < N; i++)                                                                    \
      d[i] = (T)(a[i] >> b[i]);                                                                    \
  }
BY_ARRAY(int8_t, uint8_t, uint8_t, s8)
BY_ARRAY(int16_t, uint16_t, uint16_t, s16)
BY_ARRAY(int32_t, uint32_t, uint32_t, s32)
BY_ARRAY(int64_t, uint64_t, uint64_t, s64)
BY_ARRAY(uint8_t, uint8_t, uint8_t, u8)
BY_ARRAY(uint16_t, uint16_t, uint16_t, u16)
BY_ARRAY(uint32_t, uint32_t, uint32_t, u32)
BY_ARRAY(uint64_t, uint64_t, uint64_t, u64)

static void fill(void) {
  for (int i = 0; i < N; i++) {
    uint64_t r = next();
    s8[i] = (int8_t)r, u8[i] = (uint8_t)(r >> 8);
    s16[i] = (int16_t)(r >> 16), u16[i] = (uint16_t)(r >> 24);
    s32[i] = (int32_t)(r >> 32), u32[i] = (uint32_t)r;
    s64[i] = (int64_t)next(), u64[i] = next();
    uint64_t k = next();
    b8[i] = (uint8_t)(k % 8), b16[i] = (uint16_t)(k / 8 % 16);
    b32[i] = (uint32_t)(k / 128 % 32), b64[i] = k / 4096 % 64;
  }
}

static void loops(void) {
  static const int amounts[] = {0, 1, 3, 7, 8, 15, 16, 31};
  uint32_t h[12] = {0};
  for (unsigned k = 0; k < sizeof(amounts) / sizeof(amounts[0]); k++) {
    int n = amounts[k];
    s8_shr(d8, s8, n), h[0] ^= sum(d8, N) + k;
    s8_shl(d8, s8, n), h[1] ^= sum(d8, N) * (k + 1);
    u8_shr(e8, u8, n), h[2] ^= sum(e8, N) + k;
    u8_shl(e8, u8, n), h[3] ^= sum(e8, N) * (k + 1);
    s16_shr(d16, s16, n), h[4] ^= sum(d16, 2 * N) + k;
    s16_shl(d16, s16, n), h[5] ^= sum(d16, 2 * N) * (k + 1);
    u16_shr(e16, u16, n), h[6] ^= sum(e16, 2 * N) + k;
    u16_shl(e16, u16, n), h[7] ^= sum(e16, 2 * N) * (k + 1);
    s32_shr(d32, s32, n), h[8] ^= sum(d32, 4 * N) + k;
    s32_shl(d32, s32, n), h[8] ^= sum(d32, 4 * N) * (k + 1);
    u32_shr(e32, u32, n), h[9] ^= sum(e32, 4 * N) + k;
    u32_shl(e32, u32, n), h[9] ^= sum(e32, 4 * N) * (k + 1);
    s64_shr(d64, s64, 2 * n), h[10] ^= sum(d64, 8 * N) + k;
    u64_shr(e64, u64, 2 * n), h[11] ^= sum(e64, 8 * N) + k;
  }
  static const char *const names[12] = {"s8 >> n",     "s8 << n",     "u8 >> n",  "u8 << n",
                                        "s16 >> n",    "s16 << n",    "u16 >> n", "u16 << n",
                                        "s32 >>,<< n", "u32 >>,<< n", "s64 >> n", "u64 >> n"};
  for (int i = 0; i < 12; i++)
    printf("%-12s %08x\n", names[i], h[i]);
}

static void array_loops(void) {
#define SHOW(name, d, a, b, size)                                                                  \
  name##_shlv(d, a, b), printf("%-12s %08x\n", #name " << b[i]", sum(d, (size)*N));                \
  name##_shrv(d, a, b), printf("%-12s %08x\n", #name " >> b[i]", sum(d, (size)*N))
  SHOW(s8, d8, s8, b8, 1);
  SHOW(u8, e8, u8, b8, 1);
  SHOW(s16, d16, s16, b16, 2);
  SHOW(u16, e16, u16, b16, 2);
  SHOW(s32, d32, s32, b32, 4);
  SHOW(u32, e32, u32, b32, 4);
  SHOW(s64, d64, s64, b64, 8);
  SHOW(u64, e64, u64, b64, 8);
#undef SHOW
}

/* ---- intrinsics: amounts -72..71, -128, 127 (the signed low byte of each lane) ---- */

/* The amount of lane i in round r: over rounds 0..143 every lane sees each
 * of -72..71; round 144 is -128 and 127. */
static int8_t amount(int r, int i) {
  if (r == 144)
    return i & 1 ? 127 : -128;
  return (int8_t)((r + i * 37) % 144 - 72);
}

static void intrinsics(void) {
  uint32_t h[8] = {0};
  for (int r = 0; r <= 144; r++) {
    int8_t am[16];
    for (int i = 0; i < 16; i++)
      am[i] = amount(r, i);
    int8x16_t sh8 = vld1q_s8(am);
    /* wider lanes: the amount in the low byte, junk in the bytes above */
    int16x8_t sh16 = vreinterpretq_s16_s8(vzip1q_s8(sh8, vdupq_n_s8(0x5a)));
    int32x4_t sh32 = vreinterpretq_s32_s16(vzip1q_s16(sh16, vdupq_n_s16(-0x3c3d)));
    int64x2_t sh64 = vreinterpretq_s64_s32(vzip1q_s32(sh32, vdupq_n_s32(0x12345678)));
    for (int i = 0; i + 16 <= N; i += 16) {
      int8x16_t a8 = vld1q_s8(s8 + i);
      int16x8_t a16 = vld1q_s16(s16 + i);
      int32x4_t a32 = vld1q_s32(s32 + i);
      int64x2_t a64 = vld1q_s64(s64 + i);
      uint8_t o[16 * 8];
      vst1q_s8((int8_t *)o, vshlq_s8(a8, sh8));
      vst1q_u8(o + 16, vshlq_u8(vreinterpretq_u8_s8(a8), sh8));
      vst1q_s8((int8_t *)o + 32, vrshlq_s8(a8, sh8));
      vst1q_u8(o + 48, vrshlq_u8(vreinterpretq_u8_s8(a8), sh8));
      vst1_s8((int8_t *)o + 64, vshl_s8(vget_low_s8(a8), vget_high_s8(sh8)));
      vst1_u8(o + 72, vrshl_u8(vget_high_u8(vreinterpretq_u8_s8(a8)), vget_low_s8(sh8)));
      h[0] ^= sum(o, 80) + (uint32_t)i;
      vst1q_s16((int16_t *)o, vshlq_s16(a16, sh16));
      vst1q_u16((uint16_t *)o + 8, vshlq_u16(vreinterpretq_u16_s16(a16), sh16));
      vst1q_s16((int16_t *)o + 16, vrshlq_s16(a16, sh16));
      vst1q_u16((uint16_t *)o + 24, vrshlq_u16(vreinterpretq_u16_s16(a16), sh16));
      h[1] ^= sum(o, 64) + (uint32_t)i;
      vst1q_s32((int32_t *)o, vshlq_s32(a32, sh32));
      vst1q_u32((uint32_t *)o + 4, vshlq_u32(vreinterpretq_u32_s32(a32), sh32));
      vst1q_s32((int32_t *)o + 8, vrshlq_s32(a32, sh32));
      vst1q_u32((uint32_t *)o + 12, vrshlq_u32(vreinterpretq_u32_s32(a32), sh32));
      vst1_s32((int32_t *)o + 16, vrshl_s32(vget_high_s32(a32), vget_low_s32(sh32)));
      h[2] ^= sum(o, 72) + (uint32_t)i;
      vst1q_s64((int64_t *)o, vshlq_s64(a64, sh64));
      vst1q_u64((uint64_t *)o + 2, vshlq_u64(vreinterpretq_u64_s64(a64), sh64));
      vst1q_s64((int64_t *)o + 4, vrshlq_s64(a64, sh64));
      vst1q_u64((uint64_t *)o + 6, vrshlq_u64(vreinterpretq_u64_s64(a64), sh64));
      h[3] ^= sum(o, 64) + (uint32_t)i;
      int64_t sa = vgetq_lane_s64(a64, 1);
      int64_t sb = i / 16 & 1 ? vgetq_lane_s64(sh64, 1) : vgetq_lane_s64(sh64, 0);
      uint64_t sc[4] = {(uint64_t)vshld_s64(sa, sb), vshld_u64((uint64_t)sa, sb),
                        (uint64_t)vrshld_s64(sa, sb), vrshld_u64((uint64_t)sa, sb)};
      h[4] ^= sum(sc, sizeof(sc)) + (uint32_t)i;
    }
  }
  static const char *const names[5] = {"vshl 8", "vshl 16", "vshl 32", "vshl 64", "vshld"};
  for (int i = 0; i < 5; i++)
    printf("%-12s %08x\n", names[i], h[i]);
}

/* A few lanes printed in full, readable when a checksum differs. */
static void samples(void) {
  int8x16_t a = vld1q_s8(s8);
  int8_t am[16] = {0, 1, -1, 7, -7, 8, -8, 9, -9, 100, -100, 127, -128, 3, -3, 2};
  int8x16_t r = vrshlq_s8(a, vld1q_s8(am));
  uint8x16_t u = vrshlq_u8(vreinterpretq_u8_s8(a), vld1q_s8(am));
  for (int i = 0; i < 16; i++)
    printf("%4d %4d: srshl %4d urshl %3u\n", s8[i], am[i], vgetq_lane_s8(r, 0),
           vgetq_lane_u8(u, 0)),
        r = vextq_s8(r, r, 1), u = vextq_u8(u, u, 1);
}

int main(void) {
  fill();
  loops();
  array_loops();
  intrinsics();
  samples();
  return 0;
}
