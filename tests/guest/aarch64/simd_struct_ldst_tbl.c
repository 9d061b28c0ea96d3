/* simd_struct_ldst_tbl.c - the AdvSIMD data-movement instructions: LD2-LD4
 * and ST2-ST4 of every arrangement (also in loops, post-indexed), LD1R-LD4R,
 * the single-lane forms, TBL/TBX of 1-4 registers, CNT with ADDV/UADDLV, and
 * [SU]MULL/[SU]MLAL of 32-bit lanes; each result is printed as a hash. Then
 * structure loads and stores that run into an unmapped page: the SIGSEGV
 * must come at the instruction, with its base register as it was before it
 * and, for stores, the registers it stores unchanged. (A load's destination
 * registers are UNKNOWN after the abort in the architecture; qemu leaves the
 * lanes it loaded before the fault, so they are not compared.)
 */
#define _GNU_SOURCE
#include <arm_neon.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>
// test: arm-only: NEON intrinsics, inline assembly and the arm64 ucontext

static uint8_t src[1024], dst[1024];

static void fill(void) {
  uint32_t x = 12345;
  for (unsigned i = 0; i < sizeof(src); i++) {
    x = x * 1103515245u + 12345u;
    src[i] = (uint8_t)(x >> 16);
  }
  memset(dst, 0xee, sizeof(dst));
}

static uint64_t hash(const void *p, size_t n) {
  const uint8_t *b = p;
  uint64_t h = 0xcbf29ce484222325ull;
  for (size_t i = 0; i < n; i++)
    h = (h ^ b[i]) * 0x100000001b3ull;
  return h;
}

#define SHOW(name, val)                                                                            \
  do {                                                                                             \
    __typeof__(val) v_ = (val);                                                                    \
    printf("%-24s %016llx\n", name, (unsigned long long)hash(&v_, sizeof(v_)));                    \
  } while (0)

/* An array value (a compound literal) is hashed in place. */
#define SHOWA(name, arr)                                                                           \
  printf("%-24s %016llx\n", name, (unsigned long long)hash((arr), sizeof(arr)))

static void loads(void) {
  SHOW("ld2q_u8", vld2q_u8(src + 1));
  SHOW("ld3q_u8", vld3q_u8(src + 2));
  SHOW("ld4q_u8", vld4q_u8(src + 3));
  SHOW("ld2q_u16", vld2q_u16((const uint16_t *)src + 5));
  SHOW("ld3q_u16", vld3q_u16((const uint16_t *)src + 6));
  SHOW("ld4q_u16", vld4q_u16((const uint16_t *)src + 7));
  SHOW("ld2q_u32", vld2q_u32((const uint32_t *)src + 1));
  SHOW("ld3q_u32", vld3q_u32((const uint32_t *)src + 2));
  SHOW("ld4q_u32", vld4q_u32((const uint32_t *)src + 3));
  SHOW("ld2q_u64", vld2q_u64((const uint64_t *)src + 1));
  SHOW("ld3q_u64", vld3q_u64((const uint64_t *)src + 2));
  SHOW("ld4q_u64", vld4q_u64((const uint64_t *)src + 3));
  SHOW("ld2_u8", vld2_u8(src + 9));
  SHOW("ld3_u8", vld3_u8(src + 10));
  SHOW("ld4_u8", vld4_u8(src + 11));
  SHOW("ld3_u16", vld3_u16((const uint16_t *)src + 3));
  SHOW("ld4_u16", vld4_u16((const uint16_t *)src + 4));
  SHOW("ld2_s32", vld2_s32((const int32_t *)src + 5));
  SHOW("ld3_s32", vld3_s32((const int32_t *)src + 6));
  SHOW("ld4_f32", vld4_u32((const uint32_t *)src + 7));
}

static void stores(void) {
  uint8x16x3_t b3 = vld3q_u8(src);
  uint16x8x4_t h4 = vld4q_u16((const uint16_t *)src + 40);
  uint32x4x2_t s2 = vld2q_u32((const uint32_t *)src + 60);
  uint8x8x3_t b3d = vld3_u8(src + 300);
  uint16x4x4_t h4d = vld4_u16((const uint16_t *)src + 200);
  uint32x2x2_t s2d = vld2_u32((const uint32_t *)src + 150);
  uint64x2x3_t d3 = vld3q_u64((const uint64_t *)src + 70);
  vst2q_u8(dst + 1, (uint8x16x2_t){{b3.val[2], b3.val[0]}});
  vst3q_u8(dst + 40, b3);
  vst4q_u16((uint16_t *)(dst + 96), h4);
  vst3q_u16((uint16_t *)(dst + 170), (uint16x8x3_t){{h4.val[3], h4.val[1], h4.val[0]}});
  vst2q_u32((uint32_t *)(dst + 230), s2);
  vst4q_u32((uint32_t *)(dst + 270), (uint32x4x4_t){{s2.val[1], s2.val[0], s2.val[1], s2.val[0]}});
  vst3_u8(dst + 340, b3d);
  vst4_u16((uint16_t *)(dst + 370), h4d);
  vst2_u32((uint32_t *)(dst + 410), s2d);
  vst3q_u64((uint64_t *)(dst + 430), d3);
  vst4_u8(dst + 490, (uint8x8x4_t){{b3d.val[0], b3d.val[1], b3d.val[2], b3d.val[0]}});
  printf("%-24s %016llx\n", "st2-st4", (unsigned long long)hash(dst, sizeof(dst)));
}

static void replicate_and_lanes(void) {
  SHOW("ld1q_dup_u8", vld1q_dup_u8(src + 7));
  SHOW("ld1_dup_u16", vld1_dup_u16((const uint16_t *)src + 7));
  SHOW("ld1q_dup_u32", vld1q_dup_u32((const uint32_t *)src + 7));
  SHOW("ld1q_dup_u64", vld1q_dup_u64((const uint64_t *)src + 7));
  SHOW("ld2q_dup_u16", vld2q_dup_u16((const uint16_t *)src + 9));
  SHOW("ld3_dup_u8", vld3_dup_u8(src + 11));
  SHOW("ld4q_dup_u32", vld4q_dup_u32((const uint32_t *)src + 13));
  uint16x8x3_t h3 = vld3q_u16((const uint16_t *)src + 100);
  SHOW("ld3q_lane_u16", vld3q_lane_u16((const uint16_t *)src + 3, h3, 5));
  uint8x8x4_t b4 = vld4_u8(src + 500);
  SHOW("ld4_lane_u8", vld4_lane_u8(src + 17, b4, 6));
  SHOW("ld1q_lane_u64", vld1q_lane_u64((const uint64_t *)src + 3, vld1q_u64((uint64_t *)src), 1));
  uint32x4x2_t s2 = vld2q_u32((const uint32_t *)src + 30);
  SHOW("ld2q_lane_u32", vld2q_lane_u32((const uint32_t *)src + 1, s2, 3));
  memset(dst, 0, sizeof(dst));
  vst4_lane_u8(dst + 3, b4, 2);
  vst2q_lane_u32((uint32_t *)(dst + 20), s2, 1);
  vst3q_lane_u16((uint16_t *)(dst + 40), h3, 7);
  vst1q_lane_u64((uint64_t *)(dst + 60), vld1q_u64((uint64_t *)src + 5), 1);
  printf("%-24s %016llx\n", "st-lanes", (unsigned long long)hash(dst, 128));
}

static void tables(void) {
  uint8x16x4_t t = vld1q_u8_x4(src + 600);
  for (unsigned k = 0; k < 4; k++) {
    uint8x16_t i = vandq_u8(vld1q_u8(src + 16 * k), vdupq_n_u8(k == 3 ? 0xff : 0x4f));
    uint8x16_t d = vld1q_u8(src + 700 + 16 * k);
    char name[32];
    snprintf(name, sizeof(name), "tbl/tbx mask %u", k);
    SHOWA(name, ((uint8x16_t[8]){vqtbl1q_u8(t.val[0], i),
                                 vqtbl2q_u8((uint8x16x2_t){{t.val[0], t.val[1]}}, i),
                                 vqtbl3q_u8((uint8x16x3_t){{t.val[0], t.val[1], t.val[2]}}, i),
                                 vqtbl4q_u8(t, i), vqtbx1q_u8(d, t.val[3], i),
                                 vqtbx2q_u8(d, (uint8x16x2_t){{t.val[2], t.val[3]}}, i),
                                 vqtbx3q_u8(d, (uint8x16x3_t){{t.val[1], t.val[2], t.val[3]}}, i),
                                 vqtbx4q_u8(d, t, i)}));
    SHOWA("tbl 64-bit",
          ((uint8x8_t[2]){vqtbl2_u8((uint8x16x2_t){{t.val[0], t.val[1]}}, vget_low_u8(i)),
                          vqtbx1_u8(vget_low_u8(d), t.val[2], vget_high_u8(i))}));
  }
}

static void counts(void) {
  uint64_t total = 0;
  for (unsigned i = 0; i + 16 <= sizeof(src); i += 16) {
    uint8x16_t c = vcntq_u8(vld1q_u8(src + i));
    total += vaddlvq_u8(c) + vaddvq_u8(c) + vaddlv_u8(vcnt_u8(vld1_u8(src + i)));
  }
  printf("%-24s %llu\n", "cnt+addv/uaddlv", (unsigned long long)total);
  uint64_t pc = 0;
  for (unsigned i = 0; i + 8 <= sizeof(src); i += 8) {
    uint64_t x;
    memcpy(&x, src + i, 8);
    pc += (uint64_t)__builtin_popcountll(x) * (i + 1);
  }
  printf("%-24s %llu\n", "popcountll", (unsigned long long)pc);
}

static void products(void) {
  uint32x4_t a = vld1q_u32((const uint32_t *)src), b = vld1q_u32((const uint32_t *)src + 4);
  int32x4_t sa = vreinterpretq_s32_u32(a), sb = vreinterpretq_s32_u32(b);
  uint64x2_t acc = vld1q_u64((const uint64_t *)src + 8);
  int64x2_t sacc = vreinterpretq_s64_u64(acc);
  SHOWA("umull/umull2",
        ((uint64x2_t[2]){vmull_u32(vget_low_u32(a), vget_low_u32(b)), vmull_high_u32(a, b)}));
  SHOWA("smull/smull2",
        ((int64x2_t[2]){vmull_s32(vget_low_s32(sa), vget_low_s32(sb)), vmull_high_s32(sa, sb)}));
  SHOWA("umlal/umlsl", ((uint64x2_t[2]){vmlal_u32(acc, vget_low_u32(a), vget_high_u32(b)),
                                        vmlsl_high_u32(acc, a, b)}));
  SHOWA("smlal/smlsl", ((int64x2_t[2]){vmlal_high_s32(sacc, sa, sb),
                                       vmlsl_s32(sacc, vget_high_s32(sa), vget_low_s32(sb))}));
}

/* RGB to gray over an image with LD3/ST4 in a loop (post-indexed). */
static void rgb_loop(void) {
  static uint8_t rgb[3 * 256], out[4 * 256];
  for (unsigned i = 0; i < sizeof(rgb); i++)
    rgb[i] = src[i % sizeof(src)] ^ (uint8_t)i;
  for (unsigned i = 0; i < 256; i += 16) {
    uint8x16x3_t p = vld3q_u8(rgb + 3 * i);
    uint16x8_t lo = vmull_u8(vget_low_u8(p.val[0]), vdup_n_u8(77));
    uint16x8_t hi = vmull_high_u8(p.val[0], vdupq_n_u8(77));
    lo = vmlal_u8(lo, vget_low_u8(p.val[1]), vdup_n_u8(150));
    hi = vmlal_high_u8(hi, p.val[1], vdupq_n_u8(150));
    lo = vmlal_u8(lo, vget_low_u8(p.val[2]), vdup_n_u8(29));
    hi = vmlal_high_u8(hi, p.val[2], vdupq_n_u8(29));
    uint8x16_t g = vcombine_u8(vshrn_n_u16(lo, 8), vshrn_n_u16(hi, 8));
    vst4q_u8(out + 4 * i, (uint8x16x4_t){{g, g, g, p.val[0]}});
  }
  printf("%-24s %016llx\n", "rgb loop", (unsigned long long)hash(out, sizeof(out)));
}

/* ---- faults ---- */

static sigjmp_buf fault_jmp;
static const char *fault_name;
static uint8_t *fault_page; /* one mapped page, then PROT_NONE */
static uint64_t fault_x9, fault_pc;
static uint8_t fault_v[4][16];

/* The fpsimd_context record in __reserved (magic 0x46508001). */
static const struct fpsimd_context *find_fpsimd(const mcontext_t *mc) {
  const uint8_t *p = (const uint8_t *)mc->__reserved;
  for (size_t off = 0; off + 8 <= sizeof(mc->__reserved);) {
    const struct _aarch64_ctx *h = (const void *)(p + off);
    if (h->magic == FPSIMD_MAGIC)
      return (const void *)h;
    if (!h->magic || !h->size)
      break;
    off += h->size;
  }
  return NULL;
}

static void on_segv(int sig, siginfo_t *si, void *uc_) {
  const mcontext_t *mc = &((ucontext_t *)uc_)->uc_mcontext;
  const struct fpsimd_context *fp = find_fpsimd(mc);
  int is_store = fault_name[0] == 's';
  int v_ok = fp != NULL;
  for (unsigned r = 0; fp && is_store && r < 4; r++)
    v_ok &= !memcmp(&fp->vregs[r], fault_v[r], 16);
  (void)sig;
  printf("%-24s pc %s, x9 %s, v0-v3 %s, addr %s\n", fault_name, mc->pc == fault_pc ? "ok" : "WRONG",
         mc->regs[9] == fault_x9 ? "ok" : "WRONG",
         !is_store ? "-"
         : v_ok    ? "ok"
                   : "WRONG",
         (uint8_t *)si->si_addr >= fault_page + 4096 ? "ok" : "WRONG");
  siglongjmp(fault_jmp, 1);
}

/* fault_<name>: v0-v3 = fault_v, x9 = fault_x9, then the instruction at
 * label fault_<name>_at. */
#define FAULT_FN(name, insn)                                                                       \
  extern char fault_##name##_at[];                                                                 \
  __attribute__((noinline)) static void fault_##name(void) {                                       \
    __asm__ volatile("ld1 {v0.16b-v3.16b}, [%0]\n\tmov x9, %1\n\t"                                 \
                     ".global fault_" #name "_at\nfault_" #name "_at:\n\t" insn                    \
                     :                                                                             \
                     : "r"(fault_v), "r"(fault_x9)                                                 \
                     : "x9", "v0", "v1", "v2", "v3", "memory");                                    \
  }

FAULT_FN(ld4, "ld4 {v0.16b-v3.16b}, [x9], #64")
FAULT_FN(ld3, "ld3 {v1.8b-v3.8b}, [x9], x9")
FAULT_FN(ld2, "ld2 {v2.2d, v3.2d}, [x9]")
FAULT_FN(ld4r, "ld4r {v0.4s-v3.4s}, [x9], #16")
FAULT_FN(ld3_lane, "ld3 {v0.h-v2.h}[5], [x9], #6")
FAULT_FN(ld1_lane, "ld1 {v3.d}[1], [x9]")
FAULT_FN(st4, "st4 {v0.4s-v3.4s}, [x9], #64")
FAULT_FN(st3, "st3 {v0.8h-v2.8h}, [x9], #48")
FAULT_FN(st2_lane, "st2 {v0.s, v1.s}[2], [x9], #8")

static void fault_one(const char *name, void (*fn)(void), const char *at, unsigned before_end) {
  fault_name = name;
  fault_x9 = (uint64_t)(uintptr_t)(fault_page + 4096 - before_end);
  fault_pc = (uint64_t)(uintptr_t)at;
  for (unsigned r = 0; r < 4; r++)
    for (unsigned i = 0; i < 16; i++)
      fault_v[r][i] = (uint8_t)(r * 16 + i + 1);
  if (!sigsetjmp(fault_jmp, 1)) {
    fn();
    printf("%-24s no fault\n", name);
  }
}

static void faults(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO | SA_NODEFER;
  sigaction(SIGSEGV, &sa, NULL);
  fault_page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (fault_page == MAP_FAILED || mprotect(fault_page + 4096, 4096, PROT_NONE))
    return;
  fault_one("ld4 .16b post", fault_ld4, fault_ld4_at, 40);
  fault_one("ld3 .8b post reg", fault_ld3, fault_ld3_at, 20);
  fault_one("ld2 .2d", fault_ld2, fault_ld2_at, 24);
  fault_one("ld4r .4s post", fault_ld4r, fault_ld4r_at, 12);
  fault_one("ld3 lane h post", fault_ld3_lane, fault_ld3_lane_at, 5);
  fault_one("ld1 lane d", fault_ld1_lane, fault_ld1_lane_at, 4);
  fault_one("st4 .4s post", fault_st4, fault_st4_at, 48);
  fault_one("st3 .8h post", fault_st3, fault_st3_at, 16);
  fault_one("st2 lane s post", fault_st2_lane, fault_st2_lane_at, 6);
}

int main(void) {
  fill();
  loads();
  stores();
  replicate_and_lanes();
  tables();
  counts();
  products();
  rgb_loop();
  faults();
  return 0;
}
