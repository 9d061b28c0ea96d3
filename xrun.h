/* xrun.h - what every module shares: the per-thread guest CPU header, the
 * guest descriptor, options, logging and exit statuses.
 *
 *   XLOG(LOG_STRACE, "openat(%d, \"%s\") = %ld", fd, path, ret);
 *
 * Each guest's full register state is a struct that begins with struct cpu
 * (see decode/aarch64/a64_cpu.h); translated code reaches it through one
 * fixed host register. Between blocks the struct is the truth.
 */
#ifndef XRUN_H
#define XRUN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdbool.h>

#define XRUN_VERSION "0.1.0"

/* Exit statuses of xrun itself (the guest's own status passes through). */
enum xrun_status {
  XRUN_EXIT_USAGE = 125,    /* unknown option, missing program */
  XRUN_EXIT_NOFILE = 127,   /* program or interpreter not found */
  XRUN_EXIT_BADELF = 126,   /* not an ELF, truncated, wrong machine, directory */
  XRUN_EXIT_INTERNAL = 123, /* translator failure (out of memory, internal fault) */
  XRUN_EXIT_GDB = 122       /* -g PORT: cannot listen there (in use, not allowed) */
};

/* Why translated code returned to the run loop (besides a chained exit). */
enum cpu_exit {
  CPU_EXIT_PLAIN = 0,      /* cpu->pc holds the next guest pc */
  CPU_EXIT_SYSCALL = 1,    /* cpu->pc is the pc after the syscall instruction */
  CPU_EXIT_TRAP = 2,       /* cpu->trap_signal is the guest signal, cpu->pc its pc */
  CPU_EXIT_DEOPT = 3,      /* cpu->pc is an instruction to translate without speculation */
  CPU_EXIT_CODE_INVAL = 4, /* the guest changed code in the cache line holding cpu->trap_info
                              and in the lines pending in cpu->code_inval_lo/hi (IC IVAU,
                              DSB), or anywhere when it is XRUN_CODE_ALL (FENCE.I);
                              cpu->pc is the next instruction */
  CPU_EXIT_HOT = 5,        /* cpu->pc starts a block translated without the IR passes whose
                              entries are counted down: translate it again with them */
  CPU_EXIT_LAST = 16       /* larger values are struct tc_exit pointers */
};
#define XRUN_CODE_ALL (~(uint64_t)0)

struct tc_jc_entry;

enum { CPU_RAS_SIZE = 256 }; /* slots of struct cpu.ras (2 KB) */

/* Guest-neutral head of every guest's register state. Backends know only this. */
struct cpu {
  uint64_t pc;         /* guest pc of the next block to run */
  int32_t trap_signal; /* with CPU_EXIT_TRAP */
  uint32_t host_fp;    /* scratch for the backend's FP status moves */
  uint64_t trap_info;  /* faulting address, or the instruction word for SIGILL */
  const struct guest *guest;
  int exit_status; /* set by exit/exit_group */
  bool exiting;
  int tid;
  struct cpu *next_cpu; /* tcache's list of running guest threads */
  /* Cache lines the guest invalidated (IC IVAU) whose translations are not
   * dropped yet: [code_inval_lo, code_inval_hi), none while hi is 0. The
   * run loop drops them when translated code comes back to it, as a DSB or
   * ISB makes it do while any are pending. */
  uint64_t code_inval_lo, code_inval_hi;
  /* xrun -g (gdb/gdb_stop.c): this thread in the debugger's all-stop */
  struct cpu_debug {
    volatile uint8_t where; /* enum gdb_where: running, in a syscall, stopped */
    uint8_t action;         /* enum gdb_action: what gdb's resume number gen asked of it */
    uint8_t sig;            /* ... and the signal it resumes with (0: none) */
    bool taken;             /* it took that action already */
    uint32_t gen;
  } debug;
  /* The return-address stack (tcache.h, tc_ras.c): host code a return is
   * likely to go to, by the return address; ras_epoch, the reclamation
   * epoch its entries belong to. */
  const void *ras[CPU_RAS_SIZE];
  uint64_t ras_epoch;
  /* Last, next to the guest's registers: what translated code reads and
   * writes most (a backend may reach them with shorter instructions). */
  struct tc_jc_entry *jc;         /* this thread's indirect-branch jump cache */
  volatile uint32_t exit_request; /* nonzero: leave translated code at the next block entry */
  uint32_t jc_mask;               /* jc's entry-byte mask, TC_JC_MASK of its size (tcache.h) */
  /* Lazy flags (ir.h): while lazy_op is nonzero the guest's flags slot is
   * stale and the flags are those of IR op lazy_op on lazy_a, lazy_b. */
  uint32_t lazy_op;
  uint32_t fp_pending; /* IR_FPEXC_* raised by translated code, not yet in the guest's flags */
  uint64_t lazy_a, lazy_b;
};

struct ir_block;
struct guest_gdb;
struct guest_abi;

/* A guest ISA, as the core knows it: its decoder, the layout of its state and
 * what the machine advertises (decode/<guest>/<g>_guest.c), and its Linux
 * ABI (abi, the syscall layer's half: syscall/sys_abi.c). */
struct guest {
  const char *name;     /* "aarch64": uname machine, -d output */
  uint16_t elf_machine; /* EM_AARCH64 */
  size_t stack_align;   /* initial sp alignment */
  uint32_t pc_align;    /* instruction alignment: a pc off it is SIGBUS/BUS_ADRALN */
  /* Bits of a data address the guest's hardware ignores (arm64's top byte,
   * TBI), else 0. An access whose address has them set faults on the host;
   * the access is then translated again with them cleared (addr_mask). */
  uint64_t addr_tag_bits;
  /* Append IR for one block starting at pc; reads guest code at pc. */
  void (*decode_block)(struct ir_block *b, uint64_t pc);
  /* Set up registers at program entry. */
  void (*cpu_init)(struct cpu *c, uint64_t entry, uint64_t sp);
  /* Guest disassembly line for -d in_asm (may be NULL). */
  void (*print_insn)(uint64_t pc);
  /* xrun -g: the registers and breakpoints as gdb sees them (gdb/gdb.h). */
  const struct guest_gdb *gdb;
  uint64_t hwcap, hwcap2;    /* AT_HWCAP, AT_HWCAP2 */
  const char *sysroot;       /* default sysroot: where Debian's cross packages put it */
  const char *platform;      /* AT_PLATFORM */
  const char *cpuinfo_isa;   /* /proc/cpuinfo: the riscv "isa" line's value, or NULL */
  uint64_t hwprobe_ima_ext0; /* riscv_hwprobe's RISCV_HWPROBE_KEY_IMA_EXT_0 answer */
  uint64_t cbo_block_size;   /* riscv_hwprobe's Zicbom/Zicboz block size (0: none) */

  /* The state struct, for the C code outside the decoder that reads or
   * writes registers (syscalls, signal frames): its size, and byte offsets
   * from its struct cpu head, which holds the pc. */
  size_t cpu_size;
  /* x0 of 32 consecutive 8-byte integer registers (arm64's x[31] is sp,
   * riscv64's x0 is zero), the stack pointer, the thread pointer that
   * CLONE_SETTLS sets, and the exclusive monitor's or reservation's address
   * (~0: none). */
  uint32_t x_off, sp_off, tls_off, monitor_off;
  /* The 8-byte integer registers translated code reads and writes most, as
   * state offsets, most used first: a backend may keep the first few in host
   * registers across blocks (struct backend.pin_slots). */
  const uint32_t *hot_regs;
  unsigned n_hot_regs;
  /* The syscall instruction's registers: the number, and the first of six
   * consecutive 8-byte arguments (the first one also takes the result). */
  uint32_t sys_nr_off, sys_arg_off;
  /* FP/vector register 0 of 32 consecutive ones of fp_size bytes each
   * (arm64's V: 16, riscv64's F: 8); a 32-bit FP control register apart from
   * the status (arm64's FPCR), else 0. */
  uint32_t fp_off, fp_size, fpcr_off;
  /* A vector register file apart from the FP one (riscv64's V), else
   * vec_size 0: register 0 of 32 consecutive ones of vec_size bytes; its
   * CSRs vl, vtype, vstart, vxrm, vxsat as consecutive 8-byte fields from
   * vcsr_off; and a byte set once the thread has run a vector instruction
   * (the kernel's signal frames carry the vector state only then). */
  uint32_t vec_off, vec_size, vcsr_off, vec_used_off;
  /* The condition flags as the architecture's register shows them (arm64's
   * NZCV: N Z C V in bits 31..28), which translated code may keep lazily;
   * NULL when the guest has none. */
  uint64_t (*flags)(struct cpu *c);
  void (*set_flags)(struct cpu *c, uint64_t flags);
  /* The FP status register (arm64's FPSR, riscv64's fcsr) with the FP
   * exceptions pending in c->fp_pending folded in; setting it keeps its
   * writable bits, as the guest's own write does, and leaves none pending. */
  uint32_t (*fp_status)(struct cpu *c);
  void (*set_fp_status)(struct cpu *c, uint32_t status);

  /* The guest's Linux ABI (syscall/). */
  const struct guest_abi *abi;
  /* -cpu NAME: the descriptor of this guest as CPU model NAME presents it
   * (its AT_HWCAP, /proc/cpuinfo and riscv_hwprobe answers), or NULL when
   * the model is the default one; NULL when the guest has one model. */
  const struct guest *(*model)(const char *name);
  /* Bytes that this model's signal frames carry beyond abi->at_minsigstksz
   * (riscv64 with V advertised: the V record), added to AT_MINSIGSTKSZ. */
  uint32_t sigframe_extra;
};

/* The syscall layer's half of a guest descriptor: what the guest's Linux
 * kernel defines (syscall/sys_abi.c). Its signal frame functions read and
 * write the registers through the struct guest layout above. */
struct sys_entry;
struct sys_sigaction;
struct sys_stack;
struct guest_abi {
  /* The system calls, indexed by the guest's number (sys_int.h). */
  const struct sys_entry *calls;
  /* Push an rt_sigframe for sig on c's stack and point c at the handler
   * (info: the 128-byte siginfo; old_mask: restored on return); 0 or
   * -EFAULT. rt_sigreturn's half: c's registers, and the mask and the
   * alternate stack, from the frame at c's sp; 0 or -EFAULT (c unchanged). */
  int (*sigframe_push)(struct cpu *c, int sig, const struct sys_sigaction *act, const void *info,
                       uint64_t old_mask);
  int (*sigframe_read)(struct cpu *c, uint64_t *mask, struct sys_stack *stack);
  /* The code at the start of the guest's vDSO page (the loader maps it at
   * exec time, loader/ld_vdso.c): the rt_sigreturn trampoline a handler
   * returns to when it has no restorer of its own. */
  const uint32_t *sigreturn_code;
  uint32_t sigreturn_bytes;
  /* struct sigaction has sa_restorer (arm64; riscv64's has none). */
  bool sa_restorer;
  /* Open flags: the asm-generic values (as the x86-64 host has them)
   * rather than arm64's, which move four bits. */
  bool generic_oflags;
  /* AT_MINSIGSTKSZ (the signal frame's size as the kernel reports it), and
   * MINSIGSTKSZ, the smallest alternate stack sigaltstack accepts. */
  uint32_t at_minsigstksz, minsigstksz;
};

extern const struct guest a64_guest;
extern const struct guest rv64_guest;
extern const struct guest_abi sys_a64_abi, sys_rv64_abi;

/* The i-th guest xrun runs, or NULL past the last (xrun_guest.c). */
const struct guest *xrun_guest_at(size_t i);
/* The guest whose ELF e_machine this is, or NULL (xrun_guest.c). */
const struct guest *xrun_guest_by_machine(unsigned machine);
/* The guest of the ELF program at path (or the open fd, when >= 0): by its
 * e_machine; aarch64 when the file is no ELF of a known guest (the loader
 * then says what is wrong with it). */
const struct guest *xrun_guest_of_file(const char *path, int fd);
/* Every guest's name, for messages: "aarch64 and riscv64" (joiner "and"). */
const char *xrun_guest_names(const char *joiner);

/* Logging categories; each is one -d word. */
enum log_cat {
  LOG_IN_ASM = 1 << 0,
  LOG_IR = 1 << 1,
  LOG_OUT_ASM = 1 << 2,
  LOG_EXEC = 1 << 3,
  LOG_UNIMPL = 1 << 4,
  LOG_STRACE = 1 << 5,
  LOG_OPT = 1 << 6, /* IR after optimization */
};

extern unsigned xrun_log_mask;
/* The -d words (xrun_log.c), and those of the categories on now, as "a,b". */
struct xrun_log_item {
  const char *name;
  unsigned mask;
  const char *what;
};
extern const struct xrun_log_item xrun_log_items[];
extern const size_t xrun_n_log_items;
const char *xrun_log_words(char *buf, size_t size);
void xrun_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#define XLOG(cat, ...)                                                                             \
  do {                                                                                             \
    if (__builtin_expect(xrun_log_mask & (cat), 0))                                                \
      xrun_log(__VA_ARGS__);                                                                       \
  } while (0)

/* -D FILE: log there instead of stderr (appended to with
 * xrun_opt.log_append; "%d" in FILE is the pid); 0, or -1 with errno. */
int xrun_log_open(const char *path);

/* xrun_fds.c: descriptors of xrun's own, which the guest's close,
 * close_range and dup3 pass over; xrun_fd_own_in is the lowest of them in
 * [lo, hi], or -1. */
void xrun_fd_own(int fd);
void xrun_fd_disown(int fd);
/* An owned close-on-exec copy of fd high among the descriptors, or -1. */
int xrun_fd_high(int fd);
int64_t xrun_fd_own_in(uint64_t lo, uint64_t hi);
/* Where the log goes (-D FILE, else stderr), for dumps longer than a line. */
FILE *xrun_log_stream(void);

/* Fatal translator error: one line on stderr, then exit with status. */
_Noreturn void xrun_die(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The guest's sysroot: -L DIR, else $XRUN_SYSROOT, else $QEMU_LD_PREFIX, else
 * g->sysroot; made absolute against the directory of the first call. */
const char *xrun_sysroot(const struct guest *g);

/* Move the FP exceptions translated code raised (ir.h, "FP exceptions") into
 * c->fp_pending; for helpers called from translated code. */
void xrun_fp_take(struct cpu *c);
/* Clear the host's FP exception flags (the backend's fp_clear, else
 * feclearexcept: that rewrites the x87 environment, fnstenv and fldenv);
 * xrun_fp_clear only when some is raised (reading them costs little, and
 * they are mostly clear already). */
void xrun_fp_reset(void);
void xrun_fp_clear(void);
/* False once the translation of the guest instruction at pc as speculative
 * fast code has failed its check (DEOPT_IF): decoders then emit the exact form. */
bool xrun_speculate(uint64_t pc);
/* True once a memory access of the guest instruction at pc used an address
 * with the guest's tag bits set (struct guest.addr_tag_bits): decoders then
 * clear them from its addresses (ir_block.addr_mask). */
bool xrun_addr_tagged(uint64_t pc);

/* xrun -g: true when gdb has a breakpoint at pc (gdb/gdb_break.c). A
 * decoder ends its block before such a pc and translates the instruction
 * there as a trap: SIGTRAP with trap_info XRUN_TRAP_BREAKPOINT, which the
 * run loop reports to gdb instead of the guest. */
#define XRUN_TRAP_BREAKPOINT (~(uint64_t)0)
bool xrun_breakpoint(uint64_t pc);

/* True when translated code for a block starting at pc exists (tcache): a
 * decoder ends its block before such a pc instead of translating what that
 * block holds again (decode/dec_trace.c, dec_joins). */
bool xrun_block_at(uint64_t pc);

/* Options that several modules read. */
struct xrun_options {
  const char *sysroot;  /* -L DIR */
  const char *exe_path; /* the guest program as the user named it */
  const char *argv0;    /* -0 ARG */
  const char *cpu;      /* -cpu NAME, or NULL: each guest's default CPU */
  bool no_chain;        /* --no-chain: never patch direct exits (debugging) */
  bool no_ras;          /* --no-ras: returns probe the jump cache (no return-address stack) */
  bool no_opt;          /* --no-opt: skip the IR passes */
  bool interp;          /* --interp: run IR through the interpreter, not a backend */
  bool no_spec;         /* --no-spec: never translate speculatively (no DEOPT_IF) */
  bool no_smc;  /* --no-smc: never drop translations for changed code (measuring its cost) */
  bool perfmap; /* --perfmap, XRUN_PERFMAP=1: name translated code in /tmp/perf-PID.map */
  bool stats;   /* --stats, XRUN_STATS=1: translation statistics on stderr at exit */
  unsigned max_block_insns; /* -one-insn-per-tb: 1 */
  unsigned tier;            /* --tier N: a block is translated the Nth time it runs (tc_tier.c) */
  unsigned tier_up;         /* --tier-up N: a block first translated without the IR passes is
                               translated again with them at its Nth entry; 0: always with */
  unsigned code_kb;         /* -tb-size: code buffer in KiB */
  uint64_t stack_size;      /* -s: the guest's main stack in bytes */
  int exe_fd;               /* the program already open (binfmt_misc's AT_EXECFD), or -1 */
  bool no_cache;            /* --no-cache: no persistent translation cache */
  const char *cache_dir;    /* --cache-dir DIR, $XRUN_CACHE */
  uint64_t cache_max;       /* --cache-size: bytes the cache directory may hold */
  const char *log_path;     /* -D FILE, as given */
  bool log_append;          /* --log-append: -D FILE continues, as after an execve */
  bool reexec;              /* --reexec: a guest's exec of a guest program starts a new xrun */
};
extern struct xrun_options xrun_opt;

#endif
