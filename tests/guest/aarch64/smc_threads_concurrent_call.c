/* smc_threads_concurrent_call.c - one thread calls a function without pause
 * while another rewrites it 2,000 times to return 1, 2, 3, ..., each time
 * followed by __builtin___clear_cache and a release store of the number
 * written. The caller, once it has read number k (acquire, then ISB), must
 * never get less than k from the function, though its translation, chains
 * and jump-cache entries were made for an older one. */
// test: arm-only: A64 instruction words written at run time
#include <pthread.h>
#include "smc_common.h"

enum { REWRITES = 2000 };

static uint32_t *code;
static int published; /* the number last written, once it may be run */

static void *writer(void *arg) {
  (void)arg;
  for (int k = 1; k <= REWRITES; k++) {
    smc_write_const(code, (uint32_t)k);
    smc_sync(code, 2);
    __atomic_store_n(&published, k, __ATOMIC_RELEASE);
    for (volatile int spin = 0; spin < 200; spin++)
      ;
  }
  return NULL;
}

int main(void) {
  code = smc_page(PROT_READ | PROT_WRITE | PROT_EXEC);
  smc_write_const(code, 0);
  smc_sync(code, 2);
  smc_fn fn = (smc_fn)(uintptr_t)code;
  pthread_t t;
  if (pthread_create(&t, NULL, writer, NULL))
    return 2;
  int stale = 0, last = 0, k = 0;
  while (k < REWRITES) {
    k = __atomic_load_n(&published, __ATOMIC_ACQUIRE);
    __asm__ volatile("isb" ::: "memory");
    last = fn();
    stale += last < k;
  }
  pthread_join(t, NULL);
  printf("calls older than the number read before them: %d; last call returned %d\n", stale, last);
  return stale == 0 && last == REWRITES ? 0 : 1;
}
