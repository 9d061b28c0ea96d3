/* tc_pages.c - the valid blocks with guest code in each 4 KiB guest page, so
 * that dropping the translations of a cache line (IC IVAU) or of a few pages
 * (mprotect) looks at those pages' blocks, not at every block ever made.
 * Everything here runs under tc_mutex.
 *
 *   tc_pages_add(blk);                       // blk was committed
 *   tc_pages_drop(start, len, drop, &arg);   // drop(blk, &arg) for each block
 *                                            // overlapping, which leaves the index
 *   tc_pages_remove(blk);                    // blk leaves the index (its code's
 *                                            // region is emptied)
 *   tc_pages_may_start(pc);                  // false: no block starts at pc
 *
 * Each page also has a bit for each 2-byte step where a block committed
 * since the page entered the index started (left set when the block goes):
 * a decoder asks, for every instruction, whether a block starts there
 * (xrun_block_at), and a look at the page's bits instead of the block table
 * took the cache misses of that question off a first run's translating.
 */
#include <mimalloc.h>
#include <uthash.h>
#include "tc_int.h"

enum { TC_PAGE_SHIFT = 12, TC_PAGE_STARTS = (1 << TC_PAGE_SHIFT) / 2 / 64 };

struct tc_page {
  uint64_t page;            /* guest address >> TC_PAGE_SHIFT */
  struct tc_block **blocks; /* valid blocks with code in this page */
  uint32_t n, cap;
  uint64_t starts[TC_PAGE_STARTS]; /* bit k: a block started at byte 2k (above) */
  UT_hash_handle hh;
};

static struct tc_page *tc_pages;
/* The page a block was last added to: blocks are made, and loaded from the
 * persistent cache, mostly a page at a time, so most adds skip the hash. */
static struct tc_page *tc_page_last;
/* The page tc_pages_may_start last found (NULL: none there) and its number,
 * or TC_PAGE_UNSEEN: a decoder asks of one page a block long. */
#define TC_PAGE_UNSEEN UINT64_MAX
static struct tc_page *tc_page_seen;
static uint64_t tc_page_seen_nr = TC_PAGE_UNSEEN;

static uint64_t tc_first_page(const struct tc_block *blk) {
  return blk->guest_pc >> TC_PAGE_SHIFT;
}

static uint64_t tc_last_page(const struct tc_block *blk) {
  return (blk->guest_pc + (blk->guest_size ? blk->guest_size : 1) - 1) >> TC_PAGE_SHIFT;
}

static void tc_page_push(uint64_t page, struct tc_block *blk) {
  struct tc_page *p = tc_page_last;
  if (!p || p->page != page)
    HASH_FIND(hh, tc_pages, &page, sizeof(page), p);
  if (!p) {
    p = mi_zalloc(sizeof(*p));
    if (!p)
      xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory");
    p->page = page;
    HASH_ADD(hh, tc_pages, page, sizeof(p->page), p);
    tc_page_seen_nr = TC_PAGE_UNSEEN;
  }
  if (p->n == p->cap) {
    p->cap = p->cap ? p->cap * 2 : 8;
    p->blocks = mi_reallocn(p->blocks, p->cap, sizeof(*p->blocks));
    if (!p->blocks)
      xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory");
  }
  p->blocks[p->n++] = blk;
  tc_page_last = p;
  if (page == tc_first_page(blk)) {
    uint32_t k = (uint32_t)(blk->guest_pc & ((1u << TC_PAGE_SHIFT) - 1)) / 2;
    p->starts[k / 64] |= 1ull << (k % 64);
  }
}

bool tc_pages_may_start(uint64_t pc) {
  uint64_t page = pc >> TC_PAGE_SHIFT;
  if (page != tc_page_seen_nr) {
    HASH_FIND(hh, tc_pages, &page, sizeof(page), tc_page_seen);
    tc_page_seen_nr = page;
  }
  uint32_t k = (uint32_t)(pc & ((1u << TC_PAGE_SHIFT) - 1)) / 2;
  return tc_page_seen && (tc_page_seen->starts[k / 64] >> (k % 64) & 1);
}

void tc_pages_add(struct tc_block *blk) {
  for (uint64_t pg = tc_first_page(blk); pg <= tc_last_page(blk); pg++)
    tc_page_push(pg, blk);
}

/* Take blk out of page pg's list (a block on several pages). */
static void tc_page_remove(uint64_t pg, const struct tc_block *blk) {
  struct tc_page *p;
  HASH_FIND(hh, tc_pages, &pg, sizeof(pg), p);
  for (uint32_t i = 0; p && i < p->n; i++)
    if (p->blocks[i] == blk) {
      p->blocks[i] = p->blocks[--p->n];
      return;
    }
}

/* A page whose last block left is forgotten: the index holds only pages
 * with code in the buffer. */
void tc_pages_remove(const struct tc_block *blk) {
  for (uint64_t pg = tc_first_page(blk); pg <= tc_last_page(blk); pg++) {
    struct tc_page *p;
    tc_page_remove(pg, blk);
    HASH_FIND(hh, tc_pages, &pg, sizeof(pg), p);
    if (p && !p->n) {
      if (p == tc_page_last)
        tc_page_last = NULL;
      tc_page_seen_nr = TC_PAGE_UNSEEN;
      HASH_DEL(tc_pages, p);
      mi_free(p->blocks);
      mi_free(p);
    }
  }
}

/* Drop the blocks of page p that overlap [start, end); keep the others. */
static void tc_page_drop(struct tc_page *p, uint64_t start, uint64_t end,
                         void (*drop)(struct tc_block *blk, void *arg), void *arg) {
  uint32_t kept = 0;
  for (uint32_t i = 0; i < p->n; i++) {
    struct tc_block *b = p->blocks[i];
    if (b->guest_pc >= end || b->guest_pc + b->guest_size <= start) {
      p->blocks[kept++] = b;
      continue;
    }
    for (uint64_t pg = tc_first_page(b); pg <= tc_last_page(b); pg++)
      if (pg != p->page)
        tc_page_remove(pg, b);
    drop(b, arg);
  }
  p->n = kept;
}

void tc_pages_drop(uint64_t start, uint64_t len, void (*drop)(struct tc_block *blk, void *arg),
                   void *arg) {
  uint64_t end = start + len < start ? UINT64_MAX : start + len;
  uint64_t first = start >> TC_PAGE_SHIFT, last = (end - 1) >> TC_PAGE_SHIFT;
  struct tc_page *p, *tmp;
  if (last - first < HASH_COUNT(tc_pages)) { /* fewer pages in the range than with code */
    for (uint64_t pg = first; pg <= last; pg++) {
      HASH_FIND(hh, tc_pages, &pg, sizeof(pg), p);
      if (p)
        tc_page_drop(p, start, end, drop, arg);
    }
    return;
  }
  HASH_ITER(hh, tc_pages, p, tmp) {
    if (p->page >= first && p->page <= last)
      tc_page_drop(p, start, end, drop, arg);
  }
}

/* Forget every page, leaving its memory as it is (a forked child: freeing
 * it would copy every page of it from the parent). */
void tc_pages_forget(void) {
  tc_pages = NULL;
  tc_page_last = NULL;
  tc_page_seen_nr = TC_PAGE_UNSEEN;
}

/* Forget every page (the unit tests). */
void tc_pages_clear(void) {
  struct tc_page *p, *tmp;
  HASH_ITER(hh, tc_pages, p, tmp) {
    HASH_DEL(tc_pages, p);
    mi_free(p->blocks);
    mi_free(p);
  }
  tc_page_last = NULL;
  tc_page_seen_nr = TC_PAGE_UNSEEN;
}
