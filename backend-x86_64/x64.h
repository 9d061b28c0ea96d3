/* x64.h - private to the x86-64 backend: registers, the instruction encoder,
 * the register allocator and the lowering context.
 *
 * Three layers, each plain functions:
 *   x64_rex()/x64_modrm()/x64_sib()   pure encoders returning the bits
 *   x64_alu_rr(buf, 1, X64_ADD, X64_RAX, X64_RBX);   appenders onto a tc_buf
 *   x64_lower(ctx, ref)               one function per IR op (x64_lower.c)
 *
 * Register conventions inside translated code: r14 = struct cpu *, rsp points
 * at the spill area, rax/rcx/rdx are scratch and never allocated.
 */
#ifndef X64_H
#define X64_H

#include <stdint.h>
#include "../ir/ir.h"
#include "../tcache/tcache.h"

enum x64_reg {
  X64_RAX,
  X64_RCX,
  X64_RDX,
  X64_RBX,
  X64_RSP,
  X64_RBP,
  X64_RSI,
  X64_RDI,
  X64_R8,
  X64_R9,
  X64_R10,
  X64_R11,
  X64_R12,
  X64_R13,
  X64_R14,
  X64_R15,
  X64_NOREG = 0xff
};

/* Condition codes, the low nibble of Jcc/SETcc/CMOVcc. */
enum x64_cc {
  X64_CC_O,
  X64_CC_NO,
  X64_CC_B,
  X64_CC_AE,
  X64_CC_E,
  X64_CC_NE,
  X64_CC_BE,
  X64_CC_A,
  X64_CC_S,
  X64_CC_NS,
  X64_CC_P,
  X64_CC_NP,
  X64_CC_L,
  X64_CC_GE,
  X64_CC_LE,
  X64_CC_G
};

/* The /digit of the 0x01..0x3f / 0x81 / 0x83 ALU group. */
enum x64_alu { X64_ADD, X64_OR, X64_ADC, X64_SBB, X64_AND, X64_SUB, X64_XOR, X64_CMP };

/* The /digit of the 0xc1 / 0xd3 shift group. */
enum x64_shift { X64_ROL = 0, X64_ROR = 1, X64_SHL = 4, X64_SHR = 5, X64_SAR = 7 };

/* The /digit of the 0xf7 unary group. */
enum x64_unary { X64_NOT = 2, X64_NEG = 3, X64_MUL = 4, X64_IMUL1 = 5, X64_DIV = 6, X64_IDIV = 7 };

/* Prefix flags of one instruction. */
enum {
  X64_W = 1 << 0,    /* REX.W: 64-bit operand */
  X64_O16 = 1 << 1,  /* 0x66: 16-bit operand */
  X64_B8 = 1 << 2,   /* byte registers: a REX makes 4..7 mean spl..dil */
  X64_LOCK = 1 << 3, /* 0xf0 */
  X64_REP = 1 << 4,  /* 0xf3 (popcnt) */
};

/* A memory operand [base + index*scale + disp]; index X64_NOREG for none. */
struct x64_mem {
  uint8_t base, index, scale; /* scale is log2: 0..3 */
  int32_t disp;
};

static inline struct x64_mem x64_mem(unsigned base, int32_t disp) {
  return (struct x64_mem){base, X64_NOREG, 0, disp};
}

/* x64_enc.c: pure encoders */
uint8_t x64_rex(int w, unsigned reg, unsigned index, unsigned base);
uint8_t x64_modrm(unsigned mod, unsigned reg, unsigned rm);
uint8_t x64_sib(unsigned scale, unsigned index, unsigned base);

/* x64_enc.c: generic forms */
void x64_bytes(struct tc_buf *b, const uint8_t *p, unsigned n);
void x64_op_rr(struct tc_buf *b, unsigned flags, uint32_t opc, unsigned reg, unsigned rm);
void x64_op_rm(struct tc_buf *b, unsigned flags, uint32_t opc, unsigned reg, struct x64_mem m);
void x64_imm(struct tc_buf *b, uint64_t imm, unsigned size);

/* x64_enc.c: appenders; w is 1 for a 64-bit operation, 0 for 32-bit */
void x64_alu_rr(struct tc_buf *b, int w, enum x64_alu op, unsigned dst, unsigned src);
void x64_alu_ri(struct tc_buf *b, int w, enum x64_alu op, unsigned dst, int32_t imm);
void x64_alu_rm(struct tc_buf *b, int w, enum x64_alu op, unsigned dst, struct x64_mem m);
void x64_alu_mi(struct tc_buf *b, unsigned log2size, enum x64_alu op, struct x64_mem m,
                int32_t imm);
void x64_alu_rr_sized(struct tc_buf *b, unsigned log2size, enum x64_alu op, unsigned dst,
                      unsigned src);
void x64_mov_rr(struct tc_buf *b, int w, unsigned dst, unsigned src);
void x64_mov_ri(struct tc_buf *b, unsigned dst, uint64_t imm);
void x64_load(struct tc_buf *b, unsigned log2size, int sign, int w, unsigned dst, struct x64_mem m);
void x64_store(struct tc_buf *b, unsigned log2size, struct x64_mem m, unsigned src);
void x64_store_imm(struct tc_buf *b, unsigned log2size, struct x64_mem m, int32_t imm);
void x64_lea(struct tc_buf *b, int w, unsigned dst, struct x64_mem m);
void x64_unary(struct tc_buf *b, int w, enum x64_unary op, unsigned reg);
void x64_shift_ri(struct tc_buf *b, int w, enum x64_shift op, unsigned reg, uint8_t imm);
void x64_shift_cl(struct tc_buf *b, int w, enum x64_shift op, unsigned reg);
void x64_imul_rr(struct tc_buf *b, int w, unsigned dst, unsigned src);
void x64_imul_rri(struct tc_buf *b, int w, unsigned dst, unsigned src, int32_t imm);
void x64_test_rr(struct tc_buf *b, int w, unsigned x, unsigned y);
void x64_setcc(struct tc_buf *b, enum x64_cc cc, unsigned reg);
void x64_cmov(struct tc_buf *b, int w, enum x64_cc cc, unsigned dst, unsigned src);
void x64_movzx(struct tc_buf *b, unsigned bits, unsigned dst, unsigned src);
void x64_movsx(struct tc_buf *b, int w, unsigned bits, unsigned dst, unsigned src);
void x64_bsr(struct tc_buf *b, int w, unsigned dst, unsigned src);
void x64_bsf(struct tc_buf *b, int w, unsigned dst, unsigned src);
void x64_popcnt(struct tc_buf *b, int w, unsigned dst, unsigned src);
void x64_bswap(struct tc_buf *b, int w, unsigned reg);
void x64_bt_ri(struct tc_buf *b, int w, unsigned reg, uint8_t bit);
void x64_cmc(struct tc_buf *b);
void x64_cqo(struct tc_buf *b, int w);
void x64_xadd(struct tc_buf *b, unsigned log2size, struct x64_mem m, unsigned reg);
void x64_xchg(struct tc_buf *b, unsigned log2size, struct x64_mem m, unsigned reg);
void x64_cmpxchg(struct tc_buf *b, unsigned log2size, struct x64_mem m, unsigned reg);
void x64_mfence(struct tc_buf *b);
void x64_push(struct tc_buf *b, unsigned reg);
void x64_pop(struct tc_buf *b, unsigned reg);
void x64_ret(struct tc_buf *b);
void x64_call_r(struct tc_buf *b, unsigned reg);
void x64_jmp_r(struct tc_buf *b, unsigned reg);
void x64_call_rel(struct tc_buf *b, const void *target);
void x64_jmp_rel(struct tc_buf *b, const void *target);
void x64_jcc_rel(struct tc_buf *b, enum x64_cc cc, const void *target);
uint8_t *x64_jcc8(struct tc_buf *b, enum x64_cc cc);
uint8_t *x64_jmp8(struct tc_buf *b);
uint8_t *x64_jcc32(struct tc_buf *b, enum x64_cc cc);
void x64_fix8(struct tc_buf *b, uint8_t *rel);
void x64_fix32(struct tc_buf *b, uint8_t *rel);
void x64_nops(struct tc_buf *b, unsigned n);
int x64_rel32_ok(const uint8_t *from, const void *target);

/* Where a value lives. */
enum x64_loc_kind { X64_LOC_NONE, X64_LOC_REG, X64_LOC_SLOT, X64_LOC_CONST };
struct x64_loc {
  uint8_t kind;
  uint8_t reg;
  uint16_t slot;
};

enum { X64_SLOTS = 128, X64_FRAME = X64_SLOTS * 8 + 8 };

/* Linear-scan register allocation over one straight-line block. */
struct x64_ra {
  uint32_t *last_use;  /* per value: index of its last use, 0 if unused */
  uint32_t *next_call; /* per index: first call at or after it, or UINT32_MAX */
  struct x64_loc *loc; /* per value */
  uint32_t reg_val[16];
  uint64_t slot_used[X64_SLOTS / 64];
};

struct x64_ctx {
  const struct ir_block *ir;
  struct tc_block *blk;
  struct tc_buf *buf;
  struct x64_ra ra;
  uint64_t guest_pc; /* of the last MARK */
  uint8_t *exit_fix; /* the jne to the exit_request stub */
  const char *error; /* set when the block cannot be translated */
};

/* x64_tramp.c */
extern uint8_t *x64_entry_tramp, *x64_exit_tramp;
void x64_init(struct tc_buf *buf);
uintptr_t x64_enter(struct cpu *c, const void *code);
void x64_patch(struct tc_exit *e, const void *code);

/* x64_regalloc.c */
int x64_is_call(const struct ir_insn *in);
int x64_has_value(const struct ir_insn *in);
int x64_ra_init(struct x64_ctx *x);
void x64_ra_free(struct x64_ctx *x);
void x64_ra_call(struct x64_ctx *x, uint32_t ref);
void x64_ra_def(struct x64_ctx *x, uint32_t ref, uint32_t hint);
void x64_ra_release(struct x64_ctx *x, uint32_t ref);
unsigned x64_dst(struct x64_ctx *x, uint32_t ref);
unsigned x64_src(struct x64_ctx *x, uint32_t ref, unsigned scratch);
void x64_load_value(struct x64_ctx *x, unsigned reg, uint32_t ref);
int x64_const_imm32(struct x64_ctx *x, uint32_t ref, int w, int32_t *imm);

/* x64_lower.c */
void x64_lower(struct x64_ctx *x, uint32_t ref);
void x64_exit_to(struct x64_ctx *x, uint64_t target_pc);
void x64_exit_plain(struct x64_ctx *x, uint64_t pc, uintptr_t status);

#endif
