/* x64_vf_test.c - the floating-point vector ops (VF*) compiled by the x86-64
 * backend against ir_interp (ir_vfeval), result bits and FP exceptions.
 *
 * Every op, lane size, extent, integer operand or result type and VFCMP kind
 * the verifier allows is built into a tiny block (GET the operands from a
 * state buffer, the op, PUT the result, GOTO), in three shapes: operands that
 * die at the op (the result may take a's register), b the same value as a,
 * and operands spilled to slots by register pressure. Each block runs on the
 * special values of its lane size in every pairing and on random lanes, all 16
 * bytes of every operand filled (the lanes outside the extent too). The
 * interpreter's exceptions come from fetestexcept, the compiled code's from
 * cpu->fp_pending (the exit trampoline's fold of MXCSR); they must be equal, and
 * the results identical except that a NaN lane may be any NaN. Then everything
 * again with the CPU features hidden, so VFMA takes the C fallback.
 *
 *   make o/tests/unit/x64_vf_test && o/tests/unit/x64_vf_test
 */
#include <fenv.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/mman.h>
#include "test.h"
#include "../../backend-x86_64/x64.h"

struct fake_cpu {
  struct cpu c;
  uint64_t regs[48];
};

#define REG(i) ((uint32_t)offsetof(struct fake_cpu, regs[i]))

/* Where the block finds and leaves its values (indices of regs, two per v128). */
enum { R_A = 0, R_B = 2, R_C = 4, R_OUT = 6, R_FILL = 8, N_FILL = 13, R_KEEP = 36 };

enum { CODE_SIZE = 16 << 20 };
static struct tc_buf code;
static struct tc_pcmap pcmap_store[256];

static struct tc_block *compile(const struct ir_block *b) {
  if (!code.start) {
    code.start = mmap(NULL, CODE_SIZE, PROT_READ | PROT_WRITE | PROT_EXEC,
                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (code.start == MAP_FAILED)
      abort();
    code.end = code.start + CODE_SIZE;
  }
  if (!code.cur || code.end - code.cur < (1 << 16)) {
    code.cur = code.start;
    code.overflow = 0;
    x64_backend.init(&code);
  }
  static struct tc_block blk;
  blk = (struct tc_block){
      .guest_pc = b->guest_pc, .pcmap = pcmap_store, .pcmap_cap = 256, .exits_cap = TC_MAX_EXITS};
  return x64_backend.translate(b, &blk, &code) == 0 ? &blk : NULL;
}

static uint64_t rng = 0x2545f4914f6cdd1dull;
static uint64_t rnd(void) {
  rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
  return rng;
}

/* ---- operand values ---- */

static const uint64_t special32[] = {
    0,          0x80000000, 0x00000001, 0x80000001, 0x007fffff, 0x807fffff, 0x00800000,
    0x80800000, 0x00800001, 0x00400000, 0x20000000, 0xa0000000, 0x7f7fffff, 0xff7fffff,
    0x7f800000, 0xff800000, 0x7fc00000, 0xffc00001, 0x7f800001, 0xff812345, 0x3f800000,
    0xbf800000, 0x3f000000, 0x3fc00000, 0xc0200000, 0xbf7fffff, 0x4f000000, 0xcf000000,
    0x4effffff, 0xcf000001, 0x4f800000, 0x4f7fffff, 0x5f000000, 0xdf000000, 0x5effffff,
    0x5f800000, 0x5f7fffff, 0x4b800000, 0x4b800001, 0x34000000, 0x7effffff, 0x00000003,
    0x7fffffff, 0x80000000, 0xffffffff, 0x01000001, 0x00ffffff, 0x7fffff80, 0x12345678,
};
static const uint64_t special64[] = {
    0,
    0x8000000000000000ull,
    0x0000000000000001ull,
    0x8000000000000001ull,
    0x000fffffffffffffull,
    0x0010000000000000ull,
    0x8010000000000000ull,
    0x0010000000000001ull,
    0x0008000000000000ull,
    0x2000000000000000ull,
    0xa000000000000000ull,
    0x7fefffffffffffffull,
    0xffefffffffffffffull,
    0x7ff0000000000000ull,
    0xfff0000000000000ull,
    0x7ff8000000000000ull,
    0xfff8000000000001ull,
    0x7ff0000000000001ull,
    0xfff4000000000000ull,
    0x3ff0000000000000ull,
    0xbff0000000000000ull,
    0x3fe0000000000000ull,
    0x3ff8000000000000ull,
    0xc004000000000000ull,
    0xbfefffffffffffffull,
    0x41e0000000000000ull,
    0xc1e0000000000000ull,
    0x41dfffffffc00000ull,
    0x41dfffffffe00000ull,
    0xc1e0000000100000ull,
    0xc1e0000000200000ull,
    0x41f0000000000000ull,
    0x41efffffffe00000ull,
    0x43e0000000000000ull,
    0x43dfffffffffffffull,
    0xc3e0000000000000ull,
    0xc3e0000000000001ull,
    0x43f0000000000000ull,
    0x43efffffffffffffull,
    0x4340000000000000ull,
    0x4340000000000001ull,
    0x3cb0000000000000ull,
    0x47efffffe0000000ull,
    0x47efffffe0000001ull,
    0x47effffff0000000ull,
    0x3810000000000000ull,
    0x380fffffffffffffull,
    0x36a0000000000000ull,
    0x3690000000000000ull,
    0x7fffffffffffffffull,
    0xffffffffffffffffull,
    0x8000000000000400ull,
    0x8000000000000401ull,
    0x0020000000000001ull,
    0x00000000ffffffffull,
    0x0000000080000001ull,
    0x123456789abcdef0ull,
};
enum {
  N32 = sizeof(special32) / sizeof(special32[0]),
  N64 = sizeof(special64) / sizeof(special64[0]),
};

static unsigned n_special(unsigned lg) {
  return lg == 3 ? N64 : N32;
}

static uint64_t special(unsigned lg, unsigned i) {
  return lg == 3 ? special64[i % N64] : special32[i % N32];
}

/* A random lane: a special, random bits, or a random mantissa under an exponent
 * near 0, 1, the integer limits, the overflow threshold or inf/NaN. */
static uint64_t random_lane(unsigned lg) {
  static const unsigned exp32[] = {0, 1, 126, 127, 150, 157, 158, 159, 189, 190, 191, 254, 255};
  static const unsigned exp64[] = {0,    1,    1022, 1023, 1075, 1053, 1054, 1055,
                                   1085, 1086, 1087, 2046, 2047, 897,  873};
  uint64_t r = rnd(), sign = rnd() & 1;
  switch (r & 3) {
  case 0: return special(lg, (unsigned)(r >> 8));
  case 1:
    if (lg == 3)
      return sign << 63 | (uint64_t)exp64[(r >> 8) % 15] << 52 | (rnd() & ((1ull << 52) - 1));
    return sign << 31 | (uint64_t)exp32[(r >> 8) % 13] << 23 | (rnd() & ((1u << 23) - 1));
  default: return lg == 3 ? rnd() : rnd() & 0xffffffffu;
  }
}

/* Fill the v128 at regs[r] with lanes of log2 size lg: specials from i, or random. */
static void fill(struct fake_cpu *c, int r, unsigned lg, int systematic, unsigned i) {
  for (unsigned k = 0; k < (16u >> lg); k++) {
    uint64_t v = systematic ? special(lg, i + k) : random_lane(lg);
    uint64_t *half = &c->regs[r + (k >= (8u >> lg))];
    if (lg == 3)
      *half = v;
    else
      *half = (*half & ~(0xffffffffull << (32 * (k & 1)))) | v << (32 * (k & 1));
  }
}

/* ---- one configuration ---- */

struct vf_cfg {
  enum ir_op op;
  unsigned aux;
  enum ir_type type, a_type; /* the result's and a's */
  uint64_t imm;
  int shape; /* 0: operands die at the op, 1: b is a, 2: operands spilled */
};

static unsigned lg_of(const struct vf_cfg *k) {
  return k->aux & 3;
}

/* The lane size of a's lanes (or of a's integer). */
static unsigned a_lg(const struct vf_cfg *k) {
  if (k->a_type == IR_I32 || k->a_type == IR_I64)
    return k->a_type == IR_I32 ? 2 : 3;
  return k->op == IR_VFCVT ? lg_of(k) ^ 1 : lg_of(k);
}

/* An FP result whose NaN lanes may be any NaN (VFROUND's are exact). */
static int fp_result(enum ir_op op) {
  return op <= IR_VFMIN || op == IR_VFFROMS || op == IR_VFFROMU || op == IR_VFCVT;
}

static void put_fillers(struct ir_block *b, const uint32_t *fill_refs) {
  for (int i = 0; i < N_FILL; i++)
    ir_put(b, REG(R_FILL + 2 * i), fill_refs[i]);
}

static struct ir_block *vf_block(const struct vf_cfg *k) {
  struct ir_block *b = ir_block_new(0x1000);
  unsigned nargs = ir_op_info[k->op].nargs;
  uint32_t x = ir_get(b, k->a_type, REG(R_A)), y = 0, z = 0, r, fill_refs[N_FILL];
  if (nargs > 1)
    y = k->shape == 1 ? x : ir_get(b, IR_V128, REG(R_B));
  if (nargs > 2)
    z = ir_get(b, IR_V128, REG(R_C));
  for (int i = 0; k->shape == 2 && i < N_FILL; i++)
    fill_refs[i] = ir_get(b, IR_V128, REG(R_FILL + 2 * i));
  if (nargs > 2)
    r = ir_vop3(b, k->op, k->aux, x, y, z);
  else
    r = ir_vop(b, k->op, k->type, k->aux, x, y, k->imm);
  ir_put(b, REG(R_OUT), r);
  if (k->shape == 2) {
    put_fillers(b, fill_refs);
    ir_put(b, REG(R_KEEP), x);
    if (y)
      ir_put(b, REG(R_KEEP + 2), y);
    if (z)
      ir_put(b, REG(R_KEEP + 4), z);
  }
  ir_goto(b, 0x2000);
  return b;
}

static uint32_t fpexc_of_host(int raised) {
  return (raised & FE_INVALID ? IR_FPEXC_INVALID : 0) |
         (raised & FE_DIVBYZERO ? IR_FPEXC_DIVZERO : 0) |
         (raised & FE_OVERFLOW ? IR_FPEXC_OVERFLOW : 0) |
         (raised & FE_UNDERFLOW ? IR_FPEXC_UNDERFLOW : 0) |
         (raised & FE_INEXACT ? IR_FPEXC_INEXACT : 0);
}

static int is_nan(uint64_t v, unsigned lg) {
  return lg == 3 ? (v & ~(1ull << 63)) > 0x7ff0000000000000ull : (v & 0x7fffffffu) > 0x7f800000u;
}

static uint64_t lane(const uint64_t *v, unsigned lg, unsigned k) {
  uint64_t half = v[k >= (8u >> lg)];
  return lg == 3 ? half : (half >> (32 * (k & 1))) & 0xffffffffu;
}

/* A lane of VFMAX/VFMIN with a NaN operand, whose result is unspecified. */
static int unspecified(const struct vf_cfg *k, const struct fake_cpu *in, unsigned i) {
  unsigned lg = lg_of(k);
  if (k->op != IR_VFMAX && k->op != IR_VFMIN)
    return 0;
  uint64_t b = k->shape == 1 ? lane(&in->regs[R_A], lg, i) : lane(&in->regs[R_B], lg, i);
  return is_nan(lane(&in->regs[R_A], lg, i), lg) || is_nan(b, lg);
}

/* The result at regs[R_OUT]: equal, or both NaN in a lane of an FP result. */
static int same_result(const struct vf_cfg *k, const struct fake_cpu *in, const uint64_t *got,
                       const uint64_t *want) {
  unsigned lg = lg_of(k);
  if (k->type != IR_V128 || !fp_result(k->op))
    return got[0] == want[0] && got[1] == want[1];
  for (unsigned i = 0; i < (16u >> lg); i++) {
    uint64_t g = lane(got, lg, i), w = lane(want, lg, i);
    if (g != w && !(is_nan(w, lg) && is_nan(g, lg)) && !unspecified(k, in, i))
      return 0;
  }
  return 1;
}

static void describe(const struct vf_cfg *k) {
  fprintf(stderr, "  %s aux %u (lane %u, extent %u) type %s a %s imm %llu shape %d features %#x\n",
          ir_op_info[k->op].name, k->aux, 8u << lg_of(k), k->aux & IR_VF_EXTENT_MASK,
          ir_type_name(k->type), ir_type_name(k->a_type), (unsigned long long)k->imm, k->shape,
          x64_features);
}

static void show_mismatch(const struct vf_cfg *k, const struct fake_cpu *in,
                          const struct fake_cpu *got, const struct fake_cpu *want) {
  describe(k);
  for (int r = R_A; r < R_OUT; r += 2)
    fprintf(stderr, "    in[%d]  %016llx_%016llx\n", r / 2, (unsigned long long)in->regs[r + 1],
            (unsigned long long)in->regs[r]);
  fprintf(stderr, "    got  %016llx_%016llx fpexc %#x\n", (unsigned long long)got->regs[R_OUT + 1],
          (unsigned long long)got->regs[R_OUT], got->c.fp_pending);
  fprintf(stderr, "    want %016llx_%016llx fpexc %#x\n", (unsigned long long)want->regs[R_OUT + 1],
          (unsigned long long)want->regs[R_OUT], want->c.fp_pending);
}

/* Run blk and the interpreter on in; 1 if they agree. */
static int agrees(const struct vf_cfg *k, struct ir_block *b, const struct tc_block *blk,
                  const struct fake_cpu *in) {
  struct fake_cpu x = *in, y = *in;
  uintptr_t ex = x64_backend.enter(&x.c, blk->code);
  feclearexcept(FE_ALL_EXCEPT);
  uintptr_t ey = ir_interp(b, &y.c);
  y.c.fp_pending = fpexc_of_host(fetestexcept(FE_ALL_EXCEPT));
  int ok = ex >= CPU_EXIT_LAST && ey == CPU_EXIT_PLAIN && x.c.pc == y.c.pc &&
           x.c.fp_pending == y.c.fp_pending && same_result(k, in, &x.regs[R_OUT], &y.regs[R_OUT]) &&
           !memcmp(x.regs, y.regs, R_OUT * 8) &&
           !memcmp(&x.regs[R_OUT + 2], &y.regs[R_OUT + 2], sizeof(x.regs) - (R_OUT + 2) * 8);
  if (!ok)
    show_mismatch(k, in, &x, &y);
  return ok;
}

static long n_blocks, n_runs;

/* Input t of a run: every pairing of the specials, then random lanes. */
static void make_input(const struct vf_cfg *k, struct fake_cpu *c, unsigned t, unsigned pairs) {
  unsigned lg = lg_of(k), alg = a_lg(k), n = n_special(lg);
  int sys = t < pairs;
  unsigned i = sys ? t / n : 0, j = sys ? t % n : 0;
  memset(c, 0, sizeof(*c));
  fill(c, R_A, alg, sys, i);
  fill(c, R_B, lg, sys, j);
  fill(c, R_C, lg, sys, i * 7 + j * 3);
  for (int r = R_FILL; r < R_KEEP; r += 2)
    fill(c, r, 3, 0, 0);
}

static int check_cfg(const struct vf_cfg *k, unsigned n_random, int all_pairs) {
  struct ir_block *b = vf_block(k);
  int ok = ir_verify(b) == 0;
  struct tc_block *blk = ok ? compile(b) : NULL;
  unsigned n = n_special(lg_of(k)), pairs = all_pairs ? n * n : n;
  if (!blk) {
    describe(k);
    fprintf(stderr, "    %s\n", ok ? "not translated" : "not verified");
    ok = 0;
  }
  for (unsigned t = 0; ok && t < pairs + n_random; t++) {
    struct fake_cpu c;
    make_input(k, &c, t, pairs);
    ok = agrees(k, b, blk, &c);
    n_runs++;
  }
  n_blocks++;
  ir_block_free(b);
  return ok;
}

/* ---- the configurations the verifier allows ---- */

static const unsigned extents[] = {IR_VF_ALL, IR_VF_HALF, IR_VF_ONE};

static int legal(enum ir_op op, unsigned lg, unsigned ext) {
  if (op == IR_VFDIV && lg == 2 && ext == IR_VF_HALF)
    return 0;
  return !(op == IR_VFCVT && lg == 2 && ext == IR_VF_ALL);
}

/* The (result type, a's type, imm) variants of op at extent ext; returns how many. */
static int variants(enum ir_op op, unsigned ext, struct vf_cfg *v) {
  static const enum ir_type ints[] = {IR_I32, IR_I64};
  int n = 0;
  v[n++] = (struct vf_cfg){op, 0, IR_V128, IR_V128, 0, 0};
  if (op == IR_VFCHK || op == IR_VFCMP)
    v[0].type = IR_I32;
  if (op == IR_VFCMP || op == IR_VFCHK)
    v[n++] = (struct vf_cfg){op, 0, IR_I32, IR_V128, 1, 0};
  for (uint64_t imm = 1; op == IR_VFROUND && imm <= (IR_VF_RMODE_MASK | IR_VF_RINEXACT); imm++)
    v[n++] = (struct vf_cfg){op, 0, IR_V128, IR_V128, imm, 0};
  for (int i = 0; ext == IR_VF_ONE && i < 2; i++) {
    if (op == IR_VFFROMS || op == IR_VFFROMU)
      v[n++] = (struct vf_cfg){op, 0, IR_V128, ints[i], 0, 0};
    if (op == IR_VFTOS || op == IR_VFTOU)
      v[n++] = (struct vf_cfg){op, 0, ints[i], IR_V128, 0, 0};
  }
  return n;
}

/* Every legal configuration of op through check_cfg; full: all pairings and more random. */
static int check_op(enum ir_op op, int full) {
  int ok = 1;
  for (unsigned lg = 2; lg <= 3; lg++)
    for (unsigned e = 0; e < 3; e++) {
      struct vf_cfg v[8];
      int nv = legal(op, lg, extents[e]) ? variants(op, extents[e], v) : 0;
      for (int i = 0; i < nv; i++)
        for (int shape = 0; shape < 3; shape++) {
          v[i].aux = lg | extents[e];
          v[i].shape = shape;
          if (shape == 1 && ir_op_info[op].nargs < 2)
            continue; /* the same as shape 0 */
          ok &= check_cfg(&v[i], full && shape == 0 ? 3000 : 300, full && shape == 0);
        }
    }
  return ok;
}

static int check_ops(enum ir_op first, enum ir_op last, int full) {
  int ok = 1;
  for (enum ir_op op = first; op <= last; op++)
    ok &= check_op(op, full);
  return ok;
}

TEST(arithmetic) {
  ASSERT(check_ops(IR_VFADD, IR_VFSQRT, 1));
}

/* VFMAX VFMIN (NaN lanes unspecified but invalid), VFROUND in every direction. */
TEST(max_min_round) {
  ASSERT(check_ops(IR_VFMAX, IR_VFROUND, 1));
}

TEST(compares) {
  ASSERT(check_ops(IR_VFCMPEQ, IR_VFCHK, 1));
}

TEST(conversions) {
  ASSERT(check_ops(IR_VFFROMS, IR_VFCVT, 1));
}

/* Without FMA3 (and SSSE3/SSE4.x) VFMA and VFROUND are calls of the C fallback. */
TEST(without_cpu_features) {
  struct ir_insn probe = {.op = IR_VFADD, .type = IR_V128, .aux = 2};
  x64_vec_native(&probe); /* detect the features first, then hide them */
  unsigned saved = x64_features;
  x64_features = 0;
  struct ir_insn fma = {.op = IR_VFMA, .type = IR_V128, .aux = 2};
  struct ir_insn round = {.op = IR_VFROUND, .type = IR_V128, .aux = 3};
  int fallback = !x64_vec_native(&fma) && !x64_vec_native(&round);
  int ok = check_ops(IR_VFADD, IR_VFCVT, 0);
  x64_features = saved;
  ASSERT(fallback);
  ASSERT(ok);
}

/* The pattern decoders emit: an op, VFCHK of its result, DEOPT_IF on it. */
TEST(check_then_deopt) {
  struct ir_block *b = ir_block_new(0x1000);
  uint32_t x = ir_get(b, IR_V128, REG(R_A)), y = ir_get(b, IR_V128, REG(R_B));
  uint32_t r = ir_vop(b, IR_VFMUL, IR_V128, 2, x, y, 0);
  ir_deopt_if(b, ir_vop(b, IR_VFCHK, IR_I32, 2, r, 0, 0), 0x1000);
  ir_put(b, REG(R_OUT), r);
  ir_goto(b, 0x2000);
  struct tc_block *blk = compile(b);
  ASSERT(blk != NULL);
  struct fake_cpu c = {0};
  c.regs[R_A] = 0x3f8000003f800000ull, c.regs[R_B] = 0x4000000040000000ull; /* 1 * 2 */
  ASSERT(x64_backend.enter(&c.c, blk->code) >= CPU_EXIT_LAST);
  ASSERT_EQ(c.regs[R_OUT], 0x4000000040000000ull);
  c.regs[R_B] = 0x7fa0000040000000ull; /* a signalling NaN in lane 1 */
  c.c.fp_pending = 0;
  ASSERT_EQ(x64_backend.enter(&c.c, blk->code), CPU_EXIT_DEOPT);
  ASSERT_EQ(c.c.pc, 0x1000);
  ASSERT_EQ(c.c.fp_pending, IR_FPEXC_INVALID);
  ir_block_free(b);
}

TEST(counts) {
  fprintf(stderr, "  x64_vf: %ld blocks, %ld runs\n", n_blocks, n_runs);
  ASSERT(n_runs > 0);
}

/* x64_fp_clear (the backend's fp_clear): every flag raised in MXCSR and in
 * the x87 status word (glibc's feraiseexcept raises some there) is clear
 * after it, and the rounding mode it found stays. */
TEST(fp_clear_both_units) {
  static const int modes[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
  for (unsigned m = 0; m < 4; m++) {
    ASSERT_EQ(fesetround(modes[m]), 0);
    volatile double one = 1, three = 3, zero = 0, q = one / three; /* inexact, in MXCSR */
    q = one / zero;                                                /* divide by zero */
    (void)q;
    feraiseexcept(FE_OVERFLOW | FE_UNDERFLOW | FE_INVALID);
    ASSERT(fetestexcept(FE_ALL_EXCEPT) != 0);
    x64_fp_clear();
    ASSERT_EQ(fetestexcept(FE_ALL_EXCEPT), 0);
    ASSERT_EQ(fegetround(), modes[m]);
  }
  fesetround(FE_TONEAREST);
}

TEST_MAIN("x64_vf")
