/* a64_ext_dot.c - FEAT_DotProd: SDOT and UDOT (Arm ARM C7.2, vector and
 * by element). Each 32-bit lane of Vd accumulates the four products of the
 * corresponding bytes of Vn and Vm (or of the indexed 32-bit element of Vm),
 * signed or unsigned, modulo 2^32.
 */
#include "a64_ext.h"
#include "a64_helpers.h"

static struct a64_cpu *a64(struct cpu *c) {
  return (struct a64_cpu *)c;
}

/* The dot product of the four bytes of x and y, signed or unsigned. */
static uint32_t dot4(uint32_t x, uint32_t y, bool is_unsigned) {
  uint32_t sum = 0;
  for (unsigned i = 0; i < 4; i++) {
    int32_t bx = (int32_t)(x >> 8 * i & 0xff), by = (int32_t)(y >> 8 * i & 0xff);
    if (!is_unsigned)
      bx = (int8_t)bx, by = (int8_t)by;
    sum += (uint32_t)(bx * by);
  }
  return sum;
}

/* Vd.<T> += dot(Vn, m) for the 2 (Q=0) or 4 lanes; m holds the 4 words of Vm. */
static void dot_lanes(struct a64_cpu *a, uint32_t insn, const uint32_t *m) {
  struct a64_vop o = a64_vop_of(insn, 12, 4);
  uint8_t res[16];
  for (unsigned e = 0; e < (o.q ? 4u : 2u); e++) {
    uint32_t acc = (uint32_t)a64_lane(a64_vreg(a, o.rd), 2, e);
    uint32_t x = (uint32_t)a64_lane(a64_vreg(a, o.rn), 2, e);
    a64_set_lane(res, 2, e, acc + dot4(x, m[e], o.u));
  }
  a64_vset(a, o.rd, res, o.q);
}

/* 0 Q U 01110 10 0 Rm 1 0010 1 Rn Rd: SDOT/UDOT Vd.<2S|4S>, Vn.<8B|16B>, Vm.<8B|16B> */
static uint64_t h_dot(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  unsigned rm = a64_bits((uint32_t)insn, 16, 5);
  uint32_t m[4];
  (void)pc, (void)unused;
  for (unsigned e = 0; e < 4; e++)
    m[e] = (uint32_t)a64_lane(a64_vreg(a, rm), 2, e);
  dot_lanes(a, (uint32_t)insn, m);
  return 0;
}

bool trans_ext_dot(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  (void)insn;
  return a64_simd_call(s, h_dot);
}

/* 0 Q U 01111 10 L M Rm 1110 H 0 Rn Rd: SDOT/UDOT Vd.<T>, Vn.<Tb>, Vm.4B[H:L],
 * Vm = M:Rm */
static uint64_t h_dot_elem(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  unsigned index, rm;
  uint32_t m[4];
  (void)pc, (void)unused;
  a64_elem_index((uint32_t)insn, 2, &index, &rm);
  for (unsigned e = 0; e < 4; e++)
    m[e] = (uint32_t)a64_lane(a64_vreg(a, rm), 2, index);
  dot_lanes(a, (uint32_t)insn, m);
  return 0;
}

bool trans_ext_dot_elem(struct a64_ctx *s, const struct arg_empty *args) {
  uint32_t insn = s->insn;
  (void)args;
  (void)insn;
  return a64_simd_call(s, h_dot_elem);
}
