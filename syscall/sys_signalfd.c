/* sys_signalfd.c - signalfd4, and read, which turns what a signalfd gives
 * (struct signalfd_siginfo, 128 bytes each, host signal numbers) into guest
 * numbers (sys_signum.c). The layout is the same on both sides.
 *
 * Which fds are signalfds is not tracked through dup, close and exec: once
 * the process has made one, a read whose length is a multiple of 128 asks
 * /proc which kind of fd it read. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "sys_int.h"

static bool sys_signalfd_made;

_Static_assert(sizeof(struct signalfd_siginfo) == 128, "signalfd_siginfo");

int64_t sys_signalfd4(const struct sys_call *s) {
  uint64_t mask;
  sigset_t host;
  if (s->a[2] != 8)
    return -EINVAL;
  if (sys_copy_in(&mask, s->a[1], 8))
    return -EFAULT;
  sigemptyset(&host);
  for (int sig = 1; sig <= SYS_NSIG; sig++)
    if ((mask & SYS_SIGBIT(sig)) && sys_sig_to_host(sig))
      sigaddset(&host, sys_sig_to_host(sig));
  long r = syscall(SYS_signalfd4, (int)s->a[0], &host, 8, (int)s->a[3]);
  if (r >= 0)
    __atomic_store_n(&sys_signalfd_made, true, __ATOMIC_RELAXED);
  return sys_ret(r);
}

static bool sys_is_signalfd(int fd) {
  char proc[32], link[32];
  snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
  ssize_t n = readlink(proc, link, sizeof(link) - 1);
  return n == 21 && !memcmp(link, "anon_inode:[signalfd]", 21);
}

/* The records read into guest memory at buf, n bytes. */
static void sys_signalfd_to_guest(uint64_t buf, int64_t n) {
  for (int64_t off = 0; off + 128 <= n; off += 128) {
    struct signalfd_siginfo si;
    if (sys_copy_in(&si, buf + (uint64_t)off, sizeof(si)))
      return;
    if (si.ssi_signo == SIGCHLD && si.ssi_code != CLD_EXITED)
      si.ssi_status = sys_sig_to_guest(si.ssi_status);
    si.ssi_signo = (uint32_t)sys_sig_to_guest((int)si.ssi_signo);
    sys_copy_out(buf + (uint64_t)off, &si, sizeof(si));
  }
}

int64_t sys_read(const struct sys_call *s) {
  int64_t r = sys_safe_syscall(&s->cpu->exit_request, SYS_read, (long)s->a[0], (long)s->a[1],
                               (long)s->a[2], 0, 0, 0);
  if (r > 0 && r % 128 == 0 && __atomic_load_n(&sys_signalfd_made, __ATOMIC_RELAXED) &&
      sys_is_signalfd((int)s->a[0]))
    sys_signalfd_to_guest(s->a[1], r);
  return r;
}
