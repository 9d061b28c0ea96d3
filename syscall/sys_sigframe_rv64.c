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
 * 8 bytes of the union are the header of the extension records: the V
 * record (struct sys_rv64_v_record) when the thread has run a vector
 * instruction, as Linux writes it only for a task whose vector state is on
 * (arch/riscv/kernel/signal.c, save_v_state), then the zero end record. The handler gets a0 = sig,
 * a1 = &info, a2 = &uc (always, SA_SIGINFO or not) and returns to ra, the kernel's vDSO
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

/* The V record (uapi asm/sigcontext.h: struct __riscv_ctx_hdr, then
 * struct __sc_riscv_v_state, 16-byte aligned, then the registers, which
 * datap points at). */
enum { SYS_RV64_V_MAGIC = 0x53465457, SYS_RV64_EXT_AT = 1080 };
struct sys_rv64_v_record {
  uint32_t magic, size;
  uint64_t vstart, vl, vtype, vcsr, vlenb, datap;
  uint8_t regs[32 * 16];
};
_Static_assert(offsetof(struct sys_rv64_v_record, regs) == 56, "datap at hdr + 56");

_Static_assert(offsetof(struct sys_rv64_ucontext, mcontext) == 176, "uc_mcontext");
_Static_assert(offsetof(struct sys_rv64_sigcontext, fp) == 256, "sc_fpregs");
_Static_assert(sizeof(struct sys_rv64_rt_sigframe) == 1088, "rt_sigframe size");
_Static_assert(SYS_RV64_EXT_AT == offsetof(struct sys_rv64_rt_sigframe, uc.mcontext.fp) + 528 - 8,
               "the first extension header: the last 8 bytes of the FP union");

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

/* The thread's vector state is in its frames: it has run V. */
static bool sys_rv64_has_v(struct cpu *c) {
  const struct guest *g = c->guest;
  return g->vec_size == 16 && *(uint8_t *)sys_state(c, g->vec_used_off);
}

/* The V record for a frame at frame_at (its registers at datap). */
static void sys_rv64_v_save(struct cpu *c, struct sys_rv64_v_record *v, uint64_t frame_at) {
  const struct guest *g = c->guest;
  const uint64_t *csr = sys_state(c, g->vcsr_off); /* vl vtype vstart vxrm vxsat */
  v->magic = SYS_RV64_V_MAGIC;
  v->size = sizeof(*v);
  v->vstart = csr[2], v->vl = csr[0], v->vtype = csr[1];
  v->vcsr = csr[3] << 1 | csr[4];
  v->vlenb = g->vec_size;
  v->datap = frame_at + SYS_RV64_EXT_AT + offsetof(struct sys_rv64_v_record, regs);
  memcpy(v->regs, sys_state(c, g->vec_off), sizeof(v->regs));
}

/* The frame: the rt_sigframe, then (with V) the rest of the V record and
 * the end record, rounded to 16 bytes as get_rt_frame_size does. */
struct sys_rv64_frame_buf {
  struct sys_rv64_rt_sigframe f;
  uint8_t ext[sizeof(struct sys_rv64_v_record) + 8];
};

int sys_rv64_sigframe_push(struct cpu *c, int sig, const struct sys_sigaction *act,
                           const void *info, uint64_t old_mask) {
  const struct guest *g = c->guest;
  uint64_t *x = sys_state(c, g->x_off), *sp_reg = sys_reg(c, g->sp_off);
  struct sys_rv64_frame_buf buf;
  struct sys_rv64_rt_sigframe *fp = &buf.f;
  bool v = sys_rv64_has_v(c);
  size_t size =
      v ? (sizeof(buf.f) + sizeof(struct sys_rv64_v_record) + 15) & ~(size_t)15 : sizeof(buf.f);
  uint64_t sp = sys_sigframe_stack(*sp_reg, act->flags);
  uint64_t frame_at = (sp - size) & ~15ull;
  memset(&buf, 0, sizeof(buf));
  memcpy(fp->info, info, sizeof(fp->info));
  fp->uc.stack = sys_altstack;
  fp->uc.stack.flags = sys_altstack_flags(*sp_reg) | (sys_altstack.flags & SYS_SS_AUTODISARM);
  fp->uc.sigmask = old_mask;
  sys_rv64_save(&fp->uc.mcontext, c);
  if (v) {
    struct sys_rv64_v_record rec;
    sys_rv64_v_save(c, &rec, frame_at);
    memcpy((uint8_t *)&buf + SYS_RV64_EXT_AT, &rec, sizeof(rec)); /* the end record follows: 0 */
  }
  if (sys_copy_out(frame_at, &buf, size))
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

/* The V record at addr back into the state; the registers are read from
 * its datap, which the handler may have moved, as Linux does. vl and vtype
 * are taken as they are. */
static int sys_rv64_v_restore(struct cpu *c, uint64_t addr) {
  const struct guest *g = c->guest;
  struct sys_rv64_v_record v;
  uint64_t *csr = sys_state(c, g->vcsr_off), end;
  if (sys_copy_in(&v, addr, offsetof(struct sys_rv64_v_record, regs)) ||
      sys_copy_in(&end, addr + sizeof(v), 8) || end != 0 || !sys_rv64_has_v(c) ||
      v.size != sizeof(v) || sys_copy_in(sys_state(c, g->vec_off), v.datap, sizeof(v.regs)))
    return -EFAULT;
  csr[0] = v.vl, csr[1] = v.vtype, csr[2] = v.vstart;
  csr[3] = v.vcsr >> 1 & 3, csr[4] = v.vcsr & 1;
  return 0;
}

/* The extension records after the FP state: the end record (zero magic
 * and size), or the V record and then the end record; the word before the
 * first must be 0 (sc_extdesc.reserved). */
static int sys_rv64_ext_restore(struct cpu *c, const struct sys_rv64_sigcontext *mc, uint64_t sp) {
  uint32_t hdr[3];
  memcpy(hdr, mc->fp.q + sizeof(mc->fp.q) - 12, 12); /* reserved, magic, size */
  if (hdr[0])
    return -EFAULT;
  if (hdr[1] == 0 && hdr[2] == 0)
    return 0;
  return hdr[1] == SYS_RV64_V_MAGIC ? sys_rv64_v_restore(c, sp + SYS_RV64_EXT_AT) : -EFAULT;
}

int sys_rv64_sigframe_read(struct cpu *c, uint64_t *mask, struct sys_stack *stack) {
  const struct guest *g = c->guest;
  struct sys_rv64_rt_sigframe f;
  uint64_t sp = *sys_reg(c, g->sp_off);
  if ((sp & 15) || sys_copy_in(&f, sp, sizeof(f)) || sys_rv64_ext_restore(c, &f.uc.mcontext, sp))
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
