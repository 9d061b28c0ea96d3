/* threads_together.c - three threads reach one breakpoint at the same time
 * (a barrier before it): each stops in turn, the others wait for theirs;
 * the breakpoint is hit three times, the program exits with 3. */
#include <pthread.h>
#include <stdio.h>

static long total;
static pthread_barrier_t barrier;

void hit(void) {
  __atomic_add_fetch(&total, 1, __ATOMIC_SEQ_CST);
}

static void *work(void *arg) {
  (void)arg;
  pthread_barrier_wait(&barrier);
  hit();
  return NULL;
}

int main(void) {
  pthread_t t[3];
  pthread_barrier_init(&barrier, NULL, 3);
  for (int i = 0; i < 3; i++)
    pthread_create(&t[i], NULL, work, NULL);
  for (int i = 0; i < 3; i++)
    pthread_join(t[i], NULL);
  printf("total %ld\n", total);
  return (int)total;
}
