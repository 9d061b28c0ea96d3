/* sys_signal_pend.c - signals pending for the guest thread, and the calls that
 * look at them or wait for them: rt_sigpending, rt_sigsuspend,
 * rt_sigtimedwait.
 *
 * A host handler records a signal here (bit and siginfo) and sets the guest
 * thread's exit_request; the run loop, or the syscall exit, then delivers it.
 * Pending state is per host thread, which is per guest thread: the host
 * kernel already picked a thread that does not block the signal. A second
 * instance of a pending standard signal is merged with the first, as Linux
 * does. Real-time signals queue: once one is recorded here, its host signal
 * stays blocked in this thread (sys_rt_held) until the guest takes it, so the
 * host kernel keeps the later ones queued, in order and with their payloads,
 * and hands over the next when it is unblocked.
 * Changing the pending state is done with the host's async signals blocked. */
#define _GNU_SOURCE
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "sys_int.h"

__thread struct cpu *sys_sigcpu;
static __thread uint64_t sys_pending;
static __thread siginfo_t sys_pending_info[SYS_NSIG + 1];
/* Arrival order: the host kernel's own dequeue order (thread-directed before
 * process-wide), which decides which handler frame ends up on top. */
static __thread uint8_t sys_pending_order[SYS_NSIG];
static __thread int sys_pending_count;
static __thread uint64_t sys_saved_mask;
__thread uint64_t sys_rt_held; /* guest real-time signals recorded, held blocked on the host */
static __thread bool sys_saved_valid;

_Static_assert(sizeof(siginfo_t) == 128, "siginfo_t is the guest's 128-byte layout");

void sys_sigpending_record(int sig, const siginfo_t *si) {
  if (sig < 1 || sig > SYS_NSIG)
    return;
  sys_pending_info[sig] = *si;
  if (sig >= SYS_SIGRT_FIRST)
    sys_rt_held |= SYS_SIGBIT(sig);
  uint64_t prev = __atomic_fetch_or(&sys_pending, SYS_SIGBIT(sig), __ATOMIC_SEQ_CST);
  if (!(prev & SYS_SIGBIT(sig)) && sys_pending_count < SYS_NSIG)
    sys_pending_order[sys_pending_count++] = (uint8_t)sig;
  struct cpu *c = sys_sigcpu;
  if (c)
    c->exit_request = 1;
}

uint64_t sys_sigpending_bits(void) {
  return __atomic_load_n(&sys_pending, __ATOMIC_SEQ_CST);
}

/* Index in sys_pending_order of the first deliverable signal, or -1. */
static int sys_pending_first(uint64_t ready) {
  for (int i = 0; i < sys_pending_count; i++)
    if (ready & SYS_SIGBIT(sys_pending_order[i]))
      return i;
  return -1;
}

int sys_sigpending_next(uint64_t mask) {
  uint64_t ready = sys_sigpending_bits() & ~mask;
  if (!ready)
    return 0;
  int i = sys_pending_first(ready);
  return i >= 0 ? sys_pending_order[i] : __builtin_ctzll(ready) + 1;
}

/* Called with the host's async signals blocked. */
int sys_sigpending_take(uint64_t mask, void *info) {
  int sig = sys_sigpending_next(mask);
  if (!sig)
    return 0;
  memcpy(info, &sys_pending_info[sig], 128);
  __atomic_and_fetch(&sys_pending, ~SYS_SIGBIT(sig), __ATOMIC_SEQ_CST);
  sys_rt_held &= ~SYS_SIGBIT(sig); /* the next sys_sigmask_set lets the next one come */
  int i = sys_pending_first(SYS_SIGBIT(sig));
  if (i >= 0) {
    memmove(&sys_pending_order[i], &sys_pending_order[i + 1], sys_pending_count - i - 1);
    sys_pending_count--;
  }
  return sig;
}

bool sys_sigmask_saved_take(uint64_t *old) {
  if (!sys_saved_valid)
    return false;
  sys_saved_valid = false;
  *old = sys_saved_mask;
  return true;
}

/* What the host kernel holds pending for this thread and the process. */
static uint64_t sys_host_pending(void) {
  sigset_t set;
  uint64_t bits = 0;
  sigpending(&set);
  for (int sig = 1; sig <= SYS_NSIG; sig++)
    if (sys_sig_to_guest(sig) && sigismember(&set, sig) == 1)
      bits |= SYS_SIGBIT(sys_sig_to_guest(sig));
  return bits;
}

int64_t sys_rt_sigpending(const struct sys_call *s) {
  if (s->a[1] > 8)
    return -EINVAL;
  uint64_t set = (sys_host_pending() | sys_sigpending_bits()) & sys_sigmask;
  return sys_copy_out(s->a[0], &set, s->a[1]);
}

/* Wait with the given mask; the mask to restore is kept for the delivery
 * (the frame saves it) or for sys_signal_deliver when nothing is delivered. */
int64_t sys_rt_sigsuspend(const struct sys_call *s) {
  uint64_t set;
  if (s->a[1] != 8)
    return -EINVAL;
  if (sys_copy_in(&set, s->a[0], 8))
    return -EFAULT;
  sys_sighost_block();
  sys_saved_mask = sys_sigmask;
  sys_saved_valid = true;
  sys_sigmask = set & ~(SYS_SIGBIT(SIGKILL) | SYS_SIGBIT(SIGSTOP));
  if (!sys_sigpending_next(sys_sigmask)) {
    sigset_t host;
    sys_sighost_set(sys_sigmask, &host);
    sigsuspend(&host);
  }
  return -EINTR;
}

int sys_sigmask_wait_begin(uint64_t guest_set, uint64_t size, sigset_t *host) {
  uint64_t set;
  if (size != 8)
    return -EINVAL;
  if (sys_copy_in(&set, guest_set, 8))
    return -EFAULT;
  sys_sighost_block();
  sys_saved_mask = sys_sigmask;
  sys_saved_valid = true;
  sys_sigmask = set & ~(SYS_SIGBIT(SIGKILL) | SYS_SIGBIT(SIGSTOP));
  sys_sighost_set(sys_sigmask, host);
  return sys_sigpending_next(sys_sigmask) ? -EINTR : 0;
}

int64_t sys_sigmask_wait_end(int64_t ret) {
  uint64_t old;
  /* after -SYS_ERESTART the old mask is back too: the svc runs again */
  if (ret != -EINTR && sys_sigmask_saved_take(&old))
    sys_sigmask_set(old);
  return ret;
}

/* A signal of set already recorded here, or else the host's own wait (which
 * takes it from the host's pending set, where a blocked signal stays). */
int64_t sys_rt_sigtimedwait(const struct sys_call *s) {
  uint64_t set;
  siginfo_t info;
  if (s->a[3] != 8)
    return -EINVAL;
  if (sys_copy_in(&set, s->a[0], 8))
    return -EFAULT;
  sys_sighost_block();
  int sig = sys_sigpending_take(~set, &info);
  sys_sigmask_set(sys_sigmask);
  if (!sig) {
    sigset_t host;
    sys_sighost_set(set, &host);
    long r = syscall(SYS_rt_sigtimedwait, &host, &info, (void *)s->a[2], 8);
    if (r < 0)
      return -errno;
    sig = sys_sig_to_guest((int)r);
    info.si_signo = sig;
  }
  if (s->a[1] && sys_copy_out(s->a[1], &info, sizeof(info)))
    return -EFAULT;
  return sig;
}
