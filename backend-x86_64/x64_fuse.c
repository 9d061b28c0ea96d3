/* x64_fuse.c - which IR values need no instruction of their own, decided
 * once per block before it is emitted.
 *
 * Guest flags live in host flags: a FLAGS_* op lowers to the x86 instruction
 * that sets the same flags (cmp, add, test, adc, sbb), and a COND on it
 * becomes the x86 condition that reads them, when nothing between the two
 * changes the host flags. A COND whose every use is a branch or a select
 * (EXIT_IF, DEOPT_IF, SELECT) has no value at all: its users emit jcc or
 * cmovcc. A FLAGS_* op whose every use is such a COND has no value either:
 * the NZCV nibble is built only where it is stored or read some other way.
 *
 *   cmp x1, x2; b.ne L   ->   cmp rsi, rdi; jne L
 *
 * Which host flags are live at each instruction is simulated here from a
 * table of ops whose lowering never changes them (x64_keeps_flags), and the
 * same table is followed while emitting, which checks that they agree.
 */
#include <stdlib.h>
#include "x64.h"

/* How the x86 flags after the producer relate to Arm's NZCV. */
enum x64_flags_kind { X64_FK_SUB, X64_FK_ADD, X64_FK_LOGIC };

static enum x64_flags_kind x64_flags_kind(unsigned op) {
  switch (op) {
  case IR_FLAGS_SUB:
  case IR_FLAGS_SBC: return X64_FK_SUB; /* x86 borrows where Arm carries: CF = !C */
  case IR_FLAGS_ADD:
  case IR_FLAGS_ADC: return X64_FK_ADD; /* CF = C */
  default: return X64_FK_LOGIC;         /* CF = OF = 0, as Arm's C = V = 0 */
  }
}

int x64_is_flags_op(unsigned op) {
  return op >= IR_FLAGS_ADD && op <= IR_FLAGS_LOGIC;
}

/* The x86 condition that is Arm condition cc after a producer of kind k, or
 * -1 where none is (HI and LS need C and Z together). */
static int x64_arm_cc(enum x64_flags_kind k, unsigned cc) {
  static const int8_t sub[16] = {X64_CC_E, X64_CC_NE, X64_CC_AE, X64_CC_B,  X64_CC_S,  X64_CC_NS,
                                 X64_CC_O, X64_CC_NO, X64_CC_A,  X64_CC_BE, X64_CC_GE, X64_CC_L,
                                 X64_CC_G, X64_CC_LE, -1,        -1};
  static const int8_t add[16] = {X64_CC_E, X64_CC_NE, X64_CC_B, X64_CC_AE, X64_CC_S,  X64_CC_NS,
                                 X64_CC_O, X64_CC_NO, -1,       -1,        X64_CC_GE, X64_CC_L,
                                 X64_CC_G, X64_CC_LE, -1,       -1};
  return k == X64_FK_SUB ? sub[cc & 15] : add[cc & 15]; /* LOGIC: CF = 0 reads as ADD's C */
}

/* The x86 condition for a COND whose producer's flags are in the host flags. */
enum x64_cc x64_cond_cc(struct x64_ctx *x, uint32_t cond) {
  const struct ir_insn *in = &x->ir->insn[cond];
  return (enum x64_cc)x64_arm_cc(x64_flags_kind(x->ir->insn[in->a].op), in->aux);
}

/* Ops whose lowering leaves the host flags as they were: moves, loads,
 * stores, and the fused forms that only read them. */
int x64_keeps_flags(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = &x->ir->insn[ref];
  if (in->type == IR_V128)
    return in->op == IR_NOP || in->op == IR_MARK;
  switch (in->op) {
  case IR_NOP:
  case IR_MARK:
  case IR_CONST:
  case IR_GET:
  case IR_PUT:
  case IR_LOAD:
  case IR_STORE:
  case IR_ZEXT:
  case IR_SEXT:
  case IR_TRUNC: return 1;
  case IR_COND: return x->fuse[ref] != 0;
  case IR_SELECT:
  case IR_EXIT_IF:
  case IR_DEOPT_IF: return x->fuse[ref] == X64_FUSE_CC;
  default: return 0;
  }
}

/* Users that can take a COND as a host condition. */
static int x64_cc_user(const struct ir_insn *u) {
  return u->op == IR_EXIT_IF || u->op == IR_DEOPT_IF || u->op == IR_SELECT;
}

/* Walk the block as it will be emitted, with the FLAGS_* op whose flags the
 * host flags hold; mark the CONDs that read them and the users that branch
 * or select on such a COND. */
static void x64_fuse_walk(struct x64_ctx *x) {
  const struct ir_block *b = x->ir;
  uint32_t live = 0;
  for (uint32_t i = 1; i < b->n; i++) {
    const struct ir_insn *in = &b->insn[i];
    if (in->op == IR_COND && in->a && in->a == live &&
        x64_arm_cc(x64_flags_kind(b->insn[live].op), in->aux) >= 0)
      x->fuse[i] = X64_FUSE_SETCC;
    else if (x64_cc_user(in) && in->a && x->fuse[in->a] && b->insn[in->a].a == live)
      x->fuse[i] = X64_FUSE_CC;
    if (x64_is_flags_op(in->op))
      live = i;
    else if (!x64_keeps_flags(x, i))
      live = 0;
  }
}

/* A COND only branched or selected on needs no value; a FLAGS_* op only
 * read by host-flag CONDs needs no nibble. */
static void x64_fuse_values(struct x64_ctx *x) {
  const struct ir_block *b = x->ir;
  for (uint32_t i = 1; i < b->n; i++) {
    const struct ir_insn *in = &b->insn[i];
    if (in->op == IR_COND && x->fuse[i])
      x->fuse[i] = X64_FUSE_VIRTUAL, x->fuse[in->a] = X64_FUSE_VIRTUAL;
  }
  for (uint32_t i = 1; i < b->n; i++) {
    const struct ir_insn *u = &b->insn[i];
    const uint32_t ops[3] = {u->a, u->b, u->c};
    for (unsigned k = 0; u->op != IR_NOP && k < ir_op_info[u->op].nargs; k++) {
      uint32_t v = ops[k];
      if (!v || x->fuse[v] != X64_FUSE_VIRTUAL)
        continue;
      int flags_used = x64_is_flags_op(b->insn[v].op) && !(u->op == IR_COND && x->fuse[i]);
      int cond_used = b->insn[v].op == IR_COND && !(k == 0 && x->fuse[i] == X64_FUSE_CC);
      if (flags_used)
        x->fuse[v] = X64_FUSE_NONE;
      if (cond_used)
        x->fuse[v] = X64_FUSE_SETCC;
    }
  }
}

int x64_fuse_init(struct x64_ctx *x) {
  x->fuse = calloc(x->ir->n + 1, 1);
  if (!x->fuse)
    return -1;
  x64_fuse_walk(x);
  x64_fuse_values(x);
  return 0;
}
