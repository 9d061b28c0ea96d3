/* tc_exec.c - guest memory the guest mapped or protected without PROT_EXEC:
 * a block there is not translated, the guest gets SIGSEGV with SEGV_ACCERR,
 * as an instruction fetch from such a page faults on arm64.
 *
 * The syscall layer reports every mmap, mprotect, munmap and mremap it makes
 * (tc_exec_set); ranges it never reported (the loader's segments, xrun's own
 * memory) count as executable, so a gap here can only let code run, never
 * stop code that may run. Sorted, disjoint, page-aligned ranges.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <mimalloc.h>
#include "tc_int.h"

struct tc_range {
  uint64_t start, end;
};

static struct tc_range *tc_noexec;
static size_t tc_n_noexec, tc_cap_noexec;
pthread_mutex_t tc_exec_lock = PTHREAD_MUTEX_INITIALIZER;
/* Bumped whenever the ranges change (tc_exec_lock held). A thread remembers
 * its last answer of tc_exec_denied and the addresses [lo, hi) it holds for,
 * good while the ranges are unchanged: blocks are looked up mostly a page at
 * a time. */
static uint64_t tc_exec_gen = 1;
static __thread struct tc_exec_memo {
  uint64_t gen, lo, hi;
  int denied;
} tc_exec_memo;

/* Index of the first range that ends after addr. */
static size_t tc_exec_find(uint64_t addr) {
  size_t lo = 0, hi = tc_n_noexec;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (tc_noexec[mid].end <= addr)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

static int tc_exec_reserve(size_t n) {
  if (n <= tc_cap_noexec)
    return 0;
  size_t cap = tc_cap_noexec ? 2 * tc_cap_noexec : 64;
  while (cap < n)
    cap *= 2;
  struct tc_range *grown = mi_reallocn(tc_noexec, cap, sizeof(*grown));
  if (!grown)
    return -1;
  tc_noexec = grown, tc_cap_noexec = cap;
  return 0;
}

/* Take [start, end) out of every range, splitting one that holds it. */
static int tc_exec_cut(uint64_t start, uint64_t end) {
  size_t i = tc_exec_find(start);
  if (i < tc_n_noexec && tc_noexec[i].start < start && tc_noexec[i].end > end) {
    if (tc_exec_reserve(tc_n_noexec + 1))
      return -1;
    memmove(&tc_noexec[i + 1], &tc_noexec[i], (tc_n_noexec - i) * sizeof(*tc_noexec));
    tc_n_noexec++;
    tc_noexec[i].end = start;
    tc_noexec[i + 1].start = end;
    return 0;
  }
  if (i < tc_n_noexec && tc_noexec[i].start < start)
    tc_noexec[i++].end = start;
  size_t j = i;
  while (j < tc_n_noexec && tc_noexec[j].end <= end)
    j++;
  if (j < tc_n_noexec && tc_noexec[j].start < end)
    tc_noexec[j].start = end;
  memmove(&tc_noexec[i], &tc_noexec[j], (tc_n_noexec - j) * sizeof(*tc_noexec));
  tc_n_noexec -= j - i;
  return 0;
}

/* Add [start, end), which no range overlaps, joining its neighbours. */
static void tc_exec_add(uint64_t start, uint64_t end) {
  size_t i = tc_exec_find(start);
  int join_prev = i > 0 && tc_noexec[i - 1].end == start;
  int join_next = i < tc_n_noexec && tc_noexec[i].start == end;
  if (join_prev && join_next) {
    tc_noexec[i - 1].end = tc_noexec[i].end;
    memmove(&tc_noexec[i], &tc_noexec[i + 1], (tc_n_noexec - i - 1) * sizeof(*tc_noexec));
    tc_n_noexec--;
  } else if (join_prev) {
    tc_noexec[i - 1].end = end;
  } else if (join_next) {
    tc_noexec[i].start = start;
  } else if (!tc_exec_reserve(tc_n_noexec + 1)) {
    memmove(&tc_noexec[i + 1], &tc_noexec[i], (tc_n_noexec - i) * sizeof(*tc_noexec));
    tc_noexec[i] = (struct tc_range){start, end};
    tc_n_noexec++;
  }
}

void tc_exec_set(uint64_t start, uint64_t len, int exec) {
  uint64_t end = (start + len + 4095) & ~(uint64_t)4095;
  start &= ~(uint64_t)4095;
  if (end <= start)
    return;
  pthread_mutex_lock(&tc_exec_lock);
  __atomic_store_n(&tc_exec_gen, tc_exec_gen + 1, __ATOMIC_RELEASE);
  if (tc_exec_cut(start, end) == 0 && !exec)
    tc_exec_add(start, end);
  pthread_mutex_unlock(&tc_exec_lock);
}

int tc_exec_denied(uint64_t pc) {
  struct tc_exec_memo *m = &tc_exec_memo;
  if (m->gen == __atomic_load_n(&tc_exec_gen, __ATOMIC_ACQUIRE) && pc >= m->lo && pc < m->hi)
    return m->denied;
  pthread_mutex_lock(&tc_exec_lock);
  size_t i = tc_exec_find(pc);
  m->denied = i < tc_n_noexec && tc_noexec[i].start <= pc;
  m->lo = m->denied ? tc_noexec[i].start : i ? tc_noexec[i - 1].end : 0;
  m->hi = i == tc_n_noexec ? UINT64_MAX : m->denied ? tc_noexec[i].end : tc_noexec[i].start;
  m->gen = tc_exec_gen;
  pthread_mutex_unlock(&tc_exec_lock);
  return m->denied;
}
