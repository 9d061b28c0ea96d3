/* rv64_vperm.c - V's permutations (spec chapter 16): vmv.x.s, vmv.s.x,
 * slides, slide1, vrgather, vrgatherei16, vcompress and the whole-register
 * moves vmv<nr>r.v; the checks are qemu's (vext_check_slide and the
 * like). */
#include <string.h>
#include "rv64_vec.h"

static uint64_t rv64_vlmax_of(const struct rv64_vinsn *v) {
  unsigned bytes = v->lmul < 0 ? RV64_VLENB >> -v->lmul : RV64_VLENB << v->lmul;
  return bytes >> v->sew;
}

static uint64_t rv64_vscalar(const struct rv64_vinsn *v) {
  return v->funct3 == RV64_OPIVI ? v->vs1 : v->vs1 ? v->r->x[v->vs1] : 0;
}

static bool rv64_vslide_ok(const struct rv64_vinsn *v, bool up) {
  return rv64_valign(v->vs2, v->lmul) && rv64_valign(v->vd, v->lmul) && rv64_vmok(v, v->vd) &&
         (!up || v->vd != v->vs2);
}

/* vslideup, vslidedown (by rs1 or uimm) and vslide1up, vslide1down (by
 * one, with rs1 filling the free element). */
static bool rv64_vslide(struct rv64_vinsn *v, bool up, bool one, uint64_t x) {
  if (!rv64_vslide_ok(v, up))
    return false;
  uint64_t off = one ? 1 : rv64_vscalar(v), vlmax = rv64_vlmax_of(v);
  for (uint64_t i = v->vstart; i < v->vl; i++) {
    if (!rv64_vactive(v, i) || (up && !one && i < off))
      continue;
    uint64_t e;
    if (up)
      e = one && i == 0 ? x : rv64_vold(v, v->vs2, i - off, v->sew);
    else if (one)
      e = i + 1 < v->vl ? rv64_vold(v, v->vs2, i + 1, v->sew) : x;
    else
      e = off < vlmax && i + off < vlmax ? rv64_vold(v, v->vs2, i + off, v->sew) : 0;
    rv64_vput(v->r, v->vd, i, v->sew, e);
  }
  return true;
}

bool rv64_vslide1(struct rv64_vinsn *v, bool up, uint64_t x) {
  return rv64_vslide(v, up, true, rv64_vtrunc(x, v->sew));
}

/* vrgather.vv/vx/vi and vrgatherei16.vv (ei16: 16-bit indices in vs1). The
 * destination overlaps no source at all: not even an index group smaller
 * than it in its highest registers, which rv64_vnoover lets a widening
 * instruction's source do. */
static bool rv64_vgather(struct rv64_vinsn *v, bool ei16) {
  int iemul = ei16 ? 1 - (int)v->sew + v->lmul : v->lmul;
  bool vv = v->funct3 == RV64_OPIVV;
  if (iemul < -3 || iemul > 3 || !rv64_valign(v->vd, v->lmul) || !rv64_valign(v->vs2, v->lmul) ||
      v->vd == v->vs2 || !rv64_vmok(v, v->vd))
    return false;
  if (vv && !rv64_valign(v->vs1, iemul))
    return false;
  if (vv && rv64_voverlap((int)v->vd, rv64_vregs(v->lmul), (int)v->vs1, rv64_vregs(iemul)))
    return false;
  uint64_t vlmax = rv64_vlmax_of(v);
  for (uint64_t i = v->vstart; i < v->vl; i++)
    if (rv64_vactive(v, i)) {
      uint64_t idx = !vv ? rv64_vscalar(v) : rv64_vold(v, v->vs1, i, ei16 ? 1 : v->sew);
      rv64_vput(v->r, v->vd, i, v->sew, idx < vlmax ? rv64_vold(v, v->vs2, idx, v->sew) : 0);
    }
  return true;
}

/* The destination may not overlap the mask vs1 at all (V spec 16.5: the
 * encoding is reserved), not even in its highest register, as qemu checks too. */
static bool rv64_vcompress(struct rv64_vinsn *v) {
  int dsize = rv64_vregs(v->lmul);
  if (!rv64_valign(v->vd, v->lmul) || !rv64_valign(v->vs2, v->lmul) || v->vd == v->vs2 ||
      rv64_voverlap((int)v->vd, dsize, (int)v->vs1, 1) || v->vstart)
    return false;
  uint64_t n = 0;
  for (uint64_t i = 0; i < v->vl; i++)
    if (rv64_voldbit(v, v->vs1, i))
      rv64_vput(v->r, v->vd, n++, v->sew, rv64_vold(v, v->vs2, i, v->sew));
  return true;
}

/* vmv1r.v, vmv2r.v, vmv4r.v, vmv8r.v: the simm field is nr - 1. */
static bool rv64_vmvnr(struct rv64_vinsn *v) {
  unsigned nr = v->vs1 + 1;
  if (!v->vm || (nr & (nr - 1)) || nr > 8 || v->vd % nr || v->vs2 % nr)
    return false;
  unsigned from = rv64_vtype_ok(v) ? (unsigned)v->vstart << v->sew : 0;
  if (from < nr * RV64_VLENB)
    memcpy(&v->r->v[v->vd * RV64_VLENB + from], &v->old[v->vs2 * RV64_VLENB + from],
           nr * RV64_VLENB - from);
  return true;
}

/* vmv.x.s (OPMVV, vs1 = 0) and vmv.s.x (OPMVX, vs2 = 0), vm = 1. */
static bool rv64_vmv_scalar(struct rv64_vinsn *v) {
  if (!v->vm)
    return false;
  if (v->funct3 == RV64_OPMVV) {
    if (v->vd)
      v->r->x[v->vd] = (uint64_t)rv64_vsext(rv64_vold(v, v->vs2, 0, v->sew), v->sew);
    return true;
  }
  if (v->vs2)
    return false;
  if (v->vstart < v->vl)
    rv64_vput(v->r, v->vd, 0, v->sew, rv64_vtrunc(v->vs1 ? v->r->x[v->vs1] : 0, v->sew));
  return true;
}

bool rv64_v_perm(struct rv64_vinsn *v, bool *done) {
  unsigned f6 = v->funct6, f3 = v->funct3;
  bool opm = f3 == RV64_OPMVV || f3 == RV64_OPMVX;
  *done = true;
  if (!opm && f6 == 0x27 && f3 == RV64_OPIVI)
    return rv64_vmvnr(v); /* whole registers: vtype does not matter */
  if (!rv64_vtype_ok(v))
    return *done = false; /* refused by rv64_v_arith */
  if (!opm && f6 == 0x0c)
    return rv64_vgather(v, false);
  if (!opm && f6 == 0x0e)
    return f3 == RV64_OPIVV ? rv64_vgather(v, true) : rv64_vslide(v, true, false, 0);
  if (!opm && f6 == 0x0f)
    return f3 != RV64_OPIVV && rv64_vslide(v, false, false, 0);
  if (opm && (f6 == 0x0e || f6 == 0x0f))
    return f3 == RV64_OPMVX && rv64_vslide1(v, f6 == 0x0e, v->vs1 ? v->r->x[v->vs1] : 0);
  if (opm && f6 == 0x10 && (f3 == RV64_OPMVX || v->vs1 == 0))
    return rv64_vmv_scalar(v);
  if (opm && f6 == 0x17)
    return f3 == RV64_OPMVV && rv64_vcompress(v);
  *done = false;
  return false;
}
