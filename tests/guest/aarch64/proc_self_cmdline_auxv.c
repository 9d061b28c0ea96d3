/* /proc/self/cmdline and /proc/self/auxv are the program's own: its
 * arguments (here after argv[0], whose path differs between builds) and the
 * auxiliary vector getauxval reads. (After a program rewrites its argument
 * strings in place, as setproctitle does, Linux and xrun show the new ones,
 * qemu-aarch64 the old: not compared here. Nor is AT_HWCAP, which x86-64
 * glibc's getauxval replaces.) */
// test: args: one "two words" '' last
#include <elf.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

static size_t slurp(const char *path, char *buf, size_t size) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return 0;
  size_t n = 0;
  ssize_t r;
  while (n < size && (r = read(fd, buf + n, size - n)) > 0)
    n += (size_t)r;
  close(fd);
  return n;
}

static void show_cmdline(const char *path) {
  char buf[4096];
  size_t n = slurp(path, buf, sizeof(buf));
  int k = 0;
  printf("%s:", path);
  for (size_t i = 0; i < n; i += strlen(buf + i) + 1, k++)
    if (k > 0)
      printf(" [%s]", buf + i);
  printf(" (%d strings, ends with NUL: %s)\n", k, n && buf[n - 1] == 0 ? "yes" : "no");
}

int main(int argc, char **argv) {
  (void)argc, (void)argv;
  show_cmdline("/proc/self/cmdline");

  uint64_t aux[256];
  size_t n = slurp("/proc/self/auxv", (char *)aux, sizeof(aux)) / 16;
  static const unsigned long keys[] = {AT_PAGESZ, AT_ENTRY, AT_PHDR, AT_PHNUM, AT_RANDOM};
  static const char *names[] = {"AT_PAGESZ", "AT_ENTRY", "AT_PHDR", "AT_PHNUM", "AT_RANDOM"};
  int ends = n > 0 && aux[2 * (n - 1)] == AT_NULL;
  for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
    int found = 0;
    for (size_t i = 0; i < n; i++)
      if (aux[2 * i] == keys[k])
        found = aux[2 * i + 1] == getauxval(keys[k]) ? 1 : 2;
    printf("auxv %s: %s\n", names[k], found == 1 ? "as getauxval" : found ? "differs" : "missing");
  }
  printf("auxv ends with AT_NULL: %s\n", ends ? "yes" : "no");
  return 0;
}
