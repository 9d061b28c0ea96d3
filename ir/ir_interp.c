/* ir_interp.c - the reference interpreter: the meaning of every IR op.
 *
 *   uintptr_t why = ir_interp(b, cpu); // enum cpu_exit; cpu->pc is the next pc
 *
 * Values live in a struct ir_v128 per reference: scalars in .lo (I32 values
 * zero-extended, .hi 0), vectors in both halves. Pure ops go through ir_eval
 * (shared with the constant folder) and ir_veval; this file adds guest state
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

__thread struct ir_interp_pos ir_interp_pos;

static unsigned ir_state_size(enum ir_type t) {
  return t == IR_V128 ? 16 : ir_type_bits(t) / 8;
}

/* Bytes of a value as memory holds them: lo then hi (little-endian host). */
static void ir_v128_to_bytes(struct ir_v128 v, uint8_t *p, unsigned n) {
  uint8_t tmp[16];
  memcpy(tmp, &v.lo, 8);
  memcpy(tmp + 8, &v.hi, 8);
  memcpy(p, tmp, n);
}

static struct ir_v128 ir_v128_of_bytes(const uint8_t *p, unsigned n) {
  uint8_t tmp[16] = {0};
  struct ir_v128 v;
  memcpy(tmp, p, n);
  memcpy(&v.lo, tmp, 8);
  memcpy(&v.hi, tmp + 8, 8);
  return v;
}

static struct ir_v128 ir_get_state(const struct cpu *c, const struct ir_insn *i) {
  return ir_v128_of_bytes((const uint8_t *)c + i->imm, ir_state_size(i->type));
}

static void ir_put_state(struct cpu *c, const struct ir_insn *i, struct ir_v128 v) {
  ir_v128_to_bytes(v, (uint8_t *)c + i->imm, ir_state_size(i->type));
}

static struct ir_v128 ir_s(uint64_t x) {
  return (struct ir_v128){x, 0};
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
  if (i->type == IR_V128) /* an 8-byte or smaller load into a vector: zero-extended */
    return ir_v128_of_bytes((const void *)(uintptr_t)addr, 1u << log2).lo;
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

/* LOAD and STORE of 16 bytes (always IR_V128). */
static struct ir_v128 ir_load16(uint64_t addr) {
  return ir_v128_of_bytes((const void *)(uintptr_t)addr, 16);
}

static void ir_store16(uint64_t addr, struct ir_v128 v) {
  ir_v128_to_bytes(v, (void *)(uintptr_t)addr, 16);
}

/* ir_interp_pos is read by the fault handler, which runs where an access
 * faults: the compiler keeps every store to it on its side of the accesses
 * (with -O3 it kept the instruction in a register across the loop, and a
 * fault on a tagged pointer in the interpreter was not the instruction's). */
static inline void ir_interp_fence(void) {
  __atomic_signal_fence(__ATOMIC_SEQ_CST);
}

static int ir_is_16(const struct ir_insn *i) {
  return (i->aux & IR_MEM_SIZE_MASK) == 4;
}

/* Ops with effects; returns the value of i. */
static struct ir_v128 ir_interp_effect(struct cpu *c, const struct ir_insn *i, struct ir_v128 a,
                                       struct ir_v128 b, struct ir_v128 cc) {
  ir_interp_pos.at = i;
  ir_interp_fence(); /* before the access: a fault there reads it */
  switch (i->op) {
  case IR_GET: return ir_get_state(c, i);
  case IR_PUT: ir_put_state(c, i, a); return ir_s(0);
  case IR_LOAD: return ir_is_16(i) ? ir_load16(a.lo + i->imm) : ir_s(ir_load_mem(i, a.lo + i->imm));
  case IR_STORE:
    if (ir_is_16(i))
      ir_store16(a.lo + i->imm, b);
    else
      ir_store_mem(i, a.lo + i->imm, b.lo);
    return ir_s(0);
  case IR_CAS: return ir_s(ir_cas_mem(i, a.lo, b.lo, cc.lo) & ir_type_mask(i->type));
  case IR_ATOMIC: return ir_s(ir_atomic_mem(i, a.lo, b.lo) & ir_type_mask(i->type));
  case IR_FENCE: __atomic_thread_fence(__ATOMIC_SEQ_CST); return ir_s(0);
  case IR_CALL: return ir_s(ir_call_helper(c, i, a.lo, b.lo, cc.lo));
  default: return ir_s(0); /* NOP */
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
  case IR_DEOPT_IF:
    if (!a)
      return -1;
    c->pc = i->imm;
    return CPU_EXIT_DEOPT;
  case IR_GOTO: c->pc = i->imm; return CPU_EXIT_PLAIN;
  case IR_JUMP: c->pc = a; return CPU_EXIT_PLAIN;
  case IR_SYSCALL: c->pc = i->imm; return CPU_EXIT_SYSCALL;
  case IR_TRAP:
    c->pc = i->imm;
    c->trap_signal = i->aux;
    return CPU_EXIT_TRAP;
  case IR_CODE_INVAL:
    c->pc = i->imm;
    c->trap_info = a;
    return CPU_EXIT_CODE_INVAL;
  default: return -1;
  }
}

/* The value of the non-exit insn i on operand values a, x, y. */
static struct ir_v128 ir_interp_one(const struct ir_block *b, struct cpu *c,
                                    const struct ir_insn *i, struct ir_v128 a, struct ir_v128 x,
                                    struct ir_v128 y) {
  struct ir_v128 r = {0, 0};
  if (i->op == IR_VCONST) {
    assert(i->imm < b->n_vconst);
    return b->vconst[i->imm];
  }
  unsigned props = ir_op_info[i->op].props; /* no lane op is tried on scalars */
  if (((props & IRP_VEC) && ir_veval(i, a, x, y, &r)) ||
      ((props & IRP_VF) && ir_vfeval(i, a, x, y, b->insn[i->a].type, &r)) ||
      ir_eval(i, a.lo, x.lo, y.lo, &r.lo))
    return r;
  return ir_interp_effect(c, i, a, x, y);
}

/* The commonest ops of a decoder's IR, scalar GET, PUT and CONST (half of
 * it), without the generic path's tries: none of them can fault, so the
 * fault handler's position (ir_interp_pos.at) need not move for them. True
 * when done. */
static inline bool ir_interp_fast(struct cpu *c, const struct ir_insn *i, struct ir_v128 *v,
                                  uint32_t r) {
  uint64_t x = 0;
  switch (i->op) {
  case IR_GET: /* 4 or 8 bytes, each a constant size: no call of memcpy */
    if (i->type == IR_V128)
      return false;
    if (ir_state_size(i->type) == 4) {
      uint32_t w;
      memcpy(&w, (const uint8_t *)c + i->imm, 4);
      x = w;
    } else {
      memcpy(&x, (const uint8_t *)c + i->imm, 8);
    }
    v[r] = ir_s(x);
    return true;
  case IR_PUT:
    if (i->type == IR_V128)
      return false;
    if (ir_state_size(i->type) == 4) {
      uint32_t w = (uint32_t)v[i->a].lo;
      memcpy((uint8_t *)c + i->imm, &w, 4);
    } else {
      memcpy((uint8_t *)c + i->imm, &v[i->a].lo, 8);
    }
    v[r] = ir_s(0);
    return true;
  case IR_CONST: v[r] = ir_s(i->imm & ir_type_mask(i->type)); return true;
  default: return false;
  }
}

static uintptr_t ir_interp_values(const struct ir_block *b, struct cpu *c, struct ir_v128 *v) {
  v[0] = ir_s(0);
  for (uint32_t r = 1; r < b->n; r++) {
    const struct ir_insn *i = &b->insn[r];
    if (ir_interp_fast(c, i, v, r))
      continue;
    if (ir_is_scalar_pure(i->op)) {
      v[r] = ir_s(ir_eval_scalar(i, v[i->a].lo, v[i->b].lo, v[i->c].lo));
    } else if (ir_op_info[i->op].flags & IRF_EXIT) {
      intptr_t e = ir_interp_exit(c, i, v[i->a].lo);
      if (e >= 0)
        return (uintptr_t)e;
      v[r] = ir_s(0);
    } else {
      v[r] = ir_interp_one(b, c, i, v[i->a], v[i->b], v[i->c]);
    }
  }
  assert(!"ir_interp: block does not end in an exit");
  return CPU_EXIT_PLAIN;
}

uintptr_t ir_interp(const struct ir_block *b, struct cpu *c) {
  struct ir_v128 small[IR_INTERP_STACK_VALUES];
  struct ir_v128 *v = b->n <= IR_INTERP_STACK_VALUES ? small : malloc(b->n * sizeof(*v));
  if (!v)
    xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory");
  if (b->flags_off) /* the interpreter keeps no lazy flags: GET and PUT see the nibble */
    ir_flags_pack(c, b->flags_off);
  ir_interp_pos = (struct ir_interp_pos){b, NULL};
  ir_interp_fence();
  uintptr_t r = ir_interp_values(b, c, v);
  ir_interp_fence();
  ir_interp_pos = (struct ir_interp_pos){NULL, NULL};
  if (v != small)
    free(v);
  return r;
}
