/* ld_load.c - ld_load: the program, its interpreter if any, the vDSO page,
 * then the stack. */
#include <mimalloc.h>
#include <string.h>
#include "ld_int.h"

static void ld_fill_image(const struct ld_elf *e, const struct ld_mapped *m, struct ld_image *img) {
  memset(img, 0, sizeof(*img));
  img->entry = img->exe_entry = m->entry;
  img->phdr = m->phdr;
  img->phnum = e->phnum;
  img->phent = sizeof(Elf64_Phdr);
  img->load_bias = m->bias;
  img->brk_start = ld_page_up(m->end);
}

static int ld_load_interp(const struct guest *g, const struct ld_elf *exe, struct ld_elf *interp,
                          struct ld_image *img) {
  struct ld_layout l;
  struct ld_mapped m;
  int st = ld_interp_open(exe, g, interp);
  if (!st)
    st = ld_plan(interp, &l);
  if (!st)
    st = ld_map(interp, &l, 0, &m);
  if (!st && xrun_opt.perfmap)
    ld_syms_add_elf(interp, m.bias);
  if (!st) {
    img->interp_base = m.bias;
    img->entry = m.entry;
  }
  return st;
}

int ld_load(const struct guest *g, const char *path, int argc, char **argv, char **envp,
            struct ld_image *img) {
  struct ld_layout l;
  struct ld_mapped m;
  struct ld_elf *exe = mi_malloc(sizeof(*exe)), *interp = mi_malloc(sizeof(*interp));
  int st = XRUN_EXIT_INTERNAL;
  if (!exe || !interp) {
    ld_error(st, "out of memory");
    goto out;
  }
  exe->fd = interp->fd = -1;
  exe->elf = interp->elf = NULL;
  st = ld_elf_open(exe, path, xrun_opt.exe_fd, g);
  if (!st)
    st = ld_plan(exe, &l);
  if (!st)
    st = ld_map(exe, &l, LD_PIE_HINT, &m);
  if (st)
    goto out;
  if (xrun_opt.perfmap)
    ld_syms_add_elf(exe, m.bias);
  ld_fill_image(exe, &m, img);
  img->exec_stack = l.exec_stack;
  if (exe->interp[0])
    st = ld_load_interp(g, exe, interp, img);
  if (!st) /* as Linux maps its vDSO: after the interpreter, before the tables */
    st = ld_vdso(g, img);
  if (!st)
    st = ld_stack(g, path, argc, argv, envp, img);
out:
  if (exe)
    ld_elf_close(exe);
  if (interp)
    ld_elf_close(interp);
  mi_free(exe);
  mi_free(interp);
  return st;
}
