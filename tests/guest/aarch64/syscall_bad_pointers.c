/* System calls given bad pointers answer EFAULT, as the kernel's copies to
 * and from user memory do, and never hurt the caller: an argument in an
 * unmapped page, in a PROT_NONE page, a result written into a read-only page,
 * a struct that runs off the end of a mapping, a path that runs into an
 * unmapped page, and a path that ends just before one (which works). Raw
 * system calls, so libc adds nothing. */
// test: qemu-wrong: qemu 7.2 answers EINVAL for a nanosleep request it cannot read (Linux: EFAULT)
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

static void show(const char *what, long r) {
  printf("%-44s %ld %s\n", what, r, r < 0 ? strerrorname_np(errno) : "");
}

int main(void) {
  long pg = sysconf(_SC_PAGESIZE);
  /* three pages: read-write, PROT_NONE, unmapped */
  char *p = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED)
    return 1;
  char *ro = mmap(NULL, pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  char *none = p + pg, *gone = p + 2 * pg;
  munmap(gone, pg); /* after the last mmap, so nothing takes its place */
  mprotect(none, pg, PROT_NONE);

  show("openat path unmapped", syscall(SYS_openat, AT_FDCWD, gone, O_RDONLY));
  show("openat path PROT_NONE", syscall(SYS_openat, AT_FDCWD, none, O_RDONLY));
  memset(p, 'a', pg);
  show("openat path runs into PROT_NONE", syscall(SYS_openat, AT_FDCWD, none - 100, O_RDONLY));
  p[pg - 1] = '\0';
  memcpy(p + pg - 4, "/.", 3);
  long fd = syscall(SYS_openat, AT_FDCWD, p + pg - 4, O_RDONLY);
  show("openat path ends before PROT_NONE", fd < 0 ? fd : 0);
  if (fd >= 0)
    close((int)fd);

  show("clock_gettime into read-only", syscall(SYS_clock_gettime, CLOCK_REALTIME, ro));
  show("clock_gettime into PROT_NONE", syscall(SYS_clock_gettime, CLOCK_REALTIME, none));
  show("clock_gettime straddling PROT_NONE", syscall(SYS_clock_gettime, CLOCK_REALTIME, none - 8));
  struct timespec *ts = (struct timespec *)(p + 64);
  show("clock_gettime into read-write", syscall(SYS_clock_gettime, CLOCK_REALTIME, ts) < 0);
  show("nanosleep request unmapped", syscall(SYS_nanosleep, gone, NULL));
  show("uname into unmapped", syscall(SYS_uname, gone));
  show("uname into read-only", syscall(SYS_uname, ro));
  show("getrlimit straddling unmapped", syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, none - 8));
  show("rt_sigaction act unmapped", syscall(SYS_rt_sigaction, SIGUSR1, gone, NULL, 8));
  show("rt_sigaction old into read-only", syscall(SYS_rt_sigaction, SIGUSR1, NULL, ro, 8));
  show("rt_sigprocmask set PROT_NONE", syscall(SYS_rt_sigprocmask, SIG_BLOCK, none, NULL, 8));
  char *argv[] = {gone, NULL};
  show("execve path unmapped", syscall(SYS_execve, gone, argv, NULL));
  show("execve argv unmapped", syscall(SYS_execve, "/bin/true", gone, NULL));
  show("execve argv[0] unmapped", syscall(SYS_execve, "/bin/true", argv, NULL));
  int pfd[2];
  show("pipe2 into read-only", syscall(SYS_pipe2, ro, 0));
  show("pipe2 into read-write", syscall(SYS_pipe2, pfd, 0));
  show("write from PROT_NONE", syscall(SYS_write, pfd[1], none, 16));
  show("write from read-only", syscall(SYS_write, pfd[1], ro, 16));
  show("read into read-only", syscall(SYS_read, pfd[0], ro, 16));
  printf("still running\n");
  return 0;
}
