/* sys_stat.c - fstat and newfstatat, converted to the guest's struct stat (the
 * asm-generic layout, 128 bytes); statx is the same on both sides. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "sys_int.h"

/* include/uapi/asm-generic/stat.h */
struct sys_generic_stat {
  uint64_t st_dev;
  uint64_t st_ino;
  uint32_t st_mode;
  uint32_t st_nlink;
  uint32_t st_uid;
  uint32_t st_gid;
  uint64_t st_rdev;
  uint64_t pad1;
  int64_t st_size;
  int32_t st_blksize;
  int32_t pad2;
  int64_t st_blocks;
  int64_t st_atime_sec, st_atime_nsec;
  int64_t st_mtime_sec, st_mtime_nsec;
  int64_t st_ctime_sec, st_ctime_nsec;
  uint32_t unused4, unused5;
};
_Static_assert(sizeof(struct sys_generic_stat) == 128, "asm-generic struct stat is 128 bytes");
_Static_assert(offsetof(struct sys_generic_stat, st_size) == 48, "st_size at 48");
_Static_assert(offsetof(struct sys_generic_stat, st_blocks) == 64, "st_blocks at 64");
_Static_assert(offsetof(struct sys_generic_stat, st_mtime_sec) == 88, "st_mtime at 88");

static int64_t sys_stat_out(uint64_t guest, const struct stat *h) {
  struct sys_generic_stat g = {
      .st_dev = h->st_dev,
      .st_ino = h->st_ino,
      .st_mode = h->st_mode,
      .st_nlink = (uint32_t)h->st_nlink,
      .st_uid = h->st_uid,
      .st_gid = h->st_gid,
      .st_rdev = h->st_rdev,
      .st_size = h->st_size,
      .st_blksize = (int32_t)h->st_blksize,
      .st_blocks = h->st_blocks,
      .st_atime_sec = h->st_atim.tv_sec,
      .st_atime_nsec = h->st_atim.tv_nsec,
      .st_mtime_sec = h->st_mtim.tv_sec,
      .st_mtime_nsec = h->st_mtim.tv_nsec,
      .st_ctime_sec = h->st_ctim.tv_sec,
      .st_ctime_nsec = h->st_ctim.tv_nsec,
  };
  return sys_copy_out(guest, &g, sizeof(g));
}

int64_t sys_fstat(const struct sys_call *s) {
  struct stat st;
  if (syscall(SYS_fstat, (int)s->a[0], &st) < 0)
    return -errno;
  return sys_stat_out(s->a[1], &st);
}

int64_t sys_newfstatat(const struct sys_call *s) {
  char buf[PATH_MAX];
  int err = 0;
  struct stat st;
  const char *path = !s->a[1]                        ? NULL
                     : s->a[3] & AT_SYMLINK_NOFOLLOW ? sys_path_nofollow(s->a[1], buf, &err)
                                                     : sys_path_follow(s->a[1], buf, &err);
  if (s->a[1] && !path)
    return err;
  if (syscall(SYS_newfstatat, (int)s->a[0], path, &st, (int)s->a[3]) < 0)
    return -errno;
  return sys_stat_out(s->a[2], &st);
}

int64_t sys_statx(const struct sys_call *s) {
  char buf[PATH_MAX];
  int err = 0;
  const char *path = !s->a[1]                        ? NULL
                     : s->a[2] & AT_SYMLINK_NOFOLLOW ? sys_path_nofollow(s->a[1], buf, &err)
                                                     : sys_path_follow(s->a[1], buf, &err);
  if (s->a[1] && !path)
    return err;
  return sys_ret(syscall(SYS_statx, (int)s->a[0], path, (int)s->a[2], (unsigned)s->a[3], s->a[4]));
}
