/* a64_vfp.h - private to the speculative FP translation (a64_vfp*.c): the
 * FPCR and result checks every speculative op goes through, the fields of
 * the FP encodings, and the parts that a64_vfp.c's pattern table reaches in
 * the other files.
 *
 *   a64_vfp_enter(s);                                  // FPCR as the host's, once a block
 *   uint32_t r = ir_vop(s->b, IR_VFADD, IR_V128, aux, n, m, 0);
 *   ir_put(s->b, a64_off_v(rd), a64_vfp_check(s, r, aux)); // leave on a NaN or tiny result
 */
#ifndef A64_VFP_H
#define A64_VFP_H

#include "a64.h"

/* a64_vfp.c: leave unless FPCR asks for what the host does (once per block). */
void a64_vfp_enter(struct a64_ctx *s);
/* Leave before the instruction writes anything if r, a VF result of aux, has
 * a lane where Arm's result or flags may differ (a NaN, +-min normal). */
uint32_t a64_vfp_check(struct a64_ctx *s, uint32_t r, unsigned aux);
/* Leave if a lane in aux's extent of x, or of y (0: none), is unusual as
 * kind says (enum ir_vf_check). */
void a64_vfp_leave_if(struct a64_ctx *s, uint32_t x, uint32_t y, unsigned aux,
                      enum ir_vf_check kind);
/* Leave if a lane in aux's extent of a VF compare's mask is true. */
void a64_vfp_leave_if_any(struct a64_ctx *s, uint32_t mask, unsigned aux);
/* The constant with the lane bits in each lane of aux's extent, 0 elsewhere. */
uint32_t a64_vfp_splat(struct a64_ctx *s, unsigned aux, uint64_t lane);

/* The scalar FP registers: M 0 S 11110 ftype ... (Arm ARM C4.1.96). */
struct a64_vfp_regs {
  unsigned rd, rn, rm, ra;
};
/* ftype 00 single, 01 double: the lane size; 0 for half and reserved. */
unsigned a64_vfp_ftype_lg(unsigned ftype);

/* Advanced SIMD: 0 Q U 01110 a sz ... (scalar: 01 U 11110 a sz ...). */
struct a64_vfp_vec {
  unsigned rd, rn, rm, q, lg, key; /* key = U:a:opcode */
  bool scalar;
};
/* The fields of the @fp2misc format (two-register misc, pairwise, across). */
struct a64_vfp_vec a64_vfp_vec_2misc(const struct arg_fp2misc *a);
/* The aux of a vector or scalar form; 0 for reserved encodings and for the
 * binary32 division of half a vector, which the IR does not have. */
unsigned a64_vfp_form_aux(struct a64_vfp_vec o);

/* a64_vfp_minmax.c: FMAX FMIN FMAXNM FMINNM on the lanes of aux, leaving
 * first when an operand lane is a NaN. */
uint32_t a64_vfp_maxmin(struct a64_ctx *s, bool min, unsigned aux, uint32_t n, uint32_t m);

/* a64_vfp_round.c: FRINT[NMPZXI] (mode: enum ir_vf_round with
 * IR_VF_RINEXACT for FRINTX), FCVT[NMP][SU] into integers of type (IR_V128:
 * lanes of the same size) by the rounding mode. */
uint32_t a64_vfp_frint(struct a64_ctx *s, unsigned aux, uint32_t n, unsigned mode);
uint32_t a64_vfp_fcvt_int(struct a64_ctx *s, unsigned aux, uint32_t n, unsigned mode,
                          bool is_unsigned, enum ir_type type);

#endif
