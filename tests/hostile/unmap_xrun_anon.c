/* A hostile guest: told the host's view of the process (oracle.h), it
 * finds the translator's anonymous memory - its allocator's arenas and
 * per-thread data (a second guest thread is running), the dynamic loader's
 * pages - as every anonymous mapping that is not its own (its program, bss
 * and break, its stack, and nothing else: the thread runs on a stack in the
 * bss). It tries to unmap, re-protect and map over the first and last page
 * of each: each must fail with the error the kernel gives for memory that
 * cannot be had (munmap EINVAL, mprotect and mmap(MAP_FIXED) ENOMEM), none
 * may show in the program's own /proc/self/maps, while the program's own
 * mappings next to them (the kernel merges them into one) still show, and
 * the translator must keep running (a new thread, memory, output). Prints
 * the counts. */
// hostile: oracle
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>
#include "oracle.h"

extern char __executable_start[];
static char thread_stack[1 << 20] __attribute__((aligned(4096)));
static volatile int go;

static void *worker(void *arg) {
  while (!go)
    usleep(1000);
  return arg;
}

static pthread_t start_thread(void) {
  pthread_attr_t attr;
  pthread_t t;
  pthread_attr_init(&attr);
  pthread_attr_setstack(&attr, thread_stack, sizeof(thread_stack));
  pthread_create(&t, &attr, worker, NULL);
  return t;
}

/* The program's stack as its own maps name it, with the guard page below. */
static void own_stack(uintptr_t *lo, uintptr_t *hi) {
  FILE *f = fopen("/proc/self/maps", "r");
  char line[1024];
  unsigned long a, b, prev_lo = 0, prev_hi = 0;
  while (f && fgets(line, sizeof(line), f)) {
    if (sscanf(line, "%lx-%lx", &a, &b) != 2)
      continue;
    if (strstr(line, "[stack]")) {
      *lo = prev_hi == a ? prev_lo : a, *hi = b;
      break;
    }
    prev_lo = a, prev_hi = b;
  }
  if (f)
    fclose(f);
}

/* Whether [lo, hi) shows in the program's own /proc/self/maps. */
static int shown(unsigned long lo, unsigned long hi) {
  FILE *f = fopen("/proc/self/maps", "r");
  char line[1024];
  unsigned long a, b;
  int hit = 0;
  while (f && fgets(line, sizeof(line), f))
    if (sscanf(line, "%lx-%lx", &a, &b) == 2 && a < hi && b > lo)
      hit = 1;
  if (f)
    fclose(f);
  return hit;
}

/* Every attack on the page at p; the number refused as they must be. */
static int attack(unsigned long p) {
  void *at = (void *)p;
  int ok = 0;
  errno = 0;
  ok += mprotect(at, 4096, PROT_NONE) == -1 && errno == ENOMEM;
  errno = 0;
  ok += mmap(at, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) ==
            MAP_FAILED &&
        errno == ENOMEM;
  errno = 0;
  ok += munmap(at, 4096) == -1 && errno == EINVAL;
  return ok;
}

int main(void) {
  pthread_t t = start_thread();
  uintptr_t prog_lo = (uintptr_t)__executable_start, prog_hi = (uintptr_t)sbrk(0);
  uintptr_t stack_lo = 0, stack_hi = 0;
  own_stack(&stack_lo, &stack_hi);
  FILE *f = oracle_maps();
  char line[1024];
  int ranges = 0, tried = 0, refused = 0, visible = 0;
  while (f && fgets(line, sizeof(line), f)) {
    unsigned long lo, hi;
    int name_at = 0;
    if (sscanf(line, "%lx-%lx %*s %*s %*s %*s %n", &lo, &hi, &name_at) != 2 || !name_at ||
        (line[name_at] && line[name_at] != '\n'))
      continue; /* a file, or a kernel area ([stack], [vdso]: unmap_xrun.c) */
    if ((lo < prog_hi && hi > prog_lo) || (lo < stack_hi && hi > stack_lo))
      continue; /* the program's own */
    ranges++;
    tried += 6;
    int ok = attack(lo) + attack(hi - 4096), seen = shown(lo, hi);
    if (ok != 6 || seen)
      printf("not refused (%d of 6) or shown (%d): %s", ok, seen, line);
    refused += ok;
    visible += seen;
  }
  int hidden = 0; /* the kernel may merge these with xrun's memory */
  for (int i = 0; i < 20; i++) {
    char *p =
        mmap(NULL, 4096 * (1 + i % 3), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    hidden += !shown((uintptr_t)p, (uintptr_t)p + 4096);
  }
  go = 1;
  pthread_join(t, NULL);
  char *big = malloc(64 << 20);
  memset(big, 1, 64 << 20);
  go = 0;
  t = start_thread();
  go = 1;
  pthread_join(t, NULL);
  printf("survived: %d of %d attempts on %d anonymous ranges refused, %d shown in the guest's "
         "maps, %d of its own mappings hidden, still running %d\n",
         refused, tried, ranges, visible, hidden, big[12345]);
  return ranges > 0 && refused == tried && !visible && !hidden ? 0 : 1;
}
