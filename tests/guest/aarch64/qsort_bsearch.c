/* qsort_bsearch.c - qsort of ints, of strings and of structs with a two-key
 * comparator, then bsearch for present and absent keys. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_int(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}
static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}
struct rec {
  int key;
  char name[12];
};
static int cmp_rec(const void *a, const void *b) {
  const struct rec *x = a, *y = b;
  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return strcmp(x->name, y->name);
}

int main(void) {
  enum { N = 5000 };
  static int v[N];
  unsigned s = 12345;
  for (int i = 0; i < N; i++) {
    s = s * 1103515245 + 12345;
    v[i] = (int)(s >> 8) % 100000 - 50000;
  }
  qsort(v, N, sizeof *v, cmp_int);
  int sorted = 1;
  long sum = 0;
  for (int i = 1; i < N; i++)
    sorted &= v[i - 1] <= v[i];
  for (int i = 0; i < N; i++)
    sum += (long)v[i] * (i + 1);
  printf("ints sorted %d min %d max %d median %d weighted %ld\n", sorted, v[0], v[N - 1], v[N / 2],
         sum);
  int keys[] = {v[0], v[N - 1], v[1234], 50001, -50001, v[4321] + 0};
  for (int i = 0; i < 6; i++) {
    int *hit = bsearch(&keys[i], v, N, sizeof *v, cmp_int);
    printf("bsearch %d: %s\n", keys[i], hit && *hit == keys[i] ? "found" : "absent");
  }
  const char *words[] = {"pear",    "apple",    "fig",      "banana", "kiwi",
                         "cherry",  "date",     "grape",    "lemon",  "mango",
                         "apricot", "Zucchini", "aardvark", "",       "fig2"};
  int nw = sizeof words / sizeof *words;
  qsort(words, nw, sizeof *words, cmp_str);
  for (int i = 0; i < nw; i++)
    printf("%s%s", i ? "," : "", words[i]);
  printf("\n");
  const char *key = "kiwi", *key2 = "kumquat";
  printf("bsearch kiwi %s, kumquat %s\n",
         bsearch(&key, words, nw, sizeof *words, cmp_str) ? "found" : "absent",
         bsearch(&key2, words, nw, sizeof *words, cmp_str) ? "found" : "absent");
  struct rec recs[200];
  for (int i = 0; i < 200; i++) {
    recs[i].key = (i * 37) % 11;
    snprintf(recs[i].name, sizeof recs[i].name, "r%03d", (i * 91) % 200);
  }
  qsort(recs, 200, sizeof *recs, cmp_rec);
  for (int i = 0; i < 200; i += 25)
    printf("rec[%d] = %d %s\n", i, recs[i].key, recs[i].name);
  return 0;
}
