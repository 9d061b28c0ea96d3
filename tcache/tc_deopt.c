/* tc_deopt.c - guest instructions whose speculative translation failed.
 *
 * A decoder may translate an instruction speculatively: fast host code plus a
 * check (DEOPT_IF) that the fast code gave the guest's exact result. When the
 * check fails, the block leaves before the instruction with CPU_EXIT_DEOPT;
 * tc_deopt remembers its pc, drops every translation that covers it, and from
 * then on xrun_speculate(pc) is false, so the decoder emits the exact form.
 */
#include <uthash.h>
#include "tc_int.h"

struct tc_deopt_pc {
  uint64_t pc;
  UT_hash_handle hh;
};

static struct tc_deopt_pc *tc_deopt_set; /* under tc_mutex */

/* Called by decoders, which run under tc_mutex (or alone, in the tests). */
bool xrun_speculate(uint64_t pc) {
  struct tc_deopt_pc *e;
  if (xrun_opt.no_spec)
    return false;
  HASH_FIND(hh, tc_deopt_set, &pc, sizeof(pc), e);
  return e == NULL;
}

static void tc_deopt_add(uint64_t pc) {
  struct tc_deopt_pc *e;
  pthread_mutex_lock(&tc_mutex);
  HASH_FIND(hh, tc_deopt_set, &pc, sizeof(pc), e);
  if (!e) {
    e = calloc(1, sizeof(*e));
    if (!e)
      xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory");
    e->pc = pc;
    HASH_ADD(hh, tc_deopt_set, pc, sizeof(e->pc), e);
  }
  pthread_mutex_unlock(&tc_mutex);
}

/* From the run loop, holding tc_code_lock for reading: c->pc deopted. */
void tc_deopt(struct cpu *c) {
  XLOG(LOG_EXEC, "deopt 0x%llx", (unsigned long long)c->pc);
  tc_deopt_add(c->pc);
  pthread_rwlock_unlock(&tc_code_lock);
  tc_invalidate(c->pc, 1);
  pthread_rwlock_rdlock(&tc_code_lock);
}

bool tc_deopt_within(uint64_t start, uint64_t end) {
  struct tc_deopt_pc *e, *tmp;
  HASH_ITER(hh, tc_deopt_set, e, tmp) {
    if (e->pc >= start && e->pc < end)
      return true;
  }
  return false;
}
