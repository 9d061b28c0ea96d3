#define _GNU_SOURCE
/* sys_rollup.c - /proc/self/smaps_rollup in the guest's view: the sums of
 * the guest's own mappings in its smaps (sys_smaps), in the fields and
 * order of the host's rollup. Pss_Anon, Pss_File and Pss_Shmem, which smaps
 * does not give per mapping, are estimated from each mapping's kind: a file
 * mapping's anonymous (copied-on-write) pages count as anon, the rest as file;
 * memfd, SysV and /dev/shm mappings as shmem; the others as anon. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sys_int.h"

#define SYS_ROLLUP_FIELDS 40

struct sys_rollup {
  char key[SYS_ROLLUP_FIELDS][24];
  uint64_t kb[SYS_ROLLUP_FIELDS];
  int n;
  uint64_t lo, hi; /* the span of the guest's mappings */
};

static uint64_t *sys_rollup_slot(struct sys_rollup *r, const char *key) {
  for (int i = 0; i < r->n; i++)
    if (!strcmp(r->key[i], key))
      return &r->kb[i];
  if (r->n == SYS_ROLLUP_FIELDS || strlen(key) >= sizeof(r->key[0]))
    return NULL;
  strcpy(r->key[r->n], key);
  r->kb[r->n] = 0;
  return &r->kb[r->n++];
}

static void sys_rollup_add(struct sys_rollup *r, const char *key, uint64_t kb) {
  uint64_t *slot = sys_rollup_slot(r, key);
  if (slot)
    *slot += kb;
}

/* Which of Pss_Anon, Pss_File, Pss_Shmem a mapping named name counts in. */
static const char *sys_rollup_kind(const char *name) {
  static const char *const shmem[] = {"/memfd:", "/SYSV", "/dev/shm/", "/dev/zero"};
  for (size_t i = 0; i < sizeof(shmem) / sizeof(shmem[0]); i++)
    if (!strncmp(name, shmem[i], strlen(shmem[i])))
      return "Pss_Shmem";
  return name[0] == '/' ? "Pss_File" : "Pss_Anon";
}

/* The Pss split of the mapping just read (its Pss and Anonymous fields). */
static void sys_rollup_split(struct sys_rollup *r, const char *kind, uint64_t pss, uint64_t anon) {
  if (!kind)
    return;
  if (!strcmp(kind, "Pss_File")) {
    uint64_t a = anon < pss ? anon : pss;
    sys_rollup_add(r, "Pss_Anon", a);
    sys_rollup_add(r, "Pss_File", pss - a);
  } else {
    sys_rollup_add(r, kind, pss);
  }
}

/* Sum the "Key: N kB" lines of the guest's smaps text. */
static void sys_rollup_sum(struct sys_rollup *r, char *text) {
  const char *kind = NULL;
  uint64_t pss = 0, anon = 0;
  r->lo = UINT64_MAX;
  r->hi = 0;
  for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
    unsigned long long lo, hi, kb;
    char key[32];
    int name_at = 0;
    if (sscanf(line, "%llx-%llx %*s %*s %*s %*s %n", &lo, &hi, &name_at) >= 2 && name_at) {
      sys_rollup_split(r, kind, pss, anon);
      kind = sys_rollup_kind(line + name_at);
      pss = anon = 0;
      r->lo = lo < r->lo ? lo : r->lo;
      r->hi = hi > r->hi ? hi : r->hi;
    } else if (sscanf(line, "%31[^:]: %llu kB", key, &kb) == 2) {
      sys_rollup_add(r, key, kb);
      pss = !strcmp(key, "Pss") ? kb : pss;
      anon = !strcmp(key, "Anonymous") ? kb : anon;
    }
  }
  sys_rollup_split(r, kind, pss, anon);
}

/* Print the sums in the host's rollup's fields and order. */
static void sys_rollup_print(FILE *f, struct sys_rollup *r) {
  fprintf(f, "%08" PRIx64 "-%08" PRIx64 " ---p 00000000 00:00 0%26s[rollup]\n", r->n ? r->lo : 0,
          r->n ? r->hi : 0, "");
  FILE *in = fopen("/proc/self/smaps_rollup", "re");
  char line[256], key[32];
  unsigned long long kb;
  while (in && fgets(line, sizeof(line), in)) {
    if (sscanf(line, "%31[^:]: %llu kB", key, &kb) != 2)
      continue;
    uint64_t *sum = sys_rollup_slot(r, key);
    char label[40];
    snprintf(label, sizeof(label), "%s:", key);
    fprintf(f, "%-15s %8" PRIu64 " kB\n", label, sum ? *sum : 0);
  }
  if (in)
    fclose(in);
}

void sys_smaps_rollup(FILE *f, const struct sys_proc *p) {
  char *text = NULL;
  size_t size = 0;
  FILE *mem = open_memstream(&text, &size);
  if (!mem)
    return;
  sys_smaps(mem, p);
  fclose(mem);
  struct sys_rollup *r = calloc(1, sizeof(*r));
  if (r) {
    sys_rollup_sum(r, text);
    sys_rollup_print(f, r);
  }
  free(r);
  free(text);
}
