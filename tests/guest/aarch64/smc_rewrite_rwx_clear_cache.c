/* smc_rewrite_rwx_clear_cache.c - one function in an RWX page rewritten
 * 10,000 times in place, each time followed by __builtin___clear_cache and a
 * call: every call must return the constant just written, never the one a
 * translation of the old code would. */
// test: arm-only: A64 instruction words written at run time
#include "smc_common.h"

int main(void) {
  uint32_t *code = smc_page(PROT_READ | PROT_WRITE | PROT_EXEC);
  smc_fn fn = (smc_fn)(uintptr_t)code;
  int good = 0;
  for (uint32_t i = 0; i < 10000; i++) {
    uint32_t imm = (i * 7919 + 1) & 0xffff;
    smc_write_const(code, imm);
    smc_sync(code, 2);
    good += fn() == (int)imm;
  }
  printf("calls that returned the new constant: %d of 10000\n", good);
  return good == 10000 ? 0 : 1;
}
