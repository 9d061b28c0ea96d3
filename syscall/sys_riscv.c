/* sys_riscv.c - riscv64's own system calls (rv64_syscalls.def):
 * riscv_hwprobe, which answers exactly what the guest implements
 * (Documentation/arch/riscv/hwprobe.rst), and riscv_flush_icache, which
 * drops the translations of the code a program wrote (as IC IVAU does on
 * arm64). */
#include <string.h>
#include "sys_int.h"
#include "../tcache/tcache.h"

enum {
  RV_HWPROBE_MVENDORID = 0,
  RV_HWPROBE_MARCHID = 1,
  RV_HWPROBE_MIMPID = 2,
  RV_HWPROBE_BASE_BEHAVIOR = 3, /* 1: IMA as the unprivileged spec defines them */
  RV_HWPROBE_IMA_EXT_0 = 4,
  RV_HWPROBE_CPUPERF_0 = 5, /* misaligned access performance (older key) */
  RV_HWPROBE_ZICBOZ_BLOCK_SIZE = 6,
  RV_HWPROBE_HIGHEST_VIRT_ADDRESS = 7,
  RV_HWPROBE_TIME_CSR_FREQ = 8, /* rdtime counts at 10 MHz (rv64_csr.c) */
  RV_HWPROBE_MISALIGNED_SCALAR = 9,
  RV_HWPROBE_MISALIGNED_VECTOR = 10,
  RV_HWPROBE_VENDOR_EXT_THEAD_0 = 11, /* not a T-Head core: 0 */
  RV_HWPROBE_ZICBOM_BLOCK_SIZE = 12,
  RV_HWPROBE_KEYS = 13,
};

enum {
  RV_MISALIGNED_FAST = 3,        /* the host does them in hardware */
  RV_MISALIGNED_UNSUPPORTED = 4, /* no vector unit */
};

struct rv_hwprobe_pair {
  int64_t key;
  uint64_t value;
};

static uint64_t sys_hwprobe_value(const struct guest *g, int64_t key) {
  switch (key) {
  case RV_HWPROBE_BASE_BEHAVIOR: return 1;
  case RV_HWPROBE_IMA_EXT_0: return g->hwprobe_ima_ext0;
  case RV_HWPROBE_CPUPERF_0:
  case RV_HWPROBE_MISALIGNED_SCALAR: return RV_MISALIGNED_FAST;
  case RV_HWPROBE_HIGHEST_VIRT_ADDRESS: return SYS_VA_LIMIT - 1;
  case RV_HWPROBE_TIME_CSR_FREQ: return 10000000;
  case RV_HWPROBE_MISALIGNED_VECTOR: /* V's element accesses are the host's */
    return g->hwcap >> ('V' - 'A') & 1 ? RV_MISALIGNED_FAST : RV_MISALIGNED_UNSUPPORTED;
  case RV_HWPROBE_ZICBOZ_BLOCK_SIZE:
  case RV_HWPROBE_ZICBOM_BLOCK_SIZE: return g->cbo_block_size;
  default: return 0; /* vendor, arch and implementation ids; vendor extensions */
  }
}

/* riscv_hwprobe(pairs, pair_count, cpusetsize, cpus, flags): every CPU is
 * the same, so the CPU set only needs to be readable. An unknown key gets
 * key -1 and value 0. */
int64_t sys_riscv_hwprobe(const struct sys_call *s) {
  uint64_t at = s->a[0], n = s->a[1];
  if (s->a[4] != 0)
    return -EINVAL; /* RISCV_HWPROBE_WHICH_CPUS is not offered */
  for (uint64_t i = 0; i < n; i++, at += sizeof(struct rv_hwprobe_pair)) {
    struct rv_hwprobe_pair p;
    if (sys_copy_in(&p, at, sizeof(p)))
      return -EFAULT;
    if (p.key < 0 || p.key >= RV_HWPROBE_KEYS)
      p = (struct rv_hwprobe_pair){-1, 0};
    else
      p.value = sys_hwprobe_value(s->cpu->guest, p.key);
    if (sys_copy_out(at, &p, sizeof(p)))
      return -EFAULT;
  }
  return 0;
}

/* riscv_flush_icache(start, end, flags): flags bit 0 (SYS_RISCV_FLUSH_ICACHE_LOCAL)
 * asks for this thread only; translations are shared, so both are the same. */
int64_t sys_riscv_flush_icache(const struct sys_call *s) {
  uint64_t start = s->a[0], end = s->a[1];
  if (s->a[2] & ~1ull)
    return -EINVAL;
  if (end <= start)
    return 0;
  start &= ~(uint64_t)(TC_CODE_LINE - 1);
  end = (end + TC_CODE_LINE - 1) & ~(uint64_t)(TC_CODE_LINE - 1);
  tc_invalidate_code_line(start, end - start);
  return 0;
}
