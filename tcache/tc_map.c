/* tc_map.c - the guest-pc -> block table (hash buckets), and dropping
 * blocks from it (invalidation; a region of the code buffer emptied). */
#include <assert.h>
#include <mimalloc.h>
#include <string.h>
#include <sys/mman.h>
#include <xxhash.h>
#include "tc_int.h"

/* The table starts small and grows 4x once it holds as many blocks as it has
 * buckets: a short run (a dynamic /bin/true loads about 1,000 blocks) then
 * touches a few pages of it, not one page fault per block spread over a
 * table sized for the largest programs. */
enum { TC_HASH_MIN_BITS = 11, TC_HASH_MAX_BITS = 20 };
/* A forked child starts with one page of it: most exec another program
 * after a few dozen blocks. */
enum { TC_HASH_FORK_BITS = 9 };

/* A link of a hash chain (a bucket, a block's hnext) is the block's address
 * with, in the top byte, a 7-bit tag of its pc and whether its own hnext
 * goes on: a lookup passes a block of another tag at the end of its chain
 * without reading it, so most misses read the bucket alone. A block's
 * hnext is cleared only by taking its successor out, so a link's "goes on"
 * is never wrongly 0 (but while the table grows, as a chain can be then). */
typedef uintptr_t tc_link;
enum { TC_LINK_MORE_BIT = 56, TC_LINK_TAG_SHIFT = 57 };
#define TC_LINK_PTR (((uintptr_t)1 << TC_LINK_MORE_BIT) - 1)

struct tc_htab {
  uint32_t mask;
  struct tc_htab *older; /* the table it grew from, which a lookup may still read */
  tc_link bucket[];
};

static struct tc_htab *tc_htab; /* read without a lock; replaced under tc_mutex */
static size_t tc_hashed;        /* blocks in it */
uint64_t tc_generation;
uint64_t tc_code_epoch;
/* The guest code translated so far lies in [tc_guest_lo, tc_guest_hi),
 * written under tc_mutex and read without it by tc_invalidate. */
static uint64_t tc_guest_lo = UINT64_MAX, tc_guest_hi;
/* A translation is reading guest code (tc_guest_read_begin): its block is
 * not in that range yet. */
static int tc_guest_reading;

static struct tc_htab *tc_htab_new(unsigned bits) {
  struct tc_htab *t = mi_zalloc(sizeof(*t) + (sizeof(t->bucket[0]) << bits));
  if (!t)
    xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory");
  t->mask = (1u << bits) - 1;
  return t;
}

/* Fibonacci hashing: the product's upper half depends on every bit of pc,
 * and costs a multiply where a call to XXH3 cost 29 instructions on every
 * lookup. */
static inline uint32_t tc_hash_pc(uint64_t pc) {
  return (uint32_t)((pc * 0x9e3779b97f4a7c15ull) >> 32);
}

/* The tag of pc: the product's top bits, which no bucket index reaches. */
static inline uintptr_t tc_tag_pc(uint64_t pc) {
  return (uintptr_t)((pc * 0x9e3779b97f4a7c15ull) >> TC_LINK_TAG_SHIFT);
}

static inline struct tc_block *tc_link_block(tc_link l) {
  return (struct tc_block *)(l & TC_LINK_PTR);
}

/* The link to b, whose hnext is already set. */
static tc_link tc_link_to(struct tc_block *b) {
  if ((uintptr_t)b & ~TC_LINK_PTR)
    xrun_die(XRUN_EXIT_INTERNAL, "xrun: internal error: a block above 2^56 (%p)", (void *)b);
  return (uintptr_t)b | tc_tag_pc(b->guest_pc) << TC_LINK_TAG_SHIFT |
         (uintptr_t)(b->hnext != 0) << TC_LINK_MORE_BIT;
}

void tc_map_init(void) {
  tc_htab = tc_htab_new(TC_HASH_MIN_BITS);
}

/* The pages' start bits first (tc_pages.c; none with --no-smc); no table
 * yet (a decoder's unit test): no block anywhere. Under tc_mutex, where
 * blocks are decoded for translation; --interp decodes without it, and
 * translates nothing. */
bool xrun_block_at(uint64_t pc) {
  return !xrun_opt.interp && (xrun_opt.no_smc || tc_pages_may_start(pc)) &&
         __atomic_load_n(&tc_htab, __ATOMIC_RELAXED) && tc_lookup(pc);
}

struct tc_block *tc_lookup(uint64_t pc) {
  const struct tc_htab *t = __atomic_load_n(&tc_htab, __ATOMIC_ACQUIRE);
  const uintptr_t tag = tc_tag_pc(pc);
  tc_link l = __atomic_load_n(&t->bucket[tc_hash_pc(pc) & t->mask], __ATOMIC_ACQUIRE);
  for (; l; l = tc_link_block(l)->hnext) {
    struct tc_block *b = tc_link_block(l);
    if (l >> TC_LINK_TAG_SHIFT == tag && b->guest_pc == pc && !b->invalid)
      return b;
    if (!(l >> TC_LINK_MORE_BIT & 1))
      break; /* b is the last: not read when its tag differs */
  }
  return NULL;
}

/* Move every block into a table 4x the size (tc_mutex held). A lookup
 * running meanwhile may follow a moved block's hnext into another chain and
 * miss: tc_get then looks again under tc_mutex. The old table is kept, as a
 * lookup may still be reading it (at most a third of the final size), until
 * every block is forgotten. */
static void tc_htab_grow(void) {
  struct tc_htab *old = tc_htab;
  unsigned bits = (unsigned)__builtin_popcount(old->mask) + 2;
  struct tc_htab *t = tc_htab_new(bits);
  t->older = old;
  for (uint32_t i = 0; i <= old->mask; i++)
    for (struct tc_block *b = tc_link_block(old->bucket[i]), *next; b; b = next) {
      next = tc_link_block(b->hnext);
      uint32_t h = tc_hash_pc(b->guest_pc) & t->mask;
      __atomic_store_n(&b->hnext, t->bucket[h], __ATOMIC_RELEASE);
      t->bucket[h] = tc_link_to(b);
    }
  __atomic_store_n(&tc_htab, t, __ATOMIC_RELEASE);
}

/* A forked child forgets every block (tc_regions_forked), and so does a new
 * program (tc_regions_reset, which starts a table of the usual size). */
void tc_map_forget_all(bool fork) {
  for (struct tc_htab *t = tc_htab, *older; t; t = older) {
    older = t->older; /* one thread runs: no lookup can be reading them */
    mi_free(t);
  }
  tc_htab = tc_htab_new(fork ? TC_HASH_FORK_BITS : TC_HASH_MIN_BITS);
  tc_hashed = 0;
  tc_pages_forget();
  tc_guest_lo = UINT64_MAX;
  tc_guest_hi = 0;
  tc_generation++;
}

/* The descriptors of blocks loaded from the persistent cache, one after
 * another in pages of their own, from the program's start (tc_arena_reset)
 * to its end: a start loads hundreds, and each page of them cost a fault
 * in the allocator's pages (copied on write in a forked child), spread over
 * a page per size. Such a block is not freed alone when its region is
 * reused; past TC_ARENA_SIZE descriptors come from the allocator. */
enum { TC_ARENA_SIZE = 1 << 20, TC_ARENA_CHUNK = 64 << 10 };
static uint8_t *tc_arena, *tc_arena_cur;
static uint8_t *tc_arena_ready; /* its pages are present up to here */
/* In a forked child: the parent's arena, whose blocks the child forgot;
 * unmapped at the next reset (or fork), not while the fork returns. */
static uint8_t *tc_arena_parent;

/* The arena's pages up to at least end present, a chunk at a time: one
 * system call where each page would cost a fault of its own. */
static void tc_arena_populate(const uint8_t *end) {
  while (tc_arena_ready < end && tc_arena_ready < tc_arena + TC_ARENA_SIZE) {
    madvise(tc_arena_ready, TC_ARENA_CHUNK, MADV_POPULATE_WRITE);
    tc_arena_ready += TC_ARENA_CHUNK;
  }
}

static struct tc_block *tc_arena_take(size_t size) {
  size = (size + 15) & ~(size_t)15;
  if (!tc_arena) {
    void *p = mmap(NULL, TC_ARENA_SIZE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
      return NULL;
    tc_own_add((uintptr_t)p, (uintptr_t)p + TC_ARENA_SIZE); /* the guest may not unmap it */
    tc_arena = tc_arena_cur = tc_arena_ready = p;
  }
  if ((size_t)(tc_arena + TC_ARENA_SIZE - tc_arena_cur) < size)
    return NULL;
  tc_arena_populate(tc_arena_cur + size);
  struct tc_block *blk = (struct tc_block *)(void *)tc_arena_cur; /* fresh pages: zero */
  tc_arena_cur += size;
  blk->in_arena = 1;
  return blk;
}

static void tc_arena_unmap(uint8_t *arena) {
  munmap(arena, TC_ARENA_SIZE);
  tc_own_remove((uintptr_t)arena, (uintptr_t)arena + TC_ARENA_SIZE);
}

/* Every block is gone (a new program): the arena is written again from its
 * start, in the pages this process made present (zeroed again), and a
 * parent's goes. Unmapping this process's arena too, to make its pages
 * present again, made busybox sh starting programs 1.6% slower. */
void tc_arena_reset(void) {
  if (tc_arena_parent)
    tc_arena_unmap(tc_arena_parent);
  tc_arena_parent = NULL;
  if (!tc_arena)
    return;
  memset(tc_arena, 0, (size_t)(tc_arena_cur - tc_arena));
  tc_arena_cur = tc_arena;
}

/* A forked child forgot every block: its own go into an arena of its own,
 * in fresh pages, not into ones it shares with its parent (each write
 * there copied a page). */
void tc_arena_forked(void) {
  if (tc_arena_parent)
    tc_arena_unmap(tc_arena_parent); /* a grandparent's: forgotten at the last fork */
  tc_arena_parent = tc_arena;
  tc_arena = tc_arena_cur = tc_arena_ready = NULL;
}

struct tc_block *tc_block_alloc(uint32_t pcmap_cap, uint32_t max_exits) {
  assert(max_exits <= TC_MAX_EXITS);
  size_t size = offsetof(struct tc_block, exits) + max_exits * sizeof(struct tc_exit);
  struct tc_block *blk = pcmap_cap ? NULL : tc_arena_take(size);
  if (!blk)
    blk = mi_zalloc(size);
  if (blk && pcmap_cap)
    blk->pcmap = mi_malloc(pcmap_cap * sizeof(*blk->pcmap));
  if (!blk || (pcmap_cap && !blk->pcmap))
    xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory");
  blk->pcmap_cap = pcmap_cap;
  blk->exits_cap = (uint8_t)max_exits;
  return blk;
}

void tc_block_discard(struct tc_block *blk) {
  mi_free(blk->fresh);
  if (!(blk->borrowed & TC_BORROWED_PCMAP))
    mi_free(blk->pcmap);
  if (!(blk->borrowed & TC_BORROWED_DEFER))
    mi_free(blk->defer);
  if (!blk->in_arena)
    mi_free(blk);
}

void *tc_block_data(struct tc_block *blk, size_t size) {
  if (!(blk->borrowed & TC_BORROWED_DEFER))
    mi_free(blk->defer);
  blk->borrowed &= (uint8_t)~TC_BORROWED_DEFER;
  blk->defer = mi_malloc(size ? size : 1);
  if (!blk->defer)
    xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory");
  blk->defer_size = (uint32_t)size;
  return blk->defer;
}

/* blk's fresh part with room for n relocs. */
static struct tc_fresh *tc_fresh_room(struct tc_block *blk, uint32_t n) {
  struct tc_fresh *f = blk->fresh;
  if (f && n <= f->relocs_cap)
    return f;
  uint32_t cap = f && f->relocs_cap ? 2 * f->relocs_cap : 8;
  cap = cap < n ? n : cap;
  f = mi_realloc(f, sizeof(*f) + cap * sizeof(f->relocs[0]));
  if (!f)
    xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory");
  if (!blk->fresh)
    f->guest_hash = 0, f->n_relocs = 0;
  f->relocs_cap = cap;
  return blk->fresh = f;
}

struct tc_fresh *tc_block_fresh(struct tc_block *blk) {
  return tc_fresh_room(blk, 0);
}

void tc_block_reloc(struct tc_block *blk, uint32_t off, enum tc_reloc_kind kind) {
  struct tc_fresh *f = tc_fresh_room(blk, blk->fresh ? blk->fresh->n_relocs + 1 : 1);
  f->relocs[f->n_relocs++] = (struct tc_reloc){off, (uint32_t)kind};
}

void tc_block_commit(struct tc_block *blk) {
  if (!(blk->borrowed & TC_BORROWED_PCMAP))
    blk->pcmap = mi_realloc(blk->pcmap, (blk->n_pcmap ? blk->n_pcmap : 1) * sizeof(*blk->pcmap));
  tc_region_add(blk);
  if (blk->guest_pc < tc_guest_lo)
    __atomic_store_n(&tc_guest_lo, blk->guest_pc, __ATOMIC_RELAXED);
  if (blk->guest_pc + blk->guest_size > tc_guest_hi)
    __atomic_store_n(&tc_guest_hi, blk->guest_pc + blk->guest_size, __ATOMIC_RELAXED);
  if (!xrun_opt.no_smc)
    tc_pages_add(blk);
  if (tc_hashed >= tc_htab->mask && tc_htab->mask < (1u << TC_HASH_MAX_BITS) - 1)
    tc_htab_grow();
  tc_link *head = &tc_htab->bucket[tc_hash_pc(blk->guest_pc) & tc_htab->mask];
  blk->hnext = *head;
  __atomic_store_n(head, tc_link_to(blk), __ATOMIC_RELEASE); /* lookups take no lock */
  tc_hashed++;
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
  tc_link *pp = &tc_htab->bucket[tc_hash_pc(blk->guest_pc) & tc_htab->mask];
  while (*pp && tc_link_block(*pp) != blk)
    pp = &tc_link_block(*pp)->hnext;
  if (*pp) {
    __atomic_store_n(pp, blk->hnext, __ATOMIC_RELEASE);
    tc_hashed--;
  }
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
  if (d->n < TC_FORGET_MAX)
    d->pcs[d->n] = b->guest_pc;
  d->n++;
}

/* The dropped blocks' pcs leave every jump cache (tc_mutex held). */
static void tc_forget_dropped(const struct tc_dropped *d) {
  if (d->n > TC_FORGET_MAX) {
    __atomic_thread_fence(__ATOMIC_SEQ_CST); /* tc_jc.c: against a concurrent fill */
    tc_clear_jump_caches();
    return;
  }
  for (size_t i = 0; i < d->n; i++)
    tc_jc_forget(d->pcs[i]);
}

/* A translation reads guest code from here (tc_mutex held) until its block
 * is committed or given up (tc_guest_read_end). A thread that rewrites code
 * stores it, then calls tc_invalidate, which looks at the range without
 * tc_mutex: both sides store, fence, then load what the other stored, so
 * either the translation reads the new code or tc_invalidate waits for its
 * block and drops it. Before, a block made from the old code could be
 * committed just after tc_invalidate had found nothing to drop, and stay. */
void tc_guest_read_begin(void) {
  __atomic_store_n(&tc_guest_reading, 1, __ATOMIC_RELAXED);
  __atomic_thread_fence(__ATOMIC_SEQ_CST);
}

void tc_guest_read_end(void) {
  __atomic_store_n(&tc_guest_reading, 0, __ATOMIC_RELEASE);
}

/* Whether guest code in [start, start + len) may have been translated, or
 * be being translated now. */
static bool tc_guest_may_hold(uint64_t start, uint64_t len) {
  __atomic_thread_fence(__ATOMIC_SEQ_CST);
  if (__atomic_load_n(&tc_guest_reading, __ATOMIC_ACQUIRE))
    return true;
  return start < __atomic_load_n(&tc_guest_hi, __ATOMIC_RELAXED) &&
         start + len > __atomic_load_n(&tc_guest_lo, __ATOMIC_RELAXED);
}

/* Called offline (gc.h) from syscalls and the run loop. Invalid blocks stay
 * in the buffer, as a thread may be running one, until their region of the
 * buffer is reused after a grace period. */
void tc_invalidate(uint64_t start, uint64_t len) {
  struct tc_dropped d = {0};
  __atomic_fetch_add(&tc_code_epoch, 1, __ATOMIC_SEQ_CST); /* kept decodes go (tc_tier.c) */
  if (xrun_opt.no_smc || !tc_guest_may_hold(start, len))
    return;
  pthread_mutex_lock(&tc_mutex);
  pthread_mutex_lock(&tc_chain_lock);
  tc_pages_drop(start, len, tc_drop, &d);
  pthread_mutex_unlock(&tc_chain_lock);
  tc_count(TC_ST_INVALIDATED, d.n);
  tc_forget_dropped(&d);
  pthread_mutex_unlock(&tc_mutex);
}

/* Drop the valid ones of n blocks (tc_mutex held); returns how many. */
static size_t tc_drop_list(struct tc_block *const *blocks, size_t n) {
  struct tc_dropped d = {0};
  pthread_mutex_lock(&tc_chain_lock);
  for (size_t i = 0; i < n; i++)
    if (!blocks[i]->invalid) {
      tc_pages_remove(blocks[i]);
      tc_drop(blocks[i], &d);
    }
  pthread_mutex_unlock(&tc_chain_lock);
  tc_forget_dropped(&d);
  return d.n;
}

/* The blocks of a region emptied for room (tc_mutex held). */
void tc_drop_blocks(struct tc_block *const *blocks, size_t n) {
  tc_count(TC_ST_EVICTED, tc_drop_list(blocks, n));
}

/* One block to be translated again (tc_mutex held). */
void tc_drop_block(struct tc_block *blk) {
  tc_drop_list(&blk, 1);
}
