/* flags_across_blocks_asm.c - NZCV read in a later block than the one that
 * set it. Run with -one-insn-per-tb, every instruction is a block of its
 * own: each cset, b.cond, csel, adc and mrs below reads flags that the block
 * before left in the state, kept lazily (a compare's operands) or as a
 * nibble (adcs, msr, ccmp, and after adc or mrs made it one). The 14
 * conditions are read twice: right after the flag-setting instruction, and
 * again after adc has made the flags a nibble. */
// test: arm-only: inline asm flag-setting instructions read by later blocks
// test: xrun-flags: -one-insn-per-tb
#include <stdint.h>
#include <stdio.h>

struct res {
  uint64_t cset1, branch, csel, carry, cset2, nzcv;
};

/* bit k: condition k holds (eq ne hs lo mi pl vs vc hi ls ge lt gt le) */
#define C1(cc, k) "cset w9, " #cc "\n\torr %[m], %[m], x9, lsl #" #k "\n\t"
// clang-format off
#define CSETS                                                                                      \
  C1(eq, 0) C1(ne, 1) C1(hs, 2) C1(lo, 3) C1(mi, 4) C1(pl, 5) C1(vs, 6)                            \
  C1(vc, 7) C1(hi, 8) C1(ls, 9) C1(ge, 10) C1(lt, 11) C1(gt, 12) C1(le, 13)
// clang-format on
/* bit k: condition k does not hold (the branch over the orr not taken) */
#define B1(cc, k) "b." #cc " 1f\n\torr %[br], %[br], #(1 << " #k ")\n1:\n\t"
// clang-format off
#define BRANCHES                                                                                   \
  B1(eq, 0) B1(ne, 1) B1(hs, 2) B1(lo, 3) B1(mi, 4) B1(pl, 5) B1(vs, 6)                            \
  B1(vc, 7) B1(hi, 8) B1(ls, 9) B1(ge, 10) B1(lt, 11) B1(gt, 12) B1(le, 13)
// clang-format on

#define RUN(name, setter)                                                                          \
  static void name(uint64_t a, uint64_t b, struct res *r) {                                        \
    uint64_t m1, br = 0, sel, carry, m2 = 0, f;                                                    \
    __asm__ volatile(setter "\n\t" CSETS BRANCHES "csel %[sel], %[a], %[b], hi\n\t"                \
                            "csinc %[sel], %[sel], %[b], ge\n\t"                                   \
                            "adc %[carry], xzr, xzr\n\t"                                           \
                            "mov %[m1], %[m]\n\t"                                                  \
                            "mov %[m], #0\n\t" CSETS "mrs %[f], nzcv"                              \
                     : [m] "+r"(m2), [m1] "=&r"(m1), [br] "+r"(br), [sel] "=&r"(sel),              \
                       [carry] "=&r"(carry), [f] "=&r"(f)                                          \
                     : [a] "r"(a), [b] "r"(b)                                                      \
                     : "x9", "cc");                                                                \
    *r = (struct res){m1, br, sel, carry, m2, f >> 28};                                            \
  }

RUN(subs64, "subs xzr, %[a], %[b]")
RUN(subs32, "subs wzr, %w[a], %w[b]")
RUN(adds64, "adds xzr, %[a], %[b]")
RUN(adds32, "adds wzr, %w[a], %w[b]")
RUN(ands64, "ands xzr, %[a], %[b]")
RUN(ands32, "ands wzr, %w[a], %w[b]")
RUN(cmp_imm64, "cmp %[a], #7")
RUN(cmp_imm32, "cmp %w[a], #4095")
RUN(cmn_imm64, "cmn %[a], #1")
RUN(tst_imm64, "tst %[a], #0xff")
RUN(adcs64, "adcs xzr, %[a], %[b]")
RUN(sbcs32, "sbcs wzr, %w[a], %w[b]")
RUN(ccmp64, "cmp %[a], %[b]\n\tccmp %[b], %[a], #5, ne")
RUN(msr_nzcv, "msr nzcv, %[a]")

static void show(const char *name, uint64_t a, uint64_t b, const struct res *r) {
  printf("%-9s %016llx %016llx: cset %04llx b %04llx csel %016llx c %llu cset %04llx nzcv %llx\n",
         name, (unsigned long long)a, (unsigned long long)b, (unsigned long long)r->cset1,
         (unsigned long long)r->branch, (unsigned long long)r->csel, (unsigned long long)r->carry,
         (unsigned long long)r->cset2, (unsigned long long)r->nzcv);
}

int main(void) {
  static const uint64_t v[] = {0,
                               1,
                               7,
                               4095,
                               0x7fffffff,
                               0x80000000,
                               0xffffffff,
                               0x7fffffffffffffffull,
                               0x8000000000000000ull,
                               0xffffffffffffffffull,
                               0x12345678fffffff9ull};
  static const struct {
    const char *name;
    void (*run)(uint64_t, uint64_t, struct res *);
  } ops[] = {{"subs64", subs64},    {"subs32", subs32},    {"adds64", adds64},
             {"adds32", adds32},    {"ands64", ands64},    {"ands32", ands32},
             {"cmp#64", cmp_imm64}, {"cmp#32", cmp_imm32}, {"cmn#64", cmn_imm64},
             {"tst#64", tst_imm64}, {"adcs64", adcs64},    {"sbcs32", sbcs32},
             {"ccmp64", ccmp64}};
  const unsigned n = sizeof(v) / sizeof(v[0]);
  struct res r;
  for (unsigned k = 0; k < sizeof(ops) / sizeof(ops[0]); k++)
    for (unsigned i = 0; i < n; i++)
      for (unsigned j = 0; j < n; j++) {
        ops[k].run(v[i], v[j], &r);
        show(ops[k].name, v[i], v[j], &r);
      }
  for (uint64_t f = 0; f < 16; f++) {
    msr_nzcv(f << 28, 0, &r);
    show("msr", f << 28, 0, &r);
  }
  return 0;
}
