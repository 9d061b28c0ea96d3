/* riscv_hwprobe and /proc/cpuinfo advertise exactly what runs: every
 * extension bit of RISCV_HWPROBE_KEY_IMA_EXT_0 is named from the bit
 * numbers of Linux's arch/riscv/include/uapi/asm/hwprobe.h, and for each
 * extension a probe instruction (by .insn, so no -march is needed) must run
 * without SIGILL. Also the other keys (Documentation/arch/riscv/hwprobe.rst):
 * base behaviour IMA = 1, misaligned scalar access FAST = 3, vector access UNSUPPORTED = 4 (V is
 * not advertised by the default CPU model; hwprobe_cpu_max.c: FAST with -cpu max), the Zicboz and
 * Zicbom block sizes (keys 6 and 12) 64, the T-Head vendor extensions (key 11) none, an unknown key
 * comes back as key -1 value 0, and flags RISCV_HWPROBE_WHICH_CPUS without a CPU set is EINVAL
 * (hwprobe_get_cpus). qemu-riscv64 7.2 has no riscv_hwprobe (ENOSYS) and shows the host's
 * /proc/cpuinfo: the expected output is written by hand from the header. */
// test: qemu-wrong: qemu-riscv64 7.2 has no riscv_hwprobe and no guest /proc/cpuinfo
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

struct pair {
  int64_t key;
  uint64_t value;
};

static long hwprobe(struct pair *p, long n, long flags) {
  return syscall(258, p, n, 0, NULL, flags);
}

static sigjmp_buf env;
static void on_ill(int sig) {
  (void)sig;
  siglongjmp(env, 1);
}

/* One instruction of each extension, with its operands in t0..t2. */
#define PROBE(name, text)                                                                          \
  static void name(void) {                                                                         \
    __asm__ volatile("li t1, 0x1234\n\tli t2, 3\n\t" text ::: "t0", "t1", "t2", "ft0", "memory");  \
  }
PROBE(p_fd, "fcvt.d.w ft0, t1")
PROBE(p_c, ".insn 0x0001")                             /* c.nop */
PROBE(p_v, ".insn 0x04007057")                         /* vsetvli zero, zero, e8, m1, ta, mu */
PROBE(p_zba, ".insn r 0x33, 2, 0x10, t0, t1, t2")      /* sh1add */
PROBE(p_zbb, ".insn r 0x33, 7, 0x20, t0, t1, t2")      /* andn */
PROBE(p_zbs, ".insn r 0x33, 1, 0x14, t0, t1, t2")      /* bset */
PROBE(p_zbc, ".insn r 0x33, 1, 0x05, t0, t1, t2")      /* clmul */
PROBE(p_zbkb, ".insn r 0x33, 4, 0x04, t0, t1, t2")     /* pack */
PROBE(p_zbkx, ".insn r 0x33, 4, 0x14, t0, t1, t2")     /* xperm8 */
PROBE(p_zicond, ".insn r 0x33, 5, 0x07, t0, t1, t2")   /* czero.eqz */
PROBE(p_zfh, ".insn r 0x53, 0, 0x02, ft0, ft0, ft0")   /* fadd.h */
PROBE(p_zfhmin, ".insn r 0x53, 0, 0x20, ft0, ft0, f2") /* fcvt.s.h */
PROBE(p_zfa, ".insn r 0x53, 0, 0x79, ft0, f16, f1")    /* fli.d ft0, 1.0 */
static void p_zicboz(void) {
  static _Alignas(64) char block[64];
  __asm__ volatile(".insn i 0x0f, 2, x0, %0, 4" ::"r"(block) : "memory"); /* cbo.zero */
}
static void p_zicbom(void) {
  static char byte;
  __asm__ volatile(".insn i 0x0f, 2, x0, %0, 1" ::"r"(&byte) : "memory"); /* cbo.clean */
}

static const struct ext {
  unsigned bit;
  const char *name;
  void (*probe)(void);
} exts[] = {
    {0, "IMA_FD", p_fd},     {1, "IMA_C", p_c},        {2, "IMA_V", p_v},
    {3, "ZBA", p_zba},       {4, "ZBB", p_zbb},        {5, "ZBS", p_zbs},
    {6, "ZICBOZ", p_zicboz}, {7, "ZBC", p_zbc},        {8, "ZBKB", p_zbkb},
    {10, "ZBKX", p_zbkx},    {27, "ZFH", p_zfh},       {28, "ZFHMIN", p_zfhmin},
    {32, "ZFA", p_zfa},      {35, "ZICOND", p_zicond}, {55, "ZICBOM", p_zicbom},
};

static void ima_ext_0(uint64_t v) {
  printf("IMA_EXT_0 = %#llx\n", (unsigned long long)v);
  for (unsigned i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
    if (!(v >> exts[i].bit & 1))
      continue;
    v &= ~(1ull << exts[i].bit);
    int ok = !sigsetjmp(env, 1);
    if (ok)
      exts[i].probe();
    printf("  %s: %s\n", exts[i].name, ok ? "runs" : "SIGILL");
  }
  if (v)
    printf("  bits this test does not know: %#llx\n", (unsigned long long)v);
}

static void cpuinfo_isa(void) {
  char line[512];
  FILE *f = fopen("/proc/cpuinfo", "r");
  while (f && fgets(line, sizeof line, f))
    if (!strncmp(line, "isa", 3)) {
      printf("cpuinfo %s", line);
      break;
    }
  if (f)
    fclose(f);
}

int main(void) {
  signal(SIGILL, on_ill);
  struct pair p[] = {{3, 0}, {4, 0}, {5, 0}, {6, 0}, {9, 0}, {10, 0}, {11, 0}, {12, 0}, {99, 7}};
  long n = sizeof(p) / sizeof(p[0]);
  printf("hwprobe: %ld\n", hwprobe(p, n, 0));
  for (long i = 0; i < n; i++)
    if (p[i].key == 4)
      ima_ext_0(p[i].value);
    else
      printf("key %lld = %llu\n", (long long)p[i].key, (unsigned long long)p[i].value);
  long r = hwprobe(p, 1, 1);
  printf("flags 1: %ld %s\n", r, r < 0 ? strerror(errno) : "");
  cpuinfo_isa();
  return 0;
}
