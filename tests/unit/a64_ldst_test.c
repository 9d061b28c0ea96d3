/* a64_ldst_test.c - the A64 load/store, atomic, FP and SIMD decoders, run
 * through the reference IR interpreter on a scratch buffer.
 *
 * Each test decodes a few instruction words (assembled with
 * aarch64-linux-gnu-as; the assembly is in the comment) with the pattern
 * tables, runs the block with ir_interp, and checks registers and memory
 * against C expressions on a snapshot of the buffer.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "test.h"
#include "../../decode/aarch64/a64.h"
#include "a64_helper_tables.h"

static struct a64_cpu cpu;
static _Alignas(16) uint8_t mem[1024], snap[1024];
enum { B = 256 }; /* x0 points at mem + B */

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void reset(void) {
  memset(&cpu, 0, sizeof(cpu));
  for (unsigned i = 0; i < sizeof(mem); i++)
    mem[i] = (uint8_t)(i * 37 + 0x81);
  memcpy(snap, mem, sizeof(mem));
  cpu.x[0] = (uint64_t)(uintptr_t)(mem + B);
  cpu.x[31] = (uint64_t)(uintptr_t)(mem + B + 256); /* sp */
  cpu.excl_addr = (uint64_t)-1;
}

/* Value of n bytes at offset off from mem + B, before (s) and after (m) the run. */
static uint64_t rd(const uint8_t *base, long off, unsigned n) {
  uint64_t v = 0;
  memcpy(&v, base + B + off, n);
  return v;
}
static uint64_t s64(long off) {
  return rd(snap, off, 8);
}
static uint64_t m64(long off) {
  return rd(mem, off, 8);
}
static uint64_t base(long off) {
  return (uint64_t)(uintptr_t)(mem + B + off);
}

/* The loads and stores of a64.decode with the structure forms by the C
 * helper (a64_ldst.c), one name at a time in the order of the spec. */
static const struct a64_pattern ldst_patterns[] = {
    {0, 0, a64_decode_only_ldst_uimm, "ldst_uimm"},
    {0, 0, a64_decode_only_ldst_imm9, "ldst_imm9"},
    {0, 0, a64_decode_only_ldst_reg, "ldst_reg"},
    {0, 0, a64_decode_only_ldr_lit, "ldr_lit"},
    {0, 0, a64_decode_only_ldst_pair, "ldst_pair"},
    {0, 0, a64_decode_only_ldapur, "ldapur"},
    {0, 0, a64_decode_only_excl, "excl"},
    {0, 0, a64_decode_only_atomic, "atomic"},
    {0, 0, a64_decode_only_simd_multi, "simd_multi"},
    {0, 0, a64_decode_only_simd_single, "simd_single"},
    {0, 0, NULL, NULL}};

static bool decode_one(struct ir_block *b, uint64_t pc, uint32_t insn) {
  const struct a64_pattern *tabs[] = {ldst_patterns, a64_simd_patterns};
  struct a64_ctx s = {.b = b, .pc = pc, .insn = insn};
  ir_mark(b, pc);
  for (unsigned t = 0; t < N(tabs); t++)
    for (const struct a64_pattern *p = tabs[t]; p->trans; p++)
      if ((insn & p->mask) == p->value && p->trans(&s, insn))
        return true;
  return false;
}

static struct ir_block *last_block;

/* Decode n words at code (pc = their address) and run them; false if one
 * did not decode or the IR is malformed. */
static bool run(const uint32_t *code, unsigned n) {
  uint64_t pc = (uint64_t)(uintptr_t)code;
  ir_block_free(last_block);
  struct ir_block *b = last_block = ir_block_new(pc);
  for (unsigned i = 0; i < n; i++)
    if (!decode_one(b, pc + 4 * i, code[i])) {
      fprintf(stderr, "  0x%08x did not decode\n", code[i]);
      return false;
    }
  ir_goto(b, pc + 4 * n);
  if (ir_verify(b))
    return false;
  return ir_interp(b, &cpu.c) == CPU_EXIT_PLAIN && cpu.c.pc == pc + 4 * n;
}

/* Whether the block of the last run contains op. */
static bool has_op(enum ir_op op) {
  for (uint32_t i = 1; i < last_block->n; i++)
    if (last_block->insn[i].op == op)
      return true;
  return false;
}

static bool decodes(uint32_t insn) {
  struct ir_block *b = ir_block_new(0x1000);
  bool ok = decode_one(b, 0x1000, insn);
  ir_block_free(b);
  return ok;
}

static bool run1(uint32_t insn) {
  static uint32_t code[1];
  code[0] = insn;
  return run(code, 1);
}

/* ---- general registers ---- */

TEST(ldr_str_unsigned_offset) {
  static const uint32_t code[] = {
      0xf9400401, /* ldr x1, [x0, #8] */
      0x39400402, /* ldrb w2, [x0, #1] */
      0x39800803, /* ldrsb x3, [x0, #2] */
      0x39c00804, /* ldrsb w4, [x0, #2] */
      0x79400405, /* ldrh w5, [x0, #2] */
      0x79800406, /* ldrsh x6, [x0, #2] */
      0x79c00407, /* ldrsh w7, [x0, #2] */
      0xb9800408, /* ldrsw x8, [x0, #4] */
      0xb9400409, /* ldr w9, [x0, #4] */
      0xf9000801, /* str x1, [x0, #16] */
      0x39006002, /* strb w2, [x0, #24] */
      0x79003405, /* strh w5, [x0, #26] */
      0xb9001c09, /* str w9, [x0, #28] */
      0xf9800400, /* prfm pldl1keep, [x0, #8] */
  };
  reset();
  cpu.x[4] = cpu.x[7] = ~0ull;
  ASSERT(run(code, N(code)));
  ASSERT_EQ(cpu.x[1], s64(8));
  ASSERT_EQ(cpu.x[2], snap[B + 1]);
  ASSERT_EQ(cpu.x[3], (uint64_t)(int64_t)(int8_t)snap[B + 2]);
  ASSERT_EQ(cpu.x[4], (uint32_t)(int32_t)(int8_t)snap[B + 2]);
  ASSERT_EQ(cpu.x[5], rd(snap, 2, 2));
  ASSERT_EQ(cpu.x[6], (uint64_t)(int64_t)(int16_t)rd(snap, 2, 2));
  ASSERT_EQ(cpu.x[7], (uint32_t)(int32_t)(int16_t)rd(snap, 2, 2));
  ASSERT_EQ(cpu.x[8], (uint64_t)(int64_t)(int32_t)rd(snap, 4, 4));
  ASSERT_EQ(cpu.x[9], rd(snap, 4, 4));
  ASSERT_EQ(m64(16), s64(8));
  ASSERT_EQ(mem[B + 24], snap[B + 1]);
  ASSERT_EQ(rd(mem, 26, 2), rd(snap, 2, 2));
  ASSERT_EQ(rd(mem, 28, 4), rd(snap, 4, 4));
  ASSERT_EQ(rd(mem, 32, 8), s64(32));
  ASSERT_EQ(cpu.x[0], base(0));
}

TEST(ldr_str_imm9_pre_post_unscaled) {
  static const uint32_t code[] = {
      0xf8408c01, /* ldr x1, [x0, #8]! */
      0xf85f8402, /* ldr x2, [x0], #-8 */
      0xb8004c03, /* str w3, [x0, #4]! */
      0xf85ff004, /* ldur x4, [x0, #-1] */
      0x781fd003, /* sturh w3, [x0, #-3] */
      0xf94007e5, /* ldr x5, [sp, #8] */
      0xf84107e6, /* ldr x6, [sp], #16 */
      0xf8408807, /* ldtr x7, [x0, #8] */
      0xf8801000, /* prfum pldl1keep, [x0, #1] */
      0xb8801008, /* ldursw x8, [x0, #1] */
      0x38001403, /* strb w3, [x0], #1 */
  };
  reset();
  cpu.x[3] = 0x1122334455667788;
  uint8_t want[1024];
  memcpy(want, snap, sizeof(want));
  memcpy(want + B + 4, &cpu.x[3], 4);       /* str w3, [x0+4]!: x0 = B+4 */
  memcpy(want + B + 4 - 3, &cpu.x[3], 2);   /* sturh at B+1 */
  memcpy(want + B + 4, &cpu.x[3], 1);       /* strb at B+4, post */
  uint64_t x4 = rd(want, 3 - 0, 8);         /* ldur x4, [B+4-1] after the str w3 */
  int64_t x8 = (int32_t)rd(want, 5 - 0, 4); /* ldursw at B+5 */
  uint64_t x7 = rd(want, 12, 8);
  ASSERT(run(code, N(code)));
  ASSERT_EQ(cpu.x[1], s64(8));
  ASSERT_EQ(cpu.x[2], s64(8));
  ASSERT_EQ(cpu.x[4], x4);
  ASSERT_EQ(cpu.x[5], s64(256 + 8));
  ASSERT_EQ(cpu.x[6], s64(256));
  ASSERT_EQ(cpu.x[31], base(256 + 16));
  ASSERT_EQ(cpu.x[7], x7);
  ASSERT_EQ(cpu.x[8], (uint64_t)x8);
  ASSERT_EQ(cpu.x[0], base(5));
  ASSERT(memcmp(mem, want, sizeof(mem)) == 0);
}

TEST(ldr_str_register_offset) {
  static const uint32_t code[] = {
      0xf8627801, /* ldr x1, [x0, x2, lsl #3] */
      0xb864d803, /* ldr w3, [x0, w4, sxtw #2] */
      0x38664805, /* ldrb w5, [x0, w6, uxtw] */
      0xf8626807, /* ldr x7, [x0, x2] */
      0x78a4f808, /* ldrsh x8, [x0, x4, sxtx #1] */
      0xf8a26800, /* prfm pldl1keep, [x0, x2] */
      0x3ce27809, /* ldr q9, [x0, x2, lsl #4] */
      0x78227803, /* strh w3, [x0, x2, lsl #1] */
      0xfc265803, /* str d3, [x0, w6, uxtw #3] */
  };
  reset();
  cpu.x[2] = 3;
  cpu.x[4] = 0xfffffffffffffffeull; /* w4 = -2 */
  cpu.x[6] = 0xffffffff00000005ull; /* uxtw: 5 */
  cpu.v[3][0] = 0x0102030405060708;
  ASSERT(run(code, N(code)));
  ASSERT_EQ(cpu.x[1], s64(24));
  ASSERT_EQ(cpu.x[3], rd(snap, -8, 4));
  ASSERT_EQ(cpu.x[5], snap[B + 5]);
  ASSERT_EQ(cpu.x[7], rd(snap, 3, 8));
  ASSERT_EQ(cpu.x[8], (uint64_t)(int64_t)(int16_t)rd(snap, -4, 2));
  ASSERT_EQ(cpu.v[9][0], s64(48));
  ASSERT_EQ(cpu.v[9][1], s64(56));
  ASSERT_EQ(rd(mem, 6, 2), rd(snap, -8, 2));
  ASSERT_EQ(m64(40), 0x0102030405060708);
}

TEST(ldr_literal) {
  static uint32_t code[] = {
      0x58000101, /* ldr x1, .+32 */
      0x98000102, /* ldrsw x2, .+32 */
      0x180000c3, /* ldr w3, .+24 */
      0x9c0000c4, /* ldr q4, .+24 */
      0x1c000065, /* ldr s5, .+12 */
      0x5c000046, /* ldr d6, .+8 */
      0xd8000040, /* prfm pldl1keep, .+8 */
      0x11111111, /* 0x1c */
      0x22222222, /* 0x20 */
      0x83333333, /* 0x24 */
      0x44444444, 0x55555555, 0x66666666,
  };
  reset();
  cpu.v[5][1] = 1;
  ASSERT(run(code, 7));
  ASSERT_EQ(cpu.x[1], 0x8333333322222222);
  ASSERT_EQ(cpu.x[2], 0xffffffff83333333);
  ASSERT_EQ(cpu.x[3], 0x22222222);
  ASSERT_EQ(cpu.v[4][0], 0x4444444483333333);
  ASSERT_EQ(cpu.v[4][1], 0x6666666655555555);
  ASSERT_EQ(cpu.v[5][0], 0x11111111);
  ASSERT_EQ(cpu.v[5][1], 0);
  ASSERT_EQ(cpu.v[6][0], 0x2222222211111111);
}

TEST(ldp_stp_forms) {
  static const uint32_t code[] = {
      0xa9410801, /* ldp x1, x2, [x0, #16] */
      0xa9bf0801, /* stp x1, x2, [x0, #-16]! */
      0x28c11003, /* ldp w3, w4, [x0], #8 */
      0x69411805, /* ldpsw x5, x6, [x0, #8] */
      0xa8402007, /* ldnp x7, x8, [x0] */
      0x29010be1, /* stp w1, w2, [sp, #8] */
      0xa8020be1, /* stnp x1, x2, [sp, #32] */
      0xa8c12be9, /* ldp x9, x10, [sp], #16 */
  };
  reset();
  ASSERT(run(code, N(code)));
  ASSERT_EQ(cpu.x[1], s64(16));
  ASSERT_EQ(cpu.x[2], s64(24));
  ASSERT_EQ(m64(-16), s64(16));
  ASSERT_EQ(m64(-8), s64(24));
  ASSERT_EQ(cpu.x[3], (uint32_t)s64(16));
  ASSERT_EQ(cpu.x[4], s64(16) >> 32);
  ASSERT_EQ(cpu.x[0], base(-8));
  ASSERT_EQ(cpu.x[5], (uint64_t)(int64_t)(int32_t)rd(snap, 0, 4));
  ASSERT_EQ(cpu.x[6], (uint64_t)(int64_t)(int32_t)rd(snap, 4, 4));
  ASSERT_EQ(cpu.x[7], s64(24));
  ASSERT_EQ(cpu.x[8], s64(0));
  ASSERT_EQ(rd(mem, 256 + 8, 4), (uint32_t)s64(16));
  ASSERT_EQ(rd(mem, 256 + 12, 4), (uint32_t)s64(24));
  ASSERT_EQ(m64(256 + 32), s64(16));
  ASSERT_EQ(m64(256 + 40), s64(24));
  ASSERT_EQ(cpu.x[9], s64(256));
  ASSERT_EQ(cpu.x[10], ((uint64_t)(uint32_t)s64(24) << 32) | (uint32_t)s64(16));
  ASSERT_EQ(cpu.x[31], base(256 + 16));
}

/* ---- SIMD&FP registers ---- */

TEST(simd_ldr_str_all_sizes) {
  static const uint32_t code[] = {
      0x3d400c01, /* ldr b1, [x0, #3] */
      0x7d400402, /* ldr h2, [x0, #2] */
      0xbd400403, /* ldr s3, [x0, #4] */
      0xfd400404, /* ldr d4, [x0, #8] */
      0x3dc00405, /* ldr q5, [x0, #16] */
      0x3d800c05, /* str q5, [x0, #48] */
      0x3d010001, /* str b1, [x0, #64] */
      0x7c1fec02, /* str h2, [x0, #-2]! */
      0xbc403006, /* ldur s6, [x0, #3] */
      0x3cc10407, /* ldr q7, [x0], #16 */
      0xfc008c04, /* str d4, [x0, #8]! */
      0x3c801005, /* stur q5, [x0, #1] */
  };
  reset();
  for (int i = 1; i < 8; i++)
    cpu.v[i][0] = cpu.v[i][1] = ~0ull;
  ASSERT(run(code, N(code)));
  ASSERT_EQ(cpu.v[1][0], snap[B + 3]);
  ASSERT_EQ(cpu.v[1][1], 0);
  ASSERT_EQ(cpu.v[2][0], rd(snap, 2, 2));
  ASSERT_EQ(cpu.v[3][0], rd(snap, 4, 4));
  ASSERT_EQ(cpu.v[4][0], s64(8));
  ASSERT_EQ(cpu.v[4][1], 0);
  ASSERT_EQ(cpu.v[5][0], s64(16));
  ASSERT_EQ(cpu.v[5][1], s64(24));
  ASSERT_EQ(m64(48), s64(16));
  ASSERT_EQ(m64(56), s64(24));
  ASSERT_EQ(mem[B + 64], snap[B + 3]);
  ASSERT_EQ(rd(mem, -2, 2), rd(snap, 2, 2));
  ASSERT_EQ(cpu.v[6][0], rd(mem, 1, 4));
  ASSERT_EQ(cpu.v[6][1], 0);
  ASSERT_EQ(cpu.v[7][0], rd(mem, -2, 8));
  ASSERT_EQ(cpu.v[7][1], rd(mem, 6, 8));
  ASSERT_EQ(cpu.x[0], base(22));
  ASSERT_EQ(mem[B + 22], snap[B + 8]);
  ASSERT_EQ(m64(23), s64(16));
  ASSERT_EQ(m64(31), s64(24));
}

TEST(simd_ldp_stp) {
  static const uint32_t code[] = {
      0xadbf0801, /* stp q1, q2, [x0, #-32]! */
      0xacc11003, /* ldp q3, q4, [x0], #32 */
      0x6d409805, /* ldp d5, d6, [x0, #8] */
      0x2d081805, /* stp s5, s6, [x0, #64] */
      0x2d482007, /* ldp s7, s8, [x0, #64] */
  };
  reset();
  cpu.v[1][0] = 1, cpu.v[1][1] = 2, cpu.v[2][0] = 3, cpu.v[2][1] = 4;
  cpu.v[8][1] = 9;
  ASSERT(run(code, N(code)));
  ASSERT_EQ(m64(-32), 1);
  ASSERT_EQ(m64(-8), 4);
  ASSERT_EQ(cpu.v[3][0], 1);
  ASSERT_EQ(cpu.v[3][1], 2);
  ASSERT_EQ(cpu.v[4][0], 3);
  ASSERT_EQ(cpu.v[4][1], 4);
  ASSERT_EQ(cpu.x[0], base(0));
  ASSERT_EQ(cpu.v[5][0], s64(8));
  ASSERT_EQ(cpu.v[6][0], s64(16));
  ASSERT_EQ(cpu.v[7][0], (uint32_t)s64(8));
  ASSERT_EQ(cpu.v[8][0], (uint32_t)s64(16));
  ASSERT_EQ(cpu.v[8][1], 0);
}

/* ---- structures ---- */

TEST(ld1_st1_multiple) {
  static const uint32_t code[] = {
      0x4c407000, /* ld1 {v0.16b}, [x0] */
      0x4cdfa001, /* ld1 {v1.16b, v2.16b}, [x0], #32 */
      0x0cc22003, /* ld1 {v3.8b-v6.8b}, [x0], x2 */
      0x4c00ac21, /* st1 {v1.2d, v2.2d}, [x1] */
      0x4c40683e, /* ld1 {v30.4s, v31.4s, v0.4s}, [x1] */
      0x0c9f7023, /* st1 {v3.8b}, [x1], #8 */
  };
  reset();
  cpu.x[1] = base(128);
  cpu.x[2] = 100;
  cpu.v[3][1] = 5;
  ASSERT(run(code, N(code)));
  ASSERT_EQ(cpu.v[1][0], s64(0));
  ASSERT_EQ(cpu.v[2][1], s64(24));
  ASSERT_EQ(cpu.v[3][0], s64(32));
  ASSERT_EQ(cpu.v[3][1], 0);
  ASSERT_EQ(cpu.v[6][0], s64(56));
  ASSERT_EQ(cpu.x[0], base(132));
  ASSERT_EQ(m64(136), s64(8));
  ASSERT_EQ(m64(152), s64(24));
  ASSERT_EQ(cpu.v[30][0], s64(0));
  ASSERT_EQ(cpu.v[31][1], s64(24));
  ASSERT_EQ(cpu.v[0][0], s64(160));
  ASSERT_EQ(m64(128), s64(32)); /* st1 {v3.8b}, [x1], #8 */
  ASSERT_EQ(cpu.x[1], base(136));
}

TEST(ld2_ld4_st2_interleave) {
  static const uint32_t code[] = {
      0x4c408000, /* ld2 {v0.16b, v1.16b}, [x0] */
      0x4c9f8420, /* st2 {v0.8h, v1.8h}, [x1], #32 */
      0x0cdf0004, /* ld4 {v4.8b-v7.8b}, [x0], #32 */
  };
  reset();
  cpu.x[1] = base(128);
  ASSERT(run(code, N(code)));
  const uint8_t *v0 = (const uint8_t *)cpu.v[0], *v1 = (const uint8_t *)cpu.v[1];
  for (int i = 0; i < 16; i++) {
    ASSERT_EQ(v0[i], snap[B + 2 * i]);
    ASSERT_EQ(v1[i], snap[B + 2 * i + 1]);
  }
  for (int i = 0; i < 8; i++) { /* st2 .8h: halfword i of v0, then of v1 */
    ASSERT_EQ(rd(mem, 128 + 4 * i, 2), rd((const uint8_t *)cpu.v[0] - B, 2 * i, 2));
    ASSERT_EQ(rd(mem, 130 + 4 * i, 2), rd((const uint8_t *)cpu.v[1] - B, 2 * i, 2));
  }
  ASSERT_EQ(cpu.x[1], base(160));
  for (int r = 0; r < 4; r++) {
    const uint8_t *v = (const uint8_t *)cpu.v[4 + r];
    for (int i = 0; i < 8; i++)
      ASSERT_EQ(v[i], snap[B + 4 * i + r]);
    ASSERT_EQ(cpu.v[4 + r][1], 0);
  }
  ASSERT_EQ(cpu.x[0], base(32));
}

TEST(ld1_single_and_replicate) {
  static const uint32_t code[] = {
      0x0d409000, /* ld1 {v0.s}[1], [x0] */
      0x4d40c801, /* ld1r {v1.4s}, [x0] */
      0x4d9f8420, /* st1 {v0.d}[1], [x1], #8 */
      0x0de2c002, /* ld2r {v2.8b, v3.8b}, [x0], x2 */
      0x4d406804, /* ld3 {v4.h-v6.h}[5], [x0] */
      0x4d203c20, /* st4 {v0.b-v3.b}[15], [x1] */
  };
  reset();
  cpu.x[1] = base(128);
  cpu.x[2] = 7;
  cpu.v[0][0] = 0x1111111111111111, cpu.v[0][1] = 0x2222222222222222;
  cpu.v[2][1] = cpu.v[4][1] = ~0ull;
  ASSERT(run(code, N(code)));
  ASSERT_EQ(cpu.v[0][0], (rd(snap, 0, 4) << 32) | 0x11111111);
  ASSERT_EQ(cpu.v[0][1], 0x2222222222222222);
  ASSERT_EQ(cpu.v[1][0], rd(snap, 0, 4) * 0x100000001ull);
  ASSERT_EQ(cpu.v[1][1], cpu.v[1][0]);
  ASSERT_EQ(m64(128), 0x2222222222222222);
  ASSERT_EQ(cpu.v[2][0], snap[B] * 0x0101010101010101ull);
  ASSERT_EQ(cpu.v[2][1], 0);
  ASSERT_EQ(cpu.v[3][0], snap[B + 1] * 0x0101010101010101ull);
  ASSERT_EQ(cpu.x[0], base(7));
  ASSERT_EQ(cpu.v[4][1], 0xffffffff0000ffffull | rd(snap, 7, 2) << 16);
  ASSERT_EQ((cpu.v[5][1] >> 16) & 0xffff, rd(snap, 9, 2));
  ASSERT_EQ((cpu.v[6][1] >> 16) & 0xffff, rd(snap, 11, 2));
  ASSERT_EQ(mem[B + 136], cpu.v[0][1] >> 56);
  ASSERT_EQ(mem[B + 137], cpu.v[1][1] >> 56);
  ASSERT_EQ(mem[B + 139], cpu.v[3][1] >> 56);
  ASSERT_EQ(cpu.x[1], base(136));
}

/* ---- exclusives and ordered ---- */

TEST(ldxr_stxr_success_and_failure) {
  static const uint32_t ld[] = {0xc85f7c01 /* ldxr x1, [x0] */};
  static const uint32_t st[] = {0xc8027c03 /* stxr w2, x3, [x0] */};
  reset();
  cpu.x[3] = 0xabcdef;
  ASSERT(run(ld, 1));
  ASSERT_EQ(cpu.x[1], s64(0));
  ASSERT_EQ(cpu.excl_addr, base(0));
  ASSERT(run(st, 1));
  ASSERT_EQ(cpu.x[2], 0);
  ASSERT_EQ(m64(0), 0xabcdef);
  ASSERT(has_op(IR_CALL));
  cpu.x[3] = 5; /* the monitor is clear now: fails */
  ASSERT(run(st, 1));
  ASSERT_EQ(cpu.x[2], 1);
  ASSERT_EQ(m64(0), 0xabcdef);
  ASSERT(run(ld, 1)); /* memory changed behind the monitor: fails */
  mem[B] ^= 1;
  ASSERT(run(st, 1));
  ASSERT_EQ(cpu.x[2], 1);
  ASSERT(run(ld, 1)); /* another address: fails */
  cpu.x[0] += 8;
  ASSERT(run(st, 1));
  ASSERT_EQ(cpu.x[2], 1);
}

TEST(ldxr_stxr_sizes) {
  static const uint32_t code[] = {
      0x085ffc01, /* ldaxrb w1, [x0] */
      0x0802fc03, /* stlxrb w2, w3, [x0] */
      0x485f7c01, /* ldxrh w1, [x0] */
      0x48027c03, /* stxrh w2, w3, [x0] */
      0x885ffc01, /* ldaxr w1, [x0] */
      0x8802fc03, /* stlxr w2, w3, [x0] */
  };
  for (int k = 0; k < 3; k++) {
    unsigned n = 1u << k;
    reset();
    cpu.x[2] = 7;
    cpu.x[3] = 0x123456789abcdef0;
    ASSERT(run(code + 2 * k, 2));
    ASSERT_EQ(cpu.x[1], rd(snap, 0, n));
    ASSERT_EQ(cpu.x[2], 0);
    ASSERT_EQ(rd(mem, 0, n), rd((const uint8_t *)&cpu.x[3] - B, 0, n));
    ASSERT_EQ(rd(mem, n, 8), rd(snap, n, 8));
  }
  /* a byte monitor does not let a word store-exclusive through */
  reset();
  ASSERT(run(code, 1));
  ASSERT(run(code + 5, 1));
  ASSERT_EQ(cpu.x[2], 1);
}

TEST(ldxp_stxp_pairs) {
  static const uint32_t code64[] = {
      0xc87f1404, /* ldxp x4, x5, [x0] */
      0xc8221c06, /* stxp w2, x6, x7, [x0] */
  };
  static const uint32_t code32[] = {
      0x887f9404, /* ldaxp w4, w5, [x0] */
      0x88229c06, /* stlxp w2, w6, w7, [x0] */
  };
  reset();
  cpu.x[6] = 0x66, cpu.x[7] = 0x77;
  ASSERT(run(code64, 2));
  ASSERT_EQ(cpu.x[4], s64(0));
  ASSERT_EQ(cpu.x[5], s64(8));
  ASSERT_EQ(cpu.x[2], 0);
  ASSERT_EQ(m64(0), 0x66);
  ASSERT_EQ(m64(8), 0x77);
  ASSERT(run(code64 + 1, 1));
  ASSERT_EQ(cpu.x[2], 1);
  reset();
  cpu.x[6] = 0xaaaaaaaa11111111, cpu.x[7] = 0x22222222;
  ASSERT(run(code32, 2));
  ASSERT_EQ(cpu.x[4], (uint32_t)s64(0));
  ASSERT_EQ(cpu.x[5], s64(0) >> 32);
  ASSERT_EQ(cpu.x[2], 0);
  ASSERT_EQ(m64(0), 0x2222222211111111);
  ASSERT_EQ(m64(8), s64(8));
  reset(); /* the second half changed: fails */
  ASSERT(run(code64, 1));
  mem[B + 15] ^= 0x80;
  ASSERT(run(code64 + 1, 1));
  ASSERT_EQ(cpu.x[2], 1);
}

TEST(ldar_stlr_ldapr) {
  static const uint32_t code[] = {
      0x08dffc0b, /* ldarb w11, [x0] */
      0x48dffc02, /* ldarh w2, [x0] */
      0x88dffc03, /* ldar w3, [x0] */
      0xc8dffc04, /* ldar x4, [x0] */
      0xc89ffc25, /* stlr x5, [x1] */
      0x889ffc25, /* stlr w5, [x1] */
      0x489ffc25, /* stlrh w5, [x1] */
      0x089ffc25, /* stlrb w5, [x1] */
      0xf8bfc006, /* ldapr x6, [x0] */
      0x38bfc007, /* ldaprb w7, [x0] */
      0x995fd008, /* ldapur w8, [x0, #-3] */
      0xd9008025, /* stlur x5, [x1, #8] */
      0x19800009, /* ldapursb x9, [x0] */
      0xc8df7c0a, /* ldlar x10, [x0] */
  };
  reset();
  cpu.x[1] = base(64);
  cpu.x[5] = 0x0807060504030201;
  cpu.x[6] = 9;
  ASSERT(run(code, N(code)));
  ASSERT_EQ(cpu.x[1], base(64));
  ASSERT_EQ(cpu.x[11], snap[B]);
  ASSERT_EQ(cpu.x[2], rd(snap, 0, 2));
  ASSERT_EQ(cpu.x[3], rd(snap, 0, 4));
  ASSERT_EQ(cpu.x[4], s64(0));
  ASSERT_EQ(m64(64), 0x0807060504030201);
  ASSERT_EQ(m64(72), 0x0807060504030201);
  ASSERT_EQ(cpu.x[6], s64(0));
  ASSERT_EQ(cpu.x[7], snap[B]);
  ASSERT_EQ(cpu.x[8], rd(snap, -3, 4));
  ASSERT_EQ(cpu.x[9], (uint64_t)(int64_t)(int8_t)snap[B]);
  ASSERT_EQ(cpu.x[10], s64(0));
  ASSERT(has_op(IR_FENCE));
}

/* ---- compare-and-swap and LSE atomics ---- */

TEST(cas_sizes_success_failure) {
  static const uint32_t code[] = {
      0xc8a17c02, /* cas x1, x2, [x0] */
      0x88e3fc04, /* casal w3, w4, [x0] */
      0x08a57c06, /* casb w5, w6, [x0] */
      0x48e77c08, /* casah w7, w8, [x0] */
  };
  reset();
  cpu.x[1] = s64(0), cpu.x[2] = 0x1122334455667788;
  ASSERT(run(code, 1));
  ASSERT_EQ(cpu.x[1], s64(0));
  ASSERT_EQ(m64(0), 0x1122334455667788);
  cpu.x[1] = 5; /* fails: x1 = old, memory unchanged */
  ASSERT(run(code, 1));
  ASSERT_EQ(cpu.x[1], 0x1122334455667788);
  ASSERT_EQ(m64(0), 0x1122334455667788);
  cpu.x[3] = 0xffffffff55667788, cpu.x[4] = 0xaabbccdd;
  ASSERT(run(code + 1, 1));
  ASSERT_EQ(cpu.x[3], 0x55667788);
  ASSERT_EQ(m64(0), 0x11223344aabbccdd);
  cpu.x[5] = 0x1dd, cpu.x[6] = 0x42;
  ASSERT(run(code + 2, 1));
  ASSERT_EQ(cpu.x[5], 0xdd);
  ASSERT_EQ(m64(0), 0x11223344aabbcc42);
  cpu.x[7] = 0x1234, cpu.x[8] = 0x9999;
  ASSERT(run(code + 3, 1));
  ASSERT_EQ(cpu.x[7], 0xcc42);
  ASSERT_EQ(m64(0), 0x11223344aabbcc42);
}

TEST(casp_pairs) {
  static const uint32_t code[] = {
      0x48227c04, /* casp x2, x3, x4, x5, [x0] */
      0x0866fc08, /* caspal w6, w7, w8, w9, [x0] */
  };
  reset();
  cpu.x[2] = s64(0), cpu.x[3] = s64(8), cpu.x[4] = 0x44, cpu.x[5] = 0x55;
  ASSERT(run(code, 1));
  ASSERT_EQ(cpu.x[2], s64(0));
  ASSERT_EQ(cpu.x[3], s64(8));
  ASSERT_EQ(m64(0), 0x44);
  ASSERT_EQ(m64(8), 0x55);
  ASSERT(run(code, 1)); /* fails now: old pair comes back */
  ASSERT_EQ(cpu.x[2], 0x44);
  ASSERT_EQ(cpu.x[3], 0x55);
  cpu.x[6] = 0x44, cpu.x[7] = 0, cpu.x[8] = 0xdeadbeef12345678, cpu.x[9] = 0xcafe;
  ASSERT(run(code + 1, 1));
  ASSERT_EQ(m64(0), 0x0000cafe12345678);
  ASSERT_EQ(cpu.x[6], 0x44);
  ASSERT_EQ(cpu.x[7], 0);
  ASSERT(!decodes(0x48207c01)); /* odd Rt */
}

struct atomic_case {
  uint32_t insn;
  uint64_t mem, rs, want_mem, want_rt;
};

TEST(lse_atomics) {
  static const struct atomic_case cases[] = {
      {0xf8210002 /* ldadd x1, x2, [x0] */, 5, 7, 12, 5},
      {0xb8e11002 /* ldclral w1, w2, [x0] */, 0xff00ff00ff, 0xf0f0, 0xff00ff000f, 0x00ff00ff},
      {0x38212002 /* ldeorb w1, w2, [x0] */, 0x1234, 0x1ff, 0x12cb, 0x34},
      {0x78613002 /* ldsetlh w1, w2, [x0] */, 0x10000, 0x3, 0x10003, 0},
      {0x38214002 /* ldsmaxb w1, w2, [x0] */, 0x80, 0x7f, 0x7f, 0x80},
      {0x38214002 /* ldsmaxb w1, w2, [x0] */, 0x7f, 0x80, 0x7f, 0x7f},
      {0x78215002 /* ldsminh w1, w2, [x0] */, 0x0001, 0xffff, 0xffff, 1},
      {0xf8216002 /* ldumax x1, x2, [x0] */, 5, ~0ull, ~0ull, 5},
      {0xb8a17002 /* ldumina w1, w2, [x0] */, 0x100000005, 0x80000000, 0x100000005, 5},
      {0xf8218002 /* swp x1, x2, [x0] */, 1, 2, 2, 1},
      {0x38218002 /* swpb w1, w2, [x0] */, 0x1ff, 0x12, 0x112, 0xff},
      {0xf8214002 /* ldsmax x1, x2, [x0] */, ~0ull, 3, 3, ~0ull},
  };
  for (unsigned i = 0; i < N(cases); i++) {
    reset();
    memcpy(mem + B, &cases[i].mem, 8);
    cpu.x[1] = cases[i].rs, cpu.x[2] = 0xdead;
    ASSERT(run1(cases[i].insn));
    ASSERT_EQ(m64(0), cases[i].want_mem);
    ASSERT_EQ(cpu.x[2], cases[i].want_rt);
  }
  reset();
  memset(mem + B, 0, 8);
  cpu.x[1] = 9;
  ASSERT(run1(0xf821001f)); /* stadd x1, [x0] */
  ASSERT_EQ(m64(0), 9);
  ASSERT_EQ(cpu.x[31], base(256)); /* XZR destination is not SP */
}

/* Base writeback comes after every access, so a faulting access leaves the
 * base register as it was. */
TEST(writeback_after_access) {
  static const uint32_t insns[] = {
      0xf8408c01, /* ldr x1, [x0, #8]! */
      0xadbf0801, /* stp q1, q2, [x0, #-32]! */
      0x0cc22003, /* ld1 {v3.8b-v6.8b}, [x0], x2 */
  };
  for (unsigned k = 0; k < N(insns); k++) {
    reset();
    ASSERT(run1(insns[k]));
    uint32_t last_mem = 0, wb = 0;
    for (uint32_t i = 1; i < last_block->n; i++) {
      const struct ir_insn *in = &last_block->insn[i];
      if (ir_op_info[in->op].flags & IRF_MEM)
        last_mem = i;
      if (in->op == IR_PUT && in->imm == offsetof(struct a64_cpu, x[0]))
        wb = i;
    }
    ASSERT(last_mem && wb > last_mem);
  }
}

TEST(unallocated_encodings) {
  ASSERT(!decodes(0xb8c00400)); /* ldrsw-like size 10 opc 11, post */
  ASSERT(!decodes(0xec400000)); /* ldp opc 11, V=1 */
  ASSERT(!decodes(0x0cc0c000)); /* ld1 multiple, opcode 1100 */
  ASSERT(!decodes(0x0d40b400)); /* ld3 single .d with S=1 */
  ASSERT(!decodes(0x3c400800)); /* ldtr of a SIMD register */
  ASSERT(!decodes(0xf8c00400)); /* size 11 opc 11 post */
  ASSERT(!decodes(0x68000000)); /* stgp */
}

/* ---- FP and SIMD, against qemu-aarch64 ----
 * Each case runs one instruction on v0 = 0x5555..., 0xaaaa..., x0 =
 * 0x1234567812345678 and one of the input sets below in v1-v3, x1, x2 and
 * NZCV; the expected v0, x0 and NZCV were produced by running the same
 * instruction on the same state under qemu-aarch64. */
/* input sets: v1 lo/hi, v2 lo/hi, v3 lo/hi, x1, x2, nzcv */
static const uint64_t fp_sets[][9] = {
    {0x8000ff017f10fe00ull, 0x0123456789abcdefull, 0x80ff00017f20fe01ull, 0xfedcba9876543210ull,
     0x1f0e2d3c00ff4b5aull, 0x0110202f3f401e0full, 0xfffffffe80000081ull, 7, 6},
    {0x4004000000000000ull, 0, 0xbfe8000000000000ull, 0, 0x7e37e43c8800759cull, 0,
     0xfffffffffffffffdull, 0x8000000000000005ull, 6},
    {0x40200000ull, 0, 0xbf400000ull, 0, 0x7f61b1e6ull, 0, 0xfffffffffffffffdull,
     0x8000000000000005ull, 8},
    {0x7ff8000000000123ull, 0, 0x441158e460913d00ull, 0, 0x8000000000000000ull, 0, 0, 0, 0},
    {0x7ff0000000000000ull, 0, 0x7ff0000000000001ull, 0, 0xfff0000000000000ull, 0, 0, 0, 0},
};

struct fp_case {
  unsigned set;
  uint32_t insn;
  uint64_t v0_lo, v0_hi, x0, nzcv;
};

static const struct fp_case fp_cases[] = {
    {0, 0x6e228c20, 0xff0000ffff00ff00ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* cmeq v0.16b, v1.16b, v2.16b */
    {0, 0x4e209820, 0x00ff0000000000ffull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* cmeq v0.16b, v1.16b, #0 */
    {0, 0x0e209820, 0x00ff0000000000ffull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* cmeq v0.8b, v1.8b, #0 */
    {0, 0x6e223c20, 0xff00ffffff00ff00ull, 0x00000000ffffffffull, 0x1234567812345678ull,
     6}, /* cmhs v0.16b, v1.16b, v2.16b */
    {0, 0x6e623420, 0x0000ffff00000000ull, 0x00000000ffffffffull, 0x1234567812345678ull,
     6}, /* cmhi v0.8h, v1.8h, v2.8h */
    {0, 0x4ea23420, 0x0000000000000000ull, 0xffffffff00000000ull, 0x1234567812345678ull,
     6}, /* cmgt v0.4s, v1.4s, v2.4s */
    {0, 0x4ee23c20, 0x0000000000000000ull, 0xffffffffffffffffull, 0x1234567812345678ull,
     6}, /* cmge v0.2d, v1.2d, v2.2d */
    {0, 0x4e228c20, 0xff0000ffff00ff00ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* cmtst v0.16b, v1.16b, v2.16b */
    {0, 0x4e60a820, 0xffffffff0000ffffull, 0x00000000ffffffffull, 0x1234567812345678ull,
     6}, /* cmlt v0.8h, v1.8h, #0 */
    {0, 0x4e208820, 0x000000ffffff0000ull, 0xffffffff00000000ull, 0x1234567812345678ull,
     6}, /* cmgt v0.16b, v1.16b, #0 */
    {0, 0x6ea09820, 0xffffffff00000000ull, 0x00000000ffffffffull, 0x1234567812345678ull,
     6}, /* cmle v0.4s, v1.4s, #0 */
    {0, 0x4e228420, 0x00ffff02fe30fc01ull, 0xffffffffffffffffull, 0x1234567812345678ull,
     6}, /* add v0.16b, v1.16b, v2.16b */
    {0, 0x6ee28420, 0xff01feffffefffffull, 0x02468acf13579bdfull, 0x1234567812345678ull,
     6}, /* sub v0.2d, v1.2d, v2.2d */
    {0, 0x0e628420, 0x00ffff02fe30fc01ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* add v0.4h, v1.4h, v2.4h */
    {0, 0x4e629c20, 0x8000ff01d200fe00ull, 0xb4140b28fe1c8cf0ull, 0x1234567812345678ull,
     6}, /* mul v0.8h, v1.8h, v2.8h */
    {0, 0x4e22bc20, 0x24ac34bc80008ffeull, 0xda52ca427f019fffull, 0x1234567812345678ull,
     6}, /* addp v0.16b, v1.16b, v2.16b */
    {0, 0x4ee2bc20, 0x8124446908bccbefull, 0x7fdbba99f5753011ull, 0x1234567812345678ull,
     6}, /* addp v0.2d, v1.2d, v2.2d */
    {0, 0x6e22a420, 0x2367abef80ff7ffeull, 0xfeba7632ff017ffeull, 0x1234567812345678ull,
     6}, /* umaxp v0.16b, v1.16b, v2.16b */
    {0, 0x2e22ac20, 0x8000200100011000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* uminp v0.8b, v1.8b, v2.8b */
    {0, 0x4ea2a420, 0x012345677f10fe00ull, 0x765432107f20fe01ull, 0x1234567812345678ull,
     6}, /* smaxp v0.4s, v1.4s, v2.4s */
    {0, 0x6e626420, 0x80ffff017f20fe01ull, 0xfedcba9889abcdefull, 0x1234567812345678ull,
     6}, /* umax v0.8h, v1.8h, v2.8h */
    {0, 0x4e226c20, 0x80ffff017f10fe00ull, 0xfedcba9889abcdefull, 0x1234567812345678ull,
     6}, /* smin v0.16b, v1.16b, v2.16b */
    {0, 0x4e221c20, 0x800000017f00fe00ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* and v0.16b, v1.16b, v2.16b */
    {0, 0x0e621c20, 0x0000ff0000100000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* bic v0.8b, v1.8b, v2.8b */
    {0, 0x4ea21c20, 0x80ffff017f30fe01ull, 0xffffffffffffffffull, 0x1234567812345678ull,
     6}, /* orr v0.16b, v1.16b, v2.16b */
    {0, 0x4ee21c20, 0xff00ffffffdffffeull, 0x0123456789abcdefull, 0x1234567812345678ull,
     6}, /* orn v0.16b, v1.16b, v2.16b */
    {0, 0x6e221c20, 0x00ffff0000300001ull, 0xffffffffffffffffull, 0x1234567812345678ull,
     6}, /* eor v0.16b, v1.16b, v2.16b */
    {0, 0x6e621c20, 0x80aa55017f30fe00ull, 0x54761032dcfe98baull, 0x1234567812345678ull,
     6}, /* bsl v0.16b, v1.16b, v2.16b */
    {0, 0x6ea21c20, 0xd50055557f55ff54ull, 0x0022002288aa88aaull, 0x1234567812345678ull,
     6}, /* bit v0.16b, v1.16b, v2.16b */
    {0, 0x2ee21c20, 0x0055ff0155105401ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* bif v0.8b, v1.8b, v2.8b */
    {0, 0x6e205820, 0x7fff00fe80ef01ffull, 0xfedcba9876543210ull, 0x1234567812345678ull,
     6}, /* not v0.16b, v1.16b */
    {0, 0x4e205820, 0x0100080107010700ull, 0x0103030503050507ull, 0x1234567812345678ull,
     6}, /* cnt v0.16b, v1.16b */
    {0, 0x2e605820, 0x0100ff80fe087f00ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* rbit v0.8b, v1.8b */
    {0, 0x4e200820, 0x00fe107f01ff0080ull, 0xefcdab8967452301ull, 0x1234567812345678ull,
     6}, /* rev64 v0.16b, v1.16b */
    {0, 0x6e600820, 0xff018000fe007f10ull, 0x45670123cdef89abull, 0x1234567812345678ull,
     6}, /* rev32 v0.8h, v1.8h */
    {0, 0x4e201820, 0x008001ff107f00feull, 0x23016745ab89efcdull, 0x1234567812345678ull,
     6}, /* rev16 v0.16b, v1.16b */
    {0, 0x4e60b820, 0x800000ff7f100200ull, 0x0123456776553211ull, 0x1234567812345678ull,
     6}, /* abs v0.8h, v1.8h */
    {0, 0x6ee0b820, 0x7fff00fe80ef0200ull, 0xfedcba9876543211ull, 0x1234567812345678ull,
     6}, /* neg v0.2d, v1.2d */
    {0, 0x0e212820, 0x2367abef00011000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* xtn v0.8b, v1.8h */
    {0, 0x4ea12820, 0x5555555555555555ull, 0x89abcdef7f10fe00ull, 0x1234567812345678ull,
     6}, /* xtn2 v0.4s, v1.2d */
    {0, 0x6e31a820, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* uminv b0, v1.16b */
    {0, 0x6e70a820, 0x000000000000ff01ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* umaxv h0, v1.8h */
    {0, 0x4eb1a820, 0x000000008000ff01ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* sminv s0, v1.4s */
    {0, 0x4e31b820, 0x00000000000000cdull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* addv b0, v1.16b */
    {0, 0x6e303820, 0x00000000000006cdull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* uaddlv h0, v1.16b */
    {0, 0x4e703820, 0x00000000ffff9a35ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* saddlv s0, v1.8h */
    {0, 0x0f0c8420, 0x12569ade00f0f1e0ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* shrn v0.8b, v1.8h, #4 */
    {0, 0x4f0d8420, 0x5555555555555555ull, 0x24ac35bd00e0e2c0ull, 0x1234567812345678ull,
     6}, /* shrn2 v0.16b, v1.8h, #3 */
    {0, 0x6f0d0420, 0x10001f000f021f00ull, 0x0004080c1115191dull, 0x1234567812345678ull,
     6}, /* ushr v0.16b, v1.16b, #3 */
    {0, 0x4f110420, 0xffffffff0000ffffull, 0x00000000ffffffffull, 0x1234567812345678ull,
     6}, /* sshr v0.8h, v1.8h, #15 */
    {0, 0x4f400420, 0xffffffffffffffffull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* sshr v0.2d, v1.2d, #64 */
    {0, 0x6f400420, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* ushr v0.2d, v1.2d, #64 */
    {0, 0x4f275420, 0x007f8080887f0000ull, 0x91a2b380d5e6f780ull, 0x1234567812345678ull,
     6}, /* shl v0.4s, v1.4s, #7 */
    {0, 0x6f0f1420, 0x9555d455945dd455ull, 0xaabbccddeeff1021ull, 0x1234567812345678ull,
     6}, /* usra v0.16b, v1.16b, #1 */
    {0, 0x6f145420, 0x0005f015f105e005ull, 0x123a567a9abadefaull, 0x1234567812345678ull,
     6}, /* sli v0.8h, v1.8h, #4 */
    {0, 0x6f374420, 0x5540007f553f887full, 0xaa8091a2aac4d5e6ull, 0x1234567812345678ull,
     6}, /* sri v0.4s, v1.4s, #9 */
    {0, 0x2f08a420, 0x007f001000fe0000ull, 0x0080000000ff0001ull, 0x1234567812345678ull,
     6}, /* ushll v0.8h, v1.8b, #0 */
    {0, 0x4f13a420, 0xfffc4d58fffe6f78ull, 0x0000091800022b38ull, 0x1234567812345678ull,
     6}, /* sshll2 v0.4s, v1.8h, #3 */
    {0, 0x4f02e420, 0x4141414141414141ull, 0x4141414141414141ull, 0x1234567812345678ull,
     6}, /* movi v0.16b, #0x41 */
    {0, 0x4f004640, 0x0012000000120000ull, 0x0012000000120000ull, 0x1234567812345678ull,
     6}, /* movi v0.4s, #0x12, lsl #16 */
    {0, 0x6f05e4a0, 0xff00ff0000ff00ffull, 0xff00ff0000ff00ffull, 0x1234567812345678ull,
     6}, /* movi v0.2d, #0xff00ff0000ff00ff */
    {0, 0x2f04e420, 0xff000000000000ffull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* movi d0, #0xff000000000000ff */
    {0, 0x6f00c460, 0xfffffc00fffffc00ull, 0xfffffc00fffffc00ull, 0x1234567812345678ull,
     6}, /* mvni v0.4s, #0x3, msl #8 */
    {0, 0x6f048400, 0xff7fff7fff7fff7full, 0xff7fff7fff7fff7full, 0x1234567812345678ull,
     6}, /* mvni v0.8h, #0x80 */
    {0, 0x6f00b420, 0x5455545554555455ull, 0xaaaaaaaaaaaaaaaaull, 0x1234567812345678ull,
     6}, /* bic v0.8h, #0x1, lsl #8 */
    {0, 0x4f047400, 0xd5555555d5555555ull, 0xaaaaaaaaaaaaaaaaull, 0x1234567812345678ull,
     6}, /* orr v0.4s, #0x80, lsl #24 */
    {0, 0x4f07f700, 0xbfc00000bfc00000ull, 0xbfc00000bfc00000ull, 0x1234567812345678ull,
     6}, /* fmov v0.4s, #-1.5 */
    {0, 0x6f03f400, 0x3fe0000000000000ull, 0x3fe0000000000000ull, 0x1234567812345678ull,
     6}, /* fmov v0.2d, #0.5 */
    {0, 0x4e010c20, 0x8181818181818181ull, 0x8181818181818181ull, 0x1234567812345678ull,
     6}, /* dup v0.16b, w1 */
    {0, 0x4e020c20, 0x0081008100810081ull, 0x0081008100810081ull, 0x1234567812345678ull,
     6}, /* dup v0.8h, w1 */
    {0, 0x4e040c20, 0x8000008180000081ull, 0x8000008180000081ull, 0x1234567812345678ull,
     6}, /* dup v0.4s, w1 */
    {0, 0x4e080c20, 0xfffffffe80000081ull, 0xfffffffe80000081ull, 0x1234567812345678ull,
     6}, /* dup v0.2d, x1 */
    {0, 0x0e040c20, 0x8000008180000081ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* dup v0.2s, w1 */
    {0, 0x4e130420, 0xcdcdcdcdcdcdcdcdull, 0xcdcdcdcdcdcdcdcdull, 0x1234567812345678ull,
     6}, /* dup v0.16b, v1.b[9] */
    {0, 0x4e1c0420, 0x0123456701234567ull, 0x0123456701234567ull, 0x1234567812345678ull,
     6}, /* dup v0.4s, v1.s[3] */
    {0, 0x5e180420, 0x0123456789abcdefull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* mov d0, v1.d[1] */
    {0, 0x5e070420, 0x000000000000007full, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* mov b0, v1.b[3] */
    {0, 0x0e1b3c20, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x0000000000000045ull,
     6}, /* umov w0, v1.b[13] */
    {0, 0x0e0a3c20, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x000000000000ff01ull,
     6}, /* umov w0, v1.h[2] */
    {0, 0x4e183c20, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x0123456789abcdefull,
     6}, /* mov x0, v1.d[1] */
    {0, 0x0e0c3c20, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x000000008000ff01ull,
     6}, /* mov w0, v1.s[1] */
    {0, 0x4e032c20, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0xfffffffffffffffeull,
     6}, /* smov x0, v1.b[1] */
    {0, 0x0e162c20, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x00000000ffff89abull,
     6}, /* smov w0, v1.h[5] */
    {0, 0x4e042c20, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x000000007f10fe00ull,
     6}, /* smov x0, v1.s[0] */
    {0, 0x4e0f1c20, 0x8155555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x1234567812345678ull,
     6}, /* mov v0.b[7], w1 */
    {0, 0x4e181c20, 0x5555555555555555ull, 0xfffffffe80000081ull, 0x1234567812345678ull,
     6}, /* mov v0.d[1], x1 */
    {0, 0x6e142420, 0x5555555555555555ull, 0xaaaaaaaa8000ff01ull, 0x1234567812345678ull,
     6}, /* mov v0.s[2], v1.s[1] */
    {0, 0x4e021820, 0x2367abef00011000ull, 0xdc985410ff012001ull, 0x1234567812345678ull,
     6}, /* uzp1 v0.16b, v1.16b, v2.16b */
    {0, 0x4e425820, 0x012389ab80007f10ull, 0xfedc765480ff7f20ull, 0x1234567812345678ull,
     6}, /* uzp2 v0.8h, v1.8h, v2.8h */
    {0, 0x4e023820, 0x7f7f2010fefe0100ull, 0x8080ff0000ff0101ull, 0x1234567812345678ull,
     6}, /* zip1 v0.16b, v1.16b, v2.16b */
    {0, 0x4e827820, 0x7654321089abcdefull, 0xfedcba9801234567ull, 0x1234567812345678ull,
     6}, /* zip2 v0.4s, v1.4s, v2.4s */
    {0, 0x0e022820, 0xff00010120100100ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* trn1 v0.8b, v1.8b, v2.8b */
    {0, 0x4ec26820, 0x0123456789abcdefull, 0xfedcba9876543210ull, 0x1234567812345678ull,
     6}, /* trn2 v0.2d, v1.2d, v2.2d */
    {0, 0x0e823820, 0x7f20fe017f10fe00ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* zip1 v0.2s, v1.2s, v2.2s */
    {0, 0x6e022820, 0x6789abcdef8000ffull, 0x017f20fe01012345ull, 0x1234567812345678ull,
     6}, /* ext v0.16b, v1.16b, v2.16b, #5 */
    {0, 0x2e021820, 0x20fe018000ff017full, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* ext v0.8b, v1.8b, v2.8b, #3 */
    {0, 0x4e030020, 0x0023000000000000ull, 0xfe00000000000001ull, 0x1234567812345678ull,
     6}, /* tbl v0.16b, {v1.16b}, v3.16b */
    {0, 0x0e032020, 0xfe23000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* tbl v0.8b, {v1.16b, v2.16b}, v3.8b */
    {0, 0x4e033020, 0xfe23555500555555ull, 0xfe01aaaaaaaadc01ull, 0x1234567812345678ull,
     6}, /* tbx v0.16b, {v1.16b, v2.16b}, v3.16b */
    {0, 0x9e660020, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x8000ff017f10fe00ull,
     6}, /* fmov x0, d1 */
    {0, 0x9e670020, 0xfffffffe80000081ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* fmov d0, x1 */
    {0, 0x1e270020, 0x0000000080000081ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* fmov s0, w1 */
    {0, 0x1e260020, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x000000007f10fe00ull,
     6}, /* fmov w0, s1 */
    {0, 0x9eaf0020, 0x5555555555555555ull, 0xfffffffe80000081ull, 0x1234567812345678ull,
     6}, /* fmov v0.d[1], x1 */
    {0, 0x9eae0020, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x0123456789abcdefull,
     6}, /* fmov x0, v1.d[1] */
    {1, 0x1e622820, 0x3ffc000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* fadd d0, d1, d2 */
    {1, 0x1e623820, 0x400a000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* fsub d0, d1, d2 */
    {1, 0x1e630820, 0x7e4ddd4baa009303ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* fmul d0, d1, d3 */
    {1, 0x1e621820, 0xc00aaaaaaaaaaaabull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* fdiv d0, d1, d2 */
    {1, 0x1e628820, 0x3ffe000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* fnmul d0, d1, d2 */
    {1, 0x1e624820, 0x4004000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* fmax d0, d1, d2 */
    {1, 0x1e625820, 0xbfe8000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* fmin d0, d1, d2 */
    {1, 0x1f420c20, 0x7e37e43c8800759cull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* fmadd d0, d1, d2, d3 */
    {1, 0x1f428420, 0x4011800000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* fmsub d0, d1, d2, d1 */
    {1, 0x1f620420, 0xbfe4000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* fnmadd d0, d1, d2, d1 */
    {1, 0x1f628420, 0xc011800000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* fnmsub d0, d1, d2, d1 */
    {1, 0x1e614020, 0xc004000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* fneg d0, d1 */
    {1, 0x1e60c040, 0x3fe8000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* fabs d0, d2 */
    {1, 0x1e61c020, 0x3ff94c583ada5b53ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* fsqrt d0, d1 */
    {1, 0x1e604040, 0xbfe8000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* fmov d0, d2 */
    {1, 0x1e624020, 0x0000000040200000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* fcvt s0, d1 */
    {1, 0x1e624060, 0x000000007f800000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* fcvt s0, d3 */
    {1, 0x1e622020, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x1234567812345678ull,
     2}, /* fcmp d1, d2 */
    {1, 0x1e612040, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x1234567812345678ull,
     8}, /* fcmp d2, d1 */
    {1, 0x1e612020, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x1234567812345678ull,
     6}, /* fcmp d1, d1 */
    {1, 0x1e602028, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x1234567812345678ull,
     2}, /* fcmp d1, #0.0 */
    {1, 0x1e632050, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x1234567812345678ull,
     8}, /* fcmpe d2, d3 */
    {1, 0x1e620c20, 0x4004000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* fcsel d0, d1, d2, eq */
    {1, 0x1e621c20, 0xbfe8000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* fcsel d0, d1, d2, ne */
    {1, 0x1e620425, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x1234567812345678ull,
     2}, /* fccmp d1, d2, #5, eq */
    {1, 0x1e621425, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x1234567812345678ull,
     5}, /* fccmp d1, d2, #5, ne */
    {1, 0x1e644020, 0x4000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* frintn d0, d1 */
    {1, 0x1e64c040, 0x8000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* frintp d0, d2 */
    {1, 0x1e654040, 0xbff0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* frintm d0, d2 */
    {1, 0x1e65c040, 0x8000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* frintz d0, d2 */
    {1, 0x1e664020, 0x4008000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* frinta d0, d1 */
    {1, 0x1e674020, 0x4000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* frintx d0, d1 */
    {1, 0x1e67c040, 0xbff0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* frinti d0, d2 */
    {1, 0x9e780020, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x0000000000000002ull,
     6}, /* fcvtzs x0, d1 */
    {1, 0x1e780040, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x0000000000000000ull,
     6}, /* fcvtzs w0, d2 */
    {1, 0x9e790040, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x0000000000000000ull,
     6}, /* fcvtzu x0, d2 */
    {1, 0x1e780060, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x000000007fffffffull,
     6}, /* fcvtzs w0, d3 */
    {1, 0x1e790060, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x00000000ffffffffull,
     6}, /* fcvtzu w0, d3 */
    {1, 0x9e780060, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x7fffffffffffffffull,
     6}, /* fcvtzs x0, d3 */
    {1, 0x9e600020, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x0000000000000002ull,
     6}, /* fcvtns x0, d1 */
    {1, 0x9e640020, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x0000000000000003ull,
     6}, /* fcvtas x0, d1 */
    {1, 0x1e700040, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x00000000ffffffffull,
     6}, /* fcvtms w0, d2 */
    {1, 0x9e680040, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x0000000000000000ull,
     6}, /* fcvtps x0, d2 */
    {1, 0x1e650020, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x0000000000000003ull,
     6}, /* fcvtau w0, d1 */
    {1, 0x9e620020, 0xc008000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* scvtf d0, x1 */
    {1, 0x9e630040, 0x43e0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* ucvtf d0, x2 */
    {1, 0x1e220020, 0x00000000c0400000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* scvtf s0, w1 */
    {1, 0x9e230040, 0x000000005f000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* ucvtf s0, x2 */
    {1, 0x1e620020, 0xc008000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* scvtf d0, w1 */
    {1, 0x1e781000, 0xbfc0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* fmov d0, #-0.125 */
    {1, 0x1e27f000, 0x0000000041f80000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* fmov s0, #31.0 */
    {2, 0x1e222820, 0x000000003fe00000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     8}, /* fadd s0, s1, s2 */
    {2, 0x1e230820, 0x000000007f800000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     8}, /* fmul s0, s1, s3 */
    {2, 0x1e211840, 0x00000000be99999aull, 0x0000000000000000ull, 0x1234567812345678ull,
     8}, /* fdiv s0, s2, s1 */
    {2, 0x1f020c20, 0x000000007f61b1e6ull, 0x0000000000000000ull, 0x1234567812345678ull,
     8}, /* fmadd s0, s1, s2, s3 */
    {2, 0x1e228820, 0x000000003ff00000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     8}, /* fnmul s0, s1, s2 */
    {2, 0x1e22c020, 0x4004000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     8}, /* fcvt d0, s1 */
    {2, 0x1e380020, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x0000000000000002ull,
     8}, /* fcvtzs w0, s1 */
    {2, 0x9e380060, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x7fffffffffffffffull,
     8}, /* fcvtzs x0, s3 */
    {2, 0x9e390040, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x0000000000000000ull,
     8}, /* fcvtzu x0, s2 */
    {2, 0x1e222020, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x1234567812345678ull,
     2}, /* fcmp s1, s2 */
    {2, 0x1e202058, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x1234567812345678ull,
     8}, /* fcmpe s2, #0.0 */
    {2, 0x1e21c020, 0x000000003fca62c2ull, 0x0000000000000000ull, 0x1234567812345678ull,
     8}, /* fsqrt s0, s1 */
    {2, 0x1e254040, 0x00000000bf800000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     8}, /* frintm s0, s2 */
    {2, 0x1e22bc20, 0x0000000040200000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     8}, /* fcsel s0, s1, s2, lt */
    {3, 0x1e622820, 0x7ff8000000000123ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0}, /* fadd d0, d1, d2 */
    {3, 0x1e612840, 0x7ff8000000000123ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0}, /* fadd d0, d2, d1 */
    {3, 0x1e630840, 0x8000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0}, /* fmul d0, d2, d3 */
    {3, 0x1e622020, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x1234567812345678ull,
     3}, /* fcmp d1, d2 */
    {3, 0x9e780020, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x0000000000000000ull,
     0}, /* fcvtzs x0, d1 */
    {3, 0x9e790020, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x0000000000000000ull,
     0}, /* fcvtzu x0, d1 */
    {3, 0x9e780040, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x7fffffffffffffffull,
     0}, /* fcvtzs x0, d2 */
    {3, 0x1e790040, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x00000000ffffffffull,
     0}, /* fcvtzu w0, d2 */
    {3, 0x1e780060, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x0000000000000000ull,
     0}, /* fcvtzs w0, d3 */
    {3, 0x1e624860, 0x441158e460913d00ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0}, /* fmax d0, d3, d2 */
    {3, 0x1e625860, 0x8000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0}, /* fmin d0, d3, d2 */
    {3, 0x1e626820, 0x441158e460913d00ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0}, /* fmaxnm d0, d1, d2 */
    {3, 0x1e617840, 0x441158e460913d00ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0}, /* fminnm d0, d2, d1 */
    {3, 0x1e624820, 0x7ff8000000000123ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0}, /* fmax d0, d1, d2 */
    {3, 0x1e61c060, 0x8000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0}, /* fsqrt d0, d3 */
    {3, 0x1e624020, 0x000000007fc00000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0}, /* fcvt s0, d1 */
    {3, 0x1e664060, 0x8000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0}, /* frinta d0, d3 */
    {3, 0x1e614020, 0xfff8000000000123ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0}, /* fneg d0, d1 */
    {3, 0x1e602068, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x1234567812345678ull,
     6}, /* fcmp d3, #0.0 */
    {3, 0x1e623840, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0}, /* fsub d0, d2, d2 */
    {4, 0x1e622820, 0x7ff8000000000001ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0}, /* fadd d0, d1, d2 */
    {4, 0x1e630820, 0xfff0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0}, /* fmul d0, d1, d3 */
    {4, 0x1e631860, 0x7ff8000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0}, /* fdiv d0, d3, d3 */
    {4, 0x1e61c040, 0x7ff8000000000001ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0}, /* fsqrt d0, d2 */
    {4, 0x9e780020, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x7fffffffffffffffull,
     0}, /* fcvtzs x0, d1 */
    {4, 0x9e790040, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x0000000000000000ull,
     0}, /* fcvtzu x0, d2 */
    {4, 0x1e614860, 0x7ff0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0}, /* fmax d0, d3, d1 */
    {4, 0x1e615860, 0xfff0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0}, /* fmin d0, d3, d1 */
    {4, 0x1e636840, 0x7ff8000000000001ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0}, /* fmaxnm d0, d2, d3 */
    {4, 0x1e612060, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x1234567812345678ull,
     8}, /* fcmp d3, d1 */
    {0, 0x7ee08820, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* cmge d0, d1, #0 */
    {0, 0x5ee09840, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* cmeq d0, d2, #0 */
    {0, 0x7ee0b820, 0x7fff00fe80ef0200ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* neg d0, d1 */
    {0, 0x5ee0b820, 0x7fff00fe80ef0200ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* abs d0, d1 */
    {0, 0x7f600420, 0x000000008000ff01ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* ushr d0, d1, #32 */
    {0, 0x5f7d0420, 0xf0001fe02fe21fc0ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* sshr d0, d1, #3 */
    {0, 0x5f7c5420, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* shl d0, d1, #60 */
    {0, 0x7f401420, 0x5555555555555555ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* usra d0, d1, #64 */
    {0, 0x5ee28420, 0x00ffff02fe31fc01ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* add d0, d1, d2 */
    {0, 0x7ee23420, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* cmhi d0, d1, d2 */
    {0, 0x5ee23420, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* cmgt d0, d1, d2 */
    {0, 0x5ef1b820, 0x8124446908bccbefull, 0x0000000000000000ull, 0x1234567812345678ull,
     6}, /* addp d0, v1.2d */
    {0, 0x2ea21020, 0x8000ff01fe31fc01ull, 0x012345680aaacdf0ull, 0x1234567812345678ull,
     6}, /* uaddw v0.2d, v1.2d, v2.2s */
    {0, 0x6e221020, 0x8076ff557f42fe10ull, 0x022146438a65ce87ull, 0x1234567812345678ull,
     6}, /* uaddw2 v0.8h, v1.8h, v2.16b */
    {0, 0x0e620020, 0x0000fe30fffffc01ull, 0xffff00ffffffff02ull, 0x1234567812345678ull,
     6}, /* saddl v0.4s, v1.4h, v2.4h */
    {0, 0x6ea22020, 0x0000000013579bdfull, 0xffffffff02468acfull, 0x1234567812345678ull,
     6}, /* usubl2 v0.2d, v1.4s, v2.4s */
    {0, 0x2e22c020, 0x3f010200fc040000ull, 0x4000000000000001ull, 0x1234567812345678ull,
     6}, /* umull v0.8h, v1.8b, v2.8b */
    {0, 0x4e62c020, 0xc94dfe1cf6358cf0ull, 0xfffeb414ed2f0b28ull, 0x1234567812345678ull,
     6}, /* smull2 v0.4s, v1.8h, v2.8h */
    {0, 0x0e223020, 0x7f81fee17f12fdffull, 0x01a3456889abcdeeull, 0x1234567812345678ull,
     6}, /* ssubw v0.8h, v1.8h, v2.8b */
};

static void fp_setup(const uint64_t *in) {
  memset(&cpu, 0, sizeof(cpu));
  cpu.v[0][0] = 0x5555555555555555ull, cpu.v[0][1] = 0xaaaaaaaaaaaaaaaaull;
  for (int r = 1; r <= 3; r++)
    cpu.v[r][0] = in[2 * r - 2], cpu.v[r][1] = in[2 * r - 1];
  cpu.x[0] = 0x1234567812345678ull;
  cpu.x[1] = in[6], cpu.x[2] = in[7];
  cpu.nzcv = in[8];
}

TEST(fp_simd_against_qemu) {
  int bad = 0;
  for (unsigned i = 0; i < N(fp_cases); i++) {
    const struct fp_case *t = &fp_cases[i];
    fp_setup(fp_sets[t->set]);
    if (!run1(t->insn)) {
      fprintf(stderr, "  0x%08x: did not run\n", t->insn);
      bad++;
      continue;
    }
    if (cpu.v[0][0] != t->v0_lo || cpu.v[0][1] != t->v0_hi || cpu.x[0] != t->x0 ||
        cpu.nzcv != t->nzcv) {
      fprintf(stderr,
              "  0x%08x: v0 %016llx:%016llx x0 %llx nzcv %llx, want %016llx:%016llx %llx %llx\n",
              t->insn, (unsigned long long)cpu.v[0][1], (unsigned long long)cpu.v[0][0],
              (unsigned long long)cpu.x[0], (unsigned long long)cpu.nzcv,
              (unsigned long long)t->v0_hi, (unsigned long long)t->v0_lo, (unsigned long long)t->x0,
              (unsigned long long)t->nzcv);
      bad++;
    }
  }
  ASSERT_EQ(bad, 0);
}

TEST_MAIN("a64_ldst")
