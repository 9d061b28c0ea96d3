/* a64_vec.h - private to the A64 SIMD translation to vector IR (a64_vec*.c):
 * the fields the Advanced SIMD classes share and the small IR builders they
 * all use.
 *
 *   struct vec o = vec_of(insn);
 *   a64_vput(s, o.rd, vop2(s, IR_VADD, o.esz, a64_vget(s, o.rn), a64_vget(s, o.rm)), o.q);
 */
#ifndef A64_VEC_H
#define A64_VEC_H

#include "a64.h"

/* The fields most classes share: 0 Q U 0111x size ... Rm ... Rn Rd. */
struct vec {
  unsigned q, u, esz, rd, rn, rm;
};

static inline struct vec vec_of(uint32_t insn) {
  return (struct vec){a64_bits(insn, 30, 1), a64_bits(insn, 29, 1), a64_bits(insn, 22, 2),
                      a64_bits(insn, 0, 5),  a64_bits(insn, 5, 5),  a64_bits(insn, 16, 5)};
}

static inline uint32_t vop2(struct a64_ctx *s, enum ir_op op, unsigned esz, uint32_t x,
                            uint32_t y) {
  return ir_vop(s->b, op, IR_V128, esz, x, y, 0);
}

static inline uint32_t vop1(struct a64_ctx *s, enum ir_op op, unsigned esz, uint32_t x,
                            uint64_t imm) {
  return ir_vop(s->b, op, IR_V128, esz, x, 0, imm);
}

static inline uint32_t vzero(struct a64_ctx *s) {
  return ir_vconst(s->b, 0, 0);
}

static inline uint32_t vnot(struct a64_ctx *s, uint32_t x) {
  return vop1(s, IR_VNOT, 0, x, 0);
}

/* x in every lane of log2 size esz of a 64-bit word. */
static inline uint64_t vec_rep(unsigned esz, uint64_t x) {
  uint64_t r = 0;
  for (unsigned k = 0; k < 64; k += 8u << esz)
    r |= x << k;
  return r;
}

/* Vr with its high half moved down when q (the "2" forms read that half). */
static inline uint32_t vget_half(struct a64_ctx *s, unsigned r, unsigned q) {
  uint32_t v = a64_vget(s, r);
  return q ? vop2(s, IR_VZIP2, 3, v, v) : v;
}

/* Vd = the wide lanes of r narrowed to esz, into the half of Vd that q picks
 * (XTN2, SHRN2, ADDHN2 keep the low half). */
static inline void vput_narrow(struct a64_ctx *s, unsigned rd, unsigned esz, uint32_t r,
                               unsigned q) {
  r = vop1(s, IR_VNARROW, esz, r, 0);
  if (q)
    r = vop2(s, IR_VZIP1, 3, a64_vget(s, rd), r);
  a64_vput(s, rd, r, 1);
}

/* a64_vec_sat.c: the saturating forms, which set FPSR.QC. */
bool trans_vsat_3same(struct a64_ctx *s, uint32_t insn);
bool trans_vsat_3same_scalar(struct a64_ctx *s, uint32_t insn);
bool trans_vsat_2misc(struct a64_ctx *s, uint32_t insn);
bool trans_vsat_2misc_scalar(struct a64_ctx *s, uint32_t insn);
bool trans_vsat_shift(struct a64_ctx *s, uint32_t insn);
bool trans_vsat_shift_scalar(struct a64_ctx *s, uint32_t insn);
bool trans_vsat_elem(struct a64_ctx *s, uint32_t insn);
bool trans_vsat_elem_scalar(struct a64_ctx *s, uint32_t insn);

/* a64_vec_arith.c: halving, absolute difference, pairwise long, rounding and
 * inserting shifts, the integer by-element class, [SU][R]SHL by register. */
bool trans_vec_arith_3same(struct a64_ctx *s, uint32_t insn);
bool trans_vec_arith_2misc(struct a64_ctx *s, uint32_t insn);
bool trans_vec_elem(struct a64_ctx *s, uint32_t insn);
bool trans_vec_arith_shift(struct a64_ctx *s, uint32_t insn);
bool trans_vec_arith_shift_scalar(struct a64_ctx *s, uint32_t insn);
bool trans_vec_shift_reg(struct a64_ctx *s, uint32_t insn);
bool trans_vec_shift_reg_scalar(struct a64_ctx *s, uint32_t insn);

/* a64_vec_crypto.c: AESE AESD AESMC AESIMC, PMULL/PMULL2 of 64-bit lanes. */
bool trans_vec_aes(struct a64_ctx *s, uint32_t insn);
bool trans_vec_pmull64(struct a64_ctx *s, uint32_t insn);

/* a64_vec_sha.c: SHA256H SHA256H2 SHA256SU0 SHA256SU1, SHA1H SHA1SU0 SHA1SU1, EOR3
 * BCAX XAR RAX1. */
bool trans_vec_sha_3reg(struct a64_ctx *s, uint32_t insn);
bool trans_vec_sha_2reg(struct a64_ctx *s, uint32_t insn);
bool trans_vec_eor3_bcax(struct a64_ctx *s, uint32_t insn);
bool trans_vec_xar(struct a64_ctx *s, uint32_t insn);
bool trans_vec_rax1(struct a64_ctx *s, uint32_t insn);

#endif
