/* vdso_fork_execve.c - the vDSO is there from the start, once, read-execute
 * (one [vdso] line of /proc/self/maps), and signal handlers return through
 * it: in the program, in a forked child (the same page), and in the program
 * run again by execve (a new one). */
// test: qemu-wrong: qemu 7.2 maps no [vdso] for the guest and cannot execve /proc/self/exe
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int handled;

static void on_usr1(int sig) {
  (void)sig;
  handled++;
}

/* The [vdso] lines of /proc/self/maps: how many, and the first's start and
 * permissions. */
static int vdso_lines(unsigned long *lo, char perms[8]) {
  FILE *f = fopen("/proc/self/maps", "r");
  char line[512];
  int n = 0;
  while (f && fgets(line, sizeof(line), f))
    if (strstr(line, " [vdso]\n") && n++ == 0)
      sscanf(line, "%lx-%*x %7s", lo, perms);
  if (f)
    fclose(f);
  return n;
}

static void report(const char *who, unsigned long first) {
  unsigned long lo = 0;
  char perms[8] = "";
  int n = vdso_lines(&lo, perms);
  raise(SIGUSR1);
  const char *at = !first ? "mapped" : lo == first ? "where it was" : "moved";
  printf("%s: [vdso] lines %d, %s, %s; a handler returned: %s\n", who, n, perms, at,
         handled ? "yes" : "no");
  fflush(stdout);
}

int main(int argc, char **argv) {
  signal(SIGUSR1, on_usr1);
  unsigned long first = 0;
  char perms[8];
  vdso_lines(&first, perms);
  if (argc > 1) {
    report("after execve", 0);
    return 0;
  }
  report("at start", first);
  pid_t pid = fork();
  if (pid == 0) {
    report("forked child", first);
    _exit(0);
  }
  waitpid(pid, NULL, 0);
  execl("/proc/self/exe", argv[0], "again", (char *)NULL);
  printf("execve failed\n");
  return 1;
}
