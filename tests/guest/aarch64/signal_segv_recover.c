/* signal_segv_recover.c - a load from an unmapped address and a store to a
 * read-only page raise SIGSEGV with si_addr the faulting address; the handler
 * siglongjmps out and the program carries on, a hundred times over; and a
 * read of an unmapped page faults at its address. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

static sigjmp_buf env;
static volatile uintptr_t fault_addr;
static volatile int fault_sig, fault_code;

static void on_fault(int sig, siginfo_t *si, void *uc)
{
  (void)uc;
  fault_sig = sig;
  fault_code = si->si_code;
  fault_addr = (uintptr_t)si->si_addr;
  siglongjmp(env, 1);
}

int main(void)
{
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_fault;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, NULL);
  sigaction(SIGBUS, &sa, NULL);
  volatile int *bad = (volatile int *)0x10;
  if (sigsetjmp(env, 1) == 0) {
    int v = *bad;
    printf("no fault? %d\n", v);
  } else {
    printf("load fault: sig %d addr 0x%lx code %s\n", fault_sig, (unsigned long)fault_addr,
           fault_code == SEGV_MAPERR ? "MAPERR" : "other");
  }
  char *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  strcpy(page, "read-only now");
  mprotect(page, 4096, PROT_READ);
  if (sigsetjmp(env, 1) == 0) {
    ((volatile char *)page)[100] = 'x';
    printf("no fault on store?\n");
  } else {
    printf("store fault: sig %d offset %ld code %s, content %s\n", fault_sig,
           (long)(fault_addr - (uintptr_t)page), fault_code == SEGV_ACCERR ? "ACCERR" : "other", page);
  }
  int recovered = 0;
  for (int i = 0; i < 100; i++) {
    if (sigsetjmp(env, 1) == 0) {
      volatile long *p = (volatile long *)(uintptr_t)(0x1000 + i * 8);
      *p = i;
    } else {
      recovered++;
    }
  }
  printf("recovered %d of 100 faults\n", recovered);
  munmap(page, 4096);
  if (sigsetjmp(env, 1) == 0) {
    printf("%c\n", page[0]);
  } else {
    printf("after munmap: sig %d, addr is page %d\n", fault_sig, fault_addr == (uintptr_t)page);
  }
  return 0;
}
