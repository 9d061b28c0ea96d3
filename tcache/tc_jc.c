/* tc_jc.c - the per-thread jump cache (tcache.h): filled by the run loop
 * after an indirect-branch miss, and emptied of blocks that are dropped.
 *
 * Another thread may drop a block (tc_invalidate) while this one writes it
 * into its jump cache. Both sides store, fence, then look at what the other
 * stored: the filler looks the pc up again after its write, the dropper
 * looks at every jump cache after the block left the map. One of the two
 * sees the other, so no entry keeps a dropped block once both are done.
 */
#include <mimalloc.h>
#include "tc_int.h"

void tc_jc_clear(struct tc_jc_entry *jc) {
  const void *miss = tc_backend->jc_miss();
  for (unsigned i = 0; i < TC_JC_SIZE; i++)
    jc[i] = (struct tc_jc_entry){TC_JC_EMPTY, miss};
}

struct tc_jc_entry *tc_jc_new(void) {
  struct tc_jc_entry *jc = mi_malloc_aligned(TC_JC_SIZE * sizeof(*jc), 64);
  if (!jc)
    xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory for a jump cache");
  tc_jc_clear(jc);
  return jc;
}

/* An empty jump cache kept for the next forked child: made at the first
 * fork and never written here, so a child's copy of it shares the parent's
 * pages until the child fills entries, where emptying the copy of the
 * parent's own cache would copy all of its 256 KiB, page by page. */
static struct tc_jc_entry *tc_jc_spare;

void tc_jc_fork_prepare(void) {
  if (!tc_jc_spare)
    tc_jc_spare = tc_jc_new();
}

void tc_jc_fork_child(struct cpu *c) {
  if (!c->jc)
    return;
  if (!tc_jc_spare) {
    tc_jc_clear(c->jc);
    return;
  }
  c->jc = tc_jc_spare; /* the parent's cache is left as it is, shared */
  tc_jc_spare = NULL;  /* it is this process's own now: its first fork makes another */
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

/* After an indirect-branch miss: remember blk (at c->pc) in c's jump cache. */
void tc_jc_fill(struct cpu *c, struct tc_block *blk) {
  uint32_t i = tc_jc_index(c->pc);
  if (c->jc[i].pc != TC_JC_EMPTY)
    c->jc[i ^ 1] = c->jc[i]; /* the entry it displaces moves to the pair */
  c->jc[i] = (struct tc_jc_entry){c->pc, blk->code};
  __atomic_thread_fence(__ATOMIC_SEQ_CST);
  tc_jc_check(&c->jc[i], TC_JC_EMPTY);
  tc_jc_check(&c->jc[i ^ 1], TC_JC_EMPTY);
}

/* pc's block left the map (tc_mutex held): no jump cache may keep it. */
void tc_jc_forget(uint64_t pc) {
  __atomic_thread_fence(__ATOMIC_SEQ_CST);
  uint32_t i = tc_jc_index(pc);
  for (struct cpu *c = tc_cpus; c; c = c->next_cpu) {
    if (!c->jc)
      continue;
    tc_jc_check(&c->jc[i], pc);
    tc_jc_check(&c->jc[i ^ 1], pc);
  }
}
