/* smc_proc_self_mem.c - code rewritten through /proc/self/mem: the kernel
 * writes into the read-only executable page (FOLL_FORCE) and keeps the
 * instruction cache coherent itself, so the program calls the new code with
 * no cache maintenance of its own. 300 rewrites each with pwrite, lseek and
 * write, and pwritev of two pieces; a write where nothing is mapped is EIO.
 * The same source builds for x86-64, with x86-64 code. */
// test: qemu-wrong: qemu-aarch64 runs its old translation of the rewritten code
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>
#include "smc_common.h"

enum { BY_PWRITE, BY_WRITE, BY_PWRITEV };

static int rewrite(int fd, void *code, uint32_t imm, int how) {
  unsigned char buf[16];
  size_t n = ret_const(buf, imm), half = n / 2;
  off_t at = (off_t)(uintptr_t)code;
  struct iovec iov[2] = {{buf, half}, {buf + half, n - half}};
  switch (how) {
  case BY_PWRITE: return pwrite(fd, buf, n, at) == (ssize_t)n;
  case BY_WRITE: return lseek(fd, at, SEEK_SET) == at && write(fd, buf, n) == (ssize_t)n;
  default: return pwritev(fd, iov, 2, at) == (ssize_t)n;
  }
}

static int rewrites(int fd, void *code, int how) {
  int good = 0;
  for (uint32_t i = 0; i < 300; i++) {
    uint32_t imm = (i * 40503 + 11 * how + 1) & 0xffff;
    if (!rewrite(fd, code, imm, how)) {
      perror("rewrite");
      exit(2);
    }
    good += ((smc_fn)(uintptr_t)code)() == (int)imm;
  }
  return good;
}

int main(void) {
  unsigned char *code = (unsigned char *)smc_page(PROT_READ | PROT_WRITE);
  ret_const(code, 0);
  if (mprotect(code, 4096, PROT_READ | PROT_EXEC))
    return 2;
  int fd = open("/proc/self/mem", O_RDWR);
  if (fd < 0) {
    perror("open /proc/self/mem");
    return 2;
  }
  printf("pwrite: %d of 300\n", rewrites(fd, code, BY_PWRITE));
  printf("lseek and write: %d of 300\n", rewrites(fd, code, BY_WRITE));
  printf("pwritev: %d of 300\n", rewrites(fd, code, BY_PWRITEV));
  unsigned char *gone = (unsigned char *)smc_page(PROT_READ | PROT_WRITE);
  munmap(gone, 4096);
  errno = 0;
  ssize_t r = pwrite(fd, "x", 1, (off_t)(uintptr_t)gone);
  printf("write to an unmapped page: %zd, %s\n", r, errno == EIO ? "EIO" : strerror(errno));
  return 0;
}
