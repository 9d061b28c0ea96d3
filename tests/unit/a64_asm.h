/* a64_asm.h - for unit tests: A64 machine code from assembly text, made by
 * the aarch64 cross assembler (binutils-aarch64-linux-gnu). */
#ifndef A64_ASM_H
#define A64_ASM_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Assemble text (with `as -march=MARCH` when march is not NULL) and put the
 * bytes of its .text in out; returns how many, or -1. */
static inline long a64_assemble(const char *text, const char *march, uint8_t *out, size_t max) {
  char src[] = "/tmp/a64asm.XXXXXX", cmd[512];
  int fd = mkstemp(src);
  if (fd < 0)
    return -1;
  FILE *f = fdopen(fd, "w");
  fprintf(f, ".text\n%s\n", text);
  fclose(f);
  snprintf(cmd, sizeof(cmd),
           "aarch64-linux-gnu-as %s%s -o %s.o %s && aarch64-linux-gnu-objcopy -O binary -j .text "
           "%s.o %s.bin",
           march ? "-march=" : "", march ? march : "", src, src, src, src);
  long n = -1;
  if (system(cmd) == 0) {
    snprintf(cmd, sizeof(cmd), "%s.bin", src);
    FILE *bin = fopen(cmd, "rb");
    n = bin ? (long)fread(out, 1, max, bin) : -1;
    if (bin)
      fclose(bin);
  }
  snprintf(cmd, sizeof(cmd), "rm -f %s %s.o %s.bin", src, src, src);
  if (system(cmd) != 0)
    n = -1;
  return n;
}

#endif
