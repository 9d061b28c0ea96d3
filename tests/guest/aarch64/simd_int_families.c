/* simd_int_families.c - Advanced SIMD integer classes through arm_neon.h:
 * saturating, halving and rounding three-same, shifts by register and by
 * immediate (incl. saturating narrowing), widening and narrowing-high
 * three-different forms, multiply-accumulate by element, pairwise long
 * adds, CLS/CLZ, saturating narrows and the FPSR.QC flag. */
// test: arm-only: NEON intrinsics
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static void p8(const char *what, const uint8_t *b) {
  printf("%-10s", what);
  for (int i = 0; i < 16; i++)
    printf(" %02x", b[i]);
  printf("\n");
}

/* Print any 128-bit vector as bytes. */
#define P(name, v)                                                                                 \
  do {                                                                                             \
    __typeof__(v) t_ = (v);                                                                        \
    uint8_t b_[16];                                                                                \
    memcpy(b_, &t_, 16);                                                                           \
    p8(name, b_);                                                                                  \
  } while (0)

static unsigned qc(void) {
  uint64_t fpsr;
  __asm__ volatile("mrs %0, fpsr" : "=r"(fpsr));
  __asm__ volatile("msr fpsr, xzr");
  return (unsigned)(fpsr >> 27 & 1);
}

int main(void) {
  int8_t a8[16], b8[16];
  int16_t a16[8], b16[8];
  int32_t a32[4], b32[4];
  for (int i = 0; i < 16; i++)
    a8[i] = (int8_t)(i * 37 - 100), b8[i] = (int8_t)(120 - i * 19);
  for (int i = 0; i < 8; i++)
    a16[i] = (int16_t)(i * 9001 - 30000), b16[i] = (int16_t)(25000 - i * 7777);
  for (int i = 0; i < 4; i++)
    a32[i] = (int32_t)(i * 1500000000u - 2000000000), b32[i] = 123456789 * (i + 1) - 300000000;
  int8x16_t x = vld1q_s8(a8), y = vld1q_s8(b8);
  int16x8_t h = vld1q_s16(a16), g = vld1q_s16(b16);
  int32x4_t w = vld1q_s32(a32), v = vld1q_s32(b32);
  qc();
  P("sqadd", (vqaddq_s8(x, y)));
  printf("qc %u\n", qc());
  P("uqsub", (vqsubq_u8(vreinterpretq_u8_s8(x), vreinterpretq_u8_s8(y))));
  P("shadd", (vhaddq_s8(x, y)));
  P("urhadd", (vrhaddq_u8(vreinterpretq_u8_s8(x), vreinterpretq_u8_s8(y))));
  P("sqdmulh", (vqdmulhq_s16(h, g)));
  P("sqrdmulh", (vqrdmulhq_s32(w, v)));
  P("sshl", (vshlq_s16(h, vdupq_n_s16(-3))));
  P("srshl", (vrshlq_s32(w, vdupq_n_s32(-7))));
  P("sqshl", (vqshlq_s8(x, vdupq_n_s8(2))));
  printf("qc %u\n", qc());
  P("uqrshl", (vqrshlq_u16(vreinterpretq_u16_s16(h), g)));
  P("sabd", (vabdq_s8(x, y)));
  P("uaba",
    (vabaq_u16(vreinterpretq_u16_s16(h), vreinterpretq_u16_s16(g), vreinterpretq_u16_s16(h))));
  P("mla", (vmlaq_s32(w, v, w)));
  P("mls", (vmlsq_s16(h, g, h)));
  P("pmul", (vreinterpretq_u8_p8(vmulq_p8(vreinterpretq_p8_s8(x), vreinterpretq_p8_s8(y)))));
  P("smlal", (vmlal_s16(w, vget_low_s16(h), vget_low_s16(g))));
  P("umull2", (vmull_high_u32(vreinterpretq_u32_s32(w), vreinterpretq_u32_s32(v))));
  P("sqdmlal", (vqdmlal_s32(vreinterpretq_s64_s32(w), vget_low_s32(w), vget_low_s32(v))));
  P("addhn", (vcombine_s8(vaddhn_s16(h, g), vraddhn_s16(g, h))));
  P("subhn2", (vsubhn_high_s32(vget_low_s16(h), w, v)));
  P("sabdl", (vabdl_s8(vget_low_s8(x), vget_low_s8(y))));
  P("uaddw", (vaddw_u16(vreinterpretq_u32_s32(w), vget_high_u16(vreinterpretq_u16_s16(g)))));
  P("pmull", (vreinterpretq_u16_p16(vmull_p8(vget_low_p8(vreinterpretq_p8_s8(x)),
                                             vget_low_p8(vreinterpretq_p8_s8(y))))));
  P("mul_lane", (vmulq_laneq_s16(h, g, 5)));
  P("mla_lane", (vmlaq_laneq_s32(w, v, w, 2)));
  P("smull_ln", (vmull_lane_s16(vget_low_s16(h), vget_low_s16(g), 3)));
  P("qdmulh_l", (vqdmulhq_laneq_s32(w, v, 1)));
  P("uaddlp", (vpaddlq_u8(vreinterpretq_u8_s8(x))));
  P("sadalp", (vpadalq_s16(w, h)));
  P("cls", (vclsq_s8(x)));
  P("clz", (vclzq_u16(vreinterpretq_u16_s16(h))));
  P("sqabs", (vqabsq_s8(vsetq_lane_s8(-128, x, 3))));
  P("sqxtn", (vcombine_s8(vqmovn_s16(h), vreinterpret_s8_u8(vqmovun_s16(g)))));
  P("uqxtn",
    (vcombine_u16(vqmovn_u32(vreinterpretq_u32_s32(w)), vmovn_u32(vreinterpretq_u32_s32(v)))));
  P("srshr", (vrshrq_n_s16(h, 5)));
  P("usra", (vsraq_n_u32(vreinterpretq_u32_s32(w), vreinterpretq_u32_s32(v), 9)));
  P("sli", (vsliq_n_u8(vreinterpretq_u8_s8(x), vreinterpretq_u8_s8(y), 3)));
  P("sri", (vsriq_n_u16(vreinterpretq_u16_s16(h), vreinterpretq_u16_s16(g), 11)));
  P("sqshlu", (vqshluq_n_s8(x, 2)));
  P("sqshrn", (vcombine_s8(vqshrn_n_s16(h, 4), vqrshrn_n_s16(g, 7))));
  P("sqrshrun", (vcombine_u16(vqrshrun_n_s32(w, 9), vqshrun_n_s32(v, 15))));
  P("rshrn", (vcombine_s16(vrshrn_n_s32(w, 16), vshrn_n_s32(v, 3))));
  P("shll", (vshll_n_s8(vget_low_s8(x), 8)));
  printf("sqaddd %lld %lld\n", (long long)vqaddd_s64(INT64_MAX - 5, 9),
         (long long)vqsubd_s64(INT64_MIN + 1, 3));
  printf("across %d %u %d %lld\n", vaddvq_s8(x), vmaxvq_u16(vreinterpretq_u16_s16(g)),
         vminvq_s32(w), (long long)vaddlvq_s32(v));
  printf("qc %u\n", qc());
  return 0;
}
