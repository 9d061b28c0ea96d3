/* fp_spec_reinterpreted_asm.c - a double result read back as a float in the
 * same block: its low 32 bits are any bit pattern, a signalling NaN among
 * them, even where the double itself is an ordinary number. fccmpe with a
 * false condition must not compare it (no invalid, NZCV the immediate), with
 * a true one it must; fadd s must quiet it and raise invalid. Translators
 * that skip the NaN check of a value their host computed must not skip it
 * when the value is read in another format. */
// test: arm-only: inline asm of FP compares and FPSR
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* d1 = bits + 0.0 (exact: the same bits), then fccmpe s1, s12 under nzcv. */
static void ccmp(uint64_t bits, uint64_t nzcv, uint64_t *fpsr, uint64_t *nzcv_out) {
  double d0, zero = 0.0, s12 = 0.0;
  memcpy(&d0, &bits, 8);
  __asm__ volatile("msr fpsr, xzr\n\t"
                   "msr nzcv, %3\n\t"
                   "fadd d1, %d2, %d4\n\t"
                   "fccmpe s1, %s5, #0x4, mi\n\t"
                   "mrs %0, fpsr\n\t"
                   "mrs %1, nzcv"
                   : "=r"(*fpsr), "=r"(*nzcv_out)
                   : "w"(d0), "r"(nzcv), "w"(zero), "w"(s12)
                   : "v1", "cc");
}

/* d1 = bits + 0.0, then s3 = s1 + s12: the float sum's bits and FPSR. */
static uint32_t add_as_float(uint64_t bits, uint64_t *fpsr) {
  double d0, zero = 0.0;
  float s12 = 1.0f;
  uint32_t out;
  memcpy(&d0, &bits, 8);
  __asm__ volatile("msr fpsr, xzr\n\t"
                   "fadd d1, %d2, %d3\n\t"
                   "fadd s3, s1, %s4\n\t"
                   "fmov %w0, s3\n\t"
                   "mrs %1, fpsr"
                   : "=r"(out), "=r"(*fpsr)
                   : "w"(d0), "w"(zero), "w"(s12)
                   : "v1", "v3");
  return out;
}

int main(void) {
  static const struct {
    const char *name;
    uint64_t bits; /* an ordinary double; its low half is the float */
  } cases[] = {
      {"signalling NaN", 0x3ff000007f800001ull}, {"quiet NaN", 0x3ff000007fc00000ull},
      {"infinity", 0x3ff000007f800000ull},       {"smallest normal", 0x3ff0000000800000ull},
      {"denormal", 0x3ff0000000000001ull},       {"one", 0x3ff000003f800000ull},
  };
  for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    uint64_t f_false, n_false, f_true, n_true, f_add;
    ccmp(cases[i].bits, 0, &f_false, &n_false);
    ccmp(cases[i].bits, 1ull << 31, &f_true, &n_true);
    uint32_t sum = add_as_float(cases[i].bits, &f_add);
    printf("%-16s fccmpe false: fpsr %02llx nzcv %llx; true: fpsr %02llx nzcv %llx; "
           "fadd s: %08x fpsr %02llx\n",
           cases[i].name, (unsigned long long)f_false, (unsigned long long)(n_false >> 28),
           (unsigned long long)f_true, (unsigned long long)(n_true >> 28), sum,
           (unsigned long long)f_add);
  }
  return 0;
}
