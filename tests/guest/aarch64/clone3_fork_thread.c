/* clone3_fork_thread.c - clone3 (Linux 5.3), which glibc's pthread_create
 * and posix_spawn try first: a fork that gets a pidfd and its id through
 * CLONE_PIDFD and CLONE_PARENT_SETTID, a fork whose handlers
 * CLONE_CLEAR_SIGHAND resets (an ignored signal stays ignored), a thread on
 * a stack given as its base and size that the kernel ends with its tid word
 * cleared, and the kernel's refusals of malformed arguments. The thread's
 * start is assembly, so the test has an aarch64 and an x86-64 version. */
// test: qemu-wrong: qemu-aarch64 7.2 answers ENOSYS to clone3
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <linux/sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef P_PIDFD
#define P_PIDFD 3
#endif

static long clone3(struct clone_args *a, size_t size) {
  long r = syscall(SYS_clone3, a, size);
  return r < 0 ? -errno : r;
}

/* clone3 whose child calls fn(arg) on the stack a names and ends with its
 * result: the child may not return into the parent's frames. */
static long clone3_run(struct clone_args *a, int (*fn)(void *), void *arg) {
#if defined(__aarch64__)
  register long x0 __asm__("x0") = (long)a;
  register long x1 __asm__("x1") = sizeof(*a);
  register long x8 __asm__("x8") = SYS_clone3;
  register void *x19 __asm__("x19") = fn;
  register void *x20 __asm__("x20") = arg;
  __asm__ volatile("svc #0\n\t"
                   "cbnz x0, 1f\n\t"
                   "mov x0, x20\n\t"
                   "blr x19\n\t"
                   "mov x8, #93\n\t" /* exit: this thread only */
                   "svc #0\n"
                   "1:"
                   : "+r"(x0)
                   : "r"(x1), "r"(x8), "r"(x19), "r"(x20)
                   : "memory");
  return x0;
#else
  register long rax __asm__("rax") = SYS_clone3;
  register void *r12 __asm__("r12") = fn;
  register void *r13 __asm__("r13") = arg;
  __asm__ volatile("syscall\n\t"
                   "test %%rax, %%rax\n\t"
                   "jnz 1f\n\t"
                   "mov %%r13, %%rdi\n\t"
                   "call *%%r12\n\t"
                   "mov %%eax, %%edi\n\t"
                   "mov $60, %%eax\n\t" /* exit: this thread only */
                   "syscall\n"
                   "1:"
                   : "+a"(rax)
                   : "D"(a), "S"(sizeof(*a)), "r"(r12), "r"(r13)
                   : "rcx", "r11", "memory");
  return rax;
#endif
}

static void fork_pidfd(void) {
  int pidfd = -1, ptid = 0;
  struct clone_args a = {.flags = CLONE_PIDFD | CLONE_PARENT_SETTID,
                         .pidfd = (uintptr_t)&pidfd,
                         .parent_tid = (uintptr_t)&ptid,
                         .exit_signal = SIGCHLD};
  long pid = clone3(&a, sizeof(a));
  if (pid == 0)
    _exit(7);
  siginfo_t si = {0};
  int cloexec = fcntl(pidfd, F_GETFD) == FD_CLOEXEC;
  int w = (int)syscall(SYS_waitid, P_PIDFD, pidfd, &si, WEXITED, NULL);
  printf("fork: pid>0 %d, parent_tid is pid %d, pidfd cloexec %d, waitid %d code %d status %d\n",
         pid > 0, ptid == pid, cloexec, w, si.si_code == CLD_EXITED, si.si_status);
}

static void on_usr1(int sig) {
  (void)sig;
}

static void fork_clear_sighand(void) {
  signal(SIGUSR1, on_usr1);
  signal(SIGUSR2, SIG_IGN);
  struct clone_args a = {.flags = CLONE_CLEAR_SIGHAND, .exit_signal = SIGCHLD};
  long pid = clone3(&a, sizeof(a));
  if (pid == 0) {
    struct sigaction o1, o2;
    sigaction(SIGUSR1, NULL, &o1);
    sigaction(SIGUSR2, NULL, &o2);
    _exit((o1.sa_handler == SIG_DFL) | (o2.sa_handler == SIG_IGN) << 1);
  }
  int st = 0;
  waitpid((pid_t)pid, &st, 0);
  struct sigaction o;
  sigaction(SIGUSR1, NULL, &o);
  printf("clear_sighand: child saw default %d, ignored %d; parent keeps its handler %d\n",
         WEXITSTATUS(st) & 1, WEXITSTATUS(st) >> 1 & 1, o.sa_handler == on_usr1);
}

static volatile int shared;
static int worker(void *arg) {
  shared = *(int *)arg * 2;
  return 0;
}

static void thread(void) {
  static char stack[64 << 10] __attribute__((aligned(16)));
  static volatile int ctid = -1;
  int ptid = 0, arg = 21;
  struct clone_args a = {.flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
                                  CLONE_SYSVSEM | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID,
                         .parent_tid = (uintptr_t)&ptid,
                         .child_tid = (uintptr_t)&ctid,
                         .stack = (uintptr_t)stack,
                         .stack_size = sizeof(stack)};
  long tid = clone3_run(&a, worker, &arg);
  int t;
  while (tid > 0 && (t = ctid) != 0) /* a kernel without clone3: no thread */
    syscall(SYS_futex, &ctid, FUTEX_WAIT, t, NULL, NULL, 0);
  printf("thread: tid>0 %d, parent_tid is tid %d, other than pid %d, wrote %d\n", tid > 0,
         ptid == tid, tid != getpid(), shared);
}

static void refusals(void) {
  struct {
    struct clone_args a;
    uint64_t newer; /* a field of a later kernel */
  } big = {.a = {.exit_signal = SIGCHLD}, .newer = 1};
  char stack[64];
  struct clone_args no_size = {.exit_signal = SIGCHLD, .stack = (uintptr_t)stack};
  struct clone_args thread_sig = {.flags = CLONE_VM | CLONE_SIGHAND | CLONE_THREAD,
                                  .exit_signal = SIGCHLD};
  struct clone_args sig_in_flags = {.flags = SIGCHLD};
  struct clone_args both = {.flags = CLONE_CLEAR_SIGHAND | CLONE_SIGHAND | CLONE_VM,
                            .exit_signal = SIGCHLD};
  struct clone_args bad_signal = {.exit_signal = 0x100 | SIGCHLD};
  printf("refused: size 32 %s, nonzero tail %s, stack without size %s\n",
         strerror((int)-clone3(&big.a, 32)), strerror((int)-clone3(&big.a, sizeof(big))),
         strerror((int)-clone3(&no_size, sizeof(no_size))));
  printf("refused: thread with exit signal %s, signal in flags %s, clear and share handlers %s, "
         "exit signal 0x111 %s\n",
         strerror((int)-clone3(&thread_sig, sizeof(thread_sig))),
         strerror((int)-clone3(&sig_in_flags, sizeof(sig_in_flags))),
         strerror((int)-clone3(&both, sizeof(both))),
         strerror((int)-clone3(&bad_signal, sizeof(bad_signal))));
  big.newer = 0; /* a zero tail is what an older kernel would ignore: a fork */
  long pid = clone3(&big.a, sizeof(big));
  if (pid == 0)
    _exit(3);
  int st = 0;
  waitpid((pid_t)pid, &st, 0);
  printf("zero tail: a fork, child status %d\n", WEXITSTATUS(st));
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  fork_pidfd();
  fork_clear_sighand();
  thread();
  refusals();
  return 0;
}
