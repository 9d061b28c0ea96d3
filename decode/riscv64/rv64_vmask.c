/* rv64_vmask.c - V's mask instructions (spec chapter 15): the mask-register
 * logical operations, vcpop.m, vfirst.m, vmsbf.m, vmsif.m, vmsof.m,
 * viota.m and vid.v (OPMVV funct6 0x10 with vs1 0x10..0x11, 0x14, and
 * 0x18..0x1f). */
#include "rv64_vec.h"

static bool rv64_vmlogic_bit(unsigned f6, bool a, bool b) {
  switch (f6 & 7) {
  case 0: return a && !b; /* vmandn: vs2 & ~vs1 */
  case 1: return a && b;
  case 2: return a || b;
  case 3: return a != b;
  case 4: return a || !b; /* vmorn */
  case 5: return !(a && b);
  case 6: return !(a || b);
  default: return a == b;
  }
}

static bool rv64_vmlogic(struct rv64_vinsn *v) {
  for (uint64_t i = v->vstart; i < v->vl; i++)
    rv64_vmput(v->r, v->vd, i,
               rv64_vmlogic_bit(v->funct6, rv64_voldbit(v, v->vs2, i), rv64_voldbit(v, v->vs1, i)));
  return true;
}

/* vcpop.m (count) and vfirst.m into x[rd]. */
static bool rv64_vcpop_first(struct rv64_vinsn *v, bool first) {
  if (v->vstart)
    return false;
  uint64_t n = 0, at = ~0ull;
  for (uint64_t i = 0; i < v->vl; i++)
    if (rv64_vactive(v, i) && rv64_voldbit(v, v->vs2, i)) {
      n++;
      if (at == ~0ull)
        at = i;
    }
  if (v->vd)
    v->r->x[v->vd] = first ? at : n;
  return true;
}

/* vmsbf (kind 1), vmsof (2), vmsif (3): set before, only at, or up to and
 * including the first set bit of vs2 among the active elements. */
static bool rv64_vmset(struct rv64_vinsn *v, unsigned kind) {
  if (!rv64_vmok(v, v->vd) || v->vd == v->vs2 || v->vstart)
    return false;
  bool seen = false;
  for (uint64_t i = 0; i < v->vl; i++) {
    if (!rv64_vactive(v, i))
      continue;
    bool bit = rv64_voldbit(v, v->vs2, i), out;
    if (seen)
      out = false;
    else if (bit)
      out = kind != 1;
    else
      out = kind != 2;
    seen |= bit;
    rv64_vmput(v->r, v->vd, i, out);
  }
  return true;
}

/* viota.m: each active element gets the count of vs2's set bits among the
 * active elements before it; vid.v: its index. */
static bool rv64_viota_vid(struct rv64_vinsn *v, bool iota) {
  if (!rv64_valign(v->vd, v->lmul) || !rv64_vmok(v, v->vd))
    return false;
  /* viota.m: vd may not overlap vs2 at all (V spec 15.8) */
  int size = v->lmul > 0 ? 1 << v->lmul : 1;
  if (iota ? v->vstart || rv64_voverlap((int)v->vd, size, (int)v->vs2, 1) : v->vs2 != 0)
    return false;
  uint64_t n = 0;
  for (uint64_t i = v->vstart; i < v->vl; i++)
    if (rv64_vactive(v, i)) {
      rv64_vput(v->r, v->vd, i, v->sew, rv64_vtrunc(iota ? n : i, v->sew));
      n += iota && rv64_voldbit(v, v->vs2, i);
    }
  return true;
}

bool rv64_v_mask(struct rv64_vinsn *v, bool *done) {
  unsigned f6 = v->funct6, s1 = v->vs1;
  *done = v->funct3 == RV64_OPMVV &&
          ((f6 >= 0x18 && f6 <= 0x1f) || f6 == 0x14 || (f6 == 0x10 && (s1 == 0x10 || s1 == 0x11)));
  if (!*done || !rv64_vtype_ok(v))
    return false;
  if (f6 >= 0x18)
    return rv64_vmlogic(v);
  if (f6 == 0x10)
    return rv64_vcpop_first(v, s1 == 0x11);
  if (s1 >= 1 && s1 <= 3)
    return rv64_vmset(v, s1);
  return (s1 == 0x10 || s1 == 0x11) && rv64_viota_vid(v, s1 == 0x10);
}
