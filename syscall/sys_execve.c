/* sys_execve.c - execve: a guest program runs through xrun again (in this
 * process when it can, sys_exec_here.c; else in a new xrun with the same
 * -L), and so does a #! script whose interpreter is a guest program
 * (looked up as the guest sees the file system, sysroot first: #!/bin/sh is
 * the guest's shell, as on the guest's machine); anything else (a host
 * program, a script for a host interpreter) goes to the host. */
#define _GNU_SOURCE
#include <elf.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sys_int.h"
#include "../tcache/tcache.h"

enum { SYS_EXEC_MAX_ARGS = 4096, SYS_SCRIPT_LINE = 256 /* Linux's BINPRM_BUF_SIZE */ };

static int sys_is_guest_elf(const char *path, uint16_t machine) {
  unsigned char h[20];
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return 0;
  ssize_t n = read(fd, h, sizeof(h));
  close(fd);
  return n == (ssize_t)sizeof(h) && !memcmp(h, ELFMAG, SELFMAG) &&
         (uint16_t)(h[18] | h[19] << 8) == machine;
}

/* Guest pointer array -> host strings (pointers are identity mapped, but
 * read through the kernel so a bad one is -EFAULT). */
static int sys_read_strv(uint64_t guest, char **out, int max, int *n) {
  *n = 0;
  for (; guest; guest += 8) {
    uint64_t p;
    if (sys_copy_in(&p, guest, sizeof(p)))
      return -EFAULT;
    if (!p)
      break;
    if (*n >= max - 1)
      return -E2BIG;
    out[(*n)++] = (char *)(uintptr_t)p;
  }
  out[*n] = NULL;
  return 0;
}

static const char *sys_xrun_binary(void) {
  static char self[PATH_MAX];
  if (!self[0] && readlink("/proc/self/exe", self, sizeof(self) - 1) < 0)
    return NULL;
  return self;
}

/* The options of this xrun that the next one must have too: those that
 * change how the program runs (-L, -s, the code buffer, block size, the
 * debugging switches) or what it reports (--perfmap, --stats, -d, -D). */
static int sys_exec_options(char **nargv) {
  static char stack[32], tcache[32], cache_max[40], log_words[80], tier[24], tier_up[32];
  int k = 0;
  nargv[k++] = "-L"; /* absolute: the guest may have changed directory */
  nargv[k++] = (char *)xrun_sysroot(sys_guest);
  snprintf(stack, sizeof(stack), "%llu", (unsigned long long)xrun_opt.stack_size); /* bytes */
  snprintf(tcache, sizeof(tcache), "--tcache-size=%uK", xrun_opt.code_kb);
  nargv[k++] = "-s";
  nargv[k++] = stack;
  nargv[k++] = tcache;
  if (xrun_opt.max_block_insns == 1)
    nargv[k++] = "-one-insn-per-tb";
  snprintf(tier, sizeof(tier), "--tier=%u", xrun_opt.tier);
  nargv[k++] = tier;
  snprintf(tier_up, sizeof(tier_up), "--tier-up=%u", xrun_opt.tier_up);
  nargv[k++] = tier_up;
  if (xrun_opt.no_chain)
    nargv[k++] = "--no-chain";
  if (xrun_opt.no_opt)
    nargv[k++] = "--no-opt";
  if (xrun_opt.interp)
    nargv[k++] = "--interp";
  if (xrun_opt.no_spec)
    nargv[k++] = "--no-spec";
  if (xrun_opt.no_smc)
    nargv[k++] = "--no-smc";
  if (xrun_opt.cpu) {
    nargv[k++] = "-cpu";
    nargv[k++] = (char *)xrun_opt.cpu;
  }
  if (xrun_opt.perfmap)
    nargv[k++] = "--perfmap";
  if (xrun_opt.stats)
    nargv[k++] = "--stats";
  if (xrun_log_mask) {
    nargv[k++] = "-d";
    nargv[k++] = (char *)xrun_log_words(log_words, sizeof(log_words));
  }
  if (xrun_opt.log_path) { /* the same file, written on after this process's lines */
    nargv[k++] = "--log-append";
    nargv[k++] = "-D";
    nargv[k++] = (char *)xrun_opt.log_path;
  }
  if (xrun_opt.no_cache)
    nargv[k++] = "--no-cache";
  if (xrun_opt.reexec)
    nargv[k++] = "--reexec";
  if (xrun_opt.cache_dir && !xrun_opt.no_cache) {
    nargv[k++] = "--cache-dir";
    nargv[k++] = (char *)xrun_opt.cache_dir;
  }
  snprintf(cache_max, sizeof(cache_max), "--cache-size=%lluK",
           (unsigned long long)(xrun_opt.cache_max >> 10));
  nargv[k++] = cache_max;
  return k;
}

static int64_t sys_exec_guest(struct cpu *c, const char *path, char **argv, int argc, char **envp) {
  int here = sys_exec_here(c, path, argv, envp);
  if (here <= 0)
    return here;
  char **nargv = calloc(argc + 40, sizeof(char *));
  if (!nargv)
    return -ENOMEM;
  int k = 0;
  nargv[k++] = "xrun";
  k += sys_exec_options(nargv + k);
  if (argc > 0) {
    nargv[k++] = "-0";
    nargv[k++] = argv[0];
  }
  nargv[k++] = (char *)path;
  for (int i = 1; i < argc; i++)
    nargv[k++] = argv[i];
  nargv[k] = NULL;
  const char *self = sys_xrun_binary();
  if (self)
    execve(self, nargv, envp);
  int err = self ? errno : ENOENT;
  if (err == EACCES || err == EPERM || err == ENOENT) /* not the program's doing */
    fprintf(stderr, "xrun: %s: cannot run xrun (%s) again for it: %s\n", path,
            self ? self : "/proc/self/exe", strerror(err));
  free(nargv);
  return -err;
}

/* The "#!" line of the script at path, as Linux's binfmt_script reads it:
 * the interpreter and its one optional argument (the rest of the line,
 * blanks trimmed; NULL if none), pointing into line. 0 if path is no
 * script or its interpreter is not named within the first 256 bytes. */
static int sys_script_interp(const char *path, char line[SYS_SCRIPT_LINE], char **interp,
                             char **arg) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return 0;
  ssize_t n = read(fd, line, SYS_SCRIPT_LINE - 1);
  close(fd);
  if (n < 2 || line[0] != '#' || line[1] != '!')
    return 0;
  line[n] = 0;
  char *end = strchr(line, '\n');
  if (!end) /* a longer line: Linux takes it when the interpreter's name fits */
    end = line + n;
  *end = 0;
  while (end > line + 2 && (end[-1] == ' ' || end[-1] == '\t'))
    *--end = 0;
  char *p = line + 2 + strspn(line + 2, " \t");
  if (!*p)
    return 0;
  *interp = p;
  p += strcspn(p, " \t");
  *arg = NULL;
  if (*p) {
    *p++ = 0;
    p += strspn(p, " \t");
    *arg = *p ? p : NULL;
  }
  return 1;
}

/* The script at path (named name by the guest) run by its interpreter, when
 * that is a guest program: argv becomes interpreter, [argument,] name,
 * argv[1]... as the kernel makes it. Returns 0 when it is not one, 1 when
 * this process runs it next (sys_exec_here.c), -errno when the exec failed;
 * else it does not return. */
static int64_t sys_exec_script(const struct sys_call *s, const char *path, const char *name,
                               char **argv, int argc, char **envp) {
  char line[SYS_SCRIPT_LINE], ibuf[PATH_MAX], *interp, *arg;
  int err = 0;
  if (!sys_script_interp(path, line, &interp, &arg))
    return 0;
  const char *ipath = sys_path_follow((uint64_t)(uintptr_t)interp, ibuf, &err);
  if (!ipath || access(ipath, X_OK) || !sys_is_guest_elf(ipath, s->cpu->guest->elf_machine))
    return 0; /* the host's kernel runs it, or says why not */
  char **nargv = calloc((size_t)argc + 4, sizeof(char *));
  if (!nargv)
    return -ENOMEM;
  int k = 0;
  nargv[k++] = interp;
  if (arg)
    nargv[k++] = arg;
  nargv[k++] = (char *)name;
  for (int i = 1; i < argc; i++)
    nargv[k++] = argv[i];
  nargv[k] = NULL;
  int64_t ret = sys_exec_guest(s->cpu, ipath, nargv, k, envp);
  free(nargv);
  return ret ? ret : 1;
}

/* execve of the host path (the guest's name for it: name) with the guest's
 * argv and envp arrays. */
static int64_t sys_exec_path(const struct sys_call *s, const char *path, const char *name,
                             uint64_t gargv, uint64_t genvp) {
  char host[PATH_MAX]; /* path may be in sys_path's buffer, which a script's interpreter reuses */
  snprintf(host, sizeof(host), "%s", path);
  path = host;
  int argc, envc;
  /* not calloc: sys_read_strv writes what is used, and zeroing 64 KiB
   * cost a vfork child 16 page faults before each exec */
  char **argv = malloc(SYS_EXEC_MAX_ARGS * sizeof(char *));
  char **envp = malloc(SYS_EXEC_MAX_ARGS * sizeof(char *));
  int64_t ret = -ENOMEM;
  if (!argv || !envp)
    goto out;
  if ((ret = sys_read_strv(gargv, argv, SYS_EXEC_MAX_ARGS, &argc)) ||
      (ret = sys_read_strv(genvp, envp, SYS_EXEC_MAX_ARGS, &envc)))
    goto out;
  if (access(path, X_OK)) {
    ret = -errno;
    goto out;
  }
  tc_diag_exec();         /* --perfmap: our lines before the new image's */
  sys_vfork_exec_begin(); /* a vfork child's parent waits on while it may succeed */
  if (sys_is_guest_elf(path, s->cpu->guest->elf_machine))
    ret = sys_exec_guest(s->cpu, path, argv, argc, envp);
  else if (!(ret = sys_exec_script(s, path, name, argv, argc, envp)))
    ret = execve(path, argv, envp) < 0 ? -errno : 0;
  else if (ret > 0)
    ret = 0;
  sys_vfork_exec_failed();
out:
  free(argv);
  free(envp);
  return ret;
}

int64_t sys_execve(const struct sys_call *s) {
  char pathbuf[PATH_MAX];
  int err = 0;
  const char *path = sys_path_follow(s->a[0], pathbuf, &err);
  if (!path)
    return err;
  return sys_exec_path(s, path, pathbuf, s->a[1], s->a[2]);
}

/* execveat(dirfd, path, argv, envp, flags): a path relative to dirfd, or
 * dirfd itself (AT_EMPTY_PATH, as fexecve does), is reached through
 * /proc/self/fd. xrun runs a guest program again by path, so the fd must
 * survive the exec: its close-on-exec flag is dropped for it (and put back
 * if the exec fails). */
int64_t sys_execveat(const struct sys_call *s) {
  char pathbuf[PATH_MAX], fdpath[PATH_MAX + 32];
  int err = 0, dirfd = (int)s->a[0], flags = (int)s->a[4];
  const char *path = sys_path(s->a[1], pathbuf, &err);
  if (!path)
    return err;
  if (!path[0] && !(flags & AT_EMPTY_PATH))
    return -ENOENT;
  if (flags & ~(AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW))
    return -EINVAL;
  if (path[0] == '/' || (path[0] && dirfd == AT_FDCWD))
    return sys_exec_path(s, path, pathbuf, s->a[2], s->a[3]);
  struct stat st;
  if (fstatat(dirfd, path, &st, flags | AT_SYMLINK_NOFOLLOW))
    return -errno;
  if ((flags & AT_SYMLINK_NOFOLLOW) && S_ISLNK(st.st_mode))
    return -ELOOP;
  snprintf(fdpath, sizeof(fdpath), "/proc/self/fd/%d%s%s", dirfd, path[0] ? "/" : "", path);
  int fdflags = fcntl(dirfd, F_GETFD);
  if (fdflags > 0 && (fdflags & FD_CLOEXEC))
    fcntl(dirfd, F_SETFD, fdflags & ~FD_CLOEXEC);
  int64_t ret = sys_exec_path(s, fdpath, fdpath, s->a[2], s->a[3]);
  if (fdflags > 0)
    fcntl(dirfd, F_SETFD, fdflags);
  return ret;
}
