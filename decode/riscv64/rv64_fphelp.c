/* rv64_fphelp.c - the F and D computational instructions as one exact C
 * helper (unprivileged ISA, chapters 20 and 21): rv64_h_fp(cpu, insn)
 * decodes the instruction again, reads its operands from the state (the
 * translated code has stored every register before the call), computes
 * with rv64_fpops.c, writes rd and accrues fflags into fcsr. The decoder
 * has already refused the reserved rounding modes (rv64_fp.c). A dynamic
 * rm reads frm; with a reserved frm (5..7) the helper changes nothing and
 * returns 1, on which the translated code raises SIGILL (rv64_fp.c). */
#include <fenv.h>
#include "rv64.h"
#include "rv64_fpenv.h"

static unsigned bits(uint32_t insn, unsigned pos, unsigned len) {
  return insn >> pos & ((1u << len) - 1);
}

/* Operand rs of format fmt: binary32 unboxed. */
static uint64_t rv64_fget(const struct rv64_cpu *r, unsigned rs, unsigned fmt) {
  return fmt ? r->f[rs] : rv64_unbox(r->f[rs]);
}

static void rv64_fput(struct rv64_cpu *r, unsigned rd, unsigned fmt, uint64_t v) {
  r->f[rd] = fmt ? v : RV64_BOX | (uint32_t)v;
}

static void rv64_xput(struct rv64_cpu *r, unsigned rd, uint64_t v) {
  if (rd)
    r->x[rd] = v;
}

/* FMADD FMSUB FNMSUB FNMADD: a * b + c with the signs the opcode gives. */
static void rv64_fp_fused(struct rv64_cpu *r, uint32_t insn, unsigned rm, unsigned *fl) {
  unsigned fmt = bits(insn, 25, 1), op = bits(insn, 2, 2); /* 0 madd 1 msub 2 nmsub 3 nmadd */
  uint64_t sign = fmt ? 1ull << 63 : 1u << 31;
  uint64_t a = rv64_fget(r, bits(insn, 15, 5), fmt), b = rv64_fget(r, bits(insn, 20, 5), fmt);
  uint64_t c = rv64_fget(r, bits(insn, 27, 5), fmt);
  if (op >= 2)
    a ^= sign; /* -(a * b) = (-a) * b: a NaN's sign does not matter, it becomes canonical */
  if (op == 1 || op == 3)
    c ^= sign;
  rv64_fput(r, bits(insn, 7, 5), fmt, rv64_fp_arith(RV64_FMADD, fmt, rm, a, b, c, fl));
}

/* FSGNJ FSGNJN FSGNJX: a's magnitude with a sign made of b's. */
static uint64_t rv64_fp_sgnj(unsigned fmt, unsigned how, uint64_t a, uint64_t b) {
  uint64_t sign = fmt ? 1ull << 63 : 1u << 31;
  uint64_t s = how == 0 ? b & sign : how == 1 ? ~b & sign : (a ^ b) & sign;
  return (a & ~sign) | s;
}

/* funct3 0 FMIN, 1 FMAX, 2 FMINM, 3 FMAXM (Zfa). */
static uint64_t rv64_fp_minmax_any(unsigned funct3, unsigned fmt, uint64_t a, uint64_t b,
                                   unsigned *fl) {
  bool max = funct3 & 1;
  return funct3 & 2 ? rv64_fp_minmaxm(max, fmt, a, b, fl) : rv64_fp_minmax(max, fmt, a, b, fl);
}

/* funct5 01000: rs2 0 FCVT.D.S, 1 FCVT.S.D (the source is the other
 * format), 2 FCVT.S.H, FCVT.D.H (Zfh), 4 FROUND, 5 FROUNDNX (Zfa). */
static uint64_t rv64_fp_round_or_convert(struct rv64_cpu *r, unsigned rs1, unsigned rs2,
                                         unsigned fmt, unsigned rm, unsigned *fl) {
  if (rs2 == 2)
    return rv64_fp_from_half(fmt, rv64_hget(r, rs1), fl);
  if (rs2 >= 4)
    return rv64_fp_round_int(rs2 == 5, fmt, rm, rv64_fget(r, rs1, fmt), fl);
  return rv64_fp_convert(fmt, rm, rv64_fget(r, rs1, !fmt), fl);
}

/* OP-FP (opcode 1010011), by funct5. */
static void rv64_fp_op(struct rv64_cpu *r, uint32_t insn, unsigned rm, unsigned *fl) {
  unsigned f5 = bits(insn, 27, 5), fmt = bits(insn, 25, 1), funct3 = bits(insn, 12, 3);
  unsigned rd = bits(insn, 7, 5), rs1 = bits(insn, 15, 5), rs2 = bits(insn, 20, 5);
  uint64_t a = rv64_fget(r, rs1, fmt), b = rv64_fget(r, rs2, fmt);
  switch (f5) {
  case 0x00: rv64_fput(r, rd, fmt, rv64_fp_arith(RV64_FADD, fmt, rm, a, b, 0, fl)); break;
  case 0x01: rv64_fput(r, rd, fmt, rv64_fp_arith(RV64_FSUB, fmt, rm, a, b, 0, fl)); break;
  case 0x02: rv64_fput(r, rd, fmt, rv64_fp_arith(RV64_FMUL, fmt, rm, a, b, 0, fl)); break;
  case 0x03: rv64_fput(r, rd, fmt, rv64_fp_arith(RV64_FDIV, fmt, rm, a, b, 0, fl)); break;
  case 0x0b: rv64_fput(r, rd, fmt, rv64_fp_arith(RV64_FSQRT, fmt, rm, a, 0, 0, fl)); break;
  case 0x04: rv64_fput(r, rd, fmt, rv64_fp_sgnj(fmt, funct3, a, b)); break;
  case 0x05: rv64_fput(r, rd, fmt, rv64_fp_minmax_any(funct3, fmt, a, b, fl)); break;
  case 0x08: rv64_fput(r, rd, fmt, rv64_fp_round_or_convert(r, rs1, rs2, fmt, rm, fl)); break;
  case 0x14: rv64_xput(r, rd, rv64_fp_cmp(funct3, fmt, a, b, fl)); break;
  case 0x18:
    rv64_xput(r, rd, rs2 == 8 ? rv64_fp_cvtmod_w(a, fl) : rv64_fp_to_int(rs2, fmt, rm, a, fl));
    break;
  case 0x1a: rv64_fput(r, rd, fmt, rv64_fp_from_int(rs2, fmt, rm, r->x[rs1], fl)); break;
  case 0x1c: rv64_xput(r, rd, rv64_fp_class(fmt, a)); break;
  default: break; /* the decoder takes no other encoding */
  }
}

/* The sign injections, min/max, compares and FCLASS have a function code
 * in funct3, not a rounding mode: FLTQ's 5 is not a reserved mode. */
static bool rv64_funct3_is_op(uint32_t insn) {
  unsigned f5 = bits(insn, 27, 5);
  return (insn & 0x7f) == 0x53 && (f5 == 0x04 || f5 == 0x05 || f5 == 0x14 || f5 == 0x1c);
}

uint64_t rv64_h_fp(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct rv64_cpu *r = (struct rv64_cpu *)c;
  (void)unused;
  c->pc = pc;
  xrun_fp_take(c); /* what translated code raised stays apart from ours */
  unsigned rm = bits((uint32_t)insn, 12, 3), fl = 0;
  if (rm == RV64_DYN)
    rm = r->fcsr >> RV64_FRM_SHIFT & 7;
  if (rm > RV64_RMM && !rv64_funct3_is_op((uint32_t)insn))
    return 1;
  bool half = bits((uint32_t)insn, 25, 2) == 2;
  if ((insn & 0x7f) == 0x53)
    (half ? rv64_fp_op_h : rv64_fp_op)(r, (uint32_t)insn, rm, &fl);
  else
    (half ? rv64_fp_fused_h : rv64_fp_fused)(r, (uint32_t)insn, rm, &fl);
  r->fcsr |= fl;
  /* fl has the guest's flags; what the host raised on the way (GCC's inline
   * ceil, floor and trunc raise inexact) must not reach them later */
  xrun_fp_clear();
  return 0;
}
