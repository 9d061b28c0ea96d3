/* sys_mm.c - mmap, munmap, mprotect, mremap, madvise, process_madvise.
 * Guest addresses are host addresses, so the calls pass through, guarded:
 * the translator's own memory is never replaced or discarded, a hint the
 * host cannot honour is dropped, and code that is unmapped, re-protected or
 * discarded (madvise) is dropped from the translation cache. */
#define _GNU_SOURCE
#include <mimalloc.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
#include "../loader/loader.h"
#include "../tcache/tcache.h"
#include "sys_int.h"

enum {
  SYS_A64_PROT_BTI = 0x10,   /* arm64 only: branch target pages */
  SYS_A64_PROT_MTE = 0x20,   /* arm64 only: memory tagging */
  SYS_HOST_MAP_32BIT = 0x40, /* x86-64 only; no meaning on arm64 */
  SYS_EXEC_SCAN_MAX = 64 << 20,
  SYS_MADV_DONTNEED_LOCKED = 24, /* Linux 5.18 */
  SYS_MADV_COLLAPSE = 25,        /* Linux 6.1 */
  SYS_IOV_MAX = 1024,            /* UIO_MAXIOV */
};

/* Executable guest pages stay readable: the translator reads the code. */
static int sys_prot(uint64_t guest) {
  int prot = (int)(guest & ~(uint64_t)(SYS_A64_PROT_BTI | SYS_A64_PROT_MTE));
  return prot & PROT_EXEC ? prot | PROT_READ : prot;
}

/* A range the guest may not touch: beyond the host's reach, or xrun's own. */
static int sys_range_bad(uint64_t start, uint64_t len) {
  return start >= SYS_VA_LIMIT || len > SYS_VA_LIMIT - start || tc_overlaps_translator(start, len);
}

int64_t sys_mmap(const struct sys_call *s) {
  uint64_t addr = s->a[0], len = s->a[1];
  int flags = (int)s->a[3] & ~SYS_HOST_MAP_32BIT;
  if (!len)
    return -EINVAL;
  if ((flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) && sys_range_bad(addr, len))
    return -ENOMEM;
  if (!(flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) &&
      (addr >= SYS_VA_LIMIT || len > SYS_VA_LIMIT - addr))
    addr = 0; /* arm64 allows 48-bit hints; the host does not */
  void *p =
      mmap((void *)(uintptr_t)addr, len, sys_prot(s->a[2]), flags, (int)s->a[4], (off_t)s->a[5]);
  if (p == MAP_FAILED)
    return -errno;
  tc_file_unmapped((uint64_t)(uintptr_t)p, len); /* first: it may save what it drops */
  if (flags & MAP_FIXED)
    tc_invalidate(addr, len);
  tc_exec_set((uint64_t)(uintptr_t)p, len, (s->a[2] & PROT_EXEC) != 0);
  tc_guest_mapped((uint64_t)(uintptr_t)p, len);
  if ((flags & MAP_TYPE) != MAP_PRIVATE && !(flags & MAP_ANONYMOUS))
    tc_file_mapped_shared((int)s->a[4], (uint64_t)(uintptr_t)p, len, s->a[5]);
  else if ((s->a[2] & PROT_EXEC) && !(flags & MAP_ANONYMOUS))
    tc_file_mapped((int)s->a[4], (uint64_t)(uintptr_t)p, len, s->a[5], s->a[2] & PROT_WRITE);
  if (xrun_opt.perfmap && (s->a[2] & PROT_EXEC) && !(flags & MAP_ANONYMOUS))
    ld_syms_add_mapping((int)s->a[4], (uint64_t)(uintptr_t)p, s->a[5]);
  return (int64_t)(uintptr_t)p;
}

int64_t sys_munmap(const struct sys_call *s) {
  if (!s->a[1] || sys_range_bad(s->a[0], s->a[1]))
    return -EINVAL;
  tc_file_unmapped(s->a[0], s->a[1]); /* first: it saves what it drops, decoding it again */
  if (munmap((void *)(uintptr_t)s->a[0], s->a[1]))
    return -errno;
  tc_invalidate(s->a[0], s->a[1]);
  tc_exec_set(s->a[0], s->a[1], 1);
  return 0;
}

/* Whether every page of [start, start+len) may run code now; a long range
 * is not looked at page by page and counts as not. */
static int sys_range_exec(uint64_t start, uint64_t len) {
  if (len > SYS_EXEC_SCAN_MAX)
    return 0;
  for (uint64_t off = 0; off < len; off += 4096)
    if (tc_exec_denied(start + off))
      return 0;
  return 1;
}

/* Code that stays executable keeps its translations: arm64 makes visible to
 * instruction fetch only what IC IVAU names (CTR_EL0.DIC is 0), not what
 * mprotect re-protects, and each IC IVAU drops its line's translations. A
 * JIT that makes its code pages RWX to write and RX again (V8) would else
 * lose the translations of all its code at each write. Code that loses or
 * gains PROT_EXEC drops them, so W^X with RW and RX works without IC IVAU. */
int64_t sys_mprotect(const struct sys_call *s) {
  if (s->a[0] & 4095)
    return -EINVAL;
  if (sys_range_bad(s->a[0], s->a[1]))
    return -ENOMEM; /* as the kernel says for addresses no mapping can have */
  int keep = (s->a[2] & PROT_EXEC) && sys_range_exec(s->a[0], s->a[1]);
  if (mprotect((void *)(uintptr_t)s->a[0], s->a[1], sys_prot(s->a[2])))
    return -errno;
  if (!keep)
    tc_invalidate(s->a[0], s->a[1]);
  tc_exec_set(s->a[0], s->a[1], (s->a[2] & PROT_EXEC) != 0);
  tc_file_protected(s->a[0], s->a[1], (int)s->a[2]);
  return 0;
}

int64_t sys_mremap(const struct sys_call *s) {
  uint64_t old = s->a[0], old_len = s->a[1], new_len = s->a[2], to = s->a[4];
  int flags = (int)s->a[3];
  if (sys_range_bad(old, old_len) || ((flags & MREMAP_FIXED) && sys_range_bad(to, new_len)))
    return -EINVAL;
  void *p = mremap((void *)(uintptr_t)old, old_len, new_len, flags, (void *)(uintptr_t)to);
  if (p == MAP_FAILED)
    return -errno;
  tc_file_unmapped(old, old_len);
  tc_invalidate(old, old_len);
  sys_vdso_moved(old, old_len, (uint64_t)(uintptr_t)p);
  tc_file_unmapped((uint64_t)(uintptr_t)p, new_len);
  tc_guest_mapped((uint64_t)(uintptr_t)p, new_len);
  if ((uint64_t)(uintptr_t)p != old) { /* moved, perhaps over other code (MREMAP_FIXED) */
    tc_invalidate((uint64_t)(uintptr_t)p, new_len);
    tc_exec_set(old, old_len, 1);                    /* forgotten there; */
    tc_exec_set((uint64_t)(uintptr_t)p, new_len, 1); /* not known here: allowed */
  }
  return (int64_t)(uintptr_t)p;
}

/* Advice after which the pages may read differently: zeros, or the file's
 * data again where a private copy was dropped. */
static int sys_advice_drops(int advice) {
  return advice == MADV_DONTNEED || advice == MADV_FREE || advice == MADV_REMOVE ||
         advice == SYS_MADV_DONTNEED_LOCKED;
}

/* The advice values are the generic ones on both sides. Code in pages whose
 * contents the kernel dropped is translated again from what they hold now. */
int64_t sys_madvise(const struct sys_call *s) {
  if (sys_range_bad(s->a[0], s->a[1]))
    return -EINVAL;
  if (madvise((void *)(uintptr_t)s->a[0], s->a[1], (int)s->a[2]))
    return -errno;
  if (sys_advice_drops((int)s->a[2]))
    tc_invalidate(s->a[0], (s->a[1] + 4095) & ~(uint64_t)4095);
  return 0;
}

/* Advice Linux also takes for another process: the pages read the same
 * after it (swapped out, read ahead, collapsed into a huge page). */
static int sys_advice_keeps(int advice) {
  return advice == MADV_COLD || advice == MADV_PAGEOUT || advice == MADV_WILLNEED ||
         advice == SYS_MADV_COLLAPSE;
}

/* The n iovecs at guest address at, each range one the guest may touch,
 * into iov; -errno when not. */
static int sys_iov_ranges(struct iovec *iov, uint64_t at, uint64_t n) {
  if (n && sys_copy_in(iov, at, n * sizeof(*iov)))
    return -EFAULT;
  for (uint64_t i = 0; i < n; i++)
    if (iov[i].iov_len && sys_range_bad((uintptr_t)iov[i].iov_base, iov[i].iov_len))
      return -EINVAL;
  return 0;
}

/* process_madvise(pidfd, iov, vlen, advice, flags): on this process Linux
 * 6.13 and later take any advice, so it is guarded as madvise is. The kernel
 * reads xrun's copy of the ranges, which another guest thread cannot change
 * once they are checked. */
int64_t sys_process_madvise(const struct sys_call *s) {
  int advice = (int)s->a[3];
  uint64_t n = s->a[2];
  if (sys_advice_keeps(advice))
    return sys_pass(s);
  if (n > SYS_IOV_MAX)
    return -EINVAL;
  struct iovec *iov = mi_mallocn(n ? n : 1, sizeof(*iov));
  if (!iov)
    return -ENOMEM;
  int64_t r = sys_iov_ranges(iov, s->a[1], n);
  if (!r)
    r = sys_ret(syscall(SYS_process_madvise, (int)s->a[0], iov, n, advice, (unsigned)s->a[4]));
  for (uint64_t i = 0; r > 0 && sys_advice_drops(advice) && i < n; i++)
    tc_invalidate((uintptr_t)iov[i].iov_base, (iov[i].iov_len + 4095) & ~(uint64_t)4095);
  mi_free(iov);
  return r;
}
