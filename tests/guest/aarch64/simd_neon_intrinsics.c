/* simd_neon_intrinsics.c - Advanced SIMD through arm_neon.h: integer lane
 * arithmetic with saturation, widening and narrowing, across-lane reductions,
 * table lookups, byte reversal, float vectors with fused multiply-add,
 * comparisons into masks, and zip/uzp permutes. */
// test: arm-only: NEON intrinsics
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>

static void p8(const char *what, uint8x16_t v)
{
  uint8_t b[16];
  vst1q_u8(b, v);
  printf("%-8s", what);
  for (int i = 0; i < 16; i++) printf(" %02x", b[i]);
  printf("\n");
}

int main(void)
{
  uint8_t in[16], in2[16];
  for (int i = 0; i < 16; i++) { in[i] = (uint8_t)(i * 17 + 3); in2[i] = (uint8_t)(250 - i * 9); }
  uint8x16_t a = vld1q_u8(in), b = vld1q_u8(in2);
  p8("add", vaddq_u8(a, b));
  p8("qadd", vqaddq_u8(a, b));
  p8("qsub", vqsubq_u8(a, b));
  p8("abd", vabdq_u8(a, b));
  p8("max", vmaxq_u8(a, b));
  p8("cmhi", vcgtq_u8(a, b));
  p8("rev64", vrev64q_u8(a));
  p8("ext3", vextq_u8(a, b, 3));
  p8("tbl", vqtbl1q_u8(a, vandq_u8(b, vdupq_n_u8(0x1f))));
  p8("zip1", vzip1q_u8(a, b));
  p8("uzp2", vuzp2q_u8(a, b));
  p8("cnt", vcntq_u8(a));
  p8("shl/shr", vorrq_u8(vshlq_n_u8(a, 3), vshrq_n_u8(b, 5)));
  printf("addv %u maxv %u minv %u\n", vaddvq_u8(a), vmaxvq_u8(b), vminvq_u8(b));
  int16x8_t s = vreinterpretq_s16_u8(a);
  int32x4_t w = vmull_s16(vget_low_s16(s), vget_high_s16(s));
  printf("smull %d %d %d %d\n", vgetq_lane_s32(w, 0), vgetq_lane_s32(w, 1), vgetq_lane_s32(w, 2), vgetq_lane_s32(w, 3));
  int16x8_t qd = vqdmulhq_s16(s, vdupq_n_s16(30000));
  int8x8_t nar = vqmovn_s16(s);
  printf("sqdmulh lane0 %d lane7 %d sqxtn lane0 %d lane7 %d\n", vgetq_lane_s16(qd, 0), vgetq_lane_s16(qd, 7),
         vget_lane_s8(nar, 0), vget_lane_s8(nar, 7));
  float32x4_t f = {1.5f, -2.25f, 3.0f, 1e-3f}, g = {0.5f, 4.0f, -1.0f, 1e3f};
  float32x4_t fm = vfmaq_f32(f, f, g);
  printf("fma %a %a %a %a\n", (double)vgetq_lane_f32(fm, 0), (double)vgetq_lane_f32(fm, 1),
         (double)vgetq_lane_f32(fm, 2), (double)vgetq_lane_f32(fm, 3));
  float32x4_t dv = vdivq_f32(f, g);
  printf("div %a %a sqrt %a addv %a\n", (double)vgetq_lane_f32(dv, 1), (double)vgetq_lane_f32(dv, 3),
         (double)vgetq_lane_f32(vsqrtq_f32(vabsq_f32(f)), 1), (double)vaddvq_f32(f));
  uint32x4_t lt = vcltq_f32(f, g);
  int32x4_t cv = vcvtq_s32_f32(vmulq_n_f32(f, 1000.0f));
  printf("lt %x %x %x %x cvt %d %d %d %d\n", vgetq_lane_u32(lt, 0), vgetq_lane_u32(lt, 1), vgetq_lane_u32(lt, 2),
         vgetq_lane_u32(lt, 3), vgetq_lane_s32(cv, 0), vgetq_lane_s32(cv, 1), vgetq_lane_s32(cv, 2), vgetq_lane_s32(cv, 3));
  float64x2_t d = {1.0 / 3, 2.0}, e = {3.0, 0.1};
  float64x2_t dm = vmulq_f64(d, e);
  printf("f64 mul %a %a\n", vgetq_lane_f64(dm, 0), vgetq_lane_f64(dm, 1));
  /* an auto-vectorisable loop */
  static int32_t x[1024], y[1024];
  for (int i = 0; i < 1024; i++) { x[i] = i * 3 - 500; y[i] = 1000 - i * 7; }
  int64_t dot = 0;
  for (int i = 0; i < 1024; i++) dot += (int64_t)x[i] * y[i];
  printf("dot %lld\n", (long long)dot);
  return 0;
}
