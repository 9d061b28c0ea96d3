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

#ifndef SHM_EXEC
#define SHM_EXEC 0100000
#endif
#ifndef SHM_REMAP
#define SHM_REMAP 040000
#endif

typedef int (*code_fn)(void);

/* "return imm" in this machine's code, at p. */
static void write_return(unsigned char *p, uint16_t imm) {
#if defined(__aarch64__)
  uint32_t insn[2] = {0x52800000u | (uint32_t)imm << 5, 0xd65f03c0u}; /* movz w0, #imm; ret */
#else
  unsigned char insn[6] = {0xb8, imm & 0xff, imm >> 8, 0, 0, 0xc3}; /* mov eax, imm; ret */
#endif
  memcpy(p, insn, sizeof(insn));
  __builtin___clear_cache((char *)p, (char *)p + sizeof(insn));
}

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
