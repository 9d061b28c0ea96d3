/* tiny16_main.c - runs the 16-bit dispatch generated from tiny16.decode
 * (with tiny_main.c's trans_ functions) over a few halfwords; the expected
 * lines are in tests/decodegen.sh. */
#include <stdio.h>
#include "tiny16.gen.h"
#include "tiny.h"

int plus8(struct t_ctx *s, int x) {
  (void)s;
  return x + 8;
}

int main(void) {
  static const uint16_t words[] = {
      0x0400 | 0x1f << 5 | 3 << 2 | 1, /* ADDI rd=rn=11 imm=-1 */
      0x0400 | 0x05 << 5 | 0 << 2 | 1, /* ADDI rd=rn=8 imm=5 */
      0x0800 | 0x11 << 5 | 6 << 2 | 1, /* SUBI declines rn 31: no SUBX here */
      0x0000,                          /* nothing */
  };
  for (unsigned i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
    struct t_ctx s = {0};
    if (!t16_decode_gen(&s, words[i]))
      printf("none 0x%04x undone=%d\n", words[i], s.undone);
  }
  return 0;
}
