/* a64_vfp_round.c - FRINT[NMPZXI] and FCVT[NMP][SU] as the IR's VFROUND,
 * speculatively (Arm ARM C7.2, FPRoundInt and FPToFixed).
 *
 * FRINT: rounding to an integral value in a fixed direction is exact, and
 * VFROUND raises what FPRoundInt does: invalid for a signalling NaN (which
 * it quiets, as FPProcessNaN does; a quiet NaN passes unchanged), inexact
 * only for FRINTX. FRINTX and FRINTI round as FPCR says, which is RN under
 * the block's FPCR check. So there is nothing to check. FRINTA (ties away)
 * has no SSE form and stays with the helper.
 *
 * FCVT[NMP][SU]: the value rounded in the direction, then converted (by
 * VFTOS/VFTOU, exactly: it is integral). Arm raises IXC when the rounding
 * was inexact, but IOC alone when the result does not fit (or is a NaN).
 * So the lanes whose rounded value does not fit are rounded again from
 * that integral value (which raises nothing) and the others from the
 * operand with inexact, before the saturating conversion raises invalid
 * for the ones that do not fit. The range compares raise invalid for a NaN
 * lane, as Arm's conversion of a NaN does; nothing needs to leave.
 * FCVTA[SU] (ties away) stay with the helper.
 *
 *   fcvtms w0, d1  ->  r = vfround.f64.one n, rm
 *                      out = vfcmpge r, 2^31 | vfcmpgt -2^31, r
 *                      w0 = vftos.i32 (vfround.f64.one (out ? r : n), rm, inexact)
 */
#include "a64_vfp.h"

uint32_t a64_vfp_frint(struct a64_ctx *s, unsigned aux, uint32_t n, unsigned mode) {
  return ir_vop(s->b, IR_VFROUND, IR_V128, aux, n, 0, mode);
}

/* 2^e, and -2^e, as binary32/64 (lg). */
static uint64_t vfp_pow2(unsigned lg, unsigned e, bool neg) {
  if (lg == 3)
    return (uint64_t)neg << 63 | (uint64_t)(1023 + e) << 52;
  return (uint64_t)neg << 31 | (uint64_t)(127 + e) << 23;
}

/* The lanes of r (integral or NaN) in aux's extent that do not fit an
 * integer of bits: all ones there, else 0. A NaN lane raises invalid. */
static uint32_t vfp_out_of_range(struct a64_ctx *s, unsigned aux, uint32_t r, unsigned bits,
                                 bool is_unsigned) {
  struct ir_block *b = s->b;
  unsigned lg = aux & 3;
  uint32_t hi = a64_vfp_splat(s, aux, vfp_pow2(lg, bits - !is_unsigned, false));
  uint32_t lo =
      is_unsigned ? ir_vconst(b, 0, 0) : a64_vfp_splat(s, aux, vfp_pow2(lg, bits - 1, true));
  uint32_t above = ir_vop(b, IR_VFCMPGE, IR_V128, aux, r, hi, 0);
  uint32_t below = ir_vop(b, IR_VFCMPGT, IR_V128, aux, lo, r, 0);
  return ir_vop(b, IR_VOR, IR_V128, 0, above, below, 0);
}

uint32_t a64_vfp_fcvt_int(struct a64_ctx *s, unsigned aux, uint32_t n, unsigned mode,
                          bool is_unsigned, enum ir_type type) {
  struct ir_block *b = s->b;
  unsigned bits = type == IR_I32 ? 32 : type == IR_I64 ? 64 : 8u << (aux & 3);
  uint32_t r = ir_vop(b, IR_VFROUND, IR_V128, aux, n, 0, mode);
  uint32_t out = vfp_out_of_range(s, aux, r, bits, is_unsigned);
  uint32_t x = ir_vop(b, IR_VOR, IR_V128, 0, ir_vop(b, IR_VAND, IR_V128, 0, r, out, 0),
                      ir_vop(b, IR_VANDN, IR_V128, 0, n, out, 0), 0);
  r = ir_vop(b, IR_VFROUND, IR_V128, aux, x, 0, mode | IR_VF_RINEXACT);
  return ir_vop(b, is_unsigned ? IR_VFTOU : IR_VFTOS, type, aux, r, 0, 0);
}
