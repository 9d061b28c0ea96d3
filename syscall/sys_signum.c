/* sys_signum.c - guest signal numbers on the host, and the calls that carry
 * one: kill, tkill, tgkill, rt_sigqueueinfo, rt_tgsigqueueinfo,
 * pidfd_send_signal, timer_create and mq_notify (struct sigevent), wait4 and waitid (a
 * child's terminating or stopping signal).
 *
 * The numbers are the same on arm64 and x86-64 except where both glibcs keep
 * signals for themselves: 32 (SIGCANCEL) and 33 (SIGSETXID). The guest's
 * glibc sends them to its own threads (pthread_cancel; setuid and friends in
 * a threaded program), and the host's glibc would take them as its own. So
 * guest 32 and 33 travel as host 63 and 64, and guest 63 and 64 have no host
 * signal: they can be handled and blocked, but never sent. */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "sys_int.h"

enum { SYS_HOST_SIG_G32 = 63, SYS_HOST_SIG_G33 = 64 };

int sys_sig_to_host(int sig) {
  switch (sig) {
  case 32: return SYS_HOST_SIG_G32;
  case 33: return SYS_HOST_SIG_G33;
  case SYS_HOST_SIG_G32:
  case SYS_HOST_SIG_G33: return 0;
  default: return sig;
  }
}

int sys_sig_to_guest(int sig) {
  switch (sig) {
  case SYS_HOST_SIG_G32: return 32;
  case SYS_HOST_SIG_G33: return 33;
  case 32:
  case 33: return 0;
  default: return sig;
  }
}

/* A signal argument of a sending call: 0 stays 0 (the existence check), out
 * of range is the host's EINVAL, and a guest signal without a host one is
 * refused. Returns the host number, or -1 with *err set. */
static int sys_sig_arg(uint64_t arg, int64_t *err) {
  int sig = (int)arg;
  if (sig <= 0 || sig > SYS_NSIG)
    return sig;
  int h = sys_sig_to_host(sig);
  if (!h)
    *err = -EINVAL;
  return h ? h : -1;
}

/* The host call with argument i replaced by its host signal number. */
static int64_t sys_pass_sig(const struct sys_call *s, int i) {
  int64_t err = 0;
  uint64_t a[6];
  memcpy(a, s->a, sizeof(a));
  int h = sys_sig_arg(a[i], &err);
  if (err)
    return err;
  a[i] = (uint64_t)(int64_t)h;
  return sys_ret(syscall(s->host_nr, a[0], a[1], a[2], a[3], a[4], a[5]));
}

/* kill, tkill, rt_sigqueueinfo, pidfd_send_signal: the signal is the second
 * argument (the kernel sets a given siginfo's si_signo from it). */
int64_t sys_kill(const struct sys_call *s) {
  return sys_pass_sig(s, 1);
}

/* tgkill, rt_tgsigqueueinfo: the third. */
int64_t sys_tgkill(const struct sys_call *s) {
  return sys_pass_sig(s, 2);
}

/* Wait statuses: a signal in bits 0-6 (killed) or 8-15 (stopped). */
static int sys_wstatus_to_guest(int st) {
  if (WIFSIGNALED(st))
    return (st & ~0x7f) | sys_sig_to_guest(WTERMSIG(st));
  if (WIFSTOPPED(st))
    return (st & ~0xff00) | (sys_sig_to_guest(WSTOPSIG(st)) & 0xff) << 8;
  return st;
}

int64_t sys_wait4(const struct sys_call *s) {
  int st;
  long r = sys_safe_syscall(&s->cpu->exit_request, SYS_wait4, (pid_t)s->a[0],
                            s->a[1] ? (long)(uintptr_t)&st : 0, (int)s->a[2], (long)s->a[3], 0, 0);
  if (r < 0)
    return r;
  if (r > 0 && s->a[1]) {
    st = sys_wstatus_to_guest(st);
    if (sys_copy_out(s->a[1], &st, sizeof(st)))
      return -EFAULT;
  }
  return r;
}

/* siginfo_t is the same on both; for SIGCHLD si_status is a signal number
 * unless the child exited. Like the kernel, the fields it sets (si_signo,
 * si_errno, si_code, si_pid, si_uid, si_status: bytes 0-11 and 16-27) are
 * written even when the call fails, and nothing else. */
int64_t sys_waitid(const struct sys_call *s) {
  siginfo_t si;
  memset(&si, 0, sizeof(si));
  long r = sys_safe_syscall(&s->cpu->exit_request, SYS_waitid, (int)s->a[0], (pid_t)s->a[1],
                            s->a[2] ? (long)(uintptr_t)&si : 0, (int)s->a[3], (long)s->a[4], 0);
  int64_t ret = r;
  if (!s->a[2] || ret == -SYS_ERESTART) /* not made: nothing written */
    return ret;
  si.si_signo = sys_sig_to_guest(si.si_signo);
  if (si.si_signo == SIGCHLD && si.si_code != CLD_EXITED)
    si.si_status = sys_sig_to_guest(si.si_status);
  if (sys_copy_out(s->a[2], &si, 12) || sys_copy_out(s->a[2] + 16, (char *)&si + 16, 12))
    return -EFAULT;
  return ret;
}

/* A guest struct sigevent (sigev_value, sigev_signo, sigev_notify, ...: 64
 * bytes, the same on both) with its signal made the host's. */
static int64_t sys_sigevent_in(uint64_t guest, struct sigevent *ev) {
  if (sys_copy_in(ev, guest, sizeof(*ev)))
    return -EFAULT;
  if (ev->sigev_notify == SIGEV_NONE)
    return 0;
  int64_t err = 0;
  int h = sys_sig_arg((uint64_t)ev->sigev_signo, &err);
  ev->sigev_signo = h;
  return err;
}

static bool sys_timers;

static void sys_timers_forget(void) {
  sys_timers = false;
}

static void sys_timers_register(void) {
  pthread_atfork(NULL, NULL, sys_timers_forget);
}

bool sys_timers_exist(void) {
  return __atomic_load_n(&sys_timers, __ATOMIC_RELAXED);
}

/* timer_create(clock, sevp, timerid) */
int64_t sys_timer_create(const struct sys_call *s) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  struct sigevent ev;
  int64_t err = s->a[1] ? sys_sigevent_in(s->a[1], &ev) : 0;
  if (err)
    return err;
  pthread_once(&once, sys_timers_register);
  __atomic_store_n(&sys_timers, true, __ATOMIC_RELAXED);
  return sys_ret(syscall(SYS_timer_create, (clockid_t)s->a[0], s->a[1] ? &ev : NULL, s->a[2]));
}

/* mq_notify(mqdes, sevp) */
int64_t sys_mq_notify(const struct sys_call *s) {
  struct sigevent ev;
  int64_t err = s->a[1] ? sys_sigevent_in(s->a[1], &ev) : 0;
  if (err)
    return err;
  return sys_ret(syscall(SYS_mq_notify, (int)s->a[0], s->a[1] ? &ev : NULL));
}
