/* x64_cold.c - the paths of side exits out of line.
 *
 * A side exit's path (its deferred stores, the patchable jump and the stub)
 * is emitted where the exit is, behind a jump of the inverted condition, and
 * then moved after the block's last instruction. The path that stays in the
 * block then runs straight on instead of jumping over each exit's path:
 *
 *   j!cc skip; mov [r14+x1], v; jmp L; stub; skip: ...
 *     ->  jcc cold; ...; cold: mov [r14+x1], v; jmp L; stub
 *
 * Moving the bytes moves what the block recorded about them: each
 * relocation's offset (and a rel32 to outside the block loses the distance
 * moved), each exit's jump offset. The distance is a multiple of 4, so the
 * patchable rel32 stays aligned (x64_exit_jump). A path that recorded a
 * pc-map entry, or holds a rel32 no relocation describes (a call outside
 * xrun's image), stays where it is.
 *
 * A path that is only the patchable jump and its stub (nothing to store,
 * no check of exit_request) needs no jump of its own: the jcc becomes the
 * exit's patchable jump (its rel32 aligned like one), and only the stub
 * moves. Chained, the exit taken is the one jcc, straight to the block it
 * goes to:
 *
 *   jcc stub; ...; stub: mov rax, exit; jmp exit_chain
 *
 * A path may also jump back into the block (a division's rare cases,
 * x64_cold_rejoin): its rel32 is set where the path is placed.
 *
 * A branch back, or to one of the block's own instructions, may be the
 * way most runs go (x64_exit_likely): there only that form moves, as the
 * exit taken stays one jump; a path with stores stays behind its jump
 * over it.
 */
#include <string.h>
#include "x64.h"

struct x64_cold_mark x64_cold_begin(struct x64_ctx *x, uint8_t *skip) {
  const struct tc_block *blk = x->blk;
  return (struct x64_cold_mark){
      .skip = skip,
      .from = x->buf->cur,
      .n_relocs = blk->fresh ? blk->fresh->n_relocs : 0,
      .n_exits = blk->n_exits,
      .n_pcmap = blk->n_pcmap,
      .unrelocated = x->unrelocated,
  };
}

/* The path since m can move: it is whole, and all it holds is described. */
static int x64_cold_movable(const struct x64_ctx *x, const struct x64_cold_mark *m, size_t len) {
  const struct x64_cold *c = &x->cold;
  const struct tc_block *blk = x->blk;
  return m->skip && !x->buf->overflow && blk->n_pcmap == m->n_pcmap &&
         x->unrelocated == m->unrelocated && c->n_paths < X64_COLD_PATHS &&
         len <= sizeof(c->bytes) - c->n_bytes;
}

/* The exit made since m, if its path is its patchable jmp (after nothing
 * but the CS prefixes that align it, x64_branch_pad) and the stub, and the
 * jcc's rel32 can be patched as its; else NULL. */
static struct tc_exit *x64_cold_direct(const struct x64_ctx *x, const struct x64_cold_mark *m) {
  struct tc_block *blk = x->blk;
  if (blk->n_exits != m->n_exits + 1 || (uintptr_t)m->skip & 3 || m->also)
    return NULL;
  struct tc_exit *e = &blk->exits[m->n_exits];
  const uint8_t *jump = tc_exit_jump(e) + x->buf->wdelta, *p = m->from + x->buf->wdelta;
  while (p < jump && *p == 0x2e)
    p++;
  return p == jump && *jump == 0xe9 ? e : NULL;
}

/* Moves the path since m, or leaves it where it is behind its jump;
 * returns 1 + the path's index when moved, else 0 (for x64_cold_rejoin). */
int x64_cold_end(struct x64_ctx *x, const struct x64_cold_mark *m) {
  struct tc_buf *b = x->buf;
  struct x64_cold *c = &x->cold;
  struct tc_exit *direct = m->skip ? x64_cold_direct(x, m) : NULL;
  uint8_t *from = direct ? tc_exit_stub(direct) : m->from;
  size_t len = (size_t)(b->cur - from);
  if (!x64_cold_movable(x, m, len) || (m->direct_only && !direct)) {
    x64_fix32(b, m->skip);
    return 0;
  }
  struct tc_block *blk = x->blk;
  c->path[c->n_paths++] = (struct x64_cold_path){
      .from = (uint32_t)(from - blk->code),
      .len = (uint32_t)len,
      .at = c->n_bytes,
      .rel = (uint32_t)(m->skip - blk->code),
      .also = m->also ? (uint32_t)(m->also - blk->code) : 0,
      .reloc0 = m->n_relocs,
      .reloc1 = blk->fresh ? blk->fresh->n_relocs : 0,
      .exit0 = direct ? 0 : m->n_exits,
      .exit1 = direct ? 0 : blk->n_exits,
      .direct = direct ? direct->index + 1u : 0,
      .back = m->back ? (uint32_t)(m->back - from) : 0,
  };
  if (direct) /* the jcc is the exit's jump; the path from the mark goes */
    direct->jump = (uint32_t)(m->skip - 1 - blk->code);
  memcpy(c->bytes + c->n_bytes, from + b->wdelta, len);
  c->n_bytes += (uint32_t)len;
  m->skip[-1 + b->wdelta] ^= 1; /* 0F 80+cc: jump on the exit's own condition */
  b->cur = m->from;
  return (int)c->n_paths;
}

/* Here is where the jump back (rel32 at back) of path (x64_cold_end's
 * answer) goes: fixed now if the path stayed, when placed if it moved. */
void x64_cold_rejoin(struct x64_ctx *x, int path, uint8_t *back) {
  if (path)
    x->cold.path[path - 1].back_to = (uint32_t)(x->buf->cur - x->blk->code);
  else
    x64_fix32(x->buf, back);
}

/* The 4 bytes at p, less d. */
static void x64_rel32_less(uint8_t *p, uint32_t d) {
  uint32_t v;
  memcpy(&v, p, 4);
  v -= d;
  memcpy(p, &v, 4);
}

/* Path p at the buffer's end: its jumps, bytes, relocations and exits. */
static void x64_cold_place(struct x64_ctx *x, const struct x64_cold_path *p) {
  struct tc_buf *b = x->buf;
  struct tc_block *blk = x->blk;
  x64_nops(b, (unsigned)(p->from - (uint32_t)(b->cur - blk->code)) & 3);
  uint8_t *at = b->cur;
  x64_fix32(b, blk->code + p->rel); /* the jumps to the path: here */
  if (p->also)
    x64_fix32(b, blk->code + p->also);
  x64_bytes(b, x->cold.bytes + p->at, p->len);
  if (b->overflow)
    return;
  uint32_t d = (uint32_t)(at - blk->code) - p->from;
  for (uint32_t i = p->reloc0; i < p->reloc1; i++) {
    struct tc_reloc *r = &blk->fresh->relocs[i];
    r->off += d;
    if (r->kind == TC_RELOC_HOST32 || r->kind == TC_RELOC_BUF32)
      x64_rel32_less(blk->code + r->off + b->wdelta, d);
  }
  for (uint32_t i = p->exit0; i < p->exit1; i++)
    blk->exits[i].jump += d;
  if (p->back) {
    uint8_t *rel = at + p->back;
    uint32_t v = p->back_to - (uint32_t)(rel + 4 - blk->code);
    memcpy(rel + b->wdelta, &v, 4);
  }
  if (p->direct) {
    struct tc_exit *e = &blk->exits[p->direct - 1];
    e->stub = (uint16_t)(at - tc_exit_jump(e));
  }
}

void x64_cold_emit(struct x64_ctx *x) {
  for (unsigned i = 0; i < x->cold.n_paths; i++)
    x64_cold_place(x, &x->cold.path[i]);
}
