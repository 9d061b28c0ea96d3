/* tc_diag.c - the end of a process for --perfmap and --stats: the perf map
 * is written out and the statistics printed once, however the guest ends.
 * exit_group and a fatal guest signal end the process with _exit or the
 * signal itself, so the syscall layer calls tc_diag_exit; a return from
 * main (the last thread, or an xrun error after start) comes through atexit.
 * A forked child starts its own map and its own counts.
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
}

void tc_diag_init(void) {
  if (!xrun_opt.perfmap && !xrun_opt.stats)
    return;
  atexit(tc_diag_atexit);
  pthread_atfork(NULL, NULL, tc_diag_forked);
}

void tc_diag_exit(int sig) {
  static int done;
  if (__atomic_exchange_n(&done, 1, __ATOMIC_ACQ_REL))
    return;
  tc_perfmap_flush(true);
  if (xrun_opt.stats)
    tc_stats_print(sig);
}

void tc_diag_exec(void) {
  tc_perfmap_flush(false);
}
