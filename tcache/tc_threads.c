/* tc_threads.c - several guest threads sharing one translation cache.
 *
 * Each thread is online (gc.h) while it is in its run loop, and goes offline
 * in system calls, while it translates and wherever else it waits for a
 * lock. Code that is dropped to make room is freed only after a grace period
 * (gc/), so no thread runs or looks up code that is being freed, and no
 * thread stops for another's reclamation. Translation itself is serialized
 * by tc_mutex; chaining by tc_chain_lock, which is never held while waiting
 * for anything else.
 *
 * A fork (the guest's clone without CLONE_VM) copies only the thread that
 * makes it: it takes tc_mutex and tc_chain_lock first, so no other thread
 * holds them half-way through a translation in the child's copy, and the
 * child starts with only its own thread in tc_cpus.
 */
#include <pthread.h>
#include <string.h>
#include <time.h>
#include "tc_int.h"
#include "../gc/gc.h"

pthread_mutex_t tc_mutex = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t tc_chain_lock = PTHREAD_MUTEX_INITIALIZER;
struct cpu *tc_cpus; /* under tc_mutex */
/* A second guest thread has run in this process (since it started or was
 * forked): until then no other thread drops blocks while this one runs. */
bool tc_threaded;

/* Locks that guard small tables (exec ranges, file mappings, xrun's own
 * ranges, signal actions...): no other lock is taken while one is held,
 * and they are taken after tc_mutex, so a fork takes them last. */
enum { TC_FORK_LOCKS_MAX = 16 };
static pthread_mutex_t *tc_fork_locks[TC_FORK_LOCKS_MAX];
static unsigned tc_n_fork_locks;

void tc_fork_lock_add(pthread_mutex_t *m) {
  if (tc_n_fork_locks < TC_FORK_LOCKS_MAX)
    tc_fork_locks[tc_n_fork_locks++] = m;
}

static void tc_fork_prepare(void) {
  pthread_mutex_lock(&tc_mutex);
  tc_jc_fork_prepare();
  pthread_mutex_lock(&tc_chain_lock);
  for (unsigned i = 0; i < tc_n_fork_locks; i++)
    pthread_mutex_lock(tc_fork_locks[i]);
}

static void tc_fork_parent(void) {
  for (unsigned i = tc_n_fork_locks; i-- > 0;)
    pthread_mutex_unlock(tc_fork_locks[i]);
  pthread_mutex_unlock(&tc_chain_lock);
  pthread_mutex_unlock(&tc_mutex);
}

static void tc_fork_child(void) {
  for (unsigned i = 0; i < tc_n_fork_locks; i++)
    pthread_mutex_init(tc_fork_locks[i], NULL);
  pthread_mutex_init(&tc_chain_lock, NULL);
  pthread_mutex_init(&tc_mutex, NULL);
  tc_cpus = tc_current;
  tc_threaded = false;
  if (tc_current)
    tc_current->next_cpu = NULL;
  tc_buf_fork_child();
  tc_regions_forked();
  tc_tier_forked();
  if (tc_current) {
    tc_jc_fork_child(tc_current);
    tc_ras_reset(tc_current);
  }
}

void tc_threads_init(void) {
  gc_init(); /* its fork handlers first: gc_lock is taken after tc_mutex */
  tc_fork_lock_add(&tc_exec_lock);
  tc_fork_lock_add(&tc_own_lock);
  tc_fork_lock_add(&tc_pfile_lock);
  pthread_atfork(tc_fork_prepare, tc_fork_parent, tc_fork_child);
}

static __thread bool tc_entered; /* this host thread's guest thread is in tc_cpus */

void tc_thread_start(struct cpu *c) {
  tc_thread_enter(c);
}

void tc_thread_enter(struct cpu *c) {
  if (tc_entered)
    return;
  tc_entered = true;
  pthread_mutex_lock(&tc_mutex);
  if (tc_cpus) /* before this thread runs guest code, let alone drops blocks */
    __atomic_store_n(&tc_threaded, true, __ATOMIC_SEQ_CST);
  c->next_cpu = tc_cpus;
  tc_cpus = c;
  pthread_mutex_unlock(&tc_mutex);
  tc_stats_thread_enter();
  gc_thread_start(&c->exit_request);
  gc_online();
}

void tc_thread_leave(struct cpu *c) {
  tc_entered = false;
  tc_tier_thread_leave();
  gc_thread_end();
  tc_stats_thread_leave();
  pthread_mutex_lock(&tc_mutex);
  struct cpu **pp = &tc_cpus;
  while (*pp && *pp != c)
    pp = &(*pp)->next_cpu;
  if (*pp)
    *pp = c->next_cpu;
  pthread_mutex_unlock(&tc_mutex);
}

bool tc_threads_others(void) {
  return tc_cpus && tc_cpus->next_cpu;
}

bool tc_threads_alone(void) {
  pthread_mutex_lock(&tc_mutex);
  bool alone = tc_cpus && !tc_threads_others();
  pthread_mutex_unlock(&tc_mutex);
  return alone;
}

/* Forget every thread's jump cache (tc_mutex held). */
void tc_clear_jump_caches(void) {
  for (struct cpu *c = tc_cpus; c; c = c->next_cpu)
    if (c->jc)
      tc_jc_clear(c);
}

/* For the reports at the end of the process, perhaps from a signal handler
 * that interrupted the holder of m: take m if it comes free within 0.1 s. */
bool tc_lock_briefly(pthread_mutex_t *m) {
  for (int i = 0; i < 200; i++) {
    if (!pthread_mutex_trylock(m))
      return true;
    nanosleep(&(struct timespec){0, 500000}, NULL);
  }
  return false;
}

/* For the gdb stub: fn on each running guest thread, under tc_mutex (a
 * thread leaving waits for it, so c stays valid inside fn). */
void tc_threads_each(void (*fn)(struct cpu *c, void *arg), void *arg) {
  pthread_mutex_lock(&tc_mutex);
  for (struct cpu *c = tc_cpus; c; c = c->next_cpu)
    fn(c, arg);
  pthread_mutex_unlock(&tc_mutex);
}
