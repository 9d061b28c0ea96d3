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
  unsigned size = i->aux & IR_MEM_SIZE_MASK;
  if (size > 4)
    return ir_verify_fail(b, r, "bad access size");
  if (size == 4 && i->type != IR_V128)
    return ir_verify_fail(b, r, "a 16-byte access is not v128");
  if (i->type == IR_V128 && (i->op == IR_CAS || i->op == IR_ATOMIC || (i->aux & IR_MEM_SIGNED)))
    return ir_verify_fail(b, r, "v128 atomics and sign extension do not exist");
  if (ir_type_of(b, i->a) != IR_I64)
    return ir_verify_fail(b, r, "address is not i64");
  if ((i->op == IR_LOAD || i->op == IR_STORE) && (int64_t)i->imm != (int32_t)i->imm)
    return ir_verify_fail(b, r, "displacement does not fit 32 bits");
  const uint32_t vals[2] = {i->b, i->c};
  for (int k = 0; k < nvals; k++)
    if (ir_type_of(b, vals[k]) != i->type)
      return ir_verify_fail(b, r, "value operand type does not match");
  return 0;
}

/* VF* ops: lane size 2 or 3, an extent, operands v128 except the integer side
 * of a scalar conversion. */
static int ir_verify_vf(const struct ir_block *b, uint32_t r) {
  const struct ir_insn *i = &b->insn[r];
  enum ir_type ta = ir_type_of(b, i->a);
  unsigned lg = i->aux & 3, ext = i->aux & IR_VF_EXTENT_MASK;
  int one = ext == IR_VF_ONE;
  if (lg < 2 || i->aux > (lg | IR_VF_ONE))
    return ir_verify_fail(b, r, "aux %u is not a binary32/64 lane and extent", i->aux);
  switch (i->op) {
  case IR_VFCHK:
  case IR_VFCMP:
    if (i->imm > 1)
      return ir_verify_fail(b, r, "imm %llu is not 0 or 1", (unsigned long long)i->imm);
    if (i->type != IR_I32)
      return ir_verify_fail(b, r, "result is not i32");
    return ir_verify_same(b, r, IR_V128, ir_op_info[i->op].nargs);
  case IR_VFFROMS:
  case IR_VFFROMU:
    if (i->type != IR_V128 || !(ta == IR_V128 || (one && ir_is_int(ta))))
      return ir_verify_fail(b, r, "bad int-to-fp types");
    return 0;
  case IR_VFTOS:
  case IR_VFTOU:
    if (!(i->type == IR_V128 || (one && ir_is_int(i->type))) || ta != IR_V128)
      return ir_verify_fail(b, r, "bad fp-to-int types");
    return 0;
  case IR_VFCVT:
    if (lg == 2 && ext == IR_VF_ALL)
      return ir_verify_fail(b, r, "narrowing to four lanes");
    break;
  case IR_VFROUND:
    if (i->imm > (IR_VF_RMODE_MASK | IR_VF_RINEXACT))
      return ir_verify_fail(b, r, "rounding imm %llu", (unsigned long long)i->imm);
    break;
  case IR_VFDIV:
    if (lg == 2 && ext == IR_VF_HALF)
      return ir_verify_fail(b, r, "binary32 division of half a vector");
    break;
  default: break;
  }
  if (i->type != IR_V128)
    return ir_verify_fail(b, r, "result type %s is not v128", ir_type_name(i->type));
  return ir_verify_same(b, r, IR_V128, ir_op_info[i->op].nargs);
}

/* Vector ops: result and operand types, lane sizes, lane indices. */
static int ir_verify_vec(const struct ir_block *b, uint32_t r) {
  const struct ir_insn *i = &b->insn[r];
  enum ir_type ta = ir_type_of(b, i->a);
  unsigned lanes = 16u >> (i->aux & 3);
  if (ir_is_vf_op(i->op))
    return ir_verify_vf(b, r);
  if (i->aux > 3)
    return ir_verify_fail(b, r, "lane size %u is not 0..3", i->aux);
  if (i->op != IR_VEXTRACT && i->type != IR_V128)
    return ir_verify_fail(b, r, "result type %s is not v128", ir_type_name(i->type));
  switch (i->op) {
  case IR_VCONST:
    return i->imm < b->n_vconst ? 0 : ir_verify_fail(b, r, "no constant %" PRIu64, i->imm);
  case IR_VDUP: return ir_is_int(ta) ? 0 : ir_verify_fail(b, r, "dup of a non-integer");
  case IR_VEXTRACT:
    if (!ir_is_int(i->type) || i->imm >= lanes)
      return ir_verify_fail(b, r, "bad extract");
    return ir_verify_same(b, r, IR_V128, 1);
  case IR_VINSERT:
    if (!ir_is_int(ir_type_of(b, i->b)) || i->imm >= lanes)
      return ir_verify_fail(b, r, "bad insert");
    return ir_verify_same(b, r, IR_V128, 1);
  case IR_VZEXT64:
    return ta == IR_I64 || ta == IR_V128 ? 0
                                         : ir_verify_fail(b, r, "zext64 of %s", ir_type_name(ta));
  case IR_VNARROW:
    return i->aux > 2 ? ir_verify_fail(b, r, "narrow to 64-bit lanes")
                      : ir_verify_same(b, r, IR_V128, 1);
  case IR_VWIDENU:
  case IR_VWIDENS:
    return !i->aux ? ir_verify_fail(b, r, "widen to 8-bit lanes")
                   : ir_verify_same(b, r, IR_V128, 1);
  case IR_VEXT:
    return i->imm > 15 ? ir_verify_fail(b, r, "ext offset") : ir_verify_same(b, r, IR_V128, 2);
  case IR_VTBL:
  case IR_VCNT:
    return i->aux ? ir_verify_fail(b, r, "byte op with lane size %u", i->aux)
                  : ir_verify_same(b, r, IR_V128, ir_op_info[i->op].nargs);
  case IR_VMULLU:
  case IR_VMULLS:
    return !i->aux ? ir_verify_fail(b, r, "multiply long to 8-bit lanes")
                   : ir_verify_same(b, r, IR_V128, 2);
  default: return ir_verify_same(b, r, IR_V128, ir_op_info[i->op].nargs);
  }
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
  if (ir_is_vec_op(i->op))
    return ir_verify_vec(b, r);
  switch (i->op) {
  case IR_CONST:
    if (i->aux & ~IR_CONST_GUEST || (i->aux && i->type != IR_I64))
      return ir_verify_fail(b, r, "constant aux %u of type %s", i->aux, ir_type_name(i->type));
    return i->type == IR_VOID ? ir_verify_fail(b, r, "void value") : 0;
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
  case IR_CRC32C:
    if (i->aux > 3 || !ir_is_int(ir_type_of(b, i->b)))
      return ir_verify_fail(b, r, "crc32c of %u-byte %s data", 1u << (i->aux & 3),
                            ir_type_name(ir_type_of(b, i->b)));
    return (e = ir_verify_int_result(b, r, IR_I32)) ? e : ir_verify_same(b, r, IR_I32, 1);
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
  case IR_JUMP:
  case IR_CODE_INVAL: return ir_verify_same(b, r, IR_I64, 1);
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
