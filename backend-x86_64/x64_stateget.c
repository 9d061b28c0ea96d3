/* x64_stateget.c - guest-state reads left where they are.
 *
 * A GET read once, by an integer ALU op or a compare, needs no register of
 * its own when nothing writes its bytes of the state before that reader (no
 * PUT, no call of C code): the value stays in the state struct, and the
 * reader takes it as a memory operand, or loads it into its scratch
 * register. That saves the load into a register of its own where the
 * operand can be memory, and the register for other values everywhere:
 *
 *   get x1; cmp w2, w1   ->   cmp edi, [r14+x1]    (not mov rsi, [r14+x1]; cmp edi, esi)
 *   get x1; add x0, x1, x2 (x2 dies)  ->  add rdi, [r14+x1]   (rdi: x2, now x0)
 *   get x8; br x8               ->   mov rax, [r14+x8]    (not mov rsi, [r14+x8]; mov rax, rsi)
 *   get d1 (i64); vzext64       ->   movq xmm0, [r14+v1]  (not mov rsi, [r14+v1]; movq xmm0, rsi)
 *
 * and a GET of the low half of a vector register a loop carries in an xmm
 * register (x64_loop.c), read once by a VZEXT64, stays in that register:
 *
 *   get d1 (i64); vzext64       ->   movq xmm0, xmm13     (not movq rsi, xmm13; movq xmm0, rsi)
 *
 * Readers that note where a value is, to store it later (deferred stores,
 * a loop's back edge), are not on the list of readers: a value in the state
 * is never in their records. Lazy flags are the exception: a compare's
 * operand stays in the state also where the flags are stored lazily (or
 * compared again) later, while nothing writes its bytes, and the lazy
 * flags' record at a fault reads it from there:
 *
 *   get w20; cmp w20, w1; b.ls L   ->   cmp [r14+x20], esi; jbe L
 *                                       (stub: mov rax, [r14+x20]; mov [lazy_a], rax ...)
 */
#include "x64.h"

enum { X64_STATE_REACH = 64 }; /* instructions between a GET and its reader */

/* Ops whose lowering reads their operands through x64_src / x64_load_value. */
static int x64_state_reader(const struct ir_insn *u) {
  switch (u->op) {
  case IR_ADD:
  case IR_SUB:
  case IR_AND:
  case IR_OR:
  case IR_XOR:
  case IR_CMP:
  case IR_FLAGS_ADD:
  case IR_FLAGS_SUB:
  case IR_FLAGS_LOGIC:
  case IR_JUMP: return 1;                     /* its target straight into rax (x64_lower_jump) */
  case IR_VZEXT64: return u->type == IR_V128; /* movq xmm, [x] (x64_lower_vzext64) */
  default: return 0;
  }
}

/* A side exit that tests its operand's AND against a mask (x64_fuse_testmask):
 * test [x], mask. */
static int x64_state_tested(const struct x64_ctx *x, uint32_t r) {
  const struct ir_insn *u = &x->ir->insn[r];
  return (u->op == IR_EXIT_IF || u->op == IR_DEOPT_IF) && x->fuse[u->a] == X64_FUSE_TESTMASK;
}

static unsigned x64_get_size(const struct ir_insn *in) {
  return in->type == IR_I64 ? 8 : 4;
}

/* Nothing between GET g and its reader r writes g's bytes of the state. */
static int x64_state_unwritten(struct x64_ctx *x, uint32_t g, uint32_t r) {
  const struct ir_block *b = x->ir;
  const struct ir_insn *get = &b->insn[g];
  if (x->ra.next_call[g + 1] < r)
    return 0;
  for (uint32_t i = g + 1; i < r; i++) {
    const struct ir_insn *in = &b->insn[i];
    if (in->op == IR_PUT && in->imm < get->imm + x64_get_size(get) &&
        get->imm < in->imm + (in->type == IR_V128 ? 16 : x64_get_size(in)))
      return 0;
  }
  return 1;
}

static int x64_state_candidate(struct x64_ctx *x, uint32_t g) {
  const struct ir_insn *in = &x->ir->insn[g];
  return in->op == IR_GET && (in->type == IR_I32 || in->type == IR_I64) && in->imm <= UINT16_MAX &&
         !x64_is_flags_get(x->ir, in) && !x64_loop_carries(x, g) &&
         !x64_pin_overlaps((uint32_t)in->imm, 8); /* a pinned slot's register (x64_pin.c) */
}

/* A GET also read by lazy flags after r: worth leaving in the state where
 * r is a compare that takes it as a memory operand, its second (cmp reg,
 * [x]), or its first while the second is no GET (cmp [x], reg or imm). An
 * exit's lazy flags then load it again. */
static int x64_state_lazy_ok(struct x64_ctx *x, uint32_t g, uint32_t r) {
  const struct ir_insn *f = &x->ir->insn[r];
  uint32_t b = x64_resolve(x, f->b);
  return f->op == IR_FLAGS_SUB && (b == g || x->ir->insn[b].op != IR_GET);
}

/* Mark the GETs that stay in the state: their location is X64_LOC_STATE
 * before the block is emitted. Runs once last_use is final: a value read
 * after its one reader by anything but lazy flags (x64_reads_lazily) has
 * another reader, a deferred store or a loop's exit, which need it in a
 * register. */
void x64_state_gets(struct x64_ctx *x) {
  const struct ir_block *b = x->ir;
  const uint32_t *reader = x->ra.reader, *last_use = x->ra.last_use;
  for (uint32_t k = 0; k < x->n_gets; k++) {                    /* the GETs (x64_fuse_init) */
    uint32_t g = x->gets[k], r = reader[g], last = last_use[g]; /* after r: lazy flags only */
    if (r == UINT32_MAX || !r)
      continue;
    if (last >= r && last - g <= X64_STATE_REACH &&
        (x64_state_reader(&b->insn[r]) || x64_state_tested(x, r)) && x64_state_candidate(x, g) &&
        (last == r || x64_state_lazy_ok(x, g, r)) && x64_state_unwritten(x, g, last + 1))
      x->ra.loc[g] = (struct x64_loc){X64_LOC_STATE, (uint8_t)(b->insn[g].type == IR_I64 ? 3 : 2),
                                      (uint16_t)b->insn[g].imm};
    else if (last == r && x->loop.n && b->insn[r].op == IR_VZEXT64 && b->insn[r].type == IR_V128 &&
             x64_loop_half_xmm(x, g) >= 0)
      x->ra.loc[g] = (struct x64_loc){X64_LOC_XHALF, (uint8_t)x64_loop_half_xmm(x, g), 0};
  }
}

/* A commutative ALU op whose a stays in the state and whose b does not:
 * d = b; d op= [state], so that d may take b's register where b dies. */
int x64_state_swaps(struct x64_ctx *x, const struct ir_insn *in) {
  struct x64_mem m;
  if (in->op != IR_ADD && in->op != IR_AND && in->op != IR_OR && in->op != IR_XOR)
    return 0;
  return x64_state_mem(x, in->a, in->type == IR_I64, &m) && !ir_is_const(x->ir, in->b) &&
         x->ra.loc[x64_resolve(x, in->b)].kind != X64_LOC_STATE;
}

/* ref's value as a memory operand of a w-wide op (w: 64 bits), when it is
 * in the state and that many bytes of it are the value. */
int x64_state_mem(struct x64_ctx *x, uint32_t ref, int w, struct x64_mem *m) {
  const struct x64_loc *l = &x->ra.loc[x64_resolve(x, ref)];
  if (!ref || l->kind != X64_LOC_STATE || (w && l->reg != 3))
    return 0;
  *m = x64_cpu_field(l->slot);
  return 1;
}
