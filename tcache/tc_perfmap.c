#define _GNU_SOURCE
/* tc_perfmap.c - --perfmap: /tmp/perf-PID.map, the file perf reads to name
 * JIT code (tools/perf/Documentation/jit-interface.txt): one line per code
 * region, "START SIZE name", START and SIZE in hex without 0x. Each block is
 * named after its guest code: "7f3a12c040 58 xrun:0x4005d8 main+0xa8".
 *
 * Lines collect in a buffer, appended to the file when it fills, at exit and
 * before execve. The file is opened only for that write, so no descriptor of
 * ours sits among the guest's (which may close or dup2 over any). The first
 * write of a process starts the file afresh unless this same process wrote
 * it before an execve (its image before the execve ran other code). After a
 * flush of the code buffer the old lines stay: new blocks at the same
 * addresses come later in the file.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "tc_int.h"
#include "../loader/loader.h"

enum { TC_PM_LINE_MAX = 320 };

static char tc_pm_buf[64 << 10];
static size_t tc_pm_len;
static bool tc_pm_begun;  /* this process has opened the file once */
static bool tc_pm_failed; /* it could not: say so once, then drop lines */
static bool tc_pm_refill; /* a forked child: its inherited blocks go in its own file first */
static pthread_mutex_t tc_pm_lock = PTHREAD_MUTEX_INITIALIZER;

static int64_t tc_pm_ns(const struct timespec *ts) {
  return (int64_t)ts->tv_sec * 1000000000 + ts->tv_nsec;
}

/* When this process started, in CLOCK_REALTIME nanoseconds (an execve keeps
 * it): field 22 of /proc/self/stat, in clock ticks since boot. Integers
 * only: no host FP code in tcache (tools/check-host-fp). */
static int64_t tc_pm_process_start(void) {
  char buf[1024], *save = NULL, *tok = NULL;
  int fd = open("/proc/self/stat", O_RDONLY | O_CLOEXEC); /* not stdio: maybe in a signal handler */
  ssize_t n = fd >= 0 ? read(fd, buf, sizeof(buf) - 1) : -1;
  if (fd >= 0)
    close(fd);
  buf[n > 0 ? n : 0] = '\0';
  char *p = strrchr(buf, ')'); /* the command name may hold spaces */
  if (p) /* the fields after it start with the 3rd: starttime is the 20th token */
    for (int i = 0; i < 20 && (tok = strtok_r(i ? NULL : p + 1, " ", &save)); i++)
      ;
  if (!tok)
    return 0;
  struct timespec boot, now;
  clock_gettime(CLOCK_BOOTTIME, &boot);
  clock_gettime(CLOCK_REALTIME, &now);
  int64_t age = tc_pm_ns(&boot) - strtoll(tok, NULL, 10) * (1000000000 / sysconf(_SC_CLK_TCK));
  return tc_pm_ns(&now) - age;
}

/* The file left by an earlier process with our pid is stale; one written
 * since we started is ours, from before an execve. A second of slack: file
 * times and the start time are both coarser than the clock. */
static void tc_pm_begin(int fd) {
  struct stat st;
  if (!fstat(fd, &st) && st.st_size && tc_pm_ns(&st.st_mtim) < tc_pm_process_start() - 1000000000)
    (void)!ftruncate(fd, 0);
  tc_pm_begun = true;
}

static int tc_pm_open(void) {
  char path[48];
  struct stat st;
  snprintf(path, sizeof(path), "/tmp/perf-%d.map", (int)getpid());
  int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd >= 0 && (fstat(fd, &st) || !S_ISREG(st.st_mode) || st.st_uid != geteuid())) {
    close(fd); /* not a file of ours: perf would not read it either */
    fd = -1;
    errno = EPERM;
  }
  if (fd < 0 && !tc_pm_failed)
    fprintf(stderr, "xrun: --perfmap: cannot write %s: %s\n", path, strerror(errno));
  tc_pm_failed = fd < 0;
  if (fd >= 0 && !tc_pm_begun)
    tc_pm_begin(fd);
  return fd;
}

/* With tc_pm_lock held. */
static void tc_pm_write_out(void) {
  if (!tc_pm_len)
    return;
  int fd = tc_pm_failed ? -1 : tc_pm_open();
  for (size_t off = 0; fd >= 0 && off < tc_pm_len;) {
    ssize_t n = write(fd, tc_pm_buf + off, tc_pm_len - off);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      break;
    off += (size_t)n;
  }
  if (fd >= 0)
    close(fd);
  tc_pm_len = 0;
}

/* With tc_pm_lock held. */
static void tc_pm_line(const struct tc_block *blk) {
  char sym[256];
  if (blk->invalid)
    return;
  if (tc_pm_len + TC_PM_LINE_MAX > sizeof(tc_pm_buf))
    tc_pm_write_out();
  bool named = ld_sym_name(blk->guest_pc, sym, sizeof(sym)) == 0;
  int n = snprintf(tc_pm_buf + tc_pm_len, TC_PM_LINE_MAX, "%llx %x xrun:0x%llx%s%s\n",
                   (unsigned long long)(uintptr_t)blk->code, blk->code_size,
                   (unsigned long long)blk->guest_pc, named ? " " : "", named ? sym : "");
  if (n >= TC_PM_LINE_MAX) { /* a name cut short: still one line */
    n = TC_PM_LINE_MAX;
    tc_pm_buf[tc_pm_len + n - 1] = '\n';
  }
  tc_pm_len += n > 0 ? (size_t)n : 0;
}

/* Signals stay blocked while this thread holds tc_pm_lock: a fatal one
 * would otherwise find the lock taken by the code it interrupted and lose
 * the map (the fault signals stay xrun's own). */
static void tc_pm_block_signals(sigset_t *old) {
  sigset_t set;
  sigfillset(&set);
  sigdelset(&set, SIGSEGV);
  sigdelset(&set, SIGBUS);
  sigdelset(&set, SIGILL);
  sigdelset(&set, SIGFPE);
  pthread_sigmask(SIG_BLOCK, &set, old);
}

/* With tc_pm_lock and tc_mutex held. */
static void tc_pm_refill_now(void) {
  tc_pm_refill = false;
  tc_map_each(tc_pm_line);
}

void tc_perfmap_block(const struct tc_block *blk) {
  sigset_t old;
  if (!xrun_opt.perfmap)
    return;
  tc_pm_block_signals(&old);
  pthread_mutex_lock(&tc_pm_lock);
  if (tc_pm_refill)
    tc_pm_refill_now(); /* blk is among them */
  else
    tc_pm_line(blk);
  pthread_mutex_unlock(&tc_pm_lock);
  pthread_sigmask(SIG_SETMASK, &old, NULL);
}

/* whole: in a forked child that translated nothing yet, first write every
 * block it inherited (its file starts empty). Not before an execve: that
 * child's code is about to go. */
void tc_perfmap_flush(bool whole) {
  sigset_t old;
  if (!xrun_opt.perfmap)
    return;
  tc_pm_block_signals(&old);
  if (tc_lock_briefly(&tc_pm_lock)) {
    if (whole && tc_pm_refill && pthread_mutex_trylock(&tc_mutex) == 0) {
      tc_pm_refill_now();
      pthread_mutex_unlock(&tc_mutex);
    }
    tc_pm_write_out();
    pthread_mutex_unlock(&tc_pm_lock);
  }
  pthread_sigmask(SIG_SETMASK, &old, NULL);
}

/* In the child of a fork: the lines still buffered are the parent's to
 * write, and the child's pid names another file. */
void tc_perfmap_forked(void) {
  pthread_mutex_init(&tc_pm_lock, NULL);
  tc_pm_len = 0;
  tc_pm_begun = false;
  tc_pm_failed = false;
  tc_pm_refill = true;
}
