/* a64_trace.c - the A64 side of blocks that follow a loop through a taken
 * branch (decode/dec_trace.c): which instruction words branch, read
 * without decoding them, from a64.decode's forms. */
#include "../dec_trace.h"
#include "a64_util.h"

struct a64_flow_form {
  uint32_t mask, value;
  uint8_t flow;
  uint8_t off_pos, off_len; /* the word offset of a direct branch */
};

static const struct a64_flow_form a64_flow_forms[] = {
    {0xff000010, 0x54000000, DEC_FLOW_COND, 5, 19}, /* b.cond */
    {0x7e000000, 0x34000000, DEC_FLOW_COND, 5, 19}, /* cbz cbnz */
    {0x7e000000, 0x36000000, DEC_FLOW_COND, 5, 14}, /* tbz tbnz */
    {0xfc000000, 0x14000000, DEC_FLOW_JUMP, 0, 26}, /* b */
    {0xfc000000, 0x94000000, DEC_FLOW_LEAVE, 0, 0}, /* bl */
    {0xfe000000, 0xd6000000, DEC_FLOW_LEAVE, 0, 0}, /* br blr ret and their pauth forms */
    {0xff000000, 0xd4000000, DEC_FLOW_LEAVE, 0, 0}, /* svc hvc smc brk hlt dcps */
};

/* Every form above is in the encoding group of branches, exception
 * generation and system instructions, op0 (bits 28:26) 101: one test
 * passes over the other instructions, most of those the look ahead reads. */
static int a64_in_branch_group(uint32_t w) {
  return (w & 0x1c000000) == 0x14000000;
}

static enum dec_flow a64_flow(uint64_t pc, unsigned *len, uint64_t *target) {
  uint32_t w = *(const uint32_t *)(uintptr_t)pc;
  *len = 4;
  if (!a64_in_branch_group(w))
    return DEC_FLOW_ON;
  for (size_t i = 0; i < sizeof(a64_flow_forms) / sizeof(a64_flow_forms[0]); i++) {
    const struct a64_flow_form *f = &a64_flow_forms[i];
    if ((w & f->mask) == f->value) {
      *target = f->off_len ? pc + (uint64_t)(a64_sbits(w, f->off_pos, f->off_len) * 4) : 0;
      return (enum dec_flow)f->flow;
    }
  }
  return DEC_FLOW_ON;
}

static const struct dec_trace_guest a64_trace_guest = {a64_flow, A64_MAX_SIDE_EXITS};

bool a64_trace_follows(struct a64_ctx *s, uint64_t target) {
  if (!dec_trace_follows(&a64_trace_guest, s->b, s->pc, 4, target, s->insns_left))
    return false;
  s->next = target;
  return true;
}

unsigned a64_loop_rest(const struct ir_block *b, uint64_t pc) {
  return dec_loop_rest(&a64_trace_guest, b, pc);
}

bool a64_joins(const struct ir_block *b, uint64_t pc) {
  return dec_joins(&a64_trace_guest, b, pc);
}
