/* xrun_binfmt.c - registers xrun with binfmt_misc as the entry xrun-aarch64,
 * the way qemu's scripts/qemu-binfmt-conf.sh registers qemu-aarch64: the same
 * 20-byte magic and mask (any OS/ABI byte, ET_EXEC or ET_DYN, e_machine
 * EM_AARCH64), and the flags
 *   P  preserve argv[0]: xrun gets the program's path as argv[1] and its own
 *      argv[0] as argv[2]; the kernel tells xrun by AT_FLAGS_PRESERVE_ARGV0
 *   O  the kernel opens the program and passes it as AT_EXECFD (so programs
 *      that are executable but not readable run too)
 *   C  credentials from the program, not from xrun (setuid programs)
 *   F  with --persistent: the kernel opens xrun now, so the entry works in
 *      other mount namespaces and chroots.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>
#include "xrun.h"
#include "xrun_binfmt.h"

#define BINFMT_DIR   "/proc/sys/fs/binfmt_misc"
#define BINFMT_ENTRY "xrun-aarch64"

enum { BINFMT_MAGIC_LEN = 20 };

/* e_ident, e_type, e_machine of a little-endian 64-bit aarch64 program. */
static const unsigned char binfmt_magic[BINFMT_MAGIC_LEN] = {
    0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0xb7, 0};
static const unsigned char binfmt_mask[BINFMT_MAGIC_LEN] = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe, 0xff, 0xff, 0xff};

static int binfmt_fail(int status, const char *fmt, const char *arg) {
  fputs("xrun: --binfmt: ", stderr);
  fprintf(stderr, fmt, arg, strerror(errno));
  fputc('\n', stderr);
  return status;
}

/* binfmt_misc mounted at BINFMT_DIR, mounting it if needed: 0 or a status. */
static int binfmt_mount(bool may_mount) {
  if (access(BINFMT_DIR "/register", F_OK) == 0)
    return 0;
  if (may_mount && mount("binfmt_misc", BINFMT_DIR, "binfmt_misc", 0, NULL) == 0)
    return 0;
  if (!may_mount)
    errno = ENOENT;
  return binfmt_fail(XRUN_BINFMT_UNAVAILABLE,
                     "binfmt_misc is not mounted at %s and cannot be mounted (%s)", BINFMT_DIR);
}

static int binfmt_write(const char *path, const char *text) {
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0)
    return -1;
  ssize_t n = write(fd, text, strlen(text));
  int saved = errno;
  close(fd);
  errno = saved;
  return n == (ssize_t)strlen(text) ? 0 : -1;
}

static void binfmt_hex(char *out, const unsigned char *bytes, const char *fmt) {
  for (int i = 0; i < BINFMT_MAGIC_LEN; i++)
    out += sprintf(out, fmt, bytes[i]);
}

/* An enabled entry, other than ours, with our magic at offset 0: its name. */
static bool binfmt_claimed(char *name, size_t size) {
  char want[2 * BINFMT_MAGIC_LEN + 1], line[256], path[512];
  binfmt_hex(want, binfmt_magic, "%02x");
  DIR *d = opendir(BINFMT_DIR);
  bool enabled = false, same = false;
  for (struct dirent *de; d && (de = readdir(d)) && !(enabled && same);) {
    if (de->d_name[0] == '.' || !strcmp(de->d_name, "register") || !strcmp(de->d_name, "status") ||
        !strcmp(de->d_name, BINFMT_ENTRY))
      continue;
    snprintf(path, sizeof(path), BINFMT_DIR "/%s", de->d_name);
    FILE *f = fopen(path, "re");
    enabled = same = false;
    while (f && fgets(line, sizeof(line), f)) {
      enabled |= !strcmp(line, "enabled\n");
      same |= !strncmp(line, "magic ", 6) && !strncmp(line + 6, want, strlen(want));
    }
    if (f)
      fclose(f);
    snprintf(name, size, "%s", de->d_name);
  }
  if (d)
    closedir(d);
  return enabled && same;
}

static int binfmt_uninstall(void) {
  if (access(BINFMT_DIR "/" BINFMT_ENTRY, F_OK) == 0 &&
      binfmt_write(BINFMT_DIR "/" BINFMT_ENTRY, "-1"))
    return binfmt_fail(XRUN_BINFMT_FAILED, "cannot remove %s: %s", BINFMT_DIR "/" BINFMT_ENTRY);
  return 0;
}

static int binfmt_install(bool persistent) {
  char self[256], claimer[256], magic[4 * BINFMT_MAGIC_LEN + 1], mask[4 * BINFMT_MAGIC_LEN + 1];
  char rule[1024];
  ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
  if (n <= 0 || n >= 128) /* the kernel keeps at most 127 bytes of the interpreter */
    return binfmt_fail(XRUN_BINFMT_FAILED, "cannot use %s as the interpreter: %s",
                       "/proc/self/exe (too long, or unreadable)");
  self[n] = '\0';
  if (binfmt_claimed(claimer, sizeof(claimer))) {
    fprintf(stderr,
            "xrun: --binfmt: the binfmt_misc entry %s already runs aarch64 programs; disable it "
            "first: echo 0 > " BINFMT_DIR "/%s\n",
            claimer, claimer);
    return XRUN_BINFMT_CLAIMED;
  }
  int st = binfmt_uninstall();
  if (st)
    return st;
  binfmt_hex(magic, binfmt_magic, "\\x%02x");
  binfmt_hex(mask, binfmt_mask, "\\x%02x");
  snprintf(rule, sizeof(rule), ":" BINFMT_ENTRY ":M:0:%s:%s:%s:POC%s", magic, mask, self,
           persistent ? "F" : "");
  if (binfmt_write(BINFMT_DIR "/register", rule))
    return binfmt_fail(XRUN_BINFMT_FAILED, "the kernel refused the entry %s: %s", BINFMT_ENTRY);
  printf("xrun: aarch64 programs now run through %s (binfmt_misc entry %s)\n", self, BINFMT_ENTRY);
  return 0;
}

static int binfmt_status(void) {
  FILE *f = fopen(BINFMT_DIR "/" BINFMT_ENTRY, "re");
  if (!f) {
    printf(BINFMT_ENTRY ": not installed\n");
    return XRUN_BINFMT_ABSENT;
  }
  printf(BINFMT_ENTRY ": installed (" BINFMT_DIR "/" BINFMT_ENTRY ")\n");
  char line[512];
  while (fgets(line, sizeof(line), f))
    printf("  %s", line);
  fclose(f);
  return 0;
}

int xrun_binfmt(int argc, char **argv) {
  const char *action = argc > 0 ? argv[0] : "";
  bool install = !strcmp(action, "install"), persistent = false;
  if (install && argc == 2 && !strcmp(argv[1], "--persistent"))
    persistent = true;
  else if ((argc != 1 || (!install && strcmp(action, "uninstall") && strcmp(action, "status"))))
    xrun_die(XRUN_EXIT_USAGE, "xrun: --binfmt takes install [--persistent], uninstall or status");
  bool root = geteuid() == 0;
  if (strcmp(action, "status") && !root) {
    fprintf(stderr, "xrun: --binfmt %s: needs root (binfmt_misc is system-wide)\n", action);
    return XRUN_BINFMT_NOT_ROOT;
  }
  int st = binfmt_mount(root && install);
  if (st)
    return st;
  if (install)
    return binfmt_install(persistent);
  return strcmp(action, "status") ? binfmt_uninstall() : binfmt_status();
}
