/* gdb_break.c - gdb's software breakpoints (Z0/z0), kept here and never
 * written into guest memory: decoders ask xrun_breakpoint for each
 * instruction and translate one at a breakpoint as a trap. Setting or
 * removing a breakpoint drops the translations of its instruction; as that
 * takes the translator's lock, a block decoded before the change is
 * committed before it is dropped. */
#include <pthread.h>
#include "gdb_int.h"
#include "../tcache/tcache.h"

enum { GDB_MAX_BREAKS = 256 };

/* A breakpoint: its pc, and its kind, the bytes of the instruction there
 * whose translations it drops. */
struct gdb_break {
  uint64_t pc;
  unsigned kind;
};
static struct gdb_break gdb_breaks[GDB_MAX_BREAKS];
static unsigned gdb_n_breaks;
static pthread_mutex_t gdb_break_lock = PTHREAD_MUTEX_INITIALIZER;

static int gdb_break_find(uint64_t pc) {
  for (unsigned i = 0; i < gdb_n_breaks; i++)
    if (gdb_breaks[i].pc == pc)
      return (int)i;
  return -1;
}

/* The thread stepping decodes its one instruction as it is: gdb steps off a
 * breakpoint with it still set. */
bool xrun_breakpoint(uint64_t pc) {
  if (!__atomic_load_n(&gdb_n_breaks, __ATOMIC_RELAXED) || gdb_stepping)
    return false;
  return gdb_break_at(pc);
}

bool gdb_break_at(uint64_t pc) {
  pthread_mutex_lock(&gdb_break_lock);
  bool hit = gdb_break_find(pc) >= 0;
  pthread_mutex_unlock(&gdb_break_lock);
  return hit;
}

int gdb_break_insert(uint64_t pc, unsigned kind) {
  int r = 0;
  pthread_mutex_lock(&gdb_break_lock);
  if (gdb_break_find(pc) < 0) {
    if (gdb_n_breaks < GDB_MAX_BREAKS)
      gdb_breaks[gdb_n_breaks++] = (struct gdb_break){pc, kind};
    else
      r = -1;
  }
  pthread_mutex_unlock(&gdb_break_lock);
  tc_invalidate(pc, kind);
  return r;
}

void gdb_break_remove(uint64_t pc) {
  pthread_mutex_lock(&gdb_break_lock);
  int i = gdb_break_find(pc);
  unsigned kind = i >= 0 ? gdb_breaks[i].kind : 0;
  if (i >= 0)
    gdb_breaks[i] = gdb_breaks[--gdb_n_breaks];
  pthread_mutex_unlock(&gdb_break_lock);
  if (i >= 0)
    tc_invalidate(pc, kind);
}

void gdb_break_clear(void) {
  while (gdb_n_breaks)
    gdb_break_remove(gdb_breaks[0].pc);
}
