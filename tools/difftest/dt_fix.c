/* dt_fix.c - fix-ups that keep random fields inside the allocated and
 * predictable encoding space, one small function per DT_FIXES entry. */
#include "dt_gen.h"

#define FIX(name)                                                                                  \
  static uint32_t fix_##name(const struct dt_tmpl *t, uint32_t w, int slot, struct dt_rng *r)
#define UNUSED (void)t, (void)slot, (void)r

static int sf(uint32_t w) {
  return (w >> 31) & 1;
}
static int q(uint32_t w) {
  return (w >> 30) & 1;
}

/* The next register after x that the generator may write. */
static uint32_t next_writable(uint32_t x) {
  x = (x + 1) & 31;
  while (x == DT_RWB || x == DT_RIDX || x == DT_RBASE || x == 31)
    x = (x + 1) & 31;
  return x;
}

FIX(SF32) { /* 32-bit forms: shift amount / lsb below 32 */
  UNUSED;
  return sf(w) ? w : w & ~(1u << 15);
}

FIX(BITF) { /* N == sf; immr, imms < 32 in 32-bit forms */
  UNUSED;
  w = dt_set(w, 22, 1, sf(w));
  return sf(w) ? w : w & ~(1u << 21 | 1u << 15);
}

/* DecodeBitMasks (J1): a reserved element size or an all-ones run is invalid. */
static int logimm_ok(uint32_t w) {
  uint32_t n = dt_get(w, 22, 1), imms = dt_get(w, 10, 6), v = n << 6 | (~imms & 0x3f);
  int len = 31 - __builtin_clz(v | 1);
  if (v == 0 || len < 1)
    return 0;
  uint32_t levels = (1u << len) - 1;
  return (imms & levels) != levels;
}

FIX(LOGIMM) {
  UNUSED;
  do {
    w = dt_set(w, 10, 6, dt_below(r, 64));
    w = dt_set(w, 22, 1, sf(w) ? dt_below(r, 2) : 0);
  } while (!logimm_ok(w));
  return w;
}

FIX(HW) { /* 32-bit MOVx: hw is 0 or 1 */
  UNUSED;
  return sf(w) ? w : w & ~(1u << 22);
}

FIX(SHIFT) { /* shift type ROR is reserved for add/sub */
  UNUSED;
  return dt_get(w, 22, 2) == 3 ? dt_set(w, 22, 2, dt_below(r, 3)) : w;
}

FIX(EXT3) { /* extend shift amount 0..4 */
  UNUSED;
  return dt_get(w, 10, 3) > 4 ? dt_set(w, 10, 3, dt_below(r, 5)) : w;
}

FIX(OPT) { /* option UXTW, LSL, SXTW, SXTX for register offsets */
  UNUSED;
  return w | 1u << 14;
}

FIX(UIMM) { /* unsigned scaled offset: stay within 2 KiB of the base */
  UNUSED;
  int scale = dt_get(w, 30, 2);
  if (dt_get(w, 26, 1) && dt_get(w, 23, 1))
    scale = 4; /* Q register */
  return dt_set(w, 10, 12, dt_below(r, 2048u >> scale));
}

FIX(IMM9) { /* writeback: small steps keep X26 inside the scratch buffer */
  UNUSED;
  return dt_set(w, 12, 9, (uint32_t)((int)dt_below(r, 128) - 64));
}

FIX(IMM7) {
  UNUSED;
  return dt_set(w, 15, 7, (uint32_t)((int)dt_below(r, 16) - 8));
}

FIX(PAIR) { /* LDP Rt == Rt2 is UNPREDICTABLE */
  UNUSED;
  return dt_get(w, 10, 5) == dt_get(w, 0, 5) ? dt_set(w, 10, 5, next_writable(dt_get(w, 0, 5))) : w;
}

FIX(VPAIR) {
  UNUSED;
  return dt_get(w, 10, 5) == dt_get(w, 0, 5) ? dt_set(w, 10, 5, dt_get(w, 0, 5) + 1) : w;
}

FIX(EXCL) { /* the status register differs from Rt, Rt2 */
  UNUSED;
  uint32_t s = dt_get(w, 16, 5);
  while (s == dt_get(w, 0, 5) || s == dt_get(w, 10, 5))
    s = next_writable(s);
  return dt_set(w, 16, 5, s);
}

FIX(BR) { /* forward, to a later slot or to the exit right after the last */
  int lo, width;
  dt_field(t->pat, 'o', &lo, &width);
  return dt_set(w, lo, width, 1 + dt_below(r, DT_SLOTS - slot));
}

FIX(VSZQ) { /* 1D arrangement is reserved */
  UNUSED;
  return dt_get(w, 22, 2) == 3 ? w | 1u << 30 : w;
}

FIX(VNO64) {
  UNUSED;
  return dt_get(w, 22, 2) == 3 ? dt_set(w, 22, 2, dt_below(r, 3)) : w;
}

FIX(VFQ) { /* 1D arrangement is reserved for FP vector forms */
  UNUSED;
  return dt_get(w, 22, 1) ? w | 1u << 30 : w;
}

FIX(SIZE12) { /* halfword or word elements only */
  UNUSED;
  return dt_set(w, 22, 2, 1 + dt_below(r, 2));
}

FIX(FP2OP) {
  UNUSED;
  return dt_get(w, 12, 4) > 8 ? dt_set(w, 12, 4, dt_below(r, 9)) : w;
}

FIX(FRINT) { /* opcode 001101 is unallocated */
  UNUSED;
  return dt_get(w, 15, 3) == 5 ? dt_set(w, 15, 3, 4) : w;
}

FIX(FCMPZ) { /* compare with zero: Rm is 0 */
  UNUSED;
  return (w & 8) ? dt_set(w, 16, 5, 0) : w;
}

FIX(SCALE) { /* 32-bit integer: fbits <= 32 */
  UNUSED;
  return sf(w) ? w : w | 1u << 15;
}

static uint32_t imm5_nonzero(uint32_t w, struct dt_rng *r) {
  uint32_t imm5 = dt_get(w, 16, 5);
  if ((imm5 & 15) == 0)
    imm5 |= 1u << dt_below(r, 4);
  return dt_set(w, 16, 5, imm5);
}

static int imm5_size(uint32_t w) {
  return __builtin_ctz(dt_get(w, 16, 5));
}

FIX(IMM5) {
  UNUSED;
  return imm5_nonzero(w, r);
}

FIX(DUP) { /* .2D needs Q */
  UNUSED;
  w = imm5_nonzero(w, r);
  return imm5_size(w) == 3 ? w | 1u << 30 : w;
}

FIX(UMOV) { /* Q is set exactly for the D lane */
  UNUSED;
  w = imm5_nonzero(w, r);
  return dt_set(w, 30, 1, imm5_size(w) == 3);
}

FIX(SMOV) { /* B, H to W; B, H, S to X */
  UNUSED;
  int size = dt_below(r, q(w) ? 3 : 2);
  uint32_t imm5 = (dt_below(r, 32) << (size + 1) | 1u << size) & 31;
  return dt_set(w, 16, 5, imm5);
}

FIX(IMMH) { /* immh != 0; 64-bit elements need Q */
  UNUSED;
  if (dt_get(w, 19, 4) == 0)
    w |= 1u << (19 + dt_below(r, 4));
  return dt_get(w, 22, 1) ? w | 1u << 30 : w;
}

FIX(NARROW) { /* narrowing and widening shifts: immh is 0001..0111 */
  UNUSED;
  w &= ~(1u << 22);
  return dt_get(w, 19, 3) ? w : w | 1u << (19 + dt_below(r, 3));
}

FIX(SCSHIFT) { /* scalar shifts by immediate: D only */
  UNUSED;
  return w | 1u << 22;
}

FIX(ACROSS) { /* no D; 4S only */
  UNUSED;
  uint32_t size = dt_below(r, 3);
  w = dt_set(w, 22, 2, size);
  return size == 2 ? w | 1u << 30 : w;
}

FIX(EXT4) {
  UNUSED;
  return q(w) ? w : w & ~(1u << 14);
}

FIX(MODIMM) { /* FMOV .2D needs Q */
  UNUSED;
  return (dt_get(w, 29, 1) && dt_get(w, 12, 4) == 15) ? w | 1u << 30 : w;
}

FIX(PERM) { /* opcode x00 is unallocated */
  UNUSED;
  return dt_get(w, 12, 2) == 0 ? dt_set(w, 12, 2, 1 + dt_below(r, 3)) : w;
}

FIX(FELEM) { /* double: L = 0 and Q = 1 */
  UNUSED;
  return dt_get(w, 22, 1) ? (w & ~(1u << 21)) | 1u << 30 : w;
}

FIX(LDSZQ) { /* LD2/3/4 .1D is reserved */
  UNUSED;
  return dt_get(w, 10, 2) == 3 ? w | 1u << 30 : w;
}

FIX(SHA3R) {
  UNUSED;
  return dt_get(w, 12, 3) == 7 ? dt_set(w, 12, 3, dt_below(r, 7)) : w;
}

FIX(SHA2R) {
  UNUSED;
  return dt_get(w, 12, 2) == 3 ? dt_set(w, 12, 2, 1 + dt_below(r, 2)) : w;
}

FIX(PMULL) { /* 8B->8H or 1D->1Q */
  UNUSED;
  return dt_set(w, 22, 2, dt_below(r, 2) * 3);
}

FIX(CRC) { /* CRC32X is the only 64-bit form */
  UNUSED;
  return dt_set(w, 31, 1, dt_get(w, 10, 2) == 3);
}

typedef uint32_t dt_fix_fn(const struct dt_tmpl *t, uint32_t w, int slot, struct dt_rng *r);

static dt_fix_fn *const dt_fixes[DT_NFIXES] = {
#define DT_FIX_FN(name) fix_##name,
    DT_FIXES(DT_FIX_FN)
#undef DT_FIX_FN
};

uint32_t dt_fix(const struct dt_tmpl *t, uint32_t w, int slot, struct dt_rng *r) {
  for (int i = 0; i < DT_NFIXES; i++)
    if (t->flags & (1ull << i))
      w = dt_fixes[i](t, w, slot, r);
  return w;
}
