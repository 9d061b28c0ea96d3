/* Zfh (binary16) exactly as qemu-riscv64's softfloat computes it: each
 * operation on values that reach the corners (signed zeros, the least
 * subnormal and normal, the largest finite, infinities, quiet and
 * signalling NaNs, halfway cases), in each rounding mode (static, and
 * dynamic through frm), printing the result's bits and the fflags it
 * raised; NaN-boxing (a binary16 operand that is not boxed reads as the
 * canonical NaN; results are boxed), the conversions to and from binary32,
 * binary64 and integers, the moves, loads and stores. */
// test: guest-only: riscv64 inline asm
// test: cflags: -march=rv64gc_zfh
// test: qemu-flags: -cpu rv64,Zfh=true
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
static u64 box(u64 h) {
  return 0xffffffffffff0000ull | (h & 0xffff);
}

static const u64 hv[] = {0x0000, 0x8000, 0x3c00, 0xbe00, 0x0001, 0x8001, 0x03ff, 0x0400,
                         0x7bff, 0xfbff, 0x7c00, 0xfc00, 0x7e00, 0x7d00, 0x3555, 0x5bff,
                         0x0c00, 0x1400, 0x6801, 0x3bff, 0x0200, 0x7bfe};
enum { NH = sizeof(hv) / sizeof(hv[0]) };

// clang-format off
/* r = op(a, b) in rounding mode RM; a, b and r are register bits */
#define H2(name, insn, rm)                                                                         \
  static u64 name##_##rm(u64 a, u64 b) {                                                           \
    u64 r;                                                                                         \
    __asm__ volatile("fmv.d.x ft1, %1\n\tfmv.d.x ft2, %2\n\t" insn " ft0, ft1, ft2, " #rm          \
                     "\n\tfmv.x.d %0, ft0"                                                         \
                     : "=r"(r)                                                                     \
                     : "r"(a), "r"(b)                                                              \
                     : "ft0", "ft1", "ft2");                                                       \
    return r;                                                                                      \
  }
#define H2ALL(name, insn)                                                                          \
  H2(name, insn, rne)                                                                              \
  H2(name, insn, rtz) H2(name, insn, rdn) H2(name, insn, rup) H2(name, insn, rmm)                  \
      H2(name, insn, dyn) static u64 (*const name[6])(u64, u64) = {                                \
          name##_rne, name##_rtz, name##_rdn, name##_rup, name##_rmm, name##_dyn};
H2ALL(hadd, "fadd.h")
H2ALL(hsub, "fsub.h")
H2ALL(hmul, "fmul.h")
H2ALL(hdiv, "fdiv.h")

#define H1(name, insn, rm, src, dst)                                                               \
  static u64 name##_##rm(u64 a) {                                                                  \
    u64 r;                                                                                         \
    __asm__ volatile(src " ft1, %1\n\t" insn " " dst ", ft1, " #rm "\n\t"                          \
                         "fmv.x.d %0, ft0"                                                         \
                     : "=r"(r)                                                                     \
                     : "r"(a)                                                                      \
                     : "ft0", "ft1", "t0");                                                        \
    return r;                                                                                      \
  }
#define H1ALL(name, insn)                                                                          \
  H1(name, insn, rne, "fmv.d.x", "ft0")                                                            \
  H1(name, insn, rtz, "fmv.d.x", "ft0") H1(name, insn, rdn, "fmv.d.x", "ft0")                      \
      H1(name, insn, rup, "fmv.d.x", "ft0") H1(name, insn, rmm, "fmv.d.x", "ft0")                  \
          H1(name, insn, dyn, "fmv.d.x", "ft0") static u64 (*const name[6])(u64) = {               \
              name##_rne, name##_rtz, name##_rdn, name##_rup, name##_rmm, name##_dyn};
H1ALL(hsqrt, "fsqrt.h")
H1ALL(h_from_s, "fcvt.h.s")
H1ALL(h_from_d, "fcvt.h.d")

/* integer results and sources: rd / rs1 is t0 */
#define HX(name, insn, rm)                                                                         \
  static u64 name##_##rm(u64 a) {                                                                  \
    u64 r;                                                                                         \
    __asm__ volatile("fmv.d.x ft1, %1\n\t" insn " %0, ft1, " #rm : "=r"(r) : "r"(a) : "ft1");      \
    return r;                                                                                      \
  }
#define XH(name, insn, rm)                                                                         \
  static u64 name##_##rm(u64 a) {                                                                  \
    u64 r;                                                                                         \
    __asm__ volatile(insn " ft0, %1, " #rm "\n\tfmv.x.d %0, ft0" : "=r"(r) : "r"(a) : "ft0");      \
    return r;                                                                                      \
  }
#define ALL6(M, name, insn)                                                                        \
  M(name, insn, rne)                                                                               \
  M(name, insn, rtz) M(name, insn, rdn) M(name, insn, rup) M(name, insn, rmm)                      \
      M(name, insn, dyn) static u64 (*const name[6])(u64) = {name##_rne, name##_rtz, name##_rdn,   \
                                                             name##_rup, name##_rmm, name##_dyn};
ALL6(HX, w_h, "fcvt.w.h")
ALL6(HX, wu_h, "fcvt.wu.h")
ALL6(HX, l_h, "fcvt.l.h")
ALL6(HX, lu_h, "fcvt.lu.h")
ALL6(XH, h_w, "fcvt.h.w")
ALL6(XH, h_wu, "fcvt.h.wu")
ALL6(XH, h_l, "fcvt.h.l")
ALL6(XH, h_lu, "fcvt.h.lu")

#define FUSED(name, insn)                                                                          \
  static u64 name(u64 a, u64 b, u64 c) {                                                           \
    u64 r;                                                                                         \
    __asm__ volatile("fmv.d.x ft1, %1\n\tfmv.d.x ft2, %2\n\tfmv.d.x ft3, %3\n\t" insn              \
                     " ft0, ft1, ft2, ft3\n\tfmv.x.d %0, ft0"                                      \
                     : "=r"(r)                                                                     \
                     : "r"(a), "r"(b), "r"(c)                                                      \
                     : "ft0", "ft1", "ft2", "ft3");                                                \
    return r;                                                                                      \
  }
FUSED(hmadd, "fmadd.h")
FUSED(hmsub, "fmsub.h")
FUSED(hnmsub, "fnmsub.h")
FUSED(hnmadd, "fnmadd.h")
// clang-format on

#define NOROUND(name, insn, dst)                                                                   \
  static u64 name(u64 a, u64 b) {                                                                  \
    u64 r;                                                                                         \
    __asm__ volatile("fmv.d.x ft1, %1\n\tfmv.d.x ft2, %2\n\t" insn " " dst ", ft1, ft2\n\t"        \
                     "fmv.x.d %0, ft0"                                                             \
                     : "=r"(r)                                                                     \
                     : "r"(a), "r"(b)                                                              \
                     : "ft0", "ft1", "ft2", "t0");                                                 \
    return r;                                                                                      \
  }
NOROUND(hmin, "fmin.h", "ft0")
NOROUND(hmax, "fmax.h", "ft0")
NOROUND(hsgnj, "fsgnj.h", "ft0")
NOROUND(hsgnjn, "fsgnjn.h", "ft0")
NOROUND(hsgnjx, "fsgnjx.h", "ft0")
#define CMP(name, insn)                                                                            \
  static u64 name(u64 a, u64 b) {                                                                  \
    u64 r;                                                                                         \
    __asm__ volatile("fmv.d.x ft1, %1\n\tfmv.d.x ft2, %2\n\t" insn " %0, ft1, ft2"                 \
                     : "=r"(r)                                                                     \
                     : "r"(a), "r"(b)                                                              \
                     : "ft1", "ft2");                                                              \
    return r;                                                                                      \
  }
CMP(heq, "feq.h")
CMP(hlt, "flt.h")
CMP(hle, "fle.h")
static u64 hclass(u64 a) {
  u64 r;
  __asm__ volatile("fmv.d.x ft1, %1\n\tfclass.h %0, ft1" : "=r"(r) : "r"(a) : "ft1");
  return r;
}
static u64 s_from_h(u64 a) {
  u64 r;
  __asm__ volatile("fmv.d.x ft1, %1\n\tfcvt.s.h ft0, ft1\n\tfmv.x.d %0, ft0"
                   : "=r"(r)
                   : "r"(a)
                   : "ft0", "ft1");
  return r;
}
static u64 d_from_h(u64 a) {
  u64 r;
  __asm__ volatile("fmv.d.x ft1, %1\n\tfcvt.d.h ft0, ft1\n\tfmv.x.d %0, ft0"
                   : "=r"(r)
                   : "r"(a)
                   : "ft0", "ft1");
  return r;
}

#define PR(x) printf(" %llx/%x", (unsigned long long)(x), get_flags())
#define RUN(call)                                                                                  \
  do {                                                                                             \
    clear_flags();                                                                                 \
    u64 r_ = call;                                                                                 \
    PR(r_);                                                                                        \
  } while (0)

static void arith(void) {
  for (int i = 0; i < NH; i++)
    for (int j = 0; j < NH; j++) {
      u64 a = box(hv[i]), b = box(hv[j]);
      printf("%04llx %04llx:", (unsigned long long)hv[i], (unsigned long long)hv[j]);
      for (int rm = 0; rm < 6; rm++) {
        set_frm(rm == 5 ? 3 : 0); /* dyn = rup */
        RUN(hadd[rm](a, b));
        RUN(hsub[rm](a, b));
        RUN(hmul[rm](a, b));
        RUN(hdiv[rm](a, b));
      }
      set_frm(0);
      RUN(hmin(a, b));
      RUN(hmax(a, b));
      RUN(hsgnj(a, b));
      RUN(hsgnjn(a, b));
      RUN(hsgnjx(a, b));
      RUN(heq(a, b));
      RUN(hlt(a, b));
      RUN(hle(a, b));
      printf("\n");
    }
}

static void fused(void) {
  static const u64 v[] = {0x3c00, 0xbc00, 0x0001, 0x7bff, 0x7c00, 0x0000,
                          0x7e00, 0x7d00, 0x3555, 0x1400, 0x6801};
  enum { NV = sizeof(v) / sizeof(v[0]) };
  for (int i = 0; i < NV; i++)
    for (int j = 0; j < NV; j++)
      for (int k = 0; k < NV; k++) {
        u64 a = box(v[i]), b = box(v[j]), c = box(v[k]);
        printf("fma %04llx %04llx %04llx:", (unsigned long long)v[i], (unsigned long long)v[j],
               (unsigned long long)v[k]);
        for (int rm = 0; rm < 5; rm++) {
          set_frm(rm);
          RUN(hmadd(a, b, c));
          RUN(hmsub(a, b, c));
          RUN(hnmsub(a, b, c));
          RUN(hnmadd(a, b, c));
        }
        set_frm(0);
        printf("\n");
      }
}

static void unary(void) {
  static const uint32_t sv[] = {0x3f800000, 0x477fe000, 0x477ff000, 0x477ff001, 0x33800000,
                                0x33000000, 0x33000001, 0x38800000, 0x387fc000, 0x7f800001,
                                0xff800000, 0x3eaaaaab, 0x80000001, 0x47800000};
  static const u64 dv[] = {0x3ff0000000000000ull, 0x40effc0000000000ull, 0x40effe0000000001ull,
                           0x3e70000000000000ull, 0x3e60000000000000ull, 0x3e60000000000001ull,
                           0x7ff0000000000001ull, 0x3fd5555555555555ull, 0x0000000000000001ull,
                           0xc0f0000000000000ull};
  static const u64 iv[] = {0,
                           1,
                           ~0ull,
                           2047,
                           2049,
                           65504,
                           65519,
                           65520,
                           0x7fffffffull,
                           0x80000000ull,
                           0x8000000000000000ull,
                           0xfffffffffffff001ull};
  for (int i = 0; i < NH + 1; i++) {
    u64 a = i == NH ? 0x3c00 : box(hv[i]); /* the last is not NaN-boxed */
    printf("h %llx:", (unsigned long long)a);
    for (int rm = 0; rm < 6; rm++) {
      set_frm(rm == 5 ? 2 : 0); /* dyn = rdn */
      RUN(hsqrt[rm](a));
      RUN(w_h[rm](a));
      RUN(wu_h[rm](a));
      RUN(l_h[rm](a));
      RUN(lu_h[rm](a));
    }
    set_frm(0);
    RUN(hclass(a));
    RUN(s_from_h(a));
    RUN(d_from_h(a));
    printf("\n");
  }
  for (unsigned i = 0; i < sizeof(sv) / sizeof(sv[0]); i++) {
    printf("s %x:", sv[i]);
    for (int rm = 0; rm < 6; rm++) {
      set_frm(rm == 5 ? 4 : 0); /* dyn = rmm */
      RUN(h_from_s[rm](0xffffffff00000000ull | sv[i]));
    }
    set_frm(0);
    printf("\n");
  }
  for (unsigned i = 0; i < sizeof(dv) / sizeof(dv[0]); i++) {
    printf("d %llx:", (unsigned long long)dv[i]);
    for (int rm = 0; rm < 6; rm++) {
      set_frm(rm == 5 ? 1 : 0); /* dyn = rtz */
      RUN(h_from_d[rm](dv[i]));
    }
    set_frm(0);
    printf("\n");
  }
  for (unsigned i = 0; i < sizeof(iv) / sizeof(iv[0]); i++) {
    printf("x %llx:", (unsigned long long)iv[i]);
    for (int rm = 0; rm < 6; rm++) {
      set_frm(rm == 5 ? 3 : 0);
      RUN(h_w[rm](iv[i]));
      RUN(h_wu[rm](iv[i]));
      RUN(h_l[rm](iv[i]));
      RUN(h_lu[rm](iv[i]));
    }
    set_frm(0);
    printf("\n");
  }
}

static void moves(void) {
  static uint16_t mem[4] = {0x3c00, 0xfbff, 0x7d00, 0x0001};
  u64 r, x;
  for (int i = 0; i < 4; i++) {
    __asm__ volatile("flh ft0, 0(%2)\n\tfmv.x.d %0, ft0\n\tfmv.x.h %1, ft0"
                     : "=r"(r), "=r"(x)
                     : "r"(&mem[i])
                     : "ft0");
    printf("flh %llx fmv.x.h %llx\n", (unsigned long long)r, (unsigned long long)x);
  }
  __asm__ volatile("li t0, 0x12345678abcd8001\n\tfmv.h.x ft0, t0\n\tfmv.x.d %0, ft0\n\t"
                   "fsh ft0, 2(%1)"
                   : "=r"(r)
                   : "r"(mem)
                   : "ft0", "t0", "memory");
  printf("fmv.h.x %llx mem %x\n", (unsigned long long)r, mem[1]);
  __asm__ volatile("li t0, 0x5555\n\tfmv.d.x ft0, t0\n\tfsh ft0, 4(%0)" ::"r"(mem)
                   : "ft0", "t0", "memory");
  printf("fsh unboxed %x\n", mem[2]);
}

int main(void) {
  arith();
  fused();
  unary();
  moves();
  return 0;
}
