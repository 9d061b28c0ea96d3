/* signal_segv_deferred_ccmp.c - a load faults between a CCMP (or CCMN) and
 * the next write of the flags, and a conditional branch on the CCMP's flags
 * follows the load: the signal handler must see the NZCV the CCMP made,
 * both where its condition held (the compare's flags) and where it failed
 * (the immediate nibble). xrun keeps those flags out of the guest state, as
 * the compare's operands and a branch, until a fault or an exit needs them. */
// test: arm-only: inline assembly (ccmp, and a load that faults between two writes of NZCV)
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>
#include "nzcv_fault.h"

uint64_t probe_ccmp(volatile uint64_t *p, uint64_t a, uint64_t b, uint64_t c, uint64_t d);
uint64_t probe_ccmn(volatile uint64_t *p, uint64_t a, uint64_t b, uint64_t c, uint64_t d);
__asm__(".text\n.global probe_ccmp\n.type probe_ccmp, %function\nprobe_ccmp:\n"
        " cmp x1, x2\n"
        " ccmp x3, x4, #6, ne\n"
        " ldr x6, [x0]\n" /* faults: the handler skips it */
        " b.eq 1f\n"
        " cmp x0, x0\n"
        " mov x0, #1\n"
        " ret\n"
        "1: cmp x0, x0\n"
        " mov x0, #2\n"
        " ret\n.size probe_ccmp, .-probe_ccmp\n"
        ".global probe_ccmn\n.type probe_ccmn, %function\nprobe_ccmn:\n"
        " tst w1, w2\n"
        " ccmn w3, w4, #9, eq\n"
        " ldr x6, [x0]\n"
        " b.lt 1f\n"
        " cmp x0, x0\n"
        " mov x0, #1\n"
        " ret\n"
        "1: cmp x0, x0\n"
        " mov x0, #2\n"
        " ret\n.size probe_ccmn, .-probe_ccmn\n");

static const uint64_t args[][4] = {
    {1, 1, 3, 5}, /* condition fails: the immediate */
    {1, 2, 5, 5},          {1, 2, 3, 5},
    {1, 2, 5, 3},          {1, 2, 0x8000000000000000ull, 1},
    {0, 7, 0x7fffffff, 1}, {0xff, 0x0f, 0xffffffff, 1},
    {2, 1, 0xfffffffe, 2},
};

int main(void) {
  nzcv_fault_catch();
  for (int round = 0; round < 2; round++)
    for (unsigned i = 0; i < sizeof(args) / sizeof(args[0]); i++) {
      const uint64_t *a = args[i];
      fault_nzcv = 16;
      uint64_t r = probe_ccmp((volatile uint64_t *)16, a[0], a[1], a[2], a[3]);
      printf("ccmp %u: nzcv at the fault %x, branch %llu\n", i, fault_nzcv, (unsigned long long)r);
      fault_nzcv = 16;
      r = probe_ccmn((volatile uint64_t *)16, a[0], a[1], a[2], a[3]);
      printf("ccmn %u: nzcv at the fault %x, branch %llu\n", i, fault_nzcv, (unsigned long long)r);
    }
  return 0;
}
