/* x64_backend.c - the x86-64 backend table, and translating one IR block:
 * each instruction allocated and lowered in order. A block has no entry
 * check of exit_request: the exits that can close a loop check it
 * (x64_exit_to, x64_lower_jump), so translated code still leaves for a
 * signal or a flush within a bounded number of blocks.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "x64.h"

/* Operations whose lowering reads operand a before writing the result, so the
 * result may take a's register when a dies there. */
static uint32_t x64_hint(const struct ir_insn *in) {
  switch (in->op) {
  case IR_ADD:
  case IR_SUB:
  case IR_AND:
  case IR_OR:
  case IR_XOR:
  case IR_MUL:
  case IR_NOT:
  case IR_NEG:
  case IR_SHL:
  case IR_SHR:
  case IR_SAR:
  case IR_ROR:
  case IR_BSWAP:
  case IR_BITREV:
  case IR_ZEXT:
  case IR_SEXT:
  case IR_TRUNC:
  case IR_LOAD:
  /* vector ops lowered as d = a; d op= b */
  case IR_VAND ... IR_VXOR:
  case IR_VNOT ... IR_VSHRS:
  case IR_VINSERT:
  case IR_VZIP1 ... IR_VUZP2:
  case IR_VNARROW:
  case IR_VTBL ... IR_VMULLS:
  case IR_VAESSUB ... IR_VCLMUL: /* x64_lower_crypto.c */
  case IR_VSHA256MSG1:
  case IR_VSHA256MSG2:
  case IR_CRC32C:
  case IR_VQADDS ... IR_VQSUBU:
  /* FP ops lowered as d = a; d op= b (x64_lower_vf.c) */
  case IR_VFADD ... IR_VFCMPEQ: return in->a;
  case IR_VANDN:
  case IR_VEXT: return in->b; /* d = b; d op= a */
  default: return 0;
  }
}

/* NULL when the backend can translate b. Notes whether b has vector work
 * (the PUTs, GETs and back edge the walks after it visit are x64_fuse_init's
 * lists). */
static const char *x64_check(struct x64_ctx *x) {
  const struct ir_block *b = x->ir;
  for (uint32_t i = 1; i < b->n; i++) {
    const struct ir_insn *in = &b->insn[i];
    if (((in->type <= IR_I64) & (in->op < IR_NUM_OPS)) | (in->op == IR_NOP))
      continue;                        /* the common case first: an integer value of a known op */
    x->has_vec |= in->type == IR_V128; /* every vector op reads or makes one */
    if (in->op >= IR_NUM_OPS)
      return "unknown IR op";
    if (in->type == IR_F32 || in->type == IR_F64)
      return "floating-point values are not supported yet";
    if (in->type == IR_V128 &&
        (in->op == IR_CALL || in->op == IR_SELECT || in->op == IR_CAS || in->op == IR_ATOMIC))
      return "this op has no v128 form";
  }
  return NULL;
}

static void x64_epilogue(struct x64_ctx *x) {
  const struct ir_block *b = x->ir;
  if (!ir_block_ended(b)) {
    x64_flush_deferred(x);
    x64_exit_plain(x, b->guest_pc + b->guest_size, CPU_EXIT_PLAIN);
  }
}

/* After ref: which producer's flags the host flags now hold (x64_fuse.c). */
static void x64_track_flags(struct x64_ctx *x, uint32_t ref) {
  int kept = x->keeps[ref] && !x->recmp[ref];
  if (x64_sets_cc(x, ref))
    x->host_cc = ref;
  else if (x->recmp[ref])
    x->host_cc = x64_cc_source(x, ref);
  else if (!kept)
    x->host_cc = 0;
  if (!kept)
    x->host_alu = x->host_alu_next;
}

static void x64_body(struct x64_ctx *x) {
  const struct ir_block *b = x->ir;
  uint32_t m = 0, next_mark = b->n_marks ? b->marks[0].ref : UINT32_MAX;
  x64_loop_header(x);
  for (uint32_t i = 1; i < b->n && !x->error; i++) {
    const struct ir_insn *in = &b->insn[i];
    if (i >= next_mark) { /* one test per instruction; marks are far fewer */
      for (; m < b->n_marks && b->marks[m].ref <= i; m++)
        x->guest_pc = b->marks[m].pc; /* the guest instruction i was made from */
      next_mark = m < b->n_marks ? b->marks[m].ref : UINT32_MAX;
    }
    if (in->op == IR_NOP)
      continue;
    if (in->op == IR_GET &&
        (x->ra.loc[i].kind == X64_LOC_STATE || x->ra.loc[i].kind == X64_LOC_XHALF ||
         x64_loop_get(x, i) || x64_pin_get(x, i))) {
      x64_ra_release(x, i, 0); /* left in the state, or a carried or pinned slot's register */
      continue;
    }
    if (in->op == IR_CONST) { /* no code: its users take it as an immediate or load it */
      x->ra.loc[i] = (struct x64_loc){X64_LOC_CONST, 0, 0};
      x64_ra_release(x, i, 0);
      continue; /* keeps the host flags: nothing to track */
    }
    if (x->ra.next_call[i] == i) /* x64_is_call */
      x64_ra_call(x, i);
    int has_reg = x64_needs_reg(x, i);
    if (has_reg)
      x64_ra_def(x, i, x64_state_swaps(x, in) ? in->b : x64_hint(in));
    x->ra.def = has_reg ? i : 0;
    x->host_alu_next = 0;
    x64_lower(x, i);
    x->ra.def = 0;
    x64_ra_release(x, i, has_reg);
    x64_track_flags(x, i);
  }
}

/* Zero but the moved paths' bytes and records (5 KB, each written before it
 * is read): zeroing the whole context took 1.3% of a first run's host
 * instructions. */
static void x64_ctx_init(struct x64_ctx *x, const struct ir_block *b, struct tc_block *blk,
                         struct tc_buf *buf) {
  memset(x, 0, offsetof(struct x64_ctx, cold.path));
  x->ir = b, x->blk = blk, x->buf = buf, x->guest_pc = b->guest_pc;
}

/* What a translation may use: at most pins registers and xpins xmm
 * registers pinned in a loop block (x64_loop.c), rcx and rdx allocated
 * (x64_scratch.c) unless scratch_fixed. */
/* One translation within lim; 1 when it should be done again with less. */
static int x64_translate_pins(const struct ir_block *b, struct tc_block *blk, struct tc_buf *buf,
                              struct x64_limits *lim) {
  struct x64_ctx x;
  x64_ctx_init(&x, b, blk, buf);
  x.loop.max_pins = lim->pins;
  x.loop.max_xpins = lim->xpins;
  x.ra.scratch_fixed = lim->scratch_fixed;
  x.error = x64_check(&x);
  if (!x.error && (x64_fuse_init(&x) < 0 || x64_ra_init(&x) < 0 || x64_defer_init(&x) < 0 ||
                   x64_loop_init(&x) < 0 || x64_ra_dies(&x) < 0))
    x.error = "out of memory";
  if (!x.error) {
    x64_state_gets(&x);
    x64_nops(buf, (unsigned)(-(uintptr_t)buf->cur & 15));
    blk->code = buf->cur;
    blk->n_exits = 0;
    blk->n_pcmap = 0;
    if (blk->fresh)
      blk->fresh->n_relocs = 0;
    blk->unsaveable = b->unsaveable;
    if (b->countdown)
      x64_countdown(&x);
    x64_body(&x);
    x64_epilogue(&x);
    x64_cold_emit(&x);
  }
  if ((!x.error && !buf->overflow && x64_loop_retry(&x, lim)) ||
      (x.error == x64_scratch_busy && !lim->scratch_fixed)) {
    lim->scratch_fixed |= x.error == x64_scratch_busy;
    x64_defer_discard(&x);
    x64_ra_free(&x);
    buf->cur = blk->code;
    return 1;
  }
  x64_defer_finish(&x);
  x64_ra_free(&x);
  if (x.error) {
    xrun_log("xrun: x64: block 0x%llx: %s", (unsigned long long)b->guest_pc, x.error);
    return -1;
  }
  if (buf->overflow)
    return -1;
  blk->code_size = (uint32_t)(buf->cur - blk->code);
  return 0;
}

static int x64_translate(const struct ir_block *b, struct tc_block *blk, struct tc_buf *buf) {
  struct x64_limits lim = {.pins = X64_PIN_MAX, .xpins = X64_XPIN_MAX};
  int r;
  while ((r = x64_translate_pins(b, blk, buf, &lim)) == 1)
    ;
  return r;
}

/* The CPU features the lowering chose instructions by. */
static uint64_t x64_codegen_key(void) {
  return x64_feat() ^ x64_pin_key() << 16;
}

const struct backend x64_backend = {
    .name = "x86_64",
    .init = x64_init,
    .pin_slots = x64_pin_slots,
    .translate = x64_translate,
    .enter = x64_enter,
    .jc_miss = x64_jc_miss_code,
    .ras_miss = x64_ras_miss_code,
    .patch = x64_patch,
    .patch_at = x64_patch_at,
    .fault_fpexc = x64_fault_fpexc,
    .fp_clear = x64_fp_clear,
    .fault_state = x64_fault_state,
    .codegen_key = x64_codegen_key,
    .relocate_data = x64_relocate_data,
    .objdump_machine = "i386:x86-64",
};
