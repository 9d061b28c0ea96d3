/* sock_unix_scm_rights.c - AF_UNIX sockets: a socketpair passing a pipe's
 * fd with SCM_RIGHTS (sendmsg/recvmsg, the received fd works) and
 * SCM_CREDENTIALS (SO_PASSCRED: the ucred is ours), SOCK_SEQPACKET record
 * boundaries, and a listening socket on an abstract name (bind, listen,
 * connect, accept4 with SOCK_CLOEXEC, getsockname/getpeername lengths and
 * names, shutdown seen as end of file). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static void send_fd(int sock, int fd) {
  char byte = 'F';
  struct iovec iov = {&byte, 1};
  union {
    struct cmsghdr h;
    char buf[CMSG_SPACE(sizeof(int))];
  } u;
  memset(&u, 0, sizeof(u));
  struct msghdr m = {
      .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf, .msg_controllen = sizeof(u.buf)};
  struct cmsghdr *c = CMSG_FIRSTHDR(&m);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(sizeof(int));
  memcpy(CMSG_DATA(c), &fd, sizeof(int));
  printf("sendmsg SCM_RIGHTS: %zd\n", sendmsg(sock, &m, 0));
}

static int recv_fd(int sock) {
  char byte = 0;
  struct iovec iov = {&byte, 1};
  char buf[CMSG_SPACE(sizeof(int))];
  struct msghdr m = {
      .msg_iov = &iov, .msg_iovlen = 1, .msg_control = buf, .msg_controllen = sizeof(buf)};
  ssize_t n = recvmsg(sock, &m, MSG_CMSG_CLOEXEC);
  struct cmsghdr *c = CMSG_FIRSTHDR(&m);
  int fd = -1;
  printf("recvmsg: %zd byte '%c', controllen %zu, flags %d\n", n, byte, (size_t)m.msg_controllen,
         m.msg_flags & ~MSG_CMSG_CLOEXEC);
  if (c && c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
    memcpy(&fd, CMSG_DATA(c), sizeof(int));
    printf("got SCM_RIGHTS, cmsg_len %zu, cloexec %d\n", (size_t)c->cmsg_len,
           fcntl(fd, F_GETFD) & FD_CLOEXEC);
  }
  return fd;
}

static void creds(int a, int b) {
  int on = 1;
  printf("SO_PASSCRED: %d\n", setsockopt(b, SOL_SOCKET, SO_PASSCRED, &on, sizeof(on)));
  write(a, "c", 1);
  char byte, buf[CMSG_SPACE(sizeof(struct ucred))];
  struct iovec iov = {&byte, 1};
  struct msghdr m = {
      .msg_iov = &iov, .msg_iovlen = 1, .msg_control = buf, .msg_controllen = sizeof(buf)};
  recvmsg(b, &m, 0);
  struct cmsghdr *c = CMSG_FIRSTHDR(&m);
  if (c && c->cmsg_type == SCM_CREDENTIALS) {
    struct ucred u;
    memcpy(&u, CMSG_DATA(c), sizeof(u));
    printf("SCM_CREDENTIALS: pid ours %d, uid ours %d, gid ours %d\n", u.pid == getpid(),
           u.uid == getuid(), u.gid == getgid());
  } else {
    printf("no SCM_CREDENTIALS\n");
  }
}

static void pair_rights(void) {
  int sv[2], p[2];
  printf("socketpair: %d\n", socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
  pipe(p);
  send_fd(sv[0], p[1]);
  int fd = recv_fd(sv[1]);
  printf("received fd differs from sent: %d\n", fd != p[1]);
  write(fd, "through the passed fd", 21);
  char buf[64] = {0};
  printf("pipe read %zd: %s\n", read(p[0], buf, sizeof(buf) - 1), buf);
  creds(sv[0], sv[1]);
  close(fd), close(p[0]), close(p[1]), close(sv[0]), close(sv[1]);
}

static void seqpacket(void) {
  int sv[2];
  printf("socketpair SEQPACKET: %d\n", socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_NONBLOCK, 0, sv));
  printf("nonblock flag: %d\n", (fcntl(sv[0], F_GETFL) & O_NONBLOCK) != 0);
  send(sv[0], "one", 3, 0);
  send(sv[0], "second", 6, 0);
  char buf[16];
  printf("records: %zd", recv(sv[1], buf, sizeof(buf), 0));
  printf(" %zd", recv(sv[1], buf, sizeof(buf), 0));
  errno = 0;
  ssize_t n = recv(sv[1], buf, sizeof(buf), 0);
  printf(" %zd (%s)\n", n, errno == EAGAIN ? "EAGAIN" : "?");
  close(sv[0]), close(sv[1]);
}

static socklen_t abstract_addr(struct sockaddr_un *a, const char *name) {
  memset(a, 0, sizeof(*a));
  a->sun_family = AF_UNIX;
  size_t n = strlen(name);
  memcpy(a->sun_path + 1, name, n); /* sun_path[0] == 0: abstract */
  return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + n);
}

static void abstract_listen(void) {
  char name[64];
  snprintf(name, sizeof(name), "xrun-test-%d", (int)getpid());
  struct sockaddr_un a, got;
  socklen_t len = abstract_addr(&a, name), glen = sizeof(got);
  int l = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int r = bind(l, (struct sockaddr *)&a, len);
  printf("bind: %d, listen: %d\n", r, listen(l, 4));
  getsockname(l, (struct sockaddr *)&got, &glen);
  printf("getsockname len ok %d, name ok %d\n", glen == len, !memcmp(&got, &a, len));
  int c = socket(AF_UNIX, SOCK_STREAM, 0);
  printf("connect: %d\n", connect(c, (struct sockaddr *)&a, len));
  int s = accept4(l, NULL, NULL, SOCK_CLOEXEC);
  printf("accept4: %s, cloexec %d\n", s >= 0 ? "ok" : strerror(errno), fcntl(s, F_GETFD));
  glen = sizeof(got);
  getpeername(c, (struct sockaddr *)&got, &glen);
  printf("getpeername len ok %d, name ok %d\n", glen == len, !memcmp(&got, &a, len));
  glen = sizeof(got);
  getpeername(s, (struct sockaddr *)&got, &glen);
  printf("peer of accepted (unbound client): len %u\n", (unsigned)glen);
  send(c, "hello over abstract", 19, 0);
  char buf[32] = {0};
  printf("recv %zd: %s\n", recv(s, buf, sizeof(buf) - 1, 0), buf);
  printf("shutdown: %d\n", shutdown(c, SHUT_WR));
  printf("after shutdown recv: %zd\n", recv(s, buf, sizeof(buf), 0));
  struct sockaddr_un b;
  errno = 0;
  int d = socket(AF_UNIX, SOCK_STREAM, 0);
  r = bind(d, (struct sockaddr *)&a, len);
  printf("bind same name again: %d (%s)\n", r, errno == EADDRINUSE ? "EADDRINUSE" : "?");
  errno = 0;
  len = abstract_addr(&b, "xrun-test-nobody-listens");
  r = connect(d, (struct sockaddr *)&b, len);
  printf("connect to nobody: %d (%s)\n", r, errno == ECONNREFUSED ? "ECONNREFUSED" : "?");
  close(d), close(c), close(s), close(l);
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  pair_rights();
  seqpacket();
  abstract_listen();
  return 0;
}
