/* x64_regalloc.c - linear-scan register allocation over one straight-line
 * block, done while the block is emitted.
 *
 * Each value gets a register when it is defined and keeps it until its last
 * use. When none is free, the value read again furthest ahead moves to a
 * stack slot (the store is emitted right there; x64_victim_of). Values live
 * across a call prefer the callee-saved registers; whatever is still in a caller-saved
 * register at a call moves to a slot. Constants live nowhere: they become
 * immediates or are materialized into a scratch register at each use; a
 * guest address (IR_CONST_GUEST) always by a movabs it records (x64_reloc.c).
 * rcx and rdx come after every other register, to values that live only
 * across instructions that leave them alone (x64_scratch.c).
 * IR_V128 values are a second class, in xmm0-13, spilled to 16-byte aligned
 * slot pairs (the trampoline keeps rsp 16-byte aligned); every xmm is
 * caller-saved, so at a call every v128 that outlives it is spilled.
 */
#include <stdlib.h>
#include <sys/platform/x86.h>
#include "x64.h"

static const uint8_t x64_caller_saved[] = {X64_RSI, X64_RDI, X64_R8, X64_R9, X64_R10, X64_R11};
static const uint8_t x64_callee_saved[] = {X64_RBX, X64_RBP, X64_R12, X64_R13, X64_R15};
static const uint8_t x64_scratch_regs[] = {X64_RDX, X64_RCX};
static const uint8_t x64_call_clobbered[] = {X64_RSI, X64_RDI, X64_R8,  X64_R9,
                                             X64_R10, X64_R11, X64_RDX, X64_RCX};

static int x64_have_popcnt(void) {
  return CPU_FEATURE_ACTIVE(POPCNT); /* glibc's CPUID record (x64_feat) */
}

/* A GET of the flags slot: lazily kept flags are read back first
 * (x64_lazy.c), which changes rax, rcx, rdx and the host flags. */
int x64_is_flags_get(const struct ir_block *b, const struct ir_insn *in) {
  return in->op == IR_GET && b->flags_off && in->imm == b->flags_off && in->type != IR_V128;
}

/* A PUT of a FLAGS_ADD/SUB/LOGIC value to the flags slot, kept lazily. */
int x64_is_lazy_put(const struct ir_block *b, const struct ir_insn *in) {
  if (in->op != IR_PUT || !b->flags_off || in->imm != b->flags_off)
    return 0;
  unsigned op = b->insn[in->a].op;
  return op == IR_FLAGS_ADD || op == IR_FLAGS_SUB || op == IR_FLAGS_LOGIC;
}

/* Readers of a flags op's operands that store them as lazy flags on exits'
 * paths (a deferred lazy flags PUT, or flags select's PUT), or compare them
 * again (a branch on a flags select). They read a value left in the state
 * as well (x64_stateget.c), and are no reader that keeps it out of there. */
int x64_reads_lazily(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = &x->ir->insn[ref];
  if (in->op == IR_EXIT_IF)
    return x->fuse[ref] == X64_FUSE_SPLIT;
  return in->op == IR_PUT && (in->aux & IR_PUT_DEFER) &&
         (x64_is_lazy_put(x->ir, in) || x64_is_lazy_sel_put(x, in));
}

/* Ops lowered to a call of a C function (clobbering the caller-saved registers).
 * Inlined in x64_ra_init's walk over every instruction. */
static inline __attribute__((always_inline)) int x64_is_call_in(const struct ir_block *b,
                                                                const struct ir_insn *in) {
  (void)b; /* the answer is the op's alone */
  if (ir_is_vec_op(in->op))
    return !x64_vec_native(in);
  switch (in->op) {
  case IR_CALL: return 1;
  case IR_POPCNT: return !x64_have_popcnt();
  case IR_CRC32C: return !(x64_feat() & X64_F_SSE42);
  default: return 0;
  }
}

int x64_is_v128(struct x64_ctx *x, uint32_t ref) {
  return ref && x->ir->insn[ref].type == IR_V128;
}

int x64_is_call(const struct ir_block *b, const struct ir_insn *in) {
  return x64_is_call_in(b, in);
}

int x64_ra_init(struct x64_ctx *x) {
  const struct ir_block *b = x->ir;
  struct x64_ra *ra = &x->ra;
  *ra = (struct x64_ra){.pinned = x64_pin_mask, .scratch_fixed = ra->scratch_fixed};
  ra->last_use = ir_scratch(b, (b->n + 1) * sizeof(*ra->last_use));
  ra->next_call = ir_scratch_raw(b, (b->n + 1) * sizeof(*ra->next_call)); /* filled below */
  ra->loc = ir_scratch(b, (b->n + 1) * sizeof(*ra->loc));
  ra->reader = ir_scratch(b, (b->n + 1) * sizeof(*ra->reader));
  if (!ra->last_use || !ra->next_call || !ra->loc || !ra->reader)
    return -1;
  const uint32_t n = b->n; /* in locals: the stores below could alias b's fields */
  uint32_t *last_use = ra->last_use, *next_call = ra->next_call, *reader = ra->reader;
  const uint8_t *fuse = x->fuse;
  for (uint32_t i = 1; i < n; i++) {
    uint32_t v[6];
    if (fuse[i] == X64_FUSE_ADDR || fuse[i] == X64_FUSE_TESTMASK)
      continue; /* its operands are read where it is folded, or tested */
    /* a loose TRUNC has no instruction (its readers read v); lazy flags
     * read v where it is, also in the state */
    int counts = fuse[i] != X64_FUSE_LOOSE && !x64_reads_lazily(x, i);
    for (unsigned k = 0, nr = x64_reads(x, i, v); k < nr; k++) {
      last_use[v[k]] = i;
      if (counts)
        reader[v[k]] = reader[v[k]] ? UINT32_MAX : i;
    }
  }
  next_call[n] = UINT32_MAX;
  for (uint32_t i = n; i-- > 1;)
    next_call[i] = x64_is_call_in(b, &b->insn[i]) ? i : next_call[i + 1];
  return 0;
}

/* Once last_use is final (x64_defer_init extends it): per index, the values
 * whose last use it is, for x64_ra_release. */
int x64_ra_dies(struct x64_ctx *x) {
  const struct ir_block *b = x->ir;
  struct x64_ra *ra = &x->ra;
  ra->die_head = ir_scratch(b, 2 * ((size_t)b->n + 1) * sizeof(uint32_t));
  if (!ra->die_head)
    return -1;
  ra->die_next = ra->die_head + b->n + 1;
  /* No branch on whether v is used at all: the unused go on list 0, which
   * no instruction reads (which way that goes is hard to predict). */
  for (uint32_t v = b->n; v-- > 1;) {
    uint32_t at = ra->last_use[v];
    ra->die_next[v] = ra->die_head[at];
    ra->die_head[at] = v;
  }
  return 0;
}

void x64_ra_free(struct x64_ctx *x) {
  x->ra = (struct x64_ra){0}; /* its tables are the block's scratch memory */
}

/* The stack slot of a spilled value (a loc's slot). */
struct x64_mem x64_slot_mem(unsigned slot) {
  return x64_mem(X64_RSP, (int32_t)slot * 8);
}

static int x64_slot_busy(struct x64_ctx *x, unsigned s) {
  return x->ra.slot_used[s / 64] >> (s % 64) & 1;
}

/* n (1 or 2) free slots starting at a multiple of n: 8 or 16 aligned bytes. */
static int x64_slot_alloc(struct x64_ctx *x, unsigned n) {
  for (unsigned s = 0; s + n <= X64_SLOTS; s += n)
    if (!x64_slot_busy(x, s) && (n == 1 || !x64_slot_busy(x, s + 1))) {
      for (unsigned k = 0; k < n; k++)
        x->ra.slot_used[(s + k) / 64] |= 1ull << ((s + k) % 64);
      return (int)s;
    }
  x->error = "too many live values for the spill area";
  return 0;
}

/* Move the value in register r to a stack slot; r becomes free. */
static void x64_spill(struct x64_ctx *x, unsigned r) {
  uint32_t v = x->ra.reg_val[r];
  int slot = x64_slot_alloc(x, 1);
  x64_store(x->buf, 3, x64_slot_mem(slot), r); /* mov [rsp+slot*8], r */
  x->ra.spills++;
  x->ra.loc[v] = (struct x64_loc){X64_LOC_SLOT, 0, (uint16_t)slot};
  x->ra.reg_val[r] = 0;
}

/* Move the v128 in xmm r to a 16-byte slot pair; r becomes free. */
static void x64_vspill(struct x64_ctx *x, unsigned r) {
  uint32_t v = x->ra.xmm_val[r];
  int slot = x64_slot_alloc(x, 2);
  x64_sse_rm(x->buf, X64_MOVDQU_STORE, r, x64_slot_mem(slot)); /* movdqu [rsp+slot*8], xmm */
  x->ra.vspills++;
  x->ra.loc[v] = (struct x64_loc){X64_LOC_SLOT, 0, (uint16_t)slot};
  x->ra.xmm_val[r] = 0;
}

/* Of the registers in cand (vals: what each holds), the one whose value is
 * read again furthest ahead of ref (Belady's choice): the instructions from
 * ref on are walked until one candidate is left unread, or X64_VICTIM_WALK
 * of them; among several not read by then (or only stored by exit paths),
 * the one used last. A spill is rare, so no table of next reads is kept. */
enum { X64_VICTIM_WALK = 48 };

static unsigned x64_victim_of(struct x64_ctx *x, uint32_t ref, const uint32_t *vals,
                              uint32_t cand) {
  const struct ir_block *b = x->ir;
  uint32_t end = b->n - ref > X64_VICTIM_WALK ? ref + X64_VICTIM_WALK : b->n;
  for (uint32_t i = ref; i < end && (cand & (cand - 1)); i++) {
    uint32_t v[6];
    if (x->fuse[i] == X64_FUSE_ADDR || x->fuse[i] == X64_FUSE_TESTMASK)
      continue; /* read where folded, as in x64_ra_init */
    for (unsigned k = 0, nr = x64_reads(x, i, v); k < nr && (cand & (cand - 1)); k++) {
      const struct x64_loc *l = &x->ra.loc[v[k]];
      if (l->kind == X64_LOC_REG && vals[l->reg] == v[k])
        cand &= ~(1u << l->reg);
    }
  }
  unsigned best = 0;
  uint32_t far = 0;
  for (unsigned r = 0; r < 16; r++)
    if ((cand >> r & 1) && x->ra.last_use[vals[r]] >= far)
      far = x->ra.last_use[vals[r]], best = r;
  return best;
}

/* A free xmm for ref, or the one whose value is read again furthest ahead,
 * spilled (never a pinned one: x64_loop_init leaves others). */
static unsigned x64_vpick(struct x64_ctx *x, uint32_t ref) {
  uint32_t cand = 0;
  for (unsigned r = 0; r < X64_XMM_ALLOC; r++) {
    if (x->ra.xpinned >> r & 1)
      continue;
    if (!x->ra.xmm_val[r])
      return r;
    cand |= 1u << r;
  }
  unsigned best = x64_victim_of(x, ref, x->ra.xmm_val, cand);
  x64_vspill(x, best);
  return best;
}

static int x64_is_pinned(struct x64_ctx *x, unsigned r) {
  return x->ra.pinned >> r & 1;
}

static int x64_free_in(struct x64_ctx *x, const uint8_t *regs, unsigned n) {
  for (unsigned i = 0; i < n; i++)
    if (!x->ra.reg_val[regs[i]] && !x64_is_pinned(x, regs[i]))
      return regs[i];
  return -1;
}

/* The occupied register whose value is read again furthest ahead of ref
 * (never a pinned one: x64_loop_init leaves enough others). */
static unsigned x64_victim(struct x64_ctx *x, uint32_t ref) {
  uint32_t cand = 0, scratch = x64_scratch_ok(x, ref) ? 0 : 1u << X64_RCX | 1u << X64_RDX;
  for (unsigned r = 0; r < 16; r++)
    if (x->ra.reg_val[r] && !x64_is_pinned(x, r) && !(scratch >> r & 1))
      cand |= 1u << r;
  return cand ? x64_victim_of(x, ref, x->ra.reg_val, cand) : X64_RBX;
}

static int x64_crosses_call(struct x64_ctx *x, uint32_t ref) {
  return x->ra.next_call[ref + 1] < x->ra.last_use[ref];
}

static unsigned x64_pick(struct x64_ctx *x, uint32_t ref) {
  int crosses = x64_crosses_call(x, ref);
  const uint8_t *first = crosses ? x64_callee_saved : x64_caller_saved;
  const uint8_t *second = crosses ? x64_caller_saved : x64_callee_saved;
  unsigned n1 = crosses ? sizeof(x64_callee_saved) : sizeof(x64_caller_saved);
  unsigned n2 = crosses ? sizeof(x64_caller_saved) : sizeof(x64_callee_saved);
  int r = x64_free_in(x, first, n1);
  if (r < 0)
    r = x64_free_in(x, second, n2);
  if (r < 0 && x64_scratch_ok(x, ref))
    r = x64_free_in(x, x64_scratch_regs, sizeof(x64_scratch_regs));
  if (r < 0) {
    r = (int)x64_victim(x, ref);
    x64_spill(x, (unsigned)r);
  }
  return (unsigned)r;
}

/* The values in registers regs go to slots: the registers are taken back
 * (x64_loop_close). Not spills the allocator chose: x64_loop_retry does not
 * count them. */
void x64_ra_evict(struct x64_ctx *x, uint16_t regs) {
  for (unsigned r = 0; r < 16; r++)
    if ((regs >> r & 1) && x->ra.reg_val[r]) {
      x64_spill(x, r);
      x->ra.spills--;
    }
}

/* At a call: values in caller-saved registers that outlive it go to slots. */
void x64_ra_call(struct x64_ctx *x, uint32_t ref) {
  for (unsigned i = 0; i < sizeof(x64_call_clobbered); i++) {
    uint32_t v = x->ra.reg_val[x64_call_clobbered[i]];
    if (v && x->ra.last_use[v] > ref && !x64_is_pinned(x, x64_call_clobbered[i]))
      x64_spill(x, x64_call_clobbered[i]);
  }
  for (unsigned r = 0; r < X64_XMM_ALLOC; r++) {
    uint32_t v = x->ra.xmm_val[r];
    if (v && x->ra.last_use[v] > ref && !(x->ra.xpinned >> r & 1))
      x64_vspill(x, r);
  }
}

/* Whether ref may have general-purpose register r: rcx and rdx only as
 * x64_scratch_ok allows. */
static int x64_may_take(struct x64_ctx *x, uint32_t ref, unsigned r) {
  return (r != X64_RCX && r != X64_RDX) || x64_scratch_ok(x, ref);
}

/* Give ref a register. With hint (an operand that dies here and sits in a
 * register), ref takes over that register; the lowering must allow it. */
void x64_ra_def(struct x64_ctx *x, uint32_t ref, uint32_t hint) {
  const struct ir_insn *in = &x->ir->insn[ref];
  if (in->op == IR_CONST) {
    x->ra.loc[ref] = (struct x64_loc){X64_LOC_CONST, 0, 0};
    return;
  }
  unsigned r;
  int vec = in->type == IR_V128;
  hint = x64_resolve(x, hint);
  if (x->ra.pinned && (r = x64_pin_target(x, ref, hint)) != X64_NOREG)
    ; /* a pinned slot's next value, in the slot's register (x64_pin.c) */
  else if (x->ra.pinned && (r = x64_loop_target(x, ref, hint)) != X64_NOREG)
    ; /* a carried slot's next value, in the slot's register */
  else if (hint && x->ra.loc[hint].kind == X64_LOC_REG && x->ra.last_use[hint] == ref &&
           x64_is_v128(x, hint) == vec && (vec || x64_may_take(x, ref, x->ra.loc[hint].reg)) &&
           !((vec ? x->ra.xpinned : x->ra.pinned) >> x->ra.loc[hint].reg & 1))
    r = x->ra.loc[hint].reg;
  else
    r = vec ? x64_vpick(x, ref) : x64_pick(x, ref);
  if (vec)
    x->ra.xmm_val[r] = ref;
  else
    x->ra.reg_val[r] = ref;
  x->ra.loc[ref] = (struct x64_loc){X64_LOC_REG, (uint8_t)r, 0};
}

static void x64_ra_drop(struct x64_ctx *x, uint32_t v) {
  struct x64_loc *l = &x->ra.loc[v];
  uint32_t *regs = x64_is_v128(x, v) ? x->ra.xmm_val : x->ra.reg_val;
  if (l->kind == X64_LOC_REG && regs[l->reg] == v)
    regs[l->reg] = 0;
  else if (l->kind == X64_LOC_SLOT)
    for (unsigned k = 0; k < (x64_is_v128(x, v) ? 2u : 1u); k++)
      x->ra.slot_used[(l->slot + k) / 64] &= ~(1ull << ((l->slot + k) % 64));
  if (l->kind != X64_LOC_CONST)
    l->kind = X64_LOC_NONE;
}

/* After ref is emitted: free the values it used last, and ref if unused
 * (has_reg: x64_needs_reg of ref, as its caller found it). */
void x64_ra_release(struct x64_ctx *x, uint32_t ref, int has_reg) {
  for (uint32_t v = x->ra.die_head[ref]; v; v = x->ra.die_next[v])
    if (x->ra.loc[v].kind != X64_LOC_NONE)
      x64_ra_drop(x, v);
  if (has_reg && !x->ra.last_use[ref])
    x64_ra_drop(x, ref);
}

unsigned x64_dst(struct x64_ctx *x, uint32_t ref) {
  return x->ra.loc[ref].reg;
}

static uint64_t x64_const_value(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = &x->ir->insn[ref];
  return in->type == IR_I32 ? (uint32_t)in->imm : in->imm;
}

/* reg = the value of ref (never touches the flags). */
void x64_load_value(struct x64_ctx *x, unsigned reg, uint32_t ref) {
  ref = x64_resolve(x, ref);
  x64_scratch_load(x, reg, ref);
  const struct x64_loc *l = &x->ra.loc[ref];
  if (!ref)
    x64_mov_ri(x->buf, reg, 0);
  else if (l->kind == X64_LOC_CONST && ir_is_guest_const(x->ir, ref))
    x64_mov_guest(x, reg, x64_const_value(x, ref)); /* whole, never a shorter form */
  else if (l->kind == X64_LOC_CONST)
    x64_mov_ri(x->buf, reg, x64_const_value(x, ref));
  else if (l->kind == X64_LOC_SLOT)
    x64_load(x->buf, 3, 0, 1, reg, x64_slot_mem(l->slot));
  else if (l->kind == X64_LOC_STATE)
    x64_load(x->buf, l->reg, 0, 0, reg, x64_cpu_field(l->slot));
  else if (l->kind == X64_LOC_REG && l->reg != reg)
    x64_mov_rr(x->buf, 1, reg, l->reg);
  else if (l->kind == X64_LOC_NONE)
    x->error = "x64: operand has no location";
}

/* A register holding ref: its own, or scratch loaded with it. */
unsigned x64_src(struct x64_ctx *x, uint32_t ref, unsigned scratch) {
  ref = x64_resolve(x, ref);
  if (ref && x->ra.loc[ref].kind == X64_LOC_REG)
    return x->ra.loc[ref].reg;
  x64_scratch_free(x, scratch); /* not even the value being defined (x64_lower_select) */
  x64_load_value(x, scratch, ref);
  return scratch;
}

/* True when ref is a constant usable as the imm32 of a w-wide operation
 * (never a guest address: ir_is_const). */
int x64_const_imm32(struct x64_ctx *x, uint32_t ref, int w, int32_t *imm) {
  if (!ir_is_const(x->ir, ref))
    return 0;
  uint64_t v = x64_const_value(x, ref);
  if (w && (int64_t)v != (int32_t)v)
    return 0;
  *imm = (int32_t)v;
  return 1;
}

/* xmm = the v128 value of ref. */
void x64_vload_value(struct x64_ctx *x, unsigned xmm, uint32_t ref) {
  const struct x64_loc *l = &x->ra.loc[ref];
  if (l->kind == X64_LOC_SLOT)
    x64_sse_rm(x->buf, X64_MOVDQU_LOAD, xmm, x64_slot_mem(l->slot));
  else if (l->kind == X64_LOC_REG && l->reg != xmm)
    x64_sse_rr(x->buf, X64_MOVDQA, xmm, l->reg);
  else if (l->kind != X64_LOC_REG)
    x->error = "x64: vector operand has no location";
}

/* An xmm holding the v128 ref: its own, or scratch loaded with it. */
unsigned x64_vsrc(struct x64_ctx *x, uint32_t ref, unsigned scratch) {
  if (x->ra.loc[ref].kind == X64_LOC_REG)
    return x->ra.loc[ref].reg;
  x64_vload_value(x, scratch, ref);
  return scratch;
}

/* ref is in r, a register a guest slot keeps, with the values already there
 * (other GETs of the slot, its value defined there): r holds whichever is
 * used last, so that it reads as taken until then. */
void x64_ra_share(struct x64_ctx *x, uint32_t ref, unsigned r, int vec) {
  uint32_t *regs = vec ? x->ra.xmm_val : x->ra.reg_val;
  x->ra.loc[ref] = (struct x64_loc){X64_LOC_REG, (uint8_t)r, 0};
  if (!regs[r] || x->ra.last_use[ref] >= x->ra.last_use[regs[r]])
    regs[r] = ref;
}

/* ref, with operand hint, can be defined in r, a register a guest slot keeps,
 * when r's old value dies by ref and is read before ref writes r (ref's
 * operand hint, or any operand of a load: one instruction that reads all,
 * then writes), and ref could not take over hint's own register instead (an
 * op in place needs no mov first). */
unsigned x64_target_in(struct x64_ctx *x, uint32_t ref, uint32_t hint, unsigned r) {
  uint32_t old = x->ra.reg_val[r], h = x64_resolve(x, hint);
  int load = x->ir->insn[ref].op == IR_LOAD;
  const struct x64_loc *lh = &x->ra.loc[h];
  if (!load && h && x->ra.last_use[h] == ref && lh->kind == X64_LOC_REG &&
      !(x->ra.pinned >> lh->reg & 1))
    return X64_NOREG; /* in h's register it needs no move to start with */
  if (old && x->ra.last_use[old] > ref)
    return X64_NOREG;
  if (old && x->ra.last_use[old] == ref && h != old && !load)
    return X64_NOREG;
  return r;
}
