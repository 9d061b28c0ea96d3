/* sys_ipc.c - System V IPC: message queues, semaphores, shared memory. The
 * calls pass through (the numbers are asm-generic's, the structs of msgctl
 * and shmctl and the ipc64_perm in all of them have one layout on both
 * 64-bit ABIs), except semctl's struct semid64_ds: x86-64 keeps a padding
 * word after sem_otime and after sem_ctime, asm-generic does not. A shmat
 * over xrun's own memory is refused. */
#define _GNU_SOURCE
#include <string.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include "sys_int.h"
#include "../tcache/tcache.h"

/* arm64's (asm-generic's) struct semid64_ds. */
struct sys_generic_semid_ds {
  uint8_t sem_perm[48]; /* struct ipc64_perm: the same on both */
  int64_t sem_otime;
  int64_t sem_ctime;
  uint64_t sem_nsems;
  uint64_t unused3, unused4;
};

/* x86-64's. */
struct x64_semid_ds {
  uint8_t sem_perm[48];
  int64_t sem_otime;
  uint64_t unused1;
  int64_t sem_ctime;
  uint64_t unused2;
  uint64_t sem_nsems;
  uint64_t unused3, unused4;
};

static int sys_semctl_has_ds(int cmd) {
  return cmd == IPC_STAT || cmd == IPC_SET || cmd == SEM_STAT || cmd == SEM_STAT_ANY;
}

int64_t sys_semctl(const struct sys_call *s) {
  int cmd = (int)s->a[2];
  if (!sys_semctl_has_ds(cmd))
    return sys_pass(s);
  struct sys_generic_semid_ds g;
  struct x64_semid_ds h;
  memset(&h, 0, sizeof(h));
  if (cmd == IPC_SET) {
    if (sys_copy_in(&g, s->a[3], sizeof(g)))
      return -EFAULT;
    memcpy(h.sem_perm, g.sem_perm, sizeof(h.sem_perm));
  }
  long r = syscall(SYS_semctl, (int)s->a[0], (int)s->a[1], cmd, &h);
  if (r < 0)
    return -errno;
  if (cmd != IPC_SET) {
    memset(&g, 0, sizeof(g));
    memcpy(g.sem_perm, h.sem_perm, sizeof(g.sem_perm));
    g.sem_otime = h.sem_otime;
    g.sem_ctime = h.sem_ctime;
    g.sem_nsems = h.sem_nsems;
    if (sys_copy_out(s->a[3], &g, sizeof(g)))
      return -EFAULT;
  }
  return r;
}

int64_t sys_shmat(const struct sys_call *s) {
  if (s->a[1] && tc_overlaps_translator(s->a[1], 4096))
    return -EINVAL;
  return sys_pass(s);
}
