/* x64_lower_vec.c - lowering the vector IR (IR_V128, ir_ops.def V*) to SSE.
 *
 * One function per op (or per family sharing one instruction shape), as in
 * x64_lower.c. SSE2 is the x86-64 baseline; SSSE3, SSE4.1, SSE4.2 and AVX2 forms are
 * used when CPUID has them. What has no SSE form on this CPU (64-bit lane
 * min/max/mul/sar, byte mul, and anything whose instruction is missing) is a
 * call of x64_vec_fallback, which runs ir_veval: the allocator sees such an op
 * as a call (x64_is_call) and spills around it. xmm14/xmm15 are scratch; a
 * lowering may also use rax for constants (never holding an operand there).
 * The floating-point ops (VF*) are lowered in x64_lower_vf.c.
 */
#include <stddef.h>
#include <sys/platform/x86.h>
#include "x64.h"
#include "../ir/ir_eval.h"

unsigned x64_features;
static int x64_features_known;

unsigned x64_feat(void) {
  if (!x64_features_known) {
    /* glibc's record of what CPUID said at start: libgcc's
     * __builtin_cpu_supports would ask CPUID again, a trap to the
     * hypervisor of some microseconds each on a virtual machine */
    x64_features =
        (CPU_FEATURE_ACTIVE(SSSE3) ? X64_F_SSSE3 : 0) |
        (CPU_FEATURE_ACTIVE(SSE4_1) ? X64_F_SSE41 : 0) |
        (CPU_FEATURE_ACTIVE(SSE4_2) ? X64_F_SSE42 : 0) | (CPU_FEATURE_ACTIVE(FMA) ? X64_F_FMA : 0) |
        (CPU_FEATURE_ACTIVE(AES) ? X64_F_AES : 0) |
        (CPU_FEATURE_ACTIVE(PCLMULQDQ) ? X64_F_PCLMUL : 0) |
        (CPU_FEATURE_ACTIVE(AVX2) ? X64_F_AVX2 : 0) | (CPU_FEATURE_ACTIVE(SHA) ? X64_F_SHA : 0) |
        (CPU_FEATURE_ACTIVE(BMI1) ? X64_F_BMI1 : 0) |
        (CPU_FEATURE_ACTIVE(LZCNT) ? X64_F_LZCNT : 0) |
        (CPU_FEATURE_ACTIVE(BMI2) ? X64_F_BMI2 : 0) | (CPU_FEATURE_ACTIVE(AVX) ? X64_F_AVX : 0);
    x64_features_known = 1;
  }
  return x64_features;
}

/* The CPU features the native lowering of in needs, or -1 if there is none. */
static int x64_vec_needs(const struct ir_insn *in) {
  unsigned lane = in->aux & 3;
  if (ir_is_vf_op(in->op))
    return x64_vf_needs(in);
  switch (in->op) {
  case IR_VMUL: return lane == 1 ? 0 : lane == 2 ? X64_F_SSE41 : -1;
  case IR_VMINU:
  case IR_VMAXU:
  case IR_VMINS:
  case IR_VMAXS:
    if (lane == 3)
      return -1;
    return (lane == 0 && (in->op == IR_VMINU || in->op == IR_VMAXU)) ||
                   (lane == 1 && (in->op == IR_VMINS || in->op == IR_VMAXS))
               ? 0
               : X64_F_SSE41;
  case IR_VCMPEQ: return lane == 3 ? X64_F_SSE41 : 0;
  case IR_VCMPGTS: return lane == 3 ? X64_F_SSE42 : 0;
  case IR_VCMPGTU: return lane == 3 ? X64_F_SSE42 : lane ? X64_F_SSE41 : 0;
  case IR_VSHRS: return lane == 1 || lane == 2 ? 0 : -1;
  case IR_VEXTRACT: return lane == 1 || in->imm == 0 ? 0 : X64_F_SSE41;
  case IR_VINSERT: return lane == 1 ? 0 : X64_F_SSE41;
  case IR_VUZP1:
  case IR_VUZP2:
  case IR_VNARROW: return lane < 2 ? X64_F_SSSE3 : 0;
  case IR_VEXT: return X64_F_SSSE3;
  case IR_VWIDENU:
  case IR_VWIDENS: return X64_F_SSE41;
  case IR_VTBL: return X64_F_SSSE3;
  case IR_VMULLU: return lane == 3 ? 0 : -1;
  case IR_VMULLS: return lane == 3 ? X64_F_SSE41 : -1;
  case IR_VAESSUB ... IR_VCLMUL:
  case IR_VSHA256RND2 ... IR_VSHA256MSG2: return x64_crypto_needs(in);
  case IR_VQADDS:
  case IR_VQSUBS: return lane < 2 ? 0 : -1;
  case IR_VQADDU:
  case IR_VQSUBU: return lane < 2 ? 0 : lane == 2 ? X64_F_SSE41 : -1;
  case IR_VSHLV ... IR_VSHRSV: return lane ? X64_F_AVX2 : -1; /* bytes: no form */
  default: return 0;
  }
}

int x64_vec_native(const struct ir_insn *in) {
  int need = x64_vec_needs(in);
  return need >= 0 && (x64_feat() & (unsigned)need) == (unsigned)need;
}

static const struct ir_insn *x64_vin(struct x64_ctx *x, uint32_t ref) {
  return &x->ir->insn[ref];
}

/* xmm = the 128-bit constant hi:lo, through rax (and tmp when both halves differ). */
void x64_vconst_to(struct x64_ctx *x, unsigned xmm, struct ir_v128 v, unsigned tmp) {
  struct tc_buf *b = x->buf;
  if (!v.lo && !v.hi) {
    x64_sse_rr(b, X64_PXOR, xmm, xmm);
    return;
  }
  if (v.lo == ~0ull && v.hi == ~0ull) {
    x64_sse_rr(b, X64_PCMPEQD, xmm, xmm);
    return;
  }
  x64_mov_ri(b, X64_RAX, v.lo);
  x64_movq_xr(b, 1, xmm, X64_RAX);
  if (v.hi == v.lo) {
    x64_sse_rr(b, X64_PUNPCKLQDQ, xmm, xmm);
  } else if (v.hi) {
    x64_mov_ri(b, X64_RAX, v.hi);
    x64_movq_xr(b, 1, tmp, X64_RAX);
    x64_sse_rr(b, X64_PUNPCKLQDQ, xmm, tmp);
  }
}

/* A 64-bit pattern in both halves. */
static struct ir_v128 x64_rep(uint64_t v) {
  return (struct ir_v128){v, v};
}

static void x64_lower_vconst(struct x64_ctx *x, uint32_t ref) {
  if (x->fuse[ref] == X64_FUSE_TABLE)
    return; /* its VTBL does without it (x64_lower_table) */
  x64_vconst_to(x, x64_dst(x, ref), x->ir->vconst[x64_vin(x, ref)->imm], X64_XS0);
}

static void x64_lower_vget(struct x64_ctx *x, uint32_t ref) {
  x64_sse_rm(x->buf, X64_MOVDQU_LOAD, x64_dst(x, ref), x64_cpu_field(x64_vin(x, ref)->imm));
}

static void x64_lower_vput(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_vin(x, ref);
  x64_sse_rm(x->buf, X64_MOVDQU_STORE, x64_vsrc(x, in->a, X64_XS0), x64_cpu_field(in->imm));
}

/* d = a op b: with AVX one VEX instruction; else d = a; d op= b */
static void x64_lower_vbin(struct x64_ctx *x, uint32_t ref, enum x64_sse op) {
  const struct ir_insn *in = x64_vin(x, ref);
  unsigned rb = x64_vsrc(x, in->b, X64_XS0), d = x64_dst(x, ref);
  if (x64_feat() & X64_F_AVX) {
    x64_vex_rrr(x->buf, op, d, x64_vsrc(x, in->a, X64_XS1), rb);
    return;
  }
  x64_vload_value(x, d, in->a);
  x64_sse_rr(x->buf, op, d, rb);
}

/* a & ~b: vpandn d, b, a; without AVX d = b; pandn d, a (d may not be
 * a's register: no hint) */
static void x64_lower_vandn(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_vin(x, ref);
  unsigned ra = x64_vsrc(x, in->a, X64_XS0), d = x64_dst(x, ref);
  if (x64_feat() & X64_F_AVX) {
    x64_vex_rrr(x->buf, X64_PANDN, d, x64_vsrc(x, in->b, X64_XS1), ra);
    return;
  }
  x64_vload_value(x, d, in->b);
  x64_sse_rr(x->buf, X64_PANDN, d, ra);
}

static void x64_lower_vnot(struct x64_ctx *x, uint32_t ref) {
  unsigned d = x64_dst(x, ref);
  x64_vload_value(x, d, x64_vin(x, ref)->a);
  x64_sse_rr(x->buf, X64_PCMPEQD, X64_XS1, X64_XS1); /* pcmpeqd xmm14, xmm14: all ones */
  x64_sse_rr(x->buf, X64_PXOR, d, X64_XS1);
}

static enum x64_sse x64_by_lane(const struct ir_insn *in, const enum x64_sse ops[4]) {
  return ops[in->aux & 3];
}

static void x64_lower_vadd(struct x64_ctx *x, uint32_t ref) {
  static const enum x64_sse ops[4] = {X64_PADDB, X64_PADDW, X64_PADDD, X64_PADDQ};
  x64_lower_vbin(x, ref, x64_by_lane(x64_vin(x, ref), ops));
}

static void x64_lower_vsub(struct x64_ctx *x, uint32_t ref) {
  static const enum x64_sse ops[4] = {X64_PSUBB, X64_PSUBW, X64_PSUBD, X64_PSUBQ};
  x64_lower_vbin(x, ref, x64_by_lane(x64_vin(x, ref), ops));
}

static void x64_lower_vmul(struct x64_ctx *x, uint32_t ref) {
  x64_lower_vbin(x, ref, (x64_vin(x, ref)->aux & 3) == 1 ? X64_PMULLW : X64_PMULLD);
}

static void x64_lower_vcmpeq(struct x64_ctx *x, uint32_t ref) {
  static const enum x64_sse ops[4] = {X64_PCMPEQB, X64_PCMPEQW, X64_PCMPEQD, X64_PCMPEQQ};
  x64_lower_vbin(x, ref, x64_by_lane(x64_vin(x, ref), ops));
}

static void x64_lower_vcmpgts(struct x64_ctx *x, uint32_t ref) {
  static const enum x64_sse ops[4] = {X64_PCMPGTB, X64_PCMPGTW, X64_PCMPGTD, X64_PCMPGTQ};
  x64_lower_vbin(x, ref, x64_by_lane(x64_vin(x, ref), ops));
}

/* Unsigned a > b: lanes of 8-32 bits as max(a, b) != b; 64-bit lanes as a
 * signed compare with the sign bits flipped. */
static void x64_lower_vcmpgtu(struct x64_ctx *x, uint32_t ref) {
  static const enum x64_sse maxu[3] = {X64_PMAXUB, X64_PMAXUW, X64_PMAXUD};
  static const enum x64_sse eq[3] = {X64_PCMPEQB, X64_PCMPEQW, X64_PCMPEQD};
  const struct ir_insn *in = x64_vin(x, ref);
  unsigned lane = in->aux & 3, d = x64_dst(x, ref);
  struct tc_buf *b = x->buf;
  if (lane == 3) {
    x64_vload_value(x, X64_XS0, in->b);
    x64_vconst_to(x, X64_XS1, x64_rep(1ull << 63), X64_XS1);
    x64_sse_rr(b, X64_PXOR, X64_XS0, X64_XS1);
    x64_vload_value(x, d, in->a);
    x64_sse_rr(b, X64_PXOR, d, X64_XS1);
    x64_sse_rr(b, X64_PCMPGTQ, d, X64_XS0);
    return;
  }
  unsigned rb = x64_vsrc(x, in->b, X64_XS0);
  x64_vload_value(x, d, in->a);
  x64_sse_rr(b, maxu[lane], d, rb);
  x64_sse_rr(b, eq[lane], d, rb);
  x64_sse_rr(b, X64_PCMPEQD, X64_XS1, X64_XS1);
  x64_sse_rr(b, X64_PXOR, d, X64_XS1);
}

static void x64_lower_vminmax(struct x64_ctx *x, uint32_t ref) {
  static const enum x64_sse ops[4][3] = {
      {X64_PMINUB, X64_PMINUW, X64_PMINUD}, /* IR_VMINU */
      {X64_PMAXUB, X64_PMAXUW, X64_PMAXUD}, /* IR_VMAXU */
      {X64_PMINSB, X64_PMINSW, X64_PMINSD}, /* IR_VMINS */
      {X64_PMAXSB, X64_PMAXSW, X64_PMAXSD}, /* IR_VMAXS */
  };
  const struct ir_insn *in = x64_vin(x, ref);
  x64_lower_vbin(x, ref, ops[in->op - IR_VMINU][in->aux & 3]);
}

/* Lane shifts by an immediate; bytes shift as words and mask off what
 * crossed in from the neighbour byte. */
static void x64_lower_vshift(struct x64_ctx *x, uint32_t ref) {
  static const enum x64_sse_shift shl[4] = {X64_PSLLW, X64_PSLLW, X64_PSLLD, X64_PSLLQ};
  static const enum x64_sse_shift shr[4] = {X64_PSRLW, X64_PSRLW, X64_PSRLD, X64_PSRLQ};
  static const enum x64_sse_shift sar[4] = {X64_PSRAW, X64_PSRAW, X64_PSRAD, X64_PSRAD};
  const struct ir_insn *in = x64_vin(x, ref);
  unsigned lane = in->aux & 3, d = x64_dst(x, ref), bits = 8u << lane;
  unsigned n = in->imm > bits ? bits : (unsigned)in->imm;
  const enum x64_sse_shift *ops = in->op == IR_VSHL ? shl : in->op == IR_VSHRU ? shr : sar;
  if (n && !(lane == 0 && n >= 8 && in->op != IR_VSHRS) && (x64_feat() & X64_F_AVX)) {
    x64_vex_shift_ri(x->buf, ops[lane], d, x64_vsrc(x, in->a, X64_XS1), (uint8_t)n);
  } else {
    x64_vload_value(x, d, in->a);
    if (!n)
      return;
    if (lane == 0 && n >= 8 && in->op != IR_VSHRS) {
      x64_sse_rr(x->buf, X64_PXOR, d, d);
      return;
    }
    x64_sse_shift_ri(x->buf, ops[lane], d, (uint8_t)n);
  }
  if (lane == 0) {
    uint8_t keep = in->op == IR_VSHL ? (uint8_t)(0xff << n) : (uint8_t)(0xff >> n);
    x64_vconst_to(x, X64_XS1, x64_rep(keep * 0x0101010101010101ull), X64_XS1);
    x64_sse_rr(x->buf, X64_PAND, d, X64_XS1);
  }
}

/* Broadcast the low lane of a general register. */
static void x64_lower_vdup(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_vin(x, ref);
  unsigned lane = in->aux & 3, d = x64_dst(x, ref);
  struct tc_buf *b = x->buf;
  x64_movq_xr(b, 1, d, x64_src(x, in->a, X64_RAX));
  if (lane == 0)
    x64_sse_rr(b, X64_PUNPCKLBW, d, d);
  if (lane <= 1)
    x64_sse_rr(b, X64_PUNPCKLWD, d, d);
  if (lane <= 2)
    x64_sse_rri(b, X64_PSHUFD, d, d, 0); /* pshufd d, d, 0: dword 0 everywhere */
  else
    x64_sse_rr(b, X64_PUNPCKLQDQ, d, d);
}

/* Lane imm of a, zero-extended: movd/movq for lane 0, pextrw (SSE2), pextrb/d/q. */
static void x64_lower_vextract(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_vin(x, ref);
  unsigned lane = in->aux & 3, d = x64_dst(x, ref), xa = x64_vsrc(x, in->a, X64_XS0);
  if (in->imm == 0) {
    x64_movq_rx(x->buf, lane == 3 && in->type == IR_I64, d, xa);
    if (lane < 2)
      x64_movzx(x->buf, lane ? 16 : 8, d, d);
    return;
  }
  x64_pextr(x->buf, lane, d, xa, (uint8_t)in->imm);
  if (lane == 3 && in->type == IR_I32)
    x64_mov_rr(x->buf, 0, d, d);
}

static void x64_lower_vinsert(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_vin(x, ref);
  unsigned d = x64_dst(x, ref);
  x64_vload_value(x, d, in->a);
  x64_pinsr(x->buf, in->aux & 3, d, x64_src(x, in->b, X64_RCX), (uint8_t)in->imm);
}

static void x64_lower_vzext64(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_vin(x, ref);
  unsigned d = x64_dst(x, ref);
  struct x64_mem m;
  if (x64_state_mem(x, in->a, 1, &m)) /* an i64 GET left in the state */
    x64_sse_rm(x->buf, X64_MOVQ_LOAD, d, m);
  else if (x->ra.loc[x64_resolve(x, in->a)].kind == X64_LOC_XHALF) /* a carried low half */
    x64_sse_rr(x->buf, X64_MOVQ_LOAD, d, x->ra.loc[x64_resolve(x, in->a)].reg);
  else if (x64_is_v128(x, in->a))
    x64_sse_rr(x->buf, X64_MOVQ_LOAD, d, x64_vsrc(x, in->a, X64_XS0));
  else
    x64_movq_xr(x->buf, 1, d, x64_src(x, in->a, X64_RAX));
}

static void x64_lower_vzip(struct x64_ctx *x, uint32_t ref) {
  static const enum x64_sse lo[4] = {X64_PUNPCKLBW, X64_PUNPCKLWD, X64_PUNPCKLDQ, X64_PUNPCKLQDQ};
  static const enum x64_sse hi[4] = {X64_PUNPCKHBW, X64_PUNPCKHWD, X64_PUNPCKHDQ, X64_PUNPCKHQDQ};
  const struct ir_insn *in = x64_vin(x, ref);
  x64_lower_vbin(x, ref, (in->op == IR_VZIP1 ? lo : hi)[in->aux & 3]);
}

/* The pshufb masks gathering the bytes of the even (odd) lanes of size
 * bytes (1, 2) into 8, as constants: byte k of the result is byte
 * (k / size) * 2 * size + odd * size + k % size of the source. */
#define X64_GATHER_BYTE(k, size, odd)                                                              \
  ((uint64_t)(((k) / (size)) * 2 * (size) + (odd) * (size) + (k) % (size)) << (8 * (k)))
#define X64_GATHER(size, odd)                                                                      \
  (X64_GATHER_BYTE(0, size, odd) | X64_GATHER_BYTE(1, size, odd) | X64_GATHER_BYTE(2, size, odd) | \
   X64_GATHER_BYTE(3, size, odd) | X64_GATHER_BYTE(4, size, odd) | X64_GATHER_BYTE(5, size, odd) | \
   X64_GATHER_BYTE(6, size, odd) | X64_GATHER_BYTE(7, size, odd))

/* In xrun's image, where translated code reads them as [rip + disp32]
 * (x64_sse_rm_host): one instruction where building one in a register
 * takes three (movabs, movq, punpcklqdq) or, with two halves, five.
 * glibc's string functions
 * (shrn v.8b, v.8h, #4: a narrow) and zstd's match finder run them often.
 * x64_uzp_k[lane][odd]: the mask in both halves (VUZP1/VUZP2);
 * x64_narrow_k[lane]: in the low half, the high half 0x80 bytes, which
 * pshufb makes 0 (VNARROW). */
static const uint64_t x64_uzp_k[2][2][2] __attribute__((aligned(16))) = {
    {{X64_GATHER(1, 0), X64_GATHER(1, 0)}, {X64_GATHER(1, 1), X64_GATHER(1, 1)}},
    {{X64_GATHER(2, 0), X64_GATHER(2, 0)}, {X64_GATHER(2, 1), X64_GATHER(2, 1)}},
};
static const uint64_t x64_narrow_k[2][2] __attribute__((aligned(16))) = {
    {X64_GATHER(1, 0), 0x8080808080808080ull},
    {X64_GATHER(2, 0), 0x8080808080808080ull},
};

/* Even (odd) lanes of a:b: 64-bit lanes unpack, 32-bit shufps, else two pshufb. */
static void x64_lower_vuzp(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_vin(x, ref);
  unsigned lane = in->aux & 3, odd = in->op == IR_VUZP2, d = x64_dst(x, ref);
  struct tc_buf *b = x->buf;
  if (lane == 3) {
    x64_lower_vbin(x, ref, odd ? X64_PUNPCKHQDQ : X64_PUNPCKLQDQ);
    return;
  }
  if (lane == 2) {
    unsigned rb = x64_vsrc(x, in->b, X64_XS0);
    x64_vload_value(x, d, in->a);
    x64_sse_rri(b, X64_SHUFPS, d, rb, odd ? 0xdd : 0x88); /* shufps d, b, 3131 / 2020 */
    return;
  }
  x64_vload_value(x, X64_XS1, in->b);
  const uint64_t *k = x64_uzp_k[lane][odd]; /* movdqa xmm15, [rip + k] */
  if (!x64_sse_rm_host(x, X64_MOVDQA, X64_XS0, k))
    x64_vconst_to(x, X64_XS0, (struct ir_v128){k[0], k[1]}, X64_XS0);
  x64_sse_rr(b, X64_PSHUFB, X64_XS1, X64_XS0);
  x64_vload_value(x, d, in->a);
  x64_sse_rr(b, X64_PSHUFB, d, X64_XS0);
  x64_sse_rr(b, X64_PUNPCKLQDQ, d, X64_XS1);
}

/* bytes imm.. of a:b: palignr d(=b), a, imm */
static void x64_lower_vext(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_vin(x, ref);
  unsigned ra = x64_vsrc(x, in->a, X64_XS0), d = x64_dst(x, ref);
  if (ra == d) {
    x64_sse_rr(x->buf, X64_MOVDQA, X64_XS0, d);
    ra = X64_XS0;
  }
  x64_vload_value(x, d, in->b);
  x64_sse_rri(x->buf, X64_PALIGNR, d, ra, (uint8_t)in->imm);
}

static void x64_lower_vnarrow(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_vin(x, ref);
  unsigned lane = in->aux & 3, d = x64_dst(x, ref);
  x64_vload_value(x, d, in->a);
  if (lane == 2) {
    x64_sse_rri(x->buf, X64_PSHUFD, d, d, 0x08); /* pshufd d, d, 0b00001000: dwords 0, 2 */
    x64_sse_rr(x->buf, X64_MOVQ_LOAD, d, d);
    return;
  }
  const uint64_t *k = x64_narrow_k[lane];
  if (x64_sse_rm_host(x, X64_PSHUFB, d, k)) /* pshufb d, [rip + k] */
    return;
  x64_vconst_to(x, X64_XS0, (struct ir_v128){k[0], k[1]}, X64_XS1);
  x64_sse_rr(x->buf, X64_PSHUFB, d, X64_XS0);
}

static void x64_lower_vwiden(struct x64_ctx *x, uint32_t ref) {
  static const enum x64_sse zx[4] = {X64_PMOVZXBW, X64_PMOVZXBW, X64_PMOVZXWD, X64_PMOVZXDQ};
  static const enum x64_sse sx[4] = {X64_PMOVSXBW, X64_PMOVSXBW, X64_PMOVSXWD, X64_PMOVSXDQ};
  const struct ir_insn *in = x64_vin(x, ref);
  const enum x64_sse *ops = in->op == IR_VWIDENU ? zx : sx;
  x64_sse_rr(x->buf, ops[in->aux & 3], x64_dst(x, ref), x64_vsrc(x, in->a, X64_XS0));
}

/* True when every byte of the VCONST ref is an index pshufb takes as it is:
 * below 16, or with bit 7 set (which gives 0, as an index >= 16 must). */
static int x64_pshufb_ready(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_vin(x, ref);
  if (in->op != IR_VCONST)
    return 0;
  struct ir_v128 v = x->ir->vconst[in->imm];
  for (unsigned k = 0; k < 16; k++) {
    uint8_t index = (uint8_t)((k < 8 ? v.lo : v.hi) >> (8 * (k % 8)));
    if (index >= 16 && index < 0x80)
      return 0;
  }
  return 1;
}

/* r[i] = a[b[i]], 0 where b[i] >= 16: pshufb d(=a), idx once the indices
 * >= 16 have bit 7 set. paddusb with 0x70 does that: 0..15 become
 * 0x70..0x7f (pshufb reads only bit 7 and the low nibble), the rest >= 0x80. */
/* d = a's bytes moved by a table x64_table_of knows:
 *   pshufd d, a, imm                                      (whole words)
 *   vpsrlL xmm14, a, 8k; vpsllL d, a, L - 8k; vpor d, d, xmm14   (a rotation) */
static void x64_lower_table(struct x64_ctx *x, unsigned d, uint32_t a, struct x64_table t) {
  static const enum x64_sse_shift shl[4] = {X64_PSLLW, X64_PSLLW, X64_PSLLD, X64_PSLLQ};
  static const enum x64_sse_shift shr[4] = {X64_PSRLW, X64_PSRLW, X64_PSRLD, X64_PSRLQ};
  struct tc_buf *b = x->buf;
  unsigned src = x64_vsrc(x, a, X64_XS0), right = 8u * t.k, left = (8u << t.aux) - right;
  if (t.kind == X64_TABLE_WORDS) {
    x64_sse_rri(b, X64_PSHUFD, d, src, t.imm);
  } else if (x64_feat() & X64_F_AVX) {
    x64_vex_shift_ri(b, shr[t.aux], X64_XS1, src, (uint8_t)right);
    x64_vex_shift_ri(b, shl[t.aux], d, src, (uint8_t)left);
    x64_vex_rrr(b, X64_POR, d, d, X64_XS1);
  } else {
    x64_sse_rr(b, X64_MOVDQA, X64_XS1, src);
    x64_sse_shift_ri(b, shr[t.aux], X64_XS1, (uint8_t)right);
    if (d != src)
      x64_sse_rr(b, X64_MOVDQA, d, src);
    x64_sse_shift_ri(b, shl[t.aux], d, (uint8_t)left);
    x64_sse_rr(b, X64_POR, d, X64_XS1);
  }
}

static void x64_lower_vtbl(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_vin(x, ref);
  unsigned d = x64_dst(x, ref), idx = X64_XS0;
  if (x->fuse[in->b] == X64_FUSE_TABLE) {
    x64_lower_table(x, d, in->a, x64_table_of(&x->ir->vconst[x->ir->insn[in->b].imm]));
    return;
  }
  if (x64_pshufb_ready(x, in->b)) {
    idx = x64_vsrc(x, in->b, X64_XS0);
  } else {
    x64_vload_value(x, X64_XS0, in->b);
    x64_vconst_to(x, X64_XS1, x64_rep(0x7070707070707070ull), X64_XS1);
    x64_sse_rr(x->buf, X64_PADDUSB, X64_XS0, X64_XS1); /* paddusb xmm15, xmm14 */
  }
  x64_vload_value(x, d, in->a);
  x64_sse_rr(x->buf, X64_PSHUFB, d, idx);
}

/* xmm14 = (d >> shift) & mask on bytes, the mask in xmm15: the word shift
 * brings bits over from the neighbour byte, the mask drops them. */
static void x64_cnt_part(struct x64_ctx *x, unsigned d, unsigned shift, uint64_t mask) {
  x64_vconst_to(x, X64_XS0, x64_rep(mask), X64_XS0);
  x64_sse_rr(x->buf, X64_MOVDQA, X64_XS1, d);
  x64_sse_shift_ri(x->buf, X64_PSRLW, X64_XS1, (uint8_t)shift);
  x64_sse_rr(x->buf, X64_PAND, X64_XS1, X64_XS0);
}

/* Bytes' popcount in SSE2 (Hacker's Delight 5-1): 2-bit counts x - ((x >> 1)
 * & 0x55), 4-bit ones (x & 0x33) + ((x >> 2) & 0x33), then (x + (x >> 4)) &
 * 0x0f. Three registers; the pshufb nibble table would need a fourth, for
 * the second copy of the table. */
static void x64_lower_vcnt(struct x64_ctx *x, uint32_t ref) {
  unsigned d = x64_dst(x, ref);
  struct tc_buf *b = x->buf;
  x64_vload_value(x, d, x64_vin(x, ref)->a);
  x64_cnt_part(x, d, 1, 0x5555555555555555ull);
  x64_sse_rr(b, X64_PSUBB, d, X64_XS1);
  x64_cnt_part(x, d, 2, 0x3333333333333333ull);
  x64_sse_rr(b, X64_PAND, d, X64_XS0);
  x64_sse_rr(b, X64_PADDB, d, X64_XS1);
  x64_sse_rr(b, X64_MOVDQA, X64_XS1, d);
  x64_sse_shift_ri(b, X64_PSRLW, X64_XS1, 4);
  x64_sse_rr(b, X64_PADDB, d, X64_XS1);
  x64_vconst_to(x, X64_XS0, x64_rep(0x0f0f0f0f0f0f0f0full), X64_XS0);
  x64_sse_rr(b, X64_PAND, d, X64_XS0);
}

/* The even dwords' full 64-bit products: pmuludq (SSE2), pmuldq (SSE4.1). */
static void x64_lower_vmull(struct x64_ctx *x, uint32_t ref) {
  x64_lower_vbin(x, ref, x64_vin(x, ref)->op == IR_VMULLU ? X64_PMULUDQ : X64_PMULDQ);
}

/* Saturating add and subtract: paddsb/w, paddusb/w, psubsb/w, psubusb/w for
 * bytes and words; unsigned dwords with SSE4.1 as a - min(a, b) (= max(a, b)
 * - b) and a + min(b, ~a), the largest addend that does not carry out. */
static void x64_lower_vqaddsub(struct x64_ctx *x, uint32_t ref) {
  static const enum x64_sse ops[4][2] = {
      {X64_PADDSB, X64_PADDSW},   /* IR_VQADDS */
      {X64_PADDUSB, X64_PADDUSW}, /* IR_VQADDU */
      {X64_PSUBSB, X64_PSUBSW},   /* IR_VQSUBS */
      {X64_PSUBUSB, X64_PSUBUSW}, /* IR_VQSUBU */
  };
  const struct ir_insn *in = x64_vin(x, ref);
  unsigned lane = in->aux & 3, d = x64_dst(x, ref);
  struct tc_buf *b = x->buf;
  if (lane < 2) {
    x64_lower_vbin(x, ref, ops[in->op - IR_VQADDS][lane]);
    return;
  }
  if (in->op == IR_VQSUBU) {
    unsigned rb = x64_vsrc(x, in->b, X64_XS0);
    x64_vload_value(x, d, in->a);
    x64_sse_rr(b, X64_PMAXUD, d, rb);
    x64_sse_rr(b, X64_PSUBD, d, rb);
    return;
  }
  x64_sse_rr(b, X64_PCMPEQD, X64_XS1, X64_XS1); /* pcmpeqd xmm14, xmm14: all ones */
  x64_sse_rr(b, X64_PXOR, X64_XS1, x64_vsrc(x, in->a, X64_XS0)); /* ~a */
  x64_sse_rr(b, X64_PMINUD, X64_XS1, x64_vsrc(x, in->b, X64_XS0));
  x64_vload_value(x, d, in->a);
  x64_sse_rr(b, X64_PADDD, d, X64_XS1);
}

/* ---- shifts by the amount in each lane of b (AVX2) ---- */

static enum x64_vshiftv x64_vshiftv_of(enum ir_op op) {
  return op == IR_VSHLV ? X64_VPSLLV : op == IR_VSHRUV ? X64_VPSRLV : X64_VPSRAV;
}

/* 64-bit sign fill, which has no vpsravq below AVX-512: with s the lanes' sign
 * masks, a >> b = ((a ^ s) >>> b) ^ s, which is also the sign for b >= 64. */
static void x64_lower_vshrsv64(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_vin(x, ref);
  unsigned d = x64_dst(x, ref);
  struct tc_buf *b = x->buf;
  x64_vload_value(x, d, in->a);
  x64_sse_shift_ri(b, X64_PSRAD, d, 31);
  x64_sse_rri(b, X64_PSHUFD, d, d, 0xf5); /* pshufd d, d, 0b11110101: high dwords' signs */
  x64_vload_value(x, X64_XS1, in->a);
  x64_sse_rr(b, X64_PXOR, X64_XS1, d);
  x64_vshiftv(b, X64_VPSRLV, 1, X64_XS1, X64_XS1, x64_vsrc(x, in->b, X64_XS0));
  x64_sse_rr(b, X64_PXOR, d, X64_XS1);
}

/* Words as the low and high halves of dwords: the low ones with the amount
 * b & 0xffff (and a's low word zero- or sign-extended for the right shifts),
 * masked to 16 bits; the high ones in place with the amount b >> 16, a's low
 * word cleared first (left) or the low word of the result cleared after. */
static void x64_lower_vshiftv16(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_vin(x, ref);
  enum x64_vshiftv op = x64_vshiftv_of(in->op);
  unsigned d = x64_dst(x, ref);
  struct tc_buf *b = x->buf;
  x64_vconst_to(x, X64_XS1, x64_rep(0x0000ffff0000ffffull), X64_XS1);
  x64_vload_value(x, d, in->b);
  x64_sse_rr(b, X64_PAND, d, X64_XS1);
  x64_vload_value(x, X64_XS0, in->a);
  if (op == X64_VPSRLV)
    x64_sse_rr(b, X64_PAND, X64_XS0, X64_XS1);
  if (op == X64_VPSRAV) {
    x64_sse_shift_ri(b, X64_PSLLD, X64_XS0, 16);
    x64_sse_shift_ri(b, X64_PSRAD, X64_XS0, 16);
  }
  x64_vshiftv(b, op, 0, d, X64_XS0, d);
  x64_sse_rr(b, X64_PAND, d, X64_XS1);
  x64_vload_value(x, X64_XS0, in->b);
  x64_sse_shift_ri(b, X64_PSRLD, X64_XS0, 16);
  x64_vload_value(x, X64_XS1, in->a);
  if (op == X64_VPSLLV) {
    x64_sse_shift_ri(b, X64_PSRLD, X64_XS1, 16);
    x64_sse_shift_ri(b, X64_PSLLD, X64_XS1, 16);
  }
  x64_vshiftv(b, op, 0, X64_XS1, X64_XS1, X64_XS0);
  if (op != X64_VPSLLV) {
    x64_sse_shift_ri(b, X64_PSRLD, X64_XS1, 16);
    x64_sse_shift_ri(b, X64_PSLLD, X64_XS1, 16);
  }
  x64_sse_rr(b, X64_POR, d, X64_XS1);
}

/* vpsllvd/q, vpsrlvd/q, vpsravd d, a, b; words and 64-bit sign fill above. */
static void x64_lower_vshiftv(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_vin(x, ref);
  unsigned lane = in->aux & 3;
  if (lane == 1) {
    x64_lower_vshiftv16(x, ref);
    return;
  }
  if (lane == 3 && in->op == IR_VSHRSV) {
    x64_lower_vshrsv64(x, ref);
    return;
  }
  unsigned ra = x64_vsrc(x, in->a, X64_XS0), rb = x64_vsrc(x, in->b, X64_XS1);
  x64_vshiftv(x->buf, x64_vshiftv_of(in->op), lane == 3, x64_dst(x, ref), ra, rb);
}

/* ---- the fallback: ir_veval in C ---- */

/* desc = op | aux << 8 | imm << 16; a and b are v128 halves or scalars in lo. */
static struct ir_v128 x64_vec_fallback(struct cpu *c, uint64_t desc, uint64_t alo, uint64_t ahi,
                                       uint64_t blo, uint64_t bhi) {
  struct ir_insn in = {.op = (uint8_t)desc, .aux = (uint8_t)(desc >> 8), .imm = desc >> 16};
  struct ir_v128 r = {0, 0};
  (void)c;
  in.type = in.op == IR_VEXTRACT ? IR_I64 : IR_V128;
  ir_veval(&in, (struct ir_v128){alo, ahi}, (struct ir_v128){blo, bhi}, (struct ir_v128){0, 0}, &r);
  return r;
}

/* lo_reg, hi_reg = the halves of the v128 ref (SSE2 only). */
void x64_vsplit(struct x64_ctx *x, uint32_t ref, unsigned lo_reg, unsigned hi_reg) {
  unsigned xr = x64_vsrc(x, ref, X64_XS0);
  x64_movq_rx(x->buf, 1, lo_reg, xr);
  x64_sse_rri(x->buf, X64_PSHUFD, X64_XS1, xr, 0xee); /* pshufd xmm14, xr, 0b11101110 */
  x64_movq_rx(x->buf, 1, hi_reg, X64_XS1);
}

/* ref's value from a fallback call's return: rax, or rdx:rax for a v128. */
void x64_call_result(struct x64_ctx *x, uint32_t ref) {
  unsigned d = x64_dst(x, ref);
  if (x->ir->insn[ref].type != IR_V128) {
    x64_mov_rr(x->buf, 1, d, X64_RAX);
    return;
  }
  x64_movq_xr(x->buf, 1, d, X64_RAX);
  x64_movq_xr(x->buf, 1, X64_XS1, X64_RDX);
  x64_sse_rr(x->buf, X64_PUNPCKLQDQ, d, X64_XS1); /* punpcklqdq d, xmm14 */
}

/* fallback(cpu, desc, a.lo, a.hi, b.lo, b.hi): returns the result in rdx:rax.
 * x64_ra_call has spilled every live value in a caller-saved register. */
static void x64_lower_vcall(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_vin(x, ref);
  struct tc_buf *b = x->buf;
  if (in->b && !x64_is_v128(x, in->b)) {
    x64_load_value(x, X64_R8, in->b);
    x64_mov_ri(b, X64_R9, 0);
  } else if (in->b) {
    x64_vsplit(x, in->b, X64_R8, X64_R9);
  }
  if (x64_is_v128(x, in->a))
    x64_vsplit(x, in->a, X64_RDX, X64_RCX);
  else
    x64_load_value(x, X64_RDX, in->a);
  x64_mov_ri(b, X64_RSI, in->op | (uint64_t)in->aux << 8 | in->imm << 16);
  x64_cpu_ptr(b, X64_RDI);
  x64_mov_host(x, X64_RAX, (uintptr_t)x64_vec_fallback);
  x64_call_r(b, X64_RAX);
  x64_call_result(x, ref);
}

/* ---- memory ---- */

static void x64_lower_vload(struct x64_ctx *x, uint32_t ref, struct x64_mem m) {
  const struct ir_insn *in = x64_vin(x, ref);
  unsigned size = in->aux & IR_MEM_SIZE_MASK, d = x64_dst(x, ref);
  if (size == 4)
    x64_sse_rm(x->buf, X64_MOVDQU_LOAD, d, m);
  else if (size == 3)
    x64_sse_rm(x->buf, X64_MOVQ_LOAD, d, m);
  else if (size == 2)
    x64_sse_rm(x->buf, X64_MOVD_XR, d, m);
  else {
    x64_load(x->buf, size, 0, 0, X64_RCX, m);
    x64_movq_xr(x->buf, 0, d, X64_RCX);
  }
}

static void x64_lower_vstore(struct x64_ctx *x, uint32_t ref, struct x64_mem m, unsigned xv) {
  unsigned size = x64_vin(x, ref)->aux & IR_MEM_SIZE_MASK;
  if (size == 4)
    x64_sse_rm(x->buf, X64_MOVDQU_STORE, xv, m);
  else if (size == 3)
    x64_sse_rm(x->buf, X64_MOVQ_STORE, xv, m);
  else if (size == 2)
    x64_sse_rm(x->buf, X64_MOVD_RX, xv, m);
  else {
    x64_movq_rx(x->buf, 0, X64_RCX, xv);
    x64_store(x->buf, size, m, X64_RCX);
  }
}

/* LOAD/STORE of a v128 at [a + imm] (x64_addr); pc map entry right before the access. */
void x64_lower_vmem(struct x64_ctx *x, uint32_t ref, void (*pcmap)(struct x64_ctx *)) {
  const struct ir_insn *in = x64_vin(x, ref);
  struct x64_mem m = x64_addr(x, ref);
  if (in->op == IR_LOAD) {
    pcmap(x);
    x64_lower_vload(x, ref, m);
    return;
  }
  unsigned xv = x64_vsrc(x, in->b, X64_XS0);
  pcmap(x);
  x64_lower_vstore(x, ref, m, xv);
}

void x64_lower_vec(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_vin(x, ref);
  if (in->op == IR_GET || in->op == IR_PUT) {
    (in->op == IR_GET ? x64_lower_vget : x64_lower_vput)(x, ref);
    return;
  }
  if (ir_is_vf_op(in->op)) {
    x64_lower_vf(x, ref);
    return;
  }
  if (in->op == IR_VSHA256RND2) { /* three operands, one in xmm0 */
    x64_lower_sha256rnds2(x, ref);
    return;
  }
  if (in->op != IR_VCONST && !x64_vec_native(in)) {
    x64_lower_vcall(x, ref);
    return;
  }
  switch ((enum ir_op)in->op) {
  case IR_VCONST: x64_lower_vconst(x, ref); break;
  case IR_VAND: x64_lower_vbin(x, ref, X64_PAND); break;
  case IR_VOR: x64_lower_vbin(x, ref, X64_POR); break;
  case IR_VXOR: x64_lower_vbin(x, ref, X64_PXOR); break;
  case IR_VANDN: x64_lower_vandn(x, ref); break;
  case IR_VNOT: x64_lower_vnot(x, ref); break;
  case IR_VADD: x64_lower_vadd(x, ref); break;
  case IR_VSUB: x64_lower_vsub(x, ref); break;
  case IR_VMUL: x64_lower_vmul(x, ref); break;
  case IR_VCMPEQ: x64_lower_vcmpeq(x, ref); break;
  case IR_VCMPGTS: x64_lower_vcmpgts(x, ref); break;
  case IR_VCMPGTU: x64_lower_vcmpgtu(x, ref); break;
  case IR_VMINU:
  case IR_VMAXU:
  case IR_VMINS:
  case IR_VMAXS: x64_lower_vminmax(x, ref); break;
  case IR_VSHL:
  case IR_VSHRU:
  case IR_VSHRS: x64_lower_vshift(x, ref); break;
  case IR_VDUP: x64_lower_vdup(x, ref); break;
  case IR_VEXTRACT: x64_lower_vextract(x, ref); break;
  case IR_VINSERT: x64_lower_vinsert(x, ref); break;
  case IR_VZEXT64: x64_lower_vzext64(x, ref); break;
  case IR_VZIP1:
  case IR_VZIP2: x64_lower_vzip(x, ref); break;
  case IR_VUZP1:
  case IR_VUZP2: x64_lower_vuzp(x, ref); break;
  case IR_VEXT: x64_lower_vext(x, ref); break;
  case IR_VNARROW: x64_lower_vnarrow(x, ref); break;
  case IR_VWIDENU:
  case IR_VWIDENS: x64_lower_vwiden(x, ref); break;
  case IR_VTBL: x64_lower_vtbl(x, ref); break;
  case IR_VCNT: x64_lower_vcnt(x, ref); break;
  case IR_VMULLU:
  case IR_VMULLS: x64_lower_vmull(x, ref); break;
  case IR_VAESSUB ... IR_VCLMUL:
  case IR_VSHA256MSG1:
  case IR_VSHA256MSG2: x64_lower_crypto(x, ref); break;
  case IR_VQADDS ... IR_VQSUBU: x64_lower_vqaddsub(x, ref); break;
  case IR_VSHLV ... IR_VSHRSV: x64_lower_vshiftv(x, ref); break;
  default: x->error = "unknown vector op"; break;
  }
}
