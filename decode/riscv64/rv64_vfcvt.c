/* rv64_vfcvt.c - V's floating-point conversions (VFUNARY0, spec chapters
 * 13.17..13.19) through the scalar FCVT operations of rv64_fpops.c:
 * single-width at SEW 32 and 64, widening from SEW 32 and narrowing to SEW
 * 32 (vfncvt.rod.f.f.w rounds to odd: toward zero, then the last bit set
 * when inexact), and at SEW 16 int16 to binary32 and binary32 to int16.
 * The forms with binary16 need Zvfh, which V alone does not have: SIGILL. */
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

/* binary32 a to a 16-bit integer: as to 32 bits, then saturated; out of
 * range is invalid alone (not inexact), as for FCVT. */
static uint64_t rv64_vcvt_to_int16(bool sign, unsigned rm, uint64_t a, unsigned *fl) {
  unsigned f = 0;
  int64_t x = (int64_t)rv64_fp_to_int(sign ? 0 : 1, 0, rm, a, &f);
  if (!sign)
    x = (int64_t)(uint32_t)x;
  int64_t lo = sign ? -32768 : 0, hi = sign ? 32767 : 65535;
  if (x < lo || x > hi) {
    f = RV64_NV;
    x = x < lo ? lo : hi;
  }
  *fl |= f;
  return (uint64_t)x;
}

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
    if (to == 1)
      return rv64_vcvt_to_int16(sign, rm, a, fl);
    return rv64_fp_to_int((to == 3 ? 2 : 0) + !sign, from == 3, rm, a, fl);
  case RV64_VCVT_F_XU:
  case RV64_VCVT_F_X:
    if (from == 1 && sign)
      a = (uint64_t)rv64_vsext(a, 1);
    return rv64_fp_from_int((from == 3 ? 2 : 0) + !sign, to == 3, rm, a, fl);
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

/* SEW 16 has only the forms without binary16: int16 to binary32
 * (vfwcvt.f.x(u).v) and binary32 to int16 (vfncvt.x(u).f.w and .rtz). */
static bool rv64_vcvt_sew_ok(unsigned sew, unsigned kind, unsigned op) {
  if (sew == 1 && kind == 1)
    return op == RV64_VCVT_F_XU || op == RV64_VCVT_F_X;
  if (sew == 1 && kind == 2)
    return op <= RV64_VCVT_X_F || op >= RV64_VCVT_RTZ_XU_F;
  return kind == 0 ? sew >= 2 : sew == 2;
}

static bool rv64_vcvt_ok(const struct rv64_vinsn *v, unsigned kind) {
  if (kind == 0)
    return rv64_vmok(v, v->vd) && rv64_valign(v->vd, v->lmul) && rv64_valign(v->vs2, v->lmul);
  if (v->lmul > 2 || !rv64_vmok(v, v->vd))
    return false;
  if (kind == 1)
    return rv64_valign(v->vd, v->lmul + 1) && rv64_valign(v->vs2, v->lmul) &&
           rv64_vnoover(v->vd, v->lmul + 1, v->vs2, v->lmul);
  return rv64_valign(v->vs2, v->lmul + 1) && rv64_valign(v->vd, v->lmul) &&
         (v->vd == v->vs2 || rv64_vnoover(v->vd, v->lmul, v->vs2, v->lmul + 1));
}

bool rv64_v_fcvt(struct rv64_vinsn *v, unsigned rm, unsigned *fl) {
  unsigned kind = v->vs1 >> 3, op = v->vs1 & 7;
  if (!rv64_vcvt_valid(kind, op) || !rv64_vcvt_sew_ok(v->sew, kind, op) || !rv64_vcvt_ok(v, kind))
    return false;
  unsigned to = kind == 1 ? v->sew + 1 : v->sew, from = kind == 2 ? v->sew + 1 : v->sew;
  for (uint64_t i = v->vstart; i < v->vl; i++)
    if (rv64_vactive(v, i)) {
      uint64_t a = rv64_vold(v, v->vs2, i, from);
      rv64_vput(v->r, v->vd, i, to, rv64_vtrunc(rv64_vcvt_elem(op, to, from, a, rm, fl), to));
    }
  return true;
}
