/* autovec_o3_loops.c - loops gcc -O3 vectorizes with Advanced SIMD: integer
 * add/mul/shift over arrays of every width, min/max clamps, byte histograms
 * and compares, widening sums, int<->float conversions, float arithmetic
 * lane by lane, and reductions. Prints checksums. */
// test: cflags: -O3
#include <stdint.h>
#include <stdio.h>

enum { N = 4099 }; /* odd length: the vector loop and its scalar tail both run */

static uint8_t b8[N], c8[N];
static int16_t h16[N];
static int32_t w32[N], x32[N];
static int64_t d64[N];
static float f32[N], g32[N];
static double f64[N];

static uint32_t lcg(uint32_t *s) {
  *s = *s * 1664525u + 1013904223u;
  return *s >> 8;
}

static void fill(void) {
  uint32_t s = 12345;
  for (int i = 0; i < N; i++) {
    b8[i] = (uint8_t)lcg(&s);
    c8[i] = (uint8_t)lcg(&s);
    h16[i] = (int16_t)lcg(&s);
    w32[i] = (int32_t)lcg(&s) - (1 << 23);
    x32[i] = (int32_t)(lcg(&s) % 1000) - 500;
    d64[i] = (int64_t)lcg(&s) * 977 - 5000000000ll;
    f32[i] = (float)(lcg(&s) % 20000) / 64.0f - 100.0f;
    g32[i] = (float)(lcg(&s) % 3000) / 16.0f + 0.5f;
  }
}

static uint64_t mix(uint64_t h, uint64_t v) {
  return (h ^ v) * 0x100000001b3ull;
}

static void int_loops(void) {
  uint64_t h = 1469598103934665603ull;
  for (int i = 0; i < N; i++)
    c8[i] = (uint8_t)(b8[i] + c8[i] * 3);
  for (int i = 0; i < N; i++)
    h16[i] = (int16_t)((h16[i] >> 2) ^ (int16_t)(b8[i] << 4));
  for (int i = 0; i < N; i++)
    w32[i] = w32[i] * x32[i] + (w32[i] >> 3);
  for (int i = 0; i < N; i++)
    d64[i] = d64[i] + (int64_t)w32[i] * 7;
  for (int i = 0; i < N; i++)
    x32[i] = x32[i] < -100 ? -100 : x32[i] > 100 ? 100 : x32[i];
  for (int i = 0; i < N; i++)
    h = mix(h, (uint64_t)c8[i] + ((uint64_t)(uint16_t)h16[i] << 8));
  for (int i = 0; i < N; i++)
    h = mix(h, (uint64_t)(uint32_t)w32[i] ^ (uint64_t)d64[i] ^ (uint64_t)(uint32_t)x32[i]);
  printf("int arrays hash %016llx\n", (unsigned long long)h);
}

static void reductions(void) {
  uint32_t sum8 = 0, count = 0;
  int64_t sum32 = 0;
  int32_t mx = INT32_MIN, mn = INT32_MAX;
  uint8_t bmax = 0;
  for (int i = 0; i < N; i++)
    sum8 += b8[i];
  for (int i = 0; i < N; i++)
    count += b8[i] > c8[i];
  for (int i = 0; i < N; i++)
    sum32 += w32[i];
  for (int i = 0; i < N; i++)
    mx = w32[i] > mx ? w32[i] : mx;
  for (int i = 0; i < N; i++)
    mn = w32[i] < mn ? w32[i] : mn;
  for (int i = 0; i < N; i++)
    bmax = b8[i] > bmax ? b8[i] : bmax;
  printf("sum8 %u count %u sum32 %lld max %d min %d bmax %u\n", sum8, count, (long long)sum32, mx,
         mn, bmax);
}

static void float_loops(void) {
  for (int i = 0; i < N; i++)
    f32[i] = f32[i] * g32[i] + 1.5f;
  for (int i = 0; i < N; i++)
    g32[i] = g32[i] / (f32[i] < 0 ? -f32[i] + 1.0f : f32[i] + 1.0f);
  for (int i = 0; i < N; i++)
    f64[i] = (double)w32[i] * 0.25 + (double)x32[i];
  for (int i = 0; i < N; i++)
    x32[i] = (int32_t)(f32[i] * 4.0f);
  uint64_t h = 0;
  for (int i = 0; i < N; i++) {
    union {
      float f;
      uint32_t u;
    } a = {f32[i]}, b = {g32[i]};
    union {
      double d;
      uint64_t u;
    } c = {f64[i]};
    h = mix(h, a.u ^ ((uint64_t)b.u << 32) ^ c.u ^ (uint32_t)x32[i]);
  }
  printf("float arrays hash %016llx\n", (unsigned long long)h);
}

int main(void) {
  fill();
  int_loops();
  reductions();
  float_loops();
  return 0;
}
