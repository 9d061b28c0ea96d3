/* tc_tier_test.c - the run counts of blocks interpreted before they are
 * translated (tcache/tc_tier.c): with --tier N a block is interpreted the
 * first N-1 times and translated the Nth; pc 0 and --tier 1 translate at
 * once; a new program forgets the counts; the table is bounded (a guest
 * that makes new code without end has its counts start again). */
#include <stdint.h>
#include "../../tcache/tc_int.h"
#include "test.h"

TEST(tier_counts_runs) {
  tc_tier_forget();
  xrun_opt.tier = 3;
  ASSERT(tc_tier_wait(0x400000));  /* run 1: interpreted */
  ASSERT(tc_tier_wait(0x400000));  /* run 2 */
  ASSERT(!tc_tier_wait(0x400000)); /* run 3: translated */
  ASSERT(tc_tier_wait(0x400004));  /* another block counts on its own */
  ASSERT(!tc_tier_wait(0));        /* pc 0: never counted */
  xrun_opt.tier = 2;
  ASSERT(tc_tier_wait(0x500000));
  ASSERT(!tc_tier_wait(0x500000));
  ASSERT(!tc_tier_wait(0x400000)); /* translated once: again at once (its code changed) */
  xrun_opt.tier = 1;
  ASSERT(!tc_tier_wait(0x600000));
}

TEST(tier_forgets_at_exec) {
  xrun_opt.tier = 2;
  tc_tier_forget();
  ASSERT(tc_tier_wait(0x400000));
  ASSERT(!tc_tier_wait(0x400000));
  tc_tier_forget(); /* a new program: its code at 0x400000 is another */
  ASSERT(tc_tier_wait(0x400000));
}

TEST(tier_table_bounded) {
  xrun_opt.tier = 3;
  tc_tier_forget();
  ASSERT(tc_tier_wait(0x400000));
  ASSERT(tc_tier_wait(0x400000));                 /* its next run would be translated */
  for (uint64_t k = 1; k <= (1u << 19) + 16; k++) /* more blocks than the table holds */
    tc_tier_wait(0x10000000 + 4 * k);
  ASSERT(tc_tier_wait(0x400000)); /* the counts started again: interpreted once more */
  tc_tier_forget();
}

TEST_MAIN("tc_tier")
