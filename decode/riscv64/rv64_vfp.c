/* rv64_vfp.c - V's single-width floating-point instructions (spec chapter
 * 13) for SEW 32 and 64, computed by the scalar F and D operations of
 * rv64_fpops.c under frm: add, subtract, multiply, divide (and the reversed
 * forms), min/max, sign injection, the eight fused multiply-adds, square
 * root, classify, compares into a mask, merge and moves, vfslide1up/down
 * and the reductions (vfredusum in element order, as vfredosum). A NaN
 * result is the canonical NaN and the flags accrue into fflags, as for the
 * scalar instructions; the conversions are rv64_vfcvt.c's. Not implemented
 * (SIGILL): SEW 16 (Zvfh). The widening arithmetic and reductions are
 * rv64_vfwide.c's, vfrsqrt7 and vfrec7 rv64_vfest.c's. */
#include <fenv.h>
#include "rv64_fpenv.h"
#include "rv64_vec.h"

enum { RV64_OPFVV_ = 1, RV64_OPFVF_ = 5 };

/* The FP scalar operand for SEW eew: a binary32 must be NaN-boxed. */
static uint64_t rv64_vfscalar(const struct rv64_vinsn *v) {
  uint64_t f = v->r->f[v->vs1];
  return v->sew == 3 ? f : rv64_unbox(f);
}

static uint64_t rv64_vfsrc1(const struct rv64_vinsn *v, uint64_t i) {
  return v->funct3 == RV64_OPFVV_ ? rv64_vold(v, v->vs1, i, v->sew) : rv64_vfscalar(v);
}

/* The eight fused multiply-adds (funct6 0x28..0x2f): bit 2 picks vd as
 * the addend (vfmacc...) or as a factor (vfmadd...), bit 0 negates the
 * product, bit 1 subtracts the addend; bits 0 and 1 both for vfnmacc. */
static uint64_t rv64_vfma(const struct rv64_vinsn *v, uint64_t b, uint64_t a2, uint64_t d,
                          unsigned rm, unsigned *fl) {
  unsigned f6 = v->funct6, fmt = v->sew == 3;
  uint64_t sign = fmt ? 1ull << 63 : 1u << 31;
  bool acc = f6 & 4, neg = f6 & 1, sub = f6 & 2;
  uint64_t x = b, y = acc ? a2 : d, c = acc ? d : a2;
  if (neg)
    x ^= sign, c ^= sign; /* -(x * y) - c: vfnmacc, vfnmadd */
  if (sub)
    c ^= sign; /* vfmsac, vfmsub; with neg: -(x * y) + c (vfnmsac, vfnmsub) */
  return rv64_fp_arith(RV64_FMADD, fmt, rm, x, y, c, fl);
}

/* One element of an operation that writes SEW bits. */
static uint64_t rv64_vfelem(const struct rv64_vinsn *v, uint64_t a, uint64_t b, uint64_t d,
                            unsigned rm, unsigned *fl) {
  unsigned f6 = v->funct6, fmt = v->sew == 3;
  uint64_t sign = fmt ? 1ull << 63 : 1u << 31;
  switch (f6) {
  case 0x00: return rv64_fp_arith(RV64_FADD, fmt, rm, a, b, 0, fl);
  case 0x02: return rv64_fp_arith(RV64_FSUB, fmt, rm, a, b, 0, fl);
  case 0x27: return rv64_fp_arith(RV64_FSUB, fmt, rm, b, a, 0, fl); /* vfrsub */
  case 0x24: return rv64_fp_arith(RV64_FMUL, fmt, rm, a, b, 0, fl);
  case 0x20: return rv64_fp_arith(RV64_FDIV, fmt, rm, a, b, 0, fl);
  case 0x21: return rv64_fp_arith(RV64_FDIV, fmt, rm, b, a, 0, fl); /* vfrdiv */
  case 0x04: return rv64_fp_minmax(false, fmt, a, b, fl);
  case 0x06: return rv64_fp_minmax(true, fmt, a, b, fl);
  case 0x08: return (a & ~sign) | (b & sign);
  case 0x09: return (a & ~sign) | (~b & sign);
  case 0x0a: return a ^ (b & sign);
  case 0x13: /* VFUNARY1: vfsqrt (vs1 0), vfrsqrt7 (4), vfrec7 (5), vfclass (16) */
    switch (v->vs1) {
    case 0: return rv64_fp_arith(RV64_FSQRT, fmt, rm, a, 0, 0, fl);
    case 4: return rv64_frsqrt7(fmt, a, fl);
    case 5: return rv64_frec7(fmt, rm, a, fl);
    default: return rv64_fp_class(fmt, a);
    }
  default: return rv64_vfma(v, b, a, d, rm, fl);
  }
}

/* vmfeq vmfle vmflt vmfne vmfgt vmfge (funct6 0x18 0x19 0x1b 0x1c 0x1d 0x1f). */
static bool rv64_vfcmp(unsigned f6, unsigned fmt, uint64_t a, uint64_t b, unsigned *fl) {
  switch (f6) {
  case 0x18: return rv64_fp_cmp(2, fmt, a, b, fl);
  case 0x19: return rv64_fp_cmp(0, fmt, a, b, fl);
  case 0x1b: return rv64_fp_cmp(1, fmt, a, b, fl);
  case 0x1c: return !rv64_fp_cmp(2, fmt, a, b, fl);
  case 0x1d: return rv64_fp_cmp(1, fmt, b, a, fl);
  default: return rv64_fp_cmp(0, fmt, b, a, fl);
  }
}

static bool rv64_vfcompare(struct rv64_vinsn *v, unsigned rm, unsigned *fl) {
  (void)rm;
  bool vv = v->funct3 == RV64_OPFVV_;
  if (!rv64_valign(v->vs2, v->lmul) || (vv && !rv64_valign(v->vs1, v->lmul)))
    return false;
  if (v->vd != v->vs2 && !rv64_vnoover(v->vd, 0, v->vs2, v->lmul))
    return false;
  if (vv && v->vd != v->vs1 && !rv64_vnoover(v->vd, 0, v->vs1, v->lmul))
    return false;
  for (uint64_t i = v->vstart; i < v->vl; i++)
    if (rv64_vactive(v, i)) {
      uint64_t a = rv64_vold(v, v->vs2, i, v->sew);
      rv64_vmput(v->r, v->vd, i, rv64_vfcmp(v->funct6, v->sew == 3, a, rv64_vfsrc1(v, i), fl));
    }
  return true;
}

static bool rv64_vfsingle(struct rv64_vinsn *v, unsigned rm, unsigned *fl) {
  bool unary = v->funct6 == 0x13;
  if (unary && v->vs1 != 0 && v->vs1 != 4 && v->vs1 != 5 && v->vs1 != 0x10)
    return false;
  if (!rv64_vmok(v, v->vd) || !rv64_valign(v->vd, v->lmul) || !rv64_valign(v->vs2, v->lmul) ||
      (v->funct3 == RV64_OPFVV_ && !unary && !rv64_valign(v->vs1, v->lmul)))
    return false;
  for (uint64_t i = v->vstart; i < v->vl; i++)
    if (rv64_vactive(v, i)) {
      uint64_t a = rv64_vold(v, v->vs2, i, v->sew), d = rv64_vold(v, v->vd, i, v->sew);
      uint64_t b = unary ? 0 : rv64_vfsrc1(v, i);
      rv64_vput(v->r, v->vd, i, v->sew, rv64_vfelem(v, a, b, d, rm, fl));
    }
  return true;
}

/* vfredusum, vfredosum (in element order), vfredmin, vfredmax. */
static bool rv64_vfred(struct rv64_vinsn *v, unsigned rm, unsigned *fl) {
  if (!rv64_valign(v->vs2, v->lmul) || v->vstart)
    return false;
  unsigned fmt = v->sew == 3, f6 = v->funct6;
  if (v->vl == 0)
    return true;
  uint64_t acc = rv64_vold(v, v->vs1, 0, v->sew);
  for (uint64_t i = 0; i < v->vl; i++)
    if (rv64_vactive(v, i)) {
      uint64_t x = rv64_vold(v, v->vs2, i, v->sew);
      acc = f6 <= 3 ? rv64_fp_arith(RV64_FADD, fmt, rm, acc, x, 0, fl)
                    : rv64_fp_minmax(f6 == 7, fmt, acc, x, fl);
    }
  rv64_vput(v->r, v->vd, 0, v->sew, acc);
  return true;
}

/* vfmerge.vfm, vfmv.v.f, vfmv.f.s, vfmv.s.f, vfslide1up, vfslide1down:
 * moves, no rounding. *done says whether the instruction was one. */
static bool rv64_vfmove(struct rv64_vinsn *v, bool *done) {
  unsigned f6 = v->funct6;
  bool vf = v->funct3 == RV64_OPFVF_;
  *done = true;
  if (f6 == 0x10 && !vf && v->vs1 == 0 && v->vm) { /* vfmv.f.s */
    uint64_t x = rv64_vold(v, v->vs2, 0, v->sew);
    v->r->f[v->vd] = v->sew == 3 ? x : RV64_BOX | x;
    return true;
  }
  if (f6 == 0x10 && vf && v->vs2 == 0 && v->vm) { /* vfmv.s.f */
    if (v->vstart < v->vl)
      rv64_vput(v->r, v->vd, 0, v->sew, rv64_vfscalar(v));
    return true;
  }
  if (f6 == 0x17 && vf) { /* vfmerge.vfm (vm = 0), vfmv.v.f (vm = 1, vs2 = 0) */
    if (v->vm ? v->vs2 != 0 || !rv64_valign(v->vd, v->lmul) : !rv64_vsss_ok(v))
      return false;
    for (uint64_t i = v->vstart; i < v->vl; i++) {
      bool pick = v->vm || rv64_voldbit(v, 0, i);
      rv64_vput(v->r, v->vd, i, v->sew, pick ? rv64_vfscalar(v) : rv64_vold(v, v->vs2, i, v->sew));
    }
    return true;
  }
  *done = false;
  return false;
}

/* The forms of each funct6 (bit 0 .vv, bit 1 .vf). */
static unsigned rv64_vf_forms(unsigned f6) {
  static const unsigned char forms[64] = {
      [0x00] = 3, [0x01] = 1, [0x02] = 3, [0x03] = 1, [0x04] = 3, [0x05] = 1, [0x06] = 3,
      [0x07] = 1, [0x08] = 3, [0x09] = 3, [0x0a] = 3, [0x0e] = 2, [0x0f] = 2, [0x10] = 3,
      [0x12] = 1, [0x13] = 1, [0x17] = 2, [0x18] = 3, [0x19] = 3, [0x1b] = 3, [0x1c] = 3,
      [0x1d] = 2, [0x1f] = 2, [0x20] = 3, [0x21] = 2, [0x24] = 3, [0x27] = 2, [0x28] = 3,
      [0x29] = 3, [0x2a] = 3, [0x2b] = 3, [0x2c] = 3, [0x2d] = 3, [0x2e] = 3, [0x2f] = 3,
      [0x30] = 3, [0x31] = 1, [0x32] = 3, [0x33] = 1, [0x34] = 3, [0x36] = 3, [0x38] = 3,
      [0x3c] = 3, [0x3d] = 3, [0x3e] = 3, [0x3f] = 3,
  };
  return forms[f6];
}

static bool rv64_vfp_dispatch(struct rv64_vinsn *v, unsigned rm, unsigned *fl) {
  unsigned f6 = v->funct6;
  if (f6 == 0x01 || f6 == 0x03 || f6 == 0x05 || f6 == 0x07)
    return rv64_vfred(v, rm, fl);
  if (f6 >= 0x18 && f6 <= 0x1f)
    return rv64_vfcompare(v, rm, fl);
  if (f6 == 0x12)
    return rv64_v_fcvt(v, rm, fl);
  if (f6 >= 0x30)
    return rv64_v_fwide(v, rv64_vfscalar(v), rm, fl);
  return rv64_vfsingle(v, rm, fl);
}

bool rv64_v_fp(struct rv64_vinsn *v) {
  unsigned f6 = v->funct6, forms = rv64_vf_forms(f6);
  bool done, ok;
  if (!(forms & (v->funct3 == RV64_OPFVF_ ? 2 : 1)) || !rv64_vtype_ok(v))
    return false;
  if (v->sew < 2 && !(v->sew == 1 && f6 == 0x12)) /* SEW 16: only conversions with int16 */
    return false;
  ok = rv64_vfmove(v, &done);
  if (done)
    return ok;
  if (f6 == 0x10)
    return false;
  if (f6 == 0x0e || f6 == 0x0f)
    return rv64_vslide1(v, f6 == 0x0e, rv64_vfscalar(v));
  unsigned frm = v->r->fcsr >> RV64_FRM_SHIFT & 7, fl = 0;
  if (frm > RV64_RMM)
    return false; /* a reserved frm: illegal, as for the scalar instructions */
  xrun_fp_take(&v->r->c);
  ok = rv64_vfp_dispatch(v, frm, &fl);
  v->r->fcsr |= fl;
  xrun_fp_clear();
  return ok;
}
