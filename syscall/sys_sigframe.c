/* sys_sigframe.c - what the guests' signal frames share (each guest's frame
 * is struct guest_abi's sigframe_push and sigframe_read: sys_sigframe_a64.c,
 * sys_sigframe_rv64.c): where a frame goes, where the vDSO's signal-return
 * trampoline is, and rt_sigreturn. */
#define _GNU_SOURCE
#include <string.h>
#include "sys_int.h"

uint64_t sys_vdso;

void sys_set_vdso(uint64_t at) {
  sys_vdso = at;
  sys_pub_set(&sys_pub.vdso, at); /* where the maps show [vdso] */
}

/* As arm64's vdso_mremap (and riscv64's): the kernel follows its vDSO when
 * the program moves it, and signal handlers return to the new place. An
 * unmapped vDSO is not forgotten: a handler then returns to where it was,
 * and faults there (SIGSEGV), or runs what the program mapped there, as
 * on Linux. */
void sys_vdso_moved(uint64_t old, uint64_t len, uint64_t new) {
  if (sys_vdso && sys_vdso >= old && sys_vdso - old < len)
    sys_set_vdso(new + (sys_vdso - old));
}

/* The kernel's sigsp(): the top of the alternate stack when the action asks
 * for it and the thread is not on it already. */
uint64_t sys_sigframe_stack(uint64_t sp, uint64_t flags) {
  if ((flags & SYS_SA_ONSTACK) && sys_altstack_flags(sp) == 0)
    return sys_altstack.sp + sys_altstack.size;
  return sp;
}

uint64_t sys_fault_address(int sig, const void *info) {
  int32_t code;
  uint64_t addr;
  memcpy(&code, (const uint8_t *)info + 8, 4);
  memcpy(&addr, (const uint8_t *)info + 16, 8);
  return (sig == SIGSEGV || sig == SIGBUS) && code > 0 ? addr : 0;
}

/* The frame's registers, then its mask and alternate stack. Returns the
 * restored x0 (a0); sys_syscall leaves it alone after this call. A bad frame
 * is a SIGSEGV, as on Linux. */
int64_t sys_rt_sigreturn(const struct sys_call *s) {
  struct cpu *c = s->cpu;
  uint64_t mask;
  struct sys_stack stack;
  if (c->guest->abi->sigframe_read(c, &mask, &stack)) {
    sys_signal_sync(c, SIGSEGV, SI_KERNEL, 0);
    return (int64_t)*sys_reg(c, c->guest->sys_arg_off);
  }
  sys_sigmask_set(mask);
  sys_altstack_set(c, &stack); /* errors other than EFAULT are ignored, as in Linux */
  return (int64_t)*sys_reg(c, c->guest->sys_arg_off);
}
