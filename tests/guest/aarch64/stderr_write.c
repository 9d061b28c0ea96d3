/* stderr_write.c - writing to stderr (unbuffered fprintf, perror, write(2))
 * succeeds and does not appear on stdout; stdout and stderr are separate fds
 * 1 and 2. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void) {
  int r1 = fprintf(stderr, "this goes to stderr\n");
  errno = ENOENT;
  perror("perror says");
  ssize_t r2 = write(2, "raw write to fd 2\n", 18);
  printf("fprintf(stderr) returned %d, write(2) returned %zd\n", r1, r2);
  printf("fileno stdout %d stderr %d\n", fileno(stdout), fileno(stderr));
  printf("strerror(ENOENT) = %s\n", strerror(ENOENT));
  ssize_t r3 = write(99, "x", 1);
  printf("write to a closed fd: %zd %s\n", r3, errno == EBADF ? "EBADF" : "?");
  return 0;
}
