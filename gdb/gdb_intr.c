#define _GNU_SOURCE
/* gdb_intr.c - gdb's interrupt (Ctrl-C: the byte 0x03 while the program
 * runs). A host thread of the stub's own waits for input from gdb while no
 * guest thread talks to it; on 0x03 it asks every guest thread to leave
 * translated code (exit_request, which translated code checks at back
 * edges), and the first to reach its run loop stops with SIGINT (the others
 * then stop with it, gdb_stop.c). A thread blocked in a system call hears
 * it only when the call returns. */
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>
#include "gdb_int.h"
#include "../tcache/tcache.h"

static volatile int gdb_interrupt;

static void gdb_kick(struct cpu *c, void *arg) {
  (void)arg;
  c->exit_request = 1;
}

/* Under gdb_lock (no conversation, the connection still ours): take a 0x03
 * waiting at the front of what gdb sent; gdb gone, the program runs on. */
static void gdb_intr_take(void) {
  char ch;
  ssize_t n = gdb.fd < 0 ? -1 : recv(gdb.fd, &ch, 1, MSG_PEEK | MSG_DONTWAIT);
  if (n == 0)
    gdb_detach();
  if (n != 1 || ch != 3)
    return;
  recv(gdb.fd, &ch, 1, MSG_DONTWAIT);
  __atomic_store_n(&gdb_interrupt, 1, __ATOMIC_RELEASE);
  tc_threads_each(gdb_kick, NULL);
}

static void *gdb_intr_main(void *arg) {
  (void)arg;
  tc_own_thread(); /* xrun's own thread: the guest may not unmap its stack */
  while (gdb_active) {
    struct pollfd p = {.fd = gdb.fd, .events = POLLIN};
    if (poll(&p, 1, 100) <= 0 || gdb_interrupt)
      continue;
    if (gdb_lock_try()) {
      if (gdb_active)
        gdb_intr_take();
      gdb_lock_release();
    }
    poll(NULL, 0, 10); /* a conversation is reading it, or it is not ours */
  }
  return NULL;
}

void gdb_intr_start(void) {
  pthread_t t;
  sigset_t all, old;
  sigfillset(&all); /* no guest signal is handled on this thread */
  pthread_sigmask(SIG_SETMASK, &all, &old);
  if (!pthread_create(&t, NULL, gdb_intr_main, NULL))
    pthread_detach(t);
  pthread_sigmask(SIG_SETMASK, &old, NULL);
}

bool gdb_intr_take_pending(void) {
  return __atomic_load_n(&gdb_interrupt, __ATOMIC_RELAXED) &&
         __atomic_exchange_n(&gdb_interrupt, 0, __ATOMIC_ACQ_REL);
}

void gdb_intr_answered(void) {
  __atomic_store_n(&gdb_interrupt, 0, __ATOMIC_RELEASE);
}
