/* fmov_halves_asm.c - FMOV between general and vector registers reads and
 * writes a vector register's 64-bit halves (fmov wN/xN <- sN/dN/vN.d[1],
 * sN/dN/vN.d[1] <- wN/xN), mixed with vector instructions on the same
 * registers in one block: a half read right after a vector op, a vector op
 * right after a half written (the rest of the register zeroed, or kept for
 * vN.d[1]), and a loop that uses s registers as spill slots for integers,
 * as compilers do under register pressure, with a load inside it that
 * faults: the SIGSEGV frame's vector registers are the guest's at that
 * instruction. */
// test: arm-only: A64 assembly
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <asm/sigcontext.h>

static void straight(uint64_t out[12]) {
  __asm__ volatile(
      /* a: halves of a vector op's result */
      "movi v1.16b, #0x11\n"
      "mov x2, #0x0102\n"
      "mov v1.d[1], x2\n"
      "add v2.4s, v1.4s, v1.4s\n"
      "fmov x3, d2\n"
      "fmov x4, v2.d[1]\n"
      "fmov w5, s2\n"
      "stp x3, x4, [%0]\n"
      "str x5, [%0, #16]\n"
      /* b: a vector op right after fmov s, w: the rest is zero */
      "movi v6.16b, #0xff\n"
      "mov w7, #0x0001\n"
      "movk w7, #0x7fff, lsl #16\n"
      "fmov s6, w7\n"
      "add v8.4s, v6.4s, v6.4s\n"
      "fmov x9, v8.d[1]\n"
      "fmov x10, d8\n"
      "fmov x11, v6.d[1]\n"
      "stp x9, x10, [%0, #24]\n"
      "str x11, [%0, #40]\n"
      /* c: both halves written from general registers */
      "mov x11, #0x1234\n"
      "movk x11, #0x5678, lsl #48\n"
      "mov x12, #0x9abc\n"
      "fmov d10, x11\n"
      "fmov v10.d[1], x12\n"
      "add v13.2d, v10.2d, v10.2d\n"
      "fmov x14, d13\n"
      "fmov x15, v13.d[1]\n"
      "stp x14, x15, [%0, #48]\n"
      /* d: the high half written over a vector op's low half */
      "movi v14.4s, #0x42\n"
      "mov x15, #0xabcd\n"
      "fmov v14.d[1], x15\n"
      "fmov x16, d14\n"
      "fmov x17, v14.d[1]\n"
      "stp x16, x17, [%0, #64]\n"
      /* e: fmov d, x then fmov w, s of the same register: the low 32 bits */
      "mov x9, #0x1111\n"
      "movk x9, #0x2222, lsl #32\n"
      "fmov d20, x9\n"
      "fmov w10, s20\n"
      "fmov x11, v20.d[1]\n"
      "stp x10, x11, [%0, #80]\n"
      :
      : "r"(out)
      : "x2", "x3", "x4", "x5", "x7", "x9", "x10", "x11", "x12", "x14", "x15", "x16", "x17", "v1",
        "v2", "v6", "v8", "v10", "v13", "v14", "v20", "memory");
}

/* Sum p[0..n) through s-register spill slots (s16, s17, s18 keep the
 * running values between iterations; v19 is a vector accumulator). */
static uint64_t spill_loop(const uint32_t *p, uint64_t n) {
  uint64_t r;
  __asm__ volatile("mov w2, #0\n"
                   "fmov s16, w2\n"
                   "fmov s17, w2\n"
                   "mov w2, #7\n"
                   "fmov s18, w2\n"
                   "movi v19.16b, #0\n"
                   "mov x6, #0\n"
                   ".globl spill_top\n"
                   "spill_top:\n"
                   "ldr w3, [%1, x6, lsl #2]\n"
                   "fmov w4, s16\n"
                   "add w4, w4, w3\n"
                   "fmov w5, s17\n"
                   "eor w5, w5, w4, ror #7\n"
                   "fmov s17, w5\n"
                   "fmov w7, s18\n"
                   "add w7, w7, w5\n"
                   "fmov s16, w4\n"
                   "fmov s18, w7\n"
                   "fmov s0, w3\n"
                   "add v19.2s, v19.2s, v0.2s\n"
                   "add x6, x6, #1\n"
                   "cmp x6, %2\n"
                   "b.ne spill_top\n"
                   "fmov w4, s16\n"
                   "fmov w5, s17\n"
                   "fmov w7, s18\n"
                   "fmov w8, s19\n"
                   "add x4, x4, x5, lsl #16\n"
                   "add x4, x4, x7, lsl #32\n"
                   "eor %0, x4, x8, lsl #40\n"
                   : "=&r"(r)
                   : "r"(p), "r"(n)
                   : "x2", "x3", "x4", "x5", "x6", "x7", "x8", "v0", "v16", "v17", "v18", "v19",
                     "memory", "cc");
  return r;
}

static volatile uint32_t seen_s[4];
static volatile uint64_t seen_x6;
static sigjmp_buf back;

static void on_segv(int sig, siginfo_t *si, void *ucv) {
  (void)sig, (void)si;
  ucontext_t *uc = ucv;
  struct fpsimd_context *fp = (struct fpsimd_context *)(void *)uc->uc_mcontext.__reserved;
  if (fp->head.magic == FPSIMD_MAGIC)
    for (int i = 0; i < 4; i++)
      seen_s[i] = (uint32_t)fp->vregs[16 + i];
  seen_x6 = uc->uc_mcontext.regs[6];
  siglongjmp(back, 1);
}

int main(void) {
  uint64_t out[12] = {0};
  straight(out);
  for (int i = 0; i < 12; i++)
    printf("straight[%d] = %016llx\n", i, (unsigned long long)out[i]);

  enum { N = 1000 };
  static uint32_t data[N];
  for (int i = 0; i < N; i++)
    data[i] = (uint32_t)(i * 2654435761u);
  printf("spill loop: %016llx\n", (unsigned long long)spill_loop(data, N));

  /* the same loop over an array whose last page is not mapped */
  long pg = 4096;
  uint8_t *m = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED || mprotect(m + pg, pg, PROT_NONE))
    return 1;
  uint32_t *q = (uint32_t *)(void *)(m + pg) - 300;
  memcpy(q, data, 300 * sizeof(uint32_t));
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, NULL);
  if (sigsetjmp(back, 1) == 0)
    printf("no fault: %016llx\n", (unsigned long long)spill_loop(q, 400));
  else
    printf("fault at x6 = %llu: s16 %08x s17 %08x s18 %08x s19 %08x\n", (unsigned long long)seen_x6,
           seen_s[0], seen_s[1], seen_s[2], seen_s[3]);
  return 0;
}
