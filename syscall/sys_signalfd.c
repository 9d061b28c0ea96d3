/* sys_signalfd.c - signalfd4, and the calls that can read a signalfd (read,
 * readv, preadv2 at the file position), which turn what it gives (struct
 * signalfd_siginfo, 128 bytes each, host signal numbers) into guest numbers
 * (sys_signum.c). The layout is the same on both sides. pread and preadv
 * fail with ESPIPE on a signalfd, and splice, sendfile and copy_file_range
 * with EINVAL, so nothing else can read one.
 *
 * Which fds are signalfds is not tracked through dup, close and exec: once
 * the process has made one, a read whose length is a multiple of 128 asks
 * /proc which kind of fd it read. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/uio.h>
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

/* The records the kernel gave (n bytes at si), in guest numbers. */
static void sys_signalfd_to_guest(struct signalfd_siginfo *si, int64_t n) {
  for (int64_t i = 0; i < n / 128; i++) {
    if (si[i].ssi_signo == SIGCHLD && si[i].ssi_code != CLD_EXITED)
      si[i].ssi_status = sys_sig_to_guest(si[i].ssi_status);
    si[i].ssi_signo = (uint32_t)sys_sig_to_guest((int)si[i].ssi_signo);
  }
}

/* Whether a read of fd that gave n bytes may have read signalfd records. */
static bool sys_signalfd_read(int fd, int64_t n) {
  return n > 0 && n % 128 == 0 && __atomic_load_n(&sys_signalfd_made, __ATOMIC_RELAXED) &&
         sys_is_signalfd(fd);
}

/* The first n bytes that the guest's iovec list (cnt entries at iov) holds
 * into buf, or (out) buf back to them. Returns 0 or -EFAULT. */
static int sys_iov_copy(uint64_t iov, uint64_t cnt, char *buf, size_t n, bool out) {
  for (uint64_t i = 0; i < cnt && n; i++) {
    struct iovec v;
    if (sys_copy_in(&v, iov + i * sizeof(v), sizeof(v)))
      return -EFAULT;
    size_t k = v.iov_len < n ? v.iov_len : n;
    uint64_t at = (uint64_t)(uintptr_t)v.iov_base;
    if (out ? sys_copy_out(at, buf, k) : sys_copy_in(buf, at, k))
      return -EFAULT;
    buf += k, n -= k;
  }
  return 0;
}

/* The n bytes of records a read left at buf, or (iov) through the guest's
 * iovec list of cnt entries at buf, in guest numbers. A record may straddle
 * two iovecs: the kernel fills them as one stream. */
static void sys_signalfd_fix(uint64_t buf, uint64_t cnt, bool iov, int64_t n) {
  struct signalfd_siginfo *si = malloc((size_t)n);
  if (!si)
    return;
  if (iov ? !sys_iov_copy(buf, cnt, (char *)si, (size_t)n, false)
          : !sys_copy_in(si, buf, (size_t)n)) {
    sys_signalfd_to_guest(si, n);
    iov ? sys_iov_copy(buf, cnt, (char *)si, (size_t)n, true) : sys_copy_out(buf, si, (size_t)n);
  }
  free(si);
}

int64_t sys_read(const struct sys_call *s) {
  int64_t r = sys_safe_syscall(&s->cpu->exit_request, SYS_read, (long)s->a[0], (long)s->a[1],
                               (long)s->a[2], 0, 0, 0);
  if (sys_signalfd_read((int)s->a[0], r))
    sys_signalfd_fix(s->a[1], 0, false, r);
  return r;
}

/* readv, and preadv2, whose offset -1 reads at the file position as readv
 * does (any other offset is ESPIPE on a signalfd, as pread and preadv are). */
int64_t sys_readv(const struct sys_call *s) {
  int64_t r = sys_pass(s);
  if (sys_signalfd_read((int)s->a[0], r))
    sys_signalfd_fix(s->a[1], s->a[2], true, r);
  return r;
}
