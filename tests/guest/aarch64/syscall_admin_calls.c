/* syscall_admin_calls.c - calls of system administration that programs make
 * (Python's os.chroot, ionice, readahead, keyutils, mount and swap tools)
 * reach the kernel, which answers them as it would the program natively:
 * chroot of a missing path or of a file, ioprio_get/ioprio_set of this
 * process, readahead of a file, umount2/mount/pivot_root/swapoff/acct of a
 * missing path, keyctl on the process keyring, fsopen of an unknown file
 * system type. The answers depend on privileges, so they are compared with a
 * native run. */
// test: native: the answers depend on the user's privileges and the kernel's configuration
// test: args: @TMP@
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static const char *answer(long r) {
  static char buf[64];
  if (r < 0)
    return strerrorname_np(errno);
  snprintf(buf, sizeof(buf), "%ld", r);
  return buf;
}

#define SHOW(name, call) printf("%s: %s\n", name, answer(call))

int main(int argc, char **argv) {
  if (argc > 1 && chdir(argv[1]))
    return 1;
  int fd = open("file", O_RDWR | O_CREAT | O_TRUNC, 0644);
  char block[8192] = {1};
  if (fd < 0 || write(fd, block, sizeof(block)) != (ssize_t)sizeof(block))
    return 2;
  SHOW("chroot missing", syscall(SYS_chroot, "/nonexistent-xrun-dir"));
  SHOW("chroot file", syscall(SYS_chroot, "file"));
  long prio = syscall(SYS_ioprio_get, 1 /* IOPRIO_WHO_PROCESS */, 0);
  SHOW("ioprio_get", prio);
  SHOW("ioprio_set same", syscall(SYS_ioprio_set, 1, 0, prio));
  SHOW("ioprio_get bad who", syscall(SYS_ioprio_get, 99, 0));
  SHOW("readahead", syscall(SYS_readahead, fd, 0, 4096));
  SHOW("readahead bad fd", syscall(SYS_readahead, 999, 0, 4096));
  SHOW("umount2 missing", syscall(SYS_umount2, "/nonexistent-xrun-dir", 0));
  SHOW("mount missing", syscall(SYS_mount, "none", "/nonexistent-xrun-dir", "tmpfs", 0, NULL));
  SHOW("pivot_root missing", syscall(SYS_pivot_root, "/nonexistent-a", "/nonexistent-b"));
  SHOW("swapoff missing", syscall(SYS_swapoff, "/nonexistent-xrun-swap"));
  SHOW("acct missing", syscall(SYS_acct, "/nonexistent-xrun-dir/acct"));
  SHOW("keyctl bad op", syscall(SYS_keyctl, 9999, 0, 0, 0, 0));
  SHOW("fsopen unknown type", syscall(SYS_fsopen, "no-such-fs-xrun", 0));
  return 0;
}
