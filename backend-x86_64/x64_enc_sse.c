/* x64_enc_sse.c - the SSE2/SSSE3/SSE4.x encoders for the vector IR: one
 * appender per instruction form, the opcode (with its mandatory prefix) from
 * enum x64_sse. Intel SDM Vol. 2: the prefix (66/F2/F3) comes before REX, then
 * 0F [38|3A] opcode, ModRM, and an imm8 for the forms that take one.
 */
#include "x64.h"

/* The mandatory prefix of op (bits 31:24) as x64_op_rr/x64_op_rm flags. */
static unsigned x64_sse_flags(uint32_t op, int w) {
  unsigned prefix = op >> 24, f = w ? X64_W : 0;
  if (prefix == 0x66)
    f |= X64_O16;
  else if (prefix == 0xf3)
    f |= X64_REP;
  else if (prefix == 0xf2)
    f |= X64_REPNE;
  return f;
}

/* [66|F2|F3] [REX] 0F xx /r with mod = 11: op xmm(reg), xmm(rm) */
void x64_sse_rr(struct tc_buf *b, enum x64_sse op, unsigned reg, unsigned rm) {
  x64_op_rr(b, x64_sse_flags(op, 0), op & 0xffffff, reg, rm);
}

/* [66|F2|F3] [REX] 0F xx /r: op xmm(reg), [mem] (or op [mem], xmm(reg) for stores) */
void x64_sse_rm(struct tc_buf *b, enum x64_sse op, unsigned reg, struct x64_mem m) {
  x64_op_rm(b, x64_sse_flags(op, 0), op & 0xffffff, reg, m);
}

/* [66] [REX] 0F [3A] xx /r ib: pshufd/palignr/shufps/pblendw/pextrw xmm, xmm, imm8 */
void x64_sse_rri(struct tc_buf *b, enum x64_sse op, unsigned reg, unsigned rm, uint8_t imm) {
  x64_op_rr(b, x64_sse_flags(op, 0), op & 0xffffff, reg, rm);
  x64_imm(b, imm, 1);
}

/* 66 [REX.W] 0F 6E /r: movd xmm, r32 / movq xmm, r64 (the rest of xmm zeroed) */
void x64_movq_xr(struct tc_buf *b, int w, unsigned xmm, unsigned gpr) {
  x64_op_rr(b, x64_sse_flags(X64_MOVD_XR, w), X64_MOVD_XR & 0xffffff, xmm, gpr);
}

/* 66 [REX.W] 0F 7E /r: movd r32, xmm / movq r64, xmm */
void x64_movq_rx(struct tc_buf *b, int w, unsigned gpr, unsigned xmm) {
  x64_op_rr(b, x64_sse_flags(X64_MOVD_RX, w), X64_MOVD_RX & 0xffffff, xmm, gpr);
}

/* 66 [REX.W] 0F 3A 20/22 /r ib: pinsrb/pinsrd/pinsrq xmm, r, imm8;
 * 66 0F C4 /r ib: pinsrw xmm, r32, imm8 */
void x64_pinsr(struct tc_buf *b, unsigned lane, unsigned xmm, unsigned gpr, uint8_t idx) {
  static const uint32_t op[4] = {X64_PINSRB, X64_PINSRW, X64_PINSRD, X64_PINSRD};
  x64_op_rr(b, x64_sse_flags(op[lane & 3], lane == 3), op[lane & 3] & 0xffffff, xmm, gpr);
  x64_imm(b, idx, 1);
}

/* 66 [REX.W] 0F 3A 14/16 /r ib: pextrb/pextrd/pextrq r, xmm, imm8 (ModRM.reg is the xmm);
 * 66 0F C5 /r ib: pextrw r32, xmm, imm8 (ModRM.reg is the gpr). All zero-extend. */
void x64_pextr(struct tc_buf *b, unsigned lane, unsigned gpr, unsigned xmm, uint8_t idx) {
  if (lane == 1) {
    x64_op_rr(b, X64_O16, X64_PEXTRW & 0xffffff, gpr, xmm);
  } else {
    uint32_t op = lane ? X64_PEXTRD : X64_PEXTRB;
    x64_op_rr(b, x64_sse_flags(op, lane == 3), op & 0xffffff, xmm, gpr);
  }
  x64_imm(b, idx, 1);
}

/* 66 0F 71/72/73 /digit ib: psrlw/psraw/psllw, psrld/psrad/pslld, psrlq/psrldq/psllq/pslldq
 * xmm, imm8 */
void x64_sse_shift_ri(struct tc_buf *b, enum x64_sse_shift op, unsigned xmm, uint8_t imm) {
  x64_op_rr(b, X64_O16, 0x0f00 | (op >> 8), op & 7, xmm);
  x64_imm(b, imm, 1);
}

/* [66|F2|F3] [REX.W] 0F xx /r: the forms with a general register whose width REX.W picks:
 * cvtsi2ss/sd xmm, r32/r64; cvttss2si/cvttsd2si r32/r64, xmm */
void x64_sse_rr_w(struct tc_buf *b, enum x64_sse op, int w, unsigned reg, unsigned rm) {
  x64_op_rr(b, x64_sse_flags(op, w), op & 0xffffff, reg, rm);
}

/* The second byte of a 3-byte VEX (after C4): ~R ~X ~B m-mmmm, the REX bits inverted;
 * map 1 = 0F, 2 = 0F 38, 3 = 0F 3A. */
uint8_t x64_vex_rxbm(unsigned reg, unsigned index, unsigned base, unsigned map) {
  return (uint8_t)((~reg >> 3 & 1) << 7 | (~index >> 3 & 1) << 6 | (~base >> 3 & 1) << 5 | map);
}

/* The third byte of a 3-byte VEX: W ~vvvv L pp, the extra source inverted; pp 0 none,
 * 1 = 66, 2 = F3, 3 = F2. */
uint8_t x64_vex_wvlp(int w, unsigned vvvv, int l, unsigned pp) {
  return (uint8_t)((w ? 0x80 : 0) | (~vvvv & 15) << 3 | (l ? 4 : 0) | pp);
}

/* The byte after C5 of a 2-byte VEX (map 0F, no REX.X, REX.B or W; L = 0):
 * ~R ~vvvv 0 pp. */
static uint8_t x64_vex2_rvp(unsigned reg, unsigned vvvv, unsigned pp) {
  return (uint8_t)((~reg >> 3 & 1) << 7 | x64_vex_wvlp(0, vvvv, 0, pp));
}

/* VEX.m-mmmm of an SSE op's opcode map (bits 23:8): 1 = 0F, 2 = 0F 38, 3 = 0F 3A. */
unsigned x64_vex_map(uint32_t op) {
  unsigned mid = op >> 8 & 0xffff;
  return mid == 0x0f38 ? 2 : mid == 0x0f3a ? 3 : 1;
}

/* VEX.pp of an SSE op's mandatory prefix (bits 31:24): 0 none, 1 = 66, 2 = F3, 3 = F2. */
unsigned x64_vex_pp(uint32_t op) {
  unsigned prefix = op >> 24;
  return prefix == 0x66 ? 1 : prefix == 0xf3 ? 2 : prefix == 0xf2 ? 3 : 0;
}

/* VEX.128.pp.map.WIG op /r   vOP dst, src1, src2   (AVX)
 * The VEX form of the legacy SSE op `op xmm, xmm/m128` (enum x64_sse: 0F xx,
 * 0F 38 xx or 0F 3A xx): dst = src1 op src2, the upper half of ymm dst zeroed.
 * C5 [~R ~vvvv L pp] when the map is 0F and src2 needs no REX.B, else C4. */
void x64_vex_rrr(struct tc_buf *b, enum x64_sse op, unsigned dst, unsigned src1, unsigned src2) {
  unsigned map = x64_vex_map(op);
  uint8_t p[5];
  unsigned n = 0;
  if (map == 1 && src2 < 8) {
    p[n++] = 0xc5;
    p[n++] = x64_vex2_rvp(dst, src1, x64_vex_pp(op));
  } else {
    p[n++] = 0xc4;
    p[n++] = x64_vex_rxbm(dst, 0, src2, map);
    p[n++] = x64_vex_wvlp(0, src1, 0, x64_vex_pp(op));
  }
  p[n++] = (uint8_t)op;
  p[n++] = x64_modrm(3, dst, src2);
  x64_bytes(b, p, n);
}

/* VEX.128.66.0F.WIG 71-73 /n ib   vpsrlw/vpsraw/vpsllw/vpsrld/.../vpslldq dst, src, imm8
 * (AVX): dst = src shifted; the destination is VEX.vvvv, the source ModRM.rm. */
void x64_vex_shift_ri(struct tc_buf *b, enum x64_sse_shift op, unsigned dst, unsigned src,
                      uint8_t imm) {
  uint8_t p[6];
  unsigned n = 0;
  if (src < 8) {
    p[n++] = 0xc5;
    p[n++] = x64_vex2_rvp(0, dst, 1); /* ModRM.reg is the /digit */
  } else {
    p[n++] = 0xc4;
    p[n++] = x64_vex_rxbm(0, 0, src, 1);
    p[n++] = x64_vex_wvlp(0, dst, 0, 1);
  }
  p[n++] = (uint8_t)(op >> 8);
  p[n++] = x64_modrm(3, op & 7, src);
  p[n++] = imm;
  x64_bytes(b, p, n);
}

/* VEX.128.66.0F38.W0 A8 /r  vfmadd213ps dst, src1, src2   (FMA3)
 * VEX.128.66.0F38.W1 A8 /r  vfmadd213pd dst, src1, src2
 * VEX.LIG.66.0F38.W0 A9 /r  vfmadd213ss dst, src1, src2
 * VEX.LIG.66.0F38.W1 A9 /r  vfmadd213sd dst, src1, src2
 * dst = src1 * dst + src2, rounded once; lg is the lane (2 = ps/ss, 3 = pd/sd). */
void x64_vfmadd213(struct tc_buf *b, unsigned lg, int scalar, unsigned dst, unsigned src1,
                   unsigned src2) {
  uint8_t p[5] = {0xc4, x64_vex_rxbm(dst, 0, src2, 2), x64_vex_wvlp(lg == 3, src1, 0, 1),
                  scalar ? 0xa9 : 0xa8, x64_modrm(3, dst, src2)};
  x64_bytes(b, p, 5);
}

/* VEX.128.0F.WIG C2 /r ib   vcmpps dst, src1, src2, pred   (AVX)
 * VEX.128.66.0F.WIG C2 /r ib vcmppd dst, src1, src2, pred
 * dst = the lanes where src1 pred src2 holds all ones, the others zero; VEX
 * has all 32 predicates (8: EQ_UQ, equal or unordered, quiet), legacy cmpps
 * the first 8. lg is the lane (2 = ps, 3 = pd). */
void x64_vcmpp(struct tc_buf *b, unsigned lg, unsigned dst, unsigned src1, unsigned src2,
               uint8_t pred) {
  uint8_t p[6] = {0xc4, x64_vex_rxbm(dst, 0, src2, 1), x64_vex_wvlp(0, src1, 0, lg == 3),
                  0xc2, x64_modrm(3, dst, src2),       pred};
  x64_bytes(b, p, 6);
}

/* VEX.128.66.0F38.W0 47 /r  vpsllvd dst, src, count   (AVX2)
 * VEX.128.66.0F38.W1 47 /r  vpsllvq dst, src, count
 * VEX.128.66.0F38.W0 45 /r  vpsrlvd dst, src, count
 * VEX.128.66.0F38.W1 45 /r  vpsrlvq dst, src, count
 * VEX.128.66.0F38.W0 46 /r  vpsravd dst, src, count
 * Each lane of src shifted by the unsigned count in the same lane of count; a count of
 * the lane width or more gives 0 (vpsrav: the sign). The upper half of ymm dst is zeroed. */
void x64_vshiftv(struct tc_buf *b, enum x64_vshiftv op, int w, unsigned dst, unsigned src,
                 unsigned count) {
  uint8_t p[5] = {0xc4, x64_vex_rxbm(dst, 0, count, 2), x64_vex_wvlp(w, src, 0, 1), (uint8_t)op,
                  x64_modrm(3, dst, count)};
  x64_bytes(b, p, 5);
}

/* F2 [REX] 0F 38 F0 /r        crc32 r32, r/m8
 * 66 F2 [REX] 0F 38 F1 /r     crc32 r32, r/m16
 * F2 [REX] 0F 38 F1 /r        crc32 r32, r/m32
 * F2 REX.W 0F 38 F1 /r        crc32 r64, r/m64 (the high half of r64 zeroed)
 * SSE4.2: dst = CRC-32C of dst updated with the low 8 << log2size bits of src. */
void x64_crc32(struct tc_buf *b, unsigned log2size, unsigned dst, unsigned src) {
  unsigned f = X64_REPNE | (log2size == 0 ? X64_B8 : 0) | (log2size == 1 ? X64_O16 : 0) |
               (log2size == 3 ? X64_W : 0);
  x64_op_rr(b, f, log2size ? 0x0f38f1 : 0x0f38f0, dst, src);
}
