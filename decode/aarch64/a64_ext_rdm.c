/* a64_ext_rdm.c - FEAT_RDM: SQRDMLAH and SQRDMLSH (Arm ARM C7.2), vector,
 * scalar and by element, on halfword and word elements. Each element is
 *   SignedSat(((d << esize) +/- 2 * n * m + (1 << (esize - 1))) >> esize)
 * computed exactly, FPSR.QC set when it saturates.
 */
#include "a64_ext.h"
#include "a64_helpers.h"

static struct a64_cpu *a64(struct cpu *c) {
  return (struct a64_cpu *)c;
}

/* One element: d, n, m signed elements of esz, sub for SQRDMLSH. */
static uint64_t rdm_lane(struct a64_cpu *a, int64_t d, int64_t n, int64_t m, unsigned esz,
                         bool sub) {
  unsigned bits = 8u << esz;
  __int128 prod = 2 * (__int128)n * m;
  __int128 acc = ((__int128)d << bits) + (sub ? -prod : prod) + ((__int128)1 << (bits - 1));
  return a64_sat(a, acc >> bits, esz, false);
}

/* Vd = rdm(Vd, Vn, m) over the elements of o, m the second operand vector. */
static void rdm_vec(struct a64_cpu *a, const struct a64_vop *o, const uint8_t *m, bool sub) {
  const uint8_t *d = a64_vreg(a, o->rd), *n = a64_vreg(a, o->rn);
  uint8_t res[16] = {0};
  for (unsigned e = 0; e < o->elems; e++) {
    int64_t x = a64_slane(d, o->esz, e), y = a64_slane(n, o->esz, e);
    a64_set_lane(res, o->esz, e, rdm_lane(a, x, y, a64_slane(m, o->esz, e), o->esz, sub));
  }
  a64_vset(a, o->rd, res, o->q);
}

/* 0 Q 1 01110 size 0 Rm 1 000 S 1 Rn Rd (vector), 01 1 11110 ... (scalar):
 * S = 0 SQRDMLAH, 1 SQRDMLSH */
static uint64_t h_rdm(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  struct a64_vop o = a64_vop_of(insn, 11, 1);
  (void)pc, (void)unused;
  rdm_vec(a, &o, a64_vreg(a, o.rm), o.opcode);
  return 0;
}

/* Halfword (size 01) and word (10) elements only, in every form. */
static bool rdm_size_ok(uint32_t insn) {
  unsigned size = a64_bits(insn, 22, 2);
  return size == 1 || size == 2;
}

bool trans_ext_rdm(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  return rdm_size_ok(insn) && a64_simd_call(s, h_rdm);
}

/* 0 Q 1 01111 size L M Rm 11 S 1 H 0 Rn Rd (vector), 01 1 11111 ... (scalar):
 * the element of Vm at the index of a64_elem_index, broadcast. */
static uint64_t h_rdm_elem(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  struct a64_vop o = a64_vop_of(insn, 13, 1);
  unsigned index, rm;
  uint8_t m[16];
  (void)pc, (void)unused;
  a64_elem_index((uint32_t)insn, o.esz, &index, &rm);
  uint64_t e = a64_lane(a64_vreg(a, rm), o.esz, index);
  for (unsigned i = 0; i < 16u >> o.esz; i++)
    a64_set_lane(m, o.esz, i, e);
  rdm_vec(a, &o, m, o.opcode);
  return 0;
}

bool trans_ext_rdm_elem(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  return rdm_size_ok(insn) && a64_simd_call(s, h_rdm_elem);
}
