/* sys_prctl.c - prctl, answering as arm64 Linux does.
 *
 * Options whose arguments mean the same on both sides go to the host. The
 * parent-death signal is a signal number (sys_signum.c). The tagged-address
 * ABI is arm64's own, kept per thread here. Options the host would apply to
 * xrun rather than to the guest (seccomp filters, which would see x86-64
 * syscall numbers; PR_SET_MM; PR_SET_MDWE, which would stop the translator
 * making code), and arm64 features this CPU does not have (SVE, SME, pointer
 * authentication, MTE), are refused with EINVAL, as a kernel without them
 * does; so is every unknown option, which -d unimpl names. */
#define _GNU_SOURCE
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "sys_int.h"

__thread uint64_t sys_tagged_addr_ctrl;

static int64_t sys_prctl_pass(const struct sys_call *s) {
  return sys_ret(syscall(SYS_prctl, (int)s->a[0], s->a[1], s->a[2], s->a[3], s->a[4]));
}

static int64_t sys_prctl_set_pdeathsig(const struct sys_call *s) {
  int sig = (int)s->a[1];
  if (s->a[1] > SYS_NSIG)
    return -EINVAL;
  int h = sig ? sys_sig_to_host(sig) : 0;
  if (sig && !h)
    return -EINVAL;
  return sys_ret(syscall(SYS_prctl, PR_SET_PDEATHSIG, h, 0, 0, 0));
}

static int64_t sys_prctl_get_pdeathsig(const struct sys_call *s) {
  int h = 0;
  if (syscall(SYS_prctl, PR_GET_PDEATHSIG, &h, 0, 0, 0) < 0)
    return -errno;
  int g = sys_sig_to_guest(h);
  return sys_copy_out(s->a[1], &g, sizeof(g));
}

/* arch/arm64/kernel/process.c: set_tagged_addr_ctrl, get_tagged_addr_ctrl
 * (without MTE, only PR_TAGGED_ADDR_ENABLE is a valid bit). */
static int64_t sys_prctl_tagged(const struct sys_call *s) {
  if (s->a[0] == PR_GET_TAGGED_ADDR_CTRL) {
    if (s->a[1] || s->a[2] || s->a[3] || s->a[4])
      return -EINVAL;
    return (int64_t)sys_tagged_addr_ctrl;
  }
  if (s->a[2] || s->a[3] || s->a[4] || (s->a[1] & ~(uint64_t)PR_TAGGED_ADDR_ENABLE))
    return -EINVAL;
  sys_tagged_addr_ctrl = s->a[1];
  return 0;
}

int64_t sys_prctl(const struct sys_call *s) {
  switch ((int)s->a[0]) {
  case PR_SET_PDEATHSIG: return sys_prctl_set_pdeathsig(s);
  case PR_GET_PDEATHSIG: return sys_prctl_get_pdeathsig(s);
  case PR_SET_TAGGED_ADDR_CTRL:
  case PR_GET_TAGGED_ADDR_CTRL: return sys_prctl_tagged(s);
  case PR_GET_DUMPABLE:
  case PR_SET_DUMPABLE:
  case PR_GET_KEEPCAPS:
  case PR_SET_KEEPCAPS:
  case PR_GET_TIMING:
  case PR_SET_TIMING:
  case PR_SET_NAME:
  case PR_GET_NAME:
  case PR_GET_SECCOMP:
  case PR_CAPBSET_READ:
  case PR_CAPBSET_DROP:
  case PR_GET_SECUREBITS:
  case PR_SET_SECUREBITS:
  case PR_SET_TIMERSLACK:
  case PR_GET_TIMERSLACK:
  case PR_TASK_PERF_EVENTS_DISABLE:
  case PR_TASK_PERF_EVENTS_ENABLE:
  case PR_MCE_KILL:
  case PR_MCE_KILL_GET:
  case PR_SET_CHILD_SUBREAPER:
  case PR_GET_CHILD_SUBREAPER:
  case PR_SET_NO_NEW_PRIVS:
  case PR_GET_NO_NEW_PRIVS:
  case PR_GET_TID_ADDRESS:
  case PR_SET_THP_DISABLE:
  case PR_GET_THP_DISABLE:
  case PR_CAP_AMBIENT:
  case PR_GET_SPECULATION_CTRL:
  case PR_SET_SPECULATION_CTRL:
  case PR_SET_IO_FLUSHER:
  case PR_GET_IO_FLUSHER:
  case PR_SET_PTRACER:
  case PR_SET_VMA: return sys_prctl_pass(s);
  case PR_SVE_SET_VL:
  case PR_SVE_GET_VL:
  case PR_SME_SET_VL:
  case PR_SME_GET_VL:
  case PR_PAC_RESET_KEYS:
  case PR_PAC_SET_ENABLED_KEYS:
  case PR_PAC_GET_ENABLED_KEYS: return -EINVAL; /* as a CPU without these features answers */
  default: return sys_refuse("prctl option", s->a[0], -EINVAL);
  }
}
