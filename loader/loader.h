/* loader.h - maps a guest ELF program into memory and builds its initial stack.
 *
 * The mapping is the identity: a guest virtual address is the same host
 * address. Static, static-PIE and dynamic programs are supported; for a
 * dynamic program the guest's own dynamic linker (PT_INTERP) is loaded from
 * the sysroot (-L DIR, else $XRUN_SYSROOT, else /usr/aarch64-linux-gnu) and
 * img.entry is its entry point.
 *
 *   struct ld_image img;
 *   int status = ld_load(&a64_guest, "./hello", argc, argv, environ, &img);
 *   if (status)
 *     return status;           // one line was printed on stderr
 *   g->cpu_init(c, img.entry, img.sp);
 *   sys_set_brk(img.brk_start);
 */
#ifndef LOADER_H
#define LOADER_H

#include <stdint.h>
#include "../xrun.h"

struct ld_image {
  uint64_t entry;       /* where to start: the interpreter's entry if there is one */
  uint64_t exe_entry;   /* the program's own entry (AT_ENTRY) */
  uint64_t phdr;        /* address of the program headers in memory (AT_PHDR) */
  uint64_t phnum;       /* AT_PHNUM */
  uint64_t phent;       /* AT_PHENT */
  uint64_t load_bias;   /* added to the program's p_vaddr (0 for ET_EXEC) */
  uint64_t interp_base; /* AT_BASE: where the interpreter was loaded, or 0 */
  uint64_t brk_start;   /* page-aligned end of the program's highest segment */
  uint64_t sp;          /* initial stack pointer: points at argc, 16-byte aligned */
};

/* Load path with argv[0..argc) and envp (NULL-terminated) on the new stack.
 * Returns 0, or prints one line on stderr and returns an enum xrun_status. */
int ld_load(const struct guest *g, const char *path, int argc, char **argv, char **envp,
            struct ld_image *img);

#endif
