/* ir_verify.c - structural check of a block: operands name earlier values,
 * operand counts match ir_ops.def, operand types fit the op, and the block ends
 * in exactly one GOTO/JUMP/SYSCALL/TRAP with nothing but NOPs after it.
 *
 *   if (ir_verify(b)) ir_print(stderr, b); // the bad index was printed
 */
#include <inttypes.h>
#include <stdarg.h>
#include "ir.h"
#include "ir_eval.h"

static int ir_verify_fail(const struct ir_block *b, uint32_t r, const char *fmt, ...) {
  va_list ap;
  fprintf(stderr, "ir_verify: block 0x%" PRIx64 ": insn %" PRIu32 " (%s): ", b->guest_pc, r,
          b->insn[r].op < IR_NUM_OPS ? ir_op_info[b->insn[r].op].name : "?");
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  return r ? (int)r : 1;
}

static int ir_is_int(enum ir_type t) {
  return t == IR_I32 || t == IR_I64;
}

static enum ir_type ir_type_of(const struct ir_block *b, uint32_t ref) {
  return b->insn[ref].type;
}

/* Operands present, earlier, defining a value; unused slots are 0. */
static int ir_verify_refs(const struct ir_block *b, uint32_t r) {
  const struct ir_insn *i = &b->insn[r];
  const uint32_t ops[3] = {i->a, i->b, i->c};
  unsigned nargs = ir_op_info[i->op].nargs;
  for (unsigned k = 0; k < 3; k++) {
    if (k >= nargs && ops[k])
      return ir_verify_fail(b, r, "operand %u is set but the op takes %u", k, nargs);
    if (k >= nargs || (!ops[k] && i->op == IR_CALL))
      continue;
    if (!ops[k])
      return ir_verify_fail(b, r, "operand %u is missing", k);
    if (ops[k] >= r)
      return ir_verify_fail(b, r, "operand %u refers forward to %" PRIu32, k, ops[k]);
    if (!ir_has_value(&b->insn[ops[k]]))
      return ir_verify_fail(b, r, "operand %u refers to %" PRIu32 ", which has no value", k,
                            ops[k]);
  }
  return 0;
}

/* a and b (and c when given) have type t. */
static int ir_verify_same(const struct ir_block *b, uint32_t r, enum ir_type t, int nops) {
  const struct ir_insn *i = &b->insn[r];
  const uint32_t ops[3] = {i->a, i->b, i->c};
  for (int k = 0; k < nops; k++)
    if (ir_type_of(b, ops[k]) != t)
      return ir_verify_fail(b, r, "operand %d is %s, expected %s", k,
                            ir_type_name(ir_type_of(b, ops[k])), ir_type_name(t));
  return 0;
}

static int ir_verify_int_result(const struct ir_block *b, uint32_t r, enum ir_type want) {
  enum ir_type t = b->insn[r].type;
  if (want != IR_VOID ? t != want : !ir_is_int(t))
    return ir_verify_fail(b, r, "result type %s is wrong", ir_type_name(t));
  return 0;
}

static int ir_verify_mem(const struct ir_block *b, uint32_t r, int nvals) {
  const struct ir_insn *i = &b->insn[r];
  if ((i->aux & IR_MEM_SIZE_MASK) > 4)
    return ir_verify_fail(b, r, "bad access size");
  if (ir_type_of(b, i->a) != IR_I64)
    return ir_verify_fail(b, r, "address is not i64");
  const uint32_t vals[2] = {i->b, i->c};
  for (int k = 0; k < nvals; k++)
    if (ir_type_of(b, vals[k]) != i->type)
      return ir_verify_fail(b, r, "value operand type does not match");
  return 0;
}

static int ir_verify_flags(const struct ir_block *b, uint32_t r) {
  const struct ir_insn *i = &b->insn[r];
  if (!ir_is_int(i->aux))
    return ir_verify_fail(b, r, "flags width %u is not i32/i64", i->aux);
  int e = ir_verify_int_result(b, r, IR_I32);
  return e ? e : ir_verify_same(b, r, i->aux, i->op == IR_FLAGS_LOGIC ? 1 : 2);
}

static int ir_verify_types(const struct ir_block *b, uint32_t r) {
  const struct ir_insn *i = &b->insn[r];
  int e;
  switch (i->op) {
  case IR_CONST:
  case IR_GET: return i->type == IR_VOID ? ir_verify_fail(b, r, "void value") : 0;
  case IR_PUT: return ir_verify_same(b, r, i->type, 1);
  case IR_ADD ... IR_XOR:
    return (e = ir_verify_int_result(b, r, IR_VOID)) ? e : ir_verify_same(b, r, i->type, 2);
  case IR_NOT ... IR_BITREV:
    return (e = ir_verify_int_result(b, r, IR_VOID)) ? e : ir_verify_same(b, r, i->type, 1);
  case IR_ZEXT:
  case IR_SEXT:
    if (!i->aux || i->aux > ir_type_bits(i->type))
      return ir_verify_fail(b, r, "bad source width %u", i->aux);
    return ir_verify_int_result(b, r, IR_VOID);
  case IR_TRUNC:
    return (e = ir_verify_int_result(b, r, IR_I32)) ? e : ir_verify_same(b, r, IR_I64, 1);
  case IR_CMP:
    return (e = ir_verify_int_result(b, r, IR_I32)) ? e : ir_verify_same(b, r, i->imm, 2);
  case IR_SELECT:
    return ir_type_of(b, i->b) != i->type || ir_type_of(b, i->c) != i->type
               ? ir_verify_fail(b, r, "select arms do not match the result")
               : 0;
  case IR_FLAGS_ADD ... IR_FLAGS_LOGIC: return ir_verify_flags(b, r);
  case IR_COND: return ir_verify_int_result(b, r, IR_I32);
  case IR_LOAD: return ir_verify_mem(b, r, 0);
  case IR_STORE: return ir_verify_mem(b, r, 1);
  case IR_CAS: return ir_verify_mem(b, r, 2);
  case IR_ATOMIC: return ir_verify_mem(b, r, 1);
  case IR_JUMP: return ir_verify_same(b, r, IR_I64, 1);
  default: return 0;
  }
}

static int ir_verify_insn(const struct ir_block *b, uint32_t r) {
  if (b->insn[r].op >= IR_NUM_OPS)
    return ir_verify_fail(b, r, "unknown op %u", b->insn[r].op);
  int e = ir_verify_refs(b, r);
  return e ? e : ir_verify_types(b, r);
}

int ir_verify(const struct ir_block *b) {
  uint32_t end = 0;
  for (uint32_t r = 1; r < b->n; r++) {
    const struct ir_insn *i = &b->insn[r];
    if (end && i->op != IR_NOP)
      return ir_verify_fail(b, r, "instruction after the end of the block at %" PRIu32, end);
    int e = ir_verify_insn(b, r);
    if (e)
      return e;
    if (ir_op_info[i->op].flags & IRF_END)
      end = r;
  }
  if (!end)
    return ir_verify_fail(b, b->n - 1, "block does not end in goto/jump/syscall/trap");
  return 0;
}
