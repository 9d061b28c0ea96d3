/* signal_segv_deferred_address.c - a load faults after adr wrote a register
 * that a later instruction of the same block writes again: the signal
 * handler must see the address adr made. xrun keeps that value out of the
 * guest state until a fault needs it (a deferred store whose value is a
 * guest address), and a block loaded from the persistent cache holds it
 * relative to where the program was loaded then (the static-pie variant
 * loads elsewhere each run). */
// test: arm-only: inline assembly (adr, and a load that faults between two writes of x5)
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>

extern char probe_label[];
uint64_t probe(volatile uint64_t *p);
__asm__(".text\n.global probe\n.type probe, %function\nprobe:\n"
        " adr x5, probe_label\n"
        " ldr x6, [x0]\n" /* faults: the handler skips it */
        ".global probe_label\nprobe_label:\n"
        " mov x5, #0\n"
        " mov x0, x5\n"
        " ret\n.size probe, .-probe\n");

static volatile uint64_t seen_x5;
static volatile int faults;

static void on_segv(int sig, siginfo_t *si, void *ucv) {
  ucontext_t *uc = ucv;
  (void)sig, (void)si;
  seen_x5 = uc->uc_mcontext.regs[5];
  faults++;
  uc->uc_mcontext.pc += 4; /* on past the load */
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, NULL);
  for (int i = 0; i < 3; i++) {
    seen_x5 = 1;
    uint64_t r = probe((volatile uint64_t *)16);
    printf("round %d: faults %d, x5 at the fault %s, x5 after %llu\n", i, faults,
           seen_x5 == (uint64_t)(uintptr_t)probe_label ? "is adr's address" : "is WRONG",
           (unsigned long long)r);
  }
  return 0;
}
