/* simd_fp_families.c - Advanced SIMD floating point through arm_neon.h:
 * lane arithmetic, fused multiply-add and by-element forms, min/max with
 * NaNs and signed zeros, pairwise and across-lane reductions, compares,
 * rounding, conversions incl. fixed point and half precision, and the
 * reciprocal (square root) estimate and step instructions. */
// test: arm-only: NEON intrinsics
#include <arm_neon.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>

static void pf(const char *what, float32x4_t v) {
  uint32_t b[4];
  vst1q_u32(b, vreinterpretq_u32_f32(v));
  printf("%-10s %08x %08x %08x %08x\n", what, b[0], b[1], b[2], b[3]);
}

static void pd(const char *what, float64x2_t v) {
  uint64_t b[2];
  vst1q_u64(b, vreinterpretq_u64_f64(v));
  printf("%-10s %016llx %016llx\n", what, (unsigned long long)b[0], (unsigned long long)b[1]);
}

static void pu(const char *what, uint32x4_t v) {
  pf(what, vreinterpretq_f32_u32(v));
}

int main(int argc, char **argv) {
  (void)argv;
  float fa[4] = {1.5f, -2.25f, 0.0f, 1e30f}, fb[4] = {-0.0f, 3.0f, NAN, 1e-40f};
  double da[2] = {3.0, -0.1}, db[2] = {0.5, 1e300};
  fa[2] *= (float)argc; /* keep the compiler from folding */
  float32x4_t a = vld1q_f32(fa), b = vld1q_f32(fb);
  float64x2_t c = vld1q_f64(da), d = vld1q_f64(db);
  pf("fadd", vaddq_f32(a, b));
  pf("fsub", vsubq_f32(a, b));
  pf("fmul", vmulq_f32(a, b));
  pf("fdiv", vdivq_f32(a, b));
  pf("fmla", vfmaq_f32(a, b, a));
  pf("fmls", vfmsq_f32(b, a, a));
  pf("fmla_ln", vfmaq_laneq_f32(a, a, b, 1));
  pf("fmul_ln", vmulq_laneq_f32(a, a, 3));
  pf("fmax", vmaxq_f32(a, b));
  pf("fmin", vminq_f32(a, b));
  pf("fmaxnm", vmaxnmq_f32(a, b));
  pf("fminnm", vminnmq_f32(a, b));
  pf("fabd", vabdq_f32(a, b));
  pf("faddp", vpaddq_f32(a, b));
  pf("fmaxp", vpmaxq_f32(a, b));
  pf("fmulx", vmulxq_f32(a, b));
  pf("frecps", vrecpsq_f32(a, b));
  pf("frsqrts", vrsqrtsq_f32(a, b));
  pf("frecpe", vrecpeq_f32(a));
  pf("frsqrte", vrsqrteq_f32(vabsq_f32(a)));
  pf("fsqrt", vsqrtq_f32(vabsq_f32(a)));
  pf("fneg", vnegq_f32(a));
  pu("fcmgt", vcgtq_f32(a, b));
  pu("fcmge0", vcgezq_f32(b));
  pu("fcmlt0", vcltzq_f32(a));
  pu("facge", vcageq_f32(a, b));
  pf("frintn", vrndnq_f32(vmulq_n_f32(a, 1.3f)));
  pf("frinta", vrndaq_f32(vmulq_n_f32(a, 1.3f)));
  pf("frintm", vrndmq_f32(vmulq_n_f32(a, 1.3f)));
  pu("fcvtzs", vreinterpretq_u32_s32(vcvtq_s32_f32(a)));
  pu("fcvtau", vcvtaq_u32_f32(a));
  pu("fcvtzs_n", vreinterpretq_u32_s32(vcvtq_n_s32_f32(a, 10)));
  pf("scvtf_n", vcvtq_n_f32_s32(vdupq_n_s32(-12345), 7));
  pf("ucvtf", vcvtq_f32_u32(vdupq_n_u32(0xfffffff1u)));
  pd("fadd.d", vaddq_f64(c, d));
  pd("fmul.d", vmulq_f64(c, d));
  pd("fdiv.d", vdivq_f64(c, d));
  pd("fmla.d", vfmaq_laneq_f64(c, c, d, 0));
  pd("frecpe.d", vrecpeq_f64(c));
  pd("frsqrte.d", vrsqrteq_f64(d));
  pd("fcvtl", vcvt_f64_f32(vget_low_f32(a)));
  pf("fcvtn", vcombine_f32(vcvt_f32_f64(c), vcvt_f32_f64(d)));
  pf("fcvtxn", vcombine_f32(vcvtx_f32_f64(c), vcvtx_f32_f64(d)));
  pf("fcvtl.h", vcvt_f32_f16(vcvt_f16_f32(a)));
  printf("across %08x %08x\n", vget_lane_u32(vreinterpret_u32_f32(vdup_n_f32(vmaxvq_f32(a))), 0),
         vget_lane_u32(vreinterpret_u32_f32(vdup_n_f32(vminnmvq_f32(b))), 0));
  __fp16 hh = (__fp16)fa[1];
  printf("half %f %f\n", (double)hh, (double)(__fp16)db[0]);
  return 0;
}
