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
 * the flag computations. Nothing here knows any guest's layout.
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

static void opt_ranges_drop(struct opt_ranges *s, uint32_t k) {
  s->r[k] = s->r[--s->n];
}

static inline __attribute__((always_inline)) void
opt_ranges_add(struct opt_ranges *s, const struct ir_insn *i, uint32_t ref, uint32_t epoch) {
  s->r[s->n++] = (struct opt_range){i->imm, opt_rc_size(i->type), i->type, epoch, ref};
}

static struct opt_range *opt_rc_known(struct opt_rc *rc, const struct ir_insn *i) {
  for (uint32_t k = 0; k < rc->known.n; k++)
    if (rc->known.r[k].off == i->imm && rc->known.r[k].type == i->type)
      return &rc->known.r[k];
  return NULL;
}

/* Pending PUTs overlapping [off, off+size) have been observed. */
static void opt_rc_observe(struct opt_rc *rc, uint64_t off, uint32_t size) {
  for (uint32_t k = rc->pending.n; k-- > 0;)
    if (opt_overlaps(&rc->pending.r[k], off, size))
      opt_ranges_drop(&rc->pending, k);
}

static void opt_rc_get(struct opt_rc *rc, uint32_t r) {
  const struct ir_insn *i = &rc->b->insn[r];
  const struct opt_range *k = opt_rc_known(rc, i);
  if (k) {
    opt_replace(rc->b, rc->repl, r, k->ref);
    return;
  }
  opt_rc_observe(rc, i->imm, opt_rc_size(i->type));
  opt_ranges_add(&rc->known, i, r, 0);
}

/* Pending PUTs that the PUT i overwrites entirely are dead, or deferred
 * when a side exit or a memory access saw them. */
static void opt_rc_kill_covered(struct opt_rc *rc, const struct ir_insn *i) {
  uint32_t size = opt_rc_size(i->type);
  for (uint32_t k = rc->pending.n; k-- > 0;) {
    const struct opt_range *p = &rc->pending.r[k];
    if (!opt_covers(i->imm, size, p))
      continue;
    if (p->epoch != rc->epoch) /* seen */
      rc->b->insn[p->ref].aux |= IR_PUT_DEFER;
    else
      opt_nop(rc->b, p->ref);
    opt_ranges_drop(&rc->pending, k);
  }
}

/* A side exit or a memory access: vectors are observed, the rest seen (a
 * new epoch). */
static void opt_rc_soft_observe(struct opt_rc *rc) {
  if (rc->pending_vec) {
    for (uint32_t k = rc->pending.n; k-- > 0;)
      if (rc->pending.r[k].type == IR_V128)
        opt_ranges_drop(&rc->pending, k);
    rc->pending_vec = 0;
  }
  rc->epoch++;
}

static void opt_rc_put(struct opt_rc *rc, uint32_t r) {
  const struct ir_insn *i = &rc->b->insn[r];
  const struct opt_range *k = opt_rc_known(rc, i);
  if (k && k->ref == i->a) {
    opt_nop(rc->b, r); /* the state already holds this value */
    return;
  }
  opt_rc_kill_covered(rc, i);
  uint32_t size = opt_rc_size(i->type);
  for (uint32_t n = rc->known.n; n-- > 0;)
    if (opt_overlaps(&rc->known.r[n], i->imm, size))
      opt_ranges_drop(&rc->known, n);
  opt_ranges_add(&rc->known, i, i->a, 0);
  opt_ranges_add(&rc->pending, i, r, rc->epoch);
  rc->pending_vec += i->type == IR_V128;
}

void opt_rc_insn(struct opt_rc *rc, uint32_t r) {
  enum ir_op op = rc->b->insn[r].op;
  unsigned flags = ir_op_info[op].flags;
  if (op == IR_GET)
    opt_rc_get(rc, r);
  else if (op == IR_PUT)
    opt_rc_put(rc, r);
  else if (flags & IRF_STATE) /* CALL: may read and write any state */
    rc->known.n = rc->pending.n = 0;
  else if (flags & IRF_END)
    rc->pending.n = 0;
  else if (flags & (IRF_MEM | IRF_EXIT))
    opt_rc_soft_observe(rc);
}

void opt_rc_begin(struct opt_rc *rc, struct ir_block *b, uint32_t *repl) {
  *rc = (struct opt_rc){.b = b, .repl = repl};
  rc->known.r = ir_scratch_raw(b, b->n * sizeof(struct opt_range)); /* filled up to .n */
  rc->pending.r = ir_scratch_raw(b, b->n * sizeof(struct opt_range));
}

void opt_rc_end(struct opt_rc *rc) {
  (void)rc; /* its tables are scratch memory */
}
