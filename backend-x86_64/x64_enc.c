/* x64_enc.c - the x86-64 instruction encoder: pure encoders for the prefix
 * and addressing bytes, and one appender per instruction form. Every appender
 * writes into a struct tc_buf; overflow is sticky (nothing is written past
 * end, buf->overflow is set, and the block checks once at the end).
 * Intel SDM Vol. 2, chapter 2 (instruction format) and the opcode pages.
 */
#include <string.h>
#include "x64.h"

/* 0100WRXB */
uint8_t x64_rex(int w, unsigned reg, unsigned index, unsigned base) {
  return 0x40 | (w ? 8 : 0) | ((reg >> 3) & 1) << 2 | ((index >> 3) & 1) << 1 | ((base >> 3) & 1);
}

/* mm rrr bbb */
uint8_t x64_modrm(unsigned mod, unsigned reg, unsigned rm) {
  return (mod << 6) | ((reg & 7) << 3) | (rm & 7);
}

/* ss iii bbb */
uint8_t x64_sib(unsigned scale, unsigned index, unsigned base) {
  return (scale << 6) | ((index & 7) << 3) | (base & 7);
}

void x64_bytes(struct tc_buf *b, const uint8_t *p, unsigned n) {
  if (b->overflow || (size_t)(b->end - b->cur) < n) {
    b->overflow = 1;
    return;
  }
  memcpy(b->cur + b->wdelta, p, n);
  b->cur += n;
}

static void x64_byte(struct tc_buf *b, uint8_t v) {
  x64_bytes(b, &v, 1);
}

/* Little-endian immediate of size 1, 2, 4 or 8 bytes. */
void x64_imm(struct tc_buf *b, uint64_t imm, unsigned size) {
  uint8_t p[8];
  memcpy(p, &imm, sizeof(p)); /* the host is little-endian */
  x64_bytes(b, p, size);
}

static int x64_is_byte_hi(unsigned reg) {
  return reg >= 4 && reg < 8; /* spl bpl sil dil need a REX */
}

/* An instruction is assembled in one of these and appended whole. */
struct x64_insn {
  uint8_t p[24];
  unsigned n;
};

/* Append e: its whole buffer is copied (a fixed-size copy is a few moves),
 * only e->n bytes count. */
static void x64_insn_put(struct tc_buf *b, const struct x64_insn *e) {
  if (b->overflow || (size_t)(b->end - b->cur) < sizeof(e->p)) {
    x64_bytes(b, e->p, e->n);
    return;
  }
  memcpy(b->cur + b->wdelta, e->p, sizeof(e->p));
  b->cur += e->n;
}

/* [f0] [66] [f3] [f2] [REX] opcode, for an instruction whose ModRM names reg,
 * index and base (0 when absent). */
static void x64_prefix_opc(struct x64_insn *e, unsigned flags, uint32_t opc, unsigned reg,
                           unsigned index, unsigned base, int byte_regs) {
  if (flags & X64_LOCK)
    e->p[e->n++] = 0xf0;
  if (flags & X64_O16)
    e->p[e->n++] = 0x66;
  if (flags & X64_REP)
    e->p[e->n++] = 0xf3;
  if (flags & X64_REPNE)
    e->p[e->n++] = 0xf2;
  uint8_t rex = x64_rex(flags & X64_W, reg, index, base);
  if (rex != 0x40 || ((flags & X64_B8) && byte_regs))
    e->p[e->n++] = rex;
  if (opc > 0xffff)
    e->p[e->n++] = (uint8_t)(opc >> 16);
  if (opc > 0xff)
    e->p[e->n++] = (uint8_t)(opc >> 8);
  e->p[e->n++] = (uint8_t)opc;
}

/* ModRM [SIB] [disp8 | disp32] of reg and [base + index*scale + disp] */
static void x64_modrm_mem(struct x64_insn *e, unsigned reg, struct x64_mem m) {
  if (m.base == X64_RIP) { /* 00 reg 101 disp32 */
    e->p[e->n++] = x64_modrm(0, reg, 5);
    memcpy(&e->p[(e->n += 4) - 4], &m.disp, 4);
    return;
  }
  if (m.base == X64_ABS) { /* 00 reg 100, SIB base 101: disp32 */
    e->p[e->n++] = x64_modrm(0, reg, 4);
    e->p[e->n++] = x64_sib(m.scale, m.index == X64_NOREG ? 4 : m.index, 5);
    memcpy(&e->p[(e->n += 4) - 4], &m.disp, 4);
    return;
  }
  unsigned mod = (m.disp == 0 && (m.base & 7) != 5) ? 0 : (m.disp == (int8_t)m.disp ? 1 : 2);
  if (m.index == X64_NOREG && (m.base & 7) != 4) {
    e->p[e->n++] = x64_modrm(mod, reg, m.base);
  } else {
    e->p[e->n++] = x64_modrm(mod, reg, 4);
    e->p[e->n++] = x64_sib(m.scale, m.index == X64_NOREG ? 4 : m.index, m.base);
  }
  if (mod == 1)
    e->p[e->n++] = (uint8_t)m.disp;
  else if (mod == 2)
    memcpy(&e->p[(e->n += 4) - 4], &m.disp, 4);
}

/* An immediate of size bytes after the rest. */
static void x64_insn_imm(struct x64_insn *e, uint64_t imm, unsigned size) {
  memcpy(&e->p[e->n], &imm, 8);
  e->n += size;
}

static void x64_insn_rr(struct x64_insn *e, unsigned flags, uint32_t opc, unsigned reg,
                        unsigned rm) {
  x64_prefix_opc(e, flags, opc, reg, 0, rm, x64_is_byte_hi(reg) || x64_is_byte_hi(rm));
  e->p[e->n++] = x64_modrm(3, reg, rm);
}

static void x64_insn_rm(struct x64_insn *e, unsigned flags, uint32_t opc, unsigned reg,
                        struct x64_mem m) {
  unsigned index = m.index == X64_NOREG ? 0 : m.index;
  x64_prefix_opc(e, flags, opc, reg, index, m.base, x64_is_byte_hi(reg));
  x64_modrm_mem(e, reg, m);
}

/* opc /r with a register operand: mod = 11 */
void x64_op_rr(struct tc_buf *b, unsigned flags, uint32_t opc, unsigned reg, unsigned rm) {
  struct x64_insn e;
  e.n = 0;
  x64_insn_rr(&e, flags, opc, reg, rm);
  x64_insn_put(b, &e);
}

/* [REX] opc ModRM [disp8 | disp32] of reg and [base + disp], base no SIB
 * needs (not rsp or r12): the common guest-state and plain memory access,
 * assembled in one 64-bit word. The same bytes as x64_insn_rm. */
static void x64_op_rm_base(struct tc_buf *b, int w, uint8_t opc, unsigned reg, unsigned base,
                           int32_t disp) {
  unsigned mod = (disp == 0 && (base & 7) != 5) ? 0 : (disp == (int8_t)disp ? 1 : 2);
  uint8_t rex = x64_rex(w, reg, 0, base);
  /* opc, ModRM, then the 4 bytes of disp, of which mod says how many count
   * (0, 1 or 4); with a REX prefix all one byte further */
  uint64_t v = opc | (uint64_t)x64_modrm(mod, reg, base) << 8 | (uint64_t)(uint32_t)disp << 16;
  unsigned n = 2 + (mod == 1) + 4 * (mod == 2), has_rex = rex != 0x40;
  v = has_rex ? v << 8 | rex : v;
  n += has_rex;
  if (b->overflow || (size_t)(b->end - b->cur) < sizeof(v)) {
    uint8_t p[8];
    memcpy(p, &v, sizeof(p)); /* the host is little-endian */
    x64_bytes(b, p, n);
    return;
  }
  memcpy(b->cur + b->wdelta, &v, sizeof(v));
  b->cur += n;
}

/* opc /r with a memory operand [base + index*scale + disp] */
void x64_op_rm(struct tc_buf *b, unsigned flags, uint32_t opc, unsigned reg, struct x64_mem m) {
  if (!(flags & ~X64_W) && opc <= 0xff && m.index == X64_NOREG && (m.base & 7) != 4 &&
      m.base != X64_RIP) {
    x64_op_rm_base(b, flags & X64_W, (uint8_t)opc, reg, m.base, m.disp);
    return;
  }
  struct x64_insn e;
  e.n = 0;
  x64_insn_rm(&e, flags, opc, reg, m);
  x64_insn_put(b, &e);
}

/* opc /r ib|iw|id with a register operand */
static void x64_op_rr_imm(struct tc_buf *b, unsigned flags, uint32_t opc, unsigned reg, unsigned rm,
                          uint64_t imm, unsigned size) {
  struct x64_insn e;
  e.n = 0;
  x64_insn_rr(&e, flags, opc, reg, rm);
  x64_insn_imm(&e, imm, size);
  x64_insn_put(b, &e);
}

/* opc /r ib|iw|id with a memory operand */
static void x64_op_rm_imm(struct tc_buf *b, unsigned flags, uint32_t opc, unsigned reg,
                          struct x64_mem m, uint64_t imm, unsigned size) {
  struct x64_insn e;
  e.n = 0;
  x64_insn_rm(&e, flags, opc, reg, m);
  x64_insn_imm(&e, imm, size);
  x64_insn_put(b, &e);
}

static unsigned x64_w(int w) {
  return w ? X64_W : 0;
}

/* 00 000 001 + op*8: add/or/adc/sbb/and/sub/xor/cmp dst, src */
void x64_alu_rr(struct tc_buf *b, int w, enum x64_alu op, unsigned dst, unsigned src) {
  x64_op_rr(b, x64_w(w), op * 8 + 1, src, dst);
}

/* 83 /op ib, or 81 /op id: op dst, imm */
void x64_alu_ri(struct tc_buf *b, int w, enum x64_alu op, unsigned dst, int32_t imm) {
  int small = imm == (int8_t)imm;
  x64_op_rr_imm(b, x64_w(w), small ? 0x83 : 0x81, op, dst, (uint32_t)imm, small ? 1 : 4);
}

/* op*8 + 3: op dst, [mem] */
void x64_alu_rm(struct tc_buf *b, int w, enum x64_alu op, unsigned dst, struct x64_mem m) {
  x64_op_rm(b, x64_w(w), op * 8 + 3, dst, m);
}

/* 01 /r (09, 11, ... 39 /r): op [mem], src */
void x64_alu_mr(struct tc_buf *b, int w, enum x64_alu op, struct x64_mem m, unsigned src) {
  x64_op_rm(b, x64_w(w), op * 8 + 1, src, m);
}

/* 80 /op ib (byte), 66 83 /op, 83 /op ib, REX.W 83 /op: op size [mem], imm */
void x64_alu_mi(struct tc_buf *b, unsigned log2size, enum x64_alu op, struct x64_mem m,
                int32_t imm) {
  if (log2size == 0) {
    x64_op_rm_imm(b, 0, 0x80, op, m, (uint32_t)imm, 1);
    return;
  }
  unsigned flags = log2size == 1 ? X64_O16 : log2size == 3 ? X64_W : 0;
  int small = imm == (int8_t)imm;
  x64_op_rm_imm(b, flags, small ? 0x83 : 0x81, op, m, (uint32_t)imm,
                small           ? 1
                : log2size == 1 ? 2
                                : 4);
}

/* REX.W 81 /op id: op dst, simm32, always the 4-byte immediate (the last 4
 * bytes, for a relocation to rewrite) */
void x64_alu_ri32(struct tc_buf *b, enum x64_alu op, unsigned dst, int32_t imm) {
  x64_op_rr_imm(b, X64_W, 0x81, op, dst, (uint32_t)imm, 4);
}

/* 00+op*8 (byte), 66 01+op*8, 01+op*8, REX.W 01+op*8: op at the access size */
void x64_alu_rr_sized(struct tc_buf *b, unsigned log2size, enum x64_alu op, unsigned dst,
                      unsigned src) {
  if (log2size == 0)
    x64_op_rr(b, X64_B8, op * 8, src, dst);
  else
    x64_op_rr(b, log2size == 1 ? X64_O16 : log2size == 3 ? X64_W : 0, op * 8 + 1, src, dst);
}

/* 89 /r: mov dst, src */
void x64_mov_rr(struct tc_buf *b, int w, unsigned dst, unsigned src) {
  x64_op_rr(b, x64_w(w), 0x89, src, dst);
}

/* B8+r id: mov r32, imm32 (zero-extends); REX.W C7 /0 id: mov r64, simm32;
 * REX.W B8+r iq: movabs r64, imm64. Never touches the flags. */
void x64_mov_ri(struct tc_buf *b, unsigned dst, uint64_t imm) {
  struct x64_insn e;
  e.n = 0;
  if ((int64_t)imm == (int32_t)imm && imm > 0xffffffffu) {
    x64_op_rr_imm(b, X64_W, 0xc7, 0, dst, imm, 4);
    return;
  }
  if (dst >= 8 || imm > 0xffffffffu)
    e.p[e.n++] = x64_rex(imm > 0xffffffffu, 0, 0, dst);
  e.p[e.n++] = (uint8_t)(0xb8 + (dst & 7));
  x64_insn_imm(&e, imm, imm > 0xffffffffu ? 8 : 4);
  x64_insn_put(b, &e);
}

/* REX.W B8+r io: movabs r64, imm64, whatever the value: the immediate is the
 * last 8 bytes, for a relocation to rewrite. */
void x64_movabs(struct tc_buf *b, unsigned dst, uint64_t imm) {
  struct x64_insn e;
  e.n = 0;
  e.p[e.n++] = x64_rex(1, 0, 0, dst);
  e.p[e.n++] = (uint8_t)(0xb8 + (dst & 7));
  x64_insn_imm(&e, imm, 8);
  x64_insn_put(b, &e);
}

/* 0F B6/B7 movzx r32, m8/m16; 0F BE/BF movsx; 63 movsxd r64, m32; 8B mov */
void x64_load(struct tc_buf *b, unsigned log2size, int sign, int w, unsigned dst,
              struct x64_mem m) {
  if (log2size < 2)
    x64_op_rm(b, sign ? x64_w(w) : 0, (sign ? 0x0fbe : 0x0fb6) + log2size, dst, m);
  else if (log2size == 2 && sign && w)
    x64_op_rm(b, X64_W, 0x63, dst, m);
  else
    x64_op_rm(b, x64_w(log2size == 3), 0x8b, dst, m);
}

/* 88 /r mov m8, r8; 66 89 /r; 89 /r; REX.W 89 /r */
void x64_store(struct tc_buf *b, unsigned log2size, struct x64_mem m, unsigned src) {
  if (log2size == 0)
    x64_op_rm(b, X64_B8, 0x88, src, m);
  else
    x64_op_rm(b, log2size == 1 ? X64_O16 : x64_w(log2size == 3), 0x89, src, m);
}

/* C6 /0 ib; 66 C7 /0 iw; C7 /0 id; REX.W C7 /0 id: mov size [mem], imm */
void x64_store_imm(struct tc_buf *b, unsigned log2size, struct x64_mem m, int32_t imm) {
  if (log2size == 0)
    x64_op_rm_imm(b, 0, 0xc6, 0, m, (uint32_t)imm, 1);
  else
    x64_op_rm_imm(b, log2size == 1 ? X64_O16 : x64_w(log2size == 3), 0xc7, 0, m, (uint32_t)imm,
                  log2size == 1 ? 2 : 4);
}

/* 8D /r: lea dst, [mem] */
void x64_lea(struct tc_buf *b, int w, unsigned dst, struct x64_mem m) {
  x64_op_rm(b, x64_w(w), 0x8d, dst, m);
}

/* F7 /0 id: test reg, imm32 (REX.W: the immediate sign-extended) */
void x64_test_ri(struct tc_buf *b, int w, unsigned reg, int32_t imm) {
  x64_op_rr_imm(b, x64_w(w), 0xf7, 0, reg, (uint32_t)imm, 4);
}

/* F7 /0 id: test dword [mem], imm32 (REX.W: qword, the immediate sign-extended) */
void x64_test_mi(struct tc_buf *b, int w, struct x64_mem m, int32_t imm) {
  x64_op_rm_imm(b, x64_w(w), 0xf7, 0, m, (uint32_t)imm, 4);
}

/* F7 /2 not, /3 neg, /4 mul, /5 imul, /6 div, /7 idiv */
void x64_unary(struct tc_buf *b, int w, enum x64_unary op, unsigned reg) {
  x64_op_rr(b, x64_w(w), 0xf7, op, reg);
}

/* C1 /op ib: rol/ror/shl/shr/sar reg, imm8 */
void x64_shift_ri(struct tc_buf *b, int w, enum x64_shift op, unsigned reg, uint8_t imm) {
  x64_op_rr_imm(b, x64_w(w), 0xc1, op, reg, imm, 1);
}

/* D3 /op: rol/ror/shl/shr/sar reg, cl */
void x64_shift_cl(struct tc_buf *b, int w, enum x64_shift op, unsigned reg) {
  x64_op_rr(b, x64_w(w), 0xd3, op, reg);
}

/* 0F AF /r: imul dst, src */
void x64_imul_rr(struct tc_buf *b, int w, unsigned dst, unsigned src) {
  x64_op_rr(b, x64_w(w), 0x0faf, dst, src);
}

/* 6B /r ib or 69 /r id: imul dst, src, imm */
void x64_imul_rri(struct tc_buf *b, int w, unsigned dst, unsigned src, int32_t imm) {
  int small = imm == (int8_t)imm;
  x64_op_rr_imm(b, x64_w(w), small ? 0x6b : 0x69, dst, src, (uint32_t)imm, small ? 1 : 4);
}

/* 85 /r: test x, y */
void x64_test_rr(struct tc_buf *b, int w, unsigned x, unsigned y) {
  x64_op_rr(b, x64_w(w), 0x85, y, x);
}

/* 0F 90+cc /0: setcc r8 */
void x64_setcc(struct tc_buf *b, enum x64_cc cc, unsigned reg) {
  x64_op_rr(b, X64_B8, 0x0f90 + cc, 0, reg);
}

/* 0F 40+cc /r: cmovcc dst, src */
void x64_cmov(struct tc_buf *b, int w, enum x64_cc cc, unsigned dst, unsigned src) {
  x64_op_rr(b, x64_w(w), 0x0f40 + cc, dst, src);
}

/* 0F B6 /r movzx r32, r8; 0F B7 /r movzx r32, r16; 89 /r mov r32, r32 */
void x64_movzx(struct tc_buf *b, unsigned bits, unsigned dst, unsigned src) {
  if (bits == 32)
    x64_mov_rr(b, 0, dst, src);
  else
    x64_op_rr(b, bits == 8 ? X64_B8 : 0, bits == 8 ? 0x0fb6 : 0x0fb7, dst, src);
}

/* 0F BE /r movsx r, r8; 0F BF /r movsx r, r16; REX.W 63 /r movsxd r64, r32 */
void x64_movsx(struct tc_buf *b, int w, unsigned bits, unsigned dst, unsigned src) {
  if (bits == 32) {
    if (w)
      x64_op_rr(b, X64_W, 0x63, dst, src);
    else
      x64_mov_rr(b, 0, dst, src);
    return;
  }
  x64_op_rr(b, x64_w(w) | (bits == 8 ? X64_B8 : 0), bits == 8 ? 0x0fbe : 0x0fbf, dst, src);
}

/* 0F BD /r: bsr dst, src */
void x64_bsr(struct tc_buf *b, int w, unsigned dst, unsigned src) {
  x64_op_rr(b, x64_w(w), 0x0fbd, dst, src);
}

/* 0F BC /r: bsf dst, src */
void x64_bsf(struct tc_buf *b, int w, unsigned dst, unsigned src) {
  x64_op_rr(b, x64_w(w), 0x0fbc, dst, src);
}

/* F3 0F B8 /r: popcnt dst, src */
void x64_popcnt(struct tc_buf *b, int w, unsigned dst, unsigned src) {
  x64_op_rr(b, x64_w(w) | X64_REP, 0x0fb8, dst, src);
}

/* F3 0F BC /r: tzcnt dst, src (BMI1; bsf without it) */
void x64_tzcnt(struct tc_buf *b, int w, unsigned dst, unsigned src) {
  x64_op_rr(b, x64_w(w) | X64_REP, 0x0fbc, dst, src);
}

/* VEX.LZ.F2.0F3A.W0 F0 /r ib  rorx r32, r/m32, imm8   (BMI2)
 * VEX.LZ.F2.0F3A.W1 F0 /r ib  rorx r64, r/m64, imm8
 * dst = src rotated right by imm; the flags as they were. */
static void x64_rorx_insn(struct x64_insn *e, int w, unsigned dst, unsigned index, unsigned base) {
  e->p[0] = 0xc4;
  e->p[1] = x64_vex_rxbm(dst, index, base, 3);
  e->p[2] = x64_vex_wvlp(w, 0, 0, 3);
  e->p[3] = 0xf0;
  e->n = 4;
}

void x64_rorx(struct tc_buf *b, int w, unsigned dst, unsigned src, uint8_t imm) {
  struct x64_insn e;
  x64_rorx_insn(&e, w, dst, 0, src);
  e.p[e.n++] = x64_modrm(3, dst, src);
  e.p[e.n++] = imm;
  x64_insn_put(b, &e);
}

/* VEX.128.pp.map.WIG op /r [ib]   vOP dst, src1, [mem] [, imm8]   (AVX)
 * The VEX form of the SSE op `op xmm, m128` (x64_vex_rrr) with a memory
 * operand; imm < 0: none. */
void x64_vex_rm(struct tc_buf *b, enum x64_sse op, unsigned dst, unsigned src1, struct x64_mem m,
                int imm) {
  struct x64_insn e;
  e.p[0] = 0xc4;
  e.p[1] = x64_vex_rxbm(dst, m.index == X64_NOREG ? 0 : m.index, m.base, x64_vex_map(op));
  e.p[2] = x64_vex_wvlp(0, src1, 0, x64_vex_pp(op));
  e.p[3] = (uint8_t)op;
  e.n = 4;
  x64_modrm_mem(&e, dst, m);
  if (imm >= 0)
    e.p[e.n++] = (uint8_t)imm;
  x64_insn_put(b, &e);
}

void x64_rorx_m(struct tc_buf *b, int w, unsigned dst, struct x64_mem m, uint8_t imm) {
  struct x64_insn e;
  x64_rorx_insn(&e, w, dst, m.index == X64_NOREG ? 0 : m.index, m.base);
  x64_modrm_mem(&e, dst, m);
  e.p[e.n++] = imm;
  x64_insn_put(b, &e);
}

/* VEX.LZ.66.0F38.W0 F7 /r  shlx r32, r/m32, r32   (BMI2; W1: r64)
 * VEX.LZ.F2.0F38.W0 F7 /r  shrx r32, r/m32, r32
 * VEX.LZ.F3.0F38.W0 F7 /r  sarx r32, r/m32, r32
 * dst = src shifted by count (masked to the width), from any register:
 * not cl, and not in place; the flags as they were. */
void x64_shiftx(struct tc_buf *b, int w, enum x64_shift op, unsigned dst, unsigned src,
                unsigned count) {
  unsigned pp = op == X64_SHL ? 1 : op == X64_SHR ? 3 : 2;
  uint8_t p[5] = {0xc4, x64_vex_rxbm(dst, 0, src, 2), x64_vex_wvlp(w, count, 0, pp), 0xf7,
                  x64_modrm(3, dst, src)};
  x64_bytes(b, p, 5);
}

/* F3 0F BD /r: lzcnt dst, src (LZCNT; bsr without it) */
void x64_lzcnt(struct tc_buf *b, int w, unsigned dst, unsigned src) {
  x64_op_rr(b, x64_w(w) | X64_REP, 0x0fbd, dst, src);
}

/* 0F C8+r: bswap reg */
void x64_bswap(struct tc_buf *b, int w, unsigned reg) {
  uint8_t rex = x64_rex(w, 0, 0, reg);
  if (rex != 0x40)
    x64_byte(b, rex);
  x64_bytes(b, (const uint8_t[]){0x0f, 0xc8 + (reg & 7)}, 2);
}

/* 0F BA /4 ib: bt reg, imm8 */
void x64_bt_ri(struct tc_buf *b, int w, unsigned reg, uint8_t bit) {
  x64_op_rr(b, x64_w(w), 0x0fba, 4, reg);
  x64_byte(b, bit);
}

void x64_cmc(struct tc_buf *b) {
  x64_byte(b, 0xf5); /* cmc */
}

void x64_stc(struct tc_buf *b) {
  x64_byte(b, 0xf9); /* stc */
}

void x64_popf(struct tc_buf *b) {
  x64_byte(b, 0x9d); /* popfq */
}

/* 99 cdq; REX.W 99 cqo */
void x64_cqo(struct tc_buf *b, int w) {
  if (w)
    x64_byte(b, 0x48);
  x64_byte(b, 0x99);
}

static unsigned x64_size_flags(unsigned log2size) {
  return log2size == 0 ? X64_B8 : log2size == 1 ? X64_O16 : log2size == 3 ? X64_W : 0;
}

/* F0 0F C0 /r (byte), F0 0F C1 /r: lock xadd [mem], reg */
void x64_xadd(struct tc_buf *b, unsigned log2size, struct x64_mem m, unsigned reg) {
  x64_op_rm(b, X64_LOCK | x64_size_flags(log2size), log2size ? 0x0fc1 : 0x0fc0, reg, m);
}

/* 86 /r (byte), 87 /r: xchg [mem], reg (implicitly locked) */
void x64_xchg(struct tc_buf *b, unsigned log2size, struct x64_mem m, unsigned reg) {
  x64_op_rm(b, x64_size_flags(log2size), log2size ? 0x87 : 0x86, reg, m);
}

/* F0 0F B0 /r (byte), F0 0F B1 /r: lock cmpxchg [mem], reg */
void x64_cmpxchg(struct tc_buf *b, unsigned log2size, struct x64_mem m, unsigned reg) {
  x64_op_rm(b, X64_LOCK | x64_size_flags(log2size), log2size ? 0x0fb1 : 0x0fb0, reg, m);
}

/* 0F AE /2: ldmxcsr m32 */
void x64_ldmxcsr(struct tc_buf *b, struct x64_mem m) {
  x64_op_rm(b, 0, 0x0fae, 2, m);
}

/* 0F AE /3: stmxcsr m32 */
void x64_stmxcsr(struct tc_buf *b, struct x64_mem m) {
  x64_op_rm(b, 0, 0x0fae, 3, m);
}

/* [41] 50+r: push reg */
void x64_push(struct tc_buf *b, unsigned reg) {
  if (reg >= 8)
    x64_byte(b, 0x41);
  x64_byte(b, 0x50 + (reg & 7));
}

/* [41] 58+r: pop reg */
void x64_pop(struct tc_buf *b, unsigned reg) {
  if (reg >= 8)
    x64_byte(b, 0x41);
  x64_byte(b, 0x58 + (reg & 7));
}

void x64_ret(struct tc_buf *b) {
  x64_byte(b, 0xc3); /* ret */
}

/* FF /2: call reg */
void x64_call_r(struct tc_buf *b, unsigned reg) {
  x64_op_rr(b, 0, 0xff, 2, reg);
}

/* FF /4: jmp reg */
void x64_jmp_r(struct tc_buf *b, unsigned reg) {
  x64_op_rr(b, 0, 0xff, 4, reg);
}

/* FF /4: jmp qword [mem] */
void x64_jmp_m(struct tc_buf *b, struct x64_mem m) {
  x64_op_rm(b, 0, 0xff, 4, m);
}

int x64_rel32_ok(const uint8_t *from, const void *target) {
  intptr_t d = (const uint8_t *)target - from;
  return d == (int32_t)d;
}

static void x64_rel32_to(struct tc_buf *b, const void *target) {
  int32_t rel = (int32_t)((const uint8_t *)target - (b->cur + 4));
  x64_imm(b, (uint32_t)rel, 4);
}

/* 48 8D 05+r disp32: lea reg, [rip + target - end of the instruction] */
void x64_lea_rip(struct tc_buf *b, unsigned reg, const void *target) {
  x64_lea(b, 1, reg, x64_mem(X64_RIP, 0));
  if (b->overflow)
    return;
  int32_t rel = (int32_t)((const uint8_t *)target - b->cur);
  memcpy(b->cur - 4 + b->wdelta, &rel, 4);
}

/* lea reg, [r14 - X64_STATE_BIAS]: the struct cpu * (for a C helper's first argument) */
void x64_cpu_ptr(struct tc_buf *b, unsigned reg) {
  x64_lea(b, 1, reg, x64_mem(X64_R14, -X64_STATE_BIAS));
}

/* E8 cd: call rel32 */
void x64_call_rel(struct tc_buf *b, const void *target) {
  x64_byte(b, 0xe8);
  x64_rel32_to(b, target);
}

/* E9 cd: jmp rel32 */
void x64_jmp_rel(struct tc_buf *b, const void *target) {
  x64_byte(b, 0xe9);
  x64_rel32_to(b, target);
}

/* 0F 80+cc cd: jcc rel32 */
void x64_jcc_rel(struct tc_buf *b, enum x64_cc cc, const void *target) {
  x64_bytes(b, (const uint8_t[]){0x0f, 0x80 + cc}, 2);
  x64_rel32_to(b, target);
}

/* 70+cc cb: jcc rel8 to be fixed later; returns where the rel8 is, or NULL */
uint8_t *x64_jcc8(struct tc_buf *b, enum x64_cc cc) {
  x64_bytes(b, (const uint8_t[]){0x70 + cc, 0}, 2);
  return b->overflow ? NULL : b->cur - 1;
}

/* EB cb: jmp rel8 to be fixed later */
uint8_t *x64_jmp8(struct tc_buf *b) {
  x64_bytes(b, (const uint8_t[]){0xeb, 0}, 2);
  return b->overflow ? NULL : b->cur - 1;
}

/* E9 cd: jmp rel32 to be fixed later */
uint8_t *x64_jmp32(struct tc_buf *b) {
  x64_bytes(b, (const uint8_t[]){0xe9, 0, 0, 0, 0}, 5);
  return b->overflow ? NULL : b->cur - 4;
}

/* 0F 80+cc cd: jcc rel32 to be fixed later */
uint8_t *x64_jcc32(struct tc_buf *b, enum x64_cc cc) {
  x64_bytes(b, (const uint8_t[]){0x0f, 0x80 + cc, 0, 0, 0, 0}, 6);
  return b->overflow ? NULL : b->cur - 4;
}

/* Point a forward rel8 at the current position. */
void x64_fix8(struct tc_buf *b, uint8_t *rel) {
  if (!rel || b->overflow)
    return;
  intptr_t d = b->cur - (rel + 1);
  if (d > 127)
    b->overflow = 1; /* cannot happen for the fixed sequences that use it */
  else
    rel[b->wdelta] = (uint8_t)d;
}

void x64_fix32(struct tc_buf *b, uint8_t *rel) {
  if (!rel || b->overflow)
    return;
  uint32_t d = (uint32_t)(b->cur - (rel + 4));
  memcpy(rel + b->wdelta, &d, 4);
}

/* n (at most 3) CS segment-override prefixes: padding that belongs to the
 * branch after it, which ignores them (as GNU as pads branches with
 * -malign-branch-prefix-size), so no nop instruction runs. */
void x64_branch_pad(struct tc_buf *b, unsigned n) {
  static const uint8_t cs[3] = {0x2e, 0x2e, 0x2e};
  x64_bytes(b, cs, n > 3 ? 3 : n);
}

/* The recommended multi-byte nops (SDM Vol. 2B, NOP). */
void x64_nops(struct tc_buf *b, unsigned n) {
  static const uint8_t nop[4][4] = {
      {0x90},                   /* nop */
      {0x66, 0x90},             /* xchg ax, ax */
      {0x0f, 0x1f, 0x00},       /* nop dword [rax] */
      {0x0f, 0x1f, 0x40, 0x00}, /* nop dword [rax+0] */
  };
  while (n) {
    unsigned k = n > 4 ? 4 : n;
    x64_bytes(b, nop[k - 1], k);
    n -= k;
  }
}
