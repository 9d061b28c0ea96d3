/* rv64_vset.c - vsetvli, vsetivli and vsetvl (V spec chapter 6) and the
 * vector CSRs (chapter 3) as rv64_csr.c reaches them. VLEN 128 and ELEN
 * 64: SEW 8..64, LMUL 1/8..8 with SEW <= ELEN * LMUL. A vtype xrun does not
 * take sets vill and vl = 0. When AVL exceeds VLMAX, vl is VLMAX (as qemu
 * chooses among what the spec allows). */
#include "rv64_vec.h"

/* VLMAX of vtype, 0 for an unsupported one. */
static uint64_t rv64_vlmax(uint64_t vtype) {
  unsigned sew = vtype >> 3 & 7, lm = vtype & 7;
  if (vtype >> 8 || sew > 3 || lm == 4)
    return 0; /* reserved bits (vill among them), SEW > ELEN, reserved LMUL */
  if (lm & 4 && (64u >> (8 - lm)) < (8u << sew))
    return 0; /* fractional LMUL with SEW > ELEN * LMUL */
  unsigned bytes = lm & 4 ? RV64_VLENB >> (8 - lm) : RV64_VLENB << lm;
  return bytes >> sew;
}

static uint64_t rv64_vsetvl_do(struct rv64_cpu *r, uint64_t avl, uint64_t vtype) {
  uint64_t vlmax = rv64_vlmax(vtype);
  r->vstart = 0;
  if (!vlmax) {
    r->vtype = 1ull << 63;
    r->vl = 0;
    return 0;
  }
  r->vtype = vtype;
  r->vl = avl < vlmax ? avl : vlmax;
  return r->vl;
}

/* rs1 = x0: AVL is ~0 (vl = VLMAX) when rd is not x0, else the current vl. */
bool rv64_v_setvl(struct rv64_cpu *r, uint32_t insn) {
  unsigned rd = rv64_vbits(insn, 7, 5), rs1 = rv64_vbits(insn, 15, 5);
  uint64_t avl, vtype;
  if (insn >> 31 == 0) { /* vsetvli */
    vtype = rv64_vbits(insn, 20, 11);
  } else if (insn >> 30 == 3) { /* vsetivli */
    vtype = rv64_vbits(insn, 20, 10);
  } else if (rv64_vbits(insn, 25, 6) == 0) { /* vsetvl */
    unsigned rs2 = rv64_vbits(insn, 20, 5);
    vtype = rs2 ? r->x[rs2] : 0;
  } else {
    return false;
  }
  if (insn >> 30 == 3)
    avl = rs1;
  else if (rs1)
    avl = r->x[rs1];
  else
    avl = rd ? ~0ull : r->vl;
  uint64_t vl = rv64_vsetvl_do(r, avl, vtype);
  if (rd)
    r->x[rd] = vl;
  return true;
}
