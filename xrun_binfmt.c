/* xrun_binfmt.c - registers xrun with binfmt_misc, one entry per guest
 * (xrun-aarch64, xrun-riscv64), the way qemu's scripts/qemu-binfmt-conf.sh
 * registers qemu-aarch64: the same 20-byte magic and mask (any OS/ABI byte,
 * ET_EXEC or ET_DYN, the guest's e_machine), and the flags
 *   P  preserve argv[0]: xrun gets the program's path as argv[1] and its own
 *      argv[0] as argv[2]; the kernel tells xrun by AT_FLAGS_PRESERVE_ARGV0
 *   O  the kernel opens the program and passes it as AT_EXECFD (so programs
 *      that are executable but not readable run too)
 *   C  credentials from the program, not from xrun (setuid programs)
 *   F  with --persistent: the kernel opens xrun now, so the entry works in
 *      other mount namespaces and chroots.
 * `--binfmt debian DIR INTERP` writes the same entries as update-binfmts(8)
 * format files, for `make install`.
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

#define BINFMT_DIR "/proc/sys/fs/binfmt_misc"

enum { BINFMT_MAGIC_LEN = 20 };

/* e_ident, e_type and e_machine (bytes 18-19, the guest's) of a little-endian
 * 64-bit program; the mask lets the OS/ABI byte vary and takes ET_EXEC and ET_DYN. */
static const unsigned char binfmt_magic_base[BINFMT_MAGIC_LEN] = {
    0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0};
static const unsigned char binfmt_mask[BINFMT_MAGIC_LEN] = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe, 0xff, 0xff, 0xff};

static void binfmt_magic(const struct guest *g, unsigned char out[BINFMT_MAGIC_LEN]) {
  memcpy(out, binfmt_magic_base, BINFMT_MAGIC_LEN);
  out[18] = g->elf_machine & 0xff;
  out[19] = g->elf_machine >> 8;
}

/* BINFMT_DIR/xrun-NAME, or just xrun-NAME with dir NULL. */
static const char *binfmt_entry(const struct guest *g, const char *dir, char *buf, size_t size) {
  snprintf(buf, size, "%s%sxrun-%s", dir ? dir : "", dir ? "/" : "", g->name);
  return buf;
}

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

/* An enabled entry, other than g's own, with g's magic at offset 0: its name. */
static bool binfmt_claimed(const struct guest *g, char *name, size_t size) {
  char want[2 * BINFMT_MAGIC_LEN + 1], line[256], path[512], own[64];
  unsigned char magic[BINFMT_MAGIC_LEN];
  binfmt_magic(g, magic);
  binfmt_hex(want, magic, "%02x");
  binfmt_entry(g, NULL, own, sizeof(own));
  DIR *d = opendir(BINFMT_DIR);
  bool enabled = false, same = false;
  for (struct dirent *de; d && (de = readdir(d)) && !(enabled && same);) {
    if (de->d_name[0] == '.' || !strcmp(de->d_name, "register") || !strcmp(de->d_name, "status") ||
        !strcmp(de->d_name, own))
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

static int binfmt_uninstall_one(const struct guest *g) {
  char path[128];
  binfmt_entry(g, BINFMT_DIR, path, sizeof(path));
  if (access(path, F_OK) == 0 && binfmt_write(path, "-1"))
    return binfmt_fail(XRUN_BINFMT_FAILED, "cannot remove %s: %s", path);
  return 0;
}

static int binfmt_uninstall(void) {
  int st = 0;
  for (size_t i = 0; xrun_guest_at(i); i++)
    st = st ? st : binfmt_uninstall_one(xrun_guest_at(i));
  return st;
}

/* The rule for g's entry: :NAME:M:0:MAGIC:MASK:INTERP:FLAGS */
static void binfmt_rule(const struct guest *g, const char *self, bool persistent, char *rule,
                        size_t size) {
  char name[64], magic[4 * BINFMT_MAGIC_LEN + 1], mask[4 * BINFMT_MAGIC_LEN + 1];
  unsigned char bytes[BINFMT_MAGIC_LEN];
  binfmt_magic(g, bytes);
  binfmt_hex(magic, bytes, "\\x%02x");
  binfmt_hex(mask, binfmt_mask, "\\x%02x");
  snprintf(rule, size, ":%s:M:0:%s:%s:%s:POC%s", binfmt_entry(g, NULL, name, sizeof(name)), magic,
           mask, self, persistent ? "F" : "");
}

static int binfmt_register(const struct guest *g, const char *self, bool persistent) {
  char rule[1024], name[64];
  int st = binfmt_uninstall_one(g);
  if (st)
    return st;
  binfmt_rule(g, self, persistent, rule, sizeof(rule));
  if (binfmt_write(BINFMT_DIR "/register", rule))
    return binfmt_fail(XRUN_BINFMT_FAILED, "the kernel refused the entry %s: %s",
                       binfmt_entry(g, NULL, name, sizeof(name)));
  printf("xrun: %s programs now run through %s (binfmt_misc entry %s)\n", g->name, self, name);
  return 0;
}

static int binfmt_install(bool persistent) {
  char self[256], claimer[256];
  ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
  if (n <= 0 || n >= 128) /* the kernel keeps at most 127 bytes of the interpreter */
    return binfmt_fail(XRUN_BINFMT_FAILED, "cannot use %s as the interpreter: %s",
                       "/proc/self/exe (too long, or unreadable)");
  self[n] = '\0';
  for (size_t i = 0; xrun_guest_at(i); i++) /* all free before any is registered */
    if (binfmt_claimed(xrun_guest_at(i), claimer, sizeof(claimer))) {
      fprintf(stderr,
              "xrun: --binfmt: the binfmt_misc entry %s already runs %s programs; disable it "
              "first: echo 0 > " BINFMT_DIR "/%s\n",
              claimer, xrun_guest_at(i)->name, claimer);
      return XRUN_BINFMT_CLAIMED;
    }
  for (size_t i = 0; xrun_guest_at(i); i++) {
    int st = binfmt_register(xrun_guest_at(i), self, persistent);
    if (st)
      return st;
  }
  return 0;
}

/* Each entry's contents; XRUN_BINFMT_ABSENT when one is not installed. */
static int binfmt_status(void) {
  int st = 0;
  for (size_t i = 0; xrun_guest_at(i); i++) {
    char path[128], name[64], line[512];
    binfmt_entry(xrun_guest_at(i), BINFMT_DIR, path, sizeof(path));
    binfmt_entry(xrun_guest_at(i), NULL, name, sizeof(name));
    FILE *f = fopen(path, "re");
    if (!f) {
      printf("%s: not installed\n", name);
      st = XRUN_BINFMT_ABSENT;
      continue;
    }
    printf("%s: installed (%s)\n", name, path);
    while (fgets(line, sizeof(line), f))
      printf("  %s", line);
    fclose(f);
  }
  return st;
}

/* update-binfmts(8) format files DIR/xrun-NAME naming interp as interpreter. */
static int binfmt_debian(const char *dir, const char *interp) {
  for (size_t i = 0; xrun_guest_at(i); i++) {
    char path[4096], magic[4 * BINFMT_MAGIC_LEN + 1], mask[4 * BINFMT_MAGIC_LEN + 1];
    unsigned char bytes[BINFMT_MAGIC_LEN];
    binfmt_magic(xrun_guest_at(i), bytes);
    binfmt_hex(magic, bytes, "\\x%02x");
    binfmt_hex(mask, binfmt_mask, "\\x%02x");
    FILE *f = fopen(binfmt_entry(xrun_guest_at(i), dir, path, sizeof(path)), "we");
    if (!f)
      return binfmt_fail(XRUN_BINFMT_FAILED, "cannot write %s: %s", path);
    fprintf(f,
            "package xrun\ninterpreter %s\nmagic %s\nmask %s\noffset 0\ncredentials yes\n"
            "preserve yes\nfix_binary no\n",
            interp, magic, mask);
    if (fclose(f))
      return binfmt_fail(XRUN_BINFMT_FAILED, "cannot write %s: %s", path);
  }
  return 0;
}

int xrun_binfmt(int argc, char **argv) {
  const char *action = argc > 0 ? argv[0] : "";
  if (!strcmp(action, "debian") && argc == 3)
    return binfmt_debian(argv[1], argv[2]);
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
