/* V mask instructions (RVV 1.0, chapter 15) and masked execution: vlm.v and
 * vsm.v (ceil(vl / 8) bytes), the mask logical operations, vcpop.m,
 * vfirst.m, vmsbf.m, vmsif.m, vmsof.m (masked and not), viota.m, vid.v, a
 * compare into a mask and a masked add that leaves the masked-off and tail
 * elements undisturbed (mu, tu), each over a few vl and mask patterns. */
// test: guest-only: RVV inline assembly
// test: cflags: -march=rv64gcv
// test: qemu-flags: -cpu rv64,v=true,vlen=128,elen=64,vext_spec=v1.0
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static void show(const char *what, const uint8_t *b, int n) {
  printf("  %-8s", what);
  for (int i = 0; i < n; i++)
    printf(" %02x", b[i]);
  printf("\n");
}

/* vl elements of e8, m1: v1 = a, v2 = b as masks; v0 = m. */
static void mask_ops(long vl, const uint8_t *a, const uint8_t *b, const uint8_t *m) {
  uint8_t out[16];
  long pop, first, mpop;
  printf("vl %ld\n", vl);
#define MM(insn)                                                                                   \
  do {                                                                                             \
    memset(out, 0x5a, 16);                                                                         \
    __asm__ volatile("vsetvli zero, %0, e8, m1, tu, mu\n vlm.v v1, (%1)\n vlm.v v2, (%2)\n"        \
                     "vlm.v v0, (%3)\n vl1re8.v v3, (%4)\n" insn "\n vs1r.v v3, (%4)" ::"r"(vl),   \
                     "r"(a), "r"(b), "r"(m), "r"(out)                                              \
                     : "t0", "memory");                                                            \
    show(#insn, out, 2);                                                                           \
  } while (0)
  MM("vmand.mm v3, v1, v2");
  MM("vmnand.mm v3, v1, v2");
  MM("vmandn.mm v3, v1, v2");
  MM("vmxor.mm v3, v1, v2");
  MM("vmor.mm v3, v1, v2");
  MM("vmnor.mm v3, v1, v2");
  MM("vmorn.mm v3, v1, v2");
  MM("vmxnor.mm v3, v1, v2");
  MM("vmsbf.m v3, v1");
  MM("vmsif.m v3, v1");
  MM("vmsof.m v3, v1");
  MM("vmsbf.m v3, v1, v0.t");
  MM("vmsif.m v3, v1, v0.t");
  MM("vmsof.m v3, v1, v0.t");
#undef MM
  __asm__ volatile("vsetvli zero, %3, e8, m1, tu, mu\n vlm.v v1, (%4)\n vlm.v v0, (%5)\n"
                   "vcpop.m %0, v1\n vfirst.m %1, v1\n vcpop.m %2, v1, v0.t"
                   : "=&r"(pop), "=&r"(first), "=&r"(mpop)
                   : "r"(vl), "r"(a), "r"(m)
                   : "memory");
  printf("  vcpop %ld vfirst %ld masked vcpop %ld\n", pop, first, mpop);
  memset(out, 0x5a, 16);
  __asm__ volatile("vsetvli zero, %0, e8, m1, tu, mu\n vlm.v v1, (%1)\n vsm.v v1, (%2)" ::"r"(vl),
                   "r"(a), "r"(out)
                   : "memory");
  show("vsm.v", out, 3);
}

/* viota.m, vid.v, vmslt.vx and a masked vadd.vi at e16, m2. */
static void masked_arith(long vl, const uint8_t *a, const uint8_t *m) {
  uint16_t x[16], out[16];
  for (int i = 0; i < 16; i++)
    x[i] = (uint16_t)(i * 0x1111 + 0x0f00);
#define VA(insn, setup)                                                                            \
  do {                                                                                             \
    for (int i = 0; i < 16; i++)                                                                   \
      out[i] = 0xdead;                                                                             \
    __asm__ volatile("vsetvli zero, %0, e16, m2, tu, mu\n vlm.v v1, (%1)\n vlm.v v0, (%2)\n"       \
                     "vle16.v v4, (%3)\n vl2re16.v v6, (%4)\n" setup insn                          \
                     "\n vs2r.v v6, (%4)" ::"r"(vl),                                               \
                     "r"(a), "r"(m), "r"(x), "r"(out)                                              \
                     : "t0", "memory");                                                            \
    show(#insn, (uint8_t *)out, 32);                                                               \
  } while (0)
  VA("viota.m v6, v1", "");
  VA("viota.m v6, v1, v0.t", "");
  VA("vid.v v6", "");
  VA("vid.v v6, v0.t", "");
  VA("vadd.vi v6, v4, 5, v0.t", "");
  VA("vmslt.vx v6, v4, t0", "li t0, 0x5000\n");
#undef VA
}

int main(void) {
  static const uint8_t a[][2] = {{0x00, 0x00}, {0x10, 0x01}, {0xf0, 0x0f}, {0x81, 0x42}};
  static const uint8_t b[][2] = {{0xff, 0xff}, {0x33, 0x55}, {0x0f, 0xf0}, {0xa5, 0x5a}};
  static const uint8_t m[][2] = {{0xff, 0xff}, {0xaa, 0x55}, {0x0e, 0x70}, {0x00, 0x00}};
  static const long vls[] = {16, 13, 5, 0};
  for (int k = 0; k < 4; k++) {
    mask_ops(vls[k], a[k], b[(k + 1) % 4], m[k]);
    masked_arith(vls[k], a[k], m[(k + 1) % 4]);
  }
  return 0;
}
