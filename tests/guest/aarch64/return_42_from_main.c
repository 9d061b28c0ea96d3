/* return_42_from_main.c - returning 42 from main becomes the exit status. */
#include <stdio.h>

int main(void) {
  printf("returning 42\n");
  return 42;
}
