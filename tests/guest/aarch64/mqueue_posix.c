/* mqueue_posix.c - POSIX message queues: mq_open with open flags
 * (O_CREAT|O_EXCL, O_NONBLOCK, O_CLOEXEC) and a struct mq_attr, priorities
 * ordering the messages, mq_getattr/mq_setattr, EAGAIN on an empty
 * non-blocking queue, a timed receive that times out, mq_unlink. (mq_notify
 * is left out: qemu-aarch64, which writes the expected output, lacks it.) */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int main(void) {
  struct mq_attr a = {.mq_maxmsg = 4, .mq_msgsize = 32};
  char name[64];
  snprintf(name, sizeof name, "/xrun-mq-%d", (int)getpid());
  mqd_t q = mq_open(name, O_RDWR | O_CREAT | O_EXCL | O_NONBLOCK | O_CLOEXEC, 0600, &a);
  printf("mq_open: %s, cloexec %d\n", q >= 0 ? "ok" : strerror(errno), fcntl(q, F_GETFD));
  errno = 0;
  mqd_t q2 = mq_open(name, O_RDWR | O_CREAT | O_EXCL, 0600, &a);
  printf("again with O_EXCL: %d %s\n", (int)q2, errno == EEXIST ? "EEXIST" : "?");
  printf("send: %d", mq_send(q, "low", 3, 1));
  printf(" %d", mq_send(q, "high", 4, 7));
  printf(" %d\n", mq_send(q, "middle", 6, 4));
  mq_getattr(q, &a);
  printf("attr: nonblock %d, max %ld, size %ld, now %ld\n", (a.mq_flags & O_NONBLOCK) != 0,
         a.mq_maxmsg, a.mq_msgsize, a.mq_curmsgs);
  for (int i = 0; i < 3; i++) {
    char buf[64] = {0};
    unsigned prio = 0;
    ssize_t n = mq_receive(q, buf, sizeof buf, &prio);
    printf("receive: %zd %s prio %u\n", n, buf, prio);
  }
  char buf[64];
  errno = 0;
  ssize_t n = mq_receive(q, buf, sizeof buf, NULL);
  printf("empty: %zd %s\n", n, errno == EAGAIN ? "EAGAIN" : "?");
  struct mq_attr blocking = {.mq_flags = 0}, old;
  mq_setattr(q, &blocking, &old);
  mq_getattr(q, &a);
  printf("setattr: old nonblock %d, now nonblock %d\n", (old.mq_flags & O_NONBLOCK) != 0,
         (a.mq_flags & O_NONBLOCK) != 0);
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  ts.tv_nsec += 20000000;
  if (ts.tv_nsec >= 1000000000) {
    ts.tv_sec++;
    ts.tv_nsec -= 1000000000;
  }
  errno = 0;
  n = mq_timedreceive(q, buf, sizeof buf, NULL, &ts);
  printf("timed receive: %zd %s\n", n, errno == ETIMEDOUT ? "ETIMEDOUT" : "?");
  errno = 0;
  n = mq_receive(q, buf, 8, NULL);
  printf("buffer below msgsize: %zd %s\n", n, errno == EMSGSIZE ? "EMSGSIZE" : "?");
  printf("unlink: %d", mq_unlink(name));
  errno = 0;
  int r = mq_unlink(name);
  printf(" again %d %s\n", r, errno == ENOENT ? "ENOENT" : "?");
  return 0;
}
