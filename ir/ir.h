/* ir.h - the one intermediate representation of xrun.
 *
 * Every decoder (decode/<guest>) emits it, every pass (opt/) rewrites it, every
 * backend (backend-<host>) consumes it. A block is a straight line of
 * instructions in SSA form: an instruction's index is the name of the value it
 * defines, and operands refer to earlier instructions by index (0 = none).
 * Control leaves a block only through exit instructions: EXIT_IF (a side exit)
 * and DEOPT_IF (a side exit back to the current guest instruction, whose
 * speculative translation did not hold) anywhere, and exactly one of GOTO / JUMP / SYSCALL / TRAP
 * at the end.
 *
 *   struct ir_block *b = ir_block_new(pc);
 *   uint32_t x1 = ir_get(b, IR_I64, offsetof(struct a64_cpu, x[1]));
 *   uint32_t s = ir_binop(b, IR_ADD, IR_I64, x1, ir_const(b, IR_I64, 4));
 *   ir_put(b, offsetof(struct a64_cpu, x[0]), s);
 *   ir_goto(b, pc + 4);
 *   ir_print(stderr, b);
 *
 * Semantics that differ between ISAs are fixed here, once: shift amounts are
 * taken modulo the width, x/0 = 0 and MIN/-1 = MIN, flags are the canonical
 * N Z C V nibble (ir_ops.def). Guest state is reached only by GET and PUT at a
 * byte offset; guest memory is identity mapped, so an address is a host address.
 * GET and PUT of type IR_I32 touch 4 bytes, IR_I64 8 bytes, IR_V128 16 bytes.
 *
 * Vectors: an IR_V128 value is 16 bytes, lane i of log2 size aux at byte i << aux
 * (ir_ops.def defines each V* op on lanes). LOAD/STORE with size 4 move a v128;
 * a smaller LOAD of type v128 zero-extends, a smaller STORE of one stores its low bytes.
 * A 128-bit constant lives in the block's pool, b->vconst[imm] of a VCONST:
 *
 *   uint32_t z = ir_vconst(b, 0, 0);
 *   uint32_t v = ir_get(b, IR_V128, offsetof(struct a64_cpu, v[1]));
 *   uint32_t eq = ir_vop(b, IR_VCMPEQ, IR_V128, 0, v, z, 0);   // bytes == 0
 *   uint32_t lo = ir_vop(b, IR_VEXTRACT, IR_I64, 3, eq, 0, 0); // its low 64 bits
 */
#ifndef IR_H
#define IR_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum ir_op {
#define _(name, nargs, flags, props, str) IR_##name,
#include "ir_ops.def"
#undef _
  IR_NUM_OPS
};

enum ir_op_flags {
  IRF_SIDE = 1 << 0,  /* has an effect besides its value: never removed */
  IRF_STATE = 1 << 1, /* reads or writes guest state */
  IRF_MEM = 1 << 2,   /* touches guest memory: may fault, ordered */
  IRF_EXIT = 1 << 3,  /* may leave the block */
  IRF_END = 1 << 4,   /* always leaves the block: the last instruction */
};

/* What an op is, for the passes and backends (the properties column). */
enum ir_op_props {
  IRP_VEC = 1 << 0,   /* works on v128 lanes (ir_ops.def, "vectors") */
  IRP_VF = 1 << 1,    /* IEEE arithmetic on lanes, raising FP exceptions */
  IRP_NZCV = 1 << 2,  /* its value is an NZCV nibble (the FLAGS_* ops) */
  IRP_COMM = 1 << 3,  /* a op b == b op a */
  IRP_QNAN = 1 << 4,  /* IEEE arithmetic (IEEE 754 6.2): a NaN result is always quiet */
  IRP_KEEP0 = 1 << 5, /* a result lane is 0 where every v128 operand's bytes under it
                         are 0: a high half 0 in each operand stays 0 */
  IRP_PURE = 1 << 6,  /* no effect (IRF_*), and a value (not NOP, VCONST): derived
                         in ir.c, for ir_is_pure */
  IRP_TEST = 1 << 7,  /* the outcome of a comparison: 0/1 (CMP, VFCHK) or an NZCV
                         nibble (FLAGS_*, VFCMP), which a host may keep in its flags */
};

enum ir_type { IR_VOID, IR_I32, IR_I64, IR_F32, IR_F64, IR_V128 };

/* LOAD/STORE/CAS/ATOMIC aux: log2 size in the low bits, and a sign flag for loads. */
enum {
  IR_MEM_SIZE_MASK = 7,
  IR_MEM_SIGNED = 8, /* sign-extend the loaded value to the result type */
};

/* CONST aux: the value is a guest address (a guest pc, or an address a
 * decoder computed from one: ADR, a literal's address, a link register). A
 * translation saved for a later run, where the guest code may be mapped at
 * another address, has the load delta added to it (tcache.h,
 * TC_RELOC_GUEST64), so it is an IR_I64 and a backend materializes it whole
 * (a 64-bit immediate it records), never as a short or folded form.
 * ir_is_const() is false for it: a pass or backend that reads a constant's
 * value treats it as an unknown value unless it knows the tag. opt_constfold
 * keeps it: guest + plain and guest - plain are guest addresses, guest -
 * guest a plain constant; other ops on it stay unfolded. */
enum { IR_CONST_GUEST = 1 };

/* PUT aux: a later PUT to the same bytes follows on every path that stays in
 * the block, and only side exits (EXIT_IF, DEOPT_IF) and faults of loads and
 * stores can observe this one in between. A backend may then store it only
 * on those exits' paths and rebuild it at a fault instead (opt_regcache sets
 * it; it changes nothing in what the block means). */
enum { IR_PUT_DEFER = 1 };

/* JUMP aux: the guest returns from a call (RET, JALR x0, ra), most likely to
 * the return pc a RET_PUSH named before. A backend may find the target's
 * code where that call left it (tcache.h's return-address stack); the jump
 * means the same with or without it. */
enum { IR_JUMP_RETURN = 1 };

/* Each compare is listed next to its negation (ir_cmp_not). */
enum ir_cmp { IR_EQ, IR_NE, IR_LTU, IR_GEU, IR_LEU, IR_GTU, IR_LT, IR_GE, IR_LE, IR_GT };

/* The compare that holds where c does not. */
static inline enum ir_cmp ir_cmp_not(enum ir_cmp c) {
  return (enum ir_cmp)(c ^ 1);
}

/* Condition codes on the NZCV nibble, in the A64 encoding order (C1.2.4). */
enum ir_cc {
  IR_CC_EQ,
  IR_CC_NE,
  IR_CC_CS,
  IR_CC_CC,
  IR_CC_MI,
  IR_CC_PL,
  IR_CC_VS,
  IR_CC_VC,
  IR_CC_HI,
  IR_CC_LS,
  IR_CC_GE,
  IR_CC_LT,
  IR_CC_GT,
  IR_CC_LE,
  IR_CC_AL,
  IR_CC_NV
};

enum ir_nzcv { IR_FLAG_V = 1, IR_FLAG_C = 2, IR_FLAG_Z = 4, IR_FLAG_N = 8 };

/* ATOMIC imm: the read-modify-write; the result is always the old value. */
enum ir_atomic {
  IR_ATOMIC_ADD,
  IR_ATOMIC_CLR, /* old & ~b */
  IR_ATOMIC_XOR,
  IR_ATOMIC_OR,
  IR_ATOMIC_SMAX,
  IR_ATOMIC_SMIN,
  IR_ATOMIC_UMAX,
  IR_ATOMIC_UMIN,
  IR_ATOMIC_SWP
};

/* A FENCE's aux: which earlier accesses it keeps before which later ones;
 * each host emits what its memory model needs for that (x86-64: only
 * stores before loads takes an instruction). */
enum ir_fence {
  IR_FENCE_RR = 1,                           /* loads before loads */
  IR_FENCE_RW = 2,                           /* loads before stores */
  IR_FENCE_WR = 4,                           /* stores before loads */
  IR_FENCE_WW = 8,                           /* stores before stores */
  IR_FENCE_LOAD = IR_FENCE_RR | IR_FENCE_RW, /* Arm's DMB ISHLD */
  IR_FENCE_STORE = IR_FENCE_WW,              /* Arm's DMB ISHST */
  IR_FENCE_FULL = 15
};

/* VF* aux: the lane size (2 or 3) | which lanes the op works on. */
enum ir_vf_extent {
  IR_VF_ALL = 0,  /* every lane of the 128 bits */
  IR_VF_HALF = 4, /* the lanes of the low 64 bits */
  IR_VF_ONE = 8,  /* lane 0 */
  IR_VF_EXTENT_MASK = 12,
};
/* Number of lanes a VF* op with this aux works on. */
static inline unsigned ir_vf_lanes(unsigned aux) {
  unsigned all = 16u >> (aux & 3);
  return (aux & IR_VF_EXTENT_MASK) == IR_VF_ONE ? 1 : (aux & IR_VF_HALF) ? all / 2 : all;
}
/* VFROUND imm: the rounding direction (the low bits of SSE4.1's ROUND immediate), and
 * whether a lane whose value changes raises inexact. */
enum ir_vf_round {
  IR_VF_RN = 0, /* to nearest, ties to even */
  IR_VF_RM = 1, /* toward -infinity */
  IR_VF_RP = 2, /* toward +infinity */
  IR_VF_RZ = 3, /* toward zero */
  IR_VF_RMODE_MASK = 3,
  IR_VF_RINEXACT = 4,
};
/* VFCHK imm: which lanes count as unusual. */
enum ir_vf_check {
  IR_VFCHK_RESULT = 0,    /* a NaN or +-the smallest normal: where Arm and IEEE results differ */
  IR_VFCHK_NONFINITE = 1, /* a NaN or an infinity */
};

/* FP exceptions. The VF* ops raise IEEE exceptions into a pending set that is
 * the host's own FP status while translated code runs (one host instruction
 * raises them, nothing else does), and cpu->fp_pending, in the bits below,
 * once control is back in C: the backend's exit and fault paths move the
 * host status there, and xrun_fp_take() does it for a helper called from
 * translated code. A guest folds fp_pending into its own flags register
 * wherever that register is read or written. */
enum ir_fpexc {
  IR_FPEXC_INVALID = 1,
  IR_FPEXC_DIVZERO = 2,
  IR_FPEXC_OVERFLOW = 4,
  IR_FPEXC_UNDERFLOW = 8,
  IR_FPEXC_INEXACT = 16,
};

struct ir_insn {
  uint8_t op;   /* enum ir_op */
  uint8_t type; /* enum ir_type of the result (for PUT/STORE: of the value stored) */
  uint8_t aux;  /* per op: memory size, compare kind, condition code, source width */
  uint8_t pad;
  uint32_t a, b, c; /* operands: indices of earlier instructions, 0 = none */
  uint64_t imm;     /* per op: constant, state offset, guest pc, helper address */
};

/* A 128-bit value: lo holds bytes 0..7. Scalars in the interpreter use lo only. */
struct ir_v128 {
  uint64_t lo, hi;
};

/* Byte j (0..15) of v, and v with byte j set. */
static inline uint8_t ir_v128_byte(const struct ir_v128 *v, unsigned j) {
  return (uint8_t)((j < 8 ? v->lo : v->hi) >> (8 * (j % 8)));
}
static inline void ir_v128_set_byte(struct ir_v128 *v, unsigned j, uint8_t byte) {
  uint64_t *h = j < 8 ? &v->lo : &v->hi;
  *h = (*h & ~(0xffull << (8 * (j % 8)))) | (uint64_t)byte << (8 * (j % 8));
}
/* The VTBL table that rotates each lane of 1 << aux bytes right by k bytes
 * (byte j of a lane from byte j + k of it): REV16/32/64 and the like. */
struct ir_v128 ir_vtbl_rotation(unsigned aux, unsigned k);

/* Lazy flags. A decoder may name its guest's flags slot (b->flags_off: the
 * state offset of the canonical NZCV nibble, 0 = none). A backend may then
 * store a FLAGS_ADD/SUB/LOGIC value PUT there lazily, as the op and its
 * operands in cpu->lazy_op/lazy_a/lazy_b (IR_LAZY_OP), instead of the nibble;
 * any other PUT there clears lazy_op. GET and PUT in translated code see the
 * nibble as usual; C code reads the slot only after ir_flags_pack(). */
#define IR_LAZY_OP(op, width) ((uint32_t)(op) | (uint32_t)(width) << 8)
/* A second operand that is a small constant (below IR_LAZY_IMM_LIMIT, as
 * compares with an immediate have) rides in lazy_op's top bits instead of
 * lazy_b: one store fewer. */
#define IR_LAZY_IMM       0x10000u
#define IR_LAZY_IMM_SHIFT 17
#define IR_LAZY_IMM_LIMIT (1u << (32 - IR_LAZY_IMM_SHIFT))
#define IR_LAZY_OP_IMM(op, width, imm)                                                             \
  (IR_LAZY_OP(op, width) | IR_LAZY_IMM | (uint32_t)(imm) << IR_LAZY_IMM_SHIFT)
/* The nibble of lazy flags op lazy_op (IR_LAZY_OP, IR_LAZY_OP_IMM) of a and b. */
uint32_t ir_flags_eval(uint32_t lazy_op, uint64_t a, uint64_t b);
struct cpu;
/* Make the flags slot at flags_off hold the nibble again (cpu->lazy_op = 0). */
void ir_flags_pack(struct cpu *c, uint64_t flags_off);

/* Scratch memory that lives until the block is reset (ir_arena.c). */
struct ir_arena {
  struct ir_arena_chunk *head;
  char *cur, *end; /* the free part of head */
};
void *ir_arena_alloc(struct ir_arena *a, size_t n); /* zeroed; dies when out of memory */
void *ir_arena_grow(struct ir_arena *a, size_t n);  /* ir_arena_alloc_raw from a new chunk */
/* Not zeroed. Inline: the passes and the backend take several tables per block. */
static inline void *ir_arena_alloc_raw(struct ir_arena *a, size_t n) {
  n = (n + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
  if ((size_t)(a->end - a->cur) < n || !a->cur)
    return ir_arena_grow(a, n);
  void *p = a->cur;
  a->cur += n;
  return p;
}
void ir_arena_reset(struct ir_arena *a);
void ir_arena_free(struct ir_arena *a);

/* Where a guest instruction's IR starts: instruction ref and those after it
 * (up to the next mark) were made from the guest instruction at pc. */
struct ir_mark {
  uint32_t ref;
  uint64_t pc;
};

struct ir_block {
  uint64_t guest_pc;    /* address of the first guest instruction */
  uint32_t flags_off;   /* the guest's NZCV nibble in the state, for lazy flags; 0 = none */
  uint64_t addr_mask;   /* nonzero: ir_load, ir_store, ir_cas and ir_atomic AND the address
                           with it (a decoder sets it for one guest instruction) */
  uint32_t guest_size;  /* bytes of guest code the block covers */
  uint32_t guest_insns; /* guest instructions decoded */
  uint32_t n_exit_ifs;  /* EXIT_IFs ir_exit_if emitted (a decoder's limit per block) */
  uint32_t n;           /* instructions used; insn[0] is a NOP standing for 'none' */
  uint32_t cap;
  struct ir_insn *insn;
  struct ir_v128 *vconst; /* the 128-bit constants VCONST refers to */
  uint32_t n_vconst, cap_vconst;
  struct ir_arena *scratch; /* the passes' and the backend's tables for this block */
  struct ir_mark *marks;    /* ascending refs; a fault reports the pc of the last at or before it */
  uint32_t n_marks, cap_marks;
  uint8_t forward_state; /* ir_get gives the value of the slot's last GET or PUT
                            (ir_state.c): set for a decoder when the passes are on */
  uint8_t countdown;     /* translated without the passes: the backend starts its code
                            with a count of entries (tc_block.hot, CPU_EXIT_HOT) */
  uint32_t state_epoch;  /* state_known entries of another epoch know nothing */
  struct ir_state_known {
    uint32_t off, epoch, ref;
    uint8_t type;
  } * state_known;    /* IR_STATE_KNOWN, by 8-byte granule of the state, folded;
                         the block's own (ir_block_assign copies none) */
  uint8_t unsaveable; /* a guest address went where no relocation can follow it (a
                         decoder or pass that folds one sets it): the backend sets
                         tc_block.unsaveable, and the block is never saved to disk */
};

enum { IR_STATE_KNOWN = 64 };

/* n zeroed bytes of b's scratch memory, valid until b is reset. */
static inline void *ir_scratch(const struct ir_block *b, size_t n) {
  return ir_arena_alloc(b->scratch, n);
}
/* The same, not zeroed: for tables filled before they are read. */
static inline void *ir_scratch_raw(const struct ir_block *b, size_t n) {
  return ir_arena_alloc_raw(b->scratch, n);
}

struct ir_op_info {
  const char *name;
  uint8_t nargs;
  uint8_t flags; /* enum ir_op_flags */
  uint8_t props; /* enum ir_op_props */
};
/* One entry for each value an insn's op byte can hold: those from IR_NUM_OPS
 * on are zero (no name, nothing true of them), so a look-up needs no bound. */
enum { IR_OP_SLOTS = 256 };
_Static_assert((int)IR_NUM_OPS <= (int)IR_OP_SLOTS, "an op is one byte (struct ir_insn)");
extern const struct ir_op_info ir_op_info[IR_OP_SLOTS];
static inline unsigned ir_props(enum ir_op op) {
  return ir_op_info[(uint8_t)op].props;
}

struct ir_block *ir_block_new(uint64_t guest_pc);
/* The same with room for cap instructions at first (ir_block_new: 256). */
struct ir_block *ir_block_new_cap(uint64_t guest_pc, uint32_t cap);
void ir_block_free(struct ir_block *b);
/* Room for twice as many instructions. */
void ir_block_grow(struct ir_block *b);
/* A block with the same instructions and constants, and its own memory. */
struct ir_block *ir_block_copy(const struct ir_block *b);
/* dst becomes a copy of src (instructions, constants, marks), in dst's own
 * memory; its scratch arena is emptied. */
void ir_block_assign(struct ir_block *dst, const struct ir_block *src);
void ir_block_reset(struct ir_block *b, uint64_t guest_pc);

/* Builders; each returns the reference of the new instruction. */
uint32_t ir_emit(struct ir_block *b, enum ir_op op, enum ir_type type, uint32_t a, uint32_t b_,
                 uint32_t c, uint64_t imm);
uint32_t ir_mark(struct ir_block *b, uint64_t pc);
/* The pc of the guest instruction ref was made from (the last mark at or before it). */
uint64_t ir_pc_of(const struct ir_block *b, uint32_t ref);
uint32_t ir_const(struct ir_block *b, enum ir_type type, uint64_t value);
/* A constant that is a guest address (IR_CONST_GUEST); type must be IR_I64. */
uint32_t ir_const_guest(struct ir_block *b, enum ir_type type, uint64_t value);
/* A GET of offset; with b->forward_state, the value the slot's last GET or
 * PUT in b gave it, when nothing since (a CALL, a PUT over part of it) may
 * have changed it (ir_state.c). */
uint32_t ir_get(struct ir_block *b, enum ir_type type, uint32_t offset);
uint32_t ir_put(struct ir_block *b, uint32_t offset, uint32_t value);
/* Drops the instructions from n on: a decoder's instruction that declined. */
void ir_undo(struct ir_block *b, uint32_t n);
/* ir_get forgets every slot's value (a CALL may write any). */
void ir_state_forget(struct ir_block *b);
uint32_t ir_unop(struct ir_block *b, enum ir_op op, enum ir_type type, uint32_t x);
uint32_t ir_binop(struct ir_block *b, enum ir_op op, enum ir_type type, uint32_t x, uint32_t y);
uint32_t ir_ext(struct ir_block *b, enum ir_op op, enum ir_type type, uint32_t x, unsigned bits);
uint32_t ir_cmp(struct ir_block *b, enum ir_cmp cmp, enum ir_type type, uint32_t x, uint32_t y);
uint32_t ir_select(struct ir_block *b, enum ir_type type, uint32_t cond, uint32_t x, uint32_t y);
uint32_t ir_flags(struct ir_block *b, enum ir_op op, enum ir_type width, uint32_t x, uint32_t y,
                  uint32_t carry);
uint32_t ir_cond(struct ir_block *b, enum ir_cc cc, uint32_t nzcv);
uint32_t ir_load(struct ir_block *b, enum ir_type type, uint32_t addr, unsigned log2size,
                 int is_signed);
uint32_t ir_store(struct ir_block *b, uint32_t addr, uint32_t value, unsigned log2size);
/* The same at base + disp: the displacement is the access's own (no ADD, no
 * CONST), unless it does not fit 32 bits or the block masks its addresses. */
uint32_t ir_load_at(struct ir_block *b, enum ir_type type, uint32_t base, int64_t disp,
                    unsigned log2size, int is_signed);
uint32_t ir_store_at(struct ir_block *b, uint32_t base, int64_t disp, uint32_t value,
                     unsigned log2size);
uint32_t ir_cas(struct ir_block *b, enum ir_type type, uint32_t addr, uint32_t expected,
                uint32_t desired, unsigned log2size);
uint32_t ir_atomic(struct ir_block *b, enum ir_atomic op, enum ir_type type, uint32_t addr,
                   uint32_t operand, unsigned log2size);
uint32_t ir_fence(struct ir_block *b, enum ir_fence kind);
/* Call uint64_t helper(struct cpu *, a, b, c); unused arguments are 0 refs (passed as 0). */
uint32_t ir_call(struct ir_block *b, enum ir_type ret, void *helper, uint32_t x, uint32_t y,
                 uint32_t z);
/* A 128-bit constant (VCONST). */
uint32_t ir_vconst(struct ir_block *b, uint64_t lo, uint64_t hi);
/* The same value added to the block's pool only: its index, a VCONST's imm. */
uint32_t ir_vconst_pool(struct ir_block *b, uint64_t lo, uint64_t hi);
/* Any vector op of ir_ops.def: aux = lane size (log2 bytes), imm = shift, lane index or
 * byte offset; y is 0 for one-operand ops. */
uint32_t ir_vop(struct ir_block *b, enum ir_op op, enum ir_type type, unsigned aux, uint32_t x,
                uint32_t y, uint64_t imm);
static inline int ir_is_vec_op(enum ir_op op) {
  return (ir_props(op) & IRP_VEC) != 0;
}
static inline int ir_is_vf_op(enum ir_op op) {
  return (ir_props(op) & IRP_VF) != 0;
}
static inline int ir_is_flags_op(enum ir_op op) {
  return (ir_props(op) & IRP_NZCV) != 0;
}
static inline int ir_is_commutative(enum ir_op op) {
  return (ir_props(op) & IRP_COMM) != 0;
}
static inline int ir_keeps_zero(enum ir_op op) {
  return (ir_props(op) & IRP_KEEP0) != 0;
}
static inline int ir_makes_quiet_nan(enum ir_op op) {
  return (ir_props(op) & IRP_QNAN) != 0;
}
/* A VF* op with three operands (VFMA). */
uint32_t ir_vop3(struct ir_block *b, enum ir_op op, unsigned aux, uint32_t x, uint32_t y,
                 uint32_t z);
/* DEOPT_IF: when cond != 0 leave at guest pc, which runs next without speculation. */
uint32_t ir_deopt_if(struct ir_block *b, uint32_t cond, uint64_t pc);
uint32_t ir_exit_if(struct ir_block *b, uint32_t cond, uint64_t target_pc);
uint32_t ir_goto(struct ir_block *b, uint64_t target_pc);
uint32_t ir_jump(struct ir_block *b, uint32_t target);
/* A JUMP that returns from a call (IR_JUMP_RETURN). */
uint32_t ir_return(struct ir_block *b, uint32_t target);
/* The guest calls (BL, BLR, JAL ra): its return will go to return_pc. Just
 * before the GOTO or JUMP of the call. */
uint32_t ir_ret_push(struct ir_block *b, uint64_t return_pc);
uint32_t ir_syscall(struct ir_block *b, uint64_t next_pc);
uint32_t ir_trap(struct ir_block *b, int guest_signal, uint64_t pc);
/* The guest changed code in the cache line holding addr and told the CPU so
 * (IC IVAU): end the block, and continue at next_pc with that line retranslated. */
uint32_t ir_code_inval(struct ir_block *b, uint32_t addr, uint64_t next_pc);

static inline const struct ir_insn *ir_at(const struct ir_block *b, uint32_t ref) {
  return &b->insn[ref];
}
/* A constant whose value is the same in every run: not a guest address. */
static inline int ir_is_const(const struct ir_block *b, uint32_t ref) {
  return ref && b->insn[ref].op == IR_CONST && !(b->insn[ref].aux & IR_CONST_GUEST);
}
/* A constant that is a guest address (IR_CONST_GUEST). */
static inline int ir_is_guest_const(const struct ir_block *b, uint32_t ref) {
  return ref && b->insn[ref].op == IR_CONST && (b->insn[ref].aux & IR_CONST_GUEST);
}
/* True once the block ends in GOTO/JUMP/SYSCALL/TRAP. */
int ir_block_ended(const struct ir_block *b);

/* Printer (-d ir) and the reference interpreter. */
void ir_print(FILE *f, const struct ir_block *b);
const char *ir_type_name(enum ir_type t);
struct cpu;
/* Run the block on c; returns what translated code would (enum cpu_exit, with
 * CPU_EXIT_PLAIN for direct exits too) and sets c->pc. */
uintptr_t ir_interp(const struct ir_block *b, struct cpu *c);
/* Where ir_interp is on this thread: its block, and the last instruction with
 * effects (a load, store, call ...) it began; a fault there is that
 * instruction's. Both NULL when it is not running; a fault handler that
 * leaves it by a jump clears them. */
struct ir_interp_pos {
  const struct ir_block *b;
  const struct ir_insn *at;
};
extern __thread struct ir_interp_pos ir_interp_pos;
/* Structural check: operands defined before use, types match; returns 0 or an
 * insn index that is wrong (and prints why to stderr). */
int ir_verify(const struct ir_block *b);

#endif
