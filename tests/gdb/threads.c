/* threads.c - a breakpoint hit by three threads, one after another (each
 * joined before the next starts, so the order is fixed). */
#include <pthread.h>
#include <stdio.h>

static long total;

void add(long v) {
  total += v;
}

static void *work(void *arg) {
  add((long)arg);
  return NULL;
}

int main(void) {
  for (long i = 1; i <= 3; i++) {
    pthread_t t;
    pthread_create(&t, NULL, work, (void *)i);
    pthread_join(t, NULL);
  }
  printf("total %ld\n", total);
  return (int)total;
}
