/* sock_inet_loopback.c - AF_INET on 127.0.0.1: a TCP echo between two
 * threads (bind to port 0, getsockname for the port, listen, connect,
 * accept, getpeername, sendto/recvfrom, shutdown), UDP echo with
 * sendto/recvfrom and sendmmsg/recvmmsg, and socket options read back:
 * SO_RCVTIMEO (struct timeval, and a recv that times out with EAGAIN),
 * SO_LINGER, SO_REUSEADDR, SO_TYPE, TCP_NODELAY, SO_ERROR. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

static struct sockaddr_in loopback(void) {
  struct sockaddr_in a;
  memset(&a, 0, sizeof(a));
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return a;
}

static void *echo_server(void *arg) {
  int l = *(int *)arg;
  struct sockaddr_in peer;
  socklen_t plen = sizeof(peer);
  int s = accept(l, (struct sockaddr *)&peer, &plen);
  char buf[256];
  ssize_t n;
  while ((n = recv(s, buf, sizeof(buf), 0)) > 0)
    send(s, buf, (size_t)n, 0);
  close(s);
  return NULL;
}

static void tcp_echo(void) {
  struct sockaddr_in a = loopback(), got;
  socklen_t len = sizeof(got);
  int l = socket(AF_INET, SOCK_STREAM, 0), on = 1;
  printf("SO_REUSEADDR: %d\n", setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)));
  int r = bind(l, (struct sockaddr *)&a, sizeof(a));
  printf("bind: %d, listen: %d\n", r, listen(l, 1));
  getsockname(l, (struct sockaddr *)&got, &len);
  printf("getsockname: len %u, family %d, addr %s, port nonzero %d\n", (unsigned)len,
         got.sin_family, inet_ntoa(got.sin_addr), got.sin_port != 0);
  pthread_t t;
  pthread_create(&t, NULL, echo_server, &l);
  int c = socket(AF_INET, SOCK_STREAM, 0);
  printf("connect: %d\n", connect(c, (struct sockaddr *)&got, sizeof(got)));
  struct sockaddr_in peer;
  len = sizeof(peer);
  getpeername(c, (struct sockaddr *)&peer, &len);
  printf("getpeername: %s, same port %d\n", inet_ntoa(peer.sin_addr),
         peer.sin_port == got.sin_port);
  printf("TCP_NODELAY: %d\n", setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &on, sizeof(on)));
  int v = 0;
  len = sizeof(v);
  getsockopt(c, IPPROTO_TCP, TCP_NODELAY, &v, &len);
  printf("TCP_NODELAY back: %d (len %u)\n", v != 0, (unsigned)len);
  const char *msg = "ping over tcp";
  printf("sendto: %zd\n", sendto(c, msg, strlen(msg), 0, NULL, 0));
  char buf[64] = {0};
  size_t got_n = 0;
  while (got_n < strlen(msg)) {
    ssize_t n = recvfrom(c, buf + got_n, sizeof(buf) - 1 - got_n, 0, NULL, NULL);
    if (n <= 0)
      break;
    got_n += (size_t)n;
  }
  printf("echo: %s\n", buf);
  shutdown(c, SHUT_WR);
  printf("after shutdown: %zd\n", recv(c, buf, sizeof(buf), 0));
  pthread_join(t, NULL);
  len = sizeof(v);
  getsockopt(c, SOL_SOCKET, SO_ERROR, &v, &len);
  printf("SO_ERROR: %d\n", v);
  close(c);
  close(l);
}

static void udp_echo(void) {
  struct sockaddr_in a = loopback(), sa, from;
  socklen_t len = sizeof(sa);
  int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0), c = socket(AF_INET, SOCK_DGRAM, 0);
  bind(s, (struct sockaddr *)&a, sizeof(a));
  getsockname(s, (struct sockaddr *)&sa, &len);
  int type = 0;
  len = sizeof(type);
  getsockopt(s, SOL_SOCKET, SO_TYPE, &type, &len);
  printf("udp SO_TYPE: %d\n", type);
  printf("udp sendto: %zd\n", sendto(c, "datagram", 8, 0, (struct sockaddr *)&sa, sizeof(sa)));
  char buf[64] = {0};
  len = sizeof(from);
  ssize_t n = recvfrom(s, buf, sizeof(buf), 0, (struct sockaddr *)&from, &len);
  printf("udp recvfrom: %zd %s from %s (len %u)\n", n, buf, inet_ntoa(from.sin_addr),
         (unsigned)len);
  sendto(s, buf, (size_t)n, 0, (struct sockaddr *)&from, len);
  memset(buf, 0, sizeof(buf));
  printf("udp reply: %zd %s\n", recv(c, buf, sizeof(buf), 0), buf);

  connect(c, (struct sockaddr *)&sa, sizeof(sa));
  struct mmsghdr mm[3];
  struct iovec iov[3];
  const char *words[3] = {"alpha", "beta", "gamma!"};
  memset(mm, 0, sizeof(mm));
  for (int i = 0; i < 3; i++) {
    iov[i].iov_base = (void *)words[i];
    iov[i].iov_len = strlen(words[i]);
    mm[i].msg_hdr.msg_iov = &iov[i];
    mm[i].msg_hdr.msg_iovlen = 1;
  }
  int sent = sendmmsg(c, mm, 3, 0);
  printf("sendmmsg: %d, lens %u %u %u\n", sent, mm[0].msg_len, mm[1].msg_len, mm[2].msg_len);
  char rb[3][16];
  memset(mm, 0, sizeof(mm));
  memset(rb, 0, sizeof(rb));
  for (int i = 0; i < 3; i++) {
    iov[i].iov_base = rb[i];
    iov[i].iov_len = sizeof(rb[i]);
    mm[i].msg_hdr.msg_iov = &iov[i];
    mm[i].msg_hdr.msg_iovlen = 1;
  }
  struct timespec ts = {1, 0};
  int r = recvmmsg(s, mm, 3, MSG_WAITFORONE, &ts);
  printf("recvmmsg: %d:", r);
  for (int i = 0; i < r; i++)
    printf(" %s/%u", rb[i], mm[i].msg_len);
  printf("\n");
  close(c);
  close(s);
}

static void options(void) {
  int s = socket(AF_INET, SOCK_DGRAM, 0);
  struct timeval tv = {0, 250000}, back = {9, 9};
  socklen_t len = sizeof(back);
  printf("SO_RCVTIMEO set: %d\n", setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)));
  int r = getsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &back, &len);
  /* the kernel keeps it in jiffies: 0.25 s comes back rounded up to a tick */
  printf("SO_RCVTIMEO get: %d, 0.25 s to a tick %d, len %u\n", r,
         back.tv_sec == 0 && back.tv_usec >= 250000 && back.tv_usec <= 260000, (unsigned)len);
  struct sockaddr_in a = loopback();
  bind(s, (struct sockaddr *)&a, sizeof(a));
  struct timeval t0, t1;
  gettimeofday(&t0, NULL);
  char buf[8];
  errno = 0;
  ssize_t n = recv(s, buf, sizeof(buf), 0);
  gettimeofday(&t1, NULL);
  long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_usec - t0.tv_usec) / 1000;
  printf("recv with timeout: %zd %s, waited >= 200ms %d\n", n, errno == EAGAIN ? "EAGAIN" : "?",
         ms >= 200);
  struct linger lg = {1, 7}, lb = {0, 0};
  int t = socket(AF_INET, SOCK_STREAM, 0);
  len = sizeof(lb);
  printf("SO_LINGER set: %d\n", setsockopt(t, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg)));
  r = getsockopt(t, SOL_SOCKET, SO_LINGER, &lb, &len);
  printf("SO_LINGER get: %d, onoff %d linger %d len %u\n", r, lb.l_onoff, lb.l_linger,
         (unsigned)len);
  errno = 0;
  r = setsockopt(t, 12345, 1, &lg, sizeof(lg));
  printf("bad level: %d %s\n", r, errno == ENOPROTOOPT ? "ENOPROTOOPT" : "?");
  close(t);
  close(s);
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  tcp_echo();
  udp_echo();
  options();
  return 0;
}
