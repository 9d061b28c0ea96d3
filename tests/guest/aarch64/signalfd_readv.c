/* signalfd_readv.c - every way a program can read a signalfd gives its own
 * signal numbers: readv (records split across iovecs, one straddling two),
 * preadv2 at offset -1 (the file position), and read; pread and preadv fail
 * with ESPIPE as on the kernel. The signals are SIGUSR1, a real-time signal
 * (SIGRTMIN+3 through sigqueue, with its value), and the raw signals 32 and
 * 33, which glibc keeps for itself (SIGCANCEL, SIGSETXID) and which a
 * translator may have to carry as other host signals: they are blocked,
 * watched and sent through the kernel's calls, not glibc's, which refuse
 * them. */
/* qemu-aarch64 7.2 converts signalfd records only in read: through readv
 * and preadv2 its own host numbers for 32 and 33 (34 and 35) show. */
// test: qemu-wrong: signalfd records read by readv keep qemu's host numbers
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

static const char *err_name(int e) {
  return e == ESPIPE ? "ESPIPE" : e == EAGAIN ? "EAGAIN" : e == EINVAL ? "EINVAL" : "?";
}

static void show(const char *how, ssize_t n, const struct signalfd_siginfo *si) {
  printf("%s: %zd", how, n);
  if (n < 0)
    printf(" %s", err_name(errno));
  for (int i = 0; i < n / (ssize_t)sizeof(*si); i++) {
    printf(" [signo %u code %d", si[i].ssi_signo, si[i].ssi_code);
    if (si[i].ssi_code == SI_QUEUE)
      printf(" int %d", si[i].ssi_int);
    printf(" pid ok %d]", si[i].ssi_pid == (uint32_t)getpid());
  }
  printf("\n");
}

static void send(int sig) {
  syscall(SYS_tgkill, getpid(), gettid(), sig);
}

int main(void) {
  uint64_t mask =
      1ull << (SIGUSR1 - 1) | 1ull << (SIGRTMIN + 3 - 1) | 1ull << (32 - 1) | 1ull << (33 - 1);
  syscall(SYS_rt_sigprocmask, SIG_BLOCK, &mask, NULL, 8);
  int fd = syscall(SYS_signalfd4, -1, &mask, 8, SFD_NONBLOCK | SFD_CLOEXEC);
  printf("signalfd: %s\n", fd >= 0 ? "ok" : strerror(errno));

  struct signalfd_siginfo si[4];
  memset(si, 0, sizeof(si));
  send(SIGUSR1);
  union sigval sv = {.sival_int = 4321};
  sigqueue(getpid(), SIGRTMIN + 3, sv);
  send(32);
  /* Three records into iovecs of 100, 200 and 84 bytes: the first record
   * straddles the first two, the third the last two. */
  char *b = (char *)si;
  struct iovec iov[3] = {{b, 100}, {b + 100, 200}, {b + 300, 84}};
  ssize_t n = readv(fd, iov, 3);
  show("readv", n, si);
  printf("SIGUSR1 %d SIGRTMIN+3 %d\n", SIGUSR1, SIGRTMIN + 3);

  memset(si, 0, sizeof(si));
  send(33);
  errno = 0;
  show("pread", pread(fd, si, sizeof(si), 0), si);
  struct iovec one = {si, sizeof(si)};
  errno = 0;
  show("preadv", preadv(fd, &one, 1, 0), si);
  errno = 0;
  show("preadv2 at 0", preadv2(fd, &one, 1, 0, 0), si);
  show("preadv2 at -1", preadv2(fd, &one, 1, -1, 0), si);

  memset(si, 0, sizeof(si));
  send(SIGUSR1);
  show("read", read(fd, si, sizeof(si)), si);
  errno = 0;
  show("empty readv", readv(fd, &one, 1), si);
  struct iovec small = {si, 64};
  send(SIGUSR1);
  errno = 0;
  show("readv of 64 bytes", readv(fd, &small, 1), si);
  close(fd);
  return 0;
}
