/* The riscv64 signal frame, read and written by a SA_SIGINFO handler: a
 * load from address 16 faults; the handler finds the faulting pc in
 * uc_mcontext.__gregs[REG_PC], the loaded-from register and an FP register
 * (fs0) in the frame, sets a0 and fs1 and moves the pc past the load;
 * rt_sigreturn must bring all of it back. Also SIGILL for an undefined
 * instruction (si_code ILL_ILLOPC, si_addr the pc) and SIGTRAP for ebreak. */
// test: guest-only: riscv64 inline asm and ucontext layout
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>

extern char fault_insn[], ill_insn[], brk_insn[];
static volatile int hits;

static void on_segv(int sig, siginfo_t *si, void *ctx) {
  ucontext_t *uc = ctx;
  mcontext_t *mc = &uc->uc_mcontext;
  printf("signal %d code %d addr %p at fault_insn: %d\n", sig, si->si_code, si->si_addr,
         mc->__gregs[REG_PC] == (unsigned long)fault_insn);
  printf("  t1 = %lx, fs0 = %016llx\n", mc->__gregs[6],
         (unsigned long long)mc->__fpregs.__d.__f[8]);
  mc->__gregs[10] = 42;                         /* a0 */
  mc->__fpregs.__d.__f[9] = 0x4045000000000000; /* fs1 = 42.0 */
  mc->__gregs[REG_PC] += 4;
  hits++;
}

static void on_ill(int sig, siginfo_t *si, void *ctx) {
  ucontext_t *uc = ctx;
  printf("signal %d code %d at its insn: %d %d\n", sig, si->si_code,
         si->si_addr == (void *)ill_insn || si->si_addr == (void *)brk_insn,
         uc->uc_mcontext.__gregs[REG_PC] == (unsigned long)si->si_addr);
  uc->uc_mcontext.__gregs[REG_PC] += 4;
  hits++;
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, NULL);
  sa.sa_sigaction = on_ill;
  sigaction(SIGILL, &sa, NULL);
  sigaction(SIGTRAP, &sa, NULL);
  uint64_t a0, fs1;
  __asm__ volatile(".option push\n.option norvc\n"
                   "li t1, 16\n"
                   "li a0, 7\n"
                   "li t2, 0x400921fb54442d18\n"
                   "fmv.d.x fs0, t2\n"
                   "fault_insn: ld t0, 0(t1)\n"
                   "mv %0, a0\n"
                   "fmv.x.d %1, fs1\n"
                   ".option pop\n"
                   : "=r"(a0), "=r"(fs1)
                   :
                   : "t0", "t1", "t2", "a0", "fs0", "fs1", "memory");
  printf("after: a0 = %llu, fs1 = %016llx\n", (unsigned long long)a0, (unsigned long long)fs1);
  __asm__ volatile(".option push\n.option norvc\nill_insn: .word 0\n.option pop\n");
  __asm__ volatile(".option push\n.option norvc\nbrk_insn: ebreak\n.option pop\n");
  printf("hits %d\n", hits);
  return 0;
}
