/* rv_selfcheck.c - `difftest-gen-rv64 selfcheck`: every riscv64 template
 * must produce only encodings the system assembler takes and its
 * disassembler names (no ".4byte", ".2byte" or "unknown"). The encodings go
 * through `as` as .insn lines under an ISA attribute that names every
 * extension the templates use (a raw binary would be disassembled as plain
 * RV64GC). Each encoding fills one 4-byte slot (a 16-bit one is followed by
 * C.NOP). */
#include "rv_gen.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define RV_ISA                                                                                     \
  "rv64i2p1_m2p0_a2p1_f2p2_d2p2_c2p0_zicsr2p0_zfh1p0_zba1p0_zbb1p0_zbc1p0_zbkb1p0_zbkx1p0_zbs1p0_" \
  "v1p0"
#define AS_CMD "riscv64-linux-gnu-as -o %s.o %s && riscv64-linux-gnu-objdump -d -M numeric %s.o"

uint32_t rv_encode_slot(const struct rv_tmpl *t, int pos, struct rv_rng *r);

/* binutils 2.40 names fcvt.d.w, fcvt.d.wu and fcvt.d.s (exact, so rm does
 * not matter) only with rm = 0; the spec allows any valid rm, and the
 * selfcases run checks that xrun and qemu take the others. */
static uint32_t objdump_form(const struct rv_tmpl *t, uint32_t w) {
  static const char *const exact[] = {"fcvt.d.w", "fcvt.d.wu", "fcvt.d.s"};
  for (size_t i = 0; i < sizeof exact / sizeof exact[0]; i++)
    if (!strcmp(t->name, exact[i]))
      return rv_set(w, 12, 3, 0);
  return w;
}

static int write_words(const char *path, int per, struct rv_rng *r) {
  FILE *f = fopen(path, "w");
  if (!f)
    return -1;
  fprintf(f, "\t.attribute arch, \"%s\"\n\t.text\n", RV_ISA);
  for (int t = 0; t < rv_ntmpls; t++)
    for (int i = 0; i < per; i++) {
      uint32_t w = rv_encode_slot(&rv_tmpls[t], 4 * (int)rv_below(r, RV_SLOTS), r);
      w = objdump_form(&rv_tmpls[t], w);
      if ((w & 3) == 3)
        fprintf(f, "\t.insn 4, 0x%08x\n", w);
      else
        fprintf(f, "\t.insn 2, 0x%04x\n\t.insn 2, 0x%04x\n", w & 0xffff, w >> 16);
    }
  return fclose(f);
}

/* Reads objdump's lines "  off:\tword \tmnemonic ..."; counts the bad ones. */
static int scan(FILE *p, int per, int *bad_per_tmpl) {
  char line[512];
  int bad = 0;
  unsigned long off;
  while (fgets(line, sizeof line, p)) {
    if (sscanf(line, " %lx:", &off) != 1 || !strchr(line, '\t'))
      continue;
    if (!strstr(line, "byte") && !strstr(line, "unknown") && !strstr(line, ".insn"))
      continue;
    int t = (int)(off / 4 / (unsigned long)per);
    if (t < rv_ntmpls && bad_per_tmpl[t]++ < 3)
      printf("    %s: %s", rv_tmpls[t].name, strchr(line, '\t') + 1);
    bad++;
  }
  return bad;
}

int rv_selfcheck(int per) {
  char path[] = "/tmp/difftest-selfcheck.XXXXXX.s", obj[64], cmd[512];
  int fd = mkstemps(path, 2), bad_per_tmpl[1024] = {0};
  struct rv_rng r = {0x5eed};
  if (fd < 0 || close(fd) || write_words(path, per, &r))
    return perror("difftest-gen-rv64 selfcheck"), 2;
  snprintf(cmd, sizeof cmd, AS_CMD, path, path, path);
  FILE *p = popen(cmd, "r");
  if (!p)
    return perror("difftest-gen-rv64 selfcheck"), 2;
  int bad = scan(p, per, bad_per_tmpl), st = pclose(p);
  unlink(path);
  snprintf(obj, sizeof obj, "%s.o", path);
  unlink(obj);
  int nbad = 0;
  for (int t = 0; t < rv_ntmpls; t++)
    nbad += bad_per_tmpl[t] != 0;
  if (st != 0)
    printf("FAIL difftest-riscv64/selfcheck: as or objdump failed (status %d)\n", st);
  else if (bad)
    printf(
        "FAIL difftest-riscv64/selfcheck: %d of %d templates give bad encodings (%d of %d words)\n",
        nbad, rv_ntmpls, bad, rv_ntmpls * per);
  else
    printf("PASS difftest-riscv64/selfcheck: %d templates, %d encodings\n", rv_ntmpls,
           rv_ntmpls * per);
  return st != 0 || bad != 0;
}
