/* loop_atomic_fault.c - an LSE atomic that faults inside a loop that a
 * translator may keep registers of from one iteration to the next: the
 * fault handler's context must hold the destination register's value from
 * before the faulting atomic (the previous iteration's old memory value),
 * not the atomic's operand. The loop walks ldset over consecutive pages, the
 * fourth of which is PROT_NONE.
 */
// test: arm-only: inline A64 assembly and the A64 signal context
// test: cflags: -march=armv8.1-a
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

static sigjmp_buf back;
static volatile uint64_t seen[4];

static void on_segv(int sig, siginfo_t *si, void *ctx) {
  mcontext_t *m = &((ucontext_t *)ctx)->uc_mcontext;
  (void)sig;
  seen[0] = m->regs[10]; /* ldset's destination */
  seen[1] = m->regs[9];  /* its operand */
  seen[2] = m->regs[12]; /* the sum of the destinations so far */
  seen[3] = (uint64_t)si->si_addr - m->regs[11];
  siglongjmp(back, 1);
}

int main(void) {
  long page = sysconf(_SC_PAGESIZE);
  uint8_t *p = mmap(NULL, 4 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED || mprotect(p + 3 * page, page, PROT_NONE))
    return 1;
  for (int i = 0; i < 3; i++)
    *(uint64_t *)(p + i * page) = 0x1000 + (uint64_t)i;
  struct sigaction sa = {.sa_sigaction = on_segv, .sa_flags = SA_SIGINFO};
  sigaction(SIGSEGV, &sa, NULL);
  if (!sigsetjmp(back, 1)) {
    register uint64_t x9 __asm__("x9") = 0x5050;
    register uint64_t x10 __asm__("x10") = 7;
    register uint64_t x11 __asm__("x11") = (uint64_t)p;
    register uint64_t x12 __asm__("x12") = 0;
    register uint64_t x13 __asm__("x13") = 10;
    __asm__ volatile("1: add x12, x12, x10\n\t"
                     "ldset x9, x10, [x11]\n\t"
                     "add x11, x11, %[page]\n\t"
                     "subs x13, x13, #1\n\t"
                     "b.ne 1b"
                     : "+r"(x9), "+r"(x10), "+r"(x11), "+r"(x12), "+r"(x13)
                     : [page] "r"(page)
                     : "memory", "cc");
    printf("no fault\n");
    return 1;
  }
  printf("x10 %#llx x9 %#llx x12 %#llx fault at x11%+lld\n", (unsigned long long)seen[0],
         (unsigned long long)seen[1], (unsigned long long)seen[2], (long long)seen[3]);
  for (int i = 0; i < 3; i++)
    printf("page %d: %#llx\n", i, (unsigned long long)*(uint64_t *)(p + i * page));
  return 0;
}
