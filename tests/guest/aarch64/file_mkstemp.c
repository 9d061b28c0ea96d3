/* file_mkstemp.c - mkstemp in /tmp: the X's are replaced, the file exists,
 * is empty, mode 0600, is writable and readable through dup'd descriptors
 * sharing one offset; then it is unlinked while still open. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void) {
  char tmpl[] = "/tmp/xrun-mkstemp-XXXXXX";
  int fd = mkstemp(tmpl);
  if (fd < 0) {
    printf("mkstemp failed: %s\n", strerror(errno));
    return 1;
  }
  printf("name changed %d, prefix kept %d\n", strcmp(tmpl + 18, "XXXXXX") != 0,
         !strncmp(tmpl, "/tmp/xrun-mkstemp-", 18));
  struct stat st;
  fstat(fd, &st);
  printf("size %lld mode %o\n", (long long)st.st_size, st.st_mode & 0777);
  int fd2 = dup(fd);
  write(fd, "hello ", 6);
  write(fd2, "world\n", 6);
  printf("shared offset %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
  printf("unlink while open %d\n", unlink(tmpl));
  lseek(fd2, 0, SEEK_SET);
  char buf[32] = {0};
  printf("read %zd: %s", read(fd, buf, sizeof buf - 1), buf);
  fstat(fd, &st);
  printf("nlink after unlink %lu\n", (unsigned long)st.st_nlink);
  close(fd);
  close(fd2);
  printf("access after close %d\n", access(tmpl, F_OK) == 0);
  return 0;
}
