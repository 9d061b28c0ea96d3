/* tc_map_test.c - the guest-pc -> block table (tcache/tc_map.c): it starts
 * small and grows as blocks are committed, and every block stays found
 * across each growth; dropped blocks leave it, and a forked child's fresh
 * table holds nothing until blocks are committed again. */
#include <stdint.h>
#include "../../tcache/tc_int.h"
#include "test.h"

enum { N = 70000, BASE = 0x400000 }; /* several growths: 4K -> 16K -> 64K -> 256K buckets */

static uint8_t code[1 << 16];
static struct tc_block *blocks[N];

static uint64_t pc_of(int i) {
  return BASE + 4 * (uint64_t)i;
}

static void commit_all(void) {
  tc_regions_init(code, code + sizeof(code));
  tc_map_init();
  for (int i = 0; i < N; i++) {
    struct tc_block *b = tc_block_alloc(1, TC_MAX_EXITS);
    b->guest_pc = pc_of(i);
    b->guest_size = 4;
    b->code = code + 4096 + i % 4096;
    tc_block_commit(b);
    blocks[i] = b;
  }
}

TEST(every_block_is_found_after_the_table_grew) {
  commit_all();
  for (int i = 0; i < N; i++)
    ASSERT(tc_lookup(pc_of(i)) == blocks[i]);
  ASSERT(tc_lookup(pc_of(N)) == NULL);
  ASSERT(tc_lookup(BASE - 4) == NULL);
}

TEST(dropped_blocks_leave_the_table) {
  commit_all();
  enum { DROP = 1000 };
  struct tc_block *gone[DROP];
  for (int i = 0; i < DROP; i++)
    gone[i] = blocks[2 * i];
  tc_drop_blocks(gone, DROP);
  for (int i = 0; i < 2 * DROP; i++)
    ASSERT(tc_lookup(pc_of(i)) == (i % 2 ? blocks[i] : NULL));
  ASSERT(tc_lookup(pc_of(N - 1)) == blocks[N - 1]);
}

TEST(a_forked_child_starts_with_an_empty_table) {
  commit_all();
  tc_map_forget_all(true);
  ASSERT(tc_lookup(pc_of(0)) == NULL);
  ASSERT(tc_lookup(pc_of(N - 1)) == NULL);
  struct tc_block *b = tc_block_alloc(1, TC_MAX_EXITS);
  b->guest_pc = pc_of(7);
  b->guest_size = 4;
  b->code = code + 4096;
  tc_block_commit(b);
  ASSERT(tc_lookup(pc_of(7)) == b);
}

TEST_MAIN("tc_map")
