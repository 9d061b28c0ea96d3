/* ld_elf.c - open a guest ELF file and check it before anything is mapped.
 * Every offset and size is checked against the file size here, so the
 * mapping code can trust the headers. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "ld_int.h"

int ld_error(int status, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("xrun: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  return status;
}

static const char *ld_machine_name(unsigned m) {
  static const struct {
    unsigned machine;
    const char *name;
  } names[] = {
      {EM_X86_64, "x86-64"},
      {EM_386, "i386"},
      {EM_ARM, "32-bit arm"},
      {EM_AARCH64, "aarch64"},
      {EM_RISCV, "riscv"},
      {EM_PPC64, "ppc64"},
      {EM_PPC, "ppc"},
      {EM_S390, "s390"},
      {EM_MIPS, "mips"},
      {EM_SPARCV9, "sparc64"},
      {EM_LOONGARCH, "loongarch"},
  };
  for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
    if (names[i].machine == m)
      return names[i].name;
  return NULL;
}

static int ld_open_file(struct ld_elf *e, const char *path, int fd) {
  struct stat st;
  e->fd = fd >= 0 ? fd : open(path, O_RDONLY | O_CLOEXEC);
  if (fd >= 0)
    fcntl(fd, F_SETFD, FD_CLOEXEC);
  if (e->fd < 0 && (errno == ENOENT || errno == ENOTDIR))
    return ld_error(XRUN_EXIT_NOFILE, "%s: no such file; check the program's path", path);
  if (e->fd < 0)
    return ld_error(XRUN_EXIT_NOFILE, "%s: cannot open: %s; check the file and its permissions",
                    path, strerror(errno));
  if (fstat(e->fd, &st) < 0)
    return ld_error(XRUN_EXIT_BADELF, "%s: cannot stat: %s", path, strerror(errno));
  if (S_ISDIR(st.st_mode))
    return ld_error(XRUN_EXIT_BADELF, "%s: is a directory; give the path of an %s program", path,
                    xrun_guest_names("or"));
  if (!S_ISREG(st.st_mode))
    return ld_error(XRUN_EXIT_BADELF, "%s: not a regular file; give the path of an %s program",
                    path, xrun_guest_names("or"));
  e->size = (uint64_t)st.st_size;
  return 0;
}

/* Checks on the raw identification bytes, before libelf sees the file. */
static int ld_check_ident(const struct ld_elf *e, const struct guest *g) {
  unsigned char id[20] = {0};
  ssize_t n = pread(e->fd, id, sizeof(id), 0);
  if (n >= 2 && id[0] == '#' && id[1] == '!')
    return ld_error(XRUN_EXIT_BADELF,
                    "%s: a #! script, not an ELF program; run its interpreter under xrun", e->path);
  if (n < 4 || memcmp(id, ELFMAG, SELFMAG))
    return ld_error(XRUN_EXIT_BADELF, "%s: not an ELF file; xrun runs %s ELF programs", e->path,
                    xrun_guest_names("and"));
  if (n < (ssize_t)sizeof(id))
    return ld_error(XRUN_EXIT_BADELF, "%s: truncated ELF file; rebuild or re-download it", e->path);
  unsigned machine = id[EI_DATA] == ELFDATA2MSB ? (id[18] << 8 | id[19]) : (id[19] << 8 | id[18]);
  const char *name = ld_machine_name(machine);
  if (machine != g->elf_machine && name)
    return ld_error(XRUN_EXIT_BADELF, "%s: ELF for %s; xrun runs %s programs", e->path, name,
                    xrun_guest_names("and"));
  if (machine != g->elf_machine)
    return ld_error(XRUN_EXIT_BADELF, "%s: ELF for machine %u; xrun runs %s programs", e->path,
                    machine, xrun_guest_names("and"));
  if (id[EI_CLASS] != ELFCLASS64)
    return ld_error(XRUN_EXIT_BADELF, "%s: 32-bit ELF, not 64-bit %s; xrun runs 64-bit programs",
                    e->path, g->name);
  if (id[EI_DATA] != ELFDATA2LSB)
    return ld_error(XRUN_EXIT_BADELF, "%s: big-endian ELF; xrun runs little-endian %s programs",
                    e->path, g->name);
  if (e->size < sizeof(Elf64_Ehdr))
    return ld_error(XRUN_EXIT_BADELF, "%s: truncated ELF file; rebuild or re-download it", e->path);
  return 0;
}

static int ld_check_ehdr(const struct ld_elf *e) {
  const GElf_Ehdr *h = &e->eh;
  if (h->e_type == ET_REL)
    return ld_error(XRUN_EXIT_BADELF, "%s: an object file (ET_REL), not a program; link it first",
                    e->path);
  if (h->e_type != ET_EXEC && h->e_type != ET_DYN)
    return ld_error(XRUN_EXIT_BADELF, "%s: ELF type %u is not a program; give an executable",
                    e->path, h->e_type);
  /* libelf clamps its count to what the file holds; the header says what should be there. */
  size_t phnum = h->e_phnum == PN_XNUM ? e->phnum : h->e_phnum;
  if (h->e_phentsize != sizeof(Elf64_Phdr) || phnum == 0 || phnum > LD_MAX_PHDRS)
    return ld_error(XRUN_EXIT_BADELF, "%s: bad program header table; the file is damaged", e->path);
  if (h->e_phoff > e->size || phnum * sizeof(Elf64_Phdr) > e->size - h->e_phoff ||
      e->phnum != phnum)
    return ld_error(XRUN_EXIT_BADELF, "%s: truncated ELF file; rebuild or re-download it", e->path);
  return 0;
}

static int ld_range_ok(uint64_t off, uint64_t len, uint64_t size) {
  return off <= size && len <= size - off;
}

static int ld_check_load(const struct ld_elf *e, const GElf_Phdr *p) {
  if (!ld_range_ok(p->p_offset, p->p_filesz, e->size))
    return ld_error(XRUN_EXIT_BADELF,
                    "%s: truncated ELF file (a segment runs past its end); "
                    "rebuild or re-download it",
                    e->path);
  if (p->p_filesz > p->p_memsz || p->p_memsz > LD_VA_LIMIT || p->p_vaddr >= LD_VA_LIMIT ||
      p->p_vaddr + p->p_memsz > LD_VA_LIMIT || (p->p_align & (p->p_align - 1)))
    return ld_error(XRUN_EXIT_BADELF, "%s: bad PT_LOAD segment at 0x%llx; the file is damaged",
                    e->path, (unsigned long long)p->p_vaddr);
  return 0;
}

static int ld_read_interp(struct ld_elf *e, const GElf_Phdr *p) {
  if (!ld_range_ok(p->p_offset, p->p_filesz, e->size))
    return ld_error(XRUN_EXIT_BADELF, "%s: truncated ELF file; rebuild or re-download it", e->path);
  if (p->p_filesz < 2 || p->p_filesz > sizeof(e->interp) ||
      pread(e->fd, e->interp, p->p_filesz, (off_t)p->p_offset) != (ssize_t)p->p_filesz ||
      e->interp[p->p_filesz - 1] != '\0' || e->interp[0] != '/')
    return ld_error(XRUN_EXIT_BADELF, "%s: bad PT_INTERP; the file is damaged", e->path);
  return 0;
}

static int ld_read_phdrs(struct ld_elf *e) {
  int nload = 0, st = 0;
  for (size_t i = 0; i < e->phnum && !st; i++) {
    GElf_Phdr *p = &e->ph[i];
    if (!gelf_getphdr(e->elf, (int)i, p))
      return ld_error(XRUN_EXIT_BADELF, "%s: unreadable program header: %s", e->path,
                      elf_errmsg(-1));
    if (p->p_type == PT_LOAD) {
      nload++;
      st = ld_check_load(e, p);
    } else if (p->p_type == PT_INTERP && !e->interp[0]) {
      st = ld_read_interp(e, p);
    }
  }
  if (!st && !nload)
    return ld_error(XRUN_EXIT_BADELF, "%s: no loadable segment; the file is not a program",
                    e->path);
  return st;
}

int ld_elf_open(struct ld_elf *e, const char *path, int fd, const struct guest *g) {
  memset(e, 0, offsetof(struct ld_elf, ph));
  e->interp[0] = '\0';
  e->fd = -1;
  e->path = path;
  int st = ld_open_file(e, path, fd);
  if (!st)
    st = ld_check_ident(e, g);
  if (st)
    return st;
  elf_version(EV_CURRENT);
  e->elf = elf_begin(e->fd, ELF_C_READ_MMAP, NULL);
  if (!e->elf || elf_kind(e->elf) != ELF_K_ELF || !gelf_getehdr(e->elf, &e->eh) ||
      elf_getphdrnum(e->elf, &e->phnum))
    return ld_error(XRUN_EXIT_BADELF, "%s: unreadable ELF header (%s); the file is damaged", path,
                    elf_errmsg(-1));
  st = ld_check_ehdr(e);
  if (!st)
    st = ld_read_phdrs(e);
  return st;
}

void ld_elf_close(struct ld_elf *e) {
  if (e->elf)
    elf_end(e->elf);
  if (e->fd >= 0)
    close(e->fd);
  e->elf = NULL;
  e->fd = -1;
}
