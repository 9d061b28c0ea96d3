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
 * A program's first blocks are its start-up (the dynamic linker's and libc's
 * set-up: a dynamic true runs about 1,000, a python3 or a cc1 the same code
 * with more libraries to link), which run few times each wherever the
 * program goes next: while the table holds at most TC_TIER_START_BLOCKS
 * pcs, a block waits TC_TIER_START_FACTOR times as many runs. A first run of
 * true takes about a quarter less time so, python3 -c pass and gcc about 2%.
 *
 * What is interpreted is the decoder's own IR, without the passes: it
 * stores each guest register where its instruction does, so a fault in it
 * leaves the exact guest state, and the fault handler takes the guest pc
 * from the IR's marks (tc_fault.c). Each thread keeps its last decodes
 * (a table direct-mapped by pc), so a block is decoded once for its
 * interpreted runs and its translation; a kept decode is used only while
 * the guest bytes it was made from hash the same (tc_decode_same): code the
 * guest changes is decoded afresh, and none from before a tc_invalidate
 * (tc_code_epoch: a write to the code during a decode, a failed
 * speculation, a tagged access, a breakpoint).
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

/* A decode kept for the block's next run; pc 0: none. */
struct tc_tier_kept {
  uint64_t pc, hash; /* the block's, and tc_decode_hash of its bytes */
  uint64_t epoch;    /* tc_code_epoch before it was decoded */
  struct ir_block *b;
};
/* Few: each entry keeps a copy of its decode, and a short program pays for
 * every fresh page it touches. With 256, 1,024 and 4,096 entries python3
 * -c pass used 45%, 81% and 104% more decodes again than with 64, and took
 * 0.993, 1.006 and 1.031 the time, a first run of true 1.002, 1.019 and
 * 1.036. */
enum { TC_TIER_KEPT_BITS = 6, TC_TIER_KEPT = 1 << TC_TIER_KEPT_BITS };
static __thread struct tc_tier_kept *tc_tier_kept; /* TC_TIER_KEPT, made at first use */
static __thread struct ir_block *tc_tier_ir;       /* what tc_tier_decode chose */
static __thread struct ir_block *tc_tier_work;     /* where it decodes */

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

/* The run at which a block is translated now (tc_mutex held): later during
 * start-up. --tier 1 stays 1: every block translated at its first run. */
static unsigned tc_tier_now(void) {
  unsigned tier = xrun_opt.tier;
  return tier > 1 && tc_tier_used <= TC_TIER_START_BLOCKS ? TC_TIER_START_FACTOR * tier : tier;
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
  if (e->runs + 1 >= tc_tier_now())
    return false;
  e->runs++;
  return true;
}

/* This thread's entry for pc (NULL: out of memory). */
static struct tc_tier_kept *tc_tier_slot_of(uint64_t pc) {
  if (!tc_tier_kept)
    tc_tier_kept = mi_zalloc(TC_TIER_KEPT * sizeof(*tc_tier_kept));
  if (!tc_tier_kept)
    return NULL;
  return &tc_tier_kept[(pc >> 2) * 0x9e3779b97f4a7c15ull >> (64 - TC_TIER_KEPT_BITS)];
}

/* The kept decode of pc, when one is there and still valid. */
static struct tc_tier_kept *tc_tier_find(uint64_t pc) {
  struct tc_tier_kept *k = tc_tier_kept ? tc_tier_slot_of(pc) : NULL;
  return k && k->pc == pc && k->epoch == __atomic_load_n(&tc_code_epoch, __ATOMIC_SEQ_CST) &&
                 tc_decode_same(k->b, k->hash)
             ? k
             : NULL;
}

/* Decode the block at pc for tc_tier_run (tc_mutex held), or take the
 * decode kept from its last run: TC_INTERP, or NULL when the guest code at
 * pc cannot be read. A new decode is made in this thread's working block
 * and kept as a copy of its own size (fresh pages cost more than copying). */
struct tc_block *tc_tier_decode(struct cpu *c, uint64_t pc) {
  struct tc_tier_kept *k = tc_tier_find(pc);
  if (k) {
    tc_count(TC_ST_KEPT_DECODES, 1);
    tc_tier_ir = k->b;
    return TC_INTERP;
  }
  if (!tc_tier_work)
    tc_tier_work = ir_block_new(pc);
  tc_tier_ir = tc_tier_work;
  /* before reading the code: a write to it meanwhile (and the IC IVAU
   * after) may leave the decode older than the bytes tc_decode_hash read */
  uint64_t epoch = __atomic_load_n(&tc_code_epoch, __ATOMIC_SEQ_CST);
  if (tc_decode_raw(tc_tier_work, pc) < 0) {
    c->trap_info = pc;
    return NULL;
  }
  if (!(k = tc_tier_slot_of(pc)))
    return TC_INTERP;
  if (!k->b)
    k->b = ir_block_new_cap(pc, tc_tier_work->n);
  ir_block_assign(k->b, tc_tier_work);
  k->pc = pc, k->hash = tc_decode_hash, k->epoch = epoch;
  return TC_INTERP;
}

bool tc_tier_take(struct ir_block *b, uint64_t pc) {
  struct tc_tier_kept *k = tc_tier_find(pc);
  if (!k)
    return false;
  tc_count(TC_ST_KEPT_DECODES, 1);
  ir_block_assign(b, k->b);
  tc_decode_hash = k->hash;
  k->pc = 0;
  return true;
}

/* Run the block tc_tier_decode decoded; returns how it left (enum cpu_exit). */
uintptr_t tc_tier_run(struct cpu *c) {
  XLOG(LOG_EXEC, "exec 0x%llx (interpreted)", (unsigned long long)c->pc);
  tc_count(TC_ST_INTERPRETED, 1);
  return tc_interp(c, tc_tier_ir);
}

/* A new program: no counts, no decodes kept (this thread's: the only one). */
void tc_tier_forget(void) {
  mi_free(tc_tier_tab);
  tc_tier_tab = NULL, tc_tier_cap = tc_tier_used = 0;
  if (tc_tier_kept)
    for (unsigned i = 0; i < TC_TIER_KEPT; i++)
      tc_tier_kept[i].pc = 0;
}

/* A forked child: its parent's kept decodes are left where they are, not
 * freed or written (every page of them touched would be copied: a shell's
 * child that execs at once would pay for a table it never uses). */
void tc_tier_forked(void) {
  tc_tier_kept = NULL;
  tc_tier_ir = tc_tier_work = NULL;
}

/* A thread's end: its kept decodes go. */
void tc_tier_thread_leave(void) {
  if (!tc_tier_kept)
    return;
  for (unsigned i = 0; i < TC_TIER_KEPT; i++)
    ir_block_free(tc_tier_kept[i].b);
  mi_free(tc_tier_kept);
  ir_block_free(tc_tier_work);
  tc_tier_kept = NULL;
  tc_tier_ir = tc_tier_work = NULL;
}
