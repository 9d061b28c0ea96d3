/* x64_loop.c - loop-carried guest registers: a block with an exit back to
 * its own start keeps guest-state slots in host registers across that back
 * edge, instead of storing them at the end of every iteration and loading
 * them again at the start of the next.
 *
 *   entry:  mov rbx, [r14+x1]          the loop header loads each carried slot once
 *   header: ... x1 is rbx ...          a GET of a carried slot is its register
 *           put x1 = v                 no store: the slot's value is now v's
 *           jcc skip                   a back edge (exit.if / goto to the start):
 *           mov rbx, v                   the new values into the header's registers
 *           cmp [r14+exit_request], 0    (a signal or a flush still gets in)
 *           jne stub
 *           jmp header                   a chainable exit, chained to the header
 *   stub:   mov [r14+x1], rbx            unchained or exit_request: store, leave
 *           mov rax, exit; jmp exit_chain
 *   skip:   ...                        every other exit stores each slot's value
 *
 * A slot is carried when every GET and PUT of its bytes in the block is the
 * same (offset, type), no GET follows a PUT of it, and the block calls no C
 * code (a helper reads the state struct). Three kinds:
 *  - read and written, or written after something could observe it (a side
 *    exit, a memory access that may fault): a pinned register holds it from
 *    the header, loaded there, and each back edge moves its new value in;
 *  - written before anything observes it: no register; its PUTs are stored
 *    only on the exits, the back edges' stubs included, never on the back
 *    edge itself (the next iteration writes it again first);
 *  - only read: a pinned register, loaded at the header; the struct stays exact.
 * The flags slot, written lazily (ir.h) after something that can observe
 * it (a load before the compare that closes the loop), is kept as its lazy
 * image: lazy_a, lazy_b and lazy_op are three carried slots with registers,
 * loaded at the header's entry (the first iteration's flags are the state's),
 * set by the flags PUT (the operands' values, the op) and moved at the back
 * edge, so a fault before the next compare writes the last iteration's
 * flags from those registers, and the loop stores no flags:
 *
 *   header: ldrb (a fault: lazy_a = rA, lazy_b = rB, lazy_op = rOP) ... cmp x2, x3
 *           jne skip; mov rA, x2's reg; mov rB, x3's reg; mov rOP, SUB; ...; jmp header
 *
 * A v128 slot (an FP or SIMD register the block reaches only as a whole)
 * is carried the same way in an xmm register, pinned from xmm13 down, as
 * many as the body's own vector values leave: loaded at the header, moved
 * at the back edge (movdqa), stored by the exits, recorded for a fault as
 * a 16-byte value in that xmm. A scalar FP result put to such a slot gets
 * its high half cleared where it is made (x64_fuse.c's lane0 cleared), so
 * the register always holds the slot's 16 bytes. A vector register the
 * loop also reaches in 8-byte halves (fmov w3, s4 reads the low one; fmov
 * s1, w2 writes it and zeroes the high one, the way compilers keep
 * integers in s and d registers) is one such slot too (x64_scan_vgroups):
 * a GET of a half is movq/pextrq from the xmm (or, for a VZEXT64 that
 * reads it, movq xmm, xmm: x64_stateget.c), a PUT of one is kept as the
 * slot's lo or hi beside its whole value (cur), put into the xmm at the
 * back edge (movq, or pinsrq), stored and recorded after the whole one. A
 * vector register the loop reaches only in halves, the high one zeroed,
 * is two 8-byte slots, the low one in a general register as any other;
 * only those of them that get no general register are carried in xmm
 * registers instead (the block is scanned again, x64_halves_want_xmm).
 *
 * How many general registers to pin is a guess from the body's pressure
 * (x64_pressure: values read only after the loop or only by exits count
 * up to their last read in it), at least X64_LOOP_MIN_PINS in a loop
 * without side exits, the slots the loop computes before those it copies
 * (x64_pin_before); where the body then spills, the block is translated
 * again with fewer, and kept with the count that spilled least for what
 * it pinned (x64_loop_retry). Xmm registers go one slot at a time while
 * the body's vector values with that slot's leave one (x64_choose_vec).
 *
 * A pinned slot (x64_pin.c) that the loop never reads or writes lends it
 * its register: the block stores it at its start, before the header, and
 * loads it again on every way out of the loop and where the loop closes
 * (x64_loop_unfree), so a loop that does not use sp, x30, x0, x1 or x19
 * has their registers for its own values and carried slots; a fault inside
 * the loop reads such slots from the state struct (the block's mark record
 * lists them, x64_pin_fault).
 *
 * The state stays exact where it can be observed: every exit stores the
 * slots' current values, and every memory access records where they are
 * (x64_defer.c's records, which a fault writes into the state). The header's
 * offset is record 0 of the block's records, for x64_patch: chaining a back
 * edge to its own block goes to the header, not to the loads.
 */
#include <stdlib.h>
#include <string.h>
#include "x64.h"

/* Registers to pin, in order of preference: callee-saved first, so that the
 * allocator's choice of caller-saved registers for short values stays free. */
static const uint8_t x64_pin_order[] = {X64_R15, X64_R13, X64_R12, X64_RBP, X64_RBX, X64_R11,
                                        X64_R10, X64_R9,  X64_R8,  X64_RDI, X64_RSI};
enum { X64_GPR_ALLOC = 11, X64_SLOT_SCAN = 64, X64_LOOP_MIN_PINS = 3 };

/* The n-th register of x64_pin_order that no slot holds in every block
 * (x64_pin.c), or whose slot the block freed. */
static unsigned x64_pin_reg(const struct x64_ctx *x, unsigned n) {
  uint16_t held = x64_pin_mask & (uint16_t)~x64_pin_regs_of(x->loop.freed);
  for (unsigned i = 0; i < sizeof(x64_pin_order); i++)
    if (!(held >> x64_pin_order[i] & 1) && n-- == 0)
      return x64_pin_order[i];
  return X64_NOREG;
}

enum { X64_FREE_FOR_CARRY = 2 };

enum x64_carry_kind { X64_CK_NONE, X64_CK_RW, X64_CK_WO, X64_CK_RO };

/* What the walk learns about one (offset, type) of the state. */
struct x64_slot_info {
  uint32_t off;
  uint8_t size, type, bad;
  uint8_t has_get, wrote, observed, get_after_put, kind;
  uint8_t halves; /* a v128 slot also reached in 8-byte halves */
  uint8_t copied; /* its last PUT stores another slot's value (x64_copy_of_get) */
  uint8_t want;   /* x64_pressure: its PUTs' values live as x64_extend_puts makes them */
  uint8_t trial;  /* x64_choose_vec: 1 while it counts with it, 2 once turned down */
  uint32_t uses;
  int carry; /* index in x->loop.c, or -1 */
};

enum { X64_VGROUPS = 32 };

struct x64_scan {
  struct x64_slot_info s[X64_SLOT_SCAN];
  unsigned n;
  uint8_t *slot_of;             /* per insn: 1 + index in s of a GET or PUT, or 0 */
  uint8_t *half_of;             /* per insn: x64_loop.half_of */
  uint32_t vgroup[X64_VGROUPS]; /* v128 slots reached in halves (x64_scan_vgroups) */
  unsigned n_vgroups;
  uint32_t *lu0; /* ra.last_use as x64_loop_last_reads makes it, once x64_pressure wants it */
};

static unsigned x64_state_size(const struct ir_insn *in) {
  return in->type == IR_V128 ? 16 : in->type == IR_I64 ? 8 : 4;
}

/* A GET or PUT of the whole 16 bytes at o, or of one of their 8-byte
 * halves: 0, 1 (low), 2 (high); -1: another part of them. */
static int x64_vpart(const struct ir_insn *in, uint32_t o) {
  if (in->type == IR_V128)
    return in->imm == o ? 0 : -1;
  if (in->type != IR_I64 || !(x64_feat() & X64_F_SSE41)) /* pinsrq, pextrq */
    return -1;
  return in->imm == o ? 1 : in->imm == o + 8 ? 2 : -1;
}

/* Which offsets x64_scan_vgroups may make a group of a vector register
 * reached only in halves: none, all, or those of a list. */
struct x64_halves {
  unsigned n; /* X64_HALVES_ALL: every one */
  uint32_t off[X64_VGROUPS];
};
enum { X64_HALVES_ALL = ~0u };

static int x64_halves_allow(const struct x64_halves *h, uint32_t o) {
  if (h->n == X64_HALVES_ALL)
    return 1;
  for (unsigned k = 0; k < h->n; k++)
    if (h->off[k] == o)
      return 1;
  return 0;
}

/* The 16-byte slots that are a vector register the loop reaches in 8-byte
 * halves as well as whole (fmov s1, w2: the low half written, the high half
 * zeroed; fmov w3, s4: the low half read), or, where h allows, only in
 * halves but with the high one zeroed: every access up to the last back
 * edge is one of those parts. Each is carried as one v128 slot, in an xmm
 * register. */
static void x64_scan_vgroups(const struct x64_ctx *x, struct x64_scan *sc,
                             const struct x64_halves *h) {
  const struct ir_block *b = x->ir;
  for (uint32_t i = 1; i <= x->loop.end && sc->n_vgroups < X64_VGROUPS; i++) {
    const struct ir_insn *in = &b->insn[i];
    uint32_t o = (uint32_t)in->imm & ~15u;
    if ((in->op != IR_GET && in->op != IR_PUT) || x64_vpart(in, o) < 0)
      continue;
    int zero_hi = in->op == IR_PUT && in->imm == o + 8 && ir_is_const(b, in->a) &&
                  b->insn[in->a].imm == 0 && x64_halves_allow(h, o);
    int halves = 0, ok = in->type == IR_V128 || zero_hi;
    for (unsigned g = 0; g < sc->n_vgroups && ok; g++)
      ok = sc->vgroup[g] != o;
    for (uint32_t j = 1; j <= x->loop.end && ok; j++) {
      const struct ir_insn *a = &b->insn[j];
      if ((a->op == IR_GET || a->op == IR_PUT) && a->imm < o + 16 &&
          o < a->imm + x64_state_size(a)) {
        int part = x64_vpart(a, o);
        ok = part >= 0;
        halves |= part > 0;
      }
    }
    if (ok && halves) /* whole only: the slot is one (offset, type) as any other */
      sc->vgroup[sc->n_vgroups++] = o;
  }
}

/* The vector registers the loop reaches only in halves, the high one
 * zeroed, whose low half was left without a general register (into
 * want): the loop is better off with those in xmm registers, and the
 * general registers for the rest. Their number. */
static unsigned x64_halves_want_xmm(const struct x64_ctx *x, const struct x64_scan *sc,
                                    struct x64_halves *want) {
  static const struct x64_halves all = {.n = X64_HALVES_ALL};
  struct x64_scan h = {.n_vgroups = 0};
  x64_scan_vgroups(x, &h, &all);
  want->n = 0;
  for (unsigned g = 0; g < h.n_vgroups; g++)
    for (unsigned k = 0; k < sc->n; k++)
      if (sc->s[k].off == h.vgroup[g] && sc->s[k].type == IR_I64 && sc->s[k].kind != X64_CK_NONE &&
          sc->s[k].kind != X64_CK_WO && sc->s[k].carry < 0)
        want->off[want->n++] = h.vgroup[g];
  return want->n;
}

/* The v128 slot reached in halves that in reaches (x64_scan_vgroups): its
 * offset, or UINT32_MAX. */
static uint32_t x64_vgroup_of(const struct x64_scan *sc, const struct ir_insn *in) {
  uint32_t o = (uint32_t)in->imm & ~15u;
  for (unsigned g = 0; g < sc->n_vgroups; g++)
    if (sc->vgroup[g] == o)
      return o;
  return UINT32_MAX;
}

/* The slot of GET/PUT in, added when new; -1 when the table is full. A half
 * of a v128 slot reached in halves is that slot. */
static int x64_scan_slot(struct x64_scan *sc, const struct ir_insn *in) {
  uint32_t off = (uint32_t)in->imm, size = x64_state_size(in), g = x64_vgroup_of(sc, in);
  uint8_t type = in->type;
  if (g != UINT32_MAX)
    off = g, size = 16, type = IR_V128;
  int found = -1;
  for (unsigned k = 0; k < sc->n; k++) {
    struct x64_slot_info *s = &sc->s[k];
    if (s->off == off && s->type == type)
      found = (int)k;
    else if (s->off < off + size && off < s->off + s->size)
      s->bad = 1; /* other bytes of it are reached another way */
  }
  if (found < 0 && sc->n == X64_SLOT_SCAN)
    return -1;
  if (found < 0) {
    sc->s[sc->n] =
        (struct x64_slot_info){.off = off, .size = (uint8_t)size, .type = type, .carry = -1};
    for (unsigned k = 0; k < sc->n; k++) /* overlapping slots seen before */
      if (sc->s[k].off < off + size && off < sc->s[k].off + sc->s[k].size)
        sc->s[sc->n].bad = sc->s[k].bad = 1;
    found = (int)sc->n++;
  }
  sc->s[found].halves |= g != UINT32_MAX;
  return found;
}

/* Whether ref is a GET's value, or a width change of one: a PUT of it
 * copies a slot (fmov s3, s4 of a compiler's rotating values). */
static int x64_copy_of_get(const struct ir_block *b, uint32_t ref) {
  const struct ir_insn *v = &b->insn[ref];
  while (v->op == IR_ZEXT || v->op == IR_SEXT || v->op == IR_TRUNC)
    v = &b->insn[v->a];
  return v->op == IR_GET;
}

/* One walk up to the last back edge: each slot's accesses, and whether an
 * exit or a memory access (which can observe the state) comes before its
 * first PUT. */
static int x64_scan_block(struct x64_ctx *x, struct x64_scan *sc) {
  const struct ir_block *b = x->ir;
  int observed = 0;
  for (uint32_t i = 1; i <= x->loop.end; i++) {
    const struct ir_insn *in = &b->insn[i];
    if (in->op != IR_GET && in->op != IR_PUT) {
      observed |= (ir_op_info[in->op].flags & (IRF_MEM | IRF_EXIT)) != 0;
      continue;
    }
    int k = x64_scan_slot(sc, in);
    if (k < 0)
      return -1;
    struct x64_slot_info *s = &sc->s[k];
    sc->slot_of[i] = (uint8_t)(k + 1);
    if (s->halves && in->type != IR_V128)
      sc->half_of[i] = (uint8_t)(in->imm == s->off ? 1 : 2);
    s->uses++;
    if (in->op == IR_GET) {
      s->get_after_put |= s->wrote;
      s->has_get = 1;
      continue;
    }
    s->copied = x64_copy_of_get(b, in->a);
    if (!s->wrote) {
      s->wrote = 1;
      s->observed = (uint8_t)observed;
    }
  }
  return 0;
}

static enum x64_carry_kind x64_classify(const struct ir_block *b, const struct x64_slot_info *s) {
  if (s->bad || s->get_after_put || (s->size != 4 && s->size != 8 && s->size != 16) ||
      x64_pin_overlaps(s->off, s->size))
    return X64_CK_NONE; /* a pinned slot is in a register already (x64_pin.c) */
  if (s->wrote && !s->has_get && !s->observed)
    return X64_CK_WO;
  if (b->flags_off && s->off == b->flags_off)
    return X64_CK_NONE; /* kept lazily: no register holds it */
  if (s->wrote)
    return X64_CK_RW;
  return s->has_get ? X64_CK_RO : X64_CK_NONE;
}

/* Values a PUT of a carried slot stores stay live until the last back edge,
 * or until the last exit or memory access before the next PUT of the slot:
 * an exit may store them, a fault may read them. */
static void x64_extend_puts(struct x64_ctx *x, const struct x64_scan *sc, uint32_t *last_use,
                            int (*wanted)(const struct x64_slot_info *)) {
  const struct ir_block *b = x->ir;
  uint32_t next_put[X64_SLOT_SCAN][2]; /* of each 8-byte half (the same but in halves) */
  for (unsigned k = 0; k < sc->n; k++)
    next_put[k][0] = next_put[k][1] = x->loop.end;
  for (uint32_t i = x->loop.end; i-- > 1;) {
    unsigned k = sc->slot_of[i], h = sc->half_of[i];
    if (!k || b->insn[i].op != IR_PUT || !wanted(&sc->s[k - 1]))
      continue;
    uint32_t *next = next_put[k - 1], v[6];
    uint32_t until = h ? next[h - 1] : next[0] > next[1] ? next[0] : next[1];
    if (until < x->loop.end)
      until = x64_last_observer(b, i, until);
    for (unsigned j = 0, n = x64_reads(x, i, v); j < n; j++)
      if (last_use[v[j]] < until)
        last_use[v[j]] = until;
    if (h != 2)
      next[0] = i;
    if (h != 1)
      next[1] = i;
  }
}

static int x64_any_written(const struct x64_slot_info *s) {
  return s->kind == X64_CK_RW || s->kind == X64_CK_WO;
}

static int x64_chosen_written(const struct x64_slot_info *s) {
  return s->carry >= 0 && s->kind != X64_CK_RO;
}

/* The last use of each value up to the loop's end (from ra.last_use, in
 * scratch memory; NULL if none is left): a value read again only after the last back edge (by the
 * code the loop falls into) or only by exits (a deferred PUT's store) is
 * worth a register no longer than its last read in the loop; the
 * allocator, which spills the value read again furthest ahead, stores it
 * once an iteration and loads it on the way out. */
static uint32_t *x64_loop_last_reads(struct x64_ctx *x) {
  const struct ir_block *b = x->ir;
  uint32_t *in_loop = ir_scratch(b, (b->n + 1) * sizeof(*in_loop)), v[6];
  uint32_t *lu = ir_scratch_raw(b, (b->n + 1) * sizeof(*lu));
  if (!in_loop || !lu)
    return NULL;
  memcpy(lu, x->ra.last_use, (b->n + 1) * sizeof(*lu));
  for (uint32_t i = 1; i <= x->loop.end; i++)
    for (unsigned j = 0, n = x64_reads(x, i, v); j < n; j++)
      in_loop[v[j]] = i;
  for (uint32_t i = 1; i <= x->loop.end; i++)
    if (lu[i] > x->loop.end)
      lu[i] = in_loop[i] > i ? in_loop[i] : i;
  return lu;
}

static int x64_candidate(const struct x64_slot_info *s) {
  return s->kind != X64_CK_NONE;
}

static int x64_wanted(const struct x64_slot_info *s) {
  return s->want;
}

/* The most general-purpose registers (with vec: xmm registers) the block
 * needs at once up to the loop's end, besides the GETs of the slots
 * carried(s) says are carried (those would be pinned), with the values
 * their PUTs store live as x64_extend_puts makes them. */
static unsigned x64_pressure(struct x64_ctx *x, struct x64_scan *sc, int vec,
                             int (*carried)(const struct x64_slot_info *)) {
  const struct ir_block *b = x->ir;
  uint32_t *lu = ir_scratch_raw(b, (b->n + 1) * sizeof(*lu));
  int32_t *diff = ir_scratch(b, (b->n + 2) * sizeof(*diff));
  if (!sc->lu0)
    sc->lu0 = x64_loop_last_reads(x);
  if (!lu || !diff || !sc->lu0)
    return vec ? X64_XMM_ALLOC : X64_GPR_ALLOC;
  memcpy(lu, sc->lu0, (b->n + 1) * sizeof(*lu));
  for (unsigned k = 0; k < sc->n; k++) /* x64_extend_puts' test */
    sc->s[k].want = (uint8_t)(carried(&sc->s[k]) && x64_any_written(&sc->s[k]));
  x64_extend_puts(x, sc, lu, x64_wanted);
  for (uint32_t i = 1; i <= x->loop.end; i++) {
    const struct ir_insn *in = &b->insn[i];
    unsigned k = sc->slot_of[i];
    if (!x64_needs_reg(x, i) || in->op == IR_CONST || (in->type == IR_V128) != vec ||
        (in->op == IR_GET && k && carried(&sc->s[k - 1]) && !sc->half_of[i]))
      continue;
    diff[i]++;
    diff[(lu[i] > i ? lu[i] : i) + 1]--;
  }
  int live = 0, peak = 0;
  for (uint32_t i = 1; i <= x->loop.end; i++) {
    live += diff[i];
    peak = live > peak ? live : peak;
  }
  return (unsigned)peak;
}

/* Slot k gets carried, with host register reg (an xmm for a v128;
 * X64_NOREG: none). */
static void x64_carry(struct x64_ctx *x, struct x64_slot_info *s, unsigned reg) {
  struct x64_loop *l = &x->loop;
  s->carry = (int)l->n;
  l->c[l->n++] = (struct x64_carry){
      .off = s->off, .size = s->size, .reg = (uint8_t)reg, .wrote = s->kind != X64_CK_RO};
  if (reg != X64_NOREG && s->size == 16)
    x->ra.xpinned |= (uint16_t)(1u << reg);
  else if (reg != X64_NOREG)
    x->ra.pinned |= (uint16_t)(1u << reg);
}

/* The n-th xmm register to pin: from the top, the allocator takes from the
 * bottom first. */
static unsigned x64_xpin_reg(unsigned n) {
  return X64_XMM_ALLOC - 1 - n;
}

/* Which of two slots to pin first: one the loop reads and writes (its
 * value goes around the loop: through the state struct, a store and a
 * load on the loop's critical path), one whose new value the loop
 * computes before one it copies from another slot (the chain a copy
 * starts is the other's), then the most used. */
static int x64_pin_before(const struct x64_slot_info *a, const struct x64_slot_info *b) {
  if (a->has_get != b->has_get)
    return a->has_get > b->has_get;
  if (a->copied != b->copied)
    return a->copied < b->copied;
  return a->uses > b->uses;
}

/* The best slot of kind not carried yet (x64_pin_before), of v128 slots
 * with vec, else of the others; none turned down by x64_choose_vec. */
static struct x64_slot_info *x64_best_slot(struct x64_scan *sc, enum x64_carry_kind kind, int vec) {
  struct x64_slot_info *best = NULL;
  for (unsigned k = 0; k < sc->n; k++) {
    struct x64_slot_info *s = &sc->s[k];
    if (s->kind == kind && (s->size == 16) == vec && s->carry < 0 && !s->trial &&
        (!best || x64_pin_before(s, best)))
      best = s;
  }
  return best;
}

/* General registers for the slots of kind, the best first, while pins remain. */
static void x64_pin_kind(struct x64_ctx *x, struct x64_scan *sc, enum x64_carry_kind kind,
                         unsigned *pins, unsigned budget) {
  struct x64_slot_info *best;
  while ((best = x64_best_slot(sc, kind, 0)) && *pins < budget && x->loop.n < X64_CARRY_MAX) {
    x64_carry(x, best, x64_pin_reg(x, (*pins)++));
    x->loop.pins = *pins;
  }
}

/* The flags slot as its lazy image in three pinned registers (the header
 * comment), where every PUT of it in the loop is lazy flags, nothing in the
 * loop reads it, and something observes it before its first PUT (else it
 * is X64_CK_WO, stored on the exits only). */
static void x64_pin_lazy(struct x64_ctx *x, struct x64_scan *sc, unsigned *pins, unsigned budget) {
  static const uint32_t off[3] = {offsetof(struct cpu, lazy_a), offsetof(struct cpu, lazy_b),
                                  offsetof(struct cpu, lazy_op)};
  static const uint8_t size[3] = {8, 8, 4};
  const struct ir_block *b = x->ir;
  struct x64_slot_info *f = NULL;
  for (unsigned k = 0; k < sc->n && b->flags_off; k++)
    if (sc->s[k].off == b->flags_off && sc->s[k].type == IR_I32)
      f = &sc->s[k];
  if (!f || f->bad || f->has_get || !f->wrote || f->kind != X64_CK_NONE || f->carry >= 0 ||
      *pins + 3 > budget || x->loop.n + 3 > X64_CARRY_MAX)
    return;
  for (uint32_t i = 1; i <= x->loop.end; i++)
    if (sc->slot_of[i] && &sc->s[sc->slot_of[i] - 1] == f &&
        (b->insn[i].op != IR_PUT || !x64_is_lazy_put(b, &b->insn[i])))
      return;
  x->loop.lazy = (int)x->loop.n;
  for (unsigned k = 0; k < 3; k++) {
    struct x64_slot_info s = {.off = off[k], .size = size[k], .kind = X64_CK_RW};
    x64_carry(x, &s, x64_pin_reg(x, (*pins)++));
  }
  f->carry = x->loop.lazy; /* its PUTs set the three */
  x->loop.pins = *pins;
}

/* Carry k is lazy_b or lazy_op of the lazy image: the flags PUT it holds
 * is stored or recorded once, with lazy_a. */
static int x64_lazy_tail(const struct x64_ctx *x, unsigned k) {
  return x->loop.lazy >= 0 && k > (unsigned)x->loop.lazy && k <= (unsigned)x->loop.lazy + 2;
}

static int x64_is_lazy_carry(const struct x64_ctx *x, const struct x64_carry *c) {
  return x->loop.lazy >= 0 && c >= &x->loop.c[x->loop.lazy] && c <= &x->loop.c[x->loop.lazy + 2];
}

/* Of the pinned slots the loop could free, those it needs: as many as its
 * values and the slots it would keep in registers want beyond the
 * registers no slot holds. Each costs a store where the block starts and
 * a load on each way out. */
static void x64_loop_need_pins(struct x64_ctx *x, const struct x64_scan *sc, unsigned peak) {
  unsigned want = peak, have = X64_GPR_ALLOC - x64_n_pins, cand = 0;
  for (unsigned k = 0; k < sc->n; k++)
    cand += sc->s[k].size != 16 && (sc->s[k].kind == X64_CK_RW || sc->s[k].kind == X64_CK_RO);
  want += cand < X64_FREE_FOR_CARRY ? cand : X64_FREE_FOR_CARRY;
  unsigned need = want > have ? want - have : 0, freed = 0;
  for (unsigned k = 0; k < x64_n_pins && need; k++)
    if (x->loop.freed >> k & 1) {
      freed |= 1u << k;
      need--;
    }
  x->loop.freed = freed;
  x->ra.pinned &= (uint16_t)~x64_pin_regs_of(freed);
}

static int x64_taken(const struct x64_slot_info *s) {
  return s->carry >= 0 || s->trial == 1;
}

/* Xmm registers for v128 slots, the best first (x64_pin_before, those the
 * loop writes before those it only reads), each while the body's own v128
 * values, with the values the taken slots' PUTs store kept as long as they
 * must be, leave it one (x64_loop_retry takes them back one by one if the
 * body spills after all). */
static void x64_choose_vec(struct x64_ctx *x, struct x64_scan *sc) {
  static const uint8_t kinds[] = {X64_CK_RW, X64_CK_RO};
  unsigned pins = 0;
  for (unsigned kk = 0; kk < sizeof(kinds); kk++)
    for (;;) {
      struct x64_slot_info *best = x64_best_slot(sc, kinds[kk], 1);
      if (!best || pins >= x->loop.max_xpins || x->loop.n == X64_CARRY_MAX)
        break;
      best->trial = 1;
      unsigned peak = x64_pressure(x, sc, 1, x64_taken);
      best->trial = 2;
      if (peak + pins + 1 > X64_XMM_ALLOC)
        continue;
      x64_carry(x, best, x64_xpin_reg(pins++));
      x->loop.xpins = pins;
    }
}

/* Whether the loop has a way out before its end other than its back
 * edges: one taken often makes its trips short, and each way out stores
 * the carried slots and loads the pinned ones the loop freed. */
static int x64_side_exits(const struct ir_block *b, uint32_t end) {
  for (uint32_t i = 1; i < end; i++)
    if ((ir_op_info[b->insn[i].op].flags & IRF_EXIT) && !x64_is_back_edge_insn(b, &b->insn[i]))
      return 1;
  return 0;
}

static void x64_choose(struct x64_ctx *x, struct x64_scan *sc) {
  /* The estimate of what the body needs is rough: start with two more pins
   * than it leaves, at least X64_LOOP_MIN_PINS where the loop has no side
   * exit, and let x64_loop_retry take them back if they spill. */
  unsigned peak = x64_pressure(x, sc, 0, x64_candidate), pins = 0;
  x64_loop_need_pins(x, sc, peak);
  /* registers no slot holds in every block (x64_pin.c), less the 3 the
   * allocator keeps for the body, as it has with X64_PIN_MAX of 11 */
  unsigned avail = X64_GPR_ALLOC - x64_n_pins - (X64_GPR_ALLOC - X64_PIN_MAX) +
                   (unsigned)__builtin_popcount(x->loop.freed);
  unsigned budget = peak < avail + 2 ? avail + 2 - peak : 0;
  if (budget < X64_LOOP_MIN_PINS && !x64_side_exits(x->ir, x->loop.end))
    budget = X64_LOOP_MIN_PINS; /* x64_loop_retry weighs the spills */
  if (budget > avail)
    budget = avail;
  if (budget > x->loop.max_pins)
    budget = x->loop.max_pins;
  for (unsigned k = 0; k < sc->n && x->loop.n < X64_CARRY_MAX; k++)
    if (sc->s[k].kind == X64_CK_WO)
      x64_carry(x, &sc->s[k], X64_NOREG);
  x64_pin_kind(x, sc, X64_CK_RW, &pins, budget);
  x64_pin_lazy(x, sc, &pins, budget);
  x64_pin_kind(x, sc, X64_CK_RO, &pins, budget);
  x64_choose_vec(x, sc);
}

/* The pinned slots no GET or PUT of b up to end reaches. */
static unsigned x64_loop_free_pins(const struct ir_block *b, uint32_t end) {
  unsigned used = 0;
  for (uint32_t i = 1; i <= end; i++) {
    const struct ir_insn *in = &b->insn[i];
    if (in->op == IR_GET || in->op == IR_PUT)
      used |= x64_pin_overlaps((uint32_t)in->imm, x64_state_size(in));
  }
  return x64_pin_all() & ~used;
}

/* The loop's end: the last back edge (as x64_fuse_init found it), 0 when
 * there is none or a call in the block. */
uint32_t x64_loop_end_of(const struct ir_block *b, uint32_t back_edge) {
  uint32_t end = back_edge;
  for (uint32_t i = 1; i < b->n && end; i++) /* few blocks loop */
    if (x64_is_call(b, &b->insn[i]))
      return 0;
  return end;
}

/* Decide which slots the block carries (none: not a loop block). Runs
 * after x64_defer_init (which finds x->loop.end, x64_loop_end_of), before
 * x64_ra_dies. */
int x64_loop_init(struct x64_ctx *x) {
  const struct ir_block *b = x->ir;
  x->loop.n = 0;
  x->loop.lazy = -1;
  if (!x->loop.end)
    return 0; /* before the scan's 2 KB are zeroed: most blocks */
  struct x64_scan sc;
  x->loop.carry_of = ir_scratch(b, b->n + 1);
  if (!x->loop.carry_of)
    return -1;
  uint16_t pinned = x->ra.pinned;
  struct x64_halves halves = {.n = 0};
  for (int again = 0;; again = 1) {
    sc = (struct x64_scan){.n = 0};
    sc.slot_of = ir_scratch(b, b->n + 1);
    sc.half_of = x->loop.half_of = ir_scratch(b, b->n + 1);
    if (!sc.slot_of || !sc.half_of)
      return -1;
    x64_scan_vgroups(x, &sc, &halves);
    if (x64_scan_block(x, &sc) < 0)
      return 0;
    for (unsigned k = 0; k < sc.n; k++)
      sc.s[k].kind = (uint8_t)x64_classify(b, &sc.s[k]);
    x->loop.freed = x64_loop_free_pins(b, x->loop.end);
    x64_choose(x, &sc);
    if (again || !x64_halves_want_xmm(x, &sc, &halves))
      break;
    x->loop.n = x->loop.pins = x->loop.xpins = 0; /* again, with those in xmm registers */
    x->loop.lazy = -1;
    x->ra.pinned = pinned;
    x->ra.xpinned = 0;
  }
  if (!x->loop.n) {
    x->ra.pinned |= x64_pin_regs_of(x->loop.freed);
    x->loop.freed = 0;
    return 0;
  }
  x64_extend_puts(x, &sc, x->ra.last_use, x64_chosen_written);
  for (uint32_t i = 1; i <= x->loop.end; i++)
    if (sc.slot_of[i] && sc.s[sc.slot_of[i] - 1].carry >= 0) {
      x->loop.carry_of[i] = (uint8_t)(sc.s[sc.slot_of[i] - 1].carry + 1);
      if (b->insn[i].op == IR_PUT && b->insn[i].type == IR_V128)
        x->lane0[x64_resolve(x, b->insn[i].a)] = 0; /* its register holds the slot exactly */
    } else {
      x->loop.half_of[i] = 0; /* a GET or PUT as any other */
    }
  return 0;
}

/* At the block's start: store the freed pinned slots, load the carried
 * ones, and mark the header. */
void x64_loop_header(struct x64_ctx *x) {
  struct x64_loop *l = &x->loop;
  if (!l->n)
    return;
  x64_pin_store(x->buf, l->freed);
  for (unsigned k = 0; k < l->n; k++)
    if (l->c[k].reg != X64_NOREG && l->c[k].size == 16)
      x64_sse_rm(x->buf, X64_MOVDQU_LOAD, l->c[k].reg,
                 x64_cpu_field(l->c[k].off)); /* movdqu xmm, [r14+off] */
    else if (l->c[k].reg != X64_NOREG)
      x64_load(x->buf, l->c[k].size == 8 ? 3 : 2, 0, 0, l->c[k].reg,
               x64_cpu_field(l->c[k].off)); /* mov reg, [r14+off] */
  x64_nops(x->buf, (unsigned)(-(uintptr_t)x->buf->cur & 15));
  l->header = x->buf->cur;
  x64_defer_set_mark(x, (uint32_t)(l->header - x->blk->code), l->freed);
}

static struct x64_carry *x64_carry_at(struct x64_ctx *x, uint32_t ref) {
  unsigned k = x->loop.n && ref <= x->loop.end ? x->loop.carry_of[ref] : 0;
  return k ? &x->loop.c[k - 1] : NULL;
}

/* A GET of a pinned slot is its register: true when ref was one. */
int x64_loop_get(struct x64_ctx *x, uint32_t ref) {
  struct x64_carry *c = x64_carry_at(x, ref);
  if (!c || c->reg == X64_NOREG || x->loop.half_of[ref])
    return 0;
  x64_ra_share(x, ref, c->reg, c->size == 16);
  return 1;
}

/* A GET of a half of a v128 slot in an xmm register: its 8 bytes (4 where
 * only their low half is read, zero-extended) into ref's register; true
 * when ref was one.
 *   movq r64, xmm / movd r32, xmm; pextrq r64, xmm, 1 / pextrd r32, xmm, 2 */
int x64_loop_half_xmm(struct x64_ctx *x, uint32_t ref) {
  struct x64_carry *c = x64_carry_at(x, ref);
  return c && x->loop.half_of[ref] == 1 && x->ir->insn[ref].op == IR_GET && c->reg != X64_NOREG
             ? c->reg
             : -1;
}

int x64_loop_get_half(struct x64_ctx *x, uint32_t ref) {
  struct x64_carry *c = x64_carry_at(x, ref);
  if (!c || !x->loop.half_of[ref])
    return 0;
  unsigned d = x64_dst(x, ref), narrow = x->narrow[ref] != 0;
  if (narrow)
    x->narrow[ref] = X64_NARROW_LOADED;
  if (x->loop.half_of[ref] == 1)
    x64_movq_rx(x->buf, !narrow, d, c->reg);
  else
    x64_pextr(x->buf, narrow ? 2 : 3, d, c->reg, narrow ? 2 : 1);
  return 1;
}

/* The PUT that reads ref, when nothing between them can observe the state
 * (only pure ops and PUTs: no exit, memory access or call); 0 if none. */
static uint32_t x64_next_put_of(struct x64_ctx *x, uint32_t ref) {
  const struct ir_block *b = x->ir;
  for (uint32_t i = ref + 1; i < b->n && i <= x->loop.end && i <= ref + 8; i++) {
    const struct ir_insn *in = &b->insn[i];
    if (in->op == IR_PUT && x64_resolve(x, in->a) == ref)
      return i;
    if (in->op != IR_PUT && (ir_op_info[in->op].flags & (IRF_SIDE | IRF_EXIT | IRF_STATE)) &&
        in->op != IR_GET)
      return 0;
  }
  return 0;
}

/* The pinned register ref, a new value of a carried slot, can be defined
 * in: the slot's own, when the PUT of ref follows with nothing in between
 * that observes the slot, and the register's old value dies by ref (as
 * ref's operand hint, which its lowering reads before it writes, or any
 * operand of a load). Then the back edge needs no move for it. Not where
 * ref could take over its hint's register instead (an op in place needs
 * no mov first). X64_NOREG: none. */
unsigned x64_loop_target(struct x64_ctx *x, uint32_t ref, uint32_t hint) {
  const struct ir_insn *in = &x->ir->insn[ref];
  if (!x->loop.n || x->loop.closed || ref > x->loop.end || in->type == IR_V128 ||
      ((ir_op_info[in->op].flags & IRF_MEM) && in->op != IR_LOAD))
    return X64_NOREG; /* an atomic may write its register (operand b), then fault */
  uint32_t p = x64_next_put_of(x, ref);
  struct x64_carry *c = p ? x64_carry_at(x, p) : NULL;
  if (!c || c->reg == X64_NOREG || x64_is_lazy_carry(x, c) || c->size == 16)
    return X64_NOREG; /* a flags op has no value to define in place, nor a half an xmm */
  return x64_target_in(x, ref, hint, c->reg);
}

/* ref is a GET or PUT of a carried slot. */
int x64_loop_carries(struct x64_ctx *x, uint32_t ref) {
  return x64_carry_at(x, ref) != NULL;
}

/* A PUT of a carried slot stores nothing now: true when ref was one. */
int x64_loop_put(struct x64_ctx *x, uint32_t ref) {
  struct x64_carry *c = x64_carry_at(x, ref);
  if (!c)
    return 0;
  unsigned h = x->loop.half_of[ref];
  if (h == 1)
    c->lo = ref;
  else if (h == 2)
    c->hi = ref;
  else
    c->cur = ref, c->lo = c->hi = 0;
  if (c->lo && c->hi)
    c->cur = 0; /* a whole value both halves replaced (its life ends there: x64_extend_puts) */
  if (x64_is_lazy_carry(x, c)) /* the flags PUT: all three of the lazy image */
    c[1].cur = c[2].cur = ref;
  return 1;
}

/* At a memory access: where each written slot's value is. */
void x64_loop_record(struct x64_ctx *x) {
  for (unsigned k = 0; k < x->loop.n && !x->loop.closed; k++) {
    const struct x64_carry *c = &x->loop.c[k];
    if (c->cur && x64_lazy_tail(x, k))
      continue; /* recorded with lazy_a: the flags PUT's lazy record */
    if (c->cur)
      x64_defer_add_put(x, c->cur);
    else if (c->wrote && c->reg != X64_NOREG)
      x64_defer_add_reg(x, c->off, c->size, c->reg);
    /* else the state struct holds it */
    if (c->lo) /* over the 16 bytes just recorded: a fault writes them in order */
      x64_defer_add_put(x, c->lo);
    if (c->hi)
      x64_defer_add_put(x, c->hi);
  }
}

/* The register of slot c into the state struct. */
static void x64_carry_reg_store(struct x64_ctx *x, const struct x64_carry *c) {
  if (c->size == 16)
    x64_sse_rm(x->buf, X64_MOVDQU_STORE, c->reg, x64_cpu_field(c->off)); /* movdqu [r14+off] */
  else
    x64_store_reg(x, c->size, c->off, c->reg);
}

/* Slot c's value into the state struct (nothing when it is there already). */
static void x64_carry_store(struct x64_ctx *x, const struct x64_carry *c,
                            void (*store)(struct x64_ctx *, uint32_t)) {
  if (c->cur)
    store(x, c->cur);
  else if (c->wrote && c->reg != X64_NOREG)
    x64_carry_reg_store(x, c);
  if (c->lo) /* the halves written since, over it */
    store(x, c->lo);
  if (c->hi)
    store(x, c->hi);
}

/* On an exit's path: every written slot's value. */
void x64_loop_flush(struct x64_ctx *x, void (*store)(struct x64_ctx *, uint32_t)) {
  for (unsigned k = 0; k < x->loop.n && !x->loop.closed; k++)
    if (!x->loop.c[k].cur || !x64_lazy_tail(x, k)) /* the flags PUT stored once */
      x64_carry_store(x, &x->loop.c[k], store);
}

int x64_is_back_edge(struct x64_ctx *x, uint32_t ref) {
  return x->loop.n && ref <= x->loop.end && x64_is_back_edge_insn(x->ir, &x->ir->insn[ref]);
}

/* After the last back edge, on the path that stays in the block: every
 * slot back into the state struct, and the registers free again. */
void x64_loop_close(struct x64_ctx *x, uint32_t ref, void (*store)(struct x64_ctx *, uint32_t)) {
  if (!x->loop.n || ref != x->loop.end)
    return;
  x64_loop_flush(x, store);
  if (x->loop.freed) { /* the rest of the block has the pinned slots back */
    x64_ra_evict(x, x64_pin_regs_of(x->loop.freed));
    x64_loop_unfree(x);
    x64_defer_mark_close(x, (uint32_t)(x->buf->cur - x->blk->code));
  }
  x->loop.closed = 1;
  x->ra.pinned = x64_pin_mask;
  x->ra.xpinned = 0;
  x->loop.spills = x->ra.spills;
  x->loop.vspills = x->ra.vspills;
}

/* After a translation: when the pinned xmm registers made the allocator
 * spill inside the loop, one fewer (lim->xpins) and again (true). When the
 * general ones did, again with one fewer, down to none or no spill; then
 * the count that gave the fewest spills less pinned slots (each pinned slot
 * saves a load and a store an iteration, each spill costs them), if that
 * was not the last. */
int x64_loop_retry(struct x64_ctx *x, struct x64_limits *lim) {
  unsigned spills = x->loop.closed ? x->loop.spills : x->ra.spills;
  unsigned vspills = x->loop.closed ? x->loop.vspills : x->ra.vspills;
  if (x->loop.xpins && vspills) {
    lim->xpins = x->loop.xpins - 1;
    return 1;
  }
  if (lim->settled || (!lim->tried && (!x->loop.pins || !spills)))
    return 0;
  int cost = (int)spills - (int)x->loop.pins;
  if (!lim->tried || cost < lim->best_cost) {
    lim->best_cost = cost;
    lim->best_pins = x->loop.pins;
  }
  lim->tried = 1;
  if (x->loop.pins && spills) {
    lim->pins = x->loop.pins - 1;
    return 1;
  }
  if (cost <= lim->best_cost)
    return 0;
  lim->pins = lim->best_pins;
  lim->settled = 1;
  return 1;
}

/* True when carried slot c's value is in its pinned register already. */
static int x64_carry_in_place(struct x64_ctx *x, const struct x64_carry *c) {
  uint32_t v = x64_resolve(x, x->ir->insn[c->cur].a);
  return v && x->ra.loc[v].kind == X64_LOC_REG && x->ra.loc[v].reg == c->reg;
}

/* The pinned registers a back edge's moves write: those of the slots
 * written since the header, unless defined in place (x64_loop_target). A
 * store that reads one goes before the moves. */
static uint16_t x64_moved_regs(struct x64_ctx *x, int vec) {
  uint16_t regs = 0;
  for (unsigned k = 0; k < x->loop.n; k++) {
    const struct x64_carry *c = &x->loop.c[k];
    if (c->reg != X64_NOREG && (c->size == 16) == vec &&
        ((c->cur && !x64_carry_in_place(x, c)) || c->lo || c->hi))
      regs |= (uint16_t)(1u << c->reg);
  }
  return regs;
}

/* On a way out of the loop: the freed pinned slots back in their registers. */
void x64_loop_unfree(struct x64_ctx *x) {
  if (!x->loop.closed)
    x64_pin_load(x->buf, x->loop.freed);
}

/* The back edge's stub: the state the header would start from, stored. */
static void x64_loop_stub(struct x64_ctx *x) {
  for (unsigned k = 0; k < x->loop.n; k++) {
    const struct x64_carry *c = &x->loop.c[k];
    if (c->reg != X64_NOREG && c->wrote) {
      x64_carry_reg_store(x, c); /* after the moves: the new value */
    } else if (c->reg == X64_NOREG && !c->early) {
      if (c->cur)
        x->loop.store(x, c->cur);
      if (c->lo)
        x->loop.store(x, c->lo);
      if (c->hi)
        x->loop.store(x, c->hi);
    }
  }
  x64_loop_unfree(x);
}

struct x64_move {
  uint8_t dst, src, w;
};

/* One move of x64_parallel_moves: mov dst, src (with vec: movdqa). */
static void x64_move(struct x64_ctx *x, int vec, unsigned w, unsigned dst, unsigned src) {
  if (vec)
    x64_sse_rr(x->buf, X64_MOVDQA, dst, src);
  else
    x64_mov_rr(x->buf, w, dst, src);
}

/* Register-to-register moves as if all at once: a move whose destination no
 * other move reads goes first; a cycle is broken through rax (xmm15). */
static void x64_parallel_moves(struct x64_ctx *x, struct x64_move *m, unsigned n, int vec) {
  unsigned tmp = vec ? X64_XS0 : X64_RAX;
  while (n) {
    unsigned i = 0;
    for (; i < n; i++) {
      unsigned j = 0;
      while (j < n && (j == i || m[j].src != m[i].dst))
        j++;
      if (j == n)
        break;
    }
    if (i == n) { /* every destination is read: a cycle */
      x64_move(x, vec, 1, tmp, m[0].dst);
      for (unsigned j = 1; j < n; j++)
        if (m[j].src == m[0].dst)
          m[j].src = (uint8_t)tmp;
      continue;
    }
    x64_move(x, vec, m[i].w, m[i].dst, m[i].src);
    m[i] = m[--n];
  }
}

/* The value carry k of the lazy image takes from flags op f (0: none, as
 * lazy_b of an op with an immediate or none); *op: lazy_op's constant. */
static uint32_t x64_lazy_value(struct x64_ctx *x, unsigned k, const struct ir_insn *f,
                               uint32_t *op) {
  int imm = ir_is_const(x->ir, f->b) && x->ir->insn[f->b].imm < IR_LAZY_IMM_LIMIT;
  *op = imm ? IR_LAZY_OP_IMM(f->op, f->aux, x->ir->insn[f->b].imm) : IR_LAZY_OP(f->op, f->aux);
  return k == 0 ? f->a : k == 1 && !imm ? f->b : 0; /* as x64_lower_lazy_put stores them */
}

/* Each pinned slot's value into its register, as the header expects it. */
static void x64_loop_moves(struct x64_ctx *x) {
  struct x64_move m[X64_CARRY_MAX];
  uint32_t later[X64_CARRY_MAX], op;
  unsigned n = 0, n_later = 0;
  for (unsigned k = 0; k < x->loop.n; k++) {
    const struct x64_carry *c = &x->loop.c[k];
    if (c->reg == X64_NOREG || !c->cur || c->size == 16)
      continue;
    uint32_t v = x64_resolve(x, x->ir->insn[c->cur].a);
    if (x64_is_lazy_carry(x, c)) {
      unsigned j = k - (unsigned)x->loop.lazy;
      v = x64_resolve(x, x64_lazy_value(x, j, &x->ir->insn[x->ir->insn[c->cur].a], &op));
      if (j == 2 || (j == 1 && !v)) { /* lazy_op, or lazy_b unused: a constant */
        later[n_later++] = k;
        continue;
      }
    }
    const struct x64_loc *l = &x->ra.loc[v];
    if (v && l->kind == X64_LOC_REG && l->reg != c->reg)
      m[n++] = (struct x64_move){c->reg, l->reg, c->size == 8};
    else if (!v || l->kind != X64_LOC_REG)
      later[n_later++] = k;
  }
  x64_parallel_moves(x, m, n, 0);
  for (unsigned j = 0; j < n_later; j++) { /* constants and spilled values: no register read */
    const struct x64_carry *c = &x->loop.c[later[j]];
    if (x64_is_lazy_carry(x, c)) {
      unsigned i = later[j] - (unsigned)x->loop.lazy;
      uint32_t v = x64_lazy_value(x, i, &x->ir->insn[x->ir->insn[c->cur].a], &op);
      if (i == 2)
        x64_mov_ri(x->buf, c->reg, op);
      else if (v)
        x64_load_value(x, c->reg, v);
      continue;
    }
    x64_load_value(x, c->reg, x->ir->insn[c->cur].a);
    if (c->size == 4)
      x64_mov_rr(x->buf, 0, c->reg, c->reg); /* mov r32, r32: the high half zero */
  }
}

/* The halves of v128 slot c written since its value (the whole PUT, or the
 * header's) into its xmm register, through rax: the low half with the high
 * one zeroed is one movq. */
static void x64_loop_vhalves(struct x64_ctx *x, const struct x64_carry *c) {
  const struct ir_block *b = x->ir;
  if (c->lo && c->hi && ir_is_const(b, b->insn[c->hi].a) && !b->insn[b->insn[c->hi].a].imm) {
    x64_movq_xr(x->buf, 1, c->reg, x64_src(x, b->insn[c->lo].a, X64_RAX)); /* movq xmm, r */
    return;
  }
  if (c->lo) /* pinsrq xmm, r, 0 */
    x64_pinsr(x->buf, 3, c->reg, x64_src(x, b->insn[c->lo].a, X64_RAX), 0);
  if (c->hi) /* pinsrq xmm, r, 1 */
    x64_pinsr(x->buf, 3, c->reg, x64_src(x, b->insn[c->hi].a, X64_RAX), 1);
}

/* Each pinned v128 slot's value into its xmm register, as the header
 * expects it: the moves between registers, the spilled values, then the
 * halves written since (before the general registers move: a half may be
 * the value of a carried general-purpose slot). */
static void x64_loop_vmoves(struct x64_ctx *x) {
  struct x64_move m[X64_CARRY_MAX];
  uint32_t later[X64_CARRY_MAX];
  uint8_t later_reg[X64_CARRY_MAX];
  unsigned n = 0, n_later = 0;
  for (unsigned k = 0; k < x->loop.n; k++) {
    const struct x64_carry *c = &x->loop.c[k];
    if (c->reg == X64_NOREG || !c->cur || c->size != 16)
      continue; /* (no whole value since the header: its halves, x64_loop_vhalves) */
    uint32_t v = x64_resolve(x, x->ir->insn[c->cur].a);
    const struct x64_loc *l = &x->ra.loc[v];
    if (l->kind == X64_LOC_REG && l->reg != c->reg)
      m[n++] = (struct x64_move){c->reg, l->reg, 1};
    else if (l->kind != X64_LOC_REG)
      later_reg[n_later] = c->reg, later[n_later++] = v;
  }
  x64_parallel_moves(x, m, n, 1);
  for (unsigned j = 0; j < n_later; j++) /* spilled values: no register read */
    x64_vload_value(x, later_reg[j], later[j]);
  for (unsigned k = 0; k < x->loop.n; k++)
    if (x->loop.c[k].reg != X64_NOREG && x->loop.c[k].size == 16)
      x64_loop_vhalves(x, &x->loop.c[k]);
}

/* Carry c has no register and its value is in one the moves write: it is
 * stored before them. */
static int x64_carry_early(struct x64_ctx *x, const struct x64_carry *c, uint16_t moved,
                           uint16_t xmoved) {
  if (c->reg != X64_NOREG)
    return 0;
  if (c->size != 16)
    return c->cur && x64_defer_put_reads(x, c->cur, moved);
  const struct x64_loc *l = &x->ra.loc[x64_resolve(x, x->ir->insn[c->cur].a)];
  return (c->cur && l->kind == X64_LOC_REG && (xmoved >> l->reg & 1)) ||
         (c->lo && x64_defer_put_reads(x, c->lo, moved)) ||
         (c->hi && x64_defer_put_reads(x, c->hi, moved));
}

/* A back edge: the stores it still needs, the moves, then the exit to the
 * block's start, which chaining points at the header (x64_patch). */
void x64_loop_back_edge(struct x64_ctx *x, void (*store)(struct x64_ctx *, uint32_t)) {
  uint16_t moved = x64_moved_regs(x, 0), xmoved = x64_moved_regs(x, 1);
  for (unsigned k = 0; k < x->n_defer_set; k++)
    store(x, x->defer_set[k]);
  for (unsigned k = 0; k < x->loop.n; k++) {
    struct x64_carry *c = &x->loop.c[k];
    c->early = (uint8_t)x64_carry_early(x, c, moved, xmoved);
    if (c->early && c->cur)
      store(x, c->cur);
    if (c->early && c->lo)
      store(x, c->lo);
    if (c->early && c->hi)
      store(x, c->hi);
  }
  x64_loop_vmoves(x);
  x64_loop_moves(x);
  x->loop.store = store;
  x64_exit_via(x, x->ir->guest_pc, x64_loop_stub);
}

/* Where chaining a back edge of blk to blk itself jumps: its loop header,
 * or NULL when blk carries nothing. */
const uint8_t *x64_loop_entry(const struct tc_block *blk) {
  uint32_t off;
  return x64_defer_mark(blk, &off) ? blk->code + off : NULL;
}
