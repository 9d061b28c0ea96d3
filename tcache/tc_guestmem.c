/* tc_guestmem.c - where the guest's memory was mapped, for an exec in place
 * to unmap (tc_newimage.c) without reading /proc/self/maps, whose text
 * took 4% of each start of busybox sh's loop: the loader's reservations,
 * stack and vdso page (ld_on_map), and what mmap, mremap, shmat and brk
 * mapped for the guest.
 *
 * A superset: ranges the guest unmapped stay listed (the exec unmaps what
 * of them is not xrun's own: nothing, or what the guest mapped there
 * again). Ranges that touch or overlap are joined. Past TC_GUESTMEM_MAX of
 * them the list gives up, and the exec reads the maps. Under tc_exec_lock,
 * which the mm syscalls take anyway (and which a fork leaves usable). */
#include <pthread.h>
#include <stdbool.h>
#include "tc_int.h"

enum { TC_GUESTMEM_MAX = 4096 };

struct tc_guestmem_range {
  uint64_t lo, hi;
};

static struct tc_guestmem_range tc_guestmem[TC_GUESTMEM_MAX];
static unsigned tc_n_guestmem;
static bool tc_guestmem_lost; /* more ranges than the list holds */

/* Join [lo, hi) to a listed range it touches, else list it. */
static void tc_guestmem_add(uint64_t lo, uint64_t hi) {
  for (unsigned i = 0; i < tc_n_guestmem; i++) {
    struct tc_guestmem_range *r = &tc_guestmem[i];
    if (lo <= r->hi && hi >= r->lo) {
      r->lo = lo < r->lo ? lo : r->lo;
      r->hi = hi > r->hi ? hi : r->hi;
      return;
    }
  }
  if (tc_n_guestmem == TC_GUESTMEM_MAX)
    tc_guestmem_lost = true;
  else
    tc_guestmem[tc_n_guestmem++] = (struct tc_guestmem_range){lo, hi};
}

void tc_guest_mapped(uint64_t start, uint64_t len) {
  uint64_t lo = start & ~(uint64_t)4095, hi = (start + len + 4095) & ~(uint64_t)4095;
  if (hi <= lo)
    return;
  pthread_mutex_lock(&tc_exec_lock);
  tc_guestmem_add(lo, hi);
  pthread_mutex_unlock(&tc_exec_lock);
}

bool tc_guest_mappings_known(void) {
  return !tc_guestmem_lost;
}

/* Each listed range to fn (if any), and a new list (one thread runs: an
 * exec in place). */
void tc_guest_mappings_take(void (*fn)(uint64_t lo, uint64_t hi)) {
  for (unsigned i = 0; fn && i < tc_n_guestmem && !tc_guestmem_lost; i++)
    fn(tc_guestmem[i].lo, tc_guestmem[i].hi);
  tc_n_guestmem = 0;
  tc_guestmem_lost = false;
}
