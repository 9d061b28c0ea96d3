/* The A extension from C: __atomic builtins become AMOs (fetch-add, -or,
 * -and, -xor, exchange) and LR/SC loops (compare-exchange); AMOMIN/AMOMAX by inline asm; four
 * threads adding to one counter. */
// test: guest-only: riscv64 inline asm
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

static int64_t counter;
static uint32_t counter32;

static void *adder(void *arg) {
  (void)arg;
  for (int i = 0; i < 100000; i++) {
    __atomic_fetch_add(&counter, 1, __ATOMIC_RELAXED);
    uint32_t old = __atomic_load_n(&counter32, __ATOMIC_RELAXED);
    while (!__atomic_compare_exchange_n(&counter32, &old, old + 1, 1, __ATOMIC_SEQ_CST,
                                        __ATOMIC_RELAXED))
      ;
  }
  return NULL;
}

#define AMO(name, insn, type)                                                                      \
  static type name(type *p, type v) {                                                              \
    type r;                                                                                        \
    __asm__ volatile(insn " %0, %2, (%1)" : "=r"(r) : "r"(p), "r"(v) : "memory");                  \
    return r;                                                                                      \
  }
AMO(amomin_w, "amomin.w", int32_t)
AMO(amomax_w, "amomax.w", int32_t)
AMO(amominu_w, "amominu.w", int32_t)
AMO(amomaxu_w, "amomaxu.w", int32_t)
AMO(amomin_d, "amomin.d", int64_t)
AMO(amomaxu_d, "amomaxu.d", int64_t)

int main(void) {
  int64_t v = 5;
  printf("add %lld -> %lld\n", (long long)__atomic_fetch_add(&v, 10, __ATOMIC_SEQ_CST),
         (long long)v);
  printf("or %lld -> %lld\n", (long long)__atomic_fetch_or(&v, 0x100, __ATOMIC_SEQ_CST),
         (long long)v);
  printf("and %lld -> %lld\n", (long long)__atomic_fetch_and(&v, 0x10f, __ATOMIC_SEQ_CST),
         (long long)v);
  printf("xor %lld -> %lld\n", (long long)__atomic_fetch_xor(&v, -1, __ATOMIC_SEQ_CST),
         (long long)v);
  printf("xchg %lld -> %lld\n", (long long)__atomic_exchange_n(&v, 42, __ATOMIC_SEQ_CST),
         (long long)v);
  int32_t w = -3;
  printf("add.w %d -> %d\n", __atomic_fetch_add(&w, -0x7fffffff, __ATOMIC_SEQ_CST), w);
  int64_t e = 42;
  printf("cas ok %d %lld\n",
         __atomic_compare_exchange_n(&v, &e, 7, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST),
         (long long)v);
  e = 1;
  printf("cas fail %d %lld %lld\n",
         __atomic_compare_exchange_n(&v, &e, 9, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST),
         (long long)v, (long long)e);
  int32_t m = -5;
  printf("amomin.w %d -> %d\n", amomin_w(&m, -9), m);
  printf("amomax.w %d -> %d\n", amomax_w(&m, 3), m);
  printf("amominu.w %d -> %d\n", amominu_w(&m, -1), m);
  printf("amomaxu.w %d -> %d\n", amomaxu_w(&m, -2), m);
  int64_t d = 100;
  printf("amomin.d %lld -> %lld\n", (long long)amomin_d(&d, INT64_MIN), (long long)d);
  printf("amomaxu.d %lld -> %lld\n", (long long)amomaxu_d(&d, 5), (long long)d);
  pthread_t t[4];
  for (int i = 0; i < 4; i++)
    pthread_create(&t[i], NULL, adder, NULL);
  for (int i = 0; i < 4; i++)
    pthread_join(t[i], NULL);
  printf("threads: %lld %u\n", (long long)counter, counter32);
  return 0;
}
