/* F and D exactly as the spec says, against qemu-riscv64's softfloat: each
 * operation on values that reach the corners (signed zeros, subnormals, the
 * smallest normal, infinities, quiet and signalling NaNs, halfway cases),
 * in each rounding mode (static, and dynamic through frm), printing the
 * result's bits and the fflags it raised. Also NaN-boxing (a binary32
 * operand that is not boxed reads as the canonical NaN), the conversions'
 * saturation, FMIN/FMAX, FCLASS and the compares. */
// test: guest-only: riscv64 inline asm
#include <stdint.h>
#include <stdio.h>

typedef uint64_t u64;

static unsigned get_flags(void) {
  unsigned f;
  __asm__ volatile("frflags %0" : "=r"(f));
  return f;
}
static void clear_flags(void) {
  __asm__ volatile("fsflags zero");
}
static void set_frm(unsigned rm) {
  __asm__ volatile("fsrm %0" : : "r"(rm));
}

static const u64 dv[] = {
    0x0000000000000000ull, 0x8000000000000000ull, 0x3ff0000000000000ull, 0xbff8000000000000ull,
    0x0000000000000001ull, 0x0010000000000000ull, 0x000fffffffffffffull, 0x7fefffffffffffffull,
    0x7ff0000000000000ull, 0xfff0000000000000ull, 0x7ff8000000000000ull, 0x7ff4000000000000ull,
    0x3ca0000000000000ull, 0x4340000000000001ull, 0xc1e0000000000000ull, 0x41dfffffffc00000ull,
    0x43e0000000000000ull, 0x3fe0000000000000ull, 0x4004000000000000ull, 0xc00c000000000000ull};
enum { ND = sizeof(dv) / sizeof(dv[0]) };
static const uint32_t sv[] = {0x00000000, 0x80000000, 0x3f800000, 0xbfc00000, 0x00000001,
                              0x00800000, 0x007fffff, 0x7f7fffff, 0x7f800000, 0xff800000,
                              0x7fc00000, 0x7fa00000, 0x33800000, 0x4b800001, 0xcf000000,
                              0x3f000000, 0x40200000, 0xc0600000};
enum { NS = sizeof(sv) / sizeof(sv[0]) };

#define D2(insn, rm)                                                                               \
  static u64 insn##_##rm(u64 a, u64 b) {                                                           \
    u64 r;                                                                                         \
    __asm__ volatile("fmv.d.x ft0, %1\n fmv.d.x ft1, %2\n" #insn ".d ft2, ft0, ft1, " #rm          \
                     "\n fmv.x.d %0, ft2"                                                          \
                     : "=r"(r)                                                                     \
                     : "r"(a), "r"(b)                                                              \
                     : "ft0", "ft1", "ft2");                                                       \
    return r;                                                                                      \
  }
#define S2(insn, rm)                                                                               \
  static u64 insn##s_##rm(u64 a, u64 b) {                                                          \
    u64 r;                                                                                         \
    __asm__ volatile("fmv.w.x ft0, %1\n fmv.w.x ft1, %2\n" #insn ".s ft2, ft0, ft1, " #rm          \
                     "\n fmv.x.d %0, ft2"                                                          \
                     : "=r"(r)                                                                     \
                     : "r"(a), "r"(b)                                                              \
                     : "ft0", "ft1", "ft2");                                                       \
    return r;                                                                                      \
  }
// clang-format off
#define ROUNDED(X) \
  X(fadd, rne) \
  X(fadd, rtz) \
  X(fadd, rdn) \
  X(fadd, rup) \
  X(fadd, dyn) \
  X(fsub, rne) \
  X(fsub, rdn) \
  X(fmul, rne) \
  X(fmul, rtz) \
  X(fmul, rup) \
  X(fmul, dyn) \
  X(fdiv, rne) \
  X(fdiv, rtz) \
  X(fdiv, rdn) \
  X(fdiv, dyn)
// clang-format on
ROUNDED(D2)
ROUNDED(S2)

typedef u64 (*op2)(u64, u64);
#define ENTRY_D(insn, rm) {#insn ".d " #rm, insn##_##rm},
#define ENTRY_S(insn, rm) {#insn ".s " #rm, insn##s_##rm},
static const struct {
  const char *name;
  op2 fn;
} dops[] = {ROUNDED(ENTRY_D)}, sops[] = {ROUNDED(ENTRY_S)};

static void run2(const char *name, op2 fn, const void *vals, unsigned n, int wide) {
  u64 sum = 0;
  unsigned fl_or = 0, fl_sum = 0;
  for (unsigned i = 0; i < n; i++)
    for (unsigned j = 0; j < n; j++) {
      u64 a = wide ? ((const u64 *)vals)[i] : ((const uint32_t *)vals)[i];
      u64 b = wide ? ((const u64 *)vals)[j] : ((const uint32_t *)vals)[j];
      clear_flags();
      u64 r = fn(a, b);
      unsigned f = get_flags();
      sum = sum * 131 + r;
      fl_sum = fl_sum * 7 + f;
      fl_or |= f;
    }
  printf("%-12s sum %016llx flags %08x any %02x\n", name, (unsigned long long)sum, fl_sum, fl_or);
}

static u64 fma_d(u64 a, u64 b, u64 c, int which) {
  u64 r;
  switch (which) {
  case 0:
    __asm__ volatile("fmv.d.x ft0, %1\n fmv.d.x ft1, %2\n fmv.d.x ft3, %3\n"
                     "fmadd.d ft2, ft0, ft1, ft3\n fmv.x.d %0, ft2"
                     : "=r"(r)
                     : "r"(a), "r"(b), "r"(c)
                     : "ft0", "ft1", "ft2", "ft3");
    break;
  case 1:
    __asm__ volatile("fmv.d.x ft0, %1\n fmv.d.x ft1, %2\n fmv.d.x ft3, %3\n"
                     "fnmsub.d ft2, ft0, ft1, ft3, rtz\n fmv.x.d %0, ft2"
                     : "=r"(r)
                     : "r"(a), "r"(b), "r"(c)
                     : "ft0", "ft1", "ft2", "ft3");
    break;
  case 3:
    __asm__ volatile("fmv.d.x ft0, %1\n fmv.d.x ft1, %2\n fmv.d.x ft3, %3\n"
                     "fmsub.d ft2, ft0, ft1, ft3, rmm\n fmv.x.d %0, ft2"
                     : "=r"(r)
                     : "r"(a), "r"(b), "r"(c)
                     : "ft0", "ft1", "ft2", "ft3");
    break;
  default:
    __asm__ volatile("fmv.w.x ft0, %1\n fmv.w.x ft1, %2\n fmv.w.x ft3, %3\n"
                     "fnmadd.s ft2, ft0, ft1, ft3\n fmv.x.d %0, ft2"
                     : "=r"(r)
                     : "r"(a), "r"(b), "r"(c)
                     : "ft0", "ft1", "ft2", "ft3");
    break;
  }
  return r;
}

static void run_fma(void) {
  for (int w = 0; w < 4; w++) {
    u64 sum = 0;
    unsigned fl = 0;
    for (unsigned i = 0; i < 12; i++)
      for (unsigned j = 0; j < 12; j++)
        for (unsigned k = 0; k < 12; k++) {
          clear_flags();
          u64 r = w != 2 ? fma_d(dv[i], dv[j], dv[k], w) : fma_d(sv[i], sv[j], sv[k], w);
          unsigned f = get_flags();
          sum = sum * 131 + r + f;
          fl |= f;
        }
    printf("fused %d sum %016llx any %02x\n", w, (unsigned long long)sum, fl);
  }
}

static void run_unary(void) {
  for (unsigned i = 0; i < ND; i++) {
    u64 a = dv[i], sq, s, w, wu, l, lu, lrmm, cls;
    clear_flags();
    __asm__ volatile("fmv.d.x ft0, %1\n fsqrt.d ft1, ft0\n fmv.x.d %0, ft1"
                     : "=r"(sq)
                     : "r"(a)
                     : "ft0", "ft1");
    unsigned f1 = get_flags();
    clear_flags();
    __asm__ volatile("fmv.d.x ft0, %1\n fcvt.s.d ft1, ft0\n fmv.x.d %0, ft1"
                     : "=r"(s)
                     : "r"(a)
                     : "ft0", "ft1");
    unsigned f2 = get_flags();
    clear_flags();
    __asm__ volatile("fmv.d.x ft0, %1\n fcvt.w.d %0, ft0, rtz" : "=r"(w) : "r"(a) : "ft0");
    __asm__ volatile("fmv.d.x ft0, %1\n fcvt.wu.d %0, ft0, rne" : "=r"(wu) : "r"(a) : "ft0");
    __asm__ volatile("fmv.d.x ft0, %1\n fcvt.l.d %0, ft0, rdn" : "=r"(l) : "r"(a) : "ft0");
    __asm__ volatile("fmv.d.x ft0, %1\n fcvt.lu.d %0, ft0, rup" : "=r"(lu) : "r"(a) : "ft0");
    __asm__ volatile("fmv.d.x ft0, %1\n fcvt.l.d %0, ft0, rmm" : "=r"(lrmm) : "r"(a) : "ft0");
    unsigned f3 = get_flags();
    __asm__ volatile("fmv.d.x ft0, %1\n fclass.d %0, ft0" : "=r"(cls) : "r"(a) : "ft0");
    printf("%016llx: sqrt %016llx/%x cvt.s %016llx/%x w %llx wu %llx l %llx lu %llx rmm %llx/%x "
           "class %llx\n",
           (unsigned long long)a, (unsigned long long)sq, f1, (unsigned long long)s, f2,
           (unsigned long long)w, (unsigned long long)wu, (unsigned long long)l,
           (unsigned long long)lu, (unsigned long long)lrmm, f3, (unsigned long long)cls);
  }
  for (unsigned i = 0; i < NS; i++) {
    u64 a = sv[i], d, w, cls;
    clear_flags();
    __asm__ volatile("fmv.w.x ft0, %1\n fcvt.d.s ft1, ft0\n fmv.x.d %0, ft1"
                     : "=r"(d)
                     : "r"(a)
                     : "ft0", "ft1");
    __asm__ volatile("fmv.w.x ft0, %1\n fcvt.w.s %0, ft0, rmm" : "=r"(w) : "r"(a) : "ft0");
    __asm__ volatile("fmv.w.x ft0, %1\n fclass.s %0, ft0" : "=r"(cls) : "r"(a) : "ft0");
    printf("%08llx: cvt.d %016llx w %llx class %llx flags %x\n", (unsigned long long)a,
           (unsigned long long)d, (unsigned long long)w, (unsigned long long)cls, get_flags());
  }
}

static void run_int_to_fp(void) {
  static const int64_t iv[] = {0,
                               1,
                               -1,
                               3,
                               (1ll << 53) + 1,
                               (1ll << 53) + 3,
                               -(1ll << 60) - 1,
                               INT64_MAX,
                               INT64_MIN,
                               0x7fffffff,
                               16777217,
                               16777219};
  const char *names[5] = {"rne", "rtz", "rdn", "rup", "rmm"};
  for (unsigned m = 0; m < 5; m++) {
    set_frm(m);
    u64 sum = 0;
    unsigned fl = 0;
    for (unsigned i = 0; i < sizeof(iv) / sizeof(iv[0]); i++) {
      u64 d, s, du, sw;
      clear_flags();
      __asm__ volatile("fcvt.d.l ft0, %1\n fmv.x.d %0, ft0" : "=r"(d) : "r"(iv[i]) : "ft0");
      __asm__ volatile("fcvt.s.l ft0, %1\n fmv.x.d %0, ft0" : "=r"(s) : "r"(iv[i]) : "ft0");
      __asm__ volatile("fcvt.d.lu ft0, %1\n fmv.x.d %0, ft0" : "=r"(du) : "r"(iv[i]) : "ft0");
      __asm__ volatile("fcvt.s.w ft0, %1\n fmv.x.d %0, ft0" : "=r"(sw) : "r"(iv[i]) : "ft0");
      fl |= get_flags();
      sum = sum * 131 + d + 3 * s + 5 * du + 7 * sw;
    }
    printf("int->fp frm %s: sum %016llx flags %x\n", names[m], (unsigned long long)sum, fl);
  }
  set_frm(0);
}

static void run_misc(void) {
  u64 sum = 0;
  unsigned fl = 0;
  for (unsigned i = 0; i < ND; i++)
    for (unsigned j = 0; j < ND; j++) {
      u64 mn, mx, eq, lt, le, sj;
      clear_flags();
      __asm__ volatile(
          "fmv.d.x ft0, %2\n fmv.d.x ft1, %3\n fmin.d ft2, ft0, ft1\n fmv.x.d %0, ft2\n"
          "fmax.d ft2, ft0, ft1\n fmv.x.d %1, ft2"
          : "=&r"(mn), "=&r"(mx)
          : "r"(dv[i]), "r"(dv[j])
          : "ft0", "ft1", "ft2");
      __asm__ volatile(
          "fmv.d.x ft0, %3\n fmv.d.x ft1, %4\n feq.d %0, ft0, ft1\n flt.d %1, ft0, ft1\n"
          "fle.d %2, ft0, ft1"
          : "=&r"(eq), "=&r"(lt), "=&r"(le)
          : "r"(dv[i]), "r"(dv[j])
          : "ft0", "ft1");
      __asm__ volatile(
          "fmv.d.x ft0, %1\n fmv.d.x ft1, %2\n fsgnjx.d ft2, ft0, ft1\n fmv.x.d %0, ft2"
          : "=r"(sj)
          : "r"(dv[i]), "r"(dv[j])
          : "ft0", "ft1", "ft2");
      unsigned f = get_flags();
      fl = fl * 3 + f;
      sum = sum * 131 + mn + 3 * mx + 5 * eq + 7 * lt + 11 * le + 13 * sj;
    }
  printf("min/max/cmp/sgnj: sum %016llx flags %08x\n", (unsigned long long)sum, fl);
  /* NaN-boxing: a binary32 operation on a register that is not boxed */
  u64 r, boxed = 0xffffffff3f800000ull, unboxed = 0x000000003f800000ull, cls;
  __asm__ volatile("fmv.d.x ft0, %1\n fmv.d.x ft1, %2\n fadd.s ft2, ft0, ft1\n fmv.x.d %0, ft2"
                   : "=r"(r)
                   : "r"(boxed), "r"(boxed)
                   : "ft0", "ft1", "ft2");
  printf("boxed 1+1 = %016llx\n", (unsigned long long)r);
  __asm__ volatile("fmv.d.x ft0, %1\n fmv.d.x ft1, %2\n fadd.s ft2, ft0, ft1\n fmv.x.d %0, ft2"
                   : "=r"(r)
                   : "r"(unboxed), "r"(boxed)
                   : "ft0", "ft1", "ft2");
  __asm__ volatile("fmv.d.x ft0, %1\n fclass.s %0, ft0" : "=r"(cls) : "r"(unboxed) : "ft0");
  printf("unboxed+1 = %016llx, class %llx\n", (unsigned long long)r, (unsigned long long)cls);
  __asm__ volatile("fmv.d.x ft0, %1\n fmv.x.w %0, ft0"
                   : "=r"(r)
                   : "r"(0x12345678cafef00dull)
                   : "ft0");
  printf("fmv.x.w sign-extends: %016llx\n", (unsigned long long)r);
  __asm__ volatile("fmv.d.x ft0, %1\n fsgnjn.s ft1, ft0, ft0\n fmv.x.d %0, ft1"
                   : "=r"(r)
                   : "r"(unboxed)
                   : "ft0", "ft1");
  printf("fneg.s of unboxed = %016llx\n", (unsigned long long)r);
  unsigned csr;
  set_frm(3);
  __asm__ volatile("csrr %0, fcsr" : "=r"(csr));
  printf("fcsr with frm=3 and flags: %x\n", csr);
  set_frm(0);
}

int main(void) {
  for (unsigned k = 0; k < sizeof(dops) / sizeof(dops[0]); k++)
    run2(dops[k].name, dops[k].fn, dv, ND, 1);
  for (unsigned k = 0; k < sizeof(sops) / sizeof(sops[0]); k++)
    run2(sops[k].name, sops[k].fn, sv, NS, 0);
  for (unsigned m = 1; m < 5; m++) { /* dynamic modes: the helper, not the fast path */
    set_frm(m);
    run2("fadd.d dyn'", fadd_dyn, dv, ND, 1);
    run2("fdiv.s dyn'", fdivs_dyn, sv, NS, 0);
  }
  set_frm(0);
  run_fma();
  run_unary();
  run_int_to_fp();
  run_misc();
  return 0;
}
