/* mmap_mprotect_mremap.c - anonymous mmap is zeroed, MAP_FIXED over part of
 * it, mprotect to read-only and back, mremap growing (possibly moving) with
 * contents kept, munmap of a middle page, a file-backed MAP_SHARED mapping
 * written through memory and read back with read(), and brk via sbrk. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void) {
  size_t pg = 4096, len = 64 * pg;
  unsigned char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) {
    printf("mmap failed\n");
    return 1;
  }
  int nz = 0;
  for (size_t i = 0; i < len; i++)
    nz |= p[i];
  printf("anon zeroed %d, page aligned %d\n", nz == 0, ((uintptr_t)p & (pg - 1)) == 0);
  for (size_t i = 0; i < len; i++)
    p[i] = (unsigned char)(i % 251);
  unsigned char *q = mmap(p + 8 * pg, 2 * pg, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
  printf("MAP_FIXED at requested address %d, new pages zero %d, neighbour kept %d\n",
         q == p + 8 * pg, q[0] == 0 && q[2 * pg - 1] == 0, p[8 * pg - 1] == (8 * pg - 1) % 251);
  int ro = mprotect(p, len, PROT_READ);
  int rw = mprotect(p, len, PROT_READ | PROT_WRITE);
  printf("mprotect ro %d, rw %d\n", ro, rw);
  p[0] = 42;
  unsigned char *r = mremap(p, len, 4 * len, MREMAP_MAYMOVE);
  if (r == MAP_FAILED) {
    printf("mremap failed\n");
    return 1;
  }
  int kept = r[0] == 42;
  for (size_t i = 10 * pg; i < len; i++)
    kept &= r[i] == i % 251;
  printf("mremap grow kept %d, new area zero %d\n", kept, r[4 * len - 1] == 0);
  r[4 * len - 1] = 1;
  printf("munmap middle %d\n", munmap(r + 16 * pg, pg));
  printf("munmap all %d\n", munmap(r, 4 * len));
  char path[] = "/tmp/xrun-mmap-XXXXXX";
  int fd = mkstemp(path);
  unlink(path);
  ftruncate(fd, 3 * pg);
  char *f = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  strcpy(f + pg + 10, "written through a shared mapping");
  msync(f, 3 * pg, MS_SYNC);
  char buf[64] = {0};
  pread(fd, buf, 32, (off_t)pg + 10);
  printf("file via mmap: %s\n", buf);
  munmap(f, 3 * pg);
  char *g = mmap(NULL, pg, PROT_READ, MAP_PRIVATE, fd, (off_t)pg);
  printf("offset mapping: %.7s\n", g + 10);
  close(fd);
  void *b0 = sbrk(0);
  void *b1 = sbrk(100000);
  memset(b1, 7, 100000);
  printf("sbrk grew %d\n", (char *)sbrk(0) - (char *)b0 >= 100000);
  void *m0 = mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  printf("mmap length 0 fails %d\n", m0 == MAP_FAILED);
  return 0;
}
