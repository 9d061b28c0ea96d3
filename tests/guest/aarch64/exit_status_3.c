/* exit_status_3.c - exit(3) after output: stdio is flushed by exit and
 * atexit handlers run in reverse order. Expected status 3. */
#include <stdio.h>
#include <stdlib.h>

static void first(void) {
  printf("atexit first-registered runs last\n");
}
static void second(void) {
  printf("atexit second-registered runs first\n");
}

int main(void) {
  atexit(first);
  atexit(second);
  printf("exiting with 3 (buffered)");
  exit(3);
}
