/* smc_threads_rewrite.c - one thread rewrites a function (with
 * __builtin___clear_cache), then tells another through a mutex and condition
 * variable; the other calls the function and checks it returns the new
 * constant. 1,000 rounds. The caller's translation, its chains and its jump
 * cache must not outlive the writer's IC IVAU. */
// test: arm-only: A64 instruction words written at run time
#include <pthread.h>
#include "smc_common.h"

enum { ROUNDS = 1000 };

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static uint32_t *code;
static int round_written, round_checked; /* under lock */
static uint32_t written;                 /* under lock */

static void *writer(void *arg) {
  (void)arg;
  for (int i = 1; i <= ROUNDS; i++) {
    pthread_mutex_lock(&lock);
    while (round_checked != i - 1)
      pthread_cond_wait(&cond, &lock);
    written = (uint32_t)(i * 2971 + 11) & 0xffff;
    smc_write_const(code, written);
    smc_sync(code, 2);
    round_written = i;
    pthread_cond_broadcast(&cond);
    pthread_mutex_unlock(&lock);
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
  int good = 0;
  for (int i = 1; i <= ROUNDS; i++) {
    pthread_mutex_lock(&lock);
    while (round_written != i)
      pthread_cond_wait(&cond, &lock);
    uint32_t want = written;
    pthread_mutex_unlock(&lock);
    good += fn() == (int)want;
    fn(); /* a second call, by then through the jump cache */
    pthread_mutex_lock(&lock);
    round_checked = i;
    pthread_cond_broadcast(&cond);
    pthread_mutex_unlock(&lock);
  }
  pthread_join(t, NULL);
  printf("rounds where the reader saw the new constant: %d of %d\n", good, ROUNDS);
  return good == ROUNDS ? 0 : 1;
}
