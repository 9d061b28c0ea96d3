/* fp_convert_saturate_asm.c - aarch64 float-to-integer conversions saturate:
 * fcvtzs/fcvtzu of out-of-range values give INT_MAX/INT_MIN/0/UINT_MAX and
 * NaN gives 0 (x86 cvttsd2si gives 0x80000000...). Also the rounding modes
 * of fcvtns/fcvtms/fcvtps/fcvtas and frintx/frinta/frintn. */
// test: arm-only: saturating conversions are aarch64 semantics (asm)
#include <stdint.h>
#include <stdio.h>

#define CV64(name, insn)                                                                           \
  static int64_t name(double d) {                                                                  \
    int64_t r;                                                                                     \
    __asm__ volatile(insn " %0, %d1" : "=r"(r) : "w"(d));                                          \
    return r;                                                                                      \
  }
#define CV32(name, insn)                                                                           \
  static int32_t name(double d) {                                                                  \
    int32_t r;                                                                                     \
    __asm__ volatile(insn " %w0, %d1" : "=r"(r) : "w"(d));                                         \
    return r;                                                                                      \
  }
CV64(zs64, "fcvtzs")
CV64(zu64, "fcvtzu") CV32(zs32, "fcvtzs") CV32(zu32, "fcvtzu") CV64(ns64, "fcvtns")
    CV64(ms64, "fcvtms") CV64(ps64, "fcvtps") CV64(as64, "fcvtas")
#define RND(name, insn)                                                                            \
  static double name(double d) {                                                                   \
    double r;                                                                                      \
    __asm__ volatile(insn " %d0, %d1" : "=w"(r) : "w"(d));                                         \
    return r;                                                                                      \
  }
        RND(frintn, "frintn") RND(frinta, "frinta") RND(frintm, "frintm") RND(frintp, "frintp")
            RND(frintz, "frintz")

                int main(void) {
  volatile double z = 0.0;
  double v[] = {0.0,    -0.0,         0.5,          1.5,           2.5,          -0.5,   -1.5,
                -2.5,   2147483647.5, 2147483648.0, -2147483649.0, 4294967296.0, 9.3e18, -9.3e18,
                1.9e19, 1e300,        -1e300,       1.0 / z,       -1.0 / z,     z / z};
  for (unsigned i = 0; i < sizeof v / sizeof *v; i++) {
    double d = v[i];
    printf("%-14g zs64 %lld zu64 %llu zs32 %d zu32 %u | ns %lld ms %lld ps %lld as %lld\n", d,
           (long long)zs64(d), (unsigned long long)zu64(d), zs32(d), (uint32_t)zu32(d),
           (long long)ns64(d), (long long)ms64(d), (long long)ps64(d), (long long)as64(d));
    if (i < 8)
      printf("  frintn %g frinta %g frintm %g frintp %g frintz %g\n", frintn(d), frinta(d),
             frintm(d), frintp(d), frintz(d));
  }
  return 0;
}
