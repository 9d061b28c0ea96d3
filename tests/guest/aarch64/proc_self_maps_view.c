/* /proc/self/maps is the program's own view of its memory: no library of
 * another CPU in it, its executable mapped, one [stack] holding its stack,
 * the brk area named [heap]. */
// test: qemu-wrong: qemu 7.2 shows the brk area without the name [heap] that Linux gives it
#define _GNU_SOURCE
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct range {
  unsigned long long lo, hi;
  char name[PATH_MAX];
};

static int in(const struct range *r, const void *p) {
  return (unsigned long long)(uintptr_t)p >= r->lo && (unsigned long long)(uintptr_t)p < r->hi;
}

int main(void) {
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
  exe[n > 0 ? n : 0] = 0;
  char *brk_end = sbrk(0);
  char *grown = sbrk(4096); /* the heap exists: one page */
  int local = 0, stacks = 0, stack_ok = 0, heap_ok = 0, exe_lines = 0, other_isa = 0;
  FILE *f = fopen("/proc/self/maps", "r");
  char line[PATH_MAX + 128];
  while (f && fgets(line, sizeof(line), f)) {
    struct range r = {0};
    char perms[8];
    line[strcspn(line, "\n")] = 0;
    if (sscanf(line, "%llx-%llx %7s %*s %*s %*s %4095[^\n]", &r.lo, &r.hi, perms, r.name) < 3)
      continue;
    char *name = r.name + strspn(r.name, " ");
    if (!strcmp(name, "[stack]")) {
      stacks++;
      stack_ok |= in(&r, &local);
    }
    if (!strcmp(name, "[heap]") && grown != (void *)-1 && in(&r, grown))
      heap_ok = 1;
    if (!strcmp(name, exe))
      exe_lines++;
#if defined(__aarch64__)
    if (strstr(name, "x86_64-linux-gnu") || strstr(name, "x86-64"))
#else
    if (strstr(name, "aarch64-linux-gnu"))
#endif
      other_isa++;
  }
  (void)brk_end;
  printf("[stack] lines: %d, holding a local: %s\n", stacks, stack_ok ? "yes" : "no");
  printf("[heap] holds the brk area: %s\n", heap_ok ? "yes" : "no");
  printf("the executable is mapped: %s\n", exe_lines > 0 ? "yes" : "no");
  printf("files of another CPU: %d\n", other_isa);
  return 0;
}
