/* retranslate.c - breakpoints set in code that already ran (translated,
 * chained to its callers, in the jump cache): gdb must stop there the next
 * time, in the middle of a block too; once they are removed the code runs
 * on without stopping. Exit status 90 (twice 0 + ... + 9 = 90). */
#include <stdio.h>

long ticks;

void tick(long i) {
  ticks += i;
}

void marker(void) {}

int main(void) {
  for (long i = 0; i < 10; i++)
    tick(i);
  marker();
  for (long i = 0; i < 10; i++)
    tick(i);
  marker();
  printf("ticks %ld\n", ticks);
  return (int)ticks;
}
