/* System V IPC: a message queue, a semaphore set and a shared memory
 * segment, each made, used, looked at with *ctl(IPC_STAT) and removed. The
 * semaphore set's semid_ds has another layout on x86-64 than on arm64. */
#define _GNU_SOURCE /* semtimedop */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <time.h>

union semun {
  int val;
  struct semid_ds *buf;
  unsigned short *array;
};

int main(void) {
  int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
  struct {
    long type;
    char text[16];
  } m = {7, "hello"}, r;
  printf("msgsnd: %d\n", msgsnd(q, &m, sizeof(m.text), 0));
  struct msqid_ds mq;
  msgctl(q, IPC_STAT, &mq);
  printf("queue: %lu message(s), mode %o\n", (unsigned long)mq.msg_qnum, mq.msg_perm.mode & 0777);
  ssize_t n = msgrcv(q, &r, sizeof(r.text), 7, 0);
  printf("msgrcv: %zd bytes, type %ld, '%s'\n", n, r.type, r.text);
  n = msgrcv(q, &r, sizeof(r.text), 0, IPC_NOWAIT);
  printf("msgrcv again, no wait: %zd %s\n", n, errno == ENOMSG ? "ENOMSG" : "other");
  printf("msgctl IPC_RMID: %d\n", msgctl(q, IPC_RMID, NULL));

  int s = semget(IPC_PRIVATE, 3, IPC_CREAT | 0640);
  semctl(s, 1, SETVAL, (union semun){.val = 5});
  struct sembuf up = {1, 2, 0}, take0 = {0, -1, IPC_NOWAIT};
  printf("semop +2: %d\n", semop(s, &up, 1));
  printf("sem 1 = %d\n", semctl(s, 1, GETVAL));
  struct timespec ts = {0, 1000000};
  int rc = semtimedop(s, &take0, 1, &ts);
  printf("semtimedop on an empty sem: %d %s\n", rc, errno == EAGAIN ? "EAGAIN" : "other");
  struct semid_ds sd;
  memset(&sd, 0xff, sizeof(sd));
  semctl(s, 0, IPC_STAT, (union semun){.buf = &sd});
  printf("semid_ds: %lu semaphores, mode %o, otime set: %s, ctime set: %s\n",
         (unsigned long)sd.sem_nsems, sd.sem_perm.mode & 0777, sd.sem_otime > 0 ? "yes" : "no",
         sd.sem_ctime > 0 ? "yes" : "no");
  sd.sem_perm.mode = 0600;
  semctl(s, 0, IPC_SET, (union semun){.buf = &sd});
  semctl(s, 0, IPC_STAT, (union semun){.buf = &sd});
  printf("after IPC_SET: mode %o, %lu semaphores\n", sd.sem_perm.mode & 0777,
         (unsigned long)sd.sem_nsems);
  printf("semctl IPC_RMID: %d\n", semctl(s, 0, IPC_RMID));

  int id = shmget(IPC_PRIVATE, 8192, IPC_CREAT | 0600);
  char *p = shmat(id, NULL, 0);
  strcpy(p, "shared");
  struct shmid_ds sh;
  shmctl(id, IPC_STAT, &sh);
  printf("shm: %zu bytes, %lu attached, '%s'\n", (size_t)sh.shm_segsz, (unsigned long)sh.shm_nattch,
         p);
  printf("shmdt: %d\n", shmdt(p));
  shmctl(id, IPC_STAT, &sh);
  printf("after shmdt: %lu attached\n", (unsigned long)sh.shm_nattch);
  printf("shmctl IPC_RMID: %d\n", shmctl(id, IPC_RMID, NULL));
  return 0;
}
