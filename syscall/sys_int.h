/* sys_int.h - what the syscall layer's files share; not part of its interface. */
#ifndef SYS_INT_H
#define SYS_INT_H

#include <assert.h>
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include "syscall.h"
#include "../tcache/tcache.h"

/* One call in flight: the guest's arguments, and the host number for sys_pass. */
struct sys_call {
  struct cpu *cpu;
  uint64_t nr;
  long host_nr;
  uint64_t a[6];
};

/* A handler returns the result or a guest -errno. */
typedef int64_t sys_handler(const struct sys_call *s);

/* How -strace shows a value. The first kind of a row is the result's. */
enum sys_kind {
  SK_END = 0, /* no more arguments */
  SK_DEC,     /* signed decimal */
  SK_UDEC,    /* unsigned decimal */
  SK_HEX,     /* 0x... */
  SK_PTR,     /* 0x..., or NULL */
  SK_FD,      /* decimal, AT_FDCWD for -100 */
  SK_STR,     /* a guest string, quoted */
  SK_OCT,     /* 0644 */
  SK_OFLAGS,  /* O_RDONLY|O_CLOEXEC (guest values) */
  SK_CMODE,   /* a creation mode: shown only when the argument before has O_CREAT/O_TMPFILE */
  SK_NORET,   /* result kind of calls that do not return: logged before the call */
  SK_EXEC,    /* result kind of execve: logged before the call (a success does
                 not return), and again with its error after a failure */
};

enum { SYS_MAX_KINDS = 7 };

struct sys_entry {
  const char *name;
  sys_handler *fn;
  long host_nr;
  uint8_t kinds[SYS_MAX_KINDS];
};

#define NOHOST       (-1L)
#define SYS_VA_LIMIT (1ull << 47) /* user addresses on the host stop here */

/* The guest state at offset off (struct guest's *_off), and the 8-byte
 * register there. */
static inline void *sys_state(struct cpu *c, uint32_t off) {
  return (char *)c + off;
}
static inline uint64_t *sys_reg(struct cpu *c, uint32_t off) {
  return (uint64_t *)sys_state(c, off);
}
/* The guest's 32 FP/vector registers, which a signal frame holds in bytes
 * bytes: the frame's registers are as wide as the guest's. */
static inline void *sys_fp_regs(struct cpu *c, size_t bytes) {
  assert(bytes == 32 * c->guest->fp_size);
  return sys_state(c, c->guest->fp_off);
}
/* The guest of this process (set by sys_syscall before any handler runs). */
extern const struct guest *sys_guest;

/* The guests' syscall tables have this many rows (struct guest_abi.calls,
 * sys_abi.c). */
enum { SYS_TABLE_SIZE = 512 };
/* g's row for number nr; NULL when the number is unknown. */
const struct sys_entry *sys_lookup(const struct guest *g, uint64_t nr);
/* An operation of a call that xrun refuses because it has not been checked
 * or cannot be done (what: "ioctl", "prctl option", ...; op: its number):
 * returns err, and -d unimpl names it. */
int64_t sys_refuse(const char *what, uint64_t op, int64_t err);

static inline int64_t sys_ret(long r) {
  return r < 0 ? -(int64_t)errno : r;
}

/* Guest memory through the kernel, so a bad guest pointer is -EFAULT, not a
 * crash of xrun. Both return 0 or -EFAULT. */
/* getpid(), asked of the kernel once per process (sys_mem.c). */
pid_t sys_self(void);
int sys_copy_in(void *dst, uint64_t guest_src, size_t n);
int sys_copy_out(uint64_t guest_dst, const void *src, size_t n);
/* A guest string into buf (always terminated); returns its length or -EFAULT. */
long sys_copy_str(char *buf, size_t size, uint64_t guest_src);

/* Open flags, AArch64 <-> host. */
int sys_oflags_to_host(uint64_t guest);
uint64_t sys_oflags_to_guest(int host);
/* Writes the guest open flags as O_RDONLY|O_CLOEXEC...; returns chars written. */
int sys_oflags_str(char *buf, size_t size, uint64_t guest);

/* The host path for a guest path argument: /proc/self/exe is the guest program,
 * and an absolute path that exists in the guest sysroot is taken from there.
 * buf is PATH_MAX bytes. Returns the path to use, NULL with -EFAULT in *err. */
const char *sys_path(uint64_t guest_path, char *buf, int *err);
/* A host system call that a signal recorded for this thread (*pending set)
 * cannot slip past into a blocking wait: the result, or -SYS_ERESTART when
 * it was not made (sys_safe_x86_64.S), which the guest never sees: its svc
 * runs again after the handler. sys_safe_syscall_fixup, from a host signal
 * handler, moves an interrupted pc inside the window to that exit. */
enum { SYS_ERESTART = 512 };
long sys_safe_syscall(volatile uint32_t *pending, long nr, long a1, long a2, long a3, long a4,
                      long a5, long a6);
void sys_safe_syscall_fixup(void *ucontext);
/* A copy that a bad guest pointer cannot crash: the bytes not copied
 * (sys_safe_x86_64.S; sys_safe_copy_fixup in syscall.h). */
size_t sys_safe_copy(void *dst, const void *src, size_t n);
/* The same for a call that follows a final symbolic link (sys_path.c). */
const char *sys_path_follow(uint64_t guest_path, char *buf, int *err);
/* vfork (sys_vfork.c): the page the parent and its child talk through,
 * mapped before the fork (NULL if it cannot be); after it, in the child,
 * sys_vfork_end keeps it, and in the parent (pid > 0) waits until the child
 * has run another program or ended, copying the guest stack from sp up back
 * from a child that ended. The child says when an exec starts and fails,
 * and when it ends. */
struct sys_vfork_chan;
struct sys_vfork_chan *sys_vfork_begin(void);
void sys_vfork_end(struct sys_vfork_chan *ch, pid_t pid, uint64_t sp);
void sys_vfork_exec_begin(void);
void sys_vfork_exec_failed(void);
void sys_vfork_exit(void);
void sys_vfork_exec_done(void);
/* An exec of the guest program at path in this process (sys_exec_here.c):
 * 0 when it is set to run (c ends), -errno when it cannot be, 1 when
 * another xrun must run it. */
int sys_exec_here(struct cpu *c, const char *path, char *const *argv, char *const *envp);
/* The same for one that does not (lstat, O_NOFOLLOW, AT_SYMLINK_NOFOLLOW):
 * /proc/self/exe stays the link it is. */
const char *sys_path_nofollow(uint64_t guest_path, char *buf, int *err);
/* A /proc file generated for the guest (e.g. /proc/cpuinfo): its fd, or
 * -ENOENT when path is not one of them. */
/* fd, just opened for the guest: if it is a /proc file that xrun shows in
 * the guest's view (cpuinfo; the process's maps, cmdline, auxv), fd is
 * closed and the generated file's fd returned instead. */
int64_t sys_proc_view(const struct cpu *c, int64_t fd);
/* What this process's /proc files show beyond the host's maps, published
 * for another process that runs this same xrun (sys_peer.c): where the
 * guest's arguments, stack, break and vDSO are, and its auxv. seq is odd
 * while a field changes (sys_pub_set). */
struct sys_pub {
  unsigned seq;
  uint64_t arg_start, arg_end, env_start, env_end, stack_at, brk_lo, brk_hi, vdso;
  uint64_t auxv_bytes, auxv[128];
};
extern struct sys_pub sys_pub;
/* Call around changes to sys_pub's fields; or sys_pub_set for one. */
void sys_pub_begin(void);
void sys_pub_end(void);
void sys_pub_set(uint64_t *field, uint64_t value);
/* The process whose /proc files the guest reads: this one (pid 0), or
 * another running this same xrun (pid in procfs's numbering), its memory
 * open and the offset of its image of xrun from ours; what it published,
 * and its table of xrun's own memory. */
struct sys_proc {
  int pid, mem;
  int64_t delta;
  char dir[32]; /* its host procfs directory, "/proc/PID/" */
  struct sys_pub pub;
  struct tc_own_view own;
};
/* Reads the view of process pid (0: this one); false if it cannot: pid
 * runs another program, cannot be read, or changed all the while. Either
 * way sys_proc_free frees it. */
bool sys_proc_load(struct sys_proc *p, int pid);
void sys_proc_free(struct sys_proc *p);
/* Copies [at, at+len) of p's guest memory into dst; false if it cannot. */
bool sys_proc_read_guest(const struct sys_proc *p, void *dst, uint64_t at, size_t len);
/* A process's guest view of its smaps (sys_proc_files.c) and its rollup (sys_rollup.c). */
void sys_smaps(FILE *f, const struct sys_proc *p);
void sys_smaps_rollup(FILE *f, const struct sys_proc *p);
/* The files xrun was loaded from (its executable, the host's dynamic loader
 * and libraries), as real paths: the i-th, or NULL past the last. */
const char *sys_own_file_at(int i);
/* The name under a process's procfs directory that a canonical procfs path
 * has ("maps" for /proc/PID/maps or /proc/PID/task/TID/maps), and in *pid
 * that PID; path itself if it names no such file. sys_proc_own_name is the
 * same for PID this process only. And the device of procfs. */
const char *sys_proc_name(const char *path, int *pid);
const char *sys_proc_own_name(const char *path);
uint64_t sys_procfs_dev(void);
/* path (canonical) was just opened: note it if it is this process's mem. */
void sys_procmem_note(const char *path);

/* This thread's PR_SET_TAGGED_ADDR_CTRL value (a new thread inherits it). */
extern __thread uint64_t sys_tagged_addr_ctrl;

/* The guest program's absolute path; sys_exe_path_set names a new program
 * (an exec in place). */
const char *sys_exe_path(void);
void sys_exe_path_set(const char *path);

void sys_strace_call(char *line, size_t size, const struct sys_entry *e, const struct sys_call *s);
void sys_strace_ret(char *line, size_t size, const struct sys_entry *e, int64_t ret);

/* Signals, shared by sys_signal.c (state and calls), sys_sigframe*.c (the
 * rt_sigframes) and sys_sigdeliver.c (delivery). Numbers are the guest's
 * (sys_sig_to_host for the host's, which differ for 32, 33, 63 and 64);
 * sa_flags values are asm-generic, the same on arm64, riscv64 and x86-64;
 * masks are 64-bit, bit sig - 1. */
enum {
  SYS_NSIG = 64,
  SYS_SIGRT_FIRST = 32, /* the kernel's SIGRTMIN: from here on, signals queue */
  SYS_SA_NOCLDSTOP = 0x00000001,
  SYS_SA_NOCLDWAIT = 0x00000002,
  SYS_SA_SIGINFO = 0x00000004,
  SYS_SA_RESTORER = 0x04000000,
  SYS_SA_ONSTACK = 0x08000000,
  SYS_SA_RESTART = 0x10000000,
  SYS_SA_NODEFER = 0x40000000,
};
#define SYS_SA_RESETHAND 0x80000000u
#define SYS_SIG_DFL      0ull
#define SYS_SIG_IGN      1ull
#define SYS_SIGBIT(sig)  (1ull << ((sig)-1))
/* Guest real-time signals recorded pending, whose host signals this thread
 * keeps blocked so that the host queues the later ones (sys_signal_pend.c). */
extern __thread uint64_t sys_rt_held;
#define SYS_SS_AUTODISARM (1 << 31) /* include/uapi/linux/signal.h */

/* struct sigaction as the kernel takes it, with sa_restorer (arm64's; riscv64's
 * has none, and is converted: sys_signal.c). */
struct sys_sigaction {
  uint64_t handler;
  uint64_t flags;
  uint64_t restorer;
  uint64_t mask;
};

/* stack_t (asm-generic) */
struct sys_stack {
  uint64_t sp;
  int32_t flags;
  int32_t pad;
  uint64_t size;
};

/* The guest thread running on this host thread (set on every syscall and
 * delivery), for host signal handlers. */
extern __thread struct cpu *sys_sigcpu;
/* This thread's guest signal mask and alternate stack. */
extern __thread uint64_t sys_sigmask;
extern __thread struct sys_stack sys_altstack;

/* Guest <-> host signal numbers (sys_signum.c); 0 when there is none. */
int sys_sig_to_host(int sig);
int sys_sig_to_guest(int sig);

struct sys_sigaction sys_sigaction_get(int sig);
/* SA_RESETHAND: the action goes back to SIG_DFL, on the host too. */
void sys_sigaction_reset(int sig);
/* clone3's CLONE_CLEAR_SIGHAND, in the child: every handled signal goes
 * back to SIG_DFL, ignored ones stay ignored, and no action keeps flags. */
void sys_sigaction_clear_handlers(void);
/* Set the guest mask (SIGKILL/SIGSTOP dropped) and mirror it on the host. */
void sys_sigmask_set(uint64_t mask);
/* Signals pending for this thread and not blocked by mask: the lowest one's
 * number, or 0. sys_sigpending_take also removes it and fills info (128 bytes). */
int sys_sigpending_next(uint64_t mask);
int sys_sigpending_take(uint64_t mask, void *info);
/* Every signal recorded as pending for this thread. */
uint64_t sys_sigpending_bits(void);
/* Record sig as pending for this thread (from a host handler) and make the
 * guest thread leave translated code. */
void sys_sigpending_record(int sig, const siginfo_t *si);
/* Block every asynchronous signal on the host (while pending state changes). */
void sys_sighost_block(void);
/* The host set that mirrors a guest mask (only signals the host may block). */
void sys_sighost_set(uint64_t mask, sigset_t *set);
/* rt_sigsuspend's mask to restore after delivery: true and *old if one is saved. */
bool sys_sigmask_saved_take(uint64_t *old);
/* ppoll, pselect6 and epoll_pwait's temporary mask, as rt_sigsuspend's: the
 * guest set becomes the mask (its host set in *host, to hand to the host
 * call), the old one is saved. Returns 0, -EINTR when a signal it unblocks
 * is already pending (the call must not wait), or -errno. sys_sigmask_wait_end
 * takes the call's result: unless the call was interrupted, the old mask is
 * back at once; after -EINTR it is restored once the handler is entered, as
 * the kernel does. Returns ret. */
int sys_sigmask_wait_begin(uint64_t guest_set, uint64_t size, sigset_t *host);
int64_t sys_sigmask_wait_end(int64_t ret);
/* Once per process, at the first syscall: the guest's initial mask and
 * ignored signals come from the host's (execve keeps both). */
void sys_signal_init(void);
/* System V IPC's table of attachments: its lock joins those a fork takes. */
void sys_ipc_init(void);
/* What an exec does to the signal state (sys_exec_here.c). */
void sys_signal_exec(void);
/* An exec's empty robust futex list (sys_proc.c). */
void sys_robust_forget(void);
/* Whether this process made a POSIX timer (sys_signum.c); a forked child
 * has none. */
bool sys_timers_exist(void);
/* SS_ONSTACK when sp is on the alternate stack, SS_DISABLE when there is none, else 0. */
int sys_altstack_flags(uint64_t sp);
/* sigaltstack's setting half for c (at its sp), with the checks the kernel
 * makes; -errno or 0. */
int sys_altstack_set(struct cpu *c, const struct sys_stack *ss);

/* Each guest's rt_sigframe (struct guest_abi's sigframe_push and
 * sigframe_read): arm64's (sys_sigframe_a64.c), riscv64's (sys_sigframe_rv64.c). */
int sys_a64_sigframe_push(struct cpu *c, int sig, const struct sys_sigaction *act, const void *info,
                          uint64_t old_mask);
int sys_a64_sigframe_read(struct cpu *c, uint64_t *mask, struct sys_stack *stack);
int sys_rv64_sigframe_push(struct cpu *c, int sig, const struct sys_sigaction *act,
                           const void *info, uint64_t old_mask);
int sys_rv64_sigframe_read(struct cpu *c, uint64_t *mask, struct sys_stack *stack);
/* Each guest's rt_sigreturn trampoline, the code of its vDSO page. */
extern const uint32_t sys_a64_sigreturn[2], sys_rv64_sigreturn[2];
/* Where the guest's vDSO page is now (sys_set_vdso, moved by mremap), and
 * so its rt_sigreturn trampoline; 0 if there is none (sys_sigframe.c). */
extern uint64_t sys_vdso;
/* mremap moved [old, old+len) to new: the vDSO goes along if it was there. */
void sys_vdso_moved(uint64_t old, uint64_t len, uint64_t new);
/* Where a frame goes: the alternate stack's top when the action asks for it
 * and sp is not on it already, else sp. */
uint64_t sys_sigframe_stack(uint64_t sp, uint64_t flags);
/* si_addr of a fault's 128-byte siginfo, else 0 (for sigcontext). */
uint64_t sys_fault_address(int sig, const void *info);
/* End the process with sig as its default action does (--stats and
 * --perfmap write their reports first). */
_Noreturn void sys_signal_die(int sig);
/* Deliver at most one pending signal; returns true if one was taken. */
bool sys_signal_deliver_one(struct cpu *c);
/* After a syscall returned -EINTR: restart it (pc back at the svc, x0 as it
 * was) unless the signal about to be delivered has a handler without
 * SA_RESTART, or the call is one the kernel never restarts. After
 * -SYS_ERESTART (the call was not made): restart it always. */
void sys_signal_restart(struct cpu *c, uint64_t nr, uint64_t orig_x0, int64_t ret);
/* Syscall exit: deliver what became deliverable, as the kernel does on the way out. */
void sys_signal_check(struct cpu *c);

/* Every handler named in a64_syscalls.def. */
#define _(nr, name, fn, host, ...) sys_handler fn;
#include "a64_syscalls.def"
#undef _
#define _(nr, name, fn, host, ...) sys_handler fn;
#include "rv64_syscalls.def"
#undef _

#endif
