/* gc_code.c - making room in a full code buffer (gc.h): empty the region
 * written longest ago, wait out a grace period, write there. */
#include "gc.h"
#include "../xrun.h"
#include "../tcache/tcache.h"

/* Called with tc_mutex held, offline, from translation. */
void gc_code_full(void) {
  unsigned r = tc_region_next();
  XLOG(LOG_EXEC, "code buffer full: reclaiming region %u", r);
  if (tc_region_drop(r))
    gc_synchronize();
  tc_region_reuse(r);
}
