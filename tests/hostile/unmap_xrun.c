/* A hostile guest: it finds the translator's own memory in the host's view of
 * the process (/proc/thread-self/maps, which is not filtered) - x86-64
 * libraries, xrun's executable, the host stack, heap and vdso, the RWX code
 * buffer - and tries to unmap, re-protect and map over each of them. Every
 * attempt must fail and the program must go on running. Prints the count. */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static int xrun_own(const char *line, const char *perms) {
  return strstr(line, "x86_64-linux-gnu") || strstr(line, "/xrun\n") || strstr(line, "[stack]") ||
         strstr(line, "[heap]") || strstr(line, "[vdso]") || strstr(line, "[vvar]") ||
         !strcmp(perms, "rwxp");
}

int main(void) {
  FILE *f = fopen("/proc/thread-self/maps", "r");
  char line[1024];
  int tried = 0, refused = 0;
  while (f && fgets(line, sizeof(line), f)) {
    unsigned long lo, hi;
    char perms[8];
    if (sscanf(line, "%lx-%lx %7s", &lo, &hi, perms) != 3 || !xrun_own(line, perms))
      continue;
    void *p = (void *)lo;
    size_t len = 4096;
    tried += 3;
    refused += mprotect(p, len, PROT_NONE) != 0;
    refused += mmap(p, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1,
                    0) == MAP_FAILED;
    refused += munmap(p, len) != 0;
  }
  printf("survived: %d of %d attempts refused\n", refused, tried);
  return tried > 0 && refused == tried ? 0 : 1;
}
