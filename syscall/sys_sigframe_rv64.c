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
 * rt_sigreturn: riscv64 has no SA_RESTORER, so xrun maps a two-instruction
 * trampoline standing for it. */
#define _GNU_SOURCE
#include <stddef.h>
#include <string.h>
#include "sys_int.h"
#include "../decode/riscv64/rv64_cpu.h"

struct rv64_sigcontext {
  uint64_t regs[32]; /* pc, x1..x31 */
  union {
    struct {
      uint64_t f[32];
      uint32_t fcsr;
    } d;
    _Alignas(16) uint8_t q[528]; /* the largest member, __riscv_q_ext_state */
  } fp;
};

struct rv64_ucontext {
  uint64_t flags;
  uint64_t link;
  struct sys_stack stack;
  uint64_t sigmask;
  uint8_t unused[1024 / 8 - 8]; /* glibc's sigset_t is 1024 bits */
  struct rv64_sigcontext mcontext;
};

struct rv64_rt_sigframe {
  uint8_t info[128];
  struct rv64_ucontext uc;
};

_Static_assert(offsetof(struct rv64_ucontext, mcontext) == 176, "uc_mcontext");
_Static_assert(offsetof(struct rv64_sigcontext, fp) == 256, "sc_fpregs");
_Static_assert(sizeof(struct rv64_rt_sigframe) == 1088, "rt_sigframe size");

/* The return address of every handler:
 *   li a7, 139   // 0x08b00893 (addi a7, zero, 139)
 *   ecall        // 0x00000073 */
static uint64_t rv64_sigtramp(void) {
  static uint64_t tramp;
  static const uint32_t code[2] = {0x08b00893, 0x00000073};
  return sys_code_page(&tramp, code, sizeof(code));
}

static void rv64_sigframe_save(struct rv64_sigcontext *mc, struct rv64_cpu *r) {
  memcpy(mc->regs, r->x, sizeof(mc->regs));
  mc->regs[0] = r->c.pc;
  memcpy(mc->fp.d.f, r->f, sizeof(mc->fp.d.f));
  mc->fp.d.fcsr = (uint32_t)rv64_fcsr_merge(r);
}

int rv64_sigframe_push(struct cpu *c, int sig, const struct sys_sigaction *act, const void *info,
                       uint64_t old_mask) {
  struct rv64_cpu *r = (struct rv64_cpu *)c;
  struct rv64_rt_sigframe f;
  uint64_t sp = sys_sigframe_stack(r->x[2], act->flags);
  uint64_t frame_at = (sp - sizeof(f)) & ~15ull;
  memset(&f, 0, sizeof(f));
  memcpy(f.info, info, sizeof(f.info));
  f.uc.stack = sys_altstack;
  f.uc.stack.flags = sys_altstack_flags(r->x[2]) | (sys_altstack.flags & SYS_SS_AUTODISARM);
  f.uc.sigmask = old_mask;
  rv64_sigframe_save(&f.uc.mcontext, r);
  if (sys_copy_out(frame_at, &f, sizeof(f)))
    return -EFAULT;
  if (sp != r->x[2] && (sys_altstack.flags & SYS_SS_AUTODISARM))
    sys_altstack = (struct sys_stack){.flags = SS_DISABLE};
  r->x[10] = (uint64_t)sig;
  r->x[11] = frame_at + offsetof(struct rv64_rt_sigframe, info);
  r->x[12] = frame_at + offsetof(struct rv64_rt_sigframe, uc);
  r->x[1] = rv64_sigtramp();
  r->x[2] = frame_at;
  r->res_addr = ~0ull; /* a trap clears the reservation */
  c->pc = act->handler;
  return 0;
}

/* The extension records after the FP state: only the end record (zero
 * magic and size) is accepted, as xrun advertises no V. */
static bool rv64_sigframe_ext_ok(const struct rv64_sigcontext *mc) {
  uint64_t end;
  memcpy(&end, mc->fp.q + sizeof(mc->fp.q) - 8, 8);
  return end == 0;
}

int rv64_sigframe_read(struct cpu *c, uint64_t *mask, struct sys_stack *stack) {
  struct rv64_cpu *r = (struct rv64_cpu *)c;
  struct rv64_rt_sigframe f;
  uint64_t sp = r->x[2];
  if ((sp & 15) || sys_copy_in(&f, sp, sizeof(f)) || !rv64_sigframe_ext_ok(&f.uc.mcontext))
    return -EFAULT;
  const struct rv64_sigcontext *mc = &f.uc.mcontext;
  c->pc = mc->regs[0];
  memcpy(&r->x[1], &mc->regs[1], 31 * sizeof(uint64_t));
  memcpy(r->f, mc->fp.d.f, sizeof(r->f));
  r->fcsr = mc->fp.d.fcsr & RV64_FCSR_MASK;
  c->fp_pending = 0;
  r->res_addr = ~0ull;
  *mask = f.uc.sigmask;
  *stack = f.uc.stack;
  return 0;
}
