/* x64_lower.c - one lowering function per IR op. Each runs after the
 * allocator gave the op's value a register (x64_dst) and reads operands with
 * x64_src/x64_load_value; rax is free scratch throughout, and so are rcx and
 * rdx but where x64_scratch.c lets a value live in them.
 */
#include <stddef.h>
#include <stdint.h>
#include "x64.h"
#include "../ir/ir_cc.h"

static const struct ir_insn *x64_in(struct x64_ctx *x, uint32_t ref) {
  return &x->ir->insn[ref];
}

static int x64_is64(struct x64_ctx *x, uint32_t ref) {
  return x64_in(x, ref)->type == IR_I64;
}

/* Remember where the host instruction for a guest memory access starts. */
static void x64_pcmap(struct x64_ctx *x) {
  struct tc_block *blk = x->blk;
  if (!blk->pcmap || blk->n_pcmap >= blk->pcmap_cap || x->buf->overflow)
    return;
  struct tc_pcmap *e = &blk->pcmap[blk->n_pcmap++];
  *e = (struct tc_pcmap){.host_off = (uint32_t)(x->buf->cur - blk->code),
                         .guest_off = (uint32_t)(x->guest_pc - blk->guest_pc)};
  x64_defer_record(x, e);
}

static void x64_lower_get(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_in(x, ref);
  int load;
  if (x64_loop_get_half(x, ref))
    return; /* from a carried vector register's xmm (x64_loop.c) */
  if (x64_pin_lower_get(x, ref, &load) && !load)
    return; /* a copy of a pinned slot's register (x64_pin.c) */
  if (x64_is_flags_get(x->ir, in) && x->fuse[ref] == X64_FUSE_VIRTUAL) {
    if (!x->recmp[ref]) /* else each COND makes them (x64_flags_op) */
      x64_lazy_call(x, x64_lazy_flags);
    return; /* only the host flags (x64_fuse.c) */
  }
  if (x64_is_flags_get(x->ir, in)) /* the nibble, not lazy_op, in the slot first */
    x64_lazy_call(x, x64_lazy_pack);
  int narrow = in->type == IR_I64 && x->narrow[ref];
  if (narrow)
    x->narrow[ref] = X64_NARROW_LOADED; /* not a pinned or carried slot's register */
  x64_load(x->buf, in->type == IR_I64 && !narrow ? 3 : 2, 0, 0, x64_dst(x, ref),
           x64_cpu_field(in->imm));
}

/* mov size [r14+off], value */
static void x64_store_value(struct x64_ctx *x, unsigned size, size_t off, uint32_t value) {
  int32_t imm;
  if (x64_const_imm32(x, value, size == 3, &imm))
    x64_store_imm(x->buf, size, x64_cpu_field(off), imm);
  else if (size == 3 && x64_is_guest32(x, value))
    x64_store_guest(x, x64_cpu_field(off), value);
  else
    x64_store(x->buf, size, x64_cpu_field(off), x64_src(x, value, X64_RAX));
}

/* mov [r14+off], reg: size 4 or 8 bytes */
void x64_store_reg(struct x64_ctx *x, unsigned size, uint32_t off, unsigned reg) {
  x64_store(x->buf, size == 8 ? 3 : 2, x64_cpu_field(off), reg);
}

/* The flags op f's operands and IR_LAZY_OP instead of its nibble (ir.h);
 * a small constant second operand goes in lazy_op (IR_LAZY_OP_IMM). */
static void x64_lower_lazy_put(struct x64_ctx *x, const struct ir_insn *f) {
  uint32_t op = IR_LAZY_OP(f->op, f->aux);
  x64_store_value(x, 3, offsetof(struct cpu, lazy_a), f->a);
  if (ir_is_const(x->ir, f->b) && x64_in(x, f->b)->imm < IR_LAZY_IMM_LIMIT)
    op = IR_LAZY_OP_IMM(f->op, f->aux, x64_in(x, f->b)->imm);
  else if (f->b)
    x64_store_value(x, 3, offsetof(struct cpu, lazy_b), f->b);
  x64_store_imm(x->buf, 2, x64_cpu_field(offsetof(struct cpu, lazy_op)), (int32_t)op);
}

static void x64_flags_op(struct x64_ctx *x, uint32_t f);

/* A flags select (X64_FUSE_LAZY) into the flags slot: f2 lazily where
 * f1's condition holds, else the nibble k.
 *
 *   cmp/test (f1); j!cc1 1f; f2 lazily; jmp 2f; 1: mov [nzcv], k; mov [lazy_op], 0; 2:
 */
static void x64_lazy_sel_store(struct x64_ctx *x, const struct ir_insn *in) {
  struct x64_lazy_sel p = x64_lazy_sel(x, in->a);
  x64_flags_op(x, p.f1);
  uint8_t *other = x64_jcc8(x->buf, (enum x64_cc)(x64_flags_cc(x, p.f1, p.cc1) ^ 1));
  x64_lower_lazy_put(x, x64_in(x, p.f2));
  uint8_t *done = x64_jmp8(x->buf);
  x64_fix8(x->buf, other);
  x64_store_imm(x->buf, 2, x64_cpu_field(in->imm), p.k);
  x64_store_imm(x->buf, 2, x64_cpu_field(offsetof(struct cpu, lazy_op)), 0);
  x64_fix8(x->buf, done);
}

/* A v128 PUT of a value whose readers read its low 8 bytes only (x64_fuse.c),
 * its high half cleared in a copy: one 16-byte store, which the next block's
 * 16-byte load of the slot takes from the store buffer (two 8-byte stores
 * would stall it, on the dependency chain):
 *   movq xmm15, xmm; movdqu [r14+off], xmm15 */
static void x64_put_lane0(struct x64_ctx *x, const struct ir_insn *in) {
  x64_sse_rr(x->buf, X64_MOVQ_LOAD, X64_XS0, x64_vsrc(x, in->a, X64_XS0));
  x64_sse_rm(x->buf, X64_MOVDQU_STORE, X64_XS0, x64_cpu_field(in->imm));
}

/* The store of PUT ref, now (x64_defer.c decides when). */
static void x64_put_store(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_in(x, ref);
  if (in->type == IR_V128 && x->lane0[x64_resolve(x, in->a)]) {
    x64_put_lane0(x, in); /* its high half may not be zero in its register */
    return;
  }
  if (in->type == IR_V128) {
    x64_lower_vec(x, ref); /* movdqu [r14+off], xmm */
    return;
  }
  if (x64_is_lazy_put(x->ir, in)) {
    x64_lower_lazy_put(x, x64_in(x, in->a));
    return;
  }
  if (x64_is_lazy_sel_put(x, in)) {
    x64_lazy_sel_store(x, in);
    return;
  }
  x64_store_value(x, in->type == IR_I64 ? 3 : 2, in->imm, in->a);
  if (x->ir->flags_off && in->imm == x->ir->flags_off) /* the nibble is the truth again */
    x64_store_imm(x->buf, 2, x64_cpu_field(offsetof(struct cpu, lazy_op)), 0);
}

static void x64_lower_put(struct x64_ctx *x, uint32_t ref) {
  x64_defer_put(x, ref, x64_put_store);
}

/* On the path of an exit: the stores deferred so far, then the pinned
 * registers a loop block freed (x64_loop.c) loaded again. */
void x64_flush_deferred(struct x64_ctx *x) {
  x64_defer_flush(x, x64_put_store);
  x64_loop_unfree(x);
}

/* True when a flags op right after ref takes its flags from ref's own host
 * instruction (x64_flags_reused): adds, subs. */
static int x64_flags_wanted(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_in(x, ref);
  for (uint32_t i = ref + 1; i < x->ir->n; i++) {
    const struct ir_insn *f = x64_in(x, i);
    if (f->op == IR_NOP || f->op == IR_CONST)
      continue;
    return ir_is_flags_op(f->op) && !x->recmp[i] && f->a == in->a && f->b == in->b;
  }
  return 0;
}

/* An add (or subtract of a constant) into another register than a's, which
 * stays live: lea d, [a + b] or [a + imm] instead of a mov and the op. */
static int x64_lower_lea(struct x64_ctx *x, uint32_t ref, enum x64_alu op) {
  const struct ir_insn *in = x64_in(x, ref);
  const struct x64_loc *la = &x->ra.loc[x64_resolve(x, in->a)];
  unsigned d = x64_dst(x, ref);
  int32_t imm = 0;
  int is_imm = x64_const_imm32(x, in->b, in->type == IR_I64, &imm);
  if ((op != X64_ADD && !(op == X64_SUB && is_imm && imm != INT32_MIN)) ||
      la->kind != X64_LOC_REG || la->reg == d || x64_flags_wanted(x, ref))
    return 0;
  struct x64_mem m = x64_mem(la->reg, op == X64_SUB ? -imm : imm);
  if (!is_imm)
    m.index = (uint8_t)x64_src(x, in->b, X64_RAX);
  x64_lea(x->buf, in->type == IR_I64, d, m);
  return 1;
}

/* d = a + (c << s), the shift folded into it (x64_fuse.c): lea d, [a + c*2^s] */
static int x64_lower_scaled_add(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_in(x, ref), *sh = x64_in(x, in->b);
  if (x->fuse[in->b] != X64_FUSE_ADDR)
    return 0;
  struct x64_mem m = x64_mem(x64_src(x, in->a, X64_RAX), 0);
  m.index = (uint8_t)x64_src(x, sh->a, X64_RDX);
  m.scale = (uint8_t)x64_in(x, sh->b)->imm;
  x64_lea(x->buf, in->type == IR_I64, x64_dst(x, ref), m);
  return 1;
}

/* d = a; d op= b */
static void x64_lower_alu(struct x64_ctx *x, uint32_t ref, enum x64_alu op) {
  const struct ir_insn *in = x64_in(x, ref);
  int w = in->type == IR_I64;
  unsigned d = x64_dst(x, ref);
  int32_t imm;
  if ((op == X64_ADD && x64_lower_scaled_add(x, ref)) || x64_lower_lea(x, ref, op))
    return;
  struct x64_mem m;
  if (x64_state_swaps(x, in)) { /* d = b; d op= [a] */
    x64_load_value(x, d, in->b);
    x64_state_mem(x, in->a, w, &m);
    x64_alu_rm(x->buf, w, op, d, m);
    x->host_alu_next = ref;
    return;
  }
  x64_load_value(x, d, in->a);
  if (x64_const_imm32(x, in->b, w, &imm))
    x64_alu_ri(x->buf, w, op, d, imm);
  else if (x64_state_mem(x, in->b, w, &m))
    x64_alu_rm(x->buf, w, op, d, m);
  else
    x64_alu_rr(x->buf, w, op, d, x64_src(x, in->b, X64_RAX));
  x->host_alu_next = ref;
}

/* a + b + c, with c 0 or 1 */
static void x64_lower_adc(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_in(x, ref);
  int w = in->type == IR_I64;
  unsigned d = x64_dst(x, ref);
  x64_load_value(x, d, in->a);
  x64_alu_rr(x->buf, w, X64_ADD, d, x64_src(x, in->b, X64_RAX));
  x64_alu_rr(x->buf, w, X64_ADD, d, x64_src(x, in->c, X64_RCX));
}

static void x64_lower_mul(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_in(x, ref);
  int w = in->type == IR_I64;
  unsigned d = x64_dst(x, ref);
  int32_t imm;
  if (x64_const_imm32(x, in->b, w, &imm)) {
    x64_imul_rri(x->buf, w, d, x64_src(x, in->a, X64_RAX), imm);
    return;
  }
  x64_load_value(x, d, in->a);
  x64_imul_rr(x->buf, w, d, x64_src(x, in->b, X64_RAX));
}

/* rdx:rax = rax * b; d = rdx */
static void x64_lower_mulh(struct x64_ctx *x, uint32_t ref, enum x64_unary op) {
  const struct ir_insn *in = x64_in(x, ref);
  int w = in->type == IR_I64;
  unsigned rb = x64_src(x, in->b, X64_RCX);
  x64_load_value(x, X64_RAX, in->a);
  x64_unary(x->buf, w, op, rb);
  x64_mov_rr(x->buf, w, x64_dst(x, ref), X64_RDX);
}

/* A division's rare cases out of line (x64_cold.c), each behind a jcc and
 * ending in a jump back to where the division ends (x64_cold_rejoin). */
struct x64_div_rare {
  unsigned n;
  int path[3];
  uint8_t *back[3];
};

/* The rare case taken on cc: its code follows, then x64_div_rare_end. */
static struct x64_cold_mark x64_div_rare_begin(struct x64_ctx *x, enum x64_cc cc) {
  return x64_cold_begin(x, x64_jcc32(x->buf, (enum x64_cc)(cc ^ 1)));
}

static void x64_div_rare_end(struct x64_ctx *x, struct x64_div_rare *r, struct x64_cold_mark *m) {
  m->back = x64_jmp32(x->buf);
  r->back[r->n] = m->back;
  r->path[r->n++] = x64_cold_end(x, m);
}

/* rdx:rax / rcx (edx:eax / ecx when w is 0), rdx set as the instruction wants */
static void x64_div_insn(struct tc_buf *b, int w, int sign) {
  if (sign) {
    x64_cqo(b, w);
    x64_unary(b, w, X64_IDIV, X64_RCX);
  } else {
    x64_alu_rr(b, 0, X64_XOR, X64_RDX, X64_RDX); /* xor edx, edx */
    x64_unary(b, w, X64_DIV, X64_RCX);
  }
}

/* x / 0 = 0; for signed, MIN / -1 = MIN (negating instead of trapping).
 * When the remainder is read (x64_div_rem), rdx holds it on every path:
 * x - (x / y) * y, which is x for y = 0 and 0 for y = -1. A 64-bit
 * division of operands that both fit in 32 bits is a 32-bit one, for signed
 * too, as both are then non-negative: div r32 takes about 60% of div r64's
 * time here (Intel, model 167), more on older cores, and the operands of a
 * program's divisions mostly are that small (cc1's synth_mult divides
 * multipliers by 2^m +- 1). Those cases out of line, the common one runs
 * straight through:
 *
 *   test rcx, rcx; je zero; [cmp rcx, -1; je neg;]
 *   mov rdx, rax; or rdx, rcx; shr rdx, 32; jne wide; div ecx; done: ...
 *   zero: [mov rdx, rax;] xor eax, eax; jmp done
 *   neg: [xor edx, edx;] neg rax; jmp done
 *   wide: xor edx, edx (cqo); div rcx (idiv); jmp done */
static void x64_lower_div(struct x64_ctx *x, uint32_t ref, int sign) {
  const struct ir_insn *in = x64_in(x, ref);
  int w = in->type == IR_I64, rem = x64_div_rem(x, ref);
  struct tc_buf *b = x->buf;
  struct x64_div_rare r = {0};
  x64_load_value(x, X64_RCX, in->b);
  x64_load_value(x, X64_RAX, in->a);
  x64_test_rr(b, w, X64_RCX, X64_RCX);
  struct x64_cold_mark m = x64_div_rare_begin(x, X64_CC_E);
  if (rem)
    x64_mov_rr(b, w, X64_RDX, X64_RAX);
  x64_alu_rr(b, 0, X64_XOR, X64_RAX, X64_RAX); /* xor eax, eax */
  x64_div_rare_end(x, &r, &m);
  if (sign) {
    x64_alu_ri(b, w, X64_CMP, X64_RCX, -1);
    m = x64_div_rare_begin(x, X64_CC_E);
    if (rem)
      x64_alu_rr(b, 0, X64_XOR, X64_RDX, X64_RDX); /* xor edx, edx */
    x64_unary(b, w, X64_NEG, X64_RAX);
    x64_div_rare_end(x, &r, &m);
  }
  if (w) {
    x64_mov_rr(b, 1, X64_RDX, X64_RAX);
    x64_alu_rr(b, 1, X64_OR, X64_RDX, X64_RCX);
    x64_shift_ri(b, 1, X64_SHR, X64_RDX, 32);
    m = x64_div_rare_begin(x, X64_CC_NE);
    x64_div_insn(b, 1, sign);
    x64_div_rare_end(x, &r, &m);
    x64_unary(b, 0, X64_DIV, X64_RCX); /* edx is 0: its high half was */
  } else {
    x64_div_insn(b, 0, sign);
  }
  for (unsigned k = 0; k < r.n; k++)
    x64_cold_rejoin(x, r.path[k], r.back[k]);
  x64_mov_rr(b, w, x64_dst(x, ref), X64_RAX);
}

static void x64_lower_unary(struct x64_ctx *x, uint32_t ref, enum x64_unary op) {
  const struct ir_insn *in = x64_in(x, ref);
  unsigned d = x64_dst(x, ref);
  x64_load_value(x, d, in->a);
  x64_unary(x->buf, in->type == IR_I64, op, d);
}

/* rorx d, a, n where a is in another register, a stack slot or the state:
 * no mov of a into d first (BMI2); true when done. */
static int x64_lower_rorx(struct x64_ctx *x, uint32_t ref, int w, unsigned d, uint8_t n) {
  const struct ir_insn *in = x64_in(x, ref);
  const struct x64_loc *l = &x->ra.loc[x64_resolve(x, in->a)];
  struct x64_mem m;
  if (!(x64_feat() & X64_F_BMI2) || !in->a)
    return 0;
  if (l->kind == X64_LOC_REG && l->reg != d)
    x64_rorx(x->buf, w, d, l->reg, n);
  else if (l->kind == X64_LOC_SLOT)
    x64_rorx_m(x->buf, w, d, x64_slot_mem(l->slot), n);
  else if (x64_state_mem(x, in->a, w, &m))
    x64_rorx_m(x->buf, w, d, m, n);
  else
    return 0;
  return 1;
}

/* x86 masks the count to the operand width, which is the IR's rule. */
static void x64_lower_shift(struct x64_ctx *x, uint32_t ref, enum x64_shift op) {
  const struct ir_insn *in = x64_in(x, ref);
  int w = in->type == IR_I64;
  unsigned d = x64_dst(x, ref);
  int32_t imm;
  if (x64_const_imm32(x, in->b, 0, &imm) && op == X64_ROR && (imm & (w ? 63 : 31)) &&
      x64_lower_rorx(x, ref, w, d, (uint8_t)(imm & (w ? 63 : 31))))
    return;
  if (x64_const_imm32(x, in->b, 0, &imm)) {
    x64_load_value(x, d, in->a);
    if (imm & (w ? 63 : 31))
      x64_shift_ri(x->buf, w, op, d, (uint8_t)(imm & (w ? 63 : 31)));
    else if (!w)
      x64_mov_rr(x->buf, 0, d, d); /* a may be a loose TRUNC: clear the high half */
    return;
  }
  if (op != X64_ROR && (x64_feat() & X64_F_BMI2)) { /* shlx d, a, count: no cl, no copy */
    unsigned count = x64_src(x, in->b, X64_RCX);
    x64_shiftx(x->buf, w, op, d, x64_src(x, in->a, X64_RAX), count);
    return;
  }
  x64_load_value(x, X64_RCX, in->b);
  x64_load_value(x, d, in->a);
  x64_shift_cl(x->buf, w, op, d);
}

/* lzcnt counts as the IR does (clz(0) = width). Without it, bsr gives the
 * top bit index; 0 gives ZF and the fallback 2w-1, and (w-1) ^ index turns
 * both into the count of leading zeros. */
static void x64_lower_clz(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_in(x, ref);
  int w = in->type == IR_I64;
  unsigned d = x64_dst(x, ref), bits = w ? 64 : 32;
  if (x64_feat() & X64_F_LZCNT) {
    x64_lzcnt(x->buf, w, d, x64_src(x, in->a, X64_RAX));
    return;
  }
  x64_mov_ri(x->buf, X64_RCX, 2 * bits - 1);
  x64_bsr(x->buf, w, d, x64_src(x, in->a, X64_RAX));
  x64_cmov(x->buf, 0, X64_CC_E, d, X64_RCX);
  x64_alu_ri(x->buf, 0, X64_XOR, d, (int32_t)bits - 1);
}

/* tzcnt counts as the IR does (ctz(0) = width); bsf leaves 0 to a cmov. */
static void x64_lower_ctz(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_in(x, ref);
  int w = in->type == IR_I64;
  unsigned d = x64_dst(x, ref);
  if (x64_feat() & X64_F_BMI1) {
    x64_tzcnt(x->buf, w, d, x64_src(x, in->a, X64_RAX));
    return;
  }
  x64_mov_ri(x->buf, X64_RCX, w ? 64 : 32);
  x64_bsf(x->buf, w, d, x64_src(x, in->a, X64_RAX));
  x64_cmov(x->buf, 0, X64_CC_E, d, X64_RCX);
}

static uint64_t x64_popcount_helper(struct cpu *c, uint64_t v) {
  (void)c;
  return (uint64_t)__builtin_popcountll(v);
}

/* System V call fn(cpu, a, b, c): the caller-saved registers holding live
 * values were spilled by x64_ra_call, so only the argument order matters
 * (rsi may hold b or c, so it is written after rdx and rcx). */
static void x64_call_helper(struct x64_ctx *x, uint64_t fn, uint32_t a, uint32_t b, uint32_t c) {
  x64_load_value(x, X64_RDX, b);
  x64_load_value(x, X64_RCX, c);
  x64_load_value(x, X64_RSI, a);
  x64_cpu_ptr(x->buf, X64_RDI);
  x64_call_host(x, fn);
}

/* A helper reads and writes the state: the pinned slots are there for it. */
static void x64_lower_call(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_in(x, ref);
  x64_pin_store(x->buf, x64_pin_all());
  x64_call_helper(x, in->imm, in->a, in->b, in->c);
  x64_pin_load(x->buf, x64_pin_all());
  if (in->type != IR_VOID)
    x64_mov_rr(x->buf, in->type == IR_I64, x64_dst(x, ref), X64_RAX);
}

static void x64_lower_popcnt(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_in(x, ref);
  if (!x64_is_call(x->ir, in)) {
    x64_popcnt(x->buf, in->type == IR_I64, x64_dst(x, ref), x64_src(x, in->a, X64_RAX));
    return;
  }
  x64_call_helper(x, (uintptr_t)x64_popcount_helper, in->a, 0, 0);
  x64_mov_rr(x->buf, 0, x64_dst(x, ref), X64_RAX);
}

/* d = ((d >> k) & m) | ((d & m) << k): swap the k-bit groups that m selects;
 * a 64-bit m is in rax. */
static void x64_swap_bits(struct x64_ctx *x, int w, unsigned d, unsigned k, uint64_t m) {
  struct tc_buf *b = x->buf;
  x64_mov_rr(b, w, X64_RCX, d);
  x64_shift_ri(b, w, X64_SHR, X64_RCX, (uint8_t)k);
  if (w) {
    x64_mov_ri(b, X64_RAX, m);
    x64_alu_rr(b, 1, X64_AND, X64_RCX, X64_RAX);
    x64_alu_rr(b, 1, X64_AND, d, X64_RAX);
  } else {
    x64_alu_ri(b, 0, X64_AND, X64_RCX, (int32_t)(uint32_t)m);
    x64_alu_ri(b, 0, X64_AND, d, (int32_t)(uint32_t)m);
  }
  x64_shift_ri(b, w, X64_SHL, d, (uint8_t)k);
  x64_alu_rr(b, w, X64_OR, d, X64_RCX);
}

/* Bit reversal: the bytes with bswap, then nibbles, bit pairs and bits. */
static void x64_lower_bitrev(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_in(x, ref);
  int w = in->type == IR_I64;
  unsigned d = x64_dst(x, ref);
  x64_load_value(x, d, in->a);
  x64_bswap(x->buf, w, d);
  x64_swap_bits(x, w, d, 4, 0x0f0f0f0f0f0f0f0full);
  x64_swap_bits(x, w, d, 2, 0x3333333333333333ull);
  x64_swap_bits(x, w, d, 1, 0x5555555555555555ull);
}

static void x64_lower_bswap(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_in(x, ref);
  unsigned d = x64_dst(x, ref);
  x64_load_value(x, d, in->a);
  x64_bswap(x->buf, in->type == IR_I64, d);
}

/* An i32 register already has its high half zero (x64_fuse.c), and so has
 * a narrow GET's: a 32-bit ZEXT of either in place is no instruction. */
static void x64_lower_zext(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_in(x, ref);
  unsigned bits = in->aux == 8 || in->aux == 16 ? in->aux : 32;
  if (x->fuse[ref] == X64_FUSE_LOOSE)
    return; /* its users read the i32's register (x64_fuse.c) */
  unsigned d = x64_dst(x, ref), s = x64_src(x, in->a, X64_RAX);
  if (bits != 32 || d != s || (x64_is64(x, in->a) && x->narrow[in->a] != X64_NARROW_LOADED))
    x64_movzx(x->buf, bits, d, s);
}

static void x64_lower_sext(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_in(x, ref);
  unsigned bits = in->aux == 8 || in->aux == 16 ? in->aux : 32;
  x64_movsx(x->buf, in->type == IR_I64, bits, x64_dst(x, ref), x64_src(x, in->a, X64_RAX));
}

static void x64_lower_trunc(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_in(x, ref);
  if (x->fuse[ref] == X64_FUSE_LOOSE)
    return; /* its users read the operand's register (x64_fuse.c) */
  unsigned d = x64_dst(x, ref), s = x64_src(x, in->a, X64_RAX);
  if (d != s || x->narrow[in->a] != X64_NARROW_LOADED) /* else its register is this value */
    x64_mov_rr(x->buf, 0, d, s);
}

/* d = 0; cmp a, b; setcc d — only the cmp when a branch or select reads it. */
static void x64_lower_cmp(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_in(x, ref);
  int w = in->imm == IR_I64, virt = x->fuse[ref] == X64_FUSE_VIRTUAL, bit = x64_bittest_bit(x, ref);
  unsigned d = virt ? X64_NOREG : x64_dst(x, ref);
  int32_t imm;
  if (!virt)
    x64_alu_rr(x->buf, 0, X64_XOR, d, d);
  unsigned ra = x64_src(x, bit >= 0 ? x64_in(x, in->a)->a : in->a, X64_RAX);
  struct x64_mem m;
  if (bit >= 0)
    x64_bt_ri(x->buf, bit >= 32, ra, (uint8_t)bit); /* bt ra, bit: CF = the bit */
  else if (x64_const_imm32(x, in->b, w, &imm) && imm == 0)
    x64_test_rr(x->buf, w, ra, ra); /* the flags of cmp ra, 0 */
  else if (x64_const_imm32(x, in->b, w, &imm))
    x64_alu_ri(x->buf, w, X64_CMP, ra, imm);
  else if (x64_state_mem(x, in->b, w, &m))
    x64_alu_rm(x->buf, w, X64_CMP, ra, m);
  else
    x64_alu_rr(x->buf, w, X64_CMP, ra, x64_src(x, in->b, X64_RCX));
  if (!virt)
    x64_setcc(x->buf, x64_cond_cc(x, ref), d);
}

/* From the x86 flags of the operation just done to the nibble
 * d = N*8 + Z*4 + C*2 + V, with ccc the x86 condition that is Arm's C.
 * Only mov, setcc and lea: the host flags stay as they were. */
void x64_nzcv(struct tc_buf *b, unsigned d, enum x64_cc ccc) {
  struct x64_mem sum = {(uint8_t)d, X64_RCX, 1, 0}; /* [d + rcx*2] */
  x64_mov_ri(b, X64_RCX, 0);
  x64_mov_ri(b, d, 0);
  x64_setcc(b, X64_CC_S, X64_RCX);
  x64_setcc(b, X64_CC_E, d);
  x64_lea(b, 0, X64_RCX, sum);
  x64_setcc(b, ccc, d);
  x64_lea(b, 0, X64_RCX, sum);
  x64_setcc(b, X64_CC_O, d);
  x64_lea(b, 0, d, sum);
}

/* d = N*8 + Z*4 of the x86 flags just set, C = V = 0; host flags kept. */
static void x64_nz(struct x64_ctx *x, unsigned d) {
  struct tc_buf *b = x->buf;
  x64_mov_ri(b, X64_RCX, 0);
  x64_mov_ri(b, d, 0);
  x64_setcc(b, X64_CC_S, X64_RCX);
  x64_setcc(b, X64_CC_E, d);
  x64_lea(b, 0, X64_RCX, (struct x64_mem){(uint8_t)d, X64_RCX, 1, 0}); /* lea ecx, [d+rcx*2] */
  x64_lea(b, 0, d, (struct x64_mem){X64_RCX, X64_RCX, 0, 0});          /* lea d, [rcx+rcx] */
  x64_lea(b, 0, d, (struct x64_mem){(uint8_t)d, (uint8_t)d, 0, 0});    /* lea d, [d+d] */
}

/* True when the x86 flags of the ALU op just emitted are those of flags op
 * in: the same operation on the same operands (x64_lower_alu). */
static int x64_flags_reused(struct x64_ctx *x, const struct ir_insn *in) {
  static const uint8_t alu_of[IR_NUM_OPS] = {[IR_FLAGS_ADD] = IR_ADD, [IR_FLAGS_SUB] = IR_SUB};
  if (!x->host_alu)
    return 0;
  const struct ir_insn *r = x64_in(x, x->host_alu);
  if (r->type != in->aux)
    return 0;
  if (in->op == IR_FLAGS_LOGIC)
    return x->host_alu == in->a && (r->op == IR_AND || r->op == IR_OR || r->op == IR_XOR);
  return alu_of[in->op] && r->op == alu_of[in->op] && r->a == in->a && r->b == in->b;
}

/* The x86 instruction that sets the host flags as FLAGS_* op f does: cmp
 * for a subtraction, test for logic, else the op into rax (with the carry
 * in from c for adc and sbb). */
/* cmp [r14+a], b or imm: a compare whose first operand is left in the
 * state (x64_stateget.c) and whose second is not. */
static int x64_cmp_state_first(struct x64_ctx *x, const struct ir_insn *in, int w) {
  struct x64_mem m, mb;
  int32_t imm;
  if (!x64_state_mem(x, in->a, w, &m) || x64_state_mem(x, in->b, w, &mb))
    return 0;
  if (x64_const_imm32(x, in->b, w, &imm))
    x64_alu_mi(x->buf, w ? 3 : 2, X64_CMP, m, imm);
  else
    x64_alu_mr(x->buf, w, X64_CMP, m, x64_src(x, in->b, X64_RDX));
  return 1;
}

static void x64_flags_op(struct x64_ctx *x, uint32_t f) {
  static const uint8_t alu[IR_NUM_OPS] = {[IR_FLAGS_ADD] = X64_ADD,
                                          [IR_FLAGS_SUB] = X64_CMP,
                                          [IR_FLAGS_ADC] = X64_ADC,
                                          [IR_FLAGS_SBC] = X64_SBB};
  const struct ir_insn *in = x64_in(x, f);
  if (in->op == IR_GET) { /* the flags slot, only read by conditions */
    x64_lazy_call(x, x64_lazy_flags);
    return;
  }
  int w = in->aux == IR_I64;
  enum x64_alu op = alu[in->op];
  int32_t imm;
  int is_imm = x64_const_imm32(x, in->b, w, &imm);
  if (op == X64_CMP && x64_cmp_state_first(x, in, w))
    return;
  if (in->op == IR_FLAGS_LOGIC || op == X64_CMP) {
    struct x64_mem m;
    unsigned ra = x64_src(x, in->a, X64_RAX);
    if (in->op == IR_FLAGS_LOGIC || (is_imm && imm == 0))
      x64_test_rr(x->buf, w, ra, ra); /* the flags of cmp ra, 0 too */
    else if (is_imm)
      x64_alu_ri(x->buf, w, X64_CMP, ra, imm);
    else if (x64_state_mem(x, in->b, w, &m))
      x64_alu_rm(x->buf, w, X64_CMP, ra, m);
    else
      x64_alu_rr(x->buf, w, X64_CMP, ra, x64_src(x, in->b, X64_RDX));
    return;
  }
  unsigned rb = is_imm ? X64_RDX : x64_src(x, in->b, X64_RDX);
  x64_load_value(x, X64_RAX, in->a);
  if (op == X64_ADC || op == X64_SBB) {
    x64_bt_ri(x->buf, 0, x64_src(x, in->c, X64_RCX), 0); /* CF = c */
    if (op == X64_SBB)
      x64_cmc(x->buf); /* x86 borrows where Arm carries */
  }
  if (is_imm)
    x64_alu_ri(x->buf, w, op, X64_RAX, imm);
  else
    x64_alu_rr(x->buf, w, op, X64_RAX, rb);
}

/* The host flags become f's; the nibble only when something reads it. */
static void x64_lower_flags(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_in(x, ref);
  if (x->recmp[ref])
    return; /* its readers set these flags again (x64_fuse.c) */
  if (!x64_flags_reused(x, in))
    x64_flags_op(x, ref);
  if (x->fuse[ref] == X64_FUSE_VIRTUAL)
    return;
  if (in->op == IR_FLAGS_LOGIC)
    x64_nz(x, x64_dst(x, ref));
  else
    x64_nzcv(x->buf, x64_dst(x, ref),
             in->op == IR_FLAGS_SUB || in->op == IR_FLAGS_SBC ? X64_CC_AE : X64_CC_B);
}

/* The x86 condition of a COND whose flags are in the host flags (x64_fuse.c). */
static enum x64_cc x64_host_cc(struct x64_ctx *x, uint32_t cond) {
  if (x->host_cc != x64_cc_source(x, cond))
    x->error = "x64: the host flags do not hold the flags a condition reads";
  return x64_cond_cc(x, cond);
}

/* (mask[cc] >> nzcv) & 1, or setcc when the host flags hold nzcv */
static void x64_lower_cond(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_in(x, ref);
  unsigned d = x64_dst(x, ref), mask = ir_cc_mask[in->aux & 15];
  int32_t imm;
  if (x->recmp[ref]) { /* the flags were lost since (or are the other way): set them again */
    if (x64_fcmp_fusable(x64_in(x, in->a)))
      x64_vfcmp_flags(x, in->a, x64_fcmp_ab(in->aux));
    else
      x64_flags_op(x, in->a);
    x->host_cc = x64_cc_source(x, ref);
  }
  if (x->fuse[ref] == X64_FUSE_VIRTUAL || x->fuse[ref] == X64_FUSE_LAZY)
    return;
  if (x->fuse[ref] == X64_FUSE_SETCC) {
    x64_mov_ri(x->buf, d, 0);
    x64_setcc(x->buf, x64_host_cc(x, ref), d);
    return;
  }
  if (x64_const_imm32(x, in->a, 0, &imm)) {
    x64_mov_ri(x->buf, d, (unsigned)imm < 16 ? (mask >> imm) & 1 : 0);
    return;
  }
  x64_load_value(x, X64_RCX, in->a);
  x64_mov_ri(x->buf, d, mask);
  x64_shift_cl(x->buf, 0, X64_SHR, d);
  x64_alu_ri(x->buf, 0, X64_AND, d, 1);
}

/* The x86 condition under which ref's operand a (a value or a host-flags
 * COND) is nonzero; a value is tested first. */
static enum x64_cc x64_test_cc(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_in(x, ref);
  if (x->fuse[ref] == X64_FUSE_CC)
    return x64_host_cc(x, in->a);
  if (x->fuse[in->a] == X64_FUSE_TESTMASK) { /* test x, mask (x64_fuse_testmask) */
    const struct ir_insn *and = x64_in(x, in->a);
    int w = and->type == IR_I64;
    int32_t mask = (int32_t)x64_in(x, and->b)->imm;
    struct x64_mem m;
    if (x64_state_mem(x, and->a, w, &m))
      x64_test_mi(x->buf, w, m, mask);
    else
      x64_test_ri(x->buf, w, x64_src(x, and->a, X64_RAX), mask);
    return X64_CC_NE;
  }
  unsigned ra = x64_src(x, in->a, X64_RAX);
  x64_test_rr(x->buf, x64_is64(x, in->a), ra, ra);
  return X64_CC_NE;
}

static void x64_lower_select(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_in(x, ref);
  if (x->fuse[ref] == X64_FUSE_LAZY)
    return; /* a flags select: its PUT and its branches test the flags ops */
  unsigned d = x64_dst(x, ref);
  x64_load_value(x, d, in->c);
  enum x64_cc cc = x64_test_cc(x, ref);
  x64_cmov(x->buf, in->type == IR_I64, cc, d, x64_src(x, in->b, X64_RCX));
}

static int x64_mem_size_ok(struct x64_ctx *x, const struct ir_insn *in) {
  if ((in->aux & IR_MEM_SIZE_MASK) <= 3)
    return 1;
  x->error = "16-byte memory accesses are not supported yet";
  return 0;
}

/* The memory operand of the LOAD or STORE mem: [a + imm], or the base,
 * index, scale and displacement of an address folded into it (x64_fuse.c)
 * plus imm; rax and rdx load what is not in a register. Where the two
 * displacements add up past 32 bits, lea rax, [address]: [rax + imm]. */
static struct x64_mem x64_addr_of(struct x64_ctx *x, const struct ir_insn *in,
                                  struct x64_addr_parts p) {
  int64_t disp = (int64_t)p.disp + (int64_t)in->imm;
  struct x64_mem m = x64_mem(x64_src(x, p.base, X64_RAX), p.disp);
  if (p.index) {
    m.index = (uint8_t)x64_src(x, p.index, X64_RDX);
    m.scale = p.scale;
  }
  if (disp == (int32_t)disp) {
    m.disp = (int32_t)disp;
    return m; /* never rsp as the index: it is the spill area, not a value */
  }
  x64_lea(x->buf, 1, X64_RAX, m); /* lea rax, [base + index*scale + disp] */
  return x64_mem(X64_RAX, (int32_t)in->imm);
}

struct x64_mem x64_addr(struct x64_ctx *x, uint32_t mem) {
  const struct ir_insn *in = x64_in(x, mem);
  return x64_addr_of(x, in, x64_addr_parts(x, in->a));
}

/* x64_addr for a scalar LOAD or STORE, which also takes [disp32] (*abs)
 * where the address is a guest address that fits 4 bytes (a global of a
 * program below 2 GiB: ADRP's page plus an offset), with no register to
 * build it in; the caller records the displacement (x64_reloc_guest_disp). */
static struct x64_mem x64_addr_scalar(struct x64_ctx *x, uint32_t mem, bool *abs) {
  const struct ir_insn *in = x64_in(x, mem);
  struct x64_addr_parts p = x64_addr_parts(x, in->a);
  uint64_t a = x64_in(x, p.base)->imm + (uint64_t)(int64_t)p.disp + (uint64_t)(int64_t)in->imm;
  *abs = !p.index && ir_is_guest_const(x->ir, p.base) && a < TC_GUEST32_LIMIT;
  return *abs ? x64_mem(X64_ABS, (int32_t)a) : x64_addr_of(x, in, p);
}

static void x64_lower_load(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_in(x, ref);
  if (!x64_mem_size_ok(x, in))
    return;
  bool abs;
  struct x64_mem m = x64_addr_scalar(x, ref, &abs);
  x64_pcmap(x);
  x64_load(x->buf, in->aux & IR_MEM_SIZE_MASK, !!(in->aux & IR_MEM_SIGNED), in->type == IR_I64,
           x64_dst(x, ref), m);
  if (abs)
    x64_reloc_guest_disp(x, 0);
}

static void x64_lower_store(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_in(x, ref);
  if (!x64_mem_size_ok(x, in))
    return;
  unsigned size = in->aux & IR_MEM_SIZE_MASK, tail = 0; /* the immediate after [disp32] */
  bool abs;
  struct x64_mem m = x64_addr_scalar(x, ref, &abs);
  int32_t imm;
  if (x64_const_imm32(x, in->b, size == 3, &imm)) {
    x64_pcmap(x);
    x64_store_imm(x->buf, size, m, imm);
    tail = size == 0 ? 1 : size == 1 ? 2 : 4;
  } else if (size == 3 && x64_is_guest32(x, in->b)) {
    x64_pcmap(x);
    x64_store_guest(x, m, in->b);
    tail = 4;
  } else {
    unsigned val = x64_src(x, in->b, X64_RCX);
    x64_pcmap(x);
    x64_store(x->buf, size, m, val);
  }
  if (abs)
    x64_reloc_guest_disp(x, tail);
}

/* d = the old value in rax, zero-extended from the access size. */
static void x64_old_value(struct x64_ctx *x, uint32_t ref, unsigned size) {
  unsigned d = x64_dst(x, ref);
  if (size < 2)
    x64_movzx(x->buf, size ? 16 : 8, d, X64_RAX);
  else
    x64_mov_rr(x->buf, size == 3 && x64_is64(x, ref), d, X64_RAX);
}

static void x64_lower_cas(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_in(x, ref);
  if (!x64_mem_size_ok(x, in))
    return;
  unsigned size = in->aux & IR_MEM_SIZE_MASK, addr = x64_src(x, in->a, X64_RDX);
  x64_load_value(x, X64_RAX, in->b);
  unsigned desired = x64_src(x, in->c, X64_RCX);
  x64_pcmap(x);
  x64_cmpxchg(x->buf, size, x64_mem(addr, 0), desired);
  x64_old_value(x, ref, size);
}

/* rcx = f(old in rax, operand in opnd) for the cmpxchg loop */
static void x64_atomic_new(struct x64_ctx *x, unsigned op, unsigned size, unsigned opnd) {
  static const uint8_t cc[] = {[IR_ATOMIC_SMAX] = X64_CC_L,
                               [IR_ATOMIC_SMIN] = X64_CC_G,
                               [IR_ATOMIC_UMAX] = X64_CC_B,
                               [IR_ATOMIC_UMIN] = X64_CC_A};
  struct tc_buf *b = x->buf;
  if (op == IR_ATOMIC_CLR) {
    x64_mov_rr(b, 1, X64_RCX, opnd);
    x64_unary(b, 1, X64_NOT, X64_RCX);
    x64_alu_rr(b, 1, X64_AND, X64_RCX, X64_RAX);
    return;
  }
  x64_mov_rr(b, 1, X64_RCX, X64_RAX);
  if (op == IR_ATOMIC_XOR || op == IR_ATOMIC_OR) {
    x64_alu_rr(b, 1, op == IR_ATOMIC_XOR ? X64_XOR : X64_OR, X64_RCX, opnd);
    return;
  }
  x64_alu_rr_sized(b, size, X64_CMP, X64_RCX, opnd);
  x64_cmov(b, size == 3, cc[op], X64_RCX, opnd);
}

static void x64_lower_atomic(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_in(x, ref);
  if (!x64_mem_size_ok(x, in))
    return;
  unsigned size = in->aux & IR_MEM_SIZE_MASK, d = x64_dst(x, ref);
  if (in->imm == IR_ATOMIC_ADD || in->imm == IR_ATOMIC_SWP) {
    unsigned addr = x64_src(x, in->a, X64_RDX);
    x64_load_value(x, X64_RAX, in->b);
    x64_pcmap(x);
    if (in->imm == IR_ATOMIC_ADD)
      x64_xadd(x->buf, size, x64_mem(addr, 0), X64_RAX);
    else
      x64_xchg(x->buf, size, x64_mem(addr, 0), X64_RAX);
  } else if (in->imm <= IR_ATOMIC_UMIN) {
    /* The loop's only access is the cmpxchg, so one pcmap entry covers it;
     * the first guess of the old value is 0. */
    x64_load_value(x, d, in->b);
    unsigned addr = x64_src(x, in->a, X64_RDX);
    x64_mov_ri(x->buf, X64_RAX, 0);
    uint8_t *loop = x->buf->cur;
    x64_atomic_new(x, (unsigned)in->imm, size, d);
    x64_pcmap(x);
    x64_cmpxchg(x->buf, size, x64_mem(addr, 0), X64_RCX);
    x64_jcc_rel(x->buf, X64_CC_NE, loop);
  } else {
    x->error = "unknown atomic operation";
    return;
  }
  x64_old_value(x, ref, size);
}

/* TSO keeps every order but stores before loads; for that one a locked
 * instruction is a full barrier for the guest's (write-back) memory, as
 * Linux's smp_mb() uses: xchg [rsp-8], rax, in the red zone, keeps the
 * host flags, and a store, the fence and a load took 5.5 ns here against
 * mfence's 24.6 ns. */
static void x64_lower_fence(struct x64_ctx *x, uint32_t ref) {
  if (x64_in(x, ref)->aux & IR_FENCE_WR)
    x64_xchg(x->buf, 3, x64_mem(X64_RSP, -8), X64_RAX);
}

/* cpu->pc = pc, a guest address */
static void x64_store_pc(struct x64_ctx *x, uint64_t pc) {
  x64_mov_guest(x, X64_RAX, pc);
  x64_store(x->buf, 3, x64_cpu_field(offsetof(struct cpu, pc)), X64_RAX);
}

/* cpu->pc = pc; return status through the exit trampoline. */
void x64_exit_plain(struct x64_ctx *x, uint64_t pc, enum cpu_exit status) {
  x64_store_pc(x, pc);
  x64_mov_ri(x->buf, X64_RAX, status);
  x64_jmp_shared(x, x64_exit_tramp);
}

/* A block translated without the passes counts its entries down, first of
 * all, and leaves for the run loop to translate it with them at 0
 * (x64_hot_exit: CPU_EXIT_HOT). rax is free at a block's entry. 19 bytes:
 *
 *   movabs rax, &blk->hot;  sub dword [rax], 1;  je hot_exit  */
void x64_countdown(struct x64_ctx *x) {
  x64_mov_block(x, X64_RAX, &x->blk->hot);
  x64_alu_mi(x->buf, 2, X64_SUB, x64_mem(X64_RAX, 0), 1);
  x64_jcc_shared(x, X64_CC_E, x64_hot_exit);
}

/* The patchable jump of an exit, to the stub that follows it: e->jump is (an offset to)
 * the byte before its rel32, which prefixes (x64_branch_pad) align to 4
 * bytes so that one store patches it. Any cycle of blocks has an exit
 * to a block that starts at or before its own start: such an exit is taken
 * only while no signal or flush waits,
 *
 *   cmp dword [r14+exit_request], 0
 *   je  rel32                 chained: the target; else (and when it is set) the stub
 *
 * and any other is a jmp rel32. */
static void x64_exit_jump(struct x64_ctx *x, struct tc_exit *e, int check) {
  struct tc_buf *b = x->buf;
  if (check)
    x64_alu_mi(b, 2, X64_CMP, x64_cpu_field(offsetof(struct cpu, exit_request)), 0);
  x64_branch_pad(b, (unsigned)(-(uintptr_t)(b->cur + 1 + check) & 3));
  e->jump = (uint32_t)(b->cur + check - x->blk->code);
  if (check)
    x64_fix32(b, x64_jcc32(b, X64_CC_E));
  else
    x64_jmp_rel(b, b->cur + 5);
}

/* A chainable exit: a patchable jump (x64_exit_jump) to its own stub, which
 * reports &blk->exits[k] to the run loop (x64_exit_chain stores its
 * target_pc in cpu->pc); patching the rel32 chains the block. */
static void x64_exit_with(struct x64_ctx *x, uint64_t target_pc, void (*stub)(struct x64_ctx *),
                          int check) {
  struct tc_block *blk = x->blk;
  struct tc_buf *b = x->buf;
  if (blk->n_exits >= blk->exits_cap) { /* room for every direct exit, up to TC_MAX_EXITS */
    if (stub)
      stub(x);
    x64_exit_plain(x, target_pc, CPU_EXIT_PLAIN);
    return;
  }
  struct tc_exit *e = &blk->exits[blk->n_exits];
  *e = (struct tc_exit){.target_pc = target_pc, .index = (uint8_t)blk->n_exits++};
  x64_exit_jump(x, e, check);
  e->stub = (uint16_t)(b->cur - tc_exit_jump(e)); /* the stub follows its jump */
  if (stub)
    stub(x);
  x64_mov_exit(x, X64_RAX, e);
  x64_jmp_shared(x, x64_exit_chain);
}

void x64_exit_to(struct x64_ctx *x, uint64_t target_pc) {
  x64_exit_with(x, target_pc, NULL, target_pc <= x->blk->guest_pc);
}

/* The same, with stub() emitted first on the stub's path (x64_loop.c). */
void x64_exit_via(struct x64_ctx *x, uint64_t target_pc, void (*stub)(struct x64_ctx *)) {
  x64_exit_with(x, target_pc, stub, target_pc <= x->blk->guest_pc);
}

/* The same, taken only while no signal or flush waits, whatever the target
 * (a return's way to it, x64_ras.c). */
void x64_exit_checked(struct x64_ctx *x, uint64_t target_pc) {
  x64_exit_with(x, target_pc, NULL, 1);
}

/* A direct exit: a back edge of a loop block (x64_loop.c), or any other. */
static void x64_lower_exit(struct x64_ctx *x, uint32_t ref) {
  if (x64_is_back_edge(x, ref)) {
    x64_loop_back_edge(x, x64_put_store);
    return;
  }
  x64_flush_deferred(x);
  x64_exit_to(x, x64_in(x, ref)->imm);
}

/* Whether side exit ref may well be the way most runs go: a branch back
 * (a loop's way round), or to one of the instructions the block was
 * decoded from (over some of them: an if without else, a join inside a
 * loop). */
static int x64_exit_likely(struct x64_ctx *x, uint32_t ref) {
  uint64_t to = x64_in(x, ref)->imm;
  if (to <= x->guest_pc)
    return 1;
  for (uint32_t m = 0; m < x->ir->n_marks; m++)
    if (x->ir->marks[m].pc == to)
      return 1;
  return 0;
}

/* The path of side exit ref, behind the jcc (of the inverted condition)
 * whose rel32 is at skip, and also at the rel32 at also (or NULL): out of
 * line (x64_cold.c) where leaving the block is the way fewer runs go, as
 * far as the code tells. A likely exit moves only a path that is its jcc
 * and stub (taken, that is still one jump); a loop's back edge is
 * x64_loop.c's. */
static void x64_side_exit(struct x64_ctx *x, uint32_t ref, uint8_t *skip, uint8_t *also) {
  if (x64_is_back_edge(x, ref)) {
    x64_lower_exit(x, ref);
    x64_fix32(x->buf, skip);
    return;
  }
  struct x64_cold_mark m = x64_cold_begin(x, skip);
  m.also = also;
  m.direct_only = x64_exit_likely(x, ref);
  x64_lower_exit(x, ref);
  x64_cold_end(x, &m);
}

/* The jcc (rel32 to be fixed) of a side exit: its rel32 aligned as a
 * patchable jump's, for x64_cold.c to make it one. */
static uint8_t *x64_side_jcc(struct x64_ctx *x, enum x64_cc cc) {
  x64_branch_pad(x->buf, (unsigned)(-(uintptr_t)(x->buf->cur + 2) & 3));
  return x64_jcc32(x->buf, cc);
}

/* EXIT_IF on COND cc of a flags select (X64_FUSE_SPLIT): where f1's
 * condition fails the select is the nibble k, on which cc is known; where
 * it holds, cc on f2's flags decides.
 *
 *   cmp/test (f1); j!cc1 (cc holds on k ? exit : skip); cmp/test (f2); j!cc skip; exit; skip:
 */
static void x64_lower_exit_if_split(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *c = x64_in(x, x64_in(x, ref)->a);
  struct x64_lazy_sel p = x64_lazy_sel(x, c->a);
  int k_exits = ir_cc_holds(c->aux, p.k);
  x64_flags_op(x, p.f1);
  uint8_t *other = x64_jcc32(x->buf, (enum x64_cc)(x64_flags_cc(x, p.f1, p.cc1) ^ 1));
  x64_flags_op(x, p.f2);
  uint8_t *skip = x64_side_jcc(x, (enum x64_cc)(x64_flags_cc(x, p.f2, c->aux) ^ 1));
  if (k_exits)
    x64_fix32(x->buf, other);
  x64_side_exit(x, ref, skip, k_exits ? other : NULL);
  if (!k_exits)
    x64_fix32(x->buf, other);
  x64_loop_close(x, ref, x64_put_store);
}

static void x64_lower_exit_if(struct x64_ctx *x, uint32_t ref) {
  if (x->fuse[ref] == X64_FUSE_SPLIT) {
    x64_lower_exit_if_split(x, ref);
    return;
  }
  x64_side_exit(x, ref, x64_side_jcc(x, x64_test_cc(x, ref) ^ 1), NULL);
  x64_loop_close(x, ref, x64_put_store);
}

/* Back to the guest instruction at imm, which the run loop retranslates
 * exactly; the path out of line. */
static void x64_lower_deopt_if(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_in(x, ref);
  struct x64_cold_mark m = x64_cold_begin(x, x64_jcc32(x->buf, x64_test_cc(x, ref) ^ 1));
  x64_flush_deferred(x);
  x64_exit_plain(x, in->imm, CPU_EXIT_DEOPT);
  x64_cold_end(x, &m);
}

_Static_assert(sizeof(struct tc_jc_entry) == 16, "jump cache entries are 16 bytes");

/* ecx = the byte offset of pc's entry before the mask, from rax (rdx is
 * free at an indirect jump): pc * 36 + (pc >> 14), in 32 bits. Nearby pcs
 * land 9 entries apart, in other groups; the higher bits are added in.
 * Two instructions' latency, where a multiply and shift took four.
 *   rorx rdx, rax, 14            (or mov rdx, rax; shr rdx, 14)
 *   lea  ecx, [rax + rax*8]
 *   lea  ecx, [rdx + rcx*4] */
static void x64_jc_hash(struct tc_buf *b) {
  if (x64_feat() & X64_F_BMI2) {
    x64_rorx(b, 1, X64_RDX, X64_RAX, 14);
  } else {
    x64_mov_rr(b, 1, X64_RDX, X64_RAX);
    x64_shift_ri(b, 1, X64_SHR, X64_RDX, 14);
  }
  x64_lea(b, 0, X64_RCX, (struct x64_mem){X64_RAX, X64_RAX, 3, 0});
  x64_lea(b, 0, X64_RCX, (struct x64_mem){X64_RDX, X64_RCX, 2, 0});
}

/* The probe's first pair, rax the guest pc: rcx at the entry of its index,
 * then at its pair's; returns the rel8 of the je to hit, with the flags of
 * the compare with the pair's entry left for the caller's jne other_pair.
 *   (x64_jc_hash); and ecx, [jc_mask]; add rcx, [jc]
 *   cmp rax, [rcx]; je hit; xor rcx, 16; cmp rax, [rcx] */
uint8_t *x64_jc_probe_pair(struct tc_buf *b) {
  x64_jc_hash(b);
  x64_alu_rm(b, 0, X64_AND, X64_RCX, x64_cpu_field(offsetof(struct cpu, jc_mask)));
  x64_alu_rm(b, 1, X64_ADD, X64_RCX, x64_cpu_field(offsetof(struct cpu, jc)));
  x64_alu_rm(b, 1, X64_CMP, X64_RAX, x64_mem(X64_RCX, 0));
  uint8_t *hit = x64_jcc8(b, X64_CC_E);
  x64_alu_ri(b, 1, X64_XOR, X64_RCX, sizeof(struct tc_jc_entry));
  x64_alu_rm(b, 1, X64_CMP, X64_RAX, x64_mem(X64_RCX, 0));
  return hit;
}

/* The jump-cache probe (tcache.h): entry tc_jc_index(pc, mask) is at byte
 * x64_jc_hash(pc) & cpu->jc_mask, and its pair's at that ^ 16
 * (the mask grows with the cache, so it is read from the cpu, not built in).
 * On a hit go straight to its code; when the pair misses, the shared
 * x64_jc_other_pair probes the other two entries of the group, then goes to
 * x64_jc_miss, which sets cpu->pc, and so does a waiting exit_request (an
 * indirect jump may close a loop). */
static void x64_lower_jump(struct x64_ctx *x, uint32_t ref) {
  struct tc_buf *b = x->buf;
  x64_defer_flush(x, x64_put_store);
  x64_load_value(x, X64_RAX, x64_in(x, ref)->a); /* before a freed register is reloaded */
  x64_loop_unfree(x);
  if (x64_in(x, ref)->aux == IR_JUMP_RETURN && !xrun_opt.no_ras) {
    x64_ras_pop(x);
    return;
  }
  uint8_t *rel = x64_ras_push(x, 1);
  uint8_t *hit = x64_jc_probe_pair(b);
  x64_jcc_shared(x, X64_CC_NE, x64_jc_other_pair); /* jne other_pair */
  x64_fix8(b, hit);
  x64_alu_mi(b, 2, X64_CMP, x64_cpu_field(offsetof(struct cpu, exit_request)), 0);
  x64_jcc_shared(x, X64_CC_NE, x64_jc_miss); /* jne miss: a signal or flush is waiting */
  x64_jmp_m(b, x64_mem(X64_RCX, 8));         /* jmp [rcx+8] */
  x64_ras_stub(x, rel);
}

/* GOTO: a direct exit, and a call's return stub after it. */
static void x64_lower_goto(struct x64_ctx *x, uint32_t ref) {
  if (x64_is_back_edge(x, ref)) {
    x64_lower_exit(x, ref);
    return;
  }
  x64_flush_deferred(x);
  uint8_t *rel = x64_ras_push(x, 2);
  x64_exit_to(x, x64_in(x, ref)->imm);
  x64_ras_stub(x, rel);
}

static void x64_lower_trap(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_in(x, ref);
  x64_flush_deferred(x);
  x64_store_imm(x->buf, 2, x64_cpu_field(offsetof(struct cpu, trap_signal)), in->aux);
  x64_exit_plain(x, in->imm, CPU_EXIT_TRAP);
}

/* cpu->trap_info = the address whose code changed; back to the run loop. */
static void x64_lower_code_inval(struct x64_ctx *x, uint32_t ref) {
  x64_defer_flush(x, x64_put_store);
  x64_load_value(x, X64_RAX, x64_in(x, ref)->a);
  x64_loop_unfree(x);
  x64_store(x->buf, 3, x64_cpu_field(offsetof(struct cpu, trap_info)), X64_RAX);
  x64_exit_plain(x, x64_in(x, ref)->imm, CPU_EXIT_CODE_INVAL);
}

void x64_lower(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = x64_in(x, ref);
  if (in->type == IR_V128 && (in->op == IR_LOAD || in->op == IR_STORE)) {
    x64_lower_vmem(x, ref, x64_pcmap);
    return;
  }
  if (in->op == IR_PUT && in->type == IR_V128 && !x64_pin_overlaps((uint32_t)in->imm, 16)) {
    x64_defer_put(x, ref, x64_put_store); /* stored now or deferred, as any PUT */
    return;
  }
  if (in->op == IR_PUT && in->type == IR_V128) /* over a pinned slot: stored now */
    x64_defer_before_put(x, ref, x64_put_store);
  if (ir_is_vec_op(in->op) || (in->type == IR_V128 && (in->op == IR_GET || in->op == IR_PUT))) {
    unsigned pins = in->type == IR_V128 && (in->op == IR_GET || in->op == IR_PUT)
                        ? x64_pin_overlaps((uint32_t)in->imm, 16)
                        : 0; /* through the state (x64_pin.c) */
    x64_pin_store(x->buf, pins);
    x64_lower_vec(x, ref);
    if (in->op == IR_PUT)
      x64_pin_load(x->buf, pins);
    return;
  }
  switch ((enum ir_op)in->op) {
  case IR_NOP: break;
  case IR_CONST: break;
  case IR_GET: x64_lower_get(x, ref); break;
  case IR_PUT: x64_lower_put(x, ref); break;
  case IR_ADD:
    if (x->fuse[ref] != X64_FUSE_ADDR)
      x64_lower_alu(x, ref, X64_ADD);
    break;
  case IR_SUB:
    if (x->fuse[x64_in(x, ref)->b] == X64_FUSE_REM) /* the remainder (x64_fuse_rem) */
      x64_mov_rr(x->buf, x64_in(x, ref)->type == IR_I64, x64_dst(x, ref), X64_RDX);
    else
      x64_lower_alu(x, ref, X64_SUB);
    break;
  case IR_ADC: x64_lower_adc(x, ref); break;
  case IR_MUL:
    if (x->fuse[ref] != X64_FUSE_REM)
      x64_lower_mul(x, ref);
    break;
  case IR_MULHU: x64_lower_mulh(x, ref, X64_MUL); break;
  case IR_MULHS: x64_lower_mulh(x, ref, X64_IMUL1); break;
  case IR_DIVU: x64_lower_div(x, ref, 0); break;
  case IR_DIVS: x64_lower_div(x, ref, 1); break;
  case IR_AND:
    if (x->fuse[ref] != X64_FUSE_BITTEST && x->fuse[ref] != X64_FUSE_TESTMASK)
      /* else its CMP tests the bit, its exit the mask (x64_fuse.c) */
      x64_lower_alu(x, ref, X64_AND);
    break;
  case IR_OR: x64_lower_alu(x, ref, X64_OR); break;
  case IR_XOR: x64_lower_alu(x, ref, X64_XOR); break;
  case IR_NOT: x64_lower_unary(x, ref, X64_NOT); break;
  case IR_NEG: x64_lower_unary(x, ref, X64_NEG); break;
  case IR_SHL:
    if (x->fuse[ref] != X64_FUSE_ADDR)
      x64_lower_shift(x, ref, X64_SHL);
    break;
  case IR_SHR: x64_lower_shift(x, ref, X64_SHR); break;
  case IR_SAR: x64_lower_shift(x, ref, X64_SAR); break;
  case IR_ROR: x64_lower_shift(x, ref, X64_ROR); break;
  case IR_CLZ: x64_lower_clz(x, ref); break;
  case IR_CTZ: x64_lower_ctz(x, ref); break;
  case IR_POPCNT: x64_lower_popcnt(x, ref); break;
  case IR_BSWAP: x64_lower_bswap(x, ref); break;
  case IR_BITREV: x64_lower_bitrev(x, ref); break;
  case IR_CRC32C: x64_lower_crc32c(x, ref); break;
  case IR_ZEXT: x64_lower_zext(x, ref); break;
  case IR_SEXT: x64_lower_sext(x, ref); break;
  case IR_TRUNC: x64_lower_trunc(x, ref); break;
  case IR_CMP: x64_lower_cmp(x, ref); break;
  case IR_SELECT: x64_lower_select(x, ref); break;
  case IR_FLAGS_ADD:
  case IR_FLAGS_SUB:
  case IR_FLAGS_ADC:
  case IR_FLAGS_SBC:
  case IR_FLAGS_LOGIC: x64_lower_flags(x, ref); break;
  case IR_COND: x64_lower_cond(x, ref); break;
  case IR_LOAD: x64_lower_load(x, ref); break;
  case IR_STORE: x64_lower_store(x, ref); break;
  case IR_CAS: x64_lower_cas(x, ref); break;
  case IR_ATOMIC: x64_lower_atomic(x, ref); break;
  case IR_FENCE: x64_lower_fence(x, ref); break;
  case IR_CALL: x64_lower_call(x, ref); break;
  case IR_EXIT_IF: x64_lower_exit_if(x, ref); break;
  case IR_DEOPT_IF: x64_lower_deopt_if(x, ref); break;
  case IR_GOTO: x64_lower_goto(x, ref); break;
  case IR_RET_PUSH:
    if (!xrun_opt.no_ras)
      x->ret_push = in->imm;
    break;
  case IR_JUMP: x64_lower_jump(x, ref); break;
  case IR_SYSCALL:
    x64_flush_deferred(x);
    x64_exit_plain(x, in->imm, CPU_EXIT_SYSCALL);
    break;
  case IR_TRAP: x64_lower_trap(x, ref); break;
  case IR_CODE_INVAL: x64_lower_code_inval(x, ref); break;
  default: x->error = "unknown IR op"; break;
  }
}
