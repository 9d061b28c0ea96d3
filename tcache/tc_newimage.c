/* tc_newimage.c - the translator's half of an exec in place
 * (syscall/sys_exec_here.c): the old program's memory goes and so does
 * everything translated from it, as if the process were new, while xrun's
 * own memory (tc_own.c: its code buffer, heap, libraries, stack and the
 * persistent cache's files) stays. What the old program translated was
 * saved to the persistent cache at the exec (tc_diag_exec).
 *
 * The guest's memory is what was mapped for it (tc_guestmem.c) and is not
 * xrun's own. Where that list gave up, it is every mapping in
 * /proc/self/maps (as read at the exec, which may be the last moment it
 * can be: a program under a Landlock ruleset) that is not xrun's own; the
 * host's stack is left whole (by its name, and as the mapping that holds
 * this thread's stack pointer, whatever the maps call it): it grows below
 * the part tc_own took at start. A range that went meanwhile was the
 * allocator's, and is in tc_own again if it was mapped again. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "tc_int.h"

enum { TC_USER_TOP_BITS = 47 };

char *tc_maps_read(void) {
  int fd = open("/proc/self/maps", O_RDONLY | O_CLOEXEC);
  size_t len = 0, cap = 64 << 10;
  char *buf = malloc(cap);
  ssize_t n = 1;
  while (fd >= 0 && buf && n > 0) {
    if (cap - len < 4096) {
      char *grown = realloc(buf, cap *= 2);
      if (!grown)
        break;
      buf = grown;
    }
    n = read(fd, buf + len, cap - len - 1);
    len += n > 0 ? (size_t)n : 0;
  }
  if (fd >= 0)
    close(fd);
  if (!buf || n != 0) {
    free(buf);
    return NULL;
  }
  buf[len] = 0;
  return buf;
}

/* [lo, hi) leaves the guest: unmapped, and its code and file records go. */
static void tc_unmap_guest_range(uint64_t lo, uint64_t hi) {
  munmap((void *)(uintptr_t)lo, hi - lo);
  tc_exec_set(lo, hi - lo, 1);
  tc_file_unmapped(lo, hi - lo);
}

/* The parts of the mapping [lo, hi) that are not xrun's own. */
static void tc_unmap_guest_mapping(uint64_t lo, uint64_t hi) {
  uint64_t code_lo = (uintptr_t)tc_code.start, code_hi = (uintptr_t)tc_code_top, end;
  if (lo < code_hi && hi > code_lo)
    return; /* the code buffer's run view, a mapping of its own */
  for (uint64_t at = tc_own_gap(lo, hi, &end); at < hi; at = tc_own_gap(end, hi, &end))
    tc_unmap_guest_range(at, end);
}

static void tc_unmap_guest(char *maps) {
  uint64_t sp = (uintptr_t)__builtin_frame_address(0);
  for (char *line = maps, *next; *line; line = next) {
    next = strchr(line, '\n');
    if (next)
      *next++ = 0;
    else
      next = line + strlen(line);
    char *p;
    uint64_t lo = strtoull(line, &p, 16), hi = *p == '-' ? strtoull(p + 1, NULL, 16) : 0;
    bool stack = strstr(line, "[stack]") || (lo <= sp && sp < hi);
    if (lo < hi && hi <= 1ull << TC_USER_TOP_BITS && !stack)
      tc_unmap_guest_mapping(lo, hi);
  }
}

void tc_new_image(struct cpu *c, char *maps) {
  if (maps)
    tc_unmap_guest(maps);
  tc_guest_mappings_take(maps ? NULL : tc_unmap_guest_mapping); /* else the maps named them */
  pthread_mutex_lock(&tc_mutex);
  tc_regions_reset();
  tc_tier_forget();
  tc_hot_forget();
  tc_persist_reopen();
  pthread_mutex_unlock(&tc_mutex);
  tc_jc_restart(c);
  tc_ras_reset(c);
}
