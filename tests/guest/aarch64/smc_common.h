/* smc_common.h - A64 instruction words written at run time, for the smc_*
 * tests of code a program rewrites: a function "movz w0, #imm; ret" in a
 * page of its own, rewritten in place. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define A64_RET 0xd65f03c0u /* ret */

/* 0b010100101 hw(2) imm16(16) Rd(5)   MOVZ Wd, #imm16 */
static inline uint32_t a64_movz_w0(uint32_t imm16) {
  return 0x52800000u | (imm16 & 0xffff) << 5;
}

typedef int (*smc_fn)(void);

/* One page mapped with prot, or exit. */
static inline uint32_t *smc_page(int prot) {
  void *p = mmap(NULL, 4096, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) {
    perror("mmap");
    exit(2);
  }
  return p;
}

/* Write "movz w0, #imm; ret" at code, without cache maintenance. */
static inline void smc_write_const(uint32_t *code, uint32_t imm) {
  __atomic_store_n(&code[0], a64_movz_w0(imm), __ATOMIC_RELAXED);
  __atomic_store_n(&code[1], A64_RET, __ATOMIC_RELAXED);
}

/* Make the instruction words in [code, code+n) visible to instruction fetch:
 * DC CVAU, DSB ISH, IC IVAU, DSB ISH, ISB. */
static inline void smc_sync(uint32_t *code, unsigned n) {
  __builtin___clear_cache((char *)code, (char *)(code + n));
}

/* The machine code of "return imm" into buf, for the machine the test is
 * built for (the tests whose expected output comes from a native x86-64
 * build); returns its length. */
static inline size_t ret_const(unsigned char *buf, uint32_t imm) {
#if defined(__aarch64__)
  uint32_t w[2] = {a64_movz_w0(imm), A64_RET};
#else
  unsigned char w[6] = {0xb8, imm, imm >> 8, 0, 0, 0xc3}; /* mov eax, imm; ret */
#endif
  memcpy(buf, w, sizeof(w));
  return sizeof(w);
}
