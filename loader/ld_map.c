/* ld_map.c - map the PT_LOAD segments of a checked ELF at their guest
 * addresses (guest VA == host VA). The whole span is reserved first, with
 * MAP_FIXED_NOREPLACE so nothing of xrun's is ever replaced, then each
 * segment is mapped inside the reservation. */
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "ld_int.h"

/* Executable segments stay readable: the translator reads the code. */
static int ld_prot(uint32_t flags) {
  int prot = 0;
  if (flags & PF_R)
    prot |= PROT_READ;
  if (flags & PF_W)
    prot |= PROT_WRITE;
  if (flags & PF_X)
    prot |= PROT_EXEC | PROT_READ;
  return prot;
}

/* Why the kernel would not give the program its addresses, for the one line. */
static const char *ld_map_why(int err) {
  switch (err) {
  case EEXIST: return "the range overlaps memory already in use by xrun itself";
  case EPERM:
  case EACCES: return "the range starts below the lowest address allowed (vm.mmap_min_addr)";
  case ENOMEM: return "the system cannot give it that much address space";
  case 0: return "the file ended early";
  default: return strerror(err);
  }
}

/* A well-formed program xrun cannot place: the program's problem, not xrun's. */
static int ld_taken(const struct ld_elf *e, uint64_t lo, uint64_t hi) {
  return ld_error(XRUN_EXIT_BADELF, "%s: cannot load the program at 0x%llx-0x%llx: %s", e->path,
                  (unsigned long long)lo, (unsigned long long)hi, ld_map_why(errno));
}

void (*ld_on_segment)(uint64_t start, uint64_t len, int exec);
void (*ld_on_file)(int fd, uint64_t start, uint64_t len, uint64_t offset, bool writable);
void (*ld_on_map)(uint64_t start, uint64_t len);

/* ET_EXEC: reserve exactly [lo, hi). */
static int ld_reserve_fixed(const struct ld_elf *e, uint64_t lo, uint64_t hi) {
  void *want = (void *)(uintptr_t)lo;
  void *got =
      mmap(want, hi - lo, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  if (got == MAP_FAILED)
    return ld_taken(e, lo, hi);
  if (got != want) { /* a kernel older than 4.17 took the flag as a hint */
    munmap(got, hi - lo);
    errno = EEXIST;
    return ld_taken(e, lo, hi);
  }
  if (ld_on_map)
    ld_on_map(lo, hi - lo);
  return 0;
}

/* ET_DYN: reserve hi - lo bytes aligned to align, near hint; returns the base. */
static int ld_reserve_any(const struct ld_elf *e, uint64_t hint, uint64_t len, uint64_t align,
                          uint64_t *base) {
  uint64_t total = len + align;
  uint8_t *p = mmap((void *)(uintptr_t)hint, total, PROT_NONE,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED)
    return ld_error(XRUN_EXIT_BADELF, "%s: no room for the program's %llu bytes: %s", e->path,
                    (unsigned long long)len, ld_map_why(errno));
  uint64_t start = (uintptr_t)p, aligned = (start + align - 1) & ~(align - 1);
  if (aligned > start)
    munmap(p, aligned - start);
  if (start + total > aligned + len)
    munmap((void *)(uintptr_t)(aligned + len), start + total - aligned - len);
  *base = aligned;
  if (ld_on_map)
    ld_on_map(aligned, len);
  return 0;
}

/* File bytes: mapped from the file when the offsets agree modulo the page,
 * copied otherwise. Mapped writable here; ld_map_segment sets the final prot. */
static int ld_map_file(const struct ld_elf *e, const GElf_Phdr *p, uint64_t va) {
  errno = 0;
  uint64_t start = ld_page_down(va), len = ld_page_up(va + p->p_filesz) - start;
  int prot = PROT_READ | PROT_WRITE, flags = MAP_PRIVATE | MAP_FIXED;
  void *at = (void *)(uintptr_t)start;
  if ((va - p->p_offset) % LD_PAGE == 0)
    return mmap(at, len, prot, flags, e->fd, (off_t)(p->p_offset - (va - start))) == MAP_FAILED;
  if (mmap(at, len, prot, flags | MAP_ANONYMOUS, -1, 0) == MAP_FAILED)
    return 1;
  for (uint64_t done = 0; done < p->p_filesz;) {
    ssize_t n =
        pread(e->fd, (char *)(uintptr_t)va + done, p->p_filesz - done, (off_t)(p->p_offset + done));
    if (n <= 0)
      return 1;
    done += (uint64_t)n;
  }
  return 0;
}

static int ld_map_segment(const struct ld_elf *e, const GElf_Phdr *p, uint64_t bias) {
  uint64_t va = p->p_vaddr + bias, file_end = va + p->p_filesz, mem_end = va + p->p_memsz;
  uint64_t anon = p->p_filesz ? ld_page_up(file_end) : ld_page_down(va);
  int prot = ld_prot(p->p_flags);
  if (p->p_filesz && ld_map_file(e, p, va))
    goto fail;
  if (p->p_filesz && mem_end > file_end) /* bss that shares the last file page */
    memset((void *)(uintptr_t)file_end, 0, ld_page_up(file_end) - file_end);
  if (p->p_filesz && mprotect((void *)(uintptr_t)ld_page_down(va), anon - ld_page_down(va), prot))
    goto fail;
  if (ld_page_up(mem_end) > anon &&
      mmap((void *)(uintptr_t)anon, ld_page_up(mem_end) - anon, prot,
           MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED)
    goto fail;
  if (ld_on_segment)
    ld_on_segment(ld_page_down(va), ld_page_up(mem_end) - ld_page_down(va), prot & PROT_EXEC);
  if (ld_on_file && p->p_filesz && (prot & PROT_EXEC))
    ld_on_file(e->fd, va, p->p_filesz, p->p_offset, prot & PROT_WRITE);
  return 0;
fail:
  return ld_error(XRUN_EXIT_BADELF, "%s: cannot map the segment at 0x%llx: %s", e->path,
                  (unsigned long long)va, ld_map_why(errno));
}

int ld_map(const struct ld_elf *e, const struct ld_layout *l, uint64_t hint, struct ld_mapped *m) {
  uint64_t base = 0;
  int st = e->eh.e_type == ET_EXEC ? ld_reserve_fixed(e, l->lo, l->hi)
                                   : ld_reserve_any(e, hint, l->hi - l->lo, l->align, &base);
  if (st)
    return st;
  m->bias = e->eh.e_type == ET_EXEC ? 0 : base - l->lo;
  for (size_t i = 0; i < e->phnum && !st; i++)
    if (e->ph[i].p_type == PT_LOAD)
      st = ld_map_segment(e, &e->ph[i], m->bias);
  m->end = l->hi + m->bias;
  m->entry = l->entry + m->bias;
  m->phdr = l->phdr + m->bias;
  return st;
}
