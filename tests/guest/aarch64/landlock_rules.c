/* landlock_rules.c - Landlock as the kernel gives it: the ABI version, a
 * ruleset that handles reading, writing and running files, a rule that
 * allows them beneath one directory, and a child that restricts itself: it
 * reads and writes beneath the directory, is refused elsewhere (EACCES),
 * cannot make a ruleset with an unknown right (EINVAL), and runs a program
 * (itself, copied into the directory) with execve, which under a translator
 * must run the translator again. The parent is not restricted. */
// test: native: Landlock may be off in this kernel, or at another ABI version
// test: args: @TMP@
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/landlock.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *err_name(int e) {
  switch (e) {
  case EACCES: return "EACCES";
  case EINVAL: return "EINVAL";
  case ENOSYS: return "ENOSYS";
  case EOPNOTSUPP: return "EOPNOTSUPP";
  case EPERM: return "EPERM";
  case EBADF: return "EBADF";
  case EBADFD: return "EBADFD";
  default: return strerror(e);
  }
}

static void show(const char *what, long r) {
  if (r < 0)
    printf("%s: -1 %s\n", what, err_name(errno));
  else
    printf("%s: ok\n", what);
  fflush(stdout);
}

static void copy_self(const char *to) {
  int in = open("/proc/self/exe", O_RDONLY), out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0755);
  char buf[65536];
  ssize_t n;
  while ((n = read(in, buf, sizeof(buf))) > 0)
    write(out, buf, n);
  close(in), close(out);
}

static void restricted(const char *dir, int ruleset) {
  char path[4096];
  show("no_new_privs", prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0));
  show("restrict_self", syscall(SYS_landlock_restrict_self, ruleset, 0));
  snprintf(path, sizeof(path), "%s/inside", dir);
  int fd = open(path, O_WRONLY | O_CREAT, 0644);
  show("create inside", fd);
  show("write inside", write(fd, "hi\n", 3));
  close(fd);
  show("read inside", open(path, O_RDONLY));
  show("read /etc/hostname", open("/etc/hostname", O_RDONLY));
  show("create in /tmp", open("/tmp/landlock_rules_nope", O_WRONLY | O_CREAT, 0644));
  struct landlock_ruleset_attr bad = {.handled_access_fs = 1ull << 62};
  show("ruleset with an unknown right", syscall(SYS_landlock_create_ruleset, &bad, sizeof(bad), 0));
  snprintf(path, sizeof(path), "%s/prog", dir);
  char *argv[] = {path, "child", NULL};
  execv(path, argv);
  show("execve", -1);
}

int main(int argc, char **argv) {
  if (argc > 1 && !strcmp(argv[1], "child")) {
    printf("running again under the ruleset\n");
    return 3;
  }
  const char *dir = argc > 1 ? argv[1] : ".";
  char prog[4096];
  snprintf(prog, sizeof(prog), "%s/prog", dir);
  copy_self(prog);
  long abi = syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
  show("abi version", abi);
  if (abi < 1)
    return 0;
  printf("abi: %ld\n", abi);
  struct landlock_ruleset_attr attr = {
      .handled_access_fs = LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE |
                           LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_MAKE_REG};
  int rs = syscall(SYS_landlock_create_ruleset, &attr, sizeof(attr), 0);
  show("create_ruleset", rs);
  struct landlock_path_beneath_attr pb = {.allowed_access = attr.handled_access_fs,
                                          .parent_fd = open(dir, O_PATH | O_CLOEXEC)};
  show("add_rule", syscall(SYS_landlock_add_rule, rs, LANDLOCK_RULE_PATH_BENEATH, &pb, 0));
  pb.allowed_access = LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_READ_FILE;
  pb.parent_fd = open("/usr", O_PATH | O_CLOEXEC);
  show("add_rule /usr", syscall(SYS_landlock_add_rule, rs, LANDLOCK_RULE_PATH_BENEATH, &pb, 0));
  pb.parent_fd = open("/lib", O_PATH | O_CLOEXEC);
  show("add_rule /lib", syscall(SYS_landlock_add_rule, rs, LANDLOCK_RULE_PATH_BENEATH, &pb, 0));
  pb.allowed_access = 1ull << 62;
  show("add_rule with an unknown right",
       syscall(SYS_landlock_add_rule, rs, LANDLOCK_RULE_PATH_BENEATH, &pb, 0));
  show("restrict_self with a bad fd", syscall(SYS_landlock_restrict_self, 12345, 0));
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    restricted(dir, rs);
    _exit(1);
  }
  int st;
  waitpid(pid, &st, 0);
  printf("child: exit %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
  int fd = open("/etc/hostname", O_RDONLY);
  show("parent still reads /etc/hostname", fd);
  return 0;
}
