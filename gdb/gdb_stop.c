#define _GNU_SOURCE
/* gdb_stop.c - stopping for gdb and resuming, all-stop as gdb's remote
 * protocol wants it: a stop reply says every thread is stopped.
 *
 * The thread that stops (a breakpoint, the end of its step, a signal, gdb's
 * interrupt) becomes the reporter: it sets gdb_halting, asks every other
 * guest thread to leave translated code (exit_request) and waits until none
 * is running guest code: each is parked at a block boundary (gdb_boundary),
 * in a system call (which it may go on waiting in: it parks on its way out,
 * gdb_syscall_leave), or waiting for its own stop to be reported. Only then
 * does gdb hear of the stop, and it talks to the reporter until it resumes.
 *
 * Each resume records what every thread is to do (gdb_resume_*): continue,
 * step, or stay stopped (vCont;s:TID alone, as gdb steps one thread over a
 * breakpoint). A thread that stopped while another's stop was reported is
 * a waiter; at a resume that would run it, the first waiter's stop is
 * reported instead, before any thread runs (gdb sees it as a new stop) --
 * unless it was a breakpoint gdb has removed since, which is forgotten: the
 * thread runs on from there, translated afresh.
 *
 * Locks: gdb_stop_lock guards the stop's state (reporter, waiters, the
 * threads' actions) and is held only briefly; gdb_lock is the connection,
 * held through a conversation, and taken before gdb_stop_lock when both
 * are. A thread that waits here is offline (gc.h): it holds no translated
 * code. */
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "gdb_int.h"
#include "../gc/gc.h"
#include "../tcache/tcache.h"

volatile bool gdb_active;
__thread int gdb_stepping;
__thread unsigned gdb_stops;
static pthread_mutex_t gdb_lock = PTHREAD_MUTEX_INITIALIZER;

/* What stopped a thread. */
enum gdb_event {
  GDB_EV_STOP,      /* a step ended, a signal: always reported */
  GDB_EV_BREAK,     /* a breakpoint: not reported if gdb removed it meanwhile */
  GDB_EV_INTERRUPT, /* gdb's 0x03: answered by any stop */
  GDB_EV_EXIT,      /* the process ends */
};

/* A thread whose stop waits for the one being reported. */
struct gdb_waiter {
  struct cpu *c;
  enum gdb_event ev;
  bool turn;    /* its stop is reported now: it is the reporter */
  bool dropped; /* its breakpoint went meanwhile, or gdb did: nothing to report */
  struct gdb_waiter *next;
};

static pthread_mutex_t gdb_stop_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gdb_stop_cond = PTHREAD_COND_INITIALIZER;
/* Nonzero while some threads are to stay stopped: a reporter is there, or
 * gdb resumed only some. Read without the lock on the fast paths. */
static volatile int gdb_halting;
static struct cpu *gdb_reporter; /* the thread whose stop is reported */
static struct gdb_waiter *gdb_waiters, **gdb_waiters_tail = &gdb_waiters;
/* The number of gdb's last resume (struct cpu_debug.gen), and the action
 * of a thread it did not name. */
static volatile uint32_t gdb_gen = 1;
static enum gdb_action gdb_others = GDB_ACT_STAY;
/* The process ended with gdb told: nothing runs any more. */
static bool gdb_ended;

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

/* ---- the threads' actions (gdb_stop_lock held) ---- */

static enum gdb_action gdb_action_of(const struct cpu *c) {
  return c->debug.gen == gdb_gen ? (enum gdb_action)c->debug.action : gdb_others;
}

/* A new stop: every thread is to stay stopped, c reports. */
static void gdb_become_reporter(struct cpu *c) {
  gdb_reporter = c;
  gdb_gen++;
  gdb_others = GDB_ACT_STAY;
  __atomic_store_n(&gdb_halting, 1, __ATOMIC_SEQ_CST);
}

static bool gdb_must_stay(const struct cpu *c) {
  if (gdb_ended)
    return true;
  if (!gdb_active || !gdb_halting)
    return false;
  return gdb_reporter ? gdb_reporter != c : gdb_action_of(c) == GDB_ACT_STAY;
}

/* c runs on, as gdb's last resume asked: gdb_stepping for a step, and the
 * signal to deliver (0: none). Taken once per resume. */
static int gdb_take_action(struct cpu *c) {
  enum gdb_action a = gdb_action_of(c);
  int sig = c->debug.gen == gdb_gen ? c->debug.sig : 0;
  if (!gdb_active)
    gdb_stepping = 0;
  if (!gdb_active || (c->debug.gen == gdb_gen && c->debug.taken))
    return 0;
  gdb_stepping = a == GDB_ACT_STEP;
  c->debug = (struct cpu_debug){c->debug.where, (uint8_t)a, 0, true, gdb_gen};
  return sig;
}

/* Park c while it is to stay stopped; then it takes its action. */
static int gdb_run_on(struct cpu *c) {
  if (gdb_must_stay(c)) {
    uint8_t where = c->debug.where;
    __atomic_store_n(&c->debug.where, GDB_PARKED, __ATOMIC_SEQ_CST);
    do
      pthread_cond_wait(&gdb_stop_cond, &gdb_stop_lock);
    while (gdb_must_stay(c));
    __atomic_store_n(&c->debug.where, where, __ATOMIC_SEQ_CST);
  }
  return gdb_take_action(c);
}

static void gdb_waiter_unlink(struct gdb_waiter *w) {
  struct gdb_waiter **pp = &gdb_waiters;
  while (*pp && *pp != w)
    pp = &(*pp)->next;
  if (!*pp)
    return;
  *pp = w->next;
  if (!*pp)
    gdb_waiters_tail = pp;
}

/* gdb resumes (the reporter is done): the first waiter it would run
 * reports next, before anything runs; else the threads run as recorded. */
static void gdb_resume(void) {
  gdb_reporter = NULL;
  for (struct gdb_waiter *w = gdb_waiters, *next; w; w = next) {
    next = w->next;
    if (gdb_action_of(w->c) == GDB_ACT_STAY)
      continue;
    gdb_waiter_unlink(w);
    if (w->ev == GDB_EV_BREAK && !gdb_break_at(w->c->pc)) {
      w->dropped = true;
      continue;
    }
    w->turn = true;
    gdb_become_reporter(w->c);
    break;
  }
  if (!gdb_reporter)
    __atomic_store_n(&gdb_halting, gdb_others == GDB_ACT_STAY, __ATOMIC_SEQ_CST);
  pthread_cond_broadcast(&gdb_stop_cond);
}

/* ---- stopping ---- */

/* Whether c's event ev is reported now, c the reporter (gdb_stop_lock
 * held): at once when no other stop is; else c waits its turn. An interrupt
 * is answered by the stop in progress. */
static bool gdb_turn(struct cpu *c, enum gdb_event ev) {
  if (!gdb_active || gdb_ended || (ev == GDB_EV_BREAK && !gdb_break_at(c->pc)))
    return false;
  if (!gdb_reporter && (!gdb_halting || gdb_action_of(c) != GDB_ACT_STAY)) {
    gdb_become_reporter(c);
    return true;
  }
  if (ev == GDB_EV_INTERRUPT)
    return false;
  struct gdb_waiter w = {.c = c, .ev = ev};
  *gdb_waiters_tail = &w;
  gdb_waiters_tail = &w.next;
  uint8_t where = c->debug.where;
  __atomic_store_n(&c->debug.where, GDB_PARKED, __ATOMIC_SEQ_CST);
  while (gdb_active && !w.turn && !w.dropped)
    pthread_cond_wait(&gdb_stop_cond, &gdb_stop_lock);
  __atomic_store_n(&c->debug.where, where, __ATOMIC_SEQ_CST);
  if (!w.turn && !w.dropped) /* gdb is gone: still in the list */
    gdb_waiter_unlink(&w);
  return w.turn;
}

struct gdb_halt {
  const struct cpu *self;
  bool running;
};
static void gdb_halt_one(struct cpu *c, void *arg) {
  struct gdb_halt *h = arg;
  if (c == h->self || __atomic_load_n(&c->debug.where, __ATOMIC_SEQ_CST) != GDB_RUNNING)
    return;
  c->exit_request = 1;
  h->running = true;
}

/* The reporter waits until no other thread runs guest code: each comes to
 * a block boundary, or is in a system call (gdb_halting was set first: a
 * thread leaving one sees it, or is seen running here). */
static void gdb_halt_others(const struct cpu *self) {
  for (unsigned spins = 0;; spins++) {
    struct gdb_halt h = {self, false};
    tc_threads_each(gdb_halt_one, &h);
    if (!h.running)
      return;
    if (spins < 16)
      sched_yield();
    else
      nanosleep(&(struct timespec){0, 50000}, NULL);
  }
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

/* The reporter c talks to gdb (tell it of the stop unless it will ask,
 * with '?') until it resumes. */
static void gdb_report(struct cpu *c, int gsig, bool announce) {
  pthread_mutex_lock(&gdb_lock);
  if (gdb_active) {
    gdb.stopped = gdb.selected = c;
    gdb.stop_gsig = gsig;
    if (announce) {
      gdb_intr_answered();
      gdb_send_stop();
    }
    enum gdb_resume r = gdb_serve();
    gdb_stops++;
    if (r == GDB_DETACH)
      gdb_detach();
    gdb.stopped = gdb.selected = NULL;
  }
  pthread_mutex_unlock(&gdb_lock);
}

/* c stopped with gdb's signal gsig for ev: report it when its turn comes,
 * with every other thread stopped, and run on as gdb resumes c. Returns the
 * Linux signal gdb resumes c with (0: none), or -1 when nothing was
 * reported (no debugger any more, a breakpoint gdb removed meanwhile, an
 * interrupt another stop answered). */
static int gdb_stop(struct cpu *c, int gsig, enum gdb_event ev, bool announce) {
  bool online = gc_self.seen != 0;
  if (online)
    gc_offline();
  pthread_mutex_lock(&gdb_stop_lock);
  bool reported = gdb_turn(c, ev);
  if (reported) {
    pthread_mutex_unlock(&gdb_stop_lock);
    gdb_halt_others(c);
    gdb_report(c, gsig, announce);
    pthread_mutex_lock(&gdb_stop_lock);
    if (gdb_active)
      gdb_resume();
  }
  int sig = gdb_run_on(c);
  pthread_mutex_unlock(&gdb_stop_lock);
  if (online)
    gc_online();
  return reported || sig ? sig : -1;
}

/* gdb resumed c (by name: a step, a signal) and c has not seen it yet;
 * read without the lock, a hint for the fast paths. */
static bool gdb_untaken(const struct cpu *c) {
  return c->debug.gen == gdb_gen && !c->debug.taken;
}

/* Stop here if c is to stay stopped (its action taken either way). */
static int gdb_park_point(struct cpu *c) {
  bool online = gc_self.seen != 0;
  if (online)
    gc_offline();
  pthread_mutex_lock(&gdb_stop_lock);
  int sig = gdb_run_on(c);
  pthread_mutex_unlock(&gdb_stop_lock);
  if (online)
    gc_online();
  return sig;
}

int gdb_boundary(struct cpu *c) {
  int sig = 0;
  if (gdb_intr_take_pending()) {
    sig = gdb_stop(c, gdb_sig_from_host(SIGINT), GDB_EV_INTERRUPT, true);
    sig = sig < 0 ? 0 : sig;
  }
  if (__atomic_load_n(&gdb_halting, __ATOMIC_SEQ_CST) || gdb_untaken(c)) {
    int s = gdb_park_point(c);
    sig = s ? s : sig;
  }
  return sig;
}

void gdb_syscall_enter(struct cpu *c) {
  __atomic_store_n(&c->debug.where, GDB_IN_SYSCALL, __ATOMIC_RELEASE);
}

/* Running again is published before gdb_halting is read: a reporter either
 * sees c running (and waits for it to park) or c sees gdb_halting. A thread
 * that ends stays as it is: it runs no guest code again. */
int gdb_syscall_leave(struct cpu *c) {
  if (c->exiting || !gdb_active)
    return 0;
  __atomic_store_n(&c->debug.where, GDB_RUNNING, __ATOMIC_SEQ_CST);
  if (!__atomic_load_n(&gdb_halting, __ATOMIC_SEQ_CST) && !gdb_untaken(c))
    return 0;
  return gdb_park_point(c);
}

/* ---- the thread's and the process's end ---- */

struct gdb_runners {
  const struct cpu *self;
  bool any;
};
static void gdb_runner_one(struct cpu *c, void *arg) {
  struct gdb_runners *r = arg;
  if (c != r->self && gdb_action_of(c) != GDB_ACT_STAY)
    r->any = true;
}

/* When the thread gdb resumed alone ends, the others run on: no thread is
 * left to report. */
void gdb_thread_exit(struct cpu *c) {
  gdb_stepping = 0;
  if (!gdb_active)
    return;
  pthread_mutex_lock(&gdb_stop_lock);
  if (gdb_halting && !gdb_reporter && !gdb_ended && gdb_action_of(c) != GDB_ACT_STAY) {
    struct gdb_runners r = {c, false};
    tc_threads_each(gdb_runner_one, &r);
    if (!r.any) {
      gdb_others = GDB_ACT_CONT;
      gdb_resume();
    }
  }
  pthread_mutex_unlock(&gdb_stop_lock);
}

/* D, or the connection lost (gdb_lock held): breakpoints go, the program
 * runs on alone, waiters with nothing to report. */
void gdb_detach(void) {
  gdb_active = false;
  gdb_close();
  gdb_break_clear();
  pthread_mutex_lock(&gdb_stop_lock);
  for (struct gdb_waiter *w = gdb_waiters; w; w = w->next)
    w->dropped = true;
  gdb_waiters = NULL;
  gdb_waiters_tail = &gdb_waiters;
  gdb_reporter = NULL;
  __atomic_store_n(&gdb_halting, 0, __ATOMIC_SEQ_CST);
  pthread_cond_broadcast(&gdb_stop_cond);
  pthread_mutex_unlock(&gdb_stop_lock);
}

void gdb_exit(struct cpu *c, int status, int sig) {
  char r[8];
  struct cpu none = {0};
  if (!gdb_active)
    return;
  if (gc_self.seen)
    gc_offline();
  pthread_mutex_lock(&gdb_stop_lock);
  bool mine = gdb_turn(c ? c : &none, GDB_EV_EXIT); /* after a stop being reported */
  if (mine) /* the others stay where they are while the process ends */
    gdb_ended = true;
  pthread_mutex_unlock(&gdb_stop_lock);
  if (!mine)
    return;
  pthread_mutex_lock(&gdb_lock);
  if (gdb_active) {
    gdb_active = false;
    snprintf(r, sizeof(r), sig ? "X%02x" : "W%02x", sig ? gdb_sig_from_host(sig) : status & 0xff);
    gdb_send_str(r);
    gdb_close();
  }
  pthread_mutex_unlock(&gdb_lock);
}

/* ---- the start, a fork, the entry points ---- */

/* Not in the forked child: its parent keeps the connection. */
static void gdb_forked(void) {
  gdb_active = false;
  gdb_stepping = 0;
  if (gdb.fd >= 0)
    close(gdb.fd);
  gdb.fd = -1;
  gdb_break_clear();
  pthread_mutex_init(&gdb_lock, NULL);
  pthread_mutex_init(&gdb_stop_lock, NULL);
  pthread_cond_init(&gdb_stop_cond, NULL);
  gdb_waiters = NULL;
  gdb_waiters_tail = &gdb_waiters;
  gdb_reporter = NULL;
  gdb_halting = 0;
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
  gdb_stop(c, gdb_sig_from_host(SIGTRAP), GDB_EV_STOP, false);
}

bool gdb_lock_try(void) {
  return !pthread_mutex_trylock(&gdb_lock);
}

void gdb_lock_release(void) {
  pthread_mutex_unlock(&gdb_lock);
}

int gdb_stopped(struct cpu *c) {
  int sig = gdb_stop(c, gdb_sig_from_host(SIGTRAP), GDB_EV_STOP, true);
  return sig < 0 ? 0 : sig;
}

int gdb_breakpoint_hit(struct cpu *c) {
  int sig = gdb_stop(c, gdb_sig_from_host(SIGTRAP), GDB_EV_BREAK, true);
  return sig < 0 ? 0 : sig;
}

int gdb_signal(struct cpu *c, int sig) {
  int r = gdb_stop(c, gdb_sig_from_host(sig), GDB_EV_STOP, true);
  return r < 0 ? sig : r;
}

/* ---- recording a resume (from gdb_cmd.c, in a conversation) ---- */

void gdb_resume_begin(void) {
  pthread_mutex_lock(&gdb_stop_lock);
  gdb_gen++;
  gdb_others = GDB_ACT_STAY;
  pthread_mutex_unlock(&gdb_stop_lock);
}

void gdb_resume_others(enum gdb_action others) {
  pthread_mutex_lock(&gdb_stop_lock);
  gdb_others = others;
  pthread_mutex_unlock(&gdb_stop_lock);
}

struct gdb_named {
  long tid;
  enum gdb_action action;
  int sig;
  bool found;
};
static void gdb_name_one(struct cpu *c, void *arg) {
  struct gdb_named *n = arg;
  if (n->found || gdb_tid(c) != n->tid)
    return;
  n->found = true;
  if (c->debug.gen != gdb_gen)
    c->debug =
        (struct cpu_debug){c->debug.where, (uint8_t)n->action, (uint8_t)n->sig, false, gdb_gen};
}

bool gdb_resume_thread(long tid, enum gdb_action action, int sig) {
  struct gdb_named n = {tid, action, sig, false};
  pthread_mutex_lock(&gdb_stop_lock);
  if (gdb.stopped && gdb_tid(gdb.stopped) == tid) /* perhaps in no list yet */
    gdb_name_one(gdb.stopped, &n);
  else
    tc_threads_each(gdb_name_one, &n);
  pthread_mutex_unlock(&gdb_stop_lock);
  return n.found;
}

static void gdb_any_one(struct cpu *c, void *arg) {
  if (c->debug.gen == gdb_gen && c->debug.action != GDB_ACT_STAY)
    *(bool *)arg = true;
}

bool gdb_resume_any(void) {
  bool any = false;
  pthread_mutex_lock(&gdb_stop_lock);
  if (gdb_others != GDB_ACT_STAY)
    any = true;
  else if (gdb.stopped)
    gdb_any_one(gdb.stopped, &any);
  if (!any)
    tc_threads_each(gdb_any_one, &any);
  pthread_mutex_unlock(&gdb_stop_lock);
  return any;
}
