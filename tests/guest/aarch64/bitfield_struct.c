/* bitfield_struct.c - C bit-fields (signed and unsigned, crossing byte
 * boundaries): stores, sign-extension on load, increments that wrap within
 * the field. Prints field values only, never the layout. */
#include <stdio.h>

struct packet {
  unsigned ver : 3;
  signed delta : 5;
  unsigned len : 12;
  unsigned flag : 1;
  signed big : 20;
  unsigned long long wide : 40;
};

int main(void) {
  struct packet p = {0};
  for (int i = 0; i < 20; i++) {
    p.ver += 3;
    p.delta -= 5;
    p.len += 700;
    p.flag = !p.flag;
    p.big = p.big * 3 - 100001;
    p.wide = p.wide * 7 + 0xabcdef123ull;
    printf("%2d ver %u delta %d len %u flag %u big %d wide %llx\n", i, p.ver, p.delta, p.len,
           p.flag, p.big, (unsigned long long)p.wide);
  }
  return 0;
}
