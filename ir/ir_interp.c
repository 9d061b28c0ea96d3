/* ir_interp.c - the reference interpreter: the meaning of every IR op.
 *
 *   uintptr_t why = ir_interp(b, cpu); // enum cpu_exit; cpu->pc is the next pc
 *
 * Values live in a uint64_t per reference, I32 values zero-extended. Pure ops go
 * through ir_eval (shared with the constant folder); this file adds guest state
 * (GET/PUT at a byte offset of the cpu struct), identity-mapped memory, atomics,
 * helper calls and exits.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include "ir.h"
#include "ir_eval.h"
#include "../xrun.h"

enum { IR_INTERP_STACK_VALUES = 1024 };

static unsigned ir_state_size(enum ir_type t) {
  return ir_type_bits(t) / 8;
}

static uint64_t ir_get_state(const struct cpu *c, const struct ir_insn *i) {
  uint64_t v = 0;
  memcpy(&v, (const uint8_t *)c + i->imm, ir_state_size(i->type));
  return v;
}

static void ir_put_state(struct cpu *c, const struct ir_insn *i, uint64_t v) {
  memcpy((uint8_t *)c + i->imm, &v, ir_state_size(i->type));
}

/* A loaded value of 1 << log2 bytes: zero- or sign-extended to the result type. */
static uint64_t ir_mem_extend(const struct ir_insn *i, uint64_t v) {
  unsigned bits = 8u << (i->aux & IR_MEM_SIZE_MASK);
  if ((i->aux & IR_MEM_SIGNED) && bits < 64)
    v = (uint64_t)((int64_t)(v << (64 - bits)) >> (64 - bits));
  return v & ir_type_mask(i->type);
}

static uint64_t ir_load_mem(const struct ir_insn *i, uint64_t addr) {
  unsigned log2 = i->aux & IR_MEM_SIZE_MASK;
  assert(log2 <= 3);
  uint64_t v = 0;
  memcpy(&v, (const void *)(uintptr_t)addr, 1u << log2);
  return ir_mem_extend(i, v);
}

static void ir_store_mem(const struct ir_insn *i, uint64_t addr, uint64_t v) {
  unsigned log2 = i->aux & IR_MEM_SIZE_MASK;
  assert(log2 <= 3);
  memcpy((void *)(uintptr_t)addr, &v, 1u << log2);
}

static uint64_t ir_cas_mem(const struct ir_insn *i, uint64_t addr, uint64_t expect,
                           uint64_t desire) {
  void *p = (void *)(uintptr_t)addr;
  switch (i->aux & IR_MEM_SIZE_MASK) {
  case 0: {
    uint8_t e = expect;
    __atomic_compare_exchange_n((uint8_t *)p, &e, desire, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    return e;
  }
  case 1: {
    uint16_t e = expect;
    __atomic_compare_exchange_n((uint16_t *)p, &e, desire, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    return e;
  }
  case 2: {
    uint32_t e = expect;
    __atomic_compare_exchange_n((uint32_t *)p, &e, desire, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    return e;
  }
  default: {
    uint64_t e = expect;
    __atomic_compare_exchange_n((uint64_t *)p, &e, desire, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    return e;
  }
  }
}

/* The new value of an atomic read-modify-write on old, at 'bits' wide. */
static uint64_t ir_atomic_apply(unsigned op, uint64_t old, uint64_t x, unsigned bits) {
  uint64_t m = bits == 64 ? ~0ull : (1ull << bits) - 1;
  int64_t so = (int64_t)(old << (64 - bits)) >> (64 - bits);
  int64_t sx = (int64_t)(x << (64 - bits)) >> (64 - bits);
  old &= m, x &= m;
  switch (op) {
  case IR_ATOMIC_ADD: return old + x;
  case IR_ATOMIC_CLR: return old & ~x;
  case IR_ATOMIC_XOR: return old ^ x;
  case IR_ATOMIC_OR: return old | x;
  case IR_ATOMIC_SMAX: return so > sx ? old : x;
  case IR_ATOMIC_SMIN: return so < sx ? old : x;
  case IR_ATOMIC_UMAX: return old > x ? old : x;
  case IR_ATOMIC_UMIN: return old < x ? old : x;
  default: return x; /* IR_ATOMIC_SWP */
  }
}

/* Every atomic as a CAS loop: one definition for every size and op. */
static uint64_t ir_atomic_mem(const struct ir_insn *i, uint64_t addr, uint64_t x) {
  unsigned log2 = i->aux & IR_MEM_SIZE_MASK, bits = 8u << log2;
  uint64_t m = bits == 64 ? ~0ull : (1ull << bits) - 1;
  struct ir_insn load = {.op = IR_LOAD, .type = IR_I64, .aux = log2};
  uint64_t old = ir_load_mem(&load, addr);
  for (;;) {
    uint64_t seen = ir_cas_mem(i, addr, old, ir_atomic_apply(i->imm, old, x, bits) & m);
    if (seen == old)
      return old;
    old = seen;
  }
}

static uint64_t ir_call_helper(struct cpu *c, const struct ir_insn *i, uint64_t a, uint64_t b,
                               uint64_t cc) {
  uint64_t (*fn)(struct cpu *, uint64_t, uint64_t, uint64_t) =
      (uint64_t(*)(struct cpu *, uint64_t, uint64_t, uint64_t))(uintptr_t)i->imm;
  uint64_t r = fn(c, a, b, cc);
  return i->type == IR_VOID ? 0 : r & ir_type_mask(i->type);
}

/* Ops with effects; returns the value of i. */
static uint64_t ir_interp_effect(struct cpu *c, const struct ir_insn *i, uint64_t a, uint64_t b,
                                 uint64_t cc) {
  switch (i->op) {
  case IR_GET: return ir_get_state(c, i);
  case IR_PUT: ir_put_state(c, i, a); return 0;
  case IR_LOAD: return ir_load_mem(i, a);
  case IR_STORE: ir_store_mem(i, a, b); return 0;
  case IR_CAS: return ir_cas_mem(i, a, b, cc) & ir_type_mask(i->type);
  case IR_ATOMIC: return ir_atomic_mem(i, a, b) & ir_type_mask(i->type);
  case IR_FENCE: __atomic_thread_fence(__ATOMIC_SEQ_CST); return 0;
  case IR_CALL: return ir_call_helper(c, i, a, b, cc);
  default: return 0; /* NOP, MARK */
  }
}

/* An exit op: sets c->pc and returns the exit code, or returns -1 to go on. */
static intptr_t ir_interp_exit(struct cpu *c, const struct ir_insn *i, uint64_t a) {
  switch (i->op) {
  case IR_EXIT_IF:
    if (!a)
      return -1;
    c->pc = i->imm;
    return CPU_EXIT_PLAIN;
  case IR_GOTO: c->pc = i->imm; return CPU_EXIT_PLAIN;
  case IR_JUMP: c->pc = a; return CPU_EXIT_PLAIN;
  case IR_SYSCALL: c->pc = i->imm; return CPU_EXIT_SYSCALL;
  case IR_TRAP:
    c->pc = i->imm;
    c->trap_signal = i->aux;
    return CPU_EXIT_TRAP;
  default: return -1;
  }
}

static uintptr_t ir_interp_values(const struct ir_block *b, struct cpu *c, uint64_t *v) {
  v[0] = 0;
  for (uint32_t r = 1; r < b->n; r++) {
    const struct ir_insn *i = &b->insn[r];
    uint64_t a = v[i->a], x = v[i->b], y = v[i->c];
    if (ir_op_info[i->op].flags & IRF_EXIT) {
      intptr_t e = ir_interp_exit(c, i, a);
      if (e >= 0)
        return (uintptr_t)e;
      v[r] = 0;
    } else if (!ir_eval(i, a, x, y, &v[r])) {
      v[r] = ir_interp_effect(c, i, a, x, y);
    }
  }
  assert(!"ir_interp: block does not end in an exit");
  return CPU_EXIT_PLAIN;
}

uintptr_t ir_interp(const struct ir_block *b, struct cpu *c) {
  uint64_t small[IR_INTERP_STACK_VALUES];
  uint64_t *v = b->n <= IR_INTERP_STACK_VALUES ? small : malloc(b->n * sizeof(*v));
  if (!v)
    xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory");
  uintptr_t r = ir_interp_values(b, c, v);
  if (v != small)
    free(v);
  return r;
}
