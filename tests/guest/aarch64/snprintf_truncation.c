/* snprintf_truncation.c - snprintf return values when the output is
 * truncated, size 0 with a NULL buffer, NUL termination at every size, and
 * vsnprintf through a varargs wrapper. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int wrap(char *buf, size_t n, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vsnprintf(buf, n, fmt, ap);
  va_end(ap);
  return r;
}

int main(void) {
  char buf[64];
  for (size_t n = 0; n <= 20; n++) {
    memset(buf, '#', sizeof buf);
    int r = snprintf(buf, n, "value=%d pi=%.3f", 12345, 3.14159);
    printf("n=%2zu r=%d buf=[%s] after=%c\n", n, r, n ? buf : "(untouched)",
           buf[n < 63 ? n + 1 : 63]);
  }
  printf("null r=%d\n", snprintf(NULL, 0, "%s-%s-%08x", "abc", "defgh", 0xbeefu));
  int r = wrap(buf, 10, "%s|%ld|%c", "wrapped", 1234567890123L, 'Q');
  printf("vsnprintf r=%d [%s]\n", r, buf);
  char big[4096];
  r = snprintf(big, sizeof big, "%1000d|%-1000s|%.500f", 7, "x", 1.0);
  printf("big r=%d len=%zu tail=%s\n", r, strlen(big), big + strlen(big) - 5);
  return 0;
}
