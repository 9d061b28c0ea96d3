/* sys_vfork.c - vfork (clone with CLONE_VM|CLONE_VFORK, as glibc's vfork
 * and posix_spawn make their child): the child is a fork of xrun, with its
 * own copy of memory, but the parent waits, as the kernel makes it wait,
 * until the child has run another program or ended. A child that ends
 * without one wrote into memory its parent shares under a real vfork:
 * posix_spawn's child leaves the exec's errno in a variable of its parent's
 * stack frame, and a vfork() child writes its parent's locals. So before
 * it ends, the parent copies the part of its guest stack in use (from the
 * stack pointer at the clone to the end of that mapping) back from the
 * child, which is what the shared memory would hold.
 *
 * The two talk through one shared page mapped before the fork: the child
 * says when it starts an exec (which may fail and leave it running on),
 * and when it is about to end; the parent reads the stack with
 * process_vm_readv, then lets it end. An exec succeeded when the page is
 * gone from the child. Nothing can wake the parent once the exec is done,
 * so it also waits on a pipe whose write end only the child holds, close
 * on exec: it reads end of file the moment the exec succeeds or the child
 * ends, where waiting on the page alone took up to a millisecond more.
 * The guest's close and close_range pass over it (xrun_fd_own); should it
 * go anyway, the parent looks at the page every millisecond, as before. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/futex.h>
#include <poll.h>
#include <stdatomic.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "sys_int.h"

enum { VF_RUNNING, VF_EXEC, VF_EXITING, VF_DONE };

struct sys_vfork_chan {
  _Atomic uint32_t state;
  int pipe[2]; /* read and write end, high descriptors; -1: none */
};

/* In a vfork child until it runs another program or ends; NULL otherwise. */
static struct sys_vfork_chan *sys_vfork_chan;
static pid_t sys_vfork_parent_pid;
static int sys_vfork_wfd = -1; /* the child's end of its channel's pipe */

static void sys_vfork_wake(struct sys_vfork_chan *ch) {
  syscall(SYS_futex, &ch->state, FUTEX_WAKE, 1, NULL, NULL, 0);
}

/* Waits while ch->state is still `state`, at most 1 ms. */
static void sys_vfork_wait(struct sys_vfork_chan *ch, uint32_t state) {
  struct timespec ms = {0, 1000000};
  syscall(SYS_futex, &ch->state, FUTEX_WAIT, state, &ms, NULL, 0);
}

/* Close an own descriptor of the channel's pipe, if open. */
static void sys_vfork_close(int *fd) {
  if (*fd >= 0) {
    xrun_fd_disown(*fd);
    close(*fd);
  }
  *fd = -1;
}

/* The parent's wait while ch->state is still `state`: on the pipe while
 * it has it (*rfd >= 0), at most 1 ms. End of file: the child exec'd or
 * ended (the caller looks), or closed its end; the pipe is not used again. */
static void sys_vfork_parent_wait(struct sys_vfork_chan *ch, uint32_t state, int *rfd) {
  if (*rfd < 0) {
    sys_vfork_wait(ch, state);
    return;
  }
  struct pollfd p = {*rfd, POLLIN, 0};
  char c;
  if (poll(&p, 1, 1) > 0 && read(*rfd, &c, 1) == 0)
    sys_vfork_close(rfd);
}

/* fd moved high (xrun_fd_high), or -1. */
static int sys_vfork_fd_high(int fd) {
  int high = xrun_fd_high(fd);
  close(fd);
  return high;
}

/* The mapping of /proc/self/maps that holds addr: its end, or 0. */
static uint64_t sys_vfork_mapping_end(uint64_t addr) {
  FILE *f = fopen("/proc/self/maps", "re");
  unsigned long lo, hi;
  uint64_t end = 0;
  char line[512];
  while (f && !end && fgets(line, sizeof(line), f))
    if (sscanf(line, "%lx-%lx", &lo, &hi) == 2 && addr >= lo && addr < hi)
      end = hi;
  if (f)
    fclose(f);
  return end;
}

static int sys_vfork_child_gone(pid_t pid, struct sys_vfork_chan *ch) {
  uint32_t v;
  struct iovec local = {&v, sizeof(v)}, remote = {&ch->state, sizeof(v)};
  if (syscall(SYS_process_vm_readv, pid, &local, 1, &remote, 1, 0) < 0)
    return 1; /* exec'd (the page is gone) or dead */
  siginfo_t si = {0};
  return !waitid(P_PID, (id_t)pid, &si, WEXITED | WNOHANG | WNOWAIT) && si.si_pid == pid;
}

/* The parent's side: wait for the child's exec or end; at its end copy
 * [sp, end of its mapping) back from it. */
static void sys_vfork_parent(pid_t pid, struct sys_vfork_chan *ch, uint64_t sp, int *rfd) {
  for (;;) {
    uint32_t st = atomic_load(&ch->state);
    if (st == VF_EXITING) {
      uint64_t lo = sp & ~4095ull, hi = sys_vfork_mapping_end(lo);
      if (hi > lo) {
        struct iovec v = {(void *)(uintptr_t)lo, hi - lo};
        syscall(SYS_process_vm_readv, pid, &v, 1, &v, 1, 0);
      }
      atomic_store(&ch->state, VF_DONE);
      sys_vfork_wake(ch);
      return;
    }
    if (sys_vfork_child_gone(pid, ch))
      return;
    sys_vfork_parent_wait(ch, st, rfd);
  }
}

struct sys_vfork_chan *sys_vfork_begin(void) {
  struct sys_vfork_chan *ch =
      mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (ch == MAP_FAILED)
    return NULL;
  int p[2];
  ch->pipe[0] = ch->pipe[1] = -1;
  if (!pipe2(p, O_CLOEXEC)) {
    ch->pipe[0] = sys_vfork_fd_high(p[0]);
    ch->pipe[1] = sys_vfork_fd_high(p[1]);
    if (ch->pipe[0] < 0 || ch->pipe[1] < 0) {
      sys_vfork_close(&ch->pipe[0]);
      sys_vfork_close(&ch->pipe[1]);
    }
  }
  return ch;
}

void sys_vfork_end(struct sys_vfork_chan *ch, pid_t pid, uint64_t sp) {
  if (!ch)
    return;
  int rfd = ch->pipe[0], wfd = ch->pipe[1]; /* the page is shared: each side its own copy */
  if (pid == 0) {
    sys_vfork_close(&rfd);
    sys_vfork_chan = ch;
    sys_vfork_wfd = wfd;
    sys_vfork_parent_pid = getppid();
    return;
  }
  sys_vfork_close(&wfd);
  if (pid > 0)
    sys_vfork_parent(pid, ch, sp, &rfd);
  sys_vfork_close(&rfd);
  munmap(ch, 4096);
}

void sys_vfork_exec_begin(void) {
  if (sys_vfork_chan)
    atomic_store(&sys_vfork_chan->state, VF_EXEC);
}

void sys_vfork_exec_failed(void) {
  if (sys_vfork_chan)
    atomic_store(&sys_vfork_chan->state, VF_RUNNING);
}

/* An exec in place succeeded: the page goes and the pipe's end closes, as
 * the kernel's exec would make them, and the parent goes on. */
void sys_vfork_exec_done(void) {
  struct sys_vfork_chan *ch = sys_vfork_chan;
  if (!ch)
    return;
  sys_vfork_chan = NULL;
  munmap(ch, 4096);
  sys_vfork_close(&sys_vfork_wfd);
}

void sys_vfork_exit(void) {
  struct sys_vfork_chan *ch = sys_vfork_chan;
  if (!ch)
    return;
  atomic_store(&ch->state, VF_EXITING);
  sys_vfork_wake(ch);
  if (sys_vfork_wfd >= 0 && write(sys_vfork_wfd, "x", 1) < 0) /* wakes a parent in poll */
    sys_vfork_close(&sys_vfork_wfd);
  while (atomic_load(&ch->state) == VF_EXITING && getppid() == sys_vfork_parent_pid)
    sys_vfork_wait(ch, VF_EXITING);
  sys_vfork_chan = NULL;
  sys_vfork_close(&sys_vfork_wfd);
}
