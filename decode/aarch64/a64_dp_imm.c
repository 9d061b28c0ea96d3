/* a64_dp_imm.c - A64 data processing, immediate (Arm ARM C4.1.86):
 * add/sub, logical, move wide, PC-relative, bitfield and extract. */
#include "a64_util.h"

/* sf op S 100010 sh imm12(12) Rn(5) Rd(5)   ADD/ADDS/SUB/SUBS (immediate)
 * Rn may be SP; Rd is SP unless S (then ZR: CMP/CMN). */
bool trans_add_sub_imm(struct a64_ctx *s, const struct arg_add_sub_imm *a) {
  int sf = a->sf;
  bool sub = a->op, setflags = a->S;
  uint64_t imm = (uint64_t)a->imm << (a->sh * 12);
  uint32_t x = a64_rd(s, a->rn, sf, true);
  if (!imm && !setflags) { /* mov to or from SP (add x29, sp, #0): no ADD */
    a64_wr(s, a->rd, sf, true, x);
    return true;
  }
  a64_add_sub(s, sf, sub, setflags, x, a64_imm(s, sf, imm), a->rd, !setflags);
  return true;
}

/* sf opc(2) 100100 N immr(6) imms(6) Rn(5) Rd(5)   AND/ORR/EOR/ANDS (immediate)
 * The immediate is DecodeBitMasks(N, imms, immr). Rd is SP except for ANDS. */
bool trans_logic_imm(struct a64_ctx *s, const struct arg_logic_imm *a) {
  static const uint8_t ops[] = {IR_AND, IR_OR, IR_XOR, IR_AND};
  int sf = a->sf;
  unsigned opc = a->opc, rn = a->rn, rd = a->rd;
  uint64_t imm, tmask;
  if (!a64_decode_bit_masks(a->n, a->imms, a->immr, true, sf, &imm, &tmask))
    return false;
  uint32_t r;
  if (opc == 1 && rn == 31)
    r = a64_imm(s, sf, imm); /* MOV (bitmask immediate) */
  else
    r = ir_binop(s->b, ops[opc], a64_ty(sf), a64_rd(s, rn, sf, false), a64_imm(s, sf, imm));
  if (opc == 3)
    a64_set_nzcv(s, ir_flags(s->b, IR_FLAGS_LOGIC, a64_ty(sf), r, 0, 0));
  a64_wr(s, rd, sf, opc != 3, r);
  return true;
}

/* sf opc(2) 100101 hw(2) imm16(16) Rd(5)   MOVN (00), MOVZ (10), MOVK (11)
 * MOVN and MOVZ write Xd an i64 constant (a W form's zero-extended): no
 * ZEXT of an i32 one. */
bool trans_move_wide(struct a64_ctx *s, const struct arg_move_wide *a) {
  int sf = a->sf;
  unsigned opc = a->opc, hw = a->hw, rd = a->rd;
  if (opc == 1 || (!sf && hw >= 2))
    return false;
  unsigned pos = hw * 16;
  uint64_t imm = (uint64_t)a->imm << pos;
  if (opc != 3) {
    uint64_t v = opc == 0 ? ~imm : imm;
    a64_wr(s, rd, 1, false, a64_imm(s, 1, sf ? v : (uint32_t)v));
    return true;
  }
  uint32_t old = a64_rd(s, rd, sf, false);
  old = ir_binop(s->b, IR_AND, a64_ty(sf), old, a64_imm(s, sf, ~(0xffffull << pos)));
  a64_wr(s, rd, sf, false, ir_binop(s->b, IR_OR, a64_ty(sf), old, a64_imm(s, sf, imm)));
  return true;
}

/* op immlo(2) 10000 immhi(19) Rd(5)   ADR (op=0): pc + imm; ADRP (op=1):
 * (pc & ~0xfff) + imm * 4096 */
bool trans_adr(struct a64_ctx *s, const struct arg_adr *a) {
  int64_t imm = a->adr_imm;
  uint64_t v = a->op ? (s->pc & ~0xfffull) + (uint64_t)(imm * 4096) : s->pc + (uint64_t)imm;
  a64_wr(s, a->rd, 1, false, a64_guest_addr(s, v));
  return true;
}

/* BFM: Rd = (Rd & ~m) | (ROR(Rn, R) & m), m = wmask & tmask (the Arm ARM's
 * bot/top merge with top = dst). */
static uint32_t a64_bfm(struct a64_ctx *s, int sf, unsigned rd, uint32_t src, unsigned r,
                        uint64_t mask) {
  enum ir_type t = a64_ty(sf);
  uint32_t dst = a64_rd(s, rd, sf, false);
  uint32_t rot = a64_shift_imm(s, sf, src, A64_SHIFT_ROR, r);
  dst = ir_binop(s->b, IR_AND, t, dst, a64_imm(s, sf, ~mask));
  rot = ir_binop(s->b, IR_AND, t, rot, a64_imm(s, sf, mask));
  return ir_binop(s->b, IR_OR, t, dst, rot);
}

/* SBFM/UBFM as two shifts: the field's top bit S goes to the top of the
 * register, then a right shift (arithmetic for SBFM) brings it down. With
 * S >= R that extracts bits S..R (SBFX/UBFX, ASR/LSR, SXTB/UXTB etc.); with S < R
 * it leaves bits S..0 at position width - R (SBFIZ/UBFIZ, LSL). */
static uint32_t a64_xbfm(struct a64_ctx *s, int sf, bool sign, uint32_t src, unsigned r,
                         unsigned imms) {
  unsigned w = sf ? 64 : 32, up = w - 1 - imms;
  unsigned down = imms >= r ? up + r : r - 1 - imms;
  uint32_t v = a64_shl(s, sf, src, up);
  return sign ? a64_sar(s, sf, v, down) : a64_shr(s, sf, v, down);
}

/* sf opc(2) 100110 N immr(6) imms(6) Rn(5) Rd(5)   SBFM (00), BFM (01), UBFM (10)
 * (Arm ARM C6.2.30, C6.2.245, C6.2.370); N must equal sf. */
bool trans_bitfield(struct a64_ctx *s, const struct arg_bitfield *a) {
  int sf = a->sf;
  unsigned opc = a->opc, n = a->n, immr = a->immr, imms = a->imms, rn = a->rn, rd = a->rd;
  uint64_t wmask, tmask;
  if (opc == 3 || n != (unsigned)sf || (!sf && ((immr | imms) & 0x20)))
    return false;
  if (!a64_decode_bit_masks(n, imms, immr, false, sf, &wmask, &tmask))
    return false;
  uint32_t src = a64_rd(s, rn, sf, false), r;
  if (opc == 1)
    r = a64_bfm(s, sf, rd, src, immr, wmask & tmask);
  else
    r = a64_xbfm(s, sf, opc == 0, src, immr, imms);
  a64_wr(s, rd, sf, false, r);
  return true;
}

/* sf 00 100111 N 0 Rm(5) imms(6) Rn(5) Rd(5)   EXTR: (Rn:Rm) >> imms; ROR (immediate)
 * when Rn == Rm. */
bool trans_extr(struct a64_ctx *s, const struct arg_extr *a) {
  int sf = a->sf;
  unsigned lsb = a->imms, rm = a->rm, rn = a->rn, rd = a->rd;
  if (a->n != sf || (!sf && lsb >= 32))
    return false;
  uint32_t lo = a64_rd(s, rm, sf, false), r;
  if (rn == rm)
    r = a64_shift_imm(s, sf, lo, A64_SHIFT_ROR, lsb);
  else if (lsb == 0)
    r = lo;
  else {
    uint32_t hi = a64_shl(s, sf, a64_rd(s, rn, sf, false), (sf ? 64 : 32) - lsb);
    r = ir_binop(s->b, IR_OR, a64_ty(sf), hi, a64_shr(s, sf, lo, lsb));
  }
  a64_wr(s, rd, sf, false, r);
  return true;
}
