/* pty_openpty.c - pseudo-terminals: posix_openpt, grantpt, unlockpt
 * (TIOCSPTLCK: the slave opens only after it), ptsname (TIOCGPTN), the peer through TIOCGPTPEER,
 * openpty, termios through tcgetattr/tcsetattr (raw mode, then canonical mode with echo and line
 * editing seen from the master side), window size, and FIONREAD/TIOCOUTQ. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

static void show(const char *what, const char *buf, ssize_t n) {
  printf("%s %zd: \"", what, n);
  for (ssize_t i = 0; i < n; i++)
    buf[i] >= 32 && buf[i] < 127 ? putchar(buf[i]) : printf("\\x%02x", (unsigned char)buf[i]);
  printf("\"\n");
}

static void openpt(void) {
  int m = posix_openpt(O_RDWR | O_NOCTTY);
  printf("posix_openpt: %s\n", m >= 0 ? "ok" : strerror(errno));
  printf("grantpt: %d\n", grantpt(m));
  int s0 = open(ptsname(m), O_RDWR | O_NOCTTY);
  printf("open locked slave: %d %s\n", s0, errno == EIO ? "EIO" : "?");
  printf("unlockpt: %d\n", unlockpt(m));
  unsigned num = 99999;
  printf("TIOCGPTN: %d", ioctl(m, TIOCGPTN, &num));
  char want[64];
  snprintf(want, sizeof(want), "/dev/pts/%u", num);
  const char *name = ptsname(m);
  printf(", ptsname agrees %d, prefix %.9s\n", name && !strcmp(name, want), name ? name : "");
  int s = ioctl(m, TIOCGPTPEER, O_RDWR | O_NOCTTY);
  printf("TIOCGPTPEER: %s, isatty %d\n", s >= 0 ? "ok" : strerror(errno), isatty(s));
  write(m, "peer\n", 5);
  char buf[64];
  ssize_t n = read(s, buf, sizeof(buf));
  show("read on peer", buf, n);
  close(s);
  close(m);
}

static void openpty_termios(void) {
  int m, s;
  struct winsize ws = {24, 80, 0, 0}, got;
  printf("openpty: %d\n", openpty(&m, &s, NULL, NULL, &ws));
  ioctl(s, TIOCGWINSZ, &got);
  printf("winsize %ux%u\n", got.ws_row, got.ws_col);
  struct termios t;
  int r = tcgetattr(s, &t);
  printf("tcgetattr: %d, ICANON %d ECHO %d\n", r, !!(t.c_lflag & ICANON), !!(t.c_lflag & ECHO));
  write(m,
        "ab\x7f"
        "c\n",
        5); /* canonical: erase the b, echo comes back */
  char buf[64];
  ssize_t n = read(s, buf, sizeof(buf));
  show("canonical line", buf, n);
  n = read(m, buf, sizeof(buf));
  show("echo on master", buf, n);
  struct termios raw = t;
  cfmakeraw(&raw);
  printf("tcsetattr raw: %d\n", tcsetattr(s, TCSANOW, &raw));
  tcgetattr(s, &t);
  printf("now ICANON %d ECHO %d OPOST %d\n", !!(t.c_lflag & ICANON), !!(t.c_lflag & ECHO),
         !!(t.c_oflag & OPOST));
  write(m, "x\x7fy", 3);
  usleep(20000);
  int avail = -1;
  ioctl(s, FIONREAD, &avail);
  printf("FIONREAD: %d\n", avail);
  n = read(s, buf, sizeof(buf));
  show("raw bytes", buf, n);
  write(s, "out\n", 4);
  n = read(m, buf, sizeof(buf));
  show("raw output on master", buf, n);
  printf("tcflush: %d, tcdrain: %d\n", tcflush(s, TCIOFLUSH), tcdrain(s));
  close(s);
  close(m);
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  openpt();
  openpty_termios();
  return 0;
}
