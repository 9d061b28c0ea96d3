/* x64_tramp.c - the shared entry and exit trampolines, entering translated
 * code, and patching chained exits.
 *
 * entry(cpu, code): saves the callee-saved registers, reserves the spill area
 * (rsp stays 16-byte aligned at helper calls), r14 = cpu + X64_STATE_BIAS
 * (x64.h), loads the pinned
 * guest registers (x64_pin.c), jumps to code.
 * exit: takes the return value in rax, stores the pinned guest registers,
 * restores, returns to enter's caller.
 * exit_chain: the same for the stub of a chainable exit, which passes only
 * its struct tc_exit * in rax: cpu->pc is the exit's target_pc.
 * hot_exit: the same for a block whose entries counted down to 0
 * (x64_countdown), with &blk->hot in rax: cpu->pc is the block's guest_pc.
 */
#include <assert.h>
#include <stddef.h>
#include <ucontext.h>
#include "x64.h"

uint8_t *x64_entry_tramp, *x64_exit_tramp, *x64_exit_chain, *x64_jc_miss, *x64_jc_other_pair;
uint8_t *x64_hot_exit, *x64_ras_miss;

/* What translated code reads and writes most of struct cpu is in reach of
 * one-byte displacements from r14 (x64.h). */
_Static_assert(offsetof(struct cpu, jc) + 128 >= X64_STATE_BIAS &&
                   offsetof(struct cpu, lazy_b) + 8 <= X64_STATE_BIAS + 128,
               "struct cpu's last fields at r14 - 128 .. r14 + 127");

static const uint8_t x64_saved[] = {X64_RBX, X64_RBP, X64_R12, X64_R13, X64_R14, X64_R15};

/* MXCSR: all exceptions masked, round to nearest, no FTZ/DAZ, no flags. */
enum { X64_MXCSR_DEFAULT = 0x1f80 };

static struct x64_mem x64_host_fp(void) {
  return x64_cpu_field(offsetof(struct cpu, host_fp));
}

static void x64_emit_entry(struct tc_buf *b) {
  for (unsigned i = 0; i < sizeof(x64_saved); i++)
    x64_push(b, x64_saved[i]);
  /* 6 pushes + return address = 56: rsp + X64_FRAME is 16-byte aligned */
  x64_alu_ri(b, 1, X64_SUB, X64_RSP, X64_FRAME);            /* sub rsp, FRAME */
  x64_lea(b, 1, X64_R14, x64_mem(X64_RDI, X64_STATE_BIAS)); /* lea r14, [rdi + bias] */
  x64_pin_load(b, x64_pin_all());                           /* mov rbx, [r14+x0] ... */
  x64_store_imm(b, 2, x64_host_fp(), X64_MXCSR_DEFAULT);    /* mov dword [r14+host_fp], imm */
  x64_ldmxcsr(b, x64_host_fp());                            /* ldmxcsr [r14+host_fp] */
  x64_jmp_r(b, X64_RSI);                                    /* jmp rsi */
}

/* MXCSR flags IE DE ZE OE UE PE (bits 0-5) to IR_FPEXC_* (the same without
 * DE): ecx = (m & 1) | ((m >> 1) & 0x1e). */
uint32_t x64_fpexc_of_mxcsr(uint32_t m) {
  return (m & 1) | ((m >> 1) & 0x1e);
}

/* cpu->fp_pending |= the MXCSR flags, in rcx/rdx (rax holds the exit value). */
static void x64_emit_fp_fold(struct tc_buf *b) {
  x64_stmxcsr(b, x64_host_fp());                /* stmxcsr [r14+host_fp] */
  x64_load(b, 2, 0, 0, X64_RCX, x64_host_fp()); /* mov ecx, [r14+host_fp] */
  x64_mov_rr(b, 0, X64_RDX, X64_RCX);           /* mov edx, ecx */
  x64_alu_ri(b, 0, X64_AND, X64_RCX, 1);        /* and ecx, 1 */
  x64_shift_ri(b, 0, X64_SHR, X64_RDX, 1);      /* shr edx, 1 */
  x64_alu_ri(b, 0, X64_AND, X64_RDX, 0x1e);     /* and edx, 0x1e */
  x64_alu_rr(b, 0, X64_OR, X64_RCX, X64_RDX);   /* or ecx, edx */
  x64_alu_rm(b, 0, X64_OR, X64_RCX, x64_cpu_field(offsetof(struct cpu, fp_pending)));
  x64_store(b, 2, x64_cpu_field(offsetof(struct cpu, fp_pending)), X64_RCX);
}

static void x64_emit_exit(struct tc_buf *b) {
  x64_pin_store(b, x64_pin_all()); /* mov [r14+x0], rbx ... */
  x64_emit_fp_fold(b);
  x64_alu_ri(b, 1, X64_ADD, X64_RSP, X64_FRAME); /* add rsp, FRAME */
  for (unsigned i = sizeof(x64_saved); i-- > 0;)
    x64_pop(b, x64_saved[i]);
  x64_ret(b);
}

/* A chainable exit's stub left with its struct tc_exit * in rax: cpu->pc =
 * its target (one record, so the stub holds no guest pc of its own). */
static void x64_emit_exit_chain(struct tc_buf *b) {
  _Static_assert(offsetof(struct tc_exit, target_pc) == 0, "target_pc at [rax]");
  x64_load(b, 3, 0, 1, X64_RCX, x64_mem(X64_RAX, 0));                /* mov rcx, [rax] */
  x64_store(b, 3, x64_cpu_field(offsetof(struct cpu, pc)), X64_RCX); /* mov [r14+pc], rcx */
  x64_jmp_rel(b, x64_exit_tramp);                                    /* jmp exit */
}

/* A block without the passes entered for the last time so (x64_countdown),
 * &blk->hot in rax: cpu->pc = blk->guest_pc, CPU_EXIT_HOT. */
static void x64_emit_hot_exit(struct tc_buf *b) {
  _Static_assert(offsetof(struct tc_block, guest_pc) == 0, "guest_pc at [blk]");
  int32_t to_pc = -(int32_t)offsetof(struct tc_block, hot);
  x64_load(b, 3, 0, 1, X64_RCX, x64_mem(X64_RAX, to_pc));            /* mov rcx, [rax-hot] */
  x64_store(b, 3, x64_cpu_field(offsetof(struct cpu, pc)), X64_RCX); /* mov [r14+pc], rcx */
  x64_mov_ri(b, X64_RAX, CPU_EXIT_HOT);                              /* mov eax, HOT */
  x64_jmp_rel(b, x64_exit_tramp);                                    /* jmp exit */
}

/* An indirect jump's probe found the guest pc in rax in neither entry of
 * its pair, rcx at the second: the other pair of the group of four
 * (tcache.h), then, as from x64_jc_miss, back to the run loop. */
static void x64_emit_jc_other_pair(struct tc_buf *b) {
  _Static_assert(TC_JC_WAYS == 4 && sizeof(struct tc_jc_entry) == 16, "64-byte groups");
  x64_alu_ri(b, 1, X64_XOR, X64_RCX, 48);                  /* xor rcx, 48: index ^ 2 */
  x64_alu_rm(b, 1, X64_CMP, X64_RAX, x64_mem(X64_RCX, 0)); /* cmp rax, [rcx] */
  uint8_t *hit = x64_jcc8(b, X64_CC_E);                    /* je hit */
  x64_alu_ri(b, 1, X64_XOR, X64_RCX, 16);                  /* xor rcx, 16: index ^ 3 */
  x64_alu_rm(b, 1, X64_CMP, X64_RAX, x64_mem(X64_RCX, 0)); /* cmp rax, [rcx] */
  uint8_t *miss = x64_jcc8(b, X64_CC_NE);                  /* jne miss */
  x64_fix8(b, hit);
  x64_alu_mi(b, 2, X64_CMP, x64_cpu_field(offsetof(struct cpu, exit_request)), 0);
  uint8_t *waiting = x64_jcc8(b, X64_CC_NE); /* jne miss: a signal or flush is waiting */
  x64_jmp_m(b, x64_mem(X64_RCX, 8));         /* jmp [rcx+8] */
  x64_fix8(b, miss);
  x64_fix8(b, waiting); /* miss: x64_jc_miss follows */
}

/* An indirect jump found no translation for the guest pc in rax: back to
 * the run loop, which translates it and fills the jump-cache entry. */
static void x64_emit_jc_miss(struct tc_buf *b) {
  x64_store(b, 3, x64_cpu_field(offsetof(struct cpu, pc)), X64_RAX); /* mov [r14+pc], rax */
  x64_mov_ri(b, X64_RAX, CPU_EXIT_PLAIN);                            /* mov eax, 0 */
  x64_jmp_rel(b, x64_exit_tramp);                                    /* jmp exit */
}

const void *x64_jc_miss_code(void) {
  return x64_jc_miss;
}

static void x64_align(struct tc_buf *b, unsigned a) {
  x64_nops(b, (unsigned)(-(uintptr_t)b->cur & (a - 1)));
}

void x64_init(struct tc_buf *buf) {
  x64_entry_tramp = buf->cur;
  x64_emit_entry(buf);
  x64_align(buf, 16);
  x64_exit_tramp = buf->cur;
  x64_emit_exit(buf);
  x64_align(buf, 16);
  x64_jc_other_pair = buf->cur;
  x64_emit_jc_other_pair(buf);
  x64_jc_miss = buf->cur; /* falls in from x64_jc_other_pair */
  x64_emit_jc_miss(buf);
  x64_align(buf, 16);
  x64_emit_ras_miss(buf);
  x64_align(buf, 16);
  x64_exit_chain = buf->cur;
  x64_emit_exit_chain(buf);
  x64_align(buf, 16);
  x64_hot_exit = buf->cur;
  x64_emit_hot_exit(buf);
  x64_align(buf, 16);
  x64_emit_lazy(buf);
  x64_align(buf, 16);
}

uintptr_t x64_enter(struct cpu *c, const void *code) {
  uintptr_t (*entry)(struct cpu *, const void *);
  entry = (uintptr_t(*)(struct cpu *, const void *))(void *)x64_entry_tramp;
  return entry(c, code);
}

/* The rel32 after jump is 4-byte aligned, so one aligned store switches it
 * atomically for threads running through it. */
void x64_patch_at(uint8_t *jump, const uint8_t *to) {
  uint8_t *rel = jump + 1;
  assert(((uintptr_t)rel & 3) == 0 && x64_rel32_ok(rel + 4, to));
  int32_t d = (int32_t)(to - (rel + 4));
  __atomic_store_n((int32_t *)tc_writable(rel), d, __ATOMIC_RELEASE);
}

void x64_patch(struct tc_exit *e, const void *code) {
  struct tc_block *from = tc_exit_from(e);
  const uint8_t *to = code ? code : tc_exit_stub(e);
  if (code && e->target_pc == from->guest_pc && x64_loop_entry(from))
    /* a loop's back edge (x64_loop.c): to its header, past the loads; any
     * other block must be entered through the stub's stores */
    to = code == from->code ? x64_loop_entry(from) : tc_exit_stub(e);
  x64_patch_at(tc_exit_jump(e), to);
}

uint32_t x64_fault_fpexc(const void *uctx) {
  const ucontext_t *uc = uctx;
  return uc->uc_mcontext.fpregs ? x64_fpexc_of_mxcsr(uc->uc_mcontext.fpregs->mxcsr) : 0;
}

/* The flags of MXCSR, and of the x87 status word when it has any (glibc
 * raises some there): glibc's feclearexcept rewrites the whole x87
 * environment (fnstenv, fldenv), 70 ns here against 4 for this.
 *   fnstsw m16; fnclex; stmxcsr m32; ldmxcsr m32 */
void x64_fp_clear(void) {
  uint16_t sw;
  __asm__ volatile("fnstsw %0" : "=m"(sw));
  if (sw & 0x3f)
    __asm__ volatile("fnclex");
  uint32_t csr;
  __asm__ volatile("stmxcsr %0" : "=m"(csr));
  csr &= ~0x3fu;
  __asm__ volatile("ldmxcsr %0" : : "m"(csr));
}
