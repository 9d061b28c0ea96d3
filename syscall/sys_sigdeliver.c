/* sys_sigdeliver.c - delivering signals to the guest: synchronous ones
 * (faults, traps) at c->pc, asynchronous ones between blocks or on the way
 * out of a syscall, with the kernel's rules for restarting an interrupted
 * syscall (SA_RESTART). */
#define _GNU_SOURCE
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "sys_int.h"
#include "../gdb/gdb.h"
#include "../tcache/tcache.h"

/* End the process with sig, as its default action does (a core dump where
 * the host would make one). */
_Noreturn void sys_signal_die(int sig) {
  int hsig = sys_sig_to_host(sig);
  gdb_exit(sys_sigcpu, 0, sig);
  tc_diag_exit(sig);
  if (hsig) {
    signal(hsig, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, hsig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(hsig);
  }
  _exit(128 + sig);
}

/* SIG_DFL for a signal that was already pending when its action became the
 * default: ignore, stop, or terminate. */
static void sys_signal_default(int sig) {
  switch (sig) {
  case SIGCHLD:
  case SIGURG:
  case SIGWINCH:
  case SIGCONT: return;
  case SIGTSTP:
  case SIGTTIN:
  case SIGTTOU: raise(SIGSTOP); return;
  default: sys_signal_die(sig);
  }
}

/* Enter the guest's handler: push the frame, then block sa_mask and the
 * signal itself (unless SA_NODEFER), and reset the action for SA_RESETHAND. */
static void sys_signal_handle(struct cpu *c, int sig, const struct sys_sigaction *act,
                              const void *info) {
  uint64_t old = sys_sigmask;
  tc_stats_signal();
  sys_sigmask_saved_take(&old); /* rt_sigsuspend's mask is the one to return to */
  if (c->guest->abi->sigframe_push(c, sig, act, info, old))
    sys_signal_die(SIGSEGV); /* no room for the frame: the kernel's force_sigsegv */
  uint64_t mask = sys_sigmask | act->mask;
  if (!(act->flags & SYS_SA_NODEFER))
    mask |= SYS_SIGBIT(sig);
  sys_sigmask = mask & ~(SYS_SIGBIT(SIGKILL) | SYS_SIGBIT(SIGSTOP));
  if (act->flags & SYS_SA_RESETHAND)
    sys_sigaction_reset(sig);
}

void sys_signal_sync(struct cpu *c, int sig, int code, uint64_t addr) {
  XLOG(LOG_EXEC, "guest signal %d (%s) at pc 0x%llx, code %d, addr 0x%llx", sig, strsignal(sig),
       (unsigned long long)c->pc, code, (unsigned long long)addr);
  sys_sigcpu = c;
  struct sys_sigaction act = sys_sigaction_get(sig);
  /* Like the kernel's force_sig: blocked or ignored means the default action. */
  if (act.handler == SYS_SIG_DFL || act.handler == SYS_SIG_IGN || (sys_sigmask & SYS_SIGBIT(sig)))
    sys_signal_die(sig);
  siginfo_t info;
  memset(&info, 0, sizeof(info));
  info.si_signo = sig;
  info.si_code = code;
  info.si_addr = (void *)(uintptr_t)addr;
  sys_signal_handle(c, sig, &act, &info);
  /* The run loop calls sys_signal_deliver next, which puts the new mask on
   * the host (a fault's siglongjmp restores an older one). */
  c->exit_request = 1;
}

bool sys_signal_deliver_one(struct cpu *c) {
  siginfo_t info;
  int sig = sys_sigpending_take(sys_sigmask, &info);
  if (!sig)
    return false;
  if (gdb_active && !(sig = gdb_signal(c, sig))) /* xrun -g: gdb may drop it */
    return true;
  struct sys_sigaction act = sys_sigaction_get(sig);
  XLOG(LOG_EXEC, "guest signal %d (%s) delivered at pc 0x%llx", sig, strsignal(sig),
       (unsigned long long)c->pc);
  if (act.handler == SYS_SIG_DFL)
    sys_signal_default(sig);
  else if (act.handler != SYS_SIG_IGN)
    sys_signal_handle(c, sig, &act, &info);
  return true;
}

/* One signal at a time; when more are deliverable, exit_request brings the
 * run loop back here before the handler's first block runs. */
void sys_signal_deliver(struct cpu *c) {
  uint64_t old;
  sys_sigcpu = c;
  sys_sighost_block();
  if (!c->exiting)
    sys_signal_deliver_one(c);
  if (sys_sigmask_saved_take(&old)) /* rt_sigsuspend woke for nothing to run */
    sys_sigmask = old;
  sys_sigmask_set(sys_sigmask);
  if (sys_sigpending_next(sys_sigmask))
    c->exit_request = 1;
}

void sys_signal_check(struct cpu *c) {
  uint64_t old;
  if (c->exiting)
    return;
  if (sys_sigpending_next(sys_sigmask)) {
    sys_signal_deliver(c);
  } else if (sys_sigmask_saved_take(&old)) {
    sys_sigmask_set(old);
  }
}

/* Calls that return EINTR after a handler ran even with SA_RESTART (man 7
 * signal; the kernel's ERESTARTNOHAND and ERESTART_RESTARTBLOCK). */
static bool sys_nr_restartable(uint64_t nr) {
  switch (nr) {
  case 4:   /* io_getevents */
  case 22:  /* epoll_pwait */
  case 72:  /* pselect6 */
  case 73:  /* ppoll */
  case 101: /* nanosleep */
  case 115: /* clock_nanosleep */
  case 133: /* rt_sigsuspend */
  case 137: /* rt_sigtimedwait */
  case 188: /* msgrcv */
  case 189: /* msgsnd */
  case 192: /* semtimedop */
  case 193: /* semop */
  case 292: /* io_pgetevents */
  case 441: /* epoll_pwait2 */ return false;
  default: return true;
  }
}

/* After a call that returned -EINTR (the host kernel's wait was interrupted)
 * or -SYS_ERESTART (not made: always run again, as if the signal had come
 * before the svc). */
void sys_signal_restart(struct cpu *c, uint64_t nr, uint64_t orig_x0, int64_t ret) {
  int sig = sys_sigpending_next(sys_sigmask);
  if (sig && ret == -EINTR) {
    struct sys_sigaction act = sys_sigaction_get(sig);
    bool handler = act.handler != SYS_SIG_DFL && act.handler != SYS_SIG_IGN;
    if (handler && (!(act.flags & SYS_SA_RESTART) || !sys_nr_restartable(nr)))
      return; /* the guest sees -EINTR */
  }
  *sys_reg(c, c->guest->sys_arg_off) = orig_x0; /* re-run the svc/ecall once the */
  c->pc -= 4; /* handler (if any) returns; both are 4 bytes long */
}
