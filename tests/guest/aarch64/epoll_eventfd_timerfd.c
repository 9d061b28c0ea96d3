/* epoll_eventfd_timerfd.c - the fd kinds an event loop uses: epoll (the
 * 64-bit data of each epoll_event comes back whole, several events in one
 * wait, EPOLL_CTL_MOD/DEL, epoll_pwait's mask lets a blocked signal in and
 * the wait ends with EINTR after its handler ran), eventfd (counter and
 * EFD_SEMAPHORE), timerfd (settime, gettime, expirations), signalfd (the
 * signal numbers read are the program's, a real-time one too), inotify
 * (IN_CREATE with the name), ppoll and pselect with a signal mask. */
// test: args: @TMP@
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <fcntl.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/select.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>
#include <unistd.h>

static volatile sig_atomic_t got_usr1;
static void on_usr1(int sig) {
  got_usr1 = sig;
}

static void epoll_events(void) {
  int ep = epoll_create1(EPOLL_CLOEXEC);
  int e1 = eventfd(0, EFD_NONBLOCK), e2 = eventfd(0, EFD_SEMAPHORE);
  struct epoll_event ev = {.events = EPOLLIN, .data.u64 = 0x1122334455667788ull};
  printf("epoll_ctl ADD: %d", epoll_ctl(ep, EPOLL_CTL_ADD, e1, &ev));
  ev.data.u64 = 0xa5a5a5a5deadbeefull;
  printf(" %d\n", epoll_ctl(ep, EPOLL_CTL_ADD, e2, &ev));
  errno = 0;
  int r = epoll_ctl(ep, EPOLL_CTL_ADD, e2, &ev);
  printf("ADD again: %d %s\n", r, errno == EEXIST ? "EEXIST" : "?");
  struct epoll_event out[4];
  memset(out, 0xff, sizeof(out));
  printf("nothing ready: %d\n", epoll_wait(ep, out, 4, 0));
  uint64_t one = 1, three = 3, v = 0;
  write(e1, &three, 8);
  write(e2, &three, 8);
  int n = epoll_wait(ep, out, 4, 1000);
  printf("ready: %d\n", n);
  uint64_t seen = 0;
  for (int i = 0; i < n; i++)
    seen ^= out[i].data.u64 ^ out[i].events;
  printf("xor of data and events: %016llx\n", (unsigned long long)seen);
  printf("eventfd read: %zd", read(e1, &v, 8));
  printf(" value %llu\n", (unsigned long long)v);
  read(e2, &v, 8);
  printf("semaphore read: %llu\n", (unsigned long long)v);
  ev.events = EPOLLOUT;
  ev.data.u64 = 42;
  printf("MOD: %d\n", epoll_ctl(ep, EPOLL_CTL_MOD, e1, &ev));
  printf("DEL: %d\n", epoll_ctl(ep, EPOLL_CTL_DEL, e2, NULL));
  n = epoll_wait(ep, out, 4, 0);
  printf("after MOD/DEL: %d, data %llu, events %x\n", n, (unsigned long long)out[0].data.u64,
         out[0].events);
  write(e1, &one, 8);
  close(e1), close(e2), close(ep);
}

static void epoll_sigmask(void) {
  int ep = epoll_create1(0), fds[2];
  pipe(fds);
  struct epoll_event ev = {.events = EPOLLIN, .data.fd = fds[0]}, out;
  epoll_ctl(ep, EPOLL_CTL_ADD, fds[0], &ev);
  sigset_t block, empty, cur;
  sigemptyset(&block);
  sigaddset(&block, SIGUSR1);
  sigemptyset(&empty);
  sigprocmask(SIG_BLOCK, &block, NULL);
  signal(SIGUSR1, on_usr1);
  raise(SIGUSR1);
  printf("blocked, handler ran: %d\n", got_usr1);
  errno = 0;
  int r = epoll_pwait(ep, &out, 1, 1000, &empty);
  printf("epoll_pwait: %d %s, handler ran: %d\n", r, errno == EINTR ? "EINTR" : "?", got_usr1);
  sigprocmask(SIG_BLOCK, NULL, &cur);
  printf("mask restored: %d\n", sigismember(&cur, SIGUSR1));
  got_usr1 = 0;
  raise(SIGUSR1);
  struct timespec ts = {0, 1000000};
  struct pollfd p = {fds[0], POLLIN, 0};
  errno = 0;
  r = ppoll(&p, 1, &ts, &empty);
  printf("ppoll: %d %s, handler ran: %d\n", r, errno == EINTR ? "EINTR" : "?", got_usr1);
  got_usr1 = 0;
  raise(SIGUSR1);
  fd_set rd;
  FD_ZERO(&rd);
  FD_SET(fds[0], &rd);
  errno = 0;
  r = pselect(fds[0] + 1, &rd, NULL, NULL, &ts, &empty);
  printf("pselect: %d %s, handler ran: %d\n", r, errno == EINTR ? "EINTR" : "?", got_usr1);
  write(fds[1], "x", 1);
  r = ppoll(&p, 1, &ts, &block);
  printf("ppoll with data: %d revents %x\n", r, p.revents);
  r = epoll_pwait(ep, &out, 1, 0, &block);
  printf("epoll_pwait with data: %d fd ok %d\n", r, out.data.fd == fds[0]);
  sigprocmask(SIG_UNBLOCK, &block, NULL);
  close(fds[0]), close(fds[1]), close(ep);
}

static void timers(void) {
  int t = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
  struct itimerspec its = {{0, 20000000}, {0, 20000000}}, cur;
  printf("timerfd_settime: %d\n", timerfd_settime(t, 0, &its, NULL));
  timerfd_gettime(t, &cur);
  printf("gettime interval %ld ns, armed %d\n", cur.it_interval.tv_nsec,
         cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec > 0);
  int ep = epoll_create1(0);
  struct epoll_event ev = {.events = EPOLLIN, .data.u64 = 7}, out;
  epoll_ctl(ep, EPOLL_CTL_ADD, t, &ev);
  int n = epoll_wait(ep, &out, 1, 2000);
  uint64_t exp = 0;
  printf("timer ready: %d data %llu", n, (unsigned long long)out.data.u64);
  ssize_t r = read(t, &exp, 8);
  printf(" read %zd expirations >= 1 %d\n", r, exp >= 1);
  struct itimerspec off = {{0, 0}, {0, 0}};
  timerfd_settime(t, 0, &off, NULL);
  close(t), close(ep);
}

static void signalfds(void) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR2);
  sigaddset(&set, SIGRTMIN + 1);
  sigprocmask(SIG_BLOCK, &set, NULL);
  int sfd = signalfd(-1, &set, SFD_NONBLOCK);
  printf("signalfd: %s\n", sfd >= 0 ? "ok" : strerror(errno));
  union sigval sv = {.sival_int = 1234};
  sigqueue(getpid(), SIGRTMIN + 1, sv);
  raise(SIGUSR2);
  struct signalfd_siginfo si[2];
  ssize_t n = read(sfd, si, sizeof(si));
  printf("read %zd:", n);
  for (int i = 0; i < n / (ssize_t)sizeof(si[0]); i++)
    printf(" signo %u (SIGUSR2 %d, SIGRTMIN+1 %d) code %d", si[i].ssi_signo,
           si[i].ssi_signo == SIGUSR2, (int)si[i].ssi_signo == SIGRTMIN + 1, si[i].ssi_code);
  printf("\n");
  errno = 0;
  n = read(sfd, si, sizeof(si));
  printf("empty: %zd %s\n", n, errno == EAGAIN ? "EAGAIN" : "?");
  close(sfd);
}

static void inotify(const char *dir) {
  int in = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  int wd = inotify_add_watch(in, dir, IN_CREATE | IN_DELETE);
  printf("inotify_add_watch: %s\n", wd >= 0 ? "ok" : strerror(errno));
  char path[4096];
  snprintf(path, sizeof(path), "%s/newfile", dir);
  close(creat(path, 0644));
  char buf[4096] __attribute__((aligned(8)));
  ssize_t n = read(in, buf, sizeof(buf));
  struct inotify_event *e = (struct inotify_event *)buf;
  printf("event: %d, mask %x, name %s\n", n > 0, e->mask, n > 0 ? e->name : "");
  printf("rm_watch: %d\n", inotify_rm_watch(in, wd));
  errno = 0;
  int r = inotify_add_watch(in, "/nonexistent/dir", IN_CREATE);
  printf("missing path: %d %s\n", r, errno == ENOENT ? "ENOENT" : "?");
  close(in);
}

int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IONBF, 0);
  epoll_events();
  epoll_sigmask();
  timers();
  signalfds();
  inotify(argc > 1 ? argv[1] : ".");
  return 0;
}
