/* loop_lazy_flags_fault.c - the flags a self-loop sets are exact at a fault
 * before its compare: a byte-hash loop (ldrb, then the cmp that closes the
 * loop) walks into an unmapped page, and the SIGSEGV handler reads NZCV
 * from its ucontext. At its first iteration they are the flags the code
 * before the loop left (cmp x9, x9: Z and C); after 100 iterations those of
 * the loop's last cmp (x11 above x12: C only). */
// test: arm-only: the loop is A64 assembly
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include "fault_catch.h"

extern char hash_loop_top[], fill_loop_top[];
static uint64_t fault_x9, fault_x11, fault_pc, fault_nzcv;

/* w9 = w9 * 33 ^ byte over [x11, x12); the flags set by cmp x9, x9 first.
 * It uses none of the registers xrun keeps in host registers everywhere
 * (sp, x30, x0, x1, x19), so the loop block may borrow theirs. */
static __attribute__((noinline)) uint64_t hash_loop(const uint8_t *p, const uint8_t *end) {
  uint64_t h;
  __asm__ volatile("mov x9, #5381\n"
                   "mov x11, %1\n"
                   "mov x12, %2\n"
                   "cmp x9, x9\n"
                   "b hash_loop_top\n"
                   ".p2align 4\n"
                   ".globl hash_loop_top\n"
                   "hash_loop_top:\n"
                   "ldrb w10, [x11], #1\n"
                   "add w9, w9, w9, lsl #5\n"
                   "eor w9, w10, w9\n"
                   "cmp x11, x12\n"
                   "b.ne hash_loop_top\n"
                   "mov %0, x9\n"
                   : "=r"(h)
                   : "r"(p), "r"(end)
                   : "x9", "x10", "x11", "x12", "memory", "cc");
  return h;
}

/* Stores w22 at x20 + x1, x1 stepping by 2 from an odd start, until x1
 * is the even x19 (never): as x1 passes x19 the compare's N and C change
 * while the loop goes on, so the flags at a later fault are not the first
 * iteration's. Its registers are mostly ones xrun keeps in host registers
 * everywhere (x1, x19), which leaves it registers for the flags' lazy
 * image. */
static __attribute__((noinline)) void fill_loop(uint8_t *base, uint64_t from) {
  __asm__ volatile("mov x20, %0\n"
                   "mov x1, %1\n"
                   "mov x3, #2\n"
                   "mov x19, #4000\n"
                   "mov w22, #0x5a\n"
                   "cmp x22, x22\n"
                   "b fill_loop_top\n"
                   ".p2align 4\n"
                   ".globl fill_loop_top\n"
                   "fill_loop_top:\n"
                   "strb w22, [x20, x1]\n"
                   "add x1, x1, x3\n"
                   "cmp x1, x19\n"
                   "b.ne fill_loop_top\n"
                   :
                   : "r"(base), "r"(from)
                   : "x1", "x3", "x19", "x20", "x22", "memory", "cc");
}

static void on_segv(int sig, siginfo_t *si, void *ctx) {
  const ucontext_t *uc = ctx;
  int fill = uc->uc_mcontext.pc - (uintptr_t)fill_loop_top < 64;
  fault_x9 = uc->uc_mcontext.regs[fill ? 19 : 9];
  fault_x11 = uc->uc_mcontext.regs[fill ? 1 : 11];
  fault_pc = uc->uc_mcontext.pc;
  fault_nzcv = uc->uc_mcontext.pstate >> 28 & 15;
  fault_caught(sig, si, ctx);
}

/* The loop from guard - before to a limit it never reaches (below its
 * start, so each cmp leaves C set and N clear). */
static void run(const char *name, uint8_t *guard, long before) {
  for (long i = 0; i < before; i++)
    guard[i - before] = (uint8_t)(i * 7 + 1);
  if (sigsetjmp(fault_back, 1) == 0) {
    hash_loop(guard - before, guard - before - 1);
    printf("%s: the loop ended without a fault\n", name);
    return;
  }
  printf("%s: pc loop + %ld, address guard + %ld, x11 guard + %ld, x9 %#llx, nzcv %#llx\n", name,
         (long)(fault_pc - (uintptr_t)hash_loop_top), (long)(fault_addr - (uintptr_t)guard),
         (long)(fault_x11 - (uintptr_t)guard), (unsigned long long)fault_x9,
         (unsigned long long)fault_nzcv);
}

/* The fill loop over the page before guard, its store faulting at guard + 1
 * after `before` iterations. */
static void run_fill(const char *name, uint8_t *guard, long before) {
  if (sigsetjmp(fault_back, 1) == 0) {
    fill_loop(guard - 4096, (uint64_t)(4097 - 2 * before));
    printf("%s: the loop ended without a fault\n", name);
    return;
  }
  printf("%s: pc loop + %ld, address guard + %ld, x1 %lld, x19 %lld, nzcv %#llx\n", name,
         (long)(fault_pc - (uintptr_t)fill_loop_top), (long)(fault_addr - (uintptr_t)guard),
         (long long)fault_x11, (long long)fault_x9, (unsigned long long)fault_nzcv);
}

int main(void) {
  uint8_t *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED || mprotect(m + 4096, 4096, PROT_NONE))
    return 1;
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, NULL);
  run("first iteration", m + 4096, 0);
  run("after 100", m + 4096, 100);
  mprotect(m + 4096, 4096, PROT_READ); /* read-only now: the fill loop's store faults */
  run_fill("fill, first iteration", m + 4096, 0);
  run_fill("fill, after 100", m + 4096, 100);
  return 0;
}
