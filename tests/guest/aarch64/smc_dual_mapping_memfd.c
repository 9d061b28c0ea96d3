/* smc_dual_mapping_memfd.c - a JIT's "dual mapping": a memfd mapped twice,
 * read+write in one place and read+execute in another, so no page is ever
 * writable and executable at once. The function is rewritten through the
 * writable view and called through the executable one, 1,000 times with the
 * cache maintenance (__builtin___clear_cache) at the executable view's
 * address, 1,000 times at the writable view's (arm64 instruction caches are
 * PIPT: either address invalidates the line), and 1,000 times more after the
 * executable view was unmapped and mapped again elsewhere. The same source
 * builds for x86-64, with x86-64 code. */
// test: qemu-wrong: qemu-aarch64 runs its old translation of code written through the other view
#define _GNU_SOURCE
#include <string.h>
#include <unistd.h>
#include "smc_common.h"

static unsigned char *view(int fd, int prot) {
  void *p = mmap(NULL, 4096, prot, MAP_SHARED, fd, 0);
  if (p == MAP_FAILED) {
    perror("mmap");
    exit(2);
  }
  return p;
}

/* 1,000 rewrites through rw and calls through rx; the cache maintenance names
 * rw's addresses when flush_rw. Returns how many calls gave the new constant. */
static int rewrites(unsigned char *rw, unsigned char *rx, int flush_rw, int salt) {
  smc_fn fn = (smc_fn)(uintptr_t)rx;
  int good = 0;
  for (uint32_t i = 0; i < 1000; i++) {
    uint32_t imm = (i * 40503 + salt) & 0xffff;
    size_t n = ret_const(rw, imm);
    unsigned char *at = flush_rw ? rw : rx;
    __builtin___clear_cache((char *)at, (char *)at + n);
    good += fn() == (int)imm;
  }
  return good;
}

int main(void) {
  int fd = memfd_create("jit", 0);
  if (fd < 0 || ftruncate(fd, 4096))
    return 2;
  unsigned char *rw = view(fd, PROT_READ | PROT_WRITE), *rx = view(fd, PROT_READ | PROT_EXEC);
  printf("cache maintenance at the executable view: %d of 1000\n", rewrites(rw, rx, 0, 1));
  printf("cache maintenance at the writable view: %d of 1000\n", rewrites(rw, rx, 1, 2));
  munmap(rx, 4096);
  unsigned char *gap = view(fd, PROT_READ); /* the next view lands elsewhere */
  rx = view(fd, PROT_READ | PROT_EXEC);
  munmap(gap, 4096);
  printf("the same after a new executable view: %d of 1000\n", rewrites(rw, rx, 1, 3));
  return 0;
}
