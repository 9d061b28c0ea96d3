/* setresuid_threads.c - credentials in a threaded program (run as root):
 * glibc's setgroups, setresgid, setregid and setresuid change every thread,
 * by signalling each one with its internal signal 33 (SIGSETXID) so that
 * each makes the call itself. Every thread then reports its own ids, from
 * the calls and from /proc/thread-self/status; setfsuid and capget follow. */
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <linux/capability.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/fsuid.h>
#include <sys/syscall.h>
#include <unistd.h>

enum { NTHREADS = 3 };
static pthread_barrier_t before, after;
static char report[NTHREADS + 1][512];

/* Uid:, Gid: and Groups: of this thread, as the kernel sees it. */
static void status_lines(char *out, size_t size) {
  FILE *f = fopen("/proc/thread-self/status", "r");
  char line[256];
  size_t used = 0;
  while (f && fgets(line, sizeof(line), f))
    if (!strncmp(line, "Uid:", 4) || !strncmp(line, "Gid:", 4) || !strncmp(line, "Groups:", 7))
      used += (size_t)snprintf(out + used, size - used, "    %s", line);
  if (f)
    fclose(f);
}

static void describe(int i) {
  uid_t r, e, s;
  gid_t gr, ge, gs, groups[8];
  getresuid(&r, &e, &s);
  getresgid(&gr, &ge, &gs);
  int n = getgroups(8, groups);
  int used = snprintf(report[i], sizeof(report[i]),
                      "res uid %u %u %u, res gid %u %u %u, %d groups:", r, e, s, gr, ge, gs, n);
  for (int k = 0; k < n; k++)
    used += snprintf(report[i] + used, sizeof(report[i]) - (size_t)used, " %u", groups[k]);
  used += snprintf(report[i] + used, sizeof(report[i]) - (size_t)used, "\n");
  status_lines(report[i] + used, sizeof(report[i]) - (size_t)used);
}

static void *worker(void *arg) {
  int i = (int)(long)arg;
  pthread_barrier_wait(&before);
  pthread_barrier_wait(&after); /* blocked in a futex while main changes ids */
  describe(i);
  return NULL;
}

int main(void) {
  if (geteuid() != 0) {
    printf("not root\n");
    return 0;
  }
  pthread_t t[NTHREADS];
  pthread_barrier_init(&before, NULL, NTHREADS + 1);
  pthread_barrier_init(&after, NULL, NTHREADS + 1);
  for (long i = 0; i < NTHREADS; i++)
    pthread_create(&t[i], NULL, worker, (void *)i);
  pthread_barrier_wait(&before);
  gid_t groups[2] = {5, 6};
  printf("setgroups: %d\n", setgroups(2, groups));
  printf("setresgid: %d\n", setresgid(1000, 1001, 1002));
  printf("setregid: %d\n", setregid(-1, 1003));
  printf("setresuid: %d\n", setresuid(2000, 2001, 2002));
  errno = 0;
  int r = setresuid(0, 0, 0);
  printf("back to root: %d %s\n", r, errno == EPERM ? "EPERM" : "?");
  pthread_barrier_wait(&after);
  for (int i = 0; i < NTHREADS; i++)
    pthread_join(t[i], NULL);
  describe(NTHREADS);
  for (int i = 0; i <= NTHREADS; i++)
    printf("%s %d: %s", i < NTHREADS ? "thread" : "main", i, report[i]);
  printf("setfsuid(2000) returns the old fsuid: %d\n", setfsuid(2000));
  printf("setfsuid(-1) query: %d\n", setfsuid(-1));
  struct __user_cap_header_struct h = {_LINUX_CAPABILITY_VERSION_3, 0};
  struct __user_cap_data_struct d[2];
  memset(d, 0xff, sizeof(d));
  r = (int)syscall(SYS_capget, &h, d);
  printf("capget: %d, effective %x permitted %x\n", r, d[0].effective, d[0].permitted);
  return 0;
}
