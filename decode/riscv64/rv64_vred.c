/* rv64_vred.c - V's integer reductions (spec chapter 14.1, 14.2):
 * vd[0] = vs1[0] op the active elements of vs2 below vl; vwredsum(u) sum
 * into 2*SEW. With vl = 0 nothing is written. */
#include "rv64_valu.h"
#include "rv64_vec.h"

/* OPMVV funct6 0..7: vredsum, and, or, xor, minu, min, maxu, max. */
static unsigned rv64_vred_op(unsigned f6) {
  static const unsigned char ops[8] = {RV64_VADD,  RV64_VAND, RV64_VOR,   RV64_VXOR,
                                       RV64_VMINU, RV64_VMIN, RV64_VMAXU, RV64_VMAX};
  return ops[f6];
}

bool rv64_v_red(struct rv64_vinsn *v, bool *done) {
  unsigned f6 = v->funct6;
  bool wide = v->funct3 == RV64_OPIVV && (f6 == 0x30 || f6 == 0x31);
  *done = wide || (v->funct3 == RV64_OPMVV && f6 <= 7);
  if (!*done || !rv64_vtype_ok(v))
    return false;
  if (!rv64_valign(v->vs2, v->lmul) || v->vstart || (wide && v->sew >= 3))
    return false;
  unsigned e = v->sew, w = wide ? e + 1 : e, op = wide ? RV64_VADD : rv64_vred_op(f6);
  uint64_t acc = rv64_vold(v, v->vs1, 0, w);
  if (v->vl == 0)
    return true;
  for (uint64_t i = 0; i < v->vl; i++)
    if (rv64_vactive(v, i)) {
      uint64_t x = rv64_vold(v, v->vs2, i, e);
      if (wide && (f6 & 1))
        x = rv64_vtrunc((uint64_t)rv64_vsext(x, e), w);
      acc = rv64_valu(op, acc, x, w);
    }
  rv64_vput(v->r, v->vd, 0, w, acc);
  return true;
}
