/* x64_defer.c - guest-state stores kept off the hot path (IR_PUT_DEFER).
 *
 * A deferred PUT is a store a later PUT overwrites before the block ends;
 * only side exits and faults can see it in between. So it is stored on the
 * path of each exit taken while it is pending, and each load or store while
 * it is pending records where its value is (a register, a spill slot, a
 * constant; for lazy flags the flags op's operands; a vector's xmm register
 * or spill slot), so that a fault there writes it into the guest state
 * before the guest's signal is delivered:
 *
 *   put.defer x1 = v; exit.if c -> L; load [a]; put x1 = w
 *     ->  jcc skip; mov [r14+x1], v; jmp L; skip: mov r, [a] (pcmap: x1 = v's register)
 *
 * The records are the block's tc_block.defer, saved with its code by the
 * persistent cache: they have no padding (every byte is a field, zero when
 * unused), and a constant that is a guest address is marked so, for
 * x64_relocate_data.
 */
#define _GNU_SOURCE /* REG_* of ucontext */
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include "x64.h"
#include "../ir/ir_cc.h"

/* Where a value is at one host instruction. */
struct x64_where {
  uint8_t kind; /* enum x64_loc_kind */
  uint8_t reg;
  uint16_t slot;
  uint8_t guest; /* X64_LOC_CONST: value is a guest address (IR_CONST_GUEST) */
  uint8_t unused[3];
  uint64_t value; /* X64_LOC_CONST */
};

/* One deferred store that a fault at one memory access must make. */
struct x64_defer_rec {
  uint32_t state_off;
  uint8_t size;        /* 4, 8 or 16 (a: an xmm); 0: lazy flags, lazy_op of a and b;
                          X64_REC_GUARD: the guard of a flags select (below) */
  uint8_t clears_lazy; /* a nibble stored to the flags slot: lazy_op = 0 too */
  uint8_t guard_cc;    /* X64_REC_GUARD: the condition on lazy_op of a and b */
  uint8_t guard_k;     /* X64_REC_GUARD: the nibble where it fails */
  uint32_t lazy_op;
  uint32_t freed; /* X64_DEFER_MARK: the pinned slots the loop block freed (x64_loop.c) */
  struct x64_where a, b;
};
_Static_assert(sizeof(struct x64_where) == 16 && sizeof(struct x64_defer_rec) == 48,
               "deferred-state records have no padding");

/* A flags select (x64_fuse.c) takes two records: a guard, lazy flags f1
 * and the condition on them, then f2's lazy flags. Where the condition
 * fails, the guard stores the nibble k and the next record is skipped. */
enum { X64_REC_GUARD = 1 };

static uint32_t x64_put_size(const struct ir_insn *in) {
  return in->type == IR_V128 ? 16 : in->type == IR_I64 ? 8 : 4;
}

/* The first PUT after the k-th, p, whose bytes cover p's, within 512
 * instructions; else the block's end. It walks the PUTs (x64_fuse_init's
 * list), not every instruction. */
static uint32_t x64_defer_end(const struct x64_ctx *x, uint32_t k) {
  const struct ir_block *b = x->ir;
  uint32_t p = x->puts[k];
  const struct ir_insn *d = &b->insn[p];
  for (uint32_t j = k + 1; j < x->n_puts && x->puts[j] < p + 512; j++) {
    const struct ir_insn *in = &b->insn[x->puts[j]];
    if (in->imm <= d->imm && d->imm + x64_put_size(d) <= in->imm + x64_put_size(in))
      return x->puts[j];
  }
  return b->n;
}

static int x64_overlaps(const struct ir_insn *a, const struct ir_insn *b) {
  return a->imm < b->imm + x64_put_size(b) && b->imm < a->imm + x64_put_size(a);
}

/* The last instruction after PUT p and before end that can see p's bytes in
 * the guest state (a memory access that may fault, an exit, a call, a GET or
 * PUT of any of them), or p: a value p stores is needed until there only. */
uint32_t x64_last_observer(const struct ir_block *b, uint32_t p, uint32_t end) {
  const struct ir_insn *d = &b->insn[p];
  for (uint32_t i = end; --i > p;) {
    const struct ir_insn *in = &b->insn[i];
    if ((ir_op_info[in->op].flags & (IRF_MEM | IRF_EXIT | IRF_STATE | IRF_END)) &&
        in->op != IR_GET && in->op != IR_PUT)
      return i;
    if ((in->op == IR_GET || in->op == IR_PUT) && x64_overlaps(in, d))
      return i;
  }
  return p;
}

/* Lifetimes: what a deferred PUT reads stays live until the PUT that ends it.
 * In a block that loops back to its start, a deferred PUT in the loop that
 * only a PUT after the loop ends is stored where it stands (x->eager):
 * every back edge would store it anyway, and its value need not stay in a
 * register until there. */
int x64_defer_init(struct x64_ctx *x) {
  const struct ir_block *b = x->ir;
  uint32_t loop_end = x->loop.end = x64_loop_end_of(b, x->back_edge); /* for x64_loop_init too */
  x->eager = loop_end ? ir_scratch(b, b->n) : NULL;
  for (uint32_t k = 0; k < x->n_puts; k++) { /* the PUTs (x64_fuse_init) */
    uint32_t p = x->puts[k];
    const struct ir_insn *in = &b->insn[p];
    if (!(in->aux & IR_PUT_DEFER) || x64_pin_puts(in))
      continue;
    uint32_t end = x64_defer_end(x, k), v[6];
    if (x->eager && p < loop_end && end > loop_end && !x64_is_lazy_put(b, in)) {
      x->eager[p] = 1;
      continue;
    }
    if (end < b->n)
      end = x64_last_observer(b, p, end);
    for (unsigned k = 0, n = x64_reads(x, p, v); k < n; k++)
      if (x->ra.last_use[v[k]] < end)
        x->ra.last_use[v[k]] = end;
  }
  return 0;
}

static int x64_covers(const struct ir_insn *a, const struct ir_insn *b) {
  return a->imm <= b->imm && b->imm + x64_put_size(b) <= a->imm + x64_put_size(a);
}

static void x64_defer_drop(struct x64_ctx *x, unsigned k) {
  x->defer_set[k] = x->defer_set[--x->n_defer_set];
}

/* A PUT at ref: the deferred stores it overwrites are done with; one it
 * overlaps without covering is stored first, so the bytes end as the guest's. */
void x64_defer_before_put(struct x64_ctx *x, uint32_t ref,
                          void (*store)(struct x64_ctx *, uint32_t)) {
  const struct ir_insn *in = &x->ir->insn[ref];
  for (unsigned k = x->n_defer_set; k-- > 0;) {
    const struct ir_insn *d = &x->ir->insn[x->defer_set[k]];
    if (!x64_overlaps(in, d))
      continue;
    if (!x64_covers(in, d))
      store(x, x->defer_set[k]);
    x64_defer_drop(x, k);
  }
}

/* Lower PUT ref with store(): now, or deferred. */
void x64_defer_put(struct x64_ctx *x, uint32_t ref, void (*store)(struct x64_ctx *, uint32_t)) {
  const struct ir_insn *in = &x->ir->insn[ref];
  if (x64_loop_put(x, ref))
    return; /* a carried slot: stored on the exits (x64_loop.c) */
  if (x64_pin_put(x, ref, store))
    return; /* a pinned slot: its host register (x64_pin.c) */
  x64_defer_before_put(x, ref, store);
  if ((in->aux & IR_PUT_DEFER) && !(x->eager && x->eager[ref]) && x->n_defer_set < X64_DEFER_MAX)
    x->defer_set[x->n_defer_set++] = ref;
  else
    store(x, ref);
}

/* On an exit's path: the stores still deferred, and the carried slots'. */
void x64_defer_flush(struct x64_ctx *x, void (*store)(struct x64_ctx *, uint32_t)) {
  for (unsigned k = 0; k < x->n_defer_set; k++)
    store(x, x->defer_set[k]);
  x64_loop_flush(x, store);
}

static struct x64_where x64_where_of(struct x64_ctx *x, uint32_t ref) {
  ref = x64_resolve(x, ref);
  const struct x64_loc *l = &x->ra.loc[ref];
  struct x64_where w = {.kind = l->kind, .reg = l->reg, .slot = l->slot};
  if (l->kind == X64_LOC_CONST) {
    w.value =
        x->ir->insn[ref].type == IR_I32 ? (uint32_t)x->ir->insn[ref].imm : x->ir->insn[ref].imm;
    w.guest = (uint8_t)ir_is_guest_const(x->ir, ref);
  }
  if (l->kind == X64_LOC_NONE)
    x->error = "x64: a deferred store's value has no location";
  return w;
}

/* The lazy flags of flags op f, as a record for the flags slot at off. */
static struct x64_defer_rec x64_defer_lazy_rec(struct x64_ctx *x, uint32_t off, uint32_t f) {
  const struct ir_insn *in = &x->ir->insn[f];
  return (struct x64_defer_rec){.state_off = off,
                                .lazy_op = IR_LAZY_OP(in->op, in->aux),
                                .a = x64_where_of(x, in->a),
                                .b = in->b ? x64_where_of(x, in->b)
                                           : (struct x64_where){.kind = X64_LOC_CONST}};
}

/* The records of PUT p's value where it is now (two for a flags select). */
static unsigned x64_defer_recs_of(struct x64_ctx *x, uint32_t p, struct x64_defer_rec r[2]) {
  const struct ir_insn *in = &x->ir->insn[p];
  if (x64_is_lazy_put(x->ir, in)) {
    r[0] = x64_defer_lazy_rec(x, (uint32_t)in->imm, in->a);
    return 1;
  }
  if (x64_is_lazy_sel_put(x, in)) {
    struct x64_lazy_sel s = x64_lazy_sel(x, in->a);
    r[0] = x64_defer_lazy_rec(x, (uint32_t)in->imm, s.f1);
    r[0].size = X64_REC_GUARD, r[0].guard_cc = s.cc1, r[0].guard_k = s.k;
    r[1] = x64_defer_lazy_rec(x, (uint32_t)in->imm, s.f2);
    return 2;
  }
  r[0] = (struct x64_defer_rec){.state_off = (uint32_t)in->imm,
                                .size = (uint8_t)x64_put_size(in),
                                .a = x64_where_of(x, in->a)};
  r[0].clears_lazy = x->ir->flags_off && in->imm == x->ir->flags_off;
  return 1;
}

/* One more record, at the end of x->recs. */
static void x64_defer_add(struct x64_ctx *x, const struct x64_defer_rec *r) {
  if (x->n_recs == x->cap_recs) {
    uint32_t cap = x->cap_recs ? 2 * x->cap_recs : 64;
    struct x64_defer_rec *grown = realloc(x->recs, cap * sizeof(*grown));
    if (!grown) {
      x->error = "out of memory";
      return;
    }
    x->recs = grown, x->cap_recs = cap;
  }
  x->recs[x->n_recs++] = *r;
}

/* The records of PUT p's value where it is now. */
void x64_defer_add_put(struct x64_ctx *x, uint32_t p) {
  struct x64_defer_rec r[2];
  for (unsigned k = 0, n = x64_defer_recs_of(x, p, r); k < n; k++)
    x64_defer_add(x, &r[k]);
}

/* The record of a slot whose value is in host register reg. */
void x64_defer_add_reg(struct x64_ctx *x, uint32_t state_off, unsigned size, unsigned reg) {
  struct x64_defer_rec r = {.state_off = state_off,
                            .size = (uint8_t)size,
                            .a = {.kind = X64_LOC_REG, .reg = (uint8_t)reg}};
  x64_defer_add(x, &r);
}

/* True when PUT p's record would read one of the host registers in regs. */
int x64_defer_put_reads(struct x64_ctx *x, uint32_t p, uint16_t regs) {
  struct x64_defer_rec r[2];
  for (unsigned k = 0, n = x64_defer_recs_of(x, p, r); k < n && r[k].size != 16; k++)
    if ((r[k].a.kind == X64_LOC_REG && (regs >> r[k].a.reg & 1)) ||
        (r[k].b.kind == X64_LOC_REG && (regs >> r[k].b.reg & 1)))
      return 1;
  return 0;
}

/* At a memory access's pcmap entry: where each deferred store's value is,
 * and each carried slot's (x64_loop.c). Records the same as the last
 * entry's (loads and stores one after another, with the same stores
 * pending and their values where they were) are that entry's, not a copy. */
void x64_defer_record(struct x64_ctx *x, struct tc_pcmap *e) {
  uint32_t first = x->n_recs;
  for (unsigned k = 0; k < x->n_defer_set; k++)
    x64_defer_add_put(x, x->defer_set[k]);
  x64_loop_record(x);
  uint32_t count = x->n_recs - first;
  if (count && count == x->last_recs.count && !x->error &&
      !memcmp(&x->recs[first], &x->recs[x->last_recs.first], count * sizeof(*x->recs))) {
    x->n_recs = first;
    first = x->last_recs.first;
  }
  e->defer_first = first, e->defer_count = count;
  x->last_recs.first = first, x->last_recs.count = count;
}

/* Record 0 of a loop block is no store: state_off X64_DEFER_MARK, lazy_op
 * the offset of the loop header in the code, freed the pinned slots whose
 * registers the loop took for itself (x64_loop.c) and a.value the offset where the block
 * loads them again (the loop's close; the code's end if it has none). No
 * pcmap entry refers to it. */
#define X64_DEFER_MARK UINT32_MAX

void x64_defer_set_mark(struct x64_ctx *x, uint32_t header_off, unsigned freed) {
  struct x64_defer_rec r = {.state_off = X64_DEFER_MARK,
                            .lazy_op = header_off,
                            .freed = freed,
                            .a = {.value = UINT32_MAX}};
  x64_defer_add(x, &r);
}

void x64_defer_mark_close(struct x64_ctx *x, uint32_t close_off) {
  if (x->n_recs && x->recs[0].state_off == X64_DEFER_MARK)
    x->recs[0].a.value = close_off;
}

/* The pinned slots the loop block blk freed, at host offset off. */
static unsigned x64_defer_freed(const struct tc_block *blk, uint32_t off) {
  const struct x64_defer_rec *r = blk->defer;
  uint32_t header;
  return x64_defer_mark(blk, &header) && off < r->a.value ? r->freed : 0;
}

/* True when blk is a loop block: *header_off is its loop header's offset. */
int x64_defer_mark(const struct tc_block *blk, uint32_t *header_off) {
  const struct x64_defer_rec *r = blk->defer;
  if (!r || blk->defer_size < sizeof(*r) || r->state_off != X64_DEFER_MARK ||
      r->lazy_op >= blk->code_size)
    return 0;
  *header_off = r->lazy_op;
  return 1;
}

/* A translation thrown away: its records too. */
void x64_defer_discard(struct x64_ctx *x) {
  free(x->recs);
  x->recs = NULL;
  x->n_recs = x->cap_recs = 0;
}

/* The records go with the block (tcache frees them with it). */
void x64_defer_finish(struct x64_ctx *x) {
  if (x->n_recs && !x->error) {
    void *d = tc_block_data(x->blk, x->n_recs * sizeof(*x->recs));
    memcpy(d, x->recs, x->n_recs * sizeof(*x->recs));
  }
  free(x->recs);
}

static void x64_where_relocate(struct x64_where *w, uint64_t guest_delta) {
  if (w->kind == X64_LOC_CONST && w->guest)
    w->value += guest_delta;
}

/* The guest code moved by guest_delta (the persistent cache loaded the
 * block for another load address): so do the guest addresses among the
 * records' constants. */
void x64_relocate_data(void *data, uint32_t size, uint64_t guest_delta) {
  struct x64_defer_rec *recs = data;
  for (uint32_t i = 0; i < size / sizeof(*recs); i++) {
    x64_where_relocate(&recs[i].a, guest_delta);
    x64_where_relocate(&recs[i].b, guest_delta);
  }
}

/* ucontext's gregs index of each x86-64 register number. */
static const uint8_t x64_greg[16] = {REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP,
                                     REG_RSI, REG_RDI, REG_R8,  REG_R9,  REG_R10, REG_R11,
                                     REG_R12, REG_R13, REG_R14, REG_R15};

/* guest_delta: tc_block.defer_delta, what the guest addresses among the
 * constants still need (x64_relocate_data not applied). */
static uint64_t x64_where_value(const struct x64_where *w, const ucontext_t *uc,
                                uint64_t guest_delta, const struct cpu *c) {
  const greg_t *g = uc->uc_mcontext.gregs;
  if (w->kind == X64_LOC_REG)
    return (uint64_t)g[x64_greg[w->reg & 15]];
  if (w->kind == X64_LOC_SLOT)
    return *(const uint64_t *)(uintptr_t)(g[REG_RSP] + 8 * (greg_t)w->slot);
  if (w->kind == X64_LOC_STATE) { /* a lazy flags operand still in the state */
    uint64_t v = 0;
    memcpy(&v, (const uint8_t *)c + w->slot, w->reg == 3 ? 8 : 4);
    return v;
  }
  return w->value + (w->guest ? guest_delta : 0);
}

/* A vector's 16 bytes: from its xmm register in the signal context, or its
 * spill slot. */
static void x64_where_v128(const struct x64_where *w, const ucontext_t *uc, uint8_t v[16]) {
  if (w->kind == X64_LOC_REG)
    memcpy(v, &uc->uc_mcontext.fpregs->_xmm[w->reg & 15], 16);
  else if (w->kind == X64_LOC_SLOT)
    memcpy(v, (const void *)(uintptr_t)(uc->uc_mcontext.gregs[REG_RSP] + 8 * (greg_t)w->slot), 16);
  else
    memset(v, 0, 16);
}

void x64_fault_state(const struct tc_block *blk, const void *host_pc, const void *uctx,
                     struct cpu *c) {
  uint32_t off = (uint32_t)((const uint8_t *)host_pc - blk->code);
  const struct x64_defer_rec *recs = blk->defer;
  x64_pin_fault(uctx, c, x64_defer_freed(blk, off));
  for (uint32_t i = 0; recs && i < blk->n_pcmap; i++) {
    const struct tc_pcmap *e = &blk->pcmap[i];
    if (e->host_off != off)
      continue;
    for (uint32_t k = 0; k < e->defer_count; k++) {
      const struct x64_defer_rec *r = &recs[e->defer_first + k];
      if (r->size == 16) {
        x64_where_v128(&r->a, uctx, (uint8_t *)c + r->state_off);
        continue;
      }
      uint64_t a = x64_where_value(&r->a, uctx, blk->defer_delta, c);
      if (r->size == X64_REC_GUARD) {
        uint64_t b = x64_where_value(&r->b, uctx, blk->defer_delta, c);
        if (ir_cc_holds(r->guard_cc, ir_flags_eval(r->lazy_op, a, b)))
          continue; /* the next record, f2's lazy flags, is the value */
        memcpy((uint8_t *)c + r->state_off, &(uint32_t){r->guard_k}, 4);
        c->lazy_op = 0;
        k++;
      } else if (r->size == 0) {
        c->lazy_a = a;
        c->lazy_b = x64_where_value(&r->b, uctx, blk->defer_delta, c);
        c->lazy_op = r->lazy_op;
      } else {
        memcpy((uint8_t *)c + r->state_off, &a, r->size);
        if (r->clears_lazy)
          c->lazy_op = 0;
      }
    }
    return;
  }
}
