/* abort_sigabrt.c - abort() raises SIGABRT and the process dies of it: the
 * shell sees status 134 (128 + 6). Output flushed before the abort shows. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  printf("about to abort\n");
  fflush(stdout);
  abort();
}
