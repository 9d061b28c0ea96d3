/* tc_own_test.c - the table of xrun's own memory (tcache/tc_own.c): ranges
 * added over each other, cut out of the middle, given back in part, the
 * gaps between them, and copies of it as another process reads it; plus
 * what the process held before main (its own executable and stack) and
 * what a library maps (tc_own_alloc.c). */
#include <stdint.h>
#include <sys/mman.h>
#include "../../tcache/tc_int.h"
#include "test.h"

enum { P = 4096 };
static const uint64_t base = 0x100000000000ull; /* 16 TiB: nothing of the process is there */

/* The pages of [base, base + 16 pages) as a string: 'o' own, '.' not. */
static const char *pages(void) {
  static char s[17];
  for (int i = 0; i < 16; i++)
    s[i] = tc_overlaps_translator(base + (uint64_t)i * P, 1) ? 'o' : '.';
  return s;
}

static uint64_t pg(int i) {
  return base + (uint64_t)i * P;
}

TEST(own_add_cut_split) {
  tc_own_add(pg(2), pg(6));
  tc_own_add(pg(4), pg(9)); /* over the end of the first */
  ASSERT(!strcmp(pages(), "..ooooooo......."));
  tc_own_remove(pg(5), pg(7)); /* splits it */
  ASSERT(!strcmp(pages(), "..ooo..oo......."));
  tc_own_add(pg(1), pg(12)); /* over both */
  ASSERT(!strcmp(pages(), ".ooooooooooo...."));
  tc_own_remove(pg(0), pg(3));
  tc_own_remove(pg(10), pg(16));
  ASSERT(!strcmp(pages(), "...ooooooo......"));
  tc_own_remove(pg(0), pg(16));
  ASSERT(!strcmp(pages(), "................"));
}

TEST(own_gaps) {
  uint64_t end;
  tc_own_add(pg(2), pg(4));
  tc_own_add(pg(4), pg(6)); /* touching: no gap between */
  tc_own_add(pg(9), pg(10));
  ASSERT_EQ(tc_own_gap(pg(0), pg(16), &end), pg(0));
  ASSERT_EQ(end, pg(2));
  ASSERT_EQ(tc_own_gap(pg(2), pg(16), &end), pg(6));
  ASSERT_EQ(end, pg(9));
  ASSERT_EQ(tc_own_gap(pg(9), pg(16), &end), pg(10));
  ASSERT_EQ(end, pg(16));
  ASSERT_EQ(tc_own_gap(pg(2), pg(6), &end), pg(6)); /* none: the end */
  tc_own_remove(pg(0), pg(16));
}

/* A peek at "another process" that is this one; torn makes the sequence
 * count read odd, as while that process changes its table. */
static int torn;
static bool peek_self(void *ctx, void *dst, const void *src, size_t len) {
  (void)ctx;
  memcpy(dst, src, len);
  if (torn && len == sizeof(unsigned))
    *(unsigned *)dst |= 1;
  return true;
}

TEST(own_snapshot_of_a_peer) {
  struct tc_own_view v;
  uint64_t end;
  tc_own_add(pg(2), pg(4));
  tc_own_add(pg(9), pg(10));
  ASSERT(tc_own_snapshot(&v, peek_self, NULL));
  ASSERT(tc_own_view_overlaps(&v, pg(3), pg(4)));
  ASSERT(!tc_own_view_overlaps(&v, pg(4), pg(9)));
  ASSERT_EQ(tc_own_view_gap(&v, pg(2), pg(16), &end), pg(4));
  ASSERT_EQ(end, pg(9));
  tc_own_view_free(&v);
  torn = 1; /* changing all the while: no copy */
  ASSERT(!tc_own_snapshot(&v, peek_self, NULL));
  ASSERT(v.r == NULL && v.n == 0);
  torn = 0;
  ASSERT(tc_own_snapshot(&v, NULL, NULL)); /* this process's, under the lock */
  ASSERT(tc_own_view_overlaps(&v, pg(9), pg(10)));
  tc_own_view_free(&v);
  tc_own_remove(pg(0), pg(16));
}

extern char __executable_start[];
TEST(own_before_main) {
  int local;
  ASSERT(tc_overlaps_translator((uintptr_t)__executable_start, 1));
  ASSERT(tc_overlaps_translator((uintptr_t)&local, 1)); /* the host stack */
}

/* mimalloc's mmap lands here: a large allocation is a mapping of its own. */
TEST(own_library_mapping) {
  char *p = malloc(256 << 20);
  ASSERT(p);
  ASSERT(tc_overlaps_translator((uintptr_t)p, 1));
  ASSERT(tc_overlaps_translator((uintptr_t)p + (200 << 20), 1));
  free(p);
  /* xrun's own calls (the guest's memory) are not recorded */
  void *g = mmap(NULL, P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  ASSERT(g != MAP_FAILED);
  ASSERT(!tc_overlaps_translator((uintptr_t)g, P));
  munmap(g, P);
}

TEST_MAIN("tc_own")
