/* opt_test.c - each pass on its own, and the pipeline on random blocks.
 * Every test checks the rewritten IR and that ir_interp gives the same exit,
 * guest state and memory before and after. */
#include <stddef.h>
#include <signal.h>
#include "test.h"
#include "../../ir/ir.h"
#include "../../opt/opt.h"
#include "../../xrun.h"

struct ostate {
  struct cpu c;
  uint64_t r[4]; /* r[3] is also used as two i32 halves */
  uint64_t nzcv; /* low 4 bytes: an i32 flags slot */
};
#define SLOT(k) ((uint32_t)offsetof(struct ostate, r[k]))
#define NZCV    ((uint32_t)offsetof(struct ostate, nzcv))

static uint64_t mem[8];

struct outcome {
  uintptr_t exit;
  struct ostate s;
  uint64_t mem[8];
};

static struct ir_block *clone(const struct ir_block *b) {
  struct ir_block *c = ir_block_new(b->guest_pc);
  for (uint32_t k = 0; k < b->n_vconst; k++) { /* the pool, without emitting */
    uint32_t r = ir_vconst(c, b->vconst[k].lo, b->vconst[k].hi);
    c->n = r;
  }
  for (uint32_t r = 1; r < b->n; r++) {
    const struct ir_insn *i = &b->insn[r];
    ir_emit(c, i->op, i->type, i->a, i->b, i->c, i->imm);
    c->insn[r].aux = i->aux;
  }
  return c;
}

static void run(const struct ir_block *b, const struct ostate *in, const uint64_t *min,
                struct outcome *o) {
  memset(o, 0, sizeof(*o));
  o->s = *in;
  memcpy(mem, min, sizeof(mem));
  o->exit = ir_interp(b, &o->s.c);
  memcpy(o->mem, mem, sizeof(mem));
}

static int same(const struct outcome *x, const struct outcome *y) {
  return x->exit == y->exit && x->s.c.pc == y->s.c.pc && x->s.c.trap_signal == y->s.c.trap_signal &&
         !memcmp(x->s.r, y->s.r, sizeof(x->s.r)) && x->s.nzcv == y->s.nzcv &&
         !memcmp(x->mem, y->mem, sizeof(x->mem));
}

/* Apply pass to b; check it still verifies and means the same on state in. */
static int equivalent_after(struct ir_block *b, void (*pass)(struct ir_block *),
                            const struct ostate *in) {
  static const uint64_t m0[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  struct ir_block *before = clone(b);
  struct outcome x, y;
  pass(b);
  if (ir_verify(b))
    return 0;
  run(before, in, m0, &x);
  run(b, in, m0, &y);
  int ok = same(&x, &y);
  if (!ok) {
    ir_print(stderr, before);
    ir_print(stderr, b);
  }
  ir_block_free(before);
  return ok;
}

static const struct ostate st0 = {.r = {10, 20, 30, 0x4000000080000000}, .nzcv = 6};

/* --- constfold ----------------------------------------------------------- */

TEST(constfold_folds_pure_ops) {
  struct ir_block *b = ir_block_new(0);
  uint32_t s = ir_binop(b, IR_ADD, IR_I32, ir_const(b, IR_I32, 0xffffffff), ir_const(b, IR_I32, 2));
  uint32_t f = ir_flags(b, IR_FLAGS_SUB, IR_I32, s, ir_const(b, IR_I32, 1), 0);
  uint32_t c = ir_cond(b, IR_CC_EQ, f);
  uint32_t p = ir_put(b, SLOT(0), ir_ext(b, IR_ZEXT, IR_I64, c, 32));
  ir_put(b, NZCV, f);
  ir_goto(b, 4);
  ASSERT(equivalent_after(b, opt_constfold, &st0));
  ASSERT_EQ(b->insn[s].op, IR_CONST);
  ASSERT_EQ(b->insn[s].imm, 1);
  ASSERT_EQ(b->insn[f].op, IR_CONST);
  ASSERT_EQ(b->insn[f].imm, 6);                                 /* Z and C */
  ASSERT(b->insn[c].op == IR_NOP || b->insn[c].op == IR_CONST); /* may merge into 1 */
  ASSERT_EQ(b->insn[b->insn[p].a].op, IR_CONST);
  ASSERT_EQ(b->insn[b->insn[p].a].imm, 1);
  ir_block_free(b);
}

TEST(constfold_merges_constants) {
  struct ir_block *b = ir_block_new(0);
  uint32_t k1 = ir_const(b, IR_I64, 7), k2 = ir_const(b, IR_I64, 7), k3 = ir_const(b, IR_I32, 7);
  uint32_t x = ir_get(b, IR_I64, SLOT(0));
  uint32_t p = ir_put(b, SLOT(1), ir_binop(b, IR_MUL, IR_I64, x, k2));
  ir_put(b, SLOT(3), k3);
  ir_goto(b, 4);
  ASSERT(equivalent_after(b, opt_constfold, &st0));
  ASSERT_EQ(b->insn[k1].op, IR_CONST);
  ASSERT_EQ(b->insn[k2].op, IR_NOP);
  ASSERT_EQ(b->insn[k3].op, IR_CONST); /* a different type is a different constant */
  ASSERT_EQ(b->insn[b->insn[p].a].b, k1);
  ir_block_free(b);
}

TEST(constfold_identities) {
  struct ir_block *b = ir_block_new(0);
  uint32_t x = ir_get(b, IR_I64, SLOT(0)), w = ir_get(b, IR_I32, SLOT(3));
  uint32_t a = ir_binop(b, IR_ADD, IR_I64, x, ir_const(b, IR_I64, 0));
  uint32_t m = ir_binop(b, IR_MUL, IR_I64, ir_const(b, IR_I64, 1), a);
  uint32_t n = ir_binop(b, IR_AND, IR_I32, w, ir_const(b, IR_I32, 0xffffffff));
  uint32_t sh = ir_binop(b, IR_SHL, IR_I32, n, ir_const(b, IR_I32, 32)); /* modulo width */
  uint32_t o = ir_binop(b, IR_XOR, IR_I64, m, ir_const(b, IR_I64, 0));
  uint32_t sel = ir_select(b, IR_I64, ir_const(b, IR_I32, 0), ir_const(b, IR_I64, 5), o);
  uint32_t p1 = ir_put(b, SLOT(1), sel);
  uint32_t p2 = ir_put(b, SLOT(2), ir_ext(b, IR_ZEXT, IR_I64, sh, 32));
  ir_goto(b, 4);
  ASSERT(equivalent_after(b, opt_constfold, &st0));
  ASSERT_EQ(b->insn[a].op, IR_NOP);
  ASSERT_EQ(b->insn[m].op, IR_NOP);
  ASSERT_EQ(b->insn[n].op, IR_NOP);
  ASSERT_EQ(b->insn[sh].op, IR_NOP);
  ASSERT_EQ(b->insn[o].op, IR_NOP);
  ASSERT_EQ(b->insn[sel].op, IR_NOP);
  ASSERT_EQ(b->insn[p1].a, x);
  ASSERT_EQ(b->insn[b->insn[p2].a].a, w);
  ir_block_free(b);
}

/* A frame's sp: (sp - 32) + 32 is sp itself, not sp + 0; (w + 1) + -1 of an
 * i32 is w, the sum taken modulo 2^32. (x + 8) + 8 stays one add of x. */
TEST(constfold_reassociated_offsets_that_cancel) {
  struct ir_block *b = ir_block_new(0);
  uint32_t x = ir_get(b, IR_I64, SLOT(0)), w = ir_get(b, IR_I32, SLOT(3));
  uint32_t lo = ir_binop(b, IR_ADD, IR_I64, x, ir_const(b, IR_I64, (uint64_t)-32));
  ir_put(b, SLOT(1), lo);
  uint32_t back = ir_binop(b, IR_ADD, IR_I64, lo, ir_const(b, IR_I64, 32));
  uint32_t w1 = ir_binop(b, IR_ADD, IR_I32, w, ir_const(b, IR_I32, 1));
  uint32_t w0 = ir_binop(b, IR_ADD, IR_I32, w1, ir_const(b, IR_I32, 0xffffffff));
  uint32_t x8 = ir_binop(b, IR_ADD, IR_I64, x, ir_const(b, IR_I64, 8));
  uint32_t x16 = ir_binop(b, IR_ADD, IR_I64, x8, ir_const(b, IR_I64, 8));
  uint32_t p1 = ir_put(b, SLOT(0), back);
  uint32_t p2 = ir_put(b, SLOT(2), ir_ext(b, IR_ZEXT, IR_I64, w0, 32));
  uint32_t p3 = ir_put(b, SLOT(3), x16);
  ir_goto(b, 4);
  ASSERT(equivalent_after(b, opt_constfold, &st0));
  ASSERT_EQ(b->insn[back].op, IR_NOP);
  ASSERT_EQ(b->insn[w0].op, IR_NOP);
  ASSERT_EQ(b->insn[p1].a, x);
  ASSERT_EQ(b->insn[b->insn[p2].a].a, w);
  ASSERT_EQ(b->insn[x16].op, IR_ADD);
  ASSERT_EQ(b->insn[x16].a, x);
  ASSERT_EQ(b->insn[b->insn[x16].b].imm, 16);
  ASSERT_EQ(b->insn[p3].a, x16);
  ir_block_free(b);
}

TEST(constfold_no_identity_shl_i64_by_32) {
  struct ir_block *b = ir_block_new(0);
  uint32_t x = ir_get(b, IR_I64, SLOT(0));
  uint32_t sh = ir_binop(b, IR_SHL, IR_I64, x, ir_const(b, IR_I64, 32));
  ir_put(b, SLOT(1), sh);
  ir_goto(b, 4);
  ASSERT(equivalent_after(b, opt_constfold, &st0));
  ASSERT_EQ(b->insn[sh].op, IR_SHL);
  ir_block_free(b);
}

/* clz(bitrev(x)) is ctz(x), ctz(bitrev(x)) clz(x), at either width; a
 * zero (x - x) counts the width both ways. */
TEST(constfold_count_of_reversal) {
  struct ir_block *b = ir_block_new(0);
  uint32_t x = ir_get(b, IR_I64, SLOT(0)), w = ir_get(b, IR_I32, SLOT(3));
  uint32_t c1 = ir_unop(b, IR_CLZ, IR_I64, ir_unop(b, IR_BITREV, IR_I64, x));
  uint32_t c2 = ir_unop(b, IR_CTZ, IR_I32, ir_unop(b, IR_BITREV, IR_I32, w));
  uint32_t z = ir_binop(b, IR_SUB, IR_I32, ir_binop(b, IR_ADD, IR_I32, w, w), w);
  uint32_t z0 = ir_binop(b, IR_SUB, IR_I32, z, w);
  uint32_t c3 = ir_unop(b, IR_CLZ, IR_I32, ir_unop(b, IR_BITREV, IR_I32, z0));
  ir_put(b, SLOT(1), c1);
  ir_put(b, SLOT(2),
         ir_binop(b, IR_ADD, IR_I64, ir_ext(b, IR_ZEXT, IR_I64, c2, 32),
                  ir_ext(b, IR_ZEXT, IR_I64, c3, 32)));
  ir_goto(b, 4);
  ASSERT(equivalent_after(b, opt_constfold, &st0));
  ASSERT_EQ(b->insn[c1].op, IR_CTZ);
  ASSERT_EQ(b->insn[c1].a, x);
  ASSERT_EQ(b->insn[c2].op, IR_CLZ);
  ASSERT_EQ(b->insn[c2].a, w);
  ASSERT_EQ(b->insn[c3].op, IR_CTZ);
  ir_block_free(b);
}

/* Two shifts ORed into a rotation are a ROR, either way round, at either
 * width; the sign extensions of 32-bit halves (RV64's srliw, slliw, or) a
 * sign-extended 32-bit ROR when a NOP slot can hold it; counts that do not
 * add up to the width stay shifts. */
TEST(constfold_rotations) {
  struct ir_block *b = ir_block_new(0);
  uint32_t x = ir_get(b, IR_I64, SLOT(0)),
           w = ir_unop(b, IR_TRUNC, IR_I32, ir_get(b, IR_I64, SLOT(3)));
  uint32_t r1 = ir_binop(b, IR_OR, IR_I64, ir_binop(b, IR_SHR, IR_I64, x, ir_const(b, IR_I64, 13)),
                         ir_binop(b, IR_SHL, IR_I64, x, ir_const(b, IR_I64, 51)));
  uint32_t r2 = ir_binop(b, IR_OR, IR_I64, ir_binop(b, IR_SHL, IR_I64, x, ir_const(b, IR_I64, 8)),
                         ir_binop(b, IR_SHR, IR_I64, x, ir_const(b, IR_I64, 56)));
  uint32_t r3 = ir_binop(b, IR_OR, IR_I32, ir_binop(b, IR_SHR, IR_I32, w, ir_const(b, IR_I32, 3)),
                         ir_binop(b, IR_SHL, IR_I32, w, ir_const(b, IR_I32, 29)));
  uint32_t no = ir_binop(b, IR_OR, IR_I64, ir_binop(b, IR_SHR, IR_I64, x, ir_const(b, IR_I64, 13)),
                         ir_binop(b, IR_SHL, IR_I64, x, ir_const(b, IR_I64, 50)));
  uint32_t lo =
      ir_ext(b, IR_SEXT, IR_I64, ir_binop(b, IR_SHR, IR_I32, w, ir_const(b, IR_I32, 7)), 32);
  uint32_t hi =
      ir_ext(b, IR_SEXT, IR_I64, ir_binop(b, IR_SHL, IR_I32, w, ir_const(b, IR_I32, 25)), 32);
  ir_emit(b, IR_NOP, IR_VOID, 0, 0, 0, 0); /* room for the 32-bit ROR */
  uint32_t r4 = ir_binop(b, IR_OR, IR_I64, hi, lo);
  uint32_t r5 = ir_binop(b, IR_OR, IR_I64, lo, hi); /* no slot left: stays */
  ir_put(b, SLOT(1), ir_binop(b, IR_XOR, IR_I64, ir_binop(b, IR_XOR, IR_I64, r1, r2), r4));
  ir_put(b, SLOT(2),
         ir_binop(b, IR_ADD, IR_I64,
                  ir_binop(b, IR_ADD, IR_I64, ir_ext(b, IR_ZEXT, IR_I64, r3, 32), no), r5));
  ir_goto(b, 4);
  /* w = 0xc1: its 32-bit rotation by 7 has bit 31 set (0x82000001) */
  static const struct ostate st = {.r = {0x0123456789abcdef, 0, 0, 0x55555555000000c1}};
  ASSERT(equivalent_after(b, opt_constfold, &st));
  ASSERT_EQ(b->insn[r1].op, IR_ROR);
  ASSERT_EQ(b->insn[r1].a, x);
  ASSERT_EQ(b->insn[r2].op, IR_ROR);
  ASSERT_EQ(b->insn[b->insn[r2].b].imm, 56);
  ASSERT_EQ(b->insn[r3].op, IR_ROR);
  ASSERT_EQ(b->insn[no].op, IR_OR);
  ASSERT_EQ(b->insn[r4].op, IR_SEXT);
  ASSERT_EQ(b->insn[b->insn[r4].a].op, IR_ROR);
  ASSERT_EQ(b->insn[b->insn[r4].a].a, w);
  ASSERT_EQ(b->insn[r5].op, IR_OR);
  ir_block_free(b);
}

TEST(constfold_constant_exits) {
  struct ir_block *b = ir_block_new(0);
  uint32_t never = ir_exit_if(b, ir_const(b, IR_I32, 0), 0x100);
  ir_put(b, SLOT(0), ir_const(b, IR_I64, 1));
  uint32_t always = ir_exit_if(b, ir_const(b, IR_I32, 1), 0x200);
  uint32_t after = ir_put(b, SLOT(1), ir_const(b, IR_I64, 2));
  ir_goto(b, 0x300);
  ASSERT(equivalent_after(b, opt_constfold, &st0));
  ASSERT_EQ(b->insn[never].op, IR_NOP);
  ASSERT_EQ(b->insn[always].op, IR_GOTO);
  ASSERT_EQ(b->insn[always].imm, 0x200);
  ASSERT(b->n <= after || b->insn[after].op == IR_NOP);
  ASSERT(ir_block_ended(b));
  ir_block_free(b);
}

static int is_guest(const struct ir_block *b, uint32_t ref) {
  return b->insn[ref].op == IR_CONST && (b->insn[ref].aux & IR_CONST_GUEST);
}

/* A guest address plus or minus a constant stays a guest address, the
 * difference of two is a plain constant; equal values of different tags
 * never merge. */
TEST(constfold_keeps_guest_addresses) {
  struct ir_block *b = ir_block_new(0);
  uint32_t g = ir_const_guest(b, IR_I64, 0x400100), k = ir_const(b, IR_I64, 0x400100);
  uint32_t a1 = ir_binop(b, IR_ADD, IR_I64, g, ir_const(b, IR_I64, 8));
  uint32_t a2 = ir_binop(b, IR_ADD, IR_I64, ir_const(b, IR_I64, 16), g);
  uint32_t s1 = ir_binop(b, IR_SUB, IR_I64, g, ir_const(b, IR_I64, 0x100));
  uint32_t d = ir_binop(b, IR_SUB, IR_I64, a2, g);
  uint32_t p0 = ir_put(b, SLOT(0), ir_binop(b, IR_XOR, IR_I64, a1, d));
  uint32_t p1 = ir_put(b, SLOT(1), ir_binop(b, IR_SUB, IR_I64, s1, k));
  uint32_t g2 = ir_const_guest(b, IR_I64, 0x400100);
  uint32_t p2 = ir_put(b, SLOT(2), g2);
  uint32_t p3 = ir_put(b, SLOT(3), k);
  ir_goto(b, 4);
  ASSERT(equivalent_after(b, opt_constfold, &st0));
  ASSERT(is_guest(b, a1) && b->insn[a1].imm == 0x400108);
  ASSERT(is_guest(b, a2) && b->insn[a2].imm == 0x400110);
  uint32_t x = b->insn[p0].a, dk = b->insn[x].b; /* d, or the plain 16 it merged into */
  ASSERT(dk <= d && ir_is_const(b, dk) && b->insn[dk].imm == 16);
  ASSERT_EQ(b->insn[x].op, IR_XOR); /* guest ^ plain: not folded */
  uint32_t s2 = b->insn[p1].a;      /* (g - 0x100) - k: a guest address */
  ASSERT(is_guest(b, s2) && b->insn[s2].imm == (uint64_t)-0x100);
  ASSERT_EQ(b->insn[p2].a, g); /* merged with the guest address, not with k */
  ASSERT_EQ(b->insn[p3].a, k);
  ASSERT(!ir_is_const(b, g) && ir_is_guest_const(b, g));
  ir_block_free(b);
}

/* k - guest, guest ops other than + and -, and compares stay unfolded. */
TEST(constfold_leaves_other_guest_ops) {
  struct ir_block *b = ir_block_new(0);
  uint32_t g = ir_const_guest(b, IR_I64, 0x400100);
  uint32_t n = ir_binop(b, IR_SUB, IR_I64, ir_const(b, IR_I64, 0x1000), g);
  uint32_t m = ir_binop(b, IR_AND, IR_I64, g, ir_const(b, IR_I64, ~0xfffull));
  uint32_t c = ir_cmp(b, IR_LTU, IR_I64, g, ir_const(b, IR_I64, 0x500000));
  uint32_t t = ir_unop(b, IR_TRUNC, IR_I32, g);
  ir_put(b, SLOT(0), n);
  ir_put(b, SLOT(1), m);
  ir_put(b, SLOT(2), ir_ext(b, IR_ZEXT, IR_I64, c, 32));
  ir_put(b, SLOT(3), ir_ext(b, IR_ZEXT, IR_I64, t, 32));
  ir_goto(b, 4);
  ASSERT(equivalent_after(b, opt_run, &st0));
  for (uint32_t r = 1; r < b->n; r++)
    ASSERT(b->insn[r].op != IR_CONST || is_guest(b, r) || b->insn[r].imm != 0x400100);
  ASSERT(!b->unsaveable);
  ir_block_free(b);
}

/* --- regcache ------------------------------------------------------------ */

/* r[0..1] and r[2..3] as two v128 slots. */
TEST(regcache_forwards_v128) {
  struct ir_block *b = ir_block_new(0);
  uint32_t x = ir_get(b, IR_V128, SLOT(0));
  uint32_t y = ir_get(b, IR_V128, SLOT(0));
  uint32_t s = ir_vop(b, IR_VADD, IR_V128, 0, x, y, 0);
  uint32_t p1 = ir_put(b, SLOT(2), s);
  uint32_t z = ir_get(b, IR_V128, SLOT(2));
  uint32_t p2 = ir_put(b, SLOT(2), ir_vop(b, IR_VXOR, IR_V128, 0, z, x, 0));
  ir_goto(b, 4);
  ASSERT(equivalent_after(b, opt_regcache, &st0));
  ASSERT_EQ(b->insn[y].op, IR_NOP);
  ASSERT_EQ(b->insn[z].op, IR_NOP);
  ASSERT_EQ(b->insn[p1].op, IR_NOP); /* overwritten before anything saw it */
  ASSERT_EQ(b->insn[p2].op, IR_PUT);
  ir_block_free(b);
}

/* An i64 half of a known v128 is its lane (VEXTRACT); an i64 PUT over half
 * of a v128 slot is not killed by it, and a v128 GET then is a GET. */
TEST(regcache_v128_partial_overlap) {
  struct ir_block *b = ir_block_new(0);
  uint32_t v = ir_vconst(b, 0x1111, 0x2222);
  uint32_t p1 = ir_put(b, SLOT(0), v);
  uint32_t hi = ir_get(b, IR_I64, SLOT(1));
  ir_put(b, SLOT(3), hi);
  ir_put(b, SLOT(0), ir_const(b, IR_I64, 5)); /* an i64 over half of the v128 */
  uint32_t w = ir_get(b, IR_V128, SLOT(0));
  ir_put(b, SLOT(2), w);
  ir_goto(b, 4);
  ASSERT(equivalent_after(b, opt_regcache, &st0));
  ASSERT_EQ(b->insn[p1].op, IR_PUT);
  ASSERT_EQ(b->insn[hi].op, IR_VEXTRACT); /* the high lane of the known v128 */
  ASSERT_EQ(b->insn[hi].imm, 1);
  ASSERT_EQ(b->insn[w].op, IR_GET);
  ir_block_free(b);
}

/* A v128 GET of a slot written as an i64 and a zero high half (a scalar
 * write: a 16-byte load of two 8-byte stores, which the store buffer
 * cannot forward) is the i64 zero-extended; an i64 GET of the low half of
 * a v128 known to be such a value is the i64. A nonzero high half: a GET. */
TEST(regcache_v128_from_halves) {
  struct ir_block *b = ir_block_new(0);
  uint32_t lo = ir_get(b, IR_I64, SLOT(3));
  ir_put(b, SLOT(0), lo);
  ir_put(b, SLOT(1), ir_const(b, IR_I64, 0));
  uint32_t w = ir_get(b, IR_V128, SLOT(0));
  ir_put(b, SLOT(2), ir_vop(b, IR_VADD, IR_V128, 0, w, w, 0));
  uint32_t y = ir_get(b, IR_I64, SLOT(2));
  ir_put(b, SLOT(0), ir_vop(b, IR_VZEXT64, IR_V128, 0, y, 0, 0));
  uint32_t g = ir_get(b, IR_I64, SLOT(0));
  ir_put(b, SLOT(3), g);
  ir_put(b, SLOT(1), ir_const(b, IR_I64, 7));
  uint32_t h = ir_get(b, IR_V128, SLOT(0));
  ir_put(b, SLOT(2), h);
  ir_goto(b, 4);
  ASSERT(equivalent_after(b, opt_regcache, &st0));
  ASSERT_EQ(b->insn[w].op, IR_VZEXT64);
  ASSERT_EQ(b->insn[w].a, lo);
  ASSERT_EQ(b->insn[g].op, IR_NOP); /* replaced by y */
  ASSERT_EQ(b->insn[h].op, IR_GET);
  ir_block_free(b);
}

/* A VZEXT64 of a vector whose high half is 0 already (made by a VZEXT64,
 * a 64-bit load, an op that keeps zero bytes zero over such operands) is
 * that vector; over a GET, a VNOT (~0 is not 0) or an operand of either it
 * stays. The interpreter runs the block before and after on the same state. */
TEST(constfold_vzext64_of_high_zero) {
  struct ir_block *b = ir_block_new(0);
  uint32_t x = ir_vop(b, IR_VZEXT64, IR_V128, 0, ir_get(b, IR_V128, SLOT(0)), 0, 0);
  uint32_t y = ir_vop(b, IR_VZEXT64, IR_V128, 0, ir_get(b, IR_I64, SLOT(2)), 0, 0);
  uint32_t sum = ir_vop(b, IR_VADD, IR_V128, 2, ir_vop(b, IR_VSHL, IR_V128, 2, x, 0, 3), y, 0);
  uint32_t z1 = ir_vop(b, IR_VZEXT64, IR_V128, 0, sum, 0, 0);
  uint32_t n = ir_vop(b, IR_VNOT, IR_V128, 0, z1, 0, 0);
  uint32_t z2 = ir_vop(b, IR_VZEXT64, IR_V128, 0, n, 0, 0);
  uint32_t g = ir_get(b, IR_V128, SLOT(2));
  uint32_t z3 = ir_vop(b, IR_VZEXT64, IR_V128, 0, ir_vop(b, IR_VXOR, IR_V128, 0, g, z1, 0), 0, 0);
  ir_put(b, SLOT(0), z2);
  ir_put(b, SLOT(2), z3);
  ir_goto(b, 4);
  ASSERT(equivalent_after(b, opt_constfold, &st0));
  ASSERT_EQ(b->insn[z1].op, IR_NOP); /* replaced by sum */
  ASSERT_EQ(b->insn[z2].op, IR_VZEXT64);
  ASSERT_EQ(b->insn[z3].op, IR_VZEXT64);
  ir_block_free(b);
}

static uint32_t vzext(struct ir_block *b, uint32_t x) {
  return ir_vop(b, IR_VZEXT64, IR_V128, 0, x, 0, 0);
}

/* State whose high words are not 0 and whose low words carry out of lane 0,
 * so that a lane mixed up shows: r[0] and r[1] are i64s, r[3]'s low word
 * a 32-bit one. */
static const struct ostate st_lanes = {
    .r = {0xfedcba98f6543210, 0x11223344f5667788, 0, 0x8000000190000001}};

/* A vector op on two VZEXT64s of i64s (a 64-bit vector form's operands, or
 * integers a compiler keeps in FP registers) is the scalar op on them,
 * zero-extended, in NOP slots before it: bitwise ops and 64-bit lanes
 * always, 32-bit lanes where lane 1 of the result is 0 or one operand's
 * (the other's high word being 0); one with neither stays. A VEXTRACT of a
 * VZEXT64 is its i64, 0, or the low word. */
TEST(constfold_vector_ops_on_scalars) {
  struct ir_block *b = ir_block_new(0);
  uint32_t x = ir_get(b, IR_I64, SLOT(0)), y = ir_get(b, IR_I64, SLOT(1));
  uint32_t z =
      ir_ext(b, IR_ZEXT, IR_I64, ir_unop(b, IR_TRUNC, IR_I32, ir_get(b, IR_I64, SLOT(3))), 32);
  for (int k = 0; k < 24; k++) /* room */
    ir_emit(b, IR_NOP, IR_VOID, 0, 0, 0, 0);
  uint32_t vx = vzext(b, x), vy = vzext(b, y), vz = vzext(b, z);
  const uint32_t ops[] = {
      ir_vop(b, IR_VXOR, IR_V128, 0, vx, vy, 0), ir_vop(b, IR_VANDN, IR_V128, 0, vx, vy, 0),
      ir_vop(b, IR_VADD, IR_V128, 3, vx, vy, 0), ir_vop(b, IR_VADD, IR_V128, 2, vz, vy, 0),
      ir_vop(b, IR_VSUB, IR_V128, 2, vx, vz, 0), ir_vop(b, IR_VMUL, IR_V128, 2, vz, vx, 0),
      ir_vop(b, IR_VADD, IR_V128, 2, vz, vz, 0),
  };
  uint32_t stays = ir_vop(b, IR_VADD, IR_V128, 2, vx, vy, 0); /* lane 1: x's + y's */
  uint32_t lo = ir_vop(b, IR_VEXTRACT, IR_I64, 3, ops[3], 0, 0);
  uint32_t hi = ir_vop(b, IR_VEXTRACT, IR_I64, 3, ops[3], 0, 1);
  uint32_t w = ir_vop(b, IR_VEXTRACT, IR_I32, 2, ops[4], 0, 0);
  uint32_t acc = stays;
  for (unsigned k = 0; k < sizeof(ops) / sizeof(ops[0]); k++)
    acc = ir_vop(b, IR_VXOR, IR_V128, 0, ir_vop(b, IR_VSHL, IR_V128, 3, acc, 0, 5), ops[k], 0);
  ir_put(b, SLOT(0), acc);
  ir_put(b, SLOT(2),
         ir_binop(b, IR_ADD, IR_I64, ir_binop(b, IR_SUB, IR_I64, lo, hi),
                  ir_ext(b, IR_ZEXT, IR_I64, w, 32)));
  ir_goto(b, 4);
  ASSERT(equivalent_after(b, opt_constfold, &st_lanes));
  for (unsigned k = 0; k < sizeof(ops) / sizeof(ops[0]); k++) {
    ASSERT_EQ(b->insn[ops[k]].op, IR_VZEXT64);
    ASSERT_EQ(b->insn[b->insn[ops[k]].a].type, IR_I64);
  }
  ASSERT_EQ(b->insn[stays].op, IR_VADD);
  ASSERT_EQ(b->insn[lo].op, IR_NOP); /* replaced by the scalar */
  ASSERT(b->insn[hi].op == IR_NOP || b->insn[hi].op == IR_CONST);
  ASSERT_EQ(b->insn[w].op, IR_TRUNC);
  ir_block_free(b);
}

/* Without NOP slots for it, the pipeline makes room (opt_spread.c) and
 * walks again: the 32-bit-lane add of a high-word-0 value and a GET's is
 * scalar, its v128 PUT two i64 PUTs (the high one 0), and the new
 * instructions belong to the add's guest instruction. */
TEST(pipeline_makes_room_for_scalar_ops) {
  struct ir_block *b = ir_block_new(0);
  ir_mark(b, 0x100);
  uint32_t z =
      ir_ext(b, IR_ZEXT, IR_I64, ir_unop(b, IR_TRUNC, IR_I32, ir_get(b, IR_I64, SLOT(3))), 32);
  uint32_t vz = vzext(b, z);
  ir_mark(b, 0x104);
  uint32_t vy = vzext(b, ir_get(b, IR_I64, SLOT(1)));
  uint32_t sum = ir_vop(b, IR_VADD, IR_V128, 2, vz, vy, 0);
  ir_put(b, SLOT(0), vzext(b, sum));
  ir_mark(b, 0x108);
  ir_put(b, SLOT(2), ir_vop(b, IR_VEXTRACT, IR_I64, 3, ir_get(b, IR_V128, SLOT(0)), 0, 1));
  ir_goto(b, 4);
  ASSERT(equivalent_after(b, opt_run, &st_lanes));
  int puts64 = 0;
  for (uint32_t r = 1; r < b->n; r++) {
    const struct ir_insn *i = &b->insn[r];
    ASSERT(i->op != IR_VADD && !(i->op == IR_PUT && i->type == IR_V128));
    puts64 += i->op == IR_PUT && i->type == IR_I64 && i->imm <= SLOT(1);
    if (i->op == IR_XOR && i->type == IR_I64) /* lane 1 kept: y ^ zext(sum ^ y) */
      ASSERT_EQ(ir_pc_of(b, r), 0x104);
  }
  ASSERT_EQ(puts64, 2);
  ir_block_free(b);
}

static uint32_t vrot(struct ir_block *b, uint32_t x, unsigned aux, unsigned k) {
  return ir_vop(b, IR_VOR, IR_V128, 0, ir_vop(b, IR_VSHRU, IR_V128, aux, x, 0, k),
                ir_vop(b, IR_VSHL, IR_V128, aux, x, 0, (8u << aux) - k), 0);
}

/* A rotation of lanes by whole bytes (two shifts ORed, either way round)
 * is a VTBL with a constant table, one of a VTBL one VTBL (REV32: halves
 * swapped, then bytes); by bits it stays. */
TEST(constfold_byte_rotations_are_permutations) {
  struct ir_block *b = ir_block_new(0);
  uint32_t x = ir_get(b, IR_V128, SLOT(0));
  for (int k = 0; k < 8; k++) /* room */
    ir_emit(b, IR_NOP, IR_VOID, 0, 0, 0, 0);
  uint32_t words = vrot(b, x, 3, 32); /* swap the words of each 64-bit lane */
  uint32_t half = vrot(b, x, 2, 16);
  uint32_t rev32 = vrot(b, half, 1, 8);
  uint32_t other = ir_vop(b, IR_VOR, IR_V128, 0, ir_vop(b, IR_VSHL, IR_V128, 2, x, 0, 8),
                          ir_vop(b, IR_VSHRU, IR_V128, 2, x, 0, 24), 0);
  uint32_t bits = vrot(b, x, 2, 4);
  uint32_t sum = ir_vop(b, IR_VADD, IR_V128, 2, rev32, other, 0);
  ir_put(b, SLOT(0), ir_vop(b, IR_VXOR, IR_V128, 0, words, sum, 0));
  ir_put(b, SLOT(2), bits);
  ir_goto(b, 4);
  ASSERT(equivalent_after(b, opt_constfold, &st_lanes));
  ASSERT_EQ(b->insn[words].op, IR_VTBL);
  ASSERT_EQ(b->insn[other].op, IR_VTBL);
  ASSERT_EQ(b->insn[rev32].op, IR_VTBL);
  ASSERT_EQ(b->insn[rev32].a, x); /* both rotations in one table */
  ASSERT_EQ(b->insn[bits].op, IR_VOR);
  ir_block_free(b);
}

/* Byte moves that put every byte of a value back where it was are that
 * value: x's 64-bit halves zipped with y's, the words of each swapped,
 * zipped back and swapped again (SHA256H's state to x86's layout and
 * back); without the last swap they are not. x | x is x. */
TEST(constfold_byte_round_trip_is_the_value) {
  struct ir_block *b = ir_block_new(0);
  uint32_t x = ir_get(b, IR_V128, SLOT(0)), y = ir_get(b, IR_V128, SLOT(2));
  for (int k = 0; k < 8; k++) /* room */
    ir_emit(b, IR_NOP, IR_VOID, 0, 0, 0, 0);
  uint32_t p = vrot(b, ir_vop(b, IR_VZIP1, IR_V128, 3, x, y, 0), 3, 32);
  uint32_t q = vrot(b, ir_vop(b, IR_VZIP2, IR_V128, 3, x, y, 0), 3, 32);
  uint32_t half = ir_vop(b, IR_VZIP1, IR_V128, 3, p, q, 0);
  uint32_t back = vrot(b, half, 3, 32);
  uint32_t same = ir_vop(b, IR_VOR, IR_V128, 0, y, y, 0);
  ir_put(b, SLOT(0), ir_vop(b, IR_VADD, IR_V128, 2, back, half, 0));
  ir_put(b, SLOT(2), same);
  ir_goto(b, 4);
  ASSERT(equivalent_after(b, opt_constfold, &st_lanes));
  ASSERT_EQ(b->insn[back].op, IR_NOP); /* replaced by x */
  ASSERT_EQ(b->insn[half].op, IR_VZIP1);
  ASSERT_EQ(b->insn[same].op, IR_NOP); /* replaced by y */
  ir_block_free(b);
}

/* An i64 GET of a known v128's low half becomes that lane (VEXTRACT) in
 * place, which CSE may merge into an equal earlier one; a second GET of
 * the half is then that earlier value, not the merged-away one (whose
 * number, after opt_compact, names nothing). */
TEST(regcache_known_value_merged_by_cse) {
  struct ir_block *b = ir_block_new(0);
  uint32_t v =
      ir_vop(b, IR_VADD, IR_V128, 3, ir_get(b, IR_V128, SLOT(0)), ir_get(b, IR_V128, SLOT(2)), 0);
  ir_put(b, SLOT(2), v);
  uint32_t lane = ir_vop(b, IR_VEXTRACT, IR_I64, 3, v, 0, 0);
  uint32_t g1 = ir_get(b, IR_I64, SLOT(2)), g2 = ir_get(b, IR_I64, SLOT(2));
  ir_put(b, SLOT(0), ir_binop(b, IR_ADD, IR_I64, ir_binop(b, IR_XOR, IR_I64, g1, lane), g2));
  ir_goto(b, 4);
  ASSERT(equivalent_after(b, opt_run, &st0));
  for (uint32_t i = 1; i < b->n; i++) { /* no operand names a NOP (or nothing) */
    const struct ir_insn *in = &b->insn[i];
    const uint32_t ops[3] = {in->a, in->b, in->c};
    for (unsigned k = 0; k < ir_op_info[in->op].nargs; k++)
      ASSERT(ops[k] && ops[k] < i && b->insn[ops[k]].op != IR_NOP);
  }
  ir_block_free(b);
}

TEST(dce_and_constfold_keep_vector_meaning) {
  struct ir_block *b = ir_block_new(0);
  uint32_t c = ir_vconst(b, 3, 4);
  uint32_t unused = ir_vop(b, IR_VADD, IR_V128, 2, c, c, 0);
  uint32_t d = ir_vop(b, IR_VDUP, IR_V128, 1, ir_const(b, IR_I64, 0x1234), 0, 0);
  uint32_t e = ir_vop(b, IR_VEXTRACT, IR_I64, 1, ir_vop(b, IR_VAND, IR_V128, 0, c, d, 0), 0, 0);
  ir_put(b, SLOT(0), e);
  ir_goto(b, 4);
  ASSERT(equivalent_after(b, opt_run, &st0));
  (void)unused;
  int vadds = 0, vconsts = 0;
  for (uint32_t i = 1; i < b->n; i++) {
    vadds += b->insn[i].op == IR_VADD;
    vconsts += b->insn[i].op == IR_VCONST;
  }
  ASSERT_EQ(vadds, 0); /* the unused one is gone */
  ASSERT_EQ(vconsts, 1);
  ir_block_free(b);
}

TEST(compact_drops_nops_and_renumbers) {
  struct ir_block *b = ir_block_new(0);
  uint32_t x = ir_get(b, IR_I64, SLOT(0));
  uint32_t dead = ir_binop(b, IR_MUL, IR_I64, x, x);
  uint32_t y = ir_binop(b, IR_ADD, IR_I64, x, ir_const(b, IR_I64, 5));
  ir_put(b, SLOT(1), y);
  ir_goto(b, 4);
  b->insn[dead] = (struct ir_insn){.op = IR_NOP};
  uint32_t n = b->n;
  ASSERT(equivalent_after(b, opt_compact, &st0));
  ASSERT_EQ(b->n, n - 1);
  ASSERT_EQ(b->insn[dead].op, IR_CONST); /* everything after moved up by one */
  ASSERT_EQ(b->insn[y - 1].op, IR_ADD);
  ASSERT_EQ(b->insn[y - 1].b, dead);
  ir_block_free(b);
}

/* A mark moves with the first instruction kept at or after it; one whose
 * instructions all went points at the next guest instruction's first. */
TEST(compact_moves_marks) {
  struct ir_block *b = ir_block_new(0);
  ir_mark(b, 0x100);
  uint32_t x = ir_get(b, IR_I64, SLOT(0));
  ir_mark(b, 0x104);
  uint32_t dead = ir_binop(b, IR_MUL, IR_I64, x, x);
  ir_mark(b, 0x108);
  uint32_t c = ir_const(b, IR_I64, 5);
  uint32_t y = ir_binop(b, IR_ADD, IR_I64, x, c);
  ir_put(b, SLOT(1), y);
  ir_mark(b, 0x10c);
  ir_goto(b, 4);
  b->insn[dead] = (struct ir_insn){.op = IR_NOP};
  opt_compact(b);
  ASSERT_EQ(b->n_marks, 4u);
  ASSERT_EQ(b->marks[0].ref, 1u);       /* the get */
  ASSERT_EQ(b->marks[1].ref, 2u);       /* its mul is gone: where 0x108 starts */
  ASSERT_EQ(b->marks[2].ref, 2u);       /* the const */
  ASSERT_EQ(b->marks[3].ref, b->n - 1); /* the goto */
  ASSERT_EQ(b->insn[b->marks[3].ref].op, IR_GOTO);
  ir_block_free(b);
}

TEST(regcache_forwards_gets) {
  struct ir_block *b = ir_block_new(0);
  uint32_t x = ir_get(b, IR_I64, SLOT(0));
  uint32_t y = ir_get(b, IR_I64, SLOT(0));
  uint32_t s = ir_binop(b, IR_ADD, IR_I64, x, y);
  ir_put(b, SLOT(1), s);
  uint32_t z = ir_get(b, IR_I64, SLOT(1));
  uint32_t p = ir_put(b, SLOT(2), z);
  ir_goto(b, 4);
  ASSERT(equivalent_after(b, opt_regcache, &st0));
  ASSERT_EQ(b->insn[y].op, IR_NOP);
  ASSERT_EQ(b->insn[s].b, x);
  ASSERT_EQ(b->insn[z].op, IR_NOP);
  ASSERT_EQ(b->insn[p].a, s);
  ir_block_free(b);
}

TEST(regcache_dead_flags) {
  struct ir_block *b = ir_block_new(0);
  uint32_t x = ir_get(b, IR_I64, SLOT(0));
  uint32_t f1 = ir_flags(b, IR_FLAGS_ADD, IR_I64, x, x, 0);
  uint32_t p1 = ir_put(b, NZCV, f1);
  uint32_t f2 = ir_flags(b, IR_FLAGS_LOGIC, IR_I64, x, 0, 0);
  uint32_t p2 = ir_put(b, NZCV, f2);
  ir_goto(b, 4);
  ASSERT(equivalent_after(b, opt_regcache, &st0));
  ASSERT_EQ(b->insn[p1].op, IR_NOP);
  ASSERT_EQ(b->insn[p2].op, IR_PUT);
  opt_dce(b);
  ASSERT_EQ(b->insn[f1].op, IR_NOP);
  ASSERT_EQ(b->insn[f2].op, IR_FLAGS_LOGIC);
  ir_block_free(b);
}

/* PUT; <barrier>; PUT: the first PUT must stay. */
static int put_survives(int barrier) {
  struct ir_block *b = ir_block_new(0);
  uint32_t x = ir_get(b, IR_I64, SLOT(0));
  uint32_t p1 = ir_put(b, SLOT(1), x);
  uint32_t addr = ir_const(b, IR_I64, (uintptr_t)&mem[1]);
  switch (barrier) {
  case 0: ir_store(b, addr, x, 3); break;
  case 1: ir_load(b, IR_I64, addr, 2, 1); break;
  case 2: ir_exit_if(b, ir_cmp(b, IR_EQ, IR_I64, x, ir_const(b, IR_I64, 10)), 0x40); break;
  case 3: ir_get(b, IR_I32, SLOT(1) + 4); break;
  default: ir_call(b, IR_VOID, (void *)(uintptr_t)abs, 0, 0, 0); break;
  }
  ir_put(b, SLOT(1), ir_const(b, IR_I64, 3));
  ir_goto(b, 4);
  int ok = 1;
  if (barrier != 4) /* abs() is not a helper: only check the IR */
    ok = equivalent_after(b, opt_regcache, &st0);
  else
    opt_regcache(b);
  ok = ok && b->insn[p1].op == IR_PUT;
  ir_block_free(b);
  return ok;
}

TEST(regcache_barriers_keep_puts) {
  for (int k = 0; k < 5; k++)
    ASSERT(put_survives(k));
}

static uint64_t helper_bump(struct cpu *c, uint64_t a, uint64_t b, uint64_t d) {
  (void)a, (void)b, (void)d;
  ((struct ostate *)c)->r[0] += 1;
  return 0;
}

TEST(regcache_call_drops_known) {
  struct ir_block *b = ir_block_new(0);
  uint32_t x = ir_get(b, IR_I64, SLOT(0));
  ir_call(b, IR_VOID, helper_bump, 0, 0, 0);
  uint32_t y = ir_get(b, IR_I64, SLOT(0));
  ir_put(b, SLOT(1), ir_binop(b, IR_SUB, IR_I64, y, x));
  ir_goto(b, 4);
  ASSERT(equivalent_after(b, opt_regcache, &st0));
  ASSERT_EQ(b->insn[y].op, IR_GET);
  ir_block_free(b);
}

TEST(regcache_partial_overlap) {
  struct ir_block *b = ir_block_new(0);
  uint32_t x = ir_get(b, IR_I64, SLOT(0));
  ir_put(b, SLOT(3), x);
  ir_put(b, SLOT(3) + 4, ir_const(b, IR_I32, 0xabcd));
  uint32_t g64 = ir_get(b, IR_I64, SLOT(3));
  uint32_t g32 = ir_get(b, IR_I32, SLOT(3) + 4);
  uint32_t lo = ir_get(b, IR_I32, SLOT(3));
  ir_put(b, SLOT(1), g64);
  ir_put(b, SLOT(2), ir_ext(b, IR_ZEXT, IR_I64, ir_binop(b, IR_ADD, IR_I32, g32, lo), 32));
  ir_goto(b, 4);
  ASSERT(equivalent_after(b, opt_regcache, &st0));
  ASSERT_EQ(b->insn[g64].op, IR_GET);
  ASSERT_EQ(b->insn[g32].op, IR_NOP); /* exact match: forwarded */
  ASSERT_EQ(b->insn[lo].op, IR_GET);  /* inside an i64 value: not forwarded */
  ir_block_free(b);
}

TEST(regcache_wider_put_kills_narrow) {
  struct ir_block *b = ir_block_new(0);
  uint32_t p1 = ir_put(b, SLOT(3) + 4, ir_const(b, IR_I32, 1));
  uint32_t p2 = ir_put(b, SLOT(3), ir_const(b, IR_I32, 2));
  uint32_t p3 = ir_put(b, SLOT(3), ir_const(b, IR_I64, 3));
  ir_goto(b, 4);
  ASSERT(equivalent_after(b, opt_regcache, &st0));
  ASSERT_EQ(b->insn[p1].op, IR_NOP);
  ASSERT_EQ(b->insn[p2].op, IR_NOP);
  ASSERT_EQ(b->insn[p3].op, IR_PUT);
  ir_block_free(b);
}

TEST(regcache_narrow_put_keeps_wide) {
  struct ir_block *b = ir_block_new(0);
  uint32_t p1 = ir_put(b, SLOT(3), ir_const(b, IR_I64, 3));
  ir_put(b, SLOT(3), ir_const(b, IR_I32, 2));
  ir_goto(b, 4);
  ASSERT(equivalent_after(b, opt_regcache, &st0));
  ASSERT_EQ(b->insn[p1].op, IR_PUT);
  ir_block_free(b);
}

/* Slots 512 bytes apart share a bit of the lists' granule filter
 * (opt_regcache.c): the lists are walked, and each slot is still its own. */
TEST(regcache_granule_filter_collisions) {
  const uint32_t a = SLOT(0), far = SLOT(0) + 512;
  struct ir_block *b = ir_block_new(0);
  uint32_t x = ir_get(b, IR_I64, a);
  uint32_t p1 = ir_put(b, far, x);
  uint32_t y = ir_get(b, IR_I64, a);
  uint32_t z = ir_get(b, IR_I64, far);
  uint32_t p2 = ir_put(b, a, ir_const(b, IR_I64, 7));
  uint32_t w = ir_get(b, IR_I64, far);
  uint32_t v = ir_get(b, IR_I64, a);
  ir_put(b, SLOT(1),
         ir_binop(b, IR_ADD, IR_I64, ir_binop(b, IR_ADD, IR_I64, y, z),
                  ir_binop(b, IR_ADD, IR_I64, w, v)));
  ir_goto(b, 4);
  opt_regcache(b);
  ASSERT_EQ(b->insn[p1].op, IR_PUT); /* not covered by the PUT of the other slot */
  ASSERT_EQ(b->insn[p2].op, IR_PUT);
  ASSERT_EQ(b->insn[y].op, IR_NOP); /* each GET forwarded from its own slot's value */
  ASSERT_EQ(b->insn[z].op, IR_NOP);
  ASSERT_EQ(b->insn[w].op, IR_NOP);
  ASSERT_EQ(b->insn[v].op, IR_NOP);
  ASSERT_EQ(b->insn[p2 - 1].op, IR_CONST);
  ir_block_free(b);
}

/* --- dce ----------------------------------------------------------------- */

TEST(dce_removes_unused_keeps_effects) {
  struct ir_block *b = ir_block_new(0);
  ir_mark(b, 0);
  uint32_t x = ir_get(b, IR_I64, SLOT(0));
  uint32_t dead = ir_binop(b, IR_MUL, IR_I64, x, x);
  uint32_t unused_get = ir_get(b, IR_I64, SLOT(1));
  uint32_t addr = ir_const(b, IR_I64, (uintptr_t)&mem[0]);
  uint32_t ld = ir_load(b, IR_I64, addr, 3, 0); /* may fault: stays */
  ir_put(b, SLOT(2), x);
  ir_goto(b, 4);
  ASSERT(equivalent_after(b, opt_dce, &st0));
  ASSERT_EQ(b->insn[dead].op, IR_NOP);
  ASSERT_EQ(b->insn[unused_get].op, IR_NOP);
  ASSERT_EQ(b->insn[ld].op, IR_LOAD);
  ASSERT_EQ(b->insn[addr].op, IR_CONST);
  ASSERT_EQ(b->n_marks, 1u); /* the mark is not an instruction: dce leaves it */
  ASSERT_EQ(b->marks[0].ref, 1u);
  ir_block_free(b);
}

TEST(cse_merges_equal_pure_ops) {
  struct ir_block *b = ir_block_new(0);
  uint32_t x = ir_get(b, IR_I64, SLOT(0)), y = ir_get(b, IR_I64, SLOT(1));
  uint32_t k = ir_const(b, IR_I64, 3);
  uint32_t s1 = ir_binop(b, IR_SHL, IR_I64, x, k), s2 = ir_binop(b, IR_SHL, IR_I64, x, k);
  uint32_t a1 = ir_binop(b, IR_ADD, IR_I64, x, y), a2 = ir_binop(b, IR_ADD, IR_I64, y, x);
  uint32_t d1 = ir_binop(b, IR_SUB, IR_I64, x, y), d2 = ir_binop(b, IR_SUB, IR_I64, y, x);
  uint32_t l1 = ir_load(b, IR_I64, ir_const(b, IR_I64, (uintptr_t)&mem[0]), 3, 0);
  uint32_t l2 = ir_load(b, IR_I64, ir_const(b, IR_I64, (uintptr_t)&mem[0]), 3, 0);
  uint32_t p = ir_put(b, SLOT(2), ir_binop(b, IR_XOR, IR_I64, s2, a2));
  ir_put(b, SLOT(3), ir_binop(b, IR_XOR, IR_I64, d1, d2));
  ir_put(b, SLOT(4), ir_binop(b, IR_XOR, IR_I64, l1, l2));
  ir_goto(b, 4);
  ASSERT(equivalent_after(b, opt_cse, &st0));
  ASSERT_EQ(b->insn[s2].op, IR_NOP);
  ASSERT_EQ(b->insn[a2].op, IR_NOP); /* add is commutative */
  ASSERT_EQ(b->insn[b->insn[p].a].a, s1);
  ASSERT_EQ(b->insn[b->insn[p].a].b, a1);
  ASSERT_EQ(b->insn[d2].op, IR_SUB);  /* sub is not */
  ASSERT_EQ(b->insn[l2].op, IR_LOAD); /* loads are not pure */
  ir_block_free(b);
}

/* --- the pipeline on random blocks --------------------------------------- */

static uint64_t rng = 0x9e3779b97f4a7c15;
static uint64_t rnd(void) {
  rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
  return rng;
}
static unsigned pick(unsigned n) {
  return (unsigned)(rnd() % n);
}

static const uint64_t interesting[] = {0,          1,          2,     31,    32,
                                       63,         64,         0x7f,  0x80,  0xffffffff,
                                       0x80000000, 1ull << 63, -1ull, -2ull, 0x7fffffff};

struct gen {
  struct ir_block *b;
  uint32_t v[2][256]; /* values by type: [0] i32, [1] i64 */
  unsigned nv[2];
};

static enum ir_type ty(int k) {
  return k ? IR_I64 : IR_I32;
}

static void gen_add(struct gen *g, uint32_t r) {
  int k = g->b->insn[r].type == IR_I64;
  if (g->nv[k] < 256)
    g->v[k][g->nv[k]++] = r;
}

static uint32_t gen_const(struct gen *g, int k) {
  uint64_t v = pick(3) ? interesting[pick(15)] : rnd();
  uint32_t r = ir_const(g->b, ty(k), v);
  gen_add(g, r);
  return r;
}

static uint32_t gen_val(struct gen *g, int k) {
  if (!g->nv[k] || !pick(6))
    return gen_const(g, k);
  return g->v[k][g->nv[k] - 1 - pick(g->nv[k] < 8 ? g->nv[k] : 8)];
}

/* Slots: r0..r2 i64, r3 as i64 or two i32 halves, nzcv i32. */
static void gen_slot(int k, uint32_t *off) {
  if (k) {
    *off = SLOT(pick(4));
    return;
  }
  static const uint32_t s32[] = {SLOT(3), SLOT(3) + 4, NZCV};
  *off = s32[pick(3)];
}

static uint64_t helper_mix(struct cpu *c, uint64_t a, uint64_t b, uint64_t d) {
  struct ostate *s = (struct ostate *)c;
  s->r[2] = s->r[1] * 3 + a;
  return a ^ s->r[0] ^ b ^ d;
}

static uint32_t gen_addr(struct gen *g) {
  uint32_t base = ir_const(g->b, IR_I64, (uintptr_t)mem);
  uint32_t off = ir_binop(g->b, IR_AND, IR_I64, gen_val(g, 1), ir_const(g->b, IR_I64, 0x38));
  return ir_binop(g->b, IR_ADD, IR_I64, base, off);
}

static void gen_arith(struct gen *g, int k) {
  static const enum ir_op bins[] = {IR_ADD,  IR_SUB, IR_MUL, IR_MULHU, IR_MULHS, IR_DIVU,
                                    IR_DIVS, IR_AND, IR_OR,  IR_XOR,   IR_SHL,   IR_SHR,
                                    IR_SAR,  IR_ROR, IR_ADD, IR_AND,   IR_OR};
  static const enum ir_op uns[] = {IR_NOT, IR_NEG, IR_CLZ, IR_CTZ, IR_POPCNT, IR_BSWAP, IR_BITREV};
  uint32_t r;
  if (pick(4))
    r = ir_binop(g->b, bins[pick(17)], ty(k), gen_val(g, k), gen_val(g, k));
  else
    r = ir_unop(g->b, uns[pick(7)], ty(k), gen_val(g, k));
  gen_add(g, r);
}

static void gen_flags(struct gen *g, int k) {
  static const enum ir_op fl[] = {IR_FLAGS_ADD, IR_FLAGS_SUB, IR_FLAGS_ADC, IR_FLAGS_SBC,
                                  IR_FLAGS_LOGIC};
  enum ir_op op = fl[pick(5)];
  uint32_t c = op == IR_FLAGS_ADC || op == IR_FLAGS_SBC
                   ? ir_binop(g->b, IR_AND, IR_I32, gen_val(g, 0), ir_const(g->b, IR_I32, 1))
                   : 0;
  uint32_t y = op == IR_FLAGS_LOGIC ? 0 : gen_val(g, k);
  uint32_t f = ir_flags(g->b, op, ty(k), gen_val(g, k), y, c);
  gen_add(g, f);
  if (pick(2))
    ir_put(g->b, NZCV, f);
}

static void gen_misc(struct gen *g, int k) {
  uint32_t r;
  switch (pick(5)) {
  case 0: r = ir_cmp(g->b, pick(10), ty(k), gen_val(g, k), gen_val(g, k)); break;
  case 1: r = ir_select(g->b, ty(k), gen_val(g, 0), gen_val(g, k), gen_val(g, k)); break;
  case 2: r = ir_cond(g->b, pick(16), gen_val(g, 0)); break;
  case 3:
    r = ir_ext(g->b, pick(2) ? IR_SEXT : IR_ZEXT, ty(k), gen_val(g, pick(2)), 8 << pick(2));
    break;
  default:
    r = k ? ir_ext(g->b, IR_ZEXT, IR_I64, gen_val(g, 0), 32)
          : ir_unop(g->b, IR_TRUNC, IR_I32, gen_val(g, 1));
    break;
  }
  gen_add(g, r);
}

static void gen_state(struct gen *g, int k) {
  uint32_t off;
  gen_slot(k, &off);
  if (pick(2))
    gen_add(g, ir_get(g->b, ty(k), off));
  else
    ir_put(g->b, off, gen_val(g, k));
}

static void gen_mem(struct gen *g, int k) {
  switch (pick(6)) {
  case 0: gen_add(g, ir_load(g->b, ty(k), gen_addr(g), pick(k ? 4 : 3), pick(2))); break;
  case 1: ir_store(g->b, gen_addr(g), gen_val(g, k), pick(k ? 4 : 3)); break;
  case 2:
    gen_add(g, ir_cas(g->b, ty(k), gen_addr(g), gen_val(g, k), gen_val(g, k), k ? 3 : 2));
    break;
  case 3: gen_add(g, ir_atomic(g->b, pick(9), ty(k), gen_addr(g), gen_val(g, k), k ? 3 : 2)); break;
  case 4: gen_add(g, ir_call(g->b, IR_I64, helper_mix, gen_val(g, 1), 0, gen_val(g, 1))); break;
  default:
    ir_exit_if(g->b, ir_cmp(g->b, IR_LTU, IR_I64, gen_val(g, 1), ir_const(g->b, IR_I64, 0x1000)),
               0x7000 + pick(16));
    break;
  }
}

static void gen_end(struct gen *g) {
  switch (pick(4)) {
  case 0: ir_goto(g->b, 0x8000); break;
  case 1: ir_jump(g->b, gen_val(g, 1)); break;
  case 2: ir_syscall(g->b, 0x8004); break;
  default: ir_trap(g->b, SIGSEGV, 0x8008); break;
  }
}

static struct ir_block *gen_block(void) {
  struct gen g = {.b = ir_block_new(0x4000)};
  unsigned len = 5 + pick(60);
  for (unsigned s = 0; s < len; s++) {
    int k = pick(2);
    switch (pick(10)) {
    case 0:
    case 1:
    case 2: gen_state(&g, k); break;
    case 3:
    case 4:
    case 5: gen_arith(&g, k); break;
    case 6: gen_flags(&g, k); break;
    case 7: gen_misc(&g, k); break;
    case 8: gen_mem(&g, k); break;
    default: gen_const(&g, k); break;
    }
  }
  gen_end(&g);
  return g.b;
}

static void random_state(struct ostate *s, uint64_t *m) {
  memset(s, 0, sizeof(*s));
  for (int k = 0; k < 4; k++)
    s->r[k] = pick(2) ? interesting[pick(15)] : rnd();
  s->nzcv = rnd() & 15;
  for (int k = 0; k < 8; k++)
    m[k] = pick(2) ? interesting[pick(15)] : rnd();
}

static int random_case(void (*pass)(struct ir_block *)) {
  struct ir_block *b = gen_block();
  struct ir_block *before = clone(b);
  int ok = ir_verify(before) == 0;
  pass(b);
  ok = ok && ir_verify(b) == 0;
  for (int t = 0; ok && t < 4; t++) {
    struct ostate s;
    uint64_t m[8];
    struct outcome x, y;
    random_state(&s, m);
    run(before, &s, m, &x);
    run(b, &s, m, &y);
    ok = same(&x, &y);
  }
  if (!ok) {
    ir_print(stderr, before);
    ir_print(stderr, b);
  }
  ir_block_free(before);
  ir_block_free(b);
  return ok;
}

TEST(random_blocks_each_pass) {
  for (int n = 0; n < 1000; n++) {
    ASSERT(random_case(opt_constfold));
    ASSERT(random_case(opt_regcache));
    ASSERT(random_case(opt_dce));
    ASSERT(random_case(opt_cse));
    ASSERT(random_case(opt_compact));
  }
}

TEST(random_blocks_pipeline) {
  for (int n = 0; n < 5000; n++)
    ASSERT(random_case(opt_run));
}

TEST(pipeline_shrinks_a_typical_block) {
  struct ir_block *b = ir_block_new(0);
  for (int k = 0; k < 4; k++) { /* four "adds x0, x0, #1" in a row */
    uint32_t x = ir_get(b, IR_I64, SLOT(0));
    uint32_t one = ir_const(b, IR_I64, 1);
    ir_put(b, NZCV, ir_flags(b, IR_FLAGS_ADD, IR_I64, x, one, 0));
    ir_put(b, SLOT(0), ir_binop(b, IR_ADD, IR_I64, x, one));
  }
  ir_goto(b, 4);
  ASSERT(equivalent_after(b, opt_run, &st0));
  unsigned live = 0, gets = 0, puts = 0;
  for (uint32_t r = 1; r < b->n; r++) {
    live += b->insn[r].op != IR_NOP;
    gets += b->insn[r].op == IR_GET;
    puts += b->insn[r].op == IR_PUT;
  }
  ASSERT_EQ(gets, 1);
  ASSERT_EQ(puts, 2);
  ASSERT(live <= 10);
  ir_block_free(b);
}

TEST_MAIN("opt")
