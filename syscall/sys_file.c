/* sys_file.c - file calls whose flags or paths need converting. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <termios.h>
#include <unistd.h>
#include "sys_int.h"

int64_t sys_openat(const struct sys_call *s) {
  char buf[PATH_MAX];
  int err = 0;
  const char *path = sys_path(s->a[1], buf, &err);
  if (!path)
    return err;
  int64_t fd = sys_open_proc_file(s->cpu, path);
  if (fd != -ENOENT)
    return fd;
  return sys_ret(
      syscall(SYS_openat, (int)s->a[0], path, sys_oflags_to_host(s->a[2]), (unsigned)s->a[3]));
}

static int64_t sys_access(const struct sys_call *s, unsigned flags) {
  char buf[PATH_MAX];
  int err = 0;
  const char *path = sys_path(s->a[1], buf, &err);
  if (!path)
    return err;
  return sys_ret(syscall(SYS_faccessat2, (int)s->a[0], path, (int)s->a[2], flags));
}

int64_t sys_faccessat(const struct sys_call *s) {
  return sys_access(s, 0);
}

int64_t sys_faccessat2(const struct sys_call *s) {
  return sys_access(s, (unsigned)s->a[3]);
}

int64_t sys_readlinkat(const struct sys_call *s) {
  char buf[PATH_MAX];
  int err = 0;
  const char *path = sys_path(s->a[1], buf, &err);
  if (!path)
    return err;
  if ((int64_t)s->a[3] <= 0)
    return -EINVAL;
  if (path != sys_exe_path())
    return sys_ret(syscall(SYS_readlinkat, (int)s->a[0], path, s->a[2], s->a[3]));
  size_t n = strlen(path) < s->a[3] ? strlen(path) : s->a[3]; /* no NUL, as readlink */
  return sys_copy_out(s->a[2], path, n) ? -EFAULT : (int64_t)n;
}

int64_t sys_pipe2(const struct sys_call *s) {
  return sys_ret(syscall(SYS_pipe2, s->a[0], sys_oflags_to_host(s->a[1])));
}

/* F_GETFL and F_SETFL carry open flags; the other commands have the same
 * numbers and layouts (struct flock, f_owner_ex) on both sides. */
int64_t sys_fcntl(const struct sys_call *s) {
  int fd = (int)s->a[0], cmd = (int)s->a[1];
  long r;
  switch (cmd) {
  case F_GETFL:
    r = syscall(SYS_fcntl, fd, F_GETFL);
    return r < 0 ? -errno : (int64_t)sys_oflags_to_guest((int)r);
  case F_SETFL: return sys_ret(syscall(SYS_fcntl, fd, F_SETFL, sys_oflags_to_host(s->a[2])));
  case F_DUPFD:
  case F_DUPFD_CLOEXEC:
  case F_GETFD:
  case F_SETFD:
  case F_GETLK:
  case F_SETLK:
  case F_SETLKW:
  case F_OFD_GETLK:
  case F_OFD_SETLK:
  case F_OFD_SETLKW:
  case F_GETOWN:
  case F_SETOWN:
  case F_GETOWN_EX:
  case F_SETOWN_EX:
  case F_GETSIG:
  case F_SETSIG:
  case F_SETLEASE:
  case F_GETLEASE:
  case F_NOTIFY:
  case F_SETPIPE_SZ:
  case F_GETPIPE_SZ:
  case F_ADD_SEALS:
  case F_GET_SEALS: return sys_ret(syscall(SYS_fcntl, fd, cmd, s->a[2]));
  default: return -EINVAL;
  }
}

/* Terminal ioctls use the generic layouts (struct termios, winsize) on both
 * sides; anything else is refused until it has been checked. */
int64_t sys_ioctl(const struct sys_call *s) {
  switch ((unsigned)s->a[1]) {
  case TCGETS:
  case TCSETS:
  case TCSETSW:
  case TCSETSF:
  case TIOCGWINSZ:
  case TIOCSWINSZ:
  case FIONREAD:
  case FIONBIO:
  case FIOCLEX:
  case FIONCLEX:
  case TIOCGPGRP:
  case TIOCSPGRP:
  case TCFLSH:
  case TCXONC:
  case TCSBRK: return sys_ret(syscall(SYS_ioctl, (int)s->a[0], (unsigned long)s->a[1], s->a[2]));
  default: return -ENOTTY;
  }
}
