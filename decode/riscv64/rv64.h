/* rv64.h - private to the RV64 decoder: the decode context, register access
 * and the helpers the trans_ functions share.
 *
 * The 32-bit encodings are described in rv64.decode, the compressed ones in
 * rv64c.decode; tools/decodegen makes of them rv64_decode_gen and
 * rv64c_decode_gen (o/decode/riscv64/), which call
 *   bool rv64_trans_addi(struct rv64_ctx *s, const struct arg_i *a);
 * for both the 32-bit ADDI and the compressed C.ADDI, C.LI, C.ADDI4SPN and
 * C.ADDI16SP. A word no trans_ takes raises SIGILL.
 */
#ifndef RV64_H
#define RV64_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "../../ir/ir.h"
#include "rv64_cpu.h"
#include "rv64_decode.gen.h"
#include "rv64c_decode.gen.h"

/* Conditional branches continue the block as side exits; the backend has
 * room for 8 exits per block, the final one included. A block stays inside
 * one page (DEC_PAGE). */
enum { RV64_MAX_SIDE_EXITS = 6 };

struct rv64_ctx {
  struct ir_block *b;
  uint64_t pc;   /* address of the instruction being decoded */
  uint32_t insn; /* its encoding (16 bits for a compressed one) */
  unsigned len;  /* its length: 2 or 4 */
  bool end;      /* the instruction ended the block (jump, ecall, trap) */
  /* Where decoding goes on when a conditional branch was followed into a
   * loop (decode/dec_trace.c; 0: at pc + len), and what the block has room
   * for. */
  uint64_t next;
  unsigned insns_left;
  /* The block already checks that frm is RNE for the FP fast path
   * (rv64_fpfast.c); frm changes only by a CSR write, which ends the block. */
  bool frm_checked;
  /* The block already checks that frm is not reserved (5..7), for the
   * exact helper's dynamic rounding mode (rv64_fp.c). */
  bool frm_valid_checked;
  uint32_t undo_n; /* what a declining trans_ is rolled back to */
  bool undo_frm_checked, undo_frm_valid_checked;
};

/* !function helpers of the specs: scaled immediates and the 3-bit register
 * fields of the compressed formats (x8..x15). */
static inline int rv64_times_2(struct rv64_ctx *s, int x) {
  (void)s;
  return x * 2;
}
static inline int rv64_times_4(struct rv64_ctx *s, int x) {
  (void)s;
  return x * 4;
}
static inline int rv64_times_8(struct rv64_ctx *s, int x) {
  (void)s;
  return x * 8;
}
static inline int rv64_times_16(struct rv64_ctx *s, int x) {
  (void)s;
  return x * 16;
}
static inline int rv64_times_4096(struct rv64_ctx *s, int x) {
  (void)s;
  return (int)((uint32_t)x << 12);
}
static inline int rv64c_reg(struct rv64_ctx *s, int x) {
  (void)s;
  return x + 8;
}

void rv64_decode_undo(struct rv64_ctx *s);
/* rv64_decode.c: append IR for the block at pc (rv64_guest.decode_block). */
void rv64_decode_block(struct ir_block *b, uint64_t pc);
/* The registers as gdb numbers them (rv64_gdb.c). */
extern const struct guest_gdb rv64_gdb;

static inline uint32_t rv64_off_x(unsigned r) {
  return offsetof(struct rv64_cpu, x[r]);
}
static inline uint32_t rv64_off_f(unsigned r) {
  return offsetof(struct rv64_cpu, f[r]);
}

/* xr as an i64 (x0 reads as 0), and its low 32 bits as an i32. */
uint32_t rv64_get(struct rv64_ctx *s, unsigned r);
uint32_t rv64_get32(struct rv64_ctx *s, unsigned r);
/* xr = v (an i64); a write to x0 is dropped. */
void rv64_set(struct rv64_ctx *s, unsigned r, uint32_t v);
/* xr = v (an i32) sign-extended: the result of every *W instruction. */
void rv64_set32(struct rv64_ctx *s, unsigned r, uint32_t v);
uint32_t rv64_imm(struct rv64_ctx *s, uint64_t v);
/* An i64 constant that is a guest address (ir_const_guest). */
uint32_t rv64_guest_addr(struct rv64_ctx *s, uint64_t addr);
/* xrs1 + imm, the address of a load or store. */
uint32_t rv64_addr(struct rv64_ctx *s, unsigned rs1, int64_t imm);
/* End the block: direct jump, indirect jump, signal at this instruction. */
void rv64_goto(struct rv64_ctx *s, uint64_t target);
/* Whether the block goes on at target, the taken side of the conditional
 * branch at s->pc, because that is the way round a loop (rv64_trace.c);
 * then s->next is target. */
bool rv64_trace_follows(struct rv64_ctx *s, uint64_t target);
/* Where block b, at its size limit, is a loop longer than that: the
 * instructions from pc to its back edge (dec_loop_rest), or 0. */
unsigned rv64_loop_rest(const struct ir_block *b, uint64_t pc);
/* Whether the block ends before pc, where another block's code starts (dec_joins). */
bool rv64_joins(const struct ir_block *b, uint64_t pc);
void rv64_jump(struct rv64_ctx *s, uint32_t target);
void rv64_return(struct rv64_ctx *s, uint32_t target); /* a JUMP that returns from a call */
void rv64_trap(struct rv64_ctx *s, int sig, uint64_t info);
/* SIGILL at this instruction, as for an encoding xrun does not take. */
bool rv64_illegal(struct rv64_ctx *s);
/* rv64_fpfast.c: F and D as IR where the host's arithmetic is exact; false
 * when the exact helper must do it. how/kind is the funct3. */
bool rv64_fp_fast(struct rv64_ctx *s);
bool rv64_fp_sgnj_ir(struct rv64_ctx *s, unsigned how);
bool rv64_fp_cmp_ir(struct rv64_ctx *s, unsigned kind);

#endif
