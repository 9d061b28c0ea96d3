/* ld_int.h - what the loader's files share; not part of its interface. */
#ifndef LD_INT_H
#define LD_INT_H

#include <gelf.h>
#include <limits.h>
#include "loader.h"

enum {
  LD_PAGE = 4096,
  LD_MAX_PHDRS = 128, /* real programs have about a dozen */
};
#define LD_VA_LIMIT (1ull << 47) /* highest user address on the host, plus one */
/* Where a PIE program goes: below 2 GiB, as a program not built as PIE is,
 * so that translated code holds its addresses in 4-byte fields
 * (TC_RELOC_GUEST32; lua5.4 and perl 1.3-1.6% fewer host instructions than
 * at qemu-aarch64's 0x5500000000). */
#define LD_PIE_HINT   0x10000000ull
#define LD_STACK_SIZE (8ull << 20) /* the guest's main stack, unless -s */

static inline uint64_t ld_page_down(uint64_t a) {
  return a & ~(uint64_t)(LD_PAGE - 1);
}
static inline uint64_t ld_page_up(uint64_t a) {
  return (a + LD_PAGE - 1) & ~(uint64_t)(LD_PAGE - 1);
}

/* One opened, checked ELF file. */
struct ld_elf {
  const char *path; /* as given, for messages */
  int fd;
  uint64_t size;
  Elf *elf;
  GElf_Ehdr eh;
  size_t phnum;
  GElf_Phdr ph[LD_MAX_PHDRS];
  char interp[PATH_MAX]; /* PT_INTERP, or "" */
};

/* Where a checked ELF's segments go, worked out before anything is mapped
 * (ld_plan.c). Addresses are the file's own, before the load bias. */
struct ld_layout {
  uint64_t lo, hi; /* page-aligned span of the PT_LOAD segments */
  uint64_t align;  /* alignment of an ET_DYN's base */
  uint64_t entry;  /* e_entry */
  uint64_t phdr;   /* where the program headers are (AT_PHDR), or 0: none mapped */
  int exec_stack;  /* PT_GNU_STACK asks for an executable stack */
};

/* Where an ELF landed. */
struct ld_mapped {
  uint64_t bias;  /* added to every p_vaddr */
  uint64_t end;   /* end of the highest segment, biased */
  uint64_t entry; /* e_entry, biased */
  uint64_t phdr;  /* program headers in memory, or 0 */
};

/* Print "xrun: <message>" on stderr and return status. */
int ld_error(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Open and check path as a guest ELF program; 0 or an xrun status. With
 * fd >= 0 the file is already open there (binfmt_misc's AT_EXECFD) and path
 * only names it; e takes the fd over. */
int ld_elf_open(struct ld_elf *e, const char *path, int fd, const struct guest *g);
void ld_elf_close(struct ld_elf *e);

/* Lay out the PT_LOAD segments of e (already checked by ld_elf_open);
 * 0, or prints one line and returns an xrun status. Maps nothing. */
int ld_plan(const struct ld_elf *e, struct ld_layout *l);

/* Map every PT_LOAD of e as laid out in l; an ET_DYN goes near hint (0:
 * anywhere). */
int ld_map(const struct ld_elf *e, const struct ld_layout *l, uint64_t hint, struct ld_mapped *m);

/* Find the interpreter named in e under the sysroot and open it. */
int ld_interp_open(const struct ld_elf *exe, const struct guest *g, struct ld_elf *interp);

/* Add e's function symbols, e being mapped with bias (ld_syms.c). */
void ld_syms_add_elf(const struct ld_elf *e, uint64_t bias);

/* Map the guest's vDSO page (ld_vdso.c); sets img->vdso. */
int ld_vdso(const struct guest *g, struct ld_image *img);

/* Allocate the stack and write argc, argv, envp and auxv on it; sets img->sp. */
int ld_stack(const struct guest *g, const char *execfn, int argc, char **argv, char **envp,
             struct ld_image *img);

#endif
