/* tc_jc.c - the per-thread jump cache (tcache.h): filled by the run loop
 * after an indirect-branch miss, and emptied of blocks that are dropped.
 *
 * Another thread may drop a block (tc_invalidate) while this one writes it
 * into its jump cache. Both sides store, fence, then look at what the other
 * stored: the filler looks the pc up again after its write, the dropper
 * looks at every jump cache after the block left the map. One of the two
 * sees the other, so no entry keeps a dropped block once both are done.
 */
#include "tc_int.h"

void tc_jc_clear(struct tc_jc_entry *jc) {
  const void *miss = tc_backend->jc_miss();
  for (unsigned i = 0; i < TC_JC_SIZE; i++)
    jc[i] = (struct tc_jc_entry){TC_JC_EMPTY, miss};
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
