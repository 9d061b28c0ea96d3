/* thread_regs.c - gdb writes a register of a thread other than the one
 * that stopped: the worker spins in guest code with x19 = 7 until main
 * sets go; gdb, stopped in main, selects the worker, sets its x19 to 42
 * and continues. The worker prints what its x19 holds then, 42, and the
 * program exits with 0 only if it was. */
// test: skip-riscv64: the worker's loop is A64 assembly
#include <pthread.h>
#include <stdio.h>

static volatile int ready, go;
static unsigned long seen;

static void *worker(void *arg) {
  unsigned long v;
  (void)arg;
  ready = 1;
  __asm__ volatile("mov x19, #7\n"
                   "1: ldr w9, [%[go]]\n"
                   "cbz w9, 1b\n"
                   "mov %[v], x19\n"
                   : [v] "=r"(v)
                   : [go] "r"(&go)
                   : "x9", "x19", "memory");
  printf("worker x19 %lu\n", v);
  seen = v;
  return NULL;
}

void stop_here(void) {}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, worker, NULL);
  while (!ready)
    ;
  for (volatile int i = 0; i < 100000; i++) /* the worker is in its loop */
    ;
  stop_here();
  go = 1;
  pthread_join(t, NULL);
  return seen != 42;
}
