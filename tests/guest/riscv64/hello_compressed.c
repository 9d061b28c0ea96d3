/* The smallest program: printf through static glibc (its start-up code uses
 * RV64GC with compressed instructions throughout), argv, and an exit status. */
// test: args: one "two words"
#include <stdio.h>

int main(int argc, char **argv) {
  printf("hello from riscv64, argc=%d\n", argc);
  for (int i = 1; i < argc; i++)
    printf("argv[%d]=%s\n", i, argv[i]);
  return 7;
}
