/* tiny.h - the decode context of the spec tiny.decode (tests/decodegen.sh). */
#include <stdbool.h>
#include <stdint.h>

struct t_ctx {
  int undone; /* t_undo calls */
};

void t_undo(struct t_ctx *s);
int times2(struct t_ctx *s, int x);
int plus8(struct t_ctx *s, int x); /* tiny16.decode */
