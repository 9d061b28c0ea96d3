/* a64_vfp_minmax.c - FMAX FMIN FMAXNM FMINNM (scalar, vector, pairwise) and
 * FMAXV FMINV FMAXNMV FMINNMV as the IR's VFMAX/VFMIN, speculatively (Arm
 * ARM C7.2, FPMax/FPMin/FPMaxNum/FPMinNum).
 *
 * On operands that are not NaNs all four are the larger (smaller) value
 * with +0 above -0, raise nothing (FZ = 0, which the block's FPCR check
 * makes sure of) and return an operand's own bits, which is what VFMAX and
 * VFMIN do. NaNs differ: the NM forms take the number, the others propagate
 * the NaN, and x86's maxps raises invalid even for a quiet NaN, which
 * cannot be taken back once raised. So the operands are checked first and
 * the instruction leaves for its exact helper when one is a NaN (or the
 * smallest normal, which VFCHK reports too: a harmless extra leave).
 *
 *   fmaxnm v0.4s, v1.4s, v2.4s  ->  deopt.if vfchk n | vfchk m; r = vfmax.f32 n, m
 */
#include "a64_vfp.h"
#include "../../xrun.h"

uint32_t a64_vfp_maxmin(struct a64_ctx *s, bool min, unsigned aux, uint32_t n, uint32_t m) {
  a64_vfp_leave_if(s, n, m, aux, IR_VFCHK_RESULT);
  return ir_vop(s->b, min ? IR_VFMIN : IR_VFMAX, IR_V128, aux, n, m, 0);
}

/* 0 1 1 01110 a 0 11000 opcode(5) 10 Rn Rd: FMAXNMV FMINNMV (01100), FMAXV
 * FMINV (01111) of the four singles (a: min). Arm's Reduce pairs the halves;
 * without NaNs the order does not matter, so lanes 0,1 against 2,3, then
 * lane 0 against lane 1. */
bool trans_vfp_across(struct a64_ctx *s, const struct arg_fp2misc *a) {
  struct ir_block *b = s->b;
  struct a64_vfp_vec o = a64_vfp_vec_2misc(a);
  bool min = a->a;
  unsigned op = o.key & 0x5f; /* without a */
  if ((op != 0x4c && op != 0x4f) || !o.q || o.lg != 2 || !xrun_speculate(s->pc))
    return false;
  uint32_t n = a64_vget(s, o.rn);
  a64_vfp_enter(s);
  a64_vfp_leave_if(s, n, 0, 2 | IR_VF_ALL, IR_VFCHK_RESULT);
  uint32_t hi = ir_vop(b, IR_VZIP2, IR_V128, 3, n, n, 0); /* lanes 2, 3 */
  uint32_t half = ir_vop(b, min ? IR_VFMIN : IR_VFMAX, IR_V128, 2 | IR_VF_HALF, n, hi, 0);
  uint32_t odd = ir_vop(b, IR_VSHRU, IR_V128, 3, half, 0, 32); /* lane 1 */
  ir_put(b, a64_off_v(o.rd),
         ir_vop(b, min ? IR_VFMIN : IR_VFMAX, IR_V128, 2 | IR_VF_ONE, half, odd, 0));
  return true;
}
