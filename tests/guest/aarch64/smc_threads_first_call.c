/* smc_threads_first_call.c - a function is rewritten by another thread
 * while its first call is being translated. Each round maps a new page
 * above all code run so far, writes "return 0" there and hands it to the
 * writer thread, which at once rewrites it to "return round" (with
 * __builtin___clear_cache) and publishes the round, while this thread
 * calls it for the first time. Once the round is published (acquire, then
 * ISB), a call must return the new constant: a translation of the old code
 * that was finished after the writer's IC IVAU must not stay. */
// test: arm-only: A64 instruction words written at run time
#include <pthread.h>
#include "smc_common.h"

enum { ROUNDS = 400, STEP = 1 << 16 };

static uint32_t *target;  /* the page of the round, handed to the writer */
static int round_written; /* the last round rewritten, once it may be run */

static void *writer(void *arg) {
  (void)arg;
  for (int r = 1; r <= ROUNDS; r++) {
    uint32_t *code;
    while (!(code = __atomic_load_n(&target, __ATOMIC_ACQUIRE)))
      ;
    __atomic_store_n(&target, NULL, __ATOMIC_RELAXED);
    smc_write_const(code, (uint32_t)r);
    smc_sync(code, 2);
    __atomic_store_n(&round_written, r, __ATOMIC_RELEASE);
  }
  return NULL;
}

/* A new page of code above every page used before (new mappings tend to
 * go below the old ones, into the range of code already translated). */
static uint32_t *next_page(void) {
  static uintptr_t at;
  if (!at)
    at = ((uintptr_t)smc_page(PROT_READ) + (1ul << 30)) & ~(uintptr_t)(STEP - 1);
  for (int tries = 0; tries < 4096; tries++, at += STEP) {
    void *p = mmap((void *)at, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    if (p != MAP_FAILED && (uintptr_t)p == at) {
      at += STEP;
      return p;
    }
    if (p != MAP_FAILED)
      munmap(p, 4096);
  }
  perror("mmap above the code");
  exit(2);
}

int main(void) {
  pthread_t t;
  if (pthread_create(&t, NULL, writer, NULL))
    return 2;
  int stale = 0;
  for (int r = 1; r <= ROUNDS; r++) {
    uint32_t *code = next_page();
    smc_write_const(code, 0);
    smc_sync(code, 2);
    smc_fn fn = (smc_fn)(uintptr_t)code;
    __atomic_store_n(&target, code, __ATOMIC_RELEASE);
    fn(); /* translated now, as the writer rewrites it: old or new are both right */
    while (__atomic_load_n(&round_written, __ATOMIC_ACQUIRE) < r)
      ;
    __asm__ volatile("isb" ::: "memory");
    int got = fn();
    if (got != r && stale++ < 5)
      printf("round %d: %d after the rewrite\n", r, got);
  }
  pthread_join(t, NULL);
  printf("rounds %d, stale %d\n", ROUNDS, stale);
  return stale != 0;
}
