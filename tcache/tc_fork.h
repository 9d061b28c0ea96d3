/* tc_fork.h - locks that a fork must take first. */
#ifndef TC_FORK_H
#define TC_FORK_H

#include <pthread.h>

/* m guards a small table and no other lock is taken while it is held: a
 * fork takes it too (after the translator's own), so the child never
 * inherits it locked by a thread it does not have (tc_threads.c). */
void tc_fork_lock_add(pthread_mutex_t *m);

#endif
