/* gc.h - reclaiming translated code while guest threads run.
 *
 * Epochs (gc_epoch.c): each guest thread is online while it may hold a
 * pointer into translated code (running it, or about to) and offline while it
 * holds none it will use again unchecked (a system call, translating, waiting
 * for the translator's lock). An online thread passes a quiescent state at
 * the top of its run loop. gc_synchronize returns once every other thread
 * has passed one or gone offline since the call began: whatever was made
 * unreachable before it can be freed after it.
 *
 *   gc_thread_start(&c->exit_request);     // a guest thread begins (offline)
 *   gc_online();  ...  gc_offline();       // around its run loop's stretches
 *   if (gc_quiescent()) blk = NULL;        // between blocks: drop what it held
 *   gc_thread_end();
 *
 * The code buffer (gc_code.c): when it is full, the region of it written
 * longest ago is emptied (tcache drops its blocks), a grace period passes,
 * and new code goes there. Other threads go on running meanwhile; only the
 * ones inside translated code are asked (through their kick word, the
 * exit_request that translated code checks at back edges) to pass through
 * their run loop once.
 *
 *   gc_code_full();   // the code buffer has no room: make some
 */
#ifndef GC_H
#define GC_H

#include <stdbool.h>
#include <stdint.h>

struct gc_thread {
  uint64_t seen;           /* the epoch seen at its last quiescent state; 0 offline */
  volatile uint32_t *kick; /* set to 1 to make it leave translated code */
  struct gc_thread *next;
};

extern uint64_t gc_epoch;
extern __thread struct gc_thread gc_self;

void gc_init(void);
void gc_thread_start(volatile uint32_t *kick);
void gc_thread_end(void);
void gc_online(void);
void gc_offline(void);
void gc_synchronize(void);

/* Between blocks, holding no translated code: true when a reclamation began
 * since the last call, so that a block looked up before is looked up again. */
static inline bool gc_quiescent(void) {
  uint64_t e = __atomic_load_n(&gc_epoch, __ATOMIC_ACQUIRE);
  if (__builtin_expect(gc_self.seen == e, 1))
    return false;
  __atomic_store_n(&gc_self.seen, e, __ATOMIC_RELEASE);
  return true;
}

void gc_code_full(void);

#endif
