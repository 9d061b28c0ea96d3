/* test.h - the unit-test harness: TEST(name) { ASSERT(...); } and a main that
 * runs every test and prints one PASS/FAIL line each, as tests/check.sh counts.
 *
 *   TEST(add_folds) { ASSERT_EQ(fold(2, 3), 5); }
 *   TEST_MAIN()
 */
#ifndef TEST_H
#define TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct test_case {
  const char *name;
  void (*fn)(int *failed);
};

#define TEST_MAX 512
static struct test_case test_cases[TEST_MAX];
static int test_count;

#define TEST(name)                                                                                 \
  static void test_##name(int *test_failed_);                                                      \
  __attribute__((constructor)) static void test_reg_##name(void) {                                 \
    if (test_count < TEST_MAX)                                                                     \
      test_cases[test_count++] = (struct test_case){#name, test_##name};                           \
  }                                                                                                \
  static void test_##name(int *test_failed_)

#define ASSERT(cond)                                                                               \
  do {                                                                                             \
    if (!(cond)) {                                                                                 \
      fprintf(stderr, "  %s:%d: assertion failed: %s\n", __FILE__, __LINE__, #cond);               \
      *test_failed_ = 1;                                                                           \
      return;                                                                                      \
    }                                                                                              \
  } while (0)

#define ASSERT_EQ(a, b)                                                                            \
  do {                                                                                             \
    unsigned long long a_ = (unsigned long long)(a), b_ = (unsigned long long)(b);                 \
    if (a_ != b_) {                                                                                \
      fprintf(stderr, "  %s:%d: %s == %s: 0x%llx != 0x%llx\n", __FILE__, __LINE__, #a, #b, a_,     \
              b_);                                                                                 \
      *test_failed_ = 1;                                                                           \
      return;                                                                                      \
    }                                                                                              \
  } while (0)

static inline int test_run_all(const char *suite) {
  int failed = 0;
  for (int i = 0; i < test_count; i++) {
    int f = 0;
    test_cases[i].fn(&f);
    printf("%s unit/%s/%s\n", f ? "FAIL" : "PASS", suite, test_cases[i].name);
    failed += f;
  }
  return failed != 0;
}

#define TEST_MAIN(suite)                                                                           \
  int main(void) {                                                                                 \
    return test_run_all(suite);                                                                    \
  }

#endif
