#define _GNU_SOURCE
/* tc_buf.c - the executable code buffer. One RWX mapping placed near xrun's
 * own text so that rel32 calls from translated code reach the helpers. */
#include <sys/mman.h>
#include <stdint.h>
#include "tc_int.h"

struct tc_buf tc_code;
size_t tc_code_shared;
static size_t tc_code_size;

static void *tc_map_near_text(size_t size) {
  uintptr_t text = (uintptr_t)&tc_buf_init & ~(uintptr_t)0xfffff;
  for (uintptr_t hint = text - (256u << 20); hint > text - (1536u << 20); hint -= 64u << 20) {
    void *p = mmap((void *)hint, size, PROT_READ | PROT_WRITE | PROT_EXEC,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    if (p != MAP_FAILED)
      return p;
  }
  return mmap(NULL, size, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

void tc_buf_init(size_t size) {
  void *p = tc_map_near_text(size);
  if (p == MAP_FAILED)
    xrun_die(XRUN_EXIT_INTERNAL, "xrun: cannot map %zu bytes of executable memory", size);
  tc_code_size = size;
  tc_code.start = p;
  tc_code.end = (uint8_t *)p + size;
  tc_buf_reset();
}

void tc_buf_reset(void) {
  tc_code.cur = tc_code.start;
  tc_code.overflow = 0;
  tc_backend->init(&tc_code);
  tc_code_shared = (size_t)(tc_code.cur - tc_code.start);
}

int tc_in_code(const void *host_pc) {
  return (const uint8_t *)host_pc >= tc_code.start && (const uint8_t *)host_pc < tc_code.end;
}
