/* rv64_cpu.h - the RV64GC guest's register state, one per guest thread.
 * Decoded code reaches fields by offsetof(struct rv64_cpu, ...) in IR GET/PUT.
 * Code outside the decoder (syscalls, signal frames) reaches them through the
 * state layout of the guest descriptor (rv64_guest.c).
 */
#ifndef RV64_CPU_H
#define RV64_CPU_H

#include <stddef.h>
#include <stdint.h>
#include "../../xrun.h"

/* fcsr: frm in bits 7:5, fflags NV DZ OF UF NX in bits 4:0. */
enum { RV64_FCSR_MASK = 0xff, RV64_FFLAGS_MASK = 0x1f, RV64_FRM_SHIFT = 5 };

/* The cache-block size of Zicbom and Zicboz (CMO spec 1.0, chapter 2.1): the
 * block cbo.zero zeroes, and riscv_hwprobe's ZICBOZ/ZICBOM_BLOCK_SIZE. */
enum { RV64_CBO_BLOCK = 64 };

struct rv64_cpu {
  struct cpu c;      /* must be first */
  uint64_t x[32];    /* x[0] is never written: the decoder reads it as 0 */
  uint64_t f[32];    /* f0..f31; a binary32 value is NaN-boxed (upper 32 bits all ones) */
  uint64_t fcsr;     /* frm and the accrued fflags (fflags | what cpu.fp_pending holds) */
  uint64_t res_addr; /* LR/SC reservation: address of the last LR, or ~0 */
  uint64_t res_val;  /* the value it loaded */
  /* V (RVV 1.0) with VLEN 128, ELEN 64: v0..v31 as one byte array, so that
   * a register group of LMUL registers is contiguous; element i of SEW
   * bytes of the group at vd is at v[vd * RV64_VLENB + i * SEW]. */
  uint8_t v[32 * 16] __attribute__((aligned(16)));
  uint64_t vl, vtype, vstart; /* vtype has vill in bit 63 */
  uint64_t vxrm, vxsat;
  uint8_t v_used; /* a vector instruction or CSR has run (struct guest.vec_used_off) */
};

/* VLEN / 8, the vlenb CSR. */
enum { RV64_VLENB = 16 };

/* The RISC-V fflags bits NV DZ OF UF NX are 4..0; IR_FPEXC_* (ir.h) are
 * invalid 1, divzero 2, overflow 4, underflow 8, inexact 16: reversed. */
static inline uint32_t rv64_fflags_of_fpexc(uint32_t e) {
  return (e & 1) << 4 | (e & 2) << 2 | (e & 4) | (e & 8) >> 2 | (e & 16) >> 4;
}

/* fcsr with the pending FP exceptions folded in (from C code). */
static inline uint64_t rv64_fcsr_merge(struct rv64_cpu *r) {
  r->fcsr |= rv64_fflags_of_fpexc(r->c.fp_pending);
  r->c.fp_pending = 0;
  return r->fcsr;
}

#endif
