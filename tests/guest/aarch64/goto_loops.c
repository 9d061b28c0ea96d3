/* goto_loops.c - loops written with goto: backward branches, a state machine,
 * breaking out of nested loops, and computed goto (&&label, GCC). */
#include <stdio.h>

int main(void) {
  int i = 0, sum = 0;
top:
  sum += i * i;
  if (++i < 100)
    goto top;
  printf("sum of squares = %d\n", sum);

  int found_i = -1, found_j = -1;
  for (int a = 1; a < 50; a++)
    for (int b = a; b < 50; b++)
      if (a * a + b * b == 41 * 41 - 0 && a > 8) {
        found_i = a;
        found_j = b;
        goto done;
      }
done:
  printf("pythagorean: %d %d\n", found_i, found_j);

  /* count words with a goto state machine */
  const char *s = "  the quick  brown fox\tjumps over   the lazy dog ";
  int words = 0;
  const char *p = s;
space:
  if (!*p)
    goto end;
  if (*p == ' ' || *p == '\t') {
    p++;
    goto space;
  }
  words++;
word:
  if (!*p)
    goto end;
  if (*p == ' ' || *p == '\t')
    goto space;
  p++;
  goto word;
end:
  printf("words = %d\n", words);

  static void *ops[] = {&&op_inc, &&op_dbl, &&op_dec, &&op_halt};
  int prog[] = {0, 0, 1, 1, 1, 2, 0, 1, 3};
  int pc = 0, acc = 0;
  goto *ops[prog[pc]];
op_inc:
  acc++;
  goto *ops[prog[++pc]];
op_dbl:
  acc *= 2;
  goto *ops[prog[++pc]];
op_dec:
  acc--;
  goto *ops[prog[++pc]];
op_halt:
  printf("computed goto acc = %d (pc %d)\n", acc, pc);
  return 0;
}
