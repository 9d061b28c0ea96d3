/* sys_path.c - path arguments as the guest means them. /proc/self/exe is the
 * guest program, not xrun (to a call that does not follow a final link, the
 * link it is); an absolute path that exists inside the guest's sysroot is
 * taken from there (so its dynamic linker finds its own libc), as qemu-user's
 * -L does. For the calls that follow a final symbolic link, one inside the
 * sysroot that names an absolute path (libm.so -> /lib/...) leads into the
 * sysroot, as a chroot would, when the host has no such path. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <sys/syscall.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sys_int.h"

static char sys_exe[PATH_MAX];

const char *sys_exe_path(void) {
  if (!sys_exe[0] && xrun_opt.exe_path && !realpath(xrun_opt.exe_path, sys_exe))
    snprintf(sys_exe, sizeof(sys_exe), "%s", xrun_opt.exe_path);
  return sys_exe;
}

void sys_exe_path_set(const char *path) {
  xrun_opt.exe_path = path;
  sys_exe[0] = 0;
  sys_exe_path(); /* now, before the new program can change directory */
}

static int sys_is_self_exe(const char *p) {
  char own[32];
  if (strncmp(p, "/proc/", 6))
    return 0;
  snprintf(own, sizeof(own), "/proc/%d/exe", (int)sys_self());
  return !strcmp(p, "/proc/self/exe") || !strcmp(p, own);
}

/* Host trees the sysroot never shadows. */
static int sys_host_only(const char *p) {
  static const char *const keep[] = {"/proc", "/sys", "/dev", "/tmp", "/run"};
  if (!p[1])
    return 1;
  for (size_t i = 0; i < sizeof(keep) / sizeof(keep[0]); i++) {
    size_t n = strlen(keep[i]);
    if (!strncmp(p, keep[i], n) && (p[n] == '/' || !p[n]))
      return 1;
  }
  return 0;
}

/* The host path of rooted (root + guest path) with every symbolic link in it
 * resolved inside root (openat2's RESOLVE_IN_ROOT), in out; NULL if none. */
static const char *sys_path_in_root(const char *root, const char *guest, char *out) {
  int dir = open(root, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0)
    return NULL;
  struct open_how how = {.flags = O_PATH | O_CLOEXEC, .resolve = RESOLVE_IN_ROOT};
  int fd = (int)syscall(SYS_openat2, dir, guest + 1, &how, sizeof(how));
  close(dir);
  if (fd < 0)
    return NULL;
  char proc[32];
  snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
  ssize_t n = readlink(proc, out, PATH_MAX - 1);
  close(fd);
  if (n <= 0)
    return NULL;
  out[n] = 0;
  return out;
}

const char *sys_path_follow(uint64_t guest_path, char *buf, int *err) {
  static __thread char resolved[PATH_MAX];
  const char *p = sys_path(guest_path, buf, err);
  const char *root = xrun_sysroot(sys_guest);
  size_t n = strlen(root);
  if (!p || p == buf || strncmp(p, root, n) || access(p, F_OK) == 0 || errno != ENOENT)
    return p; /* not from the sysroot, or it resolves on the host */
  const char *in_root = sys_path_in_root(root, buf, resolved);
  return in_root ? in_root : p;
}

/* A call that does not follow a final link sees /proc/self/exe as the
 * kernel shows it, a link (the host's own is one too): lstat of it is a link,
 * which os.path.realpath and the like read on with readlink. */
const char *sys_path_nofollow(uint64_t guest_path, char *buf, int *err) {
  const char *p = sys_path(guest_path, buf, err);
  return p && p == sys_exe_path() ? buf : p;
}

/* The next name of path p from *r on (slashes skipped): its start, its
 * length in *n, *r moved past it; NULL at the end. */
static const char *sys_path_name(const char **r, size_t *n) {
  const char *s = *r + strspn(*r, "/");
  if (!*s)
    return NULL;
  *n = strcspn(s, "/");
  *r = s + *n;
  return s;
}

/* A ".." at the root stays there, as the kernel resolves it: such names
 * (and "." ones) are dropped from the absolute path p (in place), so that
 * "/.." is "/", not the parent of the sysroot it would be found in, and
 * "/../usr/bin" is "/usr/bin". Depth is counted by names (a symbolic link
 * before the ".." is not followed); p is left as it is when no ".." climbs
 * above "/". */
static void sys_path_clamp(char *p) {
  const char *r = p, *name;
  size_t n;
  int depth = 0, above = 0;
  while ((name = sys_path_name(&r, &n)) && !above) {
    int dots = n == 2 && name[0] == '.' && name[1] == '.';
    above = dots && depth == 0;
    depth += dots ? -1 : !(n == 1 && name[0] == '.');
  }
  if (!above)
    return;
  char out[PATH_MAX], *w = out;
  size_t len = strlen(p);
  for (r = p, depth = 0; (name = sys_path_name(&r, &n));) {
    int dots = n == 2 && name[0] == '.' && name[1] == '.';
    if ((dots && depth == 0) || (n == 1 && name[0] == '.'))
      continue;
    depth += dots ? -1 : 1;
    *w++ = '/';
    memcpy(w, name, n);
    w += n;
  }
  if (w == out || p[len - 1] == '/') /* "/" itself; a final slash asks for a directory */
    *w++ = '/';
  *w = 0;
  memcpy(p, out, (size_t)(w - out) + 1);
}

const char *sys_path(uint64_t guest_path, char *buf, int *err) {
  char *full = buf;
  long n = sys_copy_str(buf, PATH_MAX, guest_path);
  if (n < 0 || n >= PATH_MAX) {
    *err = n < 0 ? -EFAULT : -ENAMETOOLONG;
    return NULL;
  }
  if (buf[0] != '/')
    return buf;
  if (strstr(buf, ".."))
    sys_path_clamp(buf);
  if (sys_is_self_exe(buf))
    return sys_exe_path();
  if (sys_host_only(buf))
    return buf;
  static __thread char rooted[PATH_MAX];
  const char *root = xrun_sysroot(sys_guest);
  if (snprintf(rooted, sizeof(rooted), "%s%s", root, buf) < (int)sizeof(rooted) &&
      faccessat(AT_FDCWD, rooted, F_OK, AT_SYMLINK_NOFOLLOW) == 0)
    full = rooted;
  return full;
}
