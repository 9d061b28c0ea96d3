/* a64_dp_misc.c - A64 data processing with 1, 2 and 3 sources (Arm ARM
 * C4.1.88): bit and byte reversal, count leading bits, division, variable
 * shifts, CRC32, multiply-accumulate and high multiplies. */
#include "a64_util.h"
#include "../../ir/ir_crypto.h"

/* REV16: swap the bytes of every halfword. */
static uint32_t a64_rev16(struct a64_ctx *s, int sf, uint32_t x) {
  enum ir_type t = a64_ty(sf);
  uint32_t m = a64_imm(s, sf, 0x00ff00ff00ff00ffull);
  uint32_t lo = ir_binop(s->b, IR_AND, t, a64_shr(s, sf, x, 8), m);
  uint32_t hi = a64_shl(s, sf, ir_binop(s->b, IR_AND, t, x, m), 8);
  return ir_binop(s->b, IR_OR, t, hi, lo);
}

/* CLS: leading bits equal to the sign bit, not counting it:
 * CLZ(x EOR (x ASR 1)) - 1, which is width - 1 for 0 and -1. */
static uint32_t a64_cls(struct a64_ctx *s, int sf, uint32_t x) {
  enum ir_type t = a64_ty(sf);
  uint32_t v = ir_binop(s->b, IR_XOR, t, x, a64_sar(s, sf, x, 1));
  return ir_binop(s->b, IR_SUB, t, ir_unop(s->b, IR_CLZ, t, v), a64_imm(s, sf, 1));
}

/* sf 1 0 11010110 00000 opcode(6) Rn(5) Rd(5)   RBIT (0), REV16 (1), REV32/REV (2),
 * REV (3, 64-bit only), CLZ (4), CLS (5) */
bool trans_dp_1src(struct a64_ctx *s, const struct arg_dp_1src *a) {
  int sf = a->sf;
  unsigned opcode = a->opcode;
  enum ir_type t = a64_ty(sf);
  if (opcode > 5 || (opcode == 3 && !sf))
    return false;
  uint32_t x = a64_rd(s, a->rn, sf, false), r;
  switch (opcode) {
  case 0: r = ir_unop(s->b, IR_BITREV, t, x); break;
  case 1: r = a64_rev16(s, sf, x); break;
  case 2:
    r = ir_unop(s->b, IR_BSWAP, t, x);
    if (sf) /* REV32: bswap each word = bswap64 rotated by 32 */
      r = a64_shift_imm(s, sf, r, A64_SHIFT_ROR, 32);
    break;
  case 3: r = ir_unop(s->b, IR_BSWAP, t, x); break;
  case 4: r = ir_unop(s->b, IR_CLZ, t, x); break;
  default: r = a64_cls(s, sf, x); break;
  }
  a64_wr(s, a->rd, sf, false, r);
  return true;
}

/* CRC32 and CRC32C over the low bytes of val (ir/ir_gf2.c: reflected, with no
 * pre- or post-inversion). */
uint64_t a64_helper_crc32(struct cpu *c, uint64_t acc, uint64_t val, uint64_t bytes) {
  (void)c;
  return ir_crc32_le(IR_CRC32_POLY, (uint32_t)acc, val, (unsigned)bytes);
}

uint64_t a64_helper_crc32c(struct cpu *c, uint64_t acc, uint64_t val, uint64_t bytes) {
  (void)c;
  return ir_crc32_le(IR_CRC32C_POLY, (uint32_t)acc, val, (unsigned)bytes);
}

/* sf 0 0 11010110 Rm(5) 010 C sz(2) Rn(5) Rd(5)   CRC32{B,H,W,X} / CRC32C{B,H,W,X}:
 * Wd = crc(Wn, Rm); X forms need sf = 1, the others sf = 0. CRC32C is the
 * IR's CRC32C op (x86 crc32); the IEEE polynomial has no such op: a helper. */
bool trans_crc32(struct a64_ctx *s, const struct arg_crc32 *a) {
  int sf = a->sf;
  unsigned sz = a->sz, rd = a->rd;
  if ((sz == 3) != (sf == 1))
    return false;
  if (a->c) {
    uint32_t acc = a64_rd(s, a->rn, 0, false);
    uint32_t val = a64_rd(s, a->rm, sz == 3, false);
    uint32_t r = ir_binop(s->b, IR_CRC32C, IR_I32, acc, val);
    s->b->insn[r].aux = (uint8_t)sz;
    a64_wr(s, rd, 0, false, r);
    return true;
  }
  uint32_t acc = a64_rd(s, a->rn, 1, false);
  uint32_t val = a64_rd(s, a->rm, 1, false);
  uint32_t r =
      ir_call(s->b, IR_I64, (void *)a64_helper_crc32, acc, val, ir_const(s->b, IR_I64, 1u << sz));
  a64_wr(s, rd, 1, false, r); /* the helper zero-extends */
  return true;
}

/* sf 0 0 11010110 Rm(5) opcode(6) Rn(5) Rd(5)   UDIV (000010), SDIV (000011),
 * LSLV/LSRV/ASRV/RORV (0010xx); CRC32* (010xxx) is trans_crc32. The IR's
 * division (x/0 = 0, MIN/-1 = MIN) and shifts (amount mod width) already
 * match A64. */
bool trans_dp_2src(struct a64_ctx *s, const struct arg_dp_2src *a) {
  static const uint8_t ops[12] = {
      [2] = IR_DIVU, [3] = IR_DIVS, [8] = IR_SHL, [9] = IR_SHR, [10] = IR_SAR, [11] = IR_ROR};
  int sf = a->sf;
  unsigned opcode = a->opcode;
  if (opcode >= 12 || !ops[opcode])
    return false;
  uint32_t x = a64_rd(s, a->rn, sf, false);
  uint32_t y = a64_rd(s, a->rm, sf, false);
  a64_wr(s, a->rd, sf, false, ir_binop(s->b, ops[opcode], a64_ty(sf), x, y));
  return true;
}

/* Wn as a sign- or zero-extended 64-bit value. */
static uint32_t a64_rd_w64(struct a64_ctx *s, unsigned r, bool sign) {
  return ir_ext(s->b, sign ? IR_SEXT : IR_ZEXT, IR_I64, a64_rd(s, r, 0, false), 32);
}

/* Ra +/- product; MUL and MNEG when Ra is ZR. */
static uint32_t a64_mac(struct a64_ctx *s, int sf, bool sub, unsigned ra, uint32_t p) {
  enum ir_type t = a64_ty(sf);
  if (ra == 31)
    return sub ? ir_unop(s->b, IR_NEG, t, p) : p;
  return ir_binop(s->b, sub ? IR_SUB : IR_ADD, t, a64_rd(s, ra, sf, false), p);
}

/* sf 00 11011 op31(3) Rm(5) o0 Ra(5) Rn(5) Rd(5)
 *   op31 000: MADD/MSUB (o0)        001: SMADDL/SMSUBL   010: SMULH (o0 = 0)
 *        101: UMADDL/UMSUBL         110: UMULH (o0 = 0); all but MADD/MSUB are 64-bit only */
bool trans_dp_3src(struct a64_ctx *s, const struct arg_dp_3src *a) {
  int sf = a->sf;
  unsigned op31 = a->op31, rm = a->rm, ra = a->ra, rn = a->rn, rd = a->rd;
  bool sub = a->o0;
  if (op31 && !sf)
    return false;
  uint32_t r;
  if (op31 == 0) {
    uint32_t p =
        ir_binop(s->b, IR_MUL, a64_ty(sf), a64_rd(s, rn, sf, false), a64_rd(s, rm, sf, false));
    r = a64_mac(s, sf, sub, ra, p);
  } else if (op31 == 1 || op31 == 5) {
    bool sign = op31 == 1;
    uint32_t p = ir_binop(s->b, IR_MUL, IR_I64, a64_rd_w64(s, rn, sign), a64_rd_w64(s, rm, sign));
    r = a64_mac(s, 1, sub, ra, p);
  } else if ((op31 == 2 || op31 == 6) && !sub) {
    r = ir_binop(s->b, op31 == 2 ? IR_MULHS : IR_MULHU, IR_I64, a64_rd(s, rn, 1, false),
                 a64_rd(s, rm, 1, false));
  } else
    return false;
  a64_wr(s, rd, sf, false, r);
  return true;
}
