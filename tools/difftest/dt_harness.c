/* dt_harness.c - guest side of the differential tester (built for aarch64).
 *
 *   difftest-harness [-m] [-f FIRST] CASES.bin
 *
 * Runs every case of CASES.bin (from index FIRST) on a fresh code page and
 * prints one line per case: its id, then the final X registers, NZCV, FPSR,
 * V registers and a hash of the scratch memory, as name=hex fields. A case
 * that raises a signal prints "signal=N at=K" (K is the instruction slot)
 * instead, and the run goes on; one still running after DT_CASE_SECONDS
 * prints "timeout" (a loop case the minimizer took the counter out of).
 * -m adds the scratch memory, 16 bytes a field.
 */
#define _GNU_SOURCE
#include "difftest.h"
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

void dt_enter(const struct dt_regs *in, struct dt_regs *out, void *code);
void dt_exit(void);

static sigjmp_buf dt_jump;
static volatile uint64_t dt_fault_pc;
static volatile int dt_fault_sig;

static void on_signal(int sig, siginfo_t *si, void *uc_) {
  ucontext_t *uc = uc_;
  (void)si;
  dt_fault_sig = sig;
  dt_fault_pc = uc->uc_mcontext.pc;
  siglongjmp(dt_jump, 1);
}

enum { DT_CASE_SECONDS = 2 };

static void install_handlers(void) {
  static const int sigs[] = {SIGILL, SIGSEGV, SIGBUS, SIGTRAP, SIGFPE, SIGALRM};
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_signal;
  sa.sa_flags = SA_SIGINFO | SA_NODEFER;
  for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
    sigaction(sigs[i], &sa, NULL);
}

/* ldr x28, #off (literal) */
static uint32_t ldr_lit_x28(int words) {
  return 0x58000000u | (uint32_t)words << 5 | DT_RBASE;
}

/* Page layout: [0] ldr x28, =base; [1..8] the case; [9] ldr x28, =dt_exit;
 * [10] br x28; [12] base literal; [14] dt_exit literal. */
static uint32_t *make_page(const struct dt_case *c) {
  void *want = (void *)(DT_CODE + (uint64_t)c->id * 4096);
  uint32_t *p = mmap(want, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  if (p == MAP_FAILED) {
    perror("difftest-harness: mmap code page");
    exit(2);
  }
  uint64_t base = c->regs.x[DT_RBASE], back = (uint64_t)(uintptr_t)dt_exit;
  p[0] = ldr_lit_x28(12);
  for (int i = 0; i < DT_SLOTS; i++)
    p[1 + i] = c->insn[i];
  p[9] = ldr_lit_x28(14 - 9);
  p[10] = 0xd61f0380u; /* br x28 */
  p[11] = DT_NOP;
  memcpy(&p[12], &base, 8);
  memcpy(&p[14], &back, 8);
  __builtin___clear_cache((char *)p, (char *)(p + 16));
  return p;
}

static void fill_mem(uint8_t *mem, uint64_t seed) {
  for (int i = 0; i < DT_MEMSIZE; i += 8) {
    uint64_t v = dt_mix(&seed);
    memcpy(mem + i, &v, 8);
  }
}

static uint64_t hash_mem(const uint8_t *mem) {
  uint64_t h = 0xcbf29ce484222325ull; /* FNV-1a */
  for (int i = 0; i < DT_MEMSIZE; i++)
    h = (h ^ mem[i]) * 0x100000001b3ull;
  return h;
}

static void print_state(const struct dt_regs *r, const uint8_t *mem, int dump_mem) {
  for (int i = 0; i < 31; i++)
    printf(" x%d=%016llx", i, (unsigned long long)r->x[i]);
  printf(" nzcv=%llx fpsr=%08llx", (unsigned long long)r->nzcv >> 28, (unsigned long long)r->fpsr);
  for (int i = 0; i < 32; i++)
    printf(" v%d=%016llx%016llx", i, (unsigned long long)r->v[2 * i + 1],
           (unsigned long long)r->v[2 * i]);
  printf(" mem=%016llx", (unsigned long long)hash_mem(mem));
  for (int i = 0; dump_mem && i < DT_MEMSIZE; i += 16) {
    printf(" m%04x=", i);
    for (int j = 0; j < 16; j++)
      printf("%02x", mem[i + j]);
  }
  printf("\n");
}

static void run_case(const struct dt_case *c, uint8_t *mem, int dump_mem) {
  static struct dt_regs out;
  uint32_t *page = make_page(c);
  fill_mem(mem, c->mem_seed);
  memset(&out, 0, sizeof out);
  printf("%u", c->id);
  if (sigsetjmp(dt_jump, 1) == 0) {
    alarm(DT_CASE_SECONDS);
    dt_enter(&c->regs, &out, page);
    alarm(0);
    out.x[DT_RBASE] = c->regs.x[DT_RBASE]; /* the exit stub reused it */
    print_state(&out, mem, dump_mem);
  } else if (dt_fault_sig == SIGALRM) {
    printf(" timeout\n");
  } else {
    alarm(0);
    long slot = ((long)(dt_fault_pc - (uint64_t)(uintptr_t)page) - 4) / 4;
    if (slot < -1 || slot > DT_SLOTS)
      slot = -1;
    printf(" signal=%d at=%ld\n", dt_fault_sig, slot);
  }
  fflush(stdout);
  munmap(page, 4096);
}

static struct dt_case *read_cases(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    perror(path);
    exit(2);
  }
  size_t cap = 1024, len = 0;
  struct dt_case *cs = malloc(cap * sizeof *cs);
  while (cs && fread(&cs[len], sizeof *cs, 1, f) == 1)
    if (++len == cap)
      cs = realloc(cs, (cap *= 2) * sizeof *cs);
  fclose(f);
  if (!cs)
    exit(2);
  *n = len;
  return cs;
}

int main(int argc, char **argv) {
  int opt, dump_mem = 0;
  size_t first = 0, n;
  while ((opt = getopt(argc, argv, "mf:")) != -1) {
    if (opt == 'm')
      dump_mem = 1;
    else if (opt == 'f')
      first = strtoul(optarg, NULL, 0);
    else
      return 2;
  }
  if (optind != argc - 1) {
    fprintf(stderr, "usage: difftest-harness [-m] [-f FIRST] CASES.bin\n");
    return 2;
  }
  struct dt_case *cs = read_cases(argv[optind], &n);
  uint8_t *mem = mmap((void *)DT_MEM, DT_MEMSIZE, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  if (mem != (void *)DT_MEM) {
    perror("difftest-harness: mmap scratch");
    return 2;
  }
  install_handlers();
  /* whole lines only: a case that kills the process leaves no partial line */
  static char outbuf[1 << 16];
  setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
  for (size_t i = first; i < n; i++)
    run_case(&cs[i], mem, dump_mem);
  return 0;
}
