/* atomics_common.h - single-threaded workout of __atomic and __sync builtins,
 * included by atomics_llsc.c, atomics_lse.c and atomics_outline.c, which
 * build it with exclusives (LDXR/STXR), LSE (LDADD, CAS, SWP) and glibc's
 * run-time choice between them. */
#include <stdint.h>
#include <stdio.h>

static uint8_t a8;
static uint16_t a16;
static uint32_t a32;
static uint64_t a64;
static unsigned __int128 a128;

int main(void) {
  for (int i = 0; i < 1000; i++) {
    __atomic_fetch_add(&a8, 3, __ATOMIC_SEQ_CST);
    __atomic_fetch_sub(&a16, 7, __ATOMIC_ACQ_REL);
    __atomic_fetch_add(&a32, (uint32_t)i * 2654435761u, __ATOMIC_RELAXED);
    __atomic_fetch_xor(&a64, (uint64_t)i << (i % 60), __ATOMIC_SEQ_CST);
  }
  printf("fetch_add/sub/xor: %u %u %u %llx\n", a8, a16, a32, (unsigned long long)a64);
  uint64_t old = __atomic_fetch_or(&a64, 0xf0, __ATOMIC_SEQ_CST);
  uint64_t nw = __atomic_and_fetch(&a64, ~0xffull, __ATOMIC_SEQ_CST);
  printf("or old %llx and_fetch %llx\n", (unsigned long long)old, (unsigned long long)nw);
  uint32_t x = __atomic_exchange_n(&a32, 12345, __ATOMIC_SEQ_CST);
  printf("exchange old %u new %u\n", x, __atomic_load_n(&a32, __ATOMIC_ACQUIRE));
  uint32_t expect = 1;
  int ok = __atomic_compare_exchange_n(&a32, &expect, 99, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
  printf("cas fail: ok %d expected now %u\n", ok, expect);
  ok = __atomic_compare_exchange_n(&a32, &expect, 99, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
  printf("cas ok: ok %d value %u\n", ok, a32);
  /* a CAS loop computing a running max and a multiply, as lock-free code does */
  uint64_t v = 1;
  __atomic_store_n(&a64, 1, __ATOMIC_RELEASE);
  for (int i = 1; i <= 30; i++) {
    uint64_t cur = __atomic_load_n(&a64, __ATOMIC_RELAXED);
    while (!__atomic_compare_exchange_n(&a64, &cur, cur * 3 + (uint64_t)i, 1, __ATOMIC_ACQ_REL,
                                        __ATOMIC_RELAXED))
      ;
    v = v * 3 + (uint64_t)i;
  }
  printf("cas loop %llu expected %llu\n", (unsigned long long)a64, (unsigned long long)v);
  unsigned s1 = __sync_fetch_and_add(&a16, 5);
  unsigned s2 = __sync_add_and_fetch(&a16, 5);
  int s3 = __sync_bool_compare_and_swap(&a8, a8, 200);
  unsigned s4 = __sync_val_compare_and_swap(&a8, 200, 201);
  printf("sync: %u %u %d %u\n", s1, s2, s3, s4);
  unsigned s5 = __sync_lock_test_and_set(&a8, 1);
  printf("sync_lock_test_and_set %u then %u\n", s5, a8);
  __sync_lock_release(&a8);
  __sync_synchronize();
  printf("released %u\n", a8);
  unsigned __int128 e128 = 0,
                    d128 = ((unsigned __int128)0x0123456789abcdefull << 64) | 0xfedcba9876543210ull;
  /* __sync (not __atomic) so GCC inlines it: CASP / LDXP+STXP, no libatomic */
  ok = __sync_bool_compare_and_swap(&a128, e128, d128);
  printf("cas128 ok %d hi %llx lo %llx\n", ok, (unsigned long long)(a128 >> 64),
         (unsigned long long)a128);
  return 0;
}
