/* x64_scratch.c - rcx and rdx: scratch registers the allocator also gives
 * out, where nothing needs them as scratch.
 *
 * Most lowerings need no fixed register but rax, or load an operand that is
 * in no register into rcx or rdx (x64_src, x64_addr). Others write rcx or
 * rdx themselves: a shift by cl, div and mul (rdx:rax), the lazy flags'
 * routines, the flags nibble, a helper call's arguments, FP conversions.
 * The allocator gives rcx or rdx to a value, after every other register,
 * only when every instruction from its definition to its last use is of
 * the first kind (x64_keeps_scratch: a list of the ops whose lowerings were
 * read for it; any other op counts as the second kind):
 *
 *   rorx edx, r10d, 6          a value in rdx: only ALU ops, loads, stores,
 *   xor r15d, edx              compares and exits until its last use
 *   ...
 *   shl r9, cl                 nothing lives in rcx across this one
 *
 * An operand that must be loaded into rcx or rdx while a value is there, or
 * a lazy flags call the list did not foresee (a deferred PUT's, on an
 * exit's path), sets x64_scratch_busy: the block is translated again with
 * rcx and rdx scratch only (x64_translate).
 */
#include "x64.h"

const char x64_scratch_busy[] = "x64: rcx or rdx holds a value the lowering would overwrite";

/* A COND whose flags are set again where it is read from a GET of the
 * flags (x64_lazy_call) or an FP compare (x64_lower_vf.c). */
static int x64_recmp_writes(struct x64_ctx *x, const struct ir_insn *in, uint32_t i) {
  const struct ir_insn *f = &x->ir->insn[in->a];
  return x->recmp[i] && (f->op == IR_GET || x64_fcmp_fusable(f));
}

/* A vector op whose lowering is SSE alone: native, no byte or halfword
 * access through rcx, no FP (x64_lower_vf.c converts through rcx and rdx). */
static int x64_vec_keeps_scratch(const struct ir_insn *in) {
  if (in->op == IR_GET || in->op == IR_PUT || in->op == IR_VCONST)
    return 1;
  if (in->op == IR_LOAD || in->op == IR_STORE)
    return (in->aux & IR_MEM_SIZE_MASK) >= 2;
  return !ir_is_vf_op(in->op) && x64_vec_native(in);
}

/* Ops whose lowering never writes rcx or rdx but as x64_src's scratch,
 * whatever their operands and fusion. JUMP writes rcx for its probe after
 * the target and every deferred store are read: nothing lives past it. */
static const uint8_t x64_scratch_plain[IR_NUM_OPS] = {
    [IR_NOP] = 1,      [IR_CONST] = 1, [IR_ADD] = 1,    [IR_SUB] = 1,   [IR_AND] = 1,
    [IR_OR] = 1,       [IR_XOR] = 1,   [IR_MUL] = 1,    [IR_NOT] = 1,   [IR_NEG] = 1,
    [IR_BSWAP] = 1,    [IR_ZEXT] = 1,  [IR_SEXT] = 1,   [IR_TRUNC] = 1, [IR_LOAD] = 1,
    [IR_STORE] = 1,    [IR_CMP] = 1,   [IR_SELECT] = 1, [IR_FENCE] = 1, [IR_EXIT_IF] = 1,
    [IR_DEOPT_IF] = 1, [IR_GOTO] = 1,  [IR_JUMP] = 1,   [IR_TRAP] = 1,  [IR_CODE_INVAL] = 1,
};

/* Whether the lowering of instruction i (and what it emits on its exit's
 * paths) writes neither rcx nor rdx but as x64_src's scratch, which
 * x64_scratch_free checks. */
static int x64_keeps_scratch(struct x64_ctx *x, uint32_t i) {
  const struct ir_block *b = x->ir;
  const struct ir_insn *in = &b->insn[i];
  if (in->type == IR_V128 || ir_is_vec_op(in->op))
    return x64_vec_keeps_scratch(in);
  if (in->op < IR_NUM_OPS && x64_scratch_plain[in->op])
    return 1;
  switch (in->op) {
  case IR_GET: return !x64_is_flags_get(b, in);
  case IR_PUT: return !x64_is_lazy_sel_put(x, in);
  case IR_SHL:
  case IR_SHR:
  case IR_SAR: return ir_is_const(b, in->b) || (x64_feat() & X64_F_BMI2);
  case IR_ROR: return ir_is_const(b, in->b);
  case IR_CLZ: return !!(x64_feat() & X64_F_LZCNT);
  case IR_CTZ: return !!(x64_feat() & X64_F_BMI1);
  case IR_POPCNT: return !x64_is_call(b, in);
  case IR_COND:
    return (x->fuse[i] == X64_FUSE_SETCC || x->fuse[i] == X64_FUSE_VIRTUAL ||
            x->fuse[i] == X64_FUSE_LAZY) &&
           !x64_recmp_writes(x, in, i);
  case IR_FLAGS_ADD:
  case IR_FLAGS_SUB:
  case IR_FLAGS_ADC:
  case IR_FLAGS_SBC:
  case IR_FLAGS_LOGIC: return x->fuse[i] == X64_FUSE_VIRTUAL; /* else the nibble (x64_nzcv) */
  default: return 0;
  }
}

/* Per index, how many instructions up to it write rcx or rdx: a value may
 * live in them when none from its definition to its last use does. Counted
 * when the allocator first runs out of other registers: most blocks never
 * do. NULL when out of memory. */
static const uint32_t *x64_scratch_count(struct x64_ctx *x) {
  const struct ir_block *b = x->ir;
  uint32_t *n = ir_scratch_raw(b, ((size_t)b->n + 1) * sizeof(*n));
  if (!n)
    return NULL;
  n[0] = 0;
  for (uint32_t i = 1; i < b->n; i++)
    n[i] = n[i - 1] + !x64_keeps_scratch(x, i);
  n[b->n] = n[b->n - 1];
  return x->ra.writes_scratch = n;
}

/* Whether value ref may be given rcx or rdx (x64_pick), once last_use is
 * final. */
int x64_scratch_ok(struct x64_ctx *x, uint32_t ref) {
  if (x->ra.scratch_fixed)
    return 0;
  const uint32_t *n = x->ra.writes_scratch ? x->ra.writes_scratch : x64_scratch_count(x);
  uint32_t last = x->ra.last_use[ref] > ref ? x->ra.last_use[ref] : ref;
  return n && n[last] == n[ref - 1];
}

/* Before a lowering writes reg as scratch: rcx and rdx must hold no value. */
void x64_scratch_free(struct x64_ctx *x, unsigned reg) {
  if ((reg == X64_RCX || reg == X64_RDX) && x->ra.reg_val[reg])
    x->error = x64_scratch_busy;
}

/* Before x64_load_value writes reg with ref's value: reg may also hold ref
 * itself or the value being defined (the lowering's own destination). */
void x64_scratch_load(struct x64_ctx *x, unsigned reg, uint32_t ref) {
  uint32_t v = x->ra.reg_val[reg];
  if (v != ref && v != x->ra.def)
    x64_scratch_free(x, reg);
}
