/* syscall_test.c - sys_syscall on a fake AArch64 cpu: x8 = number, x0-x5 =
 * arguments, x0 = result. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>
#include "../../decode/aarch64/a64_cpu.h"
#include "../../syscall/syscall.h"
#include "../../tcache/tcache.h"
#include "test.h"

/* Stand-ins until tcache is linked; the real ones win when it is. */
#define STUB_TRANSLATOR 0x6f0000000000ull
static uint64_t stub_inval_start, stub_inval_len;
__attribute__((weak)) void tc_invalidate(uint64_t start, uint64_t len) {
  stub_inval_start = start;
  stub_inval_len = len;
}
__attribute__((weak)) int tc_overlaps_translator(uint64_t start, uint64_t len) {
  return start < STUB_TRANSLATOR + 0x100000 && start + len > STUB_TRANSLATOR;
}

/* hwcap: fp, asimd, aes, atomics; hwcap2: frint (a mix, for the /proc/cpuinfo test) */
static const struct guest test_guest = {.name = "aarch64",
                                        .hwcap = 0x10b,
                                        .hwcap2 = 0x100,
                                        .sysroot = "/usr/aarch64-linux-gnu",
                                        .sys_nr_off = offsetof(struct a64_cpu, x[8]),
                                        .sys_arg_off = offsetof(struct a64_cpu, x[0]),
                                        .sp_off = offsetof(struct a64_cpu, x[31]),
                                        .tls_off = offsetof(struct a64_cpu, tpidr_el0),
                                        .monitor_off = offsetof(struct a64_cpu, excl_addr),
                                        .abi = &sys_a64_abi};

/* A bad guest pointer faults inside sys_safe_copy, which xrun's fault
 * handler turns into -EFAULT: the same here; any other fault kills. */
static void on_fault(int sig, siginfo_t *si, void *uc) {
  (void)si;
  if (!sys_safe_copy_fixup(uc))
    signal(sig, SIG_DFL); /* the fault comes again, now fatal */
}

static void fault_handler_install(void) {
  static bool done;
  struct sigaction sa = {.sa_sigaction = on_fault, .sa_flags = SA_SIGINFO};
  if (!done && !sigaction(SIGSEGV, &sa, NULL) && !sigaction(SIGBUS, &sa, NULL))
    done = true;
}

static int64_t sc(int nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4,
                  uint64_t a5) {
  static struct a64_cpu cpu;
  fault_handler_install();
  memset(&cpu, 0, sizeof(cpu));
  cpu.c.guest = &test_guest;
  cpu.x[8] = (uint64_t)nr;
  uint64_t a[6] = {a0, a1, a2, a3, a4, a5};
  memcpy(cpu.x, a, sizeof(a));
  sys_syscall(&cpu.c);
  return (int64_t)cpu.x[0];
}
#define SC0(nr)     sc(nr, 0, 0, 0, 0, 0, 0)
#define SC(nr, ...) sc6(nr, __VA_ARGS__)
static int64_t sc6(int nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3) {
  return sc(nr, a0, a1, a2, a3, 0, 0);
}
#define P(x) ((uint64_t)(uintptr_t)(x))

/* AArch64 numbers and values, written out: these are what a guest passes. */
enum {
  NR_dup = 23,
  NR_fcntl = 25,
  NR_unlinkat = 35,
  NR_openat = 56,
  NR_close = 57,
  NR_pipe2 = 59,
  NR_read = 63,
  NR_write = 64,
  NR_readlinkat = 78,
  NR_newfstatat = 79,
  NR_fstat = 80,
  NR_exit = 93,
  NR_rt_sigaction = 134,
  NR_rt_sigprocmask = 135,
  NR_uname = 160,
  NR_getpid = 172,
  NR_brk = 214,
  NR_munmap = 215,
  NR_mmap = 222,
  NR_mprotect = 226,
  NR_rseq = 293,
  NR_clone = 220,
  NR_eventfd2 = 19,
  NR_epoll_create1 = 20,
  NR_epoll_ctl = 21,
  NR_epoll_pwait = 22,
  NR_kill = 129,
  NR_prctl = 167,
  NR_wait4 = 260,
  NR_openat2 = 437,
};
#define A64_AT_FDCWD    ((uint64_t)-100)
#define A64_O_DIRECTORY 040000
#define A64_O_NOFOLLOW  0100000
#define A64_O_LARGEFILE 0400000

static char tmp_file[64];

static const char *temp_file(void) {
  snprintf(tmp_file, sizeof(tmp_file), "/tmp/xrun_sys_test.%d", (int)getpid());
  return tmp_file;
}

TEST(write_to_pipe) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  ASSERT_EQ(SC(NR_write, fds[1], P("hello"), 5, 0), 5);
  char buf[8] = {0};
  ASSERT_EQ(read(fds[0], buf, sizeof(buf)), 5);
  ASSERT(!memcmp(buf, "hello", 5));
  ASSERT_EQ(SC(NR_write, 1000, P("x"), 1, 0), -EBADF);
  close(fds[0]);
  close(fds[1]);
}

TEST(pipe2_and_read) {
  int fds[2] = {-1, -1};
  ASSERT_EQ(SC(NR_pipe2, P(fds), 02000000 /* O_CLOEXEC */, 0, 0), 0);
  ASSERT(fds[0] >= 0 && fds[1] >= 0);
  ASSERT_EQ(write(fds[1], "abc", 3), 3);
  char buf[4] = {0};
  ASSERT_EQ(SC(NR_read, fds[0], P(buf), sizeof(buf), 0), 3);
  ASSERT_EQ(fcntl(fds[0], F_GETFD), FD_CLOEXEC);
  close(fds[0]);
  close(fds[1]);
}

TEST(openat_directory_flag) {
  const char *f = temp_file();
  FILE *fp = fopen(f, "w");
  ASSERT(fp);
  fclose(fp);
  int64_t fd = SC(NR_openat, A64_AT_FDCWD, P("/tmp"), A64_O_DIRECTORY, 0);
  ASSERT(fd >= 0);
  struct stat st;
  ASSERT_EQ(fstat((int)fd, &st), 0);
  ASSERT(S_ISDIR(st.st_mode));
  ASSERT_EQ(SC(NR_close, fd, 0, 0, 0), 0);
  ASSERT_EQ(SC(NR_openat, A64_AT_FDCWD, P(f), A64_O_DIRECTORY, 0), -ENOTDIR);
  unlink(f);
}

TEST(openat_nofollow_flag) {
  const char *f = temp_file();
  ASSERT_EQ(symlink("/tmp", f), 0);
  ASSERT_EQ(SC(NR_openat, A64_AT_FDCWD, P(f), A64_O_NOFOLLOW, 0), -ELOOP);
  unlink(f);
}

TEST(openat_bad_pointer) {
  ASSERT_EQ(SC(NR_openat, A64_AT_FDCWD, 16, 0, 0), -EFAULT);
}

TEST(fcntl_getfl_translation) {
  const char *f = temp_file();
  /* O_RDWR|O_CREAT|O_APPEND|O_NONBLOCK, mode 0600 */
  int64_t fd = SC(NR_openat, A64_AT_FDCWD, P(f), 02 | 0100 | 02000 | 04000, 0600);
  ASSERT(fd >= 0);
  int64_t fl = SC(NR_fcntl, fd, F_GETFL, 0, 0);
  ASSERT(fl >= 0);
  ASSERT_EQ(fl & 3, 02);
  ASSERT(fl & 02000);
  ASSERT(fl & 04000);
  ASSERT(fl & A64_O_LARGEFILE);   /* the host kernel sets it on every 64-bit open */
  ASSERT(!(fl & A64_O_NOFOLLOW)); /* where the host's O_LARGEFILE bit would land */
  ASSERT_EQ(SC(NR_fcntl, fd, F_SETFL, 0, 0), 0);
  fl = SC(NR_fcntl, fd, F_GETFL, 0, 0);
  ASSERT(!(fl & (02000 | 04000)));
  ASSERT_EQ(SC(NR_fcntl, fd, 9999, 0, 0), -EINVAL);
  close((int)fd);
  unlink(f);
}

/* Offsets in arm64's struct stat (include/uapi/asm-generic/stat.h). */
static void check_stat_layout(int *test_failed_, const uint8_t *g, const struct stat *h) {
  uint64_t u64;
  uint32_t u32;
  int64_t i64;
  int32_t i32;
  memcpy(&u64, g + 0, 8);
  ASSERT_EQ(u64, h->st_dev);
  memcpy(&u64, g + 8, 8);
  ASSERT_EQ(u64, h->st_ino);
  memcpy(&u32, g + 16, 4);
  ASSERT_EQ(u32, S_IFREG | 0640);
  memcpy(&u32, g + 20, 4);
  ASSERT_EQ(u32, 1);
  memcpy(&u32, g + 24, 4);
  ASSERT_EQ(u32, getuid());
  memcpy(&u32, g + 28, 4);
  ASSERT_EQ(u32, h->st_gid);
  memcpy(&i64, g + 48, 8);
  ASSERT_EQ(i64, 1234);
  memcpy(&i32, g + 56, 4);
  ASSERT_EQ(i32, h->st_blksize);
  memcpy(&i64, g + 64, 8);
  ASSERT_EQ(i64, h->st_blocks);
  memcpy(&i64, g + 72, 8);
  ASSERT_EQ(i64, h->st_atim.tv_sec);
  memcpy(&i64, g + 88, 8);
  ASSERT_EQ(i64, 1000000000);
  memcpy(&i64, g + 96, 8);
  ASSERT_EQ(i64, 123456789);
  memcpy(&i64, g + 104, 8);
  ASSERT_EQ(i64, h->st_ctim.tv_sec);
  ASSERT_EQ(g[128], 0xee); /* nothing written past 128 bytes */
}

TEST(newfstatat_layout) {
  const char *f = temp_file();
  int fd = open(f, O_CREAT | O_TRUNC | O_WRONLY, 0600);
  ASSERT(fd >= 0);
  char data[1234] = {0};
  ASSERT_EQ(write(fd, data, sizeof(data)), sizeof(data));
  ASSERT_EQ(fchmod(fd, 0640), 0);
  struct timespec times[2] = {{1000000000, 5}, {1000000000, 123456789}};
  ASSERT_EQ(futimens(fd, times), 0);
  struct stat h;
  ASSERT_EQ(fstat(fd, &h), 0);
  uint8_t g[136];
  memset(g, 0xee, sizeof(g));
  ASSERT_EQ(SC(NR_newfstatat, A64_AT_FDCWD, P(f), P(g), 0), 0);
  check_stat_layout(test_failed_, g, &h);
  if (*test_failed_)
    return;
  memset(g, 0xee, sizeof(g));
  ASSERT_EQ(SC(NR_fstat, fd, P(g), 0, 0), 0);
  check_stat_layout(test_failed_, g, &h);
  ASSERT_EQ(SC(NR_newfstatat, A64_AT_FDCWD, P("/nonexistent/x"), P(g), 0), -ENOENT);
  close(fd);
  unlink(f);
}

TEST(uname_machine) {
  struct utsname u;
  memset(&u, 0, sizeof(u));
  ASSERT_EQ(SC(NR_uname, P(&u), 0, 0, 0), 0);
  ASSERT(!strcmp(u.machine, "aarch64"));
  ASSERT(!strcmp(u.sysname, "Linux"));
  ASSERT_EQ(SC(NR_uname, 8, 0, 0, 0), -EFAULT);
}

/* /proc/cpuinfo is the guest's: an Arm Neoverse-N1 whose Features line names
 * exactly the AT_HWCAP bits (names as in the arm64 kernel's hwcap_str). */
TEST(proc_cpuinfo_is_the_guests) {
  int fd = (int)SC(NR_openat, A64_AT_FDCWD, P("/proc/cpuinfo"), 0, 0);
  ASSERT(fd >= 0);
  char text[8192] = {0};
  ASSERT(read(fd, text, sizeof(text) - 1) > 0);
  close(fd);
  ASSERT(strstr(text, "CPU implementer\t: 0x41\n"));
  ASSERT(strstr(text, "CPU part\t: 0xd0c\n"));
  char *feat = strstr(text, "Features\t:");
  ASSERT(feat);
  char line[512];
  sscanf(feat, "%511[^\n]", line);
  ASSERT(!strcmp(line, "Features\t: fp asimd aes atomics frint"));
}

TEST(brk_grow_and_shrink) {
  /* A free area to put the break in. */
  uint8_t *area = mmap(NULL, 1 << 24, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  ASSERT(area != MAP_FAILED);
  munmap(area, 1 << 24);
  uint64_t start = P(area) + 0x1000;
  sys_set_brk(start);
  ASSERT_EQ(SC(NR_brk, 0, 0, 0, 0), start);
  ASSERT_EQ(SC(NR_brk, start + 100000, 0, 0, 0), start + 100000);
  memset((void *)(uintptr_t)start, 0x5a, 100000);
  ASSERT_EQ(SC(NR_brk, start + 200, 0, 0, 0), start + 200);
  ASSERT_EQ(*(uint8_t *)(uintptr_t)(start + 199), 0x5a);
  ASSERT_EQ(SC(NR_brk, start - 4096, 0, 0, 0), start + 200);
  /* Something in the way: the break stays where it is. */
  void *block = mmap((void *)(uintptr_t)(start + 0x10000), 4096, PROT_READ,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  ASSERT(block != MAP_FAILED);
  ASSERT_EQ(SC(NR_brk, start + 0x20000, 0, 0, 0), start + 200);
  munmap(block, 4096);
  ASSERT_EQ(SC(NR_brk, start + 0x20000, 0, 0, 0), start + 0x20000);
  *(volatile uint8_t *)(uintptr_t)(start + 0x1ffff) = 1;
  SC(NR_brk, start, 0, 0, 0);
}

TEST(mmap_munmap) {
  int64_t p =
      sc(NR_mmap, 0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, (uint64_t)-1, 0);
  ASSERT(p > 0 && (uint64_t)p < (1ull << 47));
  memset((void *)(uintptr_t)p, 1, 8192);
  ASSERT_EQ(SC(NR_mprotect, p, 4096, PROT_READ | PROT_EXEC, 0), 0);
  ASSERT_EQ(SC(NR_munmap, p, 8192, 0, 0), 0);
  if (stub_inval_len)
    ASSERT_EQ(stub_inval_start, p);
  ASSERT_EQ(sc(NR_mmap, 0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, (uint64_t)-1, 0), -EINVAL);
  ASSERT_EQ(SC(NR_munmap, p, 0, 0, 0), -EINVAL);
}

TEST(mmap_high_hint_dropped) {
  int64_t p =
      sc(NR_mmap, 1ull << 47, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, (uint64_t)-1, 0);
  ASSERT(p > 0 && (uint64_t)p < (1ull << 47));
  munmap((void *)(uintptr_t)p, 4096);
  ASSERT_EQ(sc(NR_mmap, 1ull << 47, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
               (uint64_t)-1, 0),
            -ENOMEM);
}

TEST(mmap_fixed_over_translator_refused) {
  if (!tc_overlaps_translator(STUB_TRANSLATOR, 4096)) {
    fprintf(stderr, "  (real tcache linked and not initialized: skipped)\n");
    return;
  }
  ASSERT_EQ(sc(NR_mmap, STUB_TRANSLATOR, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
               (uint64_t)-1, 0),
            -ENOMEM);
  ASSERT_EQ(SC(NR_munmap, STUB_TRANSLATOR, 4096, 0, 0), -EINVAL);
}

TEST(unknown_and_unimplemented) {
  ASSERT_EQ(SC0(999), -ENOSYS);
  ASSERT_EQ(SC0(100000), -ENOSYS);
  ASSERT_EQ(SC0(NR_rseq), -ENOSYS);
  /* memory shared without signal handlers is a kind of clone not supported */
  ASSERT_EQ(SC(NR_clone, 0x100 /* CLONE_VM */ | 17 /* SIGCHLD */, 0, 0, 0), -EINVAL);
  ASSERT_EQ(SC0(NR_getpid), getpid());
}

TEST(rt_sigaction_records) {
  uint64_t act[4] = {0x401000, 0x4000000 /* SA_RESTORER */, 0x402000, 1ull << (SIGKILL - 1)};
  uint64_t old[4];
  memset(old, 0xff, sizeof(old));
  ASSERT_EQ(SC(NR_rt_sigaction, SIGUSR1, P(act), 0, 8), 0);
  ASSERT_EQ(SC(NR_rt_sigaction, SIGUSR1, 0, P(old), 8), 0);
  ASSERT_EQ(old[0], 0x401000);
  ASSERT_EQ(old[1], 0x4000000);
  ASSERT_EQ(old[2], 0x402000);
  ASSERT_EQ(old[3], 0); /* SIGKILL cannot be blocked */
  ASSERT_EQ(SC(NR_rt_sigaction, SIGKILL, P(act), 0, 8), -EINVAL);
  ASSERT_EQ(SC(NR_rt_sigaction, SIGUSR1, P(act), 0, 16), -EINVAL);
  ASSERT_EQ(SC(NR_rt_sigaction, 65, 0, P(old), 8), -EINVAL);
}

TEST(rt_sigprocmask_keeps_mask) {
  uint64_t set = 1ull << (SIGUSR2 - 1) | 1ull << (SIGSTOP - 1), old = 0xdead;
  ASSERT_EQ(SC(NR_rt_sigprocmask, SIG_SETMASK, P(&set), 0, 8), 0);
  ASSERT_EQ(SC(NR_rt_sigprocmask, SIG_BLOCK, 0, P(&old), 8), 0);
  ASSERT_EQ(old, 1ull << (SIGUSR2 - 1));
  ASSERT_EQ(SC(NR_rt_sigprocmask, SIG_UNBLOCK, P(&set), P(&old), 8), 0);
  ASSERT_EQ(SC(NR_rt_sigprocmask, SIG_BLOCK, 0, P(&old), 8), 0);
  ASSERT_EQ(old, 0);
  ASSERT_EQ(SC(NR_rt_sigprocmask, 7, P(&set), 0, 8), -EINVAL);
  /* The host's own mask is untouched. */
  sigset_t host;
  sigprocmask(SIG_BLOCK, NULL, &host);
  ASSERT(!sigismember(&host, SIGUSR2));
}

TEST(readlink_proc_self_exe) {
  xrun_opt.exe_path = "/bin/true";
  char want[PATH_MAX], buf[PATH_MAX];
  ASSERT(realpath("/bin/true", want));
  int64_t n = SC(NR_readlinkat, A64_AT_FDCWD, P("/proc/self/exe"), P(buf), sizeof(buf));
  ASSERT_EQ(n, strlen(want));
  ASSERT(!memcmp(buf, want, (size_t)n));
}

/* An absolute path that exists in the guest sysroot is taken from there. */
TEST(sysroot_paths) {
  const char *ld = "/lib/ld-linux-aarch64.so.1";
  char rooted[PATH_MAX];
  snprintf(rooted, sizeof(rooted), "/usr/aarch64-linux-gnu%s", ld);
  if (access(rooted, R_OK) || !access(ld, F_OK)) {
    fprintf(stderr, "  (no aarch64 sysroot, or an arm64 host: skipped)\n");
    return;
  }
  xrun_opt.sysroot = NULL;
  int64_t fd = SC(NR_openat, A64_AT_FDCWD, P(ld), 02000000, 0);
  ASSERT(fd >= 0);
  close((int)fd);
  ASSERT_EQ(SC(NR_openat, A64_AT_FDCWD, P("/etc/hostname-not-there"), 0, 0), -ENOENT);
  fd = SC(NR_openat, A64_AT_FDCWD, P("/proc/self/status"), 0, 0);
  ASSERT(fd >= 0);
  close((int)fd);
}

/* A ".." at the root stays there: "/.." is "/", never the sysroot's parent
 * directory, and "/../lib/..." is "/lib/..." (taken from the sysroot). */
TEST(sysroot_dotdot_at_root) {
  const char *ld = "/lib/ld-linux-aarch64.so.1";
  if (access("/usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1", R_OK) || !access(ld, F_OK)) {
    fprintf(stderr, "  (no aarch64 sysroot, or an arm64 host: skipped)\n");
    return;
  }
  struct stat root;
  ASSERT_EQ(stat("/", &root), 0);
  static const char *const same[] = {"/..", "/../", "/./..", "/../..", "//.."};
  for (size_t i = 0; i < sizeof(same) / sizeof(same[0]); i++) {
    uint64_t g[17]; /* struct stat of arm64: st_dev, st_ino, ... */
    ASSERT_EQ(SC(NR_newfstatat, A64_AT_FDCWD, P(same[i]), P(g), 0), 0);
    ASSERT_EQ(g[1], (uint64_t)root.st_ino);
  }
  int64_t fd = SC(NR_openat, A64_AT_FDCWD, P("/../lib/../lib/ld-linux-aarch64.so.1"), 02000000, 0);
  ASSERT(fd >= 0);
  close((int)fd);
}

TEST(exit_marks_thread) {
  struct a64_cpu cpu;
  memset(&cpu, 0, sizeof(cpu));
  cpu.c.guest = &test_guest;
  cpu.x[8] = NR_exit;
  cpu.x[0] = 3;
  sys_syscall(&cpu.c);
  ASSERT(cpu.c.exiting);
  ASSERT_EQ(cpu.c.exit_status, 3);
}

/* -strace prints qemu-style lines. */
TEST(strace_lines) {
  char path[64];
  snprintf(path, sizeof(path), "/tmp/xrun_strace.%d", (int)getpid());
  fflush(stderr);
  int saved = dup(2), fd = open(path, O_CREAT | O_TRUNC | O_RDWR, 0600);
  ASSERT(fd >= 0);
  dup2(fd, 2);
  xrun_log_mask |= LOG_STRACE;
  SC(NR_openat, A64_AT_FDCWD, P("/nonexistent"), 02000000 | A64_O_DIRECTORY, 0);
  SC0(999);
  SC(NR_brk, 0, 0, 0, 0);
  xrun_log_mask &= ~LOG_STRACE;
  fflush(stderr);
  dup2(saved, 2);
  close(saved);
  char out[1024] = {0};
  ASSERT(pread(fd, out, sizeof(out) - 1, 0) > 0);
  close(fd);
  unlink(path);
  char want[256];
  snprintf(want, sizeof(want),
           "%d openat(AT_FDCWD,\"/nonexistent\",O_RDONLY|O_DIRECTORY|O_CLOEXEC) = -1 errno=2 "
           "(No such file or directory)\n",
           (int)getpid());
  if (!strstr(out, want))
    fprintf(stderr, "  got: %s", out);
  ASSERT(strstr(out, want));
  ASSERT(strstr(out, "Unknown syscall 999("));
  ASSERT(strstr(out, "errno=38"));
  ASSERT(strstr(out, " brk(NULL) = 0x"));
}

/* arm64's epoll_event is 16 bytes (events, padding, 64-bit data); the
 * host's is packed into 12. */
TEST(epoll_event_layout) {
  int64_t ep = SC(NR_epoll_create1, 0, 0, 0, 0), efd = SC(NR_eventfd2, 1, 0, 0, 0);
  ASSERT(ep >= 0 && efd >= 0);
  uint32_t in[4] = {0x1 /* EPOLLIN */, 0xdeadbeef, 0x55667788, 0x11223344};
  ASSERT_EQ(SC(NR_epoll_ctl, (uint64_t)ep, 1 /* ADD */, (uint64_t)efd, P(in)), 0);
  uint32_t out[8];
  memset(out, 0xee, sizeof(out));
  ASSERT_EQ(sc(NR_epoll_pwait, (uint64_t)ep, P(out), 2, 0, 0, 8), 1);
  ASSERT_EQ(out[0], 0x1u);
  ASSERT_EQ(out[1], 0u);
  ASSERT_EQ(out[2], 0x55667788u);
  ASSERT_EQ(out[3], 0x11223344u);
  ASSERT_EQ(out[4], 0xeeeeeeeeu); /* one event: nothing written past it */
  ASSERT_EQ(sc(NR_epoll_pwait, (uint64_t)ep, P(out), 0, 0, 0, 8), -EINVAL);
  close((int)efd);
  close((int)ep);
}

/* Guest 32 and 33 are host 63 and 64; guest 63 and 64 have no host signal. */
TEST(signal_numbers_mapped) {
  ASSERT_EQ(SC(NR_kill, (uint64_t)getpid(), 0, 0, 0), 0);
  ASSERT_EQ(SC(NR_kill, (uint64_t)getpid(), 64, 0, 0), -EINVAL);
  ASSERT_EQ(SC(NR_kill, (uint64_t)getpid(), 65, 0, 0), -EINVAL);
  pid_t child = fork();
  if (child == 0) {
    signal(63, SIG_DFL);
    raise(63);
    _exit(1);
  }
  int st = 0;
  ASSERT_EQ(SC(NR_wait4, (uint64_t)child, P(&st), 0, 0), child);
  ASSERT(WIFSIGNALED(st));
  ASSERT_EQ(WTERMSIG(st), 32);
}

TEST(prctl_arm64_answers) {
  ASSERT_EQ(SC(NR_prctl, 9999, 0, 0, 0), -EINVAL);
  ASSERT_EQ(SC(NR_prctl, 56 /* PR_GET_TAGGED_ADDR_CTRL */, 0, 0, 0), 0);
  ASSERT_EQ(SC(NR_prctl, 55 /* PR_SET_TAGGED_ADDR_CTRL */, 2, 0, 0), -EINVAL);
  ASSERT_EQ(SC(NR_prctl, 22 /* PR_SET_SECCOMP */, 2, 0, 0), -EINVAL);
}

/* open_how.flags are the guest's open flags (O_DIRECTORY is 040000 on
 * arm64); a larger struct is taken when the bytes past it are zero. */
TEST(openat2_flags_and_size) {
  uint64_t how[4] = {A64_O_DIRECTORY, 0, 0, 0};
  int64_t fd = SC(NR_openat2, A64_AT_FDCWD, P("/tmp"), P(how), 24);
  ASSERT(fd >= 0);
  close((int)fd);
  ASSERT_EQ(SC(NR_openat2, A64_AT_FDCWD, P("/proc/self/status"), P(how), 24), -ENOTDIR);
  fd = SC(NR_openat2, A64_AT_FDCWD, P("/tmp"), P(how), 32);
  ASSERT(fd >= 0);
  close((int)fd);
  how[3] = 1;
  ASSERT_EQ(SC(NR_openat2, A64_AT_FDCWD, P("/tmp"), P(how), 32), -E2BIG);
  ASSERT_EQ(SC(NR_openat2, A64_AT_FDCWD, P("/tmp"), P(how), 16), -EINVAL);
}

TEST_MAIN("syscall")
