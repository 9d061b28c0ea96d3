/* tc_map.c - the guest-pc -> block table (xxhash buckets), and the list of
 * blocks in code-buffer order for host-pc -> block lookups on faults. */
#include <mimalloc.h>
#include <string.h>
#include <xxhash.h>
#include "tc_int.h"

enum { TC_HASH_BITS = 16, TC_HASH_SIZE = 1 << TC_HASH_BITS };

static struct tc_block *tc_hash[TC_HASH_SIZE];
static struct tc_block **tc_blocks; /* in code order: host code addresses ascend */
static size_t tc_nblocks, tc_blocks_cap;
uint64_t tc_generation;
static uint64_t tc_guest_lo = UINT64_MAX, tc_guest_hi; /* guest code translated so far */

static uint32_t tc_hash_pc(uint64_t pc) {
  return (uint32_t)XXH3_64bits(&pc, sizeof(pc)) & (TC_HASH_SIZE - 1);
}

void tc_map_init(void) {
  /* tc_hash starts zero (static storage): touching it here would only fault
   * its 512 KiB in before they are needed */
}

struct tc_block *tc_lookup(uint64_t pc) {
  struct tc_block *b = __atomic_load_n(&tc_hash[tc_hash_pc(pc)], __ATOMIC_ACQUIRE);
  for (; b; b = b->hnext)
    if (b->guest_pc == pc && !b->invalid)
      return b;
  return NULL;
}

struct tc_block *tc_block_alloc(uint32_t pcmap_cap) {
  struct tc_block *blk = mi_zalloc(sizeof(*blk));
  blk->pcmap = mi_malloc(pcmap_cap * sizeof(*blk->pcmap));
  if (!blk || !blk->pcmap)
    xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory");
  blk->pcmap_cap = pcmap_cap;
  return blk;
}

void tc_block_discard(struct tc_block *blk) {
  mi_free(blk->relocs);
  mi_free(blk->pcmap);
  mi_free(blk->defer);
  mi_free(blk);
}

void *tc_block_data(struct tc_block *blk, size_t size) {
  mi_free(blk->defer);
  blk->defer = mi_malloc(size ? size : 1);
  if (!blk->defer)
    xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory");
  blk->defer_size = (uint32_t)size;
  return blk->defer;
}

void tc_block_reloc(struct tc_block *blk, uint32_t off, enum tc_reloc_kind kind) {
  if (blk->n_relocs == blk->relocs_cap) {
    uint32_t cap = blk->relocs_cap ? 2 * blk->relocs_cap : 8;
    struct tc_reloc *grown = mi_reallocn(blk->relocs, cap, sizeof(*grown));
    if (!grown)
      xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory");
    blk->relocs = grown;
    blk->relocs_cap = cap;
  }
  blk->relocs[blk->n_relocs++] = (struct tc_reloc){off, (uint32_t)kind};
}

void tc_block_commit(struct tc_block *blk) {
  if (tc_nblocks == tc_blocks_cap) {
    /* the old array is kept: a fault handler in another thread may be reading it */
    size_t cap = tc_blocks_cap ? tc_blocks_cap * 2 : 4096;
    struct tc_block **grown = mi_mallocn(cap, sizeof(*grown));
    if (!grown)
      xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory");
    if (tc_nblocks)
      memcpy(grown, tc_blocks, tc_nblocks * sizeof(*grown));
    __atomic_store_n(&tc_blocks, grown, __ATOMIC_RELEASE);
    tc_blocks_cap = cap;
  }
  blk->pcmap = mi_realloc(blk->pcmap, (blk->n_pcmap ? blk->n_pcmap : 1) * sizeof(*blk->pcmap));
  tc_blocks[tc_nblocks++] = blk;
  if (blk->guest_pc < tc_guest_lo)
    tc_guest_lo = blk->guest_pc;
  if (blk->guest_pc + blk->guest_size > tc_guest_hi)
    tc_guest_hi = blk->guest_pc + blk->guest_size;
  uint32_t h = tc_hash_pc(blk->guest_pc);
  tc_pages_add(blk);
  blk->hnext = tc_hash[h];
  __atomic_store_n(&tc_hash[h], blk, __ATOMIC_RELEASE); /* lookups take no lock */
}

void tc_map_clear(void) {
  for (size_t i = 0; i < tc_nblocks; i++)
    tc_block_discard(tc_blocks[i]);
  tc_nblocks = 0;
  tc_pages_clear();
  memset(tc_hash, 0, sizeof(tc_hash));
  tc_generation++;
}

void tc_map_each(void (*fn)(const struct tc_block *blk)) {
  for (size_t i = 0; i < tc_nblocks; i++)
    fn(tc_blocks[i]);
}

struct tc_block *tc_find_host(const void *host_pc) {
  const uint8_t *p = host_pc;
  size_t lo = 0, hi = tc_nblocks;
  while (lo < hi) { /* first block whose code starts after p */
    size_t mid = (lo + hi) / 2;
    if (tc_blocks[mid]->code <= p)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo == 0)
    return NULL;
  struct tc_block *b = tc_blocks[lo - 1];
  return p < b->code + b->code_size ? b : NULL;
}

bool tc_access_at(const struct tc_block *blk, const void *host_pc) {
  uint32_t off = (uint32_t)((const uint8_t *)host_pc - blk->code);
  for (uint32_t i = 0; i < blk->n_pcmap && blk->pcmap[i].host_off <= off; i++)
    if (blk->pcmap[i].host_off == off)
      return true;
  return false;
}

uint64_t tc_guest_pc_at(const struct tc_block *blk, const void *host_pc) {
  uint32_t off = (uint32_t)((const uint8_t *)host_pc - blk->code);
  uint64_t pc = blk->guest_pc;
  for (uint32_t i = 0; i < blk->n_pcmap && blk->pcmap[i].host_off <= off; i++)
    pc = blk->guest_pc + blk->pcmap[i].guest_off;
  return pc;
}

/* Take blk out of its hash chain (tc_mutex held). Lookups take no lock: one
 * standing on blk goes on through blk->hnext, which stays as it was. */
static void tc_unhash(struct tc_block *blk) {
  struct tc_block **pp = &tc_hash[tc_hash_pc(blk->guest_pc)];
  while (*pp && *pp != blk)
    pp = &(*pp)->hnext;
  if (*pp)
    __atomic_store_n(pp, blk->hnext, __ATOMIC_RELEASE);
}

enum { TC_FORGET_MAX = 64 }; /* more dropped blocks than this: empty the jump caches */

struct tc_dropped {
  size_t n;
  uint64_t pcs[TC_FORGET_MAX]; /* of the first TC_FORGET_MAX */
};

/* b leaves the map and every chain (tc_mutex and tc_chain_lock held). */
static void tc_drop(struct tc_block *b, void *arg) {
  struct tc_dropped *d = arg;
  __atomic_store_n(&b->invalid, 1, __ATOMIC_RELAXED);
  tc_unhash(b);
  tc_unchain_all(b);
  tc_count(TC_ST_INVALIDATED, 1);
  if (d->n < TC_FORGET_MAX)
    d->pcs[d->n] = b->guest_pc;
  d->n++;
}

/* Called from syscalls and the run loop, without tc_code_lock. Invalid
 * blocks stay in the buffer (a thread may be running one) until the next
 * flush, which stops every thread first. */
void tc_invalidate(uint64_t start, uint64_t len) {
  struct tc_dropped d = {0};
  if (start >= tc_guest_hi || start + len <= tc_guest_lo)
    return;
  pthread_mutex_lock(&tc_mutex);
  pthread_mutex_lock(&tc_chain_lock);
  tc_pages_drop(start, len, tc_drop, &d);
  pthread_mutex_unlock(&tc_chain_lock);
  if (d.n > TC_FORGET_MAX) {
    __atomic_thread_fence(__ATOMIC_SEQ_CST); /* tc_jc.c: against a concurrent fill */
    tc_clear_jump_caches();
  } else {
    for (size_t i = 0; i < d.n; i++)
      tc_jc_forget(d.pcs[i]);
  }
  pthread_mutex_unlock(&tc_mutex);
}
