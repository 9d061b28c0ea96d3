/* smc_madvise_dontneed_code.c - code in a private, writable and executable
 * mapping of a file is patched (with the cache maintenance arm64 requires)
 * and called; then madvise(MADV_DONTNEED) drops the patched copy of the page,
 * so the page holds the file's code again, and a call must run that, not the
 * patched code. Twice, the second time over a range larger than the page.
 * The code is the machine's own (movz/ret or mov/ret), so the native build shows what Linux
 * does. */
// test: qemu-wrong: qemu-aarch64 keeps running the code madvise dropped
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "return_code.h"

typedef int (*code_fn)(void);

/* A one-page file holding "return imm", in the current directory. */
static int code_file(uint16_t imm) {
  static unsigned char page[4096];
  char name[] = "codeXXXXXX";
  int fd = mkstemp(name);
  write_return(page, imm);
  if (fd < 0 || write(fd, page, sizeof(page)) != (ssize_t)sizeof(page))
    exit(2);
  unlink(name);
  return fd;
}

static int call(void *p) {
  return ((code_fn)(uintptr_t)p)();
}

int main(void) {
  int prot = PROT_READ | PROT_WRITE | PROT_EXEC;
  unsigned char *f = mmap(NULL, 8192, prot, MAP_PRIVATE, code_file(101), 0);
  if (f == MAP_FAILED)
    return 2;
  int r[6];
  for (int round = 0; round < 2; round++) {
    r[3 * round] = call(f);
    write_return(f, (uint16_t)(202 + round));
    r[3 * round + 1] = call(f);
    madvise(f, round ? 8192 : 4096, MADV_DONTNEED);
    r[3 * round + 2] = call(f);
  }
  printf("file code: %d, patched %d, after MADV_DONTNEED %d; again: %d, %d, %d\n", r[0], r[1], r[2],
         r[3], r[4], r[5]);
  return r[0] == 101 && r[1] == 202 && r[2] == 101 && r[3] == 101 && r[4] == 203 && r[5] == 101 ? 0
                                                                                                : 1;
}
