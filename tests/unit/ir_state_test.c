/* ir_state_test.c - ir_get's knowledge of the guest state while a block is
 * built (ir/ir_state.c): which GETs it answers from an earlier GET or PUT,
 * and everything that must make it read the state again. Each case builds
 * IR and checks whether a GET instruction was emitted; the last runs a
 * block both ways through the interpreter. */
#include <stddef.h>
#include "test.h"
#include "../../ir/ir.h"
#include "../../xrun.h"

struct tstate {
  struct cpu c;
  uint64_t r[4];
};
#define SLOT(k) ((uint32_t)offsetof(struct tstate, r[k]))

static struct ir_block *new_block(int forward) {
  struct ir_block *b = ir_block_new(0x1000);
  b->forward_state = (uint8_t)forward;
  return b;
}

/* Whether ref is a GET b emitted (not a value ir_get forwarded). */
static int is_get(const struct ir_block *b, uint32_t ref) {
  return b->insn[ref].op == IR_GET;
}

static uint64_t helper_one(struct cpu *c, uint64_t a, uint64_t b, uint64_t d) {
  (void)c, (void)a, (void)b, (void)d;
  return 1;
}

/* A W register read back after a write: the TRUNC of the ZEXT is the i32
 * written, no instruction; a TRUNC of anything else is one, and without
 * forward_state every TRUNC is. */
TEST(trunc_of_zext_is_the_i32) {
  for (int forward = 0; forward < 2; forward++) {
    struct ir_block *b = new_block(forward);
    uint32_t x = ir_get(b, IR_I64, SLOT(1));
    uint32_t w = ir_unop(b, IR_TRUNC, IR_I32, x);
    ASSERT(w != x && b->insn[w].op == IR_TRUNC);
    uint32_t s = ir_binop(b, IR_ADD, IR_I32, w, ir_const(b, IR_I32, 1));
    uint32_t z = ir_ext(b, IR_ZEXT, IR_I64, s, 32);
    uint32_t n = b->n;
    uint32_t t = ir_unop(b, IR_TRUNC, IR_I32, z);
    ASSERT_EQ(t == s, forward);
    ASSERT_EQ(b->n, n + !forward);
    uint32_t z16 = ir_ext(b, IR_ZEXT, IR_I64, ir_unop(b, IR_TRUNC, IR_I32, x), 16);
    ASSERT(b->insn[ir_unop(b, IR_TRUNC, IR_I32, z16)].op == IR_TRUNC); /* 16 bits: not an i32's */
    ir_block_free(b);
  }
}

TEST(get_after_put_and_get) {
  struct ir_block *b = new_block(1);
  uint32_t x = ir_get(b, IR_I64, SLOT(1));
  ASSERT(is_get(b, x));
  ASSERT_EQ(ir_get(b, IR_I64, SLOT(1)), x); /* read again: the same value */
  uint32_t v = ir_const(b, IR_I64, 5);
  ir_put(b, SLOT(0), v);
  ASSERT_EQ(ir_get(b, IR_I64, SLOT(0)), v); /* what the PUT stored */
  ASSERT_EQ(ir_get(b, IR_I64, SLOT(1)), x); /* another slot: still known */
  ir_block_free(b);
}

TEST(other_type_or_offset_reads_again) {
  struct ir_block *b = new_block(1);
  ir_put(b, SLOT(0), ir_const(b, IR_I64, 5));
  ASSERT(is_get(b, ir_get(b, IR_I32, SLOT(0))));     /* its low half: not what the PUT gave */
  ASSERT(is_get(b, ir_get(b, IR_I32, SLOT(0) + 4))); /* its high half */
  ir_block_free(b);
}

TEST(put_over_part_forgets) {
  struct ir_block *b = new_block(1);
  uint32_t x = ir_get(b, IR_I64, SLOT(0));
  ir_put(b, SLOT(0) + 4, ir_const(b, IR_I32, 7)); /* the high half changes */
  uint32_t y = ir_get(b, IR_I64, SLOT(0));
  ASSERT(y != x && is_get(b, y));
  ir_block_free(b);
}

TEST(v128_put_forgets_all) {
  struct ir_block *b = new_block(1);
  uint32_t x = ir_get(b, IR_I64, SLOT(2));
  ir_put(b, SLOT(1), ir_get(b, IR_V128, SLOT(0))); /* writes r[1] and r[2] */
  ASSERT(is_get(b, ir_get(b, IR_I64, SLOT(2))));
  ASSERT(ir_get(b, IR_I64, SLOT(2)) != x);
  ir_block_free(b);
}

TEST(v128_get_always_reads) {
  struct ir_block *b = new_block(1);
  uint32_t v = ir_get(b, IR_V128, SLOT(0));
  ASSERT(is_get(b, ir_get(b, IR_V128, SLOT(0))) && ir_get(b, IR_V128, SLOT(0)) != v);
  ir_block_free(b);
}

TEST(call_forgets) {
  struct ir_block *b = new_block(1);
  ir_put(b, SLOT(0), ir_const(b, IR_I64, 5));
  ir_call(b, IR_I64, helper_one, 0, 0, 0);
  ASSERT(is_get(b, ir_get(b, IR_I64, SLOT(0))));
  ir_block_free(b);
}

TEST(undo_forgets) {
  struct ir_block *b = new_block(1);
  uint32_t x = ir_get(b, IR_I64, SLOT(0));
  uint32_t mark = b->n;
  ir_put(b, SLOT(0), ir_const(b, IR_I64, 5)); /* an instruction that then declines */
  ir_undo(b, mark);
  ASSERT_EQ(b->n, mark);
  uint32_t y = ir_get(b, IR_I64, SLOT(0));
  ASSERT(is_get(b, y) && y != x); /* not the dropped PUT's constant */
  ir_block_free(b);
}

TEST(off_without_forward_state) {
  struct ir_block *b = new_block(0);
  uint32_t v = ir_const(b, IR_I64, 5);
  ir_put(b, SLOT(0), v);
  ASSERT(is_get(b, ir_get(b, IR_I64, SLOT(0))));
  ir_block_free(b);
}

TEST(reset_forgets) {
  struct ir_block *b = new_block(1);
  ir_put(b, SLOT(0), ir_const(b, IR_I64, 5));
  ir_block_reset(b, 0x2000);
  ASSERT_EQ(b->forward_state, 0);
  b->forward_state = 1;
  ASSERT(is_get(b, ir_get(b, IR_I64, SLOT(0))));
  ir_block_free(b);
}

TEST(epoch_wrap_forgets) {
  struct ir_block *b = new_block(1);
  ir_put(b, SLOT(0), ir_const(b, IR_I64, 5)); /* known at the block's first epoch */
  b->state_epoch = UINT32_MAX;                /* as after 2^32 - 2 forgets */
  ir_state_forget(b);                         /* wraps */
  ir_state_forget(b);                         /* the first epoch's number again */
  ASSERT(is_get(b, ir_get(b, IR_I64, SLOT(0))));
  ir_block_free(b);
}

TEST(assign_copies_no_knowledge) {
  struct ir_block *src = new_block(1), *dst = new_block(1);
  uint32_t v = ir_const(src, IR_I64, 5);
  ir_put(src, SLOT(0), v);
  ir_block_assign(dst, src);
  ASSERT_EQ(dst->n, src->n);
  ASSERT(dst->state_known != src->state_known);
  ASSERT_EQ(dst->forward_state, 0);
  dst->forward_state = 1;
  ASSERT(is_get(dst, ir_get(dst, IR_I64, SLOT(0)))); /* dst read: nothing known */
  ASSERT_EQ(ir_get(src, IR_I64, SLOT(0)), v);        /* src still knows its own */
  ir_block_free(src);
  ir_block_free(dst);
}

/* r1 = r0 + 1; r0 = 9 (as i32 over r0's low half); r2 = r0 + r1: the same
 * state after it with and without forwarding. */
static void run_sum(int forward, struct tstate *s) {
  struct ir_block *b = new_block(forward);
  uint32_t one = ir_const(b, IR_I64, 1);
  ir_put(b, SLOT(1), ir_binop(b, IR_ADD, IR_I64, ir_get(b, IR_I64, SLOT(0)), one));
  ir_put(b, SLOT(0), ir_const(b, IR_I32, 9));
  uint32_t sum =
      ir_binop(b, IR_ADD, IR_I64, ir_get(b, IR_I64, SLOT(0)), ir_get(b, IR_I64, SLOT(1)));
  ir_put(b, SLOT(2), sum);
  ir_goto(b, 0x2000);
  ir_interp(b, &s->c);
  ir_block_free(b);
}

TEST(same_state_both_ways) {
  struct tstate a = {.r = {0x1111111100000000, 0, 0, 0}}, f = a;
  run_sum(0, &a);
  run_sum(1, &f);
  ASSERT_EQ(a.r[2], 0x1111111100000009ull + 0x1111111100000001ull);
  ASSERT_EQ(f.r[0], a.r[0]);
  ASSERT_EQ(f.r[1], a.r[1]);
  ASSERT_EQ(f.r[2], a.r[2]);
}

TEST_MAIN("ir_state")
