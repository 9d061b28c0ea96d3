/* gc_flush.c - what to do when the code buffer is full. */
#include "gc.h"
#include "../xrun.h"
#include "../tcache/tcache.h"

static unsigned long gc_flushes;

void gc_code_full(void) {
  gc_flushes++;
  XLOG(LOG_EXEC, "code buffer full: flush %lu", gc_flushes);
  tc_flush();
}
