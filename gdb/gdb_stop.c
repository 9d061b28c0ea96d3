#define _GNU_SOURCE
/* gdb_stop.c - stopping for gdb and resuming: the first stop before the
 * program runs, breakpoints and steps, guest signals, the end of the
 * process, and detaching. One thread talks to gdb at a time (gdb_lock);
 * the others run on, and wait there if they stop meanwhile. A thread talks
 * to gdb offline (gc.h): it holds no translated code while gdb thinks. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "gdb_int.h"
#include "../gc/gc.h"
#include "../tcache/tcache.h"

volatile bool gdb_active;
__thread int gdb_stepping;
__thread unsigned gdb_stops;
static pthread_mutex_t gdb_lock = PTHREAD_MUTEX_INITIALIZER;
/* This thread keeps gdb_lock through its single step, or a continue of it
 * alone, as gdb wants the other threads stopped meanwhile: one that stops
 * waits for it to stop again, so that its stop reaches gdb first. (gdb
 * steps over a breakpoint so where it single-steps in software, as for
 * riscv64: a breakpoint at the next instruction, and vCont;c:tid.) */
static __thread bool gdb_holding;

long gdb_tid(const struct cpu *c) {
  return c->tid ? c->tid : (long)getpid();
}

struct gdb_find {
  long tid;
  struct cpu *found;
};
static void gdb_find_one(struct cpu *c, void *arg) {
  struct gdb_find *f = arg;
  if (gdb_tid(c) == f->tid)
    f->found = c;
}

struct cpu *gdb_thread(long tid) {
  struct gdb_find f = {tid, NULL};
  if (gdb.stopped && gdb_tid(gdb.stopped) == tid)
    return gdb.stopped;
  tc_threads_each(gdb_find_one, &f);
  return f.found;
}

void gdb_send_stop(void) {
  char r[48];
  snprintf(r, sizeof(r), "T%02xthread:%lx;", gdb.stop_gsig, gdb_tid(gdb.stopped));
  gdb_send_str(r);
}

/* D, or the connection lost: breakpoints go, the program runs on alone. */
void gdb_detach(void) {
  gdb_active = false;
  gdb_close();
  gdb_break_clear();
}

static enum gdb_resume gdb_serve(void) {
  static char pkt[GDB_PKT + 1];
  for (;;) {
    int n = gdb_recv(pkt, sizeof(pkt));
    if (n < 0)
      return GDB_DETACH;
    enum gdb_resume r = gdb_command(pkt, (size_t)n);
    if (r != GDB_SERVE)
      return r;
  }
}

/* c stopped with gdb's signal gsig: tell gdb (unless it will ask, with '?')
 * and serve it until it resumes. Returns the Linux signal it resumes with
 * (0: none), or -1 when no debugger is there any more (or, with at_break,
 * no breakpoint at c->pc any more once it is c's turn). */
static int gdb_stop(struct cpu *c, int gsig, bool announce, bool at_break) {
  bool online = gc_self.seen != 0;
  if (online)
    gc_offline();
  if (!gdb_holding)
    pthread_mutex_lock(&gdb_lock);
  gdb_holding = false;
  int sig = -1;
  if (gdb_active && (!at_break || gdb_break_at(c->pc))) {
    gdb.stopped = gdb.selected = c;
    gdb.stop_gsig = gsig;
    gdb.resume_sig = 0;
    gdb.others_stay = false;
    if (announce)
      gdb_send_stop();
    enum gdb_resume r = gdb_serve();
    gdb_stops++;
    gdb_stepping = r == GDB_STEP;
    gdb_holding = (r == GDB_STEP || r == GDB_CONTINUE) && gdb.others_stay;
    if (r == GDB_DETACH)
      gdb_detach();
    sig = gdb.resume_sig;
    gdb.stopped = gdb.selected = NULL;
  }
  if (!gdb_holding)
    pthread_mutex_unlock(&gdb_lock);
  if (online)
    gc_online();
  return sig;
}

/* The thread ends, perhaps in a step or a continue of it alone: the others
 * may talk to gdb again. */
void gdb_thread_exit(void) {
  gdb_stepping = 0;
  if (gdb_holding)
    pthread_mutex_unlock(&gdb_lock);
  gdb_holding = false;
}

/* Not in the forked child: its parent keeps the connection. */
static void gdb_forked(void) {
  gdb_active = false;
  gdb_stepping = 0;
  if (gdb.fd >= 0)
    close(gdb.fd);
  gdb.fd = -1;
  gdb_break_clear();
}

void gdb_attach(struct cpu *c, uint64_t auxv, uint64_t auxv_bytes) {
  gdb.guest = c->guest->gdb;
  gdb.auxv = auxv;
  gdb.auxv_bytes = auxv_bytes;
  pthread_atfork(NULL, NULL, gdb_forked);
  if (gdb_accept())
    return;
  gdb_active = true;
  gdb_intr_start();
  gdb_stop(c, gdb_sig_from_host(SIGTRAP), false, false);
}

bool gdb_lock_try(void) {
  return !pthread_mutex_trylock(&gdb_lock);
}

void gdb_lock_release(void) {
  pthread_mutex_unlock(&gdb_lock);
}

void gdb_stopped_by(struct cpu *c, int sig) {
  gdb_stop(c, gdb_sig_from_host(sig), true, false);
}

int gdb_stopped(struct cpu *c) {
  int sig = gdb_stop(c, gdb_sig_from_host(SIGTRAP), true, false);
  return sig < 0 ? 0 : sig;
}

int gdb_breakpoint_hit(struct cpu *c) {
  int sig = gdb_stop(c, gdb_sig_from_host(SIGTRAP), true, true);
  return sig < 0 ? 0 : sig;
}

int gdb_signal(struct cpu *c, int sig) {
  int r = gdb_stop(c, gdb_sig_from_host(sig), true, false);
  return r < 0 ? sig : r;
}

void gdb_exit(int status, int sig) {
  char r[8];
  if (!gdb_active)
    return;
  if (!gdb_holding) /* after another thread's conversation */
    pthread_mutex_lock(&gdb_lock);
  gdb_holding = false;
  if (gdb_active) {
    gdb_active = false;
    snprintf(r, sizeof(r), sig ? "X%02x" : "W%02x", sig ? gdb_sig_from_host(sig) : status & 0xff);
    gdb_send_str(r);
    gdb_close();
  }
  pthread_mutex_unlock(&gdb_lock);
}
