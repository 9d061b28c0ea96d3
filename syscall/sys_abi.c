/* sys_abi.c - each guest's Linux ABI (struct guest_abi, the syscall layer's
 * half of its descriptor): its syscall table, expanded from
 * a64_syscalls.def (the asm-generic numbers, which arm64 and riscv64 share)
 * and the guest's own .def, its signal frame, and how its struct sigaction
 * and open flags differ. */
#define _GNU_SOURCE
#include <sys/syscall.h>
#include "sys_int.h"

#define _(nr, name, fn, host, ...) [nr] = {#name, fn, host, {__VA_ARGS__}},
static const struct sys_entry sys_a64_calls[SYS_TABLE_SIZE] = {
#include "a64_syscalls.def"
};

/* riscv64's own calls are numbers that arm64 leaves free. */
static const struct sys_entry sys_rv64_calls[SYS_TABLE_SIZE] = {
#include "a64_syscalls.def"
#include "rv64_syscalls.def"
};
#undef _

const struct guest_abi sys_a64_abi = {
    .calls = sys_a64_calls,
    .sigframe_push = sys_a64_sigframe_push,
    .sigframe_read = sys_a64_sigframe_read,
    .sigreturn_code = sys_a64_sigreturn,
    .sigreturn_bytes = sizeof(sys_a64_sigreturn),
    .sa_restorer = true,
    .at_minsigstksz = 5120, /* arm64's MINSIGSTKSZ, what its kernel reports */
    .minsigstksz = 5120,
};

const struct guest_abi sys_rv64_abi = {
    .calls = sys_rv64_calls,
    .sigframe_push = sys_rv64_sigframe_push,
    .sigframe_read = sys_rv64_sigframe_read,
    .sigreturn_code = sys_rv64_sigreturn,
    .sigreturn_bytes = sizeof(sys_rv64_sigreturn),
    .generic_oflags = true,
    .at_minsigstksz = 1088, /* the rt_sigframe of sys_sigframe_rv64.c, no V state */
    .minsigstksz = 2048,    /* arch/riscv/include/uapi/asm/signal.h */
};
