/* a64_cpu.h - the AArch64 guest's register state, one per guest thread.
 * Decoded code reaches fields by offsetof(struct a64_cpu, ...) in IR GET/PUT.
 * Code outside the decoder (syscalls, signal frames) reaches them through the
 * state layout of the guest descriptor (a64_guest.c).
 */
#ifndef A64_CPU_H
#define A64_CPU_H

#include <stddef.h>
#include <stdint.h>
#include "../../xrun.h"
#include "../../ir/ir.h"

/* FPCR: AHP, DN, FZ, RMode, FZ16, Stride, Len; FPSR: NZCV (AArch32), QC, IDC,
 * IXC, UFC, OFC, DZC, IOC. The trap-enable bits read as zero. */
enum { A64_FPCR_WRITABLE = 0x07ff0000, A64_FPSR_WRITABLE = 0xf800009f };

struct a64_cpu {
  struct cpu c;   /* must be first */
  uint64_t x[32]; /* x[31] is SP; XZR is handled by the decoder */
  uint64_t nzcv;  /* canonical nibble N=8 Z=4 C=2 V=1 (bits 31..28 of NZCV >> 28) */
  uint64_t tpidr_el0;
  uint32_t fpcr, fpsr;
  uint64_t excl_addr;             /* exclusive monitor: address of the last LDXR, or -1 */
  uint64_t excl_val;              /* value it loaded */
  uint64_t excl_val2;             /* second value of LDXP */
  uint64_t excl_size;             /* log2 size of the monitored access */
  _Alignas(16) uint64_t v[32][2]; /* V0..V31, little-endian: v[n][0] is the low 64 bits */
};

/* NZCV from C code: translated code may keep it lazily (ir.h, "Lazy flags"). */
static inline uint64_t a64_nzcv(struct a64_cpu *a) {
  ir_flags_pack(&a->c, offsetof(struct a64_cpu, nzcv));
  return a->nzcv;
}

static inline void a64_set_nzcv_c(struct a64_cpu *a, uint64_t nzcv) {
  a->nzcv = nzcv;
  a->c.lazy_op = 0;
}

/* FPSR's cumulative exception flags IOC DZC OFC UFC IXC are bits 0..4, the
 * IR_FPEXC_* bits of cpu.fp_pending: the guest's FPSR is fpsr | fp_pending. */
enum { A64_FPSR_FPEXC = 0x1f };

/* Fold the pending FP exceptions into FPSR (from C code outside translated code;
 * helpers inside it call xrun_fp_take first). */
static inline uint32_t a64_fpsr_merge(struct a64_cpu *a) {
  a->fpsr |= a->c.fp_pending & A64_FPSR_FPEXC;
  a->c.fp_pending = 0;
  return a->fpsr;
}

#endif
