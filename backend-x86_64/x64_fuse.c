/* x64_fuse.c - which IR values need no instruction of their own, decided
 * once per block before it is emitted.
 *
 * Guest flags live in host flags: a FLAGS_* op lowers to the x86 instruction
 * that sets the same flags (cmp, add, test, adc, sbb), and a COND on it
 * becomes the x86 condition that reads them, when nothing between the two
 * changes the host flags. A COND whose every use is a branch or a select
 * (EXIT_IF, DEOPT_IF, SELECT) has no value at all: its users emit jcc or
 * cmovcc; so has an IR compare (CMP) used that way. A FLAGS_* op whose every use is such a COND has
 * no value either: the NZCV nibble is built only where it is stored or read some other way.
 *
 *   cmp x1, x2; b.ne L   ->   cmp rsi, rdi; jne L
 *
 * Address arithmetic used once by a load or store folds into its memory
 * operand, and a TRUNC whose users read only 32 bits is no instruction.
 *
 * A COND whose flags were overwritten in between sets them again from the
 * FLAGS_* op's operands (one cmp), which stay in their registers till then.
 *
 * A64's CCMP makes NZCV = cond ? flags(x - y) : #nzcv, a select of two
 * flags values. Where only the flags PUT and branches read it, it gets no
 * nibble: the PUT stores the compare's operands lazily or the constant on a
 * branch, a fault rebuilds it from two records (x64_defer.c), and a branch
 * on it tests the two compares:
 *
 *   cmp x1, x2; ccmp x3, x4, #0, ne; b.eq L
 *     ->  cmp rsi, rdi; je skip; cmp r8, r9; je L; skip:
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
  case IR_GET: return X64_FK_SUB;       /* the flags slot: x64_lazy_flags makes them so */
  default: return X64_FK_LOGIC;         /* CF = OF = 0, as Arm's C = V = 0 */
  }
}

/* IR values that are a condition themselves (nonzero: true) and lower to an
 * x86 instruction that leaves it in the flags: a compare, and the check of
 * a speculative FP result (x64_lower_vf.c), which a DEOPT_IF leaves on. */
int x64_is_cc_value(unsigned op) {
  return op == IR_CMP || op == IR_VFCHK;
}

/* A GET of the flags slot that only conditions read: x64_lazy_flags makes
 * the host flags the guest's (x64_fuse_flags_get). */
static int x64_is_cc_get(struct x64_ctx *x, uint32_t ref) {
  return x64_is_flags_get(x->ir, &x->ir->insn[ref]) && x->fuse[ref] == X64_FUSE_VIRTUAL;
}

/* The guest flags whose x86 form a COND reads: a FLAGS_* op, or such a GET. */
static int x64_is_flags_src(struct x64_ctx *x, uint32_t ref) {
  return ir_is_flags_op(x->ir->insn[ref].op) || x64_is_cc_get(x, ref);
}

/* Instructions that lower to an x86 instruction whose flags a condition can
 * read: FLAGS_* ops, compares, an FP compare of one lane ([u]comis), and
 * a GET of the flags only conditions read. */
int x64_sets_cc_op(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = &x->ir->insn[ref];
  return ir_is_flags_op(in->op) || x64_is_cc_value(in->op) ||
         (in->op == IR_VFCMP && x64_fcmp_fusable(in)) || x64_is_cc_get(x, ref);
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

/* The x86 condition of an IR compare (enum ir_cmp) after cmp a, b. */
enum x64_cc x64_cmp_cc(unsigned cmp) {
  static const uint8_t cc[] = {X64_CC_E, X64_CC_NE, X64_CC_B,  X64_CC_AE, X64_CC_BE,
                               X64_CC_A, X64_CC_L,  X64_CC_GE, X64_CC_LE, X64_CC_G};
  return cmp < sizeof(cc) ? cc[cmp] : X64_CC_E;
}

/* The x86 condition for a CMP or VFCHK, or a COND whose producer's flags are
 * in the host flags. */
enum x64_cc x64_cond_cc(struct x64_ctx *x, uint32_t cond) {
  const struct ir_insn *in = &x->ir->insn[cond];
  if (in->op == IR_CMP && x64_bittest_bit(x, cond) >= 0)
    return in->aux == IR_NE ? X64_CC_B : X64_CC_AE; /* bt: CF is the bit */
  if (in->op == IR_CMP)
    return x64_cmp_cc(in->aux);
  if (in->op == IR_VFCHK)
    return x64_vfchk_cc(x, cond);
  if (x64_fcmp_fusable(&x->ir->insn[in->a]))
    return (enum x64_cc)x64_fcmp_cc(in->aux);
  return (enum x64_cc)x64_arm_cc(x64_flags_kind(x->ir->insn[in->a].op), in->aux);
}

/* A COND on an FP compare whose condition needs the compare's operands the
 * other way round (x64_fcmp_cc): it compares them itself. */
static int x64_fcmp_own(struct x64_ctx *x, const struct ir_insn *in) {
  return in->op == IR_COND && in->a && x64_fcmp_fusable(&x->ir->insn[in->a]) &&
         x64_fcmp_ab(in->aux);
}

/* The producer whose flags a condition (CMP, VFCHK, or COND on FLAGS_* or
 * an FP compare) reads: a COND that compares again for itself is its own. */
uint32_t x64_cc_source(struct x64_ctx *x, uint32_t cond) {
  const struct ir_insn *in = &x->ir->insn[cond];
  return x64_is_cc_value(in->op) || x64_fcmp_own(x, in) ? cond : in->a;
}

/* Per op, the fusions (bit X64_FUSE_*) with which its lowering leaves the
 * host flags as they were: moves, loads, stores, the fused forms that only
 * read them. A table, not a switch: asked of every instruction, whose ops
 * follow no pattern a branch predictor could learn. */
#define X64_ANY   ((1u << (X64_FUSE_TABLE + 1)) - 1)
#define X64_IF(f) (1u << X64_FUSE_##f)
static const uint16_t x64_keeps_by_op[IR_OP_SLOTS] = {
    [IR_NOP] = X64_ANY,
    [IR_CONST] = X64_ANY,
    [IR_LOAD] = X64_ANY,
    [IR_STORE] = X64_ANY,
    [IR_ZEXT] = X64_ANY,
    [IR_SEXT] = X64_ANY,
    [IR_TRUNC] = X64_ANY,
    [IR_GET] = X64_ANY, /* but the flags slot's: x64_lazy.c sets them */
    [IR_PUT] = X64_ANY, /* but a flags select's: stored where it stands, a branch */
    [IR_ADD] = X64_IF(ADDR),
    [IR_SHL] = X64_IF(ADDR),
    [IR_AND] = X64_IF(BITTEST) | X64_IF(TESTMASK),
    [IR_COND] = X64_ANY & ~X64_IF(NONE),
    [IR_SELECT] = X64_IF(CC) | X64_IF(LAZY),
    [IR_EXIT_IF] = X64_IF(CC),
    [IR_DEOPT_IF] = X64_IF(CC),
};
#undef X64_ANY
#undef X64_IF

int x64_keeps_flags(struct x64_ctx *x, uint32_t ref) {
  const struct ir_insn *in = &x->ir->insn[ref];
  int keeps = x64_keeps_by_op[in->op] >> x->fuse[ref] & 1;
  if (in->type == IR_V128)
    return in->op == IR_NOP;
  if (keeps && in->imm == x->ir->flags_off && (in->op == IR_GET || in->op == IR_PUT))
    return !x64_is_flags_get(x->ir, in) && !x64_is_lazy_sel_put(x, in);
  return keeps;
}

/* Users that can take a COND as a host condition. */
static int x64_cc_user(const struct ir_insn *u) {
  return u->op == IR_EXIT_IF || u->op == IR_DEOPT_IF || u->op == IR_SELECT;
}

/* Walk the block as it will be emitted, with the FLAGS_* op whose flags the
 * host flags hold; mark the CONDs that read them and the users that branch
 * or select on such a COND. Returns the first instruction left without a
 * value (X64_FUSE_VIRTUAL), or 0. */
static uint32_t x64_fuse_walk(struct x64_ctx *x) {
  const struct ir_block *b = x->ir;
  /* in locals: a byte store could change any field reached through x or b */
  uint8_t *fuse = x->fuse, *recmp = x->recmp, *keeps = x->keeps;
  const struct ir_insn *insn = b->insn;
  const uint32_t n = b->n;
  uint32_t live = 0, first_virtual = 0;
  for (uint32_t i = 1; i < n; i++) {
    const struct ir_insn *in = &insn[i];
    if (in->op == IR_COND && fuse[i] != X64_FUSE_LAZY && in->a && x64_is_flags_src(x, in->a) &&
        x64_arm_cc(x64_flags_kind(insn[in->a].op), in->aux) >= 0) {
      fuse[i] = X64_FUSE_VIRTUAL; /* till a user needs its value */
      recmp[i] = in->a != live;
      live = in->a;
    } else if (in->op == IR_COND && in->a && x64_fcmp_fusable(&insn[in->a]) &&
               x64_fcmp_cc(in->aux) >= 0) {
      uint32_t src = x64_cc_source(x, i); /* the compare, or this COND comparing again */
      fuse[i] = X64_FUSE_VIRTUAL;
      recmp[i] = src != live;
      live = src;
    } else if (x64_cc_user(in) && !fuse[i] && in->a && live && x64_cc_source(x, in->a) == live &&
               (x64_is_cc_value(insn[in->a].op) || fuse[in->a]))
      fuse[i] = X64_FUSE_CC;
    keeps[i] = (uint8_t)x64_keeps_flags(x, i); /* final: later steps keep it so */
    if (x64_sets_cc(x, i)) {
      live = i;
      fuse[i] = X64_FUSE_VIRTUAL;                 /* till a user needs its value */
      recmp[i] = (uint8_t)x64_is_flags_src(x, i); /* till a COND reads it where it stands */
    } else if (!keeps[i]) {
      live = 0;
    }
    if (fuse[i] == X64_FUSE_VIRTUAL && !first_virtual)
      first_virtual = i;
  }
  return first_virtual;
}

/* A COND or CMP only branched or selected on needs no value; a FLAGS_* op
 * only read by host-flag CONDs and stored lazily needs no nibble, and when
 * all those CONDs set its flags again (recmp), no instruction where it stands.
 * From the first X64_FUSE_VIRTUAL on: before it no operand is one, and a
 * COND with a fusion is one or X64_FUSE_LAZY. */
static void x64_fuse_values(struct x64_ctx *x, uint32_t first_virtual) {
  const struct ir_block *b = x->ir;
  /* in locals: a byte store could change any field reached through x or b */
  uint8_t *fuse = x->fuse, *recmp = x->recmp;
  const struct ir_insn *insn = b->insn;
  const uint32_t n = b->n;
  for (uint32_t i = first_virtual; i < n; i++) {
    const struct ir_insn *u = &insn[i];
    const uint32_t ops[3] = {u->a, u->b, u->c};
    if (fuse[i] == X64_FUSE_LAZY)
      continue; /* a flags select's part: reads nothing where it stands */
    if (u->op == IR_COND && fuse[i] && !recmp[i])
      recmp[u->a] = 0; /* reads the flags where they are set */
    if (!((fuse[u->a] == X64_FUSE_VIRTUAL) | (fuse[u->b] == X64_FUSE_VIRTUAL) |
          (fuse[u->c] == X64_FUSE_VIRTUAL)))
      continue; /* most: no operand without a value (unused operands are ref 0) */
    for (unsigned k = 0, nargs = ir_op_info[u->op].nargs; k < nargs; k++) {
      uint32_t v = ops[k];
      if (!v || fuse[v] != X64_FUSE_VIRTUAL)
        continue;
      if (insn[v].op == IR_VFCMP) { /* its nibble, unless a COND reads its flags */
        if (!(u->op == IR_COND && fuse[i]))
          fuse[v] = X64_FUSE_NONE;
        continue;
      }
      int flags_src = x64_is_flags_src(x, v);
      int flags_used = flags_src && !(u->op == IR_COND && fuse[i]) && !x64_is_lazy_put(b, u);
      int cond_used = !flags_src && !(k == 0 && fuse[i] == X64_FUSE_CC);
      if (flags_used || (cond_used && x64_is_cc_value(insn[v].op)))
        fuse[v] = X64_FUSE_NONE, recmp[v] = 0;
      else if (cond_used)
        fuse[v] = X64_FUSE_SETCC;
    }
  }
}

static int x64_is_const_in(const struct ir_block *b, uint32_t ref, int64_t lo, int64_t hi) {
  return ir_is_const(b, ref) && (int64_t)b->insn[ref].imm >= lo && (int64_t)b->insn[ref].imm <= hi;
}

/* An i64 ADD of a constant to a value that is not a constant. */
static int x64_is_add_const(const struct ir_block *b, uint32_t ref) {
  const struct ir_insn *in = &b->insn[ref];
  return in->op == IR_ADD && in->type == IR_I64 && ir_is_const(b, in->b) && !ir_is_const(b, in->a);
}

/* An address ADD of a constant to an ADD of a constant takes the inner
 * ADD's base, the constants summed (x64_addr_parts): it does not read the
 * inner one, which becomes an address too when every other reader is a
 * load or store. A64's ldp x19, x20, [sp, #16] (sp + 16, then that + 8):
 * [rbx + 0x10] and [rbx + 0x18], not lea rsi, [rbx + 0x10] first. An
 * inner ADD whose own base is such an ADD stays: x64_addr_parts looks
 * through one only. */
static void x64_fuse_inner_address(struct x64_ctx *x, const uint32_t *uses, uint32_t *addr_uses,
                                   uint32_t ad) {
  const struct ir_block *b = x->ir;
  const struct ir_insn *add = &b->insn[ad], *inner = &b->insn[add->a];
  if (!ir_is_const(b, add->b) || !x64_is_add_const(b, add->a) || x64_is_add_const(b, inner->a))
    return;
  int64_t disp = (int64_t)(b->insn[add->b].imm + b->insn[inner->b].imm);
  if (disp == (int32_t)disp && ++addr_uses[add->a] == uses[add->a])
    x->fuse[add->a] = X64_FUSE_ADDR;
}

/* An i64 ADD used only as the address of loads and stores becomes their
 * memory operand [a + disp32] or [a + b], and a shift by 1..3 used once as
 * that b becomes its index scale: [a + c*8]. */
static void x64_fuse_address(struct x64_ctx *x, const uint32_t *uses, uint32_t *addr_uses,
                             uint32_t mem) {
  const struct ir_block *b = x->ir;
  uint32_t ad = b->insn[mem].a;
  const struct ir_insn *add = &b->insn[ad];
  if (add->op != IR_ADD || add->type != IR_I64 || uses[ad] != addr_uses[ad] ||
      ir_is_const(b, add->a))
    return;
  if (x->fuse[ad] != X64_FUSE_ADDR) /* its first load or store */
    x64_fuse_inner_address(x, uses, addr_uses, ad);
  x->fuse[ad] = X64_FUSE_ADDR;
  const struct ir_insn *sh = &b->insn[add->b];
  if (sh->op == IR_SHL && sh->type == IR_I64 && uses[add->b] == 1 && !ir_is_const(b, sh->a) &&
      x64_is_const_in(b, sh->b, 1, 3))
    x->fuse[add->b] = X64_FUSE_ADDR;
}

/* An ADD of a value shifted left by 1..3, a scaled index read by nothing
 * else (A64's add x0, x1, x2, lsl #3), is one lea: the shift has no
 * instruction of its own, as in an address (x64_lower.c). */
static void x64_fuse_scaled_add(struct x64_ctx *x, const uint32_t *uses, uint32_t ref) {
  const struct ir_block *b = x->ir;
  const struct ir_insn *add = &b->insn[ref], *sh = &b->insn[add->b];
  if ((add->type == IR_I64 || add->type == IR_I32) && sh->op == IR_SHL && sh->type == add->type &&
      uses[add->b] == 1 && !ir_is_const(b, sh->a) && x64_is_const_in(b, sh->b, 1, 3))
    x->fuse[add->b] = X64_FUSE_ADDR;
}

/* Users that read only the low 32 bits of an operand's register. */
static int x64_reads_low32(const struct ir_insn *u) {
  switch (u->op) {
  case IR_ADD:
  case IR_SUB:
  case IR_MUL:
  case IR_AND:
  case IR_OR:
  case IR_XOR:
  case IR_NOT:
  case IR_NEG:
  case IR_SHL:
  case IR_SHR:
  case IR_SAR:
  case IR_ROR:
  case IR_SELECT:
  case IR_PUT: return u->type == IR_I32;
  case IR_SEXT: return 1;                           /* movsx, movsxd */
  case IR_ZEXT: return u->aux == 8 || u->aux == 16; /* not 32: that one is no instruction */
  case IR_CMP: return u->imm == IR_I32;
  case IR_STORE: return u->type != IR_V128 && (u->aux & IR_MEM_SIZE_MASK) <= 2;
  case IR_FLAGS_ADD:
  case IR_FLAGS_SUB:
  case IR_FLAGS_LOGIC: return u->aux == IR_I32;
  default: return 0;
  }
}

/* FP arithmetic on the low 8 bytes (one binary64 lane, two binary32): its
 * result's high half is zero, and x64_lower_vf.c clears it only where a
 * reader looks there. */
static int x64_vf_result8(const struct ir_insn *in) {
  switch (in->op) {
  case IR_VFADD:
  case IR_VFSUB:
  case IR_VFMUL:
  case IR_VFDIV:
  case IR_VFSQRT:
  case IR_VFROUND:
  case IR_VFMA:
  case IR_VFMAX:
  case IR_VFMIN:
  case IR_VFCMPEQ:
  case IR_VFCMPGE:
  case IR_VFCMPGT: return (ir_vf_lanes(in->aux) << (in->aux & 3)) == 8;
  default: return 0;
  }
}

/* Readers of no more than the low 8 bytes of their v128 operands: FP
 * arithmetic, compares and conversions of one lane ([u]comisd, mulsd ...
 * leave or ignore the rest), a zero-extension of the low half, and a PUT
 * stored where it stands (x64_lower.c clears the high half of a copy to
 * store; a deferred PUT's exit stores and fault records take the register's
 * 16 bytes as they are). */
static int x64_reads_lane0(const struct ir_insn *u) {
  if (ir_is_vf_op(u->op))
    return ir_vf_lanes(u->aux) == 1;
  return u->op == IR_VZEXT64 || (u->op == IR_PUT && !(u->aux & IR_PUT_DEFER));
}

/* Which of x64_fuse_init's checks an op's instructions get: the walk that
 * counts uses lists them by kind, and each list is checked in a loop of its
 * own, not with a switch on every instruction's op (2% of a first run's
 * time). No check reads what a check of another kind decides, so the order
 * of the kinds is free: each list is in the block's order. */
enum x64_check_kind {
  X64_CHK_NONE,
  X64_CHK_MEM,    /* x64_fuse_address */
  X64_CHK_SELECT, /* x64_fuse_lazy_sel */
  X64_CHK_ADD,    /* x64_fuse_scaled_add */
  X64_CHK_CMP,    /* x64_fuse_bittest */
  X64_CHK_EXIT,   /* x64_fuse_testmask */
  X64_CHK_GET,    /* x64_fuse_flags_get; x->gets */
  X64_CHK_VTBL,   /* x64_fuse_table */
  X64_CHK_PUT,    /* none: x->puts */
  X64_CHK_GOTO,   /* none: a back edge (x64_back_edge) */
  X64_CHK_DIV,    /* x64_fuse_rem */
  X64_CHK_KINDS
};
static const uint8_t x64_fuse_kind[IR_OP_SLOTS] = {
    [IR_LOAD] = X64_CHK_MEM,      [IR_STORE] = X64_CHK_MEM, [IR_SELECT] = X64_CHK_SELECT,
    [IR_ADD] = X64_CHK_ADD,       [IR_CMP] = X64_CHK_CMP,   [IR_EXIT_IF] = X64_CHK_EXIT,
    [IR_DEOPT_IF] = X64_CHK_EXIT, [IR_GET] = X64_CHK_GET,   [IR_VTBL] = X64_CHK_VTBL,
    [IR_PUT] = X64_CHK_PUT,       [IR_GOTO] = X64_CHK_GOTO, [IR_DIVU] = X64_CHK_DIV,
    [IR_DIVS] = X64_CHK_DIV,
};
struct x64_fuse_lists {
  uint32_t *ref[X64_CHK_KINDS], n[X64_CHK_KINDS];
};

/* The number of times each value is an operand (uses[0..n)), and is the
 * address of a load or store (uses[n..2n)). And loose TRUNCs: an i32 value's
 * register has its high half zero (x86 writes of 32-bit registers do that),
 * except a TRUNC's whose every user reads only the low half: that one has no
 * register of its own, its users read the i64 operand's (x64_resolve). So
 * has a ZEXT of an i32 to 64 bits: the i32's register already holds it.
 * And narrow GETs: an i64 GET only TRUNCs and 32-bit ZEXTs read is a 32-bit
 * load, its register zero-extended, so such a TRUNC or ZEXT in place is no
 * instruction (fmov w0, s1; mov w0, w1; ldr x0, [x1, w2, uxtw] of a
 * register the block has not written). */
static uint32_t *x64_fuse_uses(struct x64_ctx *x, struct x64_fuse_lists *l) {
  const struct ir_block *b = x->ir;
  const struct ir_insn *insn = b->insn; /* in locals, as in x64_fuse_walk */
  const uint32_t n = b->n;
  uint8_t *fuse = x->fuse, *narrow = x->narrow, *lane0 = x->lane0;
  const bool has_vec = x->has_vec;
  uint32_t *uses = ir_scratch(b, (2 * (size_t)n + 1) * sizeof(*uses));
  if (!uses)
    return NULL;
  for (uint32_t i = 1; i < n; i++) {
    const struct ir_insn *u = &insn[i];
    const uint32_t ops[3] = {u->a, u->b, u->c};
    /* in locals: the byte stores below could change *u as far as C knows */
    const unsigned op = u->op, nargs = ir_op_info[op].nargs;
    const unsigned kind = x64_fuse_kind[op];
    l->ref[kind][l->n[kind]++] = i; /* no branch: X64_CHK_NONE's list is never read */
    if (op == IR_NOP)
      continue;
    const bool store = op == IR_STORE;
    const bool keeps_narrow = op == IR_TRUNC || (op == IR_ZEXT && u->aux == 32);
    const bool wants_lane = has_vec && !x64_reads_lane0(u);
    if (has_vec)
      lane0[i] = (uint8_t)x64_vf_result8(u); /* till a reader wants more */
    for (unsigned k = 0; k < nargs; k++) {
      uint32_t v = ops[k];
      uses[v]++;
      if (wants_lane)
        lane0[v] = 0; /* without vector work all stay 0 */
      if (!keeps_narrow)
        narrow[v] = 0;
      if (fuse[v] == X64_FUSE_LOOSE && insn[v].op == IR_TRUNC &&
          !(x64_reads_low32(u) && (!store || k == 1)))
        fuse[v] = X64_FUSE_NONE;
    }
    if (op == IR_LOAD || store)
      uses[n + ops[0]]++;
    if (op == IR_GET && u->type == IR_I64)
      narrow[i] = 1; /* till another user than a TRUNC reads it */
    if (op == IR_TRUNC || (op == IR_ZEXT && u->aux == 32 && insn[ops[0]].type == IR_I32))
      fuse[i] = X64_FUSE_LOOSE;
  }
  return uses;
}

static int x64_lazy_flags_op(const struct ir_insn *in) {
  return in->op == IR_FLAGS_ADD || in->op == IR_FLAGS_SUB || in->op == IR_FLAGS_LOGIC;
}

/* The x86 condition that is Arm condition cc on flags op f's flags, or -1. */
int x64_flags_cc(struct x64_ctx *x, uint32_t f, unsigned cc) {
  return x64_arm_cc(x64_flags_kind(x->ir->insn[f].op), cc);
}

struct x64_lazy_sel x64_lazy_sel(struct x64_ctx *x, uint32_t sel) {
  const struct ir_insn *s = &x->ir->insn[sel], *h = &x->ir->insn[s->a];
  return (struct x64_lazy_sel){h->a, s->b, (uint8_t)(h->aux & 15), (uint8_t)x->ir->insn[s->c].imm};
}

/* A flags PUT of a flags select: stored lazily, on a branch (x64_lower.c). */
int x64_is_lazy_sel_put(struct x64_ctx *x, const struct ir_insn *in) {
  return in->op == IR_PUT && x->ir->flags_off && in->imm == x->ir->flags_off &&
         in->type == IR_I32 && x->fuse[in->a] == X64_FUSE_LAZY;
}

/* sel is a flags select whose condition only it reads, both flags ops
 * have x86 conditions for what is asked of them. */
static int x64_lazy_sel_ok(struct x64_ctx *x, const uint32_t *uses, uint32_t sel) {
  const struct ir_block *b = x->ir;
  const struct ir_insn *s = &b->insn[sel], *h = &b->insn[s->a];
  return s->type == IR_I32 && h->op == IR_COND && uses[s->a] == 1 &&
         x64_lazy_flags_op(&b->insn[h->a]) && x64_lazy_flags_op(&b->insn[s->b]) &&
         ir_is_const(b, s->c) && b->insn[s->c].imm < 16 && x64_flags_cc(x, h->a, h->aux) >= 0;
}

/* How many EXIT_IFs branch on COND c, which reads flags select sel; 0 when
 * something else reads c or its condition has no x86 form after sel's f2. */
static uint32_t x64_lazy_sel_exits(struct x64_ctx *x, const uint32_t *uses, uint32_t sel,
                                   uint32_t c) {
  const struct ir_block *b = x->ir;
  uint32_t n = 0;
  if (x64_flags_cc(x, b->insn[sel].b, b->insn[c].aux) < 0)
    return 0;
  for (uint32_t i = c + 1; i < b->n && n < uses[c]; i++)
    n += b->insn[i].op == IR_EXIT_IF && b->insn[i].a == c;
  return n == uses[c] ? n : 0;
}

/* A64's CCMP: NZCV = cond ? flags(x - y) : #nzcv, a flags select. When
 * only the flags PUT and conditions that branch read it, it needs no
 * nibble: the PUT stores f2 lazily or k on a branch, and each branch on
 * it tests f1's flags and then f2's (X64_FUSE_LAZY, X64_FUSE_SPLIT). */
static void x64_fuse_lazy_sel(struct x64_ctx *x, const uint32_t *uses, uint32_t sel) {
  const struct ir_block *b = x->ir;
  if (!uses[sel] || !x64_lazy_sel_ok(x, uses, sel))
    return;
  uint32_t seen = 0;
  for (uint32_t i = sel + 1; i < b->n && seen < uses[sel]; i++) {
    const struct ir_insn *u = &b->insn[i];
    if (u->op == IR_NOP || (u->a != sel && u->b != sel && u->c != sel))
      continue;
    if (!(u->op == IR_PUT && u->imm == b->flags_off) &&
        !(u->op == IR_COND && x64_lazy_sel_exits(x, uses, sel, i)))
      return;
    seen++;
  }
  if (seen != uses[sel])
    return;
  x->fuse[sel] = x->fuse[b->insn[sel].a] = X64_FUSE_LAZY;
  for (uint32_t i = sel + 1; i < b->n; i++) {
    const struct ir_insn *u = &b->insn[i];
    if (u->op == IR_COND && u->a == sel)
      x->fuse[i] = X64_FUSE_LAZY;
    else if (u->op == IR_EXIT_IF && u->a && x->fuse[u->a] == X64_FUSE_LAZY &&
             b->insn[u->a].op == IR_COND)
      x->fuse[i] = X64_FUSE_SPLIT;
  }
}

/* A GET of the flags slot whose every user is a COND with an x86 form
 * (all but AL and NV) needs no nibble: it is the host flags, made by
 * x64_lazy_flags (x64_lazy.c), and its CONDs read them as a FLAGS_* op's.
 *
 *   b.hi in the block after a cmp's   ->   call x64_lazy_flags; ja L */
static void x64_fuse_flags_get(struct x64_ctx *x, const uint32_t *uses, uint32_t get) {
  const struct ir_block *b = x->ir;
  uint32_t seen = 0;
  for (uint32_t i = get + 1; i < b->n && seen < uses[get]; i++) {
    const struct ir_insn *u = &b->insn[i];
    if (u->op == IR_NOP || (u->a != get && u->b != get && u->c != get))
      continue;
    if (u->op != IR_COND || u->a != get || x64_arm_cc(X64_FK_SUB, u->aux) < 0)
      return;
    seen++;
  }
  if (seen && seen == uses[get])
    x->fuse[get] = X64_FUSE_VIRTUAL;
}

/* A TBZ's test: CMP EQ/NE of an AND with one bit against 0, where nothing
 * else reads the AND. The CMP becomes bt of the AND's operand, and the AND
 * no instruction:
 *
 *   tbnz x8, #63, L   ->   bt r8, 63; jc L   (not mov, movabs, and, test, jne) */
static void x64_fuse_bittest(struct x64_ctx *x, const uint32_t *uses, uint32_t cmp) {
  const struct ir_block *b = x->ir;
  const struct ir_insn *in = &b->insn[cmp], *and = &b->insn[in->a];
  if ((in->aux != IR_EQ && in->aux != IR_NE) ||
      !x64_is_const_in(b, in->b, 0, 0) || and->op != IR_AND || uses[in->a] != 1 ||
      !ir_is_const(b, and->b) || ir_is_const(b, and->a))
    return;
  uint64_t m = b->insn[ and->b].imm;
  if ((and->type == IR_I64 || (and->type == IR_I32 && m <= UINT32_MAX)) && m && !(m & (m - 1)))
    x->fuse[in->a] = X64_FUSE_BITTEST;
}

/* A side exit on x & mask (a decoder's own check: FPCR's bits before FP
 * code), where nothing else reads the AND and the exit follows it: test x,
 * mask, and the AND no instruction:
 *
 *   get fpcr; and 0x3c00000; deopt.if   ->   test dword [r14+fpcr], 0x3c00000; jne
 *   (not mov esi, [r14+fpcr]; and esi, 0x3c00000; test esi, esi; jne) */
static void x64_fuse_testmask(struct x64_ctx *x, const uint32_t *uses, uint32_t exit) {
  const struct ir_block *b = x->ir;
  uint32_t a = b->insn[exit].a;
  const struct ir_insn *and = &b->insn[a];
  if (a + 1 != exit || and->op != IR_AND || uses[a] != 1 || !ir_is_const(b, and->b) ||
      ir_is_const(b, and->a) || (and->type != IR_I32 && and->type != IR_I64))
    return;
  uint64_t m = b->insn[ and->b].imm;
  if (and->type == IR_I32 || m == (uint64_t)(int64_t)(int32_t)m)
    x->fuse[a] = X64_FUSE_TESTMASK;
}

/* The MUL of a remainder x - (x / y) * y whose SUB follows it, after
 * division q = x / y with nothing between but PUTs of q and, for an i32 q,
 * its loose ZEXT (A64's UDIV and MSUB, RISC-V's REM); else 0. None of those
 * writes rdx (a PUT stores through rax when it must load), so the remainder
 * div left there is the SUB's value, and the MUL no instruction:
 *
 *   udiv x1, x19, x2; msub x3, x1, x2, x19   ->   div rcx; mov r13, rax; mov rsi, rdx
 *   (not div rcx; mov r13, rax; mov r8, r13; imul r8, rdi; mov rsi, r15; sub rsi, r8) */
static uint32_t x64_rem_mul(const struct x64_ctx *x, const uint32_t *uses, uint32_t q) {
  const struct ir_block *b = x->ir;
  const struct ir_insn *div = &b->insn[q];
  uint32_t m = q + 1, wide = 0; /* an i32 quotient's loose ZEXT: no instruction */
  for (; m < b->n; m++) {
    const struct ir_insn *in = &b->insn[m];
    if (in->op == IR_ZEXT && in->a == q && x->fuse[m] == X64_FUSE_LOOSE)
      wide = m;
    else if (in->op != IR_PUT || (in->a != q && (!wide || in->a != wide)))
      break;
  }
  if (m + 1 >= b->n)
    return 0;
  const struct ir_insn *mul = &b->insn[m], *sub = &b->insn[m + 1];
  bool qy = (mul->a == q && mul->b == div->b) || (mul->b == q && mul->a == div->b);
  return mul->op == IR_MUL && qy && uses[m] == 1 && sub->op == IR_SUB && sub->a == div->a &&
                 sub->b == m && mul->type == div->type && sub->type == div->type
             ? m
             : 0;
}

static void x64_fuse_rem(struct x64_ctx *x, const uint32_t *uses, uint32_t q) {
  uint32_t m = x64_rem_mul(x, uses, q);
  if (m)
    x->fuse[m] = X64_FUSE_REM;
}

/* Whether division q's remainder is read (x64_fuse_rem): then every path
 * of its lowering leaves it in rdx. */
int x64_div_rem(struct x64_ctx *x, uint32_t q) {
  uint32_t m = q + 1;
  while (m < x->ir->n && (x->ir->insn[m].op == IR_PUT || x->ir->insn[m].op == IR_ZEXT))
    m++;
  return m < x->ir->n && x->fuse[m] == X64_FUSE_REM;
}

/* The bit a CMP of a TBZ tests (x64_fuse_bittest), or -1. */
int x64_bittest_bit(struct x64_ctx *x, uint32_t cmp) {
  const struct ir_insn *in = &x->ir->insn[cmp];
  if (in->op != IR_CMP || !in->a || x->fuse[in->a] != X64_FUSE_BITTEST)
    return -1;
  return __builtin_ctzll(x->ir->insn[x->ir->insn[in->a].b].imm);
}

/* Whether t rotates each lane of 1 << aux bytes right by k bytes. */
static int x64_table_rotates(const struct ir_v128 *t, unsigned aux, unsigned k) {
  struct ir_v128 r = ir_vtbl_rotation(aux, k);
  return t->lo == r.lo && t->hi == r.hi;
}

struct x64_table x64_table_of(const struct ir_v128 *t) {
  struct x64_table r = {X64_TABLE_WORDS, 0, 0, 0};
  for (unsigned w = 0; w < 4 && r.kind; w++) {
    unsigned src = ir_v128_byte(t, 4 * w);
    for (unsigned j = 0; j < 4; j++)
      if (src % 4 || src > 12 || ir_v128_byte(t, 4 * w + j) != src + j)
        r.kind = X64_TABLE_NONE;
    r.imm |= (uint8_t)((src / 4 & 3) << (2 * w));
  }
  for (unsigned aux = 1; aux <= 3 && !r.kind; aux++)
    for (unsigned k = 1; k < 1u << aux && !r.kind; k++)
      if (x64_table_rotates(t, aux, k))
        r = (struct x64_table){X64_TABLE_ROTATE, 0, (uint8_t)aux, (uint8_t)k};
  return r;
}

/* A VCONST read only as the table of VTBLs, one x64_table_of can do
 * without: no value (X64_FUSE_TABLE). Each such VTBL counts uses[t] down
 * (nothing after reads a VCONST's count): it reaches 0 at the last one
 * only where every use was one. */
static void x64_fuse_table(struct x64_ctx *x, uint32_t *uses, uint32_t r) {
  const struct ir_block *b = x->ir;
  uint32_t t = b->insn[r].b;
  if (b->insn[t].op == IR_VCONST && b->insn[r].a != t && --uses[t] == 0 &&
      x64_table_of(&b->vconst[b->insn[t].imm]).kind != X64_TABLE_NONE)
    x->fuse[t] = X64_FUSE_TABLE;
}

/* The last EXIT_IF or GOTO to the block's start, or 0. */
static uint32_t x64_back_edge(const struct x64_ctx *x, const struct x64_fuse_lists *l) {
  const struct ir_block *b = x->ir;
  static const uint8_t kinds[] = {X64_CHK_EXIT, X64_CHK_GOTO};
  uint32_t back = 0;
  for (unsigned j = 0; j < sizeof(kinds); j++)
    for (uint32_t k = 0; k < l->n[kinds[j]]; k++) {
      uint32_t i = l->ref[kinds[j]][k];
      back = x64_is_back_edge_insn(b, &b->insn[i]) && i > back ? i : back;
    }
  return back;
}

int x64_fuse_init(struct x64_ctx *x) {
  const struct ir_block *b = x->ir;
  const size_t n = b->n;
  x->fuse = ir_scratch(b, 5 * n + 5);
  struct x64_fuse_lists l = {.n = {0}};
  uint32_t *lists = ir_scratch_raw(b, X64_CHK_KINDS * n * sizeof(*lists));
  if (!x->fuse || !lists)
    return -1;
  x->recmp = x->fuse + n + 1;
  x->keeps = x->recmp + n + 1;
  x->narrow = x->keeps + n + 1;
  x->lane0 = x->narrow + n + 1;
  for (unsigned k = 0; k < X64_CHK_KINDS; k++)
    l.ref[k] = lists + k * n;
  uint32_t *uses = x64_fuse_uses(x, &l);
  if (!uses)
    return -1;
  for (uint32_t k = 0; k < l.n[X64_CHK_MEM]; k++)
    x64_fuse_address(x, uses, uses + n, l.ref[X64_CHK_MEM][k]);
  for (uint32_t k = 0; b->flags_off && k < l.n[X64_CHK_SELECT]; k++)
    x64_fuse_lazy_sel(x, uses, l.ref[X64_CHK_SELECT][k]);
  for (uint32_t k = 0; k < l.n[X64_CHK_ADD]; k++)
    x64_fuse_scaled_add(x, uses, l.ref[X64_CHK_ADD][k]);
  for (uint32_t k = 0; k < l.n[X64_CHK_CMP]; k++)
    x64_fuse_bittest(x, uses, l.ref[X64_CHK_CMP][k]);
  for (uint32_t k = 0; k < l.n[X64_CHK_EXIT]; k++)
    x64_fuse_testmask(x, uses, l.ref[X64_CHK_EXIT][k]);
  for (uint32_t k = 0; k < l.n[X64_CHK_GET]; k++)
    if (x64_is_flags_get(b, &b->insn[l.ref[X64_CHK_GET][k]]))
      x64_fuse_flags_get(x, uses, l.ref[X64_CHK_GET][k]);
  for (uint32_t k = 0; k < l.n[X64_CHK_VTBL]; k++)
    x64_fuse_table(x, uses, l.ref[X64_CHK_VTBL][k]);
  for (uint32_t k = 0; k < l.n[X64_CHK_DIV]; k++)
    x64_fuse_rem(x, uses, l.ref[X64_CHK_DIV][k]);
  uint32_t first_virtual = x64_fuse_walk(x);
  if (first_virtual)
    x64_fuse_values(x, first_virtual); /* else it finds nothing to do */
  x->gets = l.ref[X64_CHK_GET], x->n_gets = l.n[X64_CHK_GET];
  x->puts = l.ref[X64_CHK_PUT], x->n_puts = l.n[X64_CHK_PUT];
  x->back_edge =
      b->countdown ? 0 : x64_back_edge(x, &l); /* a loop's iterations are its entries then */
  return 0;
}

/* The parts of the memory operand for address ref: [base + index << scale
 * + disp]; an ADD of a constant to a base that is itself base + constant
 * uses the inner base, with the constants summed. */
struct x64_addr_parts x64_addr_parts(struct x64_ctx *x, uint32_t ref) {
  const struct ir_block *b = x->ir;
  struct x64_addr_parts p = {.base = ref};
  if (x->fuse[ref] != X64_FUSE_ADDR)
    return p;
  const struct ir_insn *add = &b->insn[ref], *inner = &b->insn[add->a];
  p.base = add->a;
  if (ir_is_const(b, add->b)) {
    int64_t disp = (int64_t)b->insn[add->b].imm;
    if (x64_is_add_const(b, add->a)) {
      p.base = inner->a;
      disp += (int64_t)b->insn[inner->b].imm;
    }
    if (disp != (int32_t)disp) {
      p.base = add->a;
      p.index = add->b; /* a constant index, loaded into a register */
      return p;
    }
    p.disp = (int32_t)disp;
  } else if (x->fuse[add->b] == X64_FUSE_ADDR) {
    p.index = b->insn[add->b].a;
    p.scale = (uint8_t)b->insn[b->insn[add->b].b].imm;
  } else {
    p.index = add->b;
  }
  return p;
}

/* The values whose registers ref reads: its operands, or for an address
 * folded into it the base and index, for a lazy flags PUT the flags op's
 * operands. Returns how many. */
static unsigned x64_reads_rare(struct x64_ctx *x, const struct ir_insn *in, uint32_t out[6]);

unsigned x64_reads_all(struct x64_ctx *x, uint32_t ref, uint32_t out[6]) {
  const struct ir_insn *in = &x->ir->insn[ref];
  if (in->op == IR_NOP || in->op == IR_CONST)
    return 0;
  if ((in->op == IR_COND && x->recmp[ref]) || x64_is_lazy_put(x->ir, in) ||
      x->fuse[ref] == X64_FUSE_SPLIT || x64_is_lazy_sel_put(x, in))
    return x64_reads_rare(x, in, out);
  const uint32_t ops[3] = {in->a, in->b, in->c};
  unsigned n = 0, nargs = ir_op_info[in->op].nargs;
  for (unsigned k = 0; k < nargs; k++) {
    uint32_t v = ops[k];
    if (v && x->fuse[v] == X64_FUSE_ADDR && x->ir->insn[v].op == IR_ADD) {
      struct x64_addr_parts p = x64_addr_parts(x, v);
      out[n++] = x64_resolve(x, p.base);
      if (p.index)
        out[n++] = x64_resolve(x, p.index);
    } else if (v && x->fuse[v] == X64_FUSE_REM) {
      /* the remainder's SUB reads rdx, which no value holds (x64_fuse_rem) */
    } else if (v && (x->fuse[v] == X64_FUSE_ADDR || x->fuse[v] == X64_FUSE_BITTEST ||
                     x->fuse[v] == X64_FUSE_TESTMASK)) {
      /* a scaled index: lea reads its operand; a TBZ's AND: bt reads it; a masked test's */
      out[n++] = x64_resolve(x, x->ir->insn[v].a);
    } else if (v) {
      out[n++] = x64_resolve(x, v);
    }
  }
  return n;
}

/* A lazy flags PUT reads the flags op's operands; a COND that sets its flags
 * again (recmp) reads theirs too. Out of line: the common case saves no
 * registers for them. */
__attribute__((noinline)) static unsigned
x64_reads_rare(struct x64_ctx *x, const struct ir_insn *in, uint32_t out[6]) {
  if (in->op == IR_COND)
    return x64_reads_all(x, in->a, out);
  if (in->op == IR_EXIT_IF) /* SPLIT: a COND on a flags select */
    in = &x->ir->insn[in->a];
  uint32_t fs[2] = {in->a, 0};
  if (x->fuse[in->a] == X64_FUSE_LAZY) { /* a flags select: both flags ops' operands */
    struct x64_lazy_sel p = x64_lazy_sel(x, in->a);
    fs[0] = p.f1, fs[1] = p.f2;
  }
  unsigned n = 0;
  for (unsigned k = 0; k < 2 && fs[k]; k++) {
    const struct ir_insn *f = &x->ir->insn[fs[k]];
    out[n++] = x64_resolve(x, f->a);
    if (f->b)
      out[n++] = x64_resolve(x, f->b);
  }
  return n;
}

/* The value whose location holds ref's: ref, or for a loose TRUNC its operand's. */
uint32_t x64_resolve(struct x64_ctx *x, uint32_t ref) {
  while (ref && x->fuse[ref] == X64_FUSE_LOOSE)
    ref = x->ir->insn[ref].a;
  return ref;
}
