/* execve_process_state.c - what an execve keeps and what it resets, seen
 * from the new program: close-on-exec descriptors closed and the others
 * open; caught signals back to their default, ignored ones still ignored,
 * the mask and a pending blocked signal kept; no alternate signal stack; an
 * interval timer still running; none of the old program's memory (an
 * anonymous page, a file's page, a mapping mremap moved, a System V
 * segment); argv,
 * the environment, /proc/self/cmdline, environ and exe the new program's.
 * Then the ways in: from vfork and posix_spawn (the parent goes on), execs
 * that fail (a missing file, an argument longer than Linux takes, a bad
 * pointer: the caller goes on), from a process with a second thread
 * (which the exec ends), from a signal handler (its mask stays), from a
 * process with 5,000 mappings, and twenty execs in a row in one process. */
// test: qemu-wrong: qemu-aarch64 cannot execve an aarch64 program without binfmt_misc
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#define OLD_PAGE      ((void *)0x3000000000ul)
#define OLD_FILE      ((void *)0x3100000000ul)
#define OLD_MOVE_FROM ((void *)0x3200000000ul)
#define OLD_MOVED     ((void *)0x3300000000ul)
#define OLD_SHM       ((void *)0x3400000000ul)
#define MANY          ((char *)0x3600000000ul) /* 5,000 pages apart: more than xrun lists */

extern char **environ;
static char self[4096];

static void on_usr1(int sig) {
  (void)sig;
}

/* Runs this program again as argv[0] "renamed" with stage, arg and its own
 * path, in the environment with XE_STAGE and XE_EMPTY set. */
static void run(const char *stage, const char *arg) {
  char *argv[] = {"renamed", (char *)stage, (char *)arg, self, NULL};
  static char *envp[256];
  size_t n = 0;
  for (char **e = environ; *e && n < 250; e++)
    if (strncmp(*e, "XE_", 3))
      envp[n++] = *e;
  envp[n++] = "XE_STAGE=next";
  envp[n++] = "XE_EMPTY=";
  envp[n] = NULL;
  fflush(stdout);
  execve(self, argv, envp);
  printf("execve %s: %s\n", stage, strerror(errno));
  exit(1);
}

/* The NUL-separated strings of /proc/self/NAME that start with prefix on
 * one line, each ended by '|', the program's path shown as SELF. */
static void show_proc(const char *name, const char *prefix) {
  char path[64], buf[8192];
  snprintf(path, sizeof(path), "/proc/self/%s", name);
  int fd = open(path, O_RDONLY);
  ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);
  if (fd >= 0)
    close(fd);
  buf[n > 0 ? n : 0] = 0;
  printf("%s: ", name);
  for (char *s = buf; n > 0 && s < buf + n; s += strlen(s) + 1)
    if (!strncmp(s, prefix, strlen(prefix)))
      printf("%s|", strcmp(s, self) ? s : "SELF");
  printf("\n");
}

static void before(void) {
  int a = open("/dev/null", O_RDONLY | O_CLOEXEC), b = open("/dev/null", O_RDONLY);
  dup3(a, 20, O_CLOEXEC);
  dup2(b, 21);
  close(a), close(b);
  signal(SIGUSR1, on_usr1);
  signal(SIGUSR2, SIG_IGN);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGWINCH);
  sigprocmask(SIG_BLOCK, &set, NULL);
  raise(SIGWINCH);
  static char alt[65536];
  stack_t ss = {.ss_sp = alt, .ss_size = sizeof(alt)};
  sigaltstack(&ss, NULL);
  struct itimerval it = {{0, 0}, {100, 0}};
  setitimer(ITIMER_REAL, &it, NULL);
  char *p =
      mmap(OLD_PAGE, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
  if (p != MAP_FAILED)
    strcpy(p, "old");
  /* a file's page, a mapping mremap moved, a System V segment: none stays */
  int fd = open("/proc/self/exe", O_RDONLY);
  mmap(OLD_FILE, 4096, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0);
  close(fd);
  void *m = mmap(OLD_MOVE_FROM, 8192, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
  mremap(m, 8192, 16384, MREMAP_MAYMOVE | MREMAP_FIXED, OLD_MOVED);
  int id = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
  if (id >= 0) {
    shmat(id, OLD_SHM, 0);
    shmctl(id, IPC_RMID, NULL);
  }
}

static const char *gone(void *page) {
  return msync(page, 4096, MS_ASYNC) && errno == ENOMEM ? "gone" : "there";
}

static void after(char **argv) {
  printf("argv[0] %s, XE_STAGE %s, XE_EMPTY '%s'\n", argv[0], getenv("XE_STAGE"),
         getenv("XE_EMPTY"));
  printf("fd 20 (close-on-exec): %s; fd 21: %s\n", fcntl(20, F_GETFD) < 0 ? "closed" : "open",
         fcntl(21, F_GETFD) < 0 ? "closed" : "open");
  struct sigaction u1, u2;
  sigaction(SIGUSR1, NULL, &u1);
  sigaction(SIGUSR2, NULL, &u2);
  printf("SIGUSR1 %s, SIGUSR2 %s\n", u1.sa_handler == SIG_DFL ? "default" : "caught",
         u2.sa_handler == SIG_IGN ? "ignored" : "not ignored");
  sigset_t mask, pend;
  sigprocmask(SIG_BLOCK, NULL, &mask);
  sigpending(&pend);
  printf("SIGWINCH blocked %d, pending %d\n", sigismember(&mask, SIGWINCH),
         sigismember(&pend, SIGWINCH));
  stack_t ss;
  sigaltstack(NULL, &ss);
  printf("alternate stack: %s\n", ss.ss_flags & SS_DISABLE ? "none" : "set");
  struct itimerval it;
  getitimer(ITIMER_REAL, &it);
  printf("interval timer: %s\n", it.it_value.tv_sec > 50 ? "running" : "stopped");
  printf("old page: %s\n", gone(OLD_PAGE));
  printf("old file page, moved mapping, System V segment: %s, %s, %s\n", gone(OLD_FILE),
         gone(OLD_MOVED), gone(OLD_SHM));
  char exe[4096];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
  exe[n > 0 ? n : 0] = 0;
  printf("exe is the program: %s\n", !strcmp(exe, argv[3]) ? "yes" : "no");
  show_proc("cmdline", "");
  show_proc("environ", "XE_");
}

static void exec_from_handler(int sig) {
  (void)sig;
  run("masked", "");
}

static void *sleeper(void *arg) {
  (void)arg;
  pause();
  return NULL;
}

static void ways_in(void) {
  char *argv[] = {"spawned", "child", "", self, NULL};
  int status;
  pid_t pid = vfork();
  if (pid == 0) {
    execve(self, argv, environ);
    _exit(127);
  }
  waitpid(pid, &status, 0);
  printf("vfork child: exit %d\n", WEXITSTATUS(status));
  fflush(stdout);
  posix_spawn(&pid, self, NULL, NULL, argv, environ);
  waitpid(pid, &status, 0);
  printf("posix_spawn child: exit %d\n", WEXITSTATUS(status));
  char *none[] = {"none", NULL};
  printf("execve of a missing file: %s\n",
         execve("/nonexistent/program", none, environ) < 0 ? strerror(errno) : "?");
  static char big[200000];
  memset(big, 'x', sizeof(big) - 1);
  char *too_long[] = {"long", big, NULL}, *bad[] = {"bad", (char *)16, NULL};
  printf("execve with a 200 KB argument: %s\n",
         execve(self, too_long, environ) < 0 ? strerror(errno) : "?");
  printf("execve with a bad argument pointer: %s\n",
         execve(self, bad, environ) < 0 ? strerror(errno) : "?");
  fflush(stdout);
  pid = fork();
  if (pid == 0) {
    pthread_t t;
    pthread_create(&t, NULL, sleeper, NULL);
    run("child", "");
  }
  waitpid(pid, &status, 0);
  printf("child with a thread: exit %d\n", WEXITSTATUS(status));
  fflush(stdout);
  pid = fork();
  if (pid == 0) {
    signal(SIGUSR1, exec_from_handler);
    raise(SIGUSR1);
    _exit(1);
  }
  waitpid(pid, &status, 0);
  printf("exec from a handler: exit %d\n", WEXITSTATUS(status));
  fflush(stdout);
  pid = fork();
  if (pid == 0) {
    for (unsigned long i = 0; i < 5000; i++)
      mmap(MANY + i * 8192, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    run("many", "");
  }
  waitpid(pid, &status, 0);
  printf("after 5000 mappings, the first and the last gone: exit %d\n", WEXITSTATUS(status));
}

int main(int argc, char **argv) {
  if (argc < 2) {
    ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
    self[n > 0 ? n : 0] = 0;
    before();
    run("after", "");
  }
  snprintf(self, sizeof(self), "%s", argv[3]);
  if (!strcmp(argv[1], "after")) {
    after(argv);
    ways_in();
    run("chain", "20");
  }
  if (!strcmp(argv[1], "child"))
    return 5;
  if (!strcmp(argv[1], "many"))
    return 20 + !strcmp(gone(MANY), "gone") + !strcmp(gone(MANY + 4999 * 8192), "gone");
  if (!strcmp(argv[1], "masked")) { /* the handler's mask stays */
    sigset_t mask;
    sigprocmask(SIG_BLOCK, NULL, &mask);
    return 10 + sigismember(&mask, SIGUSR1);
  }
  int left = atoi(argv[2]);
  if (left > 0) {
    char next[16];
    snprintf(next, sizeof(next), "%d", left - 1);
    run("chain", next);
  }
  printf("chain done\n");
  return 7;
}
