/* rv_gen.h - private header of the riscv64 generator (difftest-gen-rv64). */
#ifndef RV_GEN_H
#define RV_GEN_H

#include "rv_difftest.h"
#include <stdint.h>

/* Instruction classes; a template may belong to several. */
#define RV_CLASSES(_)                                                                              \
  _(INT, "int")                                                                                    \
  _(BITMANIP, "bitmanip")                                                                          \
  _(COMPRESSED, "compressed")                                                                      \
  _(LDST, "ldst")                                                                                  \
  _(ATOMIC, "atomic")                                                                              \
  _(FP, "fp")                                                                                      \
  _(BRANCH, "branch")                                                                              \
  _(VECTOR, "vector")                                                                              \
  _(VECTORFP, "vectorfp")                                                                          \
  _(VECTORCVT16, "vectorcvt16")                                                                    \
  _(LOOP, "loop")

enum rv_class_id {
#define RV_CLASS_ENUM(id, name) RV_##id,
  RV_CLASSES(RV_CLASS_ENUM)
#undef RV_CLASS_ENUM
      RV_NCLASSES
};
#define C(id) (1u << RV_##id)

/* Fix-ups, applied after the fields are filled in (rv_templates.c). */
// clang-format off
#define RV_FIXES(_) \
  _(BR) _(JAL) _(JALR) _(CJ) _(CB) _(NZRD) _(NZRS2) _(NZIMM6) _(SP16) _(CIW) _(CSR) \
  _(VM) _(VW) _(VTYPE) _(VTYPEF) _(VTYPE16) _(VCSR) _(VCSRW)
// clang-format on

enum rv_fix_bit {
#define RV_FIX_ENUM(name) RV_FIXBIT_##name,
  RV_FIXES(RV_FIX_ENUM)
#undef RV_FIX_ENUM
      RV_NFIXES
};
#define F(x) (1u << RV_FIXBIT_##x)

/* A template: the 32- or 16-bit pattern, MSB first, spaces ignored.
 * '0'/'1' fixed, 'i' random, 'o' branch offset (set by a fix-up),
 * 'd' written GPR, 's','t' read GPRs, 'D','S','T','R' FP registers,
 * 'p' written GPR x8..x15 (3 bits), 'q' read GPR x8..x15, 'P' FP f8..f15,
 * 'k' the C base s1 (3 bits), 'b' load/store base x27, 'a' LR/SC/AMO
 * base x26, 'c' the code page x25, 'r' a valid rounding mode, 'v' 'w' 'u'
 * vector registers (vd, vs2, vs1). */
struct rv_tmpl {
  const char *name;
  const char *pat;
  unsigned classes;
  unsigned fixes;
};

extern const struct rv_tmpl rv_tmpls[];
extern const int rv_ntmpls;
extern const char *const rv_class_names[];

/* A random source (xorshift64*). */
struct rv_rng {
  uint64_t s;
};
uint64_t rv_rand(struct rv_rng *r);
static inline unsigned rv_below(struct rv_rng *r, unsigned n) {
  return (unsigned)(rv_rand(r) % n);
}

static inline uint32_t rv_get(uint32_t w, int lo, int width) {
  return (w >> lo) & ((1u << width) - 1);
}
static inline uint32_t rv_set(uint32_t w, int lo, int width, uint32_t v) {
  uint32_t m = ((1u << width) - 1) << lo;
  return (w & ~m) | ((v << lo) & m);
}

/* Bits in the template (32 or 16). */
int rv_width(const struct rv_tmpl *t);

/* One instruction from template t at byte offset `pos` of the code page. */
uint32_t rv_encode(const struct rv_tmpl *t, int pos, struct rv_rng *r);
uint32_t rv_fix(const struct rv_tmpl *t, uint32_t w, int pos, struct rv_rng *r);

#endif
