/* rv64_fp.c - the F and D computational instructions (unprivileged ISA,
 * chapters 20 and 21): each is a call of the exact helper rv64_h_fp
 * (rv64_fphelp.c), which works on the state in memory. The decoder refuses
 * what the hardware would: the reserved rounding modes 5 and 6, and the
 * reserved function codes. Loads, stores and moves are IR (rv64_fpmove.c); the common
 * arithmetic, compares and sign injection IR too where exact (rv64_fpfast.c). */
#include "rv64.h"
#include "rv64_fpenv.h"

uint64_t rv64_h_fp(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused);

static bool rv64_fp_call(struct rv64_ctx *s) {
  ir_call(s->b, IR_I64, (void *)rv64_h_fp, ir_const(s->b, IR_I64, s->insn),
          rv64_guest_addr(s, s->pc), 0);
  return true;
}

/* An operation that rounds: rm is a rounding mode. */
bool rv64_trans_fp_round(struct rv64_ctx *s, const struct arg_fpop *a) {
  if (a->rm == 5 || a->rm == 6)
    return rv64_illegal(s);
  return rv64_fp_fast(s) || rv64_fp_call(s);
}

bool rv64_trans_fp_to_int(struct rv64_ctx *s, const struct arg_fpop *a) {
  if (a->rm == 5 || a->rm == 6)
    return rv64_illegal(s);
  return rv64_fp_call(s);
}

/* rm is a function code: 0..2 (FSGNJ, FSGNJN, FSGNJX; FLE, FLT, FEQ), 0..1
 * (FMIN, FMAX). */
bool rv64_trans_fp_sgnj(struct rv64_ctx *s, const struct arg_fpop *a) {
  return a->rm <= 2 ? rv64_fp_sgnj_ir(s, a->rm) : rv64_illegal(s);
}
bool rv64_trans_fp_minmax(struct rv64_ctx *s, const struct arg_fpop *a) {
  return a->rm <= 1 ? rv64_fp_call(s) : rv64_illegal(s);
}
bool rv64_trans_fp_cmp(struct rv64_ctx *s, const struct arg_fpop *a) {
  if (a->rm > 2)
    return rv64_illegal(s);
  return rv64_fp_cmp_ir(s, a->rm) || rv64_fp_call(s);
}
bool rv64_trans_fp_class(struct rv64_ctx *s, const struct arg_fpop *a) {
  (void)a;
  return rv64_fp_call(s);
}
