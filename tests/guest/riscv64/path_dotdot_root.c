/* ".." at the root is the root: stat, opendir, chdir and realpath of "/..",
 * "/../" and "/./.." reach "/" itself, and "/../tmp" is "/tmp". xrun takes
 * an absolute path from the guest's sysroot when it exists there (the
 * default one, /usr/riscv64-linux-gnu, when no -L is given), and so "/.."
 * was the sysroot's parent directory (/usr): Python's os.path.ismount("/")
 * said False. */
#define _GNU_SOURCE
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int entries(const char *path) {
  DIR *d = opendir(path);
  int n = 0;
  while (d && readdir(d))
    n++;
  if (d)
    closedir(d);
  return d ? n : -1;
}

static int same_file(const char *a, const char *b) {
  struct stat x, y;
  return !stat(a, &x) && !stat(b, &y) && x.st_ino == y.st_ino && x.st_dev == y.st_dev;
}

int main(void) {
  static const char *const paths[] = {"/..", "/../", "/./..", "/../..", "//..", "/../tmp/.."};
  for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
    printf("%-12s is /: %s, same entries: %s\n", paths[i], same_file(paths[i], "/") ? "yes" : "no",
           entries(paths[i]) == entries("/") ? "yes" : "no");
  printf("/../tmp is /tmp: %s\n", same_file("/../tmp", "/tmp") ? "yes" : "no");
  char buf[PATH_MAX];
  printf("realpath(/..): %s\n", realpath("/..", buf) ? buf : "error");
  printf("chdir(/..), getcwd: %s\n", !chdir("/..") && getcwd(buf, sizeof(buf)) ? buf : "error");
  return 0;
}
