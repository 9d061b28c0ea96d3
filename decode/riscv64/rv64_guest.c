/* rv64_guest.c - the RV64GC guest descriptor: decoder, state layout and
 * what the auxv and /proc/cpuinfo advertise; its Linux ABI is the syscall
 * layer's. */
#include <elf.h>
#include <string.h>
#include "rv64.h"

#ifndef EM_RISCV
#define EM_RISCV 243
#endif

/* AT_HWCAP: one bit per single-letter extension, bit (letter - 'A')
 * (arch/riscv/include/uapi/asm/hwcap.h). Only what is implemented. */
#define RV64_HWCAP(letter) (1ull << ((letter) - 'A'))

/* riscv_hwprobe's RISCV_HWPROBE_KEY_IMA_EXT_0 bits (arch/riscv/include/uapi/asm/hwprobe.h). */
enum {
  RV64_HWPROBE_FD = 1 << 0,
  RV64_HWPROBE_C = 1 << 1,
  RV64_HWPROBE_V = 1 << 2,
  RV64_HWPROBE_ZBA = 1 << 3,
  RV64_HWPROBE_ZBB = 1 << 4,
  RV64_HWPROBE_ZBS = 1 << 5,
  RV64_HWPROBE_ZICBOZ = 1 << 6,
  RV64_HWPROBE_ZBC = 1 << 7,
  RV64_HWPROBE_ZBKB = 1 << 8,
  RV64_HWPROBE_ZBKX = 1 << 10,
  RV64_HWPROBE_ZFH = 1 << 27,
  RV64_HWPROBE_ZFHMIN = 1 << 28,
};
#define RV64_HWPROBE_ZFA    (1ull << 32)
#define RV64_HWPROBE_ZICOND (1ull << 35)
#define RV64_HWPROBE_ZICBOM (1ull << 55)

/* Program entry: pc and sp set, every other register zero, no reservation. */
static void rv64_cpu_init(struct cpu *c, uint64_t entry, uint64_t sp) {
  struct rv64_cpu *r = (struct rv64_cpu *)c;
  memset((char *)r + sizeof(struct cpu), 0, sizeof(*r) - sizeof(struct cpu));
  c->pc = entry;
  r->x[2] = sp;
  r->res_addr = ~0ull;
  r->vtype = 1ull << 63; /* vill until a vsetvl */
}

static uint32_t rv64_fp_status(struct cpu *c) {
  return (uint32_t)rv64_fcsr_merge((struct rv64_cpu *)c);
}

/* As csrw fcsr writes it. */
static void rv64_set_fp_status(struct cpu *c, uint32_t fcsr) {
  ((struct rv64_cpu *)c)->fcsr = fcsr & RV64_FCSR_MASK;
  c->fp_pending = 0;
}

/* struct guest.vcsr_off's order. */
_Static_assert(offsetof(struct rv64_cpu, vtype) == offsetof(struct rv64_cpu, vl) + 8, "vtype");
_Static_assert(offsetof(struct rv64_cpu, vstart) == offsetof(struct rv64_cpu, vl) + 16, "vstart");
_Static_assert(offsetof(struct rv64_cpu, vxrm) == offsetof(struct rv64_cpu, vl) + 24, "vxrm");
_Static_assert(offsetof(struct rv64_cpu, vxsat) == offsetof(struct rv64_cpu, vl) + 32, "vxsat");

/* The multi-letter extensions of /proc/cpuinfo's isa line. */
#define RV64_ISA_Z                                                                                 \
  "zicbom_zicbop_zicboz_zicntr_zicond_zicsr_zifencei_zfa_zfh_zfhmin_zba_zbb_zbc_zbkb_zbkx_"        \
  "zbs"

/* The V record of a signal frame (sys_sigframe_rv64.c: 568 bytes with its
 * header, then the end marker, 16-byte aligned): 1664 bytes in all with it. */
enum { RV64_SIGFRAME_V_EXTRA = 576 };

/* -cpu max: V advertised too (AT_HWCAP, the isa line, riscv_hwprobe), and
 * signal frames room for its record: the 32 registers and the vector CSRs
 * (sys_sigframe_rv64.c). V is decoded whatever the model: the default
 * model leaves it out, as qemu-riscv64's does, because each V instruction
 * runs in a C helper, slower than the scalar code a program would pick
 * without it. */
static const struct guest *rv64_model(const char *name) {
  static struct guest max;
  if (strcmp(name, "max"))
    return NULL;
  max = rv64_guest;
  max.hwcap |= RV64_HWCAP('V');
  max.cpuinfo_isa = "rv64imafdcv_" RV64_ISA_Z;
  max.hwprobe_ima_ext0 |= RV64_HWPROBE_V;
  max.sigframe_extra = RV64_SIGFRAME_V_EXTRA;
  max.model = NULL;
  return &max;
}

/* The registers the calling convention makes busiest, as A64's measured
 * list has them (sp, ra, the first arguments, the frame pointer s0, a5 that
 * compilers use first as a temporary). */
static const uint32_t rv64_hot_regs[] = {
    offsetof(struct rv64_cpu, x[2]),  offsetof(struct rv64_cpu, x[1]),
    offsetof(struct rv64_cpu, x[10]), offsetof(struct rv64_cpu, x[11]),
    offsetof(struct rv64_cpu, x[8]),  offsetof(struct rv64_cpu, x[15]),
};

const struct guest rv64_guest = {
    .name = "riscv64",
    .elf_machine = EM_RISCV,
    .stack_align = 16,
    .pc_align = 2,
    .decode_block = rv64_decode_block,
    .cpu_init = rv64_cpu_init,
    .gdb = &rv64_gdb,
    .hwcap = RV64_HWCAP('I') | RV64_HWCAP('M') | RV64_HWCAP('A') | RV64_HWCAP('F') |
             RV64_HWCAP('D') | RV64_HWCAP('C'),
    .platform = NULL,
    .sysroot = "/usr/riscv64-linux-gnu",
    .cpuinfo_isa = "rv64imafdc_" RV64_ISA_Z,
    .hwprobe_ima_ext0 = RV64_HWPROBE_FD | RV64_HWPROBE_C | RV64_HWPROBE_ZBA | RV64_HWPROBE_ZBB |
                        RV64_HWPROBE_ZBC | RV64_HWPROBE_ZBKB | RV64_HWPROBE_ZBKX |
                        RV64_HWPROBE_ZBS | RV64_HWPROBE_ZFH | RV64_HWPROBE_ZFHMIN |
                        RV64_HWPROBE_ZFA | RV64_HWPROBE_ZICOND | RV64_HWPROBE_ZICBOM |
                        RV64_HWPROBE_ZICBOZ,
    .cbo_block_size = RV64_CBO_BLOCK,
    .cpu_size = sizeof(struct rv64_cpu),
    .x_off = offsetof(struct rv64_cpu, x[0]),
    .sp_off = offsetof(struct rv64_cpu, x[2]),
    .hot_regs = rv64_hot_regs,
    .n_hot_regs = sizeof(rv64_hot_regs) / sizeof(rv64_hot_regs[0]),
    .tls_off = offsetof(struct rv64_cpu, x[4]), /* tp */
    .monitor_off = offsetof(struct rv64_cpu, res_addr),
    .sys_nr_off = offsetof(struct rv64_cpu, x[17]),  /* a7 */
    .sys_arg_off = offsetof(struct rv64_cpu, x[10]), /* a0..a5 */
    .fp_off = offsetof(struct rv64_cpu, f[0]),
    .fp_size = sizeof(((struct rv64_cpu *)0)->f[0]),
    .vec_off = offsetof(struct rv64_cpu, v),
    .vec_size = RV64_VLENB,
    .vcsr_off = offsetof(struct rv64_cpu, vl),
    .vec_used_off = offsetof(struct rv64_cpu, v_used),
    .fp_status = rv64_fp_status,
    .set_fp_status = rv64_set_fp_status,
    .abi = &sys_rv64_abi,
    .model = rv64_model,
};
