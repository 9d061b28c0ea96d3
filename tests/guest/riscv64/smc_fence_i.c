/* Code written at run time, JIT style, into memory mapped readable, writable
 * and executable: each round writes "li a0, N; ret" over the same bytes and
 * makes it visible with FENCE.I, or with __builtin___clear_cache (glibc's
 * __riscv_flush_icache: the riscv_flush_icache system call), then calls it.
 * A stale translation would return an older N. */
// test: guest-only: riscv64 machine code and fence.i
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

/* addi a0, zero, n (n < 2048); jalr zero, 0(ra) */
static void emit(uint32_t *p, int n) {
  p[0] = 0x00000513u | (uint32_t)n << 20;
  p[1] = 0x00008067u;
}

int main(void) {
  uint32_t *code =
      mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (code == MAP_FAILED)
    return 1;
  int (*fn)(void) = (int (*)(void))code;
  long sum = 0, good = 0;
  for (int n = 1; n <= 300; n++) {
    emit(code, n);
    if (n % 2)
      __asm__ volatile("fence.i" ::: "memory");
    else
      __builtin___clear_cache((char *)code, (char *)(code + 2));
    int r = fn();
    sum += r;
    good += r == n;
  }
  printf("fence.i / clear_cache: %ld of 300 fresh, sum %ld\n", good, sum);
  /* the same code at a second page, the first one unmapped and mapped again */
  munmap(code, 4096);
  code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  emit(code, 7);
  __asm__ volatile("fence.i" ::: "memory");
  printf("after remap: %d\n", ((int (*)(void))code)());
  return 0;
}
