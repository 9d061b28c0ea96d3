/* xrun_guest.c - the registry of guests: which descriptor runs an ELF file,
 * chosen by its e_machine. The core knows guests only through it. */
#include <elf.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "xrun.h"

static const struct guest *const xrun_guests[] = {&a64_guest, &rv64_guest};

const struct guest *xrun_guest_at(size_t i) {
  return i < sizeof(xrun_guests) / sizeof(xrun_guests[0]) ? xrun_guests[i] : NULL;
}

const struct guest *xrun_guest_by_machine(unsigned machine) {
  for (size_t i = 0; i < sizeof(xrun_guests) / sizeof(xrun_guests[0]); i++)
    if (xrun_guests[i]->elf_machine == machine)
      return xrun_guests[i];
  return NULL;
}

const struct guest *xrun_guest_of_file(const char *path, int fd) {
  unsigned char id[20] = {0};
  int f = fd >= 0 ? fd : open(path, O_RDONLY | O_CLOEXEC);
  ssize_t n = f >= 0 ? pread(f, id, sizeof(id), 0) : -1;
  if (fd < 0 && f >= 0)
    close(f);
  const struct guest *g = NULL;
  if (n == (ssize_t)sizeof(id) && !memcmp(id, ELFMAG, SELFMAG) && id[EI_DATA] == ELFDATA2LSB)
    g = xrun_guest_by_machine(id[18] | id[19] << 8);
  return g ? g : &a64_guest;
}

/* The guests' names joined for a message: "aarch64 and riscv64" (joiner "and"). */
const char *xrun_guest_names(const char *joiner) {
  static char buf[128];
  char joiner_sp[16];
  snprintf(joiner_sp, sizeof(joiner_sp), " %s ", joiner);
  size_t n = 0, count = sizeof(xrun_guests) / sizeof(xrun_guests[0]);
  buf[0] = 0;
  for (size_t i = 0; i < count && n < sizeof(buf); i++)
    n += snprintf(buf + n, sizeof(buf) - n, "%s%s",
                  i == 0          ? ""
                  : i + 1 < count ? ", "
                                  : joiner_sp,
                  xrun_guests[i]->name);
  return buf;
}
