/* a64_decode.c - the A64 block decoder: reads instruction words at a guest pc
 * and dispatches each through a64.decode's patterns to a trans_ function that
 * appends its IR. A block ends at a branch, system call or trap, after
 * xrun_opt.max_block_insns instructions (a loop up to its back edge,
 * DEC_LOOP_MAX), at the end of a 4 KiB page, once it holds
 * A64_MAX_SIDE_EXITS conditional branches, before an instruction where
 * another block's translated code starts (but a loop's), or before a
 * debugger's breakpoint (xrun -g), which is a block of its own: a trap. It
 * goes on at a conditional branch's target where that is the way round a
 * loop (decode/dec_trace.c).
 *
 *   struct ir_block *b = ir_block_new(pc);
 *   a64_decode_block(b, pc);
 */
#include <signal.h>
#include "../dec_trace.h"
#include "a64_util.h"

void a64_decode_undo(struct a64_ctx *s) {
  ir_undo(s->b, s->undo_n);
  s->next = 0;
  s->fpcr_checked = s->undo_fpcr_checked;
}

/* The spec's patterns (a64.decode), else SIGILL. */
static void a64_decode_insn(struct a64_ctx *s) {
  s->undo_n = s->b->n;
  s->undo_fpcr_checked = s->fpcr_checked;
  if (!a64_decode_gen(s, s->insn))
    a64_trap(s, SIGILL, s->insn); /* -d unimpl names it if it runs */
}

void a64_decode_block(struct ir_block *b, uint64_t pc) {
  struct a64_ctx s = {.b = b};
  b->flags_off = offsetof(struct a64_cpu, nzcv);
  unsigned max = xrun_opt.max_block_insns ? xrun_opt.max_block_insns : 1;
  unsigned insns = 0;
  uint64_t start = pc;
  while (!s.end) {
    s.pc = pc;
    s.insns_left = max - insns;
    bool brk = xrun_breakpoint(pc);
    if (brk && insns) /* a debugger's breakpoint starts a block */
      break;
    s.insn = *(const uint32_t *)(uintptr_t)pc;
    ir_mark(b, pc);
    b->addr_mask = xrun_addr_tagged(pc) ? ~a64_guest.addr_tag_bits : 0;
    if (brk)
      a64_trap(&s, SIGTRAP, XRUN_TRAP_BREAKPOINT); /* and ends the block */
    else
      a64_decode_insn(&s);
    b->addr_mask = 0;
    insns++;
    pc = s.next ? s.next : pc + 4;
    s.next = 0;
    if (insns == max && max > 1 && pc % DEC_PAGE != 0)
      max += a64_loop_rest(b, pc); /* a loop longer than that: to its back edge */
    if (insns >= max || pc % DEC_PAGE == 0 || b->n_exit_ifs >= A64_MAX_SIDE_EXITS ||
        a64_joins(b, pc))
      break;
  }
  if (!ir_block_ended(b))
    ir_goto(b, pc);
  b->guest_size = (uint32_t)(b->marks[b->n_marks - 1].pc + 4 - start);
  b->guest_insns = insns;
}
