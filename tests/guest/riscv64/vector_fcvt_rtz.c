/* The .rtz. forms of the V conversions (RVV 1.0, 13.17..13.19) round toward
 * zero whatever frm says (here RNE), and saturate out-of-range values and
 * NaNs as the scalar FCVT does, raising invalid (and inexact for a dropped
 * fraction): vfcvt.rtz.x.f.v on binary32, vfwcvt.rtz.x.f.v from binary32 to
 * 64-bit integers, vfncvt.rtz.xu.f.w from binary64 to 32-bit unsigned.
 * qemu-riscv64 7.2 aborts on these encodings (decode_save_opc: Assertion
 * `ctx->insn_start != NULL' failed), so the expected output is written by
 * hand from the spec. */
// test: guest-only: RVV inline assembly
// test: qemu-wrong: qemu 7.2 aborts on the .rtz. conversions
// test: cflags: -march=rv64gcv
// test: qemu-flags: -cpu rv64,v=true,vlen=128,elen=64,vext_spec=v1.0
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static unsigned long take_fflags(void) {
  unsigned long f;
  __asm__ volatile("frflags %0\n fsflags zero" : "=r"(f));
  return f;
}

int main(void) {
  float s[4] = {2.7f, -2.7f, 1e10f, 0};
  double d[4] = {3.99, -1.5, 5e9, 1e20};
  uint32_t nan = 0x7fc00000, o32[4];
  uint64_t o64[4];
  memcpy(&s[3], &nan, 4);
  __asm__ volatile("fsrmi 0\n fsflags zero"); /* RNE */
  __asm__ volatile("vsetivli zero, 4, e32, m1, tu, mu\n vle32.v v1, (%1)\n"
                   "vfcvt.rtz.x.f.v v2, v1\n vse32.v v2, (%0)" ::"r"(o32),
                   "r"(s)
                   : "memory");
  printf("vfcvt.rtz.x.f.v: %08x %08x %08x %08x fflags %02lx\n", o32[0], o32[1], o32[2], o32[3],
         take_fflags());
  __asm__ volatile("vsetivli zero, 4, e32, m1, tu, mu\n vle32.v v1, (%1)\n"
                   "vfwcvt.rtz.x.f.v v2, v1\n vsetivli zero, 4, e64, m2, tu, mu\n"
                   "vse64.v v2, (%0)" ::"r"(o64),
                   "r"(s)
                   : "memory");
  printf("vfwcvt.rtz.x.f.v: %016llx %016llx %016llx %016llx fflags %02lx\n",
         (unsigned long long)o64[0], (unsigned long long)o64[1], (unsigned long long)o64[2],
         (unsigned long long)o64[3], take_fflags());
  __asm__ volatile("vsetivli zero, 4, e64, m2, tu, mu\n vle64.v v2, (%1)\n"
                   "vsetivli zero, 4, e32, m1, tu, mu\n vfncvt.rtz.xu.f.w v1, v2\n"
                   "vse32.v v1, (%0)" ::"r"(o32),
                   "r"(d)
                   : "memory");
  printf("vfncvt.rtz.xu.f.w: %08x %08x %08x %08x fflags %02lx\n", o32[0], o32[1], o32[2], o32[3],
         take_fflags());
  return 0;
}
