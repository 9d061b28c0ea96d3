/* signal_unmapped_page_refaults.c - a page the program unmapped stays
 * unmapped however signals are delivered: a load from it faults (SIGSEGV,
 * SEGV_MAPERR, si_addr the page), the handler siglongjmps out, and the same
 * load faults again; so it does after a handler that returns (through the
 * kernel's signal-return code, which must not have been put in the hole),
 * and in a forked child. No mapping of /proc/self/maps holds the page. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static sigjmp_buf env;
static volatile uintptr_t fault_addr;
static volatile int fault_code, usr1_count;

static void on_segv(int sig, siginfo_t *si, void *uc) {
  (void)sig, (void)uc;
  fault_code = si->si_code;
  fault_addr = (uintptr_t)si->si_addr;
  siglongjmp(env, 1);
}

static void on_usr1(int sig) {
  (void)sig;
  usr1_count++;
}

/* One load from page: what happened, as a line. */
static void load(const char *what, volatile char *page) {
  fault_addr = 0;
  if (sigsetjmp(env, 1) == 0) {
    char c = page[100];
    printf("%s: read %d, no fault\n", what, c);
  } else {
    printf("%s: SIGSEGV %s, %s\n", what, fault_code == SEGV_MAPERR ? "MAPERR" : "other",
           fault_addr == (uintptr_t)page + 100 ? "at the page" : "elsewhere");
  }
}

static int maps_holds(uintptr_t addr) {
  FILE *f = fopen("/proc/self/maps", "r");
  char line[512];
  int held = 0;
  while (f && fgets(line, sizeof(line), f)) {
    unsigned long lo, hi;
    if (sscanf(line, "%lx-%lx", &lo, &hi) == 2 && addr >= lo && addr < hi)
      held = 1;
  }
  if (f)
    fclose(f);
  return held;
}

static void handlers(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, NULL);
  signal(SIGUSR1, on_usr1);
}

int main(void) {
  handlers();
  volatile char *page =
      mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  page[100] = 7;
  munmap((void *)page, 4096);
  load("first load", page);
  load("second load", page);
  raise(SIGUSR1);
  load(usr1_count ? "after a handler returned" : "no handler ran", page);
  printf("maps holds the page: %s\n", maps_holds((uintptr_t)page) ? "yes" : "no");
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    raise(SIGUSR1);
    load(usr1_count == 2 ? "forked child, after a handler returned" : "forked child", page);
    fflush(stdout);
    _exit(0);
  }
  waitpid(pid, NULL, 0);
  return 0;
}
