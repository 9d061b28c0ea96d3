/* fp_compare_branch_asm.c - every condition code read straight after fcmp
 * and fcmpe of doubles and floats, by b.cond, cset and csel, for ordered,
 * equal, signed-zero, infinite and unordered pairs; and the same flags read
 * again after an instruction that leaves them, and by two conditions in a
 * row. Translators branch on the host compare's flags here instead of
 * building NZCV (each condition maps to one host condition, some with the
 * operands the other way round), so each condition of each pair is checked. */
// test: arm-only: inline asm FP compares and condition codes
#include <stdint.h>
#include <stdio.h>

/* One condition cc after an FP compare of a and b (r: d for doubles, s for
 * floats), taken by b.cond after compare cb, cset after cs_, csel after csel_
 * (each fcmp or fcmpe): bits 0, 1 and 2 of the result. */
#define COND(T, r, cb, cs_, csel_, cc)                                                             \
  static unsigned cond_##r##_##cc(T a, T b) {                                                      \
    unsigned br, set, sel;                                                                         \
    __asm__ volatile(#cb " %" #r "3, %" #r "4\n\tb." #cc " 1f\n\tmov %w0, #0\n\tb 2f\n1:\t"        \
                         "mov %w0, #1\n2:\n\t" #cs_ " %" #r "3, %" #r "4\n\tcset %w1, " #cc        \
                         "\n\tmov w9, #5\n\tmov w10, #7\n\t" #csel_ " %" #r "3, %" #r "4\n\t"      \
                         "csel %w2, w9, w10, " #cc                                                 \
                     : "=&r"(br), "=&r"(set), "=&r"(sel)                                           \
                     : "w"(a), "w"(b)                                                              \
                     : "w9", "w10", "cc");                                                         \
    return br | set << 1 | (sel == 5) << 2;                                                        \
  }
#define COND_D(cc) COND(double, d, fcmp, fcmp, fcmpe, cc)
#define COND_S(cc) COND(float, s, fcmpe, fcmp, fcmp, cc)
#define ALL(X)     X(eq) X(ne) X(cs) X(cc) X(mi) X(pl) X(vs) X(vc) X(hi) X(ls) X(ge) X(lt) X(gt) X(le)
ALL(COND_D)
ALL(COND_S)

typedef unsigned (*cond_d_fn)(double, double);
typedef unsigned (*cond_s_fn)(float, float);
#define FN_D(cc) cond_d_##cc,
#define FN_S(cc) cond_s_##cc,
#define NAME(cc) #cc,
static const cond_d_fn fd[] = {ALL(FN_D)};
static const cond_s_fn fs[] = {ALL(FN_S)};
static const char *const names[] = {ALL(NAME)};
enum { NCC = sizeof fd / sizeof *fd };

/* gt then ls on one compare, an add that leaves the flags in between; and
 * mi then ge (the two ways round) as one cset each. */
static unsigned two_conditions(double a, double b) {
  unsigned x, y, z, w;
  __asm__ volatile("fcmp %d4, %d5\n\tcset %w0, gt\n\tadd %w1, %w0, #0\n\tcset %w1, ls\n\t"
                   "fcmp %d4, %d5\n\tcset %w2, mi\n\tcset %w3, ge"
                   : "=&r"(x), "=&r"(y), "=&r"(z), "=&r"(w)
                   : "w"(a), "w"(b)
                   : "cc");
  return x | y << 1 | z << 2 | w << 3;
}

int main(void) {
  static volatile double zero = 0.0;
  double nan = zero / zero, inf = 1.0 / zero;
  double pairs[][2] = {{1, 2},   {2, 1},   {1, 1},     {0.0, -0.0}, {-inf, inf}, {inf, inf},
                       {nan, 1}, {1, nan}, {nan, nan}, {-3.5, -7},  {5e-324, 0}, {-1, -1}};
  unsigned np = sizeof pairs / sizeof *pairs;
  for (unsigned p = 0; p < np; p++) {
    double a = pairs[p][0], b = pairs[p][1];
    printf("pair %2u d:", p);
    for (unsigned c = 0; c < NCC; c++)
      printf(" %s=%u", names[c], fd[c](a, b));
    printf("\npair %2u s:", p);
    for (unsigned c = 0; c < NCC; c++)
      printf(" %s=%u", names[c], fs[c]((float)a, (float)b));
    printf("\npair %2u two: %x\n", p, two_conditions(a, b));
  }
  return 0;
}
