#define _GNU_SOURCE
/* gdb_mem.c - guest memory for gdb's m, M and X packets, read and written
 * through the kernel (process_vm_readv on ourselves, /proc/self/mem where
 * that is refused) so that a bad address is an error reply, never a fault
 * in xrun. /proc/self/mem writes pages the guest mapped read-only, as
 * ptrace would (gdb writing into code). */
#include <errno.h>
#include <fcntl.h>
#include <sys/uio.h>
#include <unistd.h>
#include "gdb_int.h"
#include "../tcache/tcache.h"

static int gdb_mem_file(uint64_t addr, void *buf, size_t len, bool write) {
  int fd = open("/proc/self/mem", (write ? O_RDWR : O_RDONLY) | O_CLOEXEC);
  if (fd < 0)
    return -1;
  ssize_t n = write ? pwrite(fd, buf, len, (off_t)addr) : pread(fd, buf, len, (off_t)addr);
  close(fd);
  return n == (ssize_t)len ? 0 : -1;
}

int gdb_mem_read(uint64_t addr, void *buf, size_t len) {
  struct iovec local = {buf, len}, remote = {(void *)(uintptr_t)addr, len};
  if (!len)
    return 0;
  ssize_t n = process_vm_readv(getpid(), &local, 1, &remote, 1, 0);
  if (n == (ssize_t)len)
    return 0;
  if (n < 0 && (errno == EFAULT || errno == ESRCH))
    return -1;
  return gdb_mem_file(addr, buf, len, false);
}

int gdb_mem_write(uint64_t addr, const void *buf, size_t len) {
  struct iovec local = {(void *)buf, len}, remote = {(void *)(uintptr_t)addr, len};
  if (!len)
    return 0;
  ssize_t n = process_vm_writev(getpid(), &local, 1, &remote, 1, 0);
  if (n != (ssize_t)len && gdb_mem_file(addr, (void *)buf, len, true))
    return -1;
  tc_invalidate(addr, len); /* perhaps code: its translations are stale */
  return 0;
}
