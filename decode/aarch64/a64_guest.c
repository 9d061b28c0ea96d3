/* a64_guest.c - the AArch64 guest descriptor: decoder, syscall layer, state
 * size and what the auxv advertises. */
#include <elf.h>
#include <string.h>
#include "a64_util.h"
#include "../../syscall/syscall.h"

/* AT_HWCAP bits (Linux arch/arm64/include/uapi/asm/hwcap.h). Only what is
 * implemented and exact; the ID registers in a64_sys.c agree with them. */
enum {
  A64_HWCAP_FP = 1 << 0,
  A64_HWCAP_ASIMD = 1 << 1,
  A64_HWCAP_AES = 1 << 3,   /* AESE/AESD/AESMC/AESIMC (a64_crypto.c) */
  A64_HWCAP_PMULL = 1 << 4, /* PMULL{2} Vd.1Q (a64_simd_int.c) */
  A64_HWCAP_SHA1 = 1 << 5,
  A64_HWCAP_SHA2 = 1 << 6,
  A64_HWCAP_CRC32 = 1 << 7, /* CRC32{C}{B,H,W,X} (a64_dp_misc.c) */
  A64_HWCAP_ATOMICS = 1 << 8,
  A64_HWCAP_CPUID = 1 << 11,
  A64_HWCAP_ASIMDRDM = 1 << 12, /* SQRDMLAH/SQRDMLSH (a64_ext_rdm.c) */
  A64_HWCAP_JSCVT = 1 << 13,    /* FJCVTZS (a64_ext_fpint.c) */
  A64_HWCAP_SHA3 = 1 << 17,     /* EOR3 BCAX XAR RAX1 (a64_ext_sha.c) */
  A64_HWCAP_ASIMDDP = 1 << 20,  /* SDOT/UDOT (a64_ext_dot.c) */
  A64_HWCAP_SHA512 = 1 << 21,   /* SHA512H/H2/SU0/SU1 (a64_ext_sha.c) */
};

/* AT_HWCAP2 bits. */
enum {
  A64_HWCAP2_FRINT = 1 << 8, /* FRINT32Z/32X/64Z/64X (a64_ext_fpint.c) */
};

/* Program entry: pc and sp set, every other register zero, no exclusive
 * monitor armed. The struct cpu head belongs to the caller. */
static void a64_cpu_init(struct cpu *c, uint64_t entry, uint64_t sp) {
  struct a64_cpu *a = (struct a64_cpu *)c;
  memset((char *)a + sizeof(struct cpu), 0, sizeof(*a) - sizeof(struct cpu));
  c->pc = entry;
  a->x[31] = sp;
  a->excl_addr = ~0ull;
}

const struct guest a64_guest = {
    .name = "aarch64",
    .elf_machine = EM_AARCH64,
    .cpu_size = sizeof(struct a64_cpu),
    .stack_align = 16,
    .pc_align = 4,
    .addr_tag_bits = 0xff00000000000000ull, /* TBI0: Linux ignores the top byte */
    .decode_block = a64_decode_block,
    .cpu_init = a64_cpu_init,
    .syscall = sys_syscall,
    .signal_sync = sys_signal_sync,
    .signal_deliver = sys_signal_deliver,
    .print_insn = NULL,
    .gdb = &a64_gdb,
    .hwcap = A64_HWCAP_FP | A64_HWCAP_ASIMD | A64_HWCAP_AES | A64_HWCAP_PMULL | A64_HWCAP_SHA1 |
             A64_HWCAP_SHA2 | A64_HWCAP_CRC32 | A64_HWCAP_ATOMICS | A64_HWCAP_CPUID |
             A64_HWCAP_ASIMDRDM | A64_HWCAP_JSCVT | A64_HWCAP_SHA3 | A64_HWCAP_ASIMDDP |
             A64_HWCAP_SHA512,
    .hwcap2 = A64_HWCAP2_FRINT,
    .platform = "aarch64",
    .sysroot = "/usr/aarch64-linux-gnu",
    .sys_nr_off = offsetof(struct a64_cpu, x[8]),
    .sys_arg_off = offsetof(struct a64_cpu, x[0]),
    .sp_off = offsetof(struct a64_cpu, x[31]),
    .tls_off = offsetof(struct a64_cpu, tpidr_el0),
    .monitor_off = offsetof(struct a64_cpu, excl_addr),
};
