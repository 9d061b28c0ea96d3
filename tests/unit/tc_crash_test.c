/* tc_crash_test.c - a fault inside xrun itself (tcache/tc_crash.c): one
 * report on stderr naming the signal, the faulting address, the guest thread
 * and its pc, and a backtrace that names the host functions; exit 123. */
#include <signal.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>
#include "../../tcache/tc_int.h"
#include "test.h"

static volatile int *volatile nowhere;

__attribute__((noinline)) static void crash_in_translator(void) {
  *nowhere = 1;
}

__attribute__((noinline)) static void crash_caller(void) {
  crash_in_translator();
  __asm__ volatile("" ::: "memory"); /* not a tail call: the caller's frame stays */
}

/* Run fn in a child with its stderr into buf; returns the wait status. */
static int run_child(void (*fn)(void), char *buf, size_t size) {
  int p[2];
  if (pipe(p))
    return -1;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(p[1], 2);
    fn();
    _exit(0);
  }
  close(p[1]);
  size_t n = 0;
  ssize_t r;
  while (n + 1 < size && (r = read(p[0], buf + n, size - 1 - n)) > 0)
    n += (size_t)r;
  buf[n] = 0;
  close(p[0]);
  int st = -1;
  waitpid(pid, &st, 0);
  return st;
}

static void guest_thread_crashes(void) {
  static struct cpu c = {.pc = 0x400568, .tid = 4711};
  tc_fault_init();
  tc_current = &c;
  crash_caller();
}

TEST(internal_fault_report) {
  char out[8192];
  int st = run_child(guest_thread_crashes, out, sizeof(out));
  ASSERT(WIFEXITED(st) && WEXITSTATUS(st) == XRUN_EXIT_INTERNAL);
  const char *head = "xrun: internal error: Segmentation fault (address 0x0) at host pc 0x";
  ASSERT(!strncmp(out, head, strlen(head)));
  ASSERT(strstr(out, ", guest thread 4711 at guest pc 0x400568; backtrace:\n"));
  const char *inner = strstr(out, "xrun:   #0 0x");
  ASSERT(inner && strstr(inner, " crash_in_translator+0x"));
  const char *outer = strstr(out, " crash_caller+0x");
  ASSERT(outer && outer > strstr(out, " crash_in_translator+0x"));
}

static void crash_outside_guest(void) {
  tc_fault_init();
  crash_caller();
}

TEST(internal_fault_outside_guest_thread) {
  char out[8192];
  int st = run_child(crash_outside_guest, out, sizeof(out));
  ASSERT(WIFEXITED(st) && WEXITSTATUS(st) == XRUN_EXIT_INTERNAL);
  ASSERT(strstr(out, ", outside any guest thread; backtrace:\n"));
}

TEST_MAIN("tc_crash")
