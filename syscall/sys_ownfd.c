/* sys_ownfd.c - the guest's calls that would reach descriptors of xrun's
 * own (xrun_fd_own): close and close_range pass over them and dup3 does
 * not replace them, as if they were not open. A guest that closes every
 * descriptor above 2 before it execs, or at its start as daemons do, had
 * silenced the -D log and woken a vfork parent early. */
#define _GNU_SOURCE
#include <unistd.h>
#include <sys/syscall.h>
#include "sys_int.h"

static bool sys_fd_is_own(uint64_t fd) {
  return xrun_fd_own_in(fd, fd) >= 0;
}

/* close(fd) */
int64_t sys_close(const struct sys_call *s) {
  if (sys_fd_is_own(s->a[0]))
    return -EBADF;
  return sys_pass(s);
}

/* close_range(first, last, flags): the host's, over the parts of the range
 * between own descriptors. */
int64_t sys_close_range(const struct sys_call *s) {
  uint64_t lo = (uint32_t)s->a[0], hi = (uint32_t)s->a[1];
  if (lo > hi)
    return -EINVAL;
  for (;;) {
    int64_t own = xrun_fd_own_in(lo, hi);
    if ((own < 0 || (uint64_t)own > lo) &&
        syscall(SYS_close_range, (unsigned)lo, (unsigned)(own < 0 ? hi : (uint64_t)own - 1),
                (unsigned)s->a[2]) < 0)
      return -errno;
    if (own < 0 || (uint64_t)own >= hi)
      return 0;
    lo = (uint64_t)own + 1;
  }
}

/* dup3(old, new, flags): an own descriptor is not given up for new, as one
 * past the limit would not be. */
int64_t sys_dup3(const struct sys_call *s) {
  if (sys_fd_is_own(s->a[1]))
    return -EBADF;
  return sys_pass(s);
}
