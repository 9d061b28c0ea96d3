/* fcmp_flags_read_later.c - the flags of FCMP and FCMPE where something
 * other than a branch in the same block reads them: a branch and MRS NZCV
 * in the next block (reached by an indirect branch, so it is a block of its
 * own), and a signal handler for a load that faults between the compare
 * and the next write of the flags. binary32 and binary64, each outcome
 * (less, equal, greater, unordered), and the exceptions: FCMP of a
 * signalling NaN raises Invalid once, when it runs, and reading its flags
 * later raises nothing more. */
// test: arm-only: inline assembly (fcmp, br to the next block, a load that faults after fcmp)
#include <math.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>
#include "nzcv_fault.h"

/* fcmp d0, d1 (or s0, s1 when x0 is 1); then, in the next block, the NZCV
 * MRS reads, and b.gt's outcome as bit 4. FPSR is cleared after the compare
 * and read at the end: what reading the flags raised. */
uint64_t cross_block(uint64_t single, double a, double b, uint64_t *fpsr);
__asm__(".text\n.global cross_block\n.type cross_block, %function\ncross_block:\n"
        " cbnz x0, 2f\n"
        " fcmp d0, d1\n"
        " b 3f\n"
        "2: fcvt s0, d0\n"
        " fcvt s1, d1\n"
        " fcmp s0, s1\n"
        "3: msr fpsr, xzr\n" /* what the compare raised goes; the flags stay */
        " adr x9, 4f\n"
        " br x9\n"
        "4: mov x3, #0\n"
        " b.le 5f\n"
        " mov x3, #16\n"
        "5: mrs x0, nzcv\n"
        " lsr x0, x0, #28\n"
        " orr x0, x0, x3\n"
        " mrs x4, fpsr\n"
        " str x4, [x1]\n"
        " ret\n.size cross_block, .-cross_block\n");

/* fcmp d0, d1; a load from x0 (faults); cmp x0, x0 writes the flags again. */
uint64_t fault_after(volatile uint64_t *p, double a, double b);
__asm__(".text\n.global fault_after\n.type fault_after, %function\nfault_after:\n"
        " fcmpe d0, d1\n"
        " ldr x6, [x0]\n" /* faults: the handler skips it */
        " cmp x0, x0\n"
        " mov x0, #7\n"
        " ret\n.size fault_after, .-fault_after\n");

static double snan(void) {
  uint64_t bits = 0x7ff4000000000000ull;
  double d;
  memcpy(&d, &bits, sizeof(d));
  return d;
}

int main(void) {
  const double pairs[][2] = {{1.0, 2.0}, {2.0, 2.0},       {3.0, 2.0},    {-0.0, 0.0},
                             {NAN, 1.0}, {1.0, -INFINITY}, {1e-310, 0.0}, {0.0, 0.0}};
  nzcv_fault_catch();
  for (unsigned i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
    for (uint64_t single = 0; single < 2; single++) {
      uint64_t fpsr = 99;
      uint64_t r = cross_block(single, pairs[i][0], pairs[i][1], &fpsr);
      printf("%s %g vs %g: nzcv %llx, b.gt %llu, fpsr after %llx\n", single ? "s" : "d",
             pairs[i][0], pairs[i][1], (unsigned long long)(r & 15), (unsigned long long)(r >> 4),
             (unsigned long long)fpsr);
    }
  uint64_t fpsr = 99;
  uint64_t r = cross_block(0, snan(), 1.0, &fpsr);
  printf("d snan vs 1: nzcv %llx, fpsr after %llx\n", (unsigned long long)(r & 15),
         (unsigned long long)fpsr);
  for (int round = 0; round < 2; round++)
    for (unsigned i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
      fault_nzcv = 16;
      uint64_t v = fault_after((volatile uint64_t *)16, pairs[i][0], pairs[i][1]);
      printf("fault %g vs %g: nzcv at the fault %x, returned %llu\n", pairs[i][0], pairs[i][1],
             fault_nzcv, (unsigned long long)v);
    }
  return 0;
}
