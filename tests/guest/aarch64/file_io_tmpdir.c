/* file_io_tmpdir.c - file I/O in a directory given as argv[1]: create with
 * open(O_CREAT|O_EXCL), write in pieces, fstat size, lseek (SET/CUR/END and
 * past the end, leaving a hole), pread/pwrite, read back and compare, stdio
 * fopen/fgets/fprintf, rename, stat on a missing file (ENOENT), unlink. */
// test: args: @TMP@
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s DIR\n", argv[0]);
    return 2;
  }
  char path[4096], path2[4096];
  snprintf(path, sizeof path, "%s/data.bin", argv[1]);
  snprintf(path2, sizeof path2, "%s/renamed.bin", argv[1]);
  int fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0644);
  printf("open %s\n", fd >= 0 ? "ok" : strerror(errno));
  int fd2 = open(path, O_RDWR | O_CREAT | O_EXCL, 0644);
  printf("second O_EXCL: %s\n", fd2 < 0 && errno == EEXIST ? "EEXIST" : "wrong");
  unsigned char buf[10000];
  for (int i = 0; i < 10000; i++)
    buf[i] = (unsigned char)(i * 7 + i / 256);
  ssize_t total = 0;
  for (int off = 0; off < 10000; off += 1234) {
    int n = 10000 - off < 1234 ? 10000 - off : 1234;
    total += write(fd, buf + off, (size_t)n);
  }
  struct stat st;
  fstat(fd, &st);
  printf("wrote %zd, fstat size %lld, regular %d, mode %o\n", total, (long long)st.st_size,
         S_ISREG(st.st_mode), st.st_mode & 0777 & ~0022);
  printf("lseek SET 100 -> %lld\n", (long long)lseek(fd, 100, SEEK_SET));
  printf("lseek CUR 50 -> %lld\n", (long long)lseek(fd, 50, SEEK_CUR));
  printf("lseek END -10 -> %lld\n", (long long)lseek(fd, -10, SEEK_END));
  unsigned char rb[32];
  ssize_t n = read(fd, rb, sizeof rb);
  printf("read at end-10: %zd bytes, match %d\n", n, !memcmp(rb, buf + 9990, 10));
  printf("read at EOF: %zd\n", read(fd, rb, sizeof rb));
  printf("lseek past end -> %lld\n", (long long)lseek(fd, 20000, SEEK_SET));
  write(fd, "END", 3);
  fstat(fd, &st);
  printf("size with hole %lld\n", (long long)st.st_size);
  rb[0] = 0x55;
  n = pread(fd, rb, 4, 15000);
  printf("pread hole byte: %zd %d\n", n, rb[0]);
  pwrite(fd, "XY", 2, 5000);
  unsigned char all[20003];
  lseek(fd, 0, SEEK_SET);
  ssize_t got = 0, r;
  while ((r = read(fd, all + got, sizeof all - (size_t)got)) > 0)
    got += r;
  buf[5000] = 'X';
  buf[5001] = 'Y';
  printf("read back %zd, first 10000 match %d, tail %.3s\n", got, !memcmp(all, buf, 10000),
         all + 20000);
  close(fd);
  FILE *f = fopen(path2, "w");
  for (int i = 0; i < 100; i++)
    fprintf(f, "line %d %x\n", i, i * i);
  fclose(f);
  f = fopen(path2, "r");
  char line[64];
  int lines = 0;
  unsigned sum = 0;
  while (fgets(line, sizeof line, f)) {
    lines++;
    for (char *p = line; *p; p++)
      sum = sum * 31 + (unsigned char)*p;
  }
  fclose(f);
  printf("stdio lines %d hash %u\n", lines, sum);
  printf("rename: %d\n", rename(path2, path));
  stat(path, &st);
  printf("size after rename %lld\n", (long long)st.st_size);
  printf("stat old name: %s\n", stat(path2, &st) < 0 && errno == ENOENT ? "ENOENT" : "exists?");
  int u1 = unlink(path);
  int u2 = unlink(path);
  printf("unlink %d, again %s\n", u1, u2 < 0 && errno == ENOENT ? "ENOENT" : "?");
  return 0;
}
