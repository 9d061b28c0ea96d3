/* fork_while_thread_translates.c - a thread keeps making new code (a JIT
 * page rewritten and called, so each call is translated afresh) while the
 * main thread forks 100 times; each child runs new code of its own and exits
 * with what it returned. No child may hang: a fork that copies a lock
 * another thread held (the translator's, when that thread was translating)
 * leaves the child waiting for it forever. A child still running after 5
 * seconds is killed and counted as hung. (CPython's test_subprocess hung
 * this way: subprocess forks while other threads run.) */
// test: arm-only: the JIT page holds A64 instructions
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int stop;
static volatile pid_t child;

/* movz w0, #value; ret */
static int run_new_code(uint32_t *page, unsigned value) {
  page[0] = 0x52800000u | (value & 0xffff) << 5; /* movz w0, #value */
  page[1] = 0xd65f03c0u;                         /* ret */
  __builtin___clear_cache((char *)page, (char *)(page + 2));
  return ((int (*)(void))page)();
}

static uint32_t *new_page(void) {
  void *p =
      mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return p == MAP_FAILED ? NULL : p;
}

static void *translator(void *arg) {
  uint32_t *page = arg;
  for (unsigned i = 0; !stop; i++)
    if (run_new_code(page, i & 0xffff) != (int)(i & 0xffff))
      return (void *)1;
  return NULL;
}

static void on_alarm(int sig) {
  (void)sig;
  if (child > 0)
    kill(child, SIGKILL);
}

int main(void) {
  uint32_t *tpage = new_page(), *cpage = new_page();
  pthread_t t;
  if (!tpage || !cpage || pthread_create(&t, NULL, translator, tpage))
    return 1;
  signal(SIGALRM, on_alarm);
  int ok = 0, hung = 0, wrong = 0;
  for (int i = 0; i < 100; i++) {
    pid_t pid = fork();
    if (pid == 0)
      _exit(run_new_code(cpage, 1000 + i % 7) - 1000);
    child = pid;
    alarm(5);
    int st;
    while (waitpid(pid, &st, 0) < 0)
      ;
    alarm(0);
    if (WIFSIGNALED(st))
      hung++;
    else if (WEXITSTATUS(st) == i % 7)
      ok++;
    else
      wrong++;
    if (hung)
      break;
  }
  stop = 1;
  void *r;
  pthread_join(t, &r);
  printf("children: %d ok, %d hung, %d wrong; thread %s\n", ok, hung, wrong, r ? "failed" : "ok");
  return 0;
}
