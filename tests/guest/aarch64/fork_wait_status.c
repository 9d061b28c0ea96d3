/* fork_wait_status.c - fork: the child sees pid 0 and its own copy of memory,
 * exits with 7; the parent waitpid()s and decodes WEXITSTATUS; a second child
 * is killed by SIGTERM and WTERMSIG reports it; a pipe carries data from
 * child to parent. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int shared = 10;

int main(void) {
  int fds[2];
  pipe(fds);
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    shared = 99;
    close(fds[0]);
    char msg[64];
    int n = snprintf(msg, sizeof msg, "child sees shared=%d getppid ok=%d", shared, getppid() > 1);
    write(fds[1], msg, (size_t)n);
    _exit(7);
  }
  close(fds[1]);
  char buf[128] = {0};
  ssize_t got = 0, r;
  while ((r = read(fds[0], buf + got, sizeof buf - 1 - (size_t)got)) > 0)
    got += r;
  int st;
  pid_t w = waitpid(pid, &st, 0);
  printf("from pipe: %s\n", buf);
  printf("waited right child %d, exited %d status %d, parent shared=%d\n", w == pid, WIFEXITED(st),
         WEXITSTATUS(st), shared);
  pid = fork();
  if (pid == 0) {
    for (;;)
      pause();
  }
  if (pid < 0) { /* never kill(-1, ...): that would signal every process we may */
    printf("fork failed\n");
    return 1;
  }
  kill(pid, SIGTERM);
  waitpid(pid, &st, 0);
  printf("second child signaled %d sig %d\n", WIFSIGNALED(st), WTERMSIG(st));
  int ok = 0;
  for (int i = 0; i < 5; i++) {
    fflush(stdout);
    if ((pid = fork()) == 0)
      _exit(i * 10);
    waitpid(pid, &st, 0);
    ok += WEXITSTATUS(st) == i * 10;
  }
  printf("five children ok %d\n", ok);
  return 0;
}
