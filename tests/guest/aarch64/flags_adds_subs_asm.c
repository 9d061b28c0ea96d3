/* flags_adds_subs_asm.c - NZCV after adds/subs/adcs/sbcs/cmn/cmp, 32 and 64
 * bit, over edge values, read back with mrs nzcv. */
// test: arm-only: inline asm flag-setting arithmetic
#include <stdint.h>
#include <stdio.h>

static const char *nzcv_str(uint64_t f) {
  static char buf[4][5]; /* several calls may appear in one printf */
  static int k;
  char *s = buf[k++ & 3];
  s[0] = f & (1u << 31) ? 'N' : 'n';
  s[1] = f & (1u << 30) ? 'Z' : 'z';
  s[2] = f & (1u << 29) ? 'C' : 'c';
  s[3] = f & (1u << 28) ? 'V' : 'v';
  s[4] = 0;
  return s;
}

/* carry_in sets C with msr nzcv before the instruction (for adcs/sbcs) */
#define OP64(name, insn)                                                                           \
  static uint64_t name(uint64_t a, uint64_t b, int carry_in, uint64_t *flags) {                    \
    uint64_t r, f, cin = carry_in ? (1ull << 29) : 0;                                              \
    __asm__ volatile("msr nzcv, %3\n\t" insn " %0, %2, %4\n\tmrs %1, nzcv"                         \
                     : "=&r"(r), "=&r"(f)                                                          \
                     : "r"(a), "r"(cin), "r"(b)                                                    \
                     : "cc");                                                                      \
    *flags = f;                                                                                    \
    return r;                                                                                      \
  }
#define OP32(name, insn)                                                                           \
  static uint32_t name(uint32_t a, uint32_t b, int carry_in, uint64_t *flags) {                    \
    uint64_t f, cin = carry_in ? (1ull << 29) : 0;                                                 \
    uint32_t r;                                                                                    \
    __asm__ volatile("msr nzcv, %3\n\t" insn " %w0, %w2, %w4\n\tmrs %1, nzcv"                      \
                     : "=&r"(r), "=&r"(f)                                                          \
                     : "r"(a), "r"(cin), "r"(b)                                                    \
                     : "cc");                                                                      \
    *flags = f;                                                                                    \
    return r;                                                                                      \
  }
OP64(adds64, "adds")
OP64(subs64, "subs")
OP64(adcs64, "adcs") OP64(sbcs64, "sbcs") OP32(adds32, "adds") OP32(subs32, "subs")
    OP32(adcs32, "adcs") OP32(sbcs32, "sbcs")

        int main(void) {
  uint64_t v64[] = {0,
                    1,
                    2,
                    0x7fffffffffffffffull,
                    0x8000000000000000ull,
                    0xffffffffffffffffull,
                    0xfffffffffffffffeull,
                    0x123456789abcdef0ull};
  uint32_t v32[] = {0, 1, 2, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffffe, 0x12345678};
  unsigned n = sizeof v64 / sizeof *v64;
  uint64_t f;
  for (int c = 0; c < 2; c++)
    for (unsigned i = 0; i < n; i++)
      for (unsigned j = 0; j < n; j++) {
        uint64_t a = v64[i], b = v64[j];
        printf("c%d x %016llx %016llx:", c, (unsigned long long)a, (unsigned long long)b);
        if (!c) {
          uint64_t r = adds64(a, b, c, &f);
          printf(" adds %llx %s", (unsigned long long)r, nzcv_str(f));
          r = subs64(a, b, c, &f);
          printf(" subs %llx %s", (unsigned long long)r, nzcv_str(f));
        }
        uint64_t r = adcs64(a, b, c, &f);
        printf(" adcs %llx %s", (unsigned long long)r, nzcv_str(f));
        r = sbcs64(a, b, c, &f);
        printf(" sbcs %llx %s\n", (unsigned long long)r, nzcv_str(f));
        uint32_t a3 = v32[i], b3 = v32[j];
        printf("c%d w %08x %08x:", c, a3, b3);
        if (!c) {
          uint32_t r3 = adds32(a3, b3, c, &f);
          printf(" adds %x %s", r3, nzcv_str(f));
          r3 = subs32(a3, b3, c, &f);
          printf(" subs %x %s", r3, nzcv_str(f));
        }
        uint32_t r3 = adcs32(a3, b3, c, &f);
        printf(" adcs %x %s", r3, nzcv_str(f));
        r3 = sbcs32(a3, b3, c, &f);
        printf(" sbcs %x %s\n", r3, nzcv_str(f));
      }
  /* cmp/cmn with immediates, and negs/ngcs */
  uint64_t a = 5, f1, f2, f3, f4;
  __asm__ volatile("cmp %4, #5\n\tmrs %0, nzcv\n\tcmn %4, #5\n\tmrs %1, nzcv\n\t"
                   "cmp %w4, #6\n\tmrs %2, nzcv\n\tnegs xzr, %4\n\tmrs %3, nzcv"
                   : "=&r"(f1), "=&r"(f2), "=&r"(f3), "=&r"(f4)
                   : "r"(a)
                   : "cc");
  printf("cmp5 %s cmn5 %s cmp6w %s negs %s\n", nzcv_str(f1), nzcv_str(f2), nzcv_str(f3),
         nzcv_str(f4));
  return 0;
}
