/* syscall.h - the guest's system calls, converted to the host's: numbers,
 * argument registers, struct layouts, flag values and errno.
 *
 *   sys_set_brk(img.brk_start);   // once, after ld_load
 *   ...
 *   a64_syscall(cpu);             // on CPU_EXIT_SYSCALL: x8 = number, x0-x5 =
 *                                 // arguments; x0 = result or -errno
 *
 * The supported calls are listed once, in a64_syscalls.def; -strace (LOG_STRACE)
 * logs each one as "<pid> name(args) = result", in qemu-user's style. An
 * unknown number returns -ENOSYS.
 */
#ifndef SYSCALL_H
#define SYSCALL_H

#include <stdint.h>
#include "../xrun.h"

struct cpu;

/* Perform the AArch64 Linux system call that c's registers describe. */
void a64_syscall(struct cpu *c);

/* Signals (struct guest hooks, see xrun.h): a synchronous signal at c->pc,
 * and the asynchronous ones pending for c. */
void sys_signal_sync(struct cpu *c, int sig, int code, uint64_t addr);
void sys_signal_deliver(struct cpu *c);

/* Where the program break starts: the page-aligned end of the program. */
void sys_set_brk(uint64_t start);

#endif
