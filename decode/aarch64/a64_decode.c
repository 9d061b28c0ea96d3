/* a64_decode.c - the A64 block decoder: reads instruction words at a guest pc
 * and dispatches each through the pattern tables to a trans_ function that
 * appends its IR. A block ends at a branch, system call or trap, after
 * xrun_opt.max_block_insns instructions, at the end of a 4 KiB page, once
 * it holds A64_MAX_SIDE_EXITS conditional branches, or before a debugger's
 * breakpoint (xrun -g), which is a block of its own: a trap.
 *
 *   struct ir_block *b = ir_block_new(pc);
 *   a64_decode_block(b, pc);
 */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include "a64_util.h"

/* Conditional branches continue the block as side exits; the backend has
 * room for TC_MAX_EXITS (8) exits per block, the final one included. */
enum { A64_MAX_SIDE_EXITS = 6, A64_PAGE = 4096 };

/* Every pattern table, in the order they are tried. */
static const struct a64_pattern *const a64_tables[] = {a64_simd_patterns, a64_ext_patterns};

/* The patterns that can match each value of bits 28:21 (the encoding groups
 * and the next bits that split them), in the order of the tables: a word is
 * tried against its bucket only, about 3 patterns instead of all 134. */
enum { A64_IDX_LO = 21, A64_IDX_N = 256 };
static struct {
  uint32_t start[A64_IDX_N + 1];
  const struct a64_pattern **p;
} a64_idx;
static pthread_once_t a64_idx_once = PTHREAD_ONCE_INIT;

/* Each pattern goes into the buckets that agree with its fixed bits among
 * 28:21: the other bits of the range take every value. */
static void a64_idx_add(const struct a64_pattern *p, uint32_t *fill) {
  uint32_t fixed = (p->mask >> A64_IDX_LO) & (A64_IDX_N - 1);
  uint32_t want = (p->value >> A64_IDX_LO) & fixed, free_bits = ~fixed & (A64_IDX_N - 1);
  uint32_t v = 0;
  do { /* every subset of free_bits */
    uint32_t bucket = want | v;
    if (a64_idx.p)
      a64_idx.p[fill[bucket]] = p;
    fill[bucket]++;
    v = (v - free_bits) & free_bits;
  } while (v);
}

/* Two rounds over the tables: count each bucket, then fill it in order. */
static void a64_idx_build(void) {
  uint32_t fill[A64_IDX_N] = {0};
  for (int round = 0; round < 2; round++) {
    for (size_t t = 0; t < sizeof(a64_tables) / sizeof(a64_tables[0]); t++)
      for (const struct a64_pattern *p = a64_tables[t]; p->trans; p++)
        a64_idx_add(p, fill);
    if (round)
      break;
    for (uint32_t v = 0; v < A64_IDX_N; v++) {
      a64_idx.start[v + 1] = a64_idx.start[v] + fill[v];
      fill[v] = a64_idx.start[v];
    }
    a64_idx.p = malloc(a64_idx.start[A64_IDX_N] * sizeof(*a64_idx.p));
    if (!a64_idx.p)
      xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory");
  }
}

void a64_decode_undo(struct a64_ctx *s) {
  s->b->n = s->undo_n;
  s->fpcr_checked = s->undo_fpcr_checked;
}

/* The spec's patterns first (a64.decode), then the tables. */
static void a64_decode_insn(struct a64_ctx *s) {
  s->undo_n = s->b->n;
  s->undo_fpcr_checked = s->fpcr_checked;
  if (a64_decode_gen(s, s->insn))
    return;
  uint32_t v = (s->insn >> A64_IDX_LO) & (A64_IDX_N - 1);
  for (uint32_t k = a64_idx.start[v]; k < a64_idx.start[v + 1]; k++) {
    const struct a64_pattern *p = a64_idx.p[k];
    if ((s->insn & p->mask) != p->value)
      continue;
    if (p->trans(s, s->insn))
      return;
    a64_decode_undo(s); /* drop anything a declining trans_ emitted */
  }
  a64_trap(s, SIGILL, s->insn); /* -d unimpl names it if it runs */
}

static unsigned a64_count_side_exits(const struct ir_block *b, uint32_t from) {
  unsigned n = 0;
  for (uint32_t i = from; i < b->n; i++)
    n += b->insn[i].op == IR_EXIT_IF;
  return n;
}

void a64_decode_block(struct ir_block *b, uint64_t pc) {
  struct a64_ctx s = {.b = b};
  pthread_once(&a64_idx_once, a64_idx_build);
  b->flags_off = offsetof(struct a64_cpu, nzcv);
  unsigned max = xrun_opt.max_block_insns ? xrun_opt.max_block_insns : 1;
  unsigned insns = 0, exits = 0;
  uint64_t start = pc;
  while (!s.end) {
    s.pc = pc;
    bool brk = xrun_breakpoint(pc);
    if (brk && insns) /* a debugger's breakpoint starts a block */
      break;
    s.insn = *(const uint32_t *)(uintptr_t)pc;
    uint32_t first = ir_mark(b, pc);
    b->addr_mask = xrun_addr_tagged(pc) ? ~a64_guest.addr_tag_bits : 0;
    if (brk)
      a64_trap(&s, SIGTRAP, XRUN_TRAP_BREAKPOINT); /* and ends the block */
    else
      a64_decode_insn(&s);
    b->addr_mask = 0;
    exits += a64_count_side_exits(b, first);
    insns++;
    pc += 4;
    if (insns >= max || pc % A64_PAGE == 0 || exits >= A64_MAX_SIDE_EXITS)
      break;
  }
  if (!ir_block_ended(b))
    ir_goto(b, pc);
  b->guest_size = (uint32_t)(pc - start);
  b->guest_insns = insns;
}
