/* A hostile guest looks for the translator's memory in its own /proc maps
 * through every spelling of the path it can think of: /proc/self/maps,
 * /proc/thread-self/maps, /proc/PID/task/TID/maps, a ".." in the path, extra
 * slashes, a symbolic link to it, openat() from a /proc/self directory fd.
 * None may show xrun's memory (its executable and libraries, the code
 * buffer's views, the cache files, the host's stack, vdso and vvar); one
 * [vdso] line is the guest's own, a second would be the host's. Prints how
 * many spellings it read; fails on a leak. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "oracle.h"

/* Lines of the maps file at fd that name xrun's memory; -1 if unreadable. */
static int leaks(int fd, const char *how) {
  FILE *f = fd < 0 ? NULL : fdopen(fd, "r");
  char line[1024];
  int n = 0, lines = 0, vdso = 0;
  if (!f)
    return -1;
  while (fgets(line, sizeof(line), f)) {
    char perms[8] = "";
    sscanf(line, "%*x-%*x %7s", perms);
    lines++;
    int own = strstr(line, "[stack]") || strstr(line, "[heap]") ||
              (strstr(line, "[vdso]") && vdso++ == 0);
    if (oracle_is_xrun(line, perms) && !own) {
      printf("%s shows: %s", how, line);
      n++;
    }
  }
  fclose(f);
  return lines ? n : -1;
}

int main(void) {
  char paths[6][128], link[64];
  int pid = getpid(), tid = gettid(), bad = 0, read_ok = 0;
  snprintf(paths[0], 128, "/proc/self/maps");
  snprintf(paths[1], 128, "/proc/thread-self/maps");
  snprintf(paths[2], 128, "/proc/%d/task/%d/maps", pid, tid);
  snprintf(paths[3], 128, "/proc/self/task/%d/../../maps", tid);
  snprintf(paths[4], 128, "//proc///self//maps");
  snprintf(link, sizeof(link), "maps-link-%d", pid);
  symlink("/proc/self/maps", link);
  snprintf(paths[5], 128, "%s", link);
  for (int i = 0; i < 6; i++) {
    int n = leaks(open(paths[i], O_RDONLY), paths[i]);
    read_ok += n >= 0;
    bad += n != 0;
  }
  unlink(link);
  int dir = open("/proc/self", O_RDONLY | O_DIRECTORY);
  int n = leaks(openat(dir, "maps", O_RDONLY), "openat(/proc/self, maps)");
  read_ok += n >= 0;
  bad += n != 0;
  printf("read %d of 7 spellings, %d showed xrun's memory\n", read_ok, bad);
  return read_ok == 7 && bad == 0 ? 0 : 1;
}
