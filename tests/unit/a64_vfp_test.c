/* a64_vfp_test.c - the speculative FP translation (a64_vfp.c) against the
 * exact C helpers (a64_simd_patterns), which are the reference.
 *
 * Every encoding of the classes a64_vfp.c handles is enumerated; each one its
 * table accepts is run on special, random and ordinary register values with
 * FPCR's default and with the rounding, flush-to-zero and default-NaN modes
 * that the speculative code must leave to the helper. A speculative run that
 * exits with CPU_EXIT_DEOPT must not have written anything; then the helper
 * runs, as the run loop would make it. "Speculation, then on deopt the
 * helper" must leave the same V and X registers, NZCV and FPSR (with the
 * pending host exceptions folded in) as the helper alone, through ir_interp
 * and through compiled x86-64 code (after opt_run). The helpers run inside
 * translated code too, so their own host arithmetic must not raise an
 * exception that Arm does not.
 * Random sequences of the accepted encodings then go through the block
 * decoder the same way, deopting in the middle of blocks.
 *
 *   make o/tests/unit/a64_vfp_test && o/tests/unit/a64_vfp_test
 */
#include <fenv.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include "test.h"
#include "../../decode/aarch64/a64.h"
#include "a64_helper_tables.h"
#include "../../decode/aarch64/a64_helpers.h"
#include "../../decode/aarch64/a64_util.h"
#include "../../backend-x86_64/x64.h"
#include "../../opt/opt.h"

enum { PC = 0x10000, CODE_SIZE = 16 << 20, MAX_ACCEPTED = 1 << 14 };

/* The states each encoding runs on: special values, random bits, ordinary
 * numbers, then the FPCR modes. */
enum { N_SPECIAL = 32, N_RANDOM = 8, N_ORDINARY = 16, N_FPCR = 8 };
enum { N_STATES = N_SPECIAL + N_RANDOM + N_ORDINARY + N_FPCR, N_SEQUENCES = 3000 };

static struct tc_buf code;
static struct tc_pcmap pcmap_store[4096];

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint64_t rnd(void) {
  rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
  return rng;
}

/* ---- values ---- */

static const uint32_t special32[] = {
    0x00000000, 0x80000000, 0x00000001, 0x80000001, 0x007fffff, 0x807fffff, 0x00400000, 0x00800000,
    0x80800000, 0x00800001, 0x00ffffff, 0x7f7fffff, 0xff7fffff, 0x7f800000, 0xff800000, 0x7fc00000,
    0xffc00000, 0x7fc12345, 0x7f800001, 0xff812345, 0x7fbfffff, 0x3f800000, 0xbf800000, 0x3f7fffff,
    0x3f800001, 0x3f000000, 0xbf000000, 0x3fc00000, 0x4b800001, 0x4effffff, 0x4f000000, 0xcf000000,
    0xcf000001, 0x4f7fffff, 0x4f800000, 0x5effffff, 0x5f000000, 0xdf000000, 0x5f7fffff, 0x5f800000,
    0x1f800000, 0x20000000, 0x1a000000, 0x5a000000, 0x40000000, 0x34000000, 0x40200000, 0xc0200000,
    0xbf400000, 0xbe800000, 0x3f400000, 0x4b000001, 0xcb3fffff, 0x4f7fff80};
static const uint64_t special64[] = {
    0x0000000000000000ull, 0x8000000000000000ull, 0x0000000000000001ull, 0x8000000000000001ull,
    0x000fffffffffffffull, 0x800fffffffffffffull, 0x0008000000000000ull, 0x0010000000000000ull,
    0x8010000000000000ull, 0x0010000000000001ull, 0x001fffffffffffffull, 0x7fefffffffffffffull,
    0xffefffffffffffffull, 0x7ff0000000000000ull, 0xfff0000000000000ull, 0x7ff8000000000000ull,
    0xfff8000000000000ull, 0x7ff8000012345678ull, 0x7ff0000000000001ull, 0xfff0000012345678ull,
    0x3ff0000000000000ull, 0xbff0000000000000ull, 0x3fefffffffffffffull, 0x3ff0000000000001ull,
    0x3fe0000000000000ull, 0xbfe0000000000000ull, 0x3ff8000000000000ull, 0x4340000000000001ull,
    0x41dfffffffc00000ull, 0x41e0000000000000ull, 0xc1e0000000000000ull, 0xc1e0000000200000ull,
    0x41efffffffe00000ull, 0x41f0000000000000ull, 0x43dfffffffffffffull, 0x43e0000000000000ull,
    0xc3e0000000000000ull, 0x43efffffffffffffull, 0x43f0000000000000ull, 0x3810000000000000ull,
    0x380fffffffffffffull, 0x47efffffe0000000ull, 0x47efffff00000000ull, 0x36a0000000000000ull,
    0x3690000000000000ull, 0x2000000000000000ull, 0x5ff0000000000000ull, 0x41dfffffffe00000ull,
    0xc1e0000000100000ull, 0x41effffffff00000ull, 0xbfe8000000000000ull, 0xbfd0000000000000ull,
    0x4004000000000000ull, 0xc004000000000000ull, 0x4330000000000001ull, 0x43efffffffffffffull};
static const uint64_t special_int[] = {0,
                                       1,
                                       ~0ull,
                                       2,
                                       0x7fffffff,
                                       0x80000000,
                                       0xffffffff,
                                       0xffffffff80000000ull,
                                       0x7fffffffffffffffull,
                                       0x8000000000000000ull,
                                       0x8000000000000001ull,
                                       0x1000001,
                                       0x1000003,
                                       0x20000000000001ull,
                                       0xfffffffffeffffffull,
                                       0x7fffffc0,
                                       0x7fffff80};
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* A single of exponent within 2^+-24, either sign: nothing special. */
static uint32_t ordinary32(void) {
  uint64_t r = rnd();
  return (uint32_t)(r & 0x807fffff) | (uint32_t)(103 + (r >> 32) % 48) << 23;
}

enum fill { FILL_SPECIAL, FILL_RANDOM, FILL_ORDINARY };

/* One lane of log2 size lg. A double made of two ordinary singles is an
 * ordinary double (exponent within 2^+-240), so FCVTL's singles are too. */
static uint64_t lane_value(enum fill f, unsigned lg) {
  uint64_t r = rnd();
  if (f == FILL_RANDOM)
    return lg == 3 ? r : (uint32_t)r;
  if (f == FILL_SPECIAL && r % 4) {
    r >>= 8;
    return lg == 3 ? special64[r % COUNT(special64)] : special32[r % COUNT(special32)];
  }
  return lg == 3 ? (uint64_t)ordinary32() << 32 | ordinary32() : ordinary32();
}

static uint64_t int_value(enum fill f) {
  uint64_t r = rnd();
  if (f == FILL_SPECIAL && r % 4)
    return special_int[(r >> 8) % COUNT(special_int)];
  return f == FILL_ORDINARY ? r >> (r & 63) : rnd();
}

/* The FPCR of FPCR state k: rounding modes, FZ, DN, and last bits that do
 * not matter for single and double (AHP, FZ16). */
static uint32_t fpcr_mode(unsigned k) {
  static const uint32_t modes[N_FPCR] = {1u << 22,
                                         2u << 22,
                                         3u << 22,
                                         A64_FPCR_FZ,
                                         A64_FPCR_DN,
                                         A64_FPCR_FZ | A64_FPCR_DN | 1u << 22,
                                         A64_FPCR_FZ | A64_FPCR_AHP,
                                         A64_FPCR_AHP | 1u << 19};
  return modes[k % N_FPCR];
}

static bool fpcr_relevant(uint32_t fpcr) {
  return fpcr & (A64_FPCR_RMODE | A64_FPCR_FZ | A64_FPCR_DN);
}

/* State k: lanes of log2 size lg; see N_SPECIAL... */
static void make_state(struct a64_cpu *a, unsigned k, unsigned lg) {
  enum fill f = k < N_SPECIAL                           ? FILL_SPECIAL
                : k < N_SPECIAL + N_RANDOM              ? FILL_RANDOM
                : k < N_SPECIAL + N_RANDOM + N_ORDINARY ? FILL_ORDINARY
                                                        : FILL_SPECIAL;
  memset(a, 0, sizeof(*a));
  for (unsigned r = 0; r < 32; r++) {
    uint8_t *v = (uint8_t *)a->v[r];
    for (unsigned i = 0; i < 16u >> lg; i++)
      a64_set_lane(v, lg, i, lane_value(f, lg));
    a->x[r] = int_value(f);
  }
  a->nzcv = rnd() & 15;
  a->fpsr = rnd() % 4 ? 0 : (uint32_t)rnd() & 0x9f;
  if (k >= N_SPECIAL + N_RANDOM + N_ORDINARY)
    a->fpcr = fpcr_mode(k);
  a->c.pc = PC;
}

static bool is_ordinary(unsigned k) {
  return k >= N_SPECIAL + N_RANDOM && k < N_SPECIAL + N_RANDOM + N_ORDINARY;
}

/* ---- decoding and running ---- */

/* The first pattern of table that takes insn (as a64_decode.c does). */
static bool dispatch(struct a64_ctx *s, const struct a64_pattern *p) {
  for (; p->trans; p++) {
    if ((s->insn & p->mask) != p->value)
      continue;
    uint32_t n = s->b->n;
    if (p->trans(s, s->insn))
      return true;
    s->b->n = n;
  }
  return false;
}

/* A block of the one instruction from table, or NULL if the table declines. */
/* The VF IR patterns of a64.decode (a64_vfp*.c), one name at a time, in the
 * order of the spec. */
static const struct a64_pattern vfp_patterns[] = {
    {0, 0, a64_decode_only_vfp_dp2, "vfp_dp2"},
    {0, 0, a64_decode_only_vfp_dp3, "vfp_dp3"},
    {0, 0, a64_decode_only_vfp_dp1, "vfp_dp1"},
    {0, 0, a64_decode_only_vfp_fcmp, "vfp_fcmp"},
    {0, 0, a64_decode_only_vfp_cvt_int, "vfp_cvt_int"},
    {0, 0, a64_decode_only_vfp_cvt_fixed, "vfp_cvt_fixed"},
    {0, 0, a64_decode_only_vfp_3same, "vfp_3same"},
    {0, 0, a64_decode_only_vfp_2misc, "vfp_2misc"},
    {0, 0, a64_decode_only_vfp_pairwise_scalar, "vfp_pairwise_scalar"},
    {0, 0, a64_decode_only_vfp_across, "vfp_across"},
    {0, 0, a64_decode_only_vfp_fcsel, "vfp_fcsel"},
    {0, 0, a64_decode_only_vfp_fccmp, "vfp_fccmp"},
    {0, 0, a64_decode_only_vfp_elem, "vfp_elem"},
    {0, 0, NULL, NULL}};

static struct ir_block *decode_with(const struct a64_pattern *table, uint32_t insn) {
  struct ir_block *b = ir_block_new(PC);
  struct a64_ctx s = {.b = b, .pc = PC, .insn = insn};
  ir_mark(b, PC);
  if (!dispatch(&s, table)) {
    ir_block_free(b);
    return NULL;
  }
  if (!ir_block_ended(b))
    ir_goto(b, PC + 4);
  b->guest_size = 4;
  b->guest_insns = 1;
  return b;
}

static bool has_op(const struct ir_block *b, enum ir_op op) {
  for (uint32_t r = 1; r < b->n; r++)
    if (b->insn[r].op == op)
      return true;
  return false;
}

static bool has_vf_op(const struct ir_block *b) {
  for (uint32_t r = 1; r < b->n; r++)
    if (ir_is_vf_op(b->insn[r].op))
      return true;
  return false;
}

static struct ir_block *copy_block(const struct ir_block *b) {
  return ir_block_copy(b);
}

/* The block optimized and compiled, or NULL if the backend refuses it. */
static struct tc_block *compile(struct ir_block *b) {
  if (!code.start) {
    code.start = mmap(NULL, CODE_SIZE, PROT_READ | PROT_WRITE | PROT_EXEC,
                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (code.start == MAP_FAILED)
      abort();
    code.end = code.start + CODE_SIZE;
  }
  if (code.end - code.cur < (1 << 16) || !code.cur) {
    code.cur = code.start;
    x64_backend.init(&code);
  }
  static struct tc_block blk;
  blk = (struct tc_block){
      .guest_pc = b->guest_pc, .pcmap = pcmap_store, .pcmap_cap = 4096, .exits_cap = TC_MAX_EXITS};
  opt_run(b);
  return x64_backend.translate(b, &blk, &code) == 0 ? &blk : NULL;
}

/* Run b (or blk, when given) on a; the host exceptions it raises go to
 * fp_pending, as the exit trampoline or the interpreter loop does. */
static uintptr_t run(const struct ir_block *b, struct tc_block *blk, struct a64_cpu *a) {
  uintptr_t r;
  feclearexcept(FE_ALL_EXCEPT);
  if (blk)
    r = x64_backend.enter(&a->c, blk->code);
  else
    r = ir_interp(b, &a->c);
  xrun_fp_take(&a->c);
  return r;
}

/* ---- comparing ---- */

static int same_regs(const struct a64_cpu *x, const struct a64_cpu *y) {
  return !memcmp(x->v, y->v, sizeof(x->v)) && !memcmp(x->x, y->x, sizeof(x->x)) &&
         x->nzcv == y->nzcv && x->fpsr == y->fpsr && x->fpcr == y->fpcr;
}

static int same_state(const struct a64_cpu *x, const struct a64_cpu *y) {
  return same_regs(x, y) && x->c.pc == y->c.pc;
}

static void show(const char *what, uint32_t insn, const struct a64_cpu *in,
                 const struct a64_cpu *got, const struct a64_cpu *want) {
  fprintf(stderr, "  %08x %s differs (fpcr %08x)\n", insn, what, in->fpcr);
  for (int r = 0; r < 32; r++)
    if (memcmp(got->v[r], want->v[r], 16))
      fprintf(stderr, "    v%d: %016llx_%016llx want %016llx_%016llx\n", r,
              (unsigned long long)got->v[r][1], (unsigned long long)got->v[r][0],
              (unsigned long long)want->v[r][1], (unsigned long long)want->v[r][0]);
  for (int r = 0; r < 32; r++)
    if (got->x[r] != want->x[r])
      fprintf(stderr, "    x%d: %016llx want %016llx\n", r, (unsigned long long)got->x[r],
              (unsigned long long)want->x[r]);
  if (got->nzcv != want->nzcv || got->fpsr != want->fpsr || got->c.pc != want->c.pc)
    fprintf(stderr, "    nzcv %llx fpsr %02x pc %llx, want %llx %02x %llx\n",
            (unsigned long long)got->nzcv, got->fpsr, (unsigned long long)got->c.pc,
            (unsigned long long)want->nzcv, want->fpsr, (unsigned long long)want->c.pc);
  for (int r = 0; r < 4; r++)
    fprintf(stderr, "    in v%d: %016llx_%016llx x%d: %016llx\n", r,
            (unsigned long long)in->v[r][1], (unsigned long long)in->v[r][0], r,
            (unsigned long long)in->x[r]);
}

/* ---- one encoding ---- */

static int counted, failures, refused, compiled_ok;
static unsigned long runs, deopts, ordinary_runs, ordinary_deopts, ordinary_sqrt_deopts;
static unsigned long fpcr_deopts, fpcr_runs;
static uint32_t accepted[MAX_ACCEPTED];
static int n_accepted;

static void fail(uint32_t insn, const char *why) {
  if (failures++ < 10)
    fprintf(stderr, "  %08x: %s\n", insn, why);
}

/* Speculation on in, then on deopt the helper: into out; the exit code. */
static uintptr_t run_spec(uint32_t insn, const struct ir_block *sb, struct tc_block *blk,
                          const struct ir_block *hb, const struct a64_cpu *in,
                          struct a64_cpu *out) {
  *out = *in;
  uintptr_t r = run(sb, blk, out);
  if (r == CPU_EXIT_DEOPT) {
    if (out->c.pc != PC || !same_regs(out, in))
      fail(insn, "deopt after writing guest state");
    run(hb, NULL, out);
  }
  a64_fpsr_merge(out);
  return r;
}

/* The lane size the encoding's operands are made of: sz (bit 22) in every
 * class here (ftype<0> in the scalar ones), except FCVT from single. */
static unsigned insn_lg(uint32_t insn) {
  return 2 + a64_bits(insn, 22, 1);
}

static void count_run(unsigned k, uintptr_t r, const struct ir_block *sb) {
  bool deopt = r == CPU_EXIT_DEOPT;
  runs++, deopts += deopt;
  if (is_ordinary(k)) {
    ordinary_runs++, ordinary_deopts += deopt;
    ordinary_sqrt_deopts += deopt && has_op(sb, IR_VFSQRT);
  }
}

/* State k through the speculative block (interpreted, and compiled when
 * blk) against the helper alone. */
static void check_state(uint32_t insn, unsigned k, const struct ir_block *sb, struct tc_block *blk,
                        const struct ir_block *hb) {
  static struct a64_cpu in, want, got;
  make_state(&in, k, insn_lg(insn));
  want = in;
  run(hb, NULL, &want);
  if (want.c.fp_pending & ~want.fpsr) /* the helper's own host arithmetic */
    fail(insn, "the helper raises host exceptions that Arm does not");
  a64_fpsr_merge(&want);
  for (int compiled = 0; compiled < 1 + (blk != NULL); compiled++) {
    uintptr_t r = run_spec(insn, sb, compiled ? blk : NULL, hb, &in, &got);
    if (!compiled)
      count_run(k, r, sb);
    if (fpcr_relevant(in.fpcr) && has_vf_op(sb)) {
      fpcr_runs++, fpcr_deopts += r == CPU_EXIT_DEOPT;
      if (r != CPU_EXIT_DEOPT)
        fail(insn, "no deopt under a non-default FPCR");
    }
    if (!same_state(&got, &want)) {
      show(compiled ? "compiled" : "ir_interp", insn, &in, &got, &want);
      failures++;
    }
  }
}

/* Without speculation the table declines, or emits no FP op. */
static void check_no_spec(uint32_t insn) {
  xrun_opt.no_spec = true;
  struct ir_block *nb = decode_with(vfp_patterns, insn);
  xrun_opt.no_spec = false;
  if (nb && (has_vf_op(nb) || has_op(nb, IR_DEOPT_IF)))
    fail(insn, "speculates under --no-spec");
  ir_block_free(nb);
}

/* Decode insn both ways; if the VF table takes it, compare on every state. */
static void check(uint32_t insn) {
  struct ir_block *sb = decode_with(vfp_patterns, insn);
  if (!sb)
    return;
  struct ir_block *hb = decode_with(a64_simd_patterns, insn);
  counted++;
  if (n_accepted < MAX_ACCEPTED)
    accepted[n_accepted++] = insn;
  if (!hb || ir_verify(sb)) {
    fail(insn, hb ? "VF IR does not verify" : "helper declines");
    ir_block_free(sb);
    ir_block_free(hb);
    return;
  }
  check_no_spec(insn);
  struct ir_block *ob = copy_block(sb);
  struct tc_block *blk = compile(ob);
  refused += !blk, compiled_ok += blk != NULL;
  if (!blk)
    fail(insn, "the backend refuses it");
  for (unsigned k = 0; k < N_STATES && failures < 10; k++)
    check_state(insn, k, sb, blk, hb);
  ir_block_free(ob);
  ir_block_free(sb);
  ir_block_free(hb);
}

/* Rd=0 Rn=1 Rm=2, and Rd=Rn=Rm=3 for aliasing. */
static void check_regs(uint32_t base) {
  check(base | 2 << 16 | 1 << 5 | 0);
  check(base | 3 << 16 | 3 << 5 | 3);
}

/* The same with Ra (bits 10-14) = 4, and 3. */
static void check_regs_ra(uint32_t base) {
  check(base | 4 << 10 | 2 << 16 | 1 << 5 | 0);
  check(base | 3 << 10 | 3 << 16 | 3 << 5 | 3);
}

static void check_rn(uint32_t base) {
  check(base | 1 << 5 | 0);
  check(base | 3 << 5 | 3);
}

static void report(const char *what) {
  fprintf(stderr, "  %s: %d encodings, %d compiled, %d refused by the backend\n", what, counted,
          compiled_ok, refused);
}

static void start(void) {
  counted = failures = refused = compiled_ok = 0;
}

/* ---- the classes ---- */

TEST(scalar_arith) {
  start();
  for (uint32_t ftype = 0; ftype < 4; ftype++) {
    for (uint32_t op = 0; op < 16; op++) /* 2 source */
      check_regs(0x1e200800 | ftype << 22 | op << 12);
    for (uint32_t o = 0; o < 4; o++) /* 3 source */
      check_regs_ra(0x1f000000 | ftype << 22 | (o >> 1) << 21 | (o & 1) << 15);
    for (uint32_t op = 0; op < 64; op++) /* 1 source */
      check_rn(0x1e204000 | ftype << 22 | op << 15);
  }
  report("scalar arithmetic");
  /* dp2 (FMUL..FNMUL), dp3, FSQRT FCVT and FRINT[NPMZXI] */
  ASSERT_EQ(counted, 2 * (2 * 9 + 2 * 4 + 2 * 8));
  ASSERT_EQ(failures, 0);
}

TEST(scalar_compare_convert) {
  start();
  for (uint32_t ftype = 0; ftype < 4; ftype++) {
    for (uint32_t opc = 0; opc < 4; opc++) {
      check(0x1e202000 | ftype << 22 | 2 << 16 | 1 << 5 | opc << 3);
      check(0x1e202000 | ftype << 22 | 7 << 16 | 7 << 5 | opc << 3);
    }
    for (uint32_t sf = 0; sf < 2; sf++)
      for (uint32_t rop = 0; rop < 32; rop++) {
        uint32_t base = sf << 31 | ftype << 22 | (rop >> 3) << 19 | (rop & 7) << 16;
        check_rn(0x1e200000 | base);
        check(0x1e200000 | base | 31 << 5 | 31); /* XZR */
        for (uint32_t scale = 0; scale < 64; scale += 7)
          check_rn(0x1e000000 | base | scale << 10);
        check_rn(0x1e000000 | base | 32 << 10);
      }
  }
  report("scalar compare/convert");
  ASSERT(counted >= 2 * (8 + 16 + 16));
  ASSERT_EQ(failures, 0);
}

/* FCCMP/FCCMPE with every condition and some immediates, FCSEL with every condition. */
TEST(scalar_conditional) {
  start();
  for (uint32_t ftype = 0; ftype < 4; ftype++)
    for (uint32_t cond = 0; cond < 16; cond++) {
      for (uint32_t op = 0; op < 2; op++) {
        check(0x1e200400 | ftype << 22 | 2 << 16 | cond << 12 | 1 << 5 | op << 4 | (cond ^ 5));
        check(0x1e200400 | ftype << 22 | 3 << 16 | cond << 12 | 3 << 5 | op << 4 | 0xa);
      }
      check_regs(0x1e200c00 | ftype << 22 | cond << 12);
    }
  report("fccmp/fcsel");
  ASSERT_EQ(counted, 2 * 16 * (4 + 2));
  ASSERT_EQ(failures, 0);
}

TEST(vector_three_same) {
  start();
  for (uint32_t q = 0; q < 2; q++)
    for (uint32_t u = 0; u < 2; u++)
      for (uint32_t size = 0; size < 4; size++)
        for (uint32_t op = 0; op < 32; op++) {
          check_regs(0x0e200400 | q << 30 | u << 29 | size << 22 | op << 11);
          if (!q)
            check_regs(0x5e200400 | u << 29 | size << 22 | op << 11);
        }
  report("three same");
  ASSERT(counted >= 100);
  ASSERT_EQ(failures, 0);
}

TEST(vector_two_reg_misc) {
  start();
  for (uint32_t q = 0; q < 2; q++)
    for (uint32_t u = 0; u < 2; u++)
      for (uint32_t size = 0; size < 4; size++)
        for (uint32_t op = 0; op < 32; op++) {
          check_rn(0x0e200800 | q << 30 | u << 29 | size << 22 | op << 12);
          check_rn(0x0e300800 | q << 30 | u << 29 | size << 22 | op << 12); /* across lanes */
          if (!q) {
            check_rn(0x5e200800 | u << 29 | size << 22 | op << 12);
            check_rn(0x5e300800 | u << 29 | size << 22 | op << 12);
          }
        }
  report("two-reg misc, pairwise, across lanes");
  ASSERT(counted >= 100);
  ASSERT_EQ(failures, 0);
}

TEST(by_element) {
  start();
  for (uint32_t q = 0; q < 2; q++)
    for (uint32_t u = 0; u < 2; u++)
      for (uint32_t size = 0; size < 4; size++)
        for (uint32_t op = 0; op < 16; op++)
          for (uint32_t hlm = 0; hlm < 8; hlm++) {
            uint32_t f = size << 22 | op << 12 | (hlm >> 2) << 11 | (hlm & 3) << 20 | u << 29;
            check(0x0f000000 | q << 30 | f | 2 << 16 | 1 << 5);
            check(0x0f000000 | q << 30 | f | 3 << 16 | 3 << 5 | 3);
            if (!q)
              check(0x5f000000 | f | 2 << 16 | 1 << 5);
          }
  report("by element");
  ASSERT(counted >= 100);
  ASSERT_EQ(failures, 0);
}

/* Results where x86 and Arm differ, each of which must deopt to the helper:
 * tininess (Arm before rounding, x86 after) when a product rounds up to the
 * smallest normal, and NaN propagation; and one ordinary case that must not. */
TEST(known_differences) {
  static const struct {
    uint32_t insn;
    uint64_t n, m, want;
    uint32_t fpsr;
    bool deopt;
  } cases[] = {
      /* fmul s0, s1, s2: (1 - 2^-23)(1 + 2^-23) 2^-126 is tiny, rounds to 2^-126 */
      {0x1e220820, 0x3f7ffffe, 0x00800001, 0x00800000, A64_FPSR_UFC | A64_FPSR_IXC, true},
      /* fmul d0, d1, d2: the same in double */
      {0x1e620820, 0x3feffffffffffffeull, 0x0010000000000001ull, 0x0010000000000000ull,
       A64_FPSR_UFC | A64_FPSR_IXC, true},
      /* fadd s0, s1, s2: a quiet NaN operand propagates with its payload */
      {0x1e222820, 0x3f800000, 0xffc12345, 0xffc12345, 0, true},
      /* fadd s0, s1, s2: a signalling NaN is quieted, IOC */
      {0x1e222820, 0x7f800001, 0x3f800000, 0x7fc00001, A64_FPSR_IOC, true},
      /* fsub s0, s1, s2: Inf - Inf is the positive default NaN, IOC */
      {0x1e223820, 0x7f800000, 0x7f800000, 0x7fc00000, A64_FPSR_IOC, true},
      /* fmul s0, s1, s2: 1.5 * 2 = 3 exactly */
      {0x1e220820, 0x3fc00000, 0x40000000, 0x40400000, 0, false},
  };
  for (unsigned i = 0; i < COUNT(cases); i++) {
    static struct a64_cpu in, got;
    struct ir_block *sb = decode_with(vfp_patterns, cases[i].insn);
    struct ir_block *hb = decode_with(a64_simd_patterns, cases[i].insn);
    ASSERT(sb && hb);
    memset(&in, 0, sizeof(in));
    in.c.pc = PC;
    in.v[1][0] = cases[i].n, in.v[2][0] = cases[i].m;
    uintptr_t r = run_spec(cases[i].insn, sb, NULL, hb, &in, &got);
    ir_block_free(sb);
    ir_block_free(hb);
    ASSERT_EQ(r == CPU_EXIT_DEOPT, cases[i].deopt);
    ASSERT_EQ(got.v[0][0], cases[i].want);
    ASSERT_EQ(got.fpsr, cases[i].fpsr);
  }
}

/* The corners of the instructions added with VFMAX/VFMIN/VFROUND: what Arm
 * gives, and whether the speculative code may do it alone. */
TEST(rounding_minmax_corners) {
  static const struct {
    uint32_t insn;
    uint64_t n, m, want_v0, want_x0;
    uint32_t nzcv_in, want_nzcv, fpsr;
    bool deopt;
  } cases[] = {
      /* fmaxnm s0, s1, s2: a quiet NaN gives the number, no flags; x86 would raise invalid */
      {0x1e226820, 0x7fc00000, 0x3f800000, 0x3f800000, 0, 0, 0, 0, true},
      /* fmax s0, s1, s2 and fmin: +0 > -0 */
      {0x1e224820, 0x00000000, 0x80000000, 0x00000000, 0, 0, 0, 0, false},
      {0x1e225820, 0x00000000, 0x80000000, 0x80000000, 0, 0, 0, 0, false},
      /* fcvtns w0, d1: 2^31 - 0.5 rounds to even 2^31, out of range: IOC alone */
      {0x1e600020, 0x41dfffffffe00000ull, 0, 0, 0x7fffffff, 0, 0, A64_FPSR_IOC, false},
      /* fcvtnu w0, s1: -0.25 rounds to -0, IXC; -0.75 rounds to -1, IOC alone */
      {0x1e210020, 0xbe800000, 0, 0, 0, 0, 0, A64_FPSR_IXC, false},
      {0x1e210020, 0xbf400000, 0, 0, 0, 0, 0, A64_FPSR_IOC, false},
      /* fcvtms w0, s1: -0.5 -> -1, IXC */
      {0x1e300020, 0xbf000000, 0, 0, 0xffffffff, 0, 0, A64_FPSR_IXC, false},
      /* frintx s0, s1: 2.5 -> 2, IXC; frintn: no flag; frintm of a signalling NaN: quieted, IOC */
      {0x1e274020, 0x40200000, 0, 0x40000000, 0, 0, 0, A64_FPSR_IXC, false},
      {0x1e244020, 0x40200000, 0, 0x40000000, 0, 0, 0, 0, false},
      {0x1e254020, 0x7f800001, 0, 0x7fc00001, 0, 0, 0, A64_FPSR_IOC, false},
      /* fccmp s1, s2, #5, eq with Z clear: NZCV = 5; with Z set: the compare's 1 < 2 */
      {0x1e220425, 0x3f800000, 0x40000000, 0, 0, 0, 5, 0, false},
      {0x1e220425, 0x3f800000, 0x40000000, 0, 0, 4, 8, 0, false},
      /* fmulx s0, s1, s2: -Inf * 0 = -2, no flags */
      {0x5e22dc20, 0xff800000, 0x00000000, 0xc0000000, 0, 0, 0, 0, true},
      /* frecps s0, s1, s2: 2 - 2 * 0.5 = 1; frsqrts: (3 - 1 * 1) / 2 = 1 */
      {0x5e22fc20, 0x40000000, 0x3f000000, 0x3f800000, 0, 0, 0, 0, false},
      {0x5ea2fc20, 0x3f800000, 0x3f800000, 0x3f800000, 0, 0, 0, 0, false},
  };
  for (unsigned i = 0; i < COUNT(cases); i++) {
    static struct a64_cpu in, got;
    struct ir_block *sb = decode_with(vfp_patterns, cases[i].insn);
    struct ir_block *hb = decode_with(a64_simd_patterns, cases[i].insn);
    ASSERT(sb && hb);
    memset(&in, 0, sizeof(in));
    in.c.pc = PC;
    in.v[1][0] = cases[i].n, in.v[2][0] = cases[i].m, in.nzcv = cases[i].nzcv_in;
    uintptr_t r = run_spec(cases[i].insn, sb, NULL, hb, &in, &got);
    ir_block_free(sb);
    ir_block_free(hb);
    if (got.v[0][0] != cases[i].want_v0 || got.x[0] != cases[i].want_x0 ||
        got.nzcv != cases[i].want_nzcv || got.fpsr != cases[i].fpsr)
      fprintf(stderr, "  case %u: v0 %llx x0 %llx nzcv %llx fpsr %x\n", i,
              (unsigned long long)got.v[0][0], (unsigned long long)got.x[0],
              (unsigned long long)got.nzcv, got.fpsr);
    ASSERT_EQ(r == CPU_EXIT_DEOPT, cases[i].deopt);
    ASSERT_EQ(got.v[0][0], cases[i].want_v0);
    ASSERT_EQ(got.x[0], cases[i].want_x0);
    ASSERT_EQ(got.nzcv, cases[i].want_nzcv);
    ASSERT_EQ(got.fpsr, cases[i].fpsr);
  }
}

/* ---- sequences through the block decoder ---- */

static uint32_t code_page[1024] __attribute__((aligned(4096)));

static uint64_t code_pc(void) {
  return (uint64_t)(uintptr_t)code_page;
}

/* Decode n instructions at pc (speculating or not) and run them. */
static uintptr_t run_insns(uint64_t pc, unsigned n, bool spec, bool jit, struct a64_cpu *a) {
  struct ir_block *b = ir_block_new(pc);
  xrun_opt.max_block_insns = n;
  xrun_opt.no_spec = !spec;
  a64_decode_block(b, pc);
  xrun_opt.no_spec = false;
  xrun_opt.max_block_insns = 0;
  uintptr_t r;
  struct tc_block *blk = NULL;
  if (ir_verify(b))
    fail(*(uint32_t *)(uintptr_t)pc, "sequence block does not verify");
  if (jit)
    blk = compile(b);
  r = run(b, blk, a);
  ir_block_free(b);
  return r;
}

/* The n instructions from code_page on, as the run loop runs them: a
 * deopted instruction alone without speculation, then on. */
static unsigned run_sequence(unsigned n, bool jit, struct a64_cpu *a) {
  uint64_t end = code_pc() + 4 * n;
  unsigned nd = 0;
  a->c.pc = code_pc();
  while (a->c.pc != end) {
    if (run_insns(a->c.pc, (unsigned)(end - a->c.pc) / 4, true, jit, a) == CPU_EXIT_DEOPT) {
      run_insns(a->c.pc, 1, false, false, a);
      nd++;
    }
  }
  a64_fpsr_merge(a);
  return nd;
}

/* Rd and Rn (and Rm, Ra where they are registers) drawn from v0..v5 so
 * that the instructions feed each other. */
static uint32_t with_random_regs(uint32_t insn) {
  bool fcmp = (insn & 0xff20fc07) == 0x1e202000;
  uint32_t keep = fcmp ? 0x1f : 0;
  insn = (insn & ~(0x3ffu & ~keep)) | ((uint32_t)rnd() % 6 << 5);
  if (!fcmp)
    insn |= (uint32_t)rnd() % 6;
  return insn;
}

TEST(sequences) {
  static struct a64_cpu in, want, got;
  unsigned long seq_deopts = 0;
  start();
  ASSERT(n_accepted > 100);
  for (unsigned t = 0; t < N_SEQUENCES && failures < 10; t++) {
    unsigned n = 2 + t % 7;
    for (unsigned i = 0; i < n; i++)
      code_page[i] = with_random_regs(accepted[rnd() % (unsigned)n_accepted]);
    make_state(&in, (unsigned)(rnd() % N_STATES), 2 + (unsigned)(rnd() & 1));
    want = in;
    want.c.pc = code_pc();
    run_insns(code_pc(), n, false, false, &want);
    a64_fpsr_merge(&want);
    for (int jit = 0; jit < 2; jit++) {
      got = in;
      seq_deopts += run_sequence(n, jit, &got);
      if (!same_state(&got, &want)) {
        show(jit ? "compiled sequence" : "sequence", code_page[0], &in, &got, &want);
        for (unsigned i = 0; i < n; i++)
          fprintf(stderr, "    insn %u: %08x\n", i, code_page[i]);
        failures++;
      }
    }
  }
  fprintf(stderr, "  %d sequences, %lu deopts\n", N_SEQUENCES, seq_deopts);
  ASSERT_EQ(failures, 0);
}

/* Speculation should almost never fail on ordinary values; every FPCR mode
 * that matters must deopt. */
TEST(deopt_counts) {
  fprintf(stderr,
          "  %lu runs, %lu deopts; ordinary values: %lu runs, %lu deopts"
          " (%lu of them FSQRT of a negative); FPCR modes: %lu of %lu deopt\n",
          runs, deopts, ordinary_runs, ordinary_deopts, ordinary_sqrt_deopts, fpcr_deopts,
          fpcr_runs);
  ASSERT(ordinary_runs > 1000);
  ASSERT((ordinary_deopts - ordinary_sqrt_deopts) * 1000 <= ordinary_runs);
  ASSERT_EQ(fpcr_deopts, fpcr_runs);
}

TEST_MAIN("a64_vfp")
