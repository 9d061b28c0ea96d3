/* opt_regcache.c - redundant guest-state GET/PUT elimination within a block.
 *
 * One forward walk keeps two lists of byte ranges of the guest state:
 *  - known: ranges whose current value is an IR value (from a PUT or a GET).
 *    A GET of exactly a known (offset, type) is replaced by that value; a PUT
 *    of a known range's own value is redundant. A PUT drops every known range
 *    it overlaps (an i32 PUT inside an i64 slot blocks forwarding); a CALL
 *    (IRF_STATE) drops them all.
 *  - pending: PUTs nothing has observed yet. A later PUT that covers one
 *    entirely makes it dead. A GET of overlapping bytes, a CALL and the
 *    block's last exit observe them. A side exit or a memory access (a fault
 *    must see exact guest state) observes them softly: covered later, such a
 *    PUT stays, marked IR_PUT_DEFER (ir.h), for the backend to store on the
 *    exit paths and rebuild at faults only.
 * Applied to the flags slot this is dead-flag elimination; opt_dce then removes
 * the flag computations. Nothing here knows any guest's layout. A decoder's
 * blocks come with most redundant GETs never made (ir/ir_state.c, the same
 * forwarding as the block is built); this pass does the rest: PUTs, v128
 * halves, and the GETs other passes make redundant.
 */
#include <stdlib.h>
#include "opt_int.h"
#include "../ir/ir_eval.h"

static uint32_t opt_rc_size(enum ir_type t) {
  return t == IR_V128 ? 16 : ir_type_bits(t) / 8;
}

static int opt_overlaps(const struct opt_range *x, uint64_t off, uint32_t size) {
  return x->off < off + size && off < x->off + x->size;
}

static int opt_covers(uint64_t off, uint32_t size, const struct opt_range *x) {
  return off <= x->off && x->off + x->size <= off + size;
}

/* The bits of opt_ranges.seen for the granules [off, off + size) touches. A
 * filter in front of the lists' walks: a GET or PUT of a slot no range was
 * added at since the last clear (most PUTs: a register the block has not
 * read) walks neither list, and no loop of a length that varies ends in a
 * mispredicted branch. */
static uint64_t opt_granules(uint64_t off, uint32_t size) {
  if (size == 0 || size > 8 * 63)
    return ~0ull; /* no range has such a size: all bits, the walks decide */
  unsigned first = (unsigned)(off / 8) & 63, span = (unsigned)((off + size - 1) / 8 - off / 8);
  uint64_t ones = (2ull << span) - 1; /* span + 1 bits (span <= 63), rotated to the first */
  return ones << first | ones >> (-first & 63);
}

/* The bytes an access of the state reaches, with their granules: worked
 * out once for each GET and PUT, for all the walks and adds it makes. */
struct opt_span {
  uint64_t off;
  uint32_t size;
  uint64_t granules;
};

static struct opt_span opt_span_of(const struct ir_insn *i) {
  uint32_t size = opt_rc_size(i->type);
  return (struct opt_span){i->imm, size, opt_granules(i->imm, size)};
}

static void opt_ranges_drop(struct opt_ranges *s, uint32_t k) {
  s->n_v128 -= s->r[k].type == IR_V128;
  s->r[k] = s->r[--s->n];
}

/* Drop the ranges overlapping the span: mostly one or none. */
static void opt_ranges_drop_overlaps(struct opt_ranges *s, struct opt_span a) {
  if (!(s->seen & a.granules))
    return;
  for (uint32_t k = s->n; k-- > 0;)
    if (opt_overlaps(&s->r[k], a.off, a.size))
      opt_ranges_drop(s, k);
}

static void opt_ranges_clear(struct opt_ranges *s) {
  s->n = s->n_v128 = 0;
  s->seen = 0;
}

static inline __attribute__((always_inline)) void opt_ranges_add(struct opt_ranges *s,
                                                                 const struct ir_insn *i,
                                                                 struct opt_span a, uint32_t ref,
                                                                 uint32_t epoch) {
  s->r[s->n++] = (struct opt_range){i->imm, (uint16_t)a.size, i->type, epoch, ref};
  s->n_v128 += i->type == IR_V128;
  s->seen |= a.granules;
}

/* The known range at off of type t, or NULL. */
static const struct opt_range *opt_rc_known_at(struct opt_rc *rc, uint64_t off, enum ir_type t) {
  if (!(rc->known.seen & opt_granules(off, 1)))
    return NULL;
  for (uint32_t k = 0; k < rc->known.n; k++)
    if (rc->known.r[k].off == off && rc->known.r[k].type == t)
      return &rc->known.r[k];
  return NULL;
}

static const struct opt_range *opt_rc_known(struct opt_rc *rc, const struct ir_insn *i) {
  return opt_rc_known_at(rc, i->imm, (enum ir_type)i->type);
}

/* Pending PUTs overlapping the span have been observed. */
static void opt_rc_observe(struct opt_rc *rc, struct opt_span a) {
  if (!(rc->pending.seen & a.granules))
    return;
  for (uint32_t k = rc->pending.n; k-- > 0;)
    if (opt_overlaps(&rc->pending.r[k], a.off, a.size))
      opt_ranges_drop(&rc->pending, k);
}

/* A v128 GET of bytes known as two i64 halves, the high one 0 (a scalar
 * result: the guest zeroes the rest of its vector register) becomes that
 * low value zero-extended, not a 16-byte load of two 8-byte stores, which
 * the store buffer cannot forward. An i64 GET of a half of a known v128 is
 * that half: the i64 a VZEXT64 made for the low one, else the lane, taken
 * from the value (VEXTRACT), not loaded back. True when r was one. */
static int opt_rc_get_halves(struct opt_rc *rc, uint32_t r) {
  struct ir_insn *i = &rc->b->insn[r];
  if (i->type == IR_I64) {
    if (!rc->known.n_v128)
      return 0; /* most blocks: no vector register known */
    unsigned lane = 0;
    const struct opt_range *v = opt_rc_known_at(rc, i->imm, IR_V128);
    if (!v && i->imm >= 8 && (v = opt_rc_known_at(rc, i->imm - 8, IR_V128)))
      lane = 1;
    if (!v)
      return 0;
    const struct ir_insn *z = &rc->b->insn[v->ref];
    if (!lane && z->op == IR_VZEXT64 && rc->b->insn[z->a].type == IR_I64) {
      opt_replace(rc->b, rc->repl, r, z->a);
      return 1;
    }
    struct ir_insn get = *i; /* its slot is known from here: this value */
    *i = (struct ir_insn){.op = IR_VEXTRACT, .type = IR_I64, .aux = 3, .a = v->ref, .imm = lane};
    opt_ranges_add(&rc->known, &get, opt_span_of(&get), r, 0);
    return 1;
  }
  const struct opt_range *lo = opt_rc_known_at(rc, i->imm, IR_I64);
  const struct opt_range *hi = opt_rc_known_at(rc, i->imm + 8, IR_I64);
  if (i->type != IR_V128 || !lo || !hi || !ir_is_const(rc->b, hi->ref) ||
      rc->b->insn[hi->ref].imm != 0)
    return 0;
  struct ir_insn get = *i; /* its slot is known from here: this value */
  *i = (struct ir_insn){.op = IR_VZEXT64, .type = IR_V128, .a = lo->ref};
  opt_ranges_add(&rc->known, &get, opt_span_of(&get), r, 0);
  return 1;
}

static void opt_rc_get(struct opt_rc *rc, uint32_t r) {
  const struct ir_insn *i = &rc->b->insn[r];
  const struct opt_range *k = opt_rc_known(rc, i);
  if (k) {
    opt_replace(rc->b, rc->repl, r, k->ref);
    return;
  }
  if (opt_rc_get_halves(rc, r))
    return;
  struct opt_span a = opt_span_of(i);
  opt_rc_observe(rc, a);
  opt_ranges_add(&rc->known, i, a, r, 0);
}

/* Pending PUTs that a PUT of the span overwrites entirely are dead, or deferred
 * when a side exit or a memory access saw them. */
static void opt_rc_kill_covered(struct opt_rc *rc, struct opt_span a) {
  if (!(rc->pending.seen & a.granules))
    return;
  for (uint32_t k = rc->pending.n; k-- > 0;) {
    const struct opt_range *p = &rc->pending.r[k];
    if (!opt_covers(a.off, a.size, p))
      continue;
    if (p->epoch != rc->epoch) /* seen */
      rc->b->insn[p->ref].aux |= IR_PUT_DEFER;
    else
      opt_nop(rc->b, p->ref);
    opt_ranges_drop(&rc->pending, k);
  }
}

/* A side exit or a memory access: the pending PUTs are seen (a new epoch). */
static void opt_rc_soft_observe(struct opt_rc *rc) {
  rc->epoch++;
}

/* A v128 PUT of VZEXT64 of an i64 (a scalar the guest zero-extends into
 * its vector register, or a vector op made scalar, opt_vscalar.c) becomes
 * two PUTs of its i64 halves, the high one 0: the low one in a NOP slot
 * just before r (nothing between observes the state), r the high one. So
 * the value stays in a general register, as for the GETs of halves that
 * read it (opt_rc_get_halves), and a host's loop can carry it in one.
 * Returns the slot (its PUT is to be seen before r's), or 0. */
static uint32_t opt_rc_split(struct opt_rc *rc, uint32_t r) {
  struct ir_block *b = rc->b;
  struct ir_insn *i = &b->insn[r];
  uint32_t x = b->insn[i->a].a, s = r, zero;
  if (!rc->cf || i->type != IR_V128 || b->insn[i->a].op != IR_VZEXT64 || b->insn[x].type != IR_I64)
    return 0;
  while (--s > x && b->insn[s].op != IR_NOP)
    if (ir_op_info[b->insn[s].op].flags || s + 8 < r)
      return 0;
  if (s <= x || !(zero = opt_cf_const_before(rc->cf, s, IR_I64, 0)))
    return 0;
  b->insn[s] = (struct ir_insn){.op = IR_PUT, .type = IR_I64, .aux = i->aux, .a = x, .imm = i->imm};
  *i = (struct ir_insn){.op = IR_PUT, .type = IR_I64, .aux = i->aux, .a = zero, .imm = i->imm + 8};
  return s;
}

static void opt_rc_put(struct opt_rc *rc, uint32_t r) {
  const struct ir_insn *i = &rc->b->insn[r];
  const struct opt_range *k = opt_rc_known(rc, i);
  if (k && k->ref == i->a) {
    opt_nop(rc->b, r); /* the state already holds this value */
    return;
  }
  struct opt_span a = opt_span_of(i);
  opt_rc_kill_covered(rc, a);
  opt_ranges_drop_overlaps(&rc->known, a);
  opt_ranges_add(&rc->known, i, a, i->a, 0);
  opt_ranges_add(&rc->pending, i, a, r, rc->epoch);
}

void opt_rc_insn(struct opt_rc *rc, uint32_t r) {
  enum ir_op op = rc->b->insn[r].op;
  unsigned flags = ir_op_info[op].flags;
  if (op == IR_GET)
    opt_rc_get(rc, r);
  else if (op == IR_PUT) {
    uint32_t lo = opt_rc_split(rc, r);
    for (uint32_t p = lo ? lo : r;; p = r) { /* one call: the low half's PUT first */
      opt_rc_put(rc, p);
      if (p == r)
        break;
    }
  } else if (flags & IRF_STATE) /* CALL: may read and write any state */
    opt_ranges_clear(&rc->known), opt_ranges_clear(&rc->pending);
  else if (flags & IRF_END)
    opt_ranges_clear(&rc->pending);
  else if (flags & (IRF_MEM | IRF_EXIT))
    opt_rc_soft_observe(rc);
}

/* Insn r was replaced by with after this pass saw it: where r was a GET
 * whose value it made known (the newest range; a GET it rewrote in place
 * as a lane, opt_rc_get_halves, which CSE then merged), the range knows
 * with instead. */
void opt_rc_replaced(struct opt_rc *rc, uint32_t r, uint32_t with) {
  if (rc->known.n && rc->known.r[rc->known.n - 1].ref == r)
    rc->known.r[rc->known.n - 1].ref = with;
}

void opt_rc_begin(struct opt_rc *rc, struct ir_block *b, uint32_t *repl) {
  *rc = (struct opt_rc){.b = b, .repl = repl};
  rc->known.r = ir_scratch_raw(b, b->n * sizeof(struct opt_range)); /* filled up to .n */
  rc->pending.r = ir_scratch_raw(b, b->n * sizeof(struct opt_range));
}

void opt_rc_end(struct opt_rc *rc) {
  (void)rc; /* its tables are scratch memory */
}
