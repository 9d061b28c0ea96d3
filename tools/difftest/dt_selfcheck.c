/* dt_selfcheck.c - `difftest-gen selfcheck`: every template must produce only
 * encodings the system disassembler accepts (no ".inst", no "undefined"). */
#include "dt_gen.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define OBJDUMP_CMD "aarch64-linux-gnu-objdump -D -b binary -m aarch64 "

static int write_words(const char *path, int per, struct dt_rng *r) {
  FILE *f = fopen(path, "wb");
  if (!f)
    return -1;
  for (int t = 0; t < dt_ntmpls; t++)
    for (int i = 0; i < per; i++) {
      uint32_t w = dt_encode(&dt_tmpls[t], (int)dt_below(r, DT_SLOTS), r);
      fwrite(&w, 4, 1, f);
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
    if (!strstr(line, ".inst") && !strstr(line, "undefined"))
      continue;
    int t = (int)(off / 4 / (unsigned long)per);
    if (t < dt_ntmpls && bad_per_tmpl[t]++ < 3)
      printf("    %s: %s", dt_tmpls[t].name, strchr(line, '\t') + 1);
    bad++;
  }
  return bad;
}

int dt_selfcheck(int per) {
  char path[] = "/tmp/difftest-selfcheck.XXXXXX", cmd[256];
  int fd = mkstemp(path), bad_per_tmpl[1024] = {0};
  struct dt_rng r = {0x5eed};
  if (fd < 0 || close(fd) || write_words(path, per, &r))
    return perror("difftest-gen selfcheck"), 2;
  snprintf(cmd, sizeof cmd, OBJDUMP_CMD "%s", path);
  FILE *p = popen(cmd, "r");
  if (!p)
    return perror("difftest-gen selfcheck"), 2;
  int bad = scan(p, per, bad_per_tmpl), st = pclose(p);
  unlink(path);
  int nbad = 0;
  for (int t = 0; t < dt_ntmpls; t++)
    nbad += bad_per_tmpl[t] != 0;
  if (st != 0)
    printf("FAIL difftest/selfcheck: objdump failed (status %d)\n", st);
  else if (bad)
    printf("FAIL difftest/selfcheck: %d of %d templates give bad encodings (%d of %d words)\n",
           nbad, dt_ntmpls, bad, dt_ntmpls * per);
  else
    printf("PASS difftest/selfcheck: %d templates, %d encodings\n", dt_ntmpls, dt_ntmpls * per);
  return st != 0 || bad != 0;
}
