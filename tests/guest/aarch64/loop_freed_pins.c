/* loop_freed_pins.c - a self-loop that never touches sp, x30, x0, x1 or
 * x19 (the registers xrun keeps in host registers in all translated code)
 * may use their host registers for its own values; the guest must still
 * see them exact: at a fault inside the loop (the SIGSEGV handler reads
 * them from its ucontext), at a fault after the loop in the same block
 * (where they are in their host registers again), at a timer signal that
 * arrives while the loop spins (the handler checks them and changes x0 and
 * x19, which the code after the loop must see), and when the function
 * returns through x30. The loops keep eight values of their own live, more
 * than the host registers left free beside the pinned ones. */
// test: arm-only: the loops are A64 assembly
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <ucontext.h>
#include "fault_catch.h"

extern char busy_loop_top[], busy_after[], spin_top[];
static uint64_t seen[8], seen_pc, seen_sp;

/* x0 = 0x1000 + 1, x1 = 0x2000 + 2, x19 = 0x3000 + 3 are set and kept; the
 * loop walks x2 over p and mixes x3..x6; x10 is the end. After the loop,
 * the same block loads from x0 (made a pointer to q first, and so the
 * loop cannot have it); x17 is a copy of x30. */
static __attribute__((noinline)) uint64_t busy(const uint64_t *p, const uint64_t *end,
                                               const uint64_t *q) {
  uint64_t r;
  __asm__ volatile("mov x17, x30\n"
                   "mov x2, %1\n"
                   "mov x10, %2\n"
                   "mov x11, %3\n"
                   "mov x0, #0x1001\n"
                   "mov x1, #0x2002\n"
                   "mov x19, #0x3003\n"
                   "mov x3, #1\n"
                   "mov x4, #2\n"
                   "mov x5, #3\n"
                   "mov x6, #4\n"
                   "b busy_loop_top\n"
                   ".p2align 4\n"
                   ".globl busy_loop_top\n"
                   "busy_loop_top:\n"
                   "ldr x12, [x2], #8\n"
                   "add x3, x3, x12\n"
                   "eor x4, x4, x3, ror #3\n"
                   "add x5, x5, x4, lsr #1\n"
                   "sub x6, x6, x5\n"
                   "add x15, x6, x4\n"
                   "cmp x2, x10\n"
                   "b.ne busy_loop_top\n"
                   "mov x0, x11\n"
                   ".globl busy_after\n"
                   "busy_after:\n"
                   "ldr x16, [x0]\n"
                   "add %0, x16, x15\n"
                   "add %0, %0, x1\n"
                   "add %0, %0, x19\n"
                   : "=&r"(r)
                   : "r"(p), "r"(end), "r"(q)
                   : "x0", "x1", "x2", "x3", "x4", "x5", "x6", "x10", "x11", "x12", "x15", "x16",
                     "x17", "x19", "memory", "cc");
  return r;
}

static void on_segv(int sig, siginfo_t *si, void *ctx) {
  const ucontext_t *uc = ctx;
  seen[0] = uc->uc_mcontext.regs[0];
  seen[1] = uc->uc_mcontext.regs[1];
  seen[2] = uc->uc_mcontext.regs[19];
  seen[3] = uc->uc_mcontext.regs[3];
  seen[4] = uc->uc_mcontext.regs[6];
  seen[5] = uc->uc_mcontext.regs[30];
  seen[6] = uc->uc_mcontext.regs[17];
  seen_pc = uc->uc_mcontext.pc;
  seen_sp = uc->uc_mcontext.sp;
  fault_caught(sig, si, ctx);
}

/* x0 is a number in the loop, and after it a pointer: printed from m. */
static void report(const char *what, const uint8_t *m, uintptr_t sp_before, int x0_ptr) {
  printf("%s: x0 %#llx x1 %#llx x19 %#llx x3 %llu x6 %#llx, x30 the return address %d, sp %+ld\n",
         what, (unsigned long long)(seen[0] - (x0_ptr ? (uintptr_t)m : 0)),
         (unsigned long long)seen[1], (unsigned long long)seen[2], (unsigned long long)seen[3],
         (unsigned long long)seen[4], seen[5] == seen[6], (long)(seen_sp - sp_before));
  printf("%s: address page + %ld\n", what, (long)(fault_addr - (uintptr_t)m));
}

static void test_faults(void) {
  uint8_t *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED || mprotect(m + 4096, 4096, PROT_NONE))
    return;
  uint64_t *p = (uint64_t *)m;
  for (int i = 0; i < 512; i++)
    p[i] = 5 * (uint64_t)i + 2;
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, NULL);
  uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
  /* in the loop: it runs into the page it may not read */
  if (sigsetjmp(fault_back, 1) == 0) {
    busy(p, p + 1024, p);
    printf("loop: no fault\n");
  } else {
    printf("loop: pc loop + %ld\n", (long)(seen_pc - (uintptr_t)busy_loop_top));
    report("loop", m, sp, 0);
  }
  /* after it: x0 points into the page it may not read */
  if (sigsetjmp(fault_back, 1) == 0) {
    busy(p, p + 64, p + 512);
    printf("after: no fault\n");
  } else {
    printf("after: pc at busy_after %d\n", seen_pc == (uintptr_t)busy_after);
    report("after", m, sp, 1);
  }
  /* no fault: the sum comes back, and the function returns through x30 */
  uint64_t q = 40;
  printf("whole: %#llx\n", (unsigned long long)busy(p, p + 100, &q));
}

static volatile uint32_t spin_stop;
static volatile int spin_seen = -1;

/* x0, x1 and x19 hold 11, 22, 33 while x3..x6 spin until the stop flag; the
 * handler finds them so and adds 1000 to x0 and x19. */
static __attribute__((noinline)) void spin(uint64_t out[3]) {
  __asm__ volatile("mov x0, #11\n"
                   "mov x1, #22\n"
                   "mov x19, #33\n"
                   "mov x3, #1\n"
                   "mov x4, #2\n"
                   "mov x5, #3\n"
                   "mov x6, #4\n"
                   "b spin_top\n"
                   ".p2align 4\n"
                   ".globl spin_top\n"
                   "spin_top:\n"
                   "ldr w9, [%1]\n"
                   "add x3, x3, x4\n"
                   "eor x4, x4, x3, ror #5\n"
                   "add x5, x5, x4\n"
                   "eor x6, x6, x5, lsl #1\n"
                   "add x12, x3, x6\n"
                   "cbz w9, spin_top\n"
                   "stp x0, x1, [%0]\n"
                   "str x19, [%0, #16]\n"
                   :
                   : "r"(out), "r"(&spin_stop)
                   : "x0", "x1", "x3", "x4", "x5", "x6", "x9", "x12", "x19", "memory", "cc");
}

static void on_alarm(int sig, siginfo_t *si, void *ctx) {
  (void)sig, (void)si;
  ucontext_t *uc = ctx;
  long at = (long)(uc->uc_mcontext.pc - (uintptr_t)spin_top) / 4;
  if (at >= 0 && at <= 6) { /* in the loop */
    int ok = uc->uc_mcontext.regs[0] == 11 && uc->uc_mcontext.regs[1] == 22 &&
             uc->uc_mcontext.regs[19] == 33;
    spin_seen = spin_seen != 0 && ok;
  }
  uc->uc_mcontext.regs[0] += 1000;
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
  uint64_t out[3];
  spin(out);
  printf("signal: x0 x1 x19 as set where it interrupted the loop: %d; after it %llu %llu %llu\n",
         spin_seen != 0, (unsigned long long)out[0], (unsigned long long)out[1],
         (unsigned long long)out[2]);
}

int main(void) {
  test_faults();
  test_signal();
  return 0;
}
