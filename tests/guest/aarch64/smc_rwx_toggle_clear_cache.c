/* smc_rwx_toggle_clear_cache.c - code generation as V8 does it: the code
 * page stays executable and is made RWX to write and RX again. Each round
 * rewrites one of eight functions in the page, with the cache maintenance a
 * JIT on arm64 must do, while the other seven keep running; a second thread
 * calls all eight meanwhile. Every call must return what is in memory. */
// test: arm-only: A64 instruction words written at run time
#include <pthread.h>
#include "smc_common.h"

enum { NFN = 8, SLOT = 16 }; /* eight functions, 64 bytes apart */

static uint32_t *page;
static volatile uint32_t current[NFN];
static volatile int stop;

static smc_fn fn_at(int k) {
  return (smc_fn)(uintptr_t)(page + k * SLOT);
}

/* Rewrite function k to return imm: RWX, write, clear the cache, RX. */
static void rewrite(int k, uint32_t imm) {
  if (mprotect(page, 4096, PROT_READ | PROT_WRITE | PROT_EXEC))
    exit(2);
  smc_write_const(page + k * SLOT, imm);
  smc_sync(page + k * SLOT, 2);
  if (mprotect(page, 4096, PROT_READ | PROT_EXEC))
    exit(2);
  current[k] = imm;
}

/* Calls every function meanwhile; counts results that no version of that
 * function returns (each value written for function k has k in its low byte). */
static void *caller(void *arg) {
  long bad = 0;
  (void)arg;
  while (!stop)
    for (int k = 0; k < NFN; k++)
      bad += ((uint32_t)fn_at(k)() & 0xff) != (uint32_t)k;
  return (void *)bad;
}

int main(void) {
  page = smc_page(PROT_READ | PROT_WRITE);
  for (int k = 0; k < NFN; k++) {
    smc_write_const(page + k * SLOT, 0x100 + k);
    current[k] = 0x100 + k;
  }
  smc_sync(page, NFN * SLOT);
  if (mprotect(page, 4096, PROT_READ | PROT_EXEC))
    return 2;
  pthread_t t;
  pthread_create(&t, NULL, caller, NULL);
  int good = 0;
  for (uint32_t i = 0; i < 4000; i++) {
    int k = (int)(i % NFN);
    uint32_t imm = ((i * 40503 + 7) & 0xff00) | (uint32_t)k;
    rewrite(k, imm);
    int others = 1;
    for (int j = 0; j < NFN; j++)
      others &= (uint32_t)fn_at(j)() == current[j];
    good += others;
  }
  stop = 1;
  void *bad;
  pthread_join(t, &bad);
  printf("rounds with all eight functions right: %d of 4000; wrong calls in the other thread: "
         "%ld\n",
         good, (long)bad);
  return good == 4000 && !bad ? 0 : 1;
}
