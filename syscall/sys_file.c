/* sys_file.c - file calls whose flags or paths need converting. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <asm/termbits.h>
#include <linux/fiemap.h>
#include <linux/fs.h>
#include <linux/if_tun.h>
#include <linux/loop.h>
#include <linux/sockios.h>
#include <unistd.h>
#include "sys_int.h"

int64_t sys_openat(const struct sys_call *s) {
  char buf[PATH_MAX];
  int err = 0;
  const char *path = sys_oflags_to_host(s->a[2]) & O_NOFOLLOW
                         ? sys_path_nofollow(s->a[1], buf, &err)
                         : sys_path_follow(s->a[1], buf, &err);
  if (!path)
    return err;
  int64_t fd = sys_ret(
      syscall(SYS_openat, (int)s->a[0], path, sys_oflags_to_host(s->a[2]), (unsigned)s->a[3]));
  return sys_oflags_to_host(s->a[2]) & O_PATH ? fd : sys_proc_view(s->cpu, fd);
}

/* openat2(dirfd, path, how, size): struct open_how is three 64-bit fields
 * (flags, mode, resolve) on both sides, flags being open flags. A larger
 * struct from a newer guest is accepted when the bytes past those are zero,
 * as the kernel's copy_struct_from_user does. */
int64_t sys_openat2(const struct sys_call *s) {
  uint64_t how[3], size = s->a[3];
  uint8_t rest[4096 - sizeof(how)];
  if (size < sizeof(how))
    return -EINVAL;
  if (size > sizeof(how) + sizeof(rest))
    return -E2BIG;
  if (sys_copy_in(how, s->a[2], sizeof(how)) ||
      sys_copy_in(rest, s->a[2] + sizeof(how), size - sizeof(how)))
    return -EFAULT;
  for (size_t i = 0; i < size - sizeof(how); i++)
    if (rest[i])
      return -E2BIG;
  char buf[PATH_MAX];
  int err = 0;
  const char *path = sys_path(s->a[1], buf, &err);
  if (!path)
    return err;
  if (!(how[0] >> 32)) /* higher bits are the host's EINVAL */
    how[0] = (uint32_t)sys_oflags_to_host(how[0]);
  int64_t fd = sys_ret(syscall(SYS_openat2, (int)s->a[0], path, how, sizeof(how)));
  return how[0] & O_PATH ? fd : sys_proc_view(s->cpu, fd);
}

/* The host call with argument i a guest path, through sys_path. */
static int64_t sys_pass_path(const struct sys_call *s, int i) {
  char buf[PATH_MAX];
  int err = 0;
  uint64_t a[6] = {s->a[0], s->a[1], s->a[2], s->a[3], s->a[4], s->a[5]};
  const char *path = sys_path(a[i], buf, &err);
  if (!path)
    return err;
  a[i] = (uint64_t)(uintptr_t)path;
  return sys_ret(syscall(s->host_nr, a[0], a[1], a[2], a[3], a[4], a[5]));
}

/* setxattr, getxattr, listxattr, removexattr and their l- forms: names,
 * values, lists and XATTR_* flags are the same on both sides. */
int64_t sys_pass_path0(const struct sys_call *s) {
  return sys_pass_path(s, 0);
}

/* inotify_add_watch (IN_* masks are the same on both sides). */
int64_t sys_pass_path1(const struct sys_call *s) {
  return sys_pass_path(s, 1);
}

/* open_by_handle_at: struct file_handle is the same on both sides (made by
 * name_to_handle_at, a sys_pass_path1 row), the open flags are not. */
int64_t sys_open_by_handle_at(const struct sys_call *s) {
  int64_t fd =
      sys_ret(syscall(SYS_open_by_handle_at, (int)s->a[0], s->a[1], sys_oflags_to_host(s->a[2])));
  return s->a[2] & sys_oflags_to_guest(O_PATH) ? fd : sys_proc_view(s->cpu, fd);
}

/* fanotify_init: FAN_* flags are the same on both sides, the flags of the
 * descriptors its events carry are open flags; the events read from it
 * (struct fanotify_event_metadata) are laid out alike. */
int64_t sys_fanotify_init(const struct sys_call *s) {
  return sys_ret(syscall(SYS_fanotify_init, (unsigned)s->a[0], sys_oflags_to_host(s->a[1])));
}

/* fanotify_mark: a path, or none for dirfd itself. */
int64_t sys_fanotify_mark(const struct sys_call *s) {
  return s->a[4] ? sys_pass_path(s, 4) : sys_pass(s);
}

static int64_t sys_access(const struct sys_call *s, unsigned flags) {
  char buf[PATH_MAX];
  int err = 0;
  const char *path = flags & AT_SYMLINK_NOFOLLOW ? sys_path_nofollow(s->a[1], buf, &err)
                                                 : sys_path_follow(s->a[1], buf, &err);
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
  int bufsiz = (int)s->a[3]; /* the kernel's is an int: the high half does not count */
  if (bufsiz <= 0)
    return -EINVAL;
  if (path != sys_exe_path())
    return sys_ret(syscall(SYS_readlinkat, (int)s->a[0], path, s->a[2], bufsiz));
  size_t n = strlen(path) < (size_t)bufsiz ? strlen(path) : (size_t)bufsiz; /* no NUL */
  return sys_copy_out(s->a[2], path, n) ? -EFAULT : (int64_t)n;
}

/* mq_open(name, oflag, mode, attr): a queue name, not a path; open flags. */
int64_t sys_mq_open(const struct sys_call *s) {
  return sys_ret(
      syscall(SYS_mq_open, s->a[0], sys_oflags_to_host(s->a[1]), (unsigned)s->a[2], s->a[3]));
}

int64_t sys_pipe2(const struct sys_call *s) {
  return sys_ret(syscall(SYS_pipe2, s->a[0], sys_oflags_to_host(s->a[1])));
}

/* F_SETSIG's signal: 0 is SIGIO, a guest signal without a host one is refused. */
static int64_t sys_fcntl_setsig(int fd, int sig) {
  int h = sig > 0 && sig <= SYS_NSIG ? sys_sig_to_host(sig) : sig;
  if (sig && !h)
    return -EINVAL;
  return sys_ret(syscall(SYS_fcntl, fd, F_SETSIG, h));
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
  case F_SETLEASE:
  case F_GETLEASE:
  case F_NOTIFY:
  case F_SETPIPE_SZ:
  case F_GETPIPE_SZ:
  case F_ADD_SEALS:
  case F_GET_SEALS: return sys_ret(syscall(SYS_fcntl, fd, cmd, s->a[2]));
  case F_GETSIG:
    r = syscall(SYS_fcntl, fd, F_GETSIG);
    return r < 0 ? -errno : sys_sig_to_guest((int)r);
  case F_SETSIG: return sys_fcntl_setsig(fd, (int)s->a[2]);
  default: return sys_refuse("fcntl command", (unsigned)cmd, -EINVAL);
  }
}

/* TIOCSIG's argument is a signal number. */
static int64_t sys_ioctl_sig(const struct sys_call *s) {
  int sig = sys_sig_to_host((int)s->a[2]);
  if (!sig)
    return -EINVAL;
  return sys_ret(syscall(SYS_ioctl, (int)s->a[0], (unsigned long)s->a[1], sig));
}

/* Terminal, pty, socket-interface, file-system, block, loop and tun
 * ioctls: the numbers are the generic ones (include/uapi/asm-generic/
 * ioctls.h, sockios.h, linux/fs.h, loop.h, if_tun.h) on both sides, and the
 * layouts (termios, termios2, winsize, ifreq, ifconf, file_clone_range,
 * file_dedupe_range, fsxattr, fiemap, loop_info64, loop_config) the same on
 * 64-bit; anything else is refused until it has been checked. */
int64_t sys_ioctl(const struct sys_call *s) {
  switch ((unsigned)s->a[1]) {
  case TCGETS:
  case TCSETS:
  case TCSETSW:
  case TCSETSF:
  case TCGETS2:
  case TCSETS2:
  case TCSETSW2:
  case TCSETSF2:
  case TIOCGWINSZ:
  case TIOCSWINSZ:
  case FIONREAD:
  case FIONBIO:
  case FIOASYNC:
  case FIOCLEX:
  case FIONCLEX:
  case TIOCGPGRP:
  case TIOCSPGRP:
  case TIOCGSID:
  case TIOCSCTTY:
  case TIOCNOTTY:
  case TIOCEXCL:
  case TIOCNXCL:
  case TIOCGEXCL:
  case TIOCOUTQ:
  case TIOCSTI:
  case TIOCPKT:
  case TIOCGPKT:
  case TIOCMGET:
  case TIOCMSET:
  case TIOCMBIS:
  case TIOCMBIC:
  case TIOCGPTN:
  case TIOCSPTLCK:
  case TIOCGPTLCK:
  case TIOCGPTPEER:
  case TIOCVHANGUP:
  case TCFLSH:
  case TCXONC:
  case TCSBRK:
  case TCSBRKP:
  case SIOCGIFCONF:
  case SIOCGIFNAME:
  case SIOCGIFINDEX:
  case SIOCGIFFLAGS:
  case SIOCGIFADDR:
  case SIOCGIFNETMASK:
  case SIOCGIFBRDADDR:
  case SIOCGIFMTU:
  case SIOCGIFHWADDR:
  case SIOCATMARK:
  case FICLONE:
  case FICLONERANGE:
  case FIDEDUPERANGE:
  case FIBMAP:
  case FIGETBSZ:
  case FIOQSIZE:
  case FS_IOC_GETFLAGS:
  case FS_IOC_SETFLAGS:
  case FS_IOC_GETVERSION:
  case FS_IOC_SETVERSION:
  case FS_IOC_FSGETXATTR:
  case FS_IOC_FSSETXATTR:
  case FS_IOC_FIEMAP:
  case BLKGETSIZE64:
  case BLKGETSIZE:
  case BLKSSZGET:
  case BLKPBSZGET:
  case BLKIOMIN:
  case BLKIOOPT:
  case BLKROGET:
  case BLKFLSBUF:
  case BLKRRPART:
  case BLKDISCARD:
  case BLKZEROOUT:
  case BLKSECDISCARD:
  /* loop devices: struct loop_info64 and loop_config are fixed-width (the
   * old LOOP_SET/GET_STATUS's struct loop_info is not: refused) */
  case LOOP_SET_FD:
  case LOOP_CLR_FD:
  case LOOP_CHANGE_FD:
  case LOOP_SET_STATUS64:
  case LOOP_GET_STATUS64:
  case LOOP_SET_CAPACITY:
  case LOOP_SET_DIRECT_IO:
  case LOOP_SET_BLOCK_SIZE:
  case LOOP_CONFIGURE:
  case LOOP_CTL_ADD:
  case LOOP_CTL_REMOVE:
  case LOOP_CTL_GET_FREE:
  /* tun/tap: struct ifreq is the same on both sides (the filter ioctls,
   * which carry a pointer in a struct, are refused) */
  case TUNSETIFF:
  case TUNGETIFF:
  case TUNSETPERSIST:
  case TUNSETOWNER:
  case TUNSETGROUP:
  case TUNSETLINK:
  case TUNGETFEATURES:
  case TUNSETOFFLOAD:
  case TUNGETSNDBUF:
  case TUNSETSNDBUF:
  case TUNGETVNETHDRSZ:
  case TUNSETVNETHDRSZ:
  case TUNSETQUEUE:
  case TUNSETIFINDEX:
  case TUNSETVNETLE:
  case TUNGETVNETLE:
    return sys_ret(syscall(SYS_ioctl, (int)s->a[0], (unsigned long)s->a[1], s->a[2]));
  case TIOCSIG: return sys_ioctl_sig(s);
  default: return sys_refuse("ioctl", (unsigned)s->a[1], -ENOTTY);
  }
}
