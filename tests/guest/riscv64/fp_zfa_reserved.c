/* The encodings next to Zfa's that stay reserved on RV64 with F and D only
 * raise SIGILL (ILL_ILLOPC): FROUND with the reserved rounding modes 5 and
 * 6, FCVTMOD.W.D with any rm but RTZ, the compare and min/max function
 * codes Zfa leaves free, FLI with funct3 != 0, the binary128 forms (no Q),
 * and FMVH.X.D/FMVP.D.X, which are RV32 only. qemu-riscv64 7.2, which has
 * no Zfa, raises SIGILL on all of them too. */
// test: guest-only: riscv64 inline asm
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>

static sigjmp_buf env;
static void on_ill(int sig, siginfo_t *si, void *ctx) {
  (void)ctx;
  printf("  SIGILL %d code %d\n", sig == SIGILL, si->si_code);
  siglongjmp(env, 1);
}

#define TRY(what, text)                                                                            \
  do {                                                                                             \
    printf("%s\n", what);                                                                          \
    if (!sigsetjmp(env, 1)) {                                                                      \
      __asm__ volatile(text ::: "t0", "ft0", "ft1", "ft2");                                        \
      printf("  no signal\n");                                                                     \
    }                                                                                              \
  } while (0)

int main(void) {
  struct sigaction sa = {.sa_sigaction = on_ill, .sa_flags = SA_SIGINFO | SA_NODEFER};
  sigaction(SIGILL, &sa, NULL);
  TRY("fround.d rm=5", ".insn r 0x53, 5, 0x21, ft0, ft1, f4");
  TRY("froundnx.s rm=6", ".insn r 0x53, 6, 0x20, ft0, ft1, f5");
  TRY("fround rs2=6", ".insn r 0x53, 0, 0x21, ft0, ft1, f6");
  TRY("fcvtmod.w.d rne", ".insn r 0x53, 0, 0x61, t0, ft1, f8");
  TRY("fcvtmod.w.d dyn", ".insn r 0x53, 7, 0x61, t0, ft1, f8");
  TRY("fcvtmod.w.s", ".insn r 0x53, 1, 0x60, t0, ft1, f8");
  TRY("fcmp funct3=3", ".insn r 0x53, 3, 0x51, t0, ft1, ft2");
  TRY("fcmp funct3=6", ".insn r 0x53, 6, 0x51, t0, ft1, ft2");
  TRY("fcmp funct3=7", ".insn r 0x53, 7, 0x50, t0, ft1, ft2");
  TRY("fminmax funct3=4", ".insn r 0x53, 4, 0x15, ft0, ft1, ft2");
  TRY("fli.d funct3=1", ".insn r 0x53, 1, 0x79, ft0, f3, f1");
  TRY("fli.d rs2=2", ".insn r 0x53, 0, 0x79, ft0, f3, f2");
  TRY("fli.q", ".insn r 0x53, 0, 0x7b, ft0, f3, f1");
  TRY("fminm.q", ".insn r 0x53, 2, 0x17, ft0, ft1, ft2");
  TRY("fround.q", ".insn r 0x53, 0, 0x23, ft0, ft1, f4");
  TRY("fleq.q", ".insn r 0x53, 4, 0x53, t0, ft1, ft2");
  TRY("fmvh.x.d", ".insn r 0x53, 0, 0x71, t0, ft1, f1");
  TRY("fmvp.d.x", ".insn r 0x53, 0, 0x59, ft0, t0, t0");
  return 0;
}
