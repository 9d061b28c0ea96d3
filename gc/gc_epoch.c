/* gc_epoch.c - grace periods by quiescent states (gc.h).
 *
 * gc_epoch only grows. A thread's seen word is 0 while it is offline, else
 * the epoch it read when it last came online or passed a quiescent state.
 * gc_synchronize advances the epoch to e and waits until no other thread is
 * online with seen < e.
 *
 * Why that is enough: the reclaimer first makes the code unreachable (out of
 * the block map, the jump caches and every chain), then advances the epoch
 * with a locked add, then reads each seen word. A thread coming online
 * stores its seen word, fences, and only then looks anything up. Of the two
 * stores, each side sees the other's (a store, a fence, a load on both
 * sides), so either the reclaimer sees the thread online and waits for its
 * next quiescent state, or the thread's lookups see the code gone. A thread
 * that sees the new epoch at a quiescent state read it after the code was
 * made unreachable, and drops the block it held (gc_quiescent's result).
 */
#include <pthread.h>
#include <sched.h>
#include <time.h>
#include "gc.h"

uint64_t gc_epoch = 1;
__thread struct gc_thread gc_self;
static struct gc_thread *gc_threads; /* under gc_lock */
static pthread_mutex_t gc_lock = PTHREAD_MUTEX_INITIALIZER;

/* Fork: the child has only the forking thread (offline, in the system call),
 * and the lock is taken around the fork so that no copy of it is held. */
static void gc_fork_prepare(void) {
  pthread_mutex_lock(&gc_lock);
}

static void gc_fork_parent(void) {
  pthread_mutex_unlock(&gc_lock);
}

static void gc_fork_child(void) {
  pthread_mutex_init(&gc_lock, NULL);
  gc_threads = gc_self.kick ? &gc_self : NULL;
  gc_self.next = NULL;
}

/* Before the translator registers its own fork handlers: prepare handlers
 * run in reverse order, so gc_lock is taken after the translator's locks, in
 * the order gc_synchronize's callers take them. */
void gc_init(void) {
  pthread_atfork(gc_fork_prepare, gc_fork_parent, gc_fork_child);
}

void gc_thread_start(volatile uint32_t *kick) {
  gc_self.seen = 0;
  gc_self.kick = kick;
  pthread_mutex_lock(&gc_lock);
  gc_self.next = gc_threads;
  gc_threads = &gc_self;
  pthread_mutex_unlock(&gc_lock);
}

void gc_thread_end(void) {
  gc_offline();
  pthread_mutex_lock(&gc_lock);
  struct gc_thread **pp = &gc_threads;
  while (*pp && *pp != &gc_self)
    pp = &(*pp)->next;
  if (*pp)
    *pp = gc_self.next;
  pthread_mutex_unlock(&gc_lock);
  gc_self.kick = NULL;
}

void gc_online(void) {
  __atomic_store_n(&gc_self.seen, __atomic_load_n(&gc_epoch, __ATOMIC_ACQUIRE), __ATOMIC_SEQ_CST);
  __atomic_thread_fence(__ATOMIC_SEQ_CST);
}

void gc_offline(void) {
  __atomic_store_n(&gc_self.seen, 0, __ATOMIC_RELEASE);
}

/* True while t is online in an epoch before e; then it is asked to leave
 * translated code. */
static bool gc_behind(struct gc_thread *t, uint64_t e) {
  uint64_t seen = __atomic_load_n(&t->seen, __ATOMIC_ACQUIRE);
  if (!seen || seen >= e)
    return false;
  __atomic_store_n(t->kick, 1, __ATOMIC_RELAXED);
  return true;
}

void gc_synchronize(void) {
  pthread_mutex_lock(&gc_lock);
  uint64_t e = __atomic_add_fetch(&gc_epoch, 1, __ATOMIC_SEQ_CST);
  for (unsigned spins = 0;; spins++) {
    bool waiting = false;
    for (struct gc_thread *t = gc_threads; t; t = t->next)
      if (t != &gc_self && gc_behind(t, e))
        waiting = true;
    if (!waiting)
      break;
    if (spins < 16)
      sched_yield();
    else
      nanosleep(&(struct timespec){0, 50000}, NULL);
  }
  pthread_mutex_unlock(&gc_lock);
}
