/* Processes and threads on riscv64: fork then execve of /proc/self/exe (the
 * new program is a riscv64 ELF again, run by a new xrun that finds the guest
 * from its e_machine), its exit status through wait; and threads, each
 * with its own thread pointer (tp, set by clone's CLONE_SETTLS: the address
 * of a __thread variable is tp-relative) and its own copy of the variable. */
// test: qemu-wrong: qemu-riscv64 7.2 cannot execve /proc/self/exe (the child exits 99)
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static __thread int counter = 100;
static uintptr_t tps[4];
static int seen[4];

static uintptr_t thread_pointer(void) {
  return (uintptr_t)&counter;
}

static void *worker(void *arg) {
  int k = (int)(intptr_t)arg;
  tps[k] = thread_pointer();
  for (int i = 0; i < 1000 * (k + 1); i++)
    counter++;
  seen[k] = counter;
  return NULL;
}

int main(int argc, char **argv) {
  if (argc > 1 && !strcmp(argv[1], "child")) {
    printf("child: exec'd with %d arguments, counter %d\n", argc, counter);
    return 42;
  }
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    char *args[] = {argv[0], "child", "x", NULL};
    execv("/proc/self/exe", args);
    _exit(99);
  }
  int st;
  waitpid(pid, &st, 0);
  printf("parent: child exited %d, status %d\n", WIFEXITED(st), WEXITSTATUS(st));
  pthread_t t[4];
  for (int k = 0; k < 4; k++)
    pthread_create(&t[k], NULL, worker, (void *)(intptr_t)k);
  for (int k = 0; k < 4; k++)
    pthread_join(t[k], NULL);
  int distinct = 1;
  for (int a = 0; a < 4; a++)
    for (int b = 0; b < a; b++)
      distinct &= tps[a] != tps[b] && tps[a] != thread_pointer();
  printf("thread pointers distinct: %d\n", distinct);
  for (int k = 0; k < 4; k++)
    printf("thread %d counted to %d\n", k, seen[k]);
  printf("main counter still %d\n", counter);
  return 0;
}
