/* bit_clz_cls_rbit_rev_asm.c - clz/cls/rbit/rev/rev16/rev32 at 64 and 32 bits,
 * including clz(0) = width and cls(-1) = width-1, which C builtins leave
 * undefined. */
// test: arm-only: inline asm bit-manipulation instructions
#include <stdint.h>
#include <stdio.h>

#define U64(insn)                                                                                  \
  static uint64_t insn##64(uint64_t a) {                                                           \
    uint64_t r;                                                                                    \
    __asm__(#insn " %0, %1" : "=r"(r) : "r"(a));                                                   \
    return r;                                                                                      \
  }
#define U32(insn)                                                                                  \
  static uint32_t insn##32(uint32_t a) {                                                           \
    uint32_t r;                                                                                    \
    __asm__(#insn " %w0, %w1" : "=r"(r) : "r"(a));                                                 \
    return r;                                                                                      \
  }
U64(clz)
U64(cls)
U64(rbit) U64(rev) U64(rev16) U64(rev32) U32(clz) U32(cls) U32(rbit) U32(rev) U32(rev16)

    int main(void) {
  uint64_t v[] = {0,
                  1,
                  2,
                  0x80,
                  0x8000000000000000ull,
                  0xffffffffffffffffull,
                  0x7fffffffffffffffull,
                  0x00000000ffffffffull,
                  0xffffffff00000000ull,
                  0x0123456789abcdefull,
                  0xc000000000000001ull,
                  0x0000000080000000ull};
  for (unsigned i = 0; i < sizeof v / sizeof *v; i++) {
    uint64_t a = v[i];
    uint32_t w = (uint32_t)a;
    printf("%016llx clz %llu cls %llu rbit %016llx rev %016llx rev16 %016llx rev32 %016llx\n",
           (unsigned long long)a, (unsigned long long)clz64(a), (unsigned long long)cls64(a),
           (unsigned long long)rbit64(a), (unsigned long long)rev64(a),
           (unsigned long long)rev1664(a), (unsigned long long)rev3264(a));
    printf("  %08x clz %u cls %u rbit %08x rev %08x rev16 %08x\n", w, clz32(w), cls32(w), rbit32(w),
           rev32(w), rev1632(w));
  }
  return 0;
}
