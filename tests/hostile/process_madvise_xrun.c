/* A hostile guest: told the host's view of the process (oracle.h), it gives
 * advice that drops pages or makes them guard pages (MADV_DONTNEED,
 * MADV_GUARD_INSTALL) over each piece of the translator's own memory, not
 * with madvise but with process_madvise on a pidfd of its own process
 * (which Linux 6.13 and later accept for any advice). Every attempt must
 * fail; the same advice on the guest's own memory must still work. Prints
 * the count. */
// hostile: oracle
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
#include "oracle.h"

#ifndef MADV_GUARD_INSTALL
#define MADV_GUARD_INSTALL 102
#endif

static long advise(int pidfd, void *p, size_t len, int advice) {
  struct iovec iov = {p, len};
  return syscall(SYS_process_madvise, pidfd, &iov, 1, advice, 0);
}

/* MADV_DONTNEED on an anonymous page of the guest's own: it reads 0 after. */
static int own_advice_works(int pidfd) {
  volatile char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED)
    return 0;
  p[10] = 42;
  return advise(pidfd, (void *)p, 4096, MADV_DONTNEED) == 4096 && p[10] == 0;
}

int main(void) {
  int pidfd = (int)syscall(SYS_pidfd_open, getpid(), 0);
  if (pidfd < 0 || advise(pidfd, NULL, 0, MADV_DONTNEED) < 0) {
    printf("no process_madvise here: nothing to attack\n");
    return 0;
  }
  FILE *f = oracle_maps();
  unsigned long lo, hi;
  char perms[8];
  int tried = 0, refused = 0;
  while (oracle_next_xrun(f, &lo, &hi, perms)) {
    tried += 2;
    refused += advise(pidfd, (void *)lo, 4096, MADV_DONTNEED) < 0;
    refused += advise(pidfd, (void *)lo, 4096, MADV_GUARD_INSTALL) < 0;
  }
  int own = own_advice_works(pidfd);
  printf("survived: %d of %d attempts refused, own MADV_DONTNEED %s\n", refused, tried,
         own ? "works" : "fails");
  return tried > 0 && refused == tried && own ? 0 : 1;
}
