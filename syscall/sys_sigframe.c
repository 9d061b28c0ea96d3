/* sys_sigframe.c - the AArch64 Linux signal frame (the riscv64 one is in
 * sys_sigframe_rv64.c; sys_sigframe_push/read pick by the guest): pushing it when a handler
 * is entered, and rt_sigreturn, which restores every register from it.
 *
 * Layout (arch/arm64/kernel/signal.c, uapi asm/sigcontext.h, asm/ucontext.h):
 *
 *   sp at handler entry -> struct rt_sigframe { siginfo (128), ucontext }
 *                          struct frame_record { fp, lr }   (x29 points here)
 *                          ... the interrupted stack
 *
 * ucontext.uc_mcontext.__reserved holds an fpsimd_context record and then a
 * null record. The handler returns to sa_restorer (glibc's, doing svc
 * rt_sigreturn), or to a two-instruction trampoline xrun maps, standing for
 * the kernel's vDSO sigreturn. */
#define _GNU_SOURCE
#include <stddef.h>
#include <string.h>
#include <sys/mman.h>
#include "sys_int.h"
#include "../decode/aarch64/a64_cpu.h"

enum {
  SYS_A64_FPSIMD_MAGIC = 0x46508001,
  SYS_A64_ESR_MAGIC = 0x45535201,
  SYS_A64_RESERVED = 4096,
};

struct a64_sigcontext {
  uint64_t fault_address;
  uint64_t regs[31];
  uint64_t sp;
  uint64_t pc;
  uint64_t pstate; /* NZCV in bits 31:28 */
  _Alignas(16) uint8_t reserved[SYS_A64_RESERVED];
};

struct a64_ucontext {
  uint64_t flags;
  uint64_t link;
  struct sys_stack stack;
  uint64_t sigmask;
  uint8_t unused[1024 / 8 - 8]; /* glibc's sigset_t is 1024 bits */
  struct a64_sigcontext mcontext;
};

struct a64_rt_sigframe {
  uint8_t info[128];
  struct a64_ucontext uc;
};

struct a64_ctx_head {
  uint32_t magic;
  uint32_t size;
};

struct a64_fpsimd_context {
  struct a64_ctx_head head;
  uint32_t fpsr;
  uint32_t fpcr;
  _Alignas(16) uint64_t vregs[32][2];
};

_Static_assert(offsetof(struct a64_rt_sigframe, uc) == 128, "rt_sigframe.uc");
_Static_assert(offsetof(struct a64_ucontext, mcontext) == 176, "uc_mcontext");
_Static_assert(offsetof(struct a64_sigcontext, reserved) == 288, "__reserved");
_Static_assert(sizeof(struct a64_rt_sigframe) == 4688, "rt_sigframe size");
_Static_assert(sizeof(struct a64_fpsimd_context) == 528, "fpsimd_context size");

/* The return address when the guest gave no SA_RESTORER:
 *   mov x8, #139   // 0xd2801168
 *   svc #0         // 0xd4000001 */
static uint64_t sys_sigtramp(void) {
  static uint64_t tramp;
  static const uint32_t code[2] = {0xd2801168, 0xd4000001};
  return sys_code_page(&tramp, code, sizeof(code));
}

uint64_t sys_code_page(uint64_t *page, const uint32_t *code, size_t bytes) {
  if (!*page) {
    void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
      return 0;
    memcpy(p, code, bytes);
    mprotect(p, 4096, PROT_READ | PROT_EXEC);
    *page = (uint64_t)(uintptr_t)p;
  }
  return *page;
}

static void sys_sigframe_save(struct a64_sigcontext *mc, struct a64_cpu *a, uint64_t fault) {
  struct a64_fpsimd_context fp = {.head = {SYS_A64_FPSIMD_MAGIC, sizeof(fp)},
                                  .fpsr = a->fpsr | (a->c.fp_pending & A64_FPSR_FPEXC),
                                  .fpcr = a->fpcr};
  memcpy(fp.vregs, a->v, sizeof(fp.vregs));
  mc->fault_address = fault;
  memcpy(mc->regs, a->x, sizeof(mc->regs));
  mc->sp = a->x[31];
  mc->pc = a->c.pc;
  mc->pstate = (a64_nzcv(a) & 0xf) << 28;
  memcpy(mc->reserved, &fp, sizeof(fp)); /* the null record after it is already zero */
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

static int a64_sigframe_push(struct cpu *c, int sig, const struct sys_sigaction *act,
                             const void *info, uint64_t old_mask) {
  struct a64_cpu *a = (struct a64_cpu *)c;
  struct a64_rt_sigframe f;
  uint64_t sp = sys_sigframe_stack(a->x[31], act->flags);
  uint64_t record_at = (sp - 16) & ~15ull;
  uint64_t frame_at = record_at - sizeof(f);
  uint64_t record[2] = {a->x[29], a->x[30]};
  uint64_t ret = act->flags & SYS_SA_RESTORER ? act->restorer : sys_sigtramp();
  memset(&f, 0, sizeof(f));
  if (act->flags & SYS_SA_SIGINFO)
    memcpy(f.info, info, sizeof(f.info));
  f.uc.stack = sys_altstack;
  f.uc.stack.flags = sys_altstack_flags(a->x[31]) | (sys_altstack.flags & SYS_SS_AUTODISARM);
  f.uc.sigmask = old_mask;
  sys_sigframe_save(&f.uc.mcontext, a, sys_fault_address(sig, info));
  if (sys_copy_out(frame_at, &f, sizeof(f)) || sys_copy_out(record_at, record, sizeof(record)))
    return -EFAULT;
  if (sp != a->x[31] && (sys_altstack.flags & SYS_SS_AUTODISARM))
    sys_altstack = (struct sys_stack){.flags = SS_DISABLE};
  a->x[0] = (uint64_t)sig;
  if (act->flags & SYS_SA_SIGINFO) {
    a->x[1] = frame_at + offsetof(struct a64_rt_sigframe, info);
    a->x[2] = frame_at + offsetof(struct a64_rt_sigframe, uc);
  }
  a->x[29] = record_at;
  a->x[30] = ret;
  a->x[31] = frame_at;
  a->excl_addr = ~0ull; /* an exception return clears the exclusive monitor */
  c->pc = act->handler;
  return 0;
}

/* The records in __reserved: an fpsimd_context is required; esr is skipped;
 * anything else (SVE, ZA, extra_context: never advertised) is a bad frame. */
static const struct a64_fpsimd_context *sys_sigframe_fpsimd(const struct a64_sigcontext *mc) {
  const struct a64_fpsimd_context *found = NULL;
  size_t off = 0;
  while (off + sizeof(struct a64_ctx_head) <= SYS_A64_RESERVED) {
    struct a64_ctx_head h;
    memcpy(&h, mc->reserved + off, sizeof(h));
    if (h.magic == 0 && h.size == 0)
      return found;
    if (h.size < sizeof(h) || (h.size & 15) || h.size > SYS_A64_RESERVED - off)
      return NULL;
    if (h.magic == SYS_A64_FPSIMD_MAGIC && h.size == sizeof(*found) && !found)
      found = (const struct a64_fpsimd_context *)(mc->reserved + off);
    else if (h.magic != SYS_A64_ESR_MAGIC)
      return NULL;
    off += h.size;
  }
  return NULL;
}

static int sys_sigframe_restore(struct a64_cpu *a, const struct a64_sigcontext *mc) {
  const struct a64_fpsimd_context *fp = sys_sigframe_fpsimd(mc);
  if (!fp)
    return -EFAULT;
  memcpy(a->x, mc->regs, sizeof(mc->regs));
  a->x[31] = mc->sp;
  a->c.pc = mc->pc;
  a64_set_nzcv_c(a, (mc->pstate >> 28) & 0xf);
  a->fpsr = fp->fpsr;
  a->c.fp_pending = 0;
  a->fpcr = fp->fpcr;
  memcpy(a->v, fp->vregs, sizeof(a->v));
  a->excl_addr = ~0ull;
  return 0;
}

/* Every register, sp, pc, NZCV, FPSR/FPCR and V0-V31 from the frame at sp,
 * and the mask and alternate stack it saved: 0, or -EFAULT when the frame
 * cannot be read or is malformed (then nothing has changed). */
static int a64_sigframe_read(struct cpu *c, uint64_t *mask, struct sys_stack *stack) {
  struct a64_cpu *a = (struct a64_cpu *)c;
  struct a64_rt_sigframe f;
  uint64_t sp = a->x[31];
  if ((sp & 15) || sys_copy_in(&f, sp, sizeof(f)) || sys_sigframe_restore(a, &f.uc.mcontext))
    return -EFAULT;
  *mask = f.uc.sigmask;
  *stack = f.uc.stack;
  return 0;
}

int sys_sigframe_push(struct cpu *c, int sig, const struct sys_sigaction *act, const void *info,
                      uint64_t old_mask) {
  if (sys_guest_is_rv64(c))
    return rv64_sigframe_push(c, sig, act, info, old_mask);
  return a64_sigframe_push(c, sig, act, info, old_mask);
}

int sys_sigframe_read(struct cpu *c, uint64_t *mask, struct sys_stack *stack) {
  if (sys_guest_is_rv64(c))
    return rv64_sigframe_read(c, mask, stack);
  return a64_sigframe_read(c, mask, stack);
}

/* The frame's registers, then its mask and alternate stack. Returns the
 * restored x0 (a0); sys_syscall leaves it alone after this call. A bad frame
 * is a SIGSEGV, as on Linux. */
int64_t sys_rt_sigreturn(const struct sys_call *s) {
  struct cpu *c = s->cpu;
  uint64_t mask;
  struct sys_stack stack;
  if (sys_sigframe_read(c, &mask, &stack)) {
    sys_signal_sync(c, SIGSEGV, SI_KERNEL, 0);
    return (int64_t)*sys_reg(c, c->guest->sys_arg_off);
  }
  sys_sigmask_set(mask);
  sys_altstack_set(&stack, *sys_reg(c, c->guest->sp_off)); /* errors other than EFAULT are
                                                              ignored, as in Linux */
  return (int64_t)*sys_reg(c, c->guest->sys_arg_off);
}
