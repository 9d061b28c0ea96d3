/* fork_child_mmap_mprotect.c - memory a forked child maps is its own to
 * re-protect and unmap: after fork, the child (and the parent) map 16
 * regions of 8 MiB as thread stacks are made (PROT_NONE, then the part
 * above a guard page made read-write), write to them and unmap them; a
 * translator that forgot where its own memory moved at fork refuses them. */
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

enum { STACK = 8 << 20, GUARD = 64 << 10, N = 16 };

static int stacks(void) {
  int ok = 0;
  char *p[N];
  for (int i = 0; i < N; i++) {
    p[i] = mmap(NULL, STACK + GUARD, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (p[i] == MAP_FAILED)
      continue;
    if (!mprotect(p[i] + GUARD, STACK, PROT_READ | PROT_WRITE)) {
      p[i][GUARD] = p[i][GUARD + STACK - 1] = 1;
      ok++;
    }
  }
  for (int i = 0; i < N; i++)
    if (p[i] != MAP_FAILED && munmap(p[i], STACK + GUARD))
      ok--;
  return ok;
}

int main(void) {
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    printf("child: %d of %d\n", stacks(), N);
    fflush(stdout);
    pid_t g = fork();
    if (g == 0) {
      printf("grandchild: %d of %d\n", stacks(), N);
      fflush(stdout);
      _exit(0);
    }
    waitpid(g, NULL, 0);
    _exit(0);
  }
  waitpid(pid, NULL, 0);
  printf("parent: %d of %d\n", stacks(), N);
  return 0;
}
