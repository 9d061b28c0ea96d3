/* sys_mem.c - reading and writing guest memory on behalf of a syscall.
 * Guest memory is identity mapped, but a guest pointer may be bad: going
 * through process_vm_readv/writev makes that -EFAULT, as the kernel would
 * report it, instead of a fault inside xrun. */
#define _GNU_SOURCE
#include <pthread.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>
#include "sys_int.h"

/* This process's pid, asked once (a forked child asks again): a dynamic
 * program's start copies in some 40 paths and structs, each one syscall
 * fewer this way. */
static pid_t sys_self_pid;

static void sys_self_pid_forget(void) {
  sys_self_pid = 0;
}

static void sys_self_pid_register(void) {
  pthread_atfork(NULL, NULL, sys_self_pid_forget);
}

pid_t sys_self(void) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pid_t pid = __atomic_load_n(&sys_self_pid, __ATOMIC_RELAXED);
  if (!pid) {
    pthread_once(&once, sys_self_pid_register);
    pid = getpid();
    __atomic_store_n(&sys_self_pid, pid, __ATOMIC_RELAXED);
  }
  return pid;
}

static int sys_vm_copy(void *local, uint64_t guest, size_t n, int out) {
  struct iovec l = {local, n}, r = {(void *)(uintptr_t)guest, n};
  ssize_t done = out ? process_vm_writev(sys_self(), &l, 1, &r, 1, 0)
                     : process_vm_readv(sys_self(), &l, 1, &r, 1, 0);
  if (done == (ssize_t)n)
    return 0;
  if (done < 0 && (errno == ENOSYS || errno == EPERM)) { /* filtered: trust the pointer */
    out ? memcpy(r.iov_base, local, n) : memcpy(local, r.iov_base, n);
    return 0;
  }
  return -EFAULT;
}

int sys_copy_in(void *dst, uint64_t guest_src, size_t n) {
  return n ? sys_vm_copy(dst, guest_src, n, 0) : 0;
}

int sys_copy_out(uint64_t guest_dst, const void *src, size_t n) {
  return n ? sys_vm_copy((void *)src, guest_dst, n, 1) : 0;
}

/* Page by page, so a string that ends just before an unmapped page reads. */
long sys_copy_str(char *buf, size_t size, uint64_t guest_src) {
  size_t len = 0;
  while (len + 1 < size) {
    size_t chunk = 4096 - ((guest_src + len) & 4095);
    if (chunk > size - 1 - len)
      chunk = size - 1 - len;
    if (sys_copy_in(buf + len, guest_src + len, chunk)) {
      buf[len] = '\0';
      return len ? (long)len : -EFAULT;
    }
    char *nul = memchr(buf + len, '\0', chunk);
    if (nul)
      return nul - buf;
    len += chunk;
  }
  buf[len] = '\0';
  return (long)len + 1; /* longer than buf: more than size - 1 */
}
