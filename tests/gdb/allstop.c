/* allstop.c - all-stop: while gdb has the program stopped at a breakpoint
 * in main, no other thread runs. One thread spins, counting (its count
 * does not move while gdb waits); another sleeps 0.2 s in a system call
 * that ends during the stop (it must not run on: its flag stays 0 until
 * gdb continues). Exits with the sleeper's flag, 1. */
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static volatile unsigned long spins;
static volatile int woke, done;

static void *spinner(void *arg) {
  (void)arg;
  while (!done)
    spins++;
  return NULL;
}

static void *sleeper(void *arg) {
  (void)arg;
  nanosleep(&(struct timespec){0, 200000000}, NULL);
  woke = 1;
  return NULL;
}

void stop_here(void) {}

int main(void) {
  pthread_t t[2];
  pthread_create(&t[0], NULL, spinner, NULL);
  while (spins < 1000)
    ;
  pthread_create(&t[1], NULL, sleeper, NULL);
  stop_here();
  done = 1;
  for (int i = 0; i < 2; i++)
    pthread_join(t[i], NULL);
  printf("woke %d\n", woke);
  return woke;
}
