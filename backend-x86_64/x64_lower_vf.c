/* x64_lower_vf.c - lowering the floating-point vector ops (VF*, ir_ops.def) to
 * SSE2, VFROUND to SSE4.1 and VFMA to FMA3.
 *
 * An op works on the lanes of its extent (ir.h): all of them, the low 64 bits,
 * or lane 0. One lane uses the scalar ss/sd form and then clears the other
 * lanes; two binary32 lanes use the packed form on copies whose upper half is
 * zero (0 op 0 raises nothing; 0/0 never happens: the verifier refuses binary32
 * division of half a vector) and clear the result; all the lanes use the
 * packed form as it is.
 *
 * The exceptions the ops raise accumulate in MXCSR while translated code runs
 * (x64_tramp.c folds them into cpu->fp_pending), so nothing here may raise one
 * the op does not: masks and constants are built with integer ops, and the
 * compares that fix up a conversion's NaN and overflow lanes only run on lanes
 * whose conversion already raised invalid for them.
 *
 * What has no native form (VFTOU everywhere, VFMA without FMA3, VFROUND without
 * SSE4.1) is a call of x64_vf_fallback, which runs ir_vfeval in C and leaves the
 * op's exceptions in MXCSR as an instruction would.
 */
#include <fenv.h>
#include <xmmintrin.h>
#include "x64.h"
#include "../ir/ir_eval.h"

/* The four encodings of one FP operation. */
struct x64_vf_form {
  enum x64_sse ps, pd, ss, sd;
};

static const struct x64_vf_form x64_vf_add = {X64_ADDPS, X64_ADDPD, X64_ADDSS, X64_ADDSD};
static const struct x64_vf_form x64_vf_sub = {X64_SUBPS, X64_SUBPD, X64_SUBSS, X64_SUBSD};
static const struct x64_vf_form x64_vf_mul = {X64_MULPS, X64_MULPD, X64_MULSS, X64_MULSD};
static const struct x64_vf_form x64_vf_div = {X64_DIVPS, X64_DIVPD, X64_DIVSS, X64_DIVSD};
static const struct x64_vf_form x64_vf_sqrt = {X64_SQRTPS, X64_SQRTPD, X64_SQRTSS, X64_SQRTSD};
static const struct x64_vf_form x64_vf_cmp = {X64_CMPPS, X64_CMPPD, X64_CMPSS, X64_CMPSD};
static const struct x64_vf_form x64_vf_max = {X64_MAXPS, X64_MAXPD, X64_MAXSS, X64_MAXSD};
static const struct x64_vf_form x64_vf_min = {X64_MINPS, X64_MINPD, X64_MINSS, X64_MINSD};
static const struct x64_vf_form x64_vf_round = {X64_ROUNDPS, X64_ROUNDPD, X64_ROUNDSS, X64_ROUNDSD};

/* cmpps predicates (imm8): LT/LE signal invalid for any NaN, EQ/ORD only for a signalling one;
 * EQ_UQ (equal or unordered, quiet) only in the VEX form (x64_vcmpp). */
enum {
  X64_CMP_EQ_OQ = 0,
  X64_CMP_LT_OS = 1,
  X64_CMP_LE_OS = 2,
  X64_CMP_ORD_Q = 7,
  X64_CMP_EQ_UQ = 8
};

/* 2^31 and 2^63 in binary32 and binary64: where a signed conversion overflows. */
enum { X64_F32_2P31 = 0x4f000000, X64_F32_2P63 = 0x5f000000, X64_F32_2P16 = 0x47800000 };
static const uint64_t x64_f64_2p31 = 0x41e0000000000000ull, x64_f64_2p63 = 0x43e0000000000000ull;

static const struct ir_insn *x64_vfin(struct x64_ctx *x, uint32_t ref) {
  return &x->ir->insn[ref];
}

static unsigned x64_vf_bytes(unsigned aux) {
  return ir_vf_lanes(aux) << (aux & 3);
}

/* More than one lane but not all: two binary32 lanes, done packed on zero-extended halves. */
static int x64_vf_part(unsigned aux) {
  return ir_vf_lanes(aux) > 1 && x64_vf_bytes(aux) < 16;
}

static enum x64_sse x64_vf_op(const struct x64_vf_form *f, unsigned aux) {
  int one = ir_vf_lanes(aux) == 1, dbl = (aux & 3) == 3;
  return one ? (dbl ? f->sd : f->ss) : (dbl ? f->pd : f->ps);
}

/* Zero the bytes of xmm beyond the extent of aux. */
static void x64_vf_clear(struct tc_buf *b, unsigned xmm, unsigned aux) {
  unsigned bytes = x64_vf_bytes(aux);
  if (bytes == 8) {
    x64_sse_rr(b, X64_MOVQ_LOAD, xmm, xmm); /* movq xmm, xmm: bits 64..127 zeroed */
  } else if (bytes == 4) {
    x64_sse_shift_ri(b, X64_PSLLDQ, xmm, 12); /* pslldq xmm, 12 */
    x64_sse_shift_ri(b, X64_PSRLDQ, xmm, 12); /* psrldq xmm, 12: bits 32..127 zeroed */
  }
}

/* The same for result ref in d, unless its readers read no more than its
 * low 8 bytes (x64_fuse.c): then they stay as the op left them, off the
 * dependency chain of scalar FP code (mulsd; addsd, not mulsd; movq; addsd). */
static void x64_vf_clear_result(struct x64_ctx *x, uint32_t ref, unsigned d, unsigned aux) {
  if (x64_vf_bytes(aux) == 8 && x->lane0[ref])
    return;
  x64_vf_clear(x->buf, d, aux);
}

/* xmm = the v128 ref with the lanes outside aux's extent zero. */
static void x64_vf_load(struct x64_ctx *x, unsigned xmm, uint32_t ref, unsigned aux) {
  if (x64_vf_bytes(aux) == 8) {
    x64_sse_rr(x->buf, X64_MOVQ_LOAD, xmm, x64_vsrc(x, ref, xmm)); /* movq xmm, src */
    return;
  }
  x64_vload_value(x, xmm, ref);
  x64_vf_clear(x->buf, xmm, aux);
}

/* An xmm with the operand ref's lanes in the extent and zero elsewhere: ref's own
 * register when the extent is every lane, else scratch. */
static unsigned x64_vf_src(struct x64_ctx *x, uint32_t ref, unsigned aux, unsigned scratch) {
  if (x64_vf_bytes(aux) == 16)
    return x64_vsrc(x, ref, scratch);
  x64_vf_load(x, scratch, ref, aux);
  return scratch;
}

/* xmm = lanes of all ones << shl >> shr (32- or 64-bit lanes): constants with no FP op. */
static void x64_vf_bits(struct tc_buf *b, unsigned lg, unsigned xmm, uint8_t shl, uint8_t shr) {
  x64_sse_rr(b, X64_PCMPEQD, xmm, xmm); /* pcmpeqd xmm, xmm: all ones */
  x64_sse_shift_ri(b, lg == 3 ? X64_PSLLQ : X64_PSLLD, xmm, shl);
  x64_sse_shift_ri(b, lg == 3 ? X64_PSRLQ : X64_PSRLD, xmm, shr);
}

/* xmm = the lane bits v (binary32 or binary64) in every lane, through rax. */
static void x64_vf_splat(struct x64_ctx *x, unsigned lg, unsigned xmm, uint64_t v) {
  if (lg == 3) {
    x64_vconst_to(x, xmm, (struct ir_v128){v, v}, xmm);
    return;
  }
  x64_mov_ri(x->buf, X64_RAX, v);
  x64_movq_xr(x->buf, 0, xmm, X64_RAX);
  x64_sse_rri(x->buf, X64_PSHUFD, xmm, xmm, 0); /* pshufd xmm, xmm, 0: dword 0 everywhere */
}

/* ---- arithmetic and lane compares ---- */

/* d = p op q on the extent's lanes; imm >= 0 is a cmpps predicate. d may be p's
 * register (x64_hint), never q's unless q is p. */
static void x64_vf_binop(struct x64_ctx *x, uint32_t ref, uint32_t p, uint32_t q,
                         const struct x64_vf_form *f, int imm) {
  const struct ir_insn *in = x64_vfin(x, ref);
  unsigned aux = in->aux, d = x64_dst(x, ref);
  enum x64_sse op = x64_vf_op(f, aux);
  unsigned s = x64_vf_part(aux) ? x64_vf_src(x, q, aux, X64_XS0) : x64_vsrc(x, q, X64_XS0);
  if (x64_vf_bytes(aux) == 16 && imm < 0 && f != &x64_vf_sqrt && (x64_feat() & X64_F_AVX)) {
    x64_vex_rrr(x->buf, op, d, x64_vsrc(x, p, X64_XS1), s); /* vaddpd d, p, q: no copy */
    return;
  }
  x64_vload_value(x, d, p);
  if (x64_vf_part(aux))
    x64_vf_clear(x->buf, d, aux);
  if (imm >= 0)
    x64_sse_rri(x->buf, op, d, s, (uint8_t)imm);
  else
    x64_sse_rr(x->buf, op, d, s);
  x64_vf_clear_result(x, ref, d, aux);
}

/* The larger (smaller) of a and b: maxps gives its source operand when the two are equal
 * or unordered, so max(a, b) AND max(b, a) (min: OR) orders +0 above -0 and is either
 * operand otherwise. d may be a's register (x64_hint), never b's unless b is a. */
static void x64_lower_vfmaxmin(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_vfin(x, ref);
  struct tc_buf *b = x->buf;
  unsigned aux = in->aux, d = x64_dst(x, ref), is_max = in->op == IR_VFMAX;
  enum x64_sse op = x64_vf_op(is_max ? &x64_vf_max : &x64_vf_min, aux);
  unsigned s = x64_vf_part(aux) ? x64_vf_src(x, in->b, aux, X64_XS0) : x64_vsrc(x, in->b, X64_XS0);
  x64_vload_value(x, d, in->a);
  if (x64_vf_part(aux))
    x64_vf_clear(b, d, aux);
  x64_sse_rr(b, X64_MOVDQA, X64_XS1, s); /* movdqa xmm14, s */
  x64_sse_rr(b, op, X64_XS1, d);         /* max(b, a) */
  x64_sse_rr(b, op, d, s);               /* max(a, b) */
  x64_sse_rr(b, is_max ? X64_PAND : X64_POR, d, X64_XS1);
  x64_vf_clear_result(x, ref, d, aux);
}

/* roundps's immediate: the direction, and bit 3 to keep inexact quiet. */
static uint8_t x64_round_imm(uint64_t imm) {
  return (uint8_t)((imm & IR_VF_RMODE_MASK) | (imm & IR_VF_RINEXACT ? 0 : 8));
}

/* a * b + c: d = a; vfmadd213 d, b, c */
static void x64_lower_vfma(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_vfin(x, ref);
  unsigned aux = in->aux, d = x64_dst(x, ref), sb, sc;
  if (x64_vf_part(aux)) {
    sb = x64_vf_src(x, in->b, aux, X64_XS0);
    sc = x64_vf_src(x, in->c, aux, X64_XS1);
  } else {
    sb = x64_vsrc(x, in->b, X64_XS0);
    sc = x64_vsrc(x, in->c, X64_XS1);
  }
  x64_vload_value(x, d, in->a);
  if (x64_vf_part(aux))
    x64_vf_clear(x->buf, d, aux);
  x64_vfmadd213(x->buf, aux & 3, ir_vf_lanes(aux) == 1, d, sb, sc);
  x64_vf_clear_result(x, ref, d, aux);
}

/* a >= b is b <= a and a > b is b < a: SSE's signalling predicates are LT and LE. */
static void x64_lower_vfcmp_lanes(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_vfin(x, ref);
  if (in->op == IR_VFCMPEQ)
    x64_vf_binop(x, ref, in->a, in->b, &x64_vf_cmp, X64_CMP_EQ_OQ);
  else
    x64_vf_binop(x, ref, in->b, in->a, &x64_vf_cmp,
                 in->op == IR_VFCMPGE ? X64_CMP_LE_OS : X64_CMP_LT_OS);
}

/* An FP compare of one binary32 or binary64 lane: [u]comis, whose flags a
 * COND on it can branch on (x64_fuse.c). */
int x64_fcmp_fusable(const struct ir_insn *in) {
  return in->op == IR_VFCMP && ir_vf_lanes(in->aux) == 1 && (in->aux & 3) >= 2 &&
         x64_vec_native(in);
}

/* The x86 condition that is Arm condition cc after FCMP a, b, or -1 (EQ
 * and NE need ZF and PF together). [u]comis b, a (the order the compare
 * itself uses) sets CF for a > b, ZF for a == b, all three for unordered:
 * CS, CC, MI, PL, VS, VC, HI and LS read those flags; GE, LT, GT and LE
 * read [u]comis a, b, which their COND makes itself (x64_fcmp_ab). */
int x64_fcmp_cc(unsigned cc) {
  static const int8_t x86[16] = {-1,       -1,        X64_CC_BE, X64_CC_A,  X64_CC_A,  X64_CC_BE,
                                 X64_CC_P, X64_CC_NP, X64_CC_B,  X64_CC_AE, X64_CC_AE, X64_CC_B,
                                 X64_CC_A, X64_CC_BE, -1,        -1};
  return x86[cc & 15];
}

/* Condition cc reads [u]comis a, b (not b, a). */
int x64_fcmp_ab(unsigned cc) {
  return (cc & 15) >= 10 && (cc & 15) <= 13; /* GE LT GT LE */
}

/* The host flags of FP compare f: [u]comis b, a, or with ab a, b
 * (comis for FCMPE: invalid for any NaN, as the compare raises). */
void x64_vfcmp_flags(struct x64_ctx *x, uint32_t f, int ab) {
  const struct ir_insn *in = x64_vfin(x, f);
  unsigned lg = in->aux & 3;
  unsigned ra = x64_vsrc(x, in->a, X64_XS0), rb = x64_vsrc(x, in->b, X64_XS1);
  enum x64_sse op =
      in->imm ? (lg == 3 ? X64_COMISD : X64_COMISS) : (lg == 3 ? X64_UCOMISD : X64_UCOMISS);
  x64_sse_rr(x->buf, op, ab ? ra : rb, ab ? rb : ra);
}

/* NZCV of a vs b: [u]comis b, a sets CF (b < a), ZF (equal) and PF (unordered; ZF and CF
 * then too). With A = b > a (a < b), E = ZF, Q = !PF the nibble is
 * 6A + 4E + 3Q - 1: = 0110, < 1000, > 0010, unordered 0011, made by setcc and lea only, so
 * that the compare's flags are left for a COND that branches on them (x64_fuse.c). Only
 * those flags when nothing reads the nibble. */
static void x64_lower_vfcmp(struct x64_ctx *x, uint32_t ref) {
  struct tc_buf *b = x->buf;
  if (x->fuse[ref] == X64_FUSE_VIRTUAL) {
    x64_vfcmp_flags(x, ref, 0);
    return;
  }
  unsigned d = x64_dst(x, ref);
  x64_alu_rr(b, 0, X64_XOR, X64_RAX, X64_RAX); /* xor eax, eax */
  x64_alu_rr(b, 0, X64_XOR, X64_RCX, X64_RCX); /* xor ecx, ecx */
  x64_alu_rr(b, 0, X64_XOR, X64_RDX, X64_RDX); /* xor edx, edx */
  x64_vfcmp_flags(x, ref, 0);
  x64_setcc(b, X64_CC_A, X64_RAX);                                  /* seta al */
  x64_setcc(b, X64_CC_NP, X64_RCX);                                 /* setnp cl */
  x64_setcc(b, X64_CC_E, X64_RDX);                                  /* sete dl */
  x64_lea(b, 0, X64_RCX, (struct x64_mem){X64_RCX, X64_RCX, 1, 0}); /* lea ecx, [rcx+rcx*2] */
  x64_lea(b, 0, X64_RCX, (struct x64_mem){X64_RCX, X64_RDX, 2, 0}); /* lea ecx, [rcx+rdx*4] */
  x64_lea(b, 0, X64_RAX, (struct x64_mem){X64_RAX, X64_RAX, 1, 0}); /* lea eax, [rax+rax*2] */
  x64_lea(b, 0, d, (struct x64_mem){X64_RCX, X64_RAX, 1, -1});      /* lea d, [rcx+rax*2-1] */
}

/* The lane constants of the checks, binary32 and binary64, in xrun's image
 * where translated code reads them as [rip + disp32] (x64_sse_rm_host). */
enum x64_vf_k { X64_VFK_ABS, X64_VFK_INF, X64_VFK_MIN_NORMAL };
static const uint64_t x64_vf_k[2][3][2] __attribute__((aligned(16))) = {
    {{0x7fffffff7fffffff, 0x7fffffff7fffffff},
     {0x7f8000007f800000, 0x7f8000007f800000},
     {0x0080000000800000, 0x0080000000800000}},
    {{0x7fffffffffffffff, 0x7fffffffffffffff},
     {0x7ff0000000000000, 0x7ff0000000000000},
     {0x0010000000000000, 0x0010000000000000}},
};

/* op xmm, k (movdqa: xmm = k). Where the code buffer cannot reach xrun's
 * image, k is built in xmm14 with integer ops first (xmm14 is then not xmm). */
static void x64_vf_kop(struct x64_ctx *x, enum x64_sse op, unsigned xmm, unsigned lg,
                       enum x64_vf_k k) {
  static const uint8_t shl[2][3] = {{0, 24, 31}, {0, 53, 63}}, shr[2][3] = {{1, 1, 8}, {1, 1, 11}};
  unsigned dbl = lg == 3;
  if (x64_sse_rm_host(x, op, xmm, x64_vf_k[dbl][k]))
    return;
  x64_vf_bits(x->buf, lg, X64_XS1, shl[dbl][k], shr[dbl][k]);
  if (op != X64_MOVDQA)
    x64_sse_rr(x->buf, op, xmm, X64_XS1);
}

/* eax = the sign bits of the lanes of xmm15 that are NaN or +-the smallest normal, where
 * xmm15 holds m = |a| as integers: NaN is inf - m < 0, the smallest normal m == 2^(mantissa
 * bits). */
static void x64_vfchk_result(struct x64_ctx *x, unsigned lg) {
  struct tc_buf *b = x->buf;
  unsigned dbl = lg == 3, eqq = dbl && (x64_feat() & X64_F_SSE41);
  enum x64_sse msk = dbl ? X64_MOVMSKPD : X64_MOVMSKPS;
  x64_vf_kop(x, X64_MOVDQA, X64_XS1, lg, X64_VFK_INF);          /* movdqa xmm14, inf */
  x64_sse_rr(b, dbl ? X64_PSUBQ : X64_PSUBD, X64_XS1, X64_XS0); /* inf - m */
  x64_sse_rr(b, msk, X64_RAX, X64_XS1);                         /* movmskp eax, xmm14 */
  x64_vf_kop(x, eqq ? X64_PCMPEQQ : X64_PCMPEQD, X64_XS0, lg, X64_VFK_MIN_NORMAL);
  if (dbl && !eqq) {
    x64_sse_rri(b, X64_PSHUFD, X64_XS1, X64_XS0, 0xb1); /* pshufd xmm14, xmm15, 0b10110001 */
    x64_sse_rr(b, X64_PAND, X64_XS0, X64_XS1);          /* both dwords equal */
  }
  x64_sse_rr(b, msk, X64_RCX, X64_XS0);       /* movmskp ecx, xmm15 */
  x64_alu_rr(b, 0, X64_OR, X64_RAX, X64_RCX); /* or eax, ecx */
}

/* eax = the sign bits of the lanes of xmm15 (m = |a|) that are NaN or infinite: m >= inf
 * is m + 2^(mantissa bits) >= 2^(lane bits - 1), the sign bit. */
static void x64_vfchk_nonfinite(struct x64_ctx *x, unsigned lg) {
  unsigned dbl = lg == 3;
  x64_vf_kop(x, dbl ? X64_PADDQ : X64_PADDD, X64_XS0, lg, X64_VFK_MIN_NORMAL); /* m + 2^mb */
  x64_sse_rr(x->buf, dbl ? X64_MOVMSKPD : X64_MOVMSKPS, X64_RAX, X64_XS0);
}

/* Whether every lane VFCHK in reads is one x86 computed itself by IEEE arithmetic,
 * whose NaNs are quiet: its operand is such an op's result in the same format, over at
 * least as many lanes. (A binary64 result read as binary32 lanes is any bit pattern,
 * a signalling NaN among them.) */
static int x64_vfchk_of_native(struct x64_ctx *x, const struct ir_insn *in) {
  const struct ir_insn *p = &x->ir->insn[in->a];
  return in->imm == IR_VFCHK_RESULT && ir_makes_quiet_nan(p->op) && x64_vec_native(p) &&
         (p->aux & 3) == (in->aux & 3) && ir_vf_lanes(p->aux) >= ir_vf_lanes(in->aux);
}

/* A check of one such lane: its NaNs are quiet, so ucomis can read it without raising
 * invalid, and |r| compares equal or unordered to the smallest normal (ZF) exactly when
 * it is one to leave on. (A denormal |r| raises DE, which is no Arm flag:
 * x64_fpexc_of_mxcsr drops it.) On several lanes SSE has no quiet equal-or-unordered
 * predicate (EQ_UQ needs VEX): the integer form is as short. */
static int x64_vfchk_quiet(struct x64_ctx *x, const struct ir_insn *in) {
  return ir_vf_lanes(in->aux) == 1 && x64_vfchk_of_native(x, in);
}

/* A check of all the lanes of such a register, with AVX: one quiet compare marks the
 * lanes equal or unordered to the smallest normal (EQ_UQ, a predicate only VEX has) and
 * ptest finds one; the integer form takes four instructions more for each packed FP op. */
static int x64_vfchk_packed_quiet(struct x64_ctx *x, const struct ir_insn *in) {
  return ir_vf_lanes(in->aux) > 1 && x64_vf_bytes(in->aux) == 16 && (x64_feat() & X64_F_AVX2) &&
         x64_vfchk_of_native(x, in);
}

/* The host condition under which VFCHK ref found a lane to leave on (x64_fuse.c). */
enum x64_cc x64_vfchk_cc(struct x64_ctx *x, uint32_t ref) {
  return x64_vfchk_quiet(x, &x->ir->insn[ref]) ? X64_CC_E : X64_CC_NE;
}

/* 1 if a lane in the extent is unusual as imm says, with integer ops only (any FP op on a
 * signalling NaN would raise invalid), or ucomis where the lane cannot be one
 * (x64_vfchk_quiet). Only a DEOPT_IF reading it (x64_fuse.c): no value, the flags say it. */
static void x64_lower_vfchk(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_vfin(x, ref);
  struct tc_buf *b = x->buf;
  unsigned lg = in->aux & 3, dbl = lg == 3, quiet = x64_vfchk_quiet(x, in);
  int avx = (x64_feat() & X64_F_AVX) != 0;
  if (!avx || !x64_vex_rm_host(x, X64_PAND, X64_XS0, x64_vsrc(x, in->a, X64_XS0),
                               x64_vf_k[dbl][X64_VFK_ABS], -1)) { /* vpand xmm15, a, |.| */
    x64_vload_value(x, X64_XS0, in->a);
    if (!x64_sse_rm_host(x, X64_PAND, X64_XS0, x64_vf_k[dbl][X64_VFK_ABS])) { /* m = |a| */
      x64_sse_shift_ri(b, dbl ? X64_PSLLQ : X64_PSLLD, X64_XS0, 1);
      x64_sse_shift_ri(b, dbl ? X64_PSRLQ : X64_PSRLD, X64_XS0, 1);
    }
  }
  if (quiet) {
    x64_vf_kop(x, dbl ? X64_UCOMISD : X64_UCOMISS, X64_XS0, lg, X64_VFK_MIN_NORMAL);
  } else if (x64_vfchk_packed_quiet(x, in) && avx &&
             x64_vex_rm_host(x, dbl ? X64_CMPPD : X64_CMPPS, X64_XS0, X64_XS0,
                             x64_vf_k[dbl][X64_VFK_MIN_NORMAL], X64_CMP_EQ_UQ)) {
    x64_sse_rr(b, X64_PTEST, X64_XS0, X64_XS0); /* ptest xmm15, xmm15 */
  } else if (x64_vfchk_packed_quiet(x, in)) {
    x64_vf_kop(x, X64_MOVDQA, X64_XS1, lg, X64_VFK_MIN_NORMAL); /* movdqa xmm14, min normal */
    x64_vcmpp(b, lg, X64_XS0, X64_XS0, X64_XS1, X64_CMP_EQ_UQ); /* vcmpeq_uqp xmm15, xmm15, xmm14 */
    x64_sse_rr(b, X64_PTEST, X64_XS0, X64_XS0);                 /* ptest xmm15, xmm15 */
  } else {
    if (in->imm == IR_VFCHK_NONFINITE)
      x64_vfchk_nonfinite(x, lg);
    else
      x64_vfchk_result(x, lg);
    x64_alu_ri(b, 0, X64_AND, X64_RAX, (int32_t)(1u << ir_vf_lanes(in->aux)) - 1); /* extent */
  }
  if (x->fuse[ref] == X64_FUSE_VIRTUAL)
    return;
  unsigned d = x64_dst(x, ref);
  x64_setcc(b, x64_vfchk_cc(x, ref), X64_RAX); /* setcc al */
  x64_movzx(b, 8, d, X64_RAX);                 /* movzx d, al */
}

/* ---- conversions ---- */

/* Lane 0 of xmm = the unsigned 64-bit gpr converted by cvtsi2ss/sd op (the other lanes
 * as they were); gpr and rdx are clobbered. From 2^63 up: halve keeping the lost bit
 * sticky (the same single rounding, the same inexact), convert, double exactly. */
static void x64_vf_cvt_u64(struct tc_buf *b, unsigned lg, unsigned xmm, unsigned gpr) {
  enum x64_sse op = lg == 3 ? X64_CVTSI2SD : X64_CVTSI2SS;
  x64_test_rr(b, 1, gpr, gpr); /* test gpr, gpr */
  uint8_t *big = x64_jcc8(b, X64_CC_S);
  x64_sse_rr_w(b, op, 1, xmm, gpr);
  uint8_t *done = x64_jmp8(b);
  x64_fix8(b, big);
  x64_mov_rr(b, 0, X64_RDX, gpr);         /* mov edx, gpr32 */
  x64_alu_ri(b, 0, X64_AND, X64_RDX, 1);  /* and edx, 1 */
  x64_shift_ri(b, 1, X64_SHR, gpr, 1);    /* shr gpr, 1 */
  x64_alu_rr(b, 1, X64_OR, gpr, X64_RDX); /* or gpr, rdx */
  x64_sse_rr_w(b, op, 1, xmm, gpr);       /* cvtsi2s[sd] xmm, gpr */
  x64_sse_rr(b, lg == 3 ? X64_ADDSD : X64_ADDSS, xmm, xmm);
  x64_fix8(b, done);
}

/* xmm = 0 with lane 0 the 64-bit gpr (signed or not) as binary32/64. */
static void x64_vf_from_gpr64(struct tc_buf *b, unsigned lg, int is_signed, unsigned xmm,
                              unsigned gpr) {
  x64_sse_rr(b, X64_PXOR, xmm, xmm); /* also ends the dependency on xmm's old value */
  if (is_signed)
    x64_sse_rr_w(b, lg == 3 ? X64_CVTSI2SD : X64_CVTSI2SS, 1, xmm, gpr);
  else
    x64_vf_cvt_u64(b, lg, xmm, gpr);
}

/* An i32/i64 operand (extent one lane): a 32-bit one widens to 64 bits first, zero- or
 * sign-extended, which converts to the same value with the same rounding. */
static void x64_lower_vffrom_int(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_vfin(x, ref);
  unsigned lg = in->aux & 3, d = x64_dst(x, ref), r = x64_src(x, in->a, X64_RAX);
  int is_signed = in->op == IR_VFFROMS, w = x->ir->insn[in->a].type == IR_I64;
  if (w)
    x64_mov_rr(x->buf, 1, X64_RAX, r);
  else if (is_signed)
    x64_movsx(x->buf, 1, 32, X64_RAX, r);
  else
    x64_mov_rr(x->buf, 0, X64_RAX, r); /* mov eax, r32: zero-extends */
  x64_vf_from_gpr64(x->buf, lg, is_signed, d, X64_RAX);
}

/* 64-bit lanes one by one through rax and rcx. */
static void x64_lower_vffrom64(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_vfin(x, ref);
  struct tc_buf *b = x->buf;
  unsigned d = x64_dst(x, ref), s = x64_vsrc(x, in->a, X64_XS0);
  int two = ir_vf_lanes(in->aux) == 2, is_signed = in->op == IR_VFFROMS;
  x64_movq_rx(b, 1, X64_RAX, s);
  if (two) {
    x64_sse_rri(b, X64_PSHUFD, X64_XS1, s, 0xee); /* pshufd xmm14, s, 0b11101110 */
    x64_movq_rx(b, 1, X64_RCX, X64_XS1);
  }
  x64_vf_from_gpr64(b, 3, is_signed, d, X64_RAX);
  if (two) {
    x64_vf_from_gpr64(b, 3, is_signed, X64_XS1, X64_RCX);
    x64_sse_rr(b, X64_PUNPCKLQDQ, d, X64_XS1);
  }
}

/* Unsigned 32-bit lanes: hi * 2^16 + lo with both halves converted exactly, so the one
 * rounding (and inexact) is the addition's. */
static void x64_lower_vffromu32(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_vfin(x, ref);
  struct tc_buf *b = x->buf;
  unsigned d = x64_dst(x, ref);
  x64_vf_load(x, X64_XS0, in->a, in->aux);
  x64_sse_rr(b, X64_MOVDQA, X64_XS1, X64_XS0);
  x64_sse_shift_ri(b, X64_PSRLD, X64_XS1, 16); /* hi */
  x64_sse_shift_ri(b, X64_PSLLD, X64_XS0, 16);
  x64_sse_shift_ri(b, X64_PSRLD, X64_XS0, 16); /* lo */
  x64_sse_rr(b, X64_CVTDQ2PS, X64_XS1, X64_XS1);
  x64_sse_rr(b, X64_CVTDQ2PS, X64_XS0, X64_XS0);
  x64_vf_splat(x, 2, d, X64_F32_2P16);
  x64_sse_rr(b, X64_MULPS, d, X64_XS1); /* exact */
  x64_sse_rr(b, X64_ADDPS, d, X64_XS0);
}

static void x64_lower_vffrom(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_vfin(x, ref);
  if (!x64_is_v128(x, in->a))
    x64_lower_vffrom_int(x, ref);
  else if ((in->aux & 3) == 3)
    x64_lower_vffrom64(x, ref);
  else if (in->op == IR_VFFROMU)
    x64_lower_vffromu32(x, ref);
  else
    x64_sse_rr(x->buf, X64_CVTDQ2PS, x64_dst(x, ref), x64_vf_src(x, in->a, in->aux, X64_XS0));
}

/* cvtt* gave MIN (and raised invalid) for the NaN and out-of-range lanes of xmm15 (the
 * operand, zero outside the extent); make it MAX where the operand is >= 2^(L-1) and 0
 * where it is a NaN. The compares raise nothing new: only NaN lanes could make them
 * raise, and those raised invalid already. */
static void x64_vftos_fix(struct x64_ctx *x, unsigned lg, unsigned d) {
  struct tc_buf *b = x->buf;
  enum x64_sse cmp = lg == 3 ? X64_CMPPD : X64_CMPPS;
  x64_vf_splat(x, lg, X64_XS1, lg == 3 ? x64_f64_2p63 : X64_F32_2P31);
  x64_sse_rri(b, cmp, X64_XS1, X64_XS0, X64_CMP_LE_OS); /* cmpleps xmm14, xmm15: 2^(L-1) <= a */
  x64_sse_rr(b, X64_PXOR, d, X64_XS1);                  /* MIN ^ ~0 = MAX */
  x64_sse_rri(b, cmp, X64_XS0, X64_XS0, X64_CMP_ORD_Q); /* cmpordps xmm15, xmm15 */
  x64_sse_rr(b, X64_PAND, d, X64_XS0);
}

/* FP lanes to signed integer lanes: cvttps2dq, or cvttsd2si per 64-bit lane. */
static void x64_lower_vftos_lanes(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_vfin(x, ref);
  struct tc_buf *b = x->buf;
  unsigned lg = in->aux & 3, d = x64_dst(x, ref);
  int two = ir_vf_lanes(in->aux) == 2;
  x64_vf_load(x, X64_XS0, in->a, in->aux);
  if (lg == 2) {
    x64_sse_rr(b, X64_CVTTPS2DQ, d, X64_XS0);
  } else {
    x64_sse_rr_w(b, X64_CVTTSD2SI, 1, X64_RAX, X64_XS0);
    x64_movq_xr(b, 1, d, X64_RAX);
    if (two) {
      x64_sse_rri(b, X64_PSHUFD, X64_XS1, X64_XS0, 0xee); /* pshufd xmm14, xmm15, 0b11101110 */
      x64_sse_rr_w(b, X64_CVTTSD2SI, 1, X64_RAX, X64_XS1);
      x64_movq_xr(b, 1, X64_XS1, X64_RAX);
      x64_sse_rr(b, X64_PUNPCKLQDQ, d, X64_XS1);
    }
  }
  x64_vftos_fix(x, lg, d);
}

/* Lane 0 to an i32/i64: cvtts[sd]2si, then MAX where a >= 2^(bits-1) and 0 for a NaN from
 * the flags of ucomis a, 2^(bits-1) (quiet: it raises only for a signalling NaN, whose
 * conversion raised invalid already). */
static void x64_lower_vftos_int(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_vfin(x, ref);
  struct tc_buf *b = x->buf;
  unsigned lg = in->aux & 3, d = x64_dst(x, ref), s = x64_vsrc(x, in->a, X64_XS0);
  int w = in->type == IR_I64;
  uint64_t lim = lg == 3 ? (w ? x64_f64_2p63 : x64_f64_2p31) : (w ? X64_F32_2P63 : X64_F32_2P31);
  x64_sse_rr_w(b, lg == 3 ? X64_CVTTSD2SI : X64_CVTTSS2SI, w, d, s);
  x64_mov_ri(b, X64_RAX, w ? INT64_MAX : INT32_MAX);
  x64_alu_rr(b, 0, X64_XOR, X64_RCX, X64_RCX); /* xor ecx, ecx */
  x64_mov_ri(b, X64_RDX, lim);
  x64_movq_xr(b, 1, X64_XS1, X64_RDX);
  x64_sse_rr(b, lg == 3 ? X64_UCOMISD : X64_UCOMISS, s, X64_XS1);
  x64_cmov(b, w, X64_CC_AE, d, X64_RAX); /* cmovae d, rax: a >= 2^(bits-1) */
  x64_cmov(b, w, X64_CC_P, d, X64_RCX);  /* cmovp d, rcx: a NaN */
}

/* binary32 <-> binary64; aux is the result's: cvtps2pd/cvtpd2ps for two lanes, the
 * scalar form into a zeroed register for one. */
static void x64_lower_vfcvt(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_vfin(x, ref);
  struct tc_buf *b = x->buf;
  unsigned lg = in->aux & 3, d = x64_dst(x, ref), s = x64_vsrc(x, in->a, X64_XS0);
  if (ir_vf_lanes(in->aux) == 2) {
    x64_sse_rr(b, lg == 3 ? X64_CVTPS2PD : X64_CVTPD2PS, d, s);
    return;
  }
  x64_sse_rr(b, X64_PXOR, d, d);
  x64_sse_rr(b, lg == 3 ? X64_CVTSS2SD : X64_CVTSD2SS, d, s);
}

/* ---- the fallback: ir_vfeval in C ---- */

_Static_assert(FE_INVALID == 1 && FE_DIVBYZERO == 4 && FE_OVERFLOW == 8 && FE_UNDERFLOW == 16 &&
                   FE_INEXACT == 32,
               "the x86 FE_* bits are the MXCSR flag bits");

/* desc = op | aux << 8 | type << 16 | a's type << 24 | imm << 32. The exceptions that
 * translated code raised so far are in MXCSR; ir_vfeval raises the op's own in MXCSR or
 * (glibc's feraiseexcept for inexact) in the x87 status word, so start clean, collect
 * both, and leave the union in MXCSR as the op's instruction would. */
static struct ir_v128 x64_vf_fallback(struct cpu *c, uint64_t desc, uint64_t alo, uint64_t ahi,
                                      uint64_t blo, uint64_t bhi, uint64_t clo, uint64_t chi) {
  struct ir_insn in = {.op = (uint8_t)desc,
                       .aux = (uint8_t)(desc >> 8),
                       .type = (uint8_t)(desc >> 16),
                       .imm = desc >> 32};
  struct ir_v128 r = {0, 0};
  unsigned pending = _mm_getcsr() & 0x3f;
  (void)c;
  xrun_fp_clear();
  ir_vfeval(&in, (struct ir_v128){alo, ahi}, (struct ir_v128){blo, bhi}, (struct ir_v128){clo, chi},
            (enum ir_type)(uint8_t)(desc >> 24), &r);
  unsigned raised = (unsigned)fetestexcept(FE_ALL_EXCEPT);
  if (raised)
    x64_fp_clear();
  _mm_setcsr(_mm_getcsr() | pending | raised);
  return r;
}

/* push the halves of the v128 ref (hi first), or two zeros: the 7th and 8th arguments. */
void x64_vf_push(struct x64_ctx *x, uint32_t ref) {
  struct tc_buf *b = x->buf;
  if (!ref) {
    x64_alu_rr(b, 0, X64_XOR, X64_RAX, X64_RAX); /* xor eax, eax */
    x64_push(b, X64_RAX);
    x64_push(b, X64_RAX);
    return;
  }
  unsigned xr = x64_vsrc(x, ref, X64_XS0);       /* before rsp moves: ref may be in a slot */
  x64_sse_rri(b, X64_PSHUFD, X64_XS1, xr, 0xee); /* pshufd xmm14, xr, 0b11101110 */
  x64_movq_rx(b, 1, X64_RAX, X64_XS1);
  x64_push(b, X64_RAX);
  x64_movq_rx(b, 1, X64_RAX, xr);
  x64_push(b, X64_RAX);
}

/* fallback(cpu, desc, a.lo, a.hi, b.lo, b.hi, c.lo, c.hi): a (the one operand that may be
 * an integer) first, as b's halves go to r8/r9; the result comes back in rdx:rax. */
static void x64_lower_vfcall(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_vfin(x, ref);
  struct tc_buf *b = x->buf;
  if (x64_is_v128(x, in->a))
    x64_vsplit(x, in->a, X64_RDX, X64_RCX);
  else
    x64_load_value(x, X64_RDX, in->a);
  if (in->b) {
    x64_vsplit(x, in->b, X64_R8, X64_R9);
  }
  x64_vf_push(x, in->c); /* 16 bytes: rsp stays 16-byte aligned */
  x64_mov_ri(b, X64_RSI,
             in->op | (uint64_t)in->aux << 8 | (uint64_t)in->type << 16 |
                 (uint64_t)x->ir->insn[in->a].type << 24 | in->imm << 32);
  x64_cpu_ptr(b, X64_RDI);
  x64_mov_host(x, X64_RAX, (uintptr_t)x64_vf_fallback);
  x64_call_r(b, X64_RAX);
  x64_alu_ri(b, 1, X64_ADD, X64_RSP, 16); /* add rsp, 16 */
  x64_call_result(x, ref);
}

/* The CPU features the native lowering of in needs, or -1 if there is none. */
int x64_vf_needs(const struct ir_insn *in) {
  switch (in->op) {
  case IR_VFMA: return X64_F_FMA;
  case IR_VFROUND: return X64_F_SSE41;
  case IR_VFTOU: return -1;
  default: return 0;
  }
}

void x64_lower_vf(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_vfin(x, ref);
  if (!x64_vec_native(in)) {
    x64_lower_vfcall(x, ref);
    return;
  }
  switch ((enum ir_op)in->op) {
  case IR_VFADD: x64_vf_binop(x, ref, in->a, in->b, &x64_vf_add, -1); break;
  case IR_VFSUB: x64_vf_binop(x, ref, in->a, in->b, &x64_vf_sub, -1); break;
  case IR_VFMUL: x64_vf_binop(x, ref, in->a, in->b, &x64_vf_mul, -1); break;
  case IR_VFDIV: x64_vf_binop(x, ref, in->a, in->b, &x64_vf_div, -1); break;
  case IR_VFSQRT: x64_vf_binop(x, ref, in->a, in->a, &x64_vf_sqrt, -1); break;
  case IR_VFMA: x64_lower_vfma(x, ref); break;
  case IR_VFMAX:
  case IR_VFMIN: x64_lower_vfmaxmin(x, ref); break;
  case IR_VFROUND: x64_vf_binop(x, ref, in->a, in->a, &x64_vf_round, x64_round_imm(in->imm)); break;
  case IR_VFCMPEQ:
  case IR_VFCMPGE:
  case IR_VFCMPGT: x64_lower_vfcmp_lanes(x, ref); break;
  case IR_VFCMP: x64_lower_vfcmp(x, ref); break;
  case IR_VFCHK: x64_lower_vfchk(x, ref); break;
  case IR_VFFROMS:
  case IR_VFFROMU: x64_lower_vffrom(x, ref); break;
  case IR_VFTOS:
    if (in->type == IR_V128)
      x64_lower_vftos_lanes(x, ref);
    else
      x64_lower_vftos_int(x, ref);
    break;
  case IR_VFCVT: x64_lower_vfcvt(x, ref); break;
  default: x->error = "unknown FP vector op"; break;
  }
}
