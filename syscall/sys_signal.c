/* sys_signal.c - the guest's signal state, recorded: actions, the mask, the
 * alternate stack. Host handlers are not installed yet; delivery will read
 * this state. Signal numbers are the same on arm64 and x86-64. */
#define _GNU_SOURCE
#include <signal.h>
#include "sys_int.h"

enum {
  SYS_NSIG = 64,
  SYS_A64_MINSIGSTKSZ = 5120,
};
#define SYS_SS_AUTODISARM (1 << 31) /* include/uapi/linux/signal.h */

/* arm64's struct sigaction as the kernel takes it (SA_RESTORER is defined). */
struct a64_sigaction {
  uint64_t handler;
  uint64_t flags;
  uint64_t restorer;
  uint64_t mask;
};

/* stack_t on arm64 */
struct a64_stack {
  uint64_t sp;
  int32_t flags;
  int32_t pad;
  uint64_t size;
};

static struct a64_sigaction sys_actions[SYS_NSIG + 1];
static __thread uint64_t sys_mask;
static __thread struct a64_stack sys_altstack = {.flags = SS_DISABLE};

static const uint64_t sys_unblockable = (1ull << (SIGKILL - 1)) | (1ull << (SIGSTOP - 1));

int64_t sys_rt_sigaction(const struct sys_call *s) {
  int sig = (int)s->a[0];
  struct a64_sigaction act, old;
  if (s->a[3] != 8 || sig < 1 || sig > SYS_NSIG)
    return -EINVAL;
  if (s->a[1] && (sig == SIGKILL || sig == SIGSTOP))
    return -EINVAL;
  if (s->a[1] && sys_copy_in(&act, s->a[1], sizeof(act)))
    return -EFAULT;
  old = sys_actions[sig];
  if (s->a[2] && sys_copy_out(s->a[2], &old, sizeof(old)))
    return -EFAULT;
  if (s->a[1]) {
    act.mask &= ~sys_unblockable;
    sys_actions[sig] = act;
  }
  return 0;
}

int64_t sys_rt_sigprocmask(const struct sys_call *s) {
  uint64_t set, old = sys_mask;
  if (s->a[3] != 8)
    return -EINVAL;
  if (s->a[1] && sys_copy_in(&set, s->a[1], 8))
    return -EFAULT;
  if (s->a[1] && s->a[0] > SIG_SETMASK)
    return -EINVAL;
  if (s->a[2] && sys_copy_out(s->a[2], &old, 8))
    return -EFAULT;
  if (!s->a[1])
    return 0;
  if (s->a[0] == SIG_BLOCK)
    sys_mask |= set;
  else if (s->a[0] == SIG_UNBLOCK)
    sys_mask &= ~set;
  else
    sys_mask = set;
  sys_mask &= ~sys_unblockable;
  return 0;
}

int64_t sys_sigaltstack(const struct sys_call *s) {
  struct a64_stack ss, old = sys_altstack;
  if (s->a[0] && sys_copy_in(&ss, s->a[0], sizeof(ss)))
    return -EFAULT;
  if (s->a[0]) {
    int mode = ss.flags & ~SYS_SS_AUTODISARM;
    if (mode != 0 && mode != SS_DISABLE && mode != SS_ONSTACK)
      return -EINVAL;
    if (mode == SS_DISABLE)
      ss.sp = ss.size = 0;
    else if (ss.size < SYS_A64_MINSIGSTKSZ)
      return -ENOMEM;
    ss.flags = mode == SS_ONSTACK ? (ss.flags & SYS_SS_AUTODISARM) : ss.flags;
  }
  if (s->a[1] && sys_copy_out(s->a[1], &old, sizeof(old)))
    return -EFAULT;
  if (s->a[0])
    sys_altstack = ss;
  return 0;
}
