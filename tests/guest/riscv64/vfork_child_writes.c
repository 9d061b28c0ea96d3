/* A vfork child shares its parent's memory until it runs another program
 * or ends, and the parent waits for that: posix_spawn (glibc's child, made
 * with CLONE_VM|CLONE_VFORK, leaves the exec's errno in its parent's stack
 * frame) fails with ENOENT for a program that does not exist, and what a
 * vfork() child writes into its parent's locals before _exit is there when
 * the parent goes on. xrun ran the child as a plain fork: posix_spawn said 0
 * and the child exited 127, so Python's subprocess raised no
 * FileNotFoundError. */
// test: qemu-wrong: qemu 7.2 runs a vfork as a fork: the child's writes do not reach its parent
#define _GNU_SOURCE
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static const char *err_name(int e) {
  return e == 0 ? "0" : e == ENOENT ? "ENOENT" : e == EACCES ? "EACCES" : strerror(e);
}

static void spawn(const char *name, const char *path, char *const argv[]) {
  pid_t pid = 0;
  int e = posix_spawn(&pid, path, NULL, NULL, argv, environ);
  int st = 0;
  if (!e)
    waitpid(pid, &st, 0);
  printf("posix_spawn %s: %s", name, err_name(e));
  if (!e)
    printf(", exit status %d", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
  printf("\n");
}

int main(int argc, char **argv) {
  if (argc > 1)
    return 5; /* run by posix_spawn */
  char *args[] = {argv[0], "child", NULL};
  spawn("a program that does not exist", "/nonexistent/program", args);
  spawn("a directory", "/proc/self/cwd", args);
  char self[4096];
  ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
  self[n < 0 ? 0 : n] = 0;
  spawn("itself", self, args);

  volatile int written = 1, exec_errno = 0;
  fflush(stdout);
  pid_t pid = vfork();
  if (pid == 0) {
    written = 42;
    execve("/nonexistent/program", args, environ);
    exec_errno = errno;
    _exit(7);
  }
  int st = 0;
  waitpid(pid, &st, 0);
  printf("vfork child: wrote %d, exec errno %s, exit status %d\n", written, err_name(exec_errno),
         WIFEXITED(st) ? WEXITSTATUS(st) : -1);
  return 0;
}
