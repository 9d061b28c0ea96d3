/* uname_machine.c - uname() as the guest sees it: sysname Linux, machine
 * aarch64 (the host's x86_64 must not show through), and a release that
 * starts with a digit. */
// test: arm-only: uname reports the guest machine, aarch64
#include <ctype.h>
#include <stdio.h>
#include <sys/utsname.h>

int main(void) {
  struct utsname u;
  if (uname(&u) != 0) {
    printf("uname failed\n");
    return 1;
  }
  printf("sysname %s\n", u.sysname);
  printf("machine %s\n", u.machine);
  printf("release starts with a digit: %d\n", isdigit((unsigned char)u.release[0]) != 0);
  printf("nodename nonempty: %d\n", u.nodename[0] != 0);
  return 0;
}
