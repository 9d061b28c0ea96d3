/* rv64_fp.c - the F and D computational instructions (unprivileged ISA,
 * chapters 20 and 21): each is a call of the exact helper rv64_h_fp
 * (rv64_fphelp.c), which works on the state in memory. The decoder refuses
 * what the hardware would: the reserved rounding modes 5 and 6, and the
 * reserved function codes; a dynamic rounding mode while frm holds a
 * reserved value (5..7) is illegal at run time (chapter 20.2). Loads,
 * stores and moves are IR (rv64_fpmove.c); the common arithmetic, compares
 * and sign injection IR too where exact (rv64_fpfast.c). */
#include "rv64.h"
#include "rv64_fpenv.h"

uint64_t rv64_h_fp(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused);

/* Leave the block unless frm is a valid rounding mode (once per block; frm
 * changes only by a CSR write, which ends the block). */
static void rv64_frm_valid_check(struct rv64_ctx *s) {
  if (s->frm_valid_checked)
    return;
  uint32_t fcsr = ir_get(s->b, IR_I64, offsetof(struct rv64_cpu, fcsr));
  uint32_t frm = ir_binop(s->b, IR_AND, IR_I64, fcsr, rv64_imm(s, 7 << RV64_FRM_SHIFT));
  ir_deopt_if(s->b, ir_cmp(s->b, IR_GTU, IR_I64, frm, rv64_imm(s, RV64_RMM << RV64_FRM_SHIFT)),
              s->pc);
  s->frm_valid_checked = true;
}

/* The helper for an operation of rounding mode rm. With rm = DYN the block
 * checks frm first; without speculation (after that check failed) the
 * helper itself refuses a reserved frm, and its nonzero result traps. */
static bool rv64_fp_call(struct rv64_ctx *s, unsigned rm) {
  bool spec = xrun_speculate(s->pc) && !xrun_opt.no_spec;
  if (rm == RV64_DYN && spec)
    rv64_frm_valid_check(s);
  uint32_t refused = ir_call(s->b, IR_I64, (void *)rv64_h_fp, ir_const(s->b, IR_I64, s->insn),
                             rv64_guest_addr(s, s->pc), 0);
  if (rm != RV64_DYN || spec)
    return true;
  ir_exit_if(s->b, ir_cmp(s->b, IR_EQ, IR_I64, refused, rv64_imm(s, 0)), s->pc + s->len);
  return rv64_illegal(s);
}

/* An operation that rounds: rm is a rounding mode. */
bool rv64_trans_fp_round(struct rv64_ctx *s, const struct arg_fpop *a) {
  if (a->rm == 5 || a->rm == 6)
    return rv64_illegal(s);
  return rv64_fp_fast(s) || rv64_fp_call(s, a->rm);
}

bool rv64_trans_fp_to_int(struct rv64_ctx *s, const struct arg_fpop *a) {
  if (a->rm == 5 || a->rm == 6)
    return rv64_illegal(s);
  return rv64_fp_call(s, a->rm);
}

/* rm is a function code: 0..2 (FSGNJ, FSGNJN, FSGNJX), 0..3 (FMIN, FMAX,
 * and Zfa's FMINM, FMAXM). */
bool rv64_trans_fp_sgnj(struct rv64_ctx *s, const struct arg_fpop *a) {
  return a->rm <= 2 ? rv64_fp_sgnj_ir(s, a->rm) : rv64_illegal(s);
}
bool rv64_trans_fp_minmax(struct rv64_ctx *s, const struct arg_fpop *a) {
  return a->rm <= 3 ? rv64_fp_call(s, 0) : rv64_illegal(s);
}
/* rm 0..2: FLE FLT FEQ; 4..5: FLEQ FLTQ (Zfa), only in the helper. */
bool rv64_trans_fp_cmp(struct rv64_ctx *s, const struct arg_fpop *a) {
  if (a->rm == 3 || a->rm > 5)
    return rv64_illegal(s);
  return (a->rm <= 2 && rv64_fp_cmp_ir(s, a->rm)) || rv64_fp_call(s, 0);
}
bool rv64_trans_fp_class(struct rv64_ctx *s, const struct arg_fpop *a) {
  (void)a;
  return rv64_fp_call(s, 0);
}

/* fmt H (Zfh): every computation is the helper's (rv64_fphalf.c). */
bool rv64_trans_fp_h_round(struct rv64_ctx *s, const struct arg_fpop *a) {
  if (a->rm == 5 || a->rm == 6)
    return rv64_illegal(s);
  return rv64_fp_call(s, a->rm);
}
bool rv64_trans_fp_sgnj_h(struct rv64_ctx *s, const struct arg_fpop *a) {
  return a->rm <= 2 ? rv64_fp_call(s, 0) : rv64_illegal(s);
}
bool rv64_trans_fp_cmp_h(struct rv64_ctx *s, const struct arg_fpop *a) {
  return a->rm == 3 || a->rm > 5 ? rv64_illegal(s) : rv64_fp_call(s, 0);
}
