/* tc_own.c - memory that is xrun's own, which a guest mmap(MAP_FIXED),
 * munmap, mprotect, mremap or madvise must never touch (the syscall layer
 * refuses them through tc_overlaps_translator): the code buffer, xrun's
 * executable and every host library it loaded (their PT_LOAD segments), the
 * host's stack, heap and vdso pages, and the host stack of each guest
 * thread. Taken once at start (tc_own_init) and per thread (tc_own_add).
 * Not yet in it: the anonymous arenas of xrun's allocator.
 */
#define _GNU_SOURCE
#include <link.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include "tc_int.h"

enum { TC_OWN_MAX = 512 };

static struct { uint64_t lo, hi; } tc_own[TC_OWN_MAX];
static unsigned tc_n_own;
pthread_mutex_t tc_own_lock = PTHREAD_MUTEX_INITIALIZER;

void tc_own_add(uint64_t lo, uint64_t hi) {
  lo &= ~(uint64_t)4095;
  hi = (hi + 4095) & ~(uint64_t)4095;
  pthread_mutex_lock(&tc_own_lock);
  if (lo < hi && tc_n_own < TC_OWN_MAX)
    tc_own[tc_n_own].lo = lo, tc_own[tc_n_own++].hi = hi;
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

/* The host's [stack], [heap], [vdso], [vvar] and [vsyscall] lines. */
static void tc_own_kernel_areas(void) {
  FILE *f = fopen("/proc/self/maps", "re");
  char line[512];
  while (f && fgets(line, sizeof(line), f)) {
    unsigned long long lo, hi;
    if (strchr(line, '[') && sscanf(line, "%llx-%llx", &lo, &hi) == 2)
      tc_own_add(lo, hi);
  }
  if (f)
    fclose(f);
}

void tc_own_init(void) {
  dl_iterate_phdr(tc_own_object, NULL);
  tc_own_kernel_areas();
}

/* This host thread's stack (a guest thread's, which xrun made). */
void tc_own_thread(void) {
  pthread_attr_t attr;
  void *stack;
  size_t size;
  if (pthread_getattr_np(pthread_self(), &attr))
    return;
  if (!pthread_attr_getstack(&attr, &stack, &size))
    tc_own_add((uintptr_t)stack, (uintptr_t)stack + size);
  pthread_attr_destroy(&attr);
}

int tc_overlaps_translator(uint64_t start, uint64_t len) {
  uint64_t cs = (uintptr_t)tc_code.start, ce = (uintptr_t)tc_code_top, end = start + len;
  if (start < ce && end > cs)
    return 1;
  int hit = 0;
  pthread_mutex_lock(&tc_own_lock);
  for (unsigned i = 0; i < tc_n_own && !hit; i++)
    hit = start < tc_own[i].hi && end > tc_own[i].lo;
  pthread_mutex_unlock(&tc_own_lock);
  return hit;
}
