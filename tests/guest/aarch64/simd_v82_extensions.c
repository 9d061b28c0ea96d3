/* simd_v82_extensions.c - the Armv8.2+ extensions xrun advertises, used the
 * way libraries use them: look at AT_HWCAP/AT_HWCAP2 (and ID_AA64ISAR0/1_EL1
 * through MRS), then run the instructions through ACLE intrinsics: SDOT/UDOT,
 * SQRDMLAH/SQRDMLSH, SHA-512, EOR3/BCAX/XAR/RAX1, FJCVTZS, FRINT32/64.
 * Prints every result, so the output is checked against qemu-aarch64.
 */
// test: cflags: -march=armv8.5-a+sha3+dotprod
// test: arm-only: Arm ACLE intrinsics
#include <arm_acle.h>
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/auxv.h>

#define HWCAP_ASIMDRDM (1 << 12)
#define HWCAP_JSCVT    (1 << 13)
#define HWCAP_SHA3     (1 << 17)
#define HWCAP_ASIMDDP  (1 << 20)
#define HWCAP_SHA512   (1 << 21)
#define HWCAP2_FRINT   (1 << 8)

static void print_u32x4(const char *what, uint32x4_t v) {
  printf("%-10s %08x %08x %08x %08x\n", what, vgetq_lane_u32(v, 0), vgetq_lane_u32(v, 1),
         vgetq_lane_u32(v, 2), vgetq_lane_u32(v, 3));
}
static void print_u64x2(const char *what, uint64x2_t v) {
  printf("%-10s %016llx %016llx\n", what, (unsigned long long)vgetq_lane_u64(v, 0),
         (unsigned long long)vgetq_lane_u64(v, 1));
}

static volatile uint8_t seed8 = 0x9d;

static uint8x16_t bytes(uint8_t k) {
  uint8_t b[16];
  for (int i = 0; i < 16; i++)
    b[i] = (uint8_t)(k * (i + 1) + seed8 * i * i);
  return vld1q_u8(b);
}

static void dot_products(void) {
  uint8x16_t a = bytes(7), b = bytes(13);
  print_u32x4("udot", vdotq_u32(vdupq_n_u32(5), a, b));
  print_u32x4("sdot", vreinterpretq_u32_s32(vdotq_s32(vdupq_n_s32(-5), vreinterpretq_s8_u8(a),
                                                      vreinterpretq_s8_u8(b))));
  print_u32x4("udot lane", vdotq_laneq_u32(vdupq_n_u32(0xffffff00), a, b, 3));
  int8x16_t m = vdupq_n_s8(-128);
  print_u32x4("sdot -128", vreinterpretq_u32_s32(vdotq_s32(vdupq_n_s32(0x7fffffff), m, m)));
}

static void rdm(void) {
  int16x8_t acc = vreinterpretq_s16_u8(bytes(3)), x = vreinterpretq_s16_u8(bytes(5));
  int16x8_t y = vreinterpretq_s16_u8(bytes(11));
  print_u32x4("sqrdmlah", vreinterpretq_u32_s16(vqrdmlahq_s16(acc, x, y)));
  print_u32x4("sqrdmlsh", vreinterpretq_u32_s16(vqrdmlshq_s16(acc, x, y)));
  int32x4_t big = vdupq_n_s32(0x7fffffff), min = vdupq_n_s32(INT32_MIN);
  print_u32x4("sat", vreinterpretq_u32_s32(vqrdmlahq_s32(big, min, min)));
  print_u32x4("lane", vreinterpretq_u32_s32(vqrdmlahq_laneq_s32(
                          vreinterpretq_s32_u8(bytes(1)), vreinterpretq_s32_u8(bytes(2)),
                          vreinterpretq_s32_u8(bytes(9)), 2)));
}

static void sha512_sha3(void) {
  uint64x2_t a = vreinterpretq_u64_u8(bytes(17)), b = vreinterpretq_u64_u8(bytes(19));
  uint64x2_t c = vreinterpretq_u64_u8(bytes(23));
  print_u64x2("sha512h", vsha512hq_u64(a, b, c));
  print_u64x2("sha512h2", vsha512h2q_u64(a, b, c));
  print_u64x2("sha512su0", vsha512su0q_u64(a, b));
  print_u64x2("sha512su1", vsha512su1q_u64(a, b, c));
  print_u64x2("eor3", veor3q_u64(a, b, c));
  print_u64x2("bcax", vbcaxq_u64(a, b, c));
  print_u64x2("xar", vxarq_u64(a, b, 17));
  print_u64x2("rax1", vrax1q_u64(a, b));
}

static volatile double js_in[] = {0.0,           -0.0,  1.5,       -1.5,      4294967296.0 + 7,
                                  -2147483649.0, 1e300, 0.0 / 0.0, 1.0 / 0.0, 2147483647.75};
static volatile float fr_in[] = {0.5f, -0.5f, 1.5f, 2.5f, -2.5f, 3e9f, -3e9f, 1e20f};

static void jscvt_frint(void) {
  for (unsigned i = 0; i < sizeof(js_in) / sizeof(js_in[0]); i++)
    printf("jcvt(%g) = %d\n", js_in[i], __jcvt(js_in[i]));
  for (unsigned i = 0; i < sizeof(fr_in) / sizeof(fr_in[0]); i += 4) {
    float32x4_t v = {fr_in[i], fr_in[i + 1], fr_in[i + 2], fr_in[i + 3]};
    print_u32x4("frint32z", vreinterpretq_u32_f32(vrnd32zq_f32(v)));
    print_u32x4("frint32x", vreinterpretq_u32_f32(vrnd32xq_f32(v)));
    print_u32x4("frint64z", vreinterpretq_u32_f32(vrnd64zq_f32(v)));
    print_u32x4("frint64x", vreinterpretq_u32_f32(vrnd64xq_f32(v)));
  }
}

int main(void) {
  unsigned long hw = getauxval(AT_HWCAP), hw2 = getauxval(AT_HWCAP2);
  uint64_t isar0, isar1;
  __asm__("mrs %0, ID_AA64ISAR0_EL1" : "=r"(isar0));
  __asm__("mrs %0, ID_AA64ISAR1_EL1" : "=r"(isar1));
  printf("hwcap rdm %lu jscvt %lu sha3 %lu dotprod %lu sha512 %lu frint %lu\n", hw >> 12 & 1,
         hw >> 13 & 1, hw >> 17 & 1, hw >> 20 & 1, hw >> 21 & 1, hw2 >> 8 & 1);
  printf("isar0 dp %llu sha3 %llu rdm %llu sha2>=2 %d; isar1 frintts %llu jscvt %llu\n",
         (unsigned long long)(isar0 >> 44 & 15), (unsigned long long)(isar0 >> 32 & 15),
         (unsigned long long)(isar0 >> 28 & 15), (isar0 >> 12 & 15) >= 2,
         (unsigned long long)(isar1 >> 32 & 15), (unsigned long long)(isar1 >> 12 & 15));
  if (hw & HWCAP_ASIMDDP)
    dot_products();
  if (hw & HWCAP_ASIMDRDM)
    rdm();
  if ((hw & HWCAP_SHA512) && (hw & HWCAP_SHA3))
    sha512_sha3();
  if ((hw & HWCAP_JSCVT) && (hw2 & HWCAP2_FRINT))
    jscvt_frint();
  return 0;
}
