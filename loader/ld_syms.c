/* ld_syms.c - guest function symbols, to name translated code after the
 * guest's own functions (--perfmap).
 *
 * Each ELF file added gives its STT_FUNC symbols (.symtab, else .dynsym),
 * moved by the file's load bias, to one table sorted by address, and its
 * executable range under its base name, for code no symbol covers. Files are
 * added at load time and when the guest maps one executable (its ld.so
 * loading a library), lookups come from translation in any thread: both take
 * ld_syms_lock. Names are copied and never freed.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <mimalloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "ld_int.h"

struct ld_sym {
  uint64_t start, size;
  const char *name;
  int rank; /* among aliases at one address the lowest wins: global, weak, local */
};

struct ld_symfile {
  uint64_t lo, hi; /* its executable segments, biased */
  uint64_t bias;
  const char *path; /* as found, so that each mapping is added once */
  const char *name; /* base name, for code outside every symbol */
};

static pthread_mutex_t ld_syms_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t ld_syms_once = PTHREAD_ONCE_INIT;
static struct ld_sym *ld_syms;
static size_t ld_nsyms, ld_syms_cap;
static struct ld_symfile *ld_files;
static size_t ld_nfiles, ld_files_cap;

/* A fork taken while another thread holds the lock must not leave it held. */
static void ld_syms_lock_take(void) {
  pthread_mutex_lock(&ld_syms_lock);
}
static void ld_syms_lock_drop(void) {
  pthread_mutex_unlock(&ld_syms_lock);
}
static void ld_syms_register_fork(void) {
  pthread_atfork(ld_syms_lock_take, ld_syms_lock_drop, ld_syms_lock_drop);
}

/* Room for one more element in *p; 0, or -1 when memory ran out. */
static int ld_grow(void **p, size_t *cap, size_t n, size_t elem) {
  if (n < *cap)
    return 0;
  size_t ncap = *cap ? *cap * 2 : 256;
  void *q = mi_reallocn(*p, ncap, elem);
  if (!q)
    return -1;
  *p = q;
  *cap = ncap;
  return 0;
}

static void ld_syms_push(uint64_t start, uint64_t size, const char *name, int rank) {
  char *copy = mi_strdup(name);
  if (!copy || ld_grow((void **)&ld_syms, &ld_syms_cap, ld_nsyms, sizeof(*ld_syms)))
    return;
  ld_syms[ld_nsyms++] = (struct ld_sym){start, size, copy, rank};
}

static int ld_sym_cmp(const void *a, const void *b) {
  const struct ld_sym *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->rank - y->rank;
}

/* Sorted by address, one symbol per address. */
static void ld_syms_sort(void) {
  qsort(ld_syms, ld_nsyms, sizeof(*ld_syms), ld_sym_cmp);
  size_t n = 0;
  for (size_t i = 0; i < ld_nsyms; i++)
    if (!n || ld_syms[n - 1].start != ld_syms[i].start)
      ld_syms[n++] = ld_syms[i];
  ld_nsyms = n;
}

/* The symbol table to read: .symtab when the file keeps one, else .dynsym. */
static Elf_Scn *ld_symtab(Elf *elf, GElf_Shdr *sh) {
  Elf_Scn *found = NULL;
  for (Elf_Scn *s = elf_nextscn(elf, NULL); s; s = elf_nextscn(elf, s)) {
    GElf_Shdr h;
    if (!gelf_getshdr(s, &h) || (h.sh_type != SHT_SYMTAB && h.sh_type != SHT_DYNSYM))
      continue;
    if (!found || h.sh_type == SHT_SYMTAB) {
      found = s;
      *sh = h;
    }
  }
  return found;
}

static int ld_sym_rank(const GElf_Sym *s) {
  int bind = GELF_ST_BIND(s->st_info);
  return bind == STB_GLOBAL ? 0 : bind == STB_WEAK ? 1 : 2;
}

static void ld_syms_read(Elf *elf, uint64_t bias) {
  GElf_Shdr sh = {0};
  Elf_Scn *scn = ld_symtab(elf, &sh);
  Elf_Data *d = scn ? elf_getdata(scn, NULL) : NULL;
  if (!d || !sh.sh_entsize)
    return;
  for (size_t i = 0, n = sh.sh_size / sh.sh_entsize; i < n; i++) {
    GElf_Sym s;
    if (!gelf_getsym(d, (int)i, &s))
      break;
    int type = GELF_ST_TYPE(s.st_info);
    if ((type != STT_FUNC && type != STT_GNU_IFUNC) || !s.st_size || s.st_shndx == SHN_UNDEF)
      continue;
    const char *name = elf_strptr(elf, sh.sh_link, s.st_name);
    if (name && name[0])
      ld_syms_push(s.st_value + bias, s.st_size, name, ld_sym_rank(&s));
  }
}

/* The file's executable segments, biased; 0, or -1 when it has none. */
static int ld_exec_range(Elf *elf, uint64_t bias, uint64_t *lo, uint64_t *hi) {
  size_t n;
  GElf_Phdr p;
  *lo = UINT64_MAX;
  *hi = 0;
  if (elf_getphdrnum(elf, &n))
    return -1;
  for (size_t i = 0; i < n; i++) {
    if (!gelf_getphdr(elf, (int)i, &p) || p.p_type != PT_LOAD || !(p.p_flags & PF_X))
      continue;
    if (p.p_vaddr + bias < *lo)
      *lo = p.p_vaddr + bias;
    if (p.p_vaddr + p.p_memsz + bias > *hi)
      *hi = p.p_vaddr + p.p_memsz + bias;
  }
  return *hi ? 0 : -1;
}

static int ld_symfile_known(const char *path, uint64_t bias) {
  for (size_t i = 0; i < ld_nfiles; i++)
    if (ld_files[i].bias == bias && !strcmp(ld_files[i].path, path))
      return 1;
  return 0;
}

/* With ld_syms_lock held. */
static void ld_syms_add(Elf *elf, uint64_t bias, const char *path) {
  struct ld_symfile f = {.bias = bias};
  if (ld_symfile_known(path, bias) || ld_exec_range(elf, bias, &f.lo, &f.hi) ||
      ld_grow((void **)&ld_files, &ld_files_cap, ld_nfiles, sizeof(*ld_files)))
    return;
  const char *slash = strrchr(path, '/');
  f.path = mi_strdup(path);
  f.name = mi_strdup(slash ? slash + 1 : path);
  if (!f.path || !f.name)
    return;
  ld_files[ld_nfiles++] = f;
  ld_syms_read(elf, bias);
  ld_syms_sort();
}

void ld_syms_add_elf(const struct ld_elf *e, uint64_t bias) {
  pthread_once(&ld_syms_once, ld_syms_register_fork);
  pthread_mutex_lock(&ld_syms_lock);
  ld_syms_add(e->elf, bias, e->path);
  pthread_mutex_unlock(&ld_syms_lock);
}

/* The bias that puts the segment at file offset 'offset' at addr; 0, or -1
 * when no PT_LOAD starts at that offset. */
static int ld_mapping_bias(Elf *elf, uint64_t addr, uint64_t offset, uint64_t *bias) {
  size_t n;
  GElf_Phdr p;
  if (elf_getphdrnum(elf, &n))
    return -1;
  for (size_t i = 0; i < n; i++)
    if (gelf_getphdr(elf, (int)i, &p) && p.p_type == PT_LOAD &&
        ld_page_down(p.p_offset) == offset) {
      *bias = addr - ld_page_down(p.p_vaddr);
      return 0;
    }
  return -1;
}

static void ld_syms_add_file(int fd, const char *path, uint64_t addr, uint64_t offset) {
  uint64_t bias;
  elf_version(EV_CURRENT);
  Elf *elf = elf_begin(fd, ELF_C_READ_MMAP, NULL);
  if (elf && elf_kind(elf) == ELF_K_ELF && !ld_mapping_bias(elf, addr, offset, &bias)) {
    pthread_mutex_lock(&ld_syms_lock);
    ld_syms_add(elf, bias, path);
    pthread_mutex_unlock(&ld_syms_lock);
  }
  if (elf)
    elf_end(elf);
}

void ld_syms_add_mapping(int fd, uint64_t addr, uint64_t offset) {
  char link[64], path[PATH_MAX];
  snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, path, sizeof(path) - 1);
  if (n <= 0)
    return;
  path[n] = '\0';
  pthread_once(&ld_syms_once, ld_syms_register_fork);
  int own = open(link, O_RDONLY | O_CLOEXEC); /* our own offset, not the guest's */
  if (own < 0)
    return;
  ld_syms_add_file(own, path, addr, offset);
  close(own);
}

static const struct ld_sym *ld_sym_at(uint64_t pc) {
  size_t lo = 0, hi = ld_nsyms;
  while (lo < hi) { /* first symbol that starts after pc */
    size_t mid = (lo + hi) / 2;
    if (ld_syms[mid].start <= pc)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (!lo)
    return NULL;
  const struct ld_sym *s = &ld_syms[lo - 1];
  return pc < s->start + s->size ? s : NULL;
}

static const struct ld_symfile *ld_symfile_at(uint64_t pc) {
  for (size_t i = ld_nfiles; i-- > 0;)
    if (pc >= ld_files[i].lo && pc < ld_files[i].hi)
      return &ld_files[i];
  return NULL;
}

int ld_sym_name(uint64_t pc, char *buf, size_t size) {
  int r = 0;
  pthread_mutex_lock(&ld_syms_lock);
  const struct ld_sym *s = ld_sym_at(pc);
  const struct ld_symfile *f = s ? NULL : ld_symfile_at(pc);
  if (s && pc == s->start)
    snprintf(buf, size, "%s", s->name);
  else if (s)
    snprintf(buf, size, "%s+0x%llx", s->name, (unsigned long long)(pc - s->start));
  else if (f)
    snprintf(buf, size, "%s+0x%llx", f->name, (unsigned long long)(pc - f->bias));
  else
    r = -1;
  pthread_mutex_unlock(&ld_syms_lock);
  return r;
}
