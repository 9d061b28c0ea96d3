/* pinned_regs_sync.c - the registers a translator may keep in host registers
 * from block to block (sp, x30, x0, x1, x19, x2) as C code outside the
 * program sees them: a fault handler's context must hold the values the
 * instructions just before the fault wrote, and its changes must reach the
 * program, also where the faulting load writes w0; a signal handler at a loop's head must see every
 * register of the same iteration; CASP (a helper in a translator) must compare and write the values
 * just written into x0, x1 and x19; other instructions a translator may hand to C code (a byte-lane
 * SSHR, SQADD of words, MRS of the flags) must leave x2 as it was.
 */
// test: arm-only: inline A64 assembly and the A64 signal context
// test: cflags: -march=armv8.1-a
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <ucontext.h>

static volatile uint64_t seen[6];

/* The load at x4 = 8 faults: note the registers, go past it, and change x0
 * and x19 for the program. */
static void on_segv(int sig, siginfo_t *si, void *ctx) {
  mcontext_t *m = &((ucontext_t *)ctx)->uc_mcontext;
  (void)sig, (void)si;
  seen[0] = m->regs[0], seen[1] = m->regs[1], seen[2] = m->regs[2];
  seen[3] = m->regs[19], seen[4] = m->regs[30], seen[5] = m->sp;
  m->pc += 4;
  m->regs[0] = 0xa0a0;
  m->regs[19] = 0x1919;
}

static void catch_segv(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, NULL);
}

static void fault_test(void) {
  catch_segv();
  uint64_t sp, x0, x19;
  __asm__ volatile("mov %[sp], sp\n\t"
                   "mov x0, #0x1000\n\t"
                   "mov x1, #0x2000\n\t"
                   "mov x2, #0x5000\n\t"
                   "mov x19, #0x3000\n\t"
                   "mov x30, #0x4000\n\t"
                   "sub sp, sp, #64\n\t"
                   "mov x4, #8\n\t"
                   "ldr x3, [x4]\n\t" /* faults */
                   "add sp, sp, #64\n\t"
                   "mov %[x0], x0\n\t"
                   "mov %[x19], x19\n\t"
                   : [sp] "=&r"(sp), [x0] "=r"(x0), [x19] "=r"(x19)
                   :
                   : "x0", "x1", "x2", "x3", "x4", "x19", "x30", "memory");
  printf("fault: x0=%#llx x1=%#llx x2=%#llx x19=%#llx x30=%#llx sp=%s\n",
         (unsigned long long)seen[0], (unsigned long long)seen[1], (unsigned long long)seen[2],
         (unsigned long long)seen[3], (unsigned long long)seen[4],
         seen[5] == sp - 64 ? "sp-64" : "wrong");
  printf("after the handler: x0=%#llx x19=%#llx\n", (unsigned long long)x0,
         (unsigned long long)x19);
}

/* A byte load into w0 that faults: x0 is still the value before it (a
 * translator may load the byte straight into the register that holds x0). */
static void narrow_load_fault_test(void) {
  catch_segv();
  uint64_t x1;
  __asm__ volatile("mov x0, #0x1234\n\t"
                   "mov x4, #8\n\t"
                   "ldrb w0, [x4]\n\t" /* faults */
                   "cmp w0, #0x45\n\t"
                   "cset w1, eq\n\t"
                   "mov %[x1], x1\n\t"
                   : [x1] "=r"(x1)
                   :
                   : "x0", "x1", "x4", "x19", "memory", "cc");
  printf("narrow load fault: x0=%#llx\n", (unsigned long long)seen[0]);
}

static void helper_test(void) {
  uint64_t mem[2] __attribute__((aligned(16))) = {5, 6};
  uint64_t a0, a1, b0, b1;
  __asm__ volatile("mov x19, %[p]\n\t"
                   "mov x0, #5\n\t"
                   "mov x1, #6\n\t"
                   "mov x2, #7\n\t"
                   "mov x3, #8\n\t"
                   "casp x0, x1, x2, x3, [x19]\n\t" /* equal: stores 7, 8 */
                   "mov %[a0], x0\n\t"
                   "mov %[a1], x1\n\t"
                   "mov x0, #5\n\t"
                   "mov x1, #6\n\t"
                   "mov x2, #9\n\t"
                   "mov x3, #10\n\t"
                   "casp x0, x1, x2, x3, [x19]\n\t" /* differs: x0, x1 = 7, 8 */
                   "mov %[b0], x0\n\t"
                   "mov %[b1], x1\n\t"
                   : [a0] "=&r"(a0), [a1] "=&r"(a1), [b0] "=&r"(b0), [b1] "=&r"(b1)
                   : [p] "r"(mem)
                   : "x0", "x1", "x2", "x3", "x19", "memory");
  printf("casp: %llu %llu, then %llu %llu, memory %llu %llu\n", (unsigned long long)a0,
         (unsigned long long)a1, (unsigned long long)b0, (unsigned long long)b1,
         (unsigned long long)mem[0], (unsigned long long)mem[1]);
}

/* Three times, so that the second and third runs go through chained jumps,
 * where the state struct's x2 is stale until a block leaves translated code. */
static void call_test(void) {
  static volatile uint64_t start;
  for (int i = 0; i < 3; i++) {
    uint64_t x2, nzcv, lanes[2];
    start = 0x2222 + 0x100 * (uint64_t)i;
    __asm__ volatile("ldr x2, [%[start]]\n\t"
                     "b 1f\n" /* x2 comes from another block */
                     "1:\n\t"
                     "movi v1.16b, #0x80\n\t"
                     "sshr v0.16b, v1.16b, #3\n\t"
                     "add x2, x2, #1\n\t"
                     "sqadd v0.4s, v0.4s, v1.4s\n\t"
                     "add x2, x2, #1\n\t"
                     "mov x9, #0x2324\n\t"
                     "subs x9, x2, x9\n\t"
                     "mrs %[nzcv], nzcv\n\t"
                     "add x2, x2, #1\n\t"
                     "mov %[x2], x2\n\t"
                     "st1 {v0.2d}, [%[lanes]]\n\t"
                     : [x2] "=&r"(x2), [nzcv] "=&r"(nzcv)
                     : [lanes] "r"(lanes), [start] "r"(&start)
                     : "x2", "x9", "v0", "v1", "memory", "cc");
    printf("calls: x2=%#llx nzcv=%#llx lanes %#llx %#llx\n", (unsigned long long)x2,
           (unsigned long long)nzcv, (unsigned long long)lanes[0], (unsigned long long)lanes[1]);
  }
}

extern const char pin_loop_head[];
static volatile int at_head, bad, stop_flag, signals;
#define STOP (1ull << 40)

/* At the loop's head x0 = x19 + 7, x1 = ~x19, x5 = x19 for one iteration.
 * The first time there, the handler makes x19 = STOP, which ends the loop
 * after one more iteration;
 * a program that never gets there is stopped through memory instead. */
static void on_alarm(int sig, siginfo_t *si, void *ctx) {
  mcontext_t *m = &((ucontext_t *)ctx)->uc_mcontext;
  (void)sig, (void)si;
  if (++signals > 400)
    stop_flag = 1;
  if (m->pc != (uint64_t)pin_loop_head || at_head)
    return;
  uint64_t i = m->regs[19];
  bad += m->regs[0] != i + 7 || m->regs[1] != ~i || m->regs[5] != i;
  at_head = 1;
  m->regs[19] = STOP, m->regs[5] = STOP, m->regs[0] = STOP + 7, m->regs[1] = ~STOP;
}

static void signal_test(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_sigaction = on_alarm;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGALRM, &sa, NULL);
  struct itimerval it = {{0, 1000}, {0, 1000}};
  setitimer(ITIMER_REAL, &it, NULL);
  uint64_t x19;
  __asm__ volatile("mov x19, #0\n\t"
                   "mov x5, #0\n\t"
                   "mov x0, #7\n\t"
                   "mvn x1, x19\n\t"
                   ".globl pin_loop_head\n"
                   "pin_loop_head:\n\t"
                   "ldr w7, [%[flag]]\n\t"
                   "cbnz w7, 1f\n\t"
                   "add x19, x19, #1\n\t"
                   "add x5, x5, #1\n\t"
                   "add x0, x19, #7\n\t"
                   "mvn x1, x19\n\t"
                   "lsr x8, x19, #40\n\t"
                   "cbz x8, pin_loop_head\n"
                   "1:\n\t"
                   "mov %[x19], x19\n\t"
                   : [x19] "=r"(x19)
                   : [flag] "r"(&stop_flag)
                   : "x0", "x1", "x5", "x7", "x8", "x19", "memory");
  struct itimerval off = {{0, 0}, {0, 0}};
  setitimer(ITIMER_REAL, &off, NULL);
  printf("signal at the loop head: %s, registers %s, loop ended by %s\n",
         at_head ? "seen" : "never", bad ? "torn" : "of one iteration",
         x19 == STOP + 1 && !stop_flag ? "the handler's x19" : "something else");
}

int main(void) {
  fault_test();
  narrow_load_fault_test();
  helper_test();
  call_test();
  signal_test();
  return 0;
}
