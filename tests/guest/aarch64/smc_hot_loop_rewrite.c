/* smc_hot_loop_rewrite.c - a function called 100,000 times from a hot loop,
 * which rewrites it every 1,000 calls (with __builtin___clear_cache): by then
 * its translation is chained and in the jump cache, and no call may return a
 * constant other than the one last written. */
// test: arm-only: A64 instruction words written at run time
#include "smc_common.h"

int main(void) {
  uint32_t *code = smc_page(PROT_READ | PROT_WRITE | PROT_EXEC);
  smc_fn volatile fn = (smc_fn)(uintptr_t)code;
  uint32_t imm = 0;
  int wrong = 0;
  long sum = 0;
  for (int i = 0; i < 100000; i++) {
    if (i % 1000 == 0) {
      imm = (uint32_t)(i / 1000 * 613 + 5) & 0xffff;
      smc_write_const(code, imm);
      smc_sync(code, 2);
    }
    int r = fn();
    wrong += r != (int)imm;
    sum += r;
  }
  printf("wrong results: %d of 100000 (sum %ld)\n", wrong, sum);
  return wrong == 0 ? 0 : 1;
}
