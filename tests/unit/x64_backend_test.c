/* x64_backend_test.c - hand-built IR blocks translated by the x86-64 backend
 * and run on a fake cpu, checked against C references.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <ucontext.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/mman.h>
#include "test.h"
#include "../../backend-x86_64/x64.h"
#include "../../ir/ir_cc.h"
#include "../../ir/ir_eval.h"

struct fake_cpu {
  struct cpu c;
  uint64_t regs[64];
};

#define REG(i) ((uint32_t)offsetof(struct fake_cpu, regs[i]))

enum { CODE_SIZE = 32 << 20 };
static struct tc_buf code;
static struct tc_pcmap pcmap_store[1 << 16];
static size_t pcmap_used;

static void code_reset(void) {
  if (!code.start) {
    code.start = mmap(NULL, CODE_SIZE, PROT_READ | PROT_WRITE | PROT_EXEC,
                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (code.start == MAP_FAILED)
      abort();
  }
  code.cur = code.start;
  code.end = code.start + CODE_SIZE;
  code.overflow = 0;
  pcmap_used = 0;
  x64_backend.init(&code);
}

/* Translate b into a block with room for exits_cap chainable exits; NULL
 * if the backend refused it. */
static struct tc_block *translate_room(const struct ir_block *b, uint8_t exits_cap) {
  if (!code.start || code.end - code.cur < (1 << 20) || pcmap_used + b->n > (1 << 16))
    code_reset();
  struct tc_block *blk = calloc(1, sizeof(*blk));
  blk->exits_cap = exits_cap;
  blk->guest_pc = b->guest_pc;
  blk->pcmap = &pcmap_store[pcmap_used];
  blk->pcmap_cap = b->n;
  pcmap_used += b->n;
  if (x64_backend.translate(b, blk, &code) != 0) {
    free(blk);
    return NULL;
  }
  return blk;
}

/* Translate b; NULL if the backend refused it. */
static struct tc_block *translate(const struct ir_block *b) {
  return translate_room(b, TC_MAX_EXITS);
}

static uintptr_t run(struct fake_cpu *c, const struct tc_block *blk) {
  return x64_backend.enter(&c->c, blk->code);
}

/* Translate and run b once on c; returns the exit value. */
static uintptr_t run_block(struct ir_block *b, struct fake_cpu *c) {
  struct tc_block *blk = translate(b);
  if (!blk)
    return (uintptr_t)-1;
  uintptr_t r = run(c, blk);
  free(blk);
  return r;
}

static const uint64_t edge[] = {0,
                                1,
                                2,
                                3,
                                31,
                                32,
                                63,
                                64,
                                0xff,
                                0x80,
                                0x7fffffff,
                                0x80000000,
                                0xffffffff,
                                0x100000000ull,
                                0x7fffffffffffffffull,
                                0x8000000000000000ull,
                                0xfffffffffffffffeull,
                                0xffffffffffffffffull,
                                0x123456789abcdef0ull,
                                0xfedcba9876543210ull};
enum { NEDGE = sizeof(edge) / sizeof(edge[0]) };

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;
static uint64_t rnd(void) {
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 7;
  rng_state ^= rng_state << 17;
  return rng_state;
}

/* Test values: the edges, then random ones. */
static uint64_t value(int i) {
  return i < NEDGE ? edge[i] : rnd() >> (rnd() & 63);
}
enum { NVALUES = NEDGE + 12 };

static uint64_t mask_of(enum ir_type t) {
  return t == IR_I32 ? 0xffffffffull : ~0ull;
}

static uint64_t sext(uint64_t v, unsigned bits) {
  return bits >= 64 ? v : (uint64_t)((int64_t)(v << (64 - bits)) >> (64 - bits));
}

static uint64_t ref_bitrev(uint64_t v, unsigned bits) {
  uint64_t r = 0;
  for (unsigned i = 0; i < bits; i++)
    r |= ((v >> i) & 1) << (bits - 1 - i);
  return r;
}

static uint64_t ref_unop(enum ir_op op, enum ir_type t, uint64_t x) {
  unsigned bits = t == IR_I64 ? 64 : 32;
  uint64_t m = mask_of(t);
  x &= m;
  switch (op) {
  case IR_NOT: return ~x & m;
  case IR_NEG: return -x & m;
  case IR_CLZ: return x ? (unsigned)__builtin_clzll(x) - (64 - bits) : bits;
  case IR_CTZ: return x ? (unsigned)__builtin_ctzll(x) : bits;
  case IR_POPCNT: return (unsigned)__builtin_popcountll(x);
  case IR_BSWAP: return bits == 64 ? __builtin_bswap64(x) : __builtin_bswap32((uint32_t)x);
  case IR_BITREV: return ref_bitrev(x, bits);
  default: abort();
  }
}

static uint64_t ref_div(enum ir_op op, unsigned bits, uint64_t x, uint64_t y) {
  if (y == 0)
    return 0;
  if (op == IR_DIVU)
    return x / y;
  int64_t sx = (int64_t)sext(x, bits), sy = (int64_t)sext(y, bits);
  if (sy == -1)
    return (uint64_t)(-(uint64_t)sx); /* MIN / -1 = MIN */
  return (uint64_t)(sx / sy);
}

static uint64_t ref_mulh(enum ir_op op, unsigned bits, uint64_t x, uint64_t y) {
  if (bits == 32) {
    if (op == IR_MULHU)
      return (x * y) >> 32;
    return (uint64_t)((int64_t)sext(x, 32) * (int64_t)sext(y, 32)) >> 32;
  }
  if (op == IR_MULHU)
    return (uint64_t)(((unsigned __int128)x * y) >> 64);
  return (uint64_t)(((__int128)(int64_t)x * (int64_t)y) >> 64);
}

static uint64_t ref_binop(enum ir_op op, enum ir_type t, uint64_t x, uint64_t y) {
  unsigned bits = t == IR_I64 ? 64 : 32, s = (unsigned)(y & (bits - 1));
  uint64_t m = mask_of(t);
  x &= m;
  y &= m;
  switch (op) {
  case IR_ADD: return (x + y) & m;
  case IR_SUB: return (x - y) & m;
  case IR_MUL: return (x * y) & m;
  case IR_AND: return x & y;
  case IR_OR: return x | y;
  case IR_XOR: return x ^ y;
  case IR_SHL: return (x << s) & m;
  case IR_SHR: return x >> s;
  case IR_SAR: return (uint64_t)((int64_t)sext(x, bits) >> s) & m;
  case IR_ROR: return s ? ((x >> s) | (x << (bits - s))) & m : x;
  case IR_DIVU:
  case IR_DIVS: return ref_div(op, bits, x, y) & m;
  case IR_MULHU:
  case IR_MULHS: return ref_mulh(op, bits, x, y) & m;
  default: abort();
  }
}

/* The canonical nibble of a + b + c at the given width. */
static uint64_t ref_flags(enum ir_op op, enum ir_type w, uint64_t a, uint64_t b, uint64_t c) {
  unsigned bits = w == IR_I64 ? 64 : 32;
  uint64_t m = mask_of(w);
  a &= m;
  b &= m;
  if (op == IR_FLAGS_LOGIC)
    return ((a >> (bits - 1)) << 3) | ((a == 0) << 2);
  if (op == IR_FLAGS_SUB || op == IR_FLAGS_SBC)
    b = ~b & m;
  if (op == IR_FLAGS_ADD)
    c = 0;
  if (op == IR_FLAGS_SUB)
    c = 1;
  unsigned __int128 sum = (unsigned __int128)a + b + (c & 1);
  uint64_t r = (uint64_t)sum & m;
  uint64_t carry = (uint64_t)(sum >> bits) & 1;
  uint64_t v = (((a ^ r) & (b ^ r)) >> (bits - 1)) & 1;
  return ((r >> (bits - 1)) << 3) | ((r == 0) << 2) | (carry << 1) | v;
}

static int ref_cond(unsigned cc, unsigned nzcv) {
  int n = nzcv >> 3 & 1, z = nzcv >> 2 & 1, c = nzcv >> 1 & 1, v = nzcv & 1, r;
  switch (cc >> 1) {
  case 0: r = z; break;
  case 1: r = c; break;
  case 2: r = n; break;
  case 3: r = v; break;
  case 4: r = c && !z; break;
  case 5: r = n == v; break;
  case 6: r = !z && n == v; break;
  default: return 1;
  }
  return (cc & 1) ? !r : r;
}

/* Operand k: a GET of regs[k], or a constant when as_const. */
static uint32_t operand(struct ir_block *b, enum ir_type t, int k, uint64_t v, int as_const) {
  return as_const ? ir_const(b, t, v) : ir_get(b, t, REG(k));
}

/* regs[10] = op(x, y[, z]) with each operand a GET or a constant (bit k of consts). */
static uint64_t eval(enum ir_op op, enum ir_type t, unsigned aux, uint64_t x, uint64_t y,
                     uint64_t z, unsigned consts) {
  int is_flags = op >= IR_FLAGS_ADD && op <= IR_FLAGS_LOGIC;
  enum ir_type ot = op == IR_CMP ? (enum ir_type)(aux >> 4) : is_flags ? (enum ir_type)aux : t;
  struct fake_cpu c = {0};
  struct ir_block *b = ir_block_new(0x1000);
  c.regs[0] = x, c.regs[1] = y, c.regs[2] = z;
  int nargs = ir_op_info[op].nargs;
  uint32_t ra = operand(b, ot, 0, x, consts & 1);
  uint32_t rb = nargs > 1 ? operand(b, ot, 1, y, consts & 2) : 0;
  uint32_t rc = nargs > 2 ? operand(b, ot, 2, z, consts & 4) : 0;
  uint32_t r = ir_emit(b, op, t, ra, rb, rc, op == IR_CMP ? ot : 0);
  b->insn[r].aux = (uint8_t)(op == IR_CMP ? aux & 15 : aux);
  c.regs[10] = 0xdeadbeefdeadbeefull;
  ir_put(b, REG(10), r);
  ir_goto(b, 0x2000);
  uintptr_t ret = run_block(b, &c);
  ir_block_free(b);
  if (ret < CPU_EXIT_LAST || c.c.pc != 0x2000)
    return 0xbadbadbadull;
  return t == IR_I32 ? (uint32_t)c.regs[10] | (c.regs[10] >> 32 == 0xdeadbeef ? 0 : 1ull << 63)
                     : c.regs[10];
}

static const enum ir_op binops[] = {IR_ADD, IR_SUB, IR_MUL, IR_AND,  IR_OR,   IR_XOR,   IR_SHL,
                                    IR_SHR, IR_SAR, IR_ROR, IR_DIVU, IR_DIVS, IR_MULHU, IR_MULHS};

TEST(binops_all_values) {
  for (unsigned k = 0; k < sizeof(binops) / sizeof(binops[0]); k++)
    for (enum ir_type t = IR_I32; t <= IR_I64; t++)
      for (int i = 0; i < NVALUES; i++)
        for (int j = 0; j < NVALUES; j++)
          for (unsigned consts = 0; consts < 4; consts++) {
            uint64_t x = value(i), y = value(j);
            uint64_t want = ref_binop(binops[k], t, x, y);
            uint64_t got = eval(binops[k], t, 0, x, y, 0, consts);
            if (got != want)
              fprintf(stderr, "  %s.%s(0x%llx, 0x%llx) consts %u\n", ir_op_info[binops[k]].name,
                      t == IR_I64 ? "i64" : "i32", (unsigned long long)x, (unsigned long long)y,
                      consts);
            ASSERT_EQ(got, want);
          }
}

TEST(adc_and_unops) {
  static const enum ir_op unops[] = {IR_NOT,    IR_NEG,   IR_CLZ,   IR_CTZ,
                                     IR_POPCNT, IR_BSWAP, IR_BITREV};
  for (enum ir_type t = IR_I32; t <= IR_I64; t++)
    for (int i = 0; i < NVALUES; i++) {
      uint64_t x = value(i);
      for (unsigned k = 0; k < sizeof(unops) / sizeof(unops[0]); k++)
        ASSERT_EQ(eval(unops[k], t, 0, x, 0, 0, 0), ref_unop(unops[k], t, x));
      for (int j = 0; j < NVALUES; j++)
        for (uint64_t c = 0; c < 2; c++) {
          uint64_t y = value(j), want = (x + y + c) & mask_of(t);
          ASSERT_EQ(eval(IR_ADC, t, 0, x, y, c, 0), want);
          ASSERT_EQ(eval(IR_ADC, t, 0, x, y, c, 6), want);
        }
    }
}

/* CLZ and CTZ as bsr and bsf, on a host without LZCNT and BMI1. */
TEST(bit_counts_without_lzcnt_tzcnt) {
  x64_feat(); /* detect the features first, then hide them */
  unsigned saved = x64_features;
  x64_features &= ~(unsigned)(X64_F_BMI1 | X64_F_LZCNT);
  int ok = 1;
  for (enum ir_type t = IR_I32; t <= IR_I64; t++)
    for (int i = 0; i < NVALUES; i++) {
      uint64_t x = value(i);
      ok &= eval(IR_CLZ, t, 0, x, 0, 0, 0) == ref_unop(IR_CLZ, t, x);
      ok &= eval(IR_CTZ, t, 0, x, 0, 0, 0) == ref_unop(IR_CTZ, t, x);
    }
  x64_features = saved;
  ASSERT(ok);
}

TEST(extensions) {
  for (int i = 0; i < NVALUES; i++) {
    uint64_t x = value(i);
    static const unsigned widths[] = {8, 16, 32};
    for (int k = 0; k < 3; k++) {
      unsigned n = widths[k];
      uint64_t lo = n == 64 ? x : x & ((1ull << n) - 1);
      ASSERT_EQ(eval(IR_ZEXT, IR_I64, n, x, 0, 0, 0), lo);
      ASSERT_EQ(eval(IR_SEXT, IR_I64, n, x, 0, 0, 0), sext(lo, n));
      if (n < 32) {
        ASSERT_EQ(eval(IR_ZEXT, IR_I32, n, x, 0, 0, 0), lo);
        ASSERT_EQ(eval(IR_SEXT, IR_I32, n, x, 0, 0, 0), (uint32_t)sext(lo, n));
      }
    }
    struct fake_cpu c = {0};
    struct ir_block *b = ir_block_new(0x1000);
    c.regs[0] = x;
    ir_put(b, REG(10), ir_unop(b, IR_TRUNC, IR_I32, ir_get(b, IR_I64, REG(0))));
    ir_goto(b, 0x2000);
    c.regs[10] = ~0ull;
    run_block(b, &c);
    ir_block_free(b);
    ASSERT_EQ(c.regs[10], 0xffffffff00000000ull | (uint32_t)x);
  }
}

static uint64_t ref_cmp(enum ir_cmp k, enum ir_type t, uint64_t x, uint64_t y) {
  unsigned bits = t == IR_I64 ? 64 : 32;
  uint64_t m = mask_of(t);
  x &= m, y &= m;
  int64_t sx = (int64_t)sext(x, bits), sy = (int64_t)sext(y, bits);
  switch (k) {
  case IR_EQ: return x == y;
  case IR_NE: return x != y;
  case IR_LTU: return x < y;
  case IR_GEU: return x >= y;
  case IR_LEU: return x <= y;
  case IR_GTU: return x > y;
  case IR_LT: return sx < sy;
  case IR_GE: return sx >= sy;
  case IR_LE: return sx <= sy;
  case IR_GT: return sx > sy;
  }
  return 2;
}

TEST(cmp_and_select) {
  for (enum ir_type t = IR_I32; t <= IR_I64; t++)
    for (int i = 0; i < NVALUES; i++)
      for (int j = 0; j < NVALUES; j++) {
        uint64_t x = value(i), y = value(j);
        for (unsigned k = IR_EQ; k <= IR_GT; k++)
          for (unsigned consts = 0; consts < 4; consts++)
            ASSERT_EQ(eval(IR_CMP, IR_I32, k | t << 4, x, y, 0, consts), ref_cmp(k, t, x, y));
        for (uint64_t cond = 0; cond < 2; cond++)
          for (unsigned consts = 0; consts < 8; consts += 3)
            ASSERT_EQ(eval(IR_SELECT, t, 0, cond, x, y, consts), (cond ? x : y) & mask_of(t));
      }
}

TEST(flags_against_reference) {
  static const enum ir_op ops[] = {IR_FLAGS_ADD, IR_FLAGS_SUB, IR_FLAGS_ADC, IR_FLAGS_SBC,
                                   IR_FLAGS_LOGIC};
  for (unsigned k = 0; k < 5; k++)
    for (enum ir_type w = IR_I32; w <= IR_I64; w++)
      for (int i = 0; i < NVALUES; i++)
        for (int j = 0; j < NVALUES; j++)
          for (uint64_t c = 0; c < 2; c++)
            for (unsigned consts = 0; consts < 4; consts++) {
              uint64_t x = value(i), y = value(j), want = ref_flags(ops[k], w, x, y, c);
              uint64_t got = eval(ops[k], IR_I32, w, x, y, c, consts);
              if (got != want)
                fprintf(stderr, "  %s w%d (0x%llx, 0x%llx, %d) consts %u\n",
                        ir_op_info[ops[k]].name, w, (unsigned long long)x, (unsigned long long)y,
                        (int)c, consts);
              ASSERT_EQ(got, want);
            }
}

TEST(cond_all_codes_all_nibbles) {
  for (unsigned cc = 0; cc < 16; cc++)
    for (unsigned n = 0; n < 16; n++) {
      ASSERT_EQ((ir_cc_mask[cc] >> n) & 1, ref_cond(cc, n));
      ASSERT_EQ(eval(IR_COND, IR_I32, cc, n, 0, 0, 0), ref_cond(cc, n));
      ASSERT_EQ(eval(IR_COND, IR_I32, cc, n, 0, 0, 1), ref_cond(cc, n));
    }
}

/* regs[10] = load(size, sign) of &mem; for each result type. */
TEST(loads_every_size_and_sign) {
  static uint8_t mem[16] = {0x81, 0x92, 0xa3, 0xb4, 0xc5, 0xd6, 0xe7, 0xf8};
  for (enum ir_type t = IR_I32; t <= IR_I64; t++)
    for (unsigned size = 0; size < 4; size++)
      for (int sign = 0; sign < 2; sign++) {
        if (t == IR_I32 && size == 3)
          continue;
        struct fake_cpu c = {0};
        struct ir_block *b = ir_block_new(0x1000);
        c.regs[0] = (uintptr_t)mem;
        c.regs[10] = 0x5555555555555555ull;
        ir_put(b, REG(10), ir_load(b, t, ir_get(b, IR_I64, REG(0)), size, sign));
        ir_goto(b, 0x2000);
        run_block(b, &c);
        ir_block_free(b);
        uint64_t raw = 0;
        memcpy(&raw, mem, 1u << size);
        uint64_t want = sign ? sext(raw, 8u << size) & mask_of(t) : raw;
        if (t == IR_I32)
          want |= 0x5555555500000000ull;
        ASSERT_EQ(c.regs[10], want);
      }
}

TEST(stores_every_size) {
  for (unsigned size = 0; size < 4; size++)
    for (int as_const = 0; as_const < 2; as_const++) {
      uint8_t mem[16];
      memset(mem, 0xee, sizeof(mem));
      struct fake_cpu c = {0};
      struct ir_block *b = ir_block_new(0x1000);
      uint64_t v = 0x0102030405060708ull;
      c.regs[0] = (uintptr_t)(mem + 4);
      c.regs[1] = v;
      uint32_t val = as_const ? ir_const(b, IR_I64, v) : ir_get(b, IR_I64, REG(1));
      ir_store(b, ir_get(b, IR_I64, REG(0)), val, size);
      ir_goto(b, 0x2000);
      run_block(b, &c);
      ir_block_free(b);
      for (unsigned i = 0; i < 16; i++) {
        unsigned k = i - 4;
        ASSERT_EQ(mem[i], i >= 4 && k < (1u << size) ? (uint8_t)(v >> (8 * k)) : 0xee);
      }
    }
}

/* A LOAD and a STORE at base + disp (the access's own displacement), the
 * base an ADD of a constant folded into the memory operand: the two
 * displacements summed, or past 32 bits (lea of the base first). Compiled
 * and interpreted, against the bytes expected. */
TEST(loads_and_stores_at_displacements) {
  static const int64_t k_of[] = {0, 0, 0, 8, 0x7ffffff0, -0x7ffffff0};
  static const int64_t d_of[] = {0, -24, 40, 16, 0x100, -0x100};
  for (unsigned i = 0; i < sizeof(k_of) / sizeof(k_of[0]); i++)
    for (int interp = 0; interp < 2; interp++) {
      uint8_t mem[64];
      for (unsigned j = 0; j < sizeof(mem); j++)
        mem[j] = (uint8_t)(0x40 + j);
      struct fake_cpu c = {0};
      struct ir_block *b = ir_block_new(0x1000);
      uint8_t *want_at = mem + 24; /* the load's; the store's is 8 bytes on */
      c.regs[0] = (uint64_t)(uintptr_t)want_at - (uint64_t)k_of[i] - (uint64_t)d_of[i];
      c.regs[1] = 0x1122334455667788ull;
      uint32_t base = ir_get(b, IR_I64, REG(0));
      if (k_of[i])
        base = ir_binop(b, IR_ADD, IR_I64, base, ir_const(b, IR_I64, (uint64_t)k_of[i]));
      ir_put(b, REG(10), ir_load_at(b, IR_I64, base, d_of[i], 3, 0));
      ir_store_at(b, base, d_of[i] + 8, ir_get(b, IR_I64, REG(1)), 3);
      ir_goto(b, 0x2000);
      ASSERT_EQ(ir_verify(b), 0);
      if (interp)
        ir_interp(b, &c.c);
      else
        run_block(b, &c);
      ir_block_free(b);
      uint64_t loaded;
      memcpy(&loaded, want_at, 8);
      ASSERT_EQ(c.regs[10], 0x5f5e5d5c5b5a5958ull);
      memcpy(&loaded, want_at + 8, 8);
      ASSERT_EQ(loaded, 0x1122334455667788ull);
      ASSERT_EQ(mem[23], 0x57);
      ASSERT_EQ(mem[40], 0x68);
    }
}

static uint64_t mem_read(const void *p, unsigned size) {
  uint64_t v = 0;
  memcpy(&v, p, 1u << size);
  return v;
}

TEST(cas_every_size) {
  for (unsigned size = 0; size < 4; size++)
    for (int hit = 0; hit < 2; hit++) {
      uint64_t memv = 0x8899aabbccddeeffull, m = size == 3 ? ~0ull : (1ull << (8 << size)) - 1;
      struct fake_cpu c = {0};
      struct ir_block *b = ir_block_new(0x1000);
      c.regs[0] = (uintptr_t)&memv;
      c.regs[1] = hit ? memv & m : 0x1234;
      c.regs[2] = 0x1122334455667788ull;
      uint32_t addr = ir_get(b, IR_I64, REG(0));
      uint32_t r =
          ir_cas(b, IR_I64, addr, ir_get(b, IR_I64, REG(1)), ir_get(b, IR_I64, REG(2)), size);
      ir_put(b, REG(10), r);
      ir_goto(b, 0x2000);
      run_block(b, &c);
      ir_block_free(b);
      ASSERT_EQ(c.regs[10], 0x8899aabbccddeeffull & m);
      uint64_t want =
          hit ? (0x8899aabbccddeeffull & ~m) | (0x1122334455667788ull & m) : 0x8899aabbccddeeffull;
      ASSERT_EQ(memv, want);
    }
}

static uint64_t ref_atomic(enum ir_atomic op, unsigned size, uint64_t old, uint64_t v) {
  unsigned bits = 8u << size;
  int64_t so = (int64_t)sext(old, bits), sv = (int64_t)sext(v, bits);
  switch (op) {
  case IR_ATOMIC_ADD: return old + v;
  case IR_ATOMIC_CLR: return old & ~v;
  case IR_ATOMIC_XOR: return old ^ v;
  case IR_ATOMIC_OR: return old | v;
  case IR_ATOMIC_SMAX: return so > sv ? old : v;
  case IR_ATOMIC_SMIN: return so < sv ? old : v;
  case IR_ATOMIC_UMAX: return old > v ? old : v;
  case IR_ATOMIC_UMIN: return old < v ? old : v;
  case IR_ATOMIC_SWP: return v;
  }
  return 0;
}

TEST(atomics_every_op_and_size) {
  for (unsigned op = IR_ATOMIC_ADD; op <= IR_ATOMIC_SWP; op++)
    for (unsigned size = 0; size < 4; size++)
      for (int i = 0; i < NVALUES; i += 3)
        for (int j = 0; j < NVALUES; j += 2) {
          uint64_t m = size == 3 ? ~0ull : (1ull << (8 << size)) - 1;
          uint64_t old = value(i) & m, v = value(j) & m, memv[2] = {old, 0x5a5a5a5a5a5a5a5aull};
          memv[0] |= 0xa5a5a5a5a5a5a5a5ull & ~m;
          struct fake_cpu c = {0};
          struct ir_block *b = ir_block_new(0x1000);
          c.regs[0] = (uintptr_t)memv;
          c.regs[1] = v;
          uint32_t r =
              ir_atomic(b, op, IR_I64, ir_get(b, IR_I64, REG(0)), ir_get(b, IR_I64, REG(1)), size);
          ir_put(b, REG(10), r);
          ir_goto(b, 0x2000);
          run_block(b, &c);
          ir_block_free(b);
          ASSERT_EQ(c.regs[10], old);
          ASSERT_EQ(mem_read(memv, size), ref_atomic(op, size, old, v) & m);
          ASSERT_EQ(memv[0] & ~m, 0xa5a5a5a5a5a5a5a5ull & ~m);
          ASSERT_EQ(memv[1], 0x5a5a5a5a5a5a5a5aull);
        }
}

TEST(register_pressure_spills) {
  struct fake_cpu c = {0};
  struct ir_block *b = ir_block_new(0x1000);
  uint32_t v[40];
  for (int i = 0; i < 40; i++) {
    c.regs[i] = rnd();
    v[i] = ir_get(b, IR_I64, REG(i));
  }
  /* Everything is live at once, then consumed in reverse with mixed ops. */
  uint32_t acc = v[39];
  uint64_t want = c.regs[39];
  for (int i = 38; i >= 0; i--) {
    enum ir_op op = i % 3 == 0 ? IR_ADD : i % 3 == 1 ? IR_XOR : IR_MUL;
    acc = ir_binop(b, op, IR_I64, acc, v[i]);
    want = ref_binop(op, IR_I64, want, c.regs[i]);
  }
  /* And a second use of early values to keep them live through. */
  for (int i = 0; i < 40; i += 5) {
    acc = ir_binop(b, IR_SUB, IR_I64, acc, v[i]);
    want -= c.regs[i];
  }
  ir_put(b, REG(50), acc);
  ir_goto(b, 0x2000);
  uint64_t before[40];
  memcpy(before, c.regs, sizeof(before));
  ASSERT(run_block(b, &c) >= CPU_EXIT_LAST);
  ir_block_free(b);
  ASSERT_EQ(c.regs[50], want);
  ASSERT(!memcmp(before, c.regs, sizeof(before)));
}

/* GETs read once by an ALU op or a compare stay in the state and are read
 * there (x64_stateget.c): never after a PUT of their slot, and at their own
 * width only (an i64 op on a zero-extended i32 GET must not see the slot's
 * high half). */
TEST(state_gets_read_in_place) {
  struct fake_cpu c = {0};
  struct ir_block *b = ir_block_new(0x1000);
  c.regs[0] = 40, c.regs[1] = 2, c.regs[3] = 0xffffffff00000007ull;
  c.regs[4] = 0xabcdef0000000009ull, c.regs[5] = 9;
  uint32_t x0 = ir_get(b, IR_I64, REG(0));
  ir_put(b, REG(0), ir_const(b, IR_I64, 5)); /* x0's slot changes before x0 is read */
  ir_put(b, REG(10), ir_binop(b, IR_ADD, IR_I64, ir_get(b, IR_I64, REG(1)), x0));
  uint32_t w3 = ir_unop(b, IR_TRUNC, IR_I32, ir_get(b, IR_I64, REG(3)));
  uint32_t sum = ir_binop(b, IR_ADD, IR_I32, ir_const(b, IR_I32, 1), w3);
  ir_put(b, REG(11), ir_ext(b, IR_ZEXT, IR_I64, sum, 32));
  uint32_t z4 = ir_ext(b, IR_ZEXT, IR_I64, ir_get(b, IR_I32, REG(4)), 32);
  ir_put(b, REG(12), ir_binop(b, IR_SUB, IR_I64, ir_get(b, IR_I64, REG(1)), z4));
  uint32_t eq = ir_cmp(b, IR_EQ, IR_I64, ir_get(b, IR_I64, REG(2)), z4);
  ir_put(b, REG(13), ir_ext(b, IR_ZEXT, IR_I64, eq, 32));
  uint32_t f =
      ir_flags(b, IR_FLAGS_SUB, IR_I64, ir_const(b, IR_I64, 9), ir_get(b, IR_I64, REG(5)), 0);
  ir_put(b, REG(14), ir_ext(b, IR_ZEXT, IR_I64, ir_cond(b, IR_CC_EQ, f), 32));
  ir_goto(b, 0x2000);
  ASSERT(run_block(b, &c) >= CPU_EXIT_LAST);
  ir_block_free(b);
  ASSERT_EQ(c.regs[0], 5);
  ASSERT_EQ(c.regs[10], 42);
  ASSERT_EQ(c.regs[11], 8);
  ASSERT_EQ(c.regs[12], (uint64_t)2 - 9);
  ASSERT_EQ(c.regs[13], 0);
  ASSERT_EQ(c.regs[14], 1);
}

/* Clobbers every caller-saved register before returning a + 2b + 3c. */
static uint64_t clobber_helper(struct cpu *cpu, uint64_t a, uint64_t b, uint64_t c) {
  struct fake_cpu *f = (struct fake_cpu *)cpu;
  f->regs[60]++;
  __asm__ volatile("mov $0x1111, %%rsi\n\tmov $0x2222, %%rdi\n\tmov $0x3333, %%r8\n\t"
                   "mov $0x4444, %%r9\n\tmov $0x5555, %%r10\n\tmov $0x6666, %%r11\n\t"
                   "mov $0x7777, %%rdx\n\tmov $0x8888, %%rcx" ::
                       : "rsi", "rdi", "r8", "r9", "r10", "r11", "rdx", "rcx");
  return a + 2 * b + 3 * c;
}

static uint64_t rsp_helper(struct cpu *cpu, uint64_t a, uint64_t b, uint64_t c) {
  (void)cpu, (void)a, (void)b, (void)c;
  return (uintptr_t)__builtin_frame_address(0) & 15;
}

TEST(values_live_across_calls) {
  for (int n = 1; n <= 20; n += 3) {
    struct fake_cpu c = {0};
    struct ir_block *b = ir_block_new(0x1000);
    uint32_t v[20];
    for (int i = 0; i < n; i++) {
      c.regs[i] = rnd();
      v[i] = ir_get(b, IR_I64, REG(i));
    }
    uint32_t r1 = ir_call(b, IR_I64, (void *)clobber_helper, v[0], v[n - 1], v[n / 2]);
    uint32_t r2 = ir_call(b, IR_I64, (void *)clobber_helper, r1, v[0], 0);
    uint32_t acc = r2;
    for (int i = 0; i < n; i++)
      acc = ir_binop(b, IR_XOR, IR_I64, ir_binop(b, IR_ROR, IR_I64, acc, ir_const(b, IR_I64, 7)),
                     v[i]);
    ir_put(b, REG(50), acc);
    ir_put(b, REG(51), ir_call(b, IR_I32, (void *)rsp_helper, 0, 0, 0));
    ir_call(b, IR_VOID, (void *)clobber_helper, 0, 0, 0);
    ir_goto(b, 0x2000);
    ASSERT(run_block(b, &c) >= CPU_EXIT_LAST);
    ir_block_free(b);
    uint64_t w1 = c.regs[0] + 2 * c.regs[n - 1] + 3 * c.regs[n / 2];
    uint64_t want = w1 + 2 * c.regs[0];
    for (int i = 0; i < n; i++)
      want = ((want >> 7) | (want << 57)) ^ c.regs[i];
    ASSERT_EQ(c.regs[50], want);
    ASSERT_EQ(c.regs[51], 0); /* rsp was 16-byte aligned at the call */
    ASSERT_EQ(c.regs[60], 3);
  }
}

TEST(side_exits) {
  for (uint64_t take = 0; take < 2; take++) {
    struct fake_cpu c = {0};
    struct ir_block *b = ir_block_new(0x1000);
    c.regs[0] = take;
    ir_put(b, REG(1), ir_const(b, IR_I64, 11));
    ir_exit_if(b, ir_get(b, IR_I64, REG(0)), 0x3000);
    ir_put(b, REG(2), ir_const(b, IR_I64, 22));
    ir_goto(b, 0x2000);
    struct tc_block *blk = translate(b);
    ASSERT(blk != NULL);
    ASSERT_EQ(blk->n_exits, 2);
    uintptr_t r = run(&c, blk);
    ASSERT_EQ(r, (uintptr_t)&blk->exits[take ? 0 : 1]);
    ASSERT_EQ(c.c.pc, take ? 0x3000 : 0x2000);
    ASSERT_EQ(blk->exits[take ? 0 : 1].target_pc, c.c.pc);
    ASSERT(tc_exit_from(&blk->exits[0]) == blk && tc_exit_from(&blk->exits[1]) == blk);
    ASSERT_EQ(c.regs[1], 11);
    ASSERT_EQ(c.regs[2], take ? 0 : 22);
    ASSERT_EQ(((uintptr_t)tc_exit_jump(&blk->exits[0]) + 1) & 3, 0);
    free(blk);
    ir_block_free(b);
  }
}

/* A loop at 0x1234: x1 += 1; back to its own start while x1 < 100, else
 * on to 0x2000. */
static struct ir_block *counting_loop(void) {
  struct ir_block *b = ir_block_new(0x1234);
  ir_put(b, REG(1), ir_binop(b, IR_ADD, IR_I64, ir_get(b, IR_I64, REG(1)), ir_const(b, IR_I64, 1)));
  ir_exit_if(b, ir_cmp(b, IR_LTU, IR_I64, ir_get(b, IR_I64, REG(1)), ir_const(b, IR_I64, 100)),
             0x1234);
  ir_goto(b, 0x2000);
  return b;
}

/* A loop: the block branches back to its own start. With exit_request set
 * the back edge leaves through its stub (after the block's effects), even
 * when chained to itself; a forward exit does not look. */
TEST(exit_request_leaves_at_back_edges) {
  struct fake_cpu c = {0};
  struct ir_block *b = counting_loop();
  struct tc_block *blk = translate(b);
  ASSERT(blk);
  x64_backend.patch(&blk->exits[0], blk->code); /* chained to itself */
  ASSERT_EQ(run(&c, blk), (uintptr_t)&blk->exits[1]);
  ASSERT_EQ(c.regs[1], 100);
  c.regs[1] = 0;
  c.c.exit_request = 1;
  ASSERT_EQ(run(&c, blk), (uintptr_t)&blk->exits[0]);
  ASSERT_EQ(c.c.pc, 0x1234);
  ASSERT_EQ(c.regs[1], 1);
  c.regs[1] = 200; /* the forward exit is taken whatever exit_request says */
  ASSERT_EQ(run(&c, blk), (uintptr_t)&blk->exits[1]);
  ASSERT_EQ(c.regs[1], 201);
  free(blk);
  ir_block_free(b);
}

/* A block translated without the passes (countdown) counts its entries
 * down from tc_block.hot: at 0 it leaves with CPU_EXIT_HOT, cpu->pc its own
 * pc, nothing of it run. A loop of it has no header: each iteration
 * chained back to it is an entry. */
TEST(countdown_leaves_hot_at_zero) {
  struct fake_cpu c = {0};
  struct ir_block *b = counting_loop();
  b->countdown = 1;
  struct tc_block *blk = translate(b);
  ASSERT(blk);
  blk->hot = 3;
  ASSERT_EQ(run(&c, blk), (uintptr_t)&blk->exits[0]); /* unchained: one entry, one iteration */
  ASSERT_EQ(c.regs[1], 1);
  x64_backend.patch(&blk->exits[0], blk->code); /* chained to itself */
  c.c.pc = 0;
  ASSERT_EQ(run(&c, blk), CPU_EXIT_HOT); /* entries 2 and 3: the third leaves */
  ASSERT_EQ(c.c.pc, 0x1234);
  ASSERT_EQ(c.regs[1], 2);
  ASSERT_EQ(blk->hot, 0);
  blk->hot = 1000;
  ASSERT_EQ(run(&c, blk), (uintptr_t)&blk->exits[1]);
  ASSERT_EQ(c.regs[1], 100);
  ASSERT_EQ(blk->hot, 1000 - 98);
  free(blk);
  b->countdown = 0; /* with the passes: a loop header, and no count */
  blk = translate(b);
  ASSERT(blk);
  blk->hot = 1;
  c.regs[1] = 0;
  x64_backend.patch(&blk->exits[0], blk->code);
  ASSERT_EQ(run(&c, blk), (uintptr_t)&blk->exits[1]);
  ASSERT_EQ(c.regs[1], 100);
  ASSERT_EQ(blk->hot, 1);
  free(blk);
  ir_block_free(b);
}

/* Whether the code of blk holds the full barrier xchg [rsp-8], rax
 * (48 87 44 24 f8) or an mfence (0f ae f0). */
static int has_barrier(const struct tc_block *blk) {
  for (uint32_t k = 0; k + 5 <= blk->code_size; k++)
    if (!memcmp(blk->code + k, "\x48\x87\x44\x24\xf8", 5) ||
        !memcmp(blk->code + k, "\x0f\xae\xf0", 3))
      return 1;
  return 0;
}

/* Only a fence that keeps stores before loads is an instruction (TSO). */
TEST(fence_barrier_only_for_stores_before_loads) {
  for (unsigned orders = 0; orders <= IR_FENCE_FULL; orders++) {
    struct ir_block *b = ir_block_new(0x1000);
    ir_fence(b, (enum ir_fence)orders);
    ir_goto(b, 0x2000);
    struct tc_block *blk = translate(b);
    ASSERT(blk != NULL);
    ASSERT_EQ(has_barrier(blk), !!(orders & IR_FENCE_WR));
    free(blk);
    ir_block_free(b);
  }
}

TEST(syscall_and_trap) {
  struct fake_cpu c = {0};
  struct ir_block *b = ir_block_new(0x1000);
  ir_syscall(b, 0x1004);
  ASSERT_EQ(run_block(b, &c), CPU_EXIT_SYSCALL);
  ASSERT_EQ(c.c.pc, 0x1004);
  ir_block_reset(b, 0x1000);
  ir_fence(b, IR_FENCE_FULL);
  ir_fence(b, IR_FENCE_LOAD);
  ir_trap(b, 4, 0x1008);
  ASSERT_EQ(run_block(b, &c), CPU_EXIT_TRAP);
  ASSERT_EQ(c.c.pc, 0x1008);
  ASSERT_EQ(c.c.trap_signal, 4);
  ir_block_reset(b, 0x1000);
  ir_code_inval(b, ir_const(b, IR_I64, 0x7fff12345678ull), 0x100c);
  ASSERT_EQ(run_block(b, &c), CPU_EXIT_CODE_INVAL);
  ASSERT_EQ(c.c.pc, 0x100c);
  ASSERT_EQ(c.c.trap_info, 0x7fff12345678ull);
  ir_block_free(b);
}

/* A counts regs[0] up and goes to B; B counts regs[1] and stops by syscall. */
TEST(chaining) {
  struct fake_cpu c = {0};
  struct ir_block *a = ir_block_new(0x1000), *bb = ir_block_new(0x2000);
  ir_put(a, REG(0), ir_binop(a, IR_ADD, IR_I64, ir_get(a, IR_I64, REG(0)), ir_const(a, IR_I64, 1)));
  ir_goto(a, 0x2000);
  ir_put(bb, REG(1),
         ir_binop(bb, IR_ADD, IR_I64, ir_get(bb, IR_I64, REG(1)), ir_const(bb, IR_I64, 1)));
  ir_syscall(bb, 0x2004);
  struct tc_block *ba = translate(a), *bl = translate(bb);
  ASSERT(ba && bl);
  ASSERT_EQ(run(&c, ba), (uintptr_t)&ba->exits[0]);
  x64_backend.patch(&ba->exits[0], bl->code);
  ASSERT_EQ(run(&c, ba), CPU_EXIT_SYSCALL);
  ASSERT_EQ(c.c.pc, 0x2004);
  ASSERT_EQ(c.regs[0], 2);
  ASSERT_EQ(c.regs[1], 1);
  x64_backend.patch(&ba->exits[0], NULL);
  ASSERT_EQ(run(&c, ba), (uintptr_t)&ba->exits[0]);
  ASSERT_EQ(c.regs[0], 3);
  ASSERT_EQ(c.regs[1], 1);
  free(ba), free(bl);
  ir_block_free(a), ir_block_free(bb);
}

TEST(indirect_jump_through_jump_cache) {
  static _Alignas(64) struct tc_jc_entry jc[TC_JC_SIZE];
  const uint32_t mask = TC_JC_MASK(TC_JC_SIZE);
  struct fake_cpu c = {0};
  c.c.jc = jc;
  c.c.jc_mask = mask;
  for (unsigned i = 0; i < TC_JC_SIZE; i++) /* empty, as tc_jc_clear leaves it */
    jc[i] = (struct tc_jc_entry){TC_JC_EMPTY, x64_backend.jc_miss()};
  struct ir_block *j = ir_block_new(0x1000), *t = ir_block_new(0x3000);
  ir_jump(j, ir_get(j, IR_I64, REG(0)));
  ir_put(t, REG(1), ir_const(t, IR_I64, 77));
  ir_syscall(t, 0x3004);
  struct tc_block *bj = translate(j), *bt = translate(t);
  ASSERT(bj && bt);
  jc[tc_jc_index(0x3000, mask)] = (struct tc_jc_entry){0x3000, bt->code};
  c.regs[0] = 0x3000;
  ASSERT_EQ(run(&c, bj), CPU_EXIT_SYSCALL);
  ASSERT_EQ(c.regs[1], 77);
  ASSERT_EQ(c.c.pc, 0x3004);
  uint64_t other = 0x3004; /* same index, other pc: a miss */
  while (tc_jc_index(other, mask) != tc_jc_index(0x3000, mask))
    other += 4;
  c.regs[0] = other;
  ASSERT_EQ(run(&c, bj), CPU_EXIT_PLAIN);
  ASSERT_EQ(c.c.pc, other);
  for (uint32_t w = 1; w < TC_JC_WAYS; w++) { /* found in each other way of the group */
    jc[tc_jc_index(other, mask) ^ w] = (struct tc_jc_entry){other, bt->code};
    c.regs[1] = 0;
    ASSERT_EQ(run(&c, bj), CPU_EXIT_SYSCALL);
    ASSERT_EQ(c.regs[1], 77);
    c.c.exit_request = 1; /* ... but not while an exit is waiting */
    ASSERT_EQ(run(&c, bj), CPU_EXIT_PLAIN);
    ASSERT_EQ(c.c.pc, other);
    c.c.exit_request = 0;
    jc[tc_jc_index(other, mask) ^ w] = (struct tc_jc_entry){TC_JC_EMPTY, x64_backend.jc_miss()};
  }
  c.regs[0] = 0; /* an empty entry must not be taken */
  ASSERT_EQ(run(&c, bj), CPU_EXIT_PLAIN);
  ASSERT_EQ(c.c.pc, 0);
  c.regs[0] = TC_JC_EMPTY; /* not even by the pc an empty entry holds */
  ASSERT_EQ(run(&c, bj), CPU_EXIT_PLAIN);
  ASSERT_EQ(c.c.pc, TC_JC_EMPTY);
  c.regs[0] = 0x3000; /* a hit, but a signal is waiting: back to the run loop */
  c.regs[1] = 0;
  c.c.exit_request = 1;
  ASSERT_EQ(run(&c, bj), CPU_EXIT_PLAIN);
  ASSERT_EQ(c.c.pc, 0x3000);
  ASSERT_EQ(c.regs[1], 0);
  free(bj), free(bt);
  ir_block_free(j), ir_block_free(t);
}

/* The probe's index is tc_jc_index's, for pcs whose high bits matter too,
 * for a cache of the given entries: the mask is the cpu's, not one built
 * into the code. */
static int probe_hits(uint64_t pc, uint32_t entries) {
  static _Alignas(64) struct tc_jc_entry jc[TC_JC_SIZE];
  struct fake_cpu c = {0};
  c.c.jc = jc;
  c.c.jc_mask = TC_JC_MASK(entries);
  for (unsigned i = 0; i < TC_JC_SIZE; i++)
    jc[i] = (struct tc_jc_entry){TC_JC_EMPTY, x64_backend.jc_miss()};
  struct ir_block *j = ir_block_new(0x1000), *t = ir_block_new(0x3000);
  ir_jump(j, ir_get(j, IR_I64, REG(0)));
  ir_put(t, REG(1), ir_const(t, IR_I64, 77));
  ir_syscall(t, 0x3004);
  struct tc_block *bj = translate(j), *bt = translate(t);
  int ok = bj && bt;
  if (ok) {
    jc[tc_jc_index(pc, c.c.jc_mask)] = (struct tc_jc_entry){pc, bt->code};
    c.regs[0] = pc;
    ok = run(&c, bj) == CPU_EXIT_SYSCALL && c.regs[1] == 77;
  }
  free(bj), free(bt);
  ir_block_free(j), ir_block_free(t);
  return ok;
}

TEST(jump_cache_probe_index) {
  static const uint64_t pcs[] = {0x5500046644, 0x7f934a564688,     0xffffc0de1234,
                                 0x400000,     0xfffffffffffffffc, 0x5500046644 + (1ull << 40)};
  unsigned saved = x64_feat();
  int ok = 1;
  for (int bmi2 = 0; bmi2 < 2; bmi2++) { /* rorx, or mov and shr */
    x64_features = bmi2 ? saved : saved & ~(unsigned)X64_F_BMI2;
    for (unsigned k = 0; k < sizeof(pcs) / sizeof(pcs[0]); k++)
      for (uint32_t n = 1u << TC_JC_MIN_BITS; n <= TC_JC_SIZE; n *= 4)
        ok &= probe_hits(pcs[k], n);
  }
  x64_features = saved;
  ASSERT(ok);
}

/* Return sites a few instructions apart (calls in a row) and code at the
 * same offsets of 1 MiB apart land in different groups of four entries, in
 * the smallest cache and in the largest. */
TEST(jump_cache_index_spreads) {
  for (uint32_t n = 1u << TC_JC_MIN_BITS; n <= TC_JC_SIZE; n *= TC_JC_SIZE >> TC_JC_MIN_BITS) {
    uint32_t mask = TC_JC_MASK(n);
    for (uint64_t pc = 0x400000; pc < 0x400000 + 4 * 64; pc += 4)
      for (uint64_t d = 4; d <= 16; d += 4)
        ASSERT(tc_jc_index(pc, mask) / TC_JC_WAYS != tc_jc_index(pc + d, mask) / TC_JC_WAYS);
    for (uint64_t k = 1; k < 16; k++)
      ASSERT(tc_jc_index(0x400100, mask) / TC_JC_WAYS !=
             tc_jc_index(0x400100 + (k << 20), mask) / TC_JC_WAYS);
  }
}

TEST(more_exits_than_chainable) {
  struct fake_cpu c = {0};
  struct ir_block *b = ir_block_new(0x1000);
  for (int i = 0; i < TC_MAX_EXITS + 3; i++)
    ir_exit_if(b, ir_cmp(b, IR_EQ, IR_I64, ir_get(b, IR_I64, REG(0)), ir_const(b, IR_I64, i)),
               0x5000 + 4 * i);
  ir_goto(b, 0x2000);
  struct tc_block *blk = translate(b);
  ASSERT(blk);
  ASSERT_EQ(blk->n_exits, TC_MAX_EXITS);
  for (int i = 0; i < TC_MAX_EXITS + 4; i++) {
    c.regs[0] = i;
    uintptr_t r = run(&c, blk);
    ASSERT_EQ(c.c.pc, i < TC_MAX_EXITS + 3 ? 0x5000u + 4 * i : 0x2000u);
    ASSERT_EQ(r, i < TC_MAX_EXITS ? (uintptr_t)&blk->exits[i] : CPU_EXIT_PLAIN);
  }
  free(blk);
  ir_block_free(b);
}

/* A block has room for as many exits as tcache gave it (tc_block_alloc
 * sizes it by its IR's direct exits): an exit beyond that is a plain one,
 * never a write past its exits[]. */
TEST(exits_beyond_room_are_plain) {
  for (uint64_t take = 0; take < 2; take++) {
    struct fake_cpu c = {0};
    struct ir_block *b = ir_block_new(0x1000);
    c.regs[0] = take;
    ir_exit_if(b, ir_get(b, IR_I64, REG(0)), 0x3000);
    ir_goto(b, 0x2000);
    struct tc_block *blk = translate_room(b, 1);
    ASSERT(blk != NULL);
    ASSERT_EQ(blk->n_exits, 1);
    ASSERT_EQ(run(&c, blk), take ? (uintptr_t)&blk->exits[0] : CPU_EXIT_PLAIN);
    ASSERT_EQ(c.c.pc, take ? 0x3000 : 0x2000);
    free(blk);
    ir_block_free(b);
  }
}

static sigjmp_buf fault_jmp;
static volatile uintptr_t fault_rip;

static void on_segv(int sig, siginfo_t *si, void *uc) {
  (void)sig, (void)si;
  fault_rip = (uintptr_t)((ucontext_t *)uc)->uc_mcontext.gregs[REG_RIP];
  siglongjmp(fault_jmp, 1);
}

/* Run blk expecting a SIGSEGV; returns the faulting host pc. */
static uintptr_t run_to_fault(struct fake_cpu *c, const struct tc_block *blk) {
  fault_rip = 0;
  if (!sigsetjmp(fault_jmp, 1))
    run(c, blk);
  return fault_rip;
}

/* Access k of four goes to regs[k == which]: &ok, or the unmapped address 8. */
static struct ir_block *four_accesses(int which) {
  struct ir_block *b = ir_block_new(0x1000);
  for (int k = 0; k < 4; k++) {
    ir_mark(b, 0x1000 + 4 * k);
    uint32_t addr = ir_get(b, IR_I64, REG(k == which));
    if (k == 0)
      ir_load(b, IR_I64, addr, 3, 0);
    else if (k == 1)
      ir_store(b, addr, ir_const(b, IR_I32, 5), 2);
    else if (k == 2)
      ir_atomic(b, IR_ATOMIC_OR, IR_I64, addr, ir_const(b, IR_I64, 1), 3);
    else
      ir_cas(b, IR_I64, addr, ir_const(b, IR_I64, 1), ir_const(b, IR_I64, 2), 3);
  }
  ir_goto(b, 0x2000);
  return b;
}

/* The pcmap names the faulting host instruction and its guest pc. */
TEST(pcmap_points_at_faulting_access) {
  struct sigaction sa = {0}, old;
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, &old);
  for (int which = 0; which < 4; which++) {
    uint64_t ok = 0;
    struct fake_cpu c = {0};
    c.regs[0] = (uintptr_t)&ok;
    c.regs[1] = 8;
    struct ir_block *b = four_accesses(which);
    struct tc_block *blk = translate(b);
    ir_block_free(b);
    ASSERT(blk);
    ASSERT_EQ(blk->n_pcmap, 4);
    uintptr_t host_off = run_to_fault(&c, blk) - (uintptr_t)blk->code;
    struct tc_pcmap want = blk->pcmap[which];
    free(blk);
    ASSERT_EQ(host_off, want.host_off);
    ASSERT_EQ(want.guest_off, 4 * which);
  }
  sigaction(SIGSEGV, &old, NULL);
}

TEST(unsupported_fails_cleanly) {
  struct ir_block *b = ir_block_new(0x1000);
  ir_put(b, REG(2), ir_get(b, IR_F64, REG(0)));
  ir_goto(b, 0x2000);
  ASSERT(translate(b) == NULL);
  ir_block_reset(b, 0x1000);
  ir_load(b, IR_I64, ir_get(b, IR_I64, REG(0)), 4, 0);
  ir_goto(b, 0x2000);
  ASSERT(translate(b) == NULL);
  ir_block_free(b);
}

TEST(overflow_returns_error) {
  static uint8_t small[256];
  struct tc_buf sb = {small, small, small + sizeof(small), 0, 0};
  struct ir_block *b = ir_block_new(0x1000);
  for (int i = 0; i < 50; i++)
    ir_put(b, REG(i), ir_const(b, IR_I64, 0x123456789abcull + i));
  ir_goto(b, 0x2000);
  struct tc_block blk = {0};
  struct tc_pcmap pm[128];
  blk.pcmap = pm;
  blk.pcmap_cap = 128;
  ASSERT_EQ(x64_backend.translate(b, &blk, &sb), -1);
  ASSERT(sb.overflow);
  ASSERT(sb.cur <= sb.end);
  ir_block_free(b);
}

/* Random straight-line blocks over 8 guest registers, checked against a small
 * evaluator of the same IR: exercises allocation, spills and hints. */
static uint64_t eval_random(const struct ir_block *b, uint64_t *regs) {
  uint64_t *val = calloc(b->n, sizeof(*val));
  for (uint32_t i = 1; i < b->n; i++) {
    const struct ir_insn *in = &b->insn[i];
    uint64_t x = val[in->a], y = val[in->b], z = val[in->c];
    switch (in->op) {
    case IR_CONST: val[i] = in->imm; break;
    case IR_GET: val[i] = regs[(in->imm - REG(0)) / 8] & mask_of(in->type); break;
    case IR_PUT: {
      uint64_t *r = &regs[(in->imm - REG(0)) / 8];
      *r = in->type == IR_I32 ? (*r & ~0xffffffffull) | (uint32_t)x : x;
      break;
    }
    case IR_ADC: val[i] = (x + y + z) & mask_of(in->type); break;
    case IR_SELECT: val[i] = x ? y : z; break;
    case IR_CMP: val[i] = ref_cmp(in->aux, (enum ir_type)in->imm, x, y); break;
    case IR_GOTO: break;
    default: val[i] = ref_binop(in->op, in->type, x, y); break;
    }
  }
  free(val);
  return 0;
}

static void dump(const struct ir_block *b) {
  for (uint32_t i = 1; i < b->n; i++) {
    const struct ir_insn *in = &b->insn[i];
    fprintf(stderr, "  %3u = %s.%d %u %u %u aux %u imm 0x%llx\n", i, ir_op_info[in->op].name,
            in->type, in->a, in->b, in->c, in->aux, (unsigned long long)in->imm);
  }
}

static uint32_t pick(struct ir_block *b, enum ir_type t, uint32_t *pool, int n) {
  uint32_t r = pool[rnd() % n];
  if (rnd() % 8 == 0)
    return ir_const(b, t, rnd() % 4 ? rnd() % 100 : rnd());
  return r;
}

TEST(random_blocks_match_evaluator) {
  static const enum ir_op ops[] = {IR_ADD,   IR_SUB,   IR_MUL, IR_AND,    IR_OR,   IR_XOR,
                                   IR_SHL,   IR_SHR,   IR_SAR, IR_ROR,    IR_DIVU, IR_DIVS,
                                   IR_MULHU, IR_MULHS, IR_ADC, IR_SELECT, IR_CMP};
  for (int iter = 0; iter < 3000; iter++) {
    struct ir_block *b = ir_block_new(0x1000);
    uint32_t pool[2][256];
    int np[2] = {0, 0};
    for (int r = 0; r < 8; r++) {
      pool[1][np[1]++] = ir_get(b, IR_I64, REG(r));
      pool[0][np[0]++] = ir_get(b, IR_I32, REG(r));
    }
    int len = 1 + (int)(rnd() % (iter % 10 == 0 ? 200 : 40));
    for (int k = 0; k < len; k++) {
      enum ir_op op = ops[rnd() % (sizeof(ops) / sizeof(ops[0]))];
      enum ir_type t = rnd() & 1 ? IR_I64 : IR_I32;
      int ti = t == IR_I64;
      uint32_t x = pick(b, t, pool[ti], np[ti]), y = pick(b, t, pool[ti], np[ti]), v;
      if (op == IR_ADC)
        v = ir_emit(b, IR_ADC, t, x, y, ir_cmp(b, IR_LTU, t, x, y), 0);
      else if (op == IR_SELECT)
        v = ir_select(b, t, pool[0][rnd() % np[0]], x, y);
      else if (op == IR_CMP)
        v = ir_cmp(b, (enum ir_cmp)(rnd() % 10), t, x, y), t = IR_I32, ti = 0;
      else
        v = ir_binop(b, op, t, x, y);
      if (np[ti] < 256)
        pool[ti][np[ti]++] = v;
      if (rnd() % 6 == 0)
        ir_put(b, REG(rnd() % 8), v);
    }
    for (int r = 0; r < 8; r++)
      ir_put(b, REG(8 + r), pool[r & 1][np[r & 1] - 1 - r]);
    ir_goto(b, 0x2000);
    struct fake_cpu c = {0};
    uint64_t want[64];
    for (int r = 0; r < 8; r++)
      c.regs[r] = rnd() >> (rnd() % 64);
    memcpy(want, c.regs, sizeof(want));
    eval_random(b, want);
    ASSERT(run_block(b, &c) >= CPU_EXIT_LAST);
    for (int r = 0; r < 16; r++) {
      if (c.regs[r] != want[r]) {
        fprintf(stderr, "  iteration %d, reg %d\n", iter, r);
        dump(b);
      }
      ASSERT_EQ(c.regs[r], want[r]);
    }
    ir_block_free(b);
  }
}

/* Every pure op against ir_eval, the semantics the interpreter and the
 * constant folder share. aux per op: extension widths, compare kinds and
 * operand types, flag widths, condition codes. */
static unsigned aux_count(enum ir_op op) {
  switch (op) {
  case IR_ZEXT:
  case IR_SEXT: return 3;
  case IR_CMP: return 20;
  case IR_FLAGS_ADD:
  case IR_FLAGS_SUB:
  case IR_FLAGS_ADC:
  case IR_FLAGS_SBC:
  case IR_FLAGS_LOGIC: return 2;
  case IR_COND: return 16;
  default: return 1;
  }
}

static unsigned aux_value(enum ir_op op, unsigned k) {
  switch (op) {
  case IR_ZEXT:
  case IR_SEXT: return 8u << k;
  case IR_CMP: return (k % 10) | (k < 10 ? IR_I32 : IR_I64) << 4;
  case IR_FLAGS_ADD:
  case IR_FLAGS_SUB:
  case IR_FLAGS_ADC:
  case IR_FLAGS_SBC:
  case IR_FLAGS_LOGIC: return k ? IR_I64 : IR_I32;
  default: return k;
  }
}

static enum ir_type operand_type(enum ir_op op, enum ir_type t, unsigned aux) {
  if (op == IR_CMP)
    return (enum ir_type)(aux >> 4);
  if (op >= IR_FLAGS_ADD && op <= IR_FLAGS_LOGIC)
    return (enum ir_type)aux;
  return op == IR_TRUNC || op == IR_ZEXT || op == IR_SEXT ? IR_I64 : t;
}

static int check_against_eval(enum ir_op op, enum ir_type t, unsigned aux, uint64_t x, uint64_t y,
                              uint64_t z) {
  enum ir_type ot = operand_type(op, t, aux);
  struct ir_insn in = {.op = op, .type = t, .aux = (uint8_t)(aux & (op == IR_CMP ? 15 : 255))};
  in.imm = op == IR_CMP ? ot : 0;
  uint64_t m = mask_of(ot), want;
  if (op == IR_COND)
    x &= 15;
  if (op == IR_ADC || op == IR_FLAGS_ADC || op == IR_FLAGS_SBC)
    z &= 1;
  if (!ir_eval(&in, x & m, y & m, z & m, &want))
    return 1;
  uint64_t got = eval(op, t, aux, x, y, z, (unsigned)(x ^ y) & 7);
  if (got == want)
    return 1;
  fprintf(stderr, "  %s type %d aux %u (0x%llx, 0x%llx, 0x%llx): 0x%llx, ir_eval 0x%llx\n",
          ir_op_info[op].name, t, aux, (unsigned long long)x, (unsigned long long)y,
          (unsigned long long)z, (unsigned long long)got, (unsigned long long)want);
  return 0;
}

TEST(pure_ops_match_ir_eval) {
  for (enum ir_op op = IR_ADD; op < IR_NUM_OPS; op++) {
    if (!ir_is_pure(op))
      continue;
    for (enum ir_type t = IR_I32; t <= IR_I64; t++)
      for (unsigned k = 0; k < aux_count(op); k++)
        for (int i = 0; i < NVALUES; i++)
          for (int j = 0; j < NVALUES; j++) {
            enum ir_type rt = op == IR_CMP || op == IR_COND || op == IR_TRUNC ? IR_I32 : t;
            if (op >= IR_FLAGS_ADD && op <= IR_FLAGS_LOGIC)
              rt = IR_I32;
            ASSERT(check_against_eval(op, rt, aux_value(op, k), value(i), value(j), rnd()));
          }
  }
}

/* ---- vectors: compiled code against ir_interp ---- */

/* Run b compiled and in the interpreter from the same state; 1 if they agree. */
static int vec_agrees(struct ir_block *b, const struct fake_cpu *in) {
  struct fake_cpu x = *in, y = *in;
  struct tc_block *blk = translate(b);
  if (!blk)
    return 0;
  uintptr_t ex = run(&x, blk);
  free(blk);
  uintptr_t ey = ir_interp(b, &y.c);
  int ok = (ex >= CPU_EXIT_LAST) == (ey == CPU_EXIT_PLAIN) && x.c.pc == y.c.pc &&
           !memcmp(x.regs, y.regs, sizeof(x.regs));
  if (!ok) {
    ir_print(stderr, b);
    for (int i = 0; i < 64; i++)
      if (x.regs[i] != y.regs[i])
        fprintf(stderr, "  regs[%d]: compiled 0x%llx, interpreted 0x%llx\n", i,
                (unsigned long long)x.regs[i], (unsigned long long)y.regs[i]);
  }
  return ok;
}

static const uint64_t vedges[][2] = {
    {0, 0},
    {~0ull, ~0ull},
    {0x8080808080808080ull, 0x7f7f7f7f7f7f7f7full},
    {0x8000800080008000ull, 0x7fff7fff7fff0001ull},
    {0x8000000080000000ull, 0x7fffffff00000001ull},
    {0x8000000000000000ull, 0x7fffffffffffffffull},
    {0x00ff7f8001fe0080ull, 0xff0001807f7e8081ull},
};
enum { NVEDGES = sizeof(vedges) / sizeof(vedges[0]), NVINPUTS = NVEDGES + 5 };

static void vec_input(struct fake_cpu *c, int reg, int k) {
  c->regs[reg] = k < NVEDGES ? vedges[k][0] : rnd();
  c->regs[reg + 1] = k < NVEDGES ? vedges[k][1] : rnd();
}

static unsigned vec_imm_count(enum ir_op op, unsigned lg) {
  switch (op) {
  case IR_VSHL:
  case IR_VSHRU:
  case IR_VSHRS: return (8u << lg) + 1;
  case IR_VEXTRACT:
  case IR_VINSERT: return 16u >> lg;
  case IR_VEXT: return 16;
  case IR_VCLMUL: return 0x12; /* bits 0 and 4 pick the halves, the rest are ignored */
  default: return 1;
  }
}

/* op on regs[0..1] (or the i64 regs[0]) and regs[2..3] into regs[4..5]; also
 * once with an operand reused, and with one operand a VCONST. */
static struct ir_block *vec_op_block(enum ir_op op, unsigned lg, unsigned imm, int variant) {
  struct ir_block *b = ir_block_new(0x1000);
  int sa = op == IR_VDUP, sb = op == IR_VINSERT;
  uint32_t x = sa ? ir_get(b, IR_I64, REG(0)) : ir_get(b, IR_V128, REG(0));
  uint32_t y = sb ? ir_get(b, IR_I64, REG(2)) : ir_get(b, IR_V128, REG(2));
  if (variant == 1 && !sa && !sb)
    y = x;
  if (variant == 2 && !sb)
    y = ir_vconst(b, 0x8001ff7f00102030ull, 0xfedcba9876543210ull);
  if (ir_op_info[op].nargs < 2)
    y = 0;
  uint32_t r = ir_op_info[op].nargs == 3 /* VSHA256RND2: c from regs[6..7] */
                   ? ir_vop3(b, op, lg, x, y, ir_get(b, IR_V128, REG(6)))
                   : ir_vop(b, op, op == IR_VEXTRACT ? IR_I64 : IR_V128, lg, x, y, imm);
  ir_put(b, REG(4), r);
  ir_goto(b, 0x2000);
  return b;
}

static int vec_lane_ok(enum ir_op op, unsigned lg) {
  switch (op) {
  case IR_VNARROW: return lg <= 2;
  case IR_VTBL:
  case IR_VCNT: return lg == 0;
  case IR_VWIDENU:
  case IR_VWIDENS:
  case IR_VMULLU:
  case IR_VMULLS: return lg > 0;
  default: return 1;
  }
}

/* Every integer vector op (those before the VF* block). */
static int vec_all_ops_agree(void) {
  for (enum ir_op op = IR_VAND; op < IR_VFADD; op++)
    for (unsigned lg = 0; lg < 4; lg++)
      for (unsigned imm = 0; vec_lane_ok(op, lg) && imm < vec_imm_count(op, lg); imm++)
        for (int variant = 0; variant < 3; variant++) {
          struct ir_block *b = vec_op_block(op, lg, imm, variant);
          int ok = 1;
          for (int i = 0; ok && i < NVINPUTS; i++)
            for (int j = 0; ok && j < NVINPUTS; j++) {
              struct fake_cpu c = {0};
              vec_input(&c, 0, i);
              vec_input(&c, 2, j);
              vec_input(&c, 6, (i + j) % NVINPUTS);
              ok = vec_agrees(b, &c);
            }
          ir_block_free(b);
          if (!ok) {
            fprintf(stderr, "  %s.%u #%u variant %d\n", ir_op_info[op].name, 8u << lg, imm,
                    variant);
            return 0;
          }
        }
  return 1;
}

TEST(vec_ops_match_interp) {
  ASSERT(vec_all_ops_agree());
}

/* Without SSSE3/SSE4.x every op that needs them goes through the C fallback. */
TEST(vec_ops_match_interp_sse2_only) {
  struct ir_insn probe = {.op = IR_VAND, .type = IR_V128};
  x64_vec_native(&probe); /* detect the features first, then hide them */
  unsigned saved = x64_features;
  x64_features = 0;
  int ok = vec_all_ops_agree();
  x64_features = saved;
  ASSERT(ok);
}

/* VTBL by indices mostly in range (the random inputs above seldom are), by
 * a VCONST pshufb takes as it is, and by one it does not. */
TEST(vec_tbl_indices) {
  static const uint64_t consts[][2] = {{0x0f0e0d0c03020100ull, 0x8090a0b0c0d0e0ffull},
                                       {0x1f10700f7f800001ull, 0x0001020304050607ull}};
  for (int variant = 0; variant < 3; variant++) {
    struct ir_block *b = ir_block_new(0x1000);
    uint32_t t = ir_get(b, IR_V128, REG(0)), idx = ir_get(b, IR_V128, REG(2));
    if (variant)
      idx = ir_vconst(b, consts[variant - 1][0], consts[variant - 1][1]);
    ir_put(b, REG(4), ir_vop(b, IR_VTBL, IR_V128, 0, t, idx, 0));
    ir_goto(b, 0x2000);
    for (int k = 0; k < 64; k++) {
      struct fake_cpu c = {0};
      vec_input(&c, 0, k % NVINPUTS);
      c.regs[2] = rnd() & 0x1f1f1f1f1f1f1f1full, c.regs[3] = rnd() & 0x9f9f9f9f9f9f9f9full;
      ASSERT(vec_agrees(b, &c));
    }
    ir_block_free(b);
  }
}

/* VSHLV VSHRUV VSHRSV by amounts mostly around the lane width (the random
 * inputs above are nearly always out of range), once by a VCONST and once
 * shifting an operand by itself. */
TEST(vec_shiftv_amounts) {
  static const uint64_t near[4] = {0x0f0f0f0f0f0f0f0full, 0x001f001f001f001full,
                                   0x0000003f0000003full, 0x7full};
  for (enum ir_op op = IR_VSHLV; op <= IR_VSHRSV; op++)
    for (unsigned lg = 0; lg < 4; lg++)
      for (int variant = 0; variant < 3; variant++) {
        struct ir_block *b = ir_block_new(0x1000);
        uint32_t x = ir_get(b, IR_V128, REG(0)), y = ir_get(b, IR_V128, REG(2));
        if (variant == 1)
          y = ir_vconst(b, 0x0810003f20071f01ull, 0x40ff0f0e0100ffc0ull);
        ir_put(b, REG(4), ir_vop(b, op, IR_V128, lg, x, variant == 2 ? x : y, 0));
        ir_goto(b, 0x2000);
        for (int k = 0; k < 64; k++) {
          struct fake_cpu c = {0};
          vec_input(&c, 0, k % NVINPUTS);
          c.regs[2] = rnd() & (k & 3 ? near[lg] : ~0ull), c.regs[3] = rnd() & near[lg];
          if (!vec_agrees(b, &c))
            fprintf(stderr, "  %s.%u variant %d\n", ir_op_info[op].name, 8u << lg, variant);
          ASSERT(vec_agrees(b, &c));
        }
        ir_block_free(b);
      }
}

/* sha256rnds2 takes W+K in xmm0: with all 14 xmm holding live values, and
 * with xmm0 free for the result, whichever operands sit in xmm0. */
static struct ir_block *rnds2_block(unsigned pa, unsigned pb, unsigned pc, int free0) {
  struct ir_block *b = ir_block_new(0x1000);
  uint32_t v[16];
  for (unsigned k = 0; k < 16; k++)
    v[k] = ir_get(b, IR_V128, REG(2 * k));
  if (free0)
    ir_put(b, REG(40), v[15]); /* the last use of v[15] */
  uint32_t acc = ir_vop3(b, IR_VSHA256RND2, 2, v[pa], v[pb], v[pc]);
  for (unsigned k = 0; k < 15; k++)
    acc = ir_vop(b, IR_VXOR, IR_V128, 0, acc, ir_vop(b, IR_VADD, IR_V128, 2, v[k], v[k], 0), 0);
  ir_put(b, REG(42), acc);
  ir_goto(b, 0x2000);
  return b;
}

static int rnds2_all_agree(void) {
  for (unsigned k = 0; k < 27 * 2; k++) {
    struct ir_block *b = rnds2_block(k % 3, k / 3 % 3, k / 9 % 3, k >= 27);
    struct fake_cpu c = {0};
    for (int i = 0; i < 32; i++)
      c.regs[i] = rnd();
    int ok = vec_agrees(b, &c);
    ir_block_free(b);
    if (!ok)
      return 0;
  }
  return 1;
}

TEST(vec_sha256rnds2_xmm0) {
  struct ir_insn probe = {.op = IR_VAND, .type = IR_V128};
  x64_vec_native(&probe);
  unsigned saved = x64_features;
  ASSERT(rnds2_all_agree());
  x64_features = 0; /* the C fallback */
  int ok = rnds2_all_agree();
  x64_features = saved;
  ASSERT(ok);
}

TEST(vec_register_pressure) {
  struct fake_cpu c = {0};
  struct ir_block *b = ir_block_new(0x1000);
  uint32_t v[24];
  for (int i = 0; i < 48; i++)
    c.regs[i] = rnd();
  for (int i = 0; i < 24; i++)
    v[i] = ir_get(b, IR_V128, REG(2 * i));
  /* all 24 live at once (more than the 14 allocatable xmm), then folded */
  uint32_t acc = v[23];
  for (int i = 22; i >= 0; i--)
    acc = ir_vop(b, i % 3 ? IR_VADD : IR_VXOR, IR_V128, (unsigned)i & 3, acc, v[i], 0);
  for (int i = 0; i < 24; i += 4)
    acc = ir_vop(b, IR_VSUB, IR_V128, 2, acc, v[i], 0);
  ir_put(b, REG(50), acc);
  ir_put(b, REG(52), ir_vop(b, IR_VEXTRACT, IR_I64, 3, v[5], 0, 1));
  ir_goto(b, 0x2000);
  ASSERT(vec_agrees(b, &c));
  ir_block_free(b);
}

/* Clobbers every xmm register, as any C function may. */
static uint64_t xmm_clobber_helper(struct cpu *cpu, uint64_t a, uint64_t b, uint64_t c) {
  (void)cpu;
  __asm__ volatile(
      "pcmpeqd %%xmm0, %%xmm0\n\tpcmpeqd %%xmm1, %%xmm1\n\tpcmpeqd %%xmm2, %%xmm2\n\t"
      "pcmpeqd %%xmm3, %%xmm3\n\tpcmpeqd %%xmm4, %%xmm4\n\tpcmpeqd %%xmm5, %%xmm5\n\t"
      "pcmpeqd %%xmm6, %%xmm6\n\tpcmpeqd %%xmm7, %%xmm7\n\tpcmpeqd %%xmm8, %%xmm8\n\t"
      "pcmpeqd %%xmm9, %%xmm9\n\tpcmpeqd %%xmm10, %%xmm10\n\tpcmpeqd %%xmm11, %%xmm11\n\t"
      "pcmpeqd %%xmm12, %%xmm12\n\tpcmpeqd %%xmm13, %%xmm13\n\t"
      "pcmpeqd %%xmm14, %%xmm14\n\tpcmpeqd %%xmm15, %%xmm15" ::
          : "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10",
            "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
  return a ^ b ^ c;
}

TEST(vec_live_across_calls) {
  for (int n = 1; n <= 20; n += 4) {
    struct fake_cpu c = {0};
    struct ir_block *b = ir_block_new(0x1000);
    uint32_t v[20];
    for (int i = 0; i < 2 * n; i++)
      c.regs[i] = rnd();
    for (int i = 0; i < n; i++)
      v[i] = ir_vop(b, IR_VADD, IR_V128, 0, ir_get(b, IR_V128, REG(2 * i)),
                    ir_vconst(b, 0x0101010101010101ull * (unsigned)i, 7), 0);
    uint32_t r = ir_call(b, IR_I64, (void *)xmm_clobber_helper, ir_get(b, IR_I64, REG(0)), 0, 0);
    uint32_t acc = ir_vop(b, IR_VDUP, IR_V128, 3, r, 0, 0);
    for (int i = 0; i < n; i++)
      acc = ir_vop(b, IR_VXOR, IR_V128, 0, ir_vop(b, IR_VEXT, IR_V128, 0, acc, acc, 3), v[i], 0);
    ir_call(b, IR_VOID, (void *)xmm_clobber_helper, 0, 0, 0);
    ir_put(b, REG(50), acc);
    ir_put(b, REG(52), v[n - 1]);
    ir_goto(b, 0x2000);
    ASSERT(vec_agrees(b, &c));
    ir_block_free(b);
  }
}

TEST(vec_memory_every_size) {
  _Alignas(16) static uint8_t mem[64];
  for (unsigned size = 0; size <= 4; size++) {
    struct fake_cpu c = {0};
    for (unsigned i = 0; i < sizeof(mem); i++)
      mem[i] = (uint8_t)(i * 7 + 1);
    c.regs[0] = (uintptr_t)(mem + 3);
    c.regs[1] = (uintptr_t)(mem + 33);
    c.regs[2] = rnd(), c.regs[3] = rnd();
    struct ir_block *b = ir_block_new(0x1000);
    uint32_t v = ir_load(b, IR_V128, ir_get(b, IR_I64, REG(0)), size, 0);
    ir_put(b, REG(4), v);
    ir_store(b, ir_get(b, IR_I64, REG(1)), ir_get(b, IR_V128, REG(2)), size);
    ir_goto(b, 0x2000);
    ASSERT_EQ(run_block(b, &c) >= CPU_EXIT_LAST, 1);
    uint64_t want[2] = {0, 0};
    memcpy(want, mem + 3, 1u << size);
    ASSERT_EQ(c.regs[4], want[0]);
    ASSERT_EQ(c.regs[5], want[1]);
    ASSERT(!memcmp(mem + 33, &c.regs[2], 1u << size));
    ASSERT_EQ(mem[33 + (1u << size)], (uint8_t)((33 + (1u << size)) * 7 + 1));
    ir_block_free(b);
  }
}

/* CRC32C of each data size, the data an i32 or i64 GET, a constant, or the
 * crc itself, compiled against ir_interp; also "123456789" to 0xe3069283. */
static int crc32c_agrees(void) {
  for (unsigned lg = 0; lg < 4; lg++)
    for (int variant = 0; variant < 4; variant++) {
      struct ir_block *b = ir_block_new(0x1000);
      uint32_t crc = ir_get(b, IR_I32, REG(0)), data;
      if (variant < 2)
        data = ir_get(b, variant ? IR_I64 : IR_I32, REG(1));
      else
        data = variant == 2 ? ir_const(b, IR_I64, 0x8001ff7f00102030ull) : crc;
      uint32_t r = ir_binop(b, IR_CRC32C, IR_I32, crc, data);
      b->insn[r].aux = (uint8_t)lg;
      ir_put(b, REG(4), r);
      ir_goto(b, 0x2000);
      int ok = 1;
      for (int k = 0; ok && k < 32; k++) {
        struct fake_cpu c = {0};
        c.regs[0] = k < 2 ? -(uint64_t)k : rnd(), c.regs[1] = k < 4 ? ~0ull * (k & 1) : rnd();
        ok = vec_agrees(b, &c);
      }
      ir_block_free(b);
      if (!ok)
        return 0;
    }
  struct ir_block *b = ir_block_new(0x1000);
  uint32_t crc = ir_const(b, IR_I32, 0xffffffff);
  for (const char *p = "123456789"; *p; p++) {
    crc = ir_binop(b, IR_CRC32C, IR_I32, crc, ir_const(b, IR_I32, (uint8_t)*p));
  }
  ir_put(b, REG(4), crc);
  ir_goto(b, 0x2000);
  struct fake_cpu c = {0};
  run_block(b, &c);
  ir_block_free(b);
  return (c.regs[4] ^ 0xffffffff) == 0xe3069283;
}

TEST(crc32c_matches_interp) {
  ASSERT(crc32c_agrees());
  struct ir_insn probe = {.op = IR_VAND, .type = IR_V128};
  x64_vec_native(&probe); /* detect the features first, then hide them: the C fallback */
  unsigned saved = x64_features;
  x64_features = 0;
  int ok = crc32c_agrees();
  x64_features = saved;
  ASSERT(ok);
}

TEST_MAIN("x64_backend")
