/* misc_file_proc_calls.c - calls real programs make that have no better
 * home: flock, mknodat (a FIFO), preadv/pwritev and their v2 forms,
 * fadvise, sync_file_range, copy_file_range, splice/tee/vmsplice, memfd,
 * mlock/mlockall, personality, sched_* (policy, priorities, params,
 * affinity), getcpu, membarrier, close_range, waitid (exit status and a
 * killing signal), pidfd_open/pidfd_send_signal, and clock_settime refused
 * for a clock that cannot be set. (mlock2 and execveat are left out:
 * qemu-aarch64, which writes the expected output, does not have them.) */
// test: args: @TMP@
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *e(long r) {
  static char buf[64];
  if (r >= 0) {
    snprintf(buf, sizeof(buf), "%ld", r);
    return buf;
  }
  snprintf(buf, sizeof(buf), "-1 %s",
           errno == EWOULDBLOCK ? "EWOULDBLOCK"
           : errno == EINVAL    ? "EINVAL"
           : errno == EBADF     ? "EBADF"
                                : strerror(errno));
  errno = 0;
  return buf;
}

static void files(const char *dir) {
  char path[4096], fifo[4096];
  snprintf(path, sizeof(path), "%s/data", dir);
  snprintf(fifo, sizeof(fifo), "%s/fifo", dir);
  int fd = open(path, O_RDWR | O_CREAT, 0644), fd2 = open(path, O_RDWR);
  printf("flock EX: %s\n", e(flock(fd, LOCK_EX)));
  printf("flock EX|NB other fd: %s\n", e(flock(fd2, LOCK_EX | LOCK_NB)));
  printf("unlock, again: %s", e(flock(fd, LOCK_UN)));
  printf(" %s\n", e(flock(fd2, LOCK_EX | LOCK_NB)));
  printf("mknodat fifo: %s", e(mknodat(AT_FDCWD, fifo, S_IFIFO | 0600, 0)));
  struct stat st;
  stat(fifo, &st);
  printf(", is fifo %d\n", S_ISFIFO(st.st_mode));
  char a[] = "hello ", b[] = "vectors";
  struct iovec w[2] = {{a, 6}, {b, 7}};
  printf("pwritev: %s\n", e(pwritev(fd, w, 2, 10)));
  printf("pwritev2: %s\n", e(pwritev2(fd, w, 1, 0, 0)));
  char r1[8] = {0}, r2[16] = {0};
  struct iovec r[2] = {{r1, 6}, {r2, 7}};
  printf("preadv: %s '%s' '%s'\n", e(preadv(fd, r, 2, 10)), r1, r2);
  memset(r1, 0, sizeof(r1));
  printf("preadv2: %s '%s'\n", e(preadv2(fd, r, 1, 0, 0)), r1);
  printf("posix_fadvise: %d\n", posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL));
  printf("sync_file_range: %s\n", e(sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE)));
  char copy[4096];
  snprintf(copy, sizeof(copy), "%s/copy", dir);
  int out = open(copy, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  loff_t in_off = 10;
  printf("copy_file_range: %s", e(copy_file_range(fd, &in_off, out, NULL, 13, 0)));
  char c[32] = {0};
  pread(out, c, sizeof(c) - 1, 0);
  printf(" '%s' in_off %lld\n", c, (long long)in_off);
  close(fd), close(fd2), close(out);
}

static void pipes(void) {
  int p1[2], p2[2];
  pipe(p1), pipe(p2);
  char msg[] = "spliced bytes";
  struct iovec iov = {msg, strlen(msg)};
  printf("vmsplice: %s\n", e(vmsplice(p1[1], &iov, 1, 0)));
  printf("tee: %s\n", e(tee(p1[0], p2[1], 64, SPLICE_F_NONBLOCK)));
  int mfd = memfd_create("splice", 0);
  loff_t off = 0;
  printf("splice to memfd: %s", e(splice(p1[0], NULL, mfd, &off, 64, 0)));
  char buf[32] = {0};
  pread(mfd, buf, sizeof(buf) - 1, 0);
  printf(" '%s', off %lld\n", buf, (long long)off);
  memset(buf, 0, sizeof(buf));
  read(p2[0], buf, sizeof(buf) - 1);
  printf("tee copy: '%s'\n", buf);
  close(p1[0]), close(p1[1]), close(p2[0]), close(p2[1]), close(mfd);
}

static void memory(void) {
  char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  printf("mlock: %s", e(mlock(p, 4096)));
  printf(", munlock: %s", e(munlock(p, 4096)));
  printf("\n");
  printf("mlockall: %s", e(mlockall(MCL_CURRENT | MCL_ONFAULT)));
  printf(", munlockall: %s", e(munlockall()));
  printf(", mlockall bad flags: %s\n", e(mlockall(0)));
  munmap(p, 8192);
}

static void scheduling(void) {
  printf("personality query: %#x\n", personality(0xffffffff));
  printf("sched_getscheduler: %d\n", sched_getscheduler(0));
  printf("priority FIFO %d..%d", sched_get_priority_min(SCHED_FIFO),
         sched_get_priority_max(SCHED_FIFO));
  printf(", OTHER %d..%d\n", sched_get_priority_min(SCHED_OTHER),
         sched_get_priority_max(SCHED_OTHER));
  struct sched_param sp = {.sched_priority = 5};
  const char *res = e(sched_getparam(0, &sp));
  printf("sched_getparam: %s prio %d\n", res, sp.sched_priority);
  sp.sched_priority = 0;
  printf("sched_setparam: %s\n", e(sched_setparam(0, &sp)));
  printf("setscheduler BATCH: %s", e(sched_setscheduler(0, SCHED_BATCH, &sp)));
  printf(", now %d", sched_getscheduler(0));
  printf(", back: %s\n", e(sched_setscheduler(0, SCHED_OTHER, &sp)));
  sp.sched_priority = 50;
  printf("OTHER with priority 50: %s\n", e(sched_setscheduler(0, SCHED_OTHER, &sp)));
  struct timespec ts;
  printf("sched_rr_get_interval: %s\n", e(sched_rr_get_interval(0, &ts)));
  cpu_set_t set;
  CPU_ZERO(&set);
  int r = sched_getaffinity(0, sizeof(set), &set);
  printf("sched_getaffinity: %d, cpus >= 1 %d\n", r, CPU_COUNT(&set) >= 1);
  printf("sched_setaffinity same: %s\n", e(sched_setaffinity(0, sizeof(set), &set)));
  unsigned cpu = 9999, node = 9999;
  r = (int)syscall(SYS_getcpu, &cpu, &node, NULL);
  printf("getcpu: %d, cpu in set %d\n", r, CPU_ISSET(cpu, &set));
  long q = syscall(SYS_membarrier, 0 /* MEMBARRIER_CMD_QUERY */, 0, 0);
  printf("membarrier query: private expedited offered %d\n", q > 0 && (q & 8) != 0);
  int fd = dup(1), fd2 = dup(1);
  printf("close_range: %s", e(syscall(SYS_close_range, fd < fd2 ? fd : fd2, ~0u, 0)));
  printf(", closed %s\n", e(fcntl(fd, F_GETFD)));
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  printf("clock_settime MONOTONIC: %s\n", e(clock_settime(CLOCK_MONOTONIC, &now)));
}

static void children(void) {
  pid_t c = fork();
  if (c == 0)
    _exit(42);
  siginfo_t si;
  memset(&si, 0, sizeof(si));
  int r = waitid(P_PID, (id_t)c, &si, WEXITED);
  printf("waitid exit: %d signo %d code %d status %d pid ok %d\n", r, si.si_signo, si.si_code,
         si.si_status, si.si_pid == c);
  c = fork();
  if (c == 0) {
    pause();
    _exit(0);
  }
  int pfd = (int)syscall(SYS_pidfd_open, c, 0);
  printf("pidfd_open: %s\n", pfd >= 0 ? "ok" : strerror(errno));
  r = (int)syscall(SYS_pidfd_send_signal, pfd, SIGRTMIN + 4, NULL, 0);
  printf("pidfd_send_signal: %d\n", r);
  memset(&si, 0, sizeof(si));
  r = waitid(P_PIDFD, (id_t)pfd, &si, WEXITED);
  printf("waitid killed: %d code %s status is SIGRTMIN+4 %d\n", r,
         si.si_code == CLD_KILLED ? "CLD_KILLED" : "?", si.si_status == SIGRTMIN + 4);
  close(pfd);
  c = fork();
  if (c == 0) {
    pause();
    _exit(0);
  }
  kill(c, SIGTERM);
  int st;
  waitpid(c, &st, 0);
  printf("wait4 status: signaled %d, SIGTERM %d\n", WIFSIGNALED(st), WTERMSIG(st) == SIGTERM);
}

int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IONBF, 0);
  files(argc > 1 ? argv[1] : ".");
  pipes();
  memory();
  scheduling();
  children();
  return 0;
}
