/* rv64_fpfast.c - F and D arithmetic, compares and sign injection as IR,
 * for the rounding mode the host computes in: FADD FSUB FMUL FDIV FSQRT and
 * the four fused forms become the IR's VF* ops on lane 0, whose results and
 * IEEE flags are RISC-V's (tininess after rounding on both) but for NaNs:
 * RISC-V returns the canonical NaN, so a NaN result is replaced by it.
 *
 * Only rm = RNE, or rm = DYN while frm = RNE: the block checks frm once,
 * before its first such op (DEOPT_IF; frm changes only by a CSR write, which
 * ends the block). After a deopt, xrun_speculate(pc) is false and the exact
 * helper (rv64_fphelp.c) takes the instruction, as it takes every other
 * rounding mode.
 *
 *   fadd.d fa0, fa1, fa2  ->  r = vfadd.3|one fa1, fa2; r = isnan(r) ? canon : r; put fa0, r
 */
#include "rv64.h"
#include "rv64_fpenv.h"

static unsigned field(uint32_t insn, unsigned pos, unsigned len) {
  return insn >> pos & ((1u << len) - 1);
}

/* Leave the block unless frm is RNE (once per block). */
static void rv64_frm_check(struct rv64_ctx *s) {
  if (s->frm_checked)
    return;
  uint32_t fcsr = ir_get(s->b, IR_I64, offsetof(struct rv64_cpu, fcsr));
  uint32_t frm = ir_binop(s->b, IR_AND, IR_I64, fcsr, rv64_imm(s, 7 << RV64_FRM_SHIFT));
  ir_deopt_if(s->b, ir_cmp(s->b, IR_NE, IR_I64, frm, rv64_imm(s, 0)), s->pc);
  s->frm_checked = true;
}

/* FP register rs as an i64 (binary64) or i32 (binary32, unboxed: a value
 * not NaN-boxed reads as the canonical NaN). */
static uint32_t rv64_fval(struct rv64_ctx *s, unsigned rs, unsigned fmt) {
  uint32_t v = ir_get(s->b, IR_I64, rv64_off_f(rs));
  if (fmt)
    return v;
  uint32_t hi = ir_binop(s->b, IR_SHR, IR_I64, v, rv64_imm(s, 32));
  uint32_t boxed = ir_cmp(s->b, IR_EQ, IR_I64, hi, rv64_imm(s, 0xffffffff));
  uint32_t lo = ir_unop(s->b, IR_TRUNC, IR_I32, v);
  return ir_select(s->b, IR_I32, boxed, lo, ir_const(s->b, IR_I32, RV64_CANON_S));
}

static void rv64_fset(struct rv64_ctx *s, unsigned rd, unsigned fmt, uint32_t v) {
  if (!fmt) {
    v = ir_ext(s->b, IR_ZEXT, IR_I64, v, 32);
    v = ir_binop(s->b, IR_OR, IR_I64, v, rv64_imm(s, RV64_BOX));
  }
  ir_put(s->b, rv64_off_f(rd), v);
}

static uint32_t rv64_lane(struct rv64_ctx *s, unsigned fmt, uint32_t v) {
  if (!fmt)
    v = ir_ext(s->b, IR_ZEXT, IR_I64, v, 32);
  return ir_vop(s->b, IR_VZEXT64, IR_V128, 0, v, 0, 0);
}

/* 1 if the bits v of format fmt are a NaN. */
static uint32_t rv64_isnan(struct rv64_ctx *s, unsigned fmt, uint32_t v) {
  enum ir_type t = fmt ? IR_I64 : IR_I32;
  uint64_t abs = fmt ? ~(1ull << 63) : 0x7fffffffu, inf = fmt ? 0x7ff0000000000000ull : 0x7f800000u;
  uint32_t mag = ir_binop(s->b, IR_AND, t, v, ir_const(s->b, t, abs));
  return ir_cmp(s->b, IR_GTU, t, mag, ir_const(s->b, t, inf));
}

/* Lane 0 of a VF result as fmt's bits, the canonical NaN for any NaN. */
static uint32_t rv64_result(struct rv64_ctx *s, unsigned fmt, uint32_t r) {
  enum ir_type t = fmt ? IR_I64 : IR_I32;
  uint32_t v = ir_vop(s->b, IR_VEXTRACT, t, fmt ? 3 : 2, r, 0, 0);
  uint32_t nan = rv64_isnan(s, fmt, v);
  return ir_select(s->b, t, nan, ir_const(s->b, t, fmt ? RV64_CANON_D : RV64_CANON_S), v);
}

/* The sign bit of fmt, as a constant of its type. */
static uint32_t rv64_sign(struct rv64_ctx *s, unsigned fmt) {
  return fmt ? rv64_imm(s, 1ull << 63) : ir_const(s->b, IR_I32, 1u << 31);
}

static bool rv64_fast_ok(struct rv64_ctx *s, unsigned rm) {
  if ((rm != RV64_RNE && rm != RV64_DYN) || !xrun_speculate(s->pc) || xrun_opt.no_spec)
    return false;
  if (rm == RV64_DYN)
    rv64_frm_check(s);
  return true;
}

/* OP-FP arithmetic: f5 0..3 (add sub mul div), 11 (sqrt). */
static bool rv64_fast_op(struct rv64_ctx *s, uint32_t insn) {
  static const enum ir_op ops[4] = {IR_VFADD, IR_VFSUB, IR_VFMUL, IR_VFDIV};
  unsigned f5 = field(insn, 27, 5), fmt = field(insn, 25, 1);
  if ((f5 > 3 && f5 != 11) || !rv64_fast_ok(s, field(insn, 12, 3)))
    return false;
  unsigned aux = (fmt ? 3 : 2) | IR_VF_ONE;
  uint32_t a = rv64_lane(s, fmt, rv64_fval(s, field(insn, 15, 5), fmt)), r;
  if (f5 == 11)
    r = ir_vop(s->b, IR_VFSQRT, IR_V128, aux, a, 0, 0);
  else
    r = ir_vop(s->b, ops[f5], IR_V128, aux, a,
               rv64_lane(s, fmt, rv64_fval(s, field(insn, 20, 5), fmt)), 0);
  rv64_fset(s, field(insn, 7, 5), fmt, rv64_result(s, fmt, r));
  return true;
}

/* FMADD FMSUB FNMSUB FNMADD: a * b + c with a and c negated as the opcode
 * says (a NaN's sign does not matter: the result is canonical). */
static bool rv64_fast_fused(struct rv64_ctx *s, uint32_t insn) {
  unsigned fmt = field(insn, 25, 1), op = field(insn, 2, 2);
  if (!rv64_fast_ok(s, field(insn, 12, 3)))
    return false;
  enum ir_type t = fmt ? IR_I64 : IR_I32;
  uint32_t a = rv64_fval(s, field(insn, 15, 5), fmt), b = rv64_fval(s, field(insn, 20, 5), fmt);
  uint32_t c = rv64_fval(s, field(insn, 27, 5), fmt);
  if (op >= 2)
    a = ir_binop(s->b, IR_XOR, t, a, rv64_sign(s, fmt));
  if (op == 1 || op == 3)
    c = ir_binop(s->b, IR_XOR, t, c, rv64_sign(s, fmt));
  /* 0 * inf + qNaN raises invalid on RISC-V, not on the host: a NaN addend
   * goes to the helper */
  ir_deopt_if(s->b, rv64_isnan(s, fmt, c), s->pc);
  unsigned aux = (fmt ? 3 : 2) | IR_VF_ONE;
  uint32_t r =
      ir_vop3(s->b, IR_VFMA, aux, rv64_lane(s, fmt, a), rv64_lane(s, fmt, b), rv64_lane(s, fmt, c));
  rv64_fset(s, field(insn, 7, 5), fmt, rv64_result(s, fmt, r));
  return true;
}

/* The arithmetic of rv64_trans_fp_round as IR, when the rounding mode allows. */
bool rv64_fp_fast(struct rv64_ctx *s) {
  if ((s->insn & 0x7f) == 0x53)
    return rv64_fast_op(s, s->insn);
  if ((s->insn & 0x73) == 0x43)
    return rv64_fast_fused(s, s->insn);
  return false;
}

/* FSGNJ FSGNJN FSGNJX (fmv, fneg, fabs): bit operations, never a flag. */
bool rv64_fp_sgnj_ir(struct rv64_ctx *s, unsigned how) {
  unsigned fmt = field(s->insn, 25, 1);
  enum ir_type t = fmt ? IR_I64 : IR_I32;
  uint32_t a = rv64_fval(s, field(s->insn, 15, 5), fmt),
           b = rv64_fval(s, field(s->insn, 20, 5), fmt);
  uint32_t sign = rv64_sign(s, fmt);
  if (how == 1)
    b = ir_unop(s->b, IR_NOT, t, b);
  else if (how == 2)
    b = ir_binop(s->b, IR_XOR, t, a, b);
  uint32_t mag = ir_binop(s->b, IR_AND, t, a, ir_unop(s->b, IR_NOT, t, sign));
  uint32_t r = ir_binop(s->b, IR_OR, t, mag, ir_binop(s->b, IR_AND, t, b, sign));
  rv64_fset(s, field(s->insn, 7, 5), fmt, r);
  return true;
}

/* FEQ (quiet), FLT and FLE (signalling): the IR's compares raise the same
 * invalid flag; a NaN compares false. */
bool rv64_fp_cmp_ir(struct rv64_ctx *s, unsigned kind) {
  static const enum ir_op ops[3] = {IR_VFCMPGE, IR_VFCMPGT, IR_VFCMPEQ}; /* fle flt feq */
  if (!xrun_speculate(s->pc) || xrun_opt.no_spec)
    return false;
  unsigned fmt = field(s->insn, 25, 1), aux = (fmt ? 3 : 2) | IR_VF_ONE;
  uint32_t a = rv64_lane(s, fmt, rv64_fval(s, field(s->insn, 15, 5), fmt));
  uint32_t b = rv64_lane(s, fmt, rv64_fval(s, field(s->insn, 20, 5), fmt));
  /* b >= a is a <= b, b > a is a < b */
  uint32_t m = ir_vop(s->b, ops[kind], IR_V128, aux, kind == 2 ? a : b, kind == 2 ? b : a, 0);
  uint32_t v = ir_vop(s->b, IR_VEXTRACT, IR_I64, 3, m, 0, 0);
  rv64_set(s, field(s->insn, 7, 5), ir_binop(s->b, IR_AND, IR_I64, v, rv64_imm(s, 1)));
  return true;
}
