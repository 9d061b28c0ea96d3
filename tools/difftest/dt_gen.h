/* dt_gen.h - private header of the host-side generator (difftest-gen). */
#ifndef DT_GEN_H
#define DT_GEN_H

#include "difftest.h"
#include <stdint.h>

/* Instruction classes; a template may belong to several. */
#define DT_CLASSES(_)                                                                              \
  _(INT, "int")                                                                                    \
  _(FLAGS, "flags")                                                                                \
  _(BRANCH, "branch")                                                                              \
  _(LDST, "ldst")                                                                                  \
  _(ATOMIC, "atomic")                                                                              \
  _(FP, "fp")                                                                                      \
  _(SIMD, "simd")                                                                                  \
  _(CRYPTO, "crypto")                                                                              \
  _(LOOP, "loop")                                                                                  \
  _(EXT, "ext")                                                                                    \
  _(EXTFPCR, "ext-fpcr")

enum dt_class_id {
#define DT_CLASS_ENUM(id, name) DT_##id,
  DT_CLASSES(DT_CLASS_ENUM)
#undef DT_CLASS_ENUM
      DT_NCLASSES
};
#define C(id) (1u << DT_##id)

/* Template fix-ups, applied in this order after the fields are filled in.
 * Each keeps a random encoding inside the allocated, predictable space. */
// clang-format off
#define DT_FIXES(_) \
  _(SF32) _(BITF) _(LOGIMM) _(HW) _(SHIFT) _(EXT3) _(OPT) _(UIMM) \
  _(IMM9) _(IMM7) _(PAIR) _(VPAIR) _(EXCL) _(BR) _(VSZQ) _(VNO64) \
  _(VFQ) _(SIZE12) _(FP2OP) _(FRINT) _(FCMPZ) _(SCALE) _(DUP) _(IMM5) \
  _(UMOV) _(SMOV) _(IMMH) _(NARROW) _(SCSHIFT) _(ACROSS) _(EXT4) _(MODIMM) \
  _(PERM) _(FELEM) _(LDSZQ) _(SHA3R) _(SHA2R) _(PMULL) _(CRC)
// clang-format on

enum dt_fix_bit {
#define DT_FIX_ENUM(name) DT_FIXBIT_##name,
  DT_FIXES(DT_FIX_ENUM)
#undef DT_FIX_ENUM
      DT_NFIXES
};

/* Flags of a template: ZR lets register fields be 31 (XZR), WB marks a
 * writeback form (base X26), F(x) selects a fix-up. */
#define ZR   (1ull << 62)
#define WB   (1ull << 61)
#define F(x) (1ull << DT_FIXBIT_##x)

/* A template: the 32-bit pattern, MSB first. '0'/'1' fixed, '?'/'i'/'c'
 * random, 'o' forward branch offset, 'd','t','u','r' written GPRs, 'n','m','a'
 * read GPRs, 'b' memory base (X28/X26), 'B' aligned base (X28), 'x' index
 * register (X27), 'v','w','y','z' FP/SIMD registers. */
struct dt_tmpl {
  const char *name;
  const char *pat;
  unsigned classes;
  unsigned long long flags;
};

extern const struct dt_tmpl dt_tmpls[];
extern const int dt_ntmpls;
extern const char *const dt_class_names[];

/* A random source (xorshift64*). */
struct dt_rng {
  uint64_t s;
};
uint64_t dt_rand(struct dt_rng *r);
static inline unsigned dt_below(struct dt_rng *r, unsigned n) {
  return (unsigned)(dt_rand(r) % n);
}

/* Field access on a 32-bit word. */
static inline uint32_t dt_get(uint32_t w, int lo, int width) {
  return (w >> lo) & ((1u << width) - 1);
}
static inline uint32_t dt_set(uint32_t w, int lo, int width, uint32_t v) {
  uint32_t m = ((1u << width) - 1) << lo;
  return (w & ~m) | ((v << lo) & m);
}

/* Where a letter sits in a pattern; returns 0 when absent. */
int dt_field(const char *pat, char letter, int *lo, int *width);

/* One instruction from template t for slot `slot` of a sequence. */
uint32_t dt_encode(const struct dt_tmpl *t, int slot, struct dt_rng *r);
uint32_t dt_fix(const struct dt_tmpl *t, uint32_t w, int slot, struct dt_rng *r);

#endif
