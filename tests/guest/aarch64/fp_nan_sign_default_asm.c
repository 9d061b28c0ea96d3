/* fp_nan_sign_default_asm.c - aarch64 floating-point details that differ
 * from x86 SSE: the default NaN from 0/0 or inf-inf is positive
 * (0x7ff8000000000000, where x86 makes 0xfff8...), NaN inputs propagate
 * quiet with their payload, fmaxnm/fminnm ignore a quiet NaN, and fmax/fmin
 * order -0 below +0. */
// test: arm-only: default NaN and fmax/fmaxnm are aarch64 semantics (asm)
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t bits(double d) {
  uint64_t u;
  memcpy(&u, &d, 8);
  return u;
}
static double from(uint64_t u) {
  double d;
  memcpy(&d, &u, 8);
  return d;
}
#define OP(name, insn)                                                                             \
  static double name(double a, double b) {                                                         \
    double r;                                                                                      \
    __asm__ volatile(insn " %d0, %d1, %d2" : "=w"(r) : "w"(a), "w"(b));                            \
    return r;                                                                                      \
  }
OP(fdiv, "fdiv")
OP(fsub, "fsub") OP(fadd, "fadd") OP(fmul, "fmul") OP(fmax, "fmax") OP(fmin, "fmin")
    OP(fmaxnm, "fmaxnm") OP(fminnm, "fminnm")

        int main(void) {
  volatile double z = 0.0, inf = 1.0 / z;
  double qnan_payload = from(0x7ff8000000001234ull), neg_qnan = from(0xfff8000000000abcull);
  double snan = from(0x7ff0000000000001ull);
  printf("0/0 %016llx\n", (unsigned long long)bits(fdiv(z, z)));
  printf("inf-inf %016llx\n", (unsigned long long)bits(fsub(inf, inf)));
  printf("0*inf %016llx\n", (unsigned long long)bits(fmul(z, inf)));
  printf("qnan+1 %016llx\n", (unsigned long long)bits(fadd(qnan_payload, 1.0)));
  printf("1+negqnan %016llx\n", (unsigned long long)bits(fadd(1.0, neg_qnan)));
  printf("qnan+negqnan %016llx\n", (unsigned long long)bits(fadd(qnan_payload, neg_qnan)));
  printf("negqnan+qnan %016llx\n", (unsigned long long)bits(fadd(neg_qnan, qnan_payload)));
  printf("snan+1 %016llx\n", (unsigned long long)bits(fadd(snan, 1.0)));
  printf("qnan+snan %016llx\n", (unsigned long long)bits(fadd(qnan_payload, snan)));
  printf("fmax(-0,0) %016llx fmin(0,-0) %016llx\n", (unsigned long long)bits(fmax(-0.0, 0.0)),
         (unsigned long long)bits(fmin(0.0, -0.0)));
  printf("fmax(qnan,1) %016llx fmaxnm(qnan,1) %016llx fminnm(1,qnan) %016llx\n",
         (unsigned long long)bits(fmax(qnan_payload, 1.0)),
         (unsigned long long)bits(fmaxnm(qnan_payload, 1.0)),
         (unsigned long long)bits(fminnm(1.0, qnan_payload)));
  float fz = 0.0f, fr;
  __asm__ volatile("fdiv %s0, %s1, %s1" : "=w"(fr) : "w"(fz));
  uint32_t fb;
  memcpy(&fb, &fr, 4);
  printf("float 0/0 %08x\n", fb);
  return 0;
}
