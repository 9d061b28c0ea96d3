/* loop_carried_fp_fault_signal.c - FP and SIMD registers a self-loop keeps
 * in host registers are exact where a program can see them: at a fault
 * inside the loop (a load running into an unmapped page after 512
 * iterations; the SIGSEGV handler reads V0..V3 from the FP/SIMD record of
 * its ucontext, high halves included), and at a timer signal that arrives
 * while the loop spins (the handler checks that d0 agrees with the count
 * the loop stores, and adds 1000 to d0, which the loop must go on with
 * after sigreturn); and so are vector registers the loop reaches in 8-byte
 * halves only (integers kept in s and d registers), at a fault. qemu runs it as the CPU xrun
 * presents, a Neoverse N1: on one with SVE (qemu's default), glibc's string functions use it, the
 * frame then carries an SVE record, and sigreturn takes the registers from
 * there instead, leaving the change to the FP/SIMD record unseen. */
// test: arm-only: the loops are A64 assembly
// test: qemu-flags: -cpu neoverse-n1
#include <asm/sigcontext.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <ucontext.h>
#include "fault_catch.h"

extern char fp_fault_loop_top[], fp_spin_loop_top[];

/* The FP/SIMD record of a signal's ucontext, or NULL. */
static struct fpsimd_context *fpsimd_of(ucontext_t *uc) {
  struct _aarch64_ctx *h = (struct _aarch64_ctx *)(void *)uc->uc_mcontext.__reserved;
  while (h->magic && h->magic != FPSIMD_MAGIC)
    h = (struct _aarch64_ctx *)(void *)((char *)h + h->size);
  return h->magic ? (struct fpsimd_context *)h : NULL;
}

/* handler for sig, with its siginfo and ucontext */
static void catch_with(int sig, void (*handler)(int, siginfo_t *, void *)) {
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_sigaction = handler;
  sa.sa_flags = SA_SIGINFO;
  sigaction(sig, &sa, NULL);
}

/* Two pages, the second unmapped: a load that walks off the first faults. */
static uint8_t *page_then_hole(void) {
  uint8_t *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return m == MAP_FAILED || mprotect(m + 4096, 4096, PROT_NONE) ? NULL : m;
}

static uint64_t fault_v[4][2], fault_pc;

/* d0 sums what x21 walks over, d1 is scaled by 1.5 each time, v2.2d grows
 * by v3.2d; x19 counts to x24 (never reached). */
static __attribute__((noinline)) void fp_fault_loop(const double *p, uint64_t limit) {
  __asm__ volatile("mov x19, #0\n"
                   "mov x21, %0\n"
                   "mov x24, %1\n"
                   "fmov d0, #1.0\n"
                   "fmov d1, #1.0\n"
                   "fmov d5, #1.5\n"
                   "movi v2.2d, #0\n"
                   "mov x9, #3\n"
                   "mov x10, #0x100000000\n"
                   "mov v3.d[0], x9\n"
                   "mov v3.d[1], x10\n"
                   "b fp_fault_loop_top\n"
                   ".p2align 4\n"
                   ".globl fp_fault_loop_top\n"
                   "fp_fault_loop_top:\n"
                   "ldr d4, [x21], #8\n"
                   "fadd d0, d0, d4\n"
                   "fmul d1, d1, d5\n"
                   "add v2.2d, v2.2d, v3.2d\n"
                   "add x19, x19, #1\n"
                   "cmp x19, x24\n"
                   "b.ne fp_fault_loop_top\n"
                   :
                   : "r"(p), "r"(limit)
                   : "x9", "x10", "x19", "x21", "x24", "v0", "v1", "v2", "v3", "v4", "v5", "memory",
                     "cc");
}

static void on_segv(int sig, siginfo_t *si, void *ctx) {
  ucontext_t *uc = ctx;
  struct fpsimd_context *f = fpsimd_of(uc);
  for (int i = 0; i < 4 && f; i++)
    memcpy(fault_v[i], &f->vregs[i], 16);
  fault_pc = uc->uc_mcontext.pc;
  fault_caught(sig, si, ctx);
}

static double d_of(const uint64_t v[2]) {
  double d;
  memcpy(&d, &v[0], 8);
  return d;
}

static void test_fault(void) {
  uint8_t *m = page_then_hole();
  if (!m)
    return;
  double *p = (double *)(void *)m;
  for (int i = 0; i < 512; i++)
    p[i] = 0.25 * i;
  catch_with(SIGSEGV, on_segv);
  if (sigsetjmp(fault_back, 1) == 0) {
    fp_fault_loop(p, 1000000);
    printf("fault: the loop ended without a fault\n");
    return;
  }
  printf("fault: pc loop + %ld, address page + %ld\n",
         (long)(fault_pc - (uintptr_t)fp_fault_loop_top), (long)(fault_addr - (uintptr_t)m));
  printf("fault: d0 %.17g (high %#llx) d1 %.17g (high %#llx)\n", d_of(fault_v[0]),
         (unsigned long long)fault_v[0][1], d_of(fault_v[1]), (unsigned long long)fault_v[1][1]);
  printf("fault: v2 %#llx %#llx v3 %#llx %#llx\n", (unsigned long long)fault_v[2][0],
         (unsigned long long)fault_v[2][1], (unsigned long long)fault_v[3][0],
         (unsigned long long)fault_v[3][1]);
}

static uint64_t halves_v[4][2];

/* Integers kept in s and d registers, as compilers spill them there: fmov
 * w10, s1 reads v1's low half, fmov s1, w10 writes it and zeroes the high
 * half, mov v3.d[1], x11 writes v3's high half alone, before the load that
 * faults: x21 walks over words into the unmapped page, x9 is the word
 * loaded the round before; x19 counts to x24 (never reached). */
static __attribute__((noinline)) void halves_loop(const uint32_t *p, uint64_t limit) {
  __asm__ volatile("mov x19, #0\n"
                   "mov x21, %0\n"
                   "mov x24, %1\n"
                   "mov x9, #0x5555\n"
                   "dup v1.2d, x9\n"
                   "fmov d2, xzr\n"
                   "mov x9, #7\n"
                   "dup v3.2d, x9\n"
                   "mov x9, #0\n"
                   "b 1f\n"
                   ".p2align 4\n"
                   "1:\n"
                   "fmov w10, s1\n"
                   "add w10, w10, w9\n"
                   "fmov s1, w10\n"
                   "fmov x11, d2\n"
                   "eor x11, x11, x9, lsl #3\n"
                   "fmov d2, x11\n"
                   "mov v3.d[1], x11\n"
                   "ldr w9, [x21], #4\n"
                   "add x19, x19, #1\n"
                   "cmp x19, x24\n"
                   "b.ne 1b\n"
                   :
                   : "r"(p), "r"(limit)
                   : "x9", "x10", "x11", "x19", "x21", "x24", "v1", "v2", "v3", "memory", "cc");
}

static void on_segv_halves(int sig, siginfo_t *si, void *ctx) {
  ucontext_t *uc = ctx;
  struct fpsimd_context *f = fpsimd_of(uc);
  for (int i = 0; i < 4 && f; i++)
    memcpy(halves_v[i], &f->vregs[i], 16);
  fault_caught(sig, si, ctx);
}

static void test_halves(void) {
  uint8_t *m = page_then_hole();
  if (!m)
    return;
  uint32_t *p = (uint32_t *)(void *)m;
  for (int i = 0; i < 1024; i++)
    p[i] = 2654435761u * (uint32_t)i;
  catch_with(SIGSEGV, on_segv_halves);
  if (sigsetjmp(fault_back, 1) == 0) {
    halves_loop(p, 1000000);
    printf("halves: the loop ended without a fault\n");
    return;
  }
  for (int i = 1; i < 4; i++)
    printf("halves: v%d %#llx %#llx\n", i, (unsigned long long)halves_v[i][0],
           (unsigned long long)halves_v[i][1]);
}

static volatile uint32_t spin_stop;
static volatile uint64_t spin_count; /* x19, stored by the loop */
static volatile int spin_consistent = -1;

/* d0 counts in steps of 1.0, x19 with it (stored to spin_count); w9 is the
 * stop flag. */
static __attribute__((noinline)) void fp_spin_loop(double *out) {
  __asm__ volatile("mov x19, #0\n"
                   "fmov d0, xzr\n"
                   "fmov d6, #1.0\n"
                   "b fp_spin_loop_top\n"
                   ".p2align 4\n"
                   ".globl fp_spin_loop_top\n"
                   "fp_spin_loop_top:\n"
                   "ldr w9, [%1]\n"
                   "fadd d0, d0, d6\n"
                   "add x19, x19, #1\n"
                   "str x19, [%2]\n"
                   "cbz w9, fp_spin_loop_top\n"
                   "str d0, [%0]\n"
                   :
                   : "r"(out), "r"(&spin_stop), "r"(&spin_count)
                   : "x9", "x19", "v0", "v6", "memory", "cc");
}

/* d0 agrees with the instruction the signal interrupted; it grows by 1000,
 * which the loop keeps. */
static void on_alarm(int sig, siginfo_t *si, void *ctx) {
  (void)sig, (void)si;
  ucontext_t *uc = ctx;
  struct fpsimd_context *f = fpsimd_of(uc);
  if (!f) {
    spin_consistent = 0;
    spin_stop = 1;
    return;
  }
  double d0;
  memcpy(&d0, &f->vregs[0], 8);
  uint64_t x19 = uc->uc_mcontext.regs[19];
  long at = (long)(uc->uc_mcontext.pc - (uintptr_t)fp_spin_loop_top) / 4;
  int ok = 1; /* outside the loop: before it, or in the code after */
  if (at == 0 || at == 1)
    ok = d0 == (double)x19;
  else if (at == 2 || at == 3 || at == 4)
    ok = d0 == (double)(x19 + (at == 2));
  if (spin_consistent)
    spin_consistent = ok;
  d0 += 1000;
  memcpy(&f->vregs[0], &d0, 8);
  spin_stop = 1;
}

static void test_signal(void) {
  catch_with(SIGALRM, on_alarm);
  struct itimerval t = {.it_value = {0, 20000}};
  setitimer(ITIMER_REAL, &t, NULL);
  double out;
  fp_spin_loop(&out);
  printf("signal: registers consistent %d; after the loop d0 - x19 = %.17g\n", spin_consistent,
         out - (double)spin_count);
}

int main(void) {
  test_fault();
  test_halves();
  test_signal();
  return 0;
}
