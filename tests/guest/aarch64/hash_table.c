/* hash_table.c - a chained hash table with string keys (FNV-1a): insert
 * 50000 generated keys, update, look up hits and misses, delete, rehash
 * into a bigger table; prints counts and sums. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry {
  char *key;
  long value;
  struct entry *next;
};
struct table {
  struct entry **b;
  size_t nb, n;
};

static uint32_t fnv(const char *s) {
  uint32_t h = 2166136261u;
  while (*s)
    h = (h ^ (unsigned char)*s++) * 16777619u;
  return h;
}
static void rehash(struct table *t, size_t nb) {
  struct entry **b = calloc(nb, sizeof *b);
  for (size_t i = 0; i < t->nb; i++)
    for (struct entry *e = t->b[i], *n; e; e = n) {
      n = e->next;
      size_t k = fnv(e->key) % nb;
      e->next = b[k];
      b[k] = e;
    }
  free(t->b);
  t->b = b;
  t->nb = nb;
}
static struct entry *find(struct table *t, const char *key) {
  for (struct entry *e = t->b[fnv(key) % t->nb]; e; e = e->next)
    if (!strcmp(e->key, key))
      return e;
  return NULL;
}
static void put(struct table *t, const char *key, long v) {
  struct entry *e = find(t, key);
  if (e) {
    e->value = v;
    return;
  }
  if (t->n >= t->nb * 2)
    rehash(t, t->nb * 4 + 1);
  e = malloc(sizeof *e);
  e->key = strdup(key);
  e->value = v;
  size_t k = fnv(key) % t->nb;
  e->next = t->b[k];
  t->b[k] = e;
  t->n++;
}
static int del(struct table *t, const char *key) {
  for (struct entry **pp = &t->b[fnv(key) % t->nb]; *pp; pp = &(*pp)->next)
    if (!strcmp((*pp)->key, key)) {
      struct entry *e = *pp;
      *pp = e->next;
      free(e->key);
      free(e);
      t->n--;
      return 1;
    }
  return 0;
}

int main(void) {
  struct table t = {calloc(7, sizeof(struct entry *)), 7, 0};
  char key[32];
  for (long i = 0; i < 50000; i++) {
    sprintf(key, "key-%ld-%lx", i, i * 2654435761u);
    put(&t, key, i);
  }
  printf("size %zu buckets %zu\n", t.n, t.nb);
  for (long i = 0; i < 50000; i += 3) {
    sprintf(key, "key-%ld-%lx", i, i * 2654435761u);
    put(&t, key, -i);
  }
  long hits = 0, sum = 0;
  for (long i = 0; i < 60000; i++) {
    sprintf(key, "key-%ld-%lx", i, i * 2654435761u);
    struct entry *e = find(&t, key);
    if (e) {
      hits++;
      sum += e->value;
    }
  }
  printf("hits %ld sum %ld\n", hits, sum);
  long deleted = 0;
  for (long i = 0; i < 60000; i += 2) {
    sprintf(key, "key-%ld-%lx", i, i * 2654435761u);
    deleted += del(&t, key);
  }
  size_t longest = 0, used = 0;
  for (size_t i = 0; i < t.nb; i++) {
    size_t len = 0;
    for (struct entry *e = t.b[i]; e; e = e->next)
      len++;
    used += len > 0;
    if (len > longest)
      longest = len;
  }
  printf("deleted %ld size %zu used buckets %zu longest chain %zu\n", deleted, t.n, used, longest);
  return 0;
}
