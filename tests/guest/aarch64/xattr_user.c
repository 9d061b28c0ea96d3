/* xattr_user.c - user.* extended attributes on a file and a symlink in a
 * temporary directory: set (XATTR_CREATE/XATTR_REPLACE), get (with a size
 * query and a buffer too small), list, remove, through a path, an fd and
 * the l- forms that do not follow the link. */
// test: args: @TMP@
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/xattr.h>
#include <unistd.h>

static const char *err(long r) {
  if (r >= 0)
    return "ok";
  switch (errno) {
  case ENODATA: return "ENODATA";
  case EEXIST: return "EEXIST";
  case ERANGE: return "ERANGE";
  case EPERM: return "EPERM";
  case ENOENT: return "ENOENT";
  default: return strerror(errno);
  }
}

static void list(const char *what, ssize_t n, const char *buf) {
  printf("%s: %zd:", what, n);
  for (ssize_t i = 0; i < n; i += (ssize_t)strlen(buf + i) + 1)
    printf(" %s", buf + i);
  printf("\n");
}

int main(int argc, char **argv) {
  char path[4096], link[4096], buf[256];
  snprintf(path, sizeof(path), "%s/file", argc > 1 ? argv[1] : ".");
  snprintf(link, sizeof(link), "%s/link", argc > 1 ? argv[1] : ".");
  int fd = open(path, O_RDWR | O_CREAT, 0644);
  symlink(path, link);
  long r = setxattr(path, "user.colour", "blue", 4, XATTR_CREATE);
  printf("setxattr create: %s\n", err(r));
  r = setxattr(path, "user.colour", "red", 3, XATTR_CREATE);
  printf("create again: %s\n", err(r));
  r = setxattr(path, "user.colour", "green", 5, XATTR_REPLACE);
  printf("replace: %s\n", err(r));
  r = setxattr(path, "user.missing", "x", 1, XATTR_REPLACE);
  printf("replace missing: %s\n", err(r));
  r = fsetxattr(fd, "user.size", "12345678", 8, 0);
  printf("fsetxattr: %s\n", err(r));
  r = getxattr(path, "user.colour", NULL, 0);
  printf("size query: %ld\n", r);
  memset(buf, 0, sizeof(buf));
  r = getxattr(path, "user.colour", buf, sizeof(buf));
  printf("getxattr: %ld %s\n", r, buf);
  r = getxattr(path, "user.colour", buf, 2);
  printf("small buffer: %s\n", err(r));
  memset(buf, 0, sizeof(buf));
  r = fgetxattr(fd, "user.size", buf, sizeof(buf));
  printf("fgetxattr: %ld %s\n", r, buf);
  memset(buf, 0, sizeof(buf));
  r = getxattr(link, "user.colour", buf, sizeof(buf));
  printf("getxattr through link: %ld %s\n", r, buf);
  r = lgetxattr(link, "user.colour", buf, sizeof(buf));
  printf("lgetxattr on link: %s\n", err(r));
  r = lsetxattr(link, "user.x", "1", 1, 0);
  printf("lsetxattr on link: %s\n", err(r));
  r = getxattr(path, "user.nothing", buf, sizeof(buf));
  printf("missing attr: %s\n", err(r));
  char names[512];
  ssize_t n = listxattr(path, names, sizeof(names));
  /* the order is the filesystem's: sort the two names for a stable line */
  if (n > 0 && strcmp(names, "user.size") == 0) {
    char tmp[512];
    size_t first = strlen(names) + 1;
    memcpy(tmp, names + first, (size_t)n - first);
    memcpy(tmp + (size_t)n - first, names, first);
    memcpy(names, tmp, (size_t)n);
  }
  list("listxattr", n, names);
  n = flistxattr(fd, NULL, 0);
  printf("flistxattr size: %zd\n", n);
  n = llistxattr(link, names, sizeof(names));
  list("llistxattr on link", n, names);
  r = removexattr(path, "user.colour");
  printf("removexattr: %s\n", err(r));
  r = fremovexattr(fd, "user.size");
  printf("fremovexattr: %s\n", err(r));
  r = lremovexattr(link, "user.size");
  printf("lremovexattr on link: %s\n", err(r));
  r = removexattr(path, "user.colour");
  printf("remove again: %s\n", err(r));
  n = listxattr(path, names, sizeof(names));
  list("listxattr after", n, names);
  r = getxattr("/nonexistent/file", "user.a", buf, sizeof(buf));
  printf("missing file: %s\n", err(r));
  return 0;
}
