/* opt_vperm.c - byte permutations. A rotation of each lane by whole bytes
 * (how a decoder writes A64's REV16/REV32/REV64 and SHA-256's swap of the
 * words of each 64-bit lane: two shifts ORed) only moves bytes, so it is a
 * VTBL with a constant table, and a VTBL of a VTBL with constant tables is
 * one VTBL:
 *
 *   vor(vshru.L(x, k), vshl.L(x, L - k)), k a multiple of 8   = vtbl(x, P)
 *   vtbl(vtbl(x, P1), P2)                                      = vtbl(x, P1[P2])
 *
 * and a chain of byte moves (VTBLs with constant tables, zips of 64-bit
 * lanes) that puts every byte of one value back where it was is that value:
 * a state taken to another layout and back (SHA256H's {A,B,C,D} to x86's
 * {F,E,B,A} and back, between two rounds) costs nothing.
 *
 * A host moves bytes by a table in one instruction (x86
 * pshufb, or pshufd where the table moves whole 32-bit words, Arm TBL,
 * RVV vrgather) where the shifts take three. The table is a new VCONST in
 * a NOP slot before the op (room is asked for where there is none).
 */
#include <stdbool.h>
#include "opt_int.h"

enum { OPT_VP_DEPTH = 6 }; /* byte moves followed back (opt_vp_source) */

/* Whether p is vshru.L(x, k) and q vshl.L(x, L - k) of the same x, with k
 * a whole number of bytes and L at least 16 bits: then *x and *k. */
static int opt_vp_halves(const struct ir_block *b, uint32_t p, uint32_t q, uint32_t *x,
                         unsigned *k) {
  const struct ir_insn *r = &b->insn[p], *l = &b->insn[q];
  unsigned bits = 8u << r->aux;
  if (r->op != IR_VSHRU || l->op != IR_VSHL || r->aux != l->aux || r->a != l->a || !r->aux ||
      r->aux > 3 || !r->imm || r->imm >= bits || r->imm % 8 || l->imm != bits - r->imm)
    return 0;
  *x = r->a;
  *k = (unsigned)r->imm / 8;
  return 1;
}

/* The table that does t1, then t2 (an index of 16 or more makes a 0). */
static struct ir_v128 opt_vp_compose(const struct ir_v128 *t1, const struct ir_v128 *t2) {
  struct ir_v128 t = {0, 0};
  for (unsigned j = 0; j < 16; j++) {
    uint8_t i = ir_v128_byte(t2, j);
    ir_v128_set_byte(&t, j, i < 16 ? ir_v128_byte(t1, i) : 0xff);
  }
  return t;
}

/* A VCONST of t before r: one made before (so that equal VTBLs are one
 * for CSE), else a new one in a NOP slot; 0 if none (room asked for). */
static uint32_t opt_vp_table(struct opt_cf *cf, uint32_t r, struct ir_v128 t) {
  struct ir_block *b = cf->b;
  unsigned n = sizeof(cf->tables) / sizeof(cf->tables[0]), k = 0;
  for (; k < n && cf->tables[k]; k++) {
    const struct ir_v128 *v = &b->vconst[b->insn[cf->tables[k]].imm];
    if (v->lo == t.lo && v->hi == t.hi)
      return cf->tables[k];
  }
  uint32_t s = opt_nop_before(b, 0, r);
  if (!s) {
    opt_room_want(cf->room, r, 1);
    return 0;
  }
  b->insn[s] =
      (struct ir_insn){.op = IR_VCONST, .type = IR_V128, .imm = ir_vconst_pool(b, t.lo, t.hi)};
  if (k < n)
    cf->tables[k] = s;
  return s;
}

/* r becomes vtbl(x, a VCONST of t: opt_vp_table);
 * where x is a vtbl with a constant table already, of x's operand with
 * the two tables made one. */
static int opt_vp_make(struct opt_cf *cf, uint32_t r, uint32_t x, struct ir_v128 t) {
  struct ir_block *b = cf->b;
  const struct ir_insn *in = &b->insn[x];
  if (in->op == IR_VTBL && b->insn[in->b].op == IR_VCONST) { /* a permutation already */
    struct ir_v128 t1 = b->vconst[b->insn[in->b].imm];
    t = opt_vp_compose(&t1, &t);
    x = in->a;
  }
  uint32_t s = opt_vp_table(cf, r, t);
  if (!s)
    return 0;
  b->insn[r] = (struct ir_insn){.op = IR_VTBL, .type = IR_V128, .a = x, .b = s};
  return 1;
}

/* Where byte j of the v128 at ref comes from through at most depth byte
 * moves (VTBL with a constant table, VZIP1/VZIP2 of 64-bit lanes): *src
 * and *at; false for a byte made 0. */
static bool opt_vp_source(const struct ir_block *b, uint32_t ref, unsigned j, unsigned depth,
                          uint32_t *src, unsigned *at) {
  for (; depth; depth--) {
    const struct ir_insn *i = &b->insn[ref];
    if ((i->op == IR_VZIP1 || i->op == IR_VZIP2) && i->aux == 3) {
      ref = j < 8 ? i->a : i->b;
      j = j % 8 + (i->op == IR_VZIP2 ? 8 : 0);
    } else if (i->op == IR_VTBL && b->insn[i->b].op == IR_VCONST) {
      j = ir_v128_byte(&b->vconst[b->insn[i->b].imm], j);
      if (j >= 16)
        return false;
      ref = i->a;
    } else {
      break;
    }
  }
  *src = ref;
  *at = j;
  return true;
}

/* The value whose bytes r's byte moves put back where they were (a state
 * taken to another layout and back, as SHA256H's), or 0. */
static uint32_t opt_vp_round_trip(const struct ir_block *b, uint32_t r) {
  uint32_t base = 0, src;
  unsigned at;
  for (unsigned j = 0; j < 16; j++) {
    if (!opt_vp_source(b, r, j, OPT_VP_DEPTH, &src, &at) || at != j || src == r ||
        (base && src != base))
      return 0;
    base = src;
  }
  return base;
}

/* A VOR that is a rotation, or a VTBL of a VTBL, made one VTBL; true if so. */
static int opt_vp_tables(struct opt_cf *cf, uint32_t r) {
  struct ir_block *b = cf->b;
  const struct ir_insn *i = &b->insn[r], *in = &b->insn[i->a];
  uint32_t x;
  unsigned k;
  if (i->op == IR_VOR &&
      (opt_vp_halves(b, i->a, i->b, &x, &k) || opt_vp_halves(b, i->b, i->a, &x, &k)))
    return opt_vp_make(cf, r, x, ir_vtbl_rotation(b->insn[i->a].aux, k));
  if (i->op != IR_VTBL || in->op != IR_VTBL || b->insn[i->b].op != IR_VCONST ||
      b->insn[in->b].op != IR_VCONST)
    return 0;
  return opt_vp_make(cf, r, i->a, b->vconst[b->insn[i->b].imm]);
}

int opt_cf_vperm(struct opt_cf *cf, uint32_t r) {
  struct ir_block *b = cf->b;
  int made = opt_vp_tables(cf, r);
  enum ir_op op = b->insn[r].op;
  uint32_t x;
  if ((op == IR_VTBL || op == IR_VZIP1 || op == IR_VZIP2) && (x = opt_vp_round_trip(b, r))) {
    opt_replace(b, cf->repl, r, x);
    return 1;
  }
  return made;
}
