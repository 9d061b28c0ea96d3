#define _GNU_SOURCE
/* tc_stats.c - --stats: where the translator's time goes, printed on stderr
 * when the process ends: on the stderr xrun started with, kept on a
 * descriptor of xrun's own, as guests close theirs before they end
 * (coreutils' close_stdout) or point descriptor 2 elsewhere.
 *
 * Counting is a plain increment of a counter of the current thread
 * (tc_count), free of locks and shared cache lines, so it stays on even
 * without --stats; only the clock reads around translation depend on it.
 * Each running thread's counters are on a list; a thread that ends adds its
 * counters to tc_stats_gone. The sum at exit reads the counters of threads
 * still running without stopping them: a count may be a few behind.
 * Jumps that stay inside translated code (chained exits, jump-cache hits)
 * are not counted: that would cost an instruction in every block.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "tc_int.h"

__thread struct tc_stats_thread tc_tstats;
static struct tc_stats_thread *tc_stats_threads; /* under tc_stats_lock */
static struct tc_stats_thread tc_stats_gone;
static pthread_mutex_t tc_stats_lock = PTHREAD_MUTEX_INITIALIZER;
static int tc_stats_fd = 2;

void tc_stats_init(void) {
  int fd = xrun_fd_high(2);
  if (fd >= 0)
    tc_stats_fd = fd;
}

uint64_t tc_stats_clock(void) {
  struct timespec ts;
  if (!xrun_opt.stats)
    return 0;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void tc_stats_signal(void) {
  tc_count(TC_ST_SIGNALS, 1);
}

void tc_stats_thread_enter(void) {
  pthread_mutex_lock(&tc_stats_lock);
  tc_tstats.next = tc_stats_threads;
  tc_stats_threads = &tc_tstats;
  pthread_mutex_unlock(&tc_stats_lock);
}

void tc_stats_thread_leave(void) {
  pthread_mutex_lock(&tc_stats_lock);
  struct tc_stats_thread **pp = &tc_stats_threads;
  while (*pp && *pp != &tc_tstats)
    pp = &(*pp)->next;
  if (*pp)
    *pp = tc_tstats.next;
  for (int i = 0; i < TC_ST_COUNT; i++)
    tc_stats_gone.n[i] += tc_tstats.n[i];
  memset(&tc_tstats, 0, sizeof(tc_tstats));
  pthread_mutex_unlock(&tc_stats_lock);
}

/* In the child of a fork: only this thread is left, and the child counts
 * its own work from here. */
void tc_stats_forked(void) {
  pthread_mutex_init(&tc_stats_lock, NULL);
  memset(&tc_stats_gone, 0, sizeof(tc_stats_gone));
  memset(&tc_tstats, 0, sizeof(tc_tstats));
  tc_stats_threads = &tc_tstats;
}

/* Live threads' counters are read while they run; false when they could
 * not be (the list's lock stayed taken). */
static bool tc_stats_sum(uint64_t *n) {
  if (!tc_lock_briefly(&tc_stats_lock)) {
    memcpy(n, tc_stats_gone.n, sizeof(tc_stats_gone.n));
    return false;
  }
  memcpy(n, tc_stats_gone.n, sizeof(tc_stats_gone.n));
  for (const struct tc_stats_thread *t = tc_stats_threads; t; t = t->next)
    for (int i = 0; i < TC_ST_COUNT; i++)
      n[i] += __atomic_load_n(&t->n[i], __ATOMIC_RELAXED);
  pthread_mutex_unlock(&tc_stats_lock);
  return true;
}

/* a / b with one decimal, as "12.3" (integers: no host FP in tcache). */
static const char *tc_ratio(char *buf, size_t size, uint64_t a, uint64_t b) {
  uint64_t tenths = b ? (a * 10 + b / 2) / b : 0;
  snprintf(buf, size, "%llu.%llu", (unsigned long long)(tenths / 10),
           (unsigned long long)(tenths % 10));
  return buf;
}

static void tc_stats_why(int sig, char *buf, size_t size) {
  const char *abbrev = sig ? sigabbrev_np(sig) : NULL;
  if (!sig)
    snprintf(buf, size, "exit");
  else if (abbrev)
    snprintf(buf, size, "killed by SIG%s", abbrev);
  else
    snprintf(buf, size, "killed by signal %d", sig);
}

static int tc_stats_format(char *buf, size_t size, const uint64_t *n, const char *why) {
  char r[3][32];
  uint64_t us = n[TC_ST_XLATE_NS] / 1000;
  return snprintf(
      buf, size,
      "xrun --stats (pid %d, %s):\n"
      "  blocks translated   %llu (%llu guest instructions, %s per block)\n"
      "  host code           %llu bytes (%s per guest instruction)\n"
      "  translation time    %llu.%03llu ms (%s us per block)\n"
      "  persistent cache    %llu blocks loaded, %llu saved\n"
      "  interpreted         %llu block runs before translation (%llu decodes used again)\n"
      "  without the passes  %llu blocks (%llu translated again with them)\n"
      "  chained exits       %llu patched\n"
      "  run-loop entries    %llu; exits: %llu indirect (jump-cache miss), %llu direct "
      "unchained, %llu syscall, %llu trap, %llu exit request, %llu deopt, %llu code "
      "changed\n"
      "  run-loop lookups    %llu (%llu misses)\n"
      "  code reclaimed      %llu regions (%llu blocks dropped for room), %llu blocks "
      "invalidated\n"
      "  guest signals       %llu delivered to handlers\n",
      (int)getpid(), why, (unsigned long long)n[TC_ST_BLOCKS], (unsigned long long)n[TC_ST_INSNS],
      tc_ratio(r[0], 32, n[TC_ST_INSNS], n[TC_ST_BLOCKS]), (unsigned long long)n[TC_ST_CODE_BYTES],
      tc_ratio(r[1], 32, n[TC_ST_CODE_BYTES], n[TC_ST_INSNS]), (unsigned long long)(us / 1000),
      (unsigned long long)(us % 1000), tc_ratio(r[2], 32, us, n[TC_ST_BLOCKS]),
      (unsigned long long)n[TC_ST_DISK_LOADS], (unsigned long long)n[TC_ST_DISK_SAVES],
      (unsigned long long)n[TC_ST_INTERPRETED], (unsigned long long)n[TC_ST_KEPT_DECODES],
      (unsigned long long)n[TC_ST_QUICK], (unsigned long long)n[TC_ST_TIER_UPS],
      (unsigned long long)n[TC_ST_CHAINS], (unsigned long long)n[TC_ST_ENTERS],
      (unsigned long long)n[TC_ST_EXIT_INDIRECT], (unsigned long long)n[TC_ST_EXIT_DIRECT],
      (unsigned long long)n[TC_ST_EXIT_SYSCALL], (unsigned long long)n[TC_ST_EXIT_TRAP],
      (unsigned long long)n[TC_ST_EXIT_REQUEST], (unsigned long long)n[TC_ST_DEOPTS],
      (unsigned long long)n[TC_ST_EXIT_CODE_INVAL], (unsigned long long)n[TC_ST_LOOKUPS],
      (unsigned long long)n[TC_ST_MISSES], (unsigned long long)n[TC_ST_RECLAIMED],
      (unsigned long long)n[TC_ST_EVICTED], (unsigned long long)n[TC_ST_INVALIDATED],
      (unsigned long long)n[TC_ST_SIGNALS]);
}

/* One write(2), not stdio: this may run in a signal handler. */
void tc_stats_print(int sig) {
  uint64_t n[TC_ST_COUNT];
  char why[64], buf[1280];
  tc_stats_why(sig, why, sizeof(why));
  if (!tc_stats_sum(n))
    strcat(why, "; running threads not counted");
  int len = tc_stats_format(buf, sizeof(buf), n, why);
  if (len > (int)sizeof(buf) - 1)
    len = (int)sizeof(buf) - 1;
  for (int off = 0, w; off < len; off += w)
    if ((w = (int)write(tc_stats_fd, buf + off, len - off)) <= 0)
      break;
}
