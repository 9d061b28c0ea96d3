/* ld_plan.c - lay out a checked ELF before mapping it: the span its
 * PT_LOAD segments cover, the alignment of a relocatable base, where the
 * program headers land (AT_PHDR) and whether the stack is executable
 * (PT_GNU_STACK). Nothing here maps memory, so every check on the layout
 * runs, and can be fuzzed, without touching the address space. */
#include "ld_int.h"

static void ld_span(const struct ld_elf *e, struct ld_layout *l) {
  l->lo = UINT64_MAX, l->hi = 0, l->align = LD_PAGE;
  for (size_t i = 0; i < e->phnum; i++) {
    const GElf_Phdr *p = &e->ph[i];
    if (p->p_type != PT_LOAD)
      continue;
    if (ld_page_down(p->p_vaddr) < l->lo)
      l->lo = ld_page_down(p->p_vaddr);
    if (ld_page_up(p->p_vaddr + p->p_memsz) > l->hi)
      l->hi = ld_page_up(p->p_vaddr + p->p_memsz);
    if (p->p_align > l->align && p->p_align <= (1u << 30))
      l->align = p->p_align;
  }
}

/* AT_PHDR as Linux computes it (fs/binfmt_elf.c): where the PT_LOAD that
 * holds the file's bytes at e_phoff maps them; PT_PHDR is not consulted. */
static uint64_t ld_phdr_vaddr(const struct ld_elf *e) {
  for (size_t i = 0; i < e->phnum; i++) {
    const GElf_Phdr *p = &e->ph[i];
    if (p->p_type == PT_LOAD && e->eh.e_phoff >= p->p_offset &&
        e->eh.e_phoff - p->p_offset < p->p_filesz)
      return p->p_vaddr + (e->eh.e_phoff - p->p_offset);
  }
  return 0;
}

/* Linux on arm64 makes the stack executable only when the program's
 * PT_GNU_STACK has PF_X (no PT_GNU_STACK: not executable either). */
static int ld_exec_stack(const struct ld_elf *e) {
  for (size_t i = 0; i < e->phnum; i++)
    if (e->ph[i].p_type == PT_GNU_STACK)
      return (e->ph[i].p_flags & PF_X) != 0;
  return 0;
}

int ld_plan(const struct ld_elf *e, struct ld_layout *l) {
  ld_span(e, l);
  if (l->lo >= l->hi)
    return ld_error(XRUN_EXIT_BADELF,
                    "%s: its loadable segments are all empty; the file is damaged", e->path);
  l->entry = e->eh.e_entry;
  l->phdr = ld_phdr_vaddr(e);
  l->exec_stack = ld_exec_stack(e);
  return 0;
}
