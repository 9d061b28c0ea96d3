/* tc_pfile.c - which guest file each piece of guest code came from, and
 * which pages the guest maps shared at more than one address.
 *
 * The persistent cache (tc_persist.c) keeps a file's translations by their
 * place in the file, so that the next run finds them wherever the file is
 * mapped then. The loader and the syscall layer report each file mapping
 * that may hold code (tc_file_mapped) and every change to the address space
 * (tc_file_unmapped). Code in no reported mapping (anonymous memory, a JIT's
 * buffer) is simply not cached.
 *
 * A JIT may write code through one shared mapping of a file or memfd and run
 * it through another, doing its cache maintenance (IC IVAU) at either
 * address: on Arm that reaches the physical line, so every view of it. The
 * shared mappings are recorded too (tc_file_mapped_shared), and an IC IVAU
 * drops translations at each address of the same file pages
 * (tc_invalidate_code_line).
 *
 * A file is known by device, inode, size, modification time and status
 * change time; bias is what turns a place in the file into a guest address
 * (address = bias + file offset), the same for all of a file's segments.
 *
 * Code whose bytes are the file's as they were under that identity needs no
 * check of its guest bytes when it is loaded from the cache: its mapping was
 * never writable in this process (nor any shared mapping of the file), and
 * the file is settled: its status changed at least TC_SETTLED_NS before it
 * was first mapped. Any later change of its bytes (write, truncate, a file
 * put in its place) sets ctime to a later time than the one a cache file was
 * saved under; a change within the same clock tick as the last one (racy,
 * as git calls it) cannot be told apart, hence the wait. What is left
 * unseen: another process writing the file while this one runs it, which
 * already-translated code does not see either.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <mimalloc.h>
#include "tc_int.h"

enum { TC_PMAPS_MAX = 512 };
#define TC_SETTLED_NS (3 * 1000000000ll) /* more than any file system's time granularity */

struct tc_pmap {
  uint64_t start, end, bias;
  struct tc_pfile *file;
  bool shared;   /* MAP_SHARED: other mappings may alias its pages */
  bool writable; /* is or was: its bytes may be the guest's, not the file's */
};

static struct tc_pmap tc_pmaps[TC_PMAPS_MAX];
static size_t tc_n_pmaps;
static struct tc_pfile *tc_pfiles;
pthread_mutex_t tc_pfile_lock = PTHREAD_MUTEX_INITIALIZER;

struct tc_pfile *tc_pfile_list(void) {
  return tc_pfiles;
}

static uint64_t tc_ns(struct timespec t) {
  return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

/* Its status last changed at ctime, long enough ago. */
static bool tc_pfile_settled(uint64_t ctime) {
  struct timespec now;
  return !clock_gettime(CLOCK_REALTIME, &now) && tc_ns(now) > ctime &&
         tc_ns(now) - ctime > TC_SETTLED_NS;
}

static struct tc_pfile *tc_pfile_get(const struct stat *st) {
  uint64_t mtime = tc_ns(st->st_mtim), ctime = tc_ns(st->st_ctim);
  for (struct tc_pfile *f = tc_pfiles; f; f = f->next)
    if (f->dev == st->st_dev && f->ino == st->st_ino && f->size == (uint64_t)st->st_size &&
        f->mtime_ns == mtime && f->ctime_ns == ctime)
      return f;
  struct tc_pfile *f = mi_zalloc(sizeof(*f));
  if (!f)
    return NULL;
  *f = (struct tc_pfile){.dev = st->st_dev,
                         .ino = st->st_ino,
                         .size = (uint64_t)st->st_size,
                         .mtime_ns = mtime,
                         .ctime_ns = ctime,
                         .settled = tc_pfile_settled(ctime),
                         .next = tc_pfiles};
  tc_pfiles = f;
  return f;
}

/* Bumped whenever a mapping changes (tc_pfile_lock held): a thread's memo of
 * its last tc_pfile_find answer holds while it is unchanged. */
static uint64_t tc_pmap_gen = 1;
static __thread struct tc_pmap_memo {
  uint64_t gen;
  struct tc_pmap m;
} tc_pmap_memo;

/* Take [start, end) out of every mapping, splitting one that holds it. */
static void tc_pmap_cut(uint64_t start, uint64_t end) {
  __atomic_store_n(&tc_pmap_gen, tc_pmap_gen + 1, __ATOMIC_RELEASE);
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

static void tc_pmap_add(int fd, uint64_t start, uint64_t len, uint64_t offset, bool shared,
                        bool writable) {
  struct stat st;
  if (fstat(fd, &st) || !S_ISREG(st.st_mode))
    return;
  pthread_mutex_lock(&tc_pfile_lock);
  tc_pmap_cut(start, start + len);
  struct tc_pfile *f = tc_pfile_get(&st);
  if (f && tc_n_pmaps < TC_PMAPS_MAX)
    tc_pmaps[tc_n_pmaps++] =
        (struct tc_pmap){start, start + len, start - offset, f, shared, writable || shared};
  if (f && shared && writable) /* its private mappings see what is written through this one */
    __atomic_store_n(&f->written, true, __ATOMIC_RELAXED);
  pthread_mutex_unlock(&tc_pfile_lock);
}

void tc_file_mapped(int fd, uint64_t start, uint64_t len, uint64_t offset, bool writable) {
  if (tc_persist_wanted())
    tc_pmap_add(fd, start, len, offset, false, writable);
}

void tc_file_mapped_shared(int fd, uint64_t start, uint64_t len, uint64_t offset) {
  if (!xrun_opt.no_smc || tc_persist_wanted())
    tc_pmap_add(fd, start, len, offset, true, true);
}

void tc_file_protected(uint64_t start, uint64_t len, int prot) {
  if (!(prot & PROT_WRITE) || !tc_n_pmaps)
    return;
  pthread_mutex_lock(&tc_pfile_lock);
  __atomic_store_n(&tc_pmap_gen, tc_pmap_gen + 1, __ATOMIC_RELEASE); /* the memos copied it */
  for (size_t i = 0; i < tc_n_pmaps; i++) {
    struct tc_pmap *m = &tc_pmaps[i];
    if (m->start < start + len && start < m->end) {
      m->writable = true;
      if (m->shared)
        __atomic_store_n(&m->file->written, true, __ATOMIC_RELAXED);
    }
  }
  pthread_mutex_unlock(&tc_pfile_lock);
}

enum { TC_GONE_MAX = 16 };

static bool tc_pfile_mapped(const struct tc_pfile *f) {
  for (size_t i = 0; i < tc_n_pmaps; i++)
    if (tc_pmaps[i].file == f)
      return true;
  return false;
}

/* The files with a mapping in [start, end) that the cut leaves unmapped,
 * into gone (at most TC_GONE_MAX); returns how many (tc_pfile_lock held). */
static size_t tc_pmap_cut_files(uint64_t start, uint64_t end, struct tc_pfile **gone) {
  size_t n = 0;
  for (size_t i = 0; i < tc_n_pmaps && n < TC_GONE_MAX; i++) {
    struct tc_pfile *f = tc_pmaps[i].file;
    bool seen = false;
    for (size_t k = 0; k < n; k++)
      seen |= gone[k] == f;
    if (!seen && tc_pmaps[i].start < end && start < tc_pmaps[i].end)
      gone[n++] = f;
  }
  tc_pmap_cut(start, end);
  size_t kept = 0;
  for (size_t k = 0; k < n; k++)
    if (!tc_pfile_mapped(gone[k]))
      gone[kept++] = gone[k];
  return kept;
}

/* Before the translations of [start, start + len) are dropped: a file no
 * longer mapped anywhere (a library the guest dlclose'd) has its new
 * translations saved now, while they are still valid. */
void tc_file_unmapped(uint64_t start, uint64_t len) {
  struct tc_pfile *gone[TC_GONE_MAX];
  if (!tc_n_pmaps)
    return;
  pthread_mutex_lock(&tc_pfile_lock);
  size_t n = tc_pmap_cut_files(start, start + len, gone);
  pthread_mutex_unlock(&tc_pfile_lock);
  for (size_t k = 0; k < n; k++) /* tc_mutex comes before tc_pfile_lock */
    tc_persist_unmapped(gone[k]);
}

enum { TC_ALIASES_MAX = 16 };

/* The other shared mappings of the file pages behind [start, end), each as
 * the guest range to drop into out; returns how many (tc_pfile_lock held). */
static size_t tc_aliases_of(uint64_t start, uint64_t end, uint64_t (*out)[2]) {
  size_t n = 0;
  for (size_t i = 0; i < tc_n_pmaps; i++) {
    const struct tc_pmap *m = &tc_pmaps[i];
    if (!m->shared || m->end <= start || m->start >= end)
      continue;
    uint64_t lo = (start > m->start ? start : m->start) - m->bias; /* file offsets */
    uint64_t hi = (end < m->end ? end : m->end) - m->bias;
    for (size_t k = 0; k < tc_n_pmaps && n < TC_ALIASES_MAX; k++) {
      const struct tc_pmap *a = &tc_pmaps[k];
      if (k == i || !a->shared || a->file->dev != m->file->dev || a->file->ino != m->file->ino)
        continue;
      uint64_t a_lo = a->start - a->bias, a_hi = a->end - a->bias;
      if (a_hi <= lo || a_lo >= hi)
        continue;
      out[n][0] = a->bias + (lo > a_lo ? lo : a_lo);
      out[n++][1] = a->bias + (hi < a_hi ? hi : a_hi);
    }
  }
  return n;
}

void tc_invalidate_code_line(uint64_t start, uint64_t len) {
  uint64_t aliases[TC_ALIASES_MAX][2];
  size_t n = 0;
  tc_invalidate(start, len);
  if (!tc_n_pmaps)
    return;
  pthread_mutex_lock(&tc_pfile_lock);
  n = tc_aliases_of(start, start + len, aliases);
  pthread_mutex_unlock(&tc_pfile_lock);
  for (size_t i = 0; i < n; i++) /* tc_invalidate takes tc_mutex: not under tc_pfile_lock */
    tc_invalidate(aliases[i][0], aliases[i][1] - aliases[i][0]);
}

struct tc_pfile *tc_pfile_find(uint64_t pc, uint64_t *bias, uint64_t *end, bool *as_file) {
  struct tc_pmap_memo *memo = &tc_pmap_memo;
  if (memo->gen != __atomic_load_n(&tc_pmap_gen, __ATOMIC_ACQUIRE) || pc < memo->m.start ||
      pc >= memo->m.end) {
    pthread_mutex_lock(&tc_pfile_lock);
    memo->m = (struct tc_pmap){0};
    for (size_t i = 0; i < tc_n_pmaps; i++)
      if (tc_pmaps[i].start <= pc && pc < tc_pmaps[i].end) {
        memo->m = tc_pmaps[i];
        break;
      }
    memo->gen = tc_pmap_gen;
    pthread_mutex_unlock(&tc_pfile_lock);
  }
  *bias = memo->m.bias;
  *end = memo->m.end;
  *as_file = memo->m.file && !memo->m.writable && memo->m.file->settled &&
             !__atomic_load_n(&memo->m.file->written, __ATOMIC_RELAXED);
  return memo->m.file;
}
