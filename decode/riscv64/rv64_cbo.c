/* rv64_cbo.c - Zicbom and Zicboz, the cache-block operations (CMO spec 1.0,
 * chapter 2.5) as Linux lets user programs run them. The host's caches are
 * coherent, so cbo.clean and cbo.flush change nothing visible; they only
 * fault where neither a load nor a store may reach the block (2.5.2). Linux
 * sets senvcfg.CBCFE and CBZE for user mode when the hart has Zicbom and
 * Zicboz, and leaves CBIE at 00 (arch/riscv/kernel/cpufeature.c,
 * riscv_user_isa_enable), under which cbo.inval raises an
 * illegal-instruction exception (privileged ISA 1.12, section 4.1.11,
 * senvcfg): SIGILL. A fault reports the address in rs1, not the block's
 * start (as the Sail model does: the address encoded in the instruction). */
#include "rv64.h"

bool rv64_trans_cbo_inval(struct rv64_ctx *s, const struct arg_cbo *a) {
  (void)a;
  return rv64_illegal(s);
}

/* A load of the byte at rs1 faults as the instruction must: the block is
 * within one page, so if that byte is readable the whole block is. */
static bool rv64_cbo_probe(struct rv64_ctx *s, const struct arg_cbo *a) {
  ir_load(s->b, IR_I32, rv64_get(s, a->rs1), 0, 0);
  return true;
}
bool rv64_trans_cbo_clean(struct rv64_ctx *s, const struct arg_cbo *a) {
  return rv64_cbo_probe(s, a);
}
bool rv64_trans_cbo_flush(struct rv64_ctx *s, const struct arg_cbo *a) {
  return rv64_cbo_probe(s, a);
}

/* cbo.zero: zero the RV64_CBO_BLOCK-byte block that holds rs1. The byte at
 * rs1 first, so that a fault names rs1; the rest of the block is then in the
 * same writable page. */
bool rv64_trans_cbo_zero(struct rv64_ctx *s, const struct arg_cbo *a) {
  uint32_t ea = rv64_get(s, a->rs1), zero = rv64_imm(s, 0);
  ir_store(s->b, ea, ir_const(s->b, IR_I32, 0), 0);
  uint32_t base = ir_binop(s->b, IR_AND, IR_I64, ea, rv64_imm(s, -(uint64_t)RV64_CBO_BLOCK));
  for (unsigned off = 0; off < RV64_CBO_BLOCK; off += 8) {
    uint32_t addr = off ? ir_binop(s->b, IR_ADD, IR_I64, base, rv64_imm(s, off)) : base;
    ir_store(s->b, addr, zero, 3);
  }
  return true;
}
