/* sys_signal.c - the guest's signal state: actions (process-wide), the mask
 * and the alternate stack (per thread), and the host handlers that stand for
 * the guest's.
 *
 * An asynchronous signal the guest catches gets a host handler that records
 * it as pending (sys_signal_pend.c); SIG_IGN and SIG_DFL are the host's own.
 * The guest mask is mirrored on the host thread, so a blocked signal stays
 * pending in the host kernel and does not interrupt a blocking syscall.
 * SIGSEGV, SIGBUS, SIGILL and SIGFPE keep xrun's fault handler; the guest's
 * action for them is only recorded, for sys_signal_sync. Guest signals 32
 * and 33 are host 63 and 64 (sys_signum.c); guest 63 and 64 have no host
 * signal and are recorded only. */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <ucontext.h>
#include "sys_int.h"
#include "../tcache/tc_fork.h"

static struct sys_sigaction sys_actions[SYS_NSIG + 1];
static pthread_mutex_t sys_actions_lock = PTHREAD_MUTEX_INITIALIZER;
/* xrun's own fault handlers, which a user-sent fault signal bypasses */
static struct sigaction sys_fault_prev[SYS_NSIG + 1];

__thread uint64_t sys_sigmask;
__thread struct sys_stack sys_altstack = {.flags = SS_DISABLE};

static const uint64_t sys_unblockable = SYS_SIGBIT(SIGKILL) | SYS_SIGBIT(SIGSTOP);

static bool sys_sig_fault(int sig) {
  return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE;
}

/* A signal that reaches the guest through a host handler of ours. */
static bool sys_sig_async(int sig) {
  return sig >= 1 && sig <= SYS_NSIG && sig != SIGKILL && sig != SIGSTOP && !sys_sig_fault(sig) &&
         sys_sig_to_host(sig) != 0;
}

/* The host set of every signal xrun passes on, asked for at each handler
 * installed and each delivery: made once. State 0: not made, 2: being
 * made, 1: made (a handler that interrupts its making makes its own). */
static sigset_t sys_sighost_all;
static int sys_sighost_all_state;

void sys_sighost_set(uint64_t mask, sigset_t *set) {
  if (mask == ~0ull && __atomic_load_n(&sys_sighost_all_state, __ATOMIC_ACQUIRE) == 1) {
    *set = sys_sighost_all;
    return;
  }
  sigemptyset(set);
  for (int sig = 1; sig <= SYS_NSIG; sig++)
    if ((mask & SYS_SIGBIT(sig)) && sys_sig_async(sig))
      sigaddset(set, sys_sig_to_host(sig));
  int unmade = 0;
  if (mask == ~0ull && __atomic_compare_exchange_n(&sys_sighost_all_state, &unmade, 2, false,
                                                   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
    sys_sighost_all = *set;
    __atomic_store_n(&sys_sighost_all_state, 1, __ATOMIC_RELEASE);
  }
}

void sys_sighost_block(void) {
  sigset_t set;
  sys_sighost_set(~0ull, &set);
  pthread_sigmask(SIG_BLOCK, &set, NULL);
}

void sys_sigmask_set(uint64_t mask) {
  sigset_t set;
  sys_sigmask = mask & ~sys_unblockable;
  sys_sighost_set(sys_sigmask | sys_rt_held, &set);
  pthread_sigmask(SIG_SETMASK, &set, NULL);
}

extern const char sys_safe_syscall_start[], sys_safe_syscall_end[], sys_safe_syscall_eintr[];

void sys_safe_syscall_fixup(void *ucontext) {
  greg_t *rip = &((ucontext_t *)ucontext)->uc_mcontext.gregs[REG_RIP];
  if (*rip >= (greg_t)(uintptr_t)sys_safe_syscall_start &&
      *rip < (greg_t)(uintptr_t)sys_safe_syscall_end)
    *rip = (greg_t)(uintptr_t)sys_safe_syscall_eintr;
}

extern const char sys_safe_copy_start[], sys_safe_copy_end[], sys_safe_copy_fault[];

bool sys_safe_copy_fixup(void *ucontext) {
  greg_t *rip = &((ucontext_t *)ucontext)->uc_mcontext.gregs[REG_RIP];
  if (*rip < (greg_t)(uintptr_t)sys_safe_copy_start || *rip >= (greg_t)(uintptr_t)sys_safe_copy_end)
    return false;
  *rip = (greg_t)(uintptr_t)sys_safe_copy_fault;
  return true;
}

static void sys_on_host_signal(int sig, siginfo_t *si, void *uc) {
  siginfo_t info = *si;
  info.si_signo = sys_sig_to_guest(sig);
  sys_sigpending_record(info.si_signo, &info);
  sys_safe_syscall_fixup(uc);
  if (info.si_signo >= SYS_SIGRT_FIRST) /* the next ones wait in the host's queue */
    sigaddset(&((ucontext_t *)uc)->uc_sigmask, sig);
}

/* A fault signal sent by kill/tgkill (si_code <= 0) is the guest's, pending;
 * a real fault goes to xrun's handler. */
static void sys_on_fault_signal(int sig, siginfo_t *si, void *uc) {
  if (si->si_code <= 0 && sys_sigcpu) {
    sys_sigpending_record(sig, si);
    sys_safe_syscall_fixup(uc);
  } else if (!sys_safe_copy_fixup(uc)) /* a bad guest pointer in a copy: -EFAULT */
    sys_fault_prev[sig].sa_sigaction(sig, si, uc);
}

/* With --stats or --perfmap, a signal whose default action ends the process
 * gets a host handler that writes their reports, then dies of it the same way. */
static bool sys_sig_report_death(int sig) {
  if (!xrun_opt.stats && !xrun_opt.perfmap)
    return false;
  switch (sig) {
  case SIGCHLD:
  case SIGURG:
  case SIGWINCH:
  case SIGCONT:
  case SIGTSTP:
  case SIGTTIN:
  case SIGTTOU: return false;
  default: return true;
  }
}

static void sys_on_fatal_default(int sig) {
  sys_signal_die(sig);
}

static void sys_host_install(int sig, const struct sys_sigaction *act) {
  if (!sys_sig_async(sig))
    return;
  struct sigaction h;
  memset(&h, 0, sizeof(h));
  if (act->handler == SYS_SIG_DFL && sys_sig_report_death(sig)) {
    h.sa_handler = sys_on_fatal_default;
    sys_sighost_set(~0ull, &h.sa_mask);
  } else if (act->handler == SYS_SIG_DFL || act->handler == SYS_SIG_IGN) {
    h.sa_handler = act->handler == SYS_SIG_DFL ? SIG_DFL : SIG_IGN;
  } else {
    h.sa_sigaction = sys_on_host_signal;
    h.sa_flags = SA_SIGINFO; /* never SA_RESTART: sys_signal_restart decides */
    sys_sighost_set(~0ull, &h.sa_mask);
  }
  if (sig == SIGCHLD)
    h.sa_flags |= (int)(act->flags & (SYS_SA_NOCLDSTOP | SYS_SA_NOCLDWAIT));
  sigaction(sys_sig_to_host(sig), &h, NULL);
}

struct sys_sigaction sys_sigaction_get(int sig) {
  pthread_mutex_lock(&sys_actions_lock);
  struct sys_sigaction act = sys_actions[sig];
  pthread_mutex_unlock(&sys_actions_lock);
  return act;
}

void sys_sigaction_reset(int sig) {
  struct sys_sigaction dfl = {0};
  pthread_mutex_lock(&sys_actions_lock);
  sys_actions[sig] = dfl;
  sys_host_install(sig, &dfl);
  pthread_mutex_unlock(&sys_actions_lock);
}

void sys_sigaction_clear_handlers(void) {
  pthread_mutex_lock(&sys_actions_lock);
  for (int sig = 1; sig <= SYS_NSIG; sig++) {
    struct sys_sigaction act = {0};
    if (sys_actions[sig].handler == SYS_SIG_IGN)
      act.handler = SYS_SIG_IGN;
    if (!memcmp(&act, &sys_actions[sig], sizeof(act)))
      continue;
    sys_actions[sig] = act;
    sys_host_install(sig, &act);
  }
  pthread_mutex_unlock(&sys_actions_lock);
}

void sys_signal_init(void) {
  tc_fork_lock_add(&sys_actions_lock);
  sigset_t host;
  pthread_sigmask(SIG_BLOCK, NULL, &host);
  for (int sig = 1; sig <= SYS_NSIG; sig++) {
    struct sigaction h;
    int hsig = sys_sig_to_host(sig);
    if (sys_sig_async(sig) && sigismember(&host, hsig) == 1)
      sys_sigmask |= SYS_SIGBIT(sig);
    if (!hsig || sigaction(hsig, NULL, &h))
      continue;
    if (sys_sig_async(sig) && h.sa_handler == SIG_IGN)
      sys_actions[sig].handler = SYS_SIG_IGN;
    else if (sys_sig_async(sig) && h.sa_handler == SIG_DFL && sys_sig_report_death(sig))
      sys_host_install(sig, &sys_actions[sig]);
    if (sys_sig_fault(sig) && (h.sa_flags & SA_SIGINFO) && h.sa_sigaction != sys_on_fault_signal) {
      sys_fault_prev[sig] = h;
      h.sa_sigaction = sys_on_fault_signal;
      sigaction(sig, &h, NULL);
    }
  }
}

/* Ignoring a signal discards it if pending (kernel: sig_ignored + flush). */
static bool sys_sig_ignored(int sig, const struct sys_sigaction *act) {
  if (act->handler == SYS_SIG_IGN)
    return true;
  return act->handler == SYS_SIG_DFL &&
         (sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH || sig == SIGCONT);
}

/* struct sigaction without sa_restorer (riscv64's): handler, flags, mask. */
struct sys_sigaction_norestorer {
  uint64_t handler;
  uint64_t flags;
  uint64_t mask;
};

static int sys_sigaction_in(const struct cpu *c, struct sys_sigaction *act, uint64_t at) {
  if (c->guest->abi->sa_restorer)
    return sys_copy_in(act, at, sizeof(*act));
  struct sys_sigaction_norestorer r;
  if (sys_copy_in(&r, at, sizeof(r)))
    return -EFAULT;
  *act = (struct sys_sigaction){r.handler, r.flags & ~(uint64_t)SYS_SA_RESTORER, 0, r.mask};
  return 0;
}

static int sys_sigaction_out(const struct cpu *c, uint64_t at, const struct sys_sigaction *act) {
  if (c->guest->abi->sa_restorer)
    return sys_copy_out(at, act, sizeof(*act));
  struct sys_sigaction_norestorer r = {act->handler, act->flags, act->mask};
  return sys_copy_out(at, &r, sizeof(r));
}

int64_t sys_rt_sigaction(const struct sys_call *s) {
  int sig = (int)s->a[0];
  struct sys_sigaction act, old;
  if (s->a[3] != 8 || sig < 1 || sig > SYS_NSIG)
    return -EINVAL;
  if (s->a[1] && (sig == SIGKILL || sig == SIGSTOP))
    return -EINVAL;
  if (s->a[1] && sys_sigaction_in(s->cpu, &act, s->a[1]))
    return -EFAULT;
  pthread_mutex_lock(&sys_actions_lock);
  old = sys_actions[sig];
  if (s->a[1]) {
    act.mask &= ~sys_unblockable;
    sys_actions[sig] = act;
    sys_host_install(sig, &act);
  }
  pthread_mutex_unlock(&sys_actions_lock);
  if (s->a[1] && sys_sig_ignored(sig, &act)) {
    uint8_t info[128];
    sys_sighost_block();
    sys_sigpending_take(~SYS_SIGBIT(sig), info);
    sys_sigmask_set(sys_sigmask);
  }
  if (s->a[2] && sys_sigaction_out(s->cpu, s->a[2], &old))
    return -EFAULT;
  return 0;
}

int64_t sys_rt_sigprocmask(const struct sys_call *s) {
  uint64_t set, old = sys_sigmask;
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
    sys_sigmask_set(old | set);
  else if (s->a[0] == SIG_UNBLOCK)
    sys_sigmask_set(old & ~set);
  else
    sys_sigmask_set(set);
  return 0; /* a signal it unblocked is delivered on the way out (sys_signal_check) */
}

/* On the alternate stack: sp inside (ss_sp, ss_sp + ss_size], as the kernel counts. */
int sys_altstack_flags(uint64_t sp) {
  if (sys_altstack.size == 0)
    return SS_DISABLE;
  return sp > sys_altstack.sp && sp - sys_altstack.sp <= sys_altstack.size ? SS_ONSTACK : 0;
}

int sys_altstack_set(struct cpu *c, const struct sys_stack *in) {
  struct sys_stack ss = *in;
  uint64_t sp = *sys_reg(c, c->guest->sp_off);
  int mode = ss.flags & ~SYS_SS_AUTODISARM;
  if (sys_altstack_flags(sp) == SS_ONSTACK)
    return -EPERM;
  if (mode != 0 && mode != SS_DISABLE && mode != SS_ONSTACK)
    return -EINVAL;
  if (mode == SS_DISABLE) {
    ss.sp = ss.size = 0;
    ss.flags = SS_DISABLE;
  } else if (ss.size < c->guest->abi->minsigstksz) {
    return -ENOMEM;
  } else {
    ss.flags &= SYS_SS_AUTODISARM;
  }
  ss.pad = 0;
  sys_altstack = ss;
  return 0;
}

int64_t sys_sigaltstack(const struct sys_call *s) {
  struct sys_stack ss, old = sys_altstack;
  uint64_t sp = *sys_reg(s->cpu, s->cpu->guest->sp_off);
  old.flags = sys_altstack_flags(sp) | (sys_altstack.flags & SYS_SS_AUTODISARM);
  if (s->a[0]) {
    if (sys_copy_in(&ss, s->a[0], sizeof(ss)))
      return -EFAULT;
    int err = sys_altstack_set(s->cpu, &ss);
    if (err)
      return err;
  }
  if (s->a[1] && sys_copy_out(s->a[1], &old, sizeof(old)))
    return -EFAULT;
  return 0;
}

/* An exec: caught signals go back to their default action, ignored ones
 * stay ignored, and no action keeps its flags or mask (Linux's
 * flush_signal_handlers); no alternate stack. The mask and pending
 * signals stay. */
void sys_signal_exec(void) {
  pthread_mutex_lock(&sys_actions_lock);
  for (int sig = 1; sig <= SYS_NSIG; sig++) {
    struct sys_sigaction *a = &sys_actions[sig];
    bool changes = a->flags || (a->handler != SYS_SIG_DFL && a->handler != SYS_SIG_IGN);
    *a = (struct sys_sigaction){.handler = a->handler == SYS_SIG_IGN ? SYS_SIG_IGN : SYS_SIG_DFL};
    if (changes)
      sys_host_install(sig, a);
  }
  pthread_mutex_unlock(&sys_actions_lock);
  sys_altstack = (struct sys_stack){.flags = SS_DISABLE};
}

uint64_t sys_signal_mask(void) {
  return sys_sigmask;
}

void sys_signal_thread_start(struct cpu *c, uint64_t parent_mask) {
  sys_sigcpu = c;
  sys_altstack = (struct sys_stack){.flags = SS_DISABLE};
  sys_sigmask_set(parent_mask);
}
