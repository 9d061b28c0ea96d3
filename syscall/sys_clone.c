/* sys_clone.c - clone: a guest thread (CLONE_VM|CLONE_THREAD) is a host
 * thread running its own run loop on a copy of the parent's registers; any
 * other clone is a fork, a child process with its own copy of memory. A
 * vfork (CLONE_VM|CLONE_VFORK, as posix_spawn does) runs as a fork whose
 * parent waits for the child's exec or end and takes back what a child that
 * ended wrote into its stack (sys_vfork.c). */
#define _GNU_SOURCE
#include <mimalloc.h>
#include <pthread.h>
#include <semaphore.h>
#include <sched.h>
#include <string.h>
#include <sys/syscall.h>
#include <signal.h>
#include <unistd.h>
#include "sys_int.h"
#include "syscall.h"
#include "../tcache/tcache.h"

enum { SYS_CLONE_ARGS_VER0 = 64 };
#define SYS_CLONE_CLEAR_SIGHAND 0x100000000ull /* clone3 only */

struct sys_thread_start {
  struct cpu *cpu;
  uint64_t flags, ptid, ctid;
  uint64_t mask; /* the parent's guest signal mask */
  uint64_t tagged_addr_ctrl;
  pid_t tid;
  sem_t ready;
};

static void *sys_thread_main(void *arg) {
  struct sys_thread_start *st = arg;
  struct cpu *c = st->cpu;
  pid_t tid = gettid();
  c->tid = tid;
  tc_own_thread(); /* this stack is xrun's: the guest may not unmap it */
  /* both tid words are written before any guest code runs: written by the
   * parent later, a thread that already ended would leave its tid behind */
  if (st->flags & CLONE_PARENT_SETTID)
    sys_copy_out(st->ptid, &tid, sizeof(tid));
  if (st->flags & CLONE_CHILD_SETTID)
    sys_copy_out(st->ctid, &tid, sizeof(tid));
  /* the kernel clears the guest's tid word and wakes its joiner when this
   * host thread ends, as it would for the guest thread */
  if (st->flags & CLONE_CHILD_CLEARTID)
    syscall(SYS_set_tid_address, st->ctid);
  sys_signal_thread_start(c, st->mask);
  sys_tagged_addr_ctrl = st->tagged_addr_ctrl;
  st->tid = tid;
  tc_thread_start(c);   /* listed before clone returns its id */
  sem_post(&st->ready); /* st belongs to the parent from here on */
  tc_run(c);
  mi_free(c->jc);
  mi_free(c);
  return NULL;
}

/* The child's registers: the parent's, with x0 = 0, its own stack and TLS. */
static struct cpu *sys_thread_cpu(const struct cpu *parent, uint64_t flags, uint64_t newsp,
                                  uint64_t tls) {
  size_t size = parent->guest->cpu_size;
  struct cpu *c = mi_zalloc_aligned(size, 64);
  if (!c)
    return NULL;
  memcpy(c, parent, size);
  c->jc = NULL;
  c->next_cpu = NULL;
  c->exit_request = 0;
  c->debug = (struct cpu_debug){0}; /* gdb's last resume named the parent, not it */
  const struct guest *g = c->guest;
  *sys_reg(c, g->sys_arg_off) = 0;
  if (newsp)
    *sys_reg(c, g->sp_off) = newsp;
  if (flags & CLONE_SETTLS)
    *sys_reg(c, g->tls_off) = tls;
  *sys_reg(c, g->monitor_off) = ~0ull;
  return c;
}

static int64_t sys_clone_thread(const struct sys_call *s) {
  uint64_t flags = s->a[0], ptid = s->a[2], ctid = s->a[4];
  struct sys_thread_start st = {.flags = flags,
                                .ptid = ptid,
                                .ctid = ctid,
                                .mask = sys_signal_mask(),
                                .tagged_addr_ctrl = sys_tagged_addr_ctrl};
  st.cpu = sys_thread_cpu(s->cpu, flags, s->a[1], s->a[3]);
  if (!st.cpu)
    return -ENOMEM;
  sem_init(&st.ready, 0, 0);
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  pthread_attr_setstacksize(&attr, 1 << 20);
  pthread_t t;
  int err = pthread_create(&t, &attr, sys_thread_main, &st);
  pthread_attr_destroy(&attr);
  if (err) {
    mi_free(st.cpu);
    return -EAGAIN;
  }
  while (sem_wait(&st.ready) && errno == EINTR)
    ;
  sem_destroy(&st.ready);
  return st.tid;
}

/* The parent's half of a fork: the child's id where CLONE_PARENT_SETTID
 * asks, and a pidfd for it where CLONE_PIDFD does (at pidfd). */
static int64_t sys_fork_parent(pid_t pid, uint64_t flags, uint64_t ptid, uint64_t pidfd) {
  if (flags & CLONE_PARENT_SETTID)
    sys_copy_out(ptid, &pid, sizeof(pid));
  if (flags & CLONE_PIDFD) {
    int fd = (int)syscall(SYS_pidfd_open, pid, 0);
    if (fd >= 0)
      sys_copy_out(pidfd, &fd, sizeof(fd));
  }
  return pid;
}

/* clone's work, legacy or clone3's: flags (with the exit signal in the low
 * byte), newsp, parent_tid, tls, child_tid in a[0..4], as arm64 orders
 * them; pidfd is where CLONE_PIDFD writes its fd. */
static int64_t sys_clone_args(const struct sys_call *s, uint64_t pidfd) {
  uint64_t flags = s->a[0], newsp = s->a[1], ptid = s->a[2], tls = s->a[3], ctid = s->a[4];
  if ((flags & CLONE_VM) && !(flags & CLONE_VFORK)) {
    if (!(flags & CLONE_THREAD) || !(flags & CLONE_SIGHAND) || (flags & CLONE_PIDFD))
      return -EINVAL; /* a process sharing memory but not signals: not supported */
    return sys_clone_thread(s);
  }
  if ((flags & 0xff) != SIGCHLD)
    return -EINVAL;
  struct cpu *c = s->cpu;
  uint64_t sp = *sys_reg(c, c->guest->sp_off);
  struct sys_vfork_chan *vfork = flags & CLONE_VFORK ? sys_vfork_begin() : NULL;
  pid_t pid = fork();
  int err = errno;
  sys_vfork_end(vfork, pid, sp);
  if (pid < 0)
    return -err;
  if (pid > 0)
    return sys_fork_parent(pid, flags, ptid, pidfd);
  if (flags & SYS_CLONE_CLEAR_SIGHAND)
    sys_sigaction_clear_handlers();
  pid_t self = gettid();
  if (flags & CLONE_CHILD_SETTID)
    sys_copy_out(ctid, &self, sizeof(self));
  if (flags & CLONE_CHILD_CLEARTID)
    syscall(SYS_set_tid_address, ctid);
  if (flags & CLONE_SETTLS)
    *sys_reg(c, c->guest->tls_off) = tls;
  if (newsp)
    *sys_reg(c, c->guest->sp_off) = newsp;
  return 0;
}

/* clone(flags, newsp, parent_tid, tls, child_tid), the order of arm64 and
 * riscv64; the flags are 32 bits, and CLONE_PIDFD's fd goes to parent_tid,
 * so it excludes CLONE_PARENT_SETTID. */
int64_t sys_clone(const struct sys_call *s) {
  struct sys_call legacy = *s;
  legacy.a[0] = (uint32_t)s->a[0];
  if ((legacy.a[0] & CLONE_PIDFD) && (legacy.a[0] & CLONE_PARENT_SETTID))
    return -EINVAL;
  return sys_clone_args(&legacy, s->a[2]);
}

/* include/uapi/linux/sched.h: struct clone_args, 64 bytes in its first
 * version (up to tls), 88 with set_tid and cgroup. */
struct sys_clone_args {
  uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls;
  uint64_t set_tid, set_tid_size, cgroup;
};

/* clone3_args_valid (kernel/fork.c), for the flags xrun carries out: choosing
 * the child's pid (set_tid) and its cgroup (CLONE_INTO_CGROUP) are refused. */
static int sys_clone3_check(const struct sys_clone_args *a) {
  if ((a->flags >> 32 & ~(SYS_CLONE_CLEAR_SIGHAND >> 32)) || a->set_tid || a->set_tid_size ||
      (a->exit_signal & ~0xffull) || a->exit_signal > SYS_NSIG)
    return -EINVAL;
  if ((a->flags & SYS_CLONE_CLEAR_SIGHAND) && (a->flags & CLONE_SIGHAND))
    return -EINVAL;
  if (a->flags & (CLONE_DETACHED | (0xff & ~CLONE_NEWTIME)))
    return -EINVAL; /* clone3 keeps the exit signal out of the flags */
  if ((a->flags & (CLONE_THREAD | CLONE_PARENT)) && a->exit_signal)
    return -EINVAL;
  if (!a->stack != !a->stack_size)
    return -EINVAL;
  return 0;
}

/* clone3(args, size): the legacy clone's arguments from struct clone_args,
 * the stack given as its lowest address and its size. A larger struct from
 * a newer guest is accepted when the bytes past what xrun knows are zero. */
int64_t sys_clone3(const struct sys_call *s) {
  struct sys_clone_args a = {0};
  uint8_t rest[4096 - sizeof(a)];
  uint64_t size = s->a[1], known = size < sizeof(a) ? size : sizeof(a);
  if (size < SYS_CLONE_ARGS_VER0)
    return -EINVAL;
  if (size > sizeof(a) + sizeof(rest))
    return -E2BIG;
  if (sys_copy_in(&a, s->a[0], known) || sys_copy_in(rest, s->a[0] + known, size - known))
    return -EFAULT;
  for (size_t i = 0; i < size - known; i++)
    if (rest[i])
      return -E2BIG;
  int err = sys_clone3_check(&a);
  if (err)
    return err;
  struct sys_call legacy = *s;
  legacy.a[0] = a.flags | a.exit_signal;
  legacy.a[1] = a.stack ? a.stack + a.stack_size : 0;
  legacy.a[2] = a.parent_tid;
  legacy.a[3] = a.tls;
  legacy.a[4] = a.child_tid;
  return sys_clone_args(&legacy, a.pidfd);
}
