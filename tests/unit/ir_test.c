/* ir_test.c - the IR interpreter's semantics at the edges, the printer and the
 * verifier. References are written independently of ir/ir_eval.c: flags with
 * compiler overflow builtins and 128-bit arithmetic, conditions from the Arm
 * ARM's ConditionHolds() pseudocode. */
#include <stddef.h>
#include <signal.h>
#include "test.h"
#include "../../ir/ir.h"
#include "../../ir/ir_cc.h"
#include "../../xrun.h"

struct tstate {
  struct cpu c;
  uint64_t r[4];
};
#define SLOT(k) ((uint32_t)offsetof(struct tstate, r[k]))

static const uint64_t edges[] = {0,
                                 1,
                                 2,
                                 0x7f,
                                 0x80,
                                 0xff,
                                 0x7fffffff,
                                 0x80000000,
                                 0xffffffff,
                                 0x100000000,
                                 0x7fffffffffffffff,
                                 0x8000000000000000,
                                 0xfffffffffffffffe,
                                 0xffffffffffffffff,
                                 0x123456789abcdef0};
#define NEDGES (sizeof(edges) / sizeof(edges[0]))

/* Run op on constant operands through ir_interp; the value lands in r[0]. */
static uint64_t run_op(enum ir_op op, enum ir_type t, enum ir_type argt, unsigned aux, uint64_t imm,
                       uint64_t a, uint64_t b, uint64_t c) {
  struct ir_block *blk = ir_block_new(0x1000);
  unsigned nargs = ir_op_info[op].nargs;
  uint32_t ra = nargs > 0 ? ir_const(blk, argt, a) : 0;
  uint32_t rb = nargs > 1 ? ir_const(blk, argt, b) : 0;
  uint32_t rc = nargs > 2 ? ir_const(blk, argt, c) : 0;
  uint32_t r = ir_emit(blk, op, t, ra, rb, rc, imm);
  blk->insn[r].aux = aux;
  ir_put(blk, SLOT(0), r);
  ir_goto(blk, 0x2000);
  struct tstate s = {.r = {0xdeadbeefdeadbeef, 0, 0, 0}};
  uintptr_t e = ir_interp(blk, &s.c);
  ir_block_free(blk);
  if (e != CPU_EXIT_PLAIN || s.c.pc != 0x2000)
    return 0xbad;
  /* an I32 PUT writes only the low 4 bytes */
  return t == IR_I32 ? (uint32_t)s.r[0] | (s.r[0] >> 32 == 0xdeadbeef ? 0 : 1ull << 63) : s.r[0];
}

static uint64_t bin(enum ir_op op, enum ir_type t, uint64_t a, uint64_t b) {
  return run_op(op, t, t, 0, 0, a, b, 0);
}

static uint64_t un(enum ir_op op, enum ir_type t, uint64_t a) {
  return run_op(op, t, t, 0, 0, a, 0, 0);
}

/* --- flags, against an independent reference ---------------------------- */

static unsigned nzcv_of(uint64_t r, unsigned w, int c, int v) {
  int n = (r >> (w - 1)) & 1, z = (w == 32 ? (uint32_t)r : r) == 0;
  return (unsigned)(n << 3 | z << 2 | c << 1 | v);
}

static unsigned ref_flags(enum ir_op op, unsigned w, uint64_t a, uint64_t b, int cin) {
  if (w == 32) {
    uint32_t x = a, y = b, r;
    int32_t sr;
    int c, v;
    switch (op) {
    case IR_FLAGS_ADD:
      c = __builtin_add_overflow(x, y, &r);
      v = __builtin_add_overflow((int32_t)x, (int32_t)y, &sr);
      return nzcv_of(r, 32, c, v);
    case IR_FLAGS_SUB:
      c = !__builtin_sub_overflow(x, y, &r);
      v = __builtin_sub_overflow((int32_t)x, (int32_t)y, &sr);
      return nzcv_of(r, 32, c, v);
    case IR_FLAGS_ADC: {
      int64_t s = (int64_t)(int32_t)x + (int32_t)y + cin;
      uint64_t u = (uint64_t)x + y + cin;
      return nzcv_of((uint32_t)u, 32, u > 0xffffffffu, s != (int32_t)s);
    }
    default: {
      int64_t s = (int64_t)(int32_t)x - (int32_t)y - (1 - cin);
      int64_t u = (int64_t)x - (int64_t)y - (1 - cin);
      return nzcv_of((uint32_t)u, 32, u >= 0, s != (int32_t)s);
    }
    }
  }
  uint64_t r;
  int64_t sr;
  switch (op) {
  case IR_FLAGS_ADD:
    return nzcv_of(a + b, 64, __builtin_add_overflow(a, b, &r),
                   __builtin_add_overflow((int64_t)a, (int64_t)b, &sr));
  case IR_FLAGS_SUB:
    return nzcv_of(a - b, 64, !__builtin_sub_overflow(a, b, &r),
                   __builtin_sub_overflow((int64_t)a, (int64_t)b, &sr));
  case IR_FLAGS_ADC: {
    __int128 s = (__int128)(int64_t)a + (int64_t)b + cin;
    unsigned __int128 u = (unsigned __int128)a + b + cin;
    return nzcv_of((uint64_t)u, 64, (u >> 64) != 0, s != (int64_t)s);
  }
  default: {
    __int128 s = (__int128)(int64_t)a - (int64_t)b - (1 - cin);
    __int128 u = (__int128)a - (__int128)b - (1 - cin);
    return nzcv_of((uint64_t)u, 64, u >= 0, s != (int64_t)s);
  }
  }
}

static int check_flags(enum ir_op op, enum ir_type t) {
  unsigned w = t == IR_I32 ? 32 : 64;
  for (unsigned i = 0; i < NEDGES; i++)
    for (unsigned j = 0; j < NEDGES; j++)
      for (int cin = 0; cin < 2; cin++) {
        uint64_t a = edges[i], b = edges[j];
        unsigned got = run_op(op, IR_I32, t, t, 0, a, b, cin);
        unsigned want = ref_flags(op, w, a, b, cin);
        if (got != want) {
          fprintf(stderr, "  %s w%u a=%llx b=%llx c=%d: got %x want %x\n", ir_op_info[op].name, w,
                  (unsigned long long)a, (unsigned long long)b, cin, got, want);
          return 0;
        }
      }
  return 1;
}

TEST(flags_add_sub_adc_sbc) {
  static const enum ir_op ops[] = {IR_FLAGS_ADD, IR_FLAGS_SUB, IR_FLAGS_ADC, IR_FLAGS_SBC};
  for (int k = 0; k < 4; k++) {
    ASSERT(check_flags(ops[k], IR_I32));
    ASSERT(check_flags(ops[k], IR_I64));
  }
}

TEST(flags_logic) {
  ASSERT_EQ(run_op(IR_FLAGS_LOGIC, IR_I32, IR_I64, IR_I64, 0, 0, 0, 0), 4);
  ASSERT_EQ(run_op(IR_FLAGS_LOGIC, IR_I32, IR_I64, IR_I64, 0, 1ull << 63, 0, 0), 8);
  ASSERT_EQ(run_op(IR_FLAGS_LOGIC, IR_I32, IR_I32, IR_I32, 0, 0x80000000, 0, 0), 8);
  ASSERT_EQ(run_op(IR_FLAGS_LOGIC, IR_I32, IR_I32, IR_I32, 0, 5, 0, 0), 0);
}

/* ConditionHolds() from the Arm ARM, written out. */
static int cond_holds(unsigned cond, unsigned nzcv) {
  int n = nzcv >> 3 & 1, z = nzcv >> 2 & 1, c = nzcv >> 1 & 1, v = nzcv & 1, r;
  switch (cond >> 1) {
  case 0: r = z; break;
  case 1: r = c; break;
  case 2: r = n; break;
  case 3: r = v; break;
  case 4: r = c && !z; break;
  case 5: r = n == v; break;
  case 6: r = n == v && !z; break;
  default: r = 1; break;
  }
  return (cond & 1) && cond != 15 ? !r : r;
}

TEST(cond_all_codes_all_nibbles) {
  for (unsigned cc = 0; cc < 16; cc++)
    for (unsigned n = 0; n < 16; n++) {
      ASSERT_EQ(run_op(IR_COND, IR_I32, IR_I32, cc, 0, n, 0, 0), cond_holds(cc, n));
      ASSERT_EQ(ir_cc_holds(cc, n), cond_holds(cc, n));
    }
}

/* --- arithmetic ---------------------------------------------------------- */

TEST(div_edges) {
  ASSERT_EQ(bin(IR_DIVU, IR_I64, 7, 0), 0);
  ASSERT_EQ(bin(IR_DIVS, IR_I64, 7, 0), 0);
  ASSERT_EQ(bin(IR_DIVU, IR_I32, 7, 0), 0);
  ASSERT_EQ(bin(IR_DIVS, IR_I64, 1ull << 63, -1ull), 1ull << 63);
  ASSERT_EQ(bin(IR_DIVS, IR_I32, 0x80000000, 0xffffffff), 0x80000000);
  ASSERT_EQ(bin(IR_DIVS, IR_I64, -7ull, 2), -3ull);
  ASSERT_EQ(bin(IR_DIVS, IR_I32, (uint32_t)-7, 2), (uint32_t)-3);
  ASSERT_EQ(bin(IR_DIVU, IR_I32, 0xfffffff0, 0x10), 0x0fffffff);
  ASSERT_EQ(bin(IR_DIVU, IR_I64, -1ull, 3), 0x5555555555555555);
}

TEST(mul_high) {
  ASSERT_EQ(bin(IR_MULHU, IR_I64, -1ull, -1ull), 0xfffffffffffffffe);
  ASSERT_EQ(bin(IR_MULHS, IR_I64, -1ull, -1ull), 0);
  ASSERT_EQ(bin(IR_MULHS, IR_I64, 1ull << 63, 2), -1ull);
  ASSERT_EQ(bin(IR_MULHU, IR_I32, 0xffffffff, 0xffffffff), 0xfffffffe);
  ASSERT_EQ(bin(IR_MULHS, IR_I32, 0x80000000, 2), 0xffffffff);
  ASSERT_EQ(bin(IR_MUL, IR_I32, 0x10000, 0x10000), 0);
}

TEST(add_sub_wrap_32) {
  ASSERT_EQ(bin(IR_ADD, IR_I32, 0xffffffff, 1), 0);
  ASSERT_EQ(bin(IR_SUB, IR_I32, 0, 1), 0xffffffff);
  ASSERT_EQ(run_op(IR_ADC, IR_I32, IR_I32, 0, 0, 0xffffffff, 0, 1), 0);
  ASSERT_EQ(un(IR_NEG, IR_I32, 1), 0xffffffff);
  ASSERT_EQ(un(IR_NOT, IR_I32, 0), 0xffffffff);
  ASSERT_EQ(un(IR_NOT, IR_I64, 0), -1ull);
}

TEST(shifts_modulo_width) {
  ASSERT_EQ(bin(IR_SHL, IR_I32, 1, 33), 2);
  ASSERT_EQ(bin(IR_SHL, IR_I32, 1, 32), 1);
  ASSERT_EQ(bin(IR_SHL, IR_I64, 1, 64), 1);
  ASSERT_EQ(bin(IR_SHL, IR_I64, 1, 65), 2);
  ASSERT_EQ(bin(IR_SHR, IR_I32, 0x80000000, 63), 1);
  ASSERT_EQ(bin(IR_SHR, IR_I64, 1ull << 63, 127), 1);
  ASSERT_EQ(bin(IR_SAR, IR_I32, 0x80000000, 31), 0xffffffff);
  ASSERT_EQ(bin(IR_SAR, IR_I32, 0x80000000, 32), 0x80000000);
  ASSERT_EQ(bin(IR_SAR, IR_I64, 1ull << 63, 63), -1ull);
  ASSERT_EQ(bin(IR_SAR, IR_I64, 0x4000000000000000, 62), 1);
  ASSERT_EQ(bin(IR_ROR, IR_I32, 1, 1), 0x80000000);
  ASSERT_EQ(bin(IR_ROR, IR_I32, 0x12345678, 36), 0x81234567);
  ASSERT_EQ(bin(IR_ROR, IR_I64, 1, 65), 1ull << 63);
  ASSERT_EQ(bin(IR_ROR, IR_I64, 0x1234, 0), 0x1234);
}

TEST(bit_counts) {
  ASSERT_EQ(un(IR_CLZ, IR_I32, 0), 32);
  ASSERT_EQ(un(IR_CLZ, IR_I64, 0), 64);
  ASSERT_EQ(un(IR_CTZ, IR_I32, 0), 32);
  ASSERT_EQ(un(IR_CTZ, IR_I64, 0), 64);
  ASSERT_EQ(un(IR_CLZ, IR_I32, 1), 31);
  ASSERT_EQ(un(IR_CLZ, IR_I64, 1), 63);
  ASSERT_EQ(un(IR_CTZ, IR_I64, 1ull << 63), 63);
  ASSERT_EQ(un(IR_POPCNT, IR_I64, -1ull), 64);
  ASSERT_EQ(un(IR_POPCNT, IR_I32, 0xf0f0), 8);
  ASSERT_EQ(un(IR_BSWAP, IR_I32, 0x11223344), 0x44332211);
  ASSERT_EQ(un(IR_BSWAP, IR_I64, 0x1122334455667788), 0x8877665544332211);
  ASSERT_EQ(un(IR_BITREV, IR_I32, 1), 0x80000000);
  ASSERT_EQ(un(IR_BITREV, IR_I64, 6), 0x6000000000000000);
}

TEST(extend_truncate) {
  ASSERT_EQ(run_op(IR_SEXT, IR_I64, IR_I64, 8, 0, 0x80, 0, 0), 0xffffffffffffff80);
  ASSERT_EQ(run_op(IR_SEXT, IR_I32, IR_I32, 16, 0, 0x18000, 0, 0), 0xffff8000);
  ASSERT_EQ(run_op(IR_SEXT, IR_I64, IR_I32, 32, 0, 0x80000000, 0, 0), 0xffffffff80000000);
  ASSERT_EQ(run_op(IR_ZEXT, IR_I64, IR_I64, 8, 0, 0x1ff, 0, 0), 0xff);
  ASSERT_EQ(run_op(IR_ZEXT, IR_I64, IR_I32, 32, 0, 0xffffffff, 0, 0), 0xffffffff);
  ASSERT_EQ(run_op(IR_TRUNC, IR_I32, IR_I64, 0, 0, 0x1234567887654321, 0, 0), 0x87654321);
}

TEST(compare_kinds) {
  /* a < b signed but not unsigned */
  uint64_t a = -1ull, b = 1;
  static const int want64[] = {0, 1, 0, 1, 0, 1, 1, 0, 1, 0};
  for (unsigned k = IR_EQ; k <= IR_GT; k++)
    ASSERT_EQ(run_op(IR_CMP, IR_I32, IR_I64, k, IR_I64, a, b, 0), want64[k]);
  for (unsigned k = IR_EQ; k <= IR_GT; k++)
    ASSERT_EQ(run_op(IR_CMP, IR_I32, IR_I32, k, IR_I32, 0xffffffff, 1, 0), want64[k]);
  /* i64 0x1_0000_0000 vs 0: differ at 64 bits */
  ASSERT_EQ(run_op(IR_CMP, IR_I32, IR_I64, IR_EQ, IR_I64, 1ull << 32, 0, 0), 0);
  ASSERT_EQ(run_op(IR_CMP, IR_I32, IR_I32, IR_LE, IR_I32, 5, 5, 0), 1);
}

TEST(select) {
  ASSERT_EQ(run_op(IR_SELECT, IR_I64, IR_I64, 0, 0, 1, 10, 20), 10);
  ASSERT_EQ(run_op(IR_SELECT, IR_I64, IR_I64, 0, 0, 0, 10, 20), 20);
}

/* --- state, memory, calls, exits ----------------------------------------- */

TEST(get_put_widths) {
  struct ir_block *b = ir_block_new(0);
  uint32_t x = ir_get(b, IR_I32, SLOT(0) + 4);
  uint32_t y = ir_get(b, IR_I64, SLOT(1));
  ir_put(b, SLOT(2), x);
  ir_put(b, SLOT(3), y);
  ir_goto(b, 8);
  struct tstate s = {.r = {0x1111111122222222, 0x3333333344444444, -1ull, 0}};
  ASSERT_EQ(ir_interp(b, &s.c), CPU_EXIT_PLAIN);
  ASSERT_EQ(s.r[2], 0xffffffff11111111);
  ASSERT_EQ(s.r[3], 0x3333333344444444);
  ir_block_free(b);
}

static uint64_t mem_op(unsigned log2, int sign, enum ir_type t, const void *p) {
  struct ir_block *b = ir_block_new(0);
  uint32_t addr = ir_const(b, IR_I64, (uintptr_t)p);
  ir_put(b, SLOT(0), ir_load(b, t, addr, log2, sign));
  ir_goto(b, 8);
  struct tstate s = {0};
  ir_interp(b, &s.c);
  ir_block_free(b);
  return s.r[0];
}

TEST(load_sizes_and_signs) {
  uint8_t m[8] = {0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87};
  ASSERT_EQ(mem_op(0, 0, IR_I64, m), 0x80);
  ASSERT_EQ(mem_op(0, 1, IR_I64, m), 0xffffffffffffff80);
  ASSERT_EQ(mem_op(0, 1, IR_I32, m), 0xffffff80);
  ASSERT_EQ(mem_op(1, 0, IR_I64, m), 0x8180);
  ASSERT_EQ(mem_op(1, 1, IR_I64, m), 0xffffffffffff8180);
  ASSERT_EQ(mem_op(1, 1, IR_I32, m + 1), 0xffff8281);
  ASSERT_EQ(mem_op(2, 0, IR_I64, m), 0x83828180);
  ASSERT_EQ(mem_op(2, 1, IR_I64, m), 0xffffffff83828180);
  ASSERT_EQ(mem_op(2, 1, IR_I32, m), 0x83828180);
  ASSERT_EQ(mem_op(3, 0, IR_I64, m), 0x8786858483828180);
  ASSERT_EQ(mem_op(3, 0, IR_I32, m), 0x83828180);
}

TEST(store_sizes) {
  for (unsigned log2 = 0; log2 < 4; log2++) {
    uint8_t m[16];
    memset(m, 0xee, sizeof(m));
    struct ir_block *b = ir_block_new(0);
    uint32_t addr = ir_const(b, IR_I64, (uintptr_t)(m + 3));
    ir_store(b, addr, ir_const(b, IR_I64, 0x0807060504030201), log2);
    ir_goto(b, 8);
    struct tstate s = {0};
    ir_interp(b, &s.c);
    ir_block_free(b);
    for (unsigned k = 0; k < 16; k++)
      ASSERT_EQ(m[k], k >= 3 && k < 3 + (1u << log2) ? k - 2 : 0xee);
  }
}

static uint64_t rmw(enum ir_op op, unsigned aop, unsigned log2, void *p, uint64_t x, uint64_t y) {
  struct ir_block *b = ir_block_new(0);
  uint32_t addr = ir_const(b, IR_I64, (uintptr_t)p);
  uint32_t vx = ir_const(b, IR_I64, x), vy = ir_const(b, IR_I64, y);
  uint32_t r = op == IR_CAS ? ir_cas(b, IR_I64, addr, vx, vy, log2)
                            : ir_atomic(b, aop, IR_I64, addr, vx, log2);
  ir_put(b, SLOT(0), r);
  ir_goto(b, 8);
  struct tstate s = {0};
  ir_interp(b, &s.c);
  ir_block_free(b);
  return s.r[0];
}

TEST(cas) {
  uint64_t m = 5;
  ASSERT_EQ(rmw(IR_CAS, 0, 3, &m, 5, 9), 5);
  ASSERT_EQ(m, 9);
  ASSERT_EQ(rmw(IR_CAS, 0, 3, &m, 5, 7), 9);
  ASSERT_EQ(m, 9);
  uint8_t c[2] = {0xfe, 0x11};
  ASSERT_EQ(rmw(IR_CAS, 0, 0, c, 0xfe, 0x1ff), 0xfe);
  ASSERT_EQ(c[0], 0xff);
  ASSERT_EQ(c[1], 0x11);
}

TEST(atomics) {
  struct {
    unsigned op;
    uint64_t mem, x, want;
  } t[] = {
      {IR_ATOMIC_ADD, 0xff, 1, 0x100},   {IR_ATOMIC_CLR, 0xff, 0x0f, 0xf0},
      {IR_ATOMIC_XOR, 0xff, 0x0f, 0xf0}, {IR_ATOMIC_OR, 0xf0, 0x0f, 0xff},
      {IR_ATOMIC_SMAX, -1ull, 1, 1},     {IR_ATOMIC_SMIN, -1ull, 1, -1ull},
      {IR_ATOMIC_UMAX, -1ull, 1, -1ull}, {IR_ATOMIC_UMIN, -1ull, 1, 1},
      {IR_ATOMIC_SWP, 3, 4, 4},
  };
  for (unsigned k = 0; k < sizeof(t) / sizeof(t[0]); k++) {
    uint64_t m = t[k].mem;
    ASSERT_EQ(rmw(IR_ATOMIC, t[k].op, 3, &m, t[k].x, 0), t[k].mem);
    ASSERT_EQ(m, t[k].want);
  }
  /* byte-sized signed max: 0x80 (-128) vs 1 */
  uint8_t b[2] = {0x80, 0x55};
  ASSERT_EQ(rmw(IR_ATOMIC, IR_ATOMIC_SMAX, 0, b, 1, 0), 0x80);
  ASSERT_EQ(b[0], 1);
  ASSERT_EQ(b[1], 0x55);
  uint8_t u = 0xff;
  ASSERT_EQ(rmw(IR_ATOMIC, IR_ATOMIC_ADD, 0, &u, 1, 0), 0xff);
  ASSERT_EQ(u, 0);
}

static uint64_t helper_sum(struct cpu *c, uint64_t a, uint64_t b, uint64_t d) {
  ((struct tstate *)c)->r[3] = 77;
  return a * 100 + b * 10 + d + 0x100000000;
}

TEST(call) {
  struct ir_block *b = ir_block_new(0);
  uint32_t x = ir_const(b, IR_I64, 3);
  ir_put(b, SLOT(0), ir_call(b, IR_I64, helper_sum, x, 0, x));
  ir_put(b, SLOT(1), ir_call(b, IR_I32, helper_sum, x, x, 0));
  ir_goto(b, 8);
  struct tstate s = {0};
  ir_interp(b, &s.c);
  ASSERT_EQ(s.r[0], 0x100000000 + 303);
  ASSERT_EQ(s.r[1], 330);
  ASSERT_EQ(s.r[3], 77);
  ir_block_free(b);
}

static uintptr_t run_exit(int which, uint64_t cond, struct tstate *s) {
  struct ir_block *b = ir_block_new(0);
  ir_exit_if(b, ir_const(b, IR_I32, cond), 0x500);
  ir_put(b, SLOT(0), ir_const(b, IR_I64, 1));
  switch (which) {
  case 0: ir_goto(b, 0x600); break;
  case 1: ir_jump(b, ir_const(b, IR_I64, 0x700)); break;
  case 2: ir_syscall(b, 0x804); break;
  default: ir_trap(b, SIGILL, 0x900); break;
  }
  memset(s, 0, sizeof(*s));
  uintptr_t e = ir_interp(b, &s->c);
  ir_block_free(b);
  return e;
}

TEST(exits) {
  struct tstate s;
  ASSERT_EQ(run_exit(0, 2, &s), CPU_EXIT_PLAIN);
  ASSERT_EQ(s.c.pc, 0x500);
  ASSERT_EQ(s.r[0], 0); /* nothing after a taken exit runs */
  ASSERT_EQ(run_exit(0, 0, &s), CPU_EXIT_PLAIN);
  ASSERT_EQ(s.c.pc, 0x600);
  ASSERT_EQ(s.r[0], 1);
  ASSERT_EQ(run_exit(1, 0, &s), CPU_EXIT_PLAIN);
  ASSERT_EQ(s.c.pc, 0x700);
  ASSERT_EQ(run_exit(2, 0, &s), CPU_EXIT_SYSCALL);
  ASSERT_EQ(s.c.pc, 0x804);
  ASSERT_EQ(run_exit(3, 0, &s), CPU_EXIT_TRAP);
  ASSERT_EQ(s.c.pc, 0x900);
  ASSERT_EQ(s.c.trap_signal, SIGILL);
}

/* Where the interpreter is, as a helper it calls sees it: the block and
 * the CALL's instruction (what a fault handler reads, tcache/tc_fault.c). */
static uint64_t helper_where(struct cpu *c, uint64_t a, uint64_t b, uint64_t d) {
  (void)c, (void)a, (void)b, (void)d;
  const struct ir_interp_pos p = ir_interp_pos;
  return p.b && p.at ? (uint64_t)(p.at - p.b->insn) : 0;
}

TEST(interp_position) {
  struct ir_block *b = ir_block_new(0x1000);
  ir_mark(b, 0x1000);
  uint32_t x = ir_const(b, IR_I64, 3);
  ir_put(b, SLOT(0), x);
  ir_mark(b, 0x1004);
  uint32_t at = ir_call(b, IR_I64, helper_where, x, x, x);
  ir_put(b, SLOT(1), at);
  ir_goto(b, 0x1008);
  struct tstate s = {0};
  ASSERT(ir_interp_pos.b == NULL);
  ir_interp(b, &s.c);
  ASSERT_EQ(s.r[1], at); /* the CALL, while it ran */
  ASSERT_EQ(ir_pc_of(b, (uint32_t)s.r[1]), 0x1004);
  ASSERT(ir_interp_pos.b == NULL && ir_interp_pos.at == NULL); /* and nothing after */
  ir_block_free(b);
}

/* --- printer and verifier ------------------------------------------------ */

static struct ir_block *small_block(void) {
  struct ir_block *b = ir_block_new(0x400120);
  b->guest_insns = 2;
  b->guest_size = 8;
  ir_mark(b, 0x400120);
  uint32_t x = ir_get(b, IR_I64, 0x40);
  uint32_t s = ir_binop(b, IR_ADD, IR_I64, x, ir_const(b, IR_I64, 4));
  ir_put(b, 0x40, s);
  uint32_t f = ir_flags(b, IR_FLAGS_SUB, IR_I64, x, s, 0);
  ir_mark(b, 0x400124);
  ir_emit(b, IR_NOP, IR_VOID, 0, 0, 0, 0);
  ir_exit_if(b, ir_cond(b, IR_CC_NE, f), 0x400123);
  ir_goto(b, 0x400128);
  return b;
}

/* ir_pc_of: the pc of the last mark at or before a ref (an instruction that
 * emitted nothing leaves two marks at one ref: the later one counts). */
TEST(pc_of_marks) {
  struct ir_block *b = small_block();
  for (uint32_t r = 1; r <= 5; r++)
    ASSERT_EQ(ir_pc_of(b, r), 0x400120);
  for (uint32_t r = 6; r < b->n; r++)
    ASSERT_EQ(ir_pc_of(b, r), 0x400124);
  ir_mark(b, 0x400128);
  ir_mark(b, 0x40012c);
  ASSERT_EQ(ir_pc_of(b, b->n), 0x40012c);
  ASSERT_EQ(ir_pc_of(b, 0), 0x400120); /* before every mark: the block's pc */
  ir_block_free(b);
}

/* What ir_print writes of b (malloc'd). */
static char *printed(const struct ir_block *b) {
  char *text = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&text, &len);
  ir_print(f, b);
  fclose(f);
  return text;
}

/* Whether b prints as want; what it printed on stderr when not. */
static int prints_as(const struct ir_block *b, const char *want) {
  char *text = printed(b);
  int same = strcmp(text, want) == 0;
  if (!same)
    fprintf(stderr, "got:\n%s", text);
  free(text);
  return same;
}

TEST(print_small_block) {
  struct ir_block *b = small_block();
  const char *want = "block 0x400120: 9 insns (8 live), 2 guest insns, 8 bytes\n"
                     "  0x400120:\n"
                     "   1 i64 = get [+0x40]\n"
                     "   2 i64 = const 0x4\n"
                     "   3 i64 = add 1, 2\n"
                     "   4       put [+0x40] = 3\n"
                     "   5 i32 = flags.sub.i64 1, 3\n"
                     "  0x400124:\n"
                     "   7 i32 = cond.ne 5\n"
                     "   8       exit.if 7 -> 0x400123\n"
                     "   9       goto 0x400128\n";
  ASSERT(prints_as(b, want));
  ir_block_free(b);
}

static int verify_quiet(const struct ir_block *b) {
  fflush(stderr);
  FILE *saved = stderr;
  stderr = fopen("/dev/null", "w");
  int r = ir_verify(b);
  fclose(stderr);
  stderr = saved;
  return r;
}

TEST(verify_accepts_good) {
  struct ir_block *b = small_block();
  ASSERT_EQ(ir_verify(b), 0);
  ir_block_free(b);
}

TEST(verify_rejects_bad) {
  struct ir_block *b = small_block();
  b->insn[3].b = 4; /* forward reference */
  ASSERT_EQ(verify_quiet(b), 3);
  b->insn[3].b = 2;
  b->insn[5].b = 4; /* the PUT has no value */
  ASSERT_EQ(verify_quiet(b), 5);
  b->insn[5].b = 3;
  b->insn[3].c = 1; /* add takes two operands */
  ASSERT_EQ(verify_quiet(b), 3);
  b->insn[3].c = 0;
  b->insn[2].type = IR_I32; /* i64 add of an i32 constant */
  ASSERT_EQ(verify_quiet(b), 3);
  b->insn[2].type = IR_I64;
  b->insn[4].a = 0; /* put without a value */
  ASSERT_EQ(verify_quiet(b), 4);
  b->insn[4].a = 3;
  ASSERT_EQ(verify_quiet(b), 0);
  ir_goto(b, 0); /* instruction after the end */
  ASSERT_EQ(verify_quiet(b), 10);
  b->n = 9; /* no end at all */
  ASSERT_EQ(verify_quiet(b), 8);
  ir_block_free(b);
}

/* An access's displacement: printed as [base +- disp], its own where it
 * fits 32 bits, an ADD where not or where the block masks addresses; the
 * verifier refuses one past 32 bits. */
TEST(access_displacements) {
  struct ir_block *b = ir_block_new(0x1000);
  uint32_t x = ir_get(b, IR_I64, 0x40);
  ir_put(b, 0x48, ir_load_at(b, IR_I64, x, 0x10, 3, 0));
  ir_store_at(b, x, -8, ir_get(b, IR_I64, 0x50), 2);
  ir_load_at(b, IR_I32, x, (int64_t)1 << 32, 2, 1); /* past 32 bits: an ADD */
  b->addr_mask = 0x00ffffffffffffffull;
  ir_load_at(b, IR_I64, x, 8, 3, 0); /* masked: the sum is masked, an ADD */
  b->addr_mask = 0;
  ir_goto(b, 0x1004);
  const char *want = "block 0x1000: 14 insns (14 live), 0 guest insns, 0 bytes\n"
                     "   1 i64 = get [+0x40]\n"
                     "   2 i64 = load.u64 [1 + 0x10]\n"
                     "   3       put [+0x48] = 2\n"
                     "   4 i64 = get [+0x50]\n"
                     "   5       store.u32 [1 - 0x8] = 4\n"
                     "   6 i64 = const 0x100000000\n"
                     "   7 i64 = add 1, 6\n"
                     "   8 i32 = load.s32 [7]\n"
                     "   9 i64 = const 0x8\n"
                     "  10 i64 = add 1, 9\n"
                     "  11 i64 = const 0xffffffffffffff\n"
                     "  12 i64 = and 10, 11\n"
                     "  13 i64 = load.u64 [12]\n"
                     "  14       goto 0x1004\n";
  ASSERT(prints_as(b, want));
  ASSERT_EQ(verify_quiet(b), 0);
  b->insn[2].imm = (uint64_t)1 << 31; /* past int32 */
  ASSERT_EQ(verify_quiet(b), 2);
  ir_block_free(b);
}

/* ---- vectors: every V* op against a lane reference written with C arrays ---- */

union vreg {
  uint8_t b[16];
  uint16_t h[8];
  uint32_t s[4];
  uint64_t d[2];
  int8_t sb[16];
  int16_t sh[8];
  int32_t ss[4];
  int64_t sd[2];
};

static uint64_t vl_u(const union vreg *v, unsigned lg, unsigned i) {
  return lg == 0 ? v->b[i] : lg == 1 ? v->h[i] : lg == 2 ? v->s[i] : v->d[i];
}

static int64_t vl_s(const union vreg *v, unsigned lg, unsigned i) {
  return lg == 0 ? v->sb[i] : lg == 1 ? v->sh[i] : lg == 2 ? v->ss[i] : v->sd[i];
}

static void vl_set(union vreg *v, unsigned lg, unsigned i, uint64_t x) {
  if (lg == 0)
    v->b[i] = (uint8_t)x;
  else if (lg == 1)
    v->h[i] = (uint16_t)x;
  else if (lg == 2)
    v->s[i] = (uint32_t)x;
  else
    v->d[i] = x;
}

/* One lane of the element-wise ops, from the op's definition in ir_ops.def. */
static uint64_t ref_lane(enum ir_op op, unsigned lg, uint64_t imm, const union vreg *a,
                         const union vreg *b, unsigned i) {
  uint64_t x = vl_u(a, lg, i), y = vl_u(b, lg, i);
  int64_t sx = vl_s(a, lg, i), sy = vl_s(b, lg, i);
  unsigned bits = 8u << lg;
  switch (op) {
  case IR_VADD: return x + y;
  case IR_VSUB: return x - y;
  case IR_VMUL: return x * y;
  case IR_VCMPEQ: return x == y ? ~0ull : 0;
  case IR_VCMPGTS: return sx > sy ? ~0ull : 0;
  case IR_VCMPGTU: return x > y ? ~0ull : 0;
  case IR_VMINU: return x < y ? x : y;
  case IR_VMAXU: return x > y ? x : y;
  case IR_VMINS: return sx < sy ? x : y;
  case IR_VMAXS: return sx > sy ? x : y;
  case IR_VSHL: return imm >= bits ? 0 : x << imm;
  case IR_VSHRU: return imm >= bits ? 0 : x >> imm;
  case IR_VSHRS: return imm >= bits ? (sx < 0 ? ~0ull : 0) : (uint64_t)(sx >> imm);
  default: return 0xbad;
  }
}

/* The whole result of op (scalars: b.d[0] / the result's d[0]). */
static union vreg ref_vop(enum ir_op op, unsigned lg, uint64_t imm, const union vreg *a,
                          const union vreg *b) {
  unsigned n = 16u >> lg;
  union vreg r = {{0}};
  uint8_t cat[32];
  memcpy(cat, a->b, 16);
  memcpy(cat + 16, b->b, 16);
  for (unsigned i = 0; i < 2; i++)
    switch (op) {
    case IR_VAND: r.d[i] = a->d[i] & b->d[i]; break;
    case IR_VOR: r.d[i] = a->d[i] | b->d[i]; break;
    case IR_VXOR: r.d[i] = a->d[i] ^ b->d[i]; break;
    case IR_VANDN: r.d[i] = a->d[i] & ~b->d[i]; break;
    case IR_VNOT: r.d[i] = ~a->d[i]; break;
    default: break;
    }
  switch (op) {
  case IR_VADD ... IR_VSHRS:
    for (unsigned i = 0; i < n; i++)
      vl_set(&r, lg, i, ref_lane(op, lg, imm, a, b, i));
    break;
  case IR_VDUP:
    for (unsigned i = 0; i < n; i++)
      vl_set(&r, lg, i, a->d[0]);
    break;
  case IR_VEXTRACT: r.d[0] = vl_u(a, lg, (unsigned)imm); break;
  case IR_VINSERT:
    r = *a;
    vl_set(&r, lg, (unsigned)imm, b->d[0]);
    break;
  case IR_VZEXT64: r.d[0] = a->d[0]; break;
  case IR_VZIP1:
  case IR_VZIP2:
    for (unsigned i = 0; i < n / 2; i++) {
      unsigned from = op == IR_VZIP2 ? n / 2 + i : i;
      vl_set(&r, lg, 2 * i, vl_u(a, lg, from));
      vl_set(&r, lg, 2 * i + 1, vl_u(b, lg, from));
    }
    break;
  case IR_VUZP1:
  case IR_VUZP2:
    for (unsigned i = 0; i < n; i++) {
      unsigned c = 2 * i + (op == IR_VUZP2);
      vl_set(&r, lg, i, vl_u(c < n ? a : b, lg, c % n));
    }
    break;
  case IR_VEXT: memcpy(r.b, cat + imm, 16); break;
  case IR_VNARROW:
    for (unsigned i = 0; i < 8u >> lg; i++)
      vl_set(&r, lg, i, vl_u(a, lg + 1, i));
    break;
  case IR_VWIDENU:
  case IR_VWIDENS:
    for (unsigned i = 0; i < n; i++)
      vl_set(&r, lg, i, op == IR_VWIDENU ? vl_u(a, lg - 1, i) : (uint64_t)vl_s(a, lg - 1, i));
    break;
  default: break;
  }
  return r;
}

struct vstate {
  struct cpu c;
  _Alignas(16) uint64_t v[4];
};
#define VSLOT(k) ((uint32_t)offsetof(struct vstate, v[k]))

static int vop_scalar_a(enum ir_op op) {
  return op == IR_VDUP;
}

static int vop_scalar_b(enum ir_op op) {
  return op == IR_VINSERT;
}

/* Run op on constant operands through ir_interp; the result is read from the state. */
static union vreg run_vop(enum ir_op op, unsigned lg, uint64_t imm, const union vreg *a,
                          const union vreg *b) {
  struct ir_block *blk = ir_block_new(0x1000);
  uint32_t ra =
      vop_scalar_a(op) ? ir_const(blk, IR_I64, a->d[0]) : ir_vconst(blk, a->d[0], a->d[1]);
  uint32_t rb =
      vop_scalar_b(op) ? ir_const(blk, IR_I64, b->d[0]) : ir_vconst(blk, b->d[0], b->d[1]);
  if (ir_op_info[op].nargs < 2)
    rb = 0;
  uint32_t r = ir_vop(blk, op, op == IR_VEXTRACT ? IR_I64 : IR_V128, lg, ra, rb, imm);
  ir_put(blk, VSLOT(0), r);
  ir_goto(blk, 0x2000);
  union vreg out = {{0}};
  struct vstate st = {.v = {0xdeadbeefdeadbeef, 0xdeadbeefdeadbeef, 0, 0}};
  if (ir_verify(blk) == 0 && ir_interp(blk, &st.c) == CPU_EXIT_PLAIN) {
    out.d[0] = st.v[0];
    out.d[1] = op == IR_VEXTRACT ? 0 : st.v[1];
  } else {
    out.d[0] = out.d[1] = 0xbad;
  }
  ir_block_free(blk);
  return out;
}

static uint64_t vrng = 0x2545f4914f6cdd1dull;
static uint64_t vrand(void) {
  vrng ^= vrng << 13, vrng ^= vrng >> 7, vrng ^= vrng << 17;
  return vrng;
}

/* Edge vectors: zeros, ones, sign bits and maxima of every lane size, mixes. */
static union vreg vedge(unsigned k) {
  static const uint64_t pats[][2] = {
      {0, 0},
      {~0ull, ~0ull},
      {0x8080808080808080ull, 0x7f7f7f7f7f7f7f7full},
      {0x8000800080008000ull, 0x7fff7fff7fff0001ull},
      {0x8000000080000000ull, 0x7fffffff00000001ull},
      {0x8000000000000000ull, 0x7fffffffffffffffull},
      {0x00ff7f8001fe0080ull, 0xff0001807f7e8081ull},
      {0x0123456789abcdefull, 0xfedcba9876543210ull},
  };
  union vreg v;
  if (k < sizeof(pats) / sizeof(pats[0])) {
    v.d[0] = pats[k][0], v.d[1] = pats[k][1];
  } else {
    v.d[0] = vrand(), v.d[1] = vrand();
  }
  return v;
}

/* The imm values worth trying for op at lane size lg. */
static unsigned vimm_count(enum ir_op op, unsigned lg) {
  switch (op) {
  case IR_VSHL:
  case IR_VSHRU:
  case IR_VSHRS: return (8u << lg) + 2;
  case IR_VEXTRACT:
  case IR_VINSERT: return 16u >> lg;
  case IR_VEXT: return 16;
  default: return 1;
  }
}

static int vop_lane_ok(enum ir_op op, unsigned lg) {
  if (op == IR_VNARROW)
    return lg <= 2;
  if (op == IR_VWIDENU || op == IR_VWIDENS)
    return lg >= 1;
  return 1;
}

TEST(vector_ops_match_lane_reference) {
  int bad = 0;
  for (enum ir_op op = IR_VAND; op <= IR_VWIDENS; op++)
    for (unsigned lg = 0; lg < 4; lg++) {
      if (!vop_lane_ok(op, lg))
        continue;
      for (unsigned i = 0; i < 12; i++)
        for (unsigned j = 0; j < 12; j++)
          for (unsigned imm = 0; imm < vimm_count(op, lg); imm++) {
            union vreg a = vedge(i), b = vedge(j);
            union vreg want = ref_vop(op, lg, imm, &a, &b), got = run_vop(op, lg, imm, &a, &b);
            if (memcmp(&want, &got, 16) && bad++ < 5)
              fprintf(stderr,
                      "  %s.%u #%u a=%016llx%016llx b=%016llx%016llx: %016llx%016llx, want "
                      "%016llx%016llx\n",
                      ir_op_info[op].name, 8u << lg, imm, (unsigned long long)a.d[1],
                      (unsigned long long)a.d[0], (unsigned long long)b.d[1],
                      (unsigned long long)b.d[0], (unsigned long long)got.d[1],
                      (unsigned long long)got.d[0], (unsigned long long)want.d[1],
                      (unsigned long long)want.d[0]);
          }
    }
  ASSERT_EQ(bad, 0);
}

TEST(vector_memory_and_state) {
  _Alignas(16) uint8_t buf[48];
  for (unsigned i = 0; i < sizeof(buf); i++)
    buf[i] = (uint8_t)(0xa0 + i);
  for (unsigned size = 0; size <= 4; size++) {
    struct ir_block *b = ir_block_new(0);
    uint32_t addr = ir_const(b, IR_I64, (uintptr_t)(buf + 1));
    uint32_t v = ir_load(b, IR_V128, addr, size, 0);
    ir_put(b, VSLOT(0), v);
    uint32_t g = ir_get(b, IR_V128, VSLOT(2));
    ir_store(b, ir_const(b, IR_I64, (uintptr_t)(buf + 24)), g, size);
    ir_goto(b, 8);
    ASSERT_EQ(ir_verify(b), 0);
    struct vstate st = {.v = {1, 2, 0x1122334455667788ull, 0x99aabbccddeeff00ull}};
    ASSERT_EQ(ir_interp(b, &st.c), CPU_EXIT_PLAIN);
    union vreg want = {{0}};
    memcpy(want.b, buf + 1, 1u << size);
    ASSERT_EQ(st.v[0], want.d[0]);
    ASSERT_EQ(st.v[1], want.d[1]);
    union vreg src = {.d = {0x1122334455667788ull, 0x99aabbccddeeff00ull}};
    ASSERT(memcmp(buf + 24, src.b, 1u << size) == 0);
    ASSERT_EQ(buf[24 + (1u << size)], (uint8_t)(0xa0 + 24 + (1u << size))); /* no more */
    memcpy(buf + 24,
           (uint8_t[16]){0xb8, 0xb9, 0xba, 0xbb, 0xbc, 0xbd, 0xbe, 0xbf, 0xc0, 0xc1, 0xc2, 0xc3,
                         0xc4, 0xc5, 0xc6, 0xc7},
           16);
    ir_block_free(b);
  }
}

TEST(vector_print_and_verify) {
  struct ir_block *b = ir_block_new(0);
  uint32_t c = ir_vconst(b, 0x0102030405060708ull, 0x1112131415161718ull);
  uint32_t x = ir_get(b, IR_V128, VSLOT(0));
  uint32_t s = ir_vop(b, IR_VADD, IR_V128, 1, x, c, 0);
  uint32_t e = ir_vop(b, IR_VEXTRACT, IR_I64, 2, s, 0, 3);
  ir_put(b, VSLOT(2), e);
  ir_goto(b, 4);
  char *text = printed(b);
  ASSERT(strstr(text, "v128 = vconst 0x1112131415161718_0102030405060708\n"));
  ASSERT(strstr(text, "v128 = vadd.16 2, 1\n"));
  ASSERT(strstr(text, "i64 = vextract.32 3, #3\n"));
  free(text);
  ASSERT_EQ(ir_verify(b), 0);
  b->insn[e].imm = 4; /* only 4 lanes of 32 bits */
  ASSERT_EQ(verify_quiet(b), (int)e);
  b->insn[e].imm = 3;
  b->insn[s].b = x; /* fine: still v128 */
  ASSERT_EQ(verify_quiet(b), 0);
  b->insn[s].aux = 4; /* no 16-byte lanes */
  ASSERT_EQ(verify_quiet(b), (int)s);
  b->insn[s].aux = 1;
  b->insn[c].imm = 7; /* no such constant */
  ASSERT_EQ(verify_quiet(b), (int)c);
  ir_block_free(b);
}

/* ir_block_assign: a copy in the destination's own memory (grown from a
 * one-instruction start), the source untouched and the copy's scratch empty. */
TEST(block_assign_copies) {
  struct ir_block *src = ir_block_new(0x4000), *dst = ir_block_new_cap(0x9000, 1);
  for (unsigned i = 0; i < 300; i++) {
    if (i % 10 == 0)
      ir_mark(src, 0x4000 + 4 * i);
    ir_emit(src, IR_CONST, IR_I64, 0, 0, 0, i * 7);
  }
  uint32_t v = ir_vconst(src, 0x1122, 0x3344);
  src->guest_size = 1200, src->guest_insns = 300, src->flags_off = 8;
  (void)ir_scratch(dst, 4096);
  ir_block_assign(dst, src);
  ASSERT(dst->n == src->n && dst->n_marks == src->n_marks && dst->n_vconst == src->n_vconst);
  ASSERT(dst->insn != src->insn && dst->marks != src->marks && dst->vconst != src->vconst);
  ASSERT(!memcmp(dst->insn, src->insn, src->n * sizeof(*src->insn)));
  ASSERT(!memcmp(dst->marks, src->marks, src->n_marks * sizeof(*src->marks)));
  ASSERT(dst->vconst[dst->insn[v].imm].hi == 0x3344);
  ASSERT(dst->guest_pc == 0x4000 && dst->guest_size == 1200 && dst->guest_insns == 300 &&
         dst->flags_off == 8);
  ASSERT(dst->scratch != src->scratch);
  ir_emit(dst, IR_CONST, IR_I64, 0, 0, 0, 1); /* grows on */
  ASSERT(dst->n == src->n + 1 && src->insn[src->n - 1].imm != 1);
  ir_block_free(src);
  ir_block_free(dst);
}

TEST_MAIN("ir")
