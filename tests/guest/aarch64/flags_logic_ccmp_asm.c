/* flags_logic_ccmp_asm.c - NZCV after ands/bics/tst (which clear C and V) and
 * after ccmp/ccmn, both when the condition holds and when the immediate nzcv
 * is taken, at 32 and 64 bits. */
// test: arm-only: inline asm flag-setting logic and conditional compares
#include <stdint.h>
#include <stdio.h>

static const char *nz(uint64_t f) {
  static char s[4][5];
  static int k;
  char *p = s[k++ & 3];
  p[0] = f & (1u << 31) ? 'N' : 'n';
  p[1] = f & (1u << 30) ? 'Z' : 'z';
  p[2] = f & (1u << 29) ? 'C' : 'c';
  p[3] = f & (1u << 28) ? 'V' : 'v';
  p[4] = 0;
  return p;
}

int main(void) {
  uint64_t v[] = {0,
                  1,
                  0x8000000000000000ull,
                  0xffffffffffffffffull,
                  0xf0f0f0f0f0f0f0f0ull,
                  0x0f0f0f0f80000000ull};
  unsigned n = sizeof v / sizeof *v;
  for (unsigned i = 0; i < n; i++)
    for (unsigned j = 0; j < n; j++) {
      uint64_t a = v[i], b = v[j], r1, r2, f1, f2, f3, f4;
      uint64_t preset = 0xf0000000; /* NZCV all set before: ands must clear C and V */
      __asm__ volatile("msr nzcv, %6\n\tands %0, %4, %5\n\tmrs %2, nzcv\n\t"
                       "msr nzcv, %6\n\tbics %1, %4, %5\n\tmrs %3, nzcv"
                       : "=&r"(r1), "=&r"(r2), "=&r"(f1), "=&r"(f2)
                       : "r"(a), "r"(b), "r"(preset)
                       : "cc");
      __asm__ volatile("msr nzcv, %4\n\tands wzr, %w2, %w3\n\tmrs %0, nzcv\n\t"
                       "msr nzcv, %4\n\tbics wzr, %w2, %w3\n\tmrs %1, nzcv"
                       : "=&r"(f3), "=&r"(f4)
                       : "r"(a), "r"(b), "r"(preset)
                       : "cc");
      printf("%016llx %016llx ands %llx %s bics %llx %s w: ands %s bics %s\n",
             (unsigned long long)a, (unsigned long long)b, (unsigned long long)r1, nz(f1),
             (unsigned long long)r2, nz(f2), nz(f3), nz(f4));
    }
  /* ccmp/ccmn: if cond (from the first cmp) holds, flags of the compare, else #imm */
  long vals[] = {-2, -1, 0, 1, 2, 0x7fffffffffffffffL};
  unsigned m = sizeof vals / sizeof *vals;
  for (unsigned i = 0; i < m; i++)
    for (unsigned j = 0; j < m; j++) {
      long a = vals[i], b = vals[j];
      uint64_t f1, f2, f3, f4;
      __asm__ volatile("cmp %4, #0\n\tccmp %4, %5, #0b1010, ge\n\tmrs %0, nzcv\n\t"
                       "cmp %4, #0\n\tccmn %4, %5, #0b0101, lt\n\tmrs %1, nzcv\n\t"
                       "cmp %w4, #1\n\tccmp %w4, %w5, #0b0110, ne\n\tmrs %2, nzcv\n\t"
                       "cmp %w4, #1\n\tccmn %w4, #3, #0b1001, eq\n\tmrs %3, nzcv"
                       : "=&r"(f1), "=&r"(f2), "=&r"(f3), "=&r"(f4)
                       : "r"(a), "r"(b)
                       : "cc");
      printf("ccmp %ld %ld: %s %s %s %s\n", a, b, nz(f1), nz(f2), nz(f3), nz(f4));
    }
  /* csel family driven by those flags */
  for (long a = -2; a <= 2; a++) {
    long r1, r2, r3, r4;
    __asm__ volatile("cmp %4, #0\n\tcsel %0, %4, xzr, gt\n\tcsinc %1, xzr, xzr, le\n\t"
                     "csinv %2, %4, xzr, mi\n\tcsneg %3, %4, %4, pl"
                     : "=&r"(r1), "=&r"(r2), "=&r"(r3), "=&r"(r4)
                     : "r"(a)
                     : "cc");
    printf("csel %ld: %ld %ld %ld %ld\n", a, r1, r2, r3, r4);
  }
  return 0;
}
