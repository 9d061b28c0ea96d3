/* sys_mem.c - reading and writing guest memory on behalf of a syscall.
 * Guest memory is identity mapped, but a guest pointer may be bad: the copy
 * is sys_safe_copy, whose fault the host fault handler turns into -EFAULT,
 * as the kernel would report it, instead of a crash of xrun (before, each
 * copy was a process_vm_readv/writev on ourselves: a system call per path
 * or struct, and per string of an execve). */
#define _GNU_SOURCE
#include <pthread.h>
#include <string.h>
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

int sys_copy_in(void *dst, uint64_t guest_src, size_t n) {
  return sys_safe_copy(dst, (const void *)(uintptr_t)guest_src, n) ? -EFAULT : 0;
}

int sys_copy_out(uint64_t guest_dst, const void *src, size_t n) {
  return sys_safe_copy((void *)(uintptr_t)guest_dst, src, n) ? -EFAULT : 0;
}

/* A piece at a time, never across a page boundary, so a string that ends
 * just before an unmapped page reads and one that runs into it is -EFAULT;
 * pieces of at most 256 bytes, as most strings are short and a piece is
 * copied whole. */
long sys_copy_str(char *buf, size_t size, uint64_t guest_src) {
  size_t len = 0;
  while (len + 1 < size) {
    size_t chunk = 4096 - ((guest_src + len) & 4095);
    if (chunk > 256)
      chunk = 256;
    if (chunk > size - 1 - len)
      chunk = size - 1 - len;
    if (sys_copy_in(buf + len, guest_src + len, chunk)) {
      buf[len] = '\0';
      return -EFAULT; /* it runs into a bad page: the kernel's answer too */
    }
    char *nul = memchr(buf + len, '\0', chunk);
    if (nul)
      return nul - buf;
    len += chunk;
  }
  buf[len] = '\0';
  return (long)len + 1; /* longer than buf: more than size - 1 */
}
