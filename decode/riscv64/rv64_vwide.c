/* rv64_vwide.c - V's widening and narrowing integer instructions (spec
 * chapters 11.2, 11.3, 11.7, 11.12, 11.14): vwadd(u), vwsub(u) and their .w
 * forms, vwmul(u,su), vwmacc(u,su,us), vnsrl, vnsra, and vzext/vsext.
 * The group checks are qemu's vext_check_dss, _ds, _dds, _dd, _sds, _sd. */
#include "rv64_vec.h"

/* A 2*SEW destination: SEW <= 32, LMUL <= 4, vd aligned to 2*LMUL. */
static bool rv64_vwide_common(const struct rv64_vinsn *v) {
  return v->lmul <= 2 && v->sew < 3 && rv64_valign(v->vd, v->lmul + 1) && rv64_vmok(v, v->vd);
}

/* vs2 of SEW (ds) or 2*SEW (dd); vs1 of SEW for the .vv forms. */
static bool rv64_vwide_ok(const struct rv64_vinsn *v, bool wide_vs2) {
  return rv64_vwide_common(v) && rv64_vwide_srcs_ok(v, v->funct3 == RV64_OPMVV, wide_vs2);
}

static uint64_t rv64_vext(uint64_t x, unsigned eew, bool sign) {
  return sign ? (uint64_t)rv64_vsext(x, eew) : x;
}

/* One element of funct6 0x30..0x3f: a from vs2 (2*SEW already for .w), b
 * from vs1/rs1, d the old destination. */
static uint64_t rv64_vwide_elem(unsigned f6, uint64_t a, uint64_t b, uint64_t d, unsigned sew) {
  bool s = f6 & 1;
  if (f6 < 0x38) {
    uint64_t x = f6 >= 0x34 ? a : rv64_vext(a, sew, s), y = rv64_vext(b, sew, s);
    return f6 & 2 ? x - y : x + y;
  }
  bool sa = f6 == 0x3b || f6 == 0x3a || f6 == 0x3d || f6 == 0x3e;
  bool sb = f6 == 0x3b || f6 == 0x3d || f6 == 0x3f;
  uint64_t p = rv64_vext(a, sew, sa) * rv64_vext(b, sew, sb);
  return f6 >= 0x3c ? d + p : p;
}

bool rv64_v_widen(struct rv64_vinsn *v) {
  unsigned f6 = v->funct6;
  if (f6 < 0x30 || f6 == 0x39 || (f6 == 0x3e && v->funct3 == RV64_OPMVV))
    return false;
  bool wide_vs2 = f6 >= 0x34 && f6 <= 0x37;
  if (!rv64_vwide_ok(v, wide_vs2))
    return false;
  unsigned w = v->sew + 1;
  for (uint64_t i = v->vstart; i < v->vl; i++)
    if (rv64_vactive(v, i)) {
      uint64_t a = rv64_vold(v, v->vs2, i, wide_vs2 ? w : v->sew);
      uint64_t b = rv64_vsrc1(v, i, v->sew, false), d = rv64_vold(v, v->vd, i, w);
      rv64_vput(v->r, v->vd, i, w, rv64_vtrunc(rv64_vwide_elem(f6, a, b, d, v->sew), w));
    }
  return true;
}

/* A SEW destination from a 2*SEW vs2 (qemu's vext_check_sds, _sd). */
bool rv64_vnarrow_ok(const struct rv64_vinsn *v) {
  if (v->lmul > 2 || v->sew >= 3 || !rv64_valign(v->vs2, v->lmul + 1) ||
      !rv64_valign(v->vd, v->lmul) || !rv64_vmok(v, v->vd))
    return false;
  if (v->vd != v->vs2 && !rv64_vnoover(v->vd, v->lmul, v->vs2, v->lmul + 1))
    return false;
  return v->funct3 != RV64_OPIVV || rv64_valign(v->vs1, v->lmul);
}

/* vnsrl, vnsra (funct6 0x2c, 0x2d); vnclipu, vnclip are rv64_vfixed.c's. */
bool rv64_v_narrow(struct rv64_vinsn *v) {
  if ((v->funct6 != 0x2c && v->funct6 != 0x2d) || !rv64_vnarrow_ok(v))
    return false;
  unsigned w = v->sew + 1;
  for (uint64_t i = v->vstart; i < v->vl; i++)
    if (rv64_vactive(v, i)) {
      uint64_t a = rv64_vold(v, v->vs2, i, w);
      unsigned sh = (unsigned)rv64_vsrc1(v, i, v->sew, true) & ((16u << v->sew) - 1);
      uint64_t x = v->funct6 & 1 ? (uint64_t)(rv64_vsext(a, w) >> sh) : a >> sh;
      rv64_vput(v->r, v->vd, i, v->sew, rv64_vtrunc(x, v->sew));
    }
  return true;
}

/* vzext.vf2/4/8, vsext.vf2/4/8 (VXUNARY0, vs1 2..7; qemu's int_ext_check). */
bool rv64_v_ext(struct rv64_vinsn *v) {
  if (v->funct3 != RV64_OPMVV || v->vs1 < 2 || v->vs1 > 7)
    return false;
  unsigned div = 4 - v->vs1 / 2; /* vf8: 3, vf4: 2, vf2: 1 */
  bool sign = v->vs1 & 1;
  int from = (int)v->sew - (int)div;
  if (from < 0 || v->vd == v->vs2 || !rv64_valign(v->vd, v->lmul) ||
      !rv64_valign(v->vs2, v->lmul - (int)div) || !rv64_vmok(v, v->vd) ||
      !rv64_vnoover(v->vd, v->lmul, v->vs2, v->lmul - (int)div))
    return false;
  for (uint64_t i = v->vstart; i < v->vl; i++)
    if (rv64_vactive(v, i)) {
      uint64_t x = rv64_vext(rv64_vold(v, v->vs2, i, (unsigned)from), (unsigned)from, sign);
      rv64_vput(v->r, v->vd, i, v->sew, rv64_vtrunc(x, v->sew));
    }
  return true;
}
