/* fp_fpcr_fz_dn_asm.c - the arm64-only parts of the FP environment: FPCR.FZ
 * (denormal inputs flushed with IDC, tiny results flushed with UFC only),
 * FPCR.DN (default NaN), signalling NaN payloads and IOC, underflow detected
 * before rounding, FCVTXN's round to odd and FPCR.AHP.
 */
// test: arm-only: inline asm on FPCR/FPSR (FZ, DN, AHP, IDC), which x86-64 does not have
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define FZ  (1u << 24)
#define DN  (1u << 25)
#define AHP (1u << 26)

static void set_fpcr(uint64_t v) {
  __asm__ volatile("msr fpcr, %0" ::"r"(v));
}
static uint64_t take_fpsr(void) {
  uint64_t v;
  __asm__ volatile("mrs %0, fpsr\n\tmsr fpsr, xzr" : "=r"(v));
  return v;
}
static uint32_t fbits(float f) {
  uint32_t u;
  memcpy(&u, &f, 4);
  return u;
}
static float bitsf(uint32_t u) {
  float f;
  memcpy(&f, &u, 4);
  return f;
}
static uint64_t dbits(double d) {
  uint64_t u;
  memcpy(&u, &d, 8);
  return u;
}

static float fmul(float a, float b) {
  float r;
  __asm__ volatile("fmul %s0, %s1, %s2" : "=w"(r) : "w"(a), "w"(b));
  return r;
}
static float fadd(float a, float b) {
  float r;
  __asm__ volatile("fadd %s0, %s1, %s2" : "=w"(r) : "w"(a), "w"(b));
  return r;
}
static double dmul(double a, double b) {
  double r;
  __asm__ volatile("fmul %d0, %d1, %d2" : "=w"(r) : "w"(a), "w"(b));
  return r;
}

static void show(const char *what, uint32_t fpcr, uint32_t bits) {
  printf("%-28s fpcr %08x -> %08x fpsr %02llx\n", what, fpcr, bits,
         (unsigned long long)take_fpsr());
}

static void under(uint32_t fpcr) {
  set_fpcr(fpcr);
  take_fpsr();
  show("denormal * 1", fpcr, fbits(fmul(bitsf(0x00000001), 1.0f)));
  show("min normal * (1-2^-24)", fpcr, fbits(fmul(bitsf(0x00800000), bitsf(0x3f7fffff))));
  show("rounds up to min normal", fpcr, fbits(fmul(bitsf(0x007fffff), bitsf(0x3f800001))));
  show("min normal * 0.5", fpcr, fbits(fmul(bitsf(0x00800000), 0.5f)));
  show("denormal + denormal", fpcr, fbits(fadd(bitsf(0x00400000), bitsf(0x00400000))));
  show("snan + 1", fpcr, fbits(fadd(bitsf(0x7f812345), 1.0f)));
  show("-qnan + snan", fpcr, fbits(fadd(bitsf(0xffc00042), bitsf(0x7f800007))));
  show("0 * inf", fpcr, fbits(fmul(0.0f, bitsf(0x7f800000))));
  set_fpcr(fpcr | 3u << 22);
  show("max * 2, round to zero", fpcr | 3u << 22, fbits(fmul(bitsf(0x7f7fffff), 2.0f)));
  set_fpcr(fpcr);
  double d = dmul(0x1p-1000, 0x1p-60);
  show("double tiny product (lo)", fpcr, (uint32_t)dbits(d));
  set_fpcr(0);
}

static void convert(void) {
  double x = 1.0 + 0x1p-40;
  float r;
  __asm__ volatile("fcvtxn %s0, %d1" : "=w"(r) : "w"(x));
  show("fcvtxn 1+2^-40", 0, fbits(r));
  for (uint32_t fpcr = 0; fpcr <= AHP; fpcr += AHP) {
    set_fpcr(fpcr);
    uint16_t h;
    float big = 70000.0f, inf = bitsf(0x7f800000);
    __asm__ volatile("fcvt h0, %s1\n\tumov %w0, v0.h[0]" : "=r"(h) : "w"(big) : "v0");
    show("fcvt h <- 70000", fpcr, h);
    __asm__ volatile("fcvt h0, %s1\n\tumov %w0, v0.h[0]" : "=r"(h) : "w"(inf) : "v0");
    show("fcvt h <- inf", fpcr, h);
    uint16_t in = 0x7c01;
    __asm__ volatile("dup v0.8h, %w1\n\tfcvt %s0, h0" : "=w"(r) : "r"(in) : "v0");
    show("fcvt s <- h 7c01", fpcr, fbits(r));
  }
  set_fpcr(0);
}

int main(void) {
  under(0);
  under(FZ);
  under(DN);
  under(FZ | DN | 2u << 22);
  convert();
  return 0;
}
