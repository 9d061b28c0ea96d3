/* sys_sigframe_rv64.c - the riscv64 Linux signal frame: pushing it when a
 * handler is entered, and rt_sigreturn's reading of it.
 *
 * Layout (arch/riscv/kernel/signal.c, uapi asm/sigcontext.h, asm/ucontext.h,
 * asm/ptrace.h):
 *
 *   sp at handler entry -> struct rt_sigframe { siginfo (128), ucontext }
 *                          ... the interrupted stack
 *
 * uc_mcontext is struct sigcontext: the user_regs_struct (pc, then x1..x31)
 * and union __riscv_fp_state, whose d member is f0..f31 and fcsr; the last
 * 8 bytes of the union are the header of the extension records (V, ...),
 * here the zero end record. The handler gets a0 = sig, a1 = &info, a2 =
 * &uc (always, SA_SIGINFO or not) and returns to ra, the kernel's vDSO
 * rt_sigreturn: riscv64 has no SA_RESTORER; xrun's vDSO page (sys_vdso),
 * mapped by the loader, starts with a two-instruction trampoline for it.
 * Registers are read and written through the guest's state layout (struct
 * guest). */
#define _GNU_SOURCE
#include <stddef.h>
#include <string.h>
#include "sys_int.h"

struct sys_rv64_sigcontext {
  uint64_t regs[32]; /* pc, x1..x31 */
  union {
    struct {
      uint64_t f[32];
      uint32_t fcsr;
    } d;
    _Alignas(16) uint8_t q[528]; /* the largest member, __riscv_q_ext_state */
  } fp;
};

struct sys_rv64_ucontext {
  uint64_t flags;
  uint64_t link;
  struct sys_stack stack;
  uint64_t sigmask;
  uint8_t unused[1024 / 8 - 8]; /* glibc's sigset_t is 1024 bits */
  struct sys_rv64_sigcontext mcontext;
};

struct sys_rv64_rt_sigframe {
  uint8_t info[128];
  struct sys_rv64_ucontext uc;
};

_Static_assert(offsetof(struct sys_rv64_ucontext, mcontext) == 176, "uc_mcontext");
_Static_assert(offsetof(struct sys_rv64_sigcontext, fp) == 256, "sc_fpregs");
_Static_assert(sizeof(struct sys_rv64_rt_sigframe) == 1088, "rt_sigframe size");

/* The vDSO's __vdso_rt_sigreturn, the return address of every handler:
 *   li a7, 139   // 0x08b00893 (addi a7, zero, 139)
 *   ecall        // 0x00000073 */
const uint32_t sys_rv64_sigreturn[2] = {0x08b00893, 0x00000073};

/* pc, x1-x31, f0-f31 and fcsr. */
static void sys_rv64_save(struct sys_rv64_sigcontext *mc, struct cpu *c) {
  const struct guest *g = c->guest;
  memcpy(mc->regs, sys_state(c, g->x_off), sizeof(mc->regs));
  mc->regs[0] = c->pc;
  memcpy(mc->fp.d.f, sys_fp_regs(c, sizeof(mc->fp.d.f)), sizeof(mc->fp.d.f));
  mc->fp.d.fcsr = g->fp_status(c);
}

int sys_rv64_sigframe_push(struct cpu *c, int sig, const struct sys_sigaction *act,
                           const void *info, uint64_t old_mask) {
  const struct guest *g = c->guest;
  uint64_t *x = sys_state(c, g->x_off), *sp_reg = sys_reg(c, g->sp_off);
  struct sys_rv64_rt_sigframe f;
  uint64_t sp = sys_sigframe_stack(*sp_reg, act->flags);
  uint64_t frame_at = (sp - sizeof(f)) & ~15ull;
  memset(&f, 0, sizeof(f));
  memcpy(f.info, info, sizeof(f.info));
  f.uc.stack = sys_altstack;
  f.uc.stack.flags = sys_altstack_flags(*sp_reg) | (sys_altstack.flags & SYS_SS_AUTODISARM);
  f.uc.sigmask = old_mask;
  sys_rv64_save(&f.uc.mcontext, c);
  if (sys_copy_out(frame_at, &f, sizeof(f)))
    return -EFAULT;
  if (sp != *sp_reg && (sys_altstack.flags & SYS_SS_AUTODISARM))
    sys_altstack = (struct sys_stack){.flags = SS_DISABLE};
  x[10] = (uint64_t)sig;
  x[11] = frame_at + offsetof(struct sys_rv64_rt_sigframe, info);
  x[12] = frame_at + offsetof(struct sys_rv64_rt_sigframe, uc);
  x[1] = sys_vdso;
  *sp_reg = frame_at;
  *sys_reg(c, g->monitor_off) = ~0ull; /* a trap clears the reservation */
  c->pc = act->handler;
  return 0;
}

/* The extension records after the FP state: only the end record (zero
 * magic and size) is accepted, as xrun advertises no V. */
static bool sys_rv64_ext_ok(const struct sys_rv64_sigcontext *mc) {
  uint64_t end;
  memcpy(&end, mc->fp.q + sizeof(mc->fp.q) - 8, 8);
  return end == 0;
}

int sys_rv64_sigframe_read(struct cpu *c, uint64_t *mask, struct sys_stack *stack) {
  const struct guest *g = c->guest;
  struct sys_rv64_rt_sigframe f;
  uint64_t sp = *sys_reg(c, g->sp_off);
  if ((sp & 15) || sys_copy_in(&f, sp, sizeof(f)) || !sys_rv64_ext_ok(&f.uc.mcontext))
    return -EFAULT;
  const struct sys_rv64_sigcontext *mc = &f.uc.mcontext;
  c->pc = mc->regs[0];
  memcpy((uint64_t *)sys_state(c, g->x_off) + 1, &mc->regs[1], 31 * sizeof(uint64_t));
  memcpy(sys_fp_regs(c, sizeof(mc->fp.d.f)), mc->fp.d.f, sizeof(mc->fp.d.f));
  g->set_fp_status(c, mc->fp.d.fcsr);
  *sys_reg(c, g->monitor_off) = ~0ull;
  *mask = f.uc.sigmask;
  *stack = f.uc.stack;
  return 0;
}
