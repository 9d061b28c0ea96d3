/* Zba, Zbb and Zbs, each instruction by inline asm on riscv64 against the
 * same operation written in C (the native x86-64 build prints the C
 * results, which must be the same digits), over values that reach the
 * corners: 0, all ones, sign bits, the 32-bit boundary. */
// test: cflags: -march=rv64gc_zba_zbb_zbs
// test: qemu-wrong: qemu-riscv64 7.2 counts ctzw of 0x8000000000000000 as 63, not 32
#include <stdint.h>
#include <stdio.h>

typedef uint64_t u64;
typedef int64_t i64;

static u64 sx32(u64 x) {
  return (u64)(i64)(int32_t)(uint32_t)x;
}
static u64 rol64(u64 x, unsigned n) {
  n &= 63;
  return n ? x << n | x >> (64 - n) : x;
}
static uint32_t rol32(uint32_t x, unsigned n) {
  n &= 31;
  return n ? x << n | x >> (32 - n) : x;
}
static u64 orcb(u64 x) {
  u64 r = 0;
  for (int i = 0; i < 64; i += 8)
    if ((x >> i) & 0xff)
      r |= 0xffull << i;
  return r;
}

#ifdef __riscv
#define R2(insn, a, b)                                                                             \
  ({                                                                                               \
    u64 r_;                                                                                        \
    __asm__(insn " %0, %1, %2" : "=r"(r_) : "r"(a), "r"(b));                                       \
    r_;                                                                                            \
  })
#define R1(insn, a)                                                                                \
  ({                                                                                               \
    u64 r_;                                                                                        \
    __asm__(insn " %0, %1" : "=r"(r_) : "r"(a));                                                   \
    r_;                                                                                            \
  })
#define RI(insn, a, imm)                                                                           \
  ({                                                                                               \
    u64 r_;                                                                                        \
    __asm__(insn " %0, %1, %2" : "=r"(r_) : "r"(a), "i"(imm));                                     \
    r_;                                                                                            \
  })
#define OP2(insn, c)      R2(insn, a, b)
#define OP1(insn, c)      R1(insn, a)
#define OPI(insn, imm, c) RI(insn, a, imm)
#else
#define OP2(insn, c)      (c)
#define OP1(insn, c)      (c)
#define OPI(insn, imm, c) (c)
#endif

static const u64 vals[] = {0,
                           1,
                           ~0ull,
                           0x8000000000000000ull,
                           0x7fffffffffffffffull,
                           0x80000000ull,
                           0xffffffffull,
                           0x123456789abcdef0ull,
                           0x00ff00000000ff01ull,
                           63,
                           33};

int main(void) {
  unsigned n = sizeof(vals) / sizeof(vals[0]);
  u64 sum = 0;
  for (unsigned i = 0; i < n; i++)
    for (unsigned j = 0; j < n; j++) {
      u64 a = vals[i], b = vals[j], r[32];
      int k = 0;
      r[k++] = OP2("add.uw", (u64)(uint32_t)a + b);
      r[k++] = OP2("sh1add", (a << 1) + b);
      r[k++] = OP2("sh2add", (a << 2) + b);
      r[k++] = OP2("sh3add", (a << 3) + b);
      r[k++] = OP2("sh1add.uw", ((u64)(uint32_t)a << 1) + b);
      r[k++] = OP2("sh3add.uw", ((u64)(uint32_t)a << 3) + b);
      r[k++] = OP2("andn", a & ~b);
      r[k++] = OP2("orn", a | ~b);
      r[k++] = OP2("xnor", ~(a ^ b));
      r[k++] = OP2("max", (i64)a > (i64)b ? a : b);
      r[k++] = OP2("maxu", a > b ? a : b);
      r[k++] = OP2("min", (i64)a < (i64)b ? a : b);
      r[k++] = OP2("minu", a < b ? a : b);
      r[k++] = OP2("rol", rol64(a, b));
      r[k++] = OP2("ror", rol64(a, 64 - (b & 63)));
      r[k++] = OP2("rolw", sx32(rol32(a, b)));
      r[k++] = OP2("rorw", sx32(rol32(a, 32 - (b & 31))));
      r[k++] = OP2("bclr", a & ~(1ull << (b & 63)));
      r[k++] = OP2("bext", (a >> (b & 63)) & 1);
      r[k++] = OP2("binv", a ^ (1ull << (b & 63)));
      r[k++] = OP2("bset", a | (1ull << (b & 63)));
      for (int m = 0; m < k; m++)
        sum = sum * 1000003 + r[m];
    }
  printf("two-operand checksum %016llx\n", (unsigned long long)sum);
  for (unsigned i = 0; i < n; i++) {
    u64 a = vals[i];
    printf("%016llx: clz %llu ctz %llu cpop %llu clzw %llu ctzw %llu cpopw %llu\n",
           (unsigned long long)a, (unsigned long long)OP1("clz", a ? __builtin_clzll(a) : 64),
           (unsigned long long)OP1("ctz", a ? __builtin_ctzll(a) : 64),
           (unsigned long long)OP1("cpop", __builtin_popcountll(a)),
           (unsigned long long)OP1("clzw", (uint32_t)a ? __builtin_clz((uint32_t)a) : 32),
           (unsigned long long)OP1("ctzw", (uint32_t)a ? __builtin_ctz((uint32_t)a) : 32),
           (unsigned long long)OP1("cpopw", __builtin_popcount((uint32_t)a)));
    printf("  sext.b %016llx sext.h %016llx zext.h %016llx rev8 %016llx orc.b %016llx\n",
           (unsigned long long)OP1("sext.b", (u64)(i64)(int8_t)a),
           (unsigned long long)OP1("sext.h", (u64)(i64)(int16_t)a),
           (unsigned long long)OP1("zext.h", (u64)(uint16_t)a),
           (unsigned long long)OP1("rev8", __builtin_bswap64(a)),
           (unsigned long long)OP1("orc.b", orcb(a)));
    printf("  rori %016llx roriw %016llx slli.uw %016llx bclri %016llx bexti %llu binvi %016llx "
           "bseti %016llx\n",
           (unsigned long long)OPI("rori", 13, rol64(a, 64 - 13)),
           (unsigned long long)OPI("roriw", 5, sx32(rol32(a, 32 - 5))),
           (unsigned long long)OPI("slli.uw", 35, (u64)(uint32_t)a << 35),
           (unsigned long long)OPI("bclri", 63, a & ~(1ull << 63)),
           (unsigned long long)OPI("bexti", 31, (a >> 31) & 1),
           (unsigned long long)OPI("binvi", 32, a ^ (1ull << 32)),
           (unsigned long long)OPI("bseti", 0, a | 1));
  }
  return 0;
}
