/* tc_deopt.c - guest instructions that must be translated another way than
 * at first, each a set of guest pcs (uthash) under tc_mutex:
 *
 * Speculation that failed. A decoder may translate an instruction
 * speculatively: fast host code plus a check (DEOPT_IF) that the fast code
 * gave the guest's exact result. When the check fails, the block leaves
 * before the instruction with CPU_EXIT_DEOPT; tc_deopt remembers its pc,
 * drops every translation that covers it, and from then on
 * xrun_speculate(pc) is false, so the decoder emits the exact form.
 *
 * Tagged addresses. A guest whose hardware ignores some address bits (arm64's
 * top byte) may access memory through such a pointer; the host faults on it
 * (a non-canonical address). The fault handler leaves the block at that
 * access with the exact guest state (tc_fault.c); tc_tagged_retry remembers
 * the pc, drops its translations, and the access is translated again with
 * the tag cleared (xrun_addr_tagged). A second fault there is the guest's.
 *
 * Blocks entered often. A block is first translated without the IR passes
 * (their walks are a quarter of what translating costs, and most blocks run
 * a few times): its code counts its entries down from xrun_opt.tier_up and
 * leaves with CPU_EXIT_HOT at 0, before any of it ran. tc_tier_up
 * remembers its pc and drops that block; the next translation there has
 * the passes (tc_translate.c). The set is bounded: a guest that makes code
 * without end (a JIT) has it emptied at TC_HOT_MAX pcs, its hot blocks
 * then counted down once more.
 */
#include <signal.h>
#include <uthash.h>
#include <mimalloc.h>
#include "tc_int.h"
#include "../gc/gc.h"
#include "../syscall/syscall.h"

struct tc_pc {
  uint64_t pc;
  UT_hash_handle hh;
};

static struct tc_pc *tc_deopt_set, *tc_tagged_set, *tc_hot_set; /* under tc_mutex */
enum { TC_HOT_MAX = 1 << 20 };
__thread int tc_tagged_pending;

static bool tc_pcset_has(struct tc_pc *set, uint64_t pc) {
  struct tc_pc *e;
  if (!set)
    return false;
  HASH_FIND(hh, set, &pc, sizeof(pc), e);
  return e != NULL;
}

/* Add pc to *set (tc_mutex held); false if it was there already. */
static bool tc_pcset_add(struct tc_pc **set, uint64_t pc) {
  if (tc_pcset_has(*set, pc))
    return false;
  struct tc_pc *e = mi_zalloc(sizeof(*e));
  if (!e)
    xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory");
  e->pc = pc;
  HASH_ADD(hh, *set, pc, sizeof(e->pc), e);
  return true;
}

static bool tc_pcset_within(struct tc_pc *set, uint64_t start, uint64_t end) {
  struct tc_pc *e, *tmp;
  HASH_ITER(hh, set, e, tmp) {
    if (e->pc >= start && e->pc < end)
      return true;
  }
  return false;
}

/* Called by decoders, which run under tc_mutex (or alone, in the tests). */
bool xrun_speculate(uint64_t pc) {
  return !xrun_opt.no_spec && !tc_pcset_has(tc_deopt_set, pc);
}

bool xrun_addr_tagged(uint64_t pc) {
  return tc_pcset_has(tc_tagged_set, pc);
}

bool tc_deopt_within(uint64_t start, uint64_t end) {
  return tc_pcset_within(tc_deopt_set, start, end) || tc_pcset_within(tc_tagged_set, start, end);
}

/* From the run loop (online), which holds no block after it: c->pc
 * deopted. tc_mutex is taken offline, as a reclamation holds it while it
 * waits for online threads. */
void tc_deopt(struct cpu *c) {
  XLOG(LOG_EXEC, "deopt 0x%llx", (unsigned long long)c->pc);
  gc_offline();
  pthread_mutex_lock(&tc_mutex);
  tc_pcset_add(&tc_deopt_set, c->pc);
  pthread_mutex_unlock(&tc_mutex);
  tc_invalidate(c->pc, 1);
  gc_online();
}

/* From the run loop, after the access at c->pc faulted on a host-invalid
 * address (tc_tagged_pending): translate it again with the tag cleared, or,
 * when that was done already, the fault is the guest's own. */
void tc_tagged_retry(struct cpu *c) {
  XLOG(LOG_EXEC, "tagged address at 0x%llx", (unsigned long long)c->pc);
  gc_offline();
  pthread_mutex_lock(&tc_mutex);
  bool added = tc_pcset_add(&tc_tagged_set, c->pc);
  pthread_mutex_unlock(&tc_mutex);
  if (added)
    tc_invalidate(c->pc, 1);
  gc_online();
  if (!added)
    sys_signal_sync(c, SIGSEGV, SI_KERNEL, 0);
}

/* Called by the translator, under tc_mutex. */
bool tc_is_hot(uint64_t pc) {
  return tc_pcset_has(tc_hot_set, pc);
}

/* From the run loop (online): the block at c->pc counted its entries down.
 * Only a block without the passes is dropped: another thread may have
 * put the one with them there already. */
void tc_tier_up(struct cpu *c) {
  XLOG(LOG_EXEC, "tier up 0x%llx", (unsigned long long)c->pc);
  gc_offline();
  pthread_mutex_lock(&tc_mutex);
  if (HASH_COUNT(tc_hot_set) >= TC_HOT_MAX)
    tc_hot_forget();
  if (tc_pcset_add(&tc_hot_set, c->pc))
    tc_count(TC_ST_TIER_UPS, 1);
  struct tc_block *blk = tc_lookup(c->pc);
  if (blk && blk->quick)
    tc_drop_block(blk);
  pthread_mutex_unlock(&tc_mutex);
  gc_online();
}

/* A new program: its blocks start without the passes again (tc_mutex held,
 * or the only thread). */
void tc_hot_forget(void) {
  struct tc_pc *e, *tmp;
  HASH_ITER(hh, tc_hot_set, e, tmp) {
    HASH_DEL(tc_hot_set, e);
    mi_free(e);
  }
}
