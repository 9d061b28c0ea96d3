/* signal_test.c - the AArch64 and riscv64 rt_sigframes on a fake cpu: where
 * the kernel puts each field, and a push followed by rt_sigreturn restoring
 * every register. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include "../../decode/aarch64/a64_cpu.h"
#include "../../decode/riscv64/rv64_cpu.h"
#include "../../syscall/sys_int.h"
#include "test.h"

static _Alignas(16) uint8_t stack[64 * 1024];

static void fill(struct a64_cpu *a) {
  memset(a, 0, sizeof(*a));
  a->c.guest = &a64_guest;
  for (int i = 0; i < 31; i++)
    a->x[i] = 0x1111111111111111ull * (uint64_t)(i % 15 + 1) + (uint64_t)i;
  a->x[31] = (uint64_t)(uintptr_t)(stack + sizeof(stack) - 32);
  a->c.pc = 0x400123;
  a->nzcv = 0x9;
  a->fpcr = 0x00c00000;
  a->fpsr = 0x08000011;
  for (int i = 0; i < 32; i++)
    a->v[i][0] = ~(uint64_t)i, a->v[i][1] = (uint64_t)i << 40;
}

TEST(frame_layout_matches_kernel) {
  struct a64_cpu a, before;
  fill(&a);
  before = a;
  struct sys_sigaction act = {0x401000, SYS_SA_SIGINFO | SYS_SA_RESTORER, 0x402000, 0};
  siginfo_t info;
  memset(&info, 0, sizeof(info));
  info.si_signo = SIGSEGV;
  info.si_code = SEGV_MAPERR;
  info.si_addr = (void *)0xdead0;
  ASSERT_EQ(a64_guest.abi->sigframe_push(&a.c, SIGSEGV, &act, &info, 0x5), 0);
  uint8_t *f = (uint8_t *)(uintptr_t)a.x[31];
  uint64_t u64;
  uint32_t u32;
  ASSERT_EQ(a.x[31] & 15, 0);
  ASSERT_EQ(a.c.pc, 0x401000);
  ASSERT_EQ(a.x[0], SIGSEGV);
  ASSERT_EQ(a.x[1], a.x[31]);
  ASSERT_EQ(a.x[2], a.x[31] + 128);
  ASSERT_EQ(a.x[30], 0x402000);
  ASSERT_EQ(a.x[29], a.x[31] + 4688); /* frame record right above the rt_sigframe */
  memcpy(&u64, f + 4688, 8);
  ASSERT_EQ(u64, before.x[29]);
  memcpy(&u64, f + 4696, 8);
  ASSERT_EQ(u64, before.x[30]);
  memcpy(&u64, f + 128 + 40, 8);
  ASSERT_EQ(u64, 0x5); /* uc_sigmask */
  memcpy(&u64, f + 128 + 176, 8);
  ASSERT_EQ(u64, 0xdead0); /* fault_address */
  memcpy(&u64, f + 128 + 176 + 8 + 7 * 8, 8);
  ASSERT_EQ(u64, before.x[7]);
  memcpy(&u64, f + 128 + 176 + 256, 8);
  ASSERT_EQ(u64, before.x[31]); /* sp */
  memcpy(&u64, f + 128 + 176 + 264, 8);
  ASSERT_EQ(u64, 0x400123); /* pc */
  memcpy(&u64, f + 128 + 176 + 272, 8);
  ASSERT_EQ(u64, 0x90000000ull); /* pstate */
  uint8_t *rec = f + 128 + 176 + 288;
  memcpy(&u32, rec, 4);
  ASSERT_EQ(u32, 0x46508001);
  memcpy(&u32, rec + 4, 4);
  ASSERT_EQ(u32, 528);
  memcpy(&u32, rec + 8, 4);
  ASSERT_EQ(u32, 0x08000011);
  memcpy(&u32, rec + 12, 4);
  ASSERT_EQ(u32, 0x00c00000);
  ASSERT(!memcmp(rec + 16, before.v, 512));
  memcpy(&u64, rec + 528, 8);
  ASSERT_EQ(u64, 0); /* null terminator record */
}

TEST(sigreturn_restores_every_register) {
  struct a64_cpu a, before;
  fill(&a);
  before = a;
  struct sys_sigaction act = {0x401000, SYS_SA_SIGINFO | SYS_SA_RESTORER, 0x402000, 0};
  siginfo_t info;
  memset(&info, 0, sizeof(info));
  ASSERT_EQ(a64_guest.abi->sigframe_push(&a.c, SIGUSR1, &act, &info, 0), 0);
  /* the handler trashes everything but sp */
  for (int i = 0; i < 31; i++)
    a.x[i] = 0xbad;
  memset(a.v, 0x77, sizeof(a.v));
  a.nzcv = 0, a.fpcr = 0, a.fpsr = 0;
  a.x[8] = 139;
  struct sys_call s = {.cpu = &a.c, .nr = 139};
  int64_t r = sys_rt_sigreturn(&s);
  ASSERT_EQ((uint64_t)r, before.x[0]);
  ASSERT(!memcmp(a.x, before.x, sizeof(a.x)));
  ASSERT(!memcmp(a.v, before.v, sizeof(a.v)));
  ASSERT_EQ(a.c.pc, before.c.pc);
  ASSERT_EQ(a.nzcv, before.nzcv);
  ASSERT_EQ(a.fpcr, before.fpcr);
  ASSERT_EQ(a.fpsr, before.fpsr);
}

/* The FPSR in a frame is loaded as MSR FPSR would load it: its writable
 * bits only, with nothing pending. */
TEST(sigreturn_keeps_writable_fpsr_bits) {
  struct a64_cpu a;
  fill(&a);
  struct sys_sigaction act = {0x401000, SYS_SA_SIGINFO | SYS_SA_RESTORER, 0x402000, 0};
  siginfo_t info;
  memset(&info, 0, sizeof(info));
  ASSERT_EQ(a64_guest.abi->sigframe_push(&a.c, SIGUSR1, &act, &info, 0), 0);
  uint32_t fpsr = 0xffffffff;
  memcpy((uint8_t *)(uintptr_t)a.x[31] + 128 + 176 + 288 + 8, &fpsr, 4);
  a.c.fp_pending = IR_FPEXC_INEXACT;
  struct sys_call s = {.cpu = &a.c, .nr = 139};
  sys_rt_sigreturn(&s);
  ASSERT_EQ(a.fpsr, A64_FPSR_WRITABLE);
  ASSERT_EQ(a.c.fp_pending, 0);
}

static void fill_rv64(struct rv64_cpu *r) {
  memset(r, 0, sizeof(*r));
  r->c.guest = &rv64_guest;
  for (int i = 1; i < 32; i++)
    r->x[i] = 0x0101010101010101ull * (uint64_t)(i % 13 + 1) + (uint64_t)i;
  r->x[2] = (uint64_t)(uintptr_t)(stack + sizeof(stack) - 40); /* not 16-aligned */
  for (int i = 0; i < 32; i++)
    r->f[i] = 0xffffffff00000000ull | (uint64_t)i << 8;
  r->fcsr = 0x61; /* frm 3, NX */
  r->c.fp_pending = IR_FPEXC_DIVZERO;
  r->c.pc = 0x10234;
  r->res_addr = 0x5000;
}

/* arch/riscv/kernel/signal.c: info at sp, ucontext at sp + 128, sc_regs
 * (pc, x1..x31) at uc + 176, the FP state at uc + 432 with fcsr after f31. */
TEST(rv64_frame_layout_matches_kernel) {
  struct rv64_cpu r, before;
  fill_rv64(&r);
  before = r;
  struct sys_sigaction act = {0x11000, 0, 0, 0};
  siginfo_t info;
  memset(&info, 0, sizeof(info));
  info.si_signo = SIGSEGV;
  sys_set_vdso(0x7f0000042000); /* where the loader mapped the vDSO page */
  ASSERT_EQ(rv64_guest.abi->sigframe_push(&r.c, SIGSEGV, &act, &info, 0x9), 0);
  uint8_t *f = (uint8_t *)(uintptr_t)r.x[2];
  uint64_t u64;
  uint32_t u32;
  ASSERT_EQ(r.x[2] & 15, 0);
  ASSERT(r.x[2] + 1088 <= before.x[2]);
  ASSERT_EQ(r.c.pc, 0x11000);
  ASSERT_EQ(r.x[10], SIGSEGV);
  ASSERT_EQ(r.x[11], r.x[2]);
  ASSERT_EQ(r.x[12], r.x[2] + 128);
  ASSERT_EQ(r.x[1], 0x7f0000042000); /* the vDSO's rt_sigreturn trampoline */
  ASSERT_EQ(r.res_addr, ~0ull);
  memcpy(&u64, f + 128 + 40, 8);
  ASSERT_EQ(u64, 0x9); /* uc_sigmask */
  memcpy(&u64, f + 128 + 176, 8);
  ASSERT_EQ(u64, 0x10234); /* sc_regs.pc */
  memcpy(&u64, f + 128 + 176 + 2 * 8, 8);
  ASSERT_EQ(u64, before.x[2]); /* sc_regs.sp */
  memcpy(&u64, f + 128 + 176 + 31 * 8, 8);
  ASSERT_EQ(u64, before.x[31]);
  memcpy(&u64, f + 128 + 432 + 5 * 8, 8);
  ASSERT_EQ(u64, before.f[5]);
  memcpy(&u32, f + 128 + 432 + 256, 4);
  ASSERT_EQ(u32, 0x61 | 8); /* fcsr with the pending divide-by-zero as DZ */
}

TEST(rv64_sigreturn_restores_every_register) {
  struct rv64_cpu r, before;
  fill_rv64(&r);
  before = r;
  struct sys_sigaction act = {0x11000, 0, 0, 0};
  siginfo_t info;
  memset(&info, 0, sizeof(info));
  ASSERT_EQ(rv64_guest.abi->sigframe_push(&r.c, SIGUSR1, &act, &info, 0), 0);
  uint64_t frame = r.x[2];
  for (int i = 1; i < 32; i++)
    r.x[i] = 0xbad;
  memset(r.f, 0x77, sizeof(r.f));
  r.fcsr = 0;
  r.x[2] = frame;
  r.x[17] = 139;
  struct sys_call s = {.cpu = &r.c, .nr = 139};
  int64_t ret = sys_rt_sigreturn(&s);
  ASSERT_EQ((uint64_t)ret, before.x[10]);
  ASSERT(!memcmp(r.x, before.x, sizeof(r.x)));
  ASSERT(!memcmp(r.f, before.f, sizeof(r.f)));
  ASSERT_EQ(r.c.pc, before.c.pc);
  ASSERT_EQ(r.fcsr, 0x61 | 8);
  ASSERT_EQ(r.c.fp_pending, 0);
}

TEST_MAIN("signal")
