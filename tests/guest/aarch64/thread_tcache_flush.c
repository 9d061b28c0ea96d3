/* thread_tcache_flush.c - thread_join_sum with a translated-code buffer so
 * small that it fills up and is flushed many times while four threads run
 * through it: the flush must stop them all first and none may run freed code.
 * The expected output is thread_join_sum's. */
// test: xrun-flags: -tb-size 64K
#include "thread_join_sum.c"
