/* tc_tier.c - blocks that run a few times before they are translated.
 *
 * Most blocks of a short program run once or twice: of the 992 blocks a
 * dynamic /bin/true runs (the dynamic linker, libc's start), 653 run once.
 * Translating a block costs about as much as running its IR in the
 * interpreter a few dozen times, so a block is interpreted the first
 * xrun_opt.tier - 1 times it is about to run, and translated the next:
 *
 *   tc_get(pc) -> TC_INTERP (pc's count < tier - 1: count + 1; decoded here)
 *              -> a block   (translated, or loaded from the persistent cache)
 *
 * What is interpreted is the decoder's own IR, without the passes: it
 * stores each guest register where its instruction does, so a fault in it
 * leaves the exact guest state, and the fault handler takes the guest pc
 * from the IR's marks (tc_fault.c). Nothing of it is kept: code the guest
 * changes is decoded afresh the next time it runs.
 *
 * Not for a block the persistent cache will keep (tc_persist.c): later
 * runs load it instead of translating it, so it is translated at its first
 * run. So this is for runs without the cache (--no-cache, a directory that
 * cannot be written) and for code of no file (a guest's JIT). Nor when
 * -d logs the code (in_asm, ir, opt, out_asm): each block is logged as it
 * is translated, once.
 *
 * The counts are an open-addressing table of guest pcs under tc_mutex,
 * bounded (tc_tier_grow); a new program (exec) starts a new one.
 */
#include <stdlib.h>
#include <string.h>
#include <mimalloc.h>
#include "tc_int.h"
#include "../ir/ir.h"

struct tc_tier_ent {
  uint64_t pc; /* 0: free */
  uint32_t runs;
};

static struct tc_tier_ent *tc_tier_tab; /* under tc_mutex */
static size_t tc_tier_cap, tc_tier_used;
static __thread struct ir_block *tc_tier_ir; /* what tc_tier_decode decoded */

static size_t tc_tier_slot(const struct tc_tier_ent *tab, size_t cap, uint64_t pc) {
  size_t i = (size_t)((pc >> 2) * 0x9e3779b97f4a7c15ull >> 20) & (cap - 1);
  while (tab[i].pc && tab[i].pc != pc)
    i = (i + 1) & (cap - 1);
  return i;
}

/* Twice the room (or the first table), the entries moved over; past
 * TC_TIER_MAX slots (a guest that makes code without end: a JIT) the counts
 * start again instead, so blocks run once more in the interpreter. */
enum { TC_TIER_MAX = 1 << 20 };

static void tc_tier_grow(void) {
  if (tc_tier_cap >= TC_TIER_MAX) {
    memset(tc_tier_tab, 0, tc_tier_cap * sizeof(*tc_tier_tab));
    tc_tier_used = 0;
    return;
  }
  size_t cap = tc_tier_cap ? 2 * tc_tier_cap : 4096;
  struct tc_tier_ent *tab = mi_zalloc(cap * sizeof(*tab));
  if (!tab)
    xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory");
  for (size_t i = 0; i < tc_tier_cap; i++)
    if (tc_tier_tab[i].pc)
      tab[tc_tier_slot(tab, cap, tc_tier_tab[i].pc)] = tc_tier_tab[i];
  mi_free(tc_tier_tab);
  tc_tier_tab = tab, tc_tier_cap = cap;
}

/* True when the block at pc is to be interpreted this time (tc_mutex held). */
bool tc_tier_wait(uint64_t pc) {
  if (xrun_opt.tier <= 1 || !pc || (xrun_log_mask & TC_LOG_CODE) || tc_persist_keeps(pc))
    return false;
  if (2 * (tc_tier_used + 1) > tc_tier_cap)
    tc_tier_grow();
  struct tc_tier_ent *e = &tc_tier_tab[tc_tier_slot(tc_tier_tab, tc_tier_cap, pc)];
  if (!e->pc)
    *e = (struct tc_tier_ent){pc, 0}, tc_tier_used++;
  if (e->runs + 1 >= xrun_opt.tier)
    return false;
  e->runs++;
  return true;
}

/* Decode the block at pc for tc_tier_run (tc_mutex held): TC_INTERP, or
 * NULL when the guest code at pc cannot be read. */
struct tc_block *tc_tier_decode(struct cpu *c, uint64_t pc) {
  if (!tc_tier_ir)
    tc_tier_ir = ir_block_new(pc);
  if (tc_decode_raw(tc_tier_ir, pc) < 0) {
    c->trap_info = pc;
    return NULL;
  }
  return TC_INTERP;
}

/* Run the block tc_tier_decode decoded; returns how it left (enum cpu_exit). */
uintptr_t tc_tier_run(struct cpu *c) {
  XLOG(LOG_EXEC, "exec 0x%llx (interpreted)", (unsigned long long)c->pc);
  tc_count(TC_ST_INTERPRETED, 1);
  return tc_interp(c, tc_tier_ir);
}

/* A new program: no counts. */
void tc_tier_forget(void) {
  mi_free(tc_tier_tab);
  tc_tier_tab = NULL, tc_tier_cap = tc_tier_used = 0;
}
