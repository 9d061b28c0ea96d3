/* tc_own_alloc.c - the memory that xrun's allocator (mimalloc) maps after
 * xrun's start: its segments and arenas, and its per-thread data (mapped
 * straight from the OS for each thread). xrun defines mmap and munmap
 * itself, so mimalloc's calls come here (an executable's definition comes
 * first in the dynamic loader's lookup); a call from mimalloc's code
 * records the range as xrun's own (tc_own.c), or drops it when mimalloc
 * gives it back. Every other call passes unrecorded: xrun's own, the
 * guest's memory among them, whatever function they come through (a tail
 * call, an atfork handler that libc runs). glibc's internal calls (thread
 * stacks) do not come here; tc_own_thread records those. What mimalloc
 * mapped before main, tc_own.c takes from /proc/self/maps. */
#define _GNU_SOURCE
#include <link.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "tc_int.h"

static uintptr_t tc_alloc_lo, tc_alloc_hi; /* mimalloc's code */

static int tc_alloc_object(struct dl_phdr_info *info, size_t size, void *arg) {
  (void)size, (void)arg;
  if (!strstr(info->dlpi_name, "/libmimalloc."))
    return 0;
  for (int i = 0; i < info->dlpi_phnum; i++) {
    const ElfW(Phdr) *p = &info->dlpi_phdr[i];
    uintptr_t lo = info->dlpi_addr + p->p_vaddr;
    if (p->p_type == PT_LOAD && (p->p_flags & PF_X) && !tc_alloc_lo)
      tc_alloc_lo = lo, tc_alloc_hi = lo + p->p_memsz;
  }
  return 1;
}

void tc_own_alloc_init(void) {
  dl_iterate_phdr(tc_alloc_object, NULL);
}

static bool tc_from_alloc(const void *ret) {
  return (uintptr_t)ret >= tc_alloc_lo && (uintptr_t)ret < tc_alloc_hi;
}

__attribute__((used, noinline, visibility("default"))) void *mmap(void *addr, size_t len, int prot,
                                                                  int flags, int fd, off_t off) {
  long r = syscall(SYS_mmap, addr, len, prot, flags, fd, off);
  if (r == -1)
    return MAP_FAILED;
  if (tc_from_alloc(__builtin_return_address(0)))
    tc_own_add((uint64_t)r, (uint64_t)r + len);
  return (void *)r;
}

__attribute__((used, noinline, visibility("default"))) int munmap(void *addr, size_t len) {
  long r = syscall(SYS_munmap, addr, len);
  if (!r && tc_from_alloc(__builtin_return_address(0)))
    tc_own_remove((uintptr_t)addr, (uintptr_t)addr + len);
  return (int)r;
}
