/* A hostile guest: told the host's view of the process (oracle.h), it
 * finds the translator's own memory - x86-64 libraries, xrun's executable,
 * the host stack, heap and vdso, both views of the code buffer, the
 * persistent cache's files - and tries to unmap, re-protect and map over
 * each of them. Every attempt must fail and the program must go on running.
 * Prints the count. */
// hostile: oracle
#include <sys/mman.h>
#include <unistd.h>
#include "oracle.h"

int main(void) {
  FILE *f = oracle_maps();
  unsigned long lo, hi;
  char perms[8];
  int tried = 0, refused = 0;
  while (oracle_next_xrun(f, &lo, &hi, perms)) {
    void *p = (void *)lo;
    size_t len = 4096;
    tried += 3;
    refused += mprotect(p, len, PROT_NONE) != 0;
    refused += mmap(p, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1,
                    0) == MAP_FAILED;
    refused += munmap(p, len) != 0;
  }
  printf("survived: %d of %d attempts refused\n", refused, tried);
  return tried > 0 && refused == tried ? 0 : 1;
}
