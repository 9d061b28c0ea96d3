/* bitfield_extract_insert_asm.c - ubfx/sbfx/bfi/bfxil/ubfiz/sbfiz/extr and
 * the sxtb/sxth/sxtw/uxtb/uxth extends, at 32 and 64 bits. */
// test: arm-only: inline asm bitfield instructions
#include <stdint.h>
#include <stdio.h>

int main(void) {
  uint64_t v[] = {0, 0xffffffffffffffffull, 0x0123456789abcdefull, 0x8000000000000080ull,
                  0xfedcba9876543210ull};
  for (unsigned i = 0; i < sizeof v / sizeof *v; i++) {
    uint64_t a = v[i], d = 0x5555555555555555ull;
    uint64_t r[12];
    __asm__("ubfx %0, %1, #4, #8" : "=r"(r[0]) : "r"(a));
    __asm__("sbfx %0, %1, #60, #4" : "=r"(r[1]) : "r"(a));
    __asm__("bfi %0, %1, #8, #16" : "=r"(r[2]) : "r"(a), "0"(d));
    __asm__("bfxil %0, %1, #32, #12" : "=r"(r[3]) : "r"(a), "0"(d));
    __asm__("ubfiz %0, %1, #40, #20" : "=r"(r[4]) : "r"(a));
    __asm__("sbfiz %0, %1, #3, #8" : "=r"(r[5]) : "r"(a));
    __asm__("extr %0, %1, %2, #12" : "=r"(r[6]) : "r"(a), "r"(d));
    __asm__("ubfx %w0, %w1, #28, #4" : "=r"(r[7]) : "r"(a));
    __asm__("sbfx %w0, %w1, #7, #9" : "=r"(r[8]) : "r"(a));
    __asm__("bfi %w0, %w1, #30, #2" : "=r"(r[9]) : "r"(a), "0"(d));
    __asm__("extr %w0, %w1, %w2, #31" : "=r"(r[10]) : "r"(a), "r"(d));
    __asm__("sxtb %0, %w1" : "=r"(r[11]) : "r"(a));
    printf("%016llx:", (unsigned long long)a);
    for (int k = 0; k < 12; k++)
      printf(" %llx", (unsigned long long)r[k]);
    uint64_t s1, s2, s3, u1, u2;
    __asm__("sxth %0, %w1" : "=r"(s1) : "r"(a));
    __asm__("sxtw %0, %w1" : "=r"(s2) : "r"(a));
    __asm__("sxtb %w0, %w1" : "=r"(s3) : "r"(a));
    __asm__("uxtb %w0, %w1" : "=r"(u1) : "r"(a));
    __asm__("uxth %w0, %w1" : "=r"(u2) : "r"(a));
    printf(" | %llx %llx %llx %llx %llx\n", (unsigned long long)s1, (unsigned long long)s2,
           (unsigned long long)s3, (unsigned long long)u1, (unsigned long long)u2);
  }
  return 0;
}
