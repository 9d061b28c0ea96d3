/* a64_simd.c - A64 Advanced SIMD (Arm ARM C4.1.95): the pattern table of
 * every FP/SIMD class, the lane access shared by the helpers, and the data
 * movement classes (logical, modified immediate, copy, permutes, EXT, TBL).
 * The arithmetic classes live in a64_simd_int.c (three same, three
 * different, by element), a64_simd_misc.c (two-register misc, across
 * lanes), a64_simd_shift.c (shift by immediate), a64_simd_fp.c (FP three
 * same, by element, scalar pairwise) and a64_fp.c (scalar FP).
 *
 * Data movement and bitwise operations are native IR on the two 64-bit
 * halves of a register (v[n][0] low, v[n][1] high). The rest are C helpers
 * that interpret the instruction on struct a64_cpu. A 64-bit (Q=0) result
 * always clears the high half.
 */
#include <string.h>
#include "a64.h"
#include "a64_helpers.h"

/* ---- shared by the helpers of a64_simd_*.c ---- */

const uint8_t *a64_vreg(const struct a64_cpu *a, unsigned r) {
  return (const uint8_t *)a->v[r];
}

void a64_vset(struct a64_cpu *a, unsigned r, const uint8_t *res, bool q) {
  memcpy(a->v[r], res, q ? 16 : 8);
  if (!q)
    a->v[r][1] = 0;
}

void a64_vset_scalar(struct a64_cpu *a, unsigned r, uint64_t x, unsigned esz) {
  a->v[r][0] = x & a64_emask(esz);
  a->v[r][1] = 0;
}

struct a64_vop a64_vop_of(uint64_t insn, unsigned opcode_pos, unsigned opcode_len) {
  uint32_t i = (uint32_t)insn;
  struct a64_vop o = {
      .rd = a64_bits(i, 0, 5),
      .rn = a64_bits(i, 5, 5),
      .rm = a64_bits(i, 16, 5),
      .q = a64_bits(i, 30, 1),
      .u = a64_bits(i, 29, 1),
      .esz = a64_bits(i, 22, 2),
      .opcode = a64_bits(i, opcode_pos, opcode_len),
      .scalar = a64_bits(i, 28, 1),
  };
  o.elems = (o.q ? 16u : 8u) >> o.esz;
  if (o.scalar) { /* scalar class: one element, high half cleared */
    o.q = 0;
    o.elems = 1;
  }
  return o;
}

/* FPSR.QC (bit 27) is sticky: set by any saturating operation that clamps. */
uint64_t a64_sat(struct a64_cpu *a, __int128 v, unsigned esz, bool is_unsigned) {
  unsigned bits = 8u << esz;
  __int128 lo = is_unsigned ? 0 : -((__int128)1 << (bits - 1));
  __int128 hi = is_unsigned ? ((__int128)1 << bits) - 1 : ((__int128)1 << (bits - 1)) - 1;
  if (v < lo || v > hi) {
    a->fpsr |= 1u << 27;
    v = v < lo ? lo : hi;
  }
  return (uint64_t)v & a64_emask(esz);
}

bool a64_simd_call(struct a64_ctx *s, a64_insn_helper_fn *h) {
  a64_call_insn_helper(s, (void *)h);
  return true;
}

static struct a64_cpu *a64(struct cpu *c) {
  return (struct a64_cpu *)c;
}

/* Logical (opcode 00011), native on the halves:
 * U=0 size: AND BIC ORR ORN; U=1 size: EOR BSL BIT BIF. */
static uint32_t logic_half(struct a64_ctx *s, unsigned op, uint32_t d, uint32_t n, uint32_t m) {
  struct ir_block *b = s->b;
  switch (op) {
  case 0: return ir_binop(b, IR_AND, IR_I64, n, m);
  case 1: return ir_binop(b, IR_AND, IR_I64, n, ir_unop(b, IR_NOT, IR_I64, m));
  case 2: return ir_binop(b, IR_OR, IR_I64, n, m);
  case 3: return ir_binop(b, IR_OR, IR_I64, n, ir_unop(b, IR_NOT, IR_I64, m));
  case 4: return ir_binop(b, IR_XOR, IR_I64, n, m);
  case 5: { /* BSL: m ^ ((m ^ n) & d) */
    uint32_t t = ir_binop(b, IR_AND, IR_I64, ir_binop(b, IR_XOR, IR_I64, m, n), d);
    return ir_binop(b, IR_XOR, IR_I64, m, t);
  }
  default: break;
  }
  /* BIT: d ^ ((d ^ n) & m); BIF: d ^ ((d ^ n) & ~m) */
  if (op == 7)
    m = ir_unop(b, IR_NOT, IR_I64, m);
  uint32_t t = ir_binop(b, IR_AND, IR_I64, ir_binop(b, IR_XOR, IR_I64, d, n), m);
  return ir_binop(b, IR_XOR, IR_I64, d, t);
}

static bool trans_logic(struct a64_ctx *s, uint32_t insn) {
  struct a64_vop o = a64_vop_of(insn, 11, 5);
  unsigned op = o.u << 2 | o.esz;
  uint32_t r[2] = {0, 0};
  for (unsigned h = 0; h < 1 + o.q; h++) {
    uint32_t n = ir_get(s->b, IR_I64, a64_off_v(o.rn) + 8 * h);
    uint32_t m = ir_get(s->b, IR_I64, a64_off_v(o.rm) + 8 * h);
    uint32_t d = op >= 5 ? ir_get(s->b, IR_I64, a64_off_v(o.rd) + 8 * h) : 0;
    r[h] = logic_half(s, op, d, n, m);
  }
  if (!o.q)
    r[1] = ir_const(s->b, IR_I64, 0);
  ir_put(s->b, a64_off_v(o.rd), r[0]);
  ir_put(s->b, a64_off_v(o.rd) + 8, r[1]);
  return true;
}

/* 0 Q U 01110 size 1 Rm opcode(5) 1 Rn Rd, and the scalar 01 U 11110 form:
 * logical (00011) natively, FP (11xxx) and integer in a64_simd_fp.c / _int.c */
bool trans_simd_3same(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  unsigned opcode = a64_bits(insn, 11, 5);
  if (opcode == 3)
    return !a64_bits(insn, 28, 1) && trans_logic(s, insn);
  if (opcode >= 0x18)
    return a64_trans_3same_fp(s, insn);
  return a64_trans_3same_int(s, insn);
}

/* ---- modified immediate: 0 Q op 0111100000 abc cmode o2 1 defgh Rd ---- */

/* AdvSIMDExpandImm (Arm ARM J1). */
static uint64_t simd_expand_imm(unsigned op, unsigned cmode, uint64_t imm8) {
  switch (cmode >> 1) {
  case 0:
  case 1:
  case 2:
  case 3: return (imm8 << (8 * (cmode >> 1))) * 0x100000001ull;
  case 4:
  case 5: return (imm8 << (8 * ((cmode >> 1) & 1))) * 0x0001000100010001ull;
  case 6:
    return ((imm8 << (8 * (1 + (cmode & 1)))) | ((1u << (8 * (1 + (cmode & 1)))) - 1)) *
           0x100000001ull;
  default: break;
  }
  if (cmode == 14 && !op)
    return imm8 * 0x0101010101010101ull;
  if (cmode == 14) {
    uint64_t r = 0;
    for (int i = 0; i < 8; i++)
      r |= ((imm8 >> i) & 1) ? 0xffull << (8 * i) : 0;
    return r;
  }
  if (!op)
    return a64_vfp_expand_imm((unsigned)imm8, 0) * 0x100000001ull;
  return a64_vfp_expand_imm((unsigned)imm8, 1);
}

/* MOVI, MVNI, ORR, BIC (vector, immediate), FMOV (vector, immediate) */
bool trans_simd_modimm(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  unsigned q = a64_bits(insn, 30, 1), op = a64_bits(insn, 29, 1), cmode = a64_bits(insn, 12, 4);
  unsigned rd = a64_bits(insn, 0, 5);
  if (a64_bits(insn, 11, 1) || (cmode == 15 && op && !q))
    return false;
  uint64_t imm8 = a64_bits(insn, 16, 3) << 5 | a64_bits(insn, 5, 5);
  uint64_t imm = simd_expand_imm(op, cmode, imm8);
  bool orr_bic = cmode < 12 && (cmode & 1);
  if (op && cmode < 14 && !orr_bic)
    imm = ~imm; /* MVNI */
  else if (op && orr_bic)
    imm = ~imm; /* BIC: and with the complement */
  for (unsigned h = 0; h < 2; h++) {
    uint32_t v = ir_const(s->b, IR_I64, h && !q ? 0 : imm);
    if (orr_bic && (h == 0 || q)) {
      uint32_t d = ir_get(s->b, IR_I64, a64_off_v(rd) + 8 * h);
      v = ir_binop(s->b, op ? IR_AND : IR_OR, IR_I64, d, v);
    }
    ir_put(s->b, a64_off_v(rd) + 8 * h, v);
  }
  return true;
}

/* ---- copy: 0 Q op 01110000 imm5 0 imm4 1 Rn Rd ---- */

static unsigned imm5_esz(uint32_t insn) {
  unsigned imm5 = a64_bits(insn, 16, 5);
  return imm5 ? (unsigned)__builtin_ctz(imm5) : 5;
}

/* DUP (general): replicate Wn/Xn into every element. */
static bool dup_general(struct a64_ctx *s, uint32_t insn, unsigned esz, unsigned q) {
  static const uint64_t rep[4] = {0x0101010101010101ull, 0x0001000100010001ull,
                                  0x0000000100000001ull, 1};
  uint32_t x = a64_rd(s, a64_bits(insn, 5, 5), 1, false);
  if (esz < 3)
    x = ir_ext(s->b, IR_ZEXT, IR_I64, x, 8u << esz);
  if (esz < 3)
    x = ir_binop(s->b, IR_MUL, IR_I64, x, ir_const(s->b, IR_I64, rep[esz]));
  unsigned rd = a64_bits(insn, 0, 5);
  ir_put(s->b, a64_off_v(rd), x);
  ir_put(s->b, a64_off_v(rd) + 8, q ? x : ir_const(s->b, IR_I64, 0));
  return true;
}

/* UMOV/SMOV: element index imm5>>(esz+1) to a general register. */
static bool mov_to_general(struct a64_ctx *s, uint32_t insn, unsigned esz, bool sign, unsigned q) {
  unsigned index = a64_bits(insn, 16, 5) >> (esz + 1), byte = index << esz;
  uint32_t v = ir_get(s->b, IR_I64, a64_off_v(a64_bits(insn, 5, 5)) + (byte & 8));
  if (byte & 7)
    v = ir_binop(s->b, IR_SHR, IR_I64, v, ir_const(s->b, IR_I64, 8 * (byte & 7)));
  if (esz < 3)
    v = ir_ext(s->b, sign ? IR_SEXT : IR_ZEXT, IR_I64, v, 8u << esz);
  if (sign && !q)
    v = ir_ext(s->b, IR_ZEXT, IR_I64, v, 32);
  a64_wr(s, a64_bits(insn, 0, 5), 1, false, v);
  return true;
}

/* DUP (element), INS (element), INS (general) */
static uint64_t h_simd_copy(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  uint32_t i = (uint32_t)insn;
  unsigned esz = imm5_esz(i), idx = a64_bits(i, 16, 5) >> (esz + 1), rd = a64_bits(i, 0, 5);
  unsigned rn = a64_bits(i, 5, 5), q = a64_bits(i, 30, 1), imm4 = a64_bits(i, 11, 4);
  uint8_t res[16];
  (void)pc, (void)unused;
  memcpy(res, a->v[rd], 16);
  if (a64_bits(i, 29, 1)) { /* INS (element) */
    a64_set_lane(res, esz, idx, a64_lane(a64_vreg(a, rn), esz, imm4 >> esz));
    q = 1;
  } else if (imm4 == 3) { /* INS (general) */
    a64_set_lane(res, esz, idx, rn == 31 ? 0 : a->x[rn]);
    q = 1;
  } else { /* DUP (element) */
    uint64_t x = a64_lane(a64_vreg(a, rn), esz, idx);
    for (unsigned k = 0; k < 16u >> esz; k++)
      a64_set_lane(res, esz, k, x);
  }
  a64_vset(a, rd, res, q);
  return 0;
}

bool trans_simd_copy(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  unsigned q = a64_bits(insn, 30, 1), op = a64_bits(insn, 29, 1), imm4 = a64_bits(insn, 11, 4);
  unsigned esz = imm5_esz(insn);
  if (esz > 3)
    return false;
  if (op)
    return q && a64_simd_call(s, h_simd_copy);
  switch (imm4) {
  case 0: return !(esz == 3 && !q) && a64_simd_call(s, h_simd_copy);
  case 1: return !(esz == 3 && !q) && dup_general(s, insn, esz, q);
  case 3: return q && a64_simd_call(s, h_simd_copy);
  case 5: return esz < 2 + q && mov_to_general(s, insn, esz, true, q);
  case 7: return (q ? esz == 3 : esz < 3) && mov_to_general(s, insn, esz, false, q);
  default: return false;
  }
}

/* DUP (element, scalar): 01 0 11110000 imm5 0 0000 1 Rn Rd ("mov d0, v1.d[1]") */
bool trans_simd_dup_scalar(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  unsigned esz = imm5_esz(insn);
  if (esz > 3)
    return false;
  unsigned index = a64_bits(insn, 16, 5) >> (esz + 1), byte = index << esz;
  uint32_t v = ir_get(s->b, IR_I64, a64_off_v(a64_bits(insn, 5, 5)) + (byte & 8));
  if (byte & 7)
    v = ir_binop(s->b, IR_SHR, IR_I64, v, ir_const(s->b, IR_I64, 8 * (byte & 7)));
  if (esz < 3)
    v = ir_ext(s->b, IR_ZEXT, IR_I64, v, 8u << esz);
  ir_put(s->b, a64_off_v(a64_bits(insn, 0, 5)), v);
  ir_put(s->b, a64_off_v(a64_bits(insn, 0, 5)) + 8, ir_const(s->b, IR_I64, 0));
  return true;
}

/* ---- permutes, EXT, TBL ---- */

/* 0 Q 001110 size 0 Rm 0 opcode(3) 10 Rn Rd: UZP1 TRN1 ZIP1 - UZP2 TRN2 ZIP2 */
static uint64_t h_simd_perm(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  struct a64_vop o = a64_vop_of(insn, 12, 3);
  const uint8_t *n = a64_vreg(a, o.rn), *m = a64_vreg(a, o.rm);
  unsigned part = o.opcode >> 2, half = o.elems / 2;
  uint8_t res[16] = {0}, cat[32];
  (void)pc, (void)unused;
  memcpy(cat, n, 16);
  memcpy(cat + (o.q ? 16 : 8), m, 16);
  for (unsigned i = 0; i < o.elems; i++) {
    uint64_t x;
    switch (o.opcode & 3) {
    case 1: x = a64_lane(cat, o.esz, 2 * i + part); break;                   /* UZP */
    case 2: x = a64_lane(i & 1 ? m : n, o.esz, (i & ~1u) + part); break;     /* TRN */
    default: x = a64_lane(i & 1 ? m : n, o.esz, part * half + i / 2); break; /* ZIP */
    }
    a64_set_lane(res, o.esz, i, x);
  }
  a64_vset(a, o.rd, res, o.q);
  return 0;
}

bool trans_simd_perm(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  struct a64_vop o = a64_vop_of(insn, 12, 3);
  return (o.opcode & 3) && !(o.esz == 3 && !o.q) && a64_simd_call(s, h_simd_perm);
}

/* 0 Q 101110 00 0 Rm 0 imm4 0 Rn Rd: EXT */
static uint64_t h_simd_ext(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  struct a64_vop o = a64_vop_of(insn, 11, 4);
  unsigned w = o.q ? 16 : 8;
  uint8_t cat[32], res[16] = {0};
  (void)pc, (void)unused;
  memcpy(cat, a64_vreg(a, o.rn), 16);
  memcpy(cat + w, a64_vreg(a, o.rm), 16);
  memcpy(res, cat + o.opcode, w);
  a64_vset(a, o.rd, res, o.q);
  return 0;
}

bool trans_simd_ext(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  return (a64_bits(insn, 30, 1) || !a64_bits(insn, 14, 1)) && a64_simd_call(s, h_simd_ext);
}

/* 0 Q 001110 000 Rm 0 len op 00 Rn Rd: TBL (op=0, out of range -> 0), TBX (keep) */
static uint64_t h_simd_tbl(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  struct a64_vop o = a64_vop_of(insn, 12, 1);
  unsigned regs = a64_bits((uint32_t)insn, 13, 2) + 1;
  uint8_t table[64], res[16];
  (void)pc, (void)unused;
  for (unsigned r = 0; r < regs; r++)
    memcpy(table + 16 * r, a64_vreg(a, (o.rn + r) % 32), 16);
  memcpy(res, a->v[o.rd], 16);
  for (unsigned i = 0; i < (o.q ? 16u : 8u); i++) {
    unsigned idx = a64_vreg(a, o.rm)[i];
    if (idx < 16 * regs)
      res[i] = table[idx];
    else if (!o.opcode)
      res[i] = 0;
  }
  a64_vset(a, o.rd, res, o.q);
  return 0;
}

bool trans_simd_tbl(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  (void)insn;
  return a64_simd_call(s, h_simd_tbl);
}
