/* x64_fuse_test.c - random blocks of flag producers and their readers
 * (FLAGS_*, COND, CMP, SELECT, EXIT_IF, and A64 CCMP's select of two flags
 * values), truncations and extensions, guest state through a lazily kept
 * flags slot, run as x86-64 code and through ir_interp from the same state:
 * every register, the flags slot (packed by ir_flags_pack, also from a small
 * constant operand kept in lazy_op) and the exit taken must agree. Each
 * block also runs after opt_run, which makes the shapes decoders leave for
 * the backend. And the stores the backend defers (IR_PUT_DEFER): a block
 * that faults in a load must leave, after x64_backend.fault_state, the state
 * its prefix leaves.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include "test.h"
#include "../../backend-x86_64/x64.h"
#include "../../opt/opt.h"

struct fake_cpu {
  struct cpu c;
  uint64_t regs[24];
};

#define REG(i) ((uint32_t)offsetof(struct fake_cpu, regs[i]))
enum { NREGS = 8, FLAGS_REG = 20, OUT_REGS = 16 };

static uint64_t rng_state = 0x2545f4914f6cdd1dull;
static uint64_t rnd(void) {
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 7;
  rng_state ^= rng_state << 17;
  return rng_state;
}

static struct tc_buf code;
static struct tc_pcmap pcmap[4096];

static struct tc_block *translate(const struct ir_block *b) {
  if (!code.start) {
    code.start =
        mmap(NULL, 8 << 20, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    code.end = code.start + (8 << 20);
  }
  if (code.end - code.cur < (1 << 20) || !code.cur) {
    code.cur = code.start;
    x64_backend.init(&code);
  }
  static struct tc_block blk;
  blk = (struct tc_block){
      .guest_pc = b->guest_pc, .pcmap = pcmap, .pcmap_cap = 4096, .exits_cap = TC_MAX_EXITS};
  return x64_backend.translate(b, &blk, &code) == 0 ? &blk : NULL;
}

/* A value of type t from the pool, or a small or large constant. */
static uint32_t pick(struct ir_block *b, enum ir_type t, const uint32_t *pool, int n) {
  if (rnd() % 8 == 0)
    return ir_const(b, t, rnd() % 3 ? rnd() % 100 : rnd());
  return pool[rnd() % n];
}

struct gen {
  struct ir_block *b;
  uint32_t pool[2][256]; /* [0]: i32 values, [1]: i64 */
  int np[2];
  uint32_t flags; /* the latest flags value, 0 = none yet */
};

static void gen_keep(struct gen *g, enum ir_type t, uint32_t v) {
  int ti = t == IR_I64;
  if (g->np[ti] < 256)
    g->pool[ti][g->np[ti]++] = v;
}

static uint32_t gen_val(struct gen *g, enum ir_type t) {
  return pick(g->b, t, g->pool[t == IR_I64], g->np[t == IR_I64]);
}

/* One random instruction (or a small group of them). */
static void gen_step(struct gen *g) {
  static const uint8_t flag_ops[] = {IR_FLAGS_ADD, IR_FLAGS_SUB, IR_FLAGS_LOGIC, IR_FLAGS_ADC,
                                     IR_FLAGS_SBC};
  static const uint8_t alu[] = {IR_ADD, IR_SUB, IR_AND, IR_OR, IR_XOR, IR_SHL};
  struct ir_block *b = g->b;
  enum ir_type t = rnd() & 1 ? IR_I64 : IR_I32;
  uint32_t x = gen_val(g, t), y = gen_val(g, t), v;
  switch (rnd() % 11) {
  case 0:
  case 1: {
    unsigned op = flag_ops[rnd() % sizeof(flag_ops)];
    uint32_t cin = op == IR_FLAGS_ADC || op == IR_FLAGS_SBC ? ir_const(b, IR_I32, rnd() & 1) : 0;
    if (rnd() & 1) /* the result first, as decoders emit adds/subs/ands */
      gen_keep(g, t,
               ir_binop(b,
                        op == IR_FLAGS_SUB     ? IR_SUB
                        : op == IR_FLAGS_LOGIC ? IR_AND
                                               : IR_ADD,
                        t, x, y));
    g->flags =
        ir_flags(b, op, t, op == IR_FLAGS_LOGIC ? g->pool[t == IR_I64][g->np[t == IR_I64] - 1] : x,
                 op == IR_FLAGS_LOGIC ? 0 : y, cin);
    if (rnd() % 3)
      ir_put(b, REG(FLAGS_REG), g->flags);
    return;
  }
  case 2:
    if (g->flags) {
      uint32_t c = ir_cond(b, (enum ir_cc)(rnd() % 16), g->flags);
      gen_keep(g, IR_I32, rnd() & 1 ? c : ir_select(b, t, c, x, y));
      if (rnd() % 4 == 0)
        ir_exit_if(b, c, 0x3000 + 4 * (rnd() % 16));
    }
    return;
  case 3:
    v = ir_cmp(b, (enum ir_cmp)(rnd() % 10), t, x, y);
    gen_keep(g, t, ir_select(b, t, v, x, y));
    if (rnd() % 4 == 0)
      ir_exit_if(b, v, 0x3000 + 4 * (rnd() % 16));
    return;
  case 4: gen_keep(g, IR_I32, ir_unop(b, IR_TRUNC, IR_I32, gen_val(g, IR_I64))); return;
  case 5:
    gen_keep(g, IR_I64,
             ir_ext(b, rnd() & 1 ? IR_ZEXT : IR_SEXT, IR_I64, gen_val(g, IR_I32),
                    (unsigned[]){8, 16, 32}[rnd() % 3]));
    return;
  case 6: ir_put(b, REG(rnd() % OUT_REGS), x); return;
  case 7: gen_keep(g, IR_I32, ir_get(b, IR_I32, REG(FLAGS_REG))); return;
  case 10: /* A64's CCMP: a flags select, then a branch on it */
    if (g->flags) {
      static const uint8_t sel_ops[] = {IR_FLAGS_ADD, IR_FLAGS_SUB, IR_FLAGS_LOGIC};
      unsigned op = sel_ops[rnd() % sizeof(sel_ops)];
      uint32_t h = ir_cond(b, (enum ir_cc)(rnd() % 14), g->flags);
      uint32_t f = ir_flags(b, op, t, x, op == IR_FLAGS_LOGIC ? 0 : y, 0);
      g->flags = ir_select(b, IR_I32, h, f, ir_const(b, IR_I32, rnd() & 15));
      if (rnd() % 4)
        ir_put(b, REG(FLAGS_REG), g->flags);
      if (rnd() & 1)
        ir_exit_if(b, ir_cond(b, (enum ir_cc)(rnd() % 14), g->flags), 0x3000 + 4 * (rnd() % 16));
    }
    return;
  default: gen_keep(g, t, ir_binop(b, alu[rnd() % sizeof(alu)], t, x, y)); return;
  }
}

static struct ir_block *gen_block(int len) {
  struct gen g = {.b = ir_block_new(0x1000)};
  g.b->flags_off = REG(FLAGS_REG);
  for (int r = 0; r < NREGS; r++) {
    gen_keep(&g, IR_I64, ir_get(g.b, IR_I64, REG(r)));
    gen_keep(&g, IR_I32, ir_get(g.b, IR_I32, REG(r)));
  }
  for (int k = 0; k < len; k++)
    gen_step(&g);
  for (int r = 0; r < 8; r++)
    ir_put(g.b, REG(8 + r), g.pool[r & 1][g.np[r & 1] - 1 - r]);
  ir_goto(g.b, 0x2000);
  return g.b;
}

static void seed_cpu(struct fake_cpu *c, const uint64_t *regs) {
  memset(c, 0, sizeof(*c));
  memcpy(c->regs, regs, sizeof(c->regs));
}

/* Compiled runs that left the flags with a constant operand in lazy_op. */
static unsigned lazy_imm_runs;

/* The exit pc and the state after running b compiled (or interpreted). */
static int run(const struct ir_block *b, struct fake_cpu *c, int compiled, uint64_t *pc) {
  if (compiled) {
    struct tc_block *blk = translate(b);
    if (!blk)
      return -1;
    uintptr_t r = x64_backend.enter(&c->c, blk->code);
    *pc = r >= CPU_EXIT_LAST ? ((struct tc_exit *)r)->target_pc : c->c.pc;
    lazy_imm_runs += c->c.lazy_op && (c->c.lazy_op & IR_LAZY_IMM);
  } else {
    ir_interp(b, &c->c);
    *pc = c->c.pc;
  }
  ir_flags_pack(&c->c, REG(FLAGS_REG));
  return 0;
}

static int same_outcome(const struct ir_block *ref_block, const struct ir_block *b, int iter) {
  uint64_t regs[24];
  for (int r = 0; r < 24; r++)
    regs[r] = rnd() >> (rnd() % 64);
  regs[FLAGS_REG] = rnd() & 15;
  struct fake_cpu want, got;
  uint64_t want_pc = 0, got_pc = 0;
  seed_cpu(&want, regs);
  seed_cpu(&got, regs);
  run(ref_block, &want, 0, &want_pc);
  if (run(b, &got, 1, &got_pc) != 0 || got_pc != want_pc ||
      memcmp(got.regs, want.regs, sizeof(want.regs)) != 0) {
    fprintf(stderr, "  iteration %d: pc %llx want %llx\n", iter, (unsigned long long)got_pc,
            (unsigned long long)want_pc);
    for (int r = 0; r < 24; r++)
      if (got.regs[r] != want.regs[r])
        fprintf(stderr, "  reg %d: %llx want %llx\n", r, (unsigned long long)got.regs[r],
                (unsigned long long)want.regs[r]);
    ir_print(stderr, b);
    return 0;
  }
  return 1;
}

static struct ir_block *clone(const struct ir_block *b) {
  return ir_block_copy(b);
}

TEST(random_flag_blocks_match_interp) {
  for (int iter = 0; iter < 4000; iter++) {
    struct ir_block *b = gen_block(1 + (int)(rnd() % (iter % 10 == 0 ? 120 : 30)));
    ASSERT(same_outcome(b, b, iter));
    struct ir_block *o = clone(b);
    opt_run(o);
    ASSERT(same_outcome(b, o, iter));
    ir_block_free(o);
    ir_block_free(b);
  }
  ASSERT(lazy_imm_runs > 100); /* the packed form was read back by ir_flags_pack too */
}

static uint64_t load_buf[4] = {0x1234, 0xfedcba9876543210ull, 7, 0};
static sigjmp_buf fault_jmp;
static struct fake_cpu *fault_cpu;
static const struct tc_block *fault_blk;

static void on_segv(int sig, siginfo_t *si, void *uc) {
  (void)sig, (void)si;
  const void *rip = (const void *)((ucontext_t *)uc)->uc_mcontext.gregs[REG_RIP];
  x64_backend.fault_state(fault_blk, rip, uc, &fault_cpu->c);
  siglongjmp(fault_jmp, 1);
}

/* A random flag block with loads, one of them from the unmapped address 8. */
static struct ir_block *gen_faulting_block(uint32_t *fault_at) {
  struct gen g = {.b = ir_block_new(0x1000)};
  g.b->flags_off = REG(FLAGS_REG);
  for (int r = 0; r < NREGS; r++) {
    gen_keep(&g, IR_I64, ir_get(g.b, IR_I64, REG(r)));
    gen_keep(&g, IR_I32, ir_get(g.b, IR_I32, REG(r)));
  }
  int len = 4 + (int)(rnd() % 40), at = (int)(rnd() % len);
  for (int k = 0; k < len; k++) {
    if (k == at) {
      ir_mark(g.b, 0x1000 + 4 * k);
      *fault_at = ir_load(g.b, IR_I64, ir_const(g.b, IR_I64, 8), 3, 0);
    } else if (rnd() % 4 == 0) {
      uint32_t a = ir_const(g.b, IR_I64, (uintptr_t)&load_buf[rnd() % 4]);
      gen_keep(&g, IR_I64, ir_load(g.b, IR_I64, a, 3, 0));
    }
    gen_step(&g);
  }
  for (int r = 0; r < 8; r++)
    ir_put(g.b, REG(8 + r), g.pool[r & 1][g.np[r & 1] - 1 - r]);
  ir_goto(g.b, 0x2000);
  return g.b;
}

/* A random block of vectors: GETs of four 16-byte slots, lane ops on them
 * written back to the slots again and again around loads (one from the
 * unmapped address 8) and side exits, so that vector PUTs are deferred;
 * with xor_all every value stays live to the end, and many are spilled. */
#define VSLOT(k) REG(2 * (k))
static struct ir_block *gen_vec_faulting_block(uint32_t *fault_at) {
  static const uint8_t ops[] = {IR_VADD, IR_VSUB, IR_VXOR, IR_VAND, IR_VOR};
  struct ir_block *b = ir_block_new(0x1000);
  uint32_t pool[256];
  int n = 0, len = 8 + (int)(rnd() % 40), at = (int)(rnd() % len), xor_all = rnd() & 1;
  for (int k = 0; k < 4; k++)
    pool[n++] = ir_get(b, IR_V128, VSLOT(k));
  for (int k = 0; k < len; k++) {
    ir_mark(b, 0x1000 + 4 * k);
    if (k == at) {
      *fault_at = ir_load(b, IR_I64, ir_const(b, IR_I64, 8), 3, 0);
    } else if (rnd() % 3 == 0) {
      uint32_t v = ir_load(b, IR_I64, ir_const(b, IR_I64, (uintptr_t)&load_buf[rnd() % 4]), 3, 0);
      if (rnd() % 3 == 0)
        ir_exit_if(b, ir_cmp(b, IR_EQ, IR_I64, v, ir_const(b, IR_I64, 7)), 0x3000 + 4 * k);
    }
    uint32_t x = pool[rnd() % n], y = pool[rnd() % n];
    uint32_t v = rnd() % 4 ? ir_vop(b, ops[rnd() % 5], IR_V128, (unsigned)(rnd() % 4), x, y, 0)
                           : ir_vop(b, IR_VZEXT64, IR_V128, 0, x, 0, 0);
    if (n < 256)
      pool[n++] = v;
    if (rnd() % 3)
      ir_put(b, VSLOT(rnd() % 4), v);
  }
  uint32_t acc = pool[n - 1];
  for (int k = 0; xor_all && k < n - 1; k++)
    acc = ir_vop(b, IR_VXOR, IR_V128, 0, acc, pool[k], 0);
  ir_put(b, VSLOT(rnd() % 4), acc);
  ir_goto(b, 0x2000);
  return b;
}

/* The deferred records at the faulting access of blk, entered at host_pc. */
static uint32_t deferred_at(const struct tc_block *blk, const void *host_pc) {
  uint32_t off = (uint32_t)((const uint8_t *)host_pc - blk->code);
  for (uint32_t i = 0; i < blk->n_pcmap; i++)
    if (blk->pcmap[i].host_off == off)
      return blk->pcmap[i].defer_count;
  return 0;
}

static const void *volatile fault_rip;

static void on_segv_rip(int sig, siginfo_t *si, void *uc) {
  fault_rip = (const void *)((ucontext_t *)uc)->uc_mcontext.gregs[REG_RIP];
  on_segv(sig, si, uc);
}

/* One block: 1 if its state at the fault is its prefix's; *deferred counts
 * the stores the fault had to make. */
static int fault_case(int iter, struct ir_block *(*gen)(uint32_t *), uint32_t *deferred) {
  uint32_t at = 0;
  struct ir_block *b = gen(&at), *prefix = clone(b);
  prefix->insn[at] = (struct ir_insn){.op = IR_GOTO, .imm = 0x3000};
  prefix->n = at + 1;
  uint64_t regs[24], pc;
  for (int r = 0; r < 24; r++)
    regs[r] = rnd() >> (rnd() % 64);
  regs[FLAGS_REG] = rnd() & 15;
  struct fake_cpu want, got;
  seed_cpu(&want, regs);
  seed_cpu(&got, regs);
  run(prefix, &want, 0, &pc);
  opt_run(b);
  const struct tc_block *blk = translate(b);
  int ok = blk != NULL;
  fault_cpu = &got, fault_blk = blk;
  if (blk && !sigsetjmp(fault_jmp, 1))
    x64_backend.enter(&got.c, blk->code);
  if (blk)
    *deferred += deferred_at(blk, fault_rip);
  ir_flags_pack(&got.c, REG(FLAGS_REG));
  for (int r = 0; ok && r < 24; r++)
    if (got.regs[r] != want.regs[r]) {
      fprintf(stderr, "  iteration %d, reg %d: %llx want %llx\n", iter, r,
              (unsigned long long)got.regs[r], (unsigned long long)want.regs[r]);
      ir_print(stderr, b);
      ok = 0;
    }
  ir_block_free(prefix);
  ir_block_free(b);
  return ok;
}

/* n blocks from gen, each run to its fault; the deferred stores the faults made. */
static int fault_cases(struct ir_block *(*gen)(uint32_t *), int n, uint32_t *deferred) {
  struct sigaction sa = {0}, old;
  sa.sa_sigaction = on_segv_rip;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, &old);
  int ok = 1;
  for (int iter = 0; iter < n && ok; iter++)
    ok = fault_case(iter, gen, deferred);
  sigaction(SIGSEGV, &old, NULL);
  return ok;
}

TEST(deferred_state_at_fault) {
  uint32_t deferred = 0;
  ASSERT(fault_cases(gen_faulting_block, 3000, &deferred));
  ASSERT(deferred > 300); /* the faults did have deferred stores to make */
}

/* The same with vector PUTs deferred: their values in xmm registers and
 * spill slots at the fault. */
TEST(deferred_vectors_at_fault) {
  uint32_t deferred = 0;
  ASSERT(fault_cases(gen_vec_faulting_block, 3000, &deferred));
  ASSERT(deferred > 300);
}

/* Loads one after another with the same store pending share its record
 * (x64_defer_record): x1 = v, overwritten after two loads, is deferred
 * past both, and both pcmap entries name one record. */
TEST(deferred_record_shared) {
  struct ir_block *b = ir_block_new(0x1000);
  uint32_t v = ir_binop(b, IR_ADD, IR_I64, ir_get(b, IR_I64, REG(1)), ir_const(b, IR_I64, 5));
  ir_put(b, REG(1), v);
  ir_mark(b, 0x1004);
  uint32_t l1 = ir_load(b, IR_I64, ir_const(b, IR_I64, (uintptr_t)&load_buf[0]), 3, 0);
  ir_mark(b, 0x1008);
  uint32_t l2 = ir_load(b, IR_I64, ir_const(b, IR_I64, (uintptr_t)&load_buf[1]), 3, 0);
  ir_put(b, REG(1), ir_binop(b, IR_ADD, IR_I64, l1, l2));
  ir_put(b, REG(2), v);
  ir_goto(b, 0x2000);
  opt_run(b);
  const struct tc_block *blk = translate(b);
  ASSERT(blk);
  uint32_t firsts[2], n = 0;
  for (uint32_t i = 0; i < blk->n_pcmap; i++)
    if (blk->pcmap[i].defer_count == 1 && n < 2)
      firsts[n++] = blk->pcmap[i].defer_first;
  ASSERT(n == 2);
  ASSERT(firsts[0] == firsts[1]);
  ir_block_free(b);
}

TEST_MAIN("x64_fuse")
