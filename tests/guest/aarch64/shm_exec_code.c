/* shm_exec_code.c - code in System V shared memory: a segment attached with
 * SHM_EXEC holds "return 1" (with the cache maintenance arm64 requires) and
 * is called; it is detached, and a second segment, filled with "return 2"
 * through an attachment elsewhere, is attached at the same address and
 * called there with no cache maintenance at that address (the instruction
 * cache is physically indexed: the bytes were cleaned where they were
 * written). The call must run the second segment's code, not the first's.
 * Then an attachment with SHM_REMAP over the same place, and one more call.
 * The code is the machine's own (movz/ret or mov/ret), so the native build
 * shows what Linux does. */
// test: qemu-wrong: qemu-aarch64 7.2 faults calling code in a segment attached with SHM_EXEC
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include "return_code.h"

#ifndef SHM_EXEC
#define SHM_EXEC 0100000
#endif
#ifndef SHM_REMAP
#define SHM_REMAP 040000
#endif

typedef int (*code_fn)(void);

/* A one-page segment holding "return imm", written through an attachment of
 * its own that is gone again. */
static int code_segment(uint16_t imm) {
  int id = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
  unsigned char *w = id < 0 ? (void *)-1 : shmat(id, NULL, 0);
  if (w == (void *)-1)
    exit(2);
  write_return(w, imm);
  shmdt(w);
  return id;
}

static int call_at(void *p) {
  return ((code_fn)(uintptr_t)p)();
}

int main(void) {
  int a = code_segment(1), b = code_segment(2), c = code_segment(3);
  void *p = shmat(a, NULL, SHM_EXEC);
  if (p == (void *)-1)
    return 3;
  printf("first segment: %d\n", call_at(p));
  printf("detached: %d\n", shmdt(p));
  void *q = shmat(b, p, SHM_EXEC);
  printf("second segment at the same address: %s\n", q == p ? "yes" : "no");
  if (q == p)
    printf("second segment: %d\n", call_at(q));
  void *r = shmat(c, p, SHM_EXEC | SHM_REMAP);
  if (r == p)
    printf("third segment over it (SHM_REMAP): %d\n", call_at(r));
  shmctl(a, IPC_RMID, NULL);
  shmctl(b, IPC_RMID, NULL);
  shmctl(c, IPC_RMID, NULL);
  return 0;
}
