/* a64_vec_test.c - the A64 SIMD decoder to vector IR (a64_vec.c) against the
 * C helper version (a64_simd_patterns), which is the reference.
 *
 * Every encoding of each class a64_vec.c handles is enumerated (Q, U, size,
 * opcode, immediates); each one the vector table accepts is decoded by both
 * tables and run on the same random and edge states: the vector IR through
 * ir_interp and through the x86-64 backend (after opt_run), the helper
 * version through ir_interp. All three must leave identical registers. The
 * structure loads and stores (a64_vec_ldst.c, against the helper in
 * a64_ldst.c) run on a scratch buffer the base register points into,
 * and must leave identical memory too.
 *
 *   make o/tests/unit/a64_vec_test && o/tests/unit/a64_vec_test
 */
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include "test.h"
#include "../../decode/aarch64/a64.h"
#include "a64_helper_tables.h"
#include "../../backend-x86_64/x64.h"
#include "../../opt/opt.h"

enum { PC = 0x10000, CODE_SIZE = 16 << 20 };

static struct tc_buf code;
static struct tc_pcmap pcmap_store[4096];

static uint64_t rng = 0x853c49e6748fea9bull;
static uint64_t rnd(void) {
  rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
  return rng;
}

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

/* The vector IR patterns of a64.decode (a64_vec*.c), one name at a time in
 * the order of the spec. */
static const struct a64_pattern vec_patterns[] = {
    {0, 0, a64_decode_only_vec_fp_mov1, "vec_fp_mov1"},
    {0, 0, a64_decode_only_vec_3same, "vec_3same"},
    {0, 0, a64_decode_only_vec_3same_scalar, "vec_3same_scalar"},
    {0, 0, a64_decode_only_vec_3diff, "vec_3diff"},
    {0, 0, a64_decode_only_vec_2misc, "vec_2misc"},
    {0, 0, a64_decode_only_vec_2misc_scalar, "vec_2misc_scalar"},
    {0, 0, a64_decode_only_vec_across, "vec_across"},
    {0, 0, a64_decode_only_vec_addp_scalar, "vec_addp_scalar"},
    {0, 0, a64_decode_only_vec_copy, "vec_copy"},
    {0, 0, a64_decode_only_vec_modimm, "vec_modimm"},
    {0, 0, a64_decode_only_vec_shift, "vec_shift"},
    {0, 0, a64_decode_only_vec_shift_scalar, "vec_shift_scalar"},
    {0, 0, a64_decode_only_vec_perm, "vec_perm"},
    {0, 0, a64_decode_only_vec_ext, "vec_ext"},
    {0, 0, a64_decode_only_vec_tbl, "vec_tbl"},
    {0, 0, a64_decode_only_vec_fmov, "vec_fmov"},
    {0, 0, a64_decode_only_vsat_3same, "vsat_3same"},
    {0, 0, a64_decode_only_vsat_3same_scalar, "vsat_3same_scalar"},
    {0, 0, a64_decode_only_vsat_2misc, "vsat_2misc"},
    {0, 0, a64_decode_only_vsat_2misc_scalar, "vsat_2misc_scalar"},
    {0, 0, a64_decode_only_vsat_shift, "vsat_shift"},
    {0, 0, a64_decode_only_vsat_shift_scalar, "vsat_shift_scalar"},
    {0, 0, a64_decode_only_vsat_elem, "vsat_elem"},
    {0, 0, a64_decode_only_vsat_elem_scalar, "vsat_elem_scalar"},
    {0, 0, a64_decode_only_vec_arith_3same, "vec_arith_3same"},
    {0, 0, a64_decode_only_vec_arith_2misc, "vec_arith_2misc"},
    {0, 0, a64_decode_only_vec_elem, "vec_elem"},
    {0, 0, a64_decode_only_vec_arith_shift, "vec_arith_shift"},
    {0, 0, a64_decode_only_vec_arith_shift_scalar, "vec_arith_shift_scalar"},
    {0, 0, a64_decode_only_vec_shift_reg, "vec_shift_reg"},
    {0, 0, a64_decode_only_vec_shift_reg_scalar, "vec_shift_reg_scalar"},
    {0, 0, a64_decode_only_vec_aes, "vec_aes"},
    {0, 0, a64_decode_only_vec_pmull64, "vec_pmull64"},
    {0, 0, a64_decode_only_vec_sha_3reg, "vec_sha_3reg"},
    {0, 0, a64_decode_only_vec_sha_2reg, "vec_sha_2reg"},
    {0, 0, a64_decode_only_vec_eor3_bcax, "vec_eor3_bcax"},
    {0, 0, a64_decode_only_vec_xar, "vec_xar"},
    {0, 0, a64_decode_only_vec_rax1, "vec_rax1"},
    {0, 0, a64_decode_only_vec_sha512_3reg, "vec_sha512_3reg"},
    {0, 0, a64_decode_only_vec_sha512su0, "vec_sha512su0"},
    {0, 0, NULL, NULL}};

/* A block of the one instruction from table, or NULL if the table declines. */
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

/* The scratch memory of the loads and stores: the state's bytes in mem_in,
 * copied to mem before each run; base_reg (if >= 0) points into it. TBL
 * indices: index_reg (if >= 0) holds bytes below 72 in most states. */
enum { MEM_SIZE = 512, MEM_BASE = 192 };
static _Alignas(16) uint8_t mem[MEM_SIZE], mem_in[MEM_SIZE];
static int base_reg = -1, index_reg = -1;

static const uint64_t edge_halves[] = {0,
                                       ~0ull,
                                       0x8080808080808080ull,
                                       0x7f7f7f7f7f7f7f7full,
                                       0x8000800080008000ull,
                                       0x7fff00017fff8001ull,
                                       0x8000000080000000ull,
                                       0x7fffffff00000001ull,
                                       0x8000000000000000ull,
                                       0x00ff7f8001fe0080ull};
enum { NHALVES = sizeof(edge_halves) / sizeof(edge_halves[0]) };

/* State k: edges for small k, random after; x registers random. */
static void make_state(struct a64_cpu *a, unsigned k) {
  memset(a, 0, sizeof(*a));
  for (unsigned r = 0; r < 32; r++) {
    for (unsigned h = 0; h < 2; h++) {
      unsigned e = (k * 7 + r * 3 + h) % NHALVES;
      a->v[r][h] = k < 4 ? edge_halves[e] : k < 6 ? edge_halves[e] ^ rnd() >> 60 : rnd();
    }
    a->x[r] = k & 1 ? rnd() : edge_halves[(k + r) % NHALVES];
  }
  for (unsigned i = 0; i < MEM_SIZE; i++)
    mem_in[i] = (uint8_t)rnd();
  if (base_reg >= 0) /* aligned, and 3, 6, ... bytes off */
    a->x[base_reg] = (uint64_t)(uintptr_t)(mem + MEM_BASE + k % 6 * 3);
  for (unsigned i = 0; index_reg >= 0 && k >= 2 && i < 16; i++)
    ((uint8_t *)a->v[index_reg])[i] = (uint8_t)(rnd() % 72);
  for (unsigned i = 0; k == 7 && i < 32; i++) /* V2, V3: shift amounts -72..71 for [SU][R]SHL */
    ((uint8_t *)a->v[2 + i / 16])[i % 16] = (uint8_t)(rnd() % 144 - 72);
}

/* Run one version (interpreted: b, compiled: blk) on a fresh copy of the
 * memory; the memory it leaves goes to out. */
static void run_on_mem(struct a64_cpu *a, const struct ir_block *b, const struct tc_block *blk,
                       uint8_t *out) {
  memcpy(mem, mem_in, MEM_SIZE);
  if (blk)
    x64_backend.enter(&a->c, blk->code);
  else
    ir_interp(b, &a->c);
  memcpy(out, mem, MEM_SIZE);
}

static int same_state(const struct a64_cpu *x, const struct a64_cpu *y) {
  return !memcmp(x->v, y->v, sizeof(x->v)) && !memcmp(x->x, y->x, sizeof(x->x)) &&
         x->fpsr == y->fpsr && x->c.pc == y->c.pc;
}

static void show(const char *what, uint32_t insn, const struct a64_cpu *got,
                 const struct a64_cpu *want) {
  fprintf(stderr, "  %08x %s differs\n", insn, what);
  for (int r = 0; r < 32; r++)
    if (memcmp(got->v[r], want->v[r], 16))
      fprintf(stderr, "    v%d: %016llx_%016llx want %016llx_%016llx\n", r,
              (unsigned long long)got->v[r][1], (unsigned long long)got->v[r][0],
              (unsigned long long)want->v[r][1], (unsigned long long)want->v[r][0]);
  for (int r = 0; r < 32; r++)
    if (got->x[r] != want->x[r])
      fprintf(stderr, "    x%d: %016llx want %016llx\n", r, (unsigned long long)got->x[r],
              (unsigned long long)want->x[r]);
}

static struct tc_block *compile(const struct ir_block *b) {
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
  return x64_backend.translate(b, &blk, &code) == 0 ? &blk : NULL;
}

static int counted, failures;

/* A copy of b optimized for the backend, compiled; NULL if the backend refuses it. */
static struct tc_block *compile_opt(struct ir_block *ob) {
  opt_run(ob);
  return compile(ob);
}

/* Decode insn with the vector table and the reference table; if the vector
 * table takes it, compare on 8 states. */
static void check_with(const struct a64_pattern *vec, const struct a64_pattern *ref,
                       uint32_t insn) {
  struct ir_block *vb = decode_with(vec, insn);
  if (!vb)
    return;
  struct ir_block *hb = decode_with(ref, insn);
  counted++;
  if (!hb || ir_verify(vb)) {
    if (failures++ < 10)
      fprintf(stderr, "  %08x: %s\n", insn, hb ? "vector IR does not verify" : "helper declines");
    ir_block_free(vb);
    ir_block_free(hb);
    return;
  }
  struct ir_block *ob = NULL;
  struct tc_block *blk = NULL;
  for (unsigned k = 0; k < 8 && failures < 10; k++) {
    static struct a64_cpu in, want, got, jit;
    static uint8_t mem_want[MEM_SIZE], mem_got[MEM_SIZE], mem_jit[MEM_SIZE];
    make_state(&in, k);
    want = got = jit = in;
    run_on_mem(&want, hb, NULL, mem_want);
    run_on_mem(&got, vb, NULL, mem_got);
    if (k == 0)
      blk = compile_opt(ob = ir_block_copy(vb));
    if (blk)
      run_on_mem(&jit, NULL, blk, mem_jit);
    if (!same_state(&got, &want) || memcmp(mem_got, mem_want, MEM_SIZE)) {
      show("ir_interp", insn, &got, &want);
      failures++;
    } else if (!blk || !same_state(&jit, &want) || memcmp(mem_jit, mem_want, MEM_SIZE)) {
      if (blk)
        show("compiled", insn, &jit, &want);
      else
        fprintf(stderr, "  %08x: the backend refuses it\n", insn);
      failures++;
    }
  }
  ir_block_free(ob);
  ir_block_free(vb);
  ir_block_free(hb);
}

static void check(uint32_t insn) {
  check_with(vec_patterns, a64_simd_patterns, insn);
}

/* Rd=0 Rn=1 Rm=2, and Rd=Rn=Rm=3 for aliasing. */
static void check_regs(uint32_t base) {
  check(base | 2 << 16 | 1 << 5 | 0);
  check(base | 3 << 16 | 3 << 5 | 3);
}

/* Rd=0 Rn=1, and Rd=Rn=3, for the classes without Rm. */
static void check_rn(uint32_t base) {
  check(base | 1 << 5 | 0);
  check(base | 3 << 5 | 3);
}

TEST(three_same) {
  counted = failures = 0;
  for (uint32_t q = 0; q < 2; q++)
    for (uint32_t u = 0; u < 2; u++)
      for (uint32_t size = 0; size < 4; size++)
        for (uint32_t op = 0; op < 32; op++)
          check_regs(0x0e200400 | q << 30 | u << 29 | size << 22 | op << 11);
  fprintf(stderr, "  %d encodings\n", counted);
  ASSERT(counted > 100);
  ASSERT_EQ(failures, 0);
}

TEST(two_reg_misc_and_across) {
  counted = failures = 0;
  for (uint32_t q = 0; q < 2; q++)
    for (uint32_t u = 0; u < 2; u++)
      for (uint32_t size = 0; size < 4; size++)
        for (uint32_t op = 0; op < 32; op++) {
          check_rn(0x0e200800 | q << 30 | u << 29 | size << 22 | op << 12);
          check_rn(0x0e300800 | q << 30 | u << 29 | size << 22 | op << 12);
        }
  fprintf(stderr, "  %d encodings\n", counted);
  ASSERT(counted > 50);
  ASSERT_EQ(failures, 0);
}

TEST(three_different) {
  counted = failures = 0;
  for (uint32_t q = 0; q < 2; q++)
    for (uint32_t u = 0; u < 2; u++)
      for (uint32_t size = 0; size < 4; size++)
        for (uint32_t op = 0; op < 16; op++)
          check_regs(0x0e200000 | q << 30 | u << 29 | size << 22 | op << 12);
  fprintf(stderr, "  %d encodings\n", counted);
  ASSERT(counted > 100);
  ASSERT_EQ(failures, 0);
}

/* By element: every Q U size L M H opcode; Rm 2, 3 (check_regs) and 15 (M:Rm 31). */
TEST(by_element) {
  counted = failures = 0;
  for (uint32_t q = 0; q < 2; q++)
    for (uint32_t u = 0; u < 2; u++)
      for (uint32_t size = 0; size < 4; size++)
        for (uint32_t lmh = 0; lmh < 8; lmh++)
          for (uint32_t op = 0; op < 16; op++) {
            uint32_t insn = 0x0f000000 | q << 30 | u << 29 | size << 22 | (lmh & 3) << 20 |
                            op << 12 | (lmh >> 2) << 11;
            check_regs(insn);
            check(insn | 15 << 16 | 1 << 5 | 0);
          }
  fprintf(stderr, "  %d encodings\n", counted);
  ASSERT(counted > 500);
  ASSERT_EQ(failures, 0);
}

/* The scalar classes: three same, two-reg misc, pairwise, shift by immediate. */
TEST(scalar) {
  counted = failures = 0;
  for (uint32_t u = 0; u < 2; u++) {
    for (uint32_t size = 0; size < 4; size++)
      for (uint32_t op = 0; op < 32; op++) {
        check_regs(0x5e200400 | u << 29 | size << 22 | op << 11);
        check_rn(0x5e200800 | u << 29 | size << 22 | op << 12);
        check_rn(0x5e300800 | u << 29 | size << 22 | op << 12);
        check_regs(0x5f000000 | u << 29 | size << 22 | (op >> 4) * 0x200800 | (op & 15) << 12);
      }
    for (uint32_t imm = 8; imm < 128; imm++)
      for (uint32_t op = 0; op < 32; op++)
        check_rn(0x5f000400 | u << 29 | imm << 16 | op << 11);
  }
  fprintf(stderr, "  %d encodings\n", counted);
  ASSERT(counted > 200);
  ASSERT_EQ(failures, 0);
}

TEST(copy) {
  counted = failures = 0;
  for (uint32_t q = 0; q < 2; q++)
    for (uint32_t op = 0; op < 2; op++)
      for (uint32_t imm5 = 0; imm5 < 32; imm5++)
        for (uint32_t imm4 = 0; imm4 < 16; imm4++)
          check(0x0e000400 | q << 30 | op << 29 | imm5 << 16 | imm4 << 11 | 1 << 5 | 0);
  fprintf(stderr, "  %d encodings\n", counted);
  ASSERT(counted > 100);
  ASSERT_EQ(failures, 0);
}

TEST(modified_immediate) {
  static const uint32_t imm8s[] = {0x00, 0x01, 0x7f, 0x80, 0xa5, 0xff};
  counted = failures = 0;
  for (uint32_t q = 0; q < 2; q++)
    for (uint32_t op = 0; op < 2; op++)
      for (uint32_t cmode = 0; cmode < 16; cmode++)
        for (unsigned k = 0; k < sizeof(imm8s) / sizeof(imm8s[0]); k++)
          check(0x0f000400 | q << 30 | op << 29 | (imm8s[k] >> 5) << 16 | cmode << 12 |
                (imm8s[k] & 31) << 5 | 4);
  fprintf(stderr, "  %d encodings\n", counted);
  ASSERT(counted > 100);
  ASSERT_EQ(failures, 0);
}

TEST(shift_immediate) {
  counted = failures = 0;
  for (uint32_t q = 0; q < 2; q++)
    for (uint32_t u = 0; u < 2; u++)
      for (uint32_t imm = 8; imm < 128; imm++)
        for (uint32_t op = 0; op < 32; op++)
          check(0x0f000400 | q << 30 | u << 29 | imm << 16 | op << 11 | 1 << 5 | 0);
  fprintf(stderr, "  %d encodings\n", counted);
  ASSERT(counted > 500);
  ASSERT_EQ(failures, 0);
}

TEST(permutes_ext_fmov) {
  counted = failures = 0;
  for (uint32_t q = 0; q < 2; q++) {
    for (uint32_t size = 0; size < 4; size++)
      for (uint32_t op = 0; op < 8; op++)
        check_regs(0x0e000800 | q << 30 | size << 22 | op << 12);
    for (uint32_t imm4 = 0; imm4 < 16; imm4++)
      check_regs(0x2e000000 | q << 30 | imm4 << 11);
  }
  static const uint32_t fmovs[] = {0x1e260000, 0x1e270000, 0x9e660000,
                                   0x9e670000, 0x9eae0000, 0x9eaf0000};
  for (unsigned k = 0; k < sizeof(fmovs) / sizeof(fmovs[0]); k++)
    check(fmovs[k] | 1 << 5 | 0);
  fprintf(stderr, "  %d encodings\n", counted);
  ASSERT(counted > 50);
  ASSERT_EQ(failures, 0);
}

/* TBL, TBX with 1-4 table registers: Vm = v7 of small indices, the table
 * from v1, wrapping from v30, and everything aliased. */
TEST(tbl_tbx) {
  counted = failures = 0;
  index_reg = 7;
  for (uint32_t q = 0; q < 2; q++)
    for (uint32_t len = 0; len < 4; len++)
      for (uint32_t op = 0; op < 2; op++) {
        uint32_t insn = 0x0e000000 | q << 30 | len << 13 | op << 12;
        check(insn | 7 << 16 | 1 << 5 | 0);
        check(insn | 7 << 16 | 30 << 5 | 1);
        check(insn | 7 << 16 | 3 << 5 | 4);
        check(insn | 3 << 16 | 3 << 5 | 3);
      }
  index_reg = -1;
  fprintf(stderr, "  %d encodings\n", counted);
  ASSERT_EQ(counted, 64);
  ASSERT_EQ(failures, 0);
}

/* The structure loads and stores of a64.decode as vector IR (a64_vec_ldst.c)
 * and by the C helper (a64_ldst.c), as tables of one name each. */
static const struct a64_pattern vls_patterns[] = {{0, 0, a64_decode_only_vls_multi, "vls_multi"},
                                                  {0, 0, a64_decode_only_vls_single, "vls_single"},
                                                  {0, 0, NULL, NULL}};
static const struct a64_pattern vls_helper_patterns[] = {
    {0, 0, a64_decode_only_simd_multi, "simd_multi"},
    {0, 0, a64_decode_only_simd_single, "simd_single"},
    {0, 0, NULL, NULL}};

/* One structure load/store encoding with base Xn (pointing into mem): Rt 0
 * and 30 (the registers wrap), Rn x5 and SP, post-index by the immediate
 * (Rm 31) and by x6. */
static void check_ldst(uint32_t insn, bool post) {
  static const uint32_t rts[] = {0, 30}, rns[] = {5, 31}, rms[] = {31, 6};
  for (unsigned t = 0; t < 2; t++)
    for (unsigned n = 0; n < 2; n++)
      for (unsigned m = 0; m < (post ? 2u : 1u); m++) {
        base_reg = (int)rns[n];
        check_with(vls_patterns, vls_helper_patterns,
                   insn | (post ? rms[m] << 16 | 1u << 23 : 0) | rns[n] << 5 | rts[t]);
      }
  base_reg = -1;
}

TEST(ld_st_multiple_structures) {
  counted = failures = 0;
  for (uint32_t q = 0; q < 2; q++)
    for (uint32_t load = 0; load < 2; load++)
      for (uint32_t opcode = 0; opcode < 16; opcode++)
        for (uint32_t size = 0; size < 4; size++)
          for (int post = 0; post < 2; post++)
            check_ldst(0x0c000000 | q << 30 | load << 22 | opcode << 12 | size << 10, post);
  fprintf(stderr, "  %d encodings\n", counted);
  ASSERT_EQ(counted, 3 * 2 * 7 * 12); /* LD2-4 ST2-4, Q:size but .1D, 4 + 8 register choices */
  ASSERT_EQ(failures, 0);
}

TEST(ld_st_single_structure_and_replicate) {
  counted = failures = 0;
  for (uint32_t q = 0; q < 2; q++)
    for (uint32_t load = 0; load < 2; load++)
      for (uint32_t r = 0; r < 2; r++)
        for (uint32_t opcode = 0; opcode < 8; opcode++)
          for (uint32_t low = 0; low < 8; low++) /* S size */
            for (int post = 0; post < 2; post++)
              check_ldst(0x0d000000 | q << 30 | load << 22 | r << 21 | opcode << 13 | low << 10,
                         post);
  fprintf(stderr, "  %d encodings\n", counted);
  ASSERT(counted > 1000);
  ASSERT_EQ(failures, 0);
}

/* CRC32C{B,H,W,X} Wd, Wn, Rm as the helper call a64_dp_misc.c made before it
 * became the CRC32C op: the reference for the data-processing table's IR. */
uint64_t a64_helper_crc32c(struct cpu *c, uint64_t acc, uint64_t val, uint64_t bytes);
static bool ref_crc32c(struct a64_ctx *s, uint32_t insn) {
  uint32_t acc = ir_get(s->b, IR_I64, a64_off_x(a64_bits(insn, 5, 5)));
  uint32_t val = ir_get(s->b, IR_I64, a64_off_x(a64_bits(insn, 16, 5)));
  uint32_t n = ir_const(s->b, IR_I64, 1u << a64_bits(insn, 10, 2));
  ir_put(s->b, a64_off_x(insn & 31), ir_call(s->b, IR_I64, (void *)a64_helper_crc32c, acc, val, n));
  return true;
}
static const struct a64_pattern crc32_patterns[] = {{0, 0, a64_decode_only_crc32, "crc32"},
                                                    {0, 0, NULL, NULL}};
static const struct a64_pattern ref_crc32c_patterns[] = {
    {0x7fe0f000, 0x1ac05000, ref_crc32c, "crc32c (helper)"}, {0, 0, NULL, NULL}};

/* Rd=0 Rn=1 Rm=2 Ra=4, and all four 3, for the FEAT_SHA3 helpers' encodings. */
static void check_ext(uint32_t base) {
  check_with(vec_patterns, a64_ext_patterns, base | 4 << 10 | 2 << 16 | 1 << 5 | 0);
  check_with(vec_patterns, a64_ext_patterns, base | 3 << 10 | 3 << 16 | 3 << 5 | 3);
}

/* a64_vec_crypto.c: the AES class at every size and opcode (AESE AESD AESMC
 * AESIMC are vector IR), PMULL{2} at every size (1Q is vector IR); and
 * CRC32C{B,H,W,X} (a64_dp_misc.c, the CRC32C op) against its helper.
 * a64_vec_sha.c: SHA256H H2 SU1 SU0, SHA1SU0 SU1 H, EOR3 BCAX, XAR at some
 * rotations, RAX1, SHA512H H2 SU1 SU0. */
TEST(crypto) {
  counted = failures = 0;
  for (uint32_t size = 0; size < 4; size++)
    for (uint32_t op = 0; op < 32; op++)
      check_rn(0x4e280800 | size << 22 | op << 12);
  for (uint32_t q = 0; q < 2; q++)
    for (uint32_t size = 0; size < 4; size++)
      check_regs(0x0e20e000 | q << 30 | size << 22);
  for (uint32_t sf = 0; sf < 2; sf++)
    for (uint32_t sz = 0; sz < 4; sz++) {
      uint32_t insn = sf << 31 | 0x1ac05000 | sz << 10;
      check_with(crc32_patterns, ref_crc32c_patterns, insn | 2 << 16 | 1 << 5 | 0);
      check_with(crc32_patterns, ref_crc32c_patterns, insn | 3 << 16 | 3 << 5 | 3);
    }
  for (uint32_t op = 0; op < 8; op++) /* SHA1C P M and size != 0 decline */
    for (uint32_t size = 0; size < 2; size++)
      check_regs(0x5e000000 | size << 22 | op << 12);
  for (uint32_t op = 0; op < 4; op++)
    check_rn(0x5e280800 | op << 12);
  check_ext(0xce000000);
  check_ext(0xce200000);
  for (uint32_t imm = 0; imm < 64; imm += 21) /* 0 21 42 63 */
    check_with(vec_patterns, a64_ext_patterns, 0xce800000 | imm << 10 | 2 << 16 | 1 << 5);
  check_with(vec_patterns, a64_ext_patterns, 0xce800000 | 32 << 10 | 3 << 16 | 3 << 5 | 3);
  check_with(vec_patterns, a64_ext_patterns, 0xce608c00 | 2 << 16 | 1 << 5 | 0); /* RAX1 */
  check_with(vec_patterns, a64_ext_patterns, 0xce608c00 | 3 << 16 | 3 << 5 | 3);
  for (uint32_t op = 0; op < 3; op++) { /* SHA512H H2 SU1 */
    check_with(vec_patterns, a64_ext_patterns, 0xce608000 | op << 10 | 2 << 16 | 1 << 5 | 0);
    check_with(vec_patterns, a64_ext_patterns, 0xce608000 | op << 10 | 3 << 16 | 3 << 5 | 3);
  }
  check_with(vec_patterns, a64_ext_patterns, 0xcec08000 | 1 << 5 | 0); /* SHA512SU0 */
  check_with(vec_patterns, a64_ext_patterns, 0xcec08000 | 3 << 5 | 3);
  fprintf(stderr, "  %d encodings\n", counted);
  ASSERT_EQ(counted, 8 + 4 + 8 + 8 + 6 + 4 + 5 + 2 + 8);
  ASSERT_EQ(failures, 0);
}

TEST_MAIN("a64_vec")
