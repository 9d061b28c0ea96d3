/* xrun_guest.c - the registry of guests: which descriptor runs an ELF file,
 * chosen by its e_machine. The core knows guests only through it. */
#include <elf.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include "xrun.h"

static const struct guest *const xrun_guests[] = {&a64_guest, &rv64_guest};

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
