/* tc_pages_test.c - the index of blocks by guest page (tcache/tc_pages.c):
 * a range drops exactly the blocks that overlap it, whether it is looked up
 * page by page or by walking the pages that hold code, and a dropped block
 * is not dropped again; each page knows where its blocks start. */
#include <stdint.h>
#include "../../tcache/tc_int.h"
#include "test.h"

enum { N = 6 };
static struct tc_block blocks[N];
static int dropped[N];

static void note_drop(struct tc_block *blk, void *arg) {
  (*(int *)arg)++;
  dropped[blk - blocks]++;
}

/* Blocks at 0x10000 (8 bytes), 0x10038 (16: ends in the next line),
 * 0x10ffc (8: spans two pages), 0x11040, 0x20000, 0x7f0000001000. */
static void setup(void) {
  static const uint64_t pcs[N] = {0x10000, 0x10038, 0x10ffc, 0x11040, 0x20000, 0x7f0000001000};
  static const uint32_t sizes[N] = {8, 16, 8, 4, 4, 4};
  tc_pages_clear();
  for (int i = 0; i < N; i++) {
    blocks[i] = (struct tc_block){.guest_pc = pcs[i], .guest_size = sizes[i]};
    dropped[i] = 0;
    tc_pages_add(&blocks[i]);
  }
}

TEST(cache_line_drops_overlapping_blocks_only) {
  int n = 0;
  setup();
  tc_pages_drop(0x10040, 64, note_drop, &n); /* the line after the first */
  ASSERT_EQ(n, 1);
  ASSERT_EQ(dropped[1], 1);
  n = 0;
  tc_pages_drop(0x10040, 64, note_drop, &n); /* gone from the index */
  ASSERT_EQ(n, 0);
  tc_pages_drop(0x10000, 64, note_drop, &n);
  ASSERT_EQ(n, 1);
  ASSERT_EQ(dropped[0], 1);
}

TEST(block_on_two_pages_is_found_from_either_and_dropped_once) {
  int n = 0;
  setup();
  tc_pages_drop(0x11000, 4, note_drop, &n); /* the second page's first word */
  ASSERT_EQ(n, 1);
  ASSERT_EQ(dropped[2], 1);
  tc_pages_drop(0x10fc0, 64, note_drop, &n); /* its first page: not again */
  ASSERT_EQ(n, 1);
}

TEST(large_range_walks_the_pages_with_code) {
  int n = 0;
  setup();
  tc_pages_drop(0x11000, 0x7f0000000000ull, note_drop, &n); /* millions of pages */
  ASSERT_EQ(n, 4);
  ASSERT_EQ(dropped[0] + dropped[1], 0);
  ASSERT_EQ(dropped[2] + dropped[3] + dropped[4] + dropped[5], 4);
  tc_pages_drop(0, UINT64_MAX, note_drop, &n); /* an end past 2^64 */
  ASSERT_EQ(n, 6);
}

TEST(clear_forgets_everything) {
  int n = 0;
  setup();
  tc_pages_clear();
  tc_pages_drop(0, UINT64_MAX, note_drop, &n);
  ASSERT_EQ(n, 0);
}

/* A block's start is seen (a block on two pages: on its first), no other
 * 2-byte step of its pages is, nor a page with no code; a page that was
 * asked of before its first block came sees that block. */
TEST(pages_know_where_blocks_start) {
  setup();
  for (int i = 0; i < N; i++)
    ASSERT(tc_pages_may_start(blocks[i].guest_pc));
  ASSERT(!tc_pages_may_start(0x10002));
  ASSERT(!tc_pages_may_start(0x10004));
  ASSERT(!tc_pages_may_start(0x11000)); /* block 2's second page */
  ASSERT(!tc_pages_may_start(0x10ffe));
  ASSERT(!tc_pages_may_start(0x30000));
  static struct tc_block late = {.guest_pc = 0x30ffe, .guest_size = 2};
  tc_pages_add(&late);
  ASSERT(tc_pages_may_start(0x30ffe));
  tc_pages_clear();
  ASSERT(!tc_pages_may_start(0x10000));
}

TEST_MAIN("tc_pages")
