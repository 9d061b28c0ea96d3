/* x64.h - private to the x86-64 backend: registers, the instruction encoder,
 * the register allocator and the lowering context.
 *
 * Three layers, each plain functions:
 *   x64_rex()/x64_modrm()/x64_sib()   pure encoders returning the bits
 *   x64_alu_rr(buf, 1, X64_ADD, X64_RAX, X64_RBX);   appenders onto a tc_buf
 *   x64_lower(ctx, ref)               one function per IR op (x64_lower.c)
 *
 * Register conventions inside translated code: r14 = struct cpu * +
 * X64_STATE_BIAS (below), rsp points
 * at the spill area, rax is scratch and never allocated, rcx and rdx are
 * scratch and allocated last, to values no lowering needs them around
 * (x64_scratch.c); rbx, rbp,
 * r12, r13 and r15 hold the guest's pinned registers, as many as it has
 * (x64_pin.c), and the allocator never gives those out. IR_V128
 * values live in xmm0-xmm13; xmm14 and xmm15 are vector scratch. Every xmm is
 * caller-saved, so a v128 live across a call is spilled to a 16-byte slot.
 */
#ifndef X64_H
#define X64_H

#include <stdint.h>
#include "../ir/ir.h"
#include "../tcache/tcache.h"

enum x64_reg {
  X64_RAX,
  X64_RCX,
  X64_RDX,
  X64_RBX,
  X64_RSP,
  X64_RBP,
  X64_RSI,
  X64_RDI,
  X64_R8,
  X64_R9,
  X64_R10,
  X64_R11,
  X64_R12,
  X64_R13,
  X64_R14,
  X64_R15,
  X64_NOREG = 0xff,
  /* A base of x64_mem: [rip + disp32], disp measured from the end of the
   * instruction, which must then have no immediate (x64_sse_rm_host). Its low
   * bits are rbp's and bit 3 is clear, as the ModRM and REX.B encode it. */
  X64_RIP = 0x15,
  /* A base of x64_mem: [disp32] alone (SIB base 101 with mod 00), the
   * displacement sign-extended. Its low bits are rsp's, which only the SIB
   * form encodes, and bit 3 is clear. */
  X64_ABS = 0x14
};

/* Condition codes, the low nibble of Jcc/SETcc/CMOVcc. */
enum x64_cc {
  X64_CC_O,
  X64_CC_NO,
  X64_CC_B,
  X64_CC_AE,
  X64_CC_E,
  X64_CC_NE,
  X64_CC_BE,
  X64_CC_A,
  X64_CC_S,
  X64_CC_NS,
  X64_CC_P,
  X64_CC_NP,
  X64_CC_L,
  X64_CC_GE,
  X64_CC_LE,
  X64_CC_G
};

/* The /digit of the 0x01..0x3f / 0x81 / 0x83 ALU group. */
enum x64_alu { X64_ADD, X64_OR, X64_ADC, X64_SBB, X64_AND, X64_SUB, X64_XOR, X64_CMP };

/* The /digit of the 0xc1 / 0xd3 shift group. */
enum x64_shift { X64_ROL = 0, X64_ROR = 1, X64_SHL = 4, X64_SHR = 5, X64_SAR = 7 };

/* The /digit of the 0xf7 unary group. */
enum x64_unary { X64_NOT = 2, X64_NEG = 3, X64_MUL = 4, X64_IMUL1 = 5, X64_DIV = 6, X64_IDIV = 7 };

/* Prefix flags of one instruction. */
enum {
  X64_W = 1 << 0,     /* REX.W: 64-bit operand */
  X64_O16 = 1 << 1,   /* 0x66: 16-bit operand */
  X64_B8 = 1 << 2,    /* byte registers: a REX makes 4..7 mean spl..dil */
  X64_LOCK = 1 << 3,  /* 0xf0 */
  X64_REP = 1 << 4,   /* 0xf3 (popcnt, SSE) */
  X64_REPNE = 1 << 5, /* 0xf2 (SSE) */
};

/* Vector registers: xmm0-13 allocated, 14 and 15 scratch. */
enum { X64_XMM_ALLOC = 14, X64_XS1 = 14, X64_XS0 = 15 };

/* SSE opcodes: the mandatory prefix in bits 31:24, then the opcode bytes. */
enum x64_sse {
  X64_MOVDQU_LOAD = 0xf3000f6f,  /* movdqu xmm, xmm/m128 */
  X64_MOVDQU_STORE = 0xf3000f7f, /* movdqu m128, xmm */
  X64_MOVDQA = 0x66000f6f,       /* movdqa xmm, xmm */
  X64_MOVQ_LOAD = 0xf3000f7e,    /* movq xmm, xmm/m64 (upper half zeroed) */
  X64_MOVQ_STORE = 0x66000fd6,   /* movq m64, xmm */
  X64_MOVD_XR = 0x66000f6e,      /* movd xmm, r/m32 (REX.W: movq xmm, r/m64) */
  X64_MOVD_RX = 0x66000f7e,      /* movd r/m32, xmm (REX.W: movq r/m64, xmm) */
  X64_PAND = 0x66000fdb,
  X64_PANDN = 0x66000fdf, /* dst = ~dst & src */
  X64_POR = 0x66000feb,
  X64_PXOR = 0x66000fef,
  X64_PADDB = 0x66000ffc,
  X64_PADDW = 0x66000ffd,
  X64_PADDD = 0x66000ffe,
  X64_PADDQ = 0x66000fd4,
  X64_PSUBB = 0x66000ff8,
  X64_PSUBW = 0x66000ff9,
  X64_PSUBD = 0x66000ffa,
  X64_PSUBQ = 0x66000ffb,
  X64_PMULLW = 0x66000fd5,
  X64_PMULLD = 0x660f3840,  /* SSE4.1 */
  X64_PMULUDQ = 0x66000ff4, /* the even dwords' unsigned 64-bit products */
  X64_PMULDQ = 0x660f3828,  /* SSE4.1: the even dwords' signed 64-bit products */
  X64_PADDUSB = 0x66000fdc, /* bytes, unsigned saturating */
  X64_PADDUSW = 0x66000fdd, /* words, unsigned saturating */
  X64_PADDSB = 0x66000fec,  /* bytes, signed saturating */
  X64_PADDSW = 0x66000fed,  /* words, signed saturating */
  X64_PSUBUSB = 0x66000fd8, /* bytes, unsigned saturating (0 if below) */
  X64_PSUBUSW = 0x66000fd9, /* words, unsigned saturating */
  X64_PSUBSB = 0x66000fe8,  /* bytes, signed saturating */
  X64_PSUBSW = 0x66000fe9,  /* words, signed saturating */
  X64_PCMPEQB = 0x66000f74,
  X64_PCMPEQW = 0x66000f75,
  X64_PCMPEQD = 0x66000f76,
  X64_PCMPEQQ = 0x660f3829, /* SSE4.1 */
  X64_PCMPGTB = 0x66000f64,
  X64_PCMPGTW = 0x66000f65,
  X64_PCMPGTD = 0x66000f66,
  X64_PCMPGTQ = 0x660f3837, /* SSE4.2 */
  X64_PMINUB = 0x66000fda,
  X64_PMAXUB = 0x66000fde,
  X64_PMINSW = 0x66000fea,
  X64_PMAXSW = 0x66000fee,
  X64_PMINSB = 0x660f3838, /* SSE4.1 from here */
  X64_PMAXSB = 0x660f383c,
  X64_PMINUW = 0x660f383a,
  X64_PMAXUW = 0x660f383e,
  X64_PMINUD = 0x660f383b,
  X64_PMAXUD = 0x660f383f,
  X64_PMINSD = 0x660f3839,
  X64_PMAXSD = 0x660f383d,
  X64_PMOVZXBW = 0x660f3830,
  X64_PMOVZXWD = 0x660f3833,
  X64_PMOVZXDQ = 0x660f3835,
  X64_PMOVSXBW = 0x660f3820,
  X64_PMOVSXWD = 0x660f3823,
  X64_PMOVSXDQ = 0x660f3825,
  X64_PSHUFB = 0x660f3800,  /* SSSE3 */
  X64_PALIGNR = 0x660f3a0f, /* SSSE3, imm8 */
  X64_PSHUFD = 0x66000f70,  /* imm8 */
  X64_SHUFPS = 0x0fc6,      /* imm8 */
  X64_PUNPCKLBW = 0x66000f60,
  X64_PUNPCKLWD = 0x66000f61,
  X64_PUNPCKLDQ = 0x66000f62,
  X64_PUNPCKLQDQ = 0x66000f6c,
  X64_PUNPCKHBW = 0x66000f68,
  X64_PUNPCKHWD = 0x66000f69,
  X64_PUNPCKHDQ = 0x66000f6a,
  X64_PUNPCKHQDQ = 0x66000f6d,
  X64_PINSRB = 0x660f3a20, /* SSE4.1 */
  X64_PINSRW = 0x66000fc4,
  X64_PINSRD = 0x660f3a22, /* SSE4.1; REX.W: pinsrq */
  X64_PEXTRB = 0x660f3a14, /* SSE4.1 */
  X64_PEXTRW = 0x66000fc5,
  X64_PEXTRD = 0x660f3a16, /* SSE4.1; REX.W: pextrq */
  X64_PMOVMSKB = 0x66000fd7,
  X64_PTEST = 0x660f3817, /* SSE4.1: ZF = !(reg & rm), CF = !(~reg & rm) */
  /* floating point: ps no prefix, pd 66, ss F3, sd F2 */
  X64_ADDPS = 0x00000f58,
  X64_ADDPD = 0x66000f58,
  X64_ADDSS = 0xf3000f58,
  X64_ADDSD = 0xf2000f58,
  X64_SUBPS = 0x00000f5c,
  X64_SUBPD = 0x66000f5c,
  X64_SUBSS = 0xf3000f5c,
  X64_SUBSD = 0xf2000f5c,
  X64_MULPS = 0x00000f59,
  X64_MULPD = 0x66000f59,
  X64_MULSS = 0xf3000f59,
  X64_MULSD = 0xf2000f59,
  X64_DIVPS = 0x00000f5e,
  X64_DIVPD = 0x66000f5e,
  X64_DIVSS = 0xf3000f5e,
  X64_DIVSD = 0xf2000f5e,
  X64_SQRTPS = 0x00000f51,
  X64_SQRTPD = 0x66000f51,
  X64_SQRTSS = 0xf3000f51,
  X64_SQRTSD = 0xf2000f51,
  X64_MAXPS = 0x00000f5f, /* dst when equal or unordered: src */
  X64_MAXPD = 0x66000f5f,
  X64_MAXSS = 0xf3000f5f,
  X64_MAXSD = 0xf2000f5f,
  X64_MINPS = 0x00000f5d, /* dst when equal or unordered: src */
  X64_MINPD = 0x66000f5d,
  X64_MINSS = 0xf3000f5d,
  X64_MINSD = 0xf2000f5d,
  X64_ROUNDPS = 0x660f3a08, /* SSE4.1, imm8: rounding (bit 2: MXCSR's), bit 3 no inexact */
  X64_ROUNDPD = 0x660f3a09,
  X64_ROUNDSS = 0x660f3a0a,
  X64_ROUNDSD = 0x660f3a0b,
  X64_CMPPS = 0x00000fc2, /* imm8 predicate: 0 EQ_OQ, 1 LT_OS, 2 LE_OS, 7 ORD_Q */
  X64_CMPPD = 0x66000fc2,
  X64_CMPSS = 0xf3000fc2,
  X64_CMPSD = 0xf2000fc2,
  X64_UCOMISS = 0x00000f2e, /* ZF PF CF of reg vs rm; invalid only for a signalling NaN */
  X64_UCOMISD = 0x66000f2e,
  X64_COMISS = 0x00000f2f, /* as ucomis, invalid for any NaN */
  X64_COMISD = 0x66000f2f,
  X64_CVTDQ2PS = 0x00000f5b,
  X64_CVTTPS2DQ = 0xf3000f5b,
  X64_CVTPS2PD = 0x00000f5a,
  X64_CVTPD2PS = 0x66000f5a,
  X64_CVTSS2SD = 0xf3000f5a,
  X64_CVTSD2SS = 0xf2000f5a,
  X64_CVTSI2SS = 0xf3000f2a,  /* xmm, r32 (REX.W: r64) */
  X64_CVTSI2SD = 0xf2000f2a,  /* xmm, r32 (REX.W: r64) */
  X64_CVTTSS2SI = 0xf3000f2c, /* r32 (REX.W: r64), xmm */
  X64_CVTTSD2SI = 0xf2000f2c, /* r32 (REX.W: r64), xmm */
  X64_MOVMSKPS = 0x00000f50,  /* r32, xmm: the sign bits */
  X64_MOVMSKPD = 0x66000f50,
  /* AES-NI and PCLMULQDQ (x64_lower_crypto.c) */
  X64_AESENC = 0x660f38dc,     /* one round: ShiftRows, SubBytes, MixColumns, ^ key */
  X64_AESENCLAST = 0x660f38dd, /* ShiftRows, SubBytes, ^ key */
  X64_AESDEC = 0x660f38de,     /* InvShiftRows, InvSubBytes, InvMixColumns, ^ key */
  X64_AESDECLAST = 0x660f38df, /* InvShiftRows, InvSubBytes, ^ key */
  X64_AESIMC = 0x660f38db,     /* InvMixColumns */
  X64_PCLMULQDQ = 0x660f3a44,  /* imm8: bit 0 dst's qword, bit 4 src's */
  /* SHA extension (x64_lower_crypto.c) */
  X64_SHA256RNDS2 = 0x000f38cb, /* two rounds: xmm1 = CDGH, xmm2 = ABEF, xmm0 = W+K */
  X64_SHA256MSG1 = 0x000f38cc,
  X64_SHA256MSG2 = 0x000f38cd,
};

/* Shifts by an immediate: the 66 0F opcode byte << 8 | the /digit. */
enum x64_sse_shift {
  X64_PSRLW = 0x7102,
  X64_PSRAW = 0x7104,
  X64_PSLLW = 0x7106,
  X64_PSRLD = 0x7202,
  X64_PSRAD = 0x7204,
  X64_PSLLD = 0x7206,
  X64_PSRLQ = 0x7302,
  X64_PSRLDQ = 0x7303, /* bytes */
  X64_PSLLQ = 0x7306,
  X64_PSLLDQ = 0x7307, /* bytes */
};

/* CPU features the vector lowering uses beyond SSE2 (x64_feat reads CPUID); FMA is FMA3
 * with the OS saving the AVX state (VEX encoding). */
enum { X64_F_SSSE3 = 1, X64_F_SSE41 = 2, X64_F_SSE42 = 4, X64_F_FMA = 8 };
/* AES-NI (aesenc...) and PCLMULQDQ, for the crypto IR ops (x64_lower_crypto.c). */
enum { X64_F_AES = 16, X64_F_PCLMUL = 32 };
/* AVX2, for the per-lane variable shifts vpsllv/vpsrlv/vpsrav (VEX encoding). */
enum { X64_F_AVX2 = 64 };
/* The SHA extension (sha256rnds2...), for the VSHA256* ops (x64_lower_crypto.c). */
enum { X64_F_SHA = 128 };
/* BMI1's tzcnt and LZCNT (AMD's ABM), for the bit counts CTZ and CLZ. */
enum { X64_F_BMI1 = 256, X64_F_LZCNT = 512 };
/* BMI2's rorx and shlx/shrx/sarx: rotates by an immediate and shifts by a
 * register into another register, the flags kept. */
enum { X64_F_BMI2 = 1024 };
/* AVX: the VEX forms of the SSE2-4 integer ops, with a destination of their
 * own (vpaddd d, a, b), so a lowering copies no operand first. */
enum { X64_F_AVX = 2048 };
extern unsigned x64_features;

/* A memory operand [base + index*scale + disp]; index X64_NOREG for none. */
struct x64_mem {
  uint8_t base, index, scale; /* scale is log2: 0..3 */
  int32_t disp;
};

static inline struct x64_mem x64_mem(unsigned base, int32_t disp) {
  return (struct x64_mem){base, X64_NOREG, 0, disp};
}

/* r14 points X64_STATE_BIAS bytes into the guest's state struct, so that
 * the one-byte displacements (-128..127) of [r14 + disp] reach its busiest
 * bytes: the end of struct cpu (the jump cache, exit_request, the lazy
 * flags) and the guest's first 27 integer registers: x1, say, is a 4-byte
 * mov r, [r14+disp8], not a 7-byte one with a 32-bit displacement. */
enum { X64_STATE_BIAS = offsetof(struct cpu, jc) + 128 };

/* [r14 + off - X64_STATE_BIAS]: byte off of the state struct (struct cpu
 * and the guest's registers after it) in translated code */
static inline struct x64_mem x64_cpu_field(size_t off) {
  return x64_mem(X64_R14, (int32_t)off - X64_STATE_BIAS);
}

/* x64_enc.c: pure encoders */
uint8_t x64_rex(int w, unsigned reg, unsigned index, unsigned base);
uint8_t x64_modrm(unsigned mod, unsigned reg, unsigned rm);
uint8_t x64_sib(unsigned scale, unsigned index, unsigned base);

/* x64_enc.c: generic forms */
void x64_bytes(struct tc_buf *b, const uint8_t *p, unsigned n);
void x64_op_rr(struct tc_buf *b, unsigned flags, uint32_t opc, unsigned reg, unsigned rm);
void x64_op_rm(struct tc_buf *b, unsigned flags, uint32_t opc, unsigned reg, struct x64_mem m);
void x64_imm(struct tc_buf *b, uint64_t imm, unsigned size);

/* x64_enc.c: appenders; w is 1 for a 64-bit operation, 0 for 32-bit */
void x64_alu_rr(struct tc_buf *b, int w, enum x64_alu op, unsigned dst, unsigned src);
void x64_alu_ri(struct tc_buf *b, int w, enum x64_alu op, unsigned dst, int32_t imm);
void x64_alu_ri32(struct tc_buf *b, enum x64_alu op, unsigned dst, int32_t imm);
void x64_alu_rm(struct tc_buf *b, int w, enum x64_alu op, unsigned dst, struct x64_mem m);
void x64_alu_mr(struct tc_buf *b, int w, enum x64_alu op, struct x64_mem m, unsigned src);
void x64_alu_mi(struct tc_buf *b, unsigned log2size, enum x64_alu op, struct x64_mem m,
                int32_t imm);
void x64_alu_rr_sized(struct tc_buf *b, unsigned log2size, enum x64_alu op, unsigned dst,
                      unsigned src);
void x64_mov_rr(struct tc_buf *b, int w, unsigned dst, unsigned src);
void x64_mov_ri(struct tc_buf *b, unsigned dst, uint64_t imm);
void x64_movabs(struct tc_buf *b, unsigned dst, uint64_t imm);
void x64_load(struct tc_buf *b, unsigned log2size, int sign, int w, unsigned dst, struct x64_mem m);
void x64_store(struct tc_buf *b, unsigned log2size, struct x64_mem m, unsigned src);
void x64_store_imm(struct tc_buf *b, unsigned log2size, struct x64_mem m, int32_t imm);
void x64_lea(struct tc_buf *b, int w, unsigned dst, struct x64_mem m);
void x64_unary(struct tc_buf *b, int w, enum x64_unary op, unsigned reg);
void x64_shift_ri(struct tc_buf *b, int w, enum x64_shift op, unsigned reg, uint8_t imm);
void x64_shift_cl(struct tc_buf *b, int w, enum x64_shift op, unsigned reg);
void x64_imul_rr(struct tc_buf *b, int w, unsigned dst, unsigned src);
void x64_imul_rri(struct tc_buf *b, int w, unsigned dst, unsigned src, int32_t imm);
void x64_test_rr(struct tc_buf *b, int w, unsigned x, unsigned y);
void x64_test_ri(struct tc_buf *b, int w, unsigned reg, int32_t imm);
void x64_test_mi(struct tc_buf *b, int w, struct x64_mem m, int32_t imm);
void x64_setcc(struct tc_buf *b, enum x64_cc cc, unsigned reg);
void x64_cmov(struct tc_buf *b, int w, enum x64_cc cc, unsigned dst, unsigned src);
void x64_movzx(struct tc_buf *b, unsigned bits, unsigned dst, unsigned src);
void x64_movsx(struct tc_buf *b, int w, unsigned bits, unsigned dst, unsigned src);
void x64_bsr(struct tc_buf *b, int w, unsigned dst, unsigned src);
void x64_bsf(struct tc_buf *b, int w, unsigned dst, unsigned src);
void x64_popcnt(struct tc_buf *b, int w, unsigned dst, unsigned src);
void x64_tzcnt(struct tc_buf *b, int w, unsigned dst, unsigned src);
void x64_rorx(struct tc_buf *b, int w, unsigned dst, unsigned src, uint8_t imm);
void x64_rorx_m(struct tc_buf *b, int w, unsigned dst, struct x64_mem m, uint8_t imm);
void x64_shiftx(struct tc_buf *b, int w, enum x64_shift op, unsigned dst, unsigned src,
                unsigned count);
void x64_lzcnt(struct tc_buf *b, int w, unsigned dst, unsigned src);
void x64_bswap(struct tc_buf *b, int w, unsigned reg);
void x64_bt_ri(struct tc_buf *b, int w, unsigned reg, uint8_t bit);
void x64_cmc(struct tc_buf *b);
void x64_stc(struct tc_buf *b);
void x64_popf(struct tc_buf *b);
void x64_cqo(struct tc_buf *b, int w);
void x64_xadd(struct tc_buf *b, unsigned log2size, struct x64_mem m, unsigned reg);
void x64_xchg(struct tc_buf *b, unsigned log2size, struct x64_mem m, unsigned reg);
void x64_cmpxchg(struct tc_buf *b, unsigned log2size, struct x64_mem m, unsigned reg);
void x64_ldmxcsr(struct tc_buf *b, struct x64_mem m);
void x64_stmxcsr(struct tc_buf *b, struct x64_mem m);
void x64_push(struct tc_buf *b, unsigned reg);
void x64_pop(struct tc_buf *b, unsigned reg);
void x64_ret(struct tc_buf *b);
void x64_call_r(struct tc_buf *b, unsigned reg);
void x64_jmp_r(struct tc_buf *b, unsigned reg);
void x64_jmp_m(struct tc_buf *b, struct x64_mem m);
void x64_call_rel(struct tc_buf *b, const void *target);
void x64_lea_rip(struct tc_buf *b, unsigned reg, const void *target);
void x64_cpu_ptr(struct tc_buf *b, unsigned reg);
void x64_jmp_rel(struct tc_buf *b, const void *target);
void x64_jcc_rel(struct tc_buf *b, enum x64_cc cc, const void *target);
uint8_t *x64_jcc8(struct tc_buf *b, enum x64_cc cc);
uint8_t *x64_jmp8(struct tc_buf *b);
uint8_t *x64_jcc32(struct tc_buf *b, enum x64_cc cc);
uint8_t *x64_jmp32(struct tc_buf *b);
void x64_fix8(struct tc_buf *b, uint8_t *rel);
void x64_fix32(struct tc_buf *b, uint8_t *rel);
void x64_nops(struct tc_buf *b, unsigned n);
void x64_branch_pad(struct tc_buf *b, unsigned n);
int x64_rel32_ok(const uint8_t *from, const void *target);

/* x64_enc_sse.c: vector appenders (xmm numbers 0..15) */
void x64_sse_rr(struct tc_buf *b, enum x64_sse op, unsigned reg, unsigned rm);
void x64_sse_rm(struct tc_buf *b, enum x64_sse op, unsigned reg, struct x64_mem m);
void x64_sse_rri(struct tc_buf *b, enum x64_sse op, unsigned reg, unsigned rm, uint8_t imm);
void x64_movq_xr(struct tc_buf *b, int w, unsigned xmm, unsigned gpr);
void x64_movq_rx(struct tc_buf *b, int w, unsigned gpr, unsigned xmm);
void x64_pinsr(struct tc_buf *b, unsigned lane, unsigned xmm, unsigned gpr, uint8_t idx);
void x64_pextr(struct tc_buf *b, unsigned lane, unsigned gpr, unsigned xmm, uint8_t idx);
void x64_sse_shift_ri(struct tc_buf *b, enum x64_sse_shift op, unsigned xmm, uint8_t imm);
void x64_sse_rr_w(struct tc_buf *b, enum x64_sse op, int w, unsigned reg, unsigned rm);
uint8_t x64_vex_rxbm(unsigned reg, unsigned index, unsigned base, unsigned map);
uint8_t x64_vex_wvlp(int w, unsigned vvvv, int l, unsigned pp);
void x64_vfmadd213(struct tc_buf *b, unsigned lg, int scalar, unsigned dst, unsigned src1,
                   unsigned src2);
void x64_vcmpp(struct tc_buf *b, unsigned lg, unsigned dst, unsigned src1, unsigned src2,
               uint8_t pred);
/* The VEX opcode bytes (map 0F 38) of the AVX2 variable shifts; w picks q over d lanes. */
enum x64_vshiftv { X64_VPSRLV = 0x45, X64_VPSRAV = 0x46, X64_VPSLLV = 0x47 };
void x64_vshiftv(struct tc_buf *b, enum x64_vshiftv op, int w, unsigned dst, unsigned src,
                 unsigned count);
void x64_crc32(struct tc_buf *b, unsigned log2size, unsigned dst, unsigned src);
unsigned x64_vex_map(uint32_t op);
unsigned x64_vex_pp(uint32_t op);
void x64_vex_rrr(struct tc_buf *b, enum x64_sse op, unsigned dst, unsigned src1, unsigned src2);
void x64_vex_rm(struct tc_buf *b, enum x64_sse op, unsigned dst, unsigned src1, struct x64_mem m,
                int imm);
void x64_vex_shift_ri(struct tc_buf *b, enum x64_sse_shift op, unsigned dst, unsigned src,
                      uint8_t imm);

/* Where a value lives. X64_LOC_STATE: a GET's value still in the guest
 * state at offset slot, reg the log2 of its size (x64_stateget.c); in a
 * deferred store's record only as an operand of lazy flags. X64_LOC_XHALF:
 * a GET of the low half of a vector register a loop carries, still in
 * that register's xmm reg, for the one VZEXT64 that reads it. */
enum { X64_NARROW_LOADED = 2 };
enum x64_loc_kind {
  X64_LOC_NONE,
  X64_LOC_REG,
  X64_LOC_SLOT,
  X64_LOC_CONST,
  X64_LOC_STATE,
  X64_LOC_XHALF
};
struct x64_loc {
  uint8_t kind;
  uint8_t reg;
  uint16_t slot;
};

enum { X64_SLOTS = 128, X64_FRAME = X64_SLOTS * 8 + 8 };

/* Linear-scan register allocation over one straight-line block. */
struct x64_ra {
  uint32_t *last_use;  /* per value: index of its last use, 0 if unused */
  uint32_t *next_call; /* per index: first call at or after it, or UINT32_MAX */
  uint32_t *reader;    /* per value: the one instruction reading it, UINT32_MAX if several */
  struct x64_loc *loc; /* per value */
  uint32_t *die_head;  /* per index: the first value whose last use it is */
  uint32_t *die_next;  /* per value: the next one with the same last use */
  uint32_t reg_val[16];
  uint32_t xmm_val[16]; /* the v128 value in each xmm register, 0 = free */
  uint64_t slot_used[X64_SLOTS / 64];
  uint16_t pinned;  /* registers the allocator never gives out, spills or frees (x64_loop.c) */
  uint16_t xpinned; /* the same for xmm registers */
  unsigned spills;  /* general-purpose registers spilled so far */
  unsigned vspills; /* xmm registers spilled so far */
  uint32_t *writes_scratch; /* per index: instructions up to it that write rcx or rdx, or NULL */
  uint32_t def;             /* the value the instruction being lowered defines, or 0 */
  int scratch_fixed;        /* rcx and rdx are scratch only (x64_scratch_busy was set) */
};

/* x64_fuse.c: what a value needs beyond (or instead of) a register of its own. */
enum x64_fuse {
  X64_FUSE_NONE,
  X64_FUSE_SETCC,    /* COND: setcc from the host flags */
  X64_FUSE_CC,       /* EXIT_IF, DEOPT_IF, SELECT: jcc or cmovcc on a COND's host condition */
  X64_FUSE_VIRTUAL,  /* COND, CMP or FLAGS_*: no value, only host flags */
  X64_FUSE_ADDR,     /* ADD or SHL: part of a memory operand, no value */
  X64_FUSE_LOOSE,    /* TRUNC, ZEXT.32: no value of its own, users read the operand's register */
  X64_FUSE_LAZY,     /* a CCMP's flags select, its condition, a COND on it: no value, no
                        code; the flags PUT stores it lazily, EXIT_IF branches twice */
  X64_FUSE_SPLIT,    /* EXIT_IF on a COND of such a select: two branches on the flags ops */
  X64_FUSE_BITTEST,  /* AND with one bit, only compared with 0 (TBZ): the CMP is a bt */
  X64_FUSE_TESTMASK, /* AND with a 32-bit mask, only the condition of the EXIT_IF or
                        DEOPT_IF after it: that one is test x, mask */
  X64_FUSE_TABLE,    /* VCONST, the table of the one VTBL that reads it, which x64_table
                        can do without it (pshufd, or shifts): no value */
  X64_FUSE_REM,      /* MUL of x - (x / y) * y just after the division: no value, no code;
                        the SUB reads the remainder the division left in rdx */
};

/* x64_fuse.c: a flags select, SELECT(COND(cc1, f1), f2, k) of two FLAGS_ADD/SUB/LOGIC ops
 * and a constant nibble, as A64's CCMP makes it (X64_FUSE_LAZY). */
struct x64_lazy_sel {
  uint32_t f1, f2; /* the flags ops */
  uint8_t cc1, k;  /* the condition on f1 (enum ir_cc); the nibble when it fails */
};

/* x64_defer.c: at most this many deferred stores are pending at once. */
enum { X64_DEFER_MAX = 16 };
struct x64_defer_rec;

/* x64_loop.c: a guest-state slot a loop block keeps out of the state struct
 * from its header to its exits. */
enum { X64_CARRY_MAX = 16 };
struct x64_carry {
  uint32_t off;  /* state offset */
  uint8_t size;  /* 4 or 8 bytes, or 16: a v128 */
  uint8_t reg;   /* the host register (an xmm for a v128) holding it at the loop header;
                    X64_NOREG: none, nothing observes it before the block writes it */
  uint8_t wrote; /* the block writes it (else the state struct stays exact) */
  uint8_t
      early; /* x64_loop_back_edge: stored before the moves (its value is in a pinned register) */
  uint32_t cur;    /* the PUT whose value it holds now; 0: the value it had at the header */
  uint32_t lo, hi; /* a v128 slot's PUTs of its low or high 8 bytes since cur (0: none;
                      both set: cur is 0, they replaced it) */
};
/* x64_cold.c: side exits' paths moved after the block's last instruction */
enum { X64_COLD_PATHS = 32, X64_COLD_BYTES = 4096 };
struct x64_cold_path {
  uint32_t from, len;                    /* where it was emitted (offset in the block), its bytes */
  uint32_t at;                           /* in x64_cold.bytes */
  uint32_t rel;                          /* offset of the rel32 of the jump to it */
  uint32_t also;                         /* of a second one, or 0 */
  uint32_t reloc0, reloc1, exit0, exit1; /* its relocations and exits */
  uint32_t back, back_to; /* a jump back into the block (x64_cold_rejoin): its rel32's offset
                             in the path and the target's in the block; back 0: none */
  unsigned direct;        /* 1 + the index of the exit whose jump is the jcc (x64_cold.c), or 0 */
};
struct x64_cold {
  unsigned n_paths;
  uint32_t n_bytes;
  /* Last, and not zeroed for each translation (x64_ctx_init): written before read. */
  struct x64_cold_path path[X64_COLD_PATHS];
  uint8_t bytes[X64_COLD_BYTES];
};
/* What the block had before a path: x64_cold_end moves it or leaves it. */
struct x64_cold_mark {
  uint8_t *skip; /* the rel32 of the jump (inverted condition) over the path */
  uint8_t *from;
  uint32_t n_relocs, n_exits, n_pcmap;
  unsigned unrelocated;
  int direct_only; /* moved only where the jcc can be the exit's jump */
  uint8_t *also;   /* the rel32 of a second jump to the path, or NULL */
  uint8_t *back;   /* the rel32 of the path's jump back into the block, or NULL */
};

struct x64_ctx;
struct x64_loop {
  unsigned n;   /* carried slots; 0: not a loop block */
  uint32_t end; /* the last back edge: after it, the slots are in the state struct again */
  int closed;   /* past end */
  unsigned max_pins, pins;   /* registers it may pin, and pinned */
  unsigned max_xpins, xpins; /* xmm registers it may pin, and pinned */
  unsigned spills, vspills;  /* x64_ra's spills and vspills at the close: inside the loop */
  struct x64_carry c[X64_CARRY_MAX];
  uint8_t *carry_of; /* per insn: 1 + the index of the carried slot a GET or PUT reaches, or 0 */
  uint8_t *half_of;  /* per insn: a GET or PUT of a v128 slot's low (1) or high (2) 8 bytes */
  uint8_t *header;   /* where the back edges go: after the loads */
  void (*store)(struct x64_ctx *, uint32_t); /* a PUT's store, for the back edges' stubs */
  unsigned freed; /* pinned slots (x64_pin.c's masks: bit k for x64_pins[k]) the loop never
                     reaches: their registers are the loop's, the slots stored at the
                     block's start and loaded on its ways out */
  int lazy;       /* the first of three carries (lazy_a, lazy_b, lazy_op) that keep the
                     flags slot as its lazy image (x64_pin_lazy); -1: none */
};

struct x64_ctx {
  const struct ir_block *ir;
  struct tc_block *blk;
  struct tc_buf *buf;
  struct x64_ra ra;
  uint8_t *fuse;   /* per value: enum x64_fuse */
  uint8_t *recmp;  /* COND: sets its FLAGS_* operand's flags again; FLAGS_*: only there */
  uint8_t *keeps;  /* per value: x64_keeps_flags, decided once by the walk */
  uint8_t *narrow; /* GET of an i64 only TRUNCs and ZEXT.32s read (x64_fuse.c): X64_NARROW_LOADED
                      once x64_lower_get loaded it as 32 bits (not a pinned or carried slot) */
  uint8_t *eager;  /* per PUT: deferred, but stored where it stands (x64_defer_init); or NULL */
  uint8_t *lane0;  /* v128 whose every reader reads lane 0's 8 bytes at most (x64_fuse.c):
                      a scalar FP result needs no high half cleared */
  bool has_vec;    /* a v128 value in the block (x64_check) */
  /* What x64_fuse_init's walk listed, for the walks after it to visit only
   * those: the PUTs and the GETs in order; the last back edge (0: none). */
  uint32_t *puts, *gets, n_puts, n_gets, back_edge;
  uint32_t host_cc;                  /* the FLAGS_* op whose flags the host flags hold, 0 = none */
  uint32_t host_alu;                 /* the ALU op whose x86 flags the host flags hold, 0 = none */
  uint32_t host_alu_next;            /* set by a lowering that ends in such an ALU instruction */
  uint32_t defer_set[X64_DEFER_MAX]; /* the deferred PUTs pending (x64_defer.c) */
  unsigned n_defer_set;
  struct x64_defer_rec *recs; /* their records at each memory access */
  uint32_t n_recs, cap_recs;
  struct {
    uint32_t first, count;
  } last_recs; /* the records of the last pcmap entry that has some (x64_defer_record) */
  struct x64_loop loop;
  unsigned unrelocated; /* rel32s no relocation describes (x64_call_host): none may move */
  uint64_t guest_pc;    /* of the last MARK */
  uint64_t ret_push;    /* a RET_PUSH's return pc, for the call that ends the block; 0: none */
  const char *error;    /* set when the block cannot be translated */
  struct x64_cold cold; /* last: its 5 KB of paths are not zeroed (x64_ctx_init) */
};

/* x64_tramp.c */
extern uint8_t *x64_entry_tramp, *x64_exit_tramp, *x64_exit_chain, *x64_jc_miss, *x64_jc_other_pair;
extern uint8_t *x64_ras_miss;
extern uint8_t *x64_hot_exit;

/* x64_lazy.c: lazily kept flags read back (the shared routines, edx = flags_off) */
extern uint8_t *x64_lazy_flags, *x64_lazy_pack;
void x64_emit_lazy(struct tc_buf *b);
void x64_lazy_call(struct x64_ctx *x, const uint8_t *routine);
void x64_init(struct tc_buf *buf);
uintptr_t x64_enter(struct cpu *c, const void *code);
const void *x64_jc_miss_code(void);
uint8_t *x64_jc_probe_pair(struct tc_buf *b);

/* x64_ras.c: the return-address stack */
uint8_t *x64_ras_push(struct x64_ctx *x, unsigned exits);
void x64_ras_stub(struct x64_ctx *x, uint8_t *rel);
void x64_ras_pop(struct x64_ctx *x);
void x64_emit_ras_miss(struct tc_buf *b);
const void *x64_ras_miss_code(void);
void x64_patch(struct tc_exit *e, const void *code);
void x64_patch_at(uint8_t *jump, const uint8_t *to);
uint32_t x64_fpexc_of_mxcsr(uint32_t mxcsr);
uint32_t x64_fault_fpexc(const void *uctx);
void x64_fp_clear(void);

/* x64_stateget.c */
void x64_state_gets(struct x64_ctx *x);
int x64_state_mem(struct x64_ctx *x, uint32_t ref, int w, struct x64_mem *m);
int x64_state_swaps(struct x64_ctx *x, const struct ir_insn *in);

/* x64_regalloc.c */
int x64_is_call(const struct ir_block *b, const struct ir_insn *in);
int x64_is_flags_get(const struct ir_block *b, const struct ir_insn *in);
int x64_is_lazy_put(const struct ir_block *b, const struct ir_insn *in);
int x64_reads_lazily(struct x64_ctx *x, uint32_t ref);
/* Inline: asked of every instruction, several times per block. */
static inline int x64_has_value(const struct ir_insn *in) {
  switch (in->op) {
  case IR_NOP:
  case IR_PUT:
  case IR_STORE:
  case IR_FENCE:
  case IR_EXIT_IF:
  case IR_DEOPT_IF:
  case IR_GOTO:
  case IR_JUMP:
  case IR_SYSCALL:
  case IR_TRAP:
  case IR_CODE_INVAL: return 0;
  case IR_CALL: return in->type != IR_VOID;
  default: return 1;
  }
}
/* A value that gets a register: not one that lives only in the host flags. */
static inline int x64_needs_reg(struct x64_ctx *x, uint32_t ref) {
  return x64_has_value(&x->ir->insn[ref]) && x->fuse[ref] != X64_FUSE_VIRTUAL &&
         x->fuse[ref] != X64_FUSE_ADDR && x->fuse[ref] != X64_FUSE_LOOSE &&
         x->fuse[ref] != X64_FUSE_LAZY && x->fuse[ref] != X64_FUSE_BITTEST &&
         x->fuse[ref] != X64_FUSE_TESTMASK && x->fuse[ref] != X64_FUSE_TABLE &&
         x->fuse[ref] != X64_FUSE_REM;
}
struct x64_mem x64_slot_mem(unsigned slot);
int x64_ra_init(struct x64_ctx *x);
int x64_ra_dies(struct x64_ctx *x);
void x64_ra_free(struct x64_ctx *x);
void x64_ra_call(struct x64_ctx *x, uint32_t ref);
void x64_ra_evict(struct x64_ctx *x, uint16_t regs);
void x64_ra_def(struct x64_ctx *x, uint32_t ref, uint32_t hint);
void x64_ra_release(struct x64_ctx *x, uint32_t ref, int has_reg);
unsigned x64_dst(struct x64_ctx *x, uint32_t ref);
unsigned x64_src(struct x64_ctx *x, uint32_t ref, unsigned scratch);
void x64_load_value(struct x64_ctx *x, unsigned reg, uint32_t ref);

/* x64_scratch.c */
extern const char x64_scratch_busy[];
int x64_scratch_ok(struct x64_ctx *x, uint32_t ref);
void x64_scratch_free(struct x64_ctx *x, unsigned reg);
void x64_scratch_load(struct x64_ctx *x, unsigned reg, uint32_t ref);
int x64_const_imm32(struct x64_ctx *x, uint32_t ref, int w, int32_t *imm);
int x64_is_v128(struct x64_ctx *x, uint32_t ref);
void x64_vload_value(struct x64_ctx *x, unsigned xmm, uint32_t ref);
unsigned x64_vsrc(struct x64_ctx *x, uint32_t ref, unsigned scratch);

/* x64_lower_vec.c */
unsigned x64_feat(void);
int x64_vec_native(const struct ir_insn *in);
void x64_vconst_to(struct x64_ctx *x, unsigned xmm, struct ir_v128 v, unsigned tmp);
void x64_vsplit(struct x64_ctx *x, uint32_t ref, unsigned lo_reg, unsigned hi_reg);
/* ref's value from a fallback call's return: rax, or rdx:rax for a v128. */
void x64_call_result(struct x64_ctx *x, uint32_t ref);
void x64_lower_vec(struct x64_ctx *x, uint32_t ref);
void x64_lower_vmem(struct x64_ctx *x, uint32_t ref, void (*pcmap)(struct x64_ctx *));

/* x64_lower_crypto.c */
int x64_crypto_needs(const struct ir_insn *in);
void x64_lower_crypto(struct x64_ctx *x, uint32_t ref);
void x64_lower_crc32c(struct x64_ctx *x, uint32_t ref);
void x64_lower_sha256rnds2(struct x64_ctx *x, uint32_t ref);

/* x64_lower_vf.c */
int x64_vf_needs(const struct ir_insn *in);
void x64_lower_vf(struct x64_ctx *x, uint32_t ref);
void x64_vf_push(struct x64_ctx *x, uint32_t ref);

/* x64_fuse.c */
int x64_fuse_init(struct x64_ctx *x);
int x64_is_cc_value(unsigned op);
enum x64_cc x64_vfchk_cc(struct x64_ctx *x, uint32_t ref);
int x64_sets_cc_op(struct x64_ctx *x, uint32_t ref);
/* Does ref lower to an x86 instruction whose flags a condition can read
 * (x64_fuse.c)? Asked of every instruction twice: most ops are told
 * without a call. */
static inline int x64_sets_cc(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = &x->ir->insn[ref];
  if (in->op == IR_GET ? in->imm != x->ir->flags_off || !x->ir->flags_off
                       : !(ir_props(in->op) & IRP_TEST))
    return 0;
  return x64_sets_cc_op(x, ref);
}
/* x64_lower_vf.c: FP compares whose flags a COND reads */
int x64_fcmp_fusable(const struct ir_insn *in);
int x64_fcmp_cc(unsigned cc);
int x64_fcmp_ab(unsigned cc);
void x64_vfcmp_flags(struct x64_ctx *x, uint32_t f, int ab);
enum x64_cc x64_cmp_cc(unsigned cmp);
uint32_t x64_cc_source(struct x64_ctx *x, uint32_t cond);
int x64_keeps_flags(struct x64_ctx *x, uint32_t ref);
enum x64_cc x64_cond_cc(struct x64_ctx *x, uint32_t cond);
int x64_bittest_bit(struct x64_ctx *x, uint32_t cmp);
int x64_div_rem(struct x64_ctx *x, uint32_t q);
unsigned x64_reads_all(struct x64_ctx *x, uint32_t ref, uint32_t out[6]);
/* The values whose registers ref reads (x64_reads_all). Inline for the
 * common case, where each operand is read from its own register: the
 * allocator asks it of every instruction. */
static inline unsigned x64_reads(struct x64_ctx *x, uint32_t ref, uint32_t out[6]) {
  const struct ir_block *b = x->ir;
  const struct ir_insn *in = &b->insn[ref];
  if (in->op == IR_NOP || in->op == IR_CONST)
    return 0;
  if ((in->op == IR_COND && x->recmp[ref]) ||
      (in->op == IR_PUT && b->flags_off && in->imm == b->flags_off) ||
      x->fuse[ref] == X64_FUSE_SPLIT)
    return x64_reads_all(x, ref, out);
  const uint32_t ops[3] = {in->a, in->b, in->c};
  unsigned n = 0, nargs = ir_op_info[in->op].nargs;
  for (unsigned k = 0; k < nargs; k++) {
    uint32_t v = ops[k];
    if (!v)
      continue;
    if (x->fuse[v] == X64_FUSE_ADDR || x->fuse[v] == X64_FUSE_LOOSE ||
        x->fuse[v] == X64_FUSE_BITTEST || x->fuse[v] == X64_FUSE_TESTMASK ||
        x->fuse[v] == X64_FUSE_REM)
      return x64_reads_all(x, ref, out);
    out[n++] = v;
  }
  return n;
}
uint32_t x64_resolve(struct x64_ctx *x, uint32_t ref);
int x64_is_lazy_sel_put(struct x64_ctx *x, const struct ir_insn *in);
struct x64_lazy_sel x64_lazy_sel(struct x64_ctx *x, uint32_t sel);
int x64_flags_cc(struct x64_ctx *x, uint32_t f, unsigned cc);
struct x64_addr_parts {
  uint32_t base, index; /* values; index 0 = none */
  uint8_t scale;        /* log2 */
  int32_t disp;
};
struct x64_addr_parts x64_addr_parts(struct x64_ctx *x, uint32_t ref);
/* How a VTBL with the constant table t is done without t in a register:
 * pshufd with imm where t moves whole 32-bit words; a rotation right of
 * lanes of 1 << aux bytes by k bytes, two shifts and an OR (opt_vperm.c
 * makes such tables of the guests' rotations); else none (pshufb). */
enum x64_table_kind { X64_TABLE_NONE, X64_TABLE_WORDS, X64_TABLE_ROTATE };
struct x64_table {
  enum x64_table_kind kind;
  uint8_t imm, aux, k;
};
struct x64_table x64_table_of(const struct ir_v128 *t);

/* x64_defer.c */
int x64_defer_init(struct x64_ctx *x);
void x64_defer_put(struct x64_ctx *x, uint32_t ref, void (*store)(struct x64_ctx *, uint32_t));
void x64_defer_before_put(struct x64_ctx *x, uint32_t ref,
                          void (*store)(struct x64_ctx *, uint32_t));
void x64_defer_flush(struct x64_ctx *x, void (*store)(struct x64_ctx *, uint32_t));
void x64_defer_record(struct x64_ctx *x, struct tc_pcmap *e);
void x64_defer_finish(struct x64_ctx *x);
void x64_defer_discard(struct x64_ctx *x);
void x64_defer_add_put(struct x64_ctx *x, uint32_t p);
void x64_defer_add_reg(struct x64_ctx *x, uint32_t state_off, unsigned size, unsigned reg);
int x64_defer_put_reads(struct x64_ctx *x, uint32_t p, uint16_t regs);
void x64_defer_set_mark(struct x64_ctx *x, uint32_t header_off, unsigned freed);
void x64_defer_mark_close(struct x64_ctx *x, uint32_t close_off);
int x64_defer_mark(const struct tc_block *blk, uint32_t *header_off);
void x64_fault_state(const struct tc_block *blk, const void *host_pc, const void *uctx,
                     struct cpu *c);
void x64_relocate_data(void *data, uint32_t size, uint64_t guest_delta);

/* x64_cold.c */
struct x64_cold_mark x64_cold_begin(struct x64_ctx *x, uint8_t *skip);
int x64_cold_end(struct x64_ctx *x, const struct x64_cold_mark *m);
void x64_cold_rejoin(struct x64_ctx *x, int path, uint8_t *back);
void x64_cold_emit(struct x64_ctx *x);

/* x64_loop.c */
int x64_loop_init(struct x64_ctx *x);
/* The last instruction between PUT p and end that can see its bytes, or p. */
uint32_t x64_last_observer(const struct ir_block *b, uint32_t p, uint32_t end);
/* An exit to the block's own start: a loop's way round. */
static inline int x64_is_back_edge_insn(const struct ir_block *b, const struct ir_insn *in) {
  return ((in->op == IR_EXIT_IF) | (in->op == IR_GOTO)) & (in->imm == b->guest_pc); /* no branch */
}
/* The last back edge of a block that may carry slots around one (a back
 * edge and no call of C code), or 0. */
uint32_t x64_loop_end_of(const struct ir_block *b, uint32_t back_edge);
void x64_loop_header(struct x64_ctx *x);
int x64_loop_get(struct x64_ctx *x, uint32_t ref);
int x64_loop_get_half(struct x64_ctx *x, uint32_t ref);
/* The xmm register of the carried vector register whose low half GET ref
 * reads, or -1. */
int x64_loop_half_xmm(struct x64_ctx *x, uint32_t ref);
int x64_loop_carries(struct x64_ctx *x, uint32_t ref);
unsigned x64_loop_target(struct x64_ctx *x, uint32_t ref, uint32_t hint);
/* x64_regalloc.c: r, when ref (operand hint) can be defined in register r that a
 * guest slot keeps (x64_loop.c, x64_pin.c), else X64_NOREG. */
unsigned x64_target_in(struct x64_ctx *x, uint32_t ref, uint32_t hint, unsigned r);
/* x64_regalloc.c: ref is in register r that a guest slot keeps, which
 * other values may hold too (vec: an xmm register). */
void x64_ra_share(struct x64_ctx *x, uint32_t ref, unsigned r, int vec);
int x64_loop_put(struct x64_ctx *x, uint32_t ref);
void x64_loop_record(struct x64_ctx *x);
void x64_loop_flush(struct x64_ctx *x, void (*store)(struct x64_ctx *, uint32_t));
void x64_loop_unfree(struct x64_ctx *x);
int x64_is_back_edge(struct x64_ctx *x, uint32_t ref);
void x64_loop_close(struct x64_ctx *x, uint32_t ref, void (*store)(struct x64_ctx *, uint32_t));
void x64_loop_back_edge(struct x64_ctx *x, void (*store)(struct x64_ctx *, uint32_t));
const uint8_t *x64_loop_entry(const struct tc_block *blk);
/* What a block's translations may pin, and what the ones before gave. */
struct x64_limits {
  unsigned pins, xpins;
  int scratch_fixed;
  int tried, settled; /* x64_loop_retry: a translation with pins seen; the last one is due */
  int best_cost;      /* of those: the fewest spills less pinned slots, */
  unsigned best_pins; /* with that many pins */
};
int x64_loop_retry(struct x64_ctx *x, struct x64_limits *lim);
enum { X64_PIN_MAX = 8, X64_XPIN_MAX = 8 };

/* x64_pin.c: guest-state slots kept in host registers in all translated code */
enum { X64_GPIN_MAX = 5 };
struct x64_pin {
  uint32_t off; /* state offset of an 8-byte slot */
  uint8_t reg;  /* the host register holding it */
};
extern struct x64_pin x64_pins[X64_GPIN_MAX];
extern unsigned x64_n_pins;
extern uint16_t x64_pin_mask; /* their host registers */
void x64_pin_slots(const uint32_t *offs, unsigned n);
uint64_t x64_pin_key(void);
int x64_pin_at(uint32_t off);
unsigned x64_pin_overlaps(uint32_t off, unsigned size);
void x64_pin_store(struct tc_buf *b, unsigned mask);
void x64_pin_load(struct tc_buf *b, unsigned mask);
unsigned x64_pin_all(void);
int x64_pin_syncs(const struct ir_insn *in);
int x64_pin_get(struct x64_ctx *x, uint32_t ref);
int x64_pin_lower_get(struct x64_ctx *x, uint32_t ref, int *load);
int x64_pin_put(struct x64_ctx *x, uint32_t ref, void (*store)(struct x64_ctx *, uint32_t));
int x64_pin_puts(const struct ir_insn *in);
unsigned x64_pin_target(struct x64_ctx *x, uint32_t ref, uint32_t hint);
void x64_pin_fault(const void *uctx, struct cpu *c, unsigned freed);
uint16_t x64_pin_regs_of(unsigned mask);

/* x64_reloc.c: addresses of this run, recorded as relocations (tcache.h) */
void x64_mov_guest(struct x64_ctx *x, unsigned reg, uint64_t addr);
void x64_cmp_guest(struct x64_ctx *x, unsigned reg, uint64_t addr, unsigned scratch);
void x64_reloc_guest_disp(struct x64_ctx *x, unsigned tail);
bool x64_is_guest32(const struct x64_ctx *x, uint32_t ref);
void x64_store_guest(struct x64_ctx *x, struct x64_mem m, uint32_t ref);
void x64_mov_host(struct x64_ctx *x, unsigned reg, uint64_t p);
void x64_mov_exit(struct x64_ctx *x, unsigned reg, const struct tc_exit *e);
void x64_mov_block(struct x64_ctx *x, unsigned reg, const void *p);
void x64_call_host(struct x64_ctx *x, uint64_t fn);
bool x64_sse_rm_host(struct x64_ctx *x, enum x64_sse op, unsigned reg, const void *p);
bool x64_vex_rm_host(struct x64_ctx *x, enum x64_sse op, unsigned dst, unsigned src1, const void *p,
                     int imm);
void x64_jmp_shared(struct x64_ctx *x, const void *target);
void x64_jcc_shared(struct x64_ctx *x, enum x64_cc cc, const void *target);
void x64_call_shared(struct x64_ctx *x, const void *target);

/* x64_lower.c */
/* d = the nibble N*8 + Z*4 + C*2 + V of the x86 flags just set, ccc the x86
 * condition that is Arm's C; changes rcx, not the host flags. */
void x64_nzcv(struct tc_buf *b, unsigned d, enum x64_cc ccc);
void x64_lower(struct x64_ctx *x, uint32_t ref);
void x64_exit_to(struct x64_ctx *x, uint64_t target_pc);
void x64_exit_checked(struct x64_ctx *x, uint64_t target_pc);
void x64_exit_via(struct x64_ctx *x, uint64_t target_pc, void (*stub)(struct x64_ctx *));
void x64_store_reg(struct x64_ctx *x, unsigned size, uint32_t off, unsigned reg);
void x64_exit_plain(struct x64_ctx *x, uint64_t pc, enum cpu_exit status);
void x64_countdown(struct x64_ctx *x);
void x64_flush_deferred(struct x64_ctx *x);
struct x64_mem x64_addr(struct x64_ctx *x, uint32_t mem);

#endif
