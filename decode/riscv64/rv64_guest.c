/* rv64_guest.c - the RV64GC guest descriptor: decoder, syscall layer, state
 * size and what the auxv and /proc/cpuinfo advertise. */
#include <elf.h>
#include <string.h>
#include "rv64.h"
#include "../../syscall/syscall.h"

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
  RV64_HWPROBE_ZBA = 1 << 3,
  RV64_HWPROBE_ZBB = 1 << 4,
  RV64_HWPROBE_ZBS = 1 << 5,
  RV64_HWPROBE_ZBC = 1 << 7,
};
#define RV64_HWPROBE_ZICOND (1ull << 35)

/* Program entry: pc and sp set, every other register zero, no reservation. */
static void rv64_cpu_init(struct cpu *c, uint64_t entry, uint64_t sp) {
  struct rv64_cpu *r = (struct rv64_cpu *)c;
  memset((char *)r + sizeof(struct cpu), 0, sizeof(*r) - sizeof(struct cpu));
  c->pc = entry;
  r->x[2] = sp;
  r->res_addr = ~0ull;
}

const struct guest rv64_guest = {
    .name = "riscv64",
    .elf_machine = EM_RISCV,
    .cpu_size = sizeof(struct rv64_cpu),
    .stack_align = 16,
    .pc_align = 2,
    .decode_block = rv64_decode_block,
    .cpu_init = rv64_cpu_init,
    .syscall = sys_syscall,
    .signal_sync = sys_signal_sync,
    .signal_deliver = sys_signal_deliver,
    .gdb = &rv64_gdb,
    .hwcap = RV64_HWCAP('I') | RV64_HWCAP('M') | RV64_HWCAP('A') | RV64_HWCAP('F') |
             RV64_HWCAP('D') | RV64_HWCAP('C'),
    .platform = NULL,
    .sysroot = "/usr/riscv64-linux-gnu",
    .sys_nr_off = offsetof(struct rv64_cpu, x[17]),  /* a7 */
    .sys_arg_off = offsetof(struct rv64_cpu, x[10]), /* a0..a5 */
    .sp_off = offsetof(struct rv64_cpu, x[2]),
    .tls_off = offsetof(struct rv64_cpu, x[4]), /* tp */
    .monitor_off = offsetof(struct rv64_cpu, res_addr),
    .generic_oflags = true,
    .at_minsigstksz = 1088, /* the rt_sigframe of sys_sigframe_rv64.c, no V state */
    .minsigstksz = 2048,    /* arch/riscv/include/uapi/asm/signal.h */
    .cpuinfo_isa = "rv64imafdc_zicntr_zicond_zicsr_zifencei_zba_zbb_zbc_zbs",
    .hwprobe_ima_ext0 = RV64_HWPROBE_FD | RV64_HWPROBE_C | RV64_HWPROBE_ZBA | RV64_HWPROBE_ZBB |
                        RV64_HWPROBE_ZBC | RV64_HWPROBE_ZBS | RV64_HWPROBE_ZICOND,
};
