/* smc_patch_own_text.c - a program patches a function in its own .text
 * (mapped from its file): the page is made writable, the function's first
 * instructions rewritten to return another constant, the cache maintained,
 * and the function called again; then the original is put back. Translations
 * of the file's code may come from a cache made by an earlier run of this very
 * program, before or after its patch: each call must still run what is in
 * memory now. */
// test: arm-only: A64 instruction words written at run time
#include <string.h>
#include <unistd.h>
#include "smc_common.h"

__attribute__((noinline, aligned(64))) int patched_fn(void) {
  __asm__ volatile("" ::: "memory");
  return 1234;
}

/* Make the page(s) of fn writable and executable. */
static void text_writable(void *fn) {
  uintptr_t page = (uintptr_t)fn & ~(uintptr_t)4095;
  if (mprotect((void *)page, 8192, PROT_READ | PROT_WRITE | PROT_EXEC)) {
    perror("mprotect");
    exit(2);
  }
}

int main(void) {
  int (*volatile fn)(void) = patched_fn;
  uint32_t *code = (uint32_t *)(uintptr_t)patched_fn, saved[2];
  int sum = 0;
  printf("before: %d\n", fn());
  text_writable(code);
  memcpy(saved, code, sizeof(saved));
  for (uint32_t i = 0; i < 200; i++) {
    smc_write_const(code, 500 + i);
    smc_sync(code, 2);
    sum += fn() == (int)(500 + i);
  }
  printf("patched: %d of 200 calls returned the new constant\n", sum);
  memcpy(code, saved, sizeof(saved));
  smc_sync(code, 2);
  printf("restored: %d\n", fn());
  return 0;
}
