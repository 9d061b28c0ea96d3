/* rv64_vhelp.c - the V extension's helper (RVV 1.0): rv64_h_vec decodes a
 * vector instruction again from its word and runs it on the register file
 * in the state; the instruction classes are in rv64_vset.c (vsetvl*),
 * rv64_vldst.c, rv64_vint.c and rv64_vwide.c (integer, with rv64_valu.c's
 * element operations), rv64_vfixed.c, rv64_vperm.c, rv64_vmask.c,
 * rv64_vred.c, and for floating point rv64_vfp.c, rv64_vfwide.c,
 * rv64_vfcvt.c and rv64_vfest.c. Element access, the register-group checks
 * and the table of which forms each funct6 has are here. Each instruction
 * ends its block (the helper may change vl and vtype, on which nothing in
 * the translated code depends). */
#include <string.h>
#include "rv64_vec.h"

uint64_t rv64_vget(const struct rv64_cpu *r, unsigned reg, uint64_t i, unsigned eew) {
  uint64_t v = 0;
  memcpy(&v, &r->v[reg * RV64_VLENB + (i << eew)], 1u << eew);
  return v;
}

void rv64_vput(struct rv64_cpu *r, unsigned reg, uint64_t i, unsigned eew, uint64_t v) {
  memcpy(&r->v[reg * RV64_VLENB + (i << eew)], &v, 1u << eew);
}

bool rv64_vmbit(const struct rv64_cpu *r, unsigned reg, uint64_t i) {
  return r->v[reg * RV64_VLENB + i / 8] >> (i % 8) & 1;
}

void rv64_vmput(struct rv64_cpu *r, unsigned reg, uint64_t i, bool bit) {
  uint8_t *p = &r->v[reg * RV64_VLENB + i / 8];
  *p = (uint8_t)((*p & ~(1u << (i % 8))) | (unsigned)bit << (i % 8));
}

uint64_t rv64_vold(const struct rv64_vinsn *v, unsigned reg, uint64_t i, unsigned eew) {
  uint64_t x = 0;
  memcpy(&x, &v->old[reg * RV64_VLENB + (i << eew)], 1u << eew);
  return x;
}

bool rv64_voldbit(const struct rv64_vinsn *v, unsigned reg, uint64_t i) {
  return v->old[reg * RV64_VLENB + i / 8] >> (i % 8) & 1;
}

int64_t rv64_vsext(uint64_t v, unsigned eew) {
  unsigned sh = 64 - (8u << eew);
  return (int64_t)(v << sh) >> sh;
}

uint64_t rv64_vtrunc(uint64_t v, unsigned eew) {
  return eew == 3 ? v : v & ((1ull << (8u << eew)) - 1);
}

bool rv64_valign(unsigned reg, int lmul) {
  return lmul <= 0 || (reg & ((1u << lmul) - 1)) == 0;
}

bool rv64_voverlap(int a, int asize, int b, int bsize) {
  int end = a + asize > b + bsize ? a + asize : b + bsize;
  int start = a < b ? a : b;
  return end - start < asize + bsize;
}

/* The registers a group of EMUL 2^lmul takes: one for a fraction. */
int rv64_vregs(int lmul) {
  return lmul <= 0 ? 1 : 1 << lmul;
}

/* Section 5.2 of the V spec: a wider destination may overlap the source
 * only in its highest-numbered part, when the source is at least one
 * register. */
bool rv64_vnoover(unsigned dst, int dst_lmul, unsigned src, int src_lmul) {
  int dsize = rv64_vregs(dst_lmul), ssize = rv64_vregs(src_lmul);
  int d = (int)dst, s = (int)src;
  if (dsize > ssize && d < s && src_lmul >= 0 && rv64_voverlap(d, dsize, s, ssize) &&
      !rv64_voverlap(d, dsize, s + ssize, ssize))
    return true;
  return !rv64_voverlap(d, dsize, s, ssize);
}

bool rv64_vwide_srcs_ok(const struct rv64_vinsn *v, bool vv, bool wide_vs2) {
  if (wide_vs2
          ? !rv64_valign(v->vs2, v->lmul + 1)
          : !rv64_valign(v->vs2, v->lmul) || !rv64_vnoover(v->vd, v->lmul + 1, v->vs2, v->lmul))
    return false;
  return !vv || (rv64_valign(v->vs1, v->lmul) && rv64_vnoover(v->vd, v->lmul + 1, v->vs1, v->lmul));
}

uint64_t rv64_vsrc1(const struct rv64_vinsn *v, uint64_t i, unsigned eew, bool uimm) {
  switch (v->funct3) {
  case RV64_OPIVV:
  case RV64_OPMVV: return rv64_vold(v, v->vs1, i, eew);
  case RV64_OPIVI: return rv64_vtrunc(uimm ? v->vs1 : (uint64_t)rv64_vsext5(v->vs1), eew);
  default: return rv64_vtrunc(v->vs1 ? v->r->x[v->vs1] : 0, eew);
  }
}

uint64_t rv64_vround(unsigned vxrm, unsigned __int128 v, unsigned d) {
  if (d == 0)
    return 0;
  unsigned bit = (unsigned)(v >> (d - 1)) & 1;
  bool rest = d > 1 && (v & (((unsigned __int128)1 << (d - 1)) - 1)) != 0;
  bool lsb = (unsigned)(v >> d) & 1;
  switch (vxrm & 3) {
  case 0: return bit;                    /* rnu */
  case 1: return bit && (rest || lsb);   /* rne */
  case 2: return 0;                      /* rdn */
  default: return !lsb && (bit || rest); /* rod */
  }
}

/* The forms each funct6 has (V spec chapter 10.1 and the opcode tables of
 * its appendix): bit 0 .vv, bit 1 .vx, bit 2 .vi; OPI and OPM. */
enum { VV = 1, VX = 2, VI = 4, VVXI = 7, VVX = 3, VXI = 6 };
static const unsigned char rv64_vopi_forms[64] = {
    [0x00] = VVXI, [0x02] = VVX,  [0x03] = VXI,  [0x04] = VVX,  [0x05] = VVX,  [0x06] = VVX,
    [0x07] = VVX,  [0x09] = VVXI, [0x0a] = VVXI, [0x0b] = VVXI, [0x0c] = VVXI, [0x0e] = VVXI,
    [0x0f] = VXI,  [0x10] = VVXI, [0x11] = VVXI, [0x12] = VVX,  [0x13] = VVX,  [0x17] = VVXI,
    [0x18] = VVXI, [0x19] = VVXI, [0x1a] = VVX,  [0x1b] = VVX,  [0x1c] = VVXI, [0x1d] = VVXI,
    [0x1e] = VXI,  [0x1f] = VXI,  [0x20] = VVXI, [0x21] = VVXI, [0x22] = VVX,  [0x23] = VVX,
    [0x25] = VVXI, [0x27] = VVXI, [0x28] = VVXI, [0x29] = VVXI, [0x2a] = VVXI, [0x2b] = VVXI,
    [0x2c] = VVXI, [0x2d] = VVXI, [0x2e] = VVXI, [0x2f] = VVXI, [0x30] = VV,   [0x31] = VV,
};
static const unsigned char rv64_vopm_forms[64] = {
    [0x00] = VV,  [0x01] = VV,  [0x02] = VV,  [0x03] = VV,  [0x04] = VV,  [0x05] = VV,
    [0x06] = VV,  [0x07] = VV,  [0x08] = VVX, [0x09] = VVX, [0x0a] = VVX, [0x0b] = VVX,
    [0x0e] = VX,  [0x0f] = VX,  [0x10] = VVX, [0x12] = VV,  [0x14] = VV,  [0x17] = VV,
    [0x18] = VV,  [0x19] = VV,  [0x1a] = VV,  [0x1b] = VV,  [0x1c] = VV,  [0x1d] = VV,
    [0x1e] = VV,  [0x1f] = VV,  [0x20] = VVX, [0x21] = VVX, [0x22] = VVX, [0x23] = VVX,
    [0x24] = VVX, [0x25] = VVX, [0x26] = VVX, [0x27] = VVX, [0x29] = VVX, [0x2b] = VVX,
    [0x2d] = VVX, [0x2f] = VVX, [0x30] = VVX, [0x31] = VVX, [0x32] = VVX, [0x33] = VVX,
    [0x34] = VVX, [0x35] = VVX, [0x36] = VVX, [0x37] = VVX, [0x38] = VVX, [0x3a] = VVX,
    [0x3b] = VVX, [0x3c] = VVX, [0x3d] = VVX, [0x3e] = VX,  [0x3f] = VVX,
};

static bool rv64_vform_ok(const struct rv64_vinsn *v) {
  switch (v->funct3) {
  case RV64_OPIVV: return rv64_vopi_forms[v->funct6] & VV;
  case RV64_OPIVX: return rv64_vopi_forms[v->funct6] & VX;
  case RV64_OPIVI: return rv64_vopi_forms[v->funct6] & VI;
  case RV64_OPMVV: return rv64_vopm_forms[v->funct6] & VV;
  case RV64_OPMVX: return rv64_vopm_forms[v->funct6] & VX;
  default: return false;
  }
}

/* OP-V arithmetic: each class says whether it took the instruction. */
static bool rv64_v_arith(struct rv64_vinsn *v) {
  bool done = false, ok;
  if (v->funct3 == RV64_OPFVV || v->funct3 == RV64_OPFVF)
    return rv64_v_fp(v);
  if (!rv64_vform_ok(v))
    return false;
  ok = rv64_v_perm(v, &done);
  if (!done)
    ok = rv64_v_mask(v, &done);
  if (!done)
    ok = rv64_v_red(v, &done);
  if (!done)
    ok = rv64_v_fixed(v, &done);
  if (done)
    return ok;
  if (!rv64_vtype_ok(v))
    return false;
  return v->funct3 == RV64_OPMVV || v->funct3 == RV64_OPMVX ? rv64_v_opm(v) : rv64_v_opi(v);
}

static void rv64_vinsn_decode(struct rv64_vinsn *v, struct rv64_cpu *r, uint32_t insn) {
  memset(v, 0, sizeof(*v));
  v->r = r;
  v->insn = insn;
  v->funct6 = rv64_vbits(insn, 26, 6);
  v->vm = rv64_vbits(insn, 25, 1);
  v->vs2 = rv64_vbits(insn, 20, 5);
  v->vs1 = rv64_vbits(insn, 15, 5);
  v->funct3 = rv64_vbits(insn, 12, 3);
  v->vd = rv64_vbits(insn, 7, 5);
  v->sew = r->vtype >> 3 & 7;
  unsigned lm = r->vtype & 7;
  v->lmul = lm & 4 ? (int)lm - 8 : (int)lm;
  v->vl = r->vl;
  v->vstart = r->vstart;
  memcpy(v->old, r->v, sizeof(v->old));
}

bool rv64_vtype_ok(const struct rv64_vinsn *v) {
  return !(v->r->vtype >> 63);
}

uint64_t rv64_h_vec(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct rv64_cpu *r = (struct rv64_cpu *)c;
  struct rv64_vinsn v;
  (void)unused;
  c->pc = pc; /* a fault in a load or store is the guest's, at this instruction */
  r->v_used = 1;
  if ((insn & 0x7f) == 0x57 && rv64_vbits((uint32_t)insn, 12, 3) == 7)
    return !rv64_v_setvl(r, (uint32_t)insn);
  rv64_vinsn_decode(&v, r, (uint32_t)insn);
  bool ok = (insn & 0x7f) == 0x57 ? rv64_v_arith(&v) : rv64_v_ldst(&v);
  if (ok)
    r->vstart = 0;
  return !ok;
}
