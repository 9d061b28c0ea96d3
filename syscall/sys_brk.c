/* sys_brk.c - the program break, emulated: pages after the program, grown
 * with MAP_FIXED_NOREPLACE (never over anything else) and shrunk with munmap.
 * Linux's convention: brk returns the new break, or the old one on failure. */
#define _GNU_SOURCE
#include <sys/mman.h>
#include "sys_int.h"

static uint64_t brk_start, brk_cur, brk_mapped; /* brk_mapped: end of the mapped pages */

static uint64_t sys_page_up(uint64_t a) {
  return (a + 4095) & ~(uint64_t)4095;
}

void sys_set_brk(uint64_t start) {
  brk_start = brk_cur = brk_mapped = sys_page_up(start);
  sys_pub_begin();
  sys_pub.brk_lo = sys_pub.brk_hi = brk_start;
  sys_pub_end();
}

static int sys_brk_grow(uint64_t top) {
  void *want = (void *)(uintptr_t)brk_mapped;
  void *p = mmap(want, top - brk_mapped, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  if (p == MAP_FAILED)
    return -1;
  if (p != want) { /* a kernel that took the flag as a hint */
    munmap(p, top - brk_mapped);
    return -1;
  }
  tc_guest_mapped(brk_mapped, top - brk_mapped);
  return 0;
}

int64_t sys_brk(const struct sys_call *s) {
  uint64_t want = s->a[0], top = sys_page_up(want);
  if (want < brk_start || want >= SYS_VA_LIMIT)
    return (int64_t)brk_cur;
  if (top > brk_mapped && sys_brk_grow(top))
    return (int64_t)brk_cur;
  if (top < brk_mapped)
    munmap((void *)(uintptr_t)top, brk_mapped - top);
  if (brk_mapped != top)
    sys_pub_set(&sys_pub.brk_hi, top);
  brk_mapped = top;
  brk_cur = want;
  return (int64_t)brk_cur;
}
