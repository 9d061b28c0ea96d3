/* ir_veval.c - the reference semantics of the pure vector ops (ir_ops.def,
 * V*): lane by lane on 16-byte little-endian values. The interpreter runs
 * them, and a backend may call ir_veval for an op it has no native form for.
 */
#include <string.h>
#include "ir_eval.h"
#include "ir_crypto.h"

struct ir_vbytes {
  uint8_t b[16];
};

static struct ir_vbytes ir_vb(struct ir_v128 v) {
  struct ir_vbytes r;
  memcpy(r.b, &v.lo, 8);
  memcpy(r.b + 8, &v.hi, 8);
  return r;
}

static struct ir_v128 ir_vv(const struct ir_vbytes *v) {
  struct ir_v128 r;
  memcpy(&r.lo, v->b, 8);
  memcpy(&r.hi, v->b + 8, 8);
  return r;
}

static uint64_t ir_lane(const struct ir_vbytes *v, unsigned lg, unsigned i) {
  uint64_t x = 0;
  memcpy(&x, v->b + (i << lg), 1u << lg);
  return x;
}

static void ir_set_lane(struct ir_vbytes *v, unsigned lg, unsigned i, uint64_t x) {
  memcpy(v->b + (i << lg), &x, 1u << lg);
}

static int64_t ir_lane_s(uint64_t x, unsigned lg) {
  unsigned sh = 64 - (8u << lg);
  return (int64_t)(x << sh) >> sh;
}

static uint64_t ir_lane_mask(unsigned lg) {
  return lg >= 3 ? ~0ull : (1ull << (8u << lg)) - 1;
}

/* One lane of the element-wise ops with two operands. */
static uint64_t ir_vlane2(unsigned op, unsigned lg, uint64_t x, uint64_t y) {
  uint64_t ones = ir_lane_mask(lg);
  int64_t sx = ir_lane_s(x, lg), sy = ir_lane_s(y, lg);
  switch (op) {
  case IR_VADD: return x + y;
  case IR_VSUB: return x - y;
  case IR_VMUL: return x * y;
  case IR_VCMPEQ: return x == y ? ones : 0;
  case IR_VCMPGTS: return sx > sy ? ones : 0;
  case IR_VCMPGTU: return x > y ? ones : 0;
  case IR_VMINU: return x < y ? x : y;
  case IR_VMAXU: return x > y ? x : y;
  case IR_VMINS: return sx < sy ? x : y;
  default: return sx > sy ? x : y; /* IR_VMAXS */
  }
}

/* One lane of the shifts by imm or by b's lane (0 .. L and beyond). */
static uint64_t ir_vshift(unsigned op, unsigned lg, uint64_t x, uint64_t n) {
  unsigned bits = 8u << lg;
  if (op == IR_VSHRS)
    return (uint64_t)(ir_lane_s(x, lg) >> (n >= bits ? bits - 1 : n));
  if (n >= bits)
    return 0;
  return op == IR_VSHL ? x << n : x >> n;
}

static struct ir_vbytes ir_vlanes(const struct ir_insn *i, const struct ir_vbytes *a,
                                  const struct ir_vbytes *b) {
  unsigned lg = i->aux & 3;
  struct ir_vbytes r;
  for (unsigned k = 0; k < 16u >> lg; k++) {
    uint64_t x = ir_lane(a, lg, k), y = ir_lane(b, lg, k);
    if (i->op == IR_VSHL || i->op == IR_VSHRU || i->op == IR_VSHRS)
      ir_set_lane(&r, lg, k, ir_vshift(i->op, lg, x, i->imm));
    else if (i->op >= IR_VSHLV && i->op <= IR_VSHRSV) /* the amount in b's lane */
      ir_set_lane(&r, lg, k, ir_vshift(IR_VSHL + (i->op - IR_VSHLV), lg, x, y));
    else
      ir_set_lane(&r, lg, k, ir_vlane2(i->op, lg, x, y));
  }
  return r;
}

/* ZIP, UZP: lanes picked from a and b. */
static struct ir_vbytes ir_vperm(const struct ir_insn *i, const struct ir_vbytes *a,
                                 const struct ir_vbytes *b) {
  unsigned lg = i->aux & 3, n = 16u >> lg;
  struct ir_vbytes r, cat[2] = {*a, *b};
  for (unsigned k = 0; k < n; k++) {
    unsigned src, lane;
    if (i->op == IR_VZIP1 || i->op == IR_VZIP2) {
      src = k & 1;
      lane = (i->op == IR_VZIP2 ? n / 2 : 0) + k / 2;
    } else {
      unsigned c = 2 * k + (i->op == IR_VUZP2);
      src = c / n;
      lane = c % n;
    }
    ir_set_lane(&r, lg, k, ir_lane(&cat[src], lg, lane));
  }
  return r;
}

/* NARROW, WIDENU, WIDENS: aux is the result lane size. */
static struct ir_vbytes ir_vresize(const struct ir_insn *i, const struct ir_vbytes *a) {
  unsigned lg = i->aux & 3;
  struct ir_vbytes r = {{0}};
  if (i->op == IR_VNARROW) {
    for (unsigned k = 0; k < 8u >> lg; k++)
      ir_set_lane(&r, lg, k, ir_lane(a, lg + 1, k));
    return r;
  }
  for (unsigned k = 0; k < 16u >> lg; k++) {
    uint64_t x = ir_lane(a, lg - 1, k);
    ir_set_lane(&r, lg, k, i->op == IR_VWIDENS ? (uint64_t)ir_lane_s(x, lg - 1) : x);
  }
  return r;
}

/* TBL: a byte shuffle of a by the indices in b; CNT: bytes' popcount. */
static struct ir_vbytes ir_vbyte_op(const struct ir_insn *i, const struct ir_vbytes *a,
                                    const struct ir_vbytes *b) {
  struct ir_vbytes r;
  for (unsigned k = 0; k < 16; k++)
    if (i->op == IR_VTBL)
      r.b[k] = b->b[k] < 16 ? a->b[b->b[k]] : 0;
    else
      r.b[k] = (uint8_t)__builtin_popcount(a->b[k]);
  return r;
}

/* MULLU, MULLS: the even lanes of half the width, extended, multiplied in full. */
static struct ir_vbytes ir_vmull(const struct ir_insn *i, const struct ir_vbytes *a,
                                 const struct ir_vbytes *b) {
  unsigned lg = i->aux & 3;
  struct ir_vbytes r;
  for (unsigned k = 0; k < 16u >> lg; k++) {
    uint64_t x = ir_lane(a, lg - 1, 2 * k), y = ir_lane(b, lg - 1, 2 * k);
    if (i->op == IR_VMULLS)
      x = (uint64_t)ir_lane_s(x, lg - 1), y = (uint64_t)ir_lane_s(y, lg - 1);
    ir_set_lane(&r, lg, k, x * y);
  }
  return r;
}

/* QADDS, QADDU, QSUBS, QSUBU: the exact sum or difference clamped to the lane. */
static struct ir_vbytes ir_vqaddsub(const struct ir_insn *i, const struct ir_vbytes *a,
                                    const struct ir_vbytes *b) {
  unsigned lg = i->aux & 3, bits = 8u << lg;
  int sign = i->op == IR_VQADDS || i->op == IR_VQSUBS;
  __int128 lo = sign ? -((__int128)1 << (bits - 1)) : 0;
  __int128 hi = sign ? ((__int128)1 << (bits - 1)) - 1 : ((__int128)1 << bits) - 1;
  struct ir_vbytes r;
  for (unsigned k = 0; k < 16u >> lg; k++) {
    uint64_t x = ir_lane(a, lg, k), y = ir_lane(b, lg, k);
    __int128 v = sign ? (__int128)ir_lane_s(x, lg) : (__int128)x;
    __int128 w = sign ? (__int128)ir_lane_s(y, lg) : (__int128)y;
    v = i->op == IR_VQADDS || i->op == IR_VQADDU ? v + w : v - w;
    ir_set_lane(&r, lg, k, (uint64_t)(v < lo ? lo : v > hi ? hi : v));
  }
  return r;
}

/* The AES round steps (ir_aes.c) on the state a; CLMUL: the 64-bit halves
 * imm bits 0 and 4 pick, multiplied carry-less into 128 bits. */
static struct ir_vbytes ir_vcrypto(const struct ir_insn *i, struct ir_v128 a, struct ir_v128 b) {
  struct ir_vbytes r = ir_vb(a);
  unsigned __int128 p;
  switch (i->op) {
  case IR_VAESSUB: ir_aes_sub(r.b); break;
  case IR_VAESISUB: ir_aes_isub(r.b); break;
  case IR_VAESMIX: ir_aes_mix(r.b); break;
  case IR_VAESIMIX: ir_aes_imix(r.b); break;
  default: /* IR_VCLMUL */
    p = ir_clmul(i->imm & 1 ? a.hi : a.lo, i->imm & 0x10 ? b.hi : b.lo, 64);
    memcpy(r.b, &p, 16);
    break;
  }
  return r;
}

/* The SHA-256 steps (ir_sha.c) on the 32-bit words of a, b (and c). */
static struct ir_vbytes ir_vsha256(const struct ir_insn *i, struct ir_v128 a, struct ir_v128 b,
                                   struct ir_v128 c) {
  uint32_t x[4], y[4], z[4], r[4];
  struct ir_vbytes v;
  memcpy(x, &a, 16), memcpy(y, &b, 16), memcpy(z, &c, 16);
  if (i->op == IR_VSHA256RND2)
    ir_sha256_rnds2(r, x, y, z);
  else
    (i->op == IR_VSHA256MSG1 ? ir_sha256_msg1 : ir_sha256_msg2)(r, x, y);
  memcpy(v.b, r, 16);
  return v;
}

static struct ir_vbytes ir_vext(unsigned imm, const struct ir_vbytes *a,
                                const struct ir_vbytes *b) {
  uint8_t cat[32];
  struct ir_vbytes r;
  memcpy(cat, a->b, 16);
  memcpy(cat + 16, b->b, 16);
  memcpy(r.b, cat + (imm & 15), 16);
  return r;
}

/* DUP, INSERT, EXTRACT, ZEXT64: lanes to and from scalars (in .lo). */
static struct ir_v128 ir_vscalar(const struct ir_insn *i, struct ir_v128 a, struct ir_v128 b) {
  unsigned lg = i->aux & 3;
  struct ir_vbytes v = ir_vb(a);
  switch (i->op) {
  case IR_VDUP:
    for (unsigned k = 0; k < 16u >> lg; k++)
      ir_set_lane(&v, lg, k, a.lo);
    return ir_vv(&v);
  case IR_VINSERT:
    ir_set_lane(&v, lg, (unsigned)i->imm & ((16u >> lg) - 1), b.lo);
    return ir_vv(&v);
  case IR_VEXTRACT:
    return (struct ir_v128){
        ir_lane(&v, lg, (unsigned)i->imm & ((16u >> lg) - 1)) & ir_type_mask(i->type), 0};
  default: return (struct ir_v128){a.lo, 0}; /* IR_VZEXT64 */
  }
}

int ir_veval(const struct ir_insn *i, struct ir_v128 a, struct ir_v128 b, struct ir_v128 c,
             struct ir_v128 *out) {
  struct ir_vbytes x = ir_vb(a), y = ir_vb(b), r;
  switch (i->op) {
  case IR_VAND: *out = (struct ir_v128){a.lo & b.lo, a.hi & b.hi}; return 1;
  case IR_VOR: *out = (struct ir_v128){a.lo | b.lo, a.hi | b.hi}; return 1;
  case IR_VXOR: *out = (struct ir_v128){a.lo ^ b.lo, a.hi ^ b.hi}; return 1;
  case IR_VANDN: *out = (struct ir_v128){a.lo & ~b.lo, a.hi & ~b.hi}; return 1;
  case IR_VNOT: *out = (struct ir_v128){~a.lo, ~a.hi}; return 1;
  case IR_VADD ... IR_VSHRS: r = ir_vlanes(i, &x, &y); break;
  case IR_VDUP ... IR_VZEXT64: *out = ir_vscalar(i, a, b); return 1;
  case IR_VZIP1 ... IR_VUZP2: r = ir_vperm(i, &x, &y); break;
  case IR_VEXT: r = ir_vext((unsigned)i->imm, &x, &y); break;
  case IR_VNARROW ... IR_VWIDENS: r = ir_vresize(i, &x); break;
  case IR_VTBL:
  case IR_VCNT: r = ir_vbyte_op(i, &x, &y); break;
  case IR_VMULLU:
  case IR_VMULLS: r = ir_vmull(i, &x, &y); break;
  case IR_VAESSUB ... IR_VCLMUL: r = ir_vcrypto(i, a, b); break;
  case IR_VSHA256RND2 ... IR_VSHA256MSG2: r = ir_vsha256(i, a, b, c); break;
  case IR_VQADDS ... IR_VQSUBU: r = ir_vqaddsub(i, &x, &y); break;
  case IR_VSHLV ... IR_VSHRSV: r = ir_vlanes(i, &x, &y); break;
  default: return 0;
  }
  *out = ir_vv(&r);
  return 1;
}
