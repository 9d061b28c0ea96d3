/* return_paths.c - returns that go where their call did not say: each
 * must reach the address in x30 whatever a translator predicted from the
 * calls before it. A return through a changed x30; two calls whose return
 * addresses are 1024 bytes apart, the inner one's made while the outer one
 * waits; and a loop of returns to one call's return address until a
 * timer's signal ends it. The rest, the same for every guest, is
 * tests/guest/return_paths.h: returns left waiting by a longjmp out of
 * deep recursion, returns inside signal handlers, tail calls and calls
 * through pointers.
 */
// test: arm-only: inline A64 assembly
#define LINK "x30"
#define MARK "x9"
#include "../return_paths.h"

/* BL, then x30 moved past the instruction after it: the return must skip
 * it (x9 stays 0). */
static long changed_link(void) {
  long x9;
  __asm__ volatile("  mov x9, #0\n"
                   "  bl 1f\n"
                   "  mov x9, #1\n" /* where the BL would return */
                   "  b 2f\n"
                   "1: adr x30, 2f\n"
                   "  ret\n"
                   "2: mov %0, x9\n"
                   : "=r"(x9)
                   :
                   : "x9", "x30", "memory");
  return x9;
}

/* The outer BL returns to 1b; the inner BL, 1024 bytes on, returns to an
 * address whose low 10 bits are the same, and runs while the outer call
 * waits. Both returns must come back where their x30 says. */
static long colliding_returns(void) {
  long steps;
  __asm__ volatile("  mov x9, #0\n"
                   "  bl 10f\n"
                   "1: add x9, x9, #100\n"
                   "  b 20f\n"
                   "  .skip 1012\n"
                   "10: bl 11f\n" /* 1024 bytes after the first BL */
                   "  add x9, x9, #10\n"
                   "  adr x30, 1b\n"
                   "  ret\n"
                   "11: add x9, x9, #1\n"
                   "  ret\n"
                   "20: mov %0, x9\n"
                   : "=r"(steps)
                   :
                   : "x9", "x30", "memory");
  return steps;
}

/* Returns n times to the instruction after its own BL: each time the
 * return goes back where the one call said, and nothing but returns and a
 * forward branch makes the loop. */
static __attribute__((noinline)) long return_loop(long n) {
  __asm__ volatile("  mov x10, x30\n"
                   "  bl 1f\n"
                   "1: subs %0, %0, #1\n"
                   "  b.eq 2f\n"
                   "  ret\n" /* x30 is 1b */
                   "2: mov x30, x10\n"
                   : "+r"(n)
                   :
                   : "x10", "x30", "cc", "memory");
  return n;
}
