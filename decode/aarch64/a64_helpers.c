/* a64_helpers.c - C helpers for A64 memory instructions that straight-line
 * IR cannot express: store-exclusive (a compare-and-swap against the
 * monitor), CASP, and the interleaving structure loads/stores LD2-LD4,
 * ST2-ST4 and the single-structure forms.
 *
 * Guest memory is identity mapped, so guest addresses are dereferenced
 * directly. Each helper sets cpu->pc first so that a fault is reported at
 * the instruction.
 */
#include <string.h>
#include "a64.h"
#include "a64_helpers.h"

static struct a64_cpu *a64(struct cpu *c) {
  return (struct a64_cpu *)c;
}

static uint64_t xreg(const struct a64_cpu *a, unsigned r) {
  return r == 31 ? 0 : a->x[r];
}

static void set_xreg(struct a64_cpu *a, unsigned r, uint64_t v) {
  if (r != 31)
    a->x[r] = v;
}

/* The address a helper's access uses: Linux on arm64 ignores the top byte
 * of a data address (TBI), so a tagged pointer reaches the untagged one. */
static uint64_t untag(uint64_t addr) {
  return addr & ~a64_guest.addr_tag_bits;
}

/* ---- store-exclusive ---- */

/* The monitor matches if the last LDXR was at addr with the same size; the
 * store then happens only if memory still holds what LDXR read (C3.2.12:
 * any store-exclusive clears the monitor). */
static bool excl_claim(struct a64_cpu *a, uint64_t addr, uint64_t size) {
  bool ok = untag(a->excl_addr) == untag(addr) && a->excl_size == size;
  a->excl_addr = (uint64_t)-1;
  return ok;
}

static bool cas_sized(uint64_t addr, uint64_t expect, uint64_t value, unsigned size) {
  addr = untag(addr);
  switch (size) {
  case 0: return __sync_bool_compare_and_swap((uint8_t *)addr, (uint8_t)expect, (uint8_t)value);
  case 1: return __sync_bool_compare_and_swap((uint16_t *)addr, (uint16_t)expect, (uint16_t)value);
  case 2: return __sync_bool_compare_and_swap((uint32_t *)addr, (uint32_t)expect, (uint32_t)value);
  default: return __sync_bool_compare_and_swap((uint64_t *)addr, expect, value);
  }
}

static uint64_t stxr(struct cpu *c, uint64_t addr, uint64_t value, uint64_t pc, unsigned size) {
  struct a64_cpu *a = a64(c);
  c->pc = pc;
  if (!excl_claim(a, addr, size))
    return 1;
  return !cas_sized(addr, a->excl_val, value, size);
}

static uint64_t stxr8(struct cpu *c, uint64_t addr, uint64_t v, uint64_t pc) {
  return stxr(c, addr, v, pc, 0);
}
static uint64_t stxr16(struct cpu *c, uint64_t addr, uint64_t v, uint64_t pc) {
  return stxr(c, addr, v, pc, 1);
}
static uint64_t stxr32(struct cpu *c, uint64_t addr, uint64_t v, uint64_t pc) {
  return stxr(c, addr, v, pc, 2);
}
static uint64_t stxr64(struct cpu *c, uint64_t addr, uint64_t v, uint64_t pc) {
  return stxr(c, addr, v, pc, 3);
}

a64_stxr_fn *const a64_h_stxr[4] = {stxr8, stxr16, stxr32, stxr64};

typedef unsigned __int128 u128;

static u128 pair128(uint64_t lo, uint64_t hi) {
  return (u128)lo | (u128)hi << 64;
}

/* STXP/STLXP: sz 001000 0 0 1 Rs o0 Rt2 Rn Rt */
uint64_t a64_h_stxp(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  unsigned sz = a64_bits(insn, 30, 1), rs = a64_bits(insn, 16, 5);
  uint64_t t1 = xreg(a, a64_bits(insn, 0, 5)), t2 = xreg(a, a64_bits(insn, 10, 5));
  uint64_t addr = a->x[a64_bits(insn, 5, 5)];
  bool ok;
  (void)unused;
  c->pc = pc;
  if (!excl_claim(a, addr, 3 + sz))
    ok = false;
  else if (!sz)
    ok = cas_sized(addr, a->excl_val, (uint32_t)t1 | t2 << 32, 3);
  else
    ok = __sync_bool_compare_and_swap((u128 *)untag(addr), pair128(a->excl_val, a->excl_val2),
                                      pair128(t1, t2));
  set_xreg(a, rs, !ok);
  return 0;
}

/* CASP/CASPA/CASPL/CASPAL: 0 sz 001000 0 L 1 Rs o0 11111 Rn Rt, Rs and Rt even.
 * Rs:Rs+1 = old pair; the new pair is stored if old == Rs:Rs+1. */
uint64_t a64_h_casp(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  unsigned sz = a64_bits(insn, 30, 1), rs = a64_bits(insn, 16, 5), rt = a64_bits(insn, 0, 5);
  uint64_t addr = untag(a->x[a64_bits(insn, 5, 5)]);
  uint64_t s1 = xreg(a, rs), s2 = xreg(a, rs + 1), t1 = xreg(a, rt), t2 = xreg(a, rt + 1);
  (void)unused;
  c->pc = pc;
  if (!sz) {
    uint64_t exp = (uint32_t)s1 | s2 << 32;
    uint64_t old = __sync_val_compare_and_swap((uint64_t *)addr, exp, (uint32_t)t1 | t2 << 32);
    set_xreg(a, rs, (uint32_t)old);
    set_xreg(a, rs + 1, old >> 32);
  } else {
    u128 old = __sync_val_compare_and_swap((u128 *)addr, pair128(s1, s2), pair128(t1, t2));
    set_xreg(a, rs, (uint64_t)old);
    set_xreg(a, rs + 1, (uint64_t)(old >> 64));
  }
  return 0;
}

/* ---- Advanced SIMD structure loads and stores (C3.2.9, C4.1.88) ---- */

/* What one structure instruction moves. */
struct vstruct {
  unsigned rt, rn, rm;
  bool load, post, q;
  unsigned selem;     /* registers per structure, 1..4 */
  unsigned rpt;       /* multiple: repeats of the register group */
  unsigned scale;     /* log2 element bytes */
  int index;          /* single: element index; -1: multiple; -2: replicate */
  unsigned transfers; /* bytes moved, the post-index immediate */
};

/* opcode (bits 15:12) of the multiple forms -> rpt * 16 + selem, 0 = unallocated */
static unsigned multi_shape(unsigned opcode) {
  static const uint8_t shape[16] = {
      [0] = 0x14, [2] = 0x41, [4] = 0x13, [6] = 0x31, [7] = 0x11, [8] = 0x12, [10] = 0x21};
  return shape[opcode];
}

bool a64_struct_multi_ok(uint32_t insn) {
  unsigned shape = multi_shape(a64_bits(insn, 12, 4));
  if (!shape)
    return false;
  /* 64-bit elements in a 64-bit register: only LD1/ST1 (C7.2: size=11, Q=0) */
  return !(a64_bits(insn, 10, 2) == 3 && !a64_bits(insn, 30, 1) && (shape & 15) > 1);
}

static void decode_multi(struct vstruct *v, uint32_t insn) {
  unsigned shape = multi_shape(a64_bits(insn, 12, 4));
  v->rpt = shape >> 4;
  v->selem = shape & 15;
  v->scale = a64_bits(insn, 10, 2);
  v->index = -1;
  v->transfers = v->rpt * v->selem * (v->q ? 16 : 8);
}

/* Single structure: opcode<2:1> picks the element size, opcode<0>:R the count.
 * Returns false for the unallocated encodings. */
static bool decode_single(struct vstruct *v, uint32_t insn) {
  unsigned opcode = a64_bits(insn, 13, 3), s = a64_bits(insn, 12, 1);
  unsigned size = a64_bits(insn, 10, 2);
  v->rpt = 1;
  v->selem = ((opcode & 1) << 1 | a64_bits(insn, 21, 1)) + 1;
  v->scale = opcode >> 1;
  unsigned qs = (unsigned)v->q << 1 | s;
  switch (v->scale) {
  case 0: v->index = (int)(qs << 2 | size); break;
  case 1:
    if (size & 1)
      return false;
    v->index = (int)(qs << 1 | size >> 1);
    break;
  case 2:
    if (size & 2 || (size & 1 && s))
      return false;
    v->scale = 2 + (size & 1);
    v->index = size & 1 ? (int)v->q : (int)qs;
    break;
  default:
    if (!v->load || s)
      return false;
    v->scale = size;
    v->index = -2;
  }
  v->transfers = v->selem << v->scale;
  return true;
}

static bool decode_struct(struct vstruct *v, uint32_t insn) {
  v->rt = a64_bits(insn, 0, 5);
  v->rn = a64_bits(insn, 5, 5);
  v->rm = a64_bits(insn, 16, 5);
  v->load = a64_bits(insn, 22, 1);
  v->post = a64_bits(insn, 23, 1);
  v->q = a64_bits(insn, 30, 1);
  if (a64_bits(insn, 24, 1))
    return decode_single(v, insn);
  if (!a64_struct_multi_ok(insn))
    return false;
  decode_multi(v, insn);
  return true;
}

bool a64_struct_single_ok(uint32_t insn) {
  struct vstruct v;
  return decode_struct(&v, insn);
}

/* LDn/STn multiple: element e of register t+s is at (r*elements + e)*selem + s. */
static void struct_multi(struct vstruct *v, uint8_t (*reg)[16], uint64_t addr) {
  unsigned eb = 1u << v->scale, elems = (v->q ? 16 : 8) >> v->scale;
  for (unsigned r = 0; r < v->rpt; r++)
    for (unsigned e = 0; e < elems; e++)
      for (unsigned s = 0; s < v->selem; s++) {
        uint8_t *el = reg[(v->rt + r + s) % 32] + e * eb;
        if (v->load)
          memcpy(el, (void *)addr, eb);
        else
          memcpy((void *)addr, el, eb);
        addr += eb;
      }
  if (v->load && !v->q)
    for (unsigned r = 0; r < v->rpt * v->selem; r++)
      memset(reg[(v->rt + r) % 32] + 8, 0, 8);
}

/* LDn/STn single structure, and LDnR (replicate to every element). */
static void struct_single(struct vstruct *v, uint8_t (*reg)[16], uint64_t addr) {
  unsigned eb = 1u << v->scale, width = v->q ? 16 : 8;
  for (unsigned s = 0; s < v->selem; s++, addr += eb) {
    uint8_t *r = reg[(v->rt + s) % 32];
    if (v->index == -2) {
      for (unsigned off = 0; off < width; off += eb)
        memcpy(r + off, (void *)addr, eb);
      memset(r + width, 0, 16 - width);
    } else if (v->load) {
      memcpy(r + (unsigned)v->index * eb, (void *)addr, eb);
    } else {
      memcpy((void *)addr, r + (unsigned)v->index * eb, eb);
    }
  }
}

/* Every LD1-LD4/ST1-ST4 form. Loads go to a copy of the registers that is
 * committed only after the last access, so a fault leaves them unchanged. */
uint64_t a64_h_ldst_struct(struct cpu *c, uint64_t insn, uint64_t pc, uint64_t unused) {
  struct a64_cpu *a = a64(c);
  struct vstruct v;
  uint8_t reg[32][16];
  (void)unused;
  c->pc = pc;
  if (!decode_struct(&v, (uint32_t)insn))
    return 0; /* the decoder never emits a call for these */
  uint64_t addr = a->x[v.rn];
  memcpy(reg, a->v, sizeof(reg));
  if (v.index == -1)
    struct_multi(&v, reg, untag(addr));
  else
    struct_single(&v, reg, untag(addr));
  if (v.load)
    memcpy(a->v, reg, sizeof(reg));
  if (v.post)
    a->x[v.rn] = addr + (v.rm == 31 ? v.transfers : a->x[v.rm]);
  return 0;
}
