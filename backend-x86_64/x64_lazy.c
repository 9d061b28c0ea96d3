/* x64_lazy.c - reading guest flags that an earlier block kept lazily (ir.h:
 * lazy_op and its operands instead of the nibble), without a call into C.
 *
 * Two routines in the shared code at the start of the code buffer; both
 * take the flags slot's offset in edx and change only rax, rcx, rdx (never
 * allocated) and the host flags, so a block calls them with no register
 * saved around the call:
 *
 *   mov edx, flags_off; call x64_lazy_flags   the host flags as after cmp
 *   mov edx, flags_off; call x64_lazy_pack    the nibble in the slot again
 *
 * x64_lazy_flags leaves SF, ZF and OF as N, Z and V and CF as !C, the way
 * x86 holds Arm's flags after a subtraction, so every condition but AL and
 * NV is one jcc, setcc or cmovcc on them (x64_fuse.c). It does the kept op
 * again: cmp for FLAGS_SUB, add then cmc for FLAGS_ADD, test then stc for
 * FLAGS_LOGIC (C = V = 0); a nibble in the slot goes through popfq from a
 * table of 16 flag words.
 *
 *   b.eq in the block after a cmp's:   mov edx, nzcv; call x64_lazy_flags; je L
 *   (was: mov rdi, r14; mov esi, nzcv; call ir_flags_pack, saving the
 *   caller-saved registers around it; mov esi, [r14+nzcv]; a mask shifted)
 */
#include <stddef.h>
#include "x64.h"
#include "../xrun.h"

uint8_t *x64_lazy_flags, *x64_lazy_pack;

/* The flags slot: byte edx of the state struct. */
static struct x64_mem x64_flags_slot(void) {
  return (struct x64_mem){X64_R14, X64_RDX, 0, -X64_STATE_BIAS};
}

/* The flag word popfq takes for nibble n: CF = !C, ZF = Z, SF = N, OF = V,
 * and bit 1, which is always set. */
static uint64_t x64_lazy_eflags(unsigned n) {
  return 2 | (n & 2 ? 0 : 1) | (n & 4 ? 0x40 : 0) | (n & 8 ? 0x80 : 0) | (n & 1 ? 0x800 : 0);
}

/* The flags of the kept op: the op on rcx (a) and rdx (b), then what makes
 * CF Arm's C inverted. */
static void x64_lazy_redo(struct tc_buf *b, unsigned op, unsigned type) {
  int w = type == IR_I64;
  if (op == IR_FLAGS_SUB) {
    x64_alu_rr(b, w, X64_CMP, X64_RCX, X64_RDX); /* cmp rcx, rdx */
  } else if (op == IR_FLAGS_ADD) {
    x64_alu_rr(b, w, X64_ADD, X64_RCX, X64_RDX); /* add rcx, rdx */
    x64_cmc(b);                                  /* cmc: x86 carries where Arm does */
  } else {
    x64_test_rr(b, w, X64_RCX, X64_RCX); /* test rcx, rcx */
    x64_stc(b);                          /* stc: C = 0 */
  }
}

/* The ops x64_is_lazy_put keeps lazily, the most common first; the last is
 * taken without a compare. */
static const struct {
  uint8_t op, type;
} x64_lazy_kinds[] = {
    {IR_FLAGS_SUB, IR_I64},   {IR_FLAGS_SUB, IR_I32}, {IR_FLAGS_LOGIC, IR_I64},
    {IR_FLAGS_LOGIC, IR_I32}, {IR_FLAGS_ADD, IR_I64}, {IR_FLAGS_ADD, IR_I32},
};

static void x64_emit_lazy_flags(struct tc_buf *b, const uint8_t *table) {
  x64_load(b, 2, 0, 0, X64_RAX,
           x64_cpu_field(offsetof(struct cpu, lazy_op))); /* mov eax, [lazy_op] */
  x64_test_rr(b, 0, X64_RAX, X64_RAX);                    /* test eax, eax */
  uint8_t *nibble = x64_jcc8(b, X64_CC_E);                /* je nibble */
  x64_load(b, 3, 0, 1, X64_RCX,
           x64_cpu_field(offsetof(struct cpu, lazy_a))); /* mov rcx, [lazy_a] */
  x64_load(b, 3, 0, 1, X64_RDX,
           x64_cpu_field(offsetof(struct cpu, lazy_b)));   /* mov rdx, [lazy_b] */
  x64_bt_ri(b, 0, X64_RAX, __builtin_ctz(IR_LAZY_IMM));    /* bt eax, 16 */
  uint8_t *have_b = x64_jcc8(b, X64_CC_AE);                /* jnc have_b */
  x64_mov_rr(b, 0, X64_RDX, X64_RAX);                      /* mov edx, eax */
  x64_shift_ri(b, 0, X64_SHR, X64_RDX, IR_LAZY_IMM_SHIFT); /* shr edx, 17 */
  x64_fix8(b, have_b);
  x64_movzx(b, 16, X64_RAX, X64_RAX); /* movzx eax, ax: the op and its width */
  const unsigned n = sizeof(x64_lazy_kinds) / sizeof(x64_lazy_kinds[0]);
  for (unsigned k = 0; k < n; k++) {
    uint8_t *next = NULL;
    if (k + 1 < n) {
      x64_alu_ri(b, 0, X64_CMP, X64_RAX,
                 (int32_t)IR_LAZY_OP(x64_lazy_kinds[k].op, x64_lazy_kinds[k].type));
      next = x64_jcc8(b, X64_CC_NE); /* cmp eax, op; jne next */
    }
    x64_lazy_redo(b, x64_lazy_kinds[k].op, x64_lazy_kinds[k].type);
    x64_ret(b);
    if (next)
      x64_fix8(b, next);
  }
  x64_fix8(b, nibble);
  x64_load(b, 2, 0, 0, X64_RAX, x64_flags_slot()); /* mov eax, [r14+rdx-bias] */
  x64_alu_ri(b, 0, X64_AND, X64_RAX, 15);          /* and eax, 15 */
  x64_lea_rip(b, X64_RCX, table);                  /* lea rcx, table */
  x64_load(b, 3, 0, 1, X64_RAX,
           (struct x64_mem){X64_RCX, X64_RAX, 3, 0}); /* mov rax, [rcx+rax*8] */
  x64_push(b, X64_RAX);                               /* push rax */
  x64_popf(b);                                        /* popfq */
  x64_ret(b);
}

static void x64_emit_lazy_pack(struct tc_buf *b) {
  x64_alu_mi(b, 2, X64_CMP, x64_cpu_field(offsetof(struct cpu, lazy_op)), 0); /* cmp [lazy_op], 0 */
  uint8_t *done = x64_jcc8(b, X64_CC_E);                                      /* je done */
  x64_push(b, X64_RDX);                                                       /* push rdx */
  x64_call_rel(b, x64_lazy_flags);                                            /* call lazy_flags */
  x64_pop(b, X64_RDX);                                                        /* pop rdx */
  x64_nzcv(b, X64_RAX, X64_CC_AE);                                            /* eax = nibble */
  x64_store(b, 2, x64_flags_slot(), X64_RAX); /* mov [r14+rdx-bias], eax */
  x64_store_imm(b, 2, x64_cpu_field(offsetof(struct cpu, lazy_op)), 0); /* mov [lazy_op], 0 */
  x64_fix8(b, done);
  x64_ret(b);
}

/* Emitted once, with the trampolines (x64_init). */
void x64_emit_lazy(struct tc_buf *b) {
  const uint8_t *table = b->cur;
  for (unsigned n = 0; n < 16; n++)
    x64_imm(b, x64_lazy_eflags(n), 8);
  x64_lazy_flags = b->cur;
  x64_emit_lazy_flags(b, table);
  x64_lazy_pack = b->cur;
  x64_emit_lazy_pack(b);
}

/* mov edx, flags_off; call routine (x64_lazy_flags or x64_lazy_pack) */
void x64_lazy_call(struct x64_ctx *x, const uint8_t *routine) {
  x64_scratch_free(x, X64_RCX);
  x64_scratch_free(x, X64_RDX);
  x64_mov_ri(x->buf, X64_RDX, x->ir->flags_off);
  x64_call_shared(x, routine);
}
