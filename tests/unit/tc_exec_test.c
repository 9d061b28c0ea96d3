/* tc_exec_test.c - the ranges the guest made non-executable (tcache/tc_exec.c):
 * protecting, re-protecting part of a range, unmapping and joining neighbours
 * leave exactly the pages the last call for each page said are not code. */
#include <stdint.h>
#include "../../tcache/tcache.h"
#include "test.h"

enum { P = 4096 };
static const uint64_t base = 0x10000000;

/* The pages of [base, base + 16 pages) as a string: 'x' denied, '.' allowed. */
static const char *pages(void) {
  static char s[17];
  for (int i = 0; i < 16; i++)
    s[i] = tc_exec_denied(base + (uint64_t)i * P + 8) ? 'x' : '.';
  return s;
}

#define ASSERT_PAGES(want)                                                                         \
  do {                                                                                             \
    const char *got_ = pages();                                                                    \
    if (strcmp(got_, want))                                                                        \
      fprintf(stderr, "  pages %s, want %s\n", got_, want);                                        \
    ASSERT(!strcmp(got_, want));                                                                   \
  } while (0)

TEST(protect_split_join_forget) {
  tc_exec_set(base, 16 * P, 1);
  ASSERT_PAGES("................");
  tc_exec_set(base + 2 * P, 8 * P, 0); /* mmap RW */
  ASSERT_PAGES("..xxxxxxxx......");
  tc_exec_set(base + 4 * P, 2 * P, 1); /* mprotect RX in the middle: splits */
  ASSERT_PAGES("..xx..xxxx......");
  tc_exec_set(base + 4 * P, P, 0); /* joins the left part */
  ASSERT_PAGES("..xxx.xxxx......");
  tc_exec_set(base + 5 * P, P, 0); /* joins both */
  ASSERT_PAGES("..xxxxxxxx......");
  tc_exec_set(base + 10 * P, 3 * P, 0); /* touches the end: one range */
  ASSERT_PAGES("..xxxxxxxxxxx...");
  tc_exec_set(base + P, 3 * P, 1); /* cuts the front */
  ASSERT_PAGES("....xxxxxxxxx...");
  tc_exec_set(base + 7 * P + 100, 10, 1); /* a partial page counts as the page */
  ASSERT_PAGES("....xxx.xxxxx...");
  tc_exec_set(base, 16 * P, 1); /* munmap of everything */
  ASSERT_PAGES("................");
  ASSERT(!tc_exec_denied(base - P));
}

TEST_MAIN("tc_exec")
