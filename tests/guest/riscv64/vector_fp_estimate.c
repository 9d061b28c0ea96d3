/* vfrec7.v and vfrsqrt7.v (RVV 1.0, 13.9 and 13.10) on binary32 and
 * binary64 values around their edges: zeros, infinities, NaNs, negative
 * numbers, the largest and smallest normals, subnormals of every scale
 * (1/x of the tiniest overflows: infinity or the greatest finite value as
 * frm says), whose results and fflags are printed for each rounding mode. */
// test: guest-only: RVV inline assembly
// test: cflags: -march=rv64gcv
// test: qemu-flags: -cpu rv64,v=true,vlen=128,elen=64,vext_spec=v1.0
#include <stdint.h>
#include <stdio.h>

static const uint32_t s_in[] = {0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000,
                                0x7f800001, 0x3f800000, 0xbfc00000, 0x40490fdb, 0x7f7fffff,
                                0x00800000, 0x007fffff, 0x00400000, 0x00200000, 0x00000001,
                                0x80300000, 0x3f7f0000, 0x00c00000};
static const uint64_t d_in[] = {0,
                                0x8000000000000000ull,
                                0x7ff0000000000000ull,
                                0x7ff4000000000000ull,
                                0x3ff0000000000000ull,
                                0xc008000000000000ull,
                                0x7fefffffffffffffull,
                                0x0010000000000000ull,
                                0x000fffffffffffffull,
                                0x0008000000000000ull,
                                0x0004000000000000ull,
                                0x0000000000000001ull,
                                0x8006000000000000ull,
                                0x4000100000000000ull};

#define N32 (sizeof s_in / sizeof s_in[0])
#define N64 (sizeof d_in / sizeof d_in[0])

static unsigned long flags(void) {
  unsigned long f;
  __asm__ volatile("frflags %0\n fsflags zero" : "=r"(f));
  return f;
}

#define EST32(insn)                                                                                \
  do {                                                                                             \
    uint32_t out;                                                                                  \
    __asm__ volatile("vsetivli zero, 1, e32, m1, tu, mu\n vle32.v v1, (%1)\n" insn                 \
                     " v2, v1\n vse32.v v2, (%0)" ::"r"(&out),                                     \
                     "r"(&s_in[i])                                                                 \
                     : "memory");                                                                  \
    printf(" %08x/%02lx", out, flags());                                                           \
  } while (0)

#define EST64(insn)                                                                                \
  do {                                                                                             \
    uint64_t out;                                                                                  \
    __asm__ volatile("vsetivli zero, 1, e64, m1, tu, mu\n vle64.v v1, (%1)\n" insn                 \
                     " v2, v1\n vse64.v v2, (%0)" ::"r"(&out),                                     \
                     "r"(&d_in[i])                                                                 \
                     : "memory");                                                                  \
    printf(" %016llx/%02lx", (unsigned long long)out, flags());                                    \
  } while (0)

int main(void) {
  for (unsigned rm = 0; rm <= 4; rm++) {
    __asm__ volatile("fsrm %0\n fsflags zero" ::"r"((unsigned long)rm));
    printf("frm %u\n", rm);
    for (unsigned i = 0; i < N32; i++) {
      printf("  s %08x:", s_in[i]);
      EST32("vfrec7.v");
      EST32("vfrsqrt7.v");
      printf("\n");
    }
    for (unsigned i = 0; i < N64; i++) {
      printf("  d %016llx:", (unsigned long long)d_in[i]);
      EST64("vfrec7.v");
      EST64("vfrsqrt7.v");
      printf("\n");
    }
  }
  return 0;
}
