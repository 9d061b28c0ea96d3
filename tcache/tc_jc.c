/* tc_jc.c - the per-thread jump cache (tcache.h): filled by the run loop
 * after an indirect-branch miss, and emptied of blocks that are dropped.
 *
 * Another thread may drop a block (tc_invalidate) while this one writes it
 * into its jump cache. Both sides store, fence, then look at what the other
 * stored: the filler looks the pc up again after its write, the dropper
 * looks at every jump cache after the block left the map. One of the two
 * sees the other, so no entry keeps a dropped block once both are done.
 * While a thread is alone (tc_threaded unset) it drops blocks only itself,
 * between its fills, and its fills skip the looking again: the flag is set
 * before a second thread runs, and read after the filler's fence, so a
 * filler that reads it unset was seen by the dropper's look.
 */
#include <mimalloc.h>
#include "tc_int.h"
#include "../gc/gc.h"

static uint32_t tc_jc_entries(uint32_t jc_mask) {
  return (jc_mask >> 4) + 1;
}

static void tc_jc_empty(struct tc_jc_entry *jc, uint32_t n) {
  const void *miss = tc_backend->jc_miss();
  for (uint32_t i = 0; i < n; i++)
    jc[i] = (struct tc_jc_entry){TC_JC_EMPTY, miss};
}

void tc_jc_clear(struct cpu *c) {
  tc_jc_empty(c->jc, tc_jc_entries(c->jc_mask));
}

static struct tc_jc_entry *tc_jc_alloc(uint32_t n) {
  struct tc_jc_entry *jc = mi_malloc_aligned(n * sizeof(*jc), 64);
  if (!jc)
    xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory for a jump cache");
  tc_jc_empty(jc, n);
  return jc;
}

/* Entries filled since the cache last grew (or was made), this thread's. */
static __thread uint32_t tc_jc_fills;

void tc_jc_init(struct cpu *c) {
  c->jc = tc_jc_alloc(1u << TC_JC_MIN_BITS);
  c->jc_mask = TC_JC_MASK(1u << TC_JC_MIN_BITS);
  tc_jc_fills = 0;
}

void tc_jc_restart(struct cpu *c) {
  mi_free(c->jc);
  tc_jc_init(c);
}

/* An empty jump cache kept for the next forked child: made at the first
 * fork and never written here, so a child's copy of it shares the parent's
 * pages until the child fills entries, where emptying the copy of the
 * parent's own cache would copy all of it, page by page. */
static struct tc_jc_entry *tc_jc_spare;

void tc_jc_fork_prepare(void) {
  if (!tc_jc_spare)
    tc_jc_spare = tc_jc_alloc(1u << TC_JC_MIN_BITS);
}

void tc_jc_fork_child(struct cpu *c) {
  if (!c->jc)
    return;
  if (!tc_jc_spare) {
    tc_jc_clear(c);
    return;
  }
  c->jc = tc_jc_spare; /* the parent's cache is left as it is, shared */
  c->jc_mask = TC_JC_MASK(1u << TC_JC_MIN_BITS);
  tc_jc_spare = NULL; /* it is this process's own now: its first fork makes another */
  tc_jc_fills = 0;
}

/* Put e into jc (of mask jc_mask) at its index, or the first free way of
 * its group after it; dropped when all are taken. */
static void tc_jc_move(struct tc_jc_entry *jc, uint32_t jc_mask, const struct tc_jc_entry *e) {
  uint32_t i = tc_jc_index(e->pc, jc_mask);
  for (uint32_t w = 0; w < TC_JC_WAYS; w++)
    if (jc[i ^ w].pc == TC_JC_EMPTY) {
      jc[i ^ w] = *e;
      return;
    }
}

/* A cache grows four times at a step (256, 1K, 4K, 16K, 64K entries): fewer
 * steps, and fewer misses to entries a smaller one lost to collisions. */
enum { TC_JC_GROW_BITS = 2 };
_Static_assert((TC_JC_BITS - TC_JC_MIN_BITS) % TC_JC_GROW_BITS == 0,
               "the jump cache grows to TC_JC_SIZE exactly");

/* c's jump cache, larger, with the entries it holds. Under tc_mutex:
 * tc_jc_forget reads c->jc and c->jc_mask under it from other threads.
 * The old one is no one's then (only c's thread runs code that probes it,
 * and that thread is here). */
static void tc_jc_grow(struct cpu *c) {
  uint32_t n = tc_jc_entries(c->jc_mask), grown = n << TC_JC_GROW_BITS;
  uint32_t mask = TC_JC_MASK(grown);
  struct tc_jc_entry *old = c->jc, *jc = tc_jc_alloc(grown);
  pthread_mutex_lock(&tc_mutex);
  for (uint32_t i = 0; i < n; i++)
    if (old[i].pc != TC_JC_EMPTY)
      tc_jc_move(jc, mask, &old[i]);
  c->jc = jc;
  c->jc_mask = mask;
  pthread_mutex_unlock(&tc_mutex);
  mi_free(old);
  tc_jc_fills = 0;
}

/* Before c's thread looks up the target of an indirect-branch miss (online,
 * holding no block): grow c's cache when it took more fills than half its
 * entries since it last grew. tc_mutex is taken offline, as a reclamation
 * holds it while it waits for the online threads; growing in tc_jc_fill,
 * online, deadlocked against one. */
void tc_jc_reserve(struct cpu *c) {
  if (tc_jc_fills <= tc_jc_entries(c->jc_mask) / 2 || c->jc_mask >= TC_JC_MASK(TC_JC_SIZE))
    return;
  gc_offline();
  tc_jc_grow(c);
  gc_online();
}

/* Empty entry e if it holds pc (any pc when pc is TC_JC_EMPTY) but not the
 * code the block map now has for it. */
static void tc_jc_check(struct tc_jc_entry *e, uint64_t pc) {
  uint64_t have = __atomic_load_n(&e->pc, __ATOMIC_RELAXED);
  if (have == TC_JC_EMPTY || (pc != TC_JC_EMPTY && have != pc))
    return;
  struct tc_block *blk = tc_lookup(have);
  if (!blk || blk->code != __atomic_load_n(&e->code, __ATOMIC_RELAXED))
    *e = (struct tc_jc_entry){TC_JC_EMPTY, tc_backend->jc_miss()};
}

/* After an indirect-branch miss: remember blk (at c->pc) in c's jump cache,
 * at its index; the entries there move one way on (index ^ 1, ^ 2, ^ 3) up
 * to the first free one, and the last one goes when none is. */
void tc_jc_fill(struct cpu *c, struct tc_block *blk) {
  tc_jc_fills++;
  uint32_t i = tc_jc_index(c->pc, c->jc_mask), w = 1;
  while (w < TC_JC_WAYS - 1 && c->jc[i ^ w].pc != TC_JC_EMPTY)
    w++;
  for (; w > 0; w--)
    c->jc[i ^ w] = c->jc[i ^ (w - 1)];
  c->jc[i] = (struct tc_jc_entry){c->pc, blk->code};
  __atomic_thread_fence(__ATOMIC_SEQ_CST);
  if (!__atomic_load_n(&tc_threaded, __ATOMIC_RELAXED))
    return; /* alone: blocks are dropped only between this thread's fills */
  for (w = 0; w < TC_JC_WAYS; w++)
    tc_jc_check(&c->jc[i ^ w], TC_JC_EMPTY);
}

/* pc's block left the map (tc_mutex held): no jump cache may keep it. */
void tc_jc_forget(uint64_t pc) {
  __atomic_thread_fence(__ATOMIC_SEQ_CST);
  for (struct cpu *c = tc_cpus; c; c = c->next_cpu) {
    if (!c->jc)
      continue;
    uint32_t i = tc_jc_index(pc, c->jc_mask);
    for (uint32_t w = 0; w < TC_JC_WAYS; w++)
      tc_jc_check(&c->jc[i ^ w], pc);
  }
}
