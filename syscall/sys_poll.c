/* sys_poll.c - waiting on file descriptors: ppoll, pselect6 and epoll.
 *
 * The three take a guest signal mask to hold while they wait; it becomes a
 * host set through sys_sigmask_wait_begin, as rt_sigsuspend's does. struct
 * epoll_event is packed on x86-64 (12 bytes) and 8-byte aligned on arm64
 * (16 bytes: events, 4 bytes of padding, data), so events are copied across
 * (include/uapi/linux/eventpoll.h, EPOLL_PACKED). pollfd, fd_set and
 * timespec are the same on both sides. */
#define _GNU_SOURCE
#include <limits.h>
#include <mimalloc.h>
#include <stddef.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "sys_int.h"

struct sys_generic_epoll_event {
  uint32_t events;
  uint32_t pad;
  uint64_t data;
};

_Static_assert(sizeof(struct epoll_event) == 12, "the host's epoll_event is packed");

/* The host call with a[] as its arguments, under the guest set gset (none:
 * the mask stays): *set and *size are where a[] points the host at the mask. */
static int64_t sys_wait_masked(const struct sys_call *s, uint64_t a[6], uint64_t gset,
                               uint64_t gsize, uint64_t *set, uint64_t *size) {
  sigset_t host;
  if (gset) {
    int err = sys_sigmask_wait_begin(gset, gsize, &host);
    if (err == -EINVAL || err == -EFAULT)
      return err;
    if (err)
      return sys_sigmask_wait_end(err);
    *set = (uint64_t)(uintptr_t)&host;
    *size = 8; /* the kernel's sigset_t */
  }
  int64_t r = sys_ret(syscall(s->host_nr, a[0], a[1], a[2], a[3], a[4], a[5]));
  return gset ? sys_sigmask_wait_end(r) : r;
}

/* ppoll(fds, nfds, tsp, sigmask, sigsetsize) */
int64_t sys_ppoll(const struct sys_call *s) {
  uint64_t a[6] = {s->a[0], s->a[1], s->a[2], 0, 0, 0};
  return sys_wait_masked(s, a, s->a[3], s->a[4], &a[3], &a[4]);
}

/* pselect6(n, in, out, ex, tsp, sig): sig points to {sigset pointer, size}. */
int64_t sys_pselect6(const struct sys_call *s) {
  uint64_t sig[2] = {0, 0}, host_sig[2] = {0, 0};
  if (s->a[5] && sys_copy_in(sig, s->a[5], sizeof(sig)))
    return -EFAULT;
  uint64_t a[6] = {s->a[0], s->a[1], s->a[2], s->a[3], s->a[4], 0};
  if (sig[0])
    a[5] = (uint64_t)(uintptr_t)host_sig;
  return sys_wait_masked(s, a, sig[0], sig[1], &host_sig[0], &host_sig[1]);
}

int64_t sys_epoll_ctl(const struct sys_call *s) {
  struct sys_generic_epoll_event g = {0};
  struct epoll_event h, *hp = NULL;
  if (s->a[3] && s->a[1] != EPOLL_CTL_DEL) {
    if (sys_copy_in(&g, s->a[3], sizeof(g)))
      return -EFAULT;
    h.events = g.events;
    h.data.u64 = g.data;
    hp = &h;
  }
  return sys_ret(syscall(SYS_epoll_ctl, (int)s->a[0], (int)s->a[1], (int)s->a[2], hp));
}

/* epoll_pwait and epoll_pwait2(epfd, events, maxevents, timeout, sigmask,
 * sigsetsize): the host fills its own array, copied out as the guest's. */
static int64_t sys_epoll_wait_common(const struct sys_call *s) {
  int max = (int)s->a[2];
  enum { ON_STACK = 64 };
  struct epoll_event stack[ON_STACK], *ev = stack;
  if (max <= 0 || max > (int)(INT_MAX / sizeof(struct sys_generic_epoll_event)))
    return -EINVAL;
  if (max > ON_STACK && !(ev = mi_malloc((size_t)max * sizeof(*ev))))
    return -ENOMEM;
  uint64_t a[6] = {s->a[0], (uint64_t)(uintptr_t)ev, s->a[2], s->a[3], 0, 0};
  int64_t n = sys_wait_masked(s, a, s->a[4], s->a[5], &a[4], &a[5]);
  for (int64_t i = 0; i < n; i++) {
    struct sys_generic_epoll_event g = {ev[i].events, 0, ev[i].data.u64};
    if (sys_copy_out(s->a[1] + (uint64_t)i * sizeof(g), &g, sizeof(g))) {
      n = -EFAULT;
      break;
    }
  }
  if (ev != stack)
    mi_free(ev);
  return n;
}

int64_t sys_epoll_pwait(const struct sys_call *s) {
  return sys_epoll_wait_common(s);
}

int64_t sys_epoll_pwait2(const struct sys_call *s) {
  return sys_epoll_wait_common(s);
}
