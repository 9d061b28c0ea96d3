/* dt_casefile.c - the case-file commands both generators share. */
#include "dt_casefile.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t *slots_of(const struct dt_casefmt *fmt, void *c) {
  return (uint32_t *)((char *)c + fmt->insn_off);
}

void dt_case_read(const struct dt_casefmt *fmt, const char *path, unsigned long k, void *c) {
  FILE *f = fopen(path, "rb");
  if (!f || fseek(f, (long)(k * fmt->size), SEEK_SET) || fread(c, fmt->size, 1, f) != 1) {
    fprintf(stderr, "%s: no case %lu in %s\n", fmt->tool, k, path);
    exit(2);
  }
  fclose(f);
}

int dt_cmd_pick(const struct dt_casefmt *fmt, int argc, char **argv) {
  if (argc != 5)
    return 2;
  void *c = malloc(fmt->size);
  dt_case_read(fmt, argv[2], strtoul(argv[3], NULL, 0), c);
  unsigned long mask = strtoul(argv[4], NULL, 0);
  for (int i = 0; i < fmt->slots; i++)
    if (!(mask >> i & 1))
      slots_of(fmt, c)[i] = fmt->nop;
  int st = fwrite(c, fmt->size, 1, stdout) != 1;
  free(c);
  return st;
}

int dt_cmd_code(const struct dt_casefmt *fmt, int argc, char **argv) {
  if (argc != 3)
    return 2;
  void *c = malloc(fmt->size);
  dt_case_read(fmt, argv[2], 0, c);
  int st =
      fwrite(slots_of(fmt, c), sizeof(uint32_t), (size_t)fmt->slots, stdout) != (size_t)fmt->slots;
  free(c);
  return st;
}

int dt_cmd_words(const struct dt_casefmt *fmt, int argc, char **argv) {
  if (argc != 3)
    return 2;
  FILE *f = fopen(argv[2], "rb");
  if (!f)
    return perror(argv[2]), 1;
  void *c = malloc(fmt->size);
  while (fread(c, fmt->size, 1, f) == 1) {
    uint32_t id;
    memcpy(&id, c, sizeof id); /* every case struct begins with its id */
    printf("%u", id);
    for (int i = 0; i < fmt->slots; i++)
      printf(" %08x", slots_of(fmt, c)[i]);
    printf("\n");
  }
  free(c);
  fclose(f);
  return 0;
}
