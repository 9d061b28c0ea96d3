/* a64_vec.h - private to the A64 SIMD translation to vector IR (a64_vec*.c):
 * the fields the Advanced SIMD classes share and the small IR builders they
 * all use.
 *
 *   struct vec o = vec_of3(a);   // a: the struct arg_vec3 of a trans_
 *   a64_vput(s, o.rd, vop2(s, IR_VADD, o.esz, a64_vget(s, o.rn), a64_vget(s, o.rm)), o.q);
 */
#ifndef A64_VEC_H
#define A64_VEC_H

#include "a64.h"

/* The fields most classes share: 0 Q U 0111x size ... Rm ... Rn Rd. */
struct vec {
  unsigned q, u, esz, rd, rn, rm;
};

/* The same fields from the @vec3, @vec3diff and @vec2 formats of a64.decode
 * (rm is not a register in @vec2). */
static inline struct vec vec_of3(const struct arg_vec3 *a) {
  return (struct vec){a->q, a->u, a->size, a->rd, a->rn, a->rm};
}
static inline struct vec vec_of3diff(const struct arg_vec3diff *a) {
  return (struct vec){a->q, a->u, a->size, a->rd, a->rn, a->rm};
}
static inline struct vec vec_of2(const struct arg_vec2 *a) {
  return (struct vec){.q = a->q, .u = a->u, .esz = a->size, .rd = a->rd, .rn = a->rn};
}

static inline uint32_t vop2(struct a64_ctx *s, enum ir_op op, unsigned esz, uint32_t x,
                            uint32_t y) {
  return ir_vop(s->b, op, IR_V128, esz, x, y, 0);
}

static inline uint32_t vop1(struct a64_ctx *s, enum ir_op op, unsigned esz, uint32_t x,
                            uint64_t imm) {
  return ir_vop(s->b, op, IR_V128, esz, x, 0, imm);
}

static inline uint32_t vzero(struct a64_ctx *s) {
  return ir_vconst(s->b, 0, 0);
}

static inline uint32_t vnot(struct a64_ctx *s, uint32_t x) {
  return vop1(s, IR_VNOT, 0, x, 0);
}

/* x in every lane of log2 size esz of a 64-bit word. */
static inline uint64_t vec_rep(unsigned esz, uint64_t x) {
  uint64_t r = 0;
  for (unsigned k = 0; k < 64; k += 8u << esz)
    r |= x << k;
  return r;
}

/* Vr with its high half moved down when q (the "2" forms read that half). */
static inline uint32_t vget_half(struct a64_ctx *s, unsigned r, unsigned q) {
  uint32_t v = a64_vget(s, r);
  return q ? vop2(s, IR_VZIP2, 3, v, v) : v;
}

/* Vd = the wide lanes of r narrowed to esz, into the half of Vd that q picks
 * (XTN2, SHRN2, ADDHN2 keep the low half). */
static inline void vput_narrow(struct a64_ctx *s, unsigned rd, unsigned esz, uint32_t r,
                               unsigned q) {
  r = vop1(s, IR_VNARROW, esz, r, 0);
  if (q)
    r = vop2(s, IR_VZIP1, 3, a64_vget(s, rd), r);
  a64_vput(s, rd, r, 1);
}

#endif
