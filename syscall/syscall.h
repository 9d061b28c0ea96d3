/* syscall.h - the guest's system calls, converted to the host's: numbers,
 * argument registers, struct layouts, flag values and errno.
 *
 *   sys_set_brk(img.brk_start);   // once, after ld_load
 *   ...
 *   sys_syscall(cpu);             // on CPU_EXIT_SYSCALL: x8 = number, x0-x5 =
 *                                 // arguments; x0 = result or -errno (arm64;
 *                                 // riscv64: a7, a0-a5, a0)
 *
 * Each guest's Linux ABI (its calls, signal frame, sigaction) is a struct
 * guest_abi (xrun.h) defined in sys_abi.c. The supported calls are listed
 * once, in a64_syscalls.def (and rv64_syscalls.def); -strace (LOG_STRACE)
 * logs each one as "<pid> name(args) = result", in qemu-user's style. An
 * unknown number returns -ENOSYS.
 */
#ifndef SYSCALL_H
#define SYSCALL_H

#include <stdbool.h>
#include <stdint.h>
#include "../xrun.h"

struct cpu;

/* Perform the Linux system call that c's registers describe, in the ABI of
 * c->guest (its sys_nr_off and sys_arg_off, and abi). */
void sys_syscall(struct cpu *c);

/* Signals, for the run loop: a synchronous guest signal at c->pc (fault,
 * trap, undefined instruction; code and addr are siginfo's si_code and
 * si_addr), which sets up the guest's handler frame so that the run loop
 * resumes in the handler, or takes the default action (which may end the
 * process); and the asynchronous ones pending for c, delivered between
 * blocks after c->exit_request was seen. */
void sys_signal_sync(struct cpu *c, int sig, int code, uint64_t addr);
/* For a host fault handler: a fault inside the copy of a system call's guest
 * memory (a bad guest pointer) moves on to the copy's -EFAULT; true when it
 * was one. xrun's handler for SIGSEGV and SIGBUS asks it first. */
bool sys_safe_copy_fixup(void *ucontext);
void sys_signal_deliver(struct cpu *c);
/* For clone: the calling thread's guest signal mask, read in the parent, and
 * the start of a new guest thread on its own host thread (inherits that mask,
 * no alternate stack, nothing pending), before its first block runs. */
uint64_t sys_signal_mask(void);
void sys_signal_thread_start(struct cpu *c, uint64_t parent_mask);

/* Where the program break starts: the page-aligned end of the program. */
void sys_set_brk(uint64_t start);
/* What /proc/self/cmdline, environ and auxv show: the guest's argument
 * and environment strings and its auxiliary vector, as loaded. */
struct ld_image;
void sys_set_proc_view(const struct ld_image *img);
/* Where the loader mapped the guest's vDSO page (img.vdso): a handler with
 * no restorer returns to the rt_sigreturn trampoline at its start, and
 * /proc/self/maps names it [vdso]. */
void sys_set_vdso(uint64_t at);

/* An execve of a guest program that this process runs itself
 * (sys_exec_here.c), taken by main after tc_run returned: the program's
 * host path, argv and envp (NULL ended). NULL when the guest ended. */
struct sys_exec {
  const char *path;
  int argc;
  char **argv, **envp;
  char *maps; /* for tc_new_image, then free */
};
struct sys_exec *sys_exec_take(void);

#endif
