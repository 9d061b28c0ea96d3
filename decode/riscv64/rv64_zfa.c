/* rv64_zfa.c - FLI.S, FLI.D and FLI.H of Zfa (unprivileged ISA, chapter 24): a
 * constant of table 24.1 by the index in rs1, as IR. The other Zfa
 * instructions of F and D are the exact helper's (rv64_fphelp.c): FMINM,
 * FMAXM, FROUND, FROUNDNX, FCVTMOD.W.D, FLEQ, FLTQ; FMVH.X.D and FMVP.D.X
 * are RV32 only. */
#include <math.h>
#include <string.h>
#include "rv64.h"
#include "rv64_fpenv.h"

/* Table 24.1 but for index 1 (the format's least normal) and 31 (the
 * canonical NaN). */
static const double rv64_fli_value[32] = {
    -1.0,   0,   0x1p-16, 0x1p-15, 0x1p-8, 0x1p-7, 0x1p-4, 0x1p-3, 0.25,     0.3125, 0.375,
    0.4375, 0.5, 0.625,   0.75,    0.875,  1.0,    1.25,   1.5,    1.75,     2.0,    2.5,
    3.0,    4.0, 8.0,     16.0,    128.0,  256.0,  0x1p15, 0x1p16, INFINITY, 0};

/* FLI.H: the binary16 of each entry, where 2^-16 and 2^-15 are subnormal
 * and 2^16 overflows to +inf (as the spec says of entry 29). */
static uint64_t rv64_fli_half(unsigned i) {
  unsigned fl = 0;
  if (i == 1)
    return 0x400;
  if (i == 29)
    return 0x7c00;
  return i == 31 ? 0x7e00 : rv64_d2h(rv64_fli_value[i], RV64_RNE, &fl);
}

/* The register bits of constant i in format fmt (binary32 and binary16
 * NaN-boxed). */
static uint64_t rv64_fli_bits(unsigned i, unsigned fmt) {
  if (fmt == 2)
    return 0xffffffffffff0000ull | rv64_fli_half(i);
  if (i == 1)
    return fmt ? 1ull << 52 : RV64_BOX | 1u << 23;
  if (i == 31)
    return fmt ? RV64_CANON_D : RV64_BOX | RV64_CANON_S;
  if (fmt) {
    uint64_t d;
    memcpy(&d, &rv64_fli_value[i], 8);
    return d;
  }
  float f = (float)rv64_fli_value[i];
  uint32_t u;
  memcpy(&u, &f, 4);
  return RV64_BOX | u;
}

bool rv64_trans_fp_fli(struct rv64_ctx *s, const struct arg_fpop *a) {
  (void)a;
  unsigned rd = s->insn >> 7 & 31, index = s->insn >> 15 & 31, fmt = s->insn >> 25 & 3;
  ir_put(s->b, rv64_off_f(rd), rv64_imm(s, rv64_fli_bits(index, fmt)));
  return true;
}
