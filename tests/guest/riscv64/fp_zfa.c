/* Zfa's F and D instructions (unprivileged ISA, chapter 24), by .insn (binutils
 * 2.40 and qemu-riscv64 7.2 have no Zfa): each result's bits and the fflags
 * it raised, over values that reach the corners (signed zeros, halfway
 * cases, the int32 range edges, 2^52 and beyond, a subnormal, infinities,
 * quiet and signalling NaNs, a binary32 operand that is not NaN-boxed).
 * The native x86-64 build prints the same lines from C written from the
 * spec: FLI's table 24.1; FMINM/FMAXM return the canonical NaN for any NaN
 * operand (invalid only for a signalling one), else are FMIN/FMAX;
 * FROUND/FROUNDNX round to an integral value in each rounding mode (the
 * host's nearbyint under fesetround, round() for RMM), a NaN gives the
 * canonical NaN, only FROUNDNX raises inexact; FCVTMOD.W.D truncates,
 * keeps the low 32 bits, sign-extended, with FCVT.W.D's flags and 0 for a
 * NaN or infinity; FLEQ/FLTQ compare quietly. The binary16 forms (Zfa with
 * Zfh: FLI.H, where entry 29, 2^16, is +inf; FMINM.H, FMAXM.H, FLEQ.H,
 * FLTQ.H, FROUND.H, FROUNDNX.H) against the compiler's _Float16. */
// test: qemu-wrong: qemu-riscv64 7.2 has no Zfa; the native build's C is the reference
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef uint64_t u64;

static const u64 dv[] = {
    0x0000000000000000ull, 0x8000000000000000ull, 0x3ff0000000000000ull, 0xbff0000000000000ull,
    0x3fe0000000000000ull, 0xbfe0000000000000ull, 0x3ff8000000000000ull, 0x4004000000000000ull,
    0xc004000000000000ull, 0x3fdfffffffffffffull, 0x400d99999999999aull, 0xc00d99999999999aull,
    0x7e37e43c8800759cull, 0xfe37e43c8800759cull, 0x4330000000000001ull, 0x41dfffffffe00000ull,
    0xc1e00000001ccccdull, 0x41e0000000000000ull, 0x41f0000000500000ull, 0x0000b8157268fdafull,
    0x7ff0000000000000ull, 0xfff0000000000000ull, 0x7ff8000000000000ull, 0x7ff0000000000001ull,
    0xfff8000000000000ull, 0x4530000000000003ull, 0xc3e0000000000000ull, 0x41efffffffffffffull};
enum { ND = sizeof(dv) / sizeof(dv[0]) };
static const u64 pv[] = {0x0000000000000000ull, 0x8000000000000000ull, 0x3ff0000000000000ull,
                         0xbff0000000000000ull, 0x7ff0000000000000ull, 0x7ff8000000000000ull,
                         0x7ff0000000000001ull};
enum { NP = sizeof(pv) / sizeof(pv[0]) };

static u64 canon(int fmt) {
  return fmt ? 0x7ff8000000000000ull : 0xffffffff7fc00000ull;
}
/* A binary64 value as a NaN-boxed binary32 (the conversion is exact or a
 * NaN of the same kind for these values). */
static u64 boxf(u64 d) {
  double x;
  float f;
  uint32_t u;
  memcpy(&x, &d, 8);
  if (isnan(x))
    u = (d >> 51 & 1) ? 0x7fc00000u : 0x7f800001u;
  else {
    f = (float)x;
    memcpy(&u, &f, 4);
  }
  return 0xffffffff00000000ull | u;
}

#ifdef __riscv
static unsigned fl;
#define FLAGS_BEGIN() __asm__ volatile("fsflags zero")
#define FLAGS_END()   __asm__ volatile("frflags %0" : "=r"(fl))
static u64 fli(int fmt, unsigned i) {
  u64 r;
#define FLI(n)                                                                                     \
  case n:                                                                                          \
    if (fmt)                                                                                       \
      __asm__ volatile(".insn r 0x53, 0, 0x79, ft0, f" #n ", f1\n\tfmv.x.d %0, ft0"                \
                       : "=r"(r)::"ft0");                                                          \
    else                                                                                           \
      __asm__ volatile(".insn r 0x53, 0, 0x78, ft0, f" #n ", f1\n\tfmv.x.d %0, ft0"                \
                       : "=r"(r)::"ft0");                                                          \
    break;
  // clang-format off
  switch (i) {
    FLI(0)
    FLI(1)
    FLI(2)
    FLI(3) FLI(4) FLI(5) FLI(6) FLI(7) FLI(8) FLI(9) FLI(10) FLI(11) FLI(12) FLI(13) FLI(14) FLI(15)
        FLI(16) FLI(17) FLI(18) FLI(19) FLI(20) FLI(21) FLI(22) FLI(23) FLI(24) FLI(25) FLI(26)
            FLI(27) FLI(28) FLI(29) FLI(30) FLI(31)
  }
  // clang-format on
  return r;
}
/* funct7 and funct3 of an FP op on registers with bits a and b, result in
 * an FP register (xout 0) or an integer register (xout 1) */
#define FOP(name, f7, f3, rs2, xout)                                                               \
  static u64 name(u64 a, u64 b) {                                                                  \
    u64 r;                                                                                         \
    (void)b;                                                                                       \
    FLAGS_BEGIN();                                                                                 \
    if (xout)                                                                                      \
      __asm__ volatile("fmv.d.x ft1, %1\n\tfmv.d.x ft2, %2\n\t"                                    \
                       ".insn r 0x53, " #f3 ", " #f7 ", %0, ft1, " rs2                             \
                       : "=r"(r)                                                                   \
                       : "r"(a), "r"(b)                                                            \
                       : "ft1", "ft2");                                                            \
    else                                                                                           \
      __asm__ volatile("fmv.d.x ft1, %1\n\tfmv.d.x ft2, %2\n\t"                                    \
                       ".insn r 0x53, " #f3 ", " #f7 ", ft0, ft1, " rs2 "\n\tfmv.x.d %0, ft0"      \
                       : "=r"(r)                                                                   \
                       : "r"(a), "r"(b)                                                            \
                       : "ft0", "ft1", "ft2");                                                     \
    FLAGS_END();                                                                                   \
    return r;                                                                                      \
  }
FOP(fminm_s, 0x14, 2, "ft2", 0)
FOP(fmaxm_s, 0x14, 3, "ft2", 0)
FOP(fminm_d, 0x15, 2, "ft2", 0)
FOP(fmaxm_d, 0x15, 3, "ft2", 0)
FOP(fleq_s, 0x50, 4, "ft2", 1)
FOP(fltq_s, 0x50, 5, "ft2", 1)
FOP(fleq_d, 0x51, 4, "ft2", 1)
FOP(fltq_d, 0x51, 5, "ft2", 1)
FOP(fcvtmod_w_d, 0x61, 1, "f8", 1)
#define FROUND(rm)                                                                                 \
  FOP(fround_s_##rm, 0x20, rm, "f4", 0)                                                            \
  FOP(froundnx_s_##rm, 0x20, rm, "f5", 0)                                                          \
  FOP(fround_d_##rm, 0x21, rm, "f4", 0) FOP(froundnx_d_##rm, 0x21, rm, "f5", 0)
FROUND(0)
FROUND(1)
FROUND(2)
FROUND(3)
FROUND(4)
static u64 (*const fround_fn[2][2][5])(u64, u64) = {
    {{fround_s_0, fround_s_1, fround_s_2, fround_s_3, fround_s_4},
     {froundnx_s_0, froundnx_s_1, froundnx_s_2, froundnx_s_3, froundnx_s_4}},
    {{fround_d_0, fround_d_1, fround_d_2, fround_d_3, fround_d_4},
     {froundnx_d_0, froundnx_d_1, froundnx_d_2, froundnx_d_3, froundnx_d_4}}};
static u64 fround(int fmt, int nx, int rm, u64 a) {
  return fround_fn[fmt][nx][rm](a, 0);
}
/* the binary16 forms (with Zfh): fmt bits 10 */
FOP(fminm_h, 0x16, 2, "ft2", 0)
FOP(fmaxm_h, 0x16, 3, "ft2", 0)
FOP(fleq_h, 0x52, 4, "ft2", 1)
FOP(fltq_h, 0x52, 5, "ft2", 1)
// clang-format off
#define FROUND_H(rm) FOP(fround_h_##rm, 0x22, rm, "f4", 0) FOP(froundnx_h_##rm, 0x22, rm, "f5", 0)
FROUND_H(0) FROUND_H(1) FROUND_H(2) FROUND_H(3) FROUND_H(4)
    // clang-format on
    static u64 (*const fround_h_fn[2][5])(u64, u64) = {
        {fround_h_0, fround_h_1, fround_h_2, fround_h_3, fround_h_4},
        {froundnx_h_0, froundnx_h_1, froundnx_h_2, froundnx_h_3, froundnx_h_4}};
static u64 fround_h(int nx, int rm, u64 a) {
  return fround_h_fn[nx][rm](a, 0);
}
static u64 fli_h(unsigned i) {
  u64 r;
#define FLIH(n)                                                                                    \
  case n:                                                                                          \
    __asm__ volatile(".insn r 0x53, 0, 0x7a, ft0, f" #n ", f1\n\tfmv.x.d %0, ft0"                  \
                     : "=r"(r)::"ft0");                                                            \
    break;
  // clang-format off
  switch (i) {
    FLIH(0)
    FLIH(1) FLIH(2) FLIH(3) FLIH(4) FLIH(5) FLIH(6) FLIH(7) FLIH(8) FLIH(9) FLIH(10) FLIH(11)
        FLIH(12) FLIH(13) FLIH(14) FLIH(15) FLIH(16) FLIH(17) FLIH(18) FLIH(19) FLIH(20) FLIH(21)
            FLIH(22) FLIH(23) FLIH(24) FLIH(25) FLIH(26) FLIH(27) FLIH(28) FLIH(29) FLIH(30)
                FLIH(31)
  }
  // clang-format on
  return r;
}
static u64 minmaxm_h(int max, u64 a, u64 b) {
  return (max ? fmaxm_h : fminm_h)(a, b);
}
static u64 cmpq_h(int lt, u64 a, u64 b) {
  return (lt ? fltq_h : fleq_h)(a, b);
}
FOP(froundnx_d_dyn, 0x21, 7, "f5", 0)
/* FROUNDNX.D with rm = DYN under frm = rm */
static u64 froundnx_dyn(int rm, u64 a) {
  __asm__ volatile("fsrm %0" ::"r"(rm));
  u64 r = froundnx_d_dyn(a, 0);
  __asm__ volatile("fsrm zero");
  return r;
}
static u64 minmaxm(int fmt, int max, u64 a, u64 b) {
  return fmt ? (max ? fmaxm_d : fminm_d)(a, b) : (max ? fmaxm_s : fminm_s)(a, b);
}
static u64 cmpq(int fmt, int lt, u64 a, u64 b) {
  return fmt ? (lt ? fltq_d : fleq_d)(a, b) : (lt ? fltq_s : fleq_s)(a, b);
}
static u64 cvtmod(u64 a) {
  return fcvtmod_w_d(a, 0);
}
#else
/* The reference, from the spec; values travel as register bits. */
static unsigned fl;
static double val(int fmt, u64 a) {
  if (fmt) {
    double d;
    memcpy(&d, &a, 8);
    return d;
  }
  uint32_t u = (a >> 32) == 0xffffffffu ? (uint32_t)a : 0x7fc00000u;
  float f;
  memcpy(&f, &u, 4);
  return f;
}
static u64 bits(int fmt, double x) {
  if (fmt) {
    u64 d;
    memcpy(&d, &x, 8);
    return d;
  }
  float f = (float)x;
  uint32_t u;
  memcpy(&u, &f, 4);
  return 0xffffffff00000000ull | u;
}
static int snan(int fmt, u64 a) {
  if (!fmt)
    a = (a >> 32) == 0xffffffffu ? (uint32_t)a : 0x7fc00000u;
  return fmt ? isnan(val(1, a)) && !(a >> 51 & 1)
             : isnan(val(0, 0xffffffff00000000ull | a)) && !(a >> 22 & 1);
}
static const double fli_table[32] = {
    -1.0,   0,   0x1p-16, 0x1p-15, 0x1p-8, 0x1p-7, 0.0625,  0.125,   0.25,     0.3125, 0.375,
    0.4375, 0.5, 0.625,   0.75,    0.875,  1.0,    1.25,    1.5,     1.75,     2.0,    2.5,
    3.0,    4.0, 8.0,     16.0,    128.0,  256.0,  32768.0, 65536.0, INFINITY, 0};
static u64 fli(int fmt, unsigned i) {
  if (i == 1)
    return bits(fmt, fmt ? 0x1p-1022 : 0x1p-126);
  if (i == 31)
    return canon(fmt);
  return bits(fmt, fli_table[i]);
}
static u64 fround(int fmt, int nx, int rm, u64 a) {
  static const int modes[4] = {FE_TONEAREST, FE_TOWARDZERO, FE_DOWNWARD, FE_UPWARD};
  double x = val(fmt, a), r;
  fl = 0;
  if (isnan(x)) {
    fl = snan(fmt, a) ? 16 : 0;
    return canon(fmt);
  }
  if (rm == 4) {
    r = round(x);
  } else {
    fesetround(modes[rm]);
    r = nearbyint(x);
    fesetround(FE_TONEAREST);
  }
  if (nx && r != x)
    fl = 1;
  return bits(fmt, r);
}
static u64 froundnx_dyn(int rm, u64 a) {
  return fround(1, 1, rm, a);
}
/* binary16 through the compiler's _Float16 (libgcc's exact conversions) */
static float hval(u64 a) {
  uint16_t u = (a >> 16) == 0xffffffffffffull ? (uint16_t)a : 0x7e00;
  _Float16 h;
  memcpy(&h, &u, 2);
  return h;
}
static u64 hbits(float x) {
  _Float16 h = (_Float16)x;
  uint16_t u;
  memcpy(&u, &h, 2);
  return 0xffffffffffff0000ull | u;
}
static int hsnan(u64 a) {
  uint16_t u = (a >> 16) == 0xffffffffffffull ? (uint16_t)a : 0x7e00;
  return (u & 0x7fff) > 0x7c00 && !(u >> 9 & 1);
}
static u64 fli_h(unsigned i) {
  if (i == 1)
    return hbits(0x1p-14f);
  if (i == 31)
    return 0xffffffffffff7e00ull;
  return hbits(fli_table[i]); /* 2^16 overflows to +inf, as the spec says */
}
static u64 minmaxm_h(int max, u64 a, u64 b) {
  float x = hval(a), y = hval(b);
  fl = hsnan(a) || hsnan(b) ? 16 : 0;
  if (isnan(x) || isnan(y))
    return 0xffffffffffff7e00ull;
  if (x == y && signbit(x) != signbit(y))
    return hbits((signbit(x) != 0) == max ? y : x);
  return hbits(max ? (x > y ? x : y) : (x < y ? x : y));
}
static u64 cmpq_h(int lt, u64 a, u64 b) {
  float x = hval(a), y = hval(b);
  fl = hsnan(a) || hsnan(b) ? 16 : 0;
  return lt ? isless(x, y) : islessequal(x, y);
}
static u64 fround_h(int nx, int rm, u64 a) {
  static const int modes[4] = {FE_TONEAREST, FE_TOWARDZERO, FE_DOWNWARD, FE_UPWARD};
  float x = hval(a), r;
  fl = 0;
  if (isnan(x)) {
    fl = hsnan(a) ? 16 : 0;
    return 0xffffffffffff7e00ull;
  }
  if (rm == 4) {
    r = roundf(x);
  } else {
    fesetround(modes[rm]);
    r = nearbyintf(x);
    fesetround(FE_TONEAREST);
  }
  if (nx && r != x)
    fl = 1;
  return hbits(r);
}
static u64 minmaxm(int fmt, int max, u64 a, u64 b) {
  double x = val(fmt, a), y = val(fmt, b);
  fl = snan(fmt, a) || snan(fmt, b) ? 16 : 0;
  if (isnan(x) || isnan(y))
    return canon(fmt);
  if (x == y && signbit(x) != signbit(y))
    return bits(fmt, (signbit(x) != 0) == max ? y : x);
  return bits(fmt, max ? (x > y ? x : y) : (x < y ? x : y));
}
static u64 cmpq(int fmt, int lt, u64 a, u64 b) {
  double x = val(fmt, a), y = val(fmt, b);
  fl = snan(fmt, a) || snan(fmt, b) ? 16 : 0;
  return lt ? isless(x, y) : islessequal(x, y);
}
static u64 cvtmod(u64 a) {
  double x = val(1, a);
  fl = 0;
  if (isnan(x) || isinf(x)) {
    fl = 16;
    return 0;
  }
  double t = trunc(x);
  uint32_t low;
  if (fabs(t) < 0x1p63) {
    low = (uint32_t)(int64_t)t;
  } else { /* |t| = M * 2^(e - 53), M a 53-bit integer */
    int e;
    double m = frexp(fabs(t), &e);
    u64 M = (u64)ldexp(m, 53);
    low = e - 53 >= 32 ? 0 : (uint32_t)(M << (e - 53));
    if (t < 0)
      low = -low;
  }
  if (t < -0x1p31 || t >= 0x1p31)
    fl = 16;
  else if (t != x)
    fl = 1;
  return (u64)(int64_t)(int32_t)low;
}
#endif

int main(void) {
  for (int fmt = 0; fmt < 2; fmt++)
    for (unsigned i = 0; i < 32; i++)
      printf("fli.%c %2u = %016llx\n", "sd"[fmt], i, (unsigned long long)fli(fmt, i));
  for (int fmt = 0; fmt < 2; fmt++)
    for (int i = 0; i < NP; i++)
      for (int j = 0; j < NP; j++) {
        u64 a = fmt ? pv[i] : boxf(pv[i]), b = fmt ? pv[j] : boxf(pv[j]);
        printf("%c %016llx %016llx:", "sd"[fmt], (unsigned long long)a, (unsigned long long)b);
        for (int k = 0; k < 2; k++) {
          u64 r = minmaxm(fmt, k, a, b);
          printf(" %s %016llx/%02x", k ? "fmaxm" : "fminm", (unsigned long long)r, fl);
        }
        for (int k = 0; k < 2; k++) {
          u64 r = cmpq(fmt, k, a, b);
          printf(" %s %llu/%02x", k ? "fltq" : "fleq", (unsigned long long)r, fl);
        }
        printf("\n");
      }
  for (int fmt = 0; fmt < 2; fmt++)
    for (int i = 0; i <= ND; i++) {
      /* the last binary32 operand is not NaN-boxed: it reads as the canonical NaN */
      u64 a = i == ND ? 0x3f800000ull : fmt ? dv[i] : boxf(dv[i]);
      if (fmt && i == ND)
        continue;
      printf("fround.%c %016llx:", "sd"[fmt], (unsigned long long)a);
      for (int rm = 0; rm < 5; rm++)
        for (int nx = 0; nx < 2; nx++) {
          u64 r = fround(fmt, nx, rm, a);
          printf(" %016llx/%02x", (unsigned long long)r, fl);
        }
      printf("\n");
    }
  static const u64 hv[] = {0x0000, 0x8000, 0x3c00, 0xbc00, 0x7c00, 0x7e00, 0x7d00, 0x3800,
                           0xb800, 0x3e00, 0x4100, 0xc100, 0x0001, 0x6801, 0x67ff, 0x3bff};
  enum { NHV = sizeof(hv) / sizeof(hv[0]) };
  for (unsigned i = 0; i < 32; i++)
    printf("fli.h %2u = %016llx\n", i, (unsigned long long)fli_h(i));
  for (int i = 0; i < 7; i++)
    for (int j = 0; j < 7; j++) {
      u64 a = 0xffffffffffff0000ull | hv[i], b = 0xffffffffffff0000ull | hv[j];
      printf("h %04llx %04llx:", (unsigned long long)hv[i], (unsigned long long)hv[j]);
      for (int k = 0; k < 2; k++) {
        u64 r = minmaxm_h(k, a, b);
        printf(" %s %016llx/%02x", k ? "fmaxm" : "fminm", (unsigned long long)r, fl);
      }
      for (int k = 0; k < 2; k++) {
        u64 r = cmpq_h(k, a, b);
        printf(" %s %llu/%02x", k ? "fltq" : "fleq", (unsigned long long)r, fl);
      }
      printf("\n");
    }
  for (int i = 0; i <= NHV; i++) {
    /* the last operand is not NaN-boxed: it reads as the canonical NaN */
    u64 a = i == NHV ? 0x3c00 : 0xffffffffffff0000ull | hv[i];
    printf("fround.h %016llx:", (unsigned long long)a);
    for (int rm = 0; rm < 5; rm++)
      for (int nx = 0; nx < 2; nx++) {
        u64 r = fround_h(nx, rm, a);
        printf(" %016llx/%02x", (unsigned long long)r, fl);
      }
    printf("\n");
  }
  for (int i = 0; i < ND; i++) {
    printf("froundnx.d dyn %016llx:", (unsigned long long)dv[i]);
    for (int rm = 0; rm < 5; rm++) {
      u64 r = froundnx_dyn(rm, dv[i]);
      printf(" %016llx/%02x", (unsigned long long)r, fl);
    }
    printf("\n");
  }
  for (int i = 0; i < ND; i++) {
    u64 r = cvtmod(dv[i]);
    printf("fcvtmod.w.d %016llx = %016llx/%02x\n", (unsigned long long)dv[i], (unsigned long long)r,
           fl);
  }
  return 0;
}
