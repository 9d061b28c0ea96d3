/* sys_exec_here.c - an execve of a guest program run by this same xrun
 * process, as the kernel runs a new program in the same process: no new
 * xrun starts (its exec, dynamic loading and set-up cost about as much as
 * a short program's whole run).
 *
 * The call copies the arguments and environment out of guest memory (a
 * bad pointer is still the guest's -EFAULT) and then does to the process
 * what Linux's exec does beyond the memory: close-on-exec descriptors are
 * closed, caught signals go back to their defaults (the mask and pending
 * signals stay), the alternate signal stack, the robust futex list, the
 * clear-child-tid address and the tagged-address setting go, the process
 * is dumpable again, and a vfork parent goes on. The run loop then ends,
 * and main unmaps the old program's memory, forgets its translations
 * (tc_new_image) and loads the new one (sys_exec_take); a program that
 * cannot be loaded ends the process with xrun's message and status, as a
 * new xrun would.
 *
 * A new xrun runs the program instead (sys_execve.c) where this process
 * could not stand for one: more than one guest thread (an exec ends the
 * others), gdb attached, the logging and report options (they are per
 * process), POSIX timers (the kernel deletes them; xrun does not keep
 * their ids), an environment whose XRUN_ variables differ from this
 * process's, or HOME or XDG_CACHE_HOME where they name the cache (a new
 * xrun would read them)
 * or that has XRUN_SET_ENV or XRUN_UNSET_ENV (a new xrun would apply them
 * again), and --reexec. */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "../gdb/gdb.h"
#include "../loader/loader.h"
#include "sys_int.h"

enum {
  SYS_EXEC_STRINGS = 64 << 10,
  SYS_EXEC_STRINGS_MAX = 32 << 20,
  SYS_EXEC_STRLEN_MAX = 32 * 4096, /* Linux's MAX_ARG_STRLEN, with the NUL */
};

static struct sys_exec *sys_exec_next, *sys_exec_cur; /* cur: the running program's */

struct sys_exec *sys_exec_take(void) {
  struct sys_exec *e = sys_exec_next;
  sys_exec_next = NULL;
  return e;
}

/* The value of the variable name (len bytes) in env, or NULL. */
static const char *sys_env_value(char *const *env, const char *name, size_t len) {
  for (; *env; env++)
    if (!strncmp(*env, name, len) && (*env)[len] == '=')
      return *env + len + 1;
  return NULL;
}

static const char *sys_env_get(char *const *env, const char *name) {
  return sys_env_value(env, name, strlen(name));
}

static bool sys_same_str(const char *a, const char *b) {
  return a == b || (a && b && !strcmp(a, b));
}

/* Whether each XRUN_ variable of a is in b with the same value. */
static bool sys_env_xrun_in(char *const *a, char *const *b) {
  for (; *a; a++) {
    const char *eq = strchr(*a, '=');
    if (!strncmp(*a, "XRUN_", 5) && eq &&
        !sys_same_str(eq + 1, sys_env_value(b, *a, (size_t)(eq - *a))))
      return false;
  }
  return true;
}

/* Whether a new xrun started with env would take from it what this one
 * took from its own environment: the XRUN_ options, and the cache
 * directory's default; and would not edit it (XRUN_SET_ENV, as -E). */
static bool sys_env_same(char *const *env) {
  static const char *const names[] = {"HOME", "XDG_CACHE_HOME"};
  bool cache_default = !xrun_opt.cache_dir && !xrun_opt.no_cache;
  for (size_t i = 0; cache_default && i < sizeof(names) / sizeof(names[0]); i++)
    if (!sys_same_str(getenv(names[i]), sys_env_get(env, names[i])))
      return false;
  return sys_env_xrun_in(env, environ) && sys_env_xrun_in(environ, env) &&
         !sys_env_get(env, "XRUN_SET_ENV") && !sys_env_get(env, "XRUN_UNSET_ENV");
}

/* What can be known before the arguments are copied. */
static bool sys_exec_here_may(void) {
  return !xrun_opt.reexec && !gdb_active && !xrun_log_mask && !xrun_opt.log_path &&
         !xrun_opt.stats && !xrun_opt.perfmap && !sys_timers_exist() && tc_threads_alone();
}

/* The strings of the NULL-ended guest pointer list v appended to *buf (of
 * *cap bytes, *len used; grown as needed), each at an offset noted in
 * off[]; -EFAULT for a bad string, -E2BIG for one longer than the kernel
 * takes. */
static int sys_exec_copy_strs(char *const *v, size_t *off, char **buf, size_t *len, size_t *cap) {
  for (; *v; v++, off++) {
    long n;
    while ((n = sys_copy_str(*buf + *len, *cap - *len, (uint64_t)(uintptr_t)*v)) >= 0 &&
           (size_t)n >= *cap - *len - 1) {
      char *grown = *cap * 2 <= SYS_EXEC_STRINGS_MAX ? realloc(*buf, *cap * 2) : NULL;
      if (!grown)
        return -E2BIG;
      *buf = grown;
      *cap *= 2;
    }
    if (n < 0)
      return (int)n;
    if (n >= SYS_EXEC_STRLEN_MAX)
      return -E2BIG;
    *off = *len;
    *len += (size_t)n + 1;
  }
  return 0;
}

static size_t sys_strv_count(char *const *v) {
  size_t n = 0;
  while (v[n])
    n++;
  return n;
}

/* The request for main: path, argv and envp copied into one allocation. */
static int sys_exec_pack(const char *path, char *const *argv, char *const *envp,
                         struct sys_exec **out) {
  size_t argc = sys_strv_count(argv), envc = sys_strv_count(envp), cap = SYS_EXEC_STRINGS;
  size_t plen = strlen(path) + 1, len = plen;
  size_t *off = malloc((argc + envc + 1) * sizeof(*off));
  char *buf = malloc(cap);
  int err = !off || !buf ? -ENOMEM : 0;
  if (!err) {
    memcpy(buf, path, plen);
    err = sys_exec_copy_strs(argv, off, &buf, &len, &cap);
  }
  if (!err)
    err = sys_exec_copy_strs(envp, off + argc, &buf, &len, &cap);
  struct sys_exec *e = err ? NULL : malloc(sizeof(*e) + (argc + envc + 2) * sizeof(char *) + len);
  if (!err && !e)
    err = -ENOMEM;
  if (!err) {
    char **ptrs = (char **)(e + 1), *strs = (char *)(ptrs + argc + envc + 2);
    memcpy(strs, buf, len);
    for (size_t i = 0; i < argc + envc; i++) /* argv, NULL, envp, NULL */
      ptrs[i + (i >= argc)] = strs + off[i];
    ptrs[argc] = ptrs[argc + envc + 1] = NULL;
    *e = (struct sys_exec){strs, (int)argc, ptrs, ptrs + argc + 1, NULL};
    *out = e;
  }
  free(off);
  free(buf);
  return err;
}

/* Close the guest's close-on-exec descriptors (xrun's own stay), listed
 * in dir, /proc/self/fd. */
static void sys_exec_close_fds(int dir) {
  char buf[4096];
  long n;
  while ((n = syscall(SYS_getdents64, dir, buf, sizeof(buf))) > 0)
    for (long at = 0; at < n;) {
      struct dirent64 *d = (struct dirent64 *)(void *)(buf + at);
      at += d->d_reclen;
      char *end;
      long fd = strtol(d->d_name, &end, 10);
      if (*end || end == d->d_name || fd == dir || xrun_fd_own_in((uint64_t)fd, (uint64_t)fd) >= 0)
        continue;
      int flags = fcntl((int)fd, F_GETFD);
      if (flags >= 0 && (flags & FD_CLOEXEC))
        close((int)fd);
    }
  close(dir);
}

/* The point of no return: the process becomes what Linux's exec makes of
 * it, e is what it runs next, and c ends. fds: /proc/self/fd, open. */
static void sys_exec_commit(struct cpu *c, struct sys_exec *e, int fds) {
  sys_vfork_exec_done();
  sys_exec_close_fds(fds);
  sys_signal_exec();
  sys_robust_forget();
  sys_tagged_addr_ctrl = 0;
  syscall(SYS_set_tid_address, NULL);
  munlockall();                       /* MCL_FUTURE goes with the old memory */
  prctl(PR_SET_DUMPABLE, 1, 0, 0, 0); /* as for a program that may be read */
  environ = e->envp;                  /* what a new xrun would have had */
  xrun_opt.exe_fd = -1;
  sys_exe_path_set(e->path);
  free(sys_exec_cur);
  sys_exec_cur = sys_exec_next = e;
  c->exiting = true;
}

int sys_exec_here(struct cpu *c, const char *path, char *const *argv, char *const *envp) {
  struct sys_exec *e;
  if (!sys_exec_here_may())
    return 1;
  int err = sys_exec_pack(path, argv, envp, &e);
  if (!err && !ld_args_fit(e->path, e->argv, e->envp))
    free(e), err = -E2BIG;
  if (err)
    return err;
  /* what the exec reads, read now: a Landlock ruleset may refuse it later */
  int fds = sys_env_same(e->envp) ? open("/proc/self/fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
  bool listed = tc_guest_mappings_known();
  e->maps = fds >= 0 && !listed ? tc_maps_read() : NULL;
  if (fds < 0 || (!listed && !e->maps)) {
    if (fds >= 0)
      close(fds);
    free(e);
    return 1;
  }
  sys_exec_commit(c, e, fds);
  return 0;
}
