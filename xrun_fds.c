/* xrun_fds.c - descriptors of xrun's own that stay open while the guest
 * runs (the -D log file, a vfork's pipe between parent and child): the
 * syscall layer keeps the guest's close, close_range and dup3 off them
 * (syscall/sys_ownfd.c).
 *
 *   xrun_fd_own(fd);      // fd is xrun's until
 *   xrun_fd_disown(fd);   // xrun closes it
 */
#include <fcntl.h>
#include <sys/resource.h>
#include "xrun.h"

enum { XRUN_OWN_FDS = 8 };

/* Each slot an fd + 1, 0 when free: atomics, no lock, as any thread may
 * look while another owns or disowns. */
static int xrun_own_fds[XRUN_OWN_FDS];

void xrun_fd_own(int fd) {
  if (fd < 0)
    return;
  for (unsigned i = 0; i < XRUN_OWN_FDS; i++) {
    int free = 0;
    if (__atomic_compare_exchange_n(&xrun_own_fds[i], &free, fd + 1, false, __ATOMIC_SEQ_CST,
                                    __ATOMIC_SEQ_CST))
      return;
  }
}

void xrun_fd_disown(int fd) {
  for (unsigned i = 0; i < XRUN_OWN_FDS; i++) {
    int mine = fd + 1;
    __atomic_compare_exchange_n(&xrun_own_fds[i], &mine, 0, false, __ATOMIC_SEQ_CST,
                                __ATOMIC_SEQ_CST);
  }
}

/* A close-on-exec copy of fd near the top of the descriptors (below 1024
 * and the open-file limit), owned: the lowest free ones are the guest's,
 * which expects open to answer 3 and a child it starts to find its own
 * descriptors there. fd stays open; -1 when there is no room. */
int xrun_fd_high(int fd) {
  struct rlimit r;
  rlim_t top = 1024;
  if (!getrlimit(RLIMIT_NOFILE, &r) && r.rlim_cur < top)
    top = r.rlim_cur;
  int high = top > 64 ? fcntl(fd, F_DUPFD_CLOEXEC, (int)top - 16) : -1;
  xrun_fd_own(high);
  return high;
}

int64_t xrun_fd_own_in(uint64_t lo, uint64_t hi) {
  int64_t best = -1;
  for (unsigned i = 0; i < XRUN_OWN_FDS; i++) {
    int64_t fd = (int64_t)__atomic_load_n(&xrun_own_fds[i], __ATOMIC_SEQ_CST) - 1;
    if (fd >= 0 && (uint64_t)fd >= lo && (uint64_t)fd <= hi && (best < 0 || fd < best))
      best = fd;
  }
  return best;
}
