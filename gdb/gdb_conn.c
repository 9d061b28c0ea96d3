#define _GNU_SOURCE
/* gdb_conn.c - the connection to gdb: a TCP socket on localhost, and the
 * framing of the remote protocol ($data#checksum, acknowledged by + or -). */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "gdb_int.h"

struct gdb_state gdb = {.listen_fd = -1, .fd = -1};

static char gdb_in[4096];
static size_t gdb_in_pos, gdb_in_len;

int gdb_listen(int port) {
  struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int one = 1, fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0)
    return errno;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) || listen(fd, 1)) {
    int e = errno;
    close(fd);
    return e;
  }
  gdb.listen_fd = fd;
  return 0;
}

/* Wait for gdb; the listening socket is closed once it came (one debugger). */
int gdb_accept(void) {
  int one = 1, fd;
  do
    fd = accept4(gdb.listen_fd, NULL, NULL, SOCK_CLOEXEC);
  while (fd < 0 && errno == EINTR);
  close(gdb.listen_fd);
  gdb.listen_fd = -1;
  if (fd < 0)
    return -1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  gdb.fd = fd;
  return 0;
}

void gdb_close(void) {
  if (gdb.fd >= 0)
    close(gdb.fd);
  gdb.fd = -1;
  gdb_in_pos = gdb_in_len = 0;
}

static int gdb_getc(void) {
  if (gdb_in_pos == gdb_in_len) {
    ssize_t n;
    do
      n = gdb.fd < 0 ? 0 : read(gdb.fd, gdb_in, sizeof(gdb_in));
    while (n < 0 && errno == EINTR);
    if (n <= 0)
      return -1;
    gdb_in_pos = 0;
    gdb_in_len = (size_t)n;
  }
  return (unsigned char)gdb_in[gdb_in_pos++];
}

static void gdb_write(const char *p, size_t len) {
  while (len && gdb.fd >= 0) {
    ssize_t n = write(gdb.fd, p, len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return;
    p += n, len -= (size_t)n;
  }
}

static int gdb_hexval(int ch) {
  return ch >= '0' && ch <= '9'   ? ch - '0'
         : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
         : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10
                                  : -1;
}

/* Between packets gdb sends acknowledgements and ^C (0x03: the program is
 * stopped already while anyone reads here), skipped. */
int gdb_recv(char *buf, size_t cap) {
  for (;;) {
    int ch, hi, lo;
    unsigned sum = 0;
    size_t n = 0;
    while ((ch = gdb_getc()) != '$')
      if (ch < 0)
        return -1;
    while ((ch = gdb_getc()) >= 0 && ch != '#') {
      if (n + 1 < cap)
        buf[n++] = (char)ch;
      sum += (unsigned)ch;
    }
    if (ch < 0 || (hi = gdb_getc()) < 0 || (lo = gdb_getc()) < 0)
      return -1;
    bool ok = gdb_hexval(hi) * 16 + gdb_hexval(lo) == (int)(sum & 0xff) && n + 1 < cap;
    gdb_write(ok ? "+" : "-", 1);
    if (ok) {
      buf[n] = 0;
      return (int)n;
    }
  }
}

void gdb_send(const char *data, size_t len) {
  static char out[2 * GDB_PKT + 8];
  size_t n = 0;
  unsigned sum = 0;
  out[n++] = '$';
  for (size_t i = 0; i < len && n + 6 < sizeof(out); i++) {
    char ch = data[i];
    if (ch == '$' || ch == '#' || ch == '}' || ch == '*') {
      out[n++] = '}', sum += '}';
      ch ^= 0x20;
    }
    out[n++] = ch, sum += (unsigned char)ch;
  }
  n += (size_t)snprintf(out + n, 4, "#%02x", sum & 0xff);
  for (int tries = 0; tries < 8; tries++) { /* resent on '-' */
    gdb_write(out, n);
    int ch;
    while ((ch = gdb_getc()) >= 0 && ch != '+' && ch != '-')
      ;
    if (ch != '-')
      return;
  }
}

void gdb_send_str(const char *s) {
  gdb_send(s, strlen(s));
}
