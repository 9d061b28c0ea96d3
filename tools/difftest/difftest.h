/* difftest.h - the case-file format shared by the generator (host) and the
 * guest harness (aarch64).
 *
 * A case file is a flat array of struct dt_case. Each case holds the initial
 * guest state and up to DT_SLOTS instruction words; unused slots are NOPs so
 * that forward-branch offsets keep their meaning when the minimizer drops
 * instructions (it replaces them with NOPs).
 *
 *   difftest-gen gen int 1000 42 >cases.bin
 *   xrun o/tools/difftest/difftest-harness cases.bin >xrun.txt
 */
#ifndef DIFFTEST_H
#define DIFFTEST_H

#include <stdint.h>

#define DT_SLOTS   8            /* instruction slots per case */
#define DT_NOP     0xd503201fu  /* nop */
#define DT_MEM     0x20000000ul /* fixed address of the scratch memory */
#define DT_MEMSIZE 8192
#define DT_CODE    0x100000000ul /* code page of case K is at DT_CODE + K * 4096 */

/* Registers the generator never writes (the harness relies on them). */
#define DT_RWB   26 /* base for pre/post-index forms (written by writeback only) */
#define DT_RIDX  27 /* index register for register-offset forms, 0..63 */
#define DT_RBASE 28 /* fixed base register; also used by the exit stub */
#define DT_RLOOP 25 /* the loop class's round counter */

#define DT_WB_INIT   (DT_MEM + DT_MEMSIZE / 2 + 64)
#define DT_BASE_INIT (DT_MEM + DT_MEMSIZE / 2)

/* Register file as the trampoline loads and stores it. */
struct dt_regs {
  uint64_t x[31];
  uint64_t nzcv;
  uint64_t fpsr;
  uint64_t pad;
  uint64_t v[64]; /* V0..V31, low half first */
};

struct dt_case {
  uint32_t id;
  uint32_t ninsn;
  uint32_t insn[DT_SLOTS];
  uint64_t mem_seed; /* the scratch memory is filled from this seed */
  struct dt_regs regs;
};

/* splitmix64: fills the scratch memory identically on both sides. */
static inline uint64_t dt_mix(uint64_t *s) {
  uint64_t z = (*s += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

#endif
