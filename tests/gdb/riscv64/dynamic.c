/* dynamic.c - a dynamically linked program with its libraries from the
 * cross compiler's sysroot: gdb sees the shared libraries (through the
 * dynamic linker's list in guest memory) and stops in one of them.
 */
// test: cflags: -fPIE -pie
// test: args: -L /usr/riscv64-linux-gnu
#include <stdio.h>
#include <string.h>

int count(const char *s) {
  return (int)strlen(s);
}

int main(void) {
  int n = count("hello, debugger");
  printf("%d\n", n);
  return n;
}
