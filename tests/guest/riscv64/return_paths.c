/* return_paths.c - the riscv64 twin of tests/guest/aarch64's: returns
 * through a changed ra, two calls whose return addresses are 1024 bytes
 * apart, and a loop of returns to one call's return address until a
 * timer's signal ends it; and tests/guest/return_paths.h.
 */
// test: arm-only: inline RISC-V assembly
#define LINK "ra"
#define MARK "t3"
#include "../return_paths.h"

/* JAL, then ra moved past the instruction after it: the return must skip
 * it (t3 stays 0). */
static long changed_link(void) {
  long t3;
  __asm__ volatile("  li t3, 0\n"
                   "  jal ra, 1f\n"
                   "  li t3, 1\n" /* where the JAL would return */
                   "  j 2f\n"
                   "1: lla ra, 2f\n"
                   "  ret\n"
                   "2: mv %0, t3\n"
                   : "=r"(t3)
                   :
                   : "t3", "ra", "memory");
  return t3;
}

/* The outer JAL returns to 1b; the inner JAL, 1024 bytes on, returns to
 * an address whose low 10 bits are the same, and runs while the outer call
 * waits. Both returns must come back where their ra says. */
static long colliding_returns(void) {
  long steps;
  __asm__ volatile(".option push\n"
                   ".option norvc\n" /* 4-byte instructions: the distances are exact */
                   "  li t3, 0\n"
                   "  jal ra, 10f\n"
                   "1: addi t3, t3, 100\n"
                   "  j 20f\n"
                   "  .skip 1012\n"
                   "10: jal ra, 11f\n" /* 1024 bytes after the first JAL */
                   "  addi t3, t3, 10\n"
                   "  lla ra, 1b\n"
                   "  ret\n"
                   "11: addi t3, t3, 1\n"
                   "  ret\n"
                   "20: mv %0, t3\n"
                   ".option pop\n"
                   : "=r"(steps)
                   :
                   : "t3", "ra", "memory");
  return steps;
}

/* Returns n times to the instruction after its own JAL: each time the
 * return goes back where the one call said, and nothing but returns and a
 * forward branch makes the loop. */
static __attribute__((noinline)) long return_loop(long n) {
  __asm__ volatile("  mv t4, ra\n"
                   "  jal ra, 1f\n"
                   "1: addi %0, %0, -1\n"
                   "  beqz %0, 2f\n"
                   "  ret\n" /* ra is 1b */
                   "2: mv ra, t4\n"
                   : "+r"(n)
                   :
                   : "t4", "ra", "memory");
  return n;
}
