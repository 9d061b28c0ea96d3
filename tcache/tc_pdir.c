/* tc_pdir.c - the persistent cache's directory: where it is, which of its
 * files may be read, publishing a file atomically, and keeping the whole
 * under its size limit (least recently used files go first).
 *
 * The directory is --cache-dir, else $XRUN_CACHE, else $XDG_CACHE_HOME/xrun,
 * else ~/.cache/xrun. A cache file holds host code that xrun will run, so
 * only a regular file owned by this user and writable by no one else, in a
 * directory that is the same, is read. A file is written under a temporary
 * name and renamed into place: a reader sees the old file or the new one,
 * never half of one. When the directory cannot be made or written (read-only,
 * disk full), programs run as they would without a cache.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>
#include "tc_int.h"

enum { TC_PDIR_MAX_FILE = 1 << 30 };
#define TC_PDIR_SUFFIX ".xtc"

static char tc_pdir[4096];
static int tc_pdir_state; /* 0: not resolved, 1: named, -1: none */

const char *tc_pdir_path(void) {
  if (tc_pdir_state)
    return tc_pdir_state > 0 ? tc_pdir : NULL;
  const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
  int n = -1;
  if (xrun_opt.cache_dir && xrun_opt.cache_dir[0])
    n = snprintf(tc_pdir, sizeof(tc_pdir), "%s", xrun_opt.cache_dir);
  else if (xdg && xdg[0] == '/')
    n = snprintf(tc_pdir, sizeof(tc_pdir), "%s/xrun", xdg);
  else if (home && home[0] == '/')
    n = snprintf(tc_pdir, sizeof(tc_pdir), "%s/.cache/xrun", home);
  tc_pdir_state = n > 0 && (size_t)n < sizeof(tc_pdir) ? 1 : -1;
  return tc_pdir_state > 0 ? tc_pdir : NULL;
}

/* Ours, and no one else may write it. */
static bool tc_pdir_trusted(const struct stat *st) {
  return st->st_uid == geteuid() && !(st->st_mode & (S_IWGRP | S_IWOTH));
}

/* Whether the directory may be read: -1 not looked at yet; looked at again
 * once this process has made it (tc_pdir_publish), or another may have
 * (tc_pdir_recheck). */
static int tc_pdir_readable = -1;

void tc_pdir_recheck(void) {
  if (!tc_pdir_readable)
    tc_pdir_readable = -1;
}

static bool tc_pdir_dir_ok(void) {
  struct stat st;
  return tc_pdir_path() && !stat(tc_pdir, &st) && S_ISDIR(st.st_mode) && tc_pdir_trusted(&st);
}

static void tc_pdir_file(char *buf, size_t size, uint64_t key) {
  snprintf(buf, size, "%s/%016llx" TC_PDIR_SUFFIX, tc_pdir, (unsigned long long)key);
}

const uint8_t *tc_pdir_open(uint64_t key, size_t *size) {
  char path[4200];
  struct stat st;
  if (tc_pdir_readable < 0)
    tc_pdir_readable = tc_pdir_dir_ok();
  if (!tc_pdir_readable)
    return NULL;
  tc_pdir_file(path, sizeof(path), key);
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0)
    return NULL;
  void *p = MAP_FAILED;
  if (!fstat(fd, &st) && S_ISREG(st.st_mode) && tc_pdir_trusted(&st) && st.st_size > 0 &&
      st.st_size < TC_PDIR_MAX_FILE) {
    /* with its pages present: a start loads blocks from all over the file,
     * and a fault into it cost as much as populating 16 pages (200 fork+execs
     * of echo from dash 0.94 of the time, python3 -c pass 0.94) */
    p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    futimens(fd, NULL); /* used now: the last to go when the cache is trimmed */
  }
  close(fd);
  if (p == MAP_FAILED)
    return NULL;
  *size = (size_t)st.st_size;
  return p;
}

/* mkdir -p with mode 0700 for the parts made. */
static bool tc_pdir_make(void) {
  char path[sizeof(tc_pdir)];
  snprintf(path, sizeof(path), "%s", tc_pdir);
  for (char *s = path + 1;; s++) {
    if (*s && *s != '/')
      continue;
    char c = *s;
    *s = 0;
    if (mkdir(path, 0700) && errno != EEXIST)
      return false;
    if (!(*s = c))
      break;
  }
  return tc_pdir_dir_ok();
}

static bool tc_pdir_write_all(int fd, const uint8_t *p, size_t n) {
  while (n) {
    ssize_t w = write(fd, p, n);
    if (w <= 0)
      return false;
    p += w, n -= (size_t)w;
  }
  return true;
}

struct tc_pdir_ent {
  char name[64];
  uint64_t bytes;
  struct timespec used;
};

static int tc_pdir_older(const void *a, const void *b) {
  const struct tc_pdir_ent *x = a, *y = b;
  if (x->used.tv_sec != y->used.tv_sec)
    return x->used.tv_sec < y->used.tv_sec ? -1 : 1;
  return x->used.tv_nsec < y->used.tv_nsec ? -1 : x->used.tv_nsec > y->used.tv_nsec;
}

/* The cache files (and with tmp, leftover temporary files), oldest use first. */
static size_t tc_pdir_list(struct tc_pdir_ent **out, bool tmp, uint64_t *total) {
  DIR *d = opendir(tc_pdir);
  size_t n = 0, cap = 0;
  struct dirent *de;
  *out = NULL, *total = 0;
  while (d && (de = readdir(d))) {
    size_t len = strlen(de->d_name);
    struct stat st;
    bool ours = len > 4 && len < 64 && !strcmp(de->d_name + len - 4, TC_PDIR_SUFFIX);
    if ((!ours && !(tmp && !strncmp(de->d_name, ".tmp-", 5))) ||
        fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) || !S_ISREG(st.st_mode))
      continue;
    if (n == cap) {
      struct tc_pdir_ent *grown = realloc(*out, (cap = cap ? 2 * cap : 64) * sizeof(*grown));
      if (!grown)
        break;
      *out = grown;
    }
    snprintf((*out)[n].name, sizeof((*out)[n].name), "%s", de->d_name);
    (*out)[n].bytes = (uint64_t)st.st_size;
    (*out)[n++].used = st.st_mtim;
    *total += (uint64_t)st.st_size;
  }
  if (d)
    closedir(d);
  qsort(*out, n, sizeof(**out), tc_pdir_older);
  return n;
}

/* Remove the least recently used files until the rest fit in the limit. */
static void tc_pdir_trim(void) {
  struct tc_pdir_ent *e;
  uint64_t total;
  size_t n = tc_pdir_list(&e, false, &total);
  for (size_t i = 0; i < n && total > xrun_opt.cache_max; i++) {
    char path[4200];
    snprintf(path, sizeof(path), "%s/%s", tc_pdir, e[i].name);
    if (!unlink(path))
      total -= e[i].bytes;
  }
  free(e);
}

void tc_pdir_publish(uint64_t key, const struct iovec *parts, int n_parts) {
  char tmp[4200], path[4200];
  size_t size = 0;
  for (int i = 0; i < n_parts; i++)
    size += parts[i].iov_len;
  if (!tc_pdir_path() || size > xrun_opt.cache_max || !tc_pdir_make())
    return;
  snprintf(tmp, sizeof(tmp), "%s/.tmp-%d-%016llx", tc_pdir, (int)getpid(), (unsigned long long)key);
  int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0)
    return;
  bool ok = true;
  for (int i = 0; i < n_parts && ok; i++)
    ok = tc_pdir_write_all(fd, parts[i].iov_base, parts[i].iov_len);
  ok = !close(fd) && ok;
  tc_pdir_file(path, sizeof(path), key);
  if (!ok || rename(tmp, path)) {
    unlink(tmp);
    return;
  }
  if (!tc_pdir_readable)
    tc_pdir_readable = -1;
  tc_pdir_trim();
}

int tc_pdir_writers_lock(int how) {
  char path[4200];
  if (!tc_pdir_path() || !tc_pdir_make())
    return -1;
  snprintf(path, sizeof(path), "%s/.writers", tc_pdir);
  int fd = open(path, O_RDONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  int high = fd >= 0 ? fcntl(fd, F_DUPFD_CLOEXEC, 3) : -1;
  if (fd >= 0)
    close(fd);
  if (high >= 0 && flock(high, how)) {
    close(high);
    return -1;
  }
  return high;
}

/* xrun --cache wait: until no saver (tc_bgsave.c) is writing into the directory. */
static int tc_pdir_wait(void) {
  int fd = tc_pdir_writers_lock(LOCK_EX);
  if (fd < 0) {
    fprintf(stderr, "xrun: cannot lock %s/.writers: %s\n", tc_pdir, strerror(errno));
    return 1;
  }
  close(fd);
  return 0;
}

void tc_pdir_remove(uint64_t key) {
  char path[4200];
  if (!tc_pdir_path())
    return;
  tc_pdir_file(path, sizeof(path), key);
  unlink(path);
}

/* xrun --cache stats|clear */
int tc_cache_command(const char *action) {
  struct tc_pdir_ent *e;
  uint64_t total;
  if (!tc_pdir_path()) {
    fprintf(stderr, "xrun: no cache directory: set --cache-dir, XRUN_CACHE or HOME\n");
    return XRUN_EXIT_USAGE;
  }
  if (action && !strcmp(action, "wait"))
    return tc_pdir_wait();
  bool clear = action && !strcmp(action, "clear");
  if (!clear && (!action || strcmp(action, "stats"))) {
    fprintf(stderr, "xrun: --cache takes stats, clear or wait, not '%s'\n", action ? action : "");
    return XRUN_EXIT_USAGE;
  }
  size_t n = tc_pdir_list(&e, clear, &total), removed = 0;
  if (clear) {
    for (size_t i = 0; i < n; i++) {
      char path[4200];
      snprintf(path, sizeof(path), "%s/%s", tc_pdir, e[i].name);
      removed += !unlink(path);
    }
    printf("%s: removed %zu files (%llu bytes)\n", tc_pdir, removed, (unsigned long long)total);
  } else {
    printf("directory   %s%s\n", tc_pdir,
           n && !tc_pdir_dir_ok() ? " (not used: writable by others or not ours)" : "");
    printf("files       %zu (one per guest program or library)\n", n);
    printf("size        %llu bytes of at most %llu\n", (unsigned long long)total,
           (unsigned long long)xrun_opt.cache_max);
  }
  free(e);
  return clear && removed < n ? 1 : 0;
}
