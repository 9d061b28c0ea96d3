/* A differential test of the integer decoder inside one program: random
 * sequences of RV64I, M, Zba, Zbb, Zbc and Zbs register and immediate
 * instructions, 32-bit and compressed, are written into an executable
 * buffer (made visible with riscv_flush_icache) and run on 14 registers
 * loaded with random and corner values; a checksum of the registers after
 * each sequence is printed every 100 sequences. The same seed gives the
 * same sequences under qemu-riscv64, whose output is the expectation.
 * Left out: AUIPC (the buffer's address differs between runs), CTZW (qemu
 * 7.2 counts the upper half), Zicond (not in qemu 7.2). */
// test: guest-only: riscv64 machine code
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

typedef uint64_t u64;

static u64 rng_state = 0x243f6a8885a308d3ull;
static u64 rnd(void) {
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 7;
  rng_state ^= rng_state << 17;
  return rng_state;
}

/* the registers the sequences use: t0-t2, a1-a7, t3-t6 (a0 holds the array) */
static const unsigned regs[14] = {5, 6, 7, 11, 12, 13, 14, 15, 16, 17, 28, 29, 30, 31};
static const unsigned cregs[5] = {11, 12, 13, 14, 15}; /* x8..x15 of the 3-bit fields */

static unsigned reg(void) {
  return regs[rnd() % 14];
}
static unsigned creg(void) {
  return cregs[rnd() % 5];
}

static uint32_t r_type(unsigned f7, unsigned f3, unsigned op) {
  return f7 << 25 | reg() << 20 | reg() << 15 | f3 << 12 | reg() << 7 | op;
}
static uint32_t i_type(unsigned f3, unsigned op, unsigned imm) {
  return (imm & 0xfff) << 20 | reg() << 15 | f3 << 12 | reg() << 7 | op;
}

/* opcode 0x33 and 0x3b: {funct7, funct3} */
static const uint8_t op64[][2] = {
    {0, 0},    {0x20, 0}, {0, 1},    {0, 2},    {0, 3},    {0, 4},    {0, 5},    {0x20, 5},
    {0, 6},    {0, 7},    {1, 0},    {1, 1},    {1, 2},    {1, 3},    {1, 4},    {1, 5},
    {1, 6},    {1, 7},    {0x10, 2}, {0x10, 4}, {0x10, 6}, {0x20, 7}, {0x20, 6}, {0x20, 4},
    {5, 6},    {5, 7},    {5, 4},    {5, 5},    {0x30, 1}, {0x30, 5}, {0x24, 1}, {0x24, 5},
    {0x34, 1}, {0x14, 1}, {5, 1},    {5, 2},    {5, 3}};
static const uint8_t op32[][2] = {{0, 0},    {0x20, 0}, {0, 1},    {0, 5},   {0x20, 5}, {1, 0},
                                  {1, 4},    {1, 5},    {1, 6},    {1, 7},   {4, 0},    {0x10, 2},
                                  {0x10, 4}, {0x10, 6}, {0x30, 1}, {0x30, 5}};
/* opcode 0x13 with a 6-bit shift amount: {funct6, funct3} */
static const uint8_t sh64[][2] = {{0, 1},    {0, 5},    {0x10, 5}, {0x18, 5},
                                  {0x12, 1}, {0x12, 5}, {0x1a, 1}, {0x0a, 1}};
/* one-operand forms: the whole upper 12 bits, funct3, opcode */
static const uint16_t unary[][3] = {
    {0x600, 1, 0x13}, {0x601, 1, 0x13}, {0x602, 1, 0x13}, {0x604, 1, 0x13}, {0x605, 1, 0x13},
    {0x600, 1, 0x1b}, {0x602, 1, 0x1b}, {0x287, 5, 0x13}, {0x6b8, 5, 0x13}, {0x080, 4, 0x3b}};

static uint32_t insn32(void) {
  unsigned k = rnd() % 8, n;
  switch (k) {
  case 0:
  case 1: n = rnd() % (sizeof(op64) / 2); return r_type(op64[n][0], op64[n][1], 0x33);
  case 2: n = rnd() % (sizeof(op32) / 2); return r_type(op32[n][0], op32[n][1], 0x3b);
  case 3: { /* addi slti sltiu xori ori andi; addiw */
    static const uint8_t f3[] = {0, 2, 3, 4, 6, 7};
    if (rnd() % 4 == 0)
      return i_type(0, 0x1b, (unsigned)rnd());
    return i_type(f3[rnd() % 6], 0x13, (unsigned)rnd());
  }
  case 4: n = rnd() % 8; return i_type(sh64[n][1], 0x13, sh64[n][0] << 6 | (unsigned)(rnd() % 64));
  case 5: { /* slliw srliw sraiw roriw, slli.uw */
    static const uint8_t f7[] = {0, 0, 0x20, 0x30}, f3[] = {1, 5, 5, 5};
    if (rnd() % 5 == 0)
      return i_type(1, 0x1b, 0x02 << 6 | (unsigned)(rnd() % 64));
    n = rnd() % 4;
    return i_type(f3[n], 0x1b, (unsigned)f7[n] << 5 | (unsigned)(rnd() % 32));
  }
  case 6: n = rnd() % 10; return i_type(unary[n][1], unary[n][2], unary[n][0]);
  default: /* lui */ return (uint32_t)(rnd() & 0xfffff000u) | reg() << 7 | 0x37;
  }
}

/* A compressed instruction (16 bits). */
static uint16_t insn16(void) {
  unsigned rd = reg(), imm = (unsigned)(rnd() % 63) + 1; /* nonzero 6-bit */
  switch (rnd() % 9) {
  case 0: return (uint16_t)(0x9002 | rd << 7 | reg() << 2);                        /* c.add */
  case 1: return (uint16_t)(0x8002 | rd << 7 | reg() << 2);                        /* c.mv */
  case 2: return (uint16_t)(0x0001 | (imm & 32) << 7 | rd << 7 | (imm & 31) << 2); /* c.addi */
  case 3: return (uint16_t)(0x2001 | (imm & 32) << 7 | rd << 7 | (imm & 31) << 2); /* c.addiw */
  case 4: return (uint16_t)(0x4001 | (imm & 32) << 7 | rd << 7 | (imm & 31) << 2); /* c.li */
  case 5: return (uint16_t)(0x0002 | (imm & 32) << 7 | rd << 7 | (imm & 31) << 2); /* c.slli */
  case 6: return (uint16_t)(0x6001 | (imm & 32) << 7 | rd << 7 | (imm & 31) << 2); /* c.lui */
  case 7: { /* c.sub c.xor c.or c.and c.subw c.addw */
    unsigned f = (unsigned)(rnd() % 6);
    return (uint16_t)(0x8c01 | (f >= 4) << 12 | (creg() - 8) << 7 | (f & 3) << 5 |
                      (creg() - 8) << 2);
  }
  default: { /* c.srli c.srai c.andi */
    unsigned f = (unsigned)(rnd() % 3);
    return (uint16_t)(0x8001 | (imm & 32) << 7 | f << 10 | (creg() - 8) << 7 | (imm & 31) << 2);
  }
  }
}

/* ld/sd reg, 8*i(a0) for each register; the body; ret */
static size_t build(uint16_t *code, unsigned n) {
  size_t at = 0;
  for (unsigned i = 0; i < 14; i++) {
    uint32_t w = (8 * i) << 20 | 10 << 15 | 3 << 12 | regs[i] << 7 | 0x03;
    memcpy(code + at, &w, 4), at += 2;
  }
  for (unsigned i = 0; i < n; i++) {
    if (rnd() % 3 == 0) {
      code[at++] = insn16();
      code[at++] = insn16();
    } else {
      uint32_t w = insn32();
      memcpy(code + at, &w, 4), at += 2;
    }
  }
  for (unsigned i = 0; i < 14; i++) {
    unsigned off = 8 * i;
    uint32_t w = (off >> 5) << 25 | regs[i] << 20 | 10 << 15 | 3 << 12 | (off & 31) << 7 | 0x23;
    memcpy(code + at, &w, 4), at += 2;
  }
  uint32_t ret = 0x00008067;
  memcpy(code + at, &ret, 4), at += 2;
  return at * 2;
}

static const u64 corners[] = {0,
                              1,
                              ~0ull,
                              0x8000000000000000ull,
                              0x7fffffffffffffffull,
                              0x80000000ull,
                              0xffffffff80000000ull,
                              0x7fffffff,
                              2,
                              63};

int main(void) {
  uint16_t *code =
      mmap(NULL, 65536, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (code == MAP_FAILED)
    return 1;
  void (*fn)(u64 *) = (void (*)(u64 *))code;
  u64 total = 0, part = 0;
  for (unsigned seq = 1; seq <= 2000; seq++) {
    u64 r[14];
    for (unsigned i = 0; i < 14; i++)
      r[i] = rnd() % 3 ? rnd() : corners[rnd() % 10];
    size_t len = build(code, 24);
    __builtin___clear_cache((char *)code, (char *)code + len);
    fn(r);
    for (unsigned i = 0; i < 14; i++)
      part = part * 1000003 + r[i];
    if (seq % 100 == 0) {
      printf("sequences %4u: %016llx\n", seq, (unsigned long long)part);
      total ^= part;
      part = 0;
    }
  }
  printf("total %016llx\n", (unsigned long long)total);
  return 0;
}
