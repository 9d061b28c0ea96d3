/* /proc/PID/maps of another process (a child, read by its parent, and the
 * parent, read by its child) shows what that process sees in its own
 * /proc/self/maps, while it waits: its program, the mappings it made (a
 * file mapped by the child alone, an anonymous page mapped by the parent
 * after the fork), no library of another CPU. The same for the spelling
 * /proc/PID/task/TID/maps, for the mapping lines of smaps, and for auxv
 * and cmdline. Buffers are static and stdout is unbuffered, so that
 * reading and printing maps nothing new. Each process tells the other its
 * number in /proc (tests run in a PID namespace of their own, under the
 * host's /proc, where getpid's numbers are not /proc's). */
// test: qemu-wrong: qemu 7.2 shows another process's maps as the host has them (qemu's own, x86-64
// libraries); the expected output is the native build's
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHILD_FILE_AT  0x300000000000ull /* the child maps its file here */
#define PARENT_ANON_AT 0x300000100000ull /* the parent maps a page here */

struct shared {
  char parent_maps[65536], child_maps[65536], child_smaps[65536];
  char child_auxv[4096], child_cmdline[4096];
  int auxv_len, cmdline_len;
  int parent_pid, child_pid; /* in /proc */
};

static char buf[262144];
static char file[PATH_MAX];

/* The whole file at path into into (size bytes at most): its length, or -1. */
static int slurp(const char *path, char *into, int size) {
  int fd = open(path, O_RDONLY), n = 0, k;
  if (fd < 0)
    return -1;
  while (n < size - 1 && (k = read(fd, into + n, size - 1 - n)) > 0)
    n += k;
  close(fd);
  into[n] = 0;
  return n;
}

/* The mapping lines of smaps text, in place. */
static void smaps_heads(char *text) {
  char *out = text;
  for (char *line = text, *end; *line; line = end) {
    end = line + strcspn(line, "\n");
    end += *end == '\n';
    unsigned long long lo, hi;
    char c;
    if (sscanf(line, "%llx-%llx %c", &lo, &hi, &c) == 3) {
      memmove(out, line, end - line);
      out += end - line;
    }
  }
  *out = 0;
}

/* The line of maps text for the mapping starting at addr, named name ("" anonymous). */
static int has_mapping(const char *text, unsigned long long addr, const char *name) {
  char want[64];
  snprintf(want, sizeof(want), "%llx-", addr);
  for (const char *line = text; *line;
       line += strcspn(line, "\n") + (line[strcspn(line, "\n")] != 0)) {
    if (strncmp(line, want, strlen(want)))
      continue;
    int len = strcspn(line, "\n"), at = len;
    while (at > 0 && line[at - 1] != ' ')
      at--;
    return *name ? len - at == (int)strlen(name) && !strncmp(line + at, name, len - at) : at == len;
  }
  return 0;
}

static int other_isa(const char *text) {
#if defined(__aarch64__)
  return strstr(text, "x86_64-linux-gnu") || strstr(text, "x86-64") || strstr(text, "/xrun");
#else
  return strstr(text, "aarch64-linux-gnu") != NULL;
#endif
}

static const char *yes(int b) {
  return b ? "yes" : "no";
}

/* This process's number in /proc. */
static int proc_pid(void) {
  char self[32] = "";
  readlink("/proc/self", self, sizeof(self) - 1);
  return atoi(self);
}

/* The parent reads the child's files while the child waits. */
static void read_child(struct shared *s, int pid) {
  char path[128];
  snprintf(path, sizeof(path), "/proc/%d/maps", pid);
  slurp(path, buf, sizeof(buf));
  printf("child's maps as it sees them: %s\n", yes(!strcmp(buf, s->child_maps)));
  printf("child's file mapping there: %s\n", yes(has_mapping(buf, CHILD_FILE_AT, file)));
  printf("child's maps show another CPU: %s\n", yes(other_isa(buf)));
  snprintf(path, sizeof(path), "/proc/%d/task/%d/maps", pid, pid);
  slurp(path, buf, sizeof(buf));
  printf("task/TID/maps likewise: %s\n", yes(!strcmp(buf, s->child_maps)));
  snprintf(path, sizeof(path), "/proc/%d/smaps", pid);
  slurp(path, buf, sizeof(buf));
  smaps_heads(buf);
  printf("child's smaps mappings likewise: %s\n", yes(!strcmp(buf, s->child_smaps)));
  snprintf(path, sizeof(path), "/proc/%d/auxv", pid);
  int n = slurp(path, buf, sizeof(buf));
  printf("child's auxv likewise: %s\n", yes(n == s->auxv_len && !memcmp(buf, s->child_auxv, n)));
  snprintf(path, sizeof(path), "/proc/%d/cmdline", pid);
  n = slurp(path, buf, sizeof(buf));
  printf("child's cmdline likewise: %s\n",
         yes(n == s->cmdline_len && !memcmp(buf, s->child_cmdline, n)));
}

/* The child maps its file, notes its own view, and waits for the parent. */
static void child(struct shared *s, int to_parent, int from_parent) {
  int fd = open(file, O_RDONLY);
  void *at = mmap((void *)CHILD_FILE_AT, 4096, PROT_READ, MAP_PRIVATE | MAP_FIXED_NOREPLACE, fd, 0);
  close(fd);
  s->child_pid = proc_pid();
  slurp("/proc/self/maps", s->child_maps, sizeof(s->child_maps));
  slurp("/proc/self/smaps", s->child_smaps, sizeof(s->child_smaps));
  smaps_heads(s->child_smaps);
  s->auxv_len = slurp("/proc/self/auxv", s->child_auxv, sizeof(s->child_auxv));
  s->cmdline_len = slurp("/proc/self/cmdline", s->child_cmdline, sizeof(s->child_cmdline));
  char c = at == (void *)CHILD_FILE_AT;
  write(to_parent, &c, 1);
  read(from_parent, &c, 1); /* the parent has read, and now waits */
  char path[128];
  snprintf(path, sizeof(path), "/proc/%d/maps", s->parent_pid);
  slurp(path, buf, sizeof(buf));
  printf("parent's maps as it sees them: %s\n", yes(!strcmp(buf, s->parent_maps)));
  printf("parent's page there: %s\n", yes(has_mapping(buf, PARENT_ANON_AT, "")));
  printf("parent's maps show another CPU: %s\n", yes(other_isa(buf)));
  _exit(0);
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  snprintf(file, sizeof(file), "%s/proc_other_maps_view.%d", P_tmpdir, getpid());
  int fd = open(file, O_RDWR | O_CREAT | O_TRUNC, 0600);
  if (fd < 0 || ftruncate(fd, 4096))
    return 1;
  close(fd);
  realpath(file, buf);
  strcpy(file, buf);
  struct shared *s =
      mmap(NULL, sizeof(*s), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  s->parent_pid = proc_pid();
  int up[2], down[2];
  pipe(up), pipe(down);
  int pid = fork();
  if (pid == 0)
    child(s, up[1], down[0]);
  void *page = mmap((void *)PARENT_ANON_AT, 4096, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  slurp("/proc/self/maps", s->parent_maps, sizeof(s->parent_maps));
  char c = 0;
  read(up[0], &c, 1);
  printf("child mapped its file: %s, parent its page: %s\n", yes(c),
         yes(page == (void *)PARENT_ANON_AT));
  read_child(s, s->child_pid);
  write(down[1], &c, 1);
  int status;
  waitpid(pid, &status, 0);
  unlink(file);
  printf("child exited with %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  return 0;
}
