/* fork.c - a forked child runs on without the debugger (it does not stop at
 * the breakpoint, nor talk on gdb's connection); the parent stops there. */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int work(int x) {
  return x * 2;
}

int main(void) {
  pid_t p = fork();
  if (p == 0) {
    printf("child %d\n", work(21));
    return 7;
  }
  int st;
  waitpid(p, &st, 0);
  printf("parent saw %d\n", WEXITSTATUS(st));
  return work(3);
}
