/* signal_regs_roundtrip.c - every general register, NZCV, FPCR, FPSR and all
 * 32 V registers hold known patterns when a signal arrives: from brk (SIGTRAP,
 * the handler steps over it), from svc tgkill (SIGUSR1 on the way out of the
 * syscall) and from a timer while spinning (SIGALRM). The handler checks the
 * ucontext (regs, pstate, the fpsimd_context record), clobbers every
 * caller-saved register, FPCR and FPSR, and returns; afterwards every
 * register must be back exactly.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <ucontext.h>
#include <unistd.h>
// test: arm-only: inline assembly and the arm64 ucontext

struct regs {
  uint64_t x[31]; /* 0 */
  uint64_t nzcv;  /* 248 */
  uint64_t fpcr;  /* 256 */
  uint64_t fpsr;  /* 264 */
  uint8_t v[32][16]; /* 272 */
};

/* void regs_run_<kind>(const struct regs *in, struct regs *out): load every
 * register from in, run the trigger, store every register to out. */
#define REGS_FN(name, trigger)                                                                     \
  __asm__(".text\n.global " #name "\n.type " #name ", %function\n" #name ":\n"                     \
          "stp x29, x30, [sp, #-176]!\n"                                                           \
          "stp x19, x20, [sp, #16]\n stp x21, x22, [sp, #32]\n stp x23, x24, [sp, #48]\n"          \
          "stp x25, x26, [sp, #64]\n stp x27, x28, [sp, #80]\n"                                    \
          "stp d8, d9, [sp, #96]\n stp d10, d11, [sp, #112]\n stp d12, d13, [sp, #128]\n"          \
          "stp d14, d15, [sp, #144]\n str x1, [sp, #160]\n"                                        \
          "add x9, x0, #272\n"                                                                     \
          "ld1 {v0.16b-v3.16b}, [x9], #64\n ld1 {v4.16b-v7.16b}, [x9], #64\n"                      \
          "ld1 {v8.16b-v11.16b}, [x9], #64\n ld1 {v12.16b-v15.16b}, [x9], #64\n"                   \
          "ld1 {v16.16b-v19.16b}, [x9], #64\n ld1 {v20.16b-v23.16b}, [x9], #64\n"                  \
          "ld1 {v24.16b-v27.16b}, [x9], #64\n ld1 {v28.16b-v31.16b}, [x9], #64\n"                  \
          "ldr x9, [x0, #256]\n msr fpcr, x9\n ldr x9, [x0, #264]\n msr fpsr, x9\n"                \
          "ldr x9, [x0, #248]\n msr nzcv, x9\n"                                                    \
          "ldp x1, x2, [x0, #8]\n ldp x3, x4, [x0, #24]\n ldp x5, x6, [x0, #40]\n"                 \
          "ldp x7, x8, [x0, #56]\n ldp x9, x10, [x0, #72]\n ldp x11, x12, [x0, #88]\n"             \
          "ldp x13, x14, [x0, #104]\n ldp x15, x16, [x0, #120]\n ldp x17, x18, [x0, #136]\n"       \
          "ldp x19, x20, [x0, #152]\n ldp x21, x22, [x0, #168]\n ldp x23, x24, [x0, #184]\n"       \
          "ldp x25, x26, [x0, #200]\n ldp x27, x28, [x0, #216]\n ldp x29, x30, [x0, #232]\n"       \
          "ldr x0, [x0]\n" trigger "\n"                                                            \
          "stp x0, x1, [sp, #-16]!\n"                                                              \
          "mrs x0, nzcv\n ldr x1, [sp, #176]\n str x0, [x1, #248]\n"                               \
          "mrs x0, fpcr\n str x0, [x1, #256]\n mrs x0, fpsr\n str x0, [x1, #264]\n"                \
          "stp x2, x3, [x1, #16]\n stp x4, x5, [x1, #32]\n stp x6, x7, [x1, #48]\n"                \
          "stp x8, x9, [x1, #64]\n stp x10, x11, [x1, #80]\n stp x12, x13, [x1, #96]\n"            \
          "stp x14, x15, [x1, #112]\n stp x16, x17, [x1, #128]\n stp x18, x19, [x1, #144]\n"       \
          "stp x20, x21, [x1, #160]\n stp x22, x23, [x1, #176]\n stp x24, x25, [x1, #192]\n"       \
          "stp x26, x27, [x1, #208]\n stp x28, x29, [x1, #224]\n str x30, [x1, #240]\n"            \
          "ldp x2, x3, [sp], #16\n stp x2, x3, [x1]\n"                                             \
          "add x9, x1, #272\n"                                                                     \
          "st1 {v0.16b-v3.16b}, [x9], #64\n st1 {v4.16b-v7.16b}, [x9], #64\n"                      \
          "st1 {v8.16b-v11.16b}, [x9], #64\n st1 {v12.16b-v15.16b}, [x9], #64\n"                   \
          "st1 {v16.16b-v19.16b}, [x9], #64\n st1 {v20.16b-v23.16b}, [x9], #64\n"                  \
          "st1 {v24.16b-v27.16b}, [x9], #64\n st1 {v28.16b-v31.16b}, [x9], #64\n"                  \
          "ldp x19, x20, [sp, #16]\n ldp x21, x22, [sp, #32]\n ldp x23, x24, [sp, #48]\n"          \
          "ldp x25, x26, [sp, #64]\n ldp x27, x28, [sp, #80]\n"                                    \
          "ldp d8, d9, [sp, #96]\n ldp d10, d11, [sp, #112]\n ldp d12, d13, [sp, #128]\n"          \
          "ldp d14, d15, [sp, #144]\n"                                                             \
          "ldp x29, x30, [sp], #176\n ret\n.size " #name ", .-" #name "\n")

REGS_FN(regs_run_brk, ".global brk_at\n brk_at: brk #3");
REGS_FN(regs_run_svc, "svc #0\n .global svc_after\n svc_after:");
/* x10 holds &spin_flag; x9 is 0 until the handler sets the flag. */
REGS_FN(regs_run_spin, ".global spin_begin, spin_end\n spin_begin: ldr w9, [x10]\n"
                       "cbz w9, spin_begin\n spin_end:");

void regs_run_brk(const struct regs *in, struct regs *out);
void regs_run_svc(const struct regs *in, struct regs *out);
void regs_run_spin(const struct regs *in, struct regs *out);
extern const char brk_at[], svc_after[], spin_begin[], spin_end[];

/* Set every caller-saved register, NZCV, FPCR and FPSR to something else. */
__asm__(".text\n.global clobber\n.type clobber, %function\nclobber:\n"
        "mov x9, #0x5a5a\n"
        "dup v0.16b, w9\n dup v1.16b, w9\n dup v2.16b, w9\n dup v3.16b, w9\n"
        "dup v4.16b, w9\n dup v5.16b, w9\n dup v6.16b, w9\n dup v7.16b, w9\n"
        "dup v16.16b, w9\n dup v17.16b, w9\n dup v18.16b, w9\n dup v19.16b, w9\n"
        "dup v20.16b, w9\n dup v21.16b, w9\n dup v22.16b, w9\n dup v23.16b, w9\n"
        "dup v24.16b, w9\n dup v25.16b, w9\n dup v26.16b, w9\n dup v27.16b, w9\n"
        "dup v28.16b, w9\n dup v29.16b, w9\n dup v30.16b, w9\n dup v31.16b, w9\n"
        "mov x0, x9\n mov x1, x9\n mov x2, x9\n mov x3, x9\n mov x4, x9\n mov x5, x9\n"
        "mov x6, x9\n mov x7, x9\n mov x8, x9\n mov x10, x9\n mov x11, x9\n mov x12, x9\n"
        "mov x13, x9\n mov x14, x9\n mov x15, x9\n mov x16, x9\n mov x17, x9\n"
        "msr fpcr, xzr\n msr fpsr, xzr\n msr nzcv, xzr\n ret\n"
        ".size clobber, .-clobber\n");
void clobber(void);

static struct regs want, got;
static volatile int spin_flag, frame_bad, frame_checked, handler_hits;
static volatile uint64_t frame_pc;
static int expect_sig;

/* The fpsimd_context record in __reserved (magic 0x46508001, size 528). */
static const struct fpsimd_context *find_fpsimd(const mcontext_t *mc)
{
  const uint8_t *p = (const uint8_t *)mc->__reserved;
  for (size_t off = 0; off + 8 <= sizeof(mc->__reserved);) {
    const struct _aarch64_ctx *h = (const void *)(p + off);
    if (h->magic == 0 || h->size == 0)
      return NULL;
    if (h->magic == FPSIMD_MAGIC)
      return (const void *)h;
    off += h->size;
  }
  return NULL;
}

static int check_frame(const ucontext_t *uc, uint64_t skip)
{
  const mcontext_t *mc = &uc->uc_mcontext;
  int bad = 0;
  for (int i = 0; i < 31; i++)
    if (!(skip & (1ull << i)) && mc->regs[i] != want.x[i])
      bad++;
  if ((mc->pstate >> 28) != (want.nzcv >> 28))
    bad++;
  const struct fpsimd_context *fp = find_fpsimd(mc);
  if (!fp || fp->head.size != 528)
    return bad + 100;
  if (fp->fpcr != want.fpcr || fp->fpsr != want.fpsr)
    bad++;
  if (memcmp(fp->vregs, want.v, sizeof(want.v)))
    bad++;
  return bad;
}

static void on_signal(int sig, siginfo_t *si, void *ucv)
{
  ucontext_t *uc = ucv;
  handler_hits++;
  if (sig != expect_sig)
    return;
  if (sig == SIGALRM) {
    uint64_t pc = uc->uc_mcontext.pc;
    if (pc < (uint64_t)spin_begin || pc >= (uint64_t)spin_end) {
      struct itimerval it = {{0, 0}, {0, 5000}}; /* not in the loop yet: again */
      setitimer(ITIMER_REAL, &it, NULL);
      return;
    }
    frame_bad = check_frame(uc, 1ull << 9);
    spin_flag = 1;
  } else if (sig == SIGTRAP) {
    frame_pc = uc->uc_mcontext.pc;
    frame_bad = check_frame(uc, 0) + (si->si_code != TRAP_BRKPT);
    uc->uc_mcontext.pc += 4; /* step over the brk */
  } else {
    frame_pc = uc->uc_mcontext.pc;
    frame_bad = check_frame(uc, 0) + (si->si_code != SI_TKILL);
  }
  frame_checked = 1;
  double d = 1.0;
  for (int i = 0; i < 10; i++)
    d = d / 3.0 + 1e-300; /* inexact: sets FPSR.IXC */
  volatile double sink = d;
  (void)sink;
  clobber();
}

static void fill(uint64_t seed)
{
  for (int i = 0; i < 31; i++)
    want.x[i] = (0x0101010101010101ull * (uint64_t)(i + 1)) ^ (seed << 32) ^ 0x8000000000000000ull;
  for (int i = 0; i < 32; i++)
    for (int j = 0; j < 16; j++)
      want.v[i][j] = (uint8_t)(i * 16 + j + seed);
  want.nzcv = 0xa0000000; /* N and C */
  want.fpcr = 0x00c00000; /* round towards zero */
  want.fpsr = 0x08000001; /* QC and IOC */
}

static int compare(uint64_t skip)
{
  int bad = 0;
  for (int i = 0; i < 31; i++)
    if (!(skip & (1ull << i)) && got.x[i] != want.x[i]) {
      printf("  x%d: %016llx, want %016llx\n", i, (unsigned long long)got.x[i],
             (unsigned long long)want.x[i]);
      bad++;
    }
  for (int i = 0; i < 32; i++)
    if (memcmp(got.v[i], want.v[i], 16)) {
      printf("  v%d differs\n", i);
      bad++;
    }
  if (got.nzcv != want.nzcv || got.fpcr != want.fpcr || got.fpsr != want.fpsr) {
    printf("  nzcv %llx fpcr %llx fpsr %llx\n", (unsigned long long)got.nzcv,
           (unsigned long long)got.fpcr, (unsigned long long)got.fpsr);
    bad++;
  }
  return bad;
}

static void report(const char *what, int bad_after)
{
  printf("%s: handler ran %d, frame %s, registers after %s\n", what, frame_checked,
         frame_bad ? "WRONG" : "exact", bad_after ? "WRONG" : "exact");
  frame_checked = 0;
  frame_bad = 0;
}

int main(void)
{
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_signal;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGTRAP, &sa, NULL);
  sigaction(SIGUSR1, &sa, NULL);
  sigaction(SIGALRM, &sa, NULL);

  fill(1);
  expect_sig = SIGTRAP;
  regs_run_brk(&want, &got);
  report("brk", compare(0));
  printf("brk: frame pc is the brk %d\n", frame_pc == (uint64_t)brk_at);

  fill(2);
  want.x[0] = (uint64_t)getpid();
  want.x[1] = (uint64_t)syscall(SYS_gettid);
  want.x[2] = SIGUSR1;
  want.x[8] = SYS_tgkill;
  expect_sig = SIGUSR1;
  struct regs in = want;
  want.x[0] = 0; /* tgkill's result, in the frame and after */
  regs_run_svc(&in, &got);
  report("svc", compare(0));
  printf("svc: frame pc after the svc %d\n", frame_pc == (uint64_t)svc_after);

  for (int round = 0; round < 3; round++) {
    fill(3 + round);
    want.x[9] = 0;
    want.x[10] = (uint64_t)&spin_flag;
    spin_flag = 0;
    expect_sig = SIGALRM;
    struct itimerval it = {{0, 0}, {0, 20000}};
    setitimer(ITIMER_REAL, &it, NULL);
    regs_run_spin(&want, &got);
    want.x[9] = 1; /* the flag the loop read */
    report("timer", compare(0));
  }
  return 0;
}
