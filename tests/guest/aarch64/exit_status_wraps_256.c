/* exit_status_wraps_256.c - exit statuses are taken modulo 256: exit(300)
 * gives 44 (through exit_group, after flushing). */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  printf("exit(300)\n");
  exit(300);
}
