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
 *   sys_set_vdso(img.vdso);
 */
#ifndef LOADER_H
#define LOADER_H

#include <stddef.h>
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
  uint64_t arg_start;   /* the argv strings on the guest stack: [arg_start, arg_end) */
  uint64_t arg_end;
  uint64_t env_start; /* and the environment's strings: [env_start, env_end) */
  uint64_t env_end;
  uint64_t auxv; /* the auxiliary vector on the guest stack, AT_NULL included */
  uint64_t auxv_bytes;
  int exec_stack; /* PT_GNU_STACK asks for an executable stack */
  /* The vDSO page (ld_vdso.c), or 0 for a guest without one. */
  uint64_t vdso;
};

/* The memfd behind the vDSO page: the host's /proc/self/maps names the page
 * "/memfd:" LD_VDSO_MEMFD " (deleted)". */
#define LD_VDSO_MEMFD "xrun-vdso"

/* Called for each segment the loader maps, with whether it is executable:
 * xrun sets it so that code in the others is refused (tc_exec_set). */
extern void (*ld_on_segment)(uint64_t start, uint64_t len, int exec);
/* Called for each mapping the loader makes for the guest (a program's
 * reservation, the stack with its guard page, the vDSO page): an exec in
 * place unmaps them (tc_guest_mapped). */
extern void (*ld_on_map)(uint64_t start, uint64_t len);
/* Called for each executable segment with the file it came from: the bytes
 * at [start, start+len) are the file's from offset (tc_file_mapped), and
 * whether the segment is writable too. */
extern void (*ld_on_file)(int fd, uint64_t start, uint64_t len, uint64_t offset, bool writable);

/* Load path with argv[0..argc) and envp (NULL-terminated) on the new stack.
 * Returns 0, or prints one line on stderr and returns an enum xrun_status. */
/* Whether the guest stack has room for these strings, as ld_load needs: an
 * exec in place fails with E2BIG before the old program is gone. */
bool ld_args_fit(const char *execfn, char **argv, char **envp);
int ld_load(const struct guest *g, const char *path, int argc, char **argv, char **envp,
            struct ld_image *img);

/* Guest function symbols (.symtab, else .dynsym), to name guest code for
 * --perfmap. When xrun_opt.perfmap is set, ld_load adds the program's and its
 * interpreter's; the syscall layer adds each file the guest maps executable
 * (the libraries its ld.so loads).
 *
 *   char name[128];
 *   if (ld_sym_name(pc, name, sizeof(name)) == 0)   // "main+0xa8", "libc.so.6+0x1f00"
 */
/* The guest mapped fd's file at offset to addr with PROT_EXEC. */
void ld_syms_add_mapping(int fd, uint64_t addr, uint64_t offset);
/* "symbol+0xoff" for pc, else "file+0xoff" within a known file; 0, or -1
 * when pc is in no file added. */
int ld_sym_name(uint64_t pc, char *buf, size_t size);

#endif
