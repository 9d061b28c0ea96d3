/* sys_clone.c - clone as fork: a child process with its own copy of memory.
 * Threads (CLONE_VM without CLONE_VFORK) are not supported yet: -ENOSYS, which
 * pthread_create reports as EAGAIN. A vfork (CLONE_VM|CLONE_VFORK, as
 * posix_spawn does) runs as a fork: the child cannot write into its parent. */
#define _GNU_SOURCE
#include <sched.h>
#include <sys/syscall.h>
#include <signal.h>
#include <unistd.h>
#include "sys_int.h"
#include "../decode/aarch64/a64_cpu.h"

/* AArch64 clone(flags, newsp, parent_tid, tls, child_tid). */
int64_t sys_clone(const struct sys_call *s) {
  uint64_t flags = s->a[0], newsp = s->a[1], ptid = s->a[2], tls = s->a[3], ctid = s->a[4];
  if ((flags & CLONE_VM) && !(flags & CLONE_VFORK))
    return -ENOSYS;
  if ((flags & 0xff) != SIGCHLD)
    return -EINVAL;
  pid_t pid = fork();
  if (pid < 0)
    return -errno;
  struct a64_cpu *c = (struct a64_cpu *)s->cpu;
  if (pid > 0) {
    if (flags & CLONE_PARENT_SETTID)
      sys_copy_out(ptid, &pid, sizeof(pid));
    return pid;
  }
  pid_t self = gettid();
  if (flags & CLONE_CHILD_SETTID)
    sys_copy_out(ctid, &self, sizeof(self));
  if (flags & CLONE_CHILD_CLEARTID)
    syscall(SYS_set_tid_address, ctid);
  if (flags & CLONE_SETTLS)
    c->tpidr_el0 = tls;
  if (newsp)
    c->x[31] = newsp;
  return 0;
}
