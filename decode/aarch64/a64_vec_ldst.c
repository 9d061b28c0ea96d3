/* a64_vec_ldst.c - the AdvSIMD structure loads and stores as vector IR (Arm
 * ARM C4.1.88, "Advanced SIMD load/store multiple structures" and "single
 * structure"; C3.2.9): LD2-LD4 and ST2-ST4 of every arrangement, LD1-LD4
 * and ST1-ST4 of one lane, and LD1R-LD4R, each also post-indexed by the
 * bytes moved or by Xm.
 *
 * a64.decode has these patterns before those of a64_ldst.c, where the C helper
 * a64_h_ldst_struct stays the reference (tests/unit/a64_vec_test.c runs
 * both); LD1/ST1 of whole registers are plain loads and stores there.
 *
 * Memory moves in 16-byte pieces (8 bytes for the last one of a 64-bit
 * LD3/ST3) in address order and is (de)interleaved in registers: UZP for
 * LD2, twice for LD4; ZIP for ST2, twice for ST4; for LD3 and ST3 byte
 * shuffles (VTBL) by constant indices, ORed. Every load comes before any
 * register is written and the base writeback after the last access, so a
 * fault leaves the registers as they were. The 64-bit (Q=0) forms clear the
 * high halves of the registers they load.
 */
#include <string.h>
#include "a64.h"

/* 0 Q 001100 p L 0 Rm opcode size Rn Rt     (multiple structures)
 * 0 Q 001101 p L R Rm opcode S size Rn Rt   (single structure)
 * p: post-index, by the bytes moved when Rm = 31, else by Xm. */
struct vls {
  unsigned q, load, post, rm, rn, rt;
  unsigned nregs; /* registers Vt, Vt+1, ... (mod 32) */
};

static unsigned vls_reg(struct vls v, unsigned k) {
  return (v.rt + k) % 32;
}

/* Xn|SP += the bytes moved or Xm, after the accesses. */
static void vls_writeback(struct a64_ctx *s, struct vls v, uint32_t base, unsigned bytes) {
  if (!v.post)
    return;
  uint32_t inc = v.rm == 31 ? ir_const(s->b, IR_I64, bytes) : a64_rd(s, v.rm, 1, false);
  a64_wr(s, v.rn, 1, true, ir_binop(s->b, IR_ADD, IR_I64, base, inc));
}

static uint32_t vls_op(struct a64_ctx *s, enum ir_op op, unsigned esz, uint32_t x, uint32_t y) {
  return ir_vop(s->b, op, IR_V128, esz, x, y, 0);
}

/* ---- LD3, ST3: byte shuffles ---- */

/* The offset in memory of byte i of register r of an LD3/ST3 of esz lanes. */
static unsigned ld3_offset(unsigned esz, unsigned r, unsigned i) {
  return (((i >> esz) * 3 + r) << esz) | (i & ((1u << esz) - 1));
}

/* idx[out][src]: the VTBL indices that gather output out from source src,
 * 0x80 (none) where the byte comes from another source. LD3: the outputs are
 * the registers, the sources the pieces of memory; ST3 the reverse. */
static void ld3_tables(unsigned esz, unsigned reg_bytes, bool store, uint8_t idx[4][4][16]) {
  memset(idx, 0x80, 4 * 4 * 16);
  for (unsigned r = 0; r < 3; r++)
    for (unsigned i = 0; i < reg_bytes; i++) {
      unsigned off = ld3_offset(esz, r, i);
      if (store)
        idx[off / 16][r][off % 16] = (uint8_t)i;
      else
        idx[r][off / 16][i] = (uint8_t)(off % 16);
    }
}

/* The OR over the sources of VTBL(source, its indices); sources that give
 * no byte are left out. */
static uint32_t shuffle_gather(struct a64_ctx *s, const uint32_t *src, unsigned nsrc,
                               uint8_t idx[4][16]) {
  static const uint8_t none[16] = {0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
                                   0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80};
  uint32_t r = 0;
  for (unsigned k = 0; k < nsrc; k++) {
    if (!memcmp(idx[k], none, 16))
      continue;
    uint64_t lo, hi;
    memcpy(&lo, idx[k], 8);
    memcpy(&hi, idx[k] + 8, 8);
    uint32_t t = vls_op(s, IR_VTBL, 0, src[k], ir_vconst(s->b, lo, hi));
    r = r ? vls_op(s, IR_VOR, 0, r, t) : t;
  }
  return r;
}

/* ---- multiple structures ---- */

/* LD2: the even and odd lanes. LD4: the even and odd lanes of the even and
 * of the odd lanes. A 64-bit form has all its lanes in the low pieces. */
static void ld_uzp(struct a64_ctx *s, struct vls v, unsigned esz, const uint32_t *p, uint32_t *r) {
  if (v.nregs == 2) {
    uint32_t b = v.q ? p[1] : p[0];
    r[0] = vls_op(s, IR_VUZP1, esz, p[0], b);
    r[1] = vls_op(s, IR_VUZP2, esz, p[0], b);
    return;
  }
  uint32_t x0 = vls_op(s, IR_VUZP1, esz, p[0], p[1]), x1 = vls_op(s, IR_VUZP2, esz, p[0], p[1]);
  uint32_t y0 = v.q ? vls_op(s, IR_VUZP1, esz, p[2], p[3]) : x0;
  uint32_t y1 = v.q ? vls_op(s, IR_VUZP2, esz, p[2], p[3]) : x1;
  r[0] = vls_op(s, IR_VUZP1, esz, x0, y0);
  r[1] = vls_op(s, IR_VUZP1, esz, x1, y1);
  r[2] = vls_op(s, IR_VUZP2, esz, x0, y0);
  r[3] = vls_op(s, IR_VUZP2, esz, x1, y1);
}

/* ST2: lanes of r0 and r1 alternating. ST4: zipped twice, r0 with r2 and r1
 * with r3, then those. */
static void st_zip(struct a64_ctx *s, struct vls v, unsigned esz, const uint32_t *r, uint32_t *p) {
  if (v.nregs == 2) {
    p[0] = vls_op(s, IR_VZIP1, esz, r[0], r[1]);
    if (v.q)
      p[1] = vls_op(s, IR_VZIP2, esz, r[0], r[1]);
    return;
  }
  for (unsigned h = 0; h < 1 + v.q; h++) {
    enum ir_op zip = h ? IR_VZIP2 : IR_VZIP1;
    uint32_t even = vls_op(s, zip, esz, r[0], r[2]), odd = vls_op(s, zip, esz, r[1], r[3]);
    p[2 * h] = vls_op(s, IR_VZIP1, esz, even, odd);
    p[2 * h + 1] = vls_op(s, IR_VZIP2, esz, even, odd);
  }
}

/* The size (log2) of piece k of an access of total bytes: 16, or 8 at the end. */
static unsigned piece_size(unsigned total, unsigned k) {
  return total - 16 * k >= 16 ? 4 : 3;
}

static void ld_multi(struct a64_ctx *s, struct vls v, unsigned esz, uint32_t base, unsigned total) {
  uint32_t p[4], r[4];
  unsigned npieces = (total + 15) / 16;
  for (unsigned k = 0; k < npieces; k++)
    p[k] = ir_load_at(s->b, IR_V128, base, 16 * k, piece_size(total, k), 0);
  if (v.nregs == 3) {
    uint8_t idx[4][4][16];
    ld3_tables(esz, v.q ? 16 : 8, false, idx);
    for (unsigned k = 0; k < 3; k++)
      r[k] = shuffle_gather(s, p, npieces, idx[k]);
  } else {
    ld_uzp(s, v, esz, p, r);
  }
  for (unsigned k = 0; k < v.nregs; k++)
    a64_vput(s, vls_reg(v, k), r[k], v.q);
}

static void st_multi(struct a64_ctx *s, struct vls v, unsigned esz, uint32_t base, unsigned total) {
  uint32_t p[4], r[4];
  unsigned npieces = (total + 15) / 16;
  for (unsigned k = 0; k < v.nregs; k++)
    r[k] = a64_vget(s, vls_reg(v, k));
  if (v.nregs == 3) {
    uint8_t idx[4][4][16];
    ld3_tables(esz, v.q ? 16 : 8, true, idx);
    for (unsigned k = 0; k < npieces; k++)
      p[k] = shuffle_gather(s, r, 3, idx[k]);
  } else {
    st_zip(s, v, esz, r, p);
  }
  for (unsigned k = 0; k < npieces; k++)
    ir_store_at(s->b, base, 16 * k, p[k], piece_size(total, k));
}

/* opcode (bits 15:12) -> registers: 0000 LD4/ST4, 0100 LD3/ST3, 1000
 * LD2/ST2; 0 for the LD1/ST1 forms, which a64_ldst.c moves as they are. */
static unsigned multi_regs(unsigned opcode) {
  return opcode == 0 ? 4 : opcode == 4 ? 3 : opcode == 8 ? 2 : 0;
}

bool trans_vls_multi(struct a64_ctx *s, const struct arg_vls_multi *a) {
  struct vls v = {.q = a->q, .load = a->L, .post = a->post, .rm = a->rm, .rn = a->rn, .rt = a->rt};
  unsigned esz = a->size;
  v.nregs = multi_regs(a->opcode);
  if (!v.nregs || (esz == 3 && !v.q)) /* .1D is reserved for LD2-LD4 */
    return false;
  unsigned total = v.nregs * (v.q ? 16 : 8);
  uint32_t base = a64_rd(s, v.rn, 1, true);
  if (v.load)
    ld_multi(s, v, esz, base, total);
  else
    st_multi(s, v, esz, base, total);
  vls_writeback(s, v, base, total);
  return true;
}

/* ---- single structure ---- */

/* LDnR: element k of the structure to every lane of register k. */
static void ld_replicate(struct a64_ctx *s, struct vls v, unsigned esz, uint32_t base) {
  uint32_t x[4];
  for (unsigned k = 0; k < v.nregs; k++)
    x[k] = ir_load_at(s->b, IR_I64, base, k << esz, esz, 0);
  for (unsigned k = 0; k < v.nregs; k++)
    a64_vput(s, vls_reg(v, k), vls_op(s, IR_VDUP, esz, x[k], 0), v.q);
}

/* LDn, STn (single structure): element k of the structure is lane index of
 * register k; the rest of the registers stays. */
static void ldst_lane(struct a64_ctx *s, struct vls v, unsigned esz, unsigned index,
                      uint32_t base) {
  uint32_t x[4];
  for (unsigned k = 0; k < v.nregs; k++) {
    if (v.load) {
      x[k] = ir_load_at(s->b, IR_I64, base, k << esz, esz, 0);
      continue;
    }
    uint32_t lane = ir_vop(s->b, IR_VEXTRACT, IR_I64, esz, a64_vget(s, vls_reg(v, k)), 0, index);
    ir_store_at(s->b, base, k << esz, lane, esz);
  }
  for (unsigned k = 0; v.load && k < v.nregs; k++) {
    uint32_t r = a64_vget(s, vls_reg(v, k));
    a64_vput(s, vls_reg(v, k), ir_vop(s->b, IR_VINSERT, IR_V128, esz, r, x[k], index), 1);
  }
}

/* opcode<2:1> is the element size, 3 for LDnR (size from bits 11:10);
 * the index is Q:S:size with the bits the element size takes left out. */
static bool single_lane(const struct arg_vls_single *a, unsigned *esz, unsigned *index) {
  unsigned scale = a->scale, q = a->q, s = a->S, size = a->size;
  *esz = scale;
  switch (scale) {
  case 0: *index = q << 3 | s << 2 | size; return true;
  case 1: *index = q << 2 | s << 1 | size >> 1; return !(size & 1);
  case 2:
    if (size & 2 || (size & 1 && s))
      return false;
    *esz = 2 + (size & 1);
    *index = size & 1 ? q : q << 1 | s;
    return true;
  default: return false;
  }
}

bool trans_vls_single(struct a64_ctx *s, const struct arg_vls_single *a) {
  struct vls v = {.q = a->q, .load = a->L, .post = a->post, .rm = a->rm, .rn = a->rn, .rt = a->rt};
  unsigned esz, index = 0;
  v.nregs = (a->o0 << 1 | a->r) + 1;
  bool replicate = a->scale == 3;
  if (replicate) {
    if (!v.load || a->S)
      return false;
    esz = a->size;
  } else if (!single_lane(a, &esz, &index)) {
    return false;
  }
  uint32_t base = a64_rd(s, v.rn, 1, true);
  if (replicate)
    ld_replicate(s, v, esz, base);
  else
    ldst_lane(s, v, esz, index, base);
  vls_writeback(s, v, base, v.nregs << esz);
  return true;
}
