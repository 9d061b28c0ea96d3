/* sys_safe_x86_64.S - a host system call that a guest signal cannot slip
 * past (the race qemu-user's safe_syscall closes):
 *
 *   long sys_safe_syscall(volatile uint32_t *pending, long nr, long a1, .. a6)
 *
 * A host signal handler that records a guest signal sets *pending (the
 * thread's exit_request). Checked here right before the syscall instruction,
 * a signal that came earlier is seen; one that comes between the check and
 * the instruction finds the interrupted pc in [start, end) and moves it to
 * the not-made exit (sys_safe_syscall_fixup), so the call is never entered
 * to block with the signal waiting. The result is the kernel's, or
 * -SYS_ERESTART (the kernel's own ERESTARTSYS, 512) when the call was not
 * made: for the guest the signal came before its svc, so the handler runs
 * and the svc is made afresh, whatever SA_RESTART says (a getpid or kill
 * never fails with EINTR).
 */
        .text
        .globl  sys_safe_syscall, sys_safe_syscall_start, sys_safe_syscall_end
        .globl  sys_safe_syscall_eintr
        .type   sys_safe_syscall, @function
sys_safe_syscall:
        pushq   %rbx
        movq    %rdi, %rbx              /* pending: kept across the syscall */
        movq    %rsi, %rax              /* nr */
        movq    %rdx, %rdi              /* a1 */
        movq    %rcx, %rsi              /* a2 */
        movq    %r8, %rdx               /* a3 */
        movq    %r9, %r10               /* a4 */
        movq    16(%rsp), %r8           /* a5 */
        movq    24(%rsp), %r9           /* a6 */
sys_safe_syscall_start:
        cmpl    $0, (%rbx)
        jnz     sys_safe_syscall_eintr
        syscall
sys_safe_syscall_end:
        popq    %rbx
        ret
sys_safe_syscall_eintr:
        movq    $-512, %rax             /* -SYS_ERESTART: not made */
        popq    %rbx
        ret
        .size   sys_safe_syscall, . - sys_safe_syscall

/* size_t sys_safe_copy(void *dst, const void *src, size_t n): copies n bytes
 * where either side may be a bad guest pointer, and returns how many were not
 * copied (0: all were). A fault inside the rep movsb reaches the host fault
 * handler with rip in [sys_safe_copy_start, sys_safe_copy_end), which moves
 * it to sys_safe_copy_fault (sys_safe_copy_fixup): rcx still counts the bytes
 * left, as a string instruction stops at the element that faulted. It does
 * what process_vm_readv/writev on ourselves did, without a system call. */
        .globl  sys_safe_copy, sys_safe_copy_start, sys_safe_copy_end, sys_safe_copy_fault
        .type   sys_safe_copy, @function
sys_safe_copy:
        movq    %rdx, %rcx              /* n */
sys_safe_copy_start:
        rep movsb                       /* copy rcx bytes from [rsi] to [rdi] */
sys_safe_copy_end:
        xorl    %eax, %eax              /* every byte copied */
        ret
sys_safe_copy_fault:
        movq    %rcx, %rax              /* the bytes not copied */
        ret
        .size   sys_safe_copy, . - sys_safe_copy
        .section .note.GNU-stack, "", @progbits
