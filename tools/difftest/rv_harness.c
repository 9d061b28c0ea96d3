/* rv_harness.c - guest side of the differential tester for riscv64.
 *
 *   difftest-harness-rv64 [-m] [-f FIRST] CASES.bin
 *
 * Runs every case of CASES.bin (from index FIRST) on a fresh code page and
 * prints one line per case: its id, then x1..x31 (without gp and tp, which
 * belong to the harness), frm, fflags, f0..f31 and a hash of the scratch
 * memory, as name=hex fields. A case that raises a signal prints
 * "signal=N at=K" (K is the slot) instead, and the run goes on. -m adds the
 * scratch memory, 16 bytes a field. Cases may write sp, so signals are taken
 * on an alternate stack.
 */
#define _GNU_SOURCE
#include "rv_difftest.h"
#include <setjmp.h>
#include <stdbool.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

void dt_enter(const struct rv_regs *in, struct rv_regs *out);
void dt_exit(void);
void dt_vload(const uint8_t v[512], uint64_t avl, uint64_t vtype, uint64_t vcsr);
void dt_vsave(uint8_t v[512], uint64_t csr[4]);

/* The vector state of a case of class vector: registers, vl, vtype, vcsr. */
struct rv_vstate {
  uint8_t v[512];
  uint64_t csr[4]; /* vl vtype vcsr vstart */
};

static sigjmp_buf dt_jump;
static volatile uint64_t dt_fault_pc;
static volatile int dt_fault_sig;

static void on_signal(int sig, siginfo_t *si, void *uc_) {
  ucontext_t *uc = uc_;
  (void)si;
  dt_fault_sig = sig;
  dt_fault_pc = uc->uc_mcontext.__gregs[REG_PC];
  siglongjmp(dt_jump, 1);
}

static void install_handlers(void) {
  static const int sigs[] = {SIGILL, SIGSEGV, SIGBUS, SIGTRAP, SIGFPE, SIGALRM};
  static char altstack[1 << 16];
  stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack};
  struct sigaction sa;
  sigaltstack(&ss, NULL);
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_signal;
  sa.sa_flags = SA_SIGINFO | SA_NODEFER | SA_ONSTACK;
  for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
    sigaction(sigs[i], &sa, NULL);
}

/* A case still running after this prints "timeout" (a loop case the
 * minimizer took the counter out of), under qemu and xrun alike. */
enum { RV_CASE_SECONDS = 2 };

/* Page layout: [0..7] the case; [8] ld x25, 40(x25); [9] jr x25;
 * [10..11] the address of dt_exit. The case starts with x25 = the page. */
static uint32_t *make_page(const struct rv_case *c) {
  void *want = (void *)(DT_CODE + (uint64_t)c->id * 4096);
  uint32_t *p = mmap(want, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  if (p == MAP_FAILED) {
    perror("difftest-harness-rv64: mmap code page");
    exit(2);
  }
  uint64_t back = (uint64_t)(uintptr_t)dt_exit;
  for (int i = 0; i < RV_SLOTS; i++)
    p[i] = c->insn[i];
  p[8] = 40u << 20 | RV_RCODE << 15 | 3u << 12 | RV_RCODE << 7 | 0x03; /* ld x25, 40(x25) */
  p[9] = RV_RCODE << 15 | 0x67;                                        /* jalr x0, 0(x25) */
  memcpy(&p[10], &back, 8);
  __builtin___clear_cache((char *)p, (char *)(p + 12));
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

/* Vector registers of bytes from the seed, a quarter of them special
 * (0, all ones, the signed extremes of each element size). */
static void seed_vstate(uint64_t seed, struct rv_vstate *vs, uint64_t *avl, uint64_t *vtype) {
  static const uint8_t lmul[] = {0, 0, 1, 1, 2, 3, 5, 6, 7};
  static const uint64_t special[] = {0,
                                     ~0ull,
                                     0x7f807fff80000000ull,
                                     0x3ff0000000000000ull,
                                     0x3f8000007fc00000ull,
                                     0x7ff8000000000000ull,
                                     0xbf800000c0000000ull,
                                     0x8000000000000001ull};
  bool fp = seed & 2, sew16 = seed & 4;
  for (int i = 0; i < 512; i += 8) {
    uint64_t x = dt_mix(&seed);
    if ((x & 3) == 0)
      x = special[x >> 2 & 7];
    memcpy(vs->v + i, &x, 8);
  }
  uint64_t x = dt_mix(&seed);
  unsigned sew = x & 3, lm = lmul[(x >> 2) % 9];
  if (fp) /* vectorfp: SEW 32 or 64 */
    sew = 2 + (x & 1), lm = lm >= 5 ? 7 : lm;
  if (sew16) /* vectorcvt16: SEW 16 */
    sew = 1, lm = lm == 5 ? 6 : lm;
  if (lm >= 5 && sew > lm - 5)
    sew = lm - 5; /* SEW <= ELEN * LMUL */
  *vtype = (x >> 8 & 3) << 6 | sew << 3 | lm;
  *avl = (x >> 16) % 40;
  vs->csr[2] = x >> 24 & 7; /* vxrm, vxsat */
}

static void print_vstate(const struct rv_vstate *vs) {
  printf(" vl=%llx vtype=%llx vcsr=%llx vstart=%llx", (unsigned long long)vs->csr[0],
         (unsigned long long)vs->csr[1], (unsigned long long)vs->csr[2],
         (unsigned long long)vs->csr[3]);
  for (int i = 0; i < 32; i++) {
    printf(" v%d=", i);
    for (int j = 15; j >= 0; j--)
      printf("%02x", vs->v[i * 16 + j]);
  }
}

static struct rv_vstate vout;
static int vout_valid;

static void print_state(const struct rv_regs *r, const uint8_t *mem, int dump_mem) {
  for (int i = 1; i < 32; i++)
    if (i != RV_RGP && i != RV_RTP)
      printf(" x%d=%016llx", i, (unsigned long long)r->x[i]);
  printf(" frm=%llx fflags=%02llx", (unsigned long long)(r->fcsr >> 5 & 7),
         (unsigned long long)(r->fcsr & 31));
  for (int i = 0; i < 32; i++)
    printf(" f%d=%016llx", i, (unsigned long long)r->f[i]);
  printf(" mem=%016llx", (unsigned long long)hash_mem(mem));
  if (vout_valid)
    print_vstate(&vout);
  for (int i = 0; dump_mem && i < DT_MEMSIZE; i += 16) {
    printf(" m%04x=", i);
    for (int j = 0; j < 16; j++)
      printf("%02x", mem[i + j]);
  }
  printf("\n");
}

static void run_case(const struct rv_case *c, uint8_t *mem, int dump_mem) {
  static struct rv_regs in, out;
  static struct rv_vstate vin;
  static uint64_t avl, vtype;
  uint32_t *page = make_page(c);
  fill_mem(mem, c->mem_seed);
  in = c->regs;
  in.x[RV_RCODE] = (uint64_t)(uintptr_t)page;
  memset(&out, 0, sizeof out);
  vout_valid = 0;
  if (c->vseed)
    seed_vstate(c->vseed, &vin, &avl, &vtype);
  printf("%u", c->id);
  if (sigsetjmp(dt_jump, 1) == 0) {
    alarm(RV_CASE_SECONDS);
    if (c->vseed)
      dt_vload(vin.v, avl, vtype, vin.csr[2]);
    dt_enter(&in, &out);
    alarm(0);
    if (c->vseed)
      dt_vsave(vout.v, vout.csr), vout_valid = 1;
    out.x[RV_RCODE] = in.x[RV_RCODE]; /* the exit stub reused it */
    print_state(&out, mem, dump_mem);
  } else if (dt_fault_sig == SIGALRM) {
    printf(" timeout\n");
  } else {
    alarm(0);
    long slot = (long)(dt_fault_pc - (uint64_t)(uintptr_t)page) / 4;
    if (slot < 0 || slot > RV_SLOTS)
      slot = -1;
    printf(" signal=%d at=%ld\n", dt_fault_sig, slot);
  }
  fflush(stdout);
  munmap(page, 4096);
}

static struct rv_case *read_cases(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    perror(path);
    exit(2);
  }
  size_t cap = 1024, len = 0;
  struct rv_case *cs = malloc(cap * sizeof *cs);
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
    fprintf(stderr, "usage: difftest-harness-rv64 [-m] [-f FIRST] CASES.bin\n");
    return 2;
  }
  struct rv_case *cs = read_cases(argv[optind], &n);
  uint8_t *mem = mmap((void *)DT_MEM, DT_MEMSIZE, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  if (mem != (void *)DT_MEM) {
    perror("difftest-harness-rv64: mmap scratch");
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
