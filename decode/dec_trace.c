/* dec_trace.c - blocks that follow a loop through a taken branch.
 *
 * A block is decoded along the fall-through path, its conditional branches
 * side exits; a block whose path comes back to its own start is a loop the
 * backend runs with its registers kept across the back edge (x64_loop.c).
 * A loop whose way round goes through the taken side of a branch was two or
 * more blocks, and every iteration stored and loaded the guest registers at
 * each block boundary:
 *
 *   start: fmul d2, d0, d0 ... fcmpe d4, d8
 *          b.ls  body              taken while the loop goes on
 *          b     out               the way out of the loop
 *   body:  ... cmp w1, #0x100
 *          b.ne  start             the back edge
 *
 * Such a block follows the branch instead: its side exit goes to the
 * fall-through (the condition inverted), decoding goes on at the target,
 * and the back edge makes the block a loop. Only where that is the shorter
 * way round: the taken side reaches a branch back to the block's start
 * within what the block has room for (instructions, side exits, its page),
 * and the fall-through does not, or in more instructions. Which side is
 * the hot one is not known when the code is translated; where both go
 * round, the longer way mostly holds more work the loop does only
 * sometimes (a branch over a special case: gcc's cc1 dividing a multiplier
 * by 2^m +- 1 goes round the short way nearly every time): sieve_primes
 * took 0.96 of the time, a warm gcc -S 0.985, lua5.4, python3.11, perl and
 * the other C rows the same, against keeping to the fall-through (as every
 * block does where neither side is a way round, and where both are as
 * long). Only forward branches are followed, so the instructions of
 * a block stay in address order inside [start, start + size), the range
 * that invalidation, the persistent cache and the pc map take as the
 * block's.
 *
 * A loop longer than a block may be (xrun_opt.max_block_insns) is one
 * block too, up to DEC_LOOP_MAX instructions, where the block's straight
 * path reaches the branch back to its start (dec_loop_rest): its registers
 * stay in host registers around it, where two or more blocks stored and
 * loaded them at each boundary (OpenSSL's SHA-256 with Arm's SHA2
 * instructions: 117 instructions a 64-byte block).
 *
 * A block also ends before an instruction where translated code of another
 * block starts, and jumps there (chained at once, tc_chain_ready): a path
 * into code translated before would otherwise be translated again, which
 * was 5% of the instructions a first run of true translated and 9% of
 * python3's (ld.so's and libc's functions entered at several points). Not
 * where the block may be a loop through that instruction: a path from
 * there, straight or through the taken side of a forward branch, goes
 * round to its start (dec_joins).
 *
 * The look ahead reads instruction words without decoding them: each guest
 * says which of its forms branch (a64_trace.c, rv64_trace.c).
 */
#include "dec_trace.h"
#include "../xrun.h"

/* The instructions on a path from pc up to and including a branch back to
 * start, if one reaches it within insns instructions and exits side exits
 * without leaving start's page; else 0. The straight path alone, or with
 * steps also the taken side of each forward conditional branch (the
 * decoder may follow one), *steps bounding the instructions read over all
 * the paths. */
static unsigned dec_path(const struct dec_trace_guest *g, uint64_t pc, uint64_t start,
                         unsigned insns, unsigned exits, unsigned *steps) {
  for (unsigned len, n = 1; n <= insns && (!steps || (*steps && (*steps)--)) &&
                            pc / DEC_PAGE == start / DEC_PAGE && pc % DEC_PAGE <= DEC_PAGE - 4;
       n++, pc += len) {
    uint64_t target;
    unsigned via;
    switch (g->flow(pc, &len, &target)) {
    case DEC_FLOW_ON: break;
    case DEC_FLOW_COND:
      if (target == start)
        return n;
      if (!exits--)
        return 0;
      if (steps && target > pc && (via = dec_path(g, target, start, insns - n, exits, steps)))
        return n + via;
      break;
    case DEC_FLOW_JUMP: return target == start ? n : 0;
    case DEC_FLOW_LEAVE: return 0;
    }
  }
  return 0;
}

static unsigned dec_path_length(const struct dec_trace_guest *g, uint64_t pc, uint64_t start,
                                unsigned insns, unsigned exits) {
  return dec_path(g, pc, start, insns, exits, NULL);
}

unsigned dec_loop_rest(const struct dec_trace_guest *g, const struct ir_block *b, uint64_t pc) {
  unsigned decoded = b->n_marks;
  if (decoded >= DEC_LOOP_MAX || b->n_exit_ifs + 1 > g->max_side_exits)
    return 0; /* room for the back edge's own exit */
  return dec_path_length(g, pc, b->guest_pc, DEC_LOOP_MAX - decoded,
                         g->max_side_exits - 1 - b->n_exit_ifs);
}

bool dec_trace_follows(const struct dec_trace_guest *g, const struct ir_block *b, uint64_t pc,
                       unsigned len, uint64_t target, unsigned insns_left) {
  uint64_t start = b->guest_pc;
  /* room after this branch for its own exit and the back edge */
  if (target <= pc || target / DEC_PAGE != start / DEC_PAGE || insns_left < 2 ||
      b->n_exit_ifs + 2 > g->max_side_exits)
    return false;
  unsigned insns = insns_left - 1, exits = g->max_side_exits - 2 - b->n_exit_ifs;
  unsigned taken = dec_path_length(g, target, start, insns, exits);
  unsigned fall = taken ? dec_path_length(g, pc + len, start, insns, exits) : 0;
  return taken && (!fall || taken < fall);
}

enum { DEC_JOIN_STEPS = 512 };

bool dec_joins(const struct dec_trace_guest *g, const struct ir_block *b, uint64_t pc) {
  if (pc == b->guest_pc || !xrun_block_at(pc))
    return false;
  unsigned decoded = b->n_marks, steps = DEC_JOIN_STEPS;
  if (decoded >= DEC_LOOP_MAX || b->n_exit_ifs + 1 > g->max_side_exits)
    return true; /* no room left for a loop's back edge */
  return !dec_path(g, pc, b->guest_pc, DEC_LOOP_MAX - decoded,
                   g->max_side_exits - 1 - b->n_exit_ifs, &steps);
}
