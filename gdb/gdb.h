/* gdb.h - a stub of the GDB remote serial protocol, as qemu-user has:
 * `xrun -g PORT ./prog` listens on localhost:PORT, waits for gdb before the
 * program's first instruction, and lets `gdb-multiarch -ex 'target remote
 * :PORT'` read and write registers and memory, set breakpoints, step,
 * continue, and see the guest's signals and its exit.
 *
 *   if (gdb_listen(port)) ...error...    // before the program is loaded
 *   tc_init(...);
 *   gdb_attach(cpu);                      // wait for gdb, talk until it resumes
 *   tc_run(cpu);
 *
 * Everything else is called from the run loop and the syscall layer, and
 * only while gdb_active is set: without -g the stub costs a test of it on the
 * rare paths (traps, signals, exit) and of gdb_stepping in the run loop.
 *
 * Breakpoints live in the translator, never in guest memory: a breakpoint pc
 * ends the block before it and is translated as a trap (xrun_breakpoint in
 * xrun.h); setting or removing one drops the translations of its address.
 * A single step runs one instruction through the IR interpreter, translated
 * alone and not kept.
 *
 * All-stop, as gdb's remote protocol has it: when one thread stops (a
 * breakpoint, a step, a signal, gdb's interrupt) it reports, and every other
 * guest thread is first brought to a stop at a block boundary (asked through
 * exit_request; one blocked in a system call stays there, and stops on its
 * way out, before any guest code). They resume together when gdb resumes
 * them, or stay stopped while gdb steps one alone (vCont). A thread that
 * stops while another's stop is reported waits its turn: gdb hears of it
 * after the next resume, before any thread runs. gdb's interrupt (0x03) is
 * heard by a host thread of the stub's own (gdb_intr.c).
 */
#ifndef GDB_H
#define GDB_H

#include <stdbool.h>
#include <stdint.h>
#include "../xrun.h"

/* A debugger is connected (or awaited). */
extern volatile bool gdb_active;
/* gdb asked this thread for one instruction: the run loop steps it (tc_run.c). */
extern __thread int gdb_stepping;
/* Bumped each time this thread stopped and talked to gdb. */
extern __thread unsigned gdb_stops;

/* Listen on localhost:port; 0, or an errno value. */
int gdb_listen(int port);
/* Wait for gdb and serve it until it resumes the program (c: the first thread,
 * before its first instruction). auxv: the guest's auxiliary vector, for
 * qXfer:auxv:read. */
void gdb_attach(struct cpu *c, uint64_t auxv, uint64_t auxv_bytes);
/* c stopped at a breakpoint (SIGTRAP with trap_info XRUN_TRAP_BREAKPOINT)
 * or after its single step: report it and serve gdb until it resumes.
 * Returns the signal gdb resumes with (`signal SIGUSR1`), 0 for none. */
int gdb_stopped(struct cpu *c);
/* As gdb_stopped for c at a breakpoint; but when gdb removed it while c
 * waited for its turn (a breakpoint of gdb's own step, or one deleted),
 * nothing is reported: c runs on from there, translated afresh. */
int gdb_breakpoint_hit(struct cpu *c);
/* The guest signal sig is about to be delivered to c (a fault, a trap, or an
 * asynchronous signal): report it. Returns the signal to deliver, 0 for none
 * (gdb's continue without a signal). */
int gdb_signal(struct cpu *c, int sig);
/* From the run loop after exit_request: stop for gdb's interrupt (Ctrl-C)
 * if it came, and stay stopped while another thread's stop is reported.
 * Returns the signal gdb resumes c with, 0 for none. */
int gdb_boundary(struct cpu *c);
/* c enters or leaves a system call: while in one, it counts as stopped;
 * on its way out it stops if the others are stopped. gdb_syscall_leave
 * returns the signal gdb resumes c with, 0 for none. */
void gdb_syscall_enter(struct cpu *c);
int gdb_syscall_leave(struct cpu *c);
/* The thread c ends (during a single step, perhaps). */
void gdb_thread_exit(struct cpu *c);
/* The process ends with status, or with the fatal signal sig (not 0), by
 * the thread c (NULL: not a guest thread). */
void gdb_exit(struct cpu *c, int status, int sig);

/* A guest as gdb sees it: its registers, numbered as in its target
 * description, and the breakpoints gdb sets in its code. The guest's
 * descriptor points to one (struct guest.gdb, decode/<guest>/<prefix>_gdb.c);
 * the stub knows guests only through it. */
struct guest_gdb {
  unsigned n_regs;
  unsigned (*reg_size)(unsigned n); /* bytes of register n, at most 64 */
  /* register n of c to or from buf, in the guest's byte order */
  void (*reg_get)(struct cpu *c, unsigned n, uint8_t *buf);
  void (*reg_set)(struct cpu *c, unsigned n, const uint8_t *buf);
  /* Write target.xml into buf (at most cap bytes); returns its length. */
  size_t (*target_xml)(char *buf, size_t cap);
  /* The kinds of Z0 breakpoint gdb sets, as a mask (bit k: kind k, the
   * bytes of the breakpoint instruction gdb would write there). */
  uint32_t break_kinds;
};

/* A target description being written, for guest_gdb.target_xml:
 *   struct gdb_xml x = {buf, cap, 0};
 *   gdb_xml(&x, "<reg name=\"x%d\" bitsize=\"64\"/>", i);
 *   return gdb_xml_len(&x);   // what fit in buf
 */
struct gdb_xml {
  char *text;
  size_t cap, len;
};
void gdb_xml(struct gdb_xml *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
size_t gdb_xml_len(const struct gdb_xml *x);

/* Linux signal numbers to gdb's own (enum gdb_signal) and back. */
int gdb_sig_from_host(int sig);
int gdb_sig_to_host(int gsig);

/* Where a guest thread is, for an all-stop (struct cpu_debug.where). */
enum gdb_where {
  GDB_RUNNING,    /* in its run loop or in guest code */
  GDB_IN_SYSCALL, /* in a system call: it runs no guest code before gdb_syscall_leave */
  GDB_PARKED,     /* stopped, waiting for gdb to resume it */
};
/* What gdb's last resume asked of a thread (struct cpu_debug.action). */
enum gdb_action { GDB_ACT_STAY, GDB_ACT_CONT, GDB_ACT_STEP };

#endif
