/* x64_pin.c - guest registers that live in host registers in all translated
 * code: a few 8-byte state slots (the guest's busiest integer registers, as
 * its descriptor lists them, struct guest.hot_regs) each own a callee-saved
 * host register from the entry trampoline to the exit trampoline.
 *
 *   entry:  mov rbx, [r14+x0] ...          loaded once per entry from the run loop
 *   block:  get x0 -> rbx                  a GET is the register (or a copy of it)
 *           put x0 = v -> mov rbx, v       a PUT writes it (or v is made in it)
 *           chained jumps and jump-cache hits keep them
 *   call:   mov [r14+x0], rbx ... call ... mov rbx, [r14+x0]   a helper sees the state
 *   exit:   mov [r14+x0], rbx ...          the run loop sees the state exact
 *
 * A loop block that never reaches some pinned slots may borrow their
 * registers for as long as it loops (x64_loop.c).
 *
 * While translated code runs, the state struct's copy of a pinned slot is
 * stale; the register is the truth. A fault in a block takes it from the
 * host context (x64_pin_fault); a signal arriving meanwhile is delivered at
 * a block boundary, after an exit stored them. A GET keeps the register as
 * its value when nothing writes the slot (a PUT, a call's reload) before its
 * last use; else it copies it. An access of other bytes of a pinned slot
 * (another size, or a v128 over it) goes through the state struct, stored
 * before and reloaded after.
 */
#define _GNU_SOURCE /* REG_* of ucontext */
#include <stdbool.h>
#include <string.h>
#include <ucontext.h>
#include "x64.h"

/* The host registers pinned slots take, in order: callee-saved, so that
 * helper calls keep them (x64_loop.c pins from the others). A sixth, r11
 * for x2, stored before every call of C code and loaded after it, took 0.7
 * to 1.4 % of host instructions off lua5.4, sqlite3, perl and gzip but
 * added 4.7 % to sha256sum and 2.3 % to a SHA-256 loop, whose blocks then
 * had one register too few (callgrind): not kept. */
static const uint8_t x64_pin_regs[X64_GPIN_MAX] = {X64_RBX, X64_RBP, X64_R12, X64_R13, X64_R15};

struct x64_pin x64_pins[X64_GPIN_MAX];
unsigned x64_n_pins;
uint16_t x64_pin_mask;

/* The pinned slots each 4-byte cell of the state's first 4 KiB is part of
 * (a mask of indexes), for x64_pin_overlaps, which every GET and PUT asks;
 * 0 for all when a slot is not 4-byte aligned (then the slots are scanned).
 * x64_pin_span[s][c]: those that 4 << s bytes from cell c reach (s = 0, 1, 2:
 * the sizes of GETs and PUTs). */
enum { X64_PIN_CELLS = 1024 };
static uint8_t x64_pin_cell[X64_PIN_CELLS];
static uint8_t x64_pin_span[3][X64_PIN_CELLS];
/* x64_pin_start[c]: 1 + the index of the pinned slot that starts at cell c, or 0. */
static uint8_t x64_pin_start[X64_PIN_CELLS];
static bool x64_pin_cells_ok;

/* Slot k in cells c0 and c0 + 1 is reached by 4 << s bytes from each cell
 * c0 - 2^s + 1 to c0 + 1: a few entries a slot, not a walk over all cells
 * (every start pins its slots). */
static void x64_pin_span_add(unsigned k, uint32_t c0) {
  for (unsigned s = 0; s < 3; s++)
    for (uint32_t c = c0 + 1 >= (1u << s) ? c0 + 1 - (1u << s) : 0; c <= c0 + 1; c++)
      x64_pin_span[s][c] |= (uint8_t)(1u << k);
}

static void x64_pin_cells(void) {
  memset(x64_pin_cell, 0, sizeof(x64_pin_cell));
  memset(x64_pin_start, 0, sizeof(x64_pin_start));
  memset(x64_pin_span, 0, sizeof(x64_pin_span));
  x64_pin_cells_ok = true;
  for (unsigned k = 0; k < x64_n_pins; k++) {
    uint32_t off = x64_pins[k].off;
    if (off % 4 || off / 4 + 2 > X64_PIN_CELLS) {
      x64_pin_cells_ok = false;
      continue;
    }
    x64_pin_cell[off / 4] |= (uint8_t)(1u << k), x64_pin_cell[off / 4 + 1] |= (uint8_t)(1u << k);
    x64_pin_start[off / 4] = (uint8_t)(k + 1);
    x64_pin_span_add(k, off / 4);
  }
}

/* Pin the first n (at most X64_GPIN_MAX) of the 8-byte state slots at
 * offs; before x64_init, which emits the trampolines that load and store
 * them. n = 0: none. */
void x64_pin_slots(const uint32_t *offs, unsigned n) {
  x64_n_pins = n < X64_GPIN_MAX ? n : X64_GPIN_MAX;
  x64_pin_mask = 0;
  for (unsigned k = 0; k < x64_n_pins; k++) {
    x64_pins[k] = (struct x64_pin){.off = offs[k], .reg = x64_pin_regs[k]};
    x64_pin_mask |= (uint16_t)(1u << x64_pin_regs[k]);
  }
  x64_pin_cells();
}

/* What shapes the code: the pinned slots and their registers. */
uint64_t x64_pin_key(void) {
  uint64_t k = x64_n_pins;
  for (unsigned i = 0; i < x64_n_pins; i++)
    k = k * 0x100000001b3ull ^ ((uint64_t)x64_pins[i].off << 8 | x64_pins[i].reg);
  return k;
}

/* The pinned slot at exactly off, or -1: a look-up in the cells where it
 * can be (every GET and PUT asks), else the slots scanned. */
int x64_pin_at(uint32_t off) {
  if (x64_pin_cells_ok && off < X64_PIN_CELLS * 4)
    return off % 4 ? -1 : (int)x64_pin_start[off / 4] - 1;
  for (unsigned k = 0; k < x64_n_pins; k++)
    if (x64_pins[k].off == off)
      return (int)k;
  return -1;
}

/* The pinned slots that size bytes at off overlap, as a mask of indexes. */
unsigned x64_pin_overlaps(uint32_t off, unsigned size) {
  unsigned m = 0;
  if (x64_pin_cells_ok && off < X64_PIN_CELLS * 4 - 16 && off % 4 == 0 &&
      (size == 4 || size == 8 || size == 16))
    return x64_pin_span[size == 4 ? 0 : size == 8 ? 1 : 2][off / 4];
  if (x64_pin_cells_ok && size && off < X64_PIN_CELLS * 4 - 16 && size <= 16) {
    for (uint32_t c = off / 4; c <= (off + size - 1) / 4; c++)
      m |= x64_pin_cell[c];
    return m;
  }
  for (unsigned k = 0; k < x64_n_pins; k++)
    if (x64_pins[k].off < off + size && off < x64_pins[k].off + 8)
      m |= 1u << k;
  return m;
}

/* mov [r14+off], reg for each pinned slot in mask */
void x64_pin_store(struct tc_buf *b, unsigned mask) {
  for (unsigned k = 0; k < x64_n_pins; k++)
    if (mask >> k & 1)
      x64_store(b, 3, x64_cpu_field(x64_pins[k].off), x64_pins[k].reg);
}

/* mov reg, [r14+off] for each pinned slot in mask */
void x64_pin_load(struct tc_buf *b, unsigned mask) {
  for (unsigned k = 0; k < x64_n_pins; k++)
    if (mask >> k & 1)
      x64_load(b, 3, 0, 1, x64_pins[k].reg, x64_cpu_field(x64_pins[k].off));
}

/* The host registers of the pinned slots in mask. */
uint16_t x64_pin_regs_of(unsigned mask) {
  uint16_t regs = 0;
  for (unsigned k = 0; k < x64_n_pins; k++)
    if (mask >> k & 1)
      regs |= (uint16_t)(1u << x64_pins[k].reg);
  return regs;
}

unsigned x64_pin_all(void) {
  return (1u << x64_n_pins) - 1;
}

/* A call of C code that reads or writes the state: the pinned slots go
 * there before it and come back after it. */
int x64_pin_syncs(const struct ir_insn *in) {
  return in->op == IR_CALL;
}

static unsigned x64_access_size(const struct ir_insn *in) {
  return in->type == IR_V128 ? 16 : in->type == IR_I64 ? 8 : 4;
}

/* GET or PUT in is a pinned slot's register itself: 8 bytes at its offset
 * (a GET of its low 4 bytes reads the register's low half). */
static int x64_pin_exact(const struct ir_insn *in) {
  return x64_n_pins && (in->type == IR_I64 || (in->type == IR_I32 && in->op == IR_GET)) &&
         x64_pin_at((uint32_t)in->imm) >= 0;
}

/* True when nothing strictly between from and to writes the register of
 * the pinned slot at off: no PUT of its bytes, no call that reloads it. */
static int x64_pin_kept(struct x64_ctx *x, uint32_t off, uint32_t from, uint32_t to) {
  const struct ir_block *b = x->ir;
  for (uint32_t i = from + 1; i < to; i++) {
    const struct ir_insn *in = &b->insn[i];
    /* & and |, not && and ||: one branch per instruction, taken once */
    if (x64_pin_syncs(in) |
        ((in->op == IR_PUT) & (in->imm < off + 8) & (off < in->imm + x64_access_size(in))))
      return 0;
  }
  return 1;
}

/* A 64-bit GET of a pinned slot whose value can be the register: true when
 * ref was one (it needs no instruction). */
int x64_pin_get(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = &x->ir->insn[ref];
  if (in->op != IR_GET || in->type != IR_I64 || !x64_pin_exact(in) ||
      !x64_pin_kept(x, (uint32_t)in->imm, ref, x->ra.last_use[ref]))
    return 0;
  x64_ra_share(x, ref, x64_pins[x64_pin_at((uint32_t)in->imm)].reg, 0);
  return 1;
}

/* A GET lowered to a copy of the register, or one of other bytes of a
 * pinned slot, from the state once the slot is stored there: true when
 * ref reaches a pinned slot (*load: still load it from the state). */
int x64_pin_lower_get(struct x64_ctx *x, uint32_t ref, int *load) {
  const struct ir_insn *in = &x->ir->insn[ref];
  unsigned m = x64_n_pins ? x64_pin_overlaps((uint32_t)in->imm, x64_access_size(in)) : 0;
  *load = 1;
  if (!m)
    return 0;
  if (x64_pin_exact(in)) {
    unsigned r = x64_pins[x64_pin_at((uint32_t)in->imm)].reg;
    x64_mov_rr(x->buf, in->type == IR_I64, x64_dst(x, ref), r); /* mov d, pin */
    *load = 0;
    return 1;
  }
  x64_pin_store(x->buf, m);
  return 1;
}

/* PUT ref of a pinned slot: its value into the register (true), or, for
 * other bytes of one, the slot through the state: stored first, the PUT
 * stored at once by store(), reloaded after. */
int x64_pin_put(struct x64_ctx *x, uint32_t ref, void (*store)(struct x64_ctx *, uint32_t)) {
  const struct ir_insn *in = &x->ir->insn[ref];
  unsigned m = x64_n_pins ? x64_pin_overlaps((uint32_t)in->imm, x64_access_size(in)) : 0;
  if (!m)
    return 0;
  if (x64_pin_exact(in)) {
    x64_load_value(x, x64_pins[x64_pin_at((uint32_t)in->imm)].reg, in->a);
    return 1;
  }
  x64_pin_store(x->buf, m);
  store(x, ref);
  x64_pin_load(x->buf, m);
  return 1;
}

/* True when the PUT at p reaches a pinned slot (never deferred). */
int x64_pin_puts(const struct ir_insn *in) {
  return x64_n_pins && in->op == IR_PUT &&
         x64_pin_overlaps((uint32_t)in->imm, x64_access_size(in)) != 0;
}

/* The PUT of a pinned slot that reads ref, with only pure ops and GETs of
 * other slots between them, after which the register keeps ref until its
 * last use; 0 if none. */
static uint32_t x64_pin_next_put(struct x64_ctx *x, uint32_t ref) {
  const struct ir_block *b = x->ir;
  for (uint32_t i = ref + 1; i < b->n && i <= ref + 8; i++) {
    const struct ir_insn *in = &b->insn[i];
    if (in->op == IR_PUT && x64_resolve(x, in->a) == ref)
      return in->type == IR_I64 && x64_pin_exact(in) &&
                     x64_pin_kept(x, (uint32_t)in->imm, i, x->ra.last_use[ref])
                 ? i
                 : 0;
    if (in->op == IR_GET ? x64_pin_overlaps((uint32_t)in->imm, x64_access_size(in)) != 0
                         : (ir_op_info[in->op].flags & (IRF_SIDE | IRF_EXIT | IRF_STATE)) != 0)
      return 0;
  }
  return 0;
}

/* The pinned register ref, a pinned slot's next value, can be defined in:
 * when its PUT follows with nothing between that observes the slot (a load
 * that faults leaves its register as it was), and the
 * register's old value dies by ref, read before ref is written (ref's
 * operand hint, or any operand of a load). X64_NOREG: none. An i32 ref
 * whose 64-bit PUT reads it through a ZEXT (loose: no instruction, x64_fuse.c)
 * qualifies too: its register's high half is zero (ldrb w0 into a pinned x0
 * is one movzx into the register). */
unsigned x64_pin_target(struct x64_ctx *x, uint32_t ref, uint32_t hint) {
  const struct ir_insn *in = &x->ir->insn[ref];
  if (!x64_n_pins || (in->type != IR_I64 && in->type != IR_I32) || x64_is_call(x->ir, in) ||
      ((ir_op_info[in->op].flags & IRF_MEM) && in->op != IR_LOAD))
    return X64_NOREG; /* an atomic may write its register, then fault */
  uint32_t p = x64_pin_next_put(x, ref);
  if (!p)
    return X64_NOREG;
  unsigned r = x64_pins[x64_pin_at((uint32_t)x->ir->insn[p].imm)].reg;
  return x64_target_in(x, ref, hint, r);
}

/* A fault in translated code: the pinned slots from the host registers,
 * but those in freed, whose registers a loop block took (x64_loop.c). */
void x64_pin_fault(const void *uctx, struct cpu *c, unsigned freed) {
  const ucontext_t *uc = uctx;
  static const uint8_t greg[16] = {REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP,
                                   REG_RSI, REG_RDI, REG_R8,  REG_R9,  REG_R10, REG_R11,
                                   REG_R12, REG_R13, REG_R14, REG_R15};
  for (unsigned k = 0; k < x64_n_pins; k++) {
    if (freed >> k & 1)
      continue; /* the state struct holds it (x64_loop.c) */
    uint64_t v = (uint64_t)uc->uc_mcontext.gregs[greg[x64_pins[k].reg]];
    memcpy((uint8_t *)c + x64_pins[k].off, &v, 8);
  }
}
