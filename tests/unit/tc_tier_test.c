/* tc_tier_test.c - the run counts of blocks interpreted before they are
 * translated (tcache/tc_tier.c): with --tier N a block is interpreted the
 * first N-1 times and translated the Nth, the first 4N-1 times during a
 * program's start-up (its first 1,000 blocks); pc 0 and --tier 1 translate
 * at once; a new program forgets the counts; the table is bounded (a guest
 * that makes new code without end has its counts start again). */
#include <stdint.h>
#include "../../tcache/tc_int.h"
#include "test.h"

/* A program past its start-up: TC_TIER_START_BLOCKS other blocks counted. */
static void tier_past_startup(void) {
  for (uint64_t k = 1; k <= TC_TIER_START_BLOCKS; k++)
    tc_tier_wait(0x20000000 + 4 * k);
}

TEST(tier_startup_waits_longer) {
  tc_tier_forget();
  xrun_opt.tier = 3;
  for (unsigned run = 1; run < TC_TIER_START_FACTOR * 3; run++)
    ASSERT(tc_tier_wait(0x400000)); /* runs 1-11: interpreted */
  ASSERT(!tc_tier_wait(0x400000));  /* run 12: translated */
  xrun_opt.tier = 1;
  ASSERT(!tc_tier_wait(0x400004)); /* --tier 1: at once, start-up or not */
  xrun_opt.tier = 3;
  ASSERT(tc_tier_wait(0x400008));
  tier_past_startup();
  ASSERT(tc_tier_wait(0x400008));  /* run 2 */
  ASSERT(!tc_tier_wait(0x400008)); /* run 3: past start-up, translated */
}

TEST(tier_counts_runs) {
  tc_tier_forget();
  tier_past_startup();
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
  tier_past_startup();
  ASSERT(tc_tier_wait(0x400000));
  ASSERT(!tc_tier_wait(0x400000));
  tc_tier_forget(); /* a new program: its code at 0x400000 is another, in its start-up */
  for (unsigned run = 1; run < TC_TIER_START_FACTOR * 2; run++)
    ASSERT(tc_tier_wait(0x400000));
  ASSERT(!tc_tier_wait(0x400000));
}

TEST(tier_table_bounded) {
  xrun_opt.tier = 3;
  tc_tier_forget();
  tier_past_startup();
  ASSERT(tc_tier_wait(0x400000));
  ASSERT(tc_tier_wait(0x400000));                 /* its next run would be translated */
  for (uint64_t k = 1; k <= (1u << 19) + 16; k++) /* more blocks than the table holds */
    tc_tier_wait(0x10000000 + 4 * k);
  ASSERT(tc_tier_wait(0x400000)); /* the counts started again: interpreted once more */
  tc_tier_forget();
}

TEST_MAIN("tc_tier")
