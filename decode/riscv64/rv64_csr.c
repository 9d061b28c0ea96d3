/* rv64_csr.c - Zicsr (unprivileged ISA, chapter 6) on the CSRs a user
 * program has: fflags, frm and fcsr (chapter 20.2), Zicntr's cycle,
 * time and instret (chapter 8.1), which are read-only, and V's vstart,
 * vxsat, vxrm, vcsr and the read-only vl, vtype and vlenb. Any other CSR, and a
 * write to a read-only one, raises SIGILL as the hardware does.
 *
 * A CSR access is a call of rv64_h_csr; one that writes the FP CSRs ends the
 * block, so that FP code after it is translated for the new frm. */
#include <signal.h>
#include <time.h>
#include "rv64.h"

enum {
  RV64_CSR_FFLAGS = 0x001,
  RV64_CSR_FRM = 0x002,
  RV64_CSR_FCSR = 0x003,
  RV64_CSR_VSTART = 0x008,
  RV64_CSR_VXSAT = 0x009,
  RV64_CSR_VXRM = 0x00a,
  RV64_CSR_VCSR = 0x00f,
  RV64_CSR_VL = 0xc20,
  RV64_CSR_VTYPE = 0xc21,
  RV64_CSR_VLENB = 0xc22,
  RV64_CSR_CYCLE = 0xc00,
  RV64_CSR_TIME = 0xc01,
  RV64_CSR_INSTRET = 0xc02,
};

/* How rv64_h_csr changes the CSR: op in bits 17:16 of its csr argument. */
enum { RV64_CSR_READ = 0, RV64_CSR_WRITE = 1, RV64_CSR_SET = 2, RV64_CSR_CLEAR = 3 };

/* time counts at 10 MHz, the timebase of QEMU's virt board; cycle and
 * instret count nanoseconds: both only need to be monotonic. */
static uint64_t rv64_counter(unsigned csr) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  uint64_t ns = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
  return csr == RV64_CSR_TIME ? ns / 100 : ns;
}

static uint64_t rv64_fcsr_read(struct rv64_cpu *r, unsigned csr) {
  xrun_fp_take(&r->c);
  uint64_t fcsr = rv64_fcsr_merge(r);
  if (csr == RV64_CSR_FFLAGS)
    return fcsr & RV64_FFLAGS_MASK;
  return csr == RV64_CSR_FRM ? fcsr >> RV64_FRM_SHIFT & 7 : fcsr;
}

static void rv64_fcsr_write(struct rv64_cpu *r, unsigned csr, uint64_t v) {
  if (csr == RV64_CSR_FFLAGS)
    v = (r->fcsr & ~(uint64_t)RV64_FFLAGS_MASK) | (v & RV64_FFLAGS_MASK);
  else if (csr == RV64_CSR_FRM)
    v = (r->fcsr & RV64_FFLAGS_MASK) | (v & 7) << RV64_FRM_SHIFT;
  r->fcsr = v & RV64_FCSR_MASK;
}

/* The V CSRs (V spec chapter 3): vstart, vxsat, vxrm and vcsr (vxrm in
 * bits 2:1, vxsat in bit 0) are writable, vl, vtype and vlenb read-only. */
static uint64_t rv64_vcsr_read(const struct rv64_cpu *r, unsigned csr) {
  switch (csr) {
  case RV64_CSR_VSTART: return r->vstart;
  case RV64_CSR_VXSAT: return r->vxsat;
  case RV64_CSR_VXRM: return r->vxrm;
  case RV64_CSR_VCSR: return r->vxrm << 1 | r->vxsat;
  case RV64_CSR_VL: return r->vl;
  case RV64_CSR_VTYPE: return r->vtype;
  default: return RV64_VLENB;
  }
}

static void rv64_vcsr_write(struct rv64_cpu *r, unsigned csr, uint64_t v) {
  switch (csr) {
  case RV64_CSR_VSTART: r->vstart = v & (8 * RV64_VLENB - 1); break; /* bits enough for VLMAX */
  case RV64_CSR_VXSAT: r->vxsat = v & 1; break;
  case RV64_CSR_VXRM: r->vxrm = v & 3; break;
  default: r->vxrm = v >> 1 & 3, r->vxsat = v & 1; break;
  }
}

static bool rv64_is_vcsr(unsigned n) {
  return (n >= RV64_CSR_VSTART && n <= RV64_CSR_VXRM) || n == RV64_CSR_VCSR ||
         (n >= RV64_CSR_VL && n <= RV64_CSR_VLENB);
}

/* The old value of the CSR (bits 11:0 of csr), after the change op (bits
 * 17:16) with v. Called only for CSRs rv64_csr_known accepts. */
static uint64_t rv64_h_csr(struct cpu *c, uint64_t csr, uint64_t v, uint64_t unused) {
  (void)unused;
  struct rv64_cpu *r = (struct rv64_cpu *)c;
  unsigned n = csr & 0xfff, op = csr >> 16 & 3;
  if (rv64_is_vcsr(n)) {
    r->v_used = 1;
    uint64_t old = rv64_vcsr_read(r, n);
    if (op != RV64_CSR_READ)
      rv64_vcsr_write(r, n, op == RV64_CSR_WRITE ? v : op == RV64_CSR_SET ? old | v : old & ~v);
    return old;
  }
  if (n >= RV64_CSR_CYCLE)
    return rv64_counter(n);
  uint64_t old = rv64_fcsr_read(r, n);
  if (op != RV64_CSR_READ)
    rv64_fcsr_write(r, n, op == RV64_CSR_WRITE ? v : op == RV64_CSR_SET ? old | v : old & ~v);
  return old;
}

static bool rv64_csr_known(unsigned csr, bool writes) {
  if (csr >= RV64_CSR_FFLAGS && csr <= RV64_CSR_FCSR)
    return true;
  if (rv64_is_vcsr(csr))
    return csr < RV64_CSR_VL || !writes;
  return csr >= RV64_CSR_CYCLE && csr <= RV64_CSR_INSTRET && !writes;
}

/* CSRRW writes always; CSRRS/CSRRC only when rs1 (or the immediate) is not 0. */
static bool rv64_csr(struct rv64_ctx *s, const struct arg_csr *a, unsigned op, bool imm) {
  bool writes = op == RV64_CSR_WRITE || a->rs1 != 0;
  unsigned csr = (unsigned)a->csr & 0xfff;
  if (!rv64_csr_known(csr, writes))
    return rv64_illegal(s);
  uint32_t v = imm ? rv64_imm(s, a->rs1) : rv64_get(s, a->rs1);
  unsigned how = writes ? op : RV64_CSR_READ;
  uint32_t arg = rv64_imm(s, csr | how << 16);
  rv64_set(s, a->rd, ir_call(s->b, IR_I64, (void *)rv64_h_csr, arg, v, 0));
  if (writes && csr <= RV64_CSR_FCSR)
    rv64_goto(s, s->pc + 4);
  return true;
}

bool rv64_trans_csrrw(struct rv64_ctx *s, const struct arg_csr *a) {
  return rv64_csr(s, a, RV64_CSR_WRITE, false);
}
bool rv64_trans_csrrs(struct rv64_ctx *s, const struct arg_csr *a) {
  return rv64_csr(s, a, RV64_CSR_SET, false);
}
bool rv64_trans_csrrc(struct rv64_ctx *s, const struct arg_csr *a) {
  return rv64_csr(s, a, RV64_CSR_CLEAR, false);
}
bool rv64_trans_csrrwi(struct rv64_ctx *s, const struct arg_csr *a) {
  return rv64_csr(s, a, RV64_CSR_WRITE, true);
}
bool rv64_trans_csrrsi(struct rv64_ctx *s, const struct arg_csr *a) {
  return rv64_csr(s, a, RV64_CSR_SET, true);
}
bool rv64_trans_csrrci(struct rv64_ctx *s, const struct arg_csr *a) {
  return rv64_csr(s, a, RV64_CSR_CLEAR, true);
}
