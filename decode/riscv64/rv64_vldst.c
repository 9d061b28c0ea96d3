/* rv64_vldst.c - the vector loads and stores (V spec chapter 7): unit-stride,
 * strided, indexed (ordered and unordered alike: one element after the
 * other), segments (nf fields), whole registers, masks (vlm.v, vsm.v) and
 * fault-only-first. Guest memory is the host's at the same address; vstart
 * names the element being accessed, so that a fault (the host's SIGSEGV in
 * this helper, delivered to the guest at the instruction's pc) leaves it
 * where the spec says. A fault-only-first load trims vl instead at an
 * element after the first that cannot be read. */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>
#include "rv64_vec.h"

enum { RV64_MOP_UNIT, RV64_MOP_INDEXU, RV64_MOP_STRIDE, RV64_MOP_INDEXO };
enum { RV64_LUMOP_WHOLE = 8, RV64_LUMOP_MASK = 11, RV64_LUMOP_FF = 16 };

/* The EEW (log2 bytes) of width 000, 101, 110, 111; -1 otherwise. */
static int rv64_veew(unsigned width) {
  return width == 0 ? 0 : width >= 5 ? (int)width - 4 : -1;
}

/* len bytes at addr can be read without a fault. */
static bool rv64_readable(uint64_t addr, size_t len) {
  char buf[64];
  struct iovec local = {buf, len}, remote = {(void *)(uintptr_t)addr, len};
  ssize_t n = process_vm_readv(getpid(), &local, 1, &remote, 1, 0);
  return n == (ssize_t)len || (n < 0 && errno != EFAULT);
}

/* Element i of field f of register group vd (each field emul registers)
 * from or to addr. */
static void rv64_velem(struct rv64_vinsn *v, bool store, uint64_t addr, unsigned vd, uint64_t i,
                       unsigned eew) {
  uint8_t *reg = &v->r->v[vd * RV64_VLENB + (i << eew)];
  void *mem = (void *)(uintptr_t)addr;
  if (store)
    memcpy(mem, reg, 1u << eew);
  else
    memcpy(reg, mem, 1u << eew);
}

/* Whole registers: nf + 1 of them, eew only names the element size. */
static bool rv64_vwhole(struct rv64_vinsn *v, bool store, unsigned eew, uint64_t base) {
  unsigned nf = rv64_vbits(v->insn, 29, 3) + 1;
  if ((nf & (nf - 1)) || v->vd % nf || !v->vm || (store && eew != 0))
    return false;
  uint64_t evl = (uint64_t)nf * RV64_VLENB >> eew;
  for (uint64_t i = v->vstart; i < evl; i++) {
    v->r->vstart = i;
    rv64_velem(v, store, base + (i << eew), v->vd, i, eew);
  }
  return true;
}

/* vlm.v, vsm.v: ceil(vl / 8) bytes. */
static bool rv64_vmaskls(struct rv64_vinsn *v, bool store, uint64_t base) {
  if (!rv64_vtype_ok(v) || !v->vm || rv64_vbits(v->insn, 29, 3) || rv64_vbits(v->insn, 12, 3))
    return false;
  uint64_t evl = (v->vl + 7) / 8;
  for (uint64_t i = v->vstart; i < evl; i++) {
    v->r->vstart = i;
    rv64_velem(v, store, base + i, v->vd, i, 0);
  }
  return true;
}

/* A fault-only-first load reads what it can: vl becomes the first element
 * after element 0 that cannot be read. Element 0 faults as any load does,
 * and vl is then left as it was. */
static void rv64_vff_trim(struct rv64_vinsn *v, uint64_t base, unsigned nf, unsigned eew) {
  uint64_t seg = (uint64_t)nf << eew;
  if (v->vstart == 0 && rv64_vactive(v, 0) && !rv64_readable(base, seg))
    return;
  for (uint64_t i = v->vstart ? v->vstart : 1; i < v->vl; i++)
    if (rv64_vactive(v, i) && !rv64_readable(base + i * seg, seg)) {
      v->r->vl = v->vl = i;
      return;
    }
}

/* The checks of a unit-stride or strided access (qemu's vext_check_load):
 * EMUL = EEW / SEW * LMUL within 1/8..8, nf * EMUL <= 8 registers. */
static bool rv64_vls_ok(const struct rv64_vinsn *v, bool store, unsigned nf, int emul,
                        unsigned vd) {
  int size = (int)nf << (emul > 0 ? emul : 0);
  if (emul < -3 || emul > 3 || !rv64_valign(vd, emul) || size > 8 || (int)vd + size > 32)
    return false;
  return store || rv64_vmok(v, vd);
}

/* The checks of an indexed access (qemu's vext_check_ld_index). */
static bool rv64_vidx_ok(const struct rv64_vinsn *v, bool store, unsigned nf, int emul) {
  if (emul < -3 || emul > 3 || !rv64_valign(v->vs2, emul) || !rv64_valign(v->vd, v->lmul))
    return false;
  int size = (int)nf << (v->lmul > 0 ? v->lmul : 0);
  if (size > 8 || (int)v->vd + size > 32)
    return false;
  if (store)
    return true;
  if (!rv64_vmok(v, v->vd))
    return false;
  unsigned eew = (unsigned)(emul - v->lmul + (int)v->sew);
  int fsize = 1 << (v->lmul > 0 ? v->lmul : 0), isize = 1 << (emul > 0 ? emul : 0);
  for (unsigned f = 0; f < nf; f++) {
    unsigned seg_vd = v->vd + f * (unsigned)fsize;
    if (eew != v->sew && !(eew > v->sew && seg_vd == v->vs2) &&
        !rv64_vnoover(seg_vd, v->lmul, v->vs2, emul))
      return false;
    /* indexed segment loads: no field may overlap the indices (7.8.3) */
    if (nf > 1 && rv64_voverlap((int)seg_vd, fsize, (int)v->vs2, isize))
      return false;
  }
  return true;
}

/* Unit-stride, strided and indexed, with nf fields: field f of element i
 * is at base + offset(i) + f * (1 << data eew). */
static bool rv64_vls(struct rv64_vinsn *v, bool store, unsigned mop, unsigned eew, uint64_t base) {
  unsigned nf = rv64_vbits(v->insn, 29, 3) + 1;
  bool indexed = mop == RV64_MOP_INDEXU || mop == RV64_MOP_INDEXO;
  int emul = (int)eew - (int)v->sew + v->lmul;
  unsigned deew = indexed ? v->sew : eew;
  int demul = indexed ? v->lmul : emul;
  if (indexed ? !rv64_vidx_ok(v, store, nf, emul) : !rv64_vls_ok(v, store, nf, emul, v->vd))
    return false;
  int64_t stride =
      mop == RV64_MOP_STRIDE ? (int64_t)(v->vs2 ? v->r->x[v->vs2] : 0) : (int64_t)nf << eew;
  if (mop == RV64_MOP_UNIT && v->vs2 == RV64_LUMOP_FF && !store)
    rv64_vff_trim(v, base, nf, eew);
  unsigned fregs = 1u << (demul > 0 ? demul : 0);
  for (uint64_t i = v->vstart; i < v->vl; i++) {
    if (!rv64_vactive(v, i))
      continue;
    uint64_t off = indexed ? rv64_vget(v->r, v->vs2, i, eew) : (uint64_t)(stride * (int64_t)i);
    v->r->vstart = i;
    for (unsigned f = 0; f < nf; f++)
      rv64_velem(v, store, base + off + ((uint64_t)f << deew), v->vd + f * fregs, i, deew);
  }
  return true;
}

bool rv64_v_ldst(struct rv64_vinsn *v) {
  bool store = (v->insn & 0x7f) == 0x27;
  int eew = rv64_veew(v->funct3);
  unsigned mop = rv64_vbits(v->insn, 26, 2), lumop = v->vs2;
  uint64_t base = v->vs1 ? v->r->x[v->vs1] : 0;
  if (eew < 0 || rv64_vbits(v->insn, 28, 1)) /* mew: EEW > 64 */
    return false;
  if (mop == RV64_MOP_UNIT && lumop == RV64_LUMOP_WHOLE)
    return rv64_vwhole(v, store, (unsigned)eew, base);
  if (!rv64_vtype_ok(v))
    return false;
  if (mop == RV64_MOP_UNIT && lumop == RV64_LUMOP_MASK)
    return rv64_vmaskls(v, store, base);
  if (mop == RV64_MOP_UNIT && lumop != 0 && (store || lumop != RV64_LUMOP_FF))
    return false;
  return rv64_vls(v, store, mop, (unsigned)eew, base);
}
