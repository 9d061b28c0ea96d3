/* tiny_main.c - runs the dispatch generated from tiny.decode over a few
 * words and prints which trans_ took each one with its arguments, then
 * tries the --only functions; the expected lines are in tests/decodegen.sh. */
#include <stdio.h>
#include "tiny.gen.h"
#include "tiny.h"

void t_undo(struct t_ctx *s) {
  s->undone++;
}

int times2(struct t_ctx *s, int x) {
  (void)s;
  return 2 * x;
}

bool trans_ADDI(struct t_ctx *s, const struct arg_rri *a) {
  (void)s;
  printf("ADDI rd=%d rn=%d imm=%d\n", a->rd, a->rn, a->imm);
  return true;
}

/* Declines rn == 31: SUBX takes it. */
bool trans_SUBI(struct t_ctx *s, const struct arg_rri *a) {
  (void)s;
  if (a->rn == 31)
    return false;
  printf("SUBI rd=%d rn=%d imm=%d\n", a->rd, a->rn, a->imm);
  return true;
}

bool trans_SUBX(struct t_ctx *s, const struct arg_rri *a) {
  printf("SUBX rd=%d rn=%d imm=%d undone=%d\n", a->rd, a->rn, a->imm, s->undone);
  return true;
}

bool trans_NOP(struct t_ctx *s, const struct arg_empty *a) {
  (void)s, (void)a;
  printf("NOP\n");
  return true;
}

bool trans_ALT(struct t_ctx *s, const struct arg_empty *a) {
  (void)s, (void)a;
  printf("ALT\n");
  return true;
}

bool trans_SIGNED(struct t_ctx *s, const struct arg_SIGNED *a) {
  (void)s;
  printf("SIGNED imm_s=%d\n", a->imm_s);
  return true;
}

bool trans_DBL(struct t_ctx *s, const struct arg_DBL *a) {
  (void)s;
  printf("DBL dbl=%d op=%d\n", a->dbl, a->op);
  return true;
}

int main(void) {
  static const uint32_t words[] = {
      0x10800000 | 0x123 << 10 | 3 << 5 | 4,  /* ADDI */
      0x10c00000 | 0x801 << 10 | 3 << 5 | 4,  /* SUBI (imm top bit set) */
      0x10c00000 | 0x801 << 10 | 31 << 5 | 4, /* SUBI declines: SUBX */
      0x10c00000 | 0x001 << 10 | 31 << 5 | 4, /* SUBX */
      0xffffffff,                             /* NOP, first match */
      0xfffffff0,                             /* ALT */
      0x20800500,                             /* SIGNED: -8 << 4 | 5 */
      0x20700f00,                             /* SIGNED: 7 << 4 | 15 */
      0x30003c00,                             /* DBL: 2 * 15 */
      0x10000000,                             /* nothing */
  };
  for (unsigned i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
    struct t_ctx s = {0};
    if (!t_decode_gen(&s, words[i]))
      printf("none 0x%08x\n", words[i]);
  }
  /* --only: the patterns of one name; a declining trans_ is not undone */
  struct t_ctx s = {0};
  printf("only SUBI: %d\n", t_decode_only_SUBI(&s, words[2]));
  printf("only SUBX: %d\n", t_decode_only_SUBX(&s, words[2]));
  return 0;
}
