/* ir.c - building IR blocks. */
#include <stdlib.h>
#include <string.h>
#include <assert.h>
#include "ir.h"
#include "../xrun.h"

/* IRP_PURE: an op of no effect that is not NOP or VCONST (whose value is
 * the block's table's, not its operands'). */
#define IR_PURE_OF(op, flags) ((flags) == 0 && (op) != IR_NOP && (op) != IR_VCONST ? IRP_PURE : 0)
const struct ir_op_info ir_op_info[IR_OP_SLOTS] = {
#define _(name, nargs, flags, props, str)                                                          \
  {str, nargs, flags, (props) | IR_PURE_OF(IR_##name, flags)},
#include "ir_ops.def"
#undef _
};

struct ir_block *ir_block_new(uint64_t guest_pc) {
  return ir_block_new_cap(guest_pc, 256);
}

struct ir_block *ir_block_new_cap(uint64_t guest_pc, uint32_t cap) {
  struct ir_block *b = calloc(1, sizeof(*b));
  if (!b)
    xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory");
  b->cap = cap > 1 ? cap : 1;
  b->insn = malloc(b->cap * sizeof(*b->insn));
  b->scratch = calloc(1, sizeof(*b->scratch));
  b->state_known = calloc(IR_STATE_KNOWN, sizeof(*b->state_known));
  if (!b->insn || !b->scratch || !b->state_known)
    xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory");
  ir_block_reset(b, guest_pc);
  return b;
}

/* *p (of *cap elements of size sz) holds at least n: grown to n if not. */
static void ir_reserve(void **p, uint32_t *cap, uint32_t n, size_t sz) {
  if (n <= *cap && *p)
    return;
  void *q = realloc(*p, (n > *cap ? n : *cap + 1) * sz);
  if (!q)
    xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory");
  *p = q;
  if (n > *cap)
    *cap = n;
}

void ir_block_assign(struct ir_block *dst, const struct ir_block *src) {
  struct ir_block keep = *dst;
  ir_reserve((void **)&keep.insn, &keep.cap, src->n, sizeof(*src->insn));
  ir_reserve((void **)&keep.vconst, &keep.cap_vconst, src->n_vconst, sizeof(*src->vconst));
  ir_reserve((void **)&keep.marks, &keep.cap_marks, src->n_marks, sizeof(*src->marks));
  memcpy(keep.insn, src->insn, src->n * sizeof(*src->insn));
  if (src->n_vconst)
    memcpy(keep.vconst, src->vconst, src->n_vconst * sizeof(*src->vconst));
  if (src->n_marks)
    memcpy(keep.marks, src->marks, src->n_marks * sizeof(*src->marks));
  *dst = *src;
  dst->insn = keep.insn, dst->cap = keep.cap;
  dst->vconst = keep.vconst, dst->cap_vconst = keep.cap_vconst;
  dst->marks = keep.marks, dst->cap_marks = keep.cap_marks;
  dst->scratch = keep.scratch;
  dst->state_known = keep.state_known, dst->state_epoch = keep.state_epoch; /* its own */
  dst->forward_state = 0; /* built: nothing more is forwarded into it */
  ir_state_forget(dst);
  ir_arena_reset(dst->scratch);
}

struct ir_block *ir_block_copy(const struct ir_block *b) {
  struct ir_block *c = ir_block_new_cap(b->guest_pc, b->n);
  ir_block_assign(c, b);
  return c;
}

void ir_block_free(struct ir_block *b) {
  if (b) {
    free(b->insn);
    free(b->vconst);
    free(b->marks);
    if (b->scratch)
      ir_arena_free(b->scratch);
    free(b->scratch);
    free(b->state_known);
  }
  free(b);
}

void ir_block_reset(struct ir_block *b, uint64_t guest_pc) {
  b->guest_pc = guest_pc;
  b->guest_size = 0;
  b->guest_insns = 0;
  b->n_exit_ifs = 0;
  b->flags_off = 0;
  b->n = 1;
  b->n_vconst = 0;
  b->n_marks = 0;
  b->unsaveable = 0;
  b->addr_mask = 0;
  b->forward_state = 0;
  b->countdown = 0;
  ir_state_forget(b);
  ir_arena_reset(b->scratch);
  memset(&b->insn[0], 0, sizeof(b->insn[0])); /* ref 0: none */
}

__attribute__((noinline, cold)) void ir_block_grow(struct ir_block *b) {
  b->cap *= 2;
  b->insn = realloc(b->insn, b->cap * sizeof(*b->insn));
  if (!b->insn)
    xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory");
}

uint32_t ir_emit(struct ir_block *b, enum ir_op op, enum ir_type type, uint32_t a, uint32_t b_,
                 uint32_t c, uint64_t imm) {
  assert(a < b->n && b_ < b->n && c < b->n);
  if (b->n == b->cap)
    ir_block_grow(b);
  struct ir_insn *i = &b->insn[b->n];
  *i = (struct ir_insn){.op = op, .type = type, .a = a, .b = b_, .c = c, .imm = imm};
  return b->n++;
}

static uint32_t ir_emit_aux(struct ir_block *b, enum ir_op op, enum ir_type type, unsigned aux,
                            uint32_t x, uint32_t y, uint32_t z, uint64_t imm) {
  uint32_t r = ir_emit(b, op, type, x, y, z, imm);
  b->insn[r].aux = aux;
  return r;
}

uint64_t ir_pc_of(const struct ir_block *b, uint32_t ref) {
  uint64_t pc = b->guest_pc;
  for (uint32_t m = 0; m < b->n_marks && b->marks[m].ref <= ref; m++)
    pc = b->marks[m].pc;
  return pc;
}

uint32_t ir_mark(struct ir_block *b, uint64_t pc) {
  if (b->n_marks == b->cap_marks) {
    b->cap_marks = b->cap_marks ? 2 * b->cap_marks : 64;
    b->marks = realloc(b->marks, b->cap_marks * sizeof(*b->marks));
    if (!b->marks)
      xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory");
  }
  b->marks[b->n_marks++] = (struct ir_mark){b->n, pc};
  return b->n;
}

uint32_t ir_const(struct ir_block *b, enum ir_type type, uint64_t value) {
  if (type == IR_I32)
    value = (uint32_t)value;
  return ir_emit(b, IR_CONST, type, 0, 0, 0, value);
}

uint32_t ir_const_guest(struct ir_block *b, enum ir_type type, uint64_t value) {
  assert(type == IR_I64); /* relocated as a whole 64-bit immediate */
  return ir_emit_aux(b, IR_CONST, type, IR_CONST_GUEST, 0, 0, 0, value);
}

/* The i32 a TRUNC to i32 of x gives without an instruction (with
 * forward_state: the builder's share of the passes' work): x's own operand
 * where x zero-extends an i32 (a W register written, then read again by
 * the next instruction); else 0. */
static uint32_t ir_trunc_of_zext(const struct ir_block *b, uint32_t x) {
  const struct ir_insn *z = &b->insn[x];
  return z->op == IR_ZEXT && z->aux == 32 && b->insn[z->a].type == IR_I32 ? z->a : 0;
}

uint32_t ir_unop(struct ir_block *b, enum ir_op op, enum ir_type type, uint32_t x) {
  uint32_t same = op == IR_TRUNC && type == IR_I32 && b->forward_state ? ir_trunc_of_zext(b, x) : 0;
  return same ? same : ir_emit(b, op, type, x, 0, 0, 0);
}

uint32_t ir_binop(struct ir_block *b, enum ir_op op, enum ir_type type, uint32_t x, uint32_t y) {
  return ir_emit(b, op, type, x, y, 0, 0);
}

uint32_t ir_ext(struct ir_block *b, enum ir_op op, enum ir_type type, uint32_t x, unsigned bits) {
  return ir_emit_aux(b, op, type, bits, x, 0, 0, 0);
}

uint32_t ir_cmp(struct ir_block *b, enum ir_cmp cmp, enum ir_type type, uint32_t x, uint32_t y) {
  uint32_t r = ir_emit_aux(b, IR_CMP, IR_I32, cmp, x, y, 0, 0);
  b->insn[r].imm = type; /* operand type */
  return r;
}

uint32_t ir_select(struct ir_block *b, enum ir_type type, uint32_t cond, uint32_t x, uint32_t y) {
  return ir_emit(b, IR_SELECT, type, cond, x, y, 0);
}

uint32_t ir_flags(struct ir_block *b, enum ir_op op, enum ir_type width, uint32_t x, uint32_t y,
                  uint32_t carry) {
  return ir_emit_aux(b, op, IR_I32, width, x, y, carry, 0);
}

uint32_t ir_cond(struct ir_block *b, enum ir_cc cc, uint32_t nzcv) {
  return ir_emit_aux(b, IR_COND, IR_I32, cc, nzcv, 0, 0, 0);
}

/* The address an access uses: addr, masked when the block says so. */
static uint32_t ir_addr(struct ir_block *b, uint32_t addr) {
  if (!b->addr_mask)
    return addr;
  return ir_emit(b, IR_AND, IR_I64, addr, ir_const(b, IR_I64, b->addr_mask), 0, 0);
}

/* The base and displacement of an access at base + disp: the displacement
 * in the access where it fits 32 bits and no mask applies to the sum. */
static uint32_t ir_addr_at(struct ir_block *b, uint32_t base, int64_t *disp) {
  if (*disp && (b->addr_mask || *disp != (int32_t)*disp)) {
    base = ir_emit(b, IR_ADD, IR_I64, base, ir_const(b, IR_I64, (uint64_t)*disp), 0, 0);
    *disp = 0;
  }
  return ir_addr(b, base);
}

uint32_t ir_load_at(struct ir_block *b, enum ir_type type, uint32_t base, int64_t disp,
                    unsigned log2size, int is_signed) {
  base = ir_addr_at(b, base, &disp);
  return ir_emit_aux(b, IR_LOAD, type, log2size | (is_signed ? IR_MEM_SIGNED : 0), base, 0, 0,
                     (uint64_t)disp);
}

uint32_t ir_store_at(struct ir_block *b, uint32_t base, int64_t disp, uint32_t value,
                     unsigned log2size) {
  base = ir_addr_at(b, base, &disp);
  return ir_emit_aux(b, IR_STORE, b->insn[value].type, log2size, base, value, 0, (uint64_t)disp);
}

uint32_t ir_load(struct ir_block *b, enum ir_type type, uint32_t addr, unsigned log2size,
                 int is_signed) {
  return ir_load_at(b, type, addr, 0, log2size, is_signed);
}

uint32_t ir_store(struct ir_block *b, uint32_t addr, uint32_t value, unsigned log2size) {
  return ir_store_at(b, addr, 0, value, log2size);
}

uint32_t ir_cas(struct ir_block *b, enum ir_type type, uint32_t addr, uint32_t expected,
                uint32_t desired, unsigned log2size) {
  addr = ir_addr(b, addr);
  return ir_emit_aux(b, IR_CAS, type, log2size, addr, expected, desired, 0);
}

uint32_t ir_atomic(struct ir_block *b, enum ir_atomic op, enum ir_type type, uint32_t addr,
                   uint32_t operand, unsigned log2size) {
  addr = ir_addr(b, addr);
  return ir_emit_aux(b, IR_ATOMIC, type, log2size, addr, operand, 0, op);
}

uint32_t ir_fence(struct ir_block *b, enum ir_fence kind) {
  return ir_emit_aux(b, IR_FENCE, IR_VOID, kind, 0, 0, 0, 0);
}

uint32_t ir_call(struct ir_block *b, enum ir_type ret, void *helper, uint32_t x, uint32_t y,
                 uint32_t z) {
  ir_state_forget(b); /* the helper may write any of it */
  return ir_emit(b, IR_CALL, ret, x, y, z, (uint64_t)(uintptr_t)helper);
}

uint32_t ir_vconst_pool(struct ir_block *b, uint64_t lo, uint64_t hi) {
  if (b->n_vconst == b->cap_vconst) {
    b->cap_vconst = b->cap_vconst ? 2 * b->cap_vconst : 16;
    b->vconst = realloc(b->vconst, b->cap_vconst * sizeof(*b->vconst));
    if (!b->vconst)
      xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory");
  }
  b->vconst[b->n_vconst] = (struct ir_v128){lo, hi};
  return b->n_vconst++;
}

struct ir_v128 ir_vtbl_rotation(unsigned aux, unsigned k) {
  struct ir_v128 t = {0, 0};
  unsigned n = 1u << aux;
  for (unsigned j = 0; j < 16; j++)
    ir_v128_set_byte(&t, j, (uint8_t)(j - j % n + (j % n + k) % n));
  return t;
}

uint32_t ir_vconst(struct ir_block *b, uint64_t lo, uint64_t hi) {
  uint32_t k = ir_vconst_pool(b, lo, hi);
  return ir_emit(b, IR_VCONST, IR_V128, 0, 0, 0, k);
}

uint32_t ir_vop(struct ir_block *b, enum ir_op op, enum ir_type type, unsigned aux, uint32_t x,
                uint32_t y, uint64_t imm) {
  return ir_emit_aux(b, op, type, aux, x, y, 0, imm);
}

uint32_t ir_vop3(struct ir_block *b, enum ir_op op, unsigned aux, uint32_t x, uint32_t y,
                 uint32_t z) {
  return ir_emit_aux(b, op, IR_V128, aux, x, y, z, 0);
}

uint32_t ir_deopt_if(struct ir_block *b, uint32_t cond, uint64_t pc) {
  return ir_emit(b, IR_DEOPT_IF, IR_VOID, cond, 0, 0, pc);
}

uint32_t ir_exit_if(struct ir_block *b, uint32_t cond, uint64_t target_pc) {
  b->n_exit_ifs++;
  return ir_emit(b, IR_EXIT_IF, IR_VOID, cond, 0, 0, target_pc);
}

uint32_t ir_goto(struct ir_block *b, uint64_t target_pc) {
  return ir_emit(b, IR_GOTO, IR_VOID, 0, 0, 0, target_pc);
}

uint32_t ir_jump(struct ir_block *b, uint32_t target) {
  return ir_emit(b, IR_JUMP, IR_VOID, target, 0, 0, 0);
}

uint32_t ir_return(struct ir_block *b, uint32_t target) {
  uint32_t r = ir_jump(b, target);
  b->insn[r].aux = IR_JUMP_RETURN;
  return r;
}

uint32_t ir_ret_push(struct ir_block *b, uint64_t return_pc) {
  return ir_emit(b, IR_RET_PUSH, IR_VOID, 0, 0, 0, return_pc);
}

uint32_t ir_syscall(struct ir_block *b, uint64_t next_pc) {
  return ir_emit(b, IR_SYSCALL, IR_VOID, 0, 0, 0, next_pc);
}

uint32_t ir_trap(struct ir_block *b, int guest_signal, uint64_t pc) {
  return ir_emit_aux(b, IR_TRAP, IR_VOID, guest_signal, 0, 0, 0, pc);
}

uint32_t ir_code_inval(struct ir_block *b, uint32_t addr, uint64_t next_pc) {
  return ir_emit(b, IR_CODE_INVAL, IR_VOID, addr, 0, 0, next_pc);
}

int ir_block_ended(const struct ir_block *b) {
  return b->n > 1 && (ir_op_info[b->insn[b->n - 1].op].flags & IRF_END);
}
