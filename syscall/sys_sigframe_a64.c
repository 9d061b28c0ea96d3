/* sys_sigframe_a64.c - the AArch64 Linux signal frame: pushing it when a
 * handler is entered, and rt_sigreturn's reading of it, which restores
 * every register. Registers are read and written through the guest's state
 * layout (struct guest).
 *
 * Layout (arch/arm64/kernel/signal.c, uapi asm/sigcontext.h, asm/ucontext.h):
 *
 *   sp at handler entry -> struct rt_sigframe { siginfo (128), ucontext }
 *                          struct frame_record { fp, lr }   (x29 points here)
 *                          ... the interrupted stack
 *
 * ucontext.uc_mcontext.__reserved holds an fpsimd_context record and then a
 * null record. The handler returns to sa_restorer, or to the kernel's vDSO
 * sigreturn: the two-instruction trampoline at the start of the vDSO page
 * the loader maps (sys_vdso). */
#define _GNU_SOURCE
#include <stddef.h>
#include <string.h>
#include "sys_int.h"

enum {
  SYS_A64_FPSIMD_MAGIC = 0x46508001,
  SYS_A64_ESR_MAGIC = 0x45535201,
  SYS_A64_RESERVED = 4096,
};

struct sys_a64_sigcontext {
  uint64_t fault_address;
  uint64_t regs[31];
  uint64_t sp;
  uint64_t pc;
  uint64_t pstate; /* NZCV in bits 31:28 */
  _Alignas(16) uint8_t reserved[SYS_A64_RESERVED];
};

struct sys_a64_ucontext {
  uint64_t flags;
  uint64_t link;
  struct sys_stack stack;
  uint64_t sigmask;
  uint8_t unused[1024 / 8 - 8]; /* glibc's sigset_t is 1024 bits */
  struct sys_a64_sigcontext mcontext;
};

struct sys_a64_rt_sigframe {
  uint8_t info[128];
  struct sys_a64_ucontext uc;
};

struct sys_a64_ctx_head {
  uint32_t magic;
  uint32_t size;
};

struct sys_a64_fpsimd_context {
  struct sys_a64_ctx_head head;
  uint32_t fpsr;
  uint32_t fpcr;
  _Alignas(16) uint64_t vregs[32][2];
};

_Static_assert(offsetof(struct sys_a64_rt_sigframe, uc) == 128, "rt_sigframe.uc");
_Static_assert(offsetof(struct sys_a64_ucontext, mcontext) == 176, "uc_mcontext");
_Static_assert(offsetof(struct sys_a64_sigcontext, reserved) == 288, "__reserved");
_Static_assert(sizeof(struct sys_a64_rt_sigframe) == 4688, "rt_sigframe size");
_Static_assert(sizeof(struct sys_a64_fpsimd_context) == 528, "fpsimd_context size");

/* The vDSO's __kernel_rt_sigreturn, the return address when the guest gave
 * no SA_RESTORER (glibc gives none on arm64):
 *   mov x8, #139   // 0xd2801168
 *   svc #0         // 0xd4000001 */
const uint32_t sys_a64_sigreturn[2] = {0xd2801168, 0xd4000001};

/* pc, x0-x30, sp, NZCV, and the fpsimd_context record: FPSR, FPCR, V0-V31. */
static void sys_a64_save(struct sys_a64_sigcontext *mc, struct cpu *c, uint64_t fault) {
  const struct guest *g = c->guest;
  struct sys_a64_fpsimd_context fp = {.head = {SYS_A64_FPSIMD_MAGIC, sizeof(fp)},
                                      .fpsr = g->fp_status(c)};
  memcpy(&fp.fpcr, sys_state(c, g->fpcr_off), sizeof(fp.fpcr));
  memcpy(fp.vregs, sys_fp_regs(c, sizeof(fp.vregs)), sizeof(fp.vregs));
  mc->fault_address = fault;
  memcpy(mc->regs, sys_state(c, g->x_off), sizeof(mc->regs));
  mc->sp = *sys_reg(c, g->sp_off);
  mc->pc = c->pc;
  mc->pstate = g->flags(c);
  memcpy(mc->reserved, &fp, sizeof(fp)); /* the null record after it is already zero */
}

int sys_a64_sigframe_push(struct cpu *c, int sig, const struct sys_sigaction *act, const void *info,
                          uint64_t old_mask) {
  const struct guest *g = c->guest;
  uint64_t *x = sys_state(c, g->x_off), *sp_reg = sys_reg(c, g->sp_off);
  struct sys_a64_rt_sigframe f;
  uint64_t sp = sys_sigframe_stack(*sp_reg, act->flags);
  uint64_t record_at = (sp - 16) & ~15ull;
  uint64_t frame_at = record_at - sizeof(f);
  uint64_t record[2] = {x[29], x[30]};
  uint64_t ret = act->flags & SYS_SA_RESTORER ? act->restorer : sys_vdso;
  memset(&f, 0, sizeof(f));
  if (act->flags & SYS_SA_SIGINFO)
    memcpy(f.info, info, sizeof(f.info));
  f.uc.stack = sys_altstack;
  f.uc.stack.flags = sys_altstack_flags(*sp_reg) | (sys_altstack.flags & SYS_SS_AUTODISARM);
  f.uc.sigmask = old_mask;
  sys_a64_save(&f.uc.mcontext, c, sys_fault_address(sig, info));
  if (sys_copy_out(frame_at, &f, sizeof(f)) || sys_copy_out(record_at, record, sizeof(record)))
    return -EFAULT;
  if (sp != *sp_reg && (sys_altstack.flags & SYS_SS_AUTODISARM))
    sys_altstack = (struct sys_stack){.flags = SS_DISABLE};
  x[0] = (uint64_t)sig;
  if (act->flags & SYS_SA_SIGINFO) {
    x[1] = frame_at + offsetof(struct sys_a64_rt_sigframe, info);
    x[2] = frame_at + offsetof(struct sys_a64_rt_sigframe, uc);
  }
  x[29] = record_at;
  x[30] = ret;
  *sp_reg = frame_at;
  *sys_reg(c, g->monitor_off) = ~0ull; /* an exception return clears the exclusive monitor */
  c->pc = act->handler;
  return 0;
}

/* The records in __reserved: an fpsimd_context is required; esr is skipped;
 * anything else (SVE, ZA, extra_context: never advertised) is a bad frame. */
static const struct sys_a64_fpsimd_context *sys_a64_fpsimd(const struct sys_a64_sigcontext *mc) {
  const struct sys_a64_fpsimd_context *found = NULL;
  size_t off = 0;
  while (off + sizeof(struct sys_a64_ctx_head) <= SYS_A64_RESERVED) {
    struct sys_a64_ctx_head h;
    memcpy(&h, mc->reserved + off, sizeof(h));
    if (h.magic == 0 && h.size == 0)
      return found;
    if (h.size < sizeof(h) || (h.size & 15) || h.size > SYS_A64_RESERVED - off)
      return NULL;
    if (h.magic == SYS_A64_FPSIMD_MAGIC && h.size == sizeof(*found) && !found)
      found = (const struct sys_a64_fpsimd_context *)(mc->reserved + off);
    else if (h.magic != SYS_A64_ESR_MAGIC)
      return NULL;
    off += h.size;
  }
  return NULL;
}

static int sys_a64_restore(struct cpu *c, const struct sys_a64_sigcontext *mc) {
  const struct guest *g = c->guest;
  const struct sys_a64_fpsimd_context *fp = sys_a64_fpsimd(mc);
  if (!fp)
    return -EFAULT;
  memcpy(sys_state(c, g->x_off), mc->regs, sizeof(mc->regs));
  *sys_reg(c, g->sp_off) = mc->sp;
  c->pc = mc->pc;
  g->set_flags(c, mc->pstate);
  g->set_fp_status(c, fp->fpsr);
  memcpy(sys_state(c, g->fpcr_off), &fp->fpcr, sizeof(fp->fpcr));
  memcpy(sys_fp_regs(c, sizeof(fp->vregs)), fp->vregs, sizeof(fp->vregs));
  *sys_reg(c, g->monitor_off) = ~0ull;
  return 0;
}

/* Every register, sp, pc, NZCV, FPSR/FPCR and V0-V31 from the frame at sp,
 * and the mask and alternate stack it saved: 0, or -EFAULT when the frame
 * cannot be read or is malformed (then nothing has changed). */
int sys_a64_sigframe_read(struct cpu *c, uint64_t *mask, struct sys_stack *stack) {
  struct sys_a64_rt_sigframe f;
  uint64_t sp = *sys_reg(c, c->guest->sp_off);
  if ((sp & 15) || sys_copy_in(&f, sp, sizeof(f)) || sys_a64_restore(c, &f.uc.mcontext))
    return -EFAULT;
  *mask = f.uc.sigmask;
  *stack = f.uc.stack;
  return 0;
}
