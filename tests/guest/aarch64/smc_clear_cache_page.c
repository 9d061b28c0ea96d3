/* smc_clear_cache_page.c - a function that fills its RWX page (1,024
 * instructions, 64 cache lines: movz w0, #0; 1,022 x add w0, w0, #k; ret)
 * is rewritten whole with a new k 50 times, each time followed by one
 * __builtin___clear_cache over the page (an IC IVAU per line, then DSB and
 * ISB) and a call: every call must add the new k, on every line. A JIT
 * flushes code this way; tests/diag.sh also checks that each flush costs
 * xrun one exit to its run loop, not one per line. */
// test: arm-only: A64 instruction words written at run time
#include "smc_common.h"

enum { WORDS = 1024, ROUNDS = 50 };

/* 0b000100010 sh(1) imm12(12) Rn(5) Rd(5)   ADD Wd, Wn, #imm12 */
static uint32_t a64_add_w0_imm(uint32_t imm12) {
  return 0x11000000u | (imm12 & 0xfff) << 10;
}

static void write_fn(uint32_t *code, uint32_t k) {
  code[0] = a64_movz_w0(0);
  for (int i = 1; i < WORDS - 1; i++)
    code[i] = a64_add_w0_imm(k);
  code[WORDS - 1] = A64_RET;
}

int main(void) {
  uint32_t *code = smc_page(PROT_READ | PROT_WRITE | PROT_EXEC);
  smc_fn fn = (smc_fn)(uintptr_t)code;
  int good = 0;
  for (uint32_t k = 1; k <= ROUNDS; k++) {
    write_fn(code, k);
    smc_sync(code, WORDS);
    int r = fn();
    good += r == (int)(k * (WORDS - 2));
    if (r != (int)(k * (WORDS - 2)))
      printf("k=%u: returned %d, want %d\n", k, r, (int)(k * (WORDS - 2)));
  }
  printf("calls that ran the whole new function: %d of %d\n", good, ROUNDS);
  return good == ROUNDS ? 0 : 1;
}
