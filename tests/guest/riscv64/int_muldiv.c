/* The M extension's corner cases, by instruction (inline asm, so the
 * compiler cannot fold them): division by zero gives all ones and the
 * remainder the dividend; MIN / -1 gives MIN and remainder 0; the *W forms
 * work on the low 32 bits and sign-extend; MULH, MULHSU and MULHU. */
// test: guest-only: riscv64 inline asm
#include <stdint.h>
#include <stdio.h>

#define OP(name, insn)                                                                             \
  static int64_t name(int64_t a, int64_t b) {                                                      \
    int64_t r;                                                                                     \
    __asm__(insn " %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));                                        \
    return r;                                                                                      \
  }
OP(op_mul, "mul")
OP(op_mulh, "mulh")
OP(op_mulhsu, "mulhsu")
OP(op_mulhu, "mulhu")
OP(op_div, "div")
OP(op_divu, "divu")
OP(op_rem, "rem")
OP(op_remu, "remu")
OP(op_mulw, "mulw")
OP(op_divw, "divw")
OP(op_divuw, "divuw")
OP(op_remw, "remw")
OP(op_remuw, "remuw")

static const struct {
  const char *name;
  int64_t (*fn)(int64_t, int64_t);
} ops[] = {{"mul", op_mul},    {"mulh", op_mulh}, {"mulhsu", op_mulhsu}, {"mulhu", op_mulhu},
           {"div", op_div},    {"divu", op_divu}, {"rem", op_rem},       {"remu", op_remu},
           {"mulw", op_mulw},  {"divw", op_divw}, {"divuw", op_divuw},   {"remw", op_remw},
           {"remuw", op_remuw}};

static const int64_t vals[] = {0,          1,           -1,         7,         -7,
                               INT64_MIN,  INT64_MAX,   INT32_MIN,  INT32_MAX, 0x123456789abcdefll,
                               0x80000000, -0x80000001, 0xffffffff, 3};

int main(void) {
  unsigned n = sizeof(vals) / sizeof(vals[0]);
  for (unsigned k = 0; k < sizeof(ops) / sizeof(ops[0]); k++) {
    uint64_t sum = 0;
    for (unsigned i = 0; i < n; i++)
      for (unsigned j = 0; j < n; j++) {
        int64_t r = ops[k].fn(vals[i], vals[j]);
        sum = sum * 31 + (uint64_t)r;
        if (j == 0 || (i < 3 && j < 3))
          printf("%s(%lld, %lld) = %lld\n", ops[k].name, (long long)vals[i], (long long)vals[j],
                 (long long)r);
      }
    printf("%s: checksum %016llx\n", ops[k].name, (unsigned long long)sum);
  }
  return 0;
}
