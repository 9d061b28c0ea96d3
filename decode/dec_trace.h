/* dec_trace.h - the decoders' rule for blocks that follow a loop through
 * the taken side of a conditional branch (dec_trace.c).
 *
 *   if (dec_trace_follows(&a64_trace_guest, s->b, s->pc, 4, target, left))
 *     ... side exit to s->pc + 4 when not taken, decoding goes on at target
 */
#ifndef DEC_TRACE_H
#define DEC_TRACE_H

#include <stdbool.h>
#include <stdint.h>
#include "../ir/ir.h"

/* What an instruction does to the straight flow of code. */
enum dec_flow {
  DEC_FLOW_ON,    /* goes on to the next instruction */
  DEC_FLOW_COND,  /* a conditional branch to a known target */
  DEC_FLOW_JUMP,  /* an unconditional branch to a known target */
  DEC_FLOW_LEAVE, /* a call, an indirect branch, a system call or a trap */
};

struct dec_trace_guest {
  /* The instruction at pc: its length in *len, a direct branch's target in
   * *target. Only reads the word(s) at pc, inside the block's page. */
  enum dec_flow (*flow)(uint64_t pc, unsigned *len, uint64_t *target);
  unsigned max_side_exits; /* the decoder's limit of conditional branches per block */
};

enum { DEC_PAGE = 4096 };    /* a block stays inside one 4 KiB page, for both guests */
enum { DEC_LOOP_MAX = 256 }; /* the most instructions of a block that is a loop */

/* Whether the block b goes on at target, the taken side of the conditional
 * branch at pc (len bytes), room left for insns_left instructions, this one
 * included: the taken side goes round to b's start within that room and the
 * fall-through does not, or in more instructions. */
bool dec_trace_follows(const struct dec_trace_guest *g, const struct ir_block *b, uint64_t pc,
                       unsigned len, uint64_t target, unsigned insns_left);

/* Where the block b, at its size limit with the next instruction at pc,
 * is a loop: the instructions from pc to the branch back to its start on
 * its straight path, if the block has room for them (DEC_LOOP_MAX, side
 * exits); else 0. */
unsigned dec_loop_rest(const struct dec_trace_guest *g, const struct ir_block *b, uint64_t pc);

/* Whether the block b ends before pc, where translated code of another
 * block starts (xrun_block_at): unless a path from pc goes round to b's
 * start, which can make b a loop through pc. */
bool dec_joins(const struct dec_trace_guest *g, const struct ir_block *b, uint64_t pc);

#endif
