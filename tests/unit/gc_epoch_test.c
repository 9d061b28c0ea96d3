/* gc_epoch_test.c - grace periods (gc/gc_epoch.c), with host threads standing
 * in for guest threads:
 *   - a reclaimer does not wait for a thread that is offline (in a system
 *     call), however long it stays there;
 *   - it does wait for an online thread, sets its kick word, and goes on
 *     once that thread passes a quiescent state;
 *   - readers that follow a shared pointer between quiescent states never see
 *     an object the reclaimer swapped out, synchronized and poisoned: the
 *     use-after-free a wrong grace period would allow. */
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>
#include "../../gc/gc.h"
#include "test.h"

static uint64_t now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static volatile int stop;

/* Registered, then offline until stop: as a guest thread blocked in read(). */
static void *offline_thread(void *arg) {
  gc_thread_start(arg);
  gc_online();
  gc_offline();
  while (!stop)
    usleep(1000);
  gc_thread_end();
  return NULL;
}

TEST(offline_thread_does_not_delay_synchronize) {
  static volatile uint32_t kick;
  pthread_t t;
  stop = 0;
  kick = 0;
  pthread_create(&t, NULL, offline_thread, (void *)&kick);
  usleep(20000);
  uint64_t t0 = now_ms();
  gc_synchronize();
  uint64_t took = now_ms() - t0;
  stop = 1;
  pthread_join(t, NULL);
  ASSERT(took < 200);
  ASSERT_EQ(kick, 0);
}

static volatile int online_ready;

/* Online, spinning like translated code until kicked, then quiescent. */
static void *online_thread(void *arg) {
  volatile uint32_t *kick = arg;
  gc_thread_start(kick);
  gc_online();
  online_ready = 1;
  while (!stop) {
    if (*kick) {
      usleep(50000); /* leaves "translated code" late: the reclaimer must wait */
      *kick = 0;
      gc_quiescent();
    }
  }
  gc_thread_end();
  return NULL;
}

TEST(online_thread_is_kicked_and_waited_for) {
  static volatile uint32_t kick;
  pthread_t t;
  stop = 0;
  kick = 0;
  online_ready = 0;
  pthread_create(&t, NULL, online_thread, (void *)&kick);
  while (!online_ready)
    sched_yield();
  uint64_t t0 = now_ms();
  gc_synchronize();
  uint64_t took = now_ms() - t0;
  stop = 1;
  pthread_join(t, NULL);
  ASSERT(took >= 40);
}

enum { READERS = 2, SWAPS = 300, MAGIC = 0x600dcafe, POISON = 0xdeadbeef };

struct obj {
  volatile uint32_t magic;
};
static struct obj *volatile shared;
static volatile unsigned long bad_reads, reads;
static volatile int readers_ready;

/* Follows shared and checks what it points at, a few times per "block";
 * passes a quiescent state between blocks and goes offline now and then. */
static void *reader_thread(void *arg) {
  volatile uint32_t *kick = arg;
  unsigned long n = 0;
  gc_thread_start(kick);
  gc_online();
  __atomic_add_fetch(&readers_ready, 1, __ATOMIC_RELEASE);
  while (!stop) {
    gc_quiescent();
    *kick = 0;
    struct obj *o = shared;
    for (int i = 0; i < 8; i++) {
      for (volatile int spin = 0; spin < 100; spin++)
        ;
      if (o->magic != MAGIC)
        __atomic_add_fetch(&bad_reads, 1, __ATOMIC_RELAXED);
    }
    if (++n % 64 == 0) { /* a system call */
      gc_offline();
      gc_online();
    }
  }
  __atomic_add_fetch(&reads, n, __ATOMIC_RELAXED);
  gc_thread_end();
  return NULL;
}

TEST(readers_never_see_reclaimed_objects) {
  static volatile uint32_t kicks[READERS];
  static struct obj pool[2];
  pthread_t t[READERS];
  stop = 0;
  bad_reads = reads = 0;
  readers_ready = 0;
  pool[0].magic = MAGIC;
  shared = &pool[0];
  for (int i = 0; i < READERS; i++)
    pthread_create(&t[i], NULL, reader_thread, (void *)&kicks[i]);
  while (readers_ready < READERS)
    sched_yield();
  for (int i = 0; i < SWAPS; i++) {
    struct obj *old = shared, *next = old == &pool[0] ? &pool[1] : &pool[0];
    next->magic = MAGIC;
    __atomic_store_n(&shared, next, __ATOMIC_RELEASE); /* unreachable now */
    gc_synchronize();
    old->magic = POISON; /* "freed": no reader may still look at it */
    usleep(100);
  }
  stop = 1;
  for (int i = 0; i < READERS; i++)
    pthread_join(t[i], NULL);
  ASSERT(reads > 0);
  ASSERT_EQ(bad_reads, 0);
}

TEST_MAIN("gc_epoch")
