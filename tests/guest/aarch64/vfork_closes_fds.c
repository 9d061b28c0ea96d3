/* vfork_closes_fds.c - a vfork child that closes every descriptor above 2,
 * as spawn helpers do before they exec, then writes into its parent's frame
 * and ends. The parent may go on only once the child has ended, and then
 * sees what it wrote. (xrun's parent also waits on a pipe whose write end
 * the child holds, high, close-on-exec: close_range passes over it, as over
 * every descriptor of xrun's own, and the parent must not go on early,
 * without the child's writes.) */
// test: qemu-wrong: qemu 7.2 runs a vfork as a fork: the child's writes do not reach its parent
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  for (int round = 0; round < 3; round++) {
    volatile int seen = 0;
    pid_t pid = vfork();
    if (pid == 0) {
      syscall(SYS_close_range, 3u, ~0u, 0u);
      seen = 40 + round;
      _exit(round);
    }
    int st = -1;
    waitpid(pid, &st, 0);
    printf("round %d: the child wrote %d and ended with %d\n", round, seen,
           WIFEXITED(st) ? WEXITSTATUS(st) : -1);
  }
  return 0;
}
