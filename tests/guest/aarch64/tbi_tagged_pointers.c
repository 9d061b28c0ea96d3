/* tbi_tagged_pointers.c - Linux on arm64 ignores the top byte of a data
 * address (TBI): loads and stores through a pointer with a tag in bits 63:56
 * reach the untagged address. Tagged loads, stores, pairs, byte and vector
 * accesses, an atomic add, a loop that walks an array through a tagged
 * pointer (the same access faulting on the host many times would be slow),
 * a tag that changes between calls of one function, and accesses through
 * the link and frame registers. */
// test: arm-only: tagged pointers are an arm64 feature (an x86-64 build would fault)
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static void *tag(void *p, uint8_t t) {
  return (void *)((uintptr_t)p | (uint64_t)t << 56);
}

__attribute__((noinline)) static long sum_through(const long *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static void store_through(long *p, long v) {
  p[0] = v;
}

int main(void) {
  static long a[1000];
  static char bytes[64];
  for (int i = 0; i < 1000; i++)
    a[i] = i * 7;
  long *t = tag(a, 0x5a);
  printf("load: %ld %ld\n", t[0], t[999]);
  t[3] = 12345;
  printf("store: %ld\n", a[3]);
  printf("loop: %ld\n", sum_through(t, 1000));
  for (int k = 1; k <= 3; k++)
    store_through(tag(&a[10], (uint8_t)(k * 0x31)), k * 100);
  printf("tags change: %ld\n", a[10]);
  long pair[2];
  __asm__ volatile("ldp %0, %1, [%2]" : "=r"(pair[0]), "=r"(pair[1]) : "r"(tag(&a[4], 0xff)));
  printf("ldp: %ld %ld\n", pair[0], pair[1]);
  char *tb = tag(bytes, 0x01);
  memset(bytes, 'x', sizeof(bytes));
  tb[5] = 'T';
  printf("byte: %c%c\n", tb[4], bytes[5]);
  __asm__ volatile("ld1 {v0.16b}, [%0]\n st1 {v0.16b}, [%1]" ::"r"(tb), "r"(tag(bytes + 32, 0x80))
                   : "v0", "memory");
  printf("vector: %.16s\n", bytes + 32);
  __atomic_fetch_add((long *)tag(&a[20], 0x7e), 5, __ATOMIC_SEQ_CST);
  printf("atomic: %ld\n", a[20]);
  long old, fail;
  do { /* an exclusive pair through a tagged pointer */
    __asm__ volatile("ldxr %0, [%2]\n stxr %w1, %3, [%2]"
                     : "=&r"(old), "=&r"(fail)
                     : "r"(tag(&a[30], 0x42)), "r"(777L)
                     : "memory");
  } while (fail);
  printf("exclusive: %ld -> %ld\n", old, a[30]);
  __asm__ volatile("ld3 {v1.4s, v2.4s, v3.4s}, [%0]\n st1 {v1.4s}, [%1]" ::"r"(tag(a, 0x33)),
                   "r"(tag(bytes, 0x44))
                   : "v1", "v2", "v3", "memory");
  printf("ld3: %d %d\n", ((int *)bytes)[0], ((int *)bytes)[1]);
  /* through x30 and x29: on an x86-64 host a register such a guest register
   * lives in may be rbp, and a non-canonical address based on rbp or rsp
   * faults as a stack fault (SIGBUS), not a general protection fault */
  long through_lr;
  __asm__ volatile("mov x30, %1\n ldr %0, [x30]\n str %0, [x30, #8]\n mov x29, %2\n"
                   "ldr x30, [x29, #8]\n add %0, %0, x30"
                   : "=&r"(through_lr)
                   : "r"(tag(&a[40], 0x77)), "r"(tag(&a[40], 0x21))
                   : "x29", "x30", "memory");
  printf("lr, fp: %ld %ld\n", through_lr, a[41]);
  return 0;
}
