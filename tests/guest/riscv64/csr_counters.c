/* Zicntr and Zicsr from user mode: rdtime, rdcycle and rdinstret move
 * forward; time agrees with CLOCK_MONOTONIC in direction; a write to a
 * read-only counter, and any CSR a user program does not have, raise SIGILL
 * (si_code ILL_ILLOPC at the instruction); frflags/fsflags/frrm/fsrm and
 * fcsr are one register. */
// test: guest-only: riscv64 CSR instructions
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static sigjmp_buf env;
static void on_ill(int sig, siginfo_t *si, void *ctx) {
  (void)ctx;
  printf("  SIGILL %d code %d\n", sig == SIGILL, si->si_code);
  siglongjmp(env, 1);
}

#define TRY(what, asm_text)                                                                        \
  do {                                                                                             \
    printf("%s\n", what);                                                                          \
    if (!sigsetjmp(env, 1)) {                                                                      \
      __asm__ volatile(asm_text ::: "t0", "memory");                                               \
      printf("  no signal\n");                                                                     \
    }                                                                                              \
  } while (0)

int main(void) {
  uint64_t t0, t1, c0, c1, i0, i1;
  __asm__ volatile("rdtime %0\n rdcycle %1\n rdinstret %2" : "=r"(t0), "=r"(c0), "=r"(i0));
  struct timespec a, b;
  clock_gettime(CLOCK_MONOTONIC, &a);
  do
    clock_gettime(CLOCK_MONOTONIC, &b);
  while ((b.tv_sec - a.tv_sec) * 1000000000 + (b.tv_nsec - a.tv_nsec) < 20000000);
  __asm__ volatile("rdtime %0\n rdcycle %1\n rdinstret %2" : "=r"(t1), "=r"(c1), "=r"(i1));
  printf("time forward %d, cycle forward %d, instret forward %d\n", t1 > t0, c1 > c0, i1 > i0);
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_sigaction = on_ill;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGILL, &sa, NULL);
  TRY("csrw time", "csrw time, zero");
  TRY("csrs cycle, t0 (t0 = 1)", "li t0, 1\n csrs cycle, t0");
  TRY("csrr mstatus", "csrr t0, mstatus");
  TRY("csrr sstatus", "csrr t0, sstatus");
  TRY("csrr 0x7c0", "csrr t0, 0x7c0");
  TRY("csrr time (read only is fine)", "csrr t0, time");
  unsigned long fcsr, fl, rm;
  __asm__ volatile("fsrm %3\n fsflags %4\n frcsr %0\n frflags %1\n frrm %2"
                   : "=&r"(fcsr), "=&r"(fl), "=&r"(rm)
                   : "r"(2), "r"(0x15));
  printf("fcsr %lx flags %lx rm %lx\n", fcsr, fl, rm);
  __asm__ volatile("fscsr %3\n frcsr %0\n frflags %1\n frrm %2"
                   : "=&r"(fcsr), "=&r"(fl), "=&r"(rm)
                   : "r"(0x1ff));
  printf("after fscsr 0x1ff: fcsr %lx flags %lx rm %lx\n", fcsr, fl, rm);
  __asm__ volatile("fscsr zero");
  return 0;
}
