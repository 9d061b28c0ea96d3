/* ir_arena.c - scratch memory for translating one block.
 *
 * Passes and backends take their per-instruction tables from the block's
 * arena instead of calloc and free: an allocation is a bump of a pointer
 * (inline, ir.h) and a memset, and everything goes at once when the block is reset for the
 * next translation. Chunks grow by doubling; a reset keeps the largest.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "ir.h"
#include "../xrun.h"

struct ir_arena_chunk {
  struct ir_arena_chunk *next;
  size_t cap;
  max_align_t data[];
};

enum { IR_ARENA_MIN = 8 * 1024 };

static struct ir_arena_chunk *ir_arena_chunk_new(size_t cap, struct ir_arena_chunk *next) {
  struct ir_arena_chunk *c = malloc(sizeof(*c) + cap);
  if (!c)
    xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory");
  c->next = next;
  c->cap = cap;
  return c;
}

/* The head chunk has less than n bytes left (n rounded already): a new one,
 * twice as large or large enough. */
void *ir_arena_grow(struct ir_arena *a, size_t n) {
  struct ir_arena_chunk *c = a->head;
  size_t cap = c ? 2 * c->cap : IR_ARENA_MIN;
  while (cap < n)
    cap *= 2;
  c = a->head = ir_arena_chunk_new(cap, c);
  a->cur = (char *)c->data + n;
  a->end = (char *)c->data + cap;
  return c->data;
}

void *ir_arena_alloc(struct ir_arena *a, size_t n) {
  return memset(ir_arena_alloc_raw(a, n), 0, n);
}

void ir_arena_reset(struct ir_arena *a) {
  struct ir_arena_chunk *c = a->head;
  if (!c)
    return;
  for (struct ir_arena_chunk *old = c->next, *next; old; old = next) {
    next = old->next;
    free(old);
  }
  c->next = NULL;
  a->cur = (char *)c->data;
  a->end = (char *)c->data + c->cap;
}

void ir_arena_free(struct ir_arena *a) {
  ir_arena_reset(a);
  free(a->head);
  a->head = NULL;
  a->cur = a->end = NULL;
}
