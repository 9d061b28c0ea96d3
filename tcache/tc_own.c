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
 * and a range the allocator gives back leaves the table. */
#define _GNU_SOURCE
#include <link.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include "tc_int.h"

enum { TC_OWN_MAX = 16384 };

static struct tc_own_range { uint64_t lo, hi; } tc_own[TC_OWN_MAX];
static unsigned tc_n_own;
pthread_mutex_t tc_own_lock = PTHREAD_MUTEX_INITIALIZER;

/* The index of the first range that ends after addr. */
static unsigned tc_own_find(uint64_t addr) {
  unsigned lo = 0, hi = tc_n_own;
  while (lo < hi) {
    unsigned mid = (lo + hi) / 2;
    if (tc_own[mid].hi <= addr)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
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
  if (tc_n_own && tc_own[tc_n_own - 1].hi > lo) /* else it goes last (maps are in order) */
    tc_own_cut(lo, hi);
  unsigned i = tc_own_find(lo);
  if (tc_n_own < TC_OWN_MAX) {
    memmove(&tc_own[i + 1], &tc_own[i], (tc_n_own++ - i) * sizeof(tc_own[0]));
    tc_own[i].lo = lo, tc_own[i].hi = hi;
  }
  pthread_mutex_unlock(&tc_own_lock);
}

void tc_own_remove(uint64_t lo, uint64_t hi) {
  tc_own_page_bounds(&lo, &hi);
  pthread_mutex_lock(&tc_own_lock);
  if (lo < hi)
    tc_own_cut(lo, hi);
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

int tc_overlaps_translator(uint64_t start, uint64_t len) {
  uint64_t cs = (uintptr_t)tc_code.start, ce = (uintptr_t)tc_code_top, end = start + len;
  if (start < ce && end > cs)
    return 1;
  pthread_mutex_lock(&tc_own_lock);
  unsigned i = tc_own_find(start);
  int hit = i < tc_n_own && tc_own[i].lo < end;
  pthread_mutex_unlock(&tc_own_lock);
  return hit;
}

uint64_t tc_own_gap(uint64_t lo, uint64_t hi, uint64_t *gap_hi) {
  pthread_mutex_lock(&tc_own_lock);
  for (unsigned i = tc_own_find(lo); i < tc_n_own && tc_own[i].lo <= lo && lo < hi; i++)
    lo = tc_own[i].hi;
  unsigned i = tc_own_find(lo);
  *gap_hi = i < tc_n_own && tc_own[i].lo < hi ? tc_own[i].lo : hi;
  pthread_mutex_unlock(&tc_own_lock);
  return lo < hi ? lo : hi;
}
