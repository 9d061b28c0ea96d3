/* rv64_vec.c - the V extension (RVV 1.0) in the decoder: each vector
 * instruction is a call of rv64_h_vec (rv64_vhelp.c), which works on the
 * state in memory and returns nonzero for an encoding or a vtype it refuses;
 * the translated code then raises SIGILL at the instruction. */
#include "rv64.h"
#include "rv64_vec.h"

bool rv64_trans_vec(struct rv64_ctx *s, const struct arg_empty *a) {
  (void)a;
  uint32_t refused = ir_call(s->b, IR_I64, (void *)rv64_h_vec, ir_const(s->b, IR_I64, s->insn),
                             rv64_guest_addr(s, s->pc), 0);
  ir_exit_if(s->b, ir_cmp(s->b, IR_EQ, IR_I64, refused, rv64_imm(s, 0)), s->pc + s->len);
  return rv64_illegal(s);
}
