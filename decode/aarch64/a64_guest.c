/* a64_guest.c - the AArch64 guest descriptor: decoder, state layout and
 * what the auxv advertises; its Linux ABI is the syscall layer's. */
#include <elf.h>
#include <string.h>
#include "a64_util.h"

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

/* NZCV as MRS reads it: N Z C V in bits 31..28. */
static uint64_t a64_flags(struct cpu *c) {
  return (a64_nzcv((struct a64_cpu *)c) & 0xf) << 28;
}

static void a64_set_flags(struct cpu *c, uint64_t nzcv) {
  a64_set_nzcv_c((struct a64_cpu *)c, nzcv >> 28 & 0xf);
}

static uint32_t a64_fp_status(struct cpu *c) {
  return a64_fpsr_merge((struct a64_cpu *)c);
}

/* As MSR FPSR writes it. */
static void a64_set_fp_status(struct cpu *c, uint32_t fpsr) {
  ((struct a64_cpu *)c)->fpsr = fpsr & A64_FPSR_WRITABLE;
  c->fp_pending = 0;
}

/* What translated code of Debian's programs reads and writes most (sp, the
 * link register, the first arguments, the first callee-saved register): in
 * lua5.4, about half of all guest-state loads and stores. */
static const uint32_t a64_hot_regs[] = {
    offsetof(struct a64_cpu, x[31]), offsetof(struct a64_cpu, x[30]),
    offsetof(struct a64_cpu, x[0]),  offsetof(struct a64_cpu, x[1]),
    offsetof(struct a64_cpu, x[19]), offsetof(struct a64_cpu, x[2]),
};

const struct guest a64_guest = {
    .name = "aarch64",
    .elf_machine = EM_AARCH64,
    .stack_align = 16,
    .pc_align = 4,
    .addr_tag_bits = 0xff00000000000000ull, /* TBI0: Linux ignores the top byte */
    .decode_block = a64_decode_block,
    .cpu_init = a64_cpu_init,
    .print_insn = NULL,
    .gdb = &a64_gdb,
    .hwcap = A64_HWCAP_FP | A64_HWCAP_ASIMD | A64_HWCAP_AES | A64_HWCAP_PMULL | A64_HWCAP_SHA1 |
             A64_HWCAP_SHA2 | A64_HWCAP_CRC32 | A64_HWCAP_ATOMICS | A64_HWCAP_CPUID |
             A64_HWCAP_ASIMDRDM | A64_HWCAP_JSCVT | A64_HWCAP_SHA3 | A64_HWCAP_ASIMDDP |
             A64_HWCAP_SHA512,
    .hwcap2 = A64_HWCAP2_FRINT,
    .platform = "aarch64",
    .sysroot = "/usr/aarch64-linux-gnu",
    .cpu_size = sizeof(struct a64_cpu),
    .x_off = offsetof(struct a64_cpu, x[0]),
    .sp_off = offsetof(struct a64_cpu, x[31]),
    .hot_regs = a64_hot_regs,
    .n_hot_regs = sizeof(a64_hot_regs) / sizeof(a64_hot_regs[0]),
    .tls_off = offsetof(struct a64_cpu, tpidr_el0),
    .monitor_off = offsetof(struct a64_cpu, excl_addr),
    .sys_nr_off = offsetof(struct a64_cpu, x[8]),
    .sys_arg_off = offsetof(struct a64_cpu, x[0]),
    .fp_off = offsetof(struct a64_cpu, v[0]),
    .fp_size = sizeof(((struct a64_cpu *)0)->v[0]),
    .fpcr_off = offsetof(struct a64_cpu, fpcr),
    .flags = a64_flags,
    .set_flags = a64_set_flags,
    .fp_status = a64_fp_status,
    .set_fp_status = a64_set_fp_status,
    .abi = &sys_a64_abi,
};
