/* smc_wx_mprotect_rewrite.c - W^X code generation: the page is made RW, the
 * function rewritten, the page made RX again, and the function called; 1,000
 * times with __builtin___clear_cache, as a JIT on arm64 must, and 1,000 times
 * with the mprotect calls alone, which drop translations by themselves. */
// test: arm-only: A64 instruction words written at run time
#include "smc_common.h"

/* 1,000 rewrites and calls; returns how many calls gave the new constant. */
static int rewrites(uint32_t *code, int clear_cache) {
  smc_fn fn = (smc_fn)(uintptr_t)code;
  int good = 0;
  for (uint32_t i = 0; i < 1000; i++) {
    uint32_t imm = (i * 40503 + 3 + clear_cache) & 0xffff;
    if (mprotect(code, 4096, PROT_READ | PROT_WRITE))
      exit(2);
    smc_write_const(code, imm);
    if (clear_cache)
      smc_sync(code, 2);
    if (mprotect(code, 4096, PROT_READ | PROT_EXEC))
      exit(2);
    good += fn() == (int)imm;
  }
  return good;
}

int main(void) {
  uint32_t *code = smc_page(PROT_READ | PROT_WRITE);
  int with = rewrites(code, 1), without = rewrites(code, 0);
  printf("new constant: %d of 1000 with clear_cache, %d of 1000 with mprotect alone\n", with,
         without);
  return with == 1000 && without == 1000 ? 0 : 1;
}
