/* tc_pfile.c - which guest file each piece of guest code came from.
 *
 * The persistent cache (tc_persist.c) keeps a file's translations by their
 * place in the file, so that the next run finds them wherever the file is
 * mapped then. The loader and the syscall layer report each file mapping
 * that may hold code (tc_file_mapped) and every change to the address space
 * (tc_file_unmapped). Code in no reported mapping (anonymous memory, a JIT's
 * buffer) is simply not cached.
 *
 * A file is known by device, inode, size and modification time; bias is
 * what turns a place in the file into a guest address (address = bias +
 * file offset), the same for all of a file's segments.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdlib.h>
#include <sys/stat.h>
#include "tc_int.h"

enum { TC_PMAPS_MAX = 512 };

struct tc_pmap {
  uint64_t start, end, bias;
  struct tc_pfile *file;
};

static struct tc_pmap tc_pmaps[TC_PMAPS_MAX];
static size_t tc_n_pmaps;
static struct tc_pfile *tc_pfiles;
pthread_mutex_t tc_pfile_lock = PTHREAD_MUTEX_INITIALIZER;

struct tc_pfile *tc_pfile_list(void) {
  return tc_pfiles;
}

static struct tc_pfile *tc_pfile_get(const struct stat *st) {
  uint64_t mtime = (uint64_t)st->st_mtim.tv_sec * 1000000000u + (uint64_t)st->st_mtim.tv_nsec;
  for (struct tc_pfile *f = tc_pfiles; f; f = f->next)
    if (f->dev == st->st_dev && f->ino == st->st_ino && f->size == (uint64_t)st->st_size &&
        f->mtime_ns == mtime)
      return f;
  struct tc_pfile *f = calloc(1, sizeof(*f));
  if (!f)
    return NULL;
  *f = (struct tc_pfile){.dev = st->st_dev,
                         .ino = st->st_ino,
                         .size = (uint64_t)st->st_size,
                         .mtime_ns = mtime,
                         .next = tc_pfiles};
  tc_pfiles = f;
  return f;
}

/* Take [start, end) out of every mapping, splitting one that holds it. */
static void tc_pmap_cut(uint64_t start, uint64_t end) {
  for (size_t i = 0; i < tc_n_pmaps; i++) {
    struct tc_pmap *m = &tc_pmaps[i];
    if (m->end <= start || m->start >= end)
      continue;
    if (m->start < start && m->end > end && tc_n_pmaps < TC_PMAPS_MAX) {
      tc_pmaps[tc_n_pmaps] = *m;
      tc_pmaps[tc_n_pmaps++].start = end;
      m->end = start;
    } else if (m->start < start) {
      m->end = start;
    } else if (m->end > end) {
      m->start = end;
    } else {
      tc_pmaps[i--] = tc_pmaps[--tc_n_pmaps];
    }
  }
}

void tc_file_mapped(int fd, uint64_t start, uint64_t len, uint64_t offset) {
  struct stat st;
  if (!tc_persist_wanted() || fstat(fd, &st) || !S_ISREG(st.st_mode))
    return;
  pthread_mutex_lock(&tc_pfile_lock);
  tc_pmap_cut(start, start + len);
  struct tc_pfile *f = tc_pfile_get(&st);
  if (f && tc_n_pmaps < TC_PMAPS_MAX)
    tc_pmaps[tc_n_pmaps++] = (struct tc_pmap){start, start + len, start - offset, f};
  pthread_mutex_unlock(&tc_pfile_lock);
}

void tc_file_unmapped(uint64_t start, uint64_t len) {
  if (!tc_n_pmaps)
    return;
  pthread_mutex_lock(&tc_pfile_lock);
  tc_pmap_cut(start, start + len);
  pthread_mutex_unlock(&tc_pfile_lock);
}

struct tc_pfile *tc_pfile_find(uint64_t pc, uint64_t *bias, uint64_t *end) {
  struct tc_pfile *f = NULL;
  pthread_mutex_lock(&tc_pfile_lock);
  for (size_t i = 0; i < tc_n_pmaps; i++)
    if (tc_pmaps[i].start <= pc && pc < tc_pmaps[i].end) {
      f = tc_pmaps[i].file;
      *bias = tc_pmaps[i].bias;
      *end = tc_pmaps[i].end;
      break;
    }
  pthread_mutex_unlock(&tc_pfile_lock);
  return f;
}
