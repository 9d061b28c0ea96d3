/* loop_carried_fault_signal.c - guest registers a self-loop keeps in host
 * registers are exact where a program can see them: at a fault inside the
 * loop (a load running into an unmapped page after 512 iterations; the
 * SIGSEGV handler reads the registers and NZCV from its ucontext), at a
 * timer signal that arrives while the loop spins (the handler checks that
 * the registers agree with the pc it interrupted, and changes one, which
 * the loop must go on with after sigreturn), and after the loop ends. */
// test: arm-only: the loops are A64 assembly
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <ucontext.h>
#include "fault_catch.h"

extern char fault_loop_top[], spin_loop_top[];
static uint64_t fault_regs[6], fault_pc, fault_nzcv;

/* x19 counts, x20 sums what x21 walks over, x22 is the last value loaded,
 * x23 mixes them, x24 is the (never reached) limit. */
static __attribute__((noinline)) void fault_loop(const uint64_t *p, uint64_t limit) {
  __asm__ volatile("mov x19, #0\n"
                   "mov x20, #0\n"
                   "mov x21, %0\n"
                   "mov x22, #0\n"
                   "mov x23, #7\n"
                   "mov x24, %1\n"
                   "b fault_loop_top\n"
                   ".p2align 4\n"
                   ".globl fault_loop_top\n"
                   "fault_loop_top:\n"
                   "ldr x22, [x21], #8\n"
                   "add x20, x20, x22\n"
                   "add x19, x19, #1\n"
                   "eor x23, x23, x20, ror #7\n"
                   "cmp x19, x24\n"
                   "b.ne fault_loop_top\n"
                   :
                   : "r"(p), "r"(limit)
                   : "x19", "x20", "x21", "x22", "x23", "x24", "memory", "cc");
}

static void on_segv(int sig, siginfo_t *si, void *ctx) {
  const ucontext_t *uc = ctx;
  for (int i = 0; i < 6; i++)
    fault_regs[i] = uc->uc_mcontext.regs[19 + i];
  fault_pc = uc->uc_mcontext.pc;
  fault_nzcv = uc->uc_mcontext.pstate >> 28 & 15;
  fault_caught(sig, si, ctx);
}

static void test_fault(void) {
  uint8_t *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED || mprotect(m + 4096, 4096, PROT_NONE))
    return;
  uint64_t *p = (uint64_t *)m;
  for (int i = 0; i < 512; i++)
    p[i] = 3 * (uint64_t)i + 1;
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, NULL);
  if (sigsetjmp(fault_back, 1) == 0) {
    fault_loop(p, 1000000);
    printf("fault: the loop ended without a fault\n");
    return;
  }
  printf("fault: pc loop + %ld, address page + %ld\n", (long)(fault_pc - (uintptr_t)fault_loop_top),
         (long)(fault_addr - (uintptr_t)m));
  printf("fault: x19 %llu x20 %llu x21 page + %lld x22 %llu x23 %#llx x24 %llu nzcv %#llx\n",
         (unsigned long long)fault_regs[0], (unsigned long long)fault_regs[1],
         (long long)(fault_regs[2] - (uintptr_t)m), (unsigned long long)fault_regs[3],
         (unsigned long long)fault_regs[4], (unsigned long long)fault_regs[5],
         (unsigned long long)fault_nzcv);
}

static volatile uint32_t spin_stop;
static volatile uint64_t spin_count; /* x19, stored by the loop */
static volatile int spin_consistent = -1;

/* x19 counts (and is stored to spin_count), x20 = 3 * x19 at the loop's
 * start; w9 is the stop flag. */
static __attribute__((noinline)) void spin_loop(uint64_t out[2]) {
  __asm__ volatile("mov x19, #0\n"
                   "mov x20, #0\n"
                   "b spin_loop_top\n"
                   ".p2align 4\n"
                   ".globl spin_loop_top\n"
                   "spin_loop_top:\n"
                   "ldr w9, [%1]\n"
                   "add x19, x19, #1\n"
                   "str x19, [%2]\n"
                   "add x20, x20, #3\n"
                   "cbz w9, spin_loop_top\n"
                   "stp x19, x20, [%0]\n"
                   :
                   : "r"(out), "r"(&spin_stop), "r"(&spin_count)
                   : "x9", "x19", "x20", "memory", "cc");
}

/* The registers agree with the instruction the signal interrupted; x19
 * grows by 1000, which the loop keeps. */
static void on_alarm(int sig, siginfo_t *si, void *ctx) {
  (void)sig, (void)si;
  ucontext_t *uc = ctx;
  uint64_t x19 = uc->uc_mcontext.regs[19], x20 = uc->uc_mcontext.regs[20];
  uint64_t count = spin_count;
  long at = (long)(uc->uc_mcontext.pc - (uintptr_t)spin_loop_top) / 4;
  int ok = 0;
  if (at == 0 || at == 1 || at == 4)
    ok = x20 == 3 * x19 && count == x19;
  else if (at == 2)
    ok = x20 + 3 == 3 * x19 && count + 1 == x19;
  else if (at == 3)
    ok = x20 + 3 == 3 * x19 && count == x19;
  else
    ok = 1; /* outside the loop: before it, or in the code after */
  if (spin_consistent)
    spin_consistent = ok;
  uc->uc_mcontext.regs[19] += 1000;
  spin_stop = 1;
}

static void test_signal(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_sigaction = on_alarm;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGALRM, &sa, NULL);
  struct itimerval t = {.it_value = {0, 20000}};
  setitimer(ITIMER_REAL, &t, NULL);
  uint64_t out[2];
  spin_loop(out);
  printf("signal: registers consistent %d; after the loop x19 - x20 / 3 = %llu\n", spin_consistent,
         (unsigned long long)(out[0] - out[1] / 3));
}

int main(void) {
  test_fault();
  test_signal();
  return 0;
}
