/* sys_ipc.c - System V IPC: message queues, semaphores, shared memory. The
 * calls pass through (the numbers are asm-generic's, the structs of msgctl
 * and shmctl and the ipc64_perm in all of them have one layout on both
 * 64-bit ABIs), except semctl's struct semid64_ds: x86-64 keeps a padding
 * word after sem_otime and after sem_ctime, asm-generic does not. A shmat
 * over xrun's own memory is refused, the whole segment looked at (with
 * SHM_REMAP the kernel replaces whatever is there); an attachment and a
 * detachment drop the translations of the code they replace or remove, as
 * mmap and munmap do. */
#define _GNU_SOURCE
#include <mimalloc.h>
#include <pthread.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include "sys_int.h"
#include "../tcache/tc_fork.h"
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

/* The segments attached (shmdt names only the address): where, how long. */
static struct sys_shm { uint64_t at, len; } * sys_shms;
static size_t sys_n_shms, sys_cap_shms;
static pthread_mutex_t sys_shm_lock = PTHREAD_MUTEX_INITIALIZER;

void sys_ipc_init(void) {
  tc_fork_lock_add(&sys_shm_lock); /* a fork never inherits it held */
}

/* The length of the attachment at at, 0 if none; forgotten with forget. */
static uint64_t sys_shm_len(uint64_t at, bool forget) {
  uint64_t len = 0;
  pthread_mutex_lock(&sys_shm_lock);
  for (size_t i = 0; i < sys_n_shms; i++)
    if (sys_shms[i].at == at) {
      len = sys_shms[i].len;
      if (forget)
        sys_shms[i] = sys_shms[--sys_n_shms];
      break;
    }
  pthread_mutex_unlock(&sys_shm_lock);
  return len;
}

static void sys_shm_add(uint64_t at, uint64_t len) {
  sys_shm_len(at, true); /* an attachment there before went with the memory */
  pthread_mutex_lock(&sys_shm_lock);
  if (sys_n_shms == sys_cap_shms) {
    size_t cap = sys_cap_shms ? 2 * sys_cap_shms : 16;
    struct sys_shm *grown = mi_reallocn(sys_shms, cap, sizeof(*grown));
    if (grown)
      sys_shms = grown, sys_cap_shms = cap;
  }
  if (sys_n_shms < sys_cap_shms)
    sys_shms[sys_n_shms++] = (struct sys_shm){at, len};
  pthread_mutex_unlock(&sys_shm_lock);
}

/* shmat(shmid, addr, flags): the segment's whole length must miss xrun's
 * memory. Its size cannot change, and reading it (IPC_STAT) needs the read
 * permission any attachment needs. */
int64_t sys_shmat(const struct sys_call *s) {
  struct shmid_ds ds;
  if (shmctl((int)s->a[0], IPC_STAT, &ds))
    return -errno;
  uint64_t len = ((uint64_t)ds.shm_segsz + 4095) & ~(uint64_t)4095;
  uint64_t at = s->a[2] & SHM_RND ? s->a[1] & ~(uint64_t)(SHMLBA - 1) : s->a[1];
  if (at && (len > UINT64_MAX - at || tc_overlaps_translator(at, len ? len : 4096)))
    return -EINVAL;
  int64_t p = sys_pass(s);
  if (p < 0 && p >= -4095)
    return p;
  tc_file_unmapped((uint64_t)p, len); /* first: it may save what it drops */
  tc_invalidate((uint64_t)p, len);
  tc_exec_set((uint64_t)p, len, (s->a[2] & SHM_EXEC) != 0);
  tc_guest_mapped((uint64_t)p, len);
  sys_shm_add((uint64_t)p, len);
  return p;
}

/* shmdt(addr): the code that was there goes. */
int64_t sys_shmdt(const struct sys_call *s) {
  int64_t r = sys_pass(s);
  uint64_t len = r ? 0 : sys_shm_len(s->a[0], true);
  if (len) {
    tc_invalidate(s->a[0], len);
    tc_exec_set(s->a[0], len, 1);
  }
  return r;
}
