/* prctl_misc.c - prctl options a program uses: the thread name (SET/GET,
 * truncated to 15 bytes, seen in /proc/thread-self/comm), the parent-death
 * signal (set, read back, delivered to a child when its parent dies:
 * SIGUSR1 and a real-time one), no_new_privs, dumpable, timer slack,
 * and EINVAL for an unknown option. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

static void names(void) {
  char name[32] = {0}, comm[32] = {0};
  int r = prctl(PR_SET_NAME, "a-rather-long-thread-name", 0, 0, 0);
  printf("PR_SET_NAME: %d\n", r);
  r = prctl(PR_GET_NAME, name, 0, 0, 0);
  printf("PR_GET_NAME: %d \"%s\"\n", r, name);
  FILE *f = fopen("/proc/thread-self/comm", "r");
  if (f && fgets(comm, sizeof(comm), f))
    printf("comm: %s", comm);
  if (f)
    fclose(f);
}

/* A grandchild whose parent (the child) exits: it gets sig. */
static void deathsig(int sig) {
  int fds[2];
  pipe(fds);
  pid_t child = fork();
  if (child == 0) {
    if (fork() == 0) {
      sigset_t set;
      sigemptyset(&set);
      sigaddset(&set, sig);
      sigprocmask(SIG_BLOCK, &set, NULL);
      prctl(PR_SET_PDEATHSIG, sig, 0, 0, 0);
      int got = 0;
      prctl(PR_GET_PDEATHSIG, &got, 0, 0, 0);
      write(fds[1], "r", 1); /* ready: the parent may go */
      siginfo_t si;
      struct timespec ts = {5, 0};
      int r = sigtimedwait(&set, &si, &ts);
      char line[128];
      int n = snprintf(line, sizeof(line), "  got back %d, waited for it: %d (code %d)\n",
                       got == sig, r == sig, si.si_code);
      write(fds[1], line, (size_t)n);
      _exit(0);
    }
    char c;
    read(fds[0], &c, 1);
    _exit(0);
  }
  close(fds[1]);
  waitpid(child, NULL, 0);
  char buf[256] = {0};
  ssize_t n = 0, k;
  while ((k = read(fds[0], buf + n, sizeof(buf) - 1 - (size_t)n)) > 0)
    n += k;
  printf("PDEATHSIG %s: %s", sig == SIGUSR1 ? "SIGUSR1" : "SIGRTMIN+3", buf + 1);
  close(fds[0]);
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  names();
  int got = -1;
  prctl(PR_GET_PDEATHSIG, &got, 0, 0, 0);
  printf("PR_GET_PDEATHSIG initially: %d\n", got);
  errno = 0;
  int r = prctl(PR_SET_PDEATHSIG, 65, 0, 0, 0);
  printf("PR_SET_PDEATHSIG 65: %d %s\n", r, errno == EINVAL ? "EINVAL" : "?");
  deathsig(SIGUSR1);
  deathsig(SIGRTMIN + 3);
  printf("dumpable: %d\n", prctl(PR_GET_DUMPABLE, 0, 0, 0, 0));
  r = prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
  printf("set dumpable 0: %d, now %d\n", r, prctl(PR_GET_DUMPABLE, 0, 0, 0, 0));
  prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);
  printf("no_new_privs: %d\n", prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
  r = prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
  printf("set no_new_privs: %d, now %d\n", r, prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
  r = prctl(PR_SET_TIMERSLACK, 123456, 0, 0, 0);
  printf("timer slack: %d, now %d\n", r, prctl(PR_GET_TIMERSLACK, 0, 0, 0, 0));
  errno = 0;
  r = prctl(9999, 0, 0, 0, 0);
  printf("unknown option: %d %s\n", r, errno == EINVAL ? "EINVAL" : "?");
  return 0;
}
