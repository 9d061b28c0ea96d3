/* /proc/self/smaps and smaps_rollup show the same memory as /proc/self/maps:
 * the same mappings with the same names (so no file of another CPU), each
 * with its Size/Rss lines, and a rollup whose Rss is the sum of theirs. */
// test: qemu-wrong: qemu 7.2 passes the host's smaps through (its own mappings and x86-64
// libraries), unlike its maps
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char maps[1 << 20], smaps[1 << 22], rollup[1 << 14];

/* The whole file into buf, without malloc (which could change the mappings). */
static size_t slurp(const char *path, char *buf, size_t size) {
  int fd = open(path, O_RDONLY);
  size_t n = 0;
  ssize_t r;
  while (fd >= 0 && n + 1 < size && (r = read(fd, buf + n, size - 1 - n)) > 0)
    n += (size_t)r;
  if (fd >= 0)
    close(fd);
  buf[n] = 0;
  return n;
}

static int is_head(const char *line) {
  unsigned long long lo, hi;
  return sscanf(line, "%llx-%llx ", &lo, &hi) == 2 && strchr(line, ':') != line + strlen(line) &&
         line[strspn(line, "0123456789abcdef")] == '-';
}

/* Each mapping's first line of smaps must be a line of maps, in order. */
static int same_mappings(int *n_maps, int *with_rss, unsigned long long *rss_sum) {
  char *m = maps, *s = smaps, *line;
  int same = 1, in_head = 0;
  *n_maps = *with_rss = 0;
  *rss_sum = 0;
  for (line = strsep(&s, "\n"); line; line = strsep(&s, "\n")) {
    unsigned long long kb;
    if (!*line)
      continue;
    if (is_head(line)) {
      char *want = strsep(&m, "\n");
      same &= want && !strcmp(want, line);
      (*n_maps)++;
      in_head = 1;
    } else if (sscanf(line, "Rss: %llu kB", &kb) == 1 && in_head) {
      *rss_sum += kb;
      (*with_rss)++;
      in_head = 0;
    }
  }
  return same && (!m || !*m);
}

int main(void) {
  slurp("/proc/self/smaps_rollup", rollup, sizeof(rollup));
  slurp("/proc/self/maps", maps, sizeof(maps));
  slurp("/proc/self/smaps", smaps, sizeof(smaps));
#if defined(__aarch64__)
  const char *other = "x86_64-linux-gnu";
#else
  const char *other = "aarch64-linux-gnu";
#endif
  printf("files of another CPU in smaps: %s\n", strstr(smaps, other) ? "yes" : "no");
  int n, with_rss;
  unsigned long long rss_sum, rollup_rss = 0;
  int same = same_mappings(&n, &with_rss, &rss_sum);
  printf("smaps lists the mappings of maps: %s\n", same ? "yes" : "no");
  printf("every mapping has an Rss line: %s\n", n > 0 && with_rss == n ? "yes" : "no");
  const char *r = strstr(rollup, "\nRss:");
  printf("rollup is one [rollup] mapping: %s\n",
         strstr(rollup, "[rollup]\n") && is_head(rollup) ? "yes" : "no");
  if (r)
    sscanf(r + 1, "Rss: %llu kB", &rollup_rss);
  /* read first: pages touched since (the buffers) only add to the later sum */
  printf("rollup Rss within the smaps sum: %s\n",
         rollup_rss > 0 && rollup_rss <= rss_sum + 64 && rollup_rss * 4 >= rss_sum * 3 ? "yes"
                                                                                       : "no");
  return 0;
}
