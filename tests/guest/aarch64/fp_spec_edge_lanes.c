/* fp_spec_edge_lanes.c - hot vectorized and scalar FP loops that run fast
 * for a while and then meet the values where Arm and x86 arithmetic part
 * ways: NaN operands with payloads (Arm propagates the first signalling,
 * then the first quiet NaN; x86 the first operand), invalid operations
 * (Arm's default NaN is positive, x86's negative), and a product that
 * rounds up to the smallest normal (Arm detects tininess before rounding
 * and raises underflow, x86 after). Every result's bits and the flags are
 * printed; the edge values come late, after the loops are hot.
 */
// test: cflags: -O3
// test: arm-only: Arm's NaN propagation, default NaN and tininess before rounding
#include <fenv.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

enum { N = 4096 };
static float fa[N], fb[N], fr[N];
static double da[N], db[N], dr[N];

static uint32_t fbits(float f) {
  uint32_t u;
  memcpy(&u, &f, 4);
  return u;
}
static uint64_t dbits(double d) {
  uint64_t u;
  memcpy(&u, &d, 8);
  return u;
}
static float fof(uint32_t u) {
  float f;
  memcpy(&f, &u, 4);
  return f;
}
static double dof(uint64_t u) {
  double d;
  memcpy(&d, &u, 8);
  return d;
}

static void flags(const char *what) {
  int f = fetestexcept(FE_ALL_EXCEPT);
  printf("%-28s [%s%s%s%s%s]\n", what, f & FE_INVALID ? "I" : "", f & FE_DIVBYZERO ? "Z" : "",
         f & FE_OVERFLOW ? "O" : "", f & FE_UNDERFLOW ? "U" : "", f & FE_INEXACT ? "X" : "");
  feclearexcept(FE_ALL_EXCEPT);
}

__attribute__((noinline)) static void fmul_loop(void) {
  for (int i = 0; i < N; i++)
    fr[i] = fa[i] * fb[i];
}
__attribute__((noinline)) static void fadd_loop(void) {
  for (int i = 0; i < N; i++)
    fr[i] = fa[i] + fb[i];
}
__attribute__((noinline)) static void dfma_loop(void) {
  for (int i = 0; i < N; i++)
    dr[i] = __builtin_fma(da[i], db[i], dr[i]);
}
__attribute__((noinline)) static double dsum_scalar(void) {
  double s = 0;
  for (int i = 0; i < N; i++)
    s = s * 0.5 + da[i];
  return s;
}

static void fill(void) {
  for (int i = 0; i < N; i++) {
    fa[i] = (float)(i % 97) * 0.25f + 1.0f;
    fb[i] = (float)(i % 13) + 0.5f;
    da[i] = (double)(i % 101) * 0.125 + 2.0;
    db[i] = (double)(i % 7) - 3.0;
    dr[i] = 1.0;
  }
}

static void hot(void) {
  for (int k = 0; k < 20; k++) {
    fmul_loop();
    fadd_loop();
    dfma_loop();
    (void)dsum_scalar();
  }
  feclearexcept(FE_ALL_EXCEPT);
}

static void edge_floats(void) {
  fa[N - 5] = fof(0x7fa00001); /* sNaN */
  fb[N - 5] = fof(0x7fc00002); /* qNaN: Arm propagates the sNaN (quieted) */
  fa[N - 4] = fof(0xffc00003); /* -qNaN */
  fb[N - 4] = fof(0x7f800001); /* sNaN: Arm takes it over the first qNaN */
  fa[N - 3] = fof(0x7f800000); /* +Inf */
  fb[N - 3] = 0.0f;            /* Inf * 0: Arm's default NaN 0x7fc00000 */
  fa[N - 2] = fof(0x3f7fffff); /* 1 - 2^-24 */
  fb[N - 2] = fof(0x00800000); /* smallest normal: the product rounds up to it */
  fmul_loop();
  for (int i = N - 6; i < N; i++)
    printf("fmul[%d] = %08x\n", i, fbits(fr[i]));
  flags("fmul with edge lanes");
  fadd_loop();
  for (int i = N - 6; i < N - 2; i++)
    printf("fadd[%d] = %08x\n", i, fbits(fr[i]));
  flags("fadd with edge lanes");
}

static void edge_doubles(void) {
  da[N - 3] = dof(0x7ff0000000000001ull); /* sNaN */
  db[N - 3] = 2.0;
  da[N - 2] = dof(0x7ff0000000000000ull); /* Inf */
  db[N - 2] = 0.0;
  dr[N - 2] = dof(0x7ff8000000000005ull); /* fma(Inf, 0, qNaN): Arm gives the default NaN */
  dfma_loop();
  for (int i = N - 4; i < N - 1; i++)
    printf("dfma[%d] = %016llx\n", i, (unsigned long long)dbits(dr[i]));
  flags("dfma with edge lanes");
  printf("dsum = %016llx\n", (unsigned long long)dbits(dsum_scalar()));
  flags("scalar sum with a NaN");
}

int main(void) {
  fill();
  hot();
  edge_floats();
  fill();
  hot();
  edge_doubles();
  fill();
  fmul_loop();
  printf("after refill: fmul[%d] = %08x\n", N - 2, fbits(fr[N - 2]));
  flags("fmul again, plain values");
  return 0;
}
