/* smc_remap_file_code.c - code mapped from a file, called, then replaced at
 * the same address by code from another file: by munmap and a new mmap, and
 * by MAP_FIXED straight over it; then by an anonymous page written while
 * PROT_NONE -> RW -> RX; then by another page moved over it with mremap. Each call must run what is
 * mapped now, with no cache maintenance at all: the mappings themselves changed. */
// test: arm-only: A64 instruction words written at run time
#define _GNU_SOURCE /* mremap */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include "smc_common.h"

/* A file in the current directory holding "movz w0, #imm; ret", one page long. */
static int code_file(uint32_t imm) {
  char name[] = "codeXXXXXX";
  int fd = mkstemp(name);
  uint32_t page[1024] = {a64_movz_w0(imm), A64_RET};
  if (fd < 0 || write(fd, page, sizeof(page)) != (ssize_t)sizeof(page))
    exit(2);
  unlink(name);
  return fd;
}

static int call(void *code) {
  return ((smc_fn)(uintptr_t)code)();
}

int main(void) {
  int f1 = code_file(101), f2 = code_file(202), f3 = code_file(303);
  void *p = mmap(NULL, 4096, PROT_READ | PROT_EXEC, MAP_PRIVATE, f1, 0);
  if (p == MAP_FAILED)
    return 2;
  int r1 = call(p);
  munmap(p, 4096);
  void *q = mmap(p, 4096, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_FIXED, f2, 0);
  int r2 = q == p ? call(q) : -1;
  q = mmap(p, 4096, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_FIXED, f3, 0);
  int r3 = q == p ? call(q) : -1;
  q = mmap(p, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
  mprotect(q, 4096, PROT_READ | PROT_WRITE);
  smc_write_const(q, 404);
  mprotect(q, 4096, PROT_READ | PROT_EXEC);
  int r4 = q == p ? call(q) : -1;
  mprotect(q, 4096, PROT_READ | PROT_WRITE);
  smc_write_const(q, 505);
  mprotect(q, 4096, PROT_READ | PROT_EXEC);
  int r5 = call(q);
  void *m = mmap(NULL, 4096, PROT_READ | PROT_EXEC, MAP_PRIVATE, f1, 0);
  q = mremap(m, 4096, 4096, MREMAP_MAYMOVE | MREMAP_FIXED, p);
  int r6 = q == p ? call(q) : -1;
  printf("file 1 %d, after munmap+mmap file 2 %d, MAP_FIXED file 3 %d, "
         "anonymous %d, re-protected %d, file 1 moved there by mremap %d\n",
         r1, r2, r3, r4, r5, r6);
  return r1 == 101 && r2 == 202 && r3 == 303 && r4 == 404 && r5 == 505 && r6 == 101 ? 0 : 1;
}
