/* a64_vfp_cond.c - FCSEL and FCCMP/FCCMPE, single and double (Arm ARM C7.2).
 *
 * FCSEL only moves bits: integer IR, no speculation. FCCMP compares when the
 * condition holds and otherwise sets NZCV to its immediate; the compare
 * raises nothing for operands that are not NaNs, so after leaving for the
 * helper on a NaN operand (or the smallest normal, which VFCHK reports
 * too) VFCMP can run whatever the condition, and a SELECT picks its NZCV
 * or the immediate.
 *
 *   fcsel d0, d1, d2, ne  ->  d0 = select cond.ne nzcv, d1.lo, d2.lo; d0.hi = 0
 */
#include "a64_vfp.h"
#include "../../xrun.h"

/* M 0 S 11110 ftype 1 Rm cond 11 Rn Rd: FCSEL */
bool trans_vfp_fcsel(struct a64_ctx *s, const struct arg_vfp_fcsel *a) {
  struct ir_block *b = s->b;
  unsigned lg = a64_vfp_ftype_lg(a->ftype);
  if (!lg)
    return false;
  enum ir_type t = lg == 3 ? IR_I64 : IR_I32;
  uint32_t c = ir_cond(b, (enum ir_cc)a->cond, a64_get_nzcv(s));
  uint32_t x = ir_select(b, t, c, ir_get(b, t, a64_off_v(a->rn)), ir_get(b, t, a64_off_v(a->rm)));
  if (t == IR_I32)
    x = ir_ext(b, IR_ZEXT, IR_I64, x, 32);
  ir_put(b, a64_off_v(a->rd), x);
  ir_put(b, a64_off_v(a->rd) + 8, ir_const(b, IR_I64, 0));
  return true;
}

/* M 0 S 11110 ftype 1 Rm cond 01 Rn op nzcv: FCCMP, FCCMPE (op: invalid for
 * quiet NaNs too). */
bool trans_vfp_fccmp(struct a64_ctx *s, const struct arg_vfp_fccmp *a) {
  struct ir_block *b = s->b;
  unsigned lg = a64_vfp_ftype_lg(a->ftype), aux = lg | IR_VF_ONE;
  if (!lg || !xrun_speculate(s->pc))
    return false;
  uint32_t n = a64_vget(s, a->rn), m = a64_vget(s, a->rm);
  uint32_t c = ir_cond(b, (enum ir_cc)a->cond, a64_get_nzcv(s));
  a64_vfp_enter(s);
  a64_vfp_leave_if(s, n, m, aux, IR_VFCHK_RESULT);
  uint32_t cmp = ir_vop(b, IR_VFCMP, IR_I32, aux, n, m, a->e);
  a64_set_nzcv(s, ir_select(b, IR_I32, c, cmp, ir_const(b, IR_I32, a->nzcv)));
  return true;
}
