/* rv64_vfixed.c - V's fixed-point instructions (spec chapter 12):
 * saturating add/subtract, averaging add/subtract, vsmul, scaling shifts
 * and vnclip(u), rounding by vxrm and setting vxsat on saturation. */
#include "rv64_vec.h"

/* v clamped to eew (log2 bytes) bits, signed or not; sat set on a clamp. */
static uint64_t rv64_vclamp(__int128 x, unsigned eew, bool sign, bool *sat) {
  unsigned bits = 8u << eew;
  __int128 lo = sign ? -((__int128)1 << (bits - 1)) : 0;
  __int128 hi = sign ? ((__int128)1 << (bits - 1)) - 1 : ((__int128)1 << bits) - 1;
  if (x < lo || x > hi) {
    *sat = true;
    x = x < lo ? lo : hi;
  }
  return rv64_vtrunc((uint64_t)x, eew);
}

static __int128 rv64_vwiden(uint64_t x, unsigned eew, bool sign) {
  return sign ? (__int128)rv64_vsext(x, eew) : (__int128)x;
}

/* (x >> d) rounded by vxrm, x signed or not. */
static __int128 rv64_vshift_round(unsigned vxrm, __int128 x, unsigned d) {
  return (x >> d) + (__int128)rv64_vround(vxrm, (unsigned __int128)x, d);
}

/* One element of funct6 f6 (OPI or OPM as opm says). */
static uint64_t rv64_vfixed_elem(const struct rv64_vinsn *v, bool opm, uint64_t a, uint64_t b,
                                 bool *sat) {
  unsigned f6 = v->funct6, e = v->sew, bits = 8u << e, rm = (unsigned)v->r->vxrm;
  bool s = f6 & 1;
  __int128 x = rv64_vwiden(a, e, s), y = rv64_vwiden(b, e, s);
  if (opm) /* vaaddu vaadd vasubu vasub: (x +- y) >> 1, rounded */
    return rv64_vtrunc((uint64_t)rv64_vshift_round(rm, f6 & 2 ? x - y : x + y, 1), e);
  switch (f6) {
  case 0x20:
  case 0x21: return rv64_vclamp(x + y, e, s, sat);
  case 0x22:
  case 0x23: return rv64_vclamp(x - y, e, s, sat);
  case 0x27: /* vsmul: (x * y) >> (SEW - 1), rounded, saturated */
    x = rv64_vwiden(a, e, true), y = rv64_vwiden(b, e, true);
    return rv64_vclamp(rv64_vshift_round(rm, x * y, bits - 1), e, true, sat);
  default: /* vssrl, vssra */
    return rv64_vtrunc((uint64_t)rv64_vshift_round(rm, x, (unsigned)b & (bits - 1)), e);
  }
}

static bool rv64_vfixed_single(struct rv64_vinsn *v, bool opm) {
  if (!rv64_vsss_ok(v))
    return false;
  bool sat = false, uimm = v->funct6 == 0x2a || v->funct6 == 0x2b;
  for (uint64_t i = v->vstart; i < v->vl; i++)
    if (rv64_vactive(v, i)) {
      uint64_t a = rv64_vold(v, v->vs2, i, v->sew), b = rv64_vsrc1(v, i, v->sew, uimm);
      rv64_vput(v->r, v->vd, i, v->sew, rv64_vfixed_elem(v, opm, a, b, &sat));
    }
  v->r->vxsat |= sat;
  return true;
}

/* vnclipu, vnclip: the 2*SEW vs2 shifted right, rounded, saturated to SEW. */
static bool rv64_vnclip(struct rv64_vinsn *v) {
  if (!rv64_vnarrow_ok(v))
    return false;
  bool sat = false, s = v->funct6 & 1;
  unsigned w = v->sew + 1, rm = (unsigned)v->r->vxrm;
  for (uint64_t i = v->vstart; i < v->vl; i++)
    if (rv64_vactive(v, i)) {
      __int128 x = rv64_vwiden(rv64_vold(v, v->vs2, i, w), w, s);
      unsigned sh = (unsigned)rv64_vsrc1(v, i, v->sew, true) & ((16u << v->sew) - 1);
      rv64_vput(v->r, v->vd, i, v->sew, rv64_vclamp(rv64_vshift_round(rm, x, sh), v->sew, s, &sat));
    }
  v->r->vxsat |= sat;
  return true;
}

bool rv64_v_fixed(struct rv64_vinsn *v, bool *done) {
  unsigned f6 = v->funct6;
  bool opm = v->funct3 == RV64_OPMVV || v->funct3 == RV64_OPMVX;
  bool single = opm ? f6 >= 0x08 && f6 <= 0x0b
                    : (f6 >= 0x20 && f6 <= 0x23) || f6 == 0x2a || f6 == 0x2b ||
                          (f6 == 0x27 && v->funct3 != RV64_OPIVI);
  bool clip = !opm && (f6 == 0x2e || f6 == 0x2f);
  *done = single || clip;
  if (!*done)
    return false;
  if (!rv64_vtype_ok(v))
    return false;
  return single ? rv64_vfixed_single(v, opm) : rv64_vnclip(v);
}
