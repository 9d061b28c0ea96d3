/* loop_taken_branch_trace.c - loops whose way round is the taken side of a
 * conditional branch, whose fall-through leaves the loop (xrun translates
 * such a loop as one block that follows the branch): their results, both
 * ways out, the exact state at a fault in either part of the loop, and a
 * timer's signals while one runs. */
// test: arm-only: the loops are A64 assembly
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <ucontext.h>
#include "fault_catch.h"

extern char sum_loop_top[];
static uint64_t fault_reg[16], fault_pc, fault_nzcv;

struct sum {
  uint64_t x9, x11, x12, x15, how;
};

/* x9 += *x11++ while x9 <= x13, storing each x9 at *x12++, x15 times:
 * how is 1 when x9 passed x13, 2 when the count ran out. */
static __attribute__((noinline)) struct sum sum_loop(const uint64_t *in, uint64_t *out,
                                                     uint64_t limit, uint64_t n) {
  struct sum r;
  __asm__ volatile("mov x9, #0\n"
                   "mov x11, %5\n"
                   "mov x12, %6\n"
                   "mov x13, %7\n"
                   "mov x15, %8\n"
                   "cmp x13, x13\n"
                   ".p2align 4\n"
                   ".globl sum_loop_top\n"
                   "sum_loop_top:\n"
                   "ldr x10, [x11], #8\n"
                   "add x9, x9, x10\n"
                   "cmp x9, x13\n"
                   "b.ls 1f\n"
                   "mov x14, #1\n"
                   "b 2f\n"
                   "1:\n"
                   "str x9, [x12], #8\n"
                   "subs x15, x15, #1\n"
                   "b.ne sum_loop_top\n"
                   "mov x14, #2\n"
                   "2:\n"
                   "mov %0, x9\n"
                   "mov %1, x11\n"
                   "mov %2, x12\n"
                   "mov %3, x15\n"
                   "mov %4, x14\n"
                   : "=r"(r.x9), "=r"(r.x11), "=r"(r.x12), "=r"(r.x15), "=r"(r.how)
                   : "r"(in), "r"(out), "r"(limit), "r"(n)
                   : "x9", "x10", "x11", "x12", "x13", "x14", "x15", "memory", "cc");
  return r;
}

/* The escape-time loop of a Mandelbrot point: iterations until |z| > 2. */
static __attribute__((noinline)) int escape(double cr, double ci, int max) {
  int n;
  __asm__ volatile("fmov d0, xzr\n"
                   "fmov d1, xzr\n"
                   "fmov d8, #4.0\n"
                   "mov w1, #0\n"
                   "1:\n"
                   "fmul d2, d0, d0\n"
                   "fmul d3, d1, d1\n"
                   "fadd d4, d2, d3\n"
                   "fcmpe d4, d8\n"
                   "b.ls 2f\n"
                   "b 3f\n"
                   "2:\n"
                   "fadd d0, d0, d0\n"
                   "fsub d2, d2, d3\n"
                   "add w1, w1, #1\n"
                   "fmul d1, d0, d1\n"
                   "fadd d0, d2, %d1\n"
                   "fadd d1, %d2, d1\n"
                   "cmp w1, %w3\n"
                   "b.ne 1b\n"
                   "3:\n"
                   "mov %w0, w1\n"
                   : "=r"(n)
                   : "w"(cr), "w"(ci), "r"(max)
                   : "x1", "d0", "d1", "d2", "d3", "d4", "d8", "cc");
  return n;
}

static void on_segv(int sig, siginfo_t *si, void *ctx) {
  const ucontext_t *uc = ctx;
  for (int i = 0; i < 16; i++)
    fault_reg[i] = uc->uc_mcontext.regs[i];
  fault_pc = uc->uc_mcontext.pc;
  fault_nzcv = uc->uc_mcontext.pstate >> 28 & 15;
  fault_caught(sig, si, ctx);
}

static void show(const char *name, struct sum r, const uint64_t *in, const uint64_t *out) {
  printf("%s: x9 %llu, x11 in + %ld, x12 out + %ld, x15 %llu, out of the loop by %s\n", name,
         (unsigned long long)r.x9, (long)((const char *)(uintptr_t)r.x11 - (const char *)in),
         (long)((const char *)(uintptr_t)r.x12 - (const char *)out), (unsigned long long)r.x15,
         r.how == 1 ? "the limit" : "the count");
}

/* The loop faulting: at its load (in at guard - 8 * before) or its store
 * (out at guard - 8 * before) after `before` iterations. */
static void run_fault(const char *name, uint64_t *in, uint64_t *out, uint64_t *guard) {
  if (sigsetjmp(fault_back, 1) == 0) {
    sum_loop(in, out, ~0ull, 100000);
    printf("%s: the loop ended without a fault\n", name);
    return;
  }
  printf("%s: pc loop + %ld, address guard + %ld, x9 %llu, x11 guard + %ld, x12 guard + %ld, "
         "x15 %llu, nzcv %#llx\n",
         name, (long)(fault_pc - (uintptr_t)sum_loop_top), (long)(fault_addr - (uintptr_t)guard),
         (unsigned long long)fault_reg[9], (long)(fault_reg[11] - (uintptr_t)guard),
         (long)(fault_reg[12] - (uintptr_t)guard), (unsigned long long)fault_reg[15],
         (unsigned long long)fault_nzcv);
}

static volatile int ticks;
static void on_alarm(int sig) {
  (void)sig;
  ticks++;
}

int main(void) {
  enum { N = 512 };
  uint8_t *m = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED || mprotect(m + 4096, 4096, PROT_NONE))
    return 1;
  uint64_t *in = (uint64_t *)(void *)m, *guard = (uint64_t *)(void *)(m + 4096);
  uint64_t *out = (uint64_t *)(void *)(m + 8192);
  for (int i = 0; i < N; i++)
    in[i] = (uint64_t)(i * 7 % 13 + 1);

  show("count", sum_loop(in, out, ~0ull, 100), in, out);
  printf("count: out[0] %llu, out[99] %llu\n", (unsigned long long)out[0],
         (unsigned long long)out[99]);
  show("limit", sum_loop(in, out, 1000, N), in, out);
  show("limit at once", sum_loop(in, out, 0, N), in, out);

  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, NULL);
  run_fault("load, first iteration", guard, out, guard);
  run_fault("load, after 100", guard - 100, out, guard);
  run_fault("store, first iteration", in, (uint64_t *)(void *)(m + 4096), guard);
  run_fault("store, after 100", in, guard - 100, guard);

  int total = 0;
  for (int y = -12; y <= 12; y++)
    for (int x = -20; x <= 10; x++)
      total += escape(x / 10.0, y / 10.0, 200);
  printf("escape: %d iterations in all\n", total);

  signal(SIGALRM, on_alarm);
  struct itimerval it = {{0, 2000}, {0, 2000}};
  setitimer(ITIMER_REAL, &it, NULL);
  long rounds = 0;
  while (ticks < 5) {
    total = escape(-0.5, 0.1, 100000);
    rounds++;
  }
  memset(&it, 0, sizeof(it));
  setitimer(ITIMER_REAL, &it, NULL);
  printf("with a timer: %d iterations a round, 5 ticks came (%s)\n", total,
         rounds > 0 ? "rounds ran" : "no round");
  return 0;
}
