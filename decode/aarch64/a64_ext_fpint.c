/* a64_ext_fpint.c - FP to integral values of a fixed integer range:
 * FEAT_JSCVT's FJCVTZS (JavaScript's ToInt32: truncate, wrap modulo 2^32,
 * Z set when the conversion was exact and in range; Arm ARM J1
 * FPToFixedJS) and FEAT_FRINTTS's FRINT32Z/X and FRINT64Z/X (round to an
 * integral value that fits in an int32/int64, else the most negative such
 * integer as FP with Invalid Operation; Arm ARM J1 FPRoundIntN).
 *
 * Both unpack with FPCR.FZ (a flushed input raises IDC) and raise the FPSR
 * cumulative flags as the pseudocode does; the rounding itself is the exact
 * software FP of a64_fp_round.c.
 */
#include "a64_ext.h"
#include "a64_helpers.h"

static struct a64_cpu *a64(struct cpu *c) {
  return (struct a64_cpu *)c;
}

/* ---- FJCVTZS ---- */

/* The low 32 bits of |v| truncated toward zero (v finite, nonzero);
 * *frac when bits were lost, *big when |v| >= 2^32. */
static uint32_t trunc_low32(struct a64_fpv v, bool *frac, bool *big) {
  *frac = false, *big = v.exp >= 32;
  if (v.exp < 0) {
    *frac = true;
    return 0;
  }
  if (v.exp >= 63)
    return v.exp - 63 >= 32 ? 0 : (uint32_t)(v.mant << (v.exp - 63));
  unsigned shift = 63 - (unsigned)v.exp;
  *frac = (v.mant & ((1ull << shift) - 1)) != 0;
  return (uint32_t)(v.mant >> shift);
}

/* FPToFixedJS(op, fpcr, TRUE) for a double: the result, and Z in *z. */
static uint32_t fp_to_fixed_js(struct a64_cpu *a, uint64_t x, bool *z) {
  struct a64_fpv v = a64_fp_unpack(a, x, 3, false);
  bool frac, big;
  *z = true;
  if (v.type == A64_FPT_QNAN || v.type == A64_FPT_SNAN || v.type == A64_FPT_INF) {
    a->fpsr |= A64_FPSR_IOC; /* Inf is out of range, and its result is 0 */
    *z = false;
    return 0;
  }
  /* -0 and denormals flushed by FZ are not exact (qemu-aarch64 before 9.1
   * sets Z for the positive ones: its issue 2375) */
  if (v.type == A64_FPT_ZERO) {
    *z = !v.sign && !(x & ((1ull << 52) - 1));
    return 0;
  }
  uint32_t mag = trunc_low32(v, &frac, &big);
  if (big || mag > (v.sign ? 0x80000000u : 0x7fffffffu)) {
    a->fpsr |= A64_FPSR_IOC;
    *z = false;
  } else if (frac) {
    a->fpsr |= A64_FPSR_IXC;
    *z = false;
  }
  return v.sign ? 0 - mag : mag;
}

/* 0 00 11110 01 1 11 110 000000 Rn Rd: FJCVTZS Wd, Dn; NZCV = 0:Z:00 */
static uint64_t h_fjcvtzs(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  unsigned rd = a64_bits((uint32_t)insn, 0, 5), rn = a64_bits((uint32_t)insn, 5, 5);
  bool z;
  (void)pc, (void)unused;
  uint32_t r = fp_to_fixed_js(a, a->v[rn][0], &z);
  a64_set_nzcv_c(a, z ? 4 : 0);
  if (rd != 31)
    a->x[rd] = r;
  return 0;
}

bool trans_ext_fjcvtzs(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  (void)insn;
  return a64_simd_call(s, h_fjcvtzs);
}

/* ---- FRINT32Z, FRINT32X, FRINT64Z, FRINT64X ---- */

/* -2^(intsize-1) as a single (esz 2) or double (esz 3). */
static uint64_t int_min_fp(unsigned esz, unsigned intsize) {
  if (esz == 2)
    return 1ull << 31 | (uint64_t)(126 + intsize) << 23;
  return 1ull << 63 | (uint64_t)(1022 + intsize) << 52;
}

/* FPRoundIntN(x, FPCR, rounding, intsize) for a single or double x. */
static uint64_t round_int_n(struct a64_cpu *a, uint64_t x, unsigned esz, unsigned rounding,
                            unsigned intsize) {
  struct a64_fpv v = a64_fp_unpack(a, x, esz, false);
  if (v.type != A64_FPT_NUM && v.type != A64_FPT_ZERO) { /* NaN, Inf */
    a->fpsr |= A64_FPSR_IOC;
    return int_min_fp(esz, intsize);
  }
  uint32_t fpsr = a->fpsr;
  uint64_t r = a64_fp_round_int(a, v, x, esz, rounding, true); /* raises IXC when inexact */
  struct a64_fpv rv = a64_fp_unpack(a, r, esz, false);
  bool is_min = rv.sign && rv.exp == (int)intsize - 1 && rv.mant == 1ull << 63;
  if (rv.type == A64_FPT_NUM && rv.exp >= (int)intsize - 1 && !is_min) {
    a->fpsr = fpsr | A64_FPSR_IOC; /* overflow: Invalid Operation, not Inexact */
    return int_min_fp(esz, intsize);
  }
  return r;
}

/* Opcode bit 1 selects the 64-bit range, bit 0 FPCR rounding (X) over zero (Z). */
static uint64_t frint_lane(struct a64_cpu *a, uint64_t x, unsigned esz, unsigned op) {
  unsigned rounding = op & 1 ? a64_fp_rmode(a) : A64_RZ;
  return round_int_n(a, x, esz, rounding, op & 2 ? 64 : 32);
}

/* 000 11110 0 ftype 1 0100 op(2) 10000 Rn Rd: FRINT32Z (op 00), FRINT32X (01),
 * FRINT64Z (10), FRINT64X (11) Sd, Sn / Dd, Dn */
static uint64_t h_frintts(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  unsigned rd = a64_bits((uint32_t)insn, 0, 5), rn = a64_bits((uint32_t)insn, 5, 5);
  unsigned esz = 2 + a64_bits((uint32_t)insn, 22, 1), op = a64_bits((uint32_t)insn, 15, 2);
  (void)pc, (void)unused;
  uint64_t x = a->v[rn][0] & a64_emask(esz);
  a64_vset_scalar(a, rd, frint_lane(a, x, esz, op), esz);
  return 0;
}

bool trans_ext_frintts(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  (void)insn;
  return a64_simd_call(s, h_frintts);
}

/* 0 Q U 01110 0 sz 10000 1111 op 10 Rn Rd: FRINT32Z (U=0 op=0), FRINT32X (U=1 op=0),
 * FRINT64Z (U=0 op=1), FRINT64X (U=1 op=1) Vd.<2S|4S|2D>, Vn */
static uint64_t h_frintts_vec(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  struct a64_vop o = a64_vop_of(insn, 12, 1);
  unsigned esz = 2 + (o.esz & 1), op = o.opcode << 1 | o.u;
  uint8_t res[16] = {0};
  (void)pc, (void)unused;
  for (unsigned e = 0; e < (o.q ? 16u : 8u) >> esz; e++)
    a64_set_lane(res, esz, e, frint_lane(a, a64_lane(a64_vreg(a, o.rn), esz, e), esz, op));
  a64_vset(a, o.rd, res, o.q);
  return 0;
}

bool trans_ext_frintts_vec(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  bool sz = a64_bits(insn, 22, 1), q = a64_bits(insn, 30, 1);
  return (q || !sz) && a64_simd_call(s, h_frintts_vec);
}
