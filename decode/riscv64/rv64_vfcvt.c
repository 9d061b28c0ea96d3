/* rv64_vfcvt.c - V's floating-point conversions (VFUNARY0, spec chapters
 * 13.17..13.19) through the scalar FCVT operations of rv64_fpops.c:
 * single-width at SEW 32 and 64, widening from SEW 32 and narrowing to SEW
 * 32 (vfncvt.rod.f.f.w rounds to odd: toward zero, then the last bit set
 * when inexact). The forms that take or give binary16 or 16-bit integers
 * (SEW 16 and 8) are not implemented (SIGILL); those with binary16 need
 * Zvfh, which V alone does not have. */
#include "rv64_fpenv.h"
#include "rv64_vec.h"

/* vs1 of VFUNARY0: bits 4:3 the kind (0 single, 1 widening, 2 narrowing),
 * bits 2:0 the operation. */
enum {
  RV64_VCVT_XU_F,
  RV64_VCVT_X_F,
  RV64_VCVT_F_XU,
  RV64_VCVT_F_X,
  RV64_VCVT_F_F,
  RV64_VCVT_ROD_F_F,
  RV64_VCVT_RTZ_XU_F,
  RV64_VCVT_RTZ_X_F
};

/* Element a (of fmt from_fmt or an integer of from bits) converted; to
 * and from are the log2 byte sizes of the destination and source. */
static uint64_t rv64_vcvt_elem(unsigned op, unsigned to, unsigned from, uint64_t a, unsigned rm,
                               unsigned *fl) {
  bool sign = op & 1;
  if (op >= RV64_VCVT_RTZ_XU_F)
    rm = RV64_RTZ, op -= RV64_VCVT_RTZ_XU_F; /* XU_F or X_F */
  switch (op) {
  case RV64_VCVT_XU_F:
  case RV64_VCVT_X_F: /* to an integer of `to` bytes: kind W/WU or L/LU */
    return rv64_fp_to_int((to == 3 ? 2 : 0) + !sign, from == 3, rm, a, fl);
  case RV64_VCVT_F_XU:
  case RV64_VCVT_F_X: return rv64_fp_from_int((from == 3 ? 2 : 0) + !sign, to == 3, rm, a, fl);
  case RV64_VCVT_F_F: return rv64_fp_convert(to == 3, rm, a, fl);
  default: { /* round to odd, binary64 to binary32 */
    unsigned f = 0;
    uint64_t r = rv64_fp_convert(0, RV64_RTZ, a, &f);
    *fl |= f;
    return f & RV64_NX && (r & 0x7f800000u) != 0x7f800000u ? r | 1 : r;
  }
  }
}

/* Which operations each kind has (bit per operation). */
static bool rv64_vcvt_valid(unsigned kind, unsigned op) {
  static const unsigned char ops[3] = {0xcf, 0xdf, 0xff};
  return kind < 3 && (ops[kind] >> op & 1);
}

static bool rv64_vcvt_ok(const struct rv64_vinsn *v, unsigned kind) {
  if (kind == 0)
    return rv64_vmok(v, v->vd) && rv64_valign(v->vd, v->lmul) && rv64_valign(v->vs2, v->lmul);
  if (v->sew != 2 || v->lmul > 2 || !rv64_vmok(v, v->vd))
    return false;
  if (kind == 1)
    return rv64_valign(v->vd, v->lmul + 1) && rv64_valign(v->vs2, v->lmul) &&
           rv64_vnoover(v->vd, v->lmul + 1, v->vs2, v->lmul);
  return rv64_valign(v->vs2, v->lmul + 1) && rv64_valign(v->vd, v->lmul) &&
         (v->vd == v->vs2 || rv64_vnoover(v->vd, v->lmul, v->vs2, v->lmul + 1));
}

bool rv64_v_fcvt(struct rv64_vinsn *v, unsigned rm, unsigned *fl) {
  unsigned kind = v->vs1 >> 3, op = v->vs1 & 7;
  if (!rv64_vcvt_valid(kind, op) || !rv64_vcvt_ok(v, kind))
    return false;
  unsigned to = kind == 1 ? v->sew + 1 : v->sew, from = kind == 2 ? v->sew + 1 : v->sew;
  for (uint64_t i = v->vstart; i < v->vl; i++)
    if (rv64_vactive(v, i)) {
      uint64_t a = rv64_vold(v, v->vs2, i, from);
      rv64_vput(v->r, v->vd, i, to, rv64_vtrunc(rv64_vcvt_elem(op, to, from, a, rm, fl), to));
    }
  return true;
}
