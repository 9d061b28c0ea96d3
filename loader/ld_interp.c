/* ld_interp.c - find a dynamic program's interpreter (PT_INTERP) in the
 * guest's sysroot: -L DIR, else $XRUN_SYSROOT, else /usr/<triple> where
 * Debian's cross packages install it. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include "ld_int.h"

int ld_interp_open(const struct ld_elf *exe, const struct guest *g, struct ld_elf *interp) {
  static char path[PATH_MAX];
  const char *root = xrun_sysroot(g);
  if (snprintf(path, sizeof(path), "%s%s", root, exe->interp) >= (int)sizeof(path))
    return ld_error(XRUN_EXIT_NOFILE, "%s: interpreter path too long", exe->path);
  struct stat st;
  if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
    return ld_error(XRUN_EXIT_BADELF,
                    "%s: its interpreter %s is a directory under %s, not the guest's dynamic "
                    "linker; give the right sysroot with -L DIR",
                    exe->path, exe->interp, root);
  FILE *probe = fopen(path, "r");
  if (!probe)
    return ld_error(XRUN_EXIT_NOFILE,
                    "%s: needs the interpreter %s, not found under %s; install the guest's "
                    "libc (libc6-arm64-cross) or give its sysroot with -L DIR",
                    exe->path, exe->interp, root);
  fclose(probe);
  int status = ld_elf_open(interp, path, -1, g);
  if (!status && interp->interp[0])
    status = ld_error(XRUN_EXIT_BADELF, "%s: the interpreter %s has an interpreter itself",
                      exe->path, path);
  return status;
}
