/* FCVT.W[U].{S,D} of a value out of range raises only invalid (NV), even
 * when the value is not an integer (unprivileged ISA, table 20.2): no
 * inexact. In range and not an integer, inexact (NX) only. The exact helper
 * once let the host's inexact from its rounding (GCC's inline ceil) reach
 * fflags. Found by tests/difftest.sh (fp). */
// test: guest-only: riscv64 inline asm
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static const uint64_t inputs[] = {
    0x426e38eeddd0b4c8ull, /* 1.04e12, not an integer */
    0x41e0000000000001ull, /* 2^31 + 2^-21 */
    0xc1e0000000200000ull, /* -(2^31 + 1) */
    0x41efffffffffffffull, /* just below 2^32 */
    0x41f0000000000001ull, /* just above 2^32 */
    0xc000000000000000ull, /* -2 */
    0xbfe0000000000000ull, /* -0.5 */
    0x4004000000000000ull, /* 2.5 */
    0x7ff8000000000000ull, /* NaN */
};

/* One conversion with fflags cleared before it and read after it. */
#define CVT(name, insn)                                                                            \
  static long name(double d, unsigned *fl) {                                                       \
    long r;                                                                                        \
    __asm__ volatile("fsflags zero\n\t" insn "\n\tfrflags %1" : "=r"(r), "=r"(*fl) : "f"(d));      \
    return r;                                                                                      \
  }
CVT(fcvt_w_d_rup, "fcvt.w.d %0, %2, rup")
CVT(fcvt_w_d_rtz, "fcvt.w.d %0, %2, rtz")
CVT(fcvt_wu_d_rdn, "fcvt.wu.d %0, %2, rdn")
CVT(fcvt_wu_d_rmm, "fcvt.wu.d %0, %2, rmm")
CVT(fcvt_l_d_rne, "fcvt.l.d %0, %2, rne")
CVT(fcvt_lu_d_rtz, "fcvt.lu.d %0, %2, rtz")

int main(void) {
  static long (*const fns[])(double, unsigned *) = {fcvt_w_d_rup,  fcvt_w_d_rtz, fcvt_wu_d_rdn,
                                                    fcvt_wu_d_rmm, fcvt_l_d_rne, fcvt_lu_d_rtz};
  static const char *const names[] = {"fcvt.w.d rup",  "fcvt.w.d rtz", "fcvt.wu.d rdn",
                                      "fcvt.wu.d rmm", "fcvt.l.d rne", "fcvt.lu.d rtz"};
  for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++)
    for (size_t f = 0; f < sizeof fns / sizeof fns[0]; f++) {
      double d;
      unsigned fl;
      memcpy(&d, &inputs[i], 8);
      long r = fns[f](d, &fl);
      printf("%016llx %-13s -> %016lx fflags=%02x\n", (unsigned long long)inputs[i], names[f],
             (unsigned long)r, fl);
    }
  return 0;
}
