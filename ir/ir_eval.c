/* ir_eval.c - the reference value semantics of every pure IR op (ir_ops.def).
 * Shifts take the amount modulo the width, x/0 = 0, MIN/-1 = MIN, clz/ctz of 0
 * is the width, flags are the canonical NZCV nibble (Arm AddWithCarry, J1.1.3).
 */
#include "ir_eval.h"
#include "ir_cc.h"
#include "ir_crypto.h"

unsigned ir_type_bits(enum ir_type t) {
  return t == IR_I32 || t == IR_F32 ? 32 : 64;
}

uint64_t ir_type_mask(enum ir_type t) {
  return ir_type_bits(t) == 32 ? 0xffffffffu : ~0ull;
}

/* x, taken as a signed number of w bits. */
static int64_t ir_sext_bits(uint64_t x, unsigned w) {
  return w >= 64 ? (int64_t)x : (int64_t)(x << (64 - w)) >> (64 - w);
}

static uint64_t ir_mulh(uint64_t a, uint64_t b, unsigned w, int is_signed) {
  if (w == 32)
    return is_signed ? (uint64_t)((ir_sext_bits(a, 32) * ir_sext_bits(b, 32)) >> 32)
                     : (a * b) >> 32;
  if (is_signed)
    return (uint64_t)(((__int128)(int64_t)a * (int64_t)b) >> 64);
  return (uint64_t)(((unsigned __int128)a * b) >> 64);
}

static uint64_t ir_divs(uint64_t a, uint64_t b, unsigned w) {
  int64_t x = ir_sext_bits(a, w), y = ir_sext_bits(b, w);
  if (y == 0)
    return 0;
  if (y == -1)
    return (uint64_t)0 - (uint64_t)x; /* MIN / -1 wraps to MIN */
  return (uint64_t)(x / y);
}

static uint64_t ir_ror(uint64_t a, uint64_t n, unsigned w) {
  n &= w - 1;
  return n ? (a >> n) | (a << (w - n)) : a;
}

static uint64_t ir_clz(uint64_t a, unsigned w) {
  return a ? (uint64_t)__builtin_clzll(a) - (64 - w) : w;
}

static uint64_t ir_ctz(uint64_t a, unsigned w) {
  return a ? (uint64_t)__builtin_ctzll(a) : w;
}

static uint64_t ir_bitrev(uint64_t a, unsigned w) {
  uint64_t r = 0;
  for (unsigned k = 0; k < w; k++)
    r |= ((a >> k) & 1) << (w - 1 - k);
  return r;
}

static uint64_t ir_bswap(uint64_t a, unsigned w) {
  return w == 32 ? __builtin_bswap32((uint32_t)a) : __builtin_bswap64(a);
}

/* NZCV of a + b + cin at w bits: AddWithCarry() of the Arm ARM. */
static uint64_t ir_nzcv_add(uint64_t a, uint64_t b, unsigned cin, unsigned w) {
  uint64_t m = w == 32 ? 0xffffffffu : ~0ull;
  a &= m, b &= m;
  uint64_t r = (a + b + cin) & m;
  unsigned carry = w == 32 ? (unsigned)((a + b + cin) >> 32)
                           : (unsigned)(((unsigned __int128)a + b + cin) >> 64);
  unsigned n = (r >> (w - 1)) & 1, z = r == 0;
  unsigned v = (((a ^ r) & (b ^ r)) >> (w - 1)) & 1;
  return n << 3 | z << 2 | carry << 1 | v;
}

static uint64_t ir_nzcv_logic(uint64_t a, unsigned w) {
  uint64_t m = w == 32 ? 0xffffffffu : ~0ull;
  return (((a >> (w - 1)) & 1) << 3) | ((a & m) == 0) << 2;
}

static int ir_cmp_holds(unsigned cmp, uint64_t a, uint64_t b, unsigned w) {
  uint64_t m = w == 32 ? 0xffffffffu : ~0ull;
  int64_t sa = ir_sext_bits(a, w), sb = ir_sext_bits(b, w);
  a &= m, b &= m;
  switch (cmp) {
  case IR_EQ: return a == b;
  case IR_NE: return a != b;
  case IR_LTU: return a < b;
  case IR_GEU: return a >= b;
  case IR_LEU: return a <= b;
  case IR_GTU: return a > b;
  case IR_LT: return sa < sb;
  case IR_GE: return sa >= sb;
  case IR_LE: return sa <= sb;
  case IR_GT: return sa > sb;
  }
  return 0;
}

static uint64_t ir_zext_bits(uint64_t a, unsigned bits) {
  return bits >= 64 ? a : a & ((1ull << bits) - 1);
}

static uint64_t ir_flags_op(const struct ir_insn *i, uint64_t a, uint64_t b, uint64_t c) {
  unsigned w = ir_type_bits(i->aux);
  switch (i->op) {
  case IR_FLAGS_ADD: return ir_nzcv_add(a, b, 0, w);
  case IR_FLAGS_SUB: return ir_nzcv_add(a, ~b, 1, w);
  case IR_FLAGS_ADC: return ir_nzcv_add(a, b, c & 1, w);
  case IR_FLAGS_SBC: return ir_nzcv_add(a, ~b, c & 1, w);
  default: return ir_nzcv_logic(a, w);
  }
}

/* The value of a pure op, before truncation to the result type. */
static uint64_t ir_eval_raw(const struct ir_insn *i, uint64_t a, uint64_t b, uint64_t c) {
  unsigned w = ir_type_bits(i->type);
  switch (i->op) {
  case IR_CONST: return i->imm;
  case IR_ADD: return a + b;
  case IR_SUB: return a - b;
  case IR_ADC: return a + b + c;
  case IR_MUL: return a * b;
  case IR_MULHU: return ir_mulh(a, b, w, 0);
  case IR_MULHS: return ir_mulh(a, b, w, 1);
  case IR_DIVU: return b ? a / b : 0;
  case IR_DIVS: return ir_divs(a, b, w);
  case IR_AND: return a & b;
  case IR_OR: return a | b;
  case IR_XOR: return a ^ b;
  case IR_NOT: return ~a;
  case IR_NEG: return -a;
  case IR_SHL: return a << (b & (w - 1));
  case IR_SHR: return a >> (b & (w - 1));
  case IR_SAR: return (uint64_t)(ir_sext_bits(a, w) >> (b & (w - 1)));
  case IR_ROR: return ir_ror(a, b, w);
  case IR_CLZ: return ir_clz(a, w);
  case IR_CTZ: return ir_ctz(a, w);
  case IR_POPCNT: return (uint64_t)__builtin_popcountll(a);
  case IR_BSWAP: return ir_bswap(a, w);
  case IR_BITREV: return ir_bitrev(a, w);
  case IR_CRC32C: return ir_crc32_le(IR_CRC32C_POLY, (uint32_t)a, b, 1u << (i->aux & 3));
  case IR_ZEXT: return ir_zext_bits(a, i->aux);
  case IR_SEXT: return (uint64_t)ir_sext_bits(ir_zext_bits(a, i->aux), i->aux ? i->aux : 64);
  case IR_TRUNC: return a;
  case IR_CMP: return ir_cmp_holds(i->aux, a, b, ir_type_bits(i->imm));
  case IR_SELECT: return a ? b : c;
  case IR_COND: return ir_cc_holds(i->aux, a);
  default: return ir_flags_op(i, a, b, c);
  }
}

uint64_t ir_eval_scalar(const struct ir_insn *i, uint64_t a, uint64_t b, uint64_t c) {
  uint64_t m = ir_type_mask(i->type);
  /* Arithmetic reads its operands at the result width; compares, flags and
   * width changes read them at their own width. */
  if (i->op >= IR_ADD && i->op <= IR_BITREV)
    a &= m, b &= m, c &= m;
  return ir_eval_raw(i, a, b, c) & m;
}

int ir_eval(const struct ir_insn *i, uint64_t a, uint64_t b, uint64_t c, uint64_t *out) {
  if (i->op != IR_CONST && !ir_is_scalar_pure(i->op))
    return 0;
  *out = ir_eval_scalar(i, a, b, c);
  return 1;
}
