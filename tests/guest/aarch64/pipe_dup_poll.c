/* pipe_dup_poll.c - pipe round trip, dup2 of stdout onto a pipe and back,
 * fcntl O_NONBLOCK giving EAGAIN on an empty pipe, poll readiness, readv and
 * writev, and getcwd/chdir. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

int main(void) {
  int p[2];
  pipe(p);
  write(p[1], "ping", 4);
  char buf[64] = {0};
  printf("pipe read %zd %s\n", read(p[0], buf, sizeof buf), buf);
  fflush(stdout);
  int saved = dup(1);
  dup2(p[1], 1);
  printf("captured line\n");
  fflush(stdout);
  dup2(saved, 1);
  close(saved);
  memset(buf, 0, sizeof buf);
  read(p[0], buf, sizeof buf);
  printf("got from redirected stdout: %s", buf);
  fcntl(p[0], F_SETFL, fcntl(p[0], F_GETFL) | O_NONBLOCK);
  ssize_t n = read(p[0], buf, 1);
  printf("nonblocking empty read %zd %s\n", n, errno == EAGAIN ? "EAGAIN" : "?");
  struct pollfd pf = {p[0], POLLIN, 0};
  printf("poll empty %d\n", poll(&pf, 1, 0));
  write(p[1], "x", 1);
  int ready = poll(&pf, 1, 1000);
  printf("poll ready %d revents POLLIN %d\n", ready, (pf.revents & POLLIN) != 0);
  read(p[0], buf, 1);
  struct iovec out[3] = {{"vec", 3}, {"tor ", 4}, {"io", 2}};
  printf("writev %zd\n", writev(p[1], out, 3));
  char a[4] = {0}, b[8] = {0};
  struct iovec in[2] = {{a, 3}, {b, 6}};
  ssize_t nr = readv(p[0], in, 2);
  printf("readv %zd [%s][%s]\n", nr, a, b);
  close(p[1]);
  printf("read at EOF %zd\n", read(p[0], buf, 1));
  char cwd[4096];
  chdir("/");
  printf("getcwd after chdir(/): %s\n", getcwd(cwd, sizeof cwd));
  chdir("/tmp");
  printf("fd of /dev/null >= 3: %d\n", open("/dev/null", O_RDONLY) >= 3);
  return 0;
}
