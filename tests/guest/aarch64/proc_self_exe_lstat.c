/* /proc/self/exe is a symbolic link to the program: a call that does not
 * follow a final link (lstat, fstatat and statx with AT_SYMLINK_NOFOLLOW,
 * open with O_NOFOLLOW) sees the link itself, as the kernel shows it, while
 * stat, statx and readlink reach the program. Python's os.path.realpath
 * walks a path that way (lstat each component, readlink the links): with
 * the program in place of the link it stopped at /proc/PID/exe. */
// test: qemu-wrong: qemu 7.2 opens the program on open(/proc/self/exe, O_NOFOLLOW), not ELOOP
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *kind(mode_t m) {
  return S_ISLNK(m) ? "link" : S_ISREG(m) ? "regular file" : S_ISDIR(m) ? "directory" : "other";
}

int main(int argc, char **argv) {
  (void)argc;
  struct stat st;
  struct statx stx;
  char target[PATH_MAX], name[PATH_MAX];
  snprintf(name, sizeof(name), "%s", basename(argv[0]));

  printf("lstat: %s\n", lstat("/proc/self/exe", &st) ? "error" : kind(st.st_mode));
  printf("stat: %s\n", stat("/proc/self/exe", &st) ? "error" : kind(st.st_mode));
  printf("fstatat nofollow: %s\n", fstatat(AT_FDCWD, "/proc/self/exe", &st, AT_SYMLINK_NOFOLLOW)
                                       ? "error"
                                       : kind(st.st_mode));
  printf("statx nofollow: %s\n",
         statx(AT_FDCWD, "/proc/self/exe", AT_SYMLINK_NOFOLLOW, STATX_TYPE, &stx)
             ? "error"
             : kind(stx.stx_mode));
  printf("statx: %s\n",
         statx(AT_FDCWD, "/proc/self/exe", 0, STATX_TYPE, &stx) ? "error" : kind(stx.stx_mode));
  int fd = open("/proc/self/exe", O_RDONLY | O_NOFOLLOW);
  printf("open O_NOFOLLOW: %s\n", fd >= 0 ? "opened" : errno == ELOOP ? "ELOOP" : strerror(errno));

  /* realpath's step: the link read, then the file it names */
  ssize_t n = readlink("/proc/self/exe", target, sizeof(target) - 1);
  target[n < 0 ? 0 : n] = 0;
  printf("readlink names the program: %s\n",
         n > 0 && !strcmp(basename(target), name) ? "yes" : target);
  printf("lstat of what it names: %s\n", lstat(target, &st) ? "error" : kind(st.st_mode));
  return 0;
}
