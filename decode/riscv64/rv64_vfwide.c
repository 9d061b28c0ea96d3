/* rv64_vfwide.c - V's widening floating-point instructions from SEW 32 to
 * binary64 (spec chapters 13.3, 13.5, 13.7, 14.4): vfwadd, vfwsub and
 * their .w forms, vfwmul, vfwmacc, vfwnmacc, vfwmsac, vfwnmsac, vfwredusum
 * and vfwredosum (in element order). A binary32 operand is first widened
 * exactly (a signalling NaN raises invalid there, and becomes the canonical
 * NaN), as qemu and the spec's "as if" widening do; the operation then
 * rounds once under frm. SEW 16 (Zvfh) is not implemented. */
#include "rv64_fpenv.h"
#include "rv64_vec.h"

enum { RV64_OPFVV_W = 1 };

static uint64_t rv64_widen(uint64_t a, unsigned *fl) {
  return rv64_fp_convert(1, RV64_RNE, a, fl);
}

/* vd 2*LMUL, vs2 LMUL (or 2*LMUL for the .w forms), vs1 LMUL (qemu's
 * vext_check_dss, _ds, _dds, _dd). */
static bool rv64_vfwide_ok(const struct rv64_vinsn *v, bool wide_vs2) {
  if (v->lmul > 2 || !rv64_valign(v->vd, v->lmul + 1) || !rv64_vmok(v, v->vd))
    return false;
  return rv64_vwide_srcs_ok(v, v->funct3 == RV64_OPFVV_W, wide_vs2);
}

static uint64_t rv64_vfwide_elem(unsigned f6, uint64_t a, uint64_t b, uint64_t d, unsigned rm,
                                 unsigned *fl) {
  const uint64_t sign = 1ull << 63;
  switch (f6) {
  case 0x30:
  case 0x34: return rv64_fp_arith(RV64_FADD, 1, rm, a, b, 0, fl);
  case 0x32:
  case 0x36: return rv64_fp_arith(RV64_FSUB, 1, rm, a, b, 0, fl);
  case 0x38: return rv64_fp_arith(RV64_FMUL, 1, rm, a, b, 0, fl);
  default: /* 0x3c..0x3f: vd += b * a with the signs of vfmacc..vfnmsac */
    if (f6 & 1)
      b ^= sign, d ^= sign;
    if (f6 & 2)
      d ^= sign;
    return rv64_fp_arith(RV64_FMADD, 1, rm, b, a, d, fl);
  }
}

static bool rv64_vfwred(struct rv64_vinsn *v, unsigned rm, unsigned *fl) {
  if (!rv64_valign(v->vs2, v->lmul) || v->vstart)
    return false;
  if (v->vl == 0)
    return true;
  uint64_t acc = rv64_vold(v, v->vs1, 0, 3);
  for (uint64_t i = 0; i < v->vl; i++)
    if (rv64_vactive(v, i))
      acc = rv64_fp_arith(RV64_FADD, 1, rm, acc, rv64_widen(rv64_vold(v, v->vs2, i, 2), fl), 0, fl);
  rv64_vput(v->r, v->vd, 0, 3, acc);
  return true;
}

bool rv64_v_fwide(struct rv64_vinsn *v, uint64_t scalar, unsigned rm, unsigned *fl) {
  unsigned f6 = v->funct6;
  if (v->sew != 2)
    return false;
  if (f6 == 0x31 || f6 == 0x33)
    return rv64_vfwred(v, rm, fl);
  bool wide_vs2 = f6 == 0x34 || f6 == 0x36;
  if (!rv64_vfwide_ok(v, wide_vs2))
    return false;
  for (uint64_t i = v->vstart; i < v->vl; i++)
    if (rv64_vactive(v, i)) {
      uint64_t a =
          wide_vs2 ? rv64_vold(v, v->vs2, i, 3) : rv64_widen(rv64_vold(v, v->vs2, i, 2), fl);
      uint64_t b = rv64_widen(v->funct3 == RV64_OPFVV_W ? rv64_vold(v, v->vs1, i, 2) : scalar, fl);
      uint64_t d = rv64_vold(v, v->vd, i, 3);
      rv64_vput(v->r, v->vd, i, 3, rv64_vfwide_elem(f6, a, b, d, rm, fl));
    }
  return true;
}
