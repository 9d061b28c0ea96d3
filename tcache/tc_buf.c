#define _GNU_SOURCE
/* tc_buf.c - the executable code buffer, placed near xrun's own text so that
 * rel32 calls from translated code reach the helpers.
 *
 * W^X with two views: one shared anonymous mapping is mapped twice,
 * read+execute where translated code runs (tc_code.start ... end) and
 * read+write at another address, tc_code.wdelta bytes away, where the backend
 * and the persistent cache write code and patch jumps (tc_writable). No
 * address at which code runs is ever writable. (Anonymous, not a memfd: perf
 * names code in anonymous memory from the --perfmap file, not in a file.)
 * Where the second view cannot be made, one read-write-execute mapping serves
 * as both (wdelta 0).
 *
 * A shared mapping stays shared across fork: the child gets its own copy of
 * the buffer at the same two addresses before it runs on (tc_buf_fork_*).
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include "tc_int.h"

struct tc_buf tc_code; /* cur and end: the region being written (tc_region.c) */
struct tc_buf tc_again;
size_t tc_code_shared;
static size_t tc_code_size;
uint8_t *tc_code_top;
enum { TC_POPULATE_CHUNK = 64 << 10 };
static uint8_t *tc_populated; /* both views are present up to here (tc_buf_populate) */
/* The next step of tc_buf_populate: a forked child's first ones are small
 * (most exec another program after a few dozen blocks), then it doubles. */
static size_t tc_populate_step = TC_POPULATE_CHUNK;

/* Map size bytes with prot, private and anonymous, near xrun's text. */
static void *tc_map_near_text(size_t size, int prot) {
  uintptr_t text = (uintptr_t)&tc_buf_init & ~(uintptr_t)0xfffff;
  for (uintptr_t hint = text - (256u << 20); hint > text - (1536u << 20); hint -= 64u << 20) {
    void *p =
        mmap((void *)hint, size, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    if (p != MAP_FAILED)
      return p;
  }
  return mmap(NULL, size, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

/* The pages of the shared mapping w also at x (replacing what is there),
 * read+execute. mremap with old size 0 maps the same pages again. */
static bool tc_view_exec(uint8_t *w, uint8_t *x, size_t size) {
  return mremap(w, 0, size, MREMAP_MAYMOVE | MREMAP_FIXED, x) == x &&
         !mprotect(x, size, PROT_READ | PROT_EXEC);
}

/* Shared anonymous pages mapped read+write, and again read+execute near
 * xrun's text (a placeholder reserves the place); false if that cannot be. */
static bool tc_map_views(size_t size) {
  uint8_t *w = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  uint8_t *x = w == MAP_FAILED ? MAP_FAILED : tc_map_near_text(size, PROT_NONE);
  if (x == MAP_FAILED || !tc_view_exec(w, x, size)) {
    if (w != MAP_FAILED)
      munmap(w, size);
    if (x != MAP_FAILED)
      munmap(x, size);
    return false;
  }
  tc_code.start = x;
  tc_code.wdelta = w - x;
  tc_own_add((uintptr_t)w, (uintptr_t)w + size); /* the guest may not map over it */
  return true;
}

/* Fork: a shared mapping stays shared across fork, so the child must not
 * write into the parent's buffer. It starts with one of its own at the same
 * two addresses, holding only the shared code (immutable, read from the view
 * it still shares), and translates again what it runs: most children exec
 * soon after, and the persistent cache serves the rest. Copying the parent's
 * code instead cost every fork a copy of up to the whole buffer. The blocks
 * themselves are forgotten by tc_regions_forked. Called in the child alone,
 * before it runs on. */
void tc_buf_fork_child(void) {
  if (!tc_code.wdelta)
    return; /* one private mapping: the child's copy is its own already */
  uint8_t *w = tc_code.start + tc_code.wdelta;
  uint8_t *n = mmap(NULL, tc_code_size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (n != MAP_FAILED)
    memcpy(n, tc_code.start, tc_code_shared);
  if (n == MAP_FAILED ||
      mremap(n, tc_code_size, tc_code_size, MREMAP_MAYMOVE | MREMAP_FIXED, w) != w ||
      !tc_view_exec(w, tc_code.start, tc_code_size))
    xrun_die(XRUN_EXIT_INTERNAL, "xrun: a forked process cannot map a code buffer of its own");
  tc_populated = NULL;
  tc_populate_step = TC_POPULATE_CHUNK / 4;
}

void tc_buf_init(size_t size) {
  tc_code_size = size;
  if (!tc_map_views(size)) {
    void *p = tc_map_near_text(size, PROT_READ | PROT_WRITE | PROT_EXEC);
    if (p == MAP_FAILED)
      xrun_die(XRUN_EXIT_INTERNAL, "xrun: cannot map %zu bytes of executable memory", size);
    tc_code.start = p;
    tc_code.wdelta = 0;
  }
  tc_code_top = tc_code.end = tc_code.start + size;
  tc_code.cur = tc_code.start;
  tc_buf_populate();
  tc_backend->init(&tc_code); /* the shared code, at the start for good */
  tc_code_shared = (size_t)(tc_code.cur - tc_code.start);
  /* The scratch of the translations made again for the cache at the top,
   * the regions right after the shared code: the pages tc_buf_populate makes
   * present from the start are the ones code is written to (a warm start of
   * `true` writes 200 KiB of code; the scratch below them was 64 KiB more of
   * each view made present, and a forked child's too). */
  size_t again_size = size / 8 < TC_AGAIN_SCRATCH ? (size / 8) & ~(size_t)63 : TC_AGAIN_SCRATCH;
  uint8_t *again = (uint8_t *)((uintptr_t)(tc_code_top - again_size) & ~(uintptr_t)63);
  tc_again = (struct tc_buf){
      .start = again, .cur = again, .end = again + again_size, .wdelta = tc_code.wdelta};
  tc_regions_init((uint8_t *)(((uintptr_t)tc_code.cur + 63) & ~(uintptr_t)63), again);
  tc_buf_populate();
}

/* With two views, each page of code would fault twice (written, then run),
 * into shared memory: the pages ahead of the cursor are made present in
 * both views a chunk at a time instead (two system calls per chunk). */

void tc_buf_populate(void) {
  if (!tc_code.wdelta || tc_code.cur + 4096 < tc_populated)
    return;
  uint8_t *from = tc_populated > tc_code.start ? tc_populated : tc_code.start;
  size_t len = (size_t)(tc_code_top - from) < tc_populate_step ? (size_t)(tc_code_top - from)
                                                               : tc_populate_step;
  tc_populate_step =
      tc_populate_step < TC_POPULATE_CHUNK ? 2 * tc_populate_step : TC_POPULATE_CHUNK;
  if (!len)
    return;
  madvise(from + tc_code.wdelta, len, MADV_POPULATE_WRITE);
  madvise(from, len, MADV_POPULATE_READ);
  tc_populated = from + len;
}

int tc_in_code(const void *host_pc) {
  return (const uint8_t *)host_pc >= tc_code.start && (const uint8_t *)host_pc < tc_code_top;
}

void *tc_writable(const void *p) {
  return (uint8_t *)(uintptr_t)p + (tc_in_code(p) ? tc_code.wdelta : 0);
}
