/* rv64_zfa.c - FLI.S, FLI.D and FLI.H of Zfa (unprivileged ISA, chapter
 * 24): a constant of the load-immediate table by the index in rs1, as IR.
 * The other Zfa instructions are the exact helper's (rv64_fphelp.c,
 * rv64_fphalf.c): FMINM, FMAXM, FROUND, FROUNDNX, FCVTMOD.W.D, FLEQ, FLTQ;
 * FMVH.X.D and FMVP.D.X are RV32 only. */
#include "rv64.h"

/* The table's values as binary32, binary64 and binary16 bits: -1.0, the
 * least normal, 2^-16, 2^-15, 2^-8, 2^-7, 0.0625, 0.125, 0.25 .. 0.4375 by
 * 1/16, 0.5 .. 0.875 by 1/8, 1.0 .. 1.75 by 1/4, 2.0, 2.5, 3, 4, 8, 16, 128,
 * 256, 2^15, 2^16, +inf, the canonical NaN. In binary16, 2^-16 and 2^-15
 * are subnormal and 2^16 is +inf (entry 29 is then entry 30, as the spec
 * says). */
static const uint32_t rv64_fli_s[32] = {
    0xbf800000u, 0x00800000u, 0x37800000u, 0x38000000u, 0x3b800000u, 0x3c000000u, 0x3d800000u,
    0x3e000000u, 0x3e800000u, 0x3ea00000u, 0x3ec00000u, 0x3ee00000u, 0x3f000000u, 0x3f200000u,
    0x3f400000u, 0x3f600000u, 0x3f800000u, 0x3fa00000u, 0x3fc00000u, 0x3fe00000u, 0x40000000u,
    0x40200000u, 0x40400000u, 0x40800000u, 0x41000000u, 0x41800000u, 0x43000000u, 0x43800000u,
    0x47000000u, 0x47800000u, 0x7f800000u, 0x7fc00000u,
};
static const uint64_t rv64_fli_d[32] = {
    0xbff0000000000000ull, 0x0010000000000000ull, 0x3ef0000000000000ull, 0x3f00000000000000ull,
    0x3f70000000000000ull, 0x3f80000000000000ull, 0x3fb0000000000000ull, 0x3fc0000000000000ull,
    0x3fd0000000000000ull, 0x3fd4000000000000ull, 0x3fd8000000000000ull, 0x3fdc000000000000ull,
    0x3fe0000000000000ull, 0x3fe4000000000000ull, 0x3fe8000000000000ull, 0x3fec000000000000ull,
    0x3ff0000000000000ull, 0x3ff4000000000000ull, 0x3ff8000000000000ull, 0x3ffc000000000000ull,
    0x4000000000000000ull, 0x4004000000000000ull, 0x4008000000000000ull, 0x4010000000000000ull,
    0x4020000000000000ull, 0x4030000000000000ull, 0x4060000000000000ull, 0x4070000000000000ull,
    0x40e0000000000000ull, 0x40f0000000000000ull, 0x7ff0000000000000ull, 0x7ff8000000000000ull,
};
static const uint16_t rv64_fli_h[32] = {
    0xbc00u, 0x0400u, 0x0100u, 0x0200u, 0x1c00u, 0x2000u, 0x2c00u, 0x3000u,
    0x3400u, 0x3500u, 0x3600u, 0x3700u, 0x3800u, 0x3900u, 0x3a00u, 0x3b00u,
    0x3c00u, 0x3d00u, 0x3e00u, 0x3f00u, 0x4000u, 0x4100u, 0x4200u, 0x4400u,
    0x4800u, 0x4c00u, 0x5800u, 0x5c00u, 0x7800u, 0x7c00u, 0x7c00u, 0x7e00u,
};

bool rv64_trans_fp_fli(struct rv64_ctx *s, const struct arg_fpop *a) {
  (void)a;
  unsigned rd = s->insn >> 7 & 31, i = s->insn >> 15 & 31, fmt = s->insn >> 25 & 3;
  uint64_t v = fmt == 1   ? rv64_fli_d[i]
               : fmt == 0 ? 0xffffffff00000000ull | rv64_fli_s[i]
                          : 0xffffffffffff0000ull | rv64_fli_h[i];
  ir_put(s->b, rv64_off_f(rd), rv64_imm(s, v));
  return true;
}
