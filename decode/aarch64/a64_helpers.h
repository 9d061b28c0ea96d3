/* a64_helpers.h - private to the AArch64 decoder: the C helpers that
 * translated code calls (through IR CALL) for loads, stores and atomics that
 * do not fit straight-line IR, and for FP/SIMD instructions interpreted on
 * struct a64_cpu.
 *
 *   uint32_t st = ir_call(b, IR_I64, a64_h_stxr[size], addr, value, pc);
 *
 * Every helper that touches guest memory sets cpu->pc to the instruction's
 * pc first, so that a fault inside it is reported at the right guest pc.
 */
#ifndef A64_HELPERS_H
#define A64_HELPERS_H

#include <stdbool.h>
#include <stdint.h>
#include "../../xrun.h"

/* STXR/STLXR of 1 << size bytes: status 0 on success, 1 on failure. */
typedef uint64_t a64_stxr_fn(struct cpu *c, uint64_t addr, uint64_t value, uint64_t pc);
extern a64_stxr_fn *const a64_h_stxr[4];

/* Instruction helpers: uint64_t f(struct cpu *, insn, pc, 0). */
typedef uint64_t a64_insn_helper_fn(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused);
uint64_t a64_h_stxp(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused);
uint64_t a64_h_casp(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused);
uint64_t a64_h_ldst_struct(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused);

/* Decode checks shared by the trans_ functions and the helpers. */
bool a64_struct_multi_ok(uint32_t insn);
bool a64_struct_single_ok(uint32_t insn);

struct a64_ctx;
/* Scalar FP (a64_fp.c): the classes with bits 28:25 = 1111 and bit 30 = 0. */
/* VFPExpandImm: the FMOV immediate imm8 as single (ftype 0) or double bits. */
uint64_t a64_vfp_expand_imm(unsigned imm8, unsigned ftype);

/* ---- Advanced SIMD and FP lanes (a64_simd*.c, a64_fp*.c) ----
 * A vector is 16 bytes, little-endian; element i of log2 size esz is at
 * byte i << esz. Helpers interpret one instruction on struct a64_cpu:
 *
 *   struct a64_vop o = a64_vop_of(insn, 11, 5);   // fields of the common shape
 *   uint64_t x = a64_lane(a64_vreg(a, o.rn), o.esz, i);
 */
struct a64_cpu;

static inline uint64_t a64_lane(const uint8_t *v, unsigned esz, unsigned i) {
  uint64_t x = 0;
  __builtin_memcpy(&x, v + (i << esz), 1u << esz);
  return x;
}
static inline int64_t a64_slane(const uint8_t *v, unsigned esz, unsigned i) {
  unsigned sh = 64 - (8u << esz);
  return (int64_t)(a64_lane(v, esz, i) << sh) >> sh;
}
static inline void a64_set_lane(uint8_t *v, unsigned esz, unsigned i, uint64_t x) {
  __builtin_memcpy(v + (i << esz), &x, 1u << esz);
}
static inline uint64_t a64_emask(unsigned esz) {
  return esz >= 3 ? ~0ull : (1ull << (8u << esz)) - 1;
}
static inline int64_t a64_sext(uint64_t x, unsigned esz) {
  unsigned sh = 64 - (8u << esz);
  return (int64_t)(x << sh) >> sh;
}

/* The fields most AdvSIMD classes share: 0 Q U 0111x size ... Rm ... Rn Rd.
 * In the scalar classes (bit 28 set) there is one element and no high half. */
struct a64_vop {
  unsigned rd, rn, rm, q, u, esz, opcode, elems;
  bool scalar;
};
struct a64_vop a64_vop_of(uint64_t insn, unsigned opcode_pos, unsigned opcode_len);
const uint8_t *a64_vreg(const struct a64_cpu *a, unsigned r);
/* Write a 16-byte result; Q=0 keeps only the low 8 bytes. */
void a64_vset(struct a64_cpu *a, unsigned r, const uint8_t *res, bool q);
/* Write only the low 1 << esz bytes and clear the rest (scalar results). */
void a64_vset_scalar(struct a64_cpu *a, unsigned r, uint64_t x, unsigned esz);
/* Saturate v to a signed or unsigned element of esz, setting FPSR.QC on a clamp. */
uint64_t a64_sat(struct a64_cpu *a, __int128 v, unsigned esz, bool is_unsigned);
/* Emit the call of an instruction helper; returns true. */
bool a64_simd_call(struct a64_ctx *s, a64_insn_helper_fn *h);

/* FPCR and FPSR bits the FP helpers use (Arm ARM D13.2.48, D13.2.51). */
enum {
  A64_FPCR_RMODE = 3u << 22,
  A64_FPCR_FZ = 1u << 24,
  A64_FPCR_DN = 1u << 25,
  A64_FPCR_AHP = 1u << 26,
  A64_FPSR_IOC = 1u << 0, /* invalid operation */
  A64_FPSR_DZC = 1u << 1, /* divide by zero */
  A64_FPSR_OFC = 1u << 2, /* overflow */
  A64_FPSR_UFC = 1u << 3, /* underflow (tiny before rounding, and inexact or flushed) */
  A64_FPSR_IXC = 1u << 4, /* inexact */
  A64_FPSR_IDC = 1u << 7, /* input denormal flushed to zero */
};
/* Rounding: FPCR.RMode values, then ties away (FCVTA*, FRINTA) and to odd (FCVTXN). */
enum { A64_RN, A64_RP, A64_RM, A64_RZ, A64_RA, A64_RO };

/* Exact FP in software (a64_fp_round.c). A value: its type, sign, and for
 * A64_FPT_NUM |value| = mant * 2^(exp - 63) with bit 63 of mant set (bit 0
 * may be a sticky bit standing for lost nonzero bits). */
enum { A64_FPT_ZERO, A64_FPT_NUM, A64_FPT_INF, A64_FPT_QNAN, A64_FPT_SNAN };
struct a64_fpv {
  unsigned type;
  bool sign;
  int exp;
  uint64_t mant;
};
/* FPCR.RMode. */
unsigned a64_fp_rmode(const struct a64_cpu *a);
/* FPUnpack of an element: FZ flushes single and double denormals (IDC);
 * ahp reads half in the alternative format. */
struct a64_fpv a64_fp_unpack(struct a64_cpu *a, uint64_t x, unsigned esz, bool ahp);
/* FPRound of a nonzero finite value, with FZ, AHP (half) and the FPSR flags. */
uint64_t a64_fp_round(struct a64_cpu *a, struct a64_fpv v, unsigned esz, unsigned rmode);
/* Exact (or sticky) results on nonzero finite values; an exact zero sum
 * comes back as A64_FPT_ZERO signed by rmode. muladd takes zero operands. */
struct a64_fpv a64_fpv_add(struct a64_fpv x, struct a64_fpv y, unsigned rmode);
struct a64_fpv a64_fpv_mul(struct a64_fpv x, struct a64_fpv y);
struct a64_fpv a64_fpv_div(struct a64_fpv x, struct a64_fpv y);
struct a64_fpv a64_fpv_sqrt(struct a64_fpv x);
struct a64_fpv a64_fpv_muladd(struct a64_fpv acc, struct a64_fpv x, struct a64_fpv y,
                              unsigned rmode);
/* FPRoundInt of a zero or finite v (the bits x); exact raises IXC (FRINTX). */
uint64_t a64_fp_round_int(struct a64_cpu *a, struct a64_fpv v, uint64_t x, unsigned esz,
                          unsigned rounding, bool exact);

/* FP on element bits (a64_fp_lane.c); esz 1 half, 2 single, 3 double.
 * Arm's semantics throughout: NaNs by FPProcessNaN(s), FPCR RMode, FZ, DN
 * and AHP, and the cumulative exception flags ORed into FPSR. */
enum a64_fp2 {
  A64_FADD,
  A64_FSUB,
  A64_FMUL,
  A64_FDIV,
  A64_FMAX,
  A64_FMIN,
  A64_FMAXNM,
  A64_FMINNM,
  A64_FNMUL,
  A64_FMULX,
  A64_FABD,
  A64_FRECPS,
  A64_FRSQRTS,
  A64_FCMEQ,
  A64_FCMGE,
  A64_FCMGT,
  A64_FACGE,
  A64_FACGT
};
enum a64_fp1 {
  A64_FABS,
  A64_FNEG,
  A64_FSQRT,
  A64_FRECPE,
  A64_FRSQRTE,
  A64_FRECPX,
  A64_FRINTN,
  A64_FRINTP,
  A64_FRINTM,
  A64_FRINTZ,
  A64_FRINTA,
  A64_FRINTX,
  A64_FRINTI
};
uint64_t a64_fp_op2(struct a64_cpu *a, enum a64_fp2 op, uint64_t x, uint64_t y, unsigned esz);
uint64_t a64_fp_op1(struct a64_cpu *a, enum a64_fp1 op, uint64_t x, unsigned esz);
/* acc + x*y (neg: acc - x*y) with one rounding, FPMulAdd. */
uint64_t a64_fp_muladd(struct a64_cpu *a, uint64_t acc, uint64_t x, uint64_t y, bool neg,
                       unsigned esz);
/* FPCompare: NZCV as 0011 unordered, 0110 equal, 1000 less, 0010 greater;
 * signal (FCMPE) raises IOC for quiet NaNs too. */
unsigned a64_fp_compare(struct a64_cpu *a, uint64_t x, uint64_t y, unsigned esz, bool signal);
/* FPConvert between sizes (round_odd: FCVTXN). */
uint64_t a64_fp_convert(struct a64_cpu *a, uint64_t x, unsigned from, unsigned to, bool round_odd);
/* FPToFixed: rounding A64_RN..A64_RA; to an integer of esz_out, saturating (IOC). */
uint64_t a64_fp_to_fixed(struct a64_cpu *a, uint64_t x, unsigned esz, unsigned fbits,
                         unsigned rounding, bool is_unsigned, unsigned esz_out);
/* FixedToFP: the integer x of esz_in (signed unless is_unsigned) / 2^fbits,
 * rounded by FPCR.RMode. */
uint64_t a64_fixed_to_fp(struct a64_cpu *a, uint64_t x, unsigned esz_in, unsigned fbits,
                         bool is_unsigned, unsigned esz);
/* The fast path (a64_fp_fast.c), tried first by the functions above: under
 * FPCR RMode = RN, FZ = 0, DN = 0, on single or double operands that are not
 * NaNs, the host's SSE result with Arm's flags; false when the exact path
 * must decide (invalid operations, results or operands near underflow).
 * op2: FADD FSUB FMUL FDIV and the max/min forms; to_int rounds to zero. */
bool a64_fast_op2(struct a64_cpu *a, enum a64_fp2 op, uint64_t x, uint64_t y, unsigned esz,
                  uint64_t *res);
bool a64_fast_sqrt(struct a64_cpu *a, uint64_t x, unsigned esz, uint64_t *res);
bool a64_fast_compare(struct a64_cpu *a, uint64_t x, uint64_t y, unsigned esz, unsigned *nzcv);
bool a64_fast_to_int(struct a64_cpu *a, uint64_t x, unsigned esz, unsigned fbits, bool is_unsigned,
                     unsigned esz_out, uint64_t *res);
bool a64_fast_from_int(struct a64_cpu *a, uint64_t x, unsigned esz_in, unsigned fbits,
                       bool is_unsigned, unsigned esz, uint64_t *res);
/* The integer estimates URECPE / URSQRTE of a 32-bit lane. */
uint32_t a64_urecpe(uint32_t x);
uint32_t a64_ursqrte(uint32_t x);

/* Classes of a64_simd_*.c that the table in a64_simd.c dispatches to. */
bool a64_trans_3same_int(struct a64_ctx *s, uint32_t insn);
bool a64_trans_3same_fp(struct a64_ctx *s, uint32_t insn);
bool a64_trans_elem_int(struct a64_ctx *s, uint32_t insn);
bool a64_trans_elem_fp(struct a64_ctx *s, uint32_t insn);
/* By element: the index and Rm for element size esz (size 01: H:L:M and
 * Rm<3:0>; size 10: H:L and M:Rm; size 11: H and M:Rm). */
void a64_elem_index(uint32_t insn, unsigned esz, unsigned *index, unsigned *rm);
/* Cryptographic Extension (a64_crypto.c): AES, three- and two-register SHA. */

#endif
