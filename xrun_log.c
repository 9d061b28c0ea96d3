/* xrun_log.c - the one logging function behind -d, and fatal errors. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "xrun.h"

unsigned xrun_log_mask;
struct xrun_options xrun_opt = {.max_block_insns = 64,
                                .tier = 3,
                                .tier_up = 10000,
                                .code_kb = 64 << 10,
                                .stack_size = 8 << 20,
                                .exe_fd = -1,
                                .cache_max = 256 << 20};
static FILE *log_file; /* -D FILE, else NULL: stderr */

static const char *sysroot_choice(const struct guest *g) {
  if (xrun_opt.sysroot && xrun_opt.sysroot[0])
    return xrun_opt.sysroot;
  const char *env = getenv("XRUN_SYSROOT");
  if (env && env[0])
    return env;
  env = getenv("QEMU_LD_PREFIX"); /* what qemu-user users already have set */
  return env && env[0] ? env : g->sysroot;
}

/* Made absolute at the first call (main makes it before the guest runs): the
 * guest may change directory, and a program it runs gets the same root. */
const char *xrun_sysroot(const struct guest *g) {
  static char abs[4096];
  static const char *root;
  if (root)
    return root;
  const char *v = sysroot_choice(g);
  char cwd[4000];
  if (v[0] != '/' && getcwd(cwd, sizeof(cwd)) &&
      snprintf(abs, sizeof(abs), "%s/%s", cwd, v) < (int)sizeof(abs))
    v = abs;
  return root = v;
}

/* path with its first "%d" replaced by the process id (as qemu's -D does),
 * so that every process of a guest that forks or execs logs to a file of
 * its own. */
static const char *log_path_for_pid(const char *path, char *buf, size_t size) {
  const char *d = strstr(path, "%d");
  if (!d)
    return path;
  int n = snprintf(buf, size, "%.*s%d%s", (int)(d - path), path, (int)getpid(), d + 2);
  return n > 0 && (size_t)n < size ? buf : path;
}

const struct xrun_log_item xrun_log_items[] = {
    {"in_asm", LOG_IN_ASM, "guest instructions of each block translated"},
    {"ir", LOG_IR, "IR of each block as decoded"},
    {"opt", LOG_OPT, "IR of each block after the optimization passes"},
    {"out_asm", LOG_OUT_ASM, "host code produced for each block"},
    {"exec", LOG_EXEC, "each block as it runs, and guest signals"},
    {"unimpl", LOG_UNIMPL,
     "guest instructions that are not implemented (they raise SIGILL),\n"
     "           system calls answered ENOSYS, and ioctl requests, prctl\n"
     "           options and fcntl commands refused unchecked"},
    {"strace", LOG_STRACE, "every system call, its arguments and its result"},
};
const size_t xrun_n_log_items = sizeof(xrun_log_items) / sizeof(xrun_log_items[0]);

const char *xrun_log_words(char *buf, size_t size) {
  size_t n = 0;
  buf[0] = 0;
  for (size_t i = 0; i < xrun_n_log_items; i++)
    if (xrun_log_mask & xrun_log_items[i].mask && n < size)
      n += snprintf(buf + n, size - n, "%s%s", n ? "," : "", xrun_log_items[i].name);
  return buf;
}

/* The log file on a descriptor of xrun's own, high (xrun_fd_high). */
static FILE *log_fd_high(FILE *f) {
  int fd = xrun_fd_high(fileno(f));
  FILE *high = fd >= 0 ? fdopen(fd, "a") : NULL;
  if (!high) {
    if (fd >= 0) {
      xrun_fd_disown(fd);
      close(fd);
    }
    return f;
  }
  fclose(f);
  return high;
}

int xrun_log_open(const char *path) {
  char buf[4096];
  FILE *f = fopen(log_path_for_pid(path, buf, sizeof(buf)), xrun_opt.log_append ? "ae" : "we");
  if (!f)
    return -1;
  f = log_fd_high(f);
  setvbuf(f, NULL, _IOLBF, 0);
  if (log_file) {
    xrun_fd_disown(fileno(log_file));
    fclose(log_file);
  }
  log_file = f;
  return 0;
}

FILE *xrun_log_stream(void) {
  return log_file ? log_file : stderr;
}

void xrun_log(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  FILE *f = log_file ? log_file : stderr;
  vfprintf(f, fmt, ap);
  va_end(ap);
  fputc('\n', f);
}

_Noreturn void xrun_die(int status, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  exit(status);
}
