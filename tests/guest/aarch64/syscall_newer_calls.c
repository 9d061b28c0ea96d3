/* System calls of newer kernels, with the numbers arm64 and x86-64 share
 * (424 on): fchmodat2, cachestat, futex_wake and futex_wait (futex2),
 * listmount and getxattrat. Raw system calls by number, as Debian 12's
 * headers lack most of them. */
// test: args: @TMP@
// test: native: the answers depend on the running kernel's version and configuration
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

enum {
  NR_cachestat = 451,
  NR_fchmodat2 = 452,
  NR_futex_wake = 454,
  NR_futex_wait = 455,
  NR_listmount = 458,
  NR_getxattrat = 464,
};

static void show(const char *what, long r) {
  printf("%-36s %s\n", what, r < 0 ? strerrorname_np(errno) : r == 0 ? "0" : "positive");
}

int main(int argc, char **argv) {
  char path[4096], link[4096];
  snprintf(path, sizeof(path), "%s/f", argc > 1 ? argv[1] : ".");
  snprintf(link, sizeof(link), "%s/l", argc > 1 ? argv[1] : ".");
  int fd = open(path, O_CREAT | O_RDWR | O_TRUNC, 0600);
  if (fd < 0 || write(fd, "data", 4) != 4 || symlink(path, link))
    return 1;

  show("fchmodat2 0640", syscall(NR_fchmodat2, AT_FDCWD, path, 0640, 0));
  struct stat st;
  stat(path, &st);
  printf("  mode now %o\n", st.st_mode & 0777);
  show("fchmodat2 of a link, NOFOLLOW",
       syscall(NR_fchmodat2, AT_FDCWD, link, 0600, AT_SYMLINK_NOFOLLOW));
  show("fchmodat2 bad flags", syscall(NR_fchmodat2, AT_FDCWD, path, 0600, 0x8000000));

  struct {
    uint64_t off, len;
  } range = {0, 0};
  uint64_t cs[5] = {0};
  long r = syscall(NR_cachestat, fd, &range, cs, 0);
  show("cachestat", r);
  if (r == 0)
    printf("  cached pages %s\n", cs[0] ? "some" : "none");
  show("cachestat bad flags", syscall(NR_cachestat, fd, &range, cs, 1));

  static uint32_t futex_word = 7;
  /* FUTEX2_SIZE_U32 | FUTEX2_PRIVATE */
  show("futex_wake, nobody waits", syscall(NR_futex_wake, &futex_word, 0xffffffffu, 1, 2 | 128));
  show("futex_wait, value differs",
       syscall(NR_futex_wait, &futex_word, 8, 0xffffffffu, 2 | 128, 0, 0));

  struct {
    uint32_t size, spare;
    uint64_t mnt_id, param, mnt_ns_id;
  } req = {32, 0, 0xffffffffffffffffull /* LSMT_ROOT */, 0, 0};
  uint64_t ids[64];
  r = syscall(NR_listmount, &req, ids, 64, 0);
  show("listmount from the root", r);

  char value[64];
  show("getxattrat of a missing name",
       syscall(NR_getxattrat, AT_FDCWD, path, 0, "user.none", &(struct {
                 uint64_t value;
                 uint32_t size, flags;
               }){(uint64_t)(uintptr_t)value, sizeof(value), 0},
               16));
  close(fd);
  return 0;
}
