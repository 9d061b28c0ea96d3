/* smc_cache_maint_fault.c - cache maintenance by address faults as a load
 * there would: IC IVAU, DC CVAU, DC CVAC and DC CIVAC on an unmapped page
 * raise SIGSEGV/SEGV_MAPERR and on a PROT_NONE page SEGV_ACCERR, with
 * si_addr the address in the register and the pc that of the instruction;
 * on a read-only page they do nothing. A JIT's __clear_cache of code it has
 * already unmapped crashes the same way on arm64 Linux.
 *
 * The expected output is from the architecture and the kernel, not from
 * qemu-aarch64 (7.2 treats these instructions as no-ops at any address): the
 * MMU checks a cache maintenance instruction by VA like a read (Arm ARM
 * D8.4, "Permission fault" for data cache and IC IVAU instructions at EL0),
 * and arm64's do_page_fault takes an abort with ESR.CM set for a read
 * (is_write_abort() leaves it out), so a page that can be read passes and
 * write permission is never needed. The test address is line-aligned, where
 * the FAR is the register's value whichever way a core reports it. */
// test: arm-only: cache maintenance instructions in inline asm
// test: qemu-wrong: qemu-aarch64 ignores IC IVAU and DC CVAU/CVAC/CIVAC on unmapped memory
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

static sigjmp_buf env;
static volatile uintptr_t fault_addr, fault_pc, insn_pc;
static volatile int fault_sig, fault_code;

static void on_fault(int sig, siginfo_t *si, void *uc) {
  fault_sig = sig;
  fault_code = si->si_code;
  fault_addr = (uintptr_t)si->si_addr;
  fault_pc = ((ucontext_t *)uc)->uc_mcontext.pc;
  siglongjmp(env, 1);
}

/* The instruction, its address kept in insn_pc first. */
#define CACHE_OP(op, addr)                                                                         \
  __asm__ volatile("adr x9, 1f\n\tstr x9, [%1]\n1:\t" op ", %0" ::"r"(addr), "r"(&insn_pc)         \
                   : "x9", "memory")

static void do_op(int k, uintptr_t a) {
  switch (k) {
  case 0: CACHE_OP("ic ivau", a); break;
  case 1: CACHE_OP("dc cvau", a); break;
  case 2: CACHE_OP("dc cvac", a); break;
  case 3: CACHE_OP("dc civac", a); break;
  }
}

static const char *const names[] = {"ic ivau", "dc cvau", "dc cvac", "dc civac"};

/* Run op k at page + 0x40 and say what happened. */
static void try_op(int k, char *page, const char *what) {
  uintptr_t a = (uintptr_t)page + 0x40;
  fault_sig = 0;
  if (sigsetjmp(env, 1) == 0) {
    do_op(k, a);
    __asm__ volatile("dsb ish\n\tisb" ::: "memory");
    printf("%-8s %-9s no fault\n", names[k], what);
    return;
  }
  printf("%-8s %-9s sig %s code %s, si_addr %s, pc %s\n", names[k], what,
         fault_sig == SIGSEGV ? "SEGV" : "other",
         fault_code == SEGV_MAPERR   ? "MAPERR"
         : fault_code == SEGV_ACCERR ? "ACCERR"
                                     : "other",
         fault_addr == a ? "the address" : "wrong", fault_pc == insn_pc ? "the insn" : "wrong");
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_fault;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, NULL);
  sigaction(SIGBUS, &sa, NULL);
  char *pages = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (pages == MAP_FAILED)
    return 2;
  char *ro = pages, *none = pages + 4096, *gone = pages + 8192;
  strcpy(ro, "read-only");
  mprotect(ro, 4096, PROT_READ);
  mprotect(none, 4096, PROT_NONE);
  munmap(gone, 4096);
  for (int k = 0; k < 4; k++) {
    try_op(k, ro, "read-only");
    try_op(k, none, "PROT_NONE");
    try_op(k, gone, "unmapped");
  }
  printf("%s\n", ro);
  return 0;
}
