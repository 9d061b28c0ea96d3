/* Zicbom, Zicboz and Zicbop as Linux runs them in user mode (CMO spec 1.0;
 * encodings by .insn, binutils 2.40 knows them but not every -march does).
 * The expected output is written by hand from the spec, since qemu-riscv64
 * 7.2 has none of them:
 * - cbo.zero zeroes exactly the 64-byte block (riscv_hwprobe's
 *   ZICBOZ_BLOCK_SIZE, key 6) that holds rs1, whatever rs1's alignment, also
 *   the last block before an inaccessible page;
 * - where the block may not be written it raises a store fault: SIGSEGV with
 *   si_addr = rs1 (the address the instruction names, as in the Sail model),
 *   SEGV_ACCERR on a mapped page (PROT_NONE, read-only), and nothing written;
 * - cbo.clean and cbo.flush are allowed where a load or a store is (so on a
 *   read-only page), and fault as stores where neither is: SEGV_ACCERR on
 *   PROT_NONE, SEGV_MAPERR where nothing is mapped (page 1, below any
 *   program); si_addr = rs1;
 * - cbo.inval is SIGILL (ILL_ILLOPC at the instruction): Linux leaves
 *   senvcfg.CBIE = 00 for user mode;
 * - prefetch.i/r/w are ORI hints with rd = x0: nothing happens, even for an
 *   address that is not mapped;
 * - riscv_hwprobe's ZICBOM_BLOCK_SIZE (key 12) is 64 too. */
// test: qemu-wrong: qemu-riscv64 7.2 has no Zicbom or Zicboz (the expected output is the spec's)
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

static sigjmp_buf env;
static uintptr_t base; /* addresses are printed relative to this */
static void on_sig(int sig, siginfo_t *si, void *ctx) {
  (void)ctx;
  printf("  %s code %d addr %+ld\n",
         sig == SIGSEGV  ? "SIGSEGV"
         : sig == SIGILL ? "SIGILL"
                         : "?",
         si->si_code, sig == SIGILL ? 0 : (long)((uintptr_t)si->si_addr - base));
  siglongjmp(env, 1);
}

#define CBO(name, imm)                                                                             \
  static void name(uintptr_t p) {                                                                  \
    __asm__ volatile(".insn i 0x0f, 2, x0, %0, " #imm ::"r"(p) : "memory");                        \
  }
CBO(cbo_inval, 0)
CBO(cbo_clean, 1)
CBO(cbo_flush, 2)
CBO(cbo_zero, 4)

static void prefetches(uintptr_t p) {
  __asm__ volatile("ori x0, %0, 0\n\t"   /* prefetch.i 0(p) */
                   "ori x0, %0, 1\n\t"   /* prefetch.r 0(p) */
                   "ori x0, %0, 3\n\t"   /* prefetch.w 0(p) */
                   "ori x0, %0, -29\n\t" /* prefetch.w -32(p): imm[4:0] = 3 */
                   ::"r"(p));
}

static void try(const char *what, void (*op)(uintptr_t), uintptr_t p) {
  printf("%s at %+ld\n", what, (long)(p - base));
  if (!sigsetjmp(env, 1)) {
    op(p);
    printf("  no signal\n");
  }
}

/* The runs of zero bytes in [p, p + n), relative to base. */
static void zeros(const unsigned char *p, size_t n) {
  printf("  zero:");
  for (size_t i = 0; i < n; i++)
    if (!p[i] && (i == 0 || p[i - 1]))
      printf(" [%+ld", (long)((uintptr_t)(p + i) - base));
    else if (p[i] && i && !p[i - 1])
      printf(", %+ld)", (long)((uintptr_t)(p + i) - base));
  if (n && !p[n - 1])
    printf(", %+ld)", (long)((uintptr_t)(p + n) - base));
  printf("\n");
}

static long hwprobe_key(long key) {
  struct {
    int64_t key;
    uint64_t value;
  } pair = {key, 0};
  syscall(258, &pair, 1, 0, NULL, 0);
  return pair.key == key ? (long)pair.value : -1;
}

int main(void) {
  struct sigaction sa = {.sa_sigaction = on_sig, .sa_flags = SA_SIGINFO | SA_NODEFER};
  sigaction(SIGSEGV, &sa, NULL);
  sigaction(SIGILL, &sa, NULL);
  printf("hwprobe zicboz block %ld, zicbom block %ld\n", hwprobe_key(6), hwprobe_key(12));

  /* pages: 0 rw, 1 none, 2 read-only */
  long pg = sysconf(_SC_PAGESIZE);
  unsigned char *m = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  base = (uintptr_t)m;
  memset(m, 0xaa, pg);
  mprotect(m + pg, pg, PROT_NONE);
  mprotect(m + 2 * pg, pg, PROT_READ);

  try("cbo.zero", cbo_zero, base + 64 + 13);
  zeros(m, 256);
  try("cbo.zero", cbo_zero, base + 255);
  zeros(m, 320);
  try("cbo.zero", cbo_zero, base + pg - 1);
  zeros(m + pg - 128, 128);
  try("cbo.zero", cbo_zero, base + pg + 0x48);
  try("cbo.zero", cbo_zero, base + 2 * pg + 8);
  memset(m, 0xaa, pg);
  try("cbo.clean", cbo_clean, base + 5);
  try("cbo.flush", cbo_flush, base + 2 * pg + 100);
  try("cbo.clean", cbo_clean, base + pg + 3);
  try("cbo.inval", cbo_inval, base + 64);
  zeros(m, pg);
  base = 0; /* page 1, which nothing maps */
  try("cbo.zero", cbo_zero, 0x107f);
  try("cbo.flush", cbo_flush, 0x1040);
  try("prefetch", prefetches, 0x1040);
  try("prefetch", prefetches, 0);
  return 0;
}
