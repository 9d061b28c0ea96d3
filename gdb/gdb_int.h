/* gdb_int.h - private to gdb/: the connection, the packet handlers, guest
 * memory, breakpoints. */
#ifndef GDB_INT_H
#define GDB_INT_H

#include <stddef.h>
#include "gdb.h"

/* The largest packet either side sends: advertised as PacketSize (hex). */
enum { GDB_PKT = 0x4000 };

/* How a conversation with gdb ends. */
enum gdb_resume {
  GDB_SERVE,  /* not yet: read the next packet */
  GDB_RESUME, /* c, C, s, S, vCont: each thread does what gdb_resume_* recorded */
  GDB_DETACH, /* D, or gdb went away: run on without it */
};

struct gdb_state {
  int listen_fd, fd;
  const struct guest_gdb *guest; /* the registers and breakpoints of the program's guest */
  struct cpu *stopped;           /* the thread talking to gdb */
  struct cpu *selected;          /* Hg: the thread g, p, G, P apply to */
  int stop_gsig;                 /* the gdb signal of the current stop, for '?' */
  uint64_t auxv, auxv_bytes;
};
extern struct gdb_state gdb;

/* The connection (gdb_conn.c). */
int gdb_accept(void);
/* The next packet's data, NUL-terminated, acknowledged; its length, or -1
 * when gdb went away. */
int gdb_recv(char *buf, size_t cap);
/* Send a packet (its data escaped where needed: '$', '#', '}', '*'). */
void gdb_send(const char *data, size_t len);
void gdb_send_str(const char *s);
void gdb_close(void);

/* One packet from gdb (gdb_cmd.c): its reply is sent. */
enum gdb_resume gdb_command(char *pkt, size_t len);
/* The stop reply for the current stop: T05thread:tid; */
void gdb_send_stop(void);
/* The guest thread with that thread id, or NULL; and a thread's id. */
struct cpu *gdb_thread(long tid);
long gdb_tid(const struct cpu *c);

/* Recording how gdb resumes the threads (gdb_stop.c), from c, s or vCont:
 * begin (every thread is to stay stopped), name threads and what each does
 * (a thread named twice keeps the first action: vCont's leftmost wins; sig
 * is the Linux signal it resumes with, 0 for none; false for a thread that
 * is not there), then perhaps what all the others do. gdb_resume_any: some
 * thread runs. */
void gdb_resume_begin(void);
bool gdb_resume_thread(long tid, enum gdb_action action, int sig);
void gdb_resume_others(enum gdb_action others);
bool gdb_resume_any(void);

/* Guest memory, never faulting (gdb_mem.c): 0, or -1 for an address the
 * guest cannot read or write. A write drops translations of what it wrote. */
int gdb_mem_read(uint64_t addr, void *buf, size_t len);
int gdb_mem_write(uint64_t addr, const void *buf, size_t len);

/* gdb's interrupt (gdb_intr.c): the thread that waits for it. */
void gdb_intr_start(void);
/* gdb_lock, for that thread: taken if free. */
bool gdb_lock_try(void);
void gdb_lock_release(void);
/* A stop reply answers an interrupt that came meanwhile. */
void gdb_intr_answered(void);
/* Take an interrupt that came: true once per 0x03. */
bool gdb_intr_take_pending(void);
/* No debugger any more (D, or it went away; gdb_lock held): breakpoints
 * go, the program runs on alone. */
void gdb_detach(void);

/* Software breakpoints (gdb_break.c) of kind bytes at pc: 0, or -1 when
 * there is no room. */
int gdb_break_insert(uint64_t pc, unsigned kind);
void gdb_break_remove(uint64_t pc);
/* gdb has a breakpoint at pc now. */
bool gdb_break_at(uint64_t pc);
void gdb_break_clear(void);

#endif
