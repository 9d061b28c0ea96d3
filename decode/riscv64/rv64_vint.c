/* rv64_vint.c - the single-width integer instructions of V (spec chapters
 * 11.1..11.16): arithmetic, logic, shifts, min/max, multiply, divide,
 * multiply-add, add/subtract with carry, compares into a mask, merge and
 * move. Widening and narrowing ones are in rv64_vwide.c. */
#include "rv64_valu.h"
#include "rv64_vec.h"

/* OPIVV/OPIVX/OPIVI funct6 to the element operation. */
static unsigned rv64_vopi_op(unsigned f6) {
  static const unsigned char ops[0x2a] = {
      [0x00] = RV64_VADD + 1,  [0x02] = RV64_VSUB + 1, [0x03] = RV64_VRSUB + 1,
      [0x04] = RV64_VMINU + 1, [0x05] = RV64_VMIN + 1, [0x06] = RV64_VMAXU + 1,
      [0x07] = RV64_VMAX + 1,  [0x09] = RV64_VAND + 1, [0x0a] = RV64_VOR + 1,
      [0x0b] = RV64_VXOR + 1,  [0x25] = RV64_VSLL + 1, [0x28] = RV64_VSRL + 1,
      [0x29] = RV64_VSRA + 1,
  };
  return f6 < sizeof(ops) && ops[f6] ? ops[f6] - 1u : RV64_VNONE;
}

/* OPMVV/OPMVX funct6 0x20..0x27. */
static unsigned rv64_vopm_op(unsigned f6) {
  static const unsigned char ops[8] = {RV64_VDIVU,  RV64_VDIV, RV64_VREMU,   RV64_VREM,
                                       RV64_VMULHU, RV64_VMUL, RV64_VMULHSU, RV64_VMULH};
  return f6 >= 0x20 && f6 <= 0x27 ? ops[f6 - 0x20] : RV64_VNONE;
}

/* vd, vs2 (and vs1 for .vv) groups of LMUL, vd not v0 when masked
 * (qemu's vext_check_sss and vext_check_ss). */
bool rv64_vsss_ok(const struct rv64_vinsn *v) {
  bool vv = v->funct3 == RV64_OPIVV || v->funct3 == RV64_OPMVV;
  return rv64_vmok(v, v->vd) && rv64_valign(v->vd, v->lmul) && rv64_valign(v->vs2, v->lmul) &&
         (!vv || rv64_valign(v->vs1, v->lmul));
}

static bool rv64_vshift_imm(unsigned op) {
  return op == RV64_VSLL || op == RV64_VSRL || op == RV64_VSRA;
}

static bool rv64_vbinary(struct rv64_vinsn *v, unsigned op) {
  if (!rv64_vsss_ok(v))
    return false;
  for (uint64_t i = v->vstart; i < v->vl; i++)
    if (rv64_vactive(v, i)) {
      uint64_t a = rv64_vold(v, v->vs2, i, v->sew);
      uint64_t b = rv64_vsrc1(v, i, v->sew, rv64_vshift_imm(op));
      rv64_vput(v->r, v->vd, i, v->sew, rv64_valu(op, a, b, v->sew));
    }
  return true;
}

/* vmadd vnmsub vmacc vnmsac (funct6 0x29 0x2b 0x2d 0x2f). */
static bool rv64_vmuladd(struct rv64_vinsn *v) {
  if (!rv64_vsss_ok(v))
    return false;
  bool acc = v->funct6 >= 0x2d, neg = v->funct6 & 2;
  for (uint64_t i = v->vstart; i < v->vl; i++)
    if (rv64_vactive(v, i)) {
      uint64_t d = rv64_vold(v, v->vd, i, v->sew), s2 = rv64_vold(v, v->vs2, i, v->sew);
      uint64_t p = rv64_vsrc1(v, i, v->sew, false) * (acc ? s2 : d);
      uint64_t res = (acc ? d : s2) + (neg ? -p : p);
      rv64_vput(v->r, v->vd, i, v->sew, rv64_vtrunc(res, v->sew));
    }
  return true;
}

/* vd's mask group against vs2 (and vs1) of LMUL (qemu's vext_check_mss). */
static bool rv64_vmss_ok(const struct rv64_vinsn *v) {
  bool vv = v->funct3 == RV64_OPIVV;
  if (!rv64_valign(v->vs2, v->lmul) || (vv && !rv64_valign(v->vs1, v->lmul)))
    return false;
  if (v->vd != v->vs2 && !rv64_vnoover(v->vd, 0, v->vs2, v->lmul))
    return false;
  return !vv || v->vd == v->vs1 || rv64_vnoover(v->vd, 0, v->vs1, v->lmul);
}

/* vmseq .. vmsgt (funct6 0x18..0x1f). */
static bool rv64_vcompare(struct rv64_vinsn *v) {
  if (!rv64_vmss_ok(v))
    return false;
  for (uint64_t i = v->vstart; i < v->vl; i++)
    if (rv64_vactive(v, i)) {
      uint64_t a = rv64_vold(v, v->vs2, i, v->sew), b = rv64_vsrc1(v, i, v->sew, false);
      rv64_vmput(v->r, v->vd, i, rv64_vcmp(v->funct6 & 7, a, b, v->sew));
    }
  return true;
}

/* vadc vmadc vsbc vmsbc (funct6 0x10..0x13): the carry or borrow in is v0's
 * bit (vmadc, vmsbc without it when vm = 1). */
static bool rv64_vcarry(struct rv64_vinsn *v) {
  bool sub = v->funct6 & 2, mask_out = v->funct6 & 1;
  if (mask_out ? !rv64_vmss_ok(v) : (v->vm || v->vd == 0 || !rv64_vsss_ok(v)))
    return false;
  unsigned bits = 8u << v->sew;
  for (uint64_t i = v->vstart; i < v->vl; i++) {
    unsigned __int128 a = rv64_vold(v, v->vs2, i, v->sew), b = rv64_vsrc1(v, i, v->sew, false);
    unsigned c = v->vm ? 0 : rv64_voldbit(v, 0, i);
    unsigned __int128 res = sub ? a - b - c : a + b + c;
    if (mask_out)
      rv64_vmput(v->r, v->vd, i, (unsigned)(res >> bits) & 1);
    else
      rv64_vput(v->r, v->vd, i, v->sew, (uint64_t)res);
  }
  return true;
}

/* vmerge (vm = 0: v0 picks vs1/rs1/imm over vs2) and vmv.v (vm = 1, vs2 = 0). */
static bool rv64_vmerge(struct rv64_vinsn *v) {
  if (v->vm ? v->vs2 != 0 || !rv64_valign(v->vd, v->lmul) ||
                  (v->funct3 == RV64_OPIVV && !rv64_valign(v->vs1, v->lmul))
            : !rv64_vsss_ok(v))
    return false;
  for (uint64_t i = v->vstart; i < v->vl; i++) {
    bool pick = v->vm || rv64_voldbit(v, 0, i);
    uint64_t x = pick ? rv64_vsrc1(v, i, v->sew, false) : rv64_vold(v, v->vs2, i, v->sew);
    rv64_vput(v->r, v->vd, i, v->sew, x);
  }
  return true;
}

bool rv64_v_opi(struct rv64_vinsn *v) {
  unsigned f6 = v->funct6, op = rv64_vopi_op(f6);
  if (op != RV64_VNONE)
    return rv64_vbinary(v, op);
  if (f6 >= 0x18 && f6 <= 0x1f)
    return rv64_vcompare(v);
  if (f6 >= 0x10 && f6 <= 0x13)
    return rv64_vcarry(v);
  if (f6 == 0x17)
    return rv64_vmerge(v);
  return rv64_v_narrow(v);
}

bool rv64_v_opm(struct rv64_vinsn *v) {
  unsigned f6 = v->funct6, op = rv64_vopm_op(f6);
  if (op != RV64_VNONE)
    return rv64_vbinary(v, op);
  if (f6 == 0x29 || f6 == 0x2b || f6 == 0x2d || f6 == 0x2f)
    return rv64_vmuladd(v);
  if (f6 == 0x12)
    return rv64_v_ext(v);
  return rv64_v_widen(v);
}
