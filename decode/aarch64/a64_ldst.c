/* a64_ldst.c - A64 loads and stores (Arm ARM C4.1.88 "Loads and Stores"):
 * general and SIMD&FP registers in every addressing form, pairs, literals,
 * LD1/ST1 and the other structure forms, exclusives, load-acquire /
 * store-release and the LSE atomics.
 *
 * Guest addresses are host addresses, so addresses are computed in IR and the
 * accesses are plain IR LOAD/STORE. For precise faults every access of an
 * instruction is done before any register is written, and base writeback
 * comes last: a faulting access leaves the registers as they were.
 */
#include "a64.h"
#include "a64_helpers.h"

/* One register transfer: the register, its kind and the access size. */
struct ldst {
  unsigned rt;
  unsigned size; /* log2 bytes, 0..4 (4: Q register) */
  bool vec;      /* SIMD&FP register */
  bool load;
  bool sign; /* sign-extend the loaded value */
  bool sf;   /* general register: 64-bit destination */
  bool prfm; /* prefetch: no access at all */
};

/* Loaded value of one transfer (a v128 for SIMD&FP registers). */
struct xfer {
  uint32_t lo;
};

static uint32_t c64(struct a64_ctx *s, uint64_t v) {
  return ir_const(s->b, IR_I64, v);
}

static uint32_t add64(struct a64_ctx *s, uint32_t x, uint32_t y) {
  return ir_binop(s->b, IR_ADD, IR_I64, x, y);
}

static uint32_t add_imm(struct a64_ctx *s, uint32_t base, int64_t off) {
  return off ? add64(s, base, c64(s, (uint64_t)off)) : base;
}

/* An access's address: base + disp, the displacement the access's own
 * (ir_load_at): no ADD where no register takes the sum. */
struct addr {
  uint32_t base;
  int64_t disp;
};

static struct addr at(uint32_t base, int64_t disp) {
  return (struct addr){base, disp};
}

/* Xn|SP */
static uint32_t base_reg(struct a64_ctx *s, unsigned rn) {
  return a64_rd(s, rn, 1, true);
}

/* General register forms: size:opc -> what the access is (C4.1.88, the
 * "size opc" columns). PRFM is only valid where prfm_ok. */
static bool decode_gpr(struct ldst *d, unsigned size, unsigned opc, bool prfm_ok) {
  d->vec = false;
  d->size = size;
  d->load = opc != 0;
  d->sign = opc >= 2;
  d->sf = size == 3 || opc == 2;
  d->prfm = false;
  if (opc == 2 && size == 3) {
    d->prfm = prfm_ok;
    return prfm_ok;
  }
  return !(opc == 3 && size >= 2);
}

/* SIMD&FP register forms: size 00 with opc<1> set is the Q register. */
static bool decode_vec(struct ldst *d, unsigned size, unsigned opc) {
  d->vec = true;
  d->load = opc & 1;
  d->sign = d->sf = d->prfm = false;
  if (opc & 2) {
    d->size = 4;
    return size == 0;
  }
  d->size = size;
  return true;
}

/* size, V and opc of the single-register forms. */
static bool decode_sized(struct ldst *d, unsigned size, unsigned v, unsigned opc, unsigned rt,
                         bool prfm_ok) {
  d->rt = rt;
  if (v)
    return decode_vec(d, size, opc);
  return decode_gpr(d, size, opc, prfm_ok);
}

static struct xfer load_one(struct a64_ctx *s, const struct ldst *d, struct addr a) {
  struct xfer x = {0};
  if (d->vec) { /* one v128 access of 1..16 bytes, zero-extended */
    x.lo = ir_load_at(s->b, IR_V128, a.base, a.disp, d->size, 0);
    return x;
  }
  x.lo = ir_load_at(s->b, a64_ty(d->sf), a.base, a.disp, d->size, d->sign);
  return x;
}

static void commit_one(struct a64_ctx *s, const struct ldst *d, struct xfer x) {
  if (d->vec) {
    ir_put(s->b, a64_off_v(d->rt), x.lo);
    return;
  }
  a64_wr(s, d->rt, d->sf, false, x.lo);
}

static void store_one(struct a64_ctx *s, const struct ldst *d, struct addr a) {
  if (!d->vec) {
    uint32_t v = a64_rd(s, d->rt, d->size == 3, false);
    ir_store_at(s->b, a.base, a.disp, v, d->size);
    return;
  }
  ir_store_at(s->b, a.base, a.disp, ir_get(s->b, IR_V128, a64_off_v(d->rt)), d->size);
}

/* The access of one register at addr, then writeback of wb to Xn|SP if wb. */
static void access_one(struct a64_ctx *s, const struct ldst *d, struct addr addr, unsigned rn,
                       uint32_t wb) {
  if (d->prfm)
    return;
  if (d->load)
    commit_one(s, d, load_one(s, d, addr));
  else
    store_one(s, d, addr);
  if (wb)
    ir_put(s->b, a64_off_x(rn), wb);
}

/* Load/store register (unsigned immediate)
 * size 111 V 01 opc imm12 Rn Rt */
bool trans_ldst_uimm(struct a64_ctx *s, const struct arg_ldst_uimm *a) {
  struct ldst d;
  if (!decode_sized(&d, a->size, a->v, a->opc, a->rt, true))
    return false;
  unsigned rn = a->rn;
  uint64_t off = (uint64_t)a->imm << d.size;
  access_one(s, &d, at(base_reg(s, rn), (int64_t)off), rn, 0);
  return true;
}

/* Load/store register (unscaled immediate / post-index / unprivileged / pre-index)
 * size 111 V 00 opc 0 imm9 op2 Rn Rt   (op2: 00 LDUR, 01 post, 10 LDTR, 11 pre)
 * The unprivileged forms behave as the plain ones at EL0. */
bool trans_ldst_imm9(struct a64_ctx *s, const struct arg_ldst_imm9 *a) {
  unsigned op2 = a->op2, rn = a->rn;
  struct ldst d;
  if (!decode_sized(&d, a->size, a->v, a->opc, a->rt, op2 == 0))
    return false;
  if (op2 == 2 && d.vec)
    return false;
  int64_t off = a->imm;
  uint32_t base = base_reg(s, rn);
  uint32_t moved = (op2 & 1) ? add_imm(s, base, off) : 0; /* post- and pre-index write it back */
  access_one(s, &d, at(base, op2 == 1 ? 0 : off), rn, moved);
  return true;
}

/* Xm extended by option (UXTW 010, LSL 011, SXTW 110, SXTX 111), shifted. */
static uint32_t reg_offset(struct a64_ctx *s, unsigned rm, unsigned option, unsigned shift) {
  uint32_t m = a64_rd(s, rm, 1, false);
  if (option == 2)
    m = ir_ext(s->b, IR_ZEXT, IR_I64, ir_unop(s->b, IR_TRUNC, IR_I32, m), 32);
  else if (option == 6)
    m = ir_ext(s->b, IR_SEXT, IR_I64, ir_unop(s->b, IR_TRUNC, IR_I32, m), 32);
  if (shift)
    m = ir_binop(s->b, IR_SHL, IR_I64, m, c64(s, shift));
  return m;
}

/* Load/store register (register offset)
 * size 111 V 00 opc 1 Rm option S 10 Rn Rt */
bool trans_ldst_reg(struct a64_ctx *s, const struct arg_ldst_reg *a) {
  unsigned option = a->option, rn = a->rn;
  struct ldst d;
  if (!(option & 2) || !decode_sized(&d, a->size, a->v, a->opc, a->rt, true))
    return false;
  unsigned shift = a->S ? d.size : 0;
  uint32_t off = reg_offset(s, a->rm, option, shift);
  access_one(s, &d, at(add64(s, base_reg(s, rn), off), 0), rn, 0);
  return true;
}

/* Load register (literal)
 * opc 011 V 00 imm19 Rt
 * GPR opc: 00 LDR W, 01 LDR X, 10 LDRSW, 11 PRFM; SIMD&FP opc: 00 S, 01 D, 10 Q. */
bool trans_ldr_lit(struct a64_ctx *s, const struct arg_ldr_lit *a) {
  unsigned opc = a->opc;
  struct ldst d = {.rt = a->rt, .load = true};
  if (a->v) {
    if (opc == 3)
      return false;
    d.vec = true;
    d.size = 2 + opc;
  } else {
    d.size = opc == 1 ? 3 : 2;
    d.sign = opc == 2;
    d.sf = opc != 0;
    d.prfm = opc == 3;
  }
  uint64_t addr = s->pc + (uint64_t)(int64_t)a->off19;
  access_one(s, &d, at(a64_guest_addr(s, addr), 0), 0, 0);
  return true;
}

/* Pairs: opc V L -> the transfer of each register. */
static bool decode_pair(struct ldst *d, const struct arg_ldst_pair *a) {
  unsigned opc = a->opc, kind = a->kind;
  bool load = a->L;
  *d = (struct ldst){.load = load};
  if (opc == 3)
    return false;
  if (a->v) {
    d->vec = true;
    d->size = 2 + opc;
    return true;
  }
  if (opc == 1 && (!load || kind == 0)) /* STGP, and LDNP has no LDPSW form */
    return false;
  d->size = opc == 2 ? 3 : 2;
  d->sign = opc == 1;
  d->sf = opc != 0;
  return true;
}

/* Load/store pair (no-allocate / post-index / signed offset / pre-index)
 * opc 101 V 0 kind(2) L imm7 Rt2 Rn Rt   (kind: 00 LDNP, 01 post, 10 offset, 11 pre) */
bool trans_ldst_pair(struct a64_ctx *s, const struct arg_ldst_pair *a) {
  struct ldst d1, d2;
  if (!decode_pair(&d1, a))
    return false;
  unsigned kind = a->kind, rn = a->rn;
  d1.rt = a->rt;
  d2 = d1;
  d2.rt = a->rt2;
  int64_t off = a->imm * ((int64_t)1 << d1.size);
  uint32_t base = base_reg(s, rn);
  struct addr a1 = at(base, kind == 1 ? 0 : off), a2 = at(base, a1.disp + ((int64_t)1 << d1.size));
  if (d1.load) {
    struct xfer x1 = load_one(s, &d1, a1), x2 = load_one(s, &d2, a2);
    commit_one(s, &d1, x1);
    commit_one(s, &d2, x2);
  } else {
    store_one(s, &d1, a1);
    store_one(s, &d2, a2);
  }
  if (kind & 1)
    ir_put(s->b, a64_off_x(rn), add_imm(s, base, off));
  return true;
}

/* Load-acquire / store-release unscaled (FEAT_LRCPC2: LDAPUR*, STLUR)
 * size 011001 opc 0 imm9 00 Rn Rt */
bool trans_ldapur(struct a64_ctx *s, const struct arg_ldapur *a) {
  struct ldst d;
  unsigned rn = a->rn;
  if (!decode_gpr(&d, a->size, a->opc, false))
    return false;
  d.rt = a->rt;
  access_one(s, &d, at(base_reg(s, rn), a->imm), rn, 0);
  if (!d.load)
    ir_fence(s->b, IR_FENCE_FULL); /* STLR then LDAR must not reorder on TSO */
  return true;
}

/* ---- SIMD structures (C4.1.88: Advanced SIMD load/store multiple / single structure) ---- */

/* Post-index amount: Rm == 31 is the immediate (bytes transferred), else Xm. */
static uint32_t struct_postinc(struct a64_ctx *s, unsigned rm, unsigned bytes) {
  return rm == 31 ? c64(s, bytes) : a64_rd(s, rm, 1, false);
}

/* LD1/ST1 (multiple structures, 1-4 registers) as plain loads and stores:
 * element order does not matter for one-element structures on little-endian. */
static void ld1st1_multi(struct a64_ctx *s, const struct arg_vls_multi *a, unsigned nregs) {
  unsigned q = a->q, rt = a->rt, rn = a->rn;
  bool load = a->L, post = a->post;
  struct ldst d = {.vec = true, .load = load, .size = q ? 4 : 3};
  uint32_t base = base_reg(s, rn);
  struct xfer x[4];
  for (unsigned i = 0; i < nregs; i++) {
    struct addr addr = at(base, (int64_t)(i << d.size));
    d.rt = (rt + i) % 32;
    if (load)
      x[i] = load_one(s, &d, addr);
    else
      store_one(s, &d, addr);
  }
  for (unsigned i = 0; load && i < nregs; i++) {
    d.rt = (rt + i) % 32;
    commit_one(s, &d, x[i]);
  }
  if (post) {
    uint32_t inc = struct_postinc(s, a->rm, nregs << d.size);
    ir_put(s->b, a64_off_x(rn), add64(s, base, inc));
  }
}

/* Advanced SIMD load/store multiple structures (and post-indexed)
 * 0 Q 0011000 L 000000 opcode size Rn Rt
 * 0 Q 0011001 L 0 Rm   opcode size Rn Rt
 * opcode: 0111 LD1x1, 1010 LD1x2, 0110 LD1x3, 0010 LD1x4; LD2-LD4 by helper. */
bool trans_simd_multi(struct a64_ctx *s, const struct arg_vls_multi *a) {
  if (!a64_struct_multi_ok(s->insn)) /* the helper's own check of the word */
    return false;
  switch (a->opcode) {
  case 7: ld1st1_multi(s, a, 1); return true;
  case 10: ld1st1_multi(s, a, 2); return true;
  case 6: ld1st1_multi(s, a, 3); return true;
  case 2: ld1st1_multi(s, a, 4); return true;
  }
  a64_call_insn_helper(s, (void *)a64_h_ldst_struct);
  return true;
}

/* Advanced SIMD load/store single structure (and post-indexed), LD1R-LD4R
 * 0 Q 0011010 L R 00000 opcode S size Rn Rt
 * 0 Q 0011011 L R Rm    opcode S size Rn Rt */
bool trans_simd_single(struct a64_ctx *s, const struct arg_vls_single *a) {
  (void)a;
  if (!a64_struct_single_ok(s->insn)) /* the helper's own check of the word */
    return false;
  a64_call_insn_helper(s, (void *)a64_h_ldst_struct);
  return true;
}

/* ---- exclusives, ordered, compare-and-swap: size 001000 o2 L o1 Rs o0 Rt2 Rn Rt ---- */

#define EXCL(f) ((uint32_t)offsetof(struct a64_cpu, f))

/* LDXR/LDAXR: load, and arm the monitor with the address and value. */
static void emit_ldxr(struct a64_ctx *s, unsigned size, unsigned rn, unsigned rt) {
  uint32_t addr = base_reg(s, rn);
  uint32_t v = ir_load(s->b, IR_I64, addr, size, 0);
  ir_put(s->b, EXCL(excl_addr), addr);
  ir_put(s->b, EXCL(excl_val), v);
  ir_put(s->b, EXCL(excl_size), c64(s, size));
  a64_wr(s, rt, 1, false, v);
}

/* STXR/STLXR: a C helper does the compare-and-swap against the monitor. */
static void emit_stxr(struct a64_ctx *s, unsigned size, unsigned rs, unsigned rn, unsigned rt) {
  uint32_t addr = base_reg(s, rn);
  uint32_t v = a64_rd(s, rt, 1, false);
  uint32_t st = ir_call(s->b, IR_I64, (void *)a64_h_stxr[size], addr, v, a64_guest_addr(s, s->pc));
  a64_wr(s, rs, 1, false, st);
}

/* LDXP/LDAXP: a pair of W is one 8-byte access; a pair of X two. */
static void emit_ldxp(struct a64_ctx *s, unsigned size, unsigned rn, unsigned rt, unsigned rt2) {
  uint32_t addr = base_reg(s, rn);
  uint32_t v1 = ir_load(s->b, IR_I64, addr, 3, 0), v2;
  ir_put(s->b, EXCL(excl_addr), addr);
  ir_put(s->b, EXCL(excl_val), v1);
  if (size == 2) {
    v2 = ir_binop(s->b, IR_SHR, IR_I64, v1, c64(s, 32));
    v1 = ir_ext(s->b, IR_ZEXT, IR_I64, ir_unop(s->b, IR_TRUNC, IR_I32, v1), 32);
    ir_put(s->b, EXCL(excl_size), c64(s, 3));
  } else {
    v2 = ir_load_at(s->b, IR_I64, addr, 8, 3, 0);
    ir_put(s->b, EXCL(excl_val2), v2);
    ir_put(s->b, EXCL(excl_size), c64(s, 4));
  }
  a64_wr(s, rt, 1, false, v1);
  a64_wr(s, rt2, 1, false, v2);
}

/* LDAR/STLR (and the LORegion LDLAR/STLLR, which behave the same here). */
static void emit_ordered(struct a64_ctx *s, unsigned size, bool load, unsigned rn, unsigned rt) {
  struct ldst d = {.rt = rt, .size = size, .load = load, .sf = size == 3};
  access_one(s, &d, at(base_reg(s, rn), 0), rn, 0);
  if (!load)
    ir_fence(s->b, IR_FENCE_FULL); /* STLR then LDAR must not reorder on TSO */
}

/* CAS/CASA/CASL/CASAL: Rs = old; memory = Rt if old == Rs. */
static void emit_cas(struct a64_ctx *s, unsigned size, unsigned rs, unsigned rn, unsigned rt) {
  int sf = size == 3;
  uint32_t addr = base_reg(s, rn);
  uint32_t exp = a64_rd(s, rs, sf, false), val = a64_rd(s, rt, sf, false);
  uint32_t old = ir_cas(s->b, a64_ty(sf), addr, exp, val, size); /* zero-extended */
  a64_wr(s, rs, sf, false, old);
}

bool trans_excl(struct a64_ctx *s, const struct arg_excl *a) {
  unsigned size = a->size, o2 = a->o2, o1 = a->o1;
  bool load = a->L;
  unsigned rs = a->rs, rt2 = a->rt2, rn = a->rn, rt = a->rt;
  if (o2 && !o1) {
    emit_ordered(s, size, load, rn, rt);
  } else if (o2) {
    if (rt2 != 31)
      return false;
    emit_cas(s, size, rs, rn, rt);
  } else if (!o1) {
    if (load)
      emit_ldxr(s, size, rn, rt);
    else
      emit_stxr(s, size, rs, rn, rt);
  } else if (size >= 2) {
    if (load)
      emit_ldxp(s, size, rn, rt, rt2);
    else
      a64_call_insn_helper(s, (void *)a64_h_stxp);
  } else {
    if (rt2 != 31 || (rs & 1) || (rt & 1))
      return false;
    a64_call_insn_helper(s, (void *)a64_h_casp);
  }
  return true;
}

/* ---- LSE atomics (C6.2: LDADD ... SWP) ----
 * size 111 0 00 A R 1 Rs o3 opc 00 Rn Rt
 * o3=0 opc: ADD CLR EOR SET SMAX SMIN UMAX UMIN; o3=1 opc=000 SWP;
 * o3=1 opc=100 A=1 R=0 Rs=11111: LDAPR. */
static void emit_ldapr(struct a64_ctx *s, unsigned size, unsigned rn, unsigned rt) {
  struct ldst d = {.rt = rt, .size = size, .load = true, .sf = size == 3};
  access_one(s, &d, at(base_reg(s, rn), 0), rn, 0);
}

bool trans_atomic(struct a64_ctx *s, const struct arg_atomic *a) {
  static const enum ir_atomic ops[8] = {IR_ATOMIC_ADD,  IR_ATOMIC_CLR,  IR_ATOMIC_XOR,
                                        IR_ATOMIC_OR,   IR_ATOMIC_SMAX, IR_ATOMIC_SMIN,
                                        IR_ATOMIC_UMAX, IR_ATOMIC_UMIN};
  unsigned size = a->size, o3 = a->o3, opc = a->opc, rs = a->rs, rn = a->rn, rt = a->rt;
  if (o3 && opc == 4 && a->ar == 2 && rs == 31) {
    emit_ldapr(s, size, rn, rt);
    return true;
  }
  if (o3 && opc != 0)
    return false;
  enum ir_atomic op = o3 ? IR_ATOMIC_SWP : ops[opc];
  int sf = size == 3;
  /* IR ATOMIC compares SMAX/SMIN at the access width and returns the old
   * value zero-extended, as LDSMAXB and friends want. */
  uint32_t v = a64_rd(s, rs, sf, false);
  uint32_t old = ir_atomic(s->b, op, a64_ty(sf), base_reg(s, rn), v, size);
  a64_wr(s, rt, sf, false, old);
  return true;
}
