/* sys_procmem.c - writes through /proc/self/mem. The kernel writes there
 * even into read-only code pages (FOLL_FORCE) and keeps the instruction cache
 * coherent itself (arm64's flush_ptrace_access), so a program may rewrite its
 * own code that way with no IC IVAU: the translations of the written bytes are
 * dropped after such a write. Writes into xrun's own memory are refused with
 * -EIO, as for an address the process does not map. Until the guest has
 * opened a mem file of its own, a write costs one load more than before. */
#define _GNU_SOURCE
#include <limits.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>
#include "../tcache/tcache.h"
#include "sys_int.h"

static atomic_int sys_procmem_seen;

void sys_procmem_note(const char *path) {
  if (!strcmp(sys_proc_own_name(path), "mem"))
    atomic_store(&sys_procmem_seen, 1);
}

/* fd is open on this process's /proc/PID/mem (or a thread's). */
static int sys_procmem_fd(int fd) {
  struct stat st;
  char link[64], path[PATH_MAX];
  if (!atomic_load_explicit(&sys_procmem_seen, memory_order_relaxed))
    return 0;
  if (fstat(fd, &st) || st.st_dev != sys_procfs_dev() || !S_ISREG(st.st_mode))
    return 0;
  snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, path, sizeof(path) - 1);
  if (n <= 0)
    return 0;
  path[n] = 0;
  return !strcmp(sys_proc_own_name(path), "mem");
}

/* The bytes the guest's iovec array at guest_iov asks to write, or -EFAULT /
 * -EINVAL. */
static int64_t sys_procmem_iov_len(uint64_t guest_iov, uint64_t count) {
  struct iovec iov[64];
  uint64_t total = 0;
  if (count > IOV_MAX)
    return -EINVAL;
  for (uint64_t i = 0; i < count; i += 64) {
    uint64_t k = count - i < 64 ? count - i : 64;
    if (sys_copy_in(iov, guest_iov + i * sizeof(iov[0]), k * sizeof(iov[0])))
      return -EFAULT;
    for (uint64_t j = 0; j < k; j++)
      total += iov[j].iov_len;
  }
  return total > SSIZE_MAX ? -EINVAL : (int64_t)total;
}

/* The write of len bytes (or -errno) at off of the mem file, made with the
 * guest's own arguments: refused where xrun's memory is, and the written
 * bytes' translations dropped after it. */
static int64_t sys_procmem_write(const struct sys_call *s, int64_t len, uint64_t off) {
  if (len < 0)
    return len;
  if (len && tc_overlaps_translator(off, (uint64_t)len))
    return -EIO;
  int64_t n = sys_pass(s);
  if (n > 0) {
    tc_invalidate(off, (uint64_t)n);
    tc_file_protected(off, (uint64_t)n, PROT_WRITE); /* no longer the file's bytes */
  }
  return n;
}

/* The file position of fd, for write and writev. */
static uint64_t sys_procmem_pos(int fd) {
  return (uint64_t)lseek(fd, 0, SEEK_CUR);
}

int64_t sys_write(const struct sys_call *s) {
  int fd = (int)s->a[0];
  if (!sys_procmem_fd(fd))
    return sys_pass(s);
  return sys_procmem_write(s, (int64_t)(s->a[2] > SSIZE_MAX ? SSIZE_MAX : s->a[2]),
                           sys_procmem_pos(fd));
}

int64_t sys_pwrite64(const struct sys_call *s) {
  if (!sys_procmem_fd((int)s->a[0]))
    return sys_pass(s);
  return sys_procmem_write(s, (int64_t)(s->a[2] > SSIZE_MAX ? SSIZE_MAX : s->a[2]), s->a[3]);
}

int64_t sys_writev(const struct sys_call *s) {
  int fd = (int)s->a[0];
  if (!sys_procmem_fd(fd))
    return sys_pass(s);
  return sys_procmem_write(s, sys_procmem_iov_len(s->a[1], s->a[2]), sys_procmem_pos(fd));
}

/* pwritev and pwritev2: the offset is a[3] (64-bit: the high half a[4] is
 * not used); pwritev2's -1 is the file position. */
int64_t sys_pwritev(const struct sys_call *s) {
  int fd = (int)s->a[0];
  if (!sys_procmem_fd(fd))
    return sys_pass(s);
  uint64_t off = s->a[3] == UINT64_MAX ? sys_procmem_pos(fd) : s->a[3];
  return sys_procmem_write(s, sys_procmem_iov_len(s->a[1], s->a[2]), off);
}
