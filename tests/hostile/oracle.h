/* oracle.h - the worst case for xrun: the hostile guest is told the host's
 * whole view of its process (/proc/PID/maps as the host sees it, xrun's own
 * memory included). A program with the line "// hostile: oracle" gets it:
 * it asks by creating $HOSTILE_ORACLE.req, and tests/hostile.sh answers
 * with the maps file at $HOSTILE_ORACLE. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static FILE *oracle_maps(void) {
  const char *path = getenv("HOSTILE_ORACLE");
  char req[4096];
  if (!path)
    return NULL;
  snprintf(req, sizeof(req), "%s.req", path);
  FILE *r = fopen(req, "w");
  if (r)
    fclose(r);
  for (int i = 0; i < 2000; i++) { /* up to 10 s */
    FILE *f = fopen(path, "r");
    if (f)
      return f;
    nanosleep(&(struct timespec){0, 5000000}, NULL);
  }
  return NULL;
}

/* A maps line of memory that is xrun's, not the guest's. */
static int oracle_is_xrun(const char *line, const char *perms) {
  return strstr(line, "x86_64-linux-gnu") || strstr(line, "/xrun\n") || strstr(line, "[stack]") ||
         strstr(line, "[heap]") || strstr(line, "[vdso]") || strstr(line, "[vvar]") ||
         strstr(line, "/dev/zero (deleted)") || strstr(line, ".xtc\n") || !strcmp(perms, "rwxp");
}

/* The next piece of xrun's memory in the maps file f: [*lo, *hi) with its
 * permissions; 0 at the end. */
static int oracle_next_xrun(FILE *f, unsigned long *lo, unsigned long *hi, char perms[8]) {
  char line[1024];
  while (f && fgets(line, sizeof(line), f))
    if (sscanf(line, "%lx-%lx %7s", lo, hi, perms) == 3 && oracle_is_xrun(line, perms))
      return 1;
  return 0;
}
