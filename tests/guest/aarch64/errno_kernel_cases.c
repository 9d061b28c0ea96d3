/* Errno cases where the kernel's answer is specific: readlinkat's bufsiz is
 * an int (only its low 32 bits count), mprotect of an address no mapping can
 * have is ENOMEM (a misaligned one EINVAL), get_robust_list of a pid that
 * does not exist is ESRCH. Raw system calls, so libc adds nothing. */
// test: args: @TMP@
// test: qemu-wrong: qemu 7.2 answers EFAULT for a bufsiz above 2^32 and ENOSYS for get_robust_list
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *what, long r) {
  printf("%-40s %ld %s\n", what, r, r < 0 ? strerrorname_np(errno) : "");
}

int main(int argc, char **argv) {
  char link[4096], buf[64];
  snprintf(link, sizeof(link), "%s/l", argc > 1 ? argv[1] : ".");
  if (symlink("target-name", link))
    return 1;
  long r = syscall(SYS_readlinkat, AT_FDCWD, link, buf, 0x100000010ull);
  show("readlinkat bufsiz 2^32+16", r);
  if (r > 0)
    printf("  read [%.*s]\n", (int)r, buf);
  show("readlinkat bufsiz 2^32 (int 0)",
       syscall(SYS_readlinkat, AT_FDCWD, link, buf, 0x100000000ull));
  show("readlinkat bufsiz -1", syscall(SYS_readlinkat, AT_FDCWD, link, buf, -1l));
  show("mprotect 0xffff000000000000", syscall(SYS_mprotect, 0xffff000000000000ull, 4096, 1));
  show("mprotect misaligned", syscall(SYS_mprotect, 0xffff000000000010ull, 4096, 1));
  pid_t child = fork();
  if (child == 0)
    _exit(0);
  waitpid(child, NULL, 0);
  long head, len;
  show("get_robust_list of a reaped child", syscall(SYS_get_robust_list, child, &head, &len));
  show("get_robust_list of self (0)", syscall(SYS_get_robust_list, 0, &head, &len));
  return 0;
}
