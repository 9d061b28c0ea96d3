/* rv64_trace.c - the RV64GC side of blocks that follow a loop through a
 * taken branch (decode/dec_trace.c): which instructions branch, read
 * without decoding them (the unprivileged ISA's B, J, CB and CJ formats). */
#include "../dec_trace.h"
#include "rv64.h"

/* Bit i of x moved to bit j. */
static uint64_t rv64_bit(uint32_t x, unsigned i, unsigned j) {
  return (uint64_t)(x >> i & 1) << j;
}

/* imm[12|10:5] at 31:25, imm[4:1|11] at 11:7 */
static int64_t rv64_b_imm(uint32_t w) {
  uint64_t v = rv64_bit(w, 31, 12) | (uint64_t)(w >> 25 & 0x3f) << 5 |
               (uint64_t)(w >> 8 & 0xf) << 1 | rv64_bit(w, 7, 11);
  return (int64_t)(v << 51) >> 51;
}

/* imm[20|10:1|11|19:12] at 31:12 */
static int64_t rv64_j_imm(uint32_t w) {
  uint64_t v = rv64_bit(w, 31, 20) | (uint64_t)(w >> 21 & 0x3ff) << 1 | rv64_bit(w, 20, 11) |
               (uint64_t)(w >> 12 & 0xff) << 12;
  return (int64_t)(v << 43) >> 43;
}

/* c.beqz/c.bnez: imm[8|4:3] at 12:10, imm[7:6|2:1|5] at 6:2 */
static int64_t rv64_cb_imm(uint32_t h) {
  uint64_t v = rv64_bit(h, 12, 8) | (uint64_t)(h >> 10 & 3) << 3 | (uint64_t)(h >> 5 & 3) << 6 |
               (uint64_t)(h >> 3 & 3) << 1 | rv64_bit(h, 2, 5);
  return (int64_t)(v << 55) >> 55;
}

/* c.j: imm[11|4|9:8|10|6|7|3:1|5] at 12:2 */
static int64_t rv64_cj_imm(uint32_t h) {
  uint64_t v = rv64_bit(h, 12, 11) | rv64_bit(h, 11, 4) | (uint64_t)(h >> 9 & 3) << 8 |
               rv64_bit(h, 8, 10) | rv64_bit(h, 7, 6) | rv64_bit(h, 6, 7) |
               (uint64_t)(h >> 3 & 7) << 1 | rv64_bit(h, 2, 5);
  return (int64_t)(v << 52) >> 52;
}

static enum dec_flow rv64_flow16(uint32_t h, uint64_t pc, uint64_t *target) {
  unsigned quadrant = h & 3, funct3 = h >> 13;
  if (!h)
    return DEC_FLOW_LEAVE; /* c.unimp */
  if (quadrant == 1 && funct3 == 5) {
    *target = pc + (uint64_t)rv64_cj_imm(h);
    return DEC_FLOW_JUMP; /* c.j */
  }
  if (quadrant == 1 && funct3 >= 6) {
    *target = pc + (uint64_t)rv64_cb_imm(h);
    return DEC_FLOW_COND; /* c.beqz c.bnez */
  }
  if (quadrant == 2 && funct3 == 4 && !(h >> 2 & 0x1f))
    return DEC_FLOW_LEAVE; /* c.jr c.jalr c.ebreak */
  return DEC_FLOW_ON;
}

static enum dec_flow rv64_flow32(uint32_t w, uint64_t pc, uint64_t *target) {
  unsigned funct3 = w >> 12 & 7;
  switch (w & 0x7f) {
  case 0x63: /* beq bne blt bge bltu bgeu */
    *target = pc + (uint64_t)rv64_b_imm(w);
    return funct3 == 2 || funct3 == 3 ? DEC_FLOW_LEAVE : DEC_FLOW_COND;
  case 0x6f: /* jal */ *target = pc + (uint64_t)rv64_j_imm(w); return DEC_FLOW_JUMP;
  case 0x67: return DEC_FLOW_LEAVE;                        /* jalr */
  case 0x73: return funct3 ? DEC_FLOW_ON : DEC_FLOW_LEAVE; /* ecall ebreak; csr* go on */
  default: return DEC_FLOW_ON;
  }
}

static enum dec_flow rv64_flow(uint64_t pc, unsigned *len, uint64_t *target) {
  uint32_t lo = *(const uint16_t *)(uintptr_t)pc;
  *target = 0;
  if ((lo & 3) != 3) {
    *len = 2;
    return rv64_flow16(lo, pc, target);
  }
  *len = 4;
  uint32_t w = lo | (uint32_t) * (const uint16_t *)(uintptr_t)(pc + 2) << 16;
  return (w & 0x1f) == 0x1f ? DEC_FLOW_LEAVE : rv64_flow32(w, pc, target);
}

static const struct dec_trace_guest rv64_trace_guest = {rv64_flow, RV64_MAX_SIDE_EXITS};

bool rv64_trace_follows(struct rv64_ctx *s, uint64_t target) {
  if (!dec_trace_follows(&rv64_trace_guest, s->b, s->pc, s->len, target, s->insns_left))
    return false;
  s->next = target;
  return true;
}

unsigned rv64_loop_rest(const struct ir_block *b, uint64_t pc) {
  return dec_loop_rest(&rv64_trace_guest, b, pc);
}

bool rv64_joins(const struct ir_block *b, uint64_t pc) {
  return dec_joins(&rv64_trace_guest, b, pc);
}
