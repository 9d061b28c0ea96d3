/* dt_fix.c - fix-ups that keep random fields inside the allocated and
 * predictable encoding space, one small function per DT_FIXES entry. */
#include "dt_gen.h"

/* Every fix-up has one signature: uint32_t fix_NAME(template, word, slot, rng). */

static int sf(uint32_t w) {
  return (w >> 31) & 1;
}
static int q(uint32_t w) {
  return (w >> 30) & 1;
}

/* The next register after x that the generator may write. */
static uint32_t next_writable(uint32_t x) {
  x = (x + 1) & 31;
  while (x == DT_RWB || x == DT_RIDX || x == DT_RBASE || x == DT_RLOOP || x == 31)
    x = (x + 1) & 31;
  return x;
}

static uint32_t fix_SF32(const struct dt_tmpl *t, uint32_t w, int slot,
                         struct dt_rng *r) { /* 32-bit forms: shift amount / lsb below 32 */
  (void)t, (void)slot, (void)r;
  return sf(w) ? w : w & ~(1u << 15);
}

static uint32_t fix_BITF(const struct dt_tmpl *t, uint32_t w, int slot,
                         struct dt_rng *r) { /* N == sf; immr, imms < 32 in 32-bit forms */
  (void)t, (void)slot, (void)r;
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

static uint32_t fix_LOGIMM(const struct dt_tmpl *t, uint32_t w, int slot, struct dt_rng *r) {
  (void)t, (void)slot, (void)r;
  do {
    w = dt_set(w, 10, 6, dt_below(r, 64));
    w = dt_set(w, 22, 1, sf(w) ? dt_below(r, 2) : 0);
  } while (!logimm_ok(w));
  return w;
}

static uint32_t fix_HW(const struct dt_tmpl *t, uint32_t w, int slot,
                       struct dt_rng *r) { /* 32-bit MOVx: hw is 0 or 1 */
  (void)t, (void)slot, (void)r;
  return sf(w) ? w : w & ~(1u << 22);
}

static uint32_t fix_SHIFT(const struct dt_tmpl *t, uint32_t w, int slot,
                          struct dt_rng *r) { /* shift type ROR is reserved for add/sub */
  (void)t, (void)slot, (void)r;
  return dt_get(w, 22, 2) == 3 ? dt_set(w, 22, 2, dt_below(r, 3)) : w;
}

static uint32_t fix_EXT3(const struct dt_tmpl *t, uint32_t w, int slot,
                         struct dt_rng *r) { /* extend shift amount 0..4 */
  (void)t, (void)slot, (void)r;
  return dt_get(w, 10, 3) > 4 ? dt_set(w, 10, 3, dt_below(r, 5)) : w;
}

static uint32_t fix_OPT(const struct dt_tmpl *t, uint32_t w, int slot,
                        struct dt_rng *r) { /* option UXTW, LSL, SXTW, SXTX for register offsets */
  (void)t, (void)slot, (void)r;
  return w | 1u << 14;
}

static uint32_t
fix_UIMM(const struct dt_tmpl *t, uint32_t w, int slot,
         struct dt_rng *r) { /* unsigned scaled offset: stay within 2 KiB of the base */
  (void)t, (void)slot, (void)r;
  int scale = dt_get(w, 30, 2);
  if (dt_get(w, 26, 1) && dt_get(w, 23, 1))
    scale = 4; /* Q register */
  return dt_set(w, 10, 12, dt_below(r, 2048u >> scale));
}

static uint32_t
fix_IMM9(const struct dt_tmpl *t, uint32_t w, int slot,
         struct dt_rng *r) { /* writeback: small steps keep X26 inside the scratch buffer */
  (void)t, (void)slot, (void)r;
  return dt_set(w, 12, 9, (uint32_t)((int)dt_below(r, 128) - 64));
}

static uint32_t fix_IMM7(const struct dt_tmpl *t, uint32_t w, int slot, struct dt_rng *r) {
  (void)t, (void)slot, (void)r;
  return dt_set(w, 15, 7, (uint32_t)((int)dt_below(r, 16) - 8));
}

static uint32_t fix_PAIR(const struct dt_tmpl *t, uint32_t w, int slot,
                         struct dt_rng *r) { /* LDP Rt == Rt2 is UNPREDICTABLE */
  (void)t, (void)slot, (void)r;
  return dt_get(w, 10, 5) == dt_get(w, 0, 5) ? dt_set(w, 10, 5, next_writable(dt_get(w, 0, 5))) : w;
}

static uint32_t fix_VPAIR(const struct dt_tmpl *t, uint32_t w, int slot, struct dt_rng *r) {
  (void)t, (void)slot, (void)r;
  return dt_get(w, 10, 5) == dt_get(w, 0, 5) ? dt_set(w, 10, 5, dt_get(w, 0, 5) + 1) : w;
}

static uint32_t fix_EXCL(const struct dt_tmpl *t, uint32_t w, int slot,
                         struct dt_rng *r) { /* the status register differs from Rt, Rt2 */
  (void)t, (void)slot, (void)r;
  uint32_t s = dt_get(w, 16, 5);
  while (s == dt_get(w, 0, 5) || s == dt_get(w, 10, 5))
    s = next_writable(s);
  return dt_set(w, 16, 5, s);
}

static uint32_t
fix_BR(const struct dt_tmpl *t, uint32_t w, int slot,
       struct dt_rng *r) { /* forward, to a later slot or to the exit right after the last */
  int lo, width;
  dt_field(t->pat, 'o', &lo, &width);
  return dt_set(w, lo, width, 1 + dt_below(r, DT_SLOTS - slot));
}

static uint32_t fix_VSZQ(const struct dt_tmpl *t, uint32_t w, int slot,
                         struct dt_rng *r) { /* 1D arrangement is reserved */
  (void)t, (void)slot, (void)r;
  return dt_get(w, 22, 2) == 3 ? w | 1u << 30 : w;
}

static uint32_t fix_VNO64(const struct dt_tmpl *t, uint32_t w, int slot, struct dt_rng *r) {
  (void)t, (void)slot, (void)r;
  return dt_get(w, 22, 2) == 3 ? dt_set(w, 22, 2, dt_below(r, 3)) : w;
}

static uint32_t fix_VFQ(const struct dt_tmpl *t, uint32_t w, int slot,
                        struct dt_rng *r) { /* 1D arrangement is reserved for FP vector forms */
  (void)t, (void)slot, (void)r;
  return dt_get(w, 22, 1) ? w | 1u << 30 : w;
}

static uint32_t fix_SIZE12(const struct dt_tmpl *t, uint32_t w, int slot,
                           struct dt_rng *r) { /* halfword or word elements only */
  (void)t, (void)slot, (void)r;
  return dt_set(w, 22, 2, 1 + dt_below(r, 2));
}

static uint32_t fix_FP2OP(const struct dt_tmpl *t, uint32_t w, int slot, struct dt_rng *r) {
  (void)t, (void)slot, (void)r;
  return dt_get(w, 12, 4) > 8 ? dt_set(w, 12, 4, dt_below(r, 9)) : w;
}

static uint32_t fix_FRINT(const struct dt_tmpl *t, uint32_t w, int slot,
                          struct dt_rng *r) { /* opcode 001101 is unallocated */
  (void)t, (void)slot, (void)r;
  return dt_get(w, 15, 3) == 5 ? dt_set(w, 15, 3, 4) : w;
}

static uint32_t fix_FCMPZ(const struct dt_tmpl *t, uint32_t w, int slot,
                          struct dt_rng *r) { /* compare with zero: Rm is 0 */
  (void)t, (void)slot, (void)r;
  return (w & 8) ? dt_set(w, 16, 5, 0) : w;
}

static uint32_t fix_SCALE(const struct dt_tmpl *t, uint32_t w, int slot,
                          struct dt_rng *r) { /* 32-bit integer: fbits <= 32 */
  (void)t, (void)slot, (void)r;
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

static uint32_t fix_IMM5(const struct dt_tmpl *t, uint32_t w, int slot, struct dt_rng *r) {
  (void)t, (void)slot, (void)r;
  return imm5_nonzero(w, r);
}

static uint32_t fix_DUP(const struct dt_tmpl *t, uint32_t w, int slot,
                        struct dt_rng *r) { /* .2D needs Q */
  (void)t, (void)slot, (void)r;
  w = imm5_nonzero(w, r);
  return imm5_size(w) == 3 ? w | 1u << 30 : w;
}

static uint32_t fix_UMOV(const struct dt_tmpl *t, uint32_t w, int slot,
                         struct dt_rng *r) { /* Q is set exactly for the D lane */
  (void)t, (void)slot, (void)r;
  w = imm5_nonzero(w, r);
  return dt_set(w, 30, 1, imm5_size(w) == 3);
}

static uint32_t fix_SMOV(const struct dt_tmpl *t, uint32_t w, int slot,
                         struct dt_rng *r) { /* B, H to W; B, H, S to X */
  (void)t, (void)slot, (void)r;
  int size = dt_below(r, q(w) ? 3 : 2);
  uint32_t imm5 = (dt_below(r, 32) << (size + 1) | 1u << size) & 31;
  return dt_set(w, 16, 5, imm5);
}

static uint32_t fix_IMMH(const struct dt_tmpl *t, uint32_t w, int slot,
                         struct dt_rng *r) { /* immh != 0; 64-bit elements need Q */
  (void)t, (void)slot, (void)r;
  if (dt_get(w, 19, 4) == 0)
    w |= 1u << (19 + dt_below(r, 4));
  return dt_get(w, 22, 1) ? w | 1u << 30 : w;
}

static uint32_t
fix_NARROW(const struct dt_tmpl *t, uint32_t w, int slot,
           struct dt_rng *r) { /* narrowing and widening shifts: immh is 0001..0111 */
  (void)t, (void)slot, (void)r;
  w &= ~(1u << 22);
  return dt_get(w, 19, 3) ? w : w | 1u << (19 + dt_below(r, 3));
}

static uint32_t fix_SCSHIFT(const struct dt_tmpl *t, uint32_t w, int slot,
                            struct dt_rng *r) { /* scalar shifts by immediate: D only */
  (void)t, (void)slot, (void)r;
  return w | 1u << 22;
}

static uint32_t fix_ACROSS(const struct dt_tmpl *t, uint32_t w, int slot,
                           struct dt_rng *r) { /* no D; 4S only */
  (void)t, (void)slot, (void)r;
  uint32_t size = dt_below(r, 3);
  w = dt_set(w, 22, 2, size);
  return size == 2 ? w | 1u << 30 : w;
}

static uint32_t fix_EXT4(const struct dt_tmpl *t, uint32_t w, int slot, struct dt_rng *r) {
  (void)t, (void)slot, (void)r;
  return q(w) ? w : w & ~(1u << 14);
}

static uint32_t fix_MODIMM(const struct dt_tmpl *t, uint32_t w, int slot,
                           struct dt_rng *r) { /* FMOV .2D needs Q */
  (void)t, (void)slot, (void)r;
  return (dt_get(w, 29, 1) && dt_get(w, 12, 4) == 15) ? w | 1u << 30 : w;
}

static uint32_t fix_PERM(const struct dt_tmpl *t, uint32_t w, int slot,
                         struct dt_rng *r) { /* opcode x00 is unallocated */
  (void)t, (void)slot, (void)r;
  return dt_get(w, 12, 2) == 0 ? dt_set(w, 12, 2, 1 + dt_below(r, 3)) : w;
}

static uint32_t fix_FELEM(const struct dt_tmpl *t, uint32_t w, int slot,
                          struct dt_rng *r) { /* double: L = 0 and Q = 1 */
  (void)t, (void)slot, (void)r;
  return dt_get(w, 22, 1) ? (w & ~(1u << 21)) | 1u << 30 : w;
}

static uint32_t fix_LDSZQ(const struct dt_tmpl *t, uint32_t w, int slot,
                          struct dt_rng *r) { /* LD2/3/4 .1D is reserved */
  (void)t, (void)slot, (void)r;
  return dt_get(w, 10, 2) == 3 ? w | 1u << 30 : w;
}

static uint32_t fix_SHA3R(const struct dt_tmpl *t, uint32_t w, int slot, struct dt_rng *r) {
  (void)t, (void)slot, (void)r;
  return dt_get(w, 12, 3) == 7 ? dt_set(w, 12, 3, dt_below(r, 7)) : w;
}

static uint32_t fix_SHA2R(const struct dt_tmpl *t, uint32_t w, int slot, struct dt_rng *r) {
  (void)t, (void)slot, (void)r;
  return dt_get(w, 12, 2) == 3 ? dt_set(w, 12, 2, 1 + dt_below(r, 2)) : w;
}

static uint32_t fix_PMULL(const struct dt_tmpl *t, uint32_t w, int slot,
                          struct dt_rng *r) { /* 8B->8H or 1D->1Q */
  (void)t, (void)slot, (void)r;
  return dt_set(w, 22, 2, dt_below(r, 2) * 3);
}

static uint32_t fix_CRC(const struct dt_tmpl *t, uint32_t w, int slot,
                        struct dt_rng *r) { /* CRC32X is the only 64-bit form */
  (void)t, (void)slot, (void)r;
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
