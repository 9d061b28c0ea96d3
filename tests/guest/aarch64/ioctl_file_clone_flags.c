/* ioctl_file_clone_flags.c - the file-system ioctls cp, rsync and
 * e2fsprogs use reach the kernel, which answers them for the file system the
 * directory is on: FICLONE and FICLONERANGE (a reflink copy, or the error
 * that makes cp copy the bytes), FIDEDUPERANGE, FS_IOC_GETFLAGS (lsattr),
 * FS_IOC_FSGETXATTR, FIGETBSZ, FIOQSIZE (the bytes used), FS_IOC_FIEMAP (the
 * extents), and a block-device request on a regular file (ENOTTY). */
// test: native: the answers depend on the file system of the test directory
// test: args: @TMP@
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/fiemap.h>
#include <linux/fs.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static const char *answer(int r) {
  static char buf[64];
  if (r < 0)
    return strerrorname_np(errno);
  snprintf(buf, sizeof(buf), "%d", r);
  return buf;
}

static void clone_calls(int src, int dst) {
  struct file_clone_range range = {.src_fd = src, .src_length = 4096, .dest_offset = 4096};
  printf("FICLONE: %s\n", answer(ioctl(dst, FICLONE, src)));
  printf("FICLONERANGE: %s\n", answer(ioctl(dst, FICLONERANGE, &range)));
  struct {
    struct file_dedupe_range r;
    struct file_dedupe_range_info info;
  } dedupe = {.r = {.src_length = 4096, .dest_count = 1}, .info = {.dest_fd = dst}};
  int r = ioctl(src, FIDEDUPERANGE, &dedupe);
  printf("FIDEDUPERANGE: %s", answer(r));
  if (r == 0)
    printf(" status %d bytes %llu", dedupe.info.status,
           (unsigned long long)dedupe.info.bytes_deduped);
  printf("\n");
}

static void attr_calls(int fd) {
  long flags = -1;
  int r = ioctl(fd, FS_IOC_GETFLAGS, &flags);
  printf("FS_IOC_GETFLAGS: %s%s\n", answer(r), r == 0 && flags != -1 ? " (flags written)" : "");
  struct fsxattr fx;
  memset(&fx, 0xff, sizeof(fx));
  r = ioctl(fd, FS_IOC_FSGETXATTR, &fx);
  printf("FS_IOC_FSGETXATTR: %s%s\n", answer(r),
         r == 0 && fx.fsx_nextents != 0xffffffffu ? " (fsxattr written)" : "");
  int bsz = 0;
  r = ioctl(fd, FIGETBSZ, &bsz);
  printf("FIGETBSZ: %s%s\n", answer(r), r == 0 && bsz > 0 ? " (a block size)" : "");
  long long qsize = -1;
  r = ioctl(fd, FIOQSIZE, &qsize);
  printf("FIOQSIZE: %s%s\n", answer(r), r == 0 && qsize >= 0 ? " (a size)" : "");
}

static void extent_calls(int fd) {
  struct {
    struct fiemap map;
    struct fiemap_extent ext[4];
  } fm = {.map = {.fm_length = ~0ull, .fm_flags = FIEMAP_FLAG_SYNC, .fm_extent_count = 4}};
  int r = ioctl(fd, FS_IOC_FIEMAP, &fm);
  printf("FS_IOC_FIEMAP: %s%s\n", answer(r),
         r == 0 && fm.map.fm_mapped_extents > 0 ? " (extents)" : "");
  unsigned long long bytes = 0;
  printf("BLKGETSIZE64 on a file: %s\n", answer(ioctl(fd, BLKGETSIZE64, &bytes)));
  printf("an unknown request: %s\n", answer(ioctl(fd, _IOR('x', 0x7e, int), &bytes)));
}

int main(int argc, char **argv) {
  if (argc > 1 && chdir(argv[1]))
    return 1;
  char block[8192];
  memset(block, 'x', sizeof(block));
  int src = open("src", O_RDWR | O_CREAT | O_TRUNC, 0644);
  int dst = open("dst", O_RDWR | O_CREAT | O_TRUNC, 0644);
  if (src < 0 || dst < 0 || write(src, block, sizeof(block)) != (ssize_t)sizeof(block))
    return 2;
  clone_calls(src, dst);
  attr_calls(src);
  extent_calls(src);
  return 0;
}
