/* tc_chain.c - direct block chaining: a block's exit jumps straight into the
 * next block's code once both are translated; unchaining points it back at
 * its stub, which returns to the run loop. */
#include "tc_int.h"

void tc_chain(struct tc_exit *e, struct tc_block *to) {
  if (e->to || to->invalid)
    return;
  tc_backend->patch(e, to->code);
  tc_count(TC_ST_CHAINS, 1);
  e->to = to;
  e->next_in = to->incoming;
  to->incoming = e;
}

/* Point every exit that jumps into blk, and blk's own exits, back at stubs. */
void tc_unchain_all(struct tc_block *blk) {
  for (struct tc_exit *e = blk->incoming, *next; e; e = next) {
    next = e->next_in;
    tc_backend->patch(e, NULL);
    e->to = NULL;
    e->next_in = NULL;
  }
  blk->incoming = NULL;
  for (uint32_t i = 0; i < blk->n_exits; i++) {
    struct tc_exit *e = &blk->exits[i];
    if (!e->to)
      continue;
    struct tc_exit **pp = &e->to->incoming;
    while (*pp && *pp != e)
      pp = &(*pp)->next_in;
    if (*pp)
      *pp = e->next_in;
    tc_backend->patch(e, NULL);
    e->to = NULL;
  }
}
