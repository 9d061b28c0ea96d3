/* rv64_vec.h - private to the V extension's helpers (RVV 1.0, VLEN 128,
 * ELEN 64): the decoded instruction, element access to the register file in
 * struct rv64_cpu, and the checks the spec (and qemu, where the spec leaves
 * a choice) make before an instruction runs. Tail and masked-off elements
 * are left undisturbed, which the agnostic policies allow.
 *
 *   rv64_h_vec(cpu, insn, pc) - 0 done, 1 refused (SIGILL)
 */
#ifndef RV64_VEC_H
#define RV64_VEC_H

#include <stdbool.h>
#include <stdint.h>
#include "rv64_cpu.h"

uint64_t rv64_h_vec(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused);

/* One vector instruction as the helpers see it. */
struct rv64_vinsn {
  struct rv64_cpu *r;
  uint32_t insn;
  unsigned funct6, funct3, vd, vs1, vs2;
  bool vm;      /* 1: unmasked */
  unsigned sew; /* log2 of the element bytes, 0..3 */
  int lmul;     /* log2, -3..3 */
  uint64_t vl, vstart;
  /* The register file before the instruction: sources are read from here,
   * so that a destination overlapping a source (where the spec allows it)
   * does not change the operands of later elements. */
  uint8_t old[32 * RV64_VLENB];
};

static inline int64_t rv64_vsext5(unsigned imm) {
  return (int64_t)((uint64_t)imm << 59) >> 59;
}

static inline unsigned rv64_vbits(uint32_t insn, unsigned pos, unsigned len) {
  return insn >> pos & ((1u << len) - 1);
}

/* Element i of eew (log2 bytes) of the group at reg, zero-extended. */
uint64_t rv64_vget(const struct rv64_cpu *r, unsigned reg, uint64_t i, unsigned eew);
void rv64_vput(struct rv64_cpu *r, unsigned reg, uint64_t i, unsigned eew, uint64_t v);
/* Bit i of the mask register reg. */
bool rv64_vmbit(const struct rv64_cpu *r, unsigned reg, uint64_t i);
void rv64_vmput(struct rv64_cpu *r, unsigned reg, uint64_t i, bool bit);
/* The same of the register file before the instruction. */
uint64_t rv64_vold(const struct rv64_vinsn *v, unsigned reg, uint64_t i, unsigned eew);
bool rv64_voldbit(const struct rv64_vinsn *v, unsigned reg, uint64_t i);
/* Element i takes part: unmasked, or v0's bit i set. */
static inline bool rv64_vactive(const struct rv64_vinsn *v, uint64_t i) {
  return v->vm || rv64_voldbit(v, 0, i);
}
/* v sign-extended from eew (log2 bytes) to 64 bits. */
int64_t rv64_vsext(uint64_t v, unsigned eew);
uint64_t rv64_vtrunc(uint64_t v, unsigned eew);

/* vill is clear. */
bool rv64_vtype_ok(const struct rv64_vinsn *v);

/* The checks (qemu's trans_rvv.c.inc names them alike). lmul and emul are
 * log2 register counts; a group of 1/2..1/8 is one register. */
bool rv64_valign(unsigned reg, int lmul);
/* Register ranges [a, a + asize) and [b, b + bsize) overlap. */
bool rv64_voverlap(int a, int asize, int b, int bsize);
int rv64_vregs(int lmul);
bool rv64_vnoover(unsigned dst, int dst_lmul, unsigned src, int src_lmul);
/* The sources of a widening op (destination 2*SEW): vs2 of SEW, or of
 * 2*SEW when wide_vs2 (the .w forms); vs1 of SEW when vv. */
bool rv64_vwide_srcs_ok(const struct rv64_vinsn *v, bool vv, bool wide_vs2);
static inline bool rv64_vmok(const struct rv64_vinsn *v, unsigned vd) {
  return v->vm || vd != 0;
}

/* The instruction classes; each returns false to refuse. */
bool rv64_v_setvl(struct rv64_cpu *r, uint32_t insn);
bool rv64_v_ldst(struct rv64_vinsn *v);
bool rv64_v_opi(struct rv64_vinsn *v);
bool rv64_v_opm(struct rv64_vinsn *v);
bool rv64_v_fixed(struct rv64_vinsn *v, bool *done);
bool rv64_v_perm(struct rv64_vinsn *v, bool *done);
bool rv64_v_mask(struct rv64_vinsn *v, bool *done);
bool rv64_v_red(struct rv64_vinsn *v, bool *done);
bool rv64_v_fp(struct rv64_vinsn *v);
/* VFUNARY0 under rounding mode rm, flags into *fl (rv64_vfcvt.c). */
bool rv64_v_fcvt(struct rv64_vinsn *v, unsigned rm, unsigned *fl);
/* vfrsqrt7, vfrec7 of one element (rv64_vfest.c). */
uint64_t rv64_frsqrt7(unsigned fmt, uint64_t a, unsigned *fl);
uint64_t rv64_frec7(unsigned fmt, unsigned rm, uint64_t a, unsigned *fl);
/* funct6 0x30..0x3f: the widening FP operations with the FP scalar
 * (rv64_vfwide.c). */
bool rv64_v_fwide(struct rv64_vinsn *v, uint64_t scalar, unsigned rm, unsigned *fl);
/* vslide1up (up) or vslide1down with the scalar x (rv64_vperm.c). */
bool rv64_vslide1(struct rv64_vinsn *v, bool up, uint64_t x);

/* rv64_vint.c's group check of single-width operations; rv64_vwide.c's
 * widening, narrowing and extending instructions. */
bool rv64_vsss_ok(const struct rv64_vinsn *v);
bool rv64_v_widen(struct rv64_vinsn *v);
bool rv64_v_narrow(struct rv64_vinsn *v);
bool rv64_vnarrow_ok(const struct rv64_vinsn *v);
bool rv64_v_ext(struct rv64_vinsn *v);

/* The source operand b of element i: vs1's element (funct3 OPIVV, OPMVV),
 * x[rs1] (OPIVX, OPMVX) or the 5-bit immediate (OPIVI), sign-extended
 * unless uimm; truncated to eew. */
uint64_t rv64_vsrc1(const struct rv64_vinsn *v, uint64_t i, unsigned eew, bool uimm);

enum { RV64_OPIVV, RV64_OPFVV, RV64_OPMVV, RV64_OPIVI, RV64_OPIVX, RV64_OPFVF, RV64_OPMVX };

/* vxrm rounding increment of v shifted right by d (chapter 31.1 of the V
 * spec: "Rounding Mode"). */
uint64_t rv64_vround(unsigned vxrm, unsigned __int128 v, unsigned d);

#endif
