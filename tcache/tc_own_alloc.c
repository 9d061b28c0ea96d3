/* tc_own_alloc.c - the memory that host libraries map for xrun after its
 * start: mimalloc's segments and arenas, and its per-thread data (mapped
 * straight from the OS for each thread), libunwind's on a crash. xrun
 * defines mmap and munmap itself, so the libraries' calls come here (an
 * executable's definition comes first in the dynamic loader's lookup); a
 * call from a library records the range as xrun's own (tc_own.c), or drops
 * it when the library gives it back. xrun's own calls (the guest's memory
 * among them) come here too, and pass unrecorded: their return address is
 * inside xrun's executable. glibc's internal calls (thread stacks) do not
 * come here; tc_own_thread records those. */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "tc_int.h"

extern const char __executable_start[], etext[]; /* the linker's: xrun's code */

static bool tc_from_library(const void *ret) {
  return (const char *)ret < __executable_start || (const char *)ret >= etext;
}

__attribute__((used, visibility("default"))) void *mmap(void *addr, size_t len, int prot, int flags,
                                                        int fd, off_t off) {
  long r = syscall(SYS_mmap, addr, len, prot, flags, fd, off);
  if (r == -1)
    return MAP_FAILED;
  if (tc_from_library(__builtin_return_address(0)))
    tc_own_add((uint64_t)r, (uint64_t)r + len);
  return (void *)r;
}

__attribute__((used, visibility("default"))) int munmap(void *addr, size_t len) {
  long r = syscall(SYS_munmap, addr, len);
  if (!r && tc_from_library(__builtin_return_address(0)))
    tc_own_remove((uintptr_t)addr, (uintptr_t)addr + len);
  return (int)r;
}
