/* tc_diag.c - the end of a process for --perfmap and --stats: the perf map
 * is written out and the statistics printed once, however the guest ends.
 * exit_group and a fatal guest signal end the process with _exit or the
 * signal itself, so the syscall layer calls tc_diag_exit; a return from
 * main (the last thread, or an xrun error after start) comes through atexit.
 * A forked child starts its own map and its own counts. The persistent
 * cache is written at exit and exec too (not at a fatal signal: that may
 * come in a signal handler).
 */
#include <pthread.h>
#include <stdlib.h>
#include "tc_int.h"

static void tc_diag_atexit(void) {
  tc_diag_exit(0);
}

static void tc_diag_forked(void) {
  tc_perfmap_forked();
  tc_stats_forked();
  tc_persist_forked();
}

/* The persistent cache gets this process's new translations. */
static void tc_diag_save(void) {
  if (!tc_lock_briefly(&tc_mutex))
    return;
  tc_persist_save();
  pthread_mutex_unlock(&tc_mutex);
}

void tc_diag_init(void) {
  if (!xrun_opt.perfmap && !xrun_opt.stats && !tc_persist_wanted())
    return;
  if (xrun_opt.stats)
    tc_stats_init();
  atexit(tc_diag_atexit);
  pthread_atfork(NULL, NULL, tc_diag_forked);
}

static void tc_diag_end(int sig, bool detach) {
  static int done;
  if (__atomic_exchange_n(&done, 1, __ATOMIC_ACQ_REL))
    return;
  if (!sig && !(detach && tc_bgsave_start())) /* not from a signal handler */
    tc_diag_save();
  tc_perfmap_flush(true);
  if (xrun_opt.stats)
    tc_stats_print(sig);
}

void tc_diag_exit(int sig) {
  tc_diag_end(sig, false);
}

void tc_diag_exit_group(void) {
  tc_diag_end(0, true);
}

void tc_diag_exec(void) {
  tc_diag_save();
  tc_perfmap_flush(false);
}
