/* int_shift_by_width_asm.c - A64 lslv/lsrv/asrv/rorv take the shift amount
 * modulo the register width (64 or 32), unlike C where shifting by >= the
 * width is undefined. */
// test: arm-only: inline asm variable shifts
#include <stdint.h>
#include <stdio.h>

#define SH64(op)                                                                                   \
  static uint64_t op##64(uint64_t a, uint64_t s) {                                                 \
    uint64_t r;                                                                                    \
    __asm__ volatile(#op " %0, %1, %2" : "=r"(r) : "r"(a), "r"(s));                                \
    return r;                                                                                      \
  }
#define SH32(op)                                                                                   \
  static uint32_t op##32(uint32_t a, uint64_t s) {                                                 \
    uint32_t r;                                                                                    \
    __asm__ volatile(#op " %w0, %w1, %w2" : "=r"(r) : "r"(a), "r"(s));                             \
    return r;                                                                                      \
  }
SH64(lslv)
SH64(lsrv) SH64(asrv) SH64(rorv) SH32(lslv) SH32(lsrv) SH32(asrv) SH32(rorv)

    int main(void) {
  uint64_t shifts[] = {0, 1, 31, 32, 33, 63, 64, 65, 127, 128, 255, 0xffffffffffffffc1ull};
  uint64_t v64 = 0x8123456789abcdefull;
  uint32_t v32 = 0x89abcdefu;
  for (unsigned i = 0; i < sizeof shifts / sizeof *shifts; i++) {
    uint64_t s = shifts[i];
    printf("s=%-20llu lsl %016llx lsr %016llx asr %016llx ror %016llx\n", (unsigned long long)s,
           (unsigned long long)lslv64(v64, s), (unsigned long long)lsrv64(v64, s),
           (unsigned long long)asrv64(v64, s), (unsigned long long)rorv64(v64, s));
    printf("  w: lsl %08x lsr %08x asr %08x ror %08x\n", lslv32(v32, s), lsrv32(v32, s),
           asrv32(v32, s), rorv32(v32, s));
  }
  /* immediate forms at the edges */
  uint64_t a, b, c;
  __asm__ volatile("lsl %0, %3, #63\n\tlsr %1, %3, #63\n\tasr %2, %3, #63"
                   : "=r"(a), "=r"(b), "=r"(c)
                   : "r"(v64));
  printf("imm: %llx %llx %llx\n", (unsigned long long)a, (unsigned long long)b,
         (unsigned long long)c);
  return 0;
}
