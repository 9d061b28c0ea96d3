/* rv64_decode.c - the RV64GC block decoder: reads a 16- or 32-bit
 * instruction at a guest pc (the low two bits of the first halfword say
 * which: 11 is a 32-bit one) and dispatches it through the generated
 * decoders of rv64.decode and rv64c.decode to a trans_ function that appends
 * its IR. A block ends at a jump, ecall or trap, after
 * xrun_opt.max_block_insns instructions (a loop up to its back edge,
 * DEC_LOOP_MAX), at the end of a 4 KiB page, once it holds
 * RV64_MAX_SIDE_EXITS conditional branches, or before an instruction where
 * another block's translated code starts (but a loop's). With xrun -g a block
 * also ends before a debugger's breakpoint, and one that starts there is
 * the trap that reports it (xrun_breakpoint in xrun.h). It goes on at a
 * conditional branch's target where that is the way round a loop
 * (decode/dec_trace.c).
 *
 *   struct ir_block *b = ir_block_new(pc);
 *   rv64_decode_block(b, pc);
 */
#include <signal.h>
#include "../dec_trace.h"
#include "rv64.h"

void rv64_decode_undo(struct rv64_ctx *s) {
  ir_undo(s->b, s->undo_n);
  s->next = 0;
  s->frm_checked = s->undo_frm_checked;
  s->frm_valid_checked = s->undo_frm_valid_checked;
}

/* The instruction at pc: its length in s->len, its bits in s->insn. */
static void rv64_fetch(struct rv64_ctx *s, uint64_t pc) {
  uint32_t lo = *(const uint16_t *)(uintptr_t)pc;
  s->pc = pc;
  s->len = (lo & 3) == 3 ? 4 : 2;
  s->insn = s->len == 4 ? lo | (uint32_t) * (const uint16_t *)(uintptr_t)(pc + 2) << 16 : lo;
}

static void rv64_decode_insn(struct rv64_ctx *s) {
  s->undo_n = s->b->n;
  s->undo_frm_checked = s->frm_checked;
  s->undo_frm_valid_checked = s->frm_valid_checked;
  bool done;
  if (s->len == 2)
    done = rv64c_decode_gen(s, s->insn);
  else /* 48-bit and longer encodings (bits 4:0 = 11111) match no pattern */
    done = (s->insn & 0x1f) != 0x1f && rv64_decode_gen(s, s->insn);
  if (!done)
    rv64_illegal(s); /* -d unimpl names it if it runs */
}

void rv64_decode_block(struct ir_block *b, uint64_t pc) {
  struct rv64_ctx s = {.b = b};
  unsigned max = xrun_opt.max_block_insns ? xrun_opt.max_block_insns : 1;
  unsigned insns = 0;
  uint64_t start = pc;
  while (!s.end) {
    bool brk = xrun_breakpoint(pc);
    if (brk && insns) /* a debugger's breakpoint starts a block */
      break;
    rv64_fetch(&s, pc);
    s.insns_left = max - insns;
    ir_mark(b, pc);
    if (brk)
      rv64_trap(&s, SIGTRAP, XRUN_TRAP_BREAKPOINT); /* and ends the block */
    else
      rv64_decode_insn(&s);
    insns++;
    pc = s.next ? s.next : pc + s.len;
    s.next = 0;
    if (insns == max && max > 1 && pc % DEC_PAGE != 0)
      max += rv64_loop_rest(b, pc); /* a loop longer than that: to its back edge */
    /* stop before an instruction that would cross into the next page */
    if (insns >= max || pc % DEC_PAGE == 0 || pc % DEC_PAGE == DEC_PAGE - 2 ||
        b->n_exit_ifs >= RV64_MAX_SIDE_EXITS || rv64_joins(b, pc))
      break;
  }
  if (!ir_block_ended(b))
    ir_goto(b, pc);
  b->guest_size = (uint32_t)(b->marks[b->n_marks - 1].pc + s.len - start);
  b->guest_insns = insns;
}
