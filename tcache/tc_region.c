/* tc_region.c - the code buffer in regions, and the blocks of each region in
 * code order.
 *
 * Blocks are written one after another into the current region. When it is
 * full, gc/ empties the region written longest ago (the next one, round
 * robin): its blocks leave the map (tc_region_drop), a grace period passes,
 * and then they are freed and writing goes on there (tc_region_reuse). Each
 * region lists its blocks in the order of their code, so a host pc finds its
 * block with a division and a binary search (a fault), and a region is
 * emptied without looking at any other.
 *
 * A fault handler in another thread may read a region's list while it grows:
 * the grown array is published before the count that needs it, and readers
 * load the count first. Outgrown arrays are freed when the region is reused,
 * after a grace period, as no reader can be left then.
 */
#include <mimalloc.h>
#include <string.h>
#include "tc_int.h"

enum { TC_REGIONS_MAX = 16, TC_REGION_MIN = 16 << 10 };

struct tc_region {
  uint8_t *start, *end;
  struct tc_block **blocks; /* in code order */
  size_t n, cap;
  void **outgrown; /* earlier arrays of blocks, each linked through its first word */
};

static struct tc_region tc_regions[TC_REGIONS_MAX];
static unsigned tc_n_regions, tc_cur_region;
static size_t tc_region_size;

/* Split [from, to) into regions of at least TC_REGION_MIN bytes, at most
 * TC_REGIONS_MAX of them, and start writing in the first. */
void tc_regions_init(uint8_t *from, uint8_t *to) {
  size_t usable = (size_t)(to - from), n = usable / TC_REGION_MIN;
  n = n < 1 ? 1 : n > TC_REGIONS_MAX ? TC_REGIONS_MAX : n;
  tc_region_size = (usable / n) & ~(size_t)63;
  tc_n_regions = (unsigned)n;
  for (unsigned i = 0; i < n; i++) {
    struct tc_region *r = &tc_regions[i];
    r->start = from + i * tc_region_size;
    r->end = i + 1 == n ? to : r->start + tc_region_size;
  }
  tc_cur_region = 0;
  tc_code.cur = tc_regions[0].start;
  tc_code.end = tc_regions[0].end;
}

/* The region gc/ empties next: the one after the current, written longest ago. */
unsigned tc_region_next(void) {
  return (tc_cur_region + 1) % tc_n_regions;
}

static struct tc_region *tc_region_of(const uint8_t *p) {
  size_t i = (size_t)(p - tc_regions[0].start) / tc_region_size;
  return &tc_regions[i < tc_n_regions ? i : tc_n_regions - 1];
}

static void tc_region_grow(struct tc_region *r) {
  size_t cap = r->cap ? r->cap * 2 : 1024;
  struct tc_block **grown = mi_mallocn(cap, sizeof(*grown));
  if (!grown)
    xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory");
  if (r->n)
    memcpy(grown, r->blocks, r->n * sizeof(*grown));
  if (r->blocks) {
    void **old = (void **)r->blocks;
    *old = r->outgrown; /* its entries are still read until the next grace period */
    r->outgrown = old;
  }
  __atomic_store_n(&r->blocks, grown, __ATOMIC_RELEASE);
  r->cap = cap;
}

/* A block was committed (tc_mutex held): its code is the highest in its region. */
void tc_region_add(struct tc_block *blk) {
  struct tc_region *r = tc_region_of(blk->code);
  if (r->n == r->cap)
    tc_region_grow(r);
  r->blocks[r->n] = blk;
  __atomic_store_n(&r->n, r->n + 1, __ATOMIC_RELEASE);
}

struct tc_block *tc_find_host(const void *host_pc) {
  const uint8_t *p = host_pc;
  if (p < tc_regions[0].start)
    return NULL; /* the shared code */
  struct tc_region *r = tc_region_of(p);
  size_t n = __atomic_load_n(&r->n, __ATOMIC_ACQUIRE), lo = 0, hi = n;
  struct tc_block **blocks = __atomic_load_n(&r->blocks, __ATOMIC_ACQUIRE);
  while (lo < hi) { /* first block whose code starts after p */
    size_t mid = (lo + hi) / 2;
    if (blocks[mid]->code <= p)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo == 0)
    return NULL;
  struct tc_block *b = blocks[lo - 1];
  return p < b->code + b->code_size ? b : NULL;
}

void tc_map_each(void (*fn)(const struct tc_block *blk)) {
  for (unsigned i = 0; i < tc_n_regions; i++)
    for (size_t k = 0; k < tc_regions[i].n; k++)
      fn(tc_regions[i].blocks[k]);
}

/* Region i's blocks leave the map, the jump caches and every chain (tc_mutex
 * held); they stay in memory until tc_region_reuse. Returns how many blocks
 * it held (0: never written yet, nothing to wait for). */
size_t tc_region_drop(unsigned i) {
  struct tc_region *r = &tc_regions[i];
  if (!r->n)
    return 0;
  tc_count(TC_ST_RECLAIMED, 1);
  tc_persist_save_code(r->start, r->end);
  tc_drop_blocks(r->blocks, r->n);
  tc_generation++; /* a thread that held one of them while offline looks again */
  return r->n;
}

/* After a grace period: free region i's blocks and write new code there. */
void tc_region_reuse(unsigned i) {
  struct tc_region *r = &tc_regions[i];
  for (size_t k = 0; k < r->n; k++)
    tc_block_discard(r->blocks[k]);
  r->n = 0;
  while (r->outgrown) {
    void **old = r->outgrown;
    r->outgrown = *old;
    mi_free(old);
  }
  tc_cur_region = i;
  tc_code.cur = r->start;
  tc_code.end = r->end;
  tc_code.overflow = 0;
}

/* No blocks: writing starts again in the first region. */
static void tc_regions_restart(bool fork) {
  tc_map_forget_all(fork);
  for (unsigned i = 0; i < tc_n_regions; i++)
    tc_regions[i].n = 0;
  tc_cur_region = 0;
  tc_code.cur = tc_regions[0].start;
  tc_code.end = tc_regions[0].end;
  tc_code.overflow = 0;
}

/* A new program in this process (tc_new_image, tc_mutex held): every block
 * is forgotten and freed. */
void tc_regions_reset(void) {
  for (unsigned i = 0; i < tc_n_regions; i++)
    tc_region_reuse(i);
  tc_arena_reset();
  tc_pages_clear();
  tc_regions_restart(false);
}

/* A forked child with a fresh code buffer (tc_buf_fork_child): every block
 * is forgotten. The old blocks' memory is left as it is, shared with the
 * parent until written: freeing it would copy and touch every page of it in
 * each child. */
void tc_regions_forked(void) {
  tc_regions_restart(true);
  tc_arena_forked();
}
