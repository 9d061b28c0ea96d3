/* tc_own.c - memory that is xrun's own, which a guest mmap(MAP_FIXED),
 * munmap, mprotect, mremap or madvise must never touch (the syscall layer
 * refuses them through tc_overlaps_translator) and which the guest's
 * /proc/self/maps leaves out: the code buffer, every mapping the process
 * had before xrun's main (its executable and host libraries, the host's
 * stack and vdso, the loader's and the allocator's first anonymous memory),
 * the host stack of each guest thread, the persistent cache's files, and
 * what the allocator maps later (mimalloc's segments and per-thread
 * data, tc_own_alloc.c).
 *
 * The ranges are kept sorted and disjoint, so a lookup is a binary search
 * and a range the allocator gives back leaves the table. A sequence count,
 * odd while the table changes, lets another process that runs this same
 * xrun binary copy it without the lock (tc_own_snapshot), to show its own
 * guest a view of this process's maps. */
#define _GNU_SOURCE
#include <link.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tc_int.h"

enum { TC_OWN_MAX = 16384 };

static struct tc_own_range tc_own[TC_OWN_MAX];
static unsigned tc_n_own;
static unsigned tc_own_seq; /* odd while tc_own changes */
pthread_mutex_t tc_own_lock = PTHREAD_MUTEX_INITIALIZER;

/* The index of the first of the n ranges r that ends after addr. */
static unsigned tc_own_find_in(const struct tc_own_range *r, unsigned n, uint64_t addr) {
  unsigned lo = 0, hi = n;
  while (lo < hi) {
    unsigned mid = (lo + hi) / 2;
    if (r[mid].hi <= addr)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

static unsigned tc_own_find(uint64_t addr) {
  return tc_own_find_in(tc_own, tc_n_own, addr);
}

/* The table is about to change, or has changed (caller holds tc_own_lock):
 * each store to it comes after the first count's, before the second's. */
static void tc_own_bump(void) {
  __atomic_store_n(&tc_own_seq, tc_own_seq + 1, __ATOMIC_RELEASE);
  __atomic_thread_fence(__ATOMIC_RELEASE);
}

/* Takes [lo, hi) out of the table (caller holds tc_own_lock): ranges inside
 * go, ranges across an end are cut, a range around it is split in two. */
static void tc_own_cut(uint64_t lo, uint64_t hi) {
  unsigned i = tc_own_find(lo);
  if (i < tc_n_own && tc_own[i].lo < lo && tc_own[i].hi > hi && tc_n_own < TC_OWN_MAX) {
    memmove(&tc_own[i + 1], &tc_own[i], (tc_n_own++ - i) * sizeof(tc_own[0]));
    tc_own[i].hi = lo, tc_own[i + 1].lo = hi;
    return;
  }
  if (i < tc_n_own && tc_own[i].lo < lo && tc_own[i].hi > lo)
    tc_own[i++].hi = lo;
  unsigned j = i;
  while (j < tc_n_own && tc_own[j].hi <= hi)
    j++;
  if (j < tc_n_own && tc_own[j].lo < hi)
    tc_own[j].lo = hi;
  memmove(&tc_own[i], &tc_own[j], (tc_n_own - j) * sizeof(tc_own[0]));
  tc_n_own -= j - i;
}

static void tc_own_page_bounds(uint64_t *lo, uint64_t *hi) {
  *lo &= ~(uint64_t)4095;
  *hi = (*hi + 4095) & ~(uint64_t)4095;
}

void tc_own_add(uint64_t lo, uint64_t hi) {
  tc_own_page_bounds(&lo, &hi);
  if (lo >= hi)
    return;
  pthread_mutex_lock(&tc_own_lock);
  tc_own_bump();
  if (tc_n_own && tc_own[tc_n_own - 1].hi > lo) /* else it goes last (maps are in order) */
    tc_own_cut(lo, hi);
  unsigned i = tc_own_find(lo);
  if (tc_n_own < TC_OWN_MAX) {
    memmove(&tc_own[i + 1], &tc_own[i], (tc_n_own++ - i) * sizeof(tc_own[0]));
    tc_own[i].lo = lo, tc_own[i].hi = hi;
  }
  tc_own_bump();
  pthread_mutex_unlock(&tc_own_lock);
}

void tc_own_remove(uint64_t lo, uint64_t hi) {
  tc_own_page_bounds(&lo, &hi);
  pthread_mutex_lock(&tc_own_lock);
  tc_own_bump();
  if (lo < hi)
    tc_own_cut(lo, hi);
  tc_own_bump();
  pthread_mutex_unlock(&tc_own_lock);
}

static int tc_own_object(struct dl_phdr_info *info, size_t size, void *arg) {
  (void)size, (void)arg;
  for (int i = 0; i < info->dlpi_phnum; i++) {
    const ElfW(Phdr) *p = &info->dlpi_phdr[i];
    if (p->p_type == PT_LOAD)
      tc_own_add(info->dlpi_addr + p->p_vaddr, info->dlpi_addr + p->p_vaddr + p->p_memsz);
  }
  return 0;
}

/* The hex number at *p, which is moved past it (strtoull and sscanf cost
 * ten times as much, at every start). */
static uint64_t tc_own_hex(const char **p) {
  uint64_t v = 0;
  for (;; (*p)++) {
    unsigned c = (unsigned char)**p, d = c - '0' < 10 ? c - '0' : (c | 32) - 'a' + 10;
    if (d > 15)
      return v;
    v = v << 4 | d;
  }
}

/* Before main every mapping is xrun's: its executable, the host libraries
 * and their bss, the host's [stack], [vdso] and [vvar], the dynamic
 * loader's anonymous pages (the main thread's TLS) and the allocator's
 * first memory. */
__attribute__((constructor)) static void tc_own_at_start(void) {
  tc_own_alloc_init(); /* from now on the allocator's mappings are recorded as made */
  FILE *f = fopen("/proc/self/maps", "re");
  char line[512];
  while (f && fgets(line, sizeof(line), f)) {
    const char *p = line;
    uint64_t lo = tc_own_hex(&p);
    if (*p++ == '-')
      tc_own_add(lo, tc_own_hex(&p));
  }
  if (f)
    fclose(f);
}

void tc_own_init(void) {
  dl_iterate_phdr(tc_own_object, NULL);
}

/* This host thread's stack (a guest thread's, which xrun made), and the
 * guard page below it. */
void tc_own_thread(void) {
  pthread_attr_t attr;
  void *stack;
  size_t size, guard = 0;
  if (pthread_getattr_np(pthread_self(), &attr))
    return;
  pthread_attr_getguardsize(&attr, &guard);
  if (!pthread_attr_getstack(&attr, &stack, &size))
    tc_own_add((uintptr_t)stack - guard, (uintptr_t)stack + size);
  pthread_attr_destroy(&attr);
}

static bool tc_own_hit(const struct tc_own_range *r, unsigned n, uint64_t lo, uint64_t hi) {
  unsigned i = tc_own_find_in(r, n, lo);
  return i < n && r[i].lo < hi;
}

/* The first part of [lo, hi) outside the n ranges r (as tc_own_gap). */
static uint64_t tc_own_gap_in(const struct tc_own_range *r, unsigned n, uint64_t lo, uint64_t hi,
                              uint64_t *gap_hi) {
  for (unsigned i = tc_own_find_in(r, n, lo); i < n && r[i].lo <= lo && lo < hi; i++)
    lo = r[i].hi;
  unsigned i = tc_own_find_in(r, n, lo);
  *gap_hi = i < n && r[i].lo < hi ? r[i].lo : hi;
  return lo < hi ? lo : hi;
}

int tc_overlaps_translator(uint64_t start, uint64_t len) {
  uint64_t cs = (uintptr_t)tc_code.start, ce = (uintptr_t)tc_code_top, end = start + len;
  if (start < ce && end > cs)
    return 1;
  pthread_mutex_lock(&tc_own_lock);
  int hit = tc_own_hit(tc_own, tc_n_own, start, end);
  pthread_mutex_unlock(&tc_own_lock);
  return hit;
}

uint64_t tc_own_gap(uint64_t lo, uint64_t hi, uint64_t *gap_hi) {
  pthread_mutex_lock(&tc_own_lock);
  lo = tc_own_gap_in(tc_own, tc_n_own, lo, hi, gap_hi);
  pthread_mutex_unlock(&tc_own_lock);
  return lo;
}

/* This process's table, copied under the lock into memory allocated
 * outside it (the allocator's mmap takes the lock to record its ranges). */
static bool tc_own_copy(struct tc_own_view *v) {
  for (unsigned room = 0;;) {
    pthread_mutex_lock(&tc_own_lock);
    bool fits = v->r && tc_n_own <= room;
    if (fits)
      memcpy(v->r, tc_own, (v->n = tc_n_own) * sizeof(v->r[0]));
    room = tc_n_own + 64;
    pthread_mutex_unlock(&tc_own_lock);
    if (fits)
      break;
    free(v->r);
    if (!(v->r = malloc(room * sizeof(v->r[0]))))
      return false;
  }
  v->code_lo = (uintptr_t)tc_code.start, v->code_hi = (uintptr_t)tc_code_top;
  return true;
}

/* One try at another process's table: false if it changed meanwhile. */
static bool tc_own_peek_once(struct tc_own_view *v, tc_peek_fn *peek, void *ctx) {
  unsigned seq, again, n;
  uint8_t *code_lo, *code_hi;
  if (!peek(ctx, &seq, &tc_own_seq, sizeof(seq)) || (seq & 1) ||
      !peek(ctx, &n, &tc_n_own, sizeof(n)) || n > TC_OWN_MAX)
    return false;
  free(v->r);
  v->n = n;
  v->r = malloc((n + 1) * sizeof(v->r[0]));
  if (!v->r || !peek(ctx, v->r, tc_own, n * sizeof(v->r[0])) ||
      !peek(ctx, &code_lo, &tc_code.start, sizeof(code_lo)) ||
      !peek(ctx, &code_hi, &tc_code_top, sizeof(code_hi)) ||
      !peek(ctx, &again, &tc_own_seq, sizeof(again)))
    return false;
  v->code_lo = (uintptr_t)code_lo, v->code_hi = (uintptr_t)code_hi;
  return again == seq;
}

bool tc_own_snapshot(struct tc_own_view *v, tc_peek_fn *peek, void *ctx) {
  v->r = NULL;
  if (!peek)
    return tc_own_copy(v);
  for (int tries = 0; tries < 100; tries++)
    if (tc_own_peek_once(v, peek, ctx))
      return true;
  tc_own_view_free(v);
  return false;
}

void tc_own_view_free(struct tc_own_view *v) {
  free(v->r);
  v->r = NULL;
  v->n = 0;
}

bool tc_own_view_overlaps(const struct tc_own_view *v, uint64_t lo, uint64_t hi) {
  return (lo < v->code_hi && hi > v->code_lo) || tc_own_hit(v->r, v->n, lo, hi);
}

uint64_t tc_own_view_gap(const struct tc_own_view *v, uint64_t lo, uint64_t hi, uint64_t *gap_hi) {
  return tc_own_gap_in(v->r, v->n, lo, hi, gap_hi);
}
