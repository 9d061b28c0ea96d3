/* Zbkb (pack, packh, packw, brev8; zext.h is packw with rs2 = x0) and Zbkx
 * (xperm4, xperm8), each by inline asm on riscv64 against the same operation
 * written in C from the spec's pseudocode (the native x86-64 build prints
 * the C results), over corner values and a few pseudo-random ones.
 * qemu-riscv64 7.2 implements both, behind -cpu flags. */
// test: cflags: -march=rv64gc_zbb_zbkb_zbkx
// test: qemu-flags: -cpu rv64,zbkb=true,zbkx=true
#include <stdint.h>
#include <stdio.h>

typedef uint64_t u64;

#ifdef __riscv
#define OP2(name, insn)                                                                            \
  static u64 name(u64 a, u64 b) {                                                                  \
    u64 r;                                                                                         \
    __asm__(insn " %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));                                        \
    return r;                                                                                      \
  }
OP2(pack, "pack")
OP2(packh, "packh")
OP2(packw, "packw")
OP2(xperm4, "xperm4")
OP2(xperm8, "xperm8")
static u64 brev8(u64 a) {
  u64 r;
  __asm__("brev8 %0, %1" : "=r"(r) : "r"(a));
  return r;
}
static u64 zext_h(u64 a) {
  u64 r;
  __asm__("packw %0, %1, zero" : "=r"(r) : "r"(a));
  return r;
}
#else
static u64 pack(u64 a, u64 b) {
  return (b << 32) | (uint32_t)a;
}
static u64 packh(u64 a, u64 b) {
  return (b & 0xff) << 8 | (a & 0xff);
}
static u64 packw(u64 a, u64 b) {
  return (u64)(int64_t)(int32_t)(uint32_t)((b & 0xffff) << 16 | (a & 0xffff));
}
static u64 xperm(u64 a, u64 b, unsigned w) {
  u64 r = 0, m = (1ull << w) - 1;
  for (unsigned i = 0; i < 64; i += w) {
    u64 k = (b >> i & m) * w;
    if (k < 64)
      r |= (a >> k & m) << i;
  }
  return r;
}
static u64 xperm4(u64 a, u64 b) {
  return xperm(a, b, 4);
}
static u64 xperm8(u64 a, u64 b) {
  return xperm(a, b, 8);
}
static u64 brev8(u64 a) {
  u64 r = 0;
  for (unsigned i = 0; i < 64; i++)
    if (a >> i & 1)
      r |= 1ull << ((i & ~7u) | (7 - (i & 7)));
  return r;
}
static u64 zext_h(u64 a) {
  return a & 0xffff;
}
#endif

int main(void) {
  static u64 v[12] = {0,
                      1,
                      ~0ull,
                      0x8000000000000000ull,
                      0x7fffffffffffffffull,
                      0x00000000ffff8000ull,
                      0x0123456789abcdefull,
                      0xfedcba9876543210ull,
                      0x0706050403020100ull,
                      0x0f0e0d0c0b0a0908ull};
  u64 x = 0x9e3779b97f4a7c15ull;
  for (int i = 10; i < 12; i++) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    v[i] = x;
  }
  for (int i = 0; i < 12; i++) {
    printf("%016llx brev8=%016llx zext.h=%016llx\n", (unsigned long long)v[i],
           (unsigned long long)brev8(v[i]), (unsigned long long)zext_h(v[i]));
    for (int j = 0; j < 12; j++)
      printf("  %016llx pack=%016llx packh=%016llx packw=%016llx xperm4=%016llx "
             "xperm8=%016llx\n",
             (unsigned long long)v[j], (unsigned long long)pack(v[i], v[j]),
             (unsigned long long)packh(v[i], v[j]), (unsigned long long)packw(v[i], v[j]),
             (unsigned long long)xperm4(v[i], v[j]), (unsigned long long)xperm8(v[i], v[j]));
  }
  return 0;
}
