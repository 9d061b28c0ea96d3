/* rv64_atomic.c - the A extension (unprivileged ISA, chapter 14) as real host
 * atomics. An AMO is one IR ATOMIC (a locked x86 instruction, a full
 * barrier, so .aq and .rl hold). LR loads and records the reservation (its
 * address and the value it saw); SC succeeds when the reservation is for its
 * address and memory still holds that value, by a compare-and-swap, as
 * aarch64's LDXR/STXR are done. Every SC ends the reservation. */
#include "rv64.h"

#define RV64_RES(f) ((uint32_t)offsetof(struct rv64_cpu, f))

static bool rv64_lr(struct rv64_ctx *s, const struct arg_atomic *a, unsigned size) {
  uint32_t addr = rv64_get(s, a->rs1);
  uint32_t v = ir_load(s->b, IR_I64, addr, size, size == 2);
  ir_put(s->b, RV64_RES(res_addr), addr);
  ir_put(s->b, RV64_RES(res_val), v);
  rv64_set(s, a->rd, v);
  return true;
}

/* 0 when the store was made, 1 when not (rd of SC). The pc is set so that a
 * fault in the compare-and-swap is reported at the SC. */
static uint64_t rv64_sc(struct cpu *c, uint64_t addr, uint64_t v, uint64_t pc, unsigned size) {
  struct rv64_cpu *r = (struct rv64_cpu *)c;
  uint64_t want = r->res_val;
  bool held = r->res_addr == addr;
  r->res_addr = ~0ull;
  c->pc = pc;
  if (!held)
    return 1;
  if (size == 2)
    return !__sync_bool_compare_and_swap((uint32_t *)(uintptr_t)addr, (uint32_t)want, (uint32_t)v);
  return !__sync_bool_compare_and_swap((uint64_t *)(uintptr_t)addr, want, v);
}
static uint64_t rv64_h_sc_w(struct cpu *c, uint64_t addr, uint64_t v, uint64_t pc) {
  return rv64_sc(c, addr, v, pc, 2);
}
static uint64_t rv64_h_sc_d(struct cpu *c, uint64_t addr, uint64_t v, uint64_t pc) {
  return rv64_sc(c, addr, v, pc, 3);
}

static bool rv64_sc_emit(struct rv64_ctx *s, const struct arg_atomic *a, void *helper) {
  uint32_t addr = rv64_get(s, a->rs1), v = rv64_get(s, a->rs2);
  uint32_t st = ir_call(s->b, IR_I64, helper, addr, v, rv64_guest_addr(s, s->pc));
  rv64_set(s, a->rd, st);
  return true;
}

/* rd = the old value, sign-extended for .W; memory = old op rs2. */
static bool rv64_amo(struct rv64_ctx *s, const struct arg_atomic *a, enum ir_atomic op,
                     unsigned size) {
  enum ir_type t = size == 2 ? IR_I32 : IR_I64;
  uint32_t v = size == 2 ? rv64_get32(s, a->rs2) : rv64_get(s, a->rs2);
  if (op == IR_ATOMIC_CLR) /* AMOAND: old & rs2 = old & ~(~rs2) */
    v = ir_unop(s->b, IR_NOT, t, v);
  uint32_t old = ir_atomic(s->b, op, t, rv64_get(s, a->rs1), v, size);
  if (size == 2)
    rv64_set32(s, a->rd, old);
  else
    rv64_set(s, a->rd, old);
  return true;
}

bool rv64_trans_lr_w(struct rv64_ctx *s, const struct arg_atomic *a) {
  return rv64_lr(s, a, 2);
}
bool rv64_trans_lr_d(struct rv64_ctx *s, const struct arg_atomic *a) {
  return rv64_lr(s, a, 3);
}
bool rv64_trans_sc_w(struct rv64_ctx *s, const struct arg_atomic *a) {
  return rv64_sc_emit(s, a, (void *)rv64_h_sc_w);
}
bool rv64_trans_sc_d(struct rv64_ctx *s, const struct arg_atomic *a) {
  return rv64_sc_emit(s, a, (void *)rv64_h_sc_d);
}
bool rv64_trans_amoswap_w(struct rv64_ctx *s, const struct arg_atomic *a) {
  return rv64_amo(s, a, IR_ATOMIC_SWP, 2);
}
bool rv64_trans_amoadd_w(struct rv64_ctx *s, const struct arg_atomic *a) {
  return rv64_amo(s, a, IR_ATOMIC_ADD, 2);
}
bool rv64_trans_amoxor_w(struct rv64_ctx *s, const struct arg_atomic *a) {
  return rv64_amo(s, a, IR_ATOMIC_XOR, 2);
}
bool rv64_trans_amoand_w(struct rv64_ctx *s, const struct arg_atomic *a) {
  return rv64_amo(s, a, IR_ATOMIC_CLR, 2);
}
bool rv64_trans_amoor_w(struct rv64_ctx *s, const struct arg_atomic *a) {
  return rv64_amo(s, a, IR_ATOMIC_OR, 2);
}
bool rv64_trans_amomin_w(struct rv64_ctx *s, const struct arg_atomic *a) {
  return rv64_amo(s, a, IR_ATOMIC_SMIN, 2);
}
bool rv64_trans_amomax_w(struct rv64_ctx *s, const struct arg_atomic *a) {
  return rv64_amo(s, a, IR_ATOMIC_SMAX, 2);
}
bool rv64_trans_amominu_w(struct rv64_ctx *s, const struct arg_atomic *a) {
  return rv64_amo(s, a, IR_ATOMIC_UMIN, 2);
}
bool rv64_trans_amomaxu_w(struct rv64_ctx *s, const struct arg_atomic *a) {
  return rv64_amo(s, a, IR_ATOMIC_UMAX, 2);
}
bool rv64_trans_amoswap_d(struct rv64_ctx *s, const struct arg_atomic *a) {
  return rv64_amo(s, a, IR_ATOMIC_SWP, 3);
}
bool rv64_trans_amoadd_d(struct rv64_ctx *s, const struct arg_atomic *a) {
  return rv64_amo(s, a, IR_ATOMIC_ADD, 3);
}
bool rv64_trans_amoxor_d(struct rv64_ctx *s, const struct arg_atomic *a) {
  return rv64_amo(s, a, IR_ATOMIC_XOR, 3);
}
bool rv64_trans_amoand_d(struct rv64_ctx *s, const struct arg_atomic *a) {
  return rv64_amo(s, a, IR_ATOMIC_CLR, 3);
}
bool rv64_trans_amoor_d(struct rv64_ctx *s, const struct arg_atomic *a) {
  return rv64_amo(s, a, IR_ATOMIC_OR, 3);
}
bool rv64_trans_amomin_d(struct rv64_ctx *s, const struct arg_atomic *a) {
  return rv64_amo(s, a, IR_ATOMIC_SMIN, 3);
}
bool rv64_trans_amomax_d(struct rv64_ctx *s, const struct arg_atomic *a) {
  return rv64_amo(s, a, IR_ATOMIC_SMAX, 3);
}
bool rv64_trans_amominu_d(struct rv64_ctx *s, const struct arg_atomic *a) {
  return rv64_amo(s, a, IR_ATOMIC_UMIN, 3);
}
bool rv64_trans_amomaxu_d(struct rv64_ctx *s, const struct arg_atomic *a) {
  return rv64_amo(s, a, IR_ATOMIC_UMAX, 3);
}
