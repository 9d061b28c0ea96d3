/* thread_join_sum.c - four pthreads each sum a slice of an array and add to a
 * shared total with an atomic fetch_add, a mutex-protected counter and a
 * thread-local variable; main joins them. The result is deterministic. */
#include <pthread.h>
#include <stdio.h>

enum { N = 1000000, T = 4 };
static unsigned data[N];
static unsigned long long total;
static long counter;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static __thread long tls_calls;

static void *work(void *arg) {
  long id = (long)arg;
  unsigned long long s = 0;
  for (long i = id * (N / T); i < (id + 1) * (N / T); i++) {
    s += data[i];
    tls_calls++;
  }
  __atomic_fetch_add(&total, s, __ATOMIC_SEQ_CST);
  for (int i = 0; i < 10000; i++) {
    pthread_mutex_lock(&lock);
    counter++;
    pthread_mutex_unlock(&lock);
  }
  return (void *)tls_calls;
}

int main(void) {
  for (unsigned i = 0; i < N; i++)
    data[i] = i * 2654435761u >> 7;
  pthread_t th[T];
  for (long i = 0; i < T; i++)
    pthread_create(&th[i], NULL, work, (void *)i);
  long calls = 0;
  for (int i = 0; i < T; i++) {
    void *r;
    pthread_join(th[i], &r);
    calls += (long)r;
  }
  unsigned long long check = 0;
  for (unsigned i = 0; i < N; i++)
    check += data[i];
  printf("total %llu matches %d counter %ld tls calls %ld main tls %ld\n", total, total == check,
         counter, calls, tls_calls);
  return 0;
}
