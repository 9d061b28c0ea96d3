/* rv_difftest.h - the riscv64 case-file format shared by the generator
 * (difftest-gen-rv64, host) and the guest harness (difftest-harness-rv64).
 *
 * The same shape as difftest.h: a flat array of struct rv_case, each with the
 * initial state and RV_SLOTS 32-bit slots. A slot holds one 32-bit
 * instruction or two 16-bit (C) ones; unused or dropped slots are NOPs, so
 * forward branch offsets (always to a slot boundary) keep their meaning.
 *
 *   difftest-gen-rv64 gen int 1000 42 >cases.bin
 *   xrun o/tools/difftest/difftest-harness-rv64 cases.bin >xrun.txt
 */
#ifndef RV_DIFFTEST_H
#define RV_DIFFTEST_H

#include "difftest.h" /* DT_MEM, DT_MEMSIZE, DT_CODE, dt_mix */
#include <stdint.h>

#define RV_SLOTS 8
#define RV_NOP   0x00000013u /* addi x0, x0, 0 */

/* Registers the generator never writes. gp and tp are the harness's own (tp
 * is a TLS address that differs between xrun and qemu, so they are never
 * read either); the others hold addresses inside the scratch memory or the
 * case's code page. */
#define RV_RSP   2 /* sp: base of C.*SP loads/stores, moved only by C.ADDI16SP */
#define RV_RGP   3
#define RV_RTP   4
#define RV_RCB   9  /* s1: base of C.LW/C.LD/C.FLD/... (x8..x15 only) */
#define RV_RCODE 25 /* the case's code page: JALR targets */
#define RV_RAMO  26 /* 8-aligned address for LR/SC/AMO */
#define RV_RBASE 27 /* base of loads/stores, middle of the scratch memory */
#define RV_RLOOP 24 /* s8: the loop class's round counter */

#define RV_BASE_INIT (DT_MEM + DT_MEMSIZE / 2)

/* Register file as the trampoline loads and stores it (x[0] unused). */
struct rv_regs {
  uint64_t x[32];
  uint64_t fcsr;
  uint64_t pad;
  uint64_t f[32];
};

struct rv_case {
  uint32_t id;
  uint32_t ninsn;
  uint32_t insn[RV_SLOTS];
  uint64_t mem_seed;
  struct rv_regs regs;
  /* Nonzero: the case is of a vector class, and the harness loads the
   * vector state (v0..v31, vtype, vl, vxrm, vxsat) made from this seed
   * before it and prints it after; bit 1 keeps SEW to 32 or 64 (vectorfp),
   * bit 2 to 16 (vectorcvt16). */
  uint64_t vseed;
};

#endif
