/* a64_sys.c - A64 exception generation, hints, barriers, system registers and
 * cache maintenance (Arm ARM C4.1.66), as Linux lets EL0 see them: the ID
 * registers read as the kernel's sanitised, emulated values
 * (Documentation/arch/arm64/cpu-feature-registers.rst), and they advertise
 * exactly the features in a64_guest.hwcap. */
#include <signal.h>
#include <time.h>
#include "a64_util.h"

/* 11010100 000 imm16(16) 000 01   SVC: Linux ignores imm16 */
bool trans_svc(struct a64_ctx *s, const struct arg_empty *a) {
  (void)a;
  ir_syscall(s->b, s->pc + 4);
  s->end = true;
  return true;
}

/* 11010100 001 imm16(16) 000 00   BRK: SIGTRAP at the instruction */
bool trans_brk(struct a64_ctx *s, const struct arg_empty *a) {
  (void)a;
  a64_trap_here(s, SIGTRAP);
  return true;
}

/* 11010100 010 imm16(16) 000 00   HLT: undefined at EL0 without a halting debugger */
bool trans_hlt(struct a64_ctx *s, const struct arg_empty *a) {
  (void)a;
  a64_trap(s, SIGILL, s->insn);
  return true;
}

/* 0000000000000000 imm16(16)   UDF: permanently undefined */
bool trans_udf(struct a64_ctx *s, const struct arg_empty *a) {
  (void)a;
  a64_trap(s, SIGILL, s->insn);
  return true;
}

/* 1101010100 0 00 011 0010 CRm(4) op2(3) 11111   HINT: NOP, YIELD, WFE, WFI, SEV,
 * BTI, PACIASP, AUTIASP, XPACLRI, ... all execute as NOP here (PAuth and BTI are
 * not advertised, and unallocated hints are NOPs architecturally). */
bool trans_hint(struct a64_ctx *s, const struct arg_empty *a) {
  (void)s;
  (void)a;
  return true;
}

/* After IC IVAU: DSB waits for the invalidations to finish, for this thread
 * and the others, and ISB fetches later code anew (Arm ARM B2.2.5,
 * "Concurrent modification and execution of instructions"). Both end the
 * block; while the guest has lines pending (cpu->code_inval_lo/hi) it leaves
 * through the run loop, which drops their translations first. */
static void a64_code_sync(struct a64_ctx *s) {
  struct ir_block *b = s->b;
  uint32_t hi = ir_get(b, IR_I64, offsetof(struct cpu, code_inval_hi));
  ir_exit_if(b, ir_cmp(b, IR_EQ, IR_I64, hi, ir_const(b, IR_I64, 0)), s->pc + 4);
  ir_code_inval(b, ir_get(b, IR_I64, offsetof(struct cpu, code_inval_lo)), s->pc + 4);
  s->end = true;
}

/* 1101010100 0 00 011 0011 CRm(4) op2(3) 11111
 *   op2 010 CLREX, 100 DSB, 101 DMB, 110 ISB. DMB's CRm<1:0> is the access
 *   type: 01 loads (xxLD), 10 stores (xxST), 11 all; the domain does not
 *   matter in user mode. */
bool trans_barrier(struct a64_ctx *s, const struct arg_barrier *a) {
  unsigned crm = a->crm;
  switch (a->op2) {
  case 2: ir_put(s->b, offsetof(struct a64_cpu, excl_addr), ir_const(s->b, IR_I64, ~0ull)); break;
  case 4:
    ir_fence(s->b, IR_FENCE_FULL);
    a64_code_sync(s);
    break;
  case 5:
    ir_fence(s->b, (crm & 3) == 1   ? IR_FENCE_LOAD
                   : (crm & 3) == 2 ? IR_FENCE_STORE
                                    : IR_FENCE_FULL);
    break;
  case 6: a64_code_sync(s); break; /* ISB */
  default: return false;
  }
  return true;
}

/* System register numbers as bits 19:5 of MRS/MSR: o0 op1 CRn CRm op2 (op0 = 2 + o0). */
#define A64_SYSREG(op0, op1, crn, crm, op2)                                                        \
  ((((op0)-2) << 14) | ((op1) << 11) | ((crn) << 7) | ((crm) << 3) | (op2))

enum {
  A64_MIDR_EL1 = A64_SYSREG(3, 0, 0, 0, 0),
  A64_MPIDR_EL1 = A64_SYSREG(3, 0, 0, 0, 5),
  A64_REVIDR_EL1 = A64_SYSREG(3, 0, 0, 0, 6),
  A64_ID_AA64PFR0_EL1 = A64_SYSREG(3, 0, 0, 4, 0),
  A64_ID_AA64ISAR0_EL1 = A64_SYSREG(3, 0, 0, 6, 0),
  A64_ID_AA64ISAR1_EL1 = A64_SYSREG(3, 0, 0, 6, 1),
  A64_CTR_EL0 = A64_SYSREG(3, 3, 0, 0, 1),
  A64_DCZID_EL0 = A64_SYSREG(3, 3, 0, 0, 7),
  A64_NZCV = A64_SYSREG(3, 3, 4, 2, 0),
  A64_FPCR = A64_SYSREG(3, 3, 4, 4, 0),
  A64_FPSR = A64_SYSREG(3, 3, 4, 4, 1),
  A64_TPIDR_EL0 = A64_SYSREG(3, 3, 13, 0, 2),
  A64_TPIDRRO_EL0 = A64_SYSREG(3, 3, 13, 0, 3),
  A64_CNTFRQ_EL0 = A64_SYSREG(3, 3, 14, 0, 0),
  A64_CNTPCT_EL0 = A64_SYSREG(3, 3, 14, 0, 1),
  A64_CNTVCT_EL0 = A64_SYSREG(3, 3, 14, 0, 2),
};

/* The counter ticks in nanoseconds of CLOCK_MONOTONIC, so CNTFRQ_EL0 is 1 GHz
 * and the counter agrees with clock_gettime. */
uint64_t a64_helper_cntvct(struct cpu *c, uint64_t a, uint64_t b, uint64_t d) {
  (void)c, (void)a, (void)b, (void)d;
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* ID_AA64ISAR0_EL1, agreeing with AT_HWCAP in a64_guest.c: DP (47:44) = 1,
 * SHA3 (35:32) = 1, RDM (31:28) = 1, Atomic (23:20) = 2 LSE, CRC32 (19:16) = 1,
 * SHA2 (15:12) = 2 SHA-256 and SHA-512, SHA1 (11:8) = 1, AES (7:4) = 2 AES and
 * PMULL{2} .1Q. ID_AA64ISAR1_EL1: FRINTTS (35:32) = 1, JSCVT (15:12) = 1. */
#define A64_ISAR0                                                                                  \
  (1ull << 44 | 1ull << 32 | 1ull << 28 | 2ull << 20 | 1ull << 16 | 2ull << 12 | 1ull << 8 |       \
   2ull << 4)
#define A64_ISAR1 (1ull << 32 | 1ull << 12)

/* Constant registers; returns false for one that is not readable. */
static bool a64_sysreg_const(unsigned reg, uint64_t *v) {
  switch (reg) {
  case A64_MIDR_EL1: *v = 0x413fd0c1; return true;  /* Arm Neoverse-N1 r3p1 */
  case A64_MPIDR_EL1: *v = 0x80000000; return true; /* what Linux shows EL0 */
  case A64_REVIDR_EL1: *v = 0; return true;
  case A64_ID_AA64PFR0_EL1: *v = 0x11; return true; /* EL0, EL1 AArch64; FP, AdvSIMD */
  case A64_ID_AA64ISAR0_EL1: *v = A64_ISAR0; return true;
  case A64_ID_AA64ISAR1_EL1: *v = A64_ISAR1; return true;
  case A64_CTR_EL0: *v = 0x8444c004; return true; /* 64-byte I/D lines */
  case A64_DCZID_EL0: *v = 4; return true;        /* DC ZVA allowed, 64 bytes */
  case A64_TPIDRRO_EL0: *v = 0; return true;
  case A64_CNTFRQ_EL0: *v = 1000000000; return true;
  }
  /* The rest of the ID space (op0=3 op1=0 CRn=0 CRm=1..7) reads as zero:
   * Linux emulates it and reports hidden or reserved fields as 0. */
  if ((reg & ~0x7fu) == A64_SYSREG(3, 0, 0, 0, 0) && (reg >> 3 & 15) >= 1 && (reg >> 3 & 15) <= 7) {
    *v = 0;
    return true;
  }
  return false;
}

/* 1101010100 1 1 o0 op1(3) CRn(4) CRm(4) op2(3) Rt(5)   MRS Xt, <sysreg> */
/* FPSR as the guest sees it: with the exceptions translated code raised. */
static uint64_t a64_helper_fpsr_read(struct cpu *c, uint64_t u1, uint64_t u2, uint64_t u3) {
  (void)u1, (void)u2, (void)u3;
  xrun_fp_take(c);
  return a64_fpsr_merge((struct a64_cpu *)c);
}

/* A write replaces the flags, pending ones included. */
static uint64_t a64_helper_fpsr_write(struct cpu *c, uint64_t v, uint64_t u2, uint64_t u3) {
  (void)u2, (void)u3;
  xrun_fp_take(c);
  c->fp_pending = 0;
  ((struct a64_cpu *)c)->fpsr = (uint32_t)v & A64_FPSR_WRITABLE;
  return 0;
}

bool trans_mrs(struct a64_ctx *s, const struct arg_sysreg *a) {
  unsigned reg = a->sysreg, rt = a->rt;
  struct ir_block *b = s->b;
  uint64_t k;
  uint32_t v;
  if (a64_sysreg_const(reg, &k))
    v = ir_const(b, IR_I64, k);
  else if (reg == A64_TPIDR_EL0)
    v = ir_get(b, IR_I64, offsetof(struct a64_cpu, tpidr_el0));
  else if (reg == A64_NZCV)
    v = a64_shl(s, 1, ir_ext(b, IR_ZEXT, IR_I64, a64_get_nzcv(s), 32), 28);
  else if (reg == A64_FPCR)
    v = ir_ext(b, IR_ZEXT, IR_I64, ir_get(b, IR_I32, offsetof(struct a64_cpu, fpcr)), 32);
  else if (reg == A64_FPSR)
    v = ir_call(b, IR_I64, (void *)a64_helper_fpsr_read, 0, 0, 0);
  else if (reg == A64_CNTVCT_EL0 || reg == A64_CNTPCT_EL0)
    v = ir_call(b, IR_I64, (void *)a64_helper_cntvct, 0, 0, 0);
  else
    return false;
  a64_wr(s, rt, 1, false, v);
  return true;
}

/* 1101010100 0 1 o0 op1(3) CRn(4) CRm(4) op2(3) Rt(5)   MSR <sysreg>, Xt */
bool trans_msr(struct a64_ctx *s, const struct arg_sysreg *a) {
  unsigned reg = a->sysreg;
  struct ir_block *b = s->b;
  if (reg != A64_TPIDR_EL0 && reg != A64_NZCV && reg != A64_FPCR && reg != A64_FPSR)
    return false;
  uint32_t v = a64_rd(s, a->rt, 1, false);
  if (reg == A64_TPIDR_EL0) {
    ir_put(b, offsetof(struct a64_cpu, tpidr_el0), v);
    return true;
  }
  if (reg == A64_FPSR) {
    ir_call(b, IR_VOID, (void *)a64_helper_fpsr_write, v, 0, 0);
    return true;
  }
  v = ir_unop(b, IR_TRUNC, IR_I32, v);
  if (reg == A64_NZCV) {
    a64_set_nzcv(s, a64_shr(s, 0, v, 28));
    return true;
  }
  /* Only implemented bits stick: no FP exception traps (so feenableexcept
   * fails, as on cores without them), as qemu-aarch64 keeps them. */
  v = ir_binop(b, IR_AND, IR_I32, v, ir_const(b, IR_I32, A64_FPCR_WRITABLE));
  ir_put(b, offsetof(struct a64_cpu, fpcr), v);
  /* the block ends: speculative FP code checks FPCR once per block */
  a64_goto(s, s->pc + 4);
  return true;
}

/* DC ZVA: zero the naturally aligned 64-byte block (DCZID_EL0.BS = 4: 2^4 words). */
static void a64_dc_zva(struct a64_ctx *s, unsigned rt) {
  struct ir_block *b = s->b;
  uint32_t base = ir_binop(b, IR_AND, IR_I64, a64_rd(s, rt, 1, false), ir_const(b, IR_I64, ~63ull));
  uint32_t zero = ir_const(b, IR_I64, 0);
  for (unsigned off = 0; off < 64; off += 8) {
    uint32_t addr = off ? ir_binop(b, IR_ADD, IR_I64, base, ir_const(b, IR_I64, off)) : base;
    ir_store(b, addr, zero, 3);
  }
}

/* DC and IC by VA fault as a load at Xt would: the kernel takes an abort of
 * cache maintenance for a read (arm64 is_write_abort() leaves out ESR.CM), so
 * an unmapped address is SIGSEGV/SEGV_MAPERR and one without read access
 * SEGV_ACCERR, with si_addr = Xt; a read-only page is fine. */
static uint32_t a64_cache_probe(struct a64_ctx *s, unsigned rt) {
  uint32_t addr = a64_rd(s, rt, 1, false);
  ir_load(s->b, IR_I32, addr, 0, 0);
  return addr;
}

/* IC IVAU's cache line, its tag (TBI) cleared, joins the pending ones: one
 * range over them all (lines far apart drop more than they need, never less). */
static uint64_t a64_helper_ic_ivau(struct cpu *c, uint64_t addr, uint64_t u2, uint64_t u3) {
  (void)u2, (void)u3;
  uint64_t line = addr & 0x00ffffffffffffc0ull; /* 64-byte lines: CTR_EL0.IminLine */
  if (!c->code_inval_hi || line < c->code_inval_lo)
    c->code_inval_lo = line;
  if (line + 64 > c->code_inval_hi)
    c->code_inval_hi = line + 64;
  return 0;
}

/* IC IVAU: the guest wrote code at Xt's cache line. The line is only noted:
 * a JIT invalidates its code a line at a time, then makes the lot visible
 * with DSB and ISB (a64_code_sync), which leave through the run loop once. */
static void a64_ic_ivau(struct a64_ctx *s, unsigned rt) {
  ir_call(s->b, IR_VOID, (void *)a64_helper_ic_ivau, a64_cache_probe(s, rt), 0, 0);
}

/* 1101010100 0 01 op1(3) CRn(4) CRm(4) op2(3) Rt(5)   SYS: of the EL0 cache
 * operations DC ZVA changes memory and IC IVAU drops translations; cleans and
 * invalidates of data by VA (DC CVAC/CVAU/CVAP/CVADP/CIVAC) have nothing to do
 * on a coherent host but fault where the address cannot be read. (IC
 * IALLU/IALLUIS are EL1 only: undefined here.) */
bool trans_sys(struct a64_ctx *s, const struct arg_sys *a) {
  if (a->op1 != 3 || a->crn != 7 || a->op2 != 1)
    return false;
  switch (a->crm) {
  case 4: a64_dc_zva(s, a->rt); return true;
  case 5: a64_ic_ivau(s, a->rt); return true;
  case 10: /* DC CVAC */
  case 11: /* DC CVAU */
  case 12: /* DC CVAP */
  case 13: /* DC CVADP */
  case 14: /* DC CIVAC */ a64_cache_probe(s, a->rt); return true;
  }
  return false;
}
