/* syscall_fuzz.c - libFuzzer harness for the syscall layer's guest struct
 * conversions. An input is
 *
 *   byte 0       which call (an index into ops[] below)
 *   bytes 1-48   the six guest arguments, little-endian
 *   the rest     the contents of guest memory: three scratch pages, with an
 *                unmapped page after them
 *
 * Each call goes through the handler in the syscall table (sys_lookup), as
 * sys_syscall would make it, but with arguments confined so that nothing
 * outside the harness is touched: a pointer argument is NULL, in the
 * scratch pages, running into the unmapped page or inside it (never a raw
 * value: the kernel would write through it); a descriptor is a scratch
 * pipe or epoll instance; waits have a zero timeout; calls that would send
 * signals, create files or change other processes are not made. State a
 * call leaves (the signal mask, actions, alternate stack, descriptors,
 * timers) is put back after it. Checked beyond AddressSanitizer's reports:
 * a result is a value or a guest -errno; a signal frame pushed then read
 * back by rt_sigreturn gives every register back; the open-flag and signal
 * number conversions round-trip; a -strace line stays in its buffer. A
 * failed check aborts. Built by `make fuzz`. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "../../syscall/sys_int.h"
#include "../../decode/aarch64/a64_cpu.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { PAGE = 4096, SCRATCH = 3 * PAGE };

static uint8_t *scratch; /* SCRATCH bytes of guest memory, then an unmapped page */
static int pipe_fd[2], epoll_fd;
/* The host's actions before the first call: libFuzzer's handlers are
 * installed after LLVMFuzzerInitialize. */
static struct sigaction host_actions[SYS_NSIG + 1];
static bool host_actions_saved;
static struct a64_cpu cpu;

static void fail(const char *why, uint64_t a, uint64_t b) {
  fprintf(stdout, "syscall_fuzz: %s (0x%llx, 0x%llx)\n", why, (unsigned long long)a,
          (unsigned long long)b);
  fflush(stdout);
  abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  scratch = mmap(NULL, SCRATCH + PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (scratch == MAP_FAILED || mprotect(scratch + SCRATCH, PAGE, PROT_NONE))
    abort();
  struct epoll_event ev = {.events = EPOLLIN};
  if (pipe2(pipe_fd, O_CLOEXEC) || write(pipe_fd[1], "x", 1) != 1 ||
      (epoll_fd = epoll_create1(EPOLL_CLOEXEC)) < 0 ||
      epoll_ctl(epoll_fd, EPOLL_CTL_ADD, pipe_fd[0], &ev))
    abort();
  cpu.c.guest = &a64_guest;
  sys_guest = &a64_guest;
  sys_altstack.flags = SS_DISABLE;
  return 0;
}

/* A guest pointer from a fuzzed value: NULL, in the scratch pages, running
 * into the unmapped page, or inside it. */
static uint64_t guest_ptr(uint64_t v) {
  uint64_t base = (uintptr_t)scratch, off = v >> 2;
  switch (v & 3) {
  case 0: return 0;
  case 1: return base + off % SCRATCH;
  case 2: return base + SCRATCH - off % 256;
  default: return base + SCRATCH + off % PAGE;
  }
}

static const struct timespec zero_timeout;

static uint64_t host_ptr(const void *p) {
  return (uint64_t)(uintptr_t)p;
}

/* The call through the table, as sys_syscall makes it; checks the result. */
static int64_t call(uint64_t nr, const uint64_t a[6]) {
  const struct sys_entry *e = sys_lookup(&a64_guest, nr);
  if (!e || !e->fn)
    fail("not in the table", nr, 0);
  struct sys_call s = {.cpu = &cpu.c, .nr = nr, .host_nr = e->host_nr};
  memcpy(s.a, a, sizeof(s.a));
  int64_t r = e->fn(&s);
  if (r < 0 && r < -4095)
    fail("result neither a value nor -errno", nr, (uint64_t)r);
  return r;
}

static void op_epoll_ctl(const uint64_t *v) {
  uint64_t a[6] = {(uint64_t)epoll_fd, (uint32_t)v[1], (uint32_t)v[2], guest_ptr(v[3])};
  if (a[2] == (uint64_t)pipe_fd[0] || a[2] == (uint64_t)epoll_fd)
    return; /* the scratch set's own members stay as they are */
  call(21, a);
}

static void op_epoll_pwait(const uint64_t *v) {
  int max = (int)v[2] > 1024 ? (int)v[2] % 1024 : (int)v[2];
  uint64_t a[6] = {
      (uint64_t)epoll_fd, guest_ptr(v[1]), (uint64_t)(int64_t)max, 0, guest_ptr(v[4]), v[5]};
  if (v[0] & 1) { /* epoll_pwait2: the timeout is a timespec */
    a[3] = host_ptr(&zero_timeout);
    call(441, a);
  } else {
    call(22, a);
  }
}

static void op_ppoll(const uint64_t *v) {
  uint64_t a[6] = {guest_ptr(v[0]), v[1] % 4096, host_ptr(&zero_timeout), guest_ptr(v[3]), v[4]};
  call(73, a);
}

/* pselect6: the sixth argument points at {sigset pointer, size} in guest
 * memory, itself a fuzzed pointer that is only read. */
static void op_pselect6(const uint64_t *v) {
  uint64_t a[6] = {(uint32_t)v[0],  guest_ptr(v[1]),         guest_ptr(v[2]),
                   guest_ptr(v[3]), host_ptr(&zero_timeout), guest_ptr(v[5])};
  call(72, a);
}

static void op_rt_sigprocmask(const uint64_t *v) {
  uint64_t a[6] = {v[0] % 8, guest_ptr(v[1]), guest_ptr(v[2]), v[3] % 16};
  call(135, a);
}

static void op_sigaltstack(const uint64_t *v) {
  uint64_t a[6] = {guest_ptr(v[0]), guest_ptr(v[1])};
  cpu.x[31] = guest_ptr(v[2] | 1);
  call(132, a);
}

/* rt_sigaction: the guest's and the host's action for the signal are put
 * back afterwards (the host's may be libFuzzer's own). */
static void op_rt_sigaction(const uint64_t *v) {
  int sig = (int)(v[0] % (SYS_NSIG + 2));
  uint64_t a[6] = {(uint64_t)sig, guest_ptr(v[1]), guest_ptr(v[2]), v[3] % 16};
  call(134, a);
  if (sig >= 1 && sig <= SYS_NSIG) {
    sys_sigaction_reset(sig);
    if (sys_sig_to_host(sig))
      sigaction(sys_sig_to_host(sig), &host_actions[sig], NULL);
  }
}

/* rt_sigreturn's reading of a frame from guest memory. */
static void op_sigreturn(const uint64_t *v) {
  uint64_t mask;
  struct sys_stack stack;
  cpu.x[31] = guest_ptr(v[0]);
  if (v[1] & 1)
    cpu.x[31] &= ~15ull;
  if (a64_guest.abi->sigframe_read(&cpu.c, &mask, &stack) == 0) {
    sys_sigmask_set(mask);
    sys_altstack_set(&cpu.c, &stack);
  }
}

static void cpu_fill(struct a64_cpu *a, const uint8_t *bytes) {
  memcpy(a->x, bytes, sizeof(a->x));
  memcpy(a->v, bytes + sizeof(a->x), sizeof(a->v));
  memcpy(&a->c.pc, bytes + 1024, 8);
  memcpy(&a->fpcr, bytes + 1032, 4);
  memcpy(&a->fpsr, bytes + 1036, 4);
  a->fpsr &= A64_FPSR_WRITABLE; /* all that MSR FPSR and rt_sigreturn keep */
  a64_set_nzcv_c(a, bytes[1040] & 0xf);
  a->c.fp_pending = 0;
}

static void cpu_compare(const struct a64_cpu *want, const struct a64_cpu *got) {
  for (int i = 0; i < 32; i++)
    if (want->x[i] != got->x[i])
      fail("sigreturn changed a register", (uint64_t)i, got->x[i]);
  if (want->c.pc != got->c.pc || want->nzcv != got->nzcv || want->fpcr != got->fpcr ||
      want->fpsr != got->fpsr || memcmp(want->v, got->v, sizeof(want->v)))
    fail("sigreturn changed pc, flags or vector state", got->c.pc, got->nzcv);
}

/* A signal frame pushed for a handler, then read back by rt_sigreturn. The
 * registers come from the tail of the input, the stack is the scratch
 * pages' top (or the alternate stack in them). */
static void op_sigframe_round_trip(const uint64_t *v, const uint8_t *regs) {
  struct a64_cpu before, *a = &cpu;
  struct sys_sigaction act = {.handler = v[0], .flags = v[1], .restorer = v[2], .mask = v[3]};
  uint8_t info[128];
  memcpy(info, regs + 1100, sizeof(info));
  cpu_fill(a, regs);
  a->x[31] = (uintptr_t)scratch + SCRATCH - v[4] % 64;
  if (v[5] & 1) /* an alternate stack at the bottom, large enough for a frame */
    sys_altstack = (struct sys_stack){.sp = (uintptr_t)scratch,
                                      .size = 5120 + v[5] % (SCRATCH - 5120 - 64),
                                      .flags = (int32_t)(v[5] >> 32) & SYS_SS_AUTODISARM};
  before = *a;
  int sig = (int)(v[4] >> 32) % SYS_NSIG + 1;
  if (a64_guest.abi->sigframe_push(&a->c, sig, &act, info, v[3]))
    return;
  uint64_t mask;
  struct sys_stack stack;
  if (a64_guest.abi->sigframe_read(&a->c, &mask, &stack))
    fail("a pushed frame does not read back", a->x[31], 0);
  cpu_compare(&before, a);
  if (mask != v[3])
    fail("the frame's mask", mask, v[3]);
}

static void op_signalfd4(const uint64_t *v) {
  uint64_t a[6] = {(uint64_t)-1, guest_ptr(v[1]), v[2] % 16, v[3] & 0xffffffff};
  int64_t fd = call(74, a);
  if (fd >= 0)
    close((int)fd);
}

static void op_timer_create(const uint64_t *v) {
  uint64_t a[6] = {v[0] % 16, guest_ptr(v[1]), guest_ptr(v[2])};
  int id;
  if (call(107, a) == 0 && sys_copy_in(&id, a[2], sizeof(id)) == 0)
    syscall(SYS_timer_delete, id);
}

static void op_mq_notify(const uint64_t *v) {
  uint64_t a[6] = {(uint64_t)pipe_fd[v[0] & 1], guest_ptr(v[1])};
  call(184, a);
}

/* fcntl on the pipe; commands that take a pointer or reach other
 * processes (locks, owners, leases, notifications) are not made. */
static void op_fcntl(const uint64_t *v) {
  static const int cmds[] = {F_GETFL,         F_SETFL,     F_GETSIG,     F_SETSIG,
                             F_GETFD,         F_SETFD,     F_GETPIPE_SZ, F_SETPIPE_SZ,
                             F_DUPFD_CLOEXEC, F_GET_SEALS, -1,           9999};
  int cmd = cmds[v[1] % (sizeof(cmds) / sizeof(cmds[0]))];
  uint64_t a[6] = {(uint64_t)pipe_fd[v[0] & 1], (uint64_t)(int64_t)cmd, v[2]};
  int64_t r = call(25, a);
  if (cmd == F_DUPFD_CLOEXEC && r >= 0)
    close((int)r);
}

static void op_ioctl(const uint64_t *v) {
  uint64_t a[6] = {(uint64_t)pipe_fd[v[0] & 1], (uint32_t)v[1], guest_ptr(v[2])};
  call(29, a);
}

/* openat2 with the empty path: the struct open_how is read and converted,
 * and the open itself fails with ENOENT whatever the flags. */
static void op_openat2(const uint64_t *v) {
  static const char empty[1];
  uint64_t a[6] = {v[0] & 1 ? (uint64_t)AT_FDCWD : (uint64_t)pipe_fd[0], host_ptr(empty),
                   guest_ptr(v[2]), v[3] % 8192};
  int64_t fd = call(437, a);
  if (fd >= 0)
    fail("openat2 of \"\" opened something", (uint64_t)fd, 0);
}

static void op_stat(const uint64_t *v) {
  static const char empty[1];
  uint64_t a[6] = {(uint64_t)pipe_fd[v[0] & 1], guest_ptr(v[1])};
  if (v[3] & 1) {
    call(80, a);
    return;
  }
  uint64_t b[6] = {(uint64_t)pipe_fd[v[0] & 1], host_ptr(empty), guest_ptr(v[2]),
                   v[3] & (AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW)};
  call(79, b);
}

/* semctl on no set (-1): the IPC_SET conversion runs, the call fails. */
static void op_semctl(const uint64_t *v) {
  uint64_t a[6] = {(uint64_t)-1, v[1] % 8, v[2] % 24, guest_ptr(v[3])};
  call(191, a);
}

/* wait4 and waitid: the harness has no children, so they return at once. */
static void op_wait(const uint64_t *v) {
  if (v[0] & 1) {
    uint64_t a[6] = {v[1] % 4, (uint32_t)v[2], guest_ptr(v[3]), (v[4] & 0x7000000f) | WNOHANG,
                     guest_ptr(v[5])};
    call(95, a);
  } else {
    uint64_t a[6] = {(uint64_t)(int64_t)-1, guest_ptr(v[1]), (v[2] & 0x7000000f) | WNOHANG,
                     guest_ptr(v[3])};
    call(260, a);
  }
}

static void op_prctl(const uint64_t *v) {
  static const int options[] = {PR_SET_PDEATHSIG, PR_GET_PDEATHSIG, PR_SET_TAGGED_ADDR_CTRL,
                                PR_GET_TAGGED_ADDR_CTRL};
  int option = options[v[0] % 4];
  uint64_t a[6] = {(uint64_t)option, option == PR_GET_PDEATHSIG ? guest_ptr(v[1]) : v[1] % 128,
                   v[2] & 1, v[3] & 1, v[4] & 1};
  call(167, a);
  prctl(PR_SET_PDEATHSIG, 0);
  sys_tagged_addr_ctrl = 0;
}

static void op_uname(const uint64_t *v) {
  uint64_t a[6] = {guest_ptr(v[0])};
  call(160, a);
}

/* -strace's line for any call, its string arguments in guest memory. */
static void op_strace(const uint64_t *v) {
  char line[512];
  uint64_t nr = v[0] % 460;
  struct sys_call s = {.cpu = &cpu.c, .nr = nr};
  const struct sys_entry *e = sys_lookup(&a64_guest, nr);
  for (int i = 0; i < 6; i++)
    s.a[i] = e && i + 1 < SYS_MAX_KINDS && e->kinds[i + 1] == SK_STR ? guest_ptr(v[i]) : v[i];
  size_t size = 1 + v[0] / 460 % sizeof(line);
  memset(line, 0x55, sizeof(line));
  sys_strace_call(line, size, e, &s);
  if (!memchr(line, '\0', size))
    fail("-strace line not terminated in its buffer", nr, size);
  for (size_t i = size; i < sizeof(line); i++)
    if (line[i] != 0x55)
      fail("-strace line past its buffer", nr, size);
}

/* Conversions that must round-trip: open flags and signal numbers. */
static void op_round_trips(const uint64_t *v) {
  uint32_t g = (uint32_t)v[0];
  if (sys_oflags_to_guest(sys_oflags_to_host(g)) != g)
    fail("open flags do not round-trip", g, sys_oflags_to_guest(sys_oflags_to_host(g)));
  int sig = (int)(v[1] % 80);
  int h = sys_sig_to_host(sig);
  if (h && sys_sig_to_guest(h) != sig)
    fail("signal numbers do not round-trip", (uint64_t)sig, (uint64_t)h);
  char buf[256];
  size_t size = 1 + v[2] % sizeof(buf);
  memset(buf, 0x55, sizeof(buf));
  sys_oflags_str(buf, size, v[0]);
  if (!memchr(buf, '\0', size))
    fail("open flags string not terminated", v[0], size);
}

/* What a call may have changed: the mask, the alternate stack, the pipe's
 * flags and signal, the saved mask of a wait. */
static void restore(void) {
  uint64_t old;
  sys_sigmask_saved_take(&old);
  sys_sigmask_set(0);
  sys_altstack = (struct sys_stack){.flags = SS_DISABLE};
  for (int i = 0; i < 2; i++) {
    fcntl(pipe_fd[i], F_SETFL, 0);
    fcntl(pipe_fd[i], F_SETSIG, 0);
    fcntl(pipe_fd[i], F_SETFD, FD_CLOEXEC);
  }
}

/* A bad guest pointer faults inside sys_safe_copy, and xrun's fault
 * handler turns that into -EFAULT: here a handler in front of libFuzzer's
 * does the same, and hands it every other fault. */
static struct sigaction fuzzer_fault[2]; /* SIGSEGV's and SIGBUS's */

static void on_fault(int sig, siginfo_t *si, void *uc) {
  if (sys_safe_copy_fixup(uc))
    return;
  const struct sigaction *prev = &fuzzer_fault[sig == SIGBUS];
  if (prev->sa_flags & SA_SIGINFO)
    prev->sa_sigaction(sig, si, uc);
  else {
    signal(sig, SIG_DFL);
    raise(sig);
  }
}

static void fault_handler_install(void) {
  struct sigaction sa = {.sa_sigaction = on_fault, .sa_flags = SA_SIGINFO | SA_ONSTACK};
  sigaction(SIGSEGV, &sa, &fuzzer_fault[0]);
  sigaction(SIGBUS, &sa, &fuzzer_fault[1]);
}

static void host_actions_save(void) {
  fault_handler_install();
  for (int sig = 1; sig <= SYS_NSIG; sig++)
    if (sys_sig_to_host(sig))
      sigaction(sys_sig_to_host(sig), NULL, &host_actions[sig]);
  host_actions_saved = true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  uint64_t v[6] = {0};
  if (!host_actions_saved)
    host_actions_save();
  if (size < 1)
    return 0;
  unsigned op = data[0];
  memcpy(v, data + 1, size - 1 < sizeof(v) ? size - 1 : sizeof(v));
  size_t rest = size > 49 ? size - 49 : 0;
  memset(scratch, 0, SCRATCH);
  memcpy(scratch, data + 49, rest < SCRATCH ? rest : SCRATCH);
  memset(&cpu, 0, sizeof(cpu));
  cpu.c.guest = &a64_guest;
  switch (op % 24) {
  case 0: op_epoll_ctl(v); break;
  case 1: op_epoll_pwait(v); break;
  case 2: op_ppoll(v); break;
  case 3: op_pselect6(v); break;
  case 4: op_rt_sigprocmask(v); break;
  case 5: op_sigaltstack(v); break;
  case 6: op_rt_sigaction(v); break;
  case 7: op_sigreturn(v); break;
  case 8: op_sigframe_round_trip(v, scratch + PAGE); break;
  case 9: op_signalfd4(v); break;
  case 10: op_timer_create(v); break;
  case 11: op_mq_notify(v); break;
  case 12: op_fcntl(v); break;
  case 13: op_ioctl(v); break;
  case 14: op_openat2(v); break;
  case 15: op_stat(v); break;
  case 16: op_semctl(v); break;
  case 17: op_wait(v); break;
  case 18: op_prctl(v); break;
  case 19: op_uname(v); break;
  case 20:
  case 21: op_strace(v); break;
  default: op_round_trips(v); break;
  }
  restore();
  return 0;
}
