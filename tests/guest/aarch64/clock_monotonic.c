/* clock_monotonic.c - clock_gettime: CLOCK_MONOTONIC never goes backwards over many reads and
 * advances across a 20 ms nanosleep by at least 20 ms; CLOCK_REALTIME is
 * after 2020; clock_getres; gettimeofday agrees with CLOCK_REALTIME; time(). */
#include <stdio.h>
#include <sys/time.h>
#include <time.h>

static long long ns(struct timespec t) {
  return t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(void) {
  struct timespec a, b, r;
  int backwards = 0;
  clock_gettime(CLOCK_MONOTONIC, &a);
  for (int i = 0; i < 100000; i++) {
    clock_gettime(CLOCK_MONOTONIC, &b);
    backwards += ns(b) < ns(a);
    a = b;
  }
  printf("monotonic backwards steps: %d\n", backwards);
  clock_gettime(CLOCK_MONOTONIC, &a);
  struct timespec req = {0, 20000000};
  nanosleep(&req, NULL);
  clock_gettime(CLOCK_MONOTONIC, &b);
  long long d = ns(b) - ns(a);
  printf("slept >= 20ms: %d, < 5s: %d\n", d >= 20000000, d < 5000000000LL);
  clock_gettime(CLOCK_REALTIME, &r);
  printf("realtime after 2020: %d\n", r.tv_sec > 1577836800);
  struct timeval tv;
  gettimeofday(&tv, NULL);
  printf("gettimeofday within 10s of realtime: %d\n",
         tv.tv_sec - r.tv_sec < 10 && tv.tv_sec - r.tv_sec > -10);
  printf("time() within 10s: %d\n", time(NULL) - r.tv_sec < 10);
  clock_getres(CLOCK_MONOTONIC, &r);
  printf("resolution <= 1ms: %d\n", r.tv_sec == 0 && r.tv_nsec <= 1000000 && r.tv_nsec > 0);
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &r);
  printf("process cputime > 0: %d\n", ns(r) > 0);
  return 0;
}
