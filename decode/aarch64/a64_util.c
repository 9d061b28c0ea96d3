/* a64_util.c - operand helpers shared by the A64 data-processing decoders. */
#include "a64_util.h"

static uint64_t a64_ones(unsigned n) {
  return n >= 64 ? ~0ull : (1ull << n) - 1;
}

static uint64_t a64_ror_elem(uint64_t x, unsigned r, unsigned esize) {
  if (r == 0)
    return x;
  return ((x >> r) | (x << (esize - r))) & a64_ones(esize);
}

static uint64_t a64_replicate(uint64_t x, unsigned esize) {
  for (unsigned i = esize; i < 64; i *= 2)
    x |= x << i;
  return x;
}

/* DecodeBitMasks (Arm ARM J1.1.3): an element of esize = 2^len bits, len the
 * highest set bit of N:NOT(imms), holding S+1 ones rotated right by R, then
 * replicated. tmask is the bitfield "top" mask of diff+1 ones. */
bool a64_decode_bit_masks(unsigned n, unsigned imms, unsigned immr, bool immediate, int sf,
                          uint64_t *wmask, uint64_t *tmask) {
  unsigned combined = (n << 6) | (~imms & 0x3f);
  if (combined < 2)
    return false; /* len < 1 */
  unsigned len = 31 - __builtin_clz(combined);
  unsigned esize = 1u << len, levels = esize - 1;
  if (esize > (sf ? 64u : 32u))
    return false;
  if (immediate && (imms & levels) == levels)
    return false;
  unsigned sv = imms & levels, rv = immr & levels, diff = (sv - rv) & levels;
  uint64_t width = sf ? ~0ull : 0xffffffffull;
  *wmask = a64_replicate(a64_ror_elem(a64_ones(sv + 1), rv, esize), esize) & width;
  *tmask = a64_replicate(a64_ones(diff + 1), esize) & width;
  return true;
}

static uint32_t a64_shift_op(struct a64_ctx *s, enum ir_op op, int sf, uint32_t v, unsigned n) {
  if (n == 0)
    return v;
  return ir_binop(s->b, op, a64_ty(sf), v, a64_imm(s, sf, n));
}

uint32_t a64_shl(struct a64_ctx *s, int sf, uint32_t v, unsigned n) {
  return a64_shift_op(s, IR_SHL, sf, v, n);
}

uint32_t a64_shr(struct a64_ctx *s, int sf, uint32_t v, unsigned n) {
  return a64_shift_op(s, IR_SHR, sf, v, n);
}

uint32_t a64_sar(struct a64_ctx *s, int sf, uint32_t v, unsigned n) {
  return a64_shift_op(s, IR_SAR, sf, v, n);
}

uint32_t a64_shift_imm(struct a64_ctx *s, int sf, uint32_t v, enum a64_shift type,
                       unsigned amount) {
  static const uint8_t ops[] = {IR_SHL, IR_SHR, IR_SAR, IR_ROR};
  return a64_shift_op(s, ops[type & 3], sf, v, amount);
}

/* ExtendReg: option<1:0> is the source size (B, H, W, X), option<2> the sign.
 * The register is read as Wm unless the source is X, then the extended value
 * is shifted left by 0..4. */
uint32_t a64_extend_reg(struct a64_ctx *s, int sf, unsigned rm, unsigned option, unsigned shift) {
  unsigned bits = 8u << (option & 3);
  uint32_t v = a64_rd(s, rm, sf, false);
  if (bits < (sf ? 64u : 32u))
    v = ir_ext(s->b, option & 4 ? IR_SEXT : IR_ZEXT, a64_ty(sf), v, bits);
  return a64_shl(s, sf, v, shift);
}

void a64_add_sub(struct a64_ctx *s, int sf, bool sub, bool setflags, uint32_t x, uint32_t y,
                 unsigned rd, bool rd_sp) {
  enum ir_type t = a64_ty(sf);
  bool kept = rd != 31 || rd_sp; /* else ZR: CMP and CMN only set the flags */
  /* the result first: a backend may take the flags from the same host instruction */
  uint32_t r = kept ? ir_binop(s->b, sub ? IR_SUB : IR_ADD, t, x, y) : 0;
  if (setflags)
    a64_set_nzcv(s, ir_flags(s->b, sub ? IR_FLAGS_SUB : IR_FLAGS_ADD, t, x, y, 0));
  if (kept)
    a64_wr(s, rd, sf, rd_sp, r);
}

uint32_t a64_carry(struct a64_ctx *s, int sf) {
  struct ir_block *b = s->b;
  uint32_t c = ir_binop(b, IR_SHR, IR_I32, a64_get_nzcv(s), ir_const(b, IR_I32, 1));
  c = ir_binop(b, IR_AND, IR_I32, c, ir_const(b, IR_I32, 1));
  return sf ? ir_ext(b, IR_ZEXT, IR_I64, c, 32) : c;
}
