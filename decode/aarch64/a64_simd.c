/* a64_simd.c - A64 Advanced SIMD (Arm ARM C4.1.96), the integer subset that
 * glibc's string functions and printf use, and the dispatch of the scalar
 * FP classes to a64_fp.c.
 *
 * Data movement and bitwise operations are native IR on the two 64-bit
 * halves of a register (v[n][0] low, v[n][1] high). Lane-wise arithmetic,
 * compares, pairwise and across-lane operations, shifts, permutes and table
 * lookups are C helpers that interpret the instruction on struct a64_cpu.
 * A 64-bit (Q=0) result always clears the high half.
 */
#include <string.h>
#include "a64.h"
#include "a64_helpers.h"

static struct a64_cpu *a64(struct cpu *c) {
  return (struct a64_cpu *)c;
}

/* ---- lanes ---- */

static uint64_t lane(const uint8_t *v, unsigned esz, unsigned i) {
  uint64_t x = 0;
  memcpy(&x, v + (i << esz), 1u << esz);
  return x;
}

static int64_t slane(const uint8_t *v, unsigned esz, unsigned i) {
  unsigned sh = 64 - (8u << esz);
  return (int64_t)(lane(v, esz, i) << sh) >> sh;
}

static void set_lane(uint8_t *v, unsigned esz, unsigned i, uint64_t x) {
  memcpy(v + (i << esz), &x, 1u << esz);
}

static const uint8_t *vreg(const struct a64_cpu *a, unsigned r) {
  return (const uint8_t *)a->v[r];
}

/* Write a 16-byte result; Q=0 keeps only the low 8 bytes. */
static void vset(struct a64_cpu *a, unsigned r, const uint8_t *res, bool q) {
  memcpy(a->v[r], res, q ? 16 : 8);
  if (!q)
    a->v[r][1] = 0;
}

static uint64_t emask(unsigned esz) {
  return esz == 3 ? ~0ull : (1ull << (8u << esz)) - 1;
}

struct vop {
  unsigned rd, rn, rm, q, u, esz, opcode, elems;
};

static struct vop vop_of(uint64_t insn, unsigned opcode_pos, unsigned opcode_len) {
  uint32_t i = (uint32_t)insn;
  struct vop o = {
      .rd = a64_bits(i, 0, 5),
      .rn = a64_bits(i, 5, 5),
      .rm = a64_bits(i, 16, 5),
      .q = a64_bits(i, 30, 1),
      .u = a64_bits(i, 29, 1),
      .esz = a64_bits(i, 22, 2),
      .opcode = a64_bits(i, opcode_pos, opcode_len),
  };
  o.elems = (o.q ? 16u : 8u) >> o.esz;
  if (a64_bits(i, 28, 1)) { /* scalar class: one 64-bit element, high half cleared */
    o.q = 0;
    o.elems = 1;
  }
  return o;
}

/* ---- three registers of the same type ---- */

static uint64_t same_op(const struct vop *o, uint64_t x, uint64_t y, int64_t sx, int64_t sy) {
  uint64_t ones = emask(o->esz);
  switch (o->opcode) {
  case 0x10: return o->u ? x - y : x + y;                      /* SUB / ADD */
  case 0x11: return (o->u ? x == y : (x & y) != 0) ? ones : 0; /* CMEQ / CMTST */
  case 0x06: return (o->u ? x > y : sx > sy) ? ones : 0;       /* CMHI / CMGT */
  case 0x07: return (o->u ? x >= y : sx >= sy) ? ones : 0;     /* CMHS / CMGE */
  case 0x0c:
  case 0x14: return (o->u ? x > y : sx > sy) ? x : y; /* [US]MAX[P] */
  case 0x0d:
  case 0x15: return (o->u ? x < y : sx < sy) ? x : y; /* [US]MIN[P] */
  case 0x17: return x + y;                            /* ADDP */
  default: return x * y;                              /* MUL */
  }
}

static bool same_pairwise(unsigned opcode) {
  return opcode >= 0x14;
}

/* 0 Q U 01110 size 1 Rm opcode(5) 1 Rn Rd */
static uint64_t h_simd_3same(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  struct vop o = vop_of(insn, 11, 5);
  uint8_t res[16] = {0}, cat[32];
  (void)pc, (void)unused;
  memcpy(cat, vreg(a, o.rn), 16);
  memcpy(cat + (o.q ? 16 : 8), vreg(a, o.rm), 16);
  for (unsigned i = 0; i < o.elems; i++) {
    uint64_t x, y;
    int64_t sx, sy;
    if (same_pairwise(o.opcode)) {
      x = lane(cat, o.esz, 2 * i), y = lane(cat, o.esz, 2 * i + 1);
      sx = slane(cat, o.esz, 2 * i), sy = slane(cat, o.esz, 2 * i + 1);
    } else {
      x = lane(vreg(a, o.rn), o.esz, i), y = lane(vreg(a, o.rm), o.esz, i);
      sx = slane(vreg(a, o.rn), o.esz, i), sy = slane(vreg(a, o.rm), o.esz, i);
    }
    set_lane(res, o.esz, i, same_op(&o, x, y, sx, sy));
  }
  vset(a, o.rd, res, o.q);
  return 0;
}

static bool same_ok(uint32_t insn) {
  struct vop o = vop_of(insn, 11, 5);
  switch (o.opcode) {
  case 0x10:
  case 0x11:
  case 0x06:
  case 0x07: return o.esz < 3 || o.q;
  case 0x0c:
  case 0x0d:
  case 0x14:
  case 0x15: return o.esz < 3;
  case 0x17: return !o.u && (o.esz < 3 || o.q);
  case 0x13: return !o.u && o.esz < 3;
  default: return false;
  }
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
  struct vop o = vop_of(insn, 11, 5);
  unsigned op = o.u << 2 | o.esz;
  uint32_t r[2];
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

static bool call(struct a64_ctx *s, a64_insn_helper_fn *h) {
  a64_call_insn_helper(s, (void *)h);
  return true;
}

/* Scalar three same: 01 U 11110 size 1 Rm opcode 1 Rn Rd, 64-bit only:
 * ADD SUB CMEQ CMTST CMHI CMGT CMHS CMGE */
static bool trans_3same_scalar(struct a64_ctx *s, uint32_t insn) {
  unsigned opcode = a64_bits(insn, 11, 5);
  bool op_ok = opcode == 0x10 || opcode == 0x11 || opcode == 0x06 || opcode == 0x07;
  return op_ok && a64_bits(insn, 22, 2) == 3 && call(s, h_simd_3same);
}

/* ADDP (scalar): 01 0 11110 size 11000 11011 10 Rn Rd, size = 11 */
static bool trans_addp_scalar(struct a64_ctx *s, uint32_t insn) {
  if (a64_bits(insn, 22, 2) != 3)
    return false;
  unsigned rn = a64_bits(insn, 5, 5), rd = a64_bits(insn, 0, 5);
  uint32_t lo = ir_get(s->b, IR_I64, a64_off_v(rn));
  uint32_t hi = ir_get(s->b, IR_I64, a64_off_v(rn) + 8);
  ir_put(s->b, a64_off_v(rd), ir_binop(s->b, IR_ADD, IR_I64, lo, hi));
  ir_put(s->b, a64_off_v(rd) + 8, ir_const(s->b, IR_I64, 0));
  return true;
}

static bool trans_3same(struct a64_ctx *s, uint32_t insn) {
  if (a64_bits(insn, 11, 5) == 3)
    return trans_logic(s, insn);
  return same_ok(insn) && call(s, h_simd_3same);
}

/* ---- two-register miscellaneous: 0 Q U 01110 size 10000 opcode(5) 10 Rn Rd ---- */

static uint64_t misc_op(const struct vop *o, uint64_t x, int64_t sx) {
  uint64_t ones = emask(o->esz);
  switch (o->u << 5 | o->opcode) {
  case 0x05: return (uint64_t)__builtin_popcountll(x); /* CNT */
  case 0x25: return ~x & 0xff;                         /* NOT */
  case 0x08: return sx > 0 ? ones : 0;                 /* CMGT #0 */
  case 0x28: return sx >= 0 ? ones : 0;                /* CMGE #0 */
  case 0x09: return sx == 0 ? ones : 0;                /* CMEQ #0 */
  case 0x29: return sx <= 0 ? ones : 0;                /* CMLE #0 */
  case 0x0a: return sx < 0 ? ones : 0;                 /* CMLT #0 */
  case 0x0b: return (uint64_t)(sx < 0 ? -sx : sx);     /* ABS */
  default: return (uint64_t)-sx;                       /* NEG */
  }
}

static uint8_t rbit8(uint8_t x) {
  uint8_t r = 0;
  for (int i = 0; i < 8; i++)
    r |= ((x >> i) & 1) << (7 - i);
  return r;
}

/* REV16/REV32/REV64: reverse the esz elements inside each container. */
static void misc_rev(const struct vop *o, const uint8_t *n, uint8_t *res) {
  unsigned container = o->opcode ? 1 : 3 - o->u; /* log2 bytes: 16, 32 or 64 bits */
  unsigned per = 1u << (container - o->esz);
  for (unsigned i = 0; i < o->elems; i++)
    set_lane(res, o->esz, i, lane(n, o->esz, (i & ~(per - 1)) + (per - 1 - (i & (per - 1)))));
}

static uint64_t h_simd_2misc(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  struct vop o = vop_of(insn, 12, 5);
  const uint8_t *n = vreg(a, o.rn);
  uint8_t res[16] = {0};
  (void)pc, (void)unused;
  if (o.opcode == 0x12) { /* XTN, XTN2: narrow into the half Q selects */
    memcpy(res, a->v[o.rd], 16);
    for (unsigned i = 0; i < 8u >> o.esz; i++)
      set_lane(res + 8 * o.q, o.esz, i, lane(n, o.esz + 1, i));
    vset(a, o.rd, res, o.q);
    return 0;
  }
  if (o.opcode <= 1)
    misc_rev(&o, n, res);
  else if (o.u && o.opcode == 5 && o.esz == 1)
    for (unsigned i = 0; i < (o.q ? 16u : 8u); i++)
      res[i] = rbit8(n[i]);
  else
    for (unsigned i = 0; i < o.elems; i++)
      set_lane(res, o.esz, i, misc_op(&o, lane(n, o.esz, i), slane(n, o.esz, i)));
  vset(a, o.rd, res, o.q);
  return 0;
}

static bool misc_ok(uint32_t insn) {
  struct vop o = vop_of(insn, 12, 5);
  switch (o.u << 5 | o.opcode) {
  case 0x00: return o.esz < 3;  /* REV64 */
  case 0x20: return o.esz < 2;  /* REV32 */
  case 0x01: return o.esz == 0; /* REV16 */
  case 0x05: return o.esz == 0; /* CNT */
  case 0x25: return o.esz < 2;  /* NOT, RBIT */
  case 0x08:
  case 0x28:
  case 0x09:
  case 0x29:
  case 0x0a:
  case 0x0b:
  case 0x2b: return o.esz < 3 || o.q;
  case 0x12: return o.esz < 3; /* XTN */
  default: return false;
  }
}

static bool trans_2misc(struct a64_ctx *s, uint32_t insn) {
  return misc_ok(insn) && call(s, h_simd_2misc);
}

/* Scalar two-register misc: 01 U 11110 size 10000 opcode 10 Rn Rd, 64-bit
 * only: CMGT CMGE CMEQ CMLE CMLT (zero), ABS, NEG */
static bool trans_2misc_scalar(struct a64_ctx *s, uint32_t insn) {
  unsigned op = a64_bits(insn, 29, 1) << 5 | a64_bits(insn, 12, 5);
  bool op_ok = op == 0x08 || op == 0x28 || op == 0x09 || op == 0x29 || op == 0x0a || op == 0x0b ||
               op == 0x2b;
  return op_ok && a64_bits(insn, 22, 2) == 3 && call(s, h_simd_2misc);
}

/* ---- three different: 0 Q U 01110 size 1 Rm opcode(4) 00 Rn Rd ----
 * [US]ADDL 0000, [US]ADDW 0001, [US]SUBL 0010, [US]SUBW 0011, [US]MULL 1100;
 * the narrow operands come from the half that Q selects ("2" forms). */
static uint64_t h_simd_3diff(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  struct vop o = vop_of(insn, 12, 4);
  const uint8_t *n = vreg(a, o.rn), *m = vreg(a, o.rm) + 8 * o.q;
  bool wide = o.opcode & 1 && o.opcode < 4;
  uint8_t res[16];
  (void)pc, (void)unused;
  for (unsigned i = 0; i < 8u >> o.esz; i++) {
    uint64_t x = wide  ? lane(n, o.esz + 1, i)
                 : o.u ? lane(n + 8 * o.q, o.esz, i)
                       : (uint64_t)slane(n + 8 * o.q, o.esz, i);
    uint64_t y = o.u ? lane(m, o.esz, i) : (uint64_t)slane(m, o.esz, i);
    uint64_t r = o.opcode == 12 ? x * y : o.opcode & 2 ? x - y : x + y;
    set_lane(res, o.esz + 1, i, r);
  }
  vset(a, o.rd, res, 1);
  return 0;
}

static bool trans_3diff(struct a64_ctx *s, uint32_t insn) {
  unsigned opcode = a64_bits(insn, 12, 4);
  return (opcode <= 3 || opcode == 12) && a64_bits(insn, 22, 2) < 3 && call(s, h_simd_3diff);
}

/* ---- across lanes: 0 Q U 01110 size 11000 opcode(5) 10 Rn Rd ---- */

/* ADDV, SADDLV/UADDLV, SMAXV/UMAXV, SMINV/UMINV */
static uint64_t h_simd_across(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  struct vop o = vop_of(insn, 12, 5);
  const uint8_t *n = vreg(a, o.rn);
  uint64_t acc = lane(n, o.esz, 0);
  int64_t sacc = slane(n, o.esz, 0);
  (void)pc, (void)unused;
  for (unsigned i = 1; i < o.elems; i++) {
    uint64_t x = lane(n, o.esz, i);
    int64_t sx = slane(n, o.esz, i);
    switch (o.opcode) {
    case 0x1b: acc += x; break;
    case 0x03: acc += x, sacc += sx; break;
    case 0x0a: acc = x > acc ? x : acc, sacc = sx > sacc ? sx : sacc; break;
    default: acc = x < acc ? x : acc, sacc = sx < sacc ? sx : sacc; break;
    }
  }
  unsigned resz = o.opcode == 3 ? o.esz + 1 : o.esz;
  uint64_t r = (o.u || o.opcode == 0x1b) ? acc : (uint64_t)sacc;
  a->v[o.rd][0] = r & emask(resz);
  a->v[o.rd][1] = 0;
  return 0;
}

static bool trans_across(struct a64_ctx *s, uint32_t insn) {
  struct vop o = vop_of(insn, 12, 5);
  bool op_ok =
      o.opcode == 0x03 || o.opcode == 0x0a || o.opcode == 0x1a || (o.opcode == 0x1b && !o.u);
  return op_ok && o.esz < 3 && !(o.esz == 2 && !o.q) && call(s, h_simd_across);
}

/* ---- shift by immediate: 0 Q U 011110 immh immb opcode(5) 1 Rn Rd, immh != 0 ---- */

struct shimm {
  unsigned esz;   /* log2 bytes of the (narrow) element */
  unsigned left;  /* immh:immb - esize */
  unsigned right; /* 2*esize - immh:immb */
};

static struct shimm shimm_of(uint32_t insn) {
  unsigned immh = a64_bits(insn, 19, 4), imm = a64_bits(insn, 16, 7);
  struct shimm sh = {.esz = 31 - (unsigned)__builtin_clz(immh)};
  sh.left = imm - (8u << sh.esz);
  sh.right = (16u << sh.esz) - imm;
  return sh;
}

static uint64_t shr_lane(uint64_t x, int64_t sx, unsigned sh, bool u) {
  if (sh >= 64)
    return u ? 0 : (uint64_t)(sx >> 63);
  return u ? x >> sh : (uint64_t)(sx >> sh);
}

/* SSHR/USHR, SSRA/USRA, SHL, SRI, SLI, SHRN, SSHLL/USHLL */
static uint64_t h_simd_shift(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  struct vop o = vop_of(insn, 11, 5);
  struct shimm sh = shimm_of((uint32_t)insn);
  const uint8_t *n = vreg(a, o.rn), *d = vreg(a, o.rd);
  unsigned z = sh.esz, elems = (o.q ? 16u : 8u) >> z;
  uint8_t res[16] = {0};
  (void)pc, (void)unused;
  if (o.opcode == 0x10 || o.opcode == 0x14) { /* SHRN: narrow; [US]SHLL: widen */
    bool narrow = o.opcode == 0x10;
    memcpy(res, d, 16);
    for (unsigned i = 0; i < 8u >> z; i++) {
      if (narrow)
        set_lane(res + 8 * o.q, z, i, lane(n, z + 1, i) >> sh.right);
      else
        set_lane(res, z + 1, i,
                 (o.u ? lane(n + 8 * o.q, z, i) : (uint64_t)slane(n + 8 * o.q, z, i)) << sh.left);
    }
    vset(a, o.rd, res, narrow ? o.q : 1);
    return 0;
  }
  uint64_t m = emask(z);
  for (unsigned i = 0; i < elems; i++) {
    uint64_t x = lane(n, z, i), r;
    int64_t sx = slane(n, z, i);
    switch (o.opcode) {
    case 0x00: r = shr_lane(x, sx, sh.right, o.u); break;
    case 0x02: r = lane(d, z, i) + shr_lane(x, sx, sh.right, o.u); break;
    case 0x08: /* SRI */
      r = shr_lane(x, sx, sh.right, 1) | (lane(d, z, i) & ~shr_lane(m, 0, sh.right, 1));
      break;
    default: r = (x << sh.left) | (o.u ? lane(d, z, i) & ~(m << sh.left) : 0); break;
    }
    set_lane(res, z, i, r & m);
  }
  vset(a, o.rd, res, o.q);
  return 0;
}

static bool trans_shift(struct a64_ctx *s, uint32_t insn) {
  struct vop o = vop_of(insn, 11, 5);
  if (!a64_bits(insn, 19, 4))
    return false; /* immh = 0 is the modified-immediate class */
  struct shimm sh = shimm_of(insn);
  switch (o.opcode) {
  case 0x00:
  case 0x02:
  case 0x0a: break;
  case 0x08:
    if (!o.u)
      return false;
    break;
  case 0x10:
  case 0x14:
    if (sh.esz == 3 || (o.opcode == 0x10 && o.u))
      return false;
    return call(s, h_simd_shift);
  default: return false;
  }
  return !(sh.esz == 3 && !o.q) && call(s, h_simd_shift);
}

/* Scalar shift by immediate: 01 U 111110 immh immb opcode 1 Rn Rd, immh = 1xxx:
 * SSHR USHR SSRA USRA SHL SLI SRI on one 64-bit element */
static bool trans_shift_scalar(struct a64_ctx *s, uint32_t insn) {
  unsigned opcode = a64_bits(insn, 11, 5), u = a64_bits(insn, 29, 1);
  bool op_ok = opcode == 0 || opcode == 2 || opcode == 0x0a || (opcode == 8 && u);
  return op_ok && a64_bits(insn, 22, 1) && call(s, h_simd_shift);
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
static bool trans_modimm(struct a64_ctx *s, uint32_t insn) {
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
    set_lane(res, esz, idx, lane(vreg(a, rn), esz, imm4 >> esz));
    q = 1;
  } else if (imm4 == 3) { /* INS (general) */
    set_lane(res, esz, idx, rn == 31 ? 0 : a->x[rn]);
    q = 1;
  } else { /* DUP (element) */
    uint64_t x = lane(vreg(a, rn), esz, idx);
    for (unsigned k = 0; k < 16u >> esz; k++)
      set_lane(res, esz, k, x);
  }
  vset(a, rd, res, q);
  return 0;
}

static bool trans_copy(struct a64_ctx *s, uint32_t insn) {
  unsigned q = a64_bits(insn, 30, 1), op = a64_bits(insn, 29, 1), imm4 = a64_bits(insn, 11, 4);
  unsigned esz = imm5_esz(insn);
  if (esz > 3)
    return false;
  if (op)
    return q && call(s, h_simd_copy);
  switch (imm4) {
  case 0: return !(esz == 3 && !q) && call(s, h_simd_copy);
  case 1: return !(esz == 3 && !q) && dup_general(s, insn, esz, q);
  case 3: return q && call(s, h_simd_copy);
  case 5: return esz < 2 + q && mov_to_general(s, insn, esz, true, q);
  case 7: return (q ? esz == 3 : esz < 3) && mov_to_general(s, insn, esz, false, q);
  default: return false;
  }
}

/* DUP (element, scalar): 01 0 11110000 imm5 0 0000 1 Rn Rd ("mov d0, v1.d[1]") */
static bool trans_dup_scalar(struct a64_ctx *s, uint32_t insn) {
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
  struct vop o = vop_of(insn, 12, 3);
  const uint8_t *n = vreg(a, o.rn), *m = vreg(a, o.rm);
  unsigned part = o.opcode >> 2, half = o.elems / 2;
  uint8_t res[16] = {0}, cat[32];
  (void)pc, (void)unused;
  memcpy(cat, n, 16);
  memcpy(cat + (o.q ? 16 : 8), m, 16);
  for (unsigned i = 0; i < o.elems; i++) {
    uint64_t x;
    switch (o.opcode & 3) {
    case 1: x = lane(cat, o.esz, 2 * i + part); break;                   /* UZP */
    case 2: x = lane(i & 1 ? m : n, o.esz, (i & ~1u) + part); break;     /* TRN */
    default: x = lane(i & 1 ? m : n, o.esz, part * half + i / 2); break; /* ZIP */
    }
    set_lane(res, o.esz, i, x);
  }
  vset(a, o.rd, res, o.q);
  return 0;
}

static bool trans_perm(struct a64_ctx *s, uint32_t insn) {
  struct vop o = vop_of(insn, 12, 3);
  return (o.opcode & 3) && !(o.esz == 3 && !o.q) && call(s, h_simd_perm);
}

/* 0 Q 101110 00 0 Rm 0 imm4 0 Rn Rd: EXT */
static uint64_t h_simd_ext(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  struct vop o = vop_of(insn, 11, 4);
  unsigned w = o.q ? 16 : 8;
  uint8_t cat[32], res[16] = {0};
  (void)pc, (void)unused;
  memcpy(cat, vreg(a, o.rn), 16);
  memcpy(cat + w, vreg(a, o.rm), 16);
  memcpy(res, cat + o.opcode, w);
  vset(a, o.rd, res, o.q);
  return 0;
}

static bool trans_ext(struct a64_ctx *s, uint32_t insn) {
  return (a64_bits(insn, 30, 1) || !a64_bits(insn, 14, 1)) && call(s, h_simd_ext);
}

/* 0 Q 001110 000 Rm 0 len op 00 Rn Rd: TBL (op=0, out of range -> 0), TBX (keep) */
static uint64_t h_simd_tbl(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  struct vop o = vop_of(insn, 12, 1);
  unsigned regs = a64_bits((uint32_t)insn, 13, 2) + 1;
  uint8_t table[64], res[16];
  (void)pc, (void)unused;
  for (unsigned r = 0; r < regs; r++)
    memcpy(table + 16 * r, vreg(a, (o.rn + r) % 32), 16);
  memcpy(res, a->v[o.rd], 16);
  for (unsigned i = 0; i < (o.q ? 16u : 8u); i++) {
    unsigned idx = vreg(a, o.rm)[i];
    if (idx < 16 * regs)
      res[i] = table[idx];
    else if (!o.opcode)
      res[i] = 0;
  }
  vset(a, o.rd, res, o.q);
  return 0;
}

static bool trans_tbl(struct a64_ctx *s, uint32_t insn) {
  (void)insn;
  return call(s, h_simd_tbl);
}

/* ---- the table ---- */

const struct a64_pattern a64_simd_patterns[] = {
    {0x9f200400, 0x0e200400, trans_3same, "simd three same"},
    {0x9f3e0c00, 0x0e200800, trans_2misc, "simd two-reg misc"},
    {0x9f3e0c00, 0x0e300800, trans_across, "simd across lanes"},
    {0x9ff80400, 0x0f000400, trans_modimm, "simd modified immediate"},
    {0x9f800400, 0x0f000400, trans_shift, "simd shift by immediate"},
    {0x9fe08400, 0x0e000400, trans_copy, "simd copy"},
    {0x9f200c00, 0x0e200000, trans_3diff, "simd three different"},
    {0xdf200400, 0x5e200400, trans_3same_scalar, "simd scalar three same"},
    {0xdf3e0c00, 0x5e200800, trans_2misc_scalar, "simd scalar two-reg misc"},
    {0xff3ffc00, 0x5e31b800, trans_addp_scalar, "addp (scalar)"},
    {0xdf800400, 0x5f000400, trans_shift_scalar, "simd scalar shift by immediate"},
    {0xffe0fc00, 0x5e000400, trans_dup_scalar, "dup (element, scalar)"},
    {0xbf208c00, 0x0e000800, trans_perm, "uzp/trn/zip"},
    {0xbfe08400, 0x2e000000, trans_ext, "ext"},
    {0xbfe08c00, 0x0e000000, trans_tbl, "tbl/tbx"},
    {0x5e000000, 0x1e000000, a64_trans_fp, "scalar fp"},
    {0, 0, NULL, NULL}};
