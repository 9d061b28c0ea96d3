/* x64_reloc.c - the addresses of this run that a block's code holds: guest
 * addresses (pcs, and the constants a decoder made from one), xrun's own
 * functions, the shared trampolines at the start of the code buffer, and the
 * block's own exit records. Each is emitted by one of these, which records
 * where its bytes are (tc_block_reloc), so that the persistent cache can load
 * the code at other addresses (tcache.h, enum tc_reloc_kind):
 *
 *   x64_mov_guest(x, X64_RAX, pc);        movabs rax, pc         TC_RELOC_GUEST64
 *                                         mov eax, pc            TC_RELOC_GUEST32
 *   x64_call_host(x, (uintptr_t)helper);  call helper            TC_RELOC_HOST32
 *   x64_jmp_shared(x, x64_exit_tramp);    jmp exit_tramp         TC_RELOC_BUF32
 *   x64_call_shared(x, x64_lazy_flags);   call lazy_flags        TC_RELOC_BUF32
 *   x64_sse_rm_host(x, op, xmm, &k);      op xmm, [rip + k]      TC_RELOC_HOST32
 *
 * An address of xrun's or of the code buffer is always the full movabs,
 * whatever its value now: a shorter form would not hold it at another
 * address. A guest address below TC_GUEST32_LIMIT (a program not built as
 * PIE is mapped there, at the address it was linked for) is a 4-byte
 * immediate or displacement, the same zero- or sign-extended; a run that
 * maps it elsewhere, out of that range, translates such a block again
 * (tc_persist.c). An address none of them can describe (a function outside
 * xrun's image, the block's own countdown) marks the block unsaveable
 * instead.
 */
#include <string.h>
#include "x64.h"

/* The bounds of xrun's own image, from the linker. */
extern const char __executable_start[], _end[];

static int x64_in_image(uint64_t p) {
  return p >= (uintptr_t)__executable_start && p < (uintptr_t)_end;
}

/* The immediate of size bytes just emitted is an address of kind. */
static void x64_reloc(struct x64_ctx *x, unsigned size, enum tc_reloc_kind kind) {
  if (!x->buf->overflow)
    tc_block_reloc(x->blk, (uint32_t)(x->buf->cur - size - x->blk->code), kind);
}

/* mov r32, addr (zero-extends) where the guest address fits 4 bytes; else
 * movabs reg, addr */
void x64_mov_guest(struct x64_ctx *x, unsigned reg, uint64_t addr) {
  if (addr < TC_GUEST32_LIMIT) {
    x64_mov_ri(x->buf, reg, addr); /* B8+r id: the immediate is the last 4 bytes */
    x64_reloc(x, 4, TC_RELOC_GUEST32);
    return;
  }
  x64_movabs(x->buf, reg, addr);
  x64_reloc(x, 8, TC_RELOC_GUEST64);
}

/* cmp reg, addr (REX.W 81 /7 id) where the guest address fits 4 bytes;
 * else movabs scratch, addr; cmp reg, scratch */
void x64_cmp_guest(struct x64_ctx *x, unsigned reg, uint64_t addr, unsigned scratch) {
  if (addr < TC_GUEST32_LIMIT) {
    x64_alu_ri32(x->buf, X64_CMP, reg, (int32_t)addr);
    x64_reloc(x, 4, TC_RELOC_GUEST32);
    return;
  }
  x64_mov_guest(x, scratch, addr);
  x64_alu_rr(x->buf, 1, X64_CMP, reg, scratch);
}

/* The disp32 of an [X64_ABS] operand just emitted, a guest address below
 * TC_GUEST32_LIMIT, with tail bytes (an immediate) after it. */
void x64_reloc_guest_disp(struct x64_ctx *x, unsigned tail) {
  x->buf->cur -= tail;
  x64_reloc(x, 4, TC_RELOC_GUEST32);
  x->buf->cur += tail;
}

/* Whether ref is a guest address that fits 4 bytes (TC_RELOC_GUEST32). */
bool x64_is_guest32(const struct x64_ctx *x, uint32_t ref) {
  return ir_is_guest_const(x->ir, ref) && x->ir->insn[ref].imm < TC_GUEST32_LIMIT;
}

/* mov qword [m], ref (REX.W C7 /0 id), ref a guest address that fits 4
 * bytes (x64_is_guest32) */
void x64_store_guest(struct x64_ctx *x, struct x64_mem m, uint32_t ref) {
  x64_store_imm(x->buf, 3, m, (int32_t)x->ir->insn[ref].imm); /* the immediate is last */
  x64_reloc(x, 4, TC_RELOC_GUEST32);
}

/* movabs reg, p: an address in xrun's image */
void x64_mov_host(struct x64_ctx *x, unsigned reg, uint64_t p) {
  x64_movabs(x->buf, reg, p);
  if (x64_in_image(p))
    x64_reloc(x, 8, TC_RELOC_HOST64);
  else
    x->blk->unsaveable = 1;
}

/* movabs reg, e: one of the block's own exit records, the run loop's status */
void x64_mov_exit(struct x64_ctx *x, unsigned reg, const struct tc_exit *e) {
  x64_movabs(x->buf, reg, (uintptr_t)e);
  x64_reloc(x, 8, TC_RELOC_EXIT64);
}

/* movabs reg, p: an address in the block's own tc_block (its countdown).
 * Only code without the passes has one, and that code is never saved: the
 * persistent cache saves such a block as translated again with them
 * (tc_translate_again). */
void x64_mov_block(struct x64_ctx *x, unsigned reg, const void *p) {
  x64_movabs(x->buf, reg, (uintptr_t)p);
  x->blk->unsaveable = 1;
}

/* call fn: rel32 when it reaches, else movabs rax, fn; call rax */
void x64_call_host(struct x64_ctx *x, uint64_t fn) {
  const void *target = (const void *)(uintptr_t)fn;
  if (!x64_rel32_ok(x->buf->cur + 5, target)) {
    x64_mov_host(x, X64_RAX, fn);
    x64_call_r(x->buf, X64_RAX);
    return;
  }
  x64_call_rel(x->buf, target);
  if (x64_in_image(fn))
    x64_reloc(x, 4, TC_RELOC_HOST32);
  else
    x->blk->unsaveable = 1, x->unrelocated++;
}

/* op xmm, [rip + disp32] of a constant p in xrun's image; false, with
 * nothing emitted, where the code buffer is too far from it for a rel32. */
bool x64_sse_rm_host(struct x64_ctx *x, enum x64_sse op, unsigned reg, const void *p) {
  uint8_t *mark = x->buf->cur;
  x64_sse_rm(x->buf, op, reg, x64_mem(X64_RIP, 0));
  if (x->buf->overflow)
    return true;
  int64_t d = (const uint8_t *)p - x->buf->cur;
  if (d != (int32_t)d || !x64_in_image((uintptr_t)p)) {
    x->buf->cur = mark;
    return false;
  }
  int32_t rel = (int32_t)d;
  memcpy(x->buf->cur - 4 + x->buf->wdelta, &rel, 4);
  x64_reloc(x, 4, TC_RELOC_HOST32);
  return true;
}

/* vOP dst, src1, [rip + disp32] [, imm8] (x64_vex_rm) with p, a constant
 * of xrun's image; false, with nothing emitted, where p is out of reach. */
bool x64_vex_rm_host(struct x64_ctx *x, enum x64_sse op, unsigned dst, unsigned src1, const void *p,
                     int imm) {
  uint8_t *mark = x->buf->cur;
  x64_vex_rm(x->buf, op, dst, src1, x64_mem(X64_RIP, 0), imm);
  if (x->buf->overflow)
    return true;
  int64_t d = (const uint8_t *)p - x->buf->cur; /* from the instruction's end */
  if (d != (int32_t)d || !x64_in_image((uintptr_t)p)) {
    x->buf->cur = mark;
    return false;
  }
  int32_t rel = (int32_t)d;
  unsigned tail = imm >= 0 ? 5 : 4;
  memcpy(x->buf->cur - tail + x->buf->wdelta, &rel, 4);
  x->buf->cur -= tail - 4; /* the relocation record is of the 4 bytes at cur - 4 */
  x64_reloc(x, 4, TC_RELOC_HOST32);
  x->buf->cur += tail - 4;
  return true;
}

/* jmp rel32 to code at the start of the code buffer (x64_tramp.c) */
void x64_jmp_shared(struct x64_ctx *x, const void *target) {
  x64_jmp_rel(x->buf, target);
  x64_reloc(x, 4, TC_RELOC_BUF32);
}

/* jcc rel32 to code at the start of the code buffer */
void x64_jcc_shared(struct x64_ctx *x, enum x64_cc cc, const void *target) {
  x64_jcc_rel(x->buf, cc, target);
  x64_reloc(x, 4, TC_RELOC_BUF32);
}

/* call rel32 to code at the start of the code buffer */
void x64_call_shared(struct x64_ctx *x, const void *target) {
  x64_call_rel(x->buf, target);
  x64_reloc(x, 4, TC_RELOC_BUF32);
}
