/* A hostile guest: told the host's view of the process (oracle.h), it
 * attaches System V shared memory with SHM_REMAP (which replaces whatever
 * is mapped there) over each piece of the translator's own memory, the
 * segment starting a page below it so that only its later pages reach it.
 * Every attempt must fail; an attachment over the guest's own memory must
 * still work. Prints the count. */
// hostile: oracle
#include <stdint.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include "oracle.h"

#ifndef SHM_REMAP
#define SHM_REMAP 040000
#endif

/* A segment of len bytes (never touched: the kernel allocates lazily); it
 * is removed once attached (or not), as a removed one cannot be attached. */
static int segment(size_t len) {
  return shmget(IPC_PRIVATE, len, IPC_CREAT | 0600);
}

/* SHM_REMAP over an anonymous mapping of the guest's own: allowed. */
static int own_remap_works(void) {
  volatile char *p = mmap(NULL, 65536, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  int id = segment(65536);
  if (p == MAP_FAILED || id < 0)
    return 0;
  p[100] = 42;
  void *q = shmat(id, (void *)p, SHM_REMAP);
  shmctl(id, IPC_RMID, NULL);
  int ok = q == (void *)p && p[100] == 0;
  return ok && shmdt(q) == 0;
}

int main(void) {
  FILE *f = oracle_maps();
  unsigned long lo, hi;
  char perms[8];
  int tried = 0, refused = 0;
  while (oracle_next_xrun(f, &lo, &hi, perms)) {
    int id = segment(hi - lo + 4096);
    if (id < 0)
      continue;
    tried++;
    void *p = shmat(id, (void *)(lo - 4096), SHM_REMAP);
    shmctl(id, IPC_RMID, NULL);
    refused += p == (void *)-1;
  }
  int own = own_remap_works();
  printf("survived: %d of %d attempts refused, own SHM_REMAP %s\n", refused, tried,
         own ? "works" : "fails");
  return tried > 0 && refused == tried && own ? 0 : 1;
}
