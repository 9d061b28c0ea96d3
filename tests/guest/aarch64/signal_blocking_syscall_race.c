/* A signal sent to a thread that is about to block in a system call must
 * still run its handler: the thread sits in read() on an empty pipe (with
 * SA_RESTART, so read starts again after each handler), and is signalled
 * 20,000 times, each time right after its handler ran. A signal that slipped
 * in just before the call blocked would wait for ever; every one must be
 * handled within a second. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile int handled;
static int fds[2];

static void on_usr1(int sig) {
  (void)sig;
  handled++;
}

static void *reader(void *arg) {
  (void)arg;
  char c;
  for (;;)
    if (read(fds[0], &c, 1) == 1)
      return NULL;
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_handler = on_usr1;
  sa.sa_flags = SA_RESTART;
  sigaction(SIGUSR1, &sa, NULL);
  if (pipe(fds))
    return 1;
  pthread_t t;
  pthread_create(&t, NULL, reader, NULL);
  int lost = 0;
  for (int i = 0; i < 20000 && lost < 3; i++) {
    int want = handled + 1;
    pthread_kill(t, SIGUSR1);
    struct timespec t0, now;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (;;) {
      if (handled >= want)
        break;
      clock_gettime(CLOCK_MONOTONIC, &now);
      if ((now.tv_sec - t0.tv_sec) * 1000000000L + (now.tv_nsec - t0.tv_nsec) > 1000000000L) {
        lost++; /* not handled within a second: it waits behind the blocked read */
        handled = want;
        break;
      }
    }
  }
  write(fds[1], "x", 1);
  pthread_join(t, NULL);
  printf("signals not handled in time: %d\n", lost);
  return 0;
}
