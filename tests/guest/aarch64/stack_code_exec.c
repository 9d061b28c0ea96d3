/* Code written on the main thread's stack of a program linked with
 * -z execstack (PT_GNU_STACK with PF_X): Linux maps that stack executable,
 * and the code runs. */
// test: arm-only: A64 instruction words written at run time
// test: cflags: -Wl,-z,execstack
#include <stdint.h>
#include <stdio.h>

int main(void) {
  uint32_t code[4]
      __attribute__((aligned(16))) = {0x52800540 /* mov w0, #42 */, 0xd65f03c0 /* ret */};
  __builtin___clear_cache((char *)code, (char *)(code + 2));
  int (*volatile fn)(void) = (int (*)(void))(uintptr_t)code;
  printf("stack code returned %d\n", fn());
  return 0;
}
