/* sys_proc_files.c - /proc files that describe the machine or the process,
 * shown as the guest's machine would show them (the design's "the guest never
 * sees the host"): cpuinfo, and the process's cmdline, auxv, maps, smaps and
 * smaps_rollup (sys_rollup.c). Each is
 * generated into a memfd when the guest opens it. Which file the guest opened
 * is asked of the kernel after the host's open (the fd's canonical path), so
 * every spelling of a path - /proc/thread-self/, task/TID/, "..", a symbolic
 * link, a directory fd - leads to the guest's view. The files of another
 * process that runs this same xrun (a guest's child or parent) are its
 * guest's view too (sys_peer.c); those of any other process, the host's. */
#define _GNU_SOURCE
#include <limits.h>
#include <link.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "../loader/loader.h"
#include "sys_int.h"
#include "../loader/loader.h"
#include "../tcache/tcache.h"

/* Linux's arm64 names for AT_HWCAP bits 0..31 (arch/arm64/kernel/cpuinfo.c). */
static const char *const sys_hwcap_names[32] = {
    "fp",      "asimd", "evtstrm", "aes",   "pmull",    "sha1",   "sha2", "crc32",
    "atomics", "fphp",  "asimdhp", "cpuid", "asimdrdm", "jscvt",  "fcma", "lrcpc",
    "dcpop",   "sha3",  "sm3",     "sm4",   "asimddp",  "sha512", "sve",  "asimdfhm",
    "dit",     "uscat", "ilrcpc",  "flagm", "ssbs",     "sb",     "paca", "pacg"};

/* ... and for AT_HWCAP2 bits 0..8, printed after them. */
static const char *const sys_hwcap2_names[9] = {
    "dcpodp", "sve2", "sveaes", "svepmull", "svebitperm", "svesha3", "svesm4", "flagm2", "frint"};

static void sys_cpuinfo_features(FILE *f, uint64_t hwcap, uint64_t hwcap2) {
  fputs("Features\t:", f);
  for (int i = 0; i < 32; i++)
    if (hwcap & (1ull << i))
      fprintf(f, " %s", sys_hwcap_names[i]);
  for (int i = 0; i < 9; i++)
    if (hwcap2 & (1ull << i))
      fprintf(f, " %s", sys_hwcap2_names[i]);
  fputc('\n', f);
}

/* A RISC-V hart per online host CPU, as arch/riscv/kernel/cpu.c prints it:
 * the isa line names exactly the extensions the guest implements. */
static void sys_cpuinfo_riscv(FILE *f, const struct guest *g, long n) {
  for (long i = 0; i < n; i++)
    fprintf(f,
            "processor\t: %ld\nhart\t\t: %ld\nisa\t\t: %s\nmmu\t\t: sv48\n"
            "mvendorid\t: 0x0\nmarchid\t\t: 0x0\nmimpid\t\t: 0x0\n\n",
            i, i, g->cpuinfo_isa);
}

/* One entry per online host CPU, describing the Neoverse-N1 that MIDR_EL1 reports. */
static void sys_cpuinfo(FILE *f, const struct guest *g) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  if (g->cpuinfo_isa) {
    sys_cpuinfo_riscv(f, g, n > 0 ? n : 1);
    return;
  }
  for (long i = 0; i < (n > 0 ? n : 1); i++) {
    fprintf(f, "processor\t: %ld\nBogoMIPS\t: 50.00\n", i);
    sys_cpuinfo_features(f, g->hwcap, g->hwcap2);
    fputs("CPU implementer\t: 0x41\nCPU architecture: 8\nCPU variant\t: 0x3\n"
          "CPU part\t: 0xd0c\nCPU revision\t: 1\n\n",
          f);
  }
}

/* What the loader put on the guest stack (sys_set_proc_view), published
 * in sys_pub; the argument strings are on the guest's stack. */
void sys_set_proc_view(const struct ld_image *img) {
  uint64_t copy[sizeof(sys_pub.auxv) / 8];
  uint64_t auxv_bytes = img->auxv_bytes < sizeof(copy) ? img->auxv_bytes : sizeof(copy);
  if (sys_copy_in(copy, img->auxv, auxv_bytes))
    auxv_bytes = 0;
  sys_pub_begin();
  sys_pub.stack_at = sys_pub.arg_start = img->arg_start;
  sys_pub.arg_end = img->arg_end;
  sys_pub.env_start = img->env_start;
  sys_pub.env_end = img->env_end;
  memcpy(sys_pub.auxv, copy, auxv_bytes);
  sys_pub.auxv_bytes = auxv_bytes;
  sys_pub_end();
}

/* The guest memory [at, end) of p, as it is now. */
static void sys_guest_bytes(FILE *f, const struct sys_proc *p, uint64_t at, uint64_t end) {
  char buf[4096];
  while (at < end) {
    size_t n = end - at < sizeof(buf) ? end - at : sizeof(buf);
    if (!sys_proc_read_guest(p, buf, at, n))
      return;
    fwrite(buf, 1, n, f);
    at += n;
  }
}

/* cmdline: the argument strings as they are now in guest memory (a program
 * that rewrites them, as setproctitle does, shows the new ones, as on Linux). */
static void sys_cmdline(FILE *f, const struct sys_proc *p) {
  sys_guest_bytes(f, p, p->pub.arg_start, p->pub.arg_end);
}

/* environ: the environment strings the program started with, likewise. */
static void sys_environ(FILE *f, const struct sys_proc *p) {
  sys_guest_bytes(f, p, p->pub.env_start, p->pub.env_end);
}

/* auxv: the vector the program started with, in the guest's layout. */
static void sys_auxv_file(FILE *f, const struct sys_proc *p) {
  size_t n = p->pub.auxv_bytes;
  fwrite(p->pub.auxv, 1, n < sizeof(p->pub.auxv) ? n : sizeof(p->pub.auxv), f);
}

/* The files xrun itself was loaded from: its executable and the host
 * libraries it uses, which the guest's view of its memory leaves out. */
static char sys_own_files[32][PATH_MAX];
static int sys_n_own_files;

static int sys_note_own_file(struct dl_phdr_info *info, size_t size, void *arg) {
  (void)size, (void)arg;
  if (info->dlpi_name[0] && sys_n_own_files < 32 &&
      realpath(info->dlpi_name, sys_own_files[sys_n_own_files]))
    sys_n_own_files++;
  return 0;
}

static void sys_note_own_files(void) {
  ssize_t n = readlink("/proc/self/exe", sys_own_files[0], PATH_MAX - 1);
  sys_n_own_files = n > 0 ? (sys_own_files[0][n] = 0, 1) : 0;
  dl_iterate_phdr(sys_note_own_file, NULL);
}

const char *sys_own_file_at(int i) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, sys_note_own_files);
  return i < sys_n_own_files ? sys_own_files[i] : NULL;
}

static bool sys_own_file(const char *path) {
  const char *own;
  for (int i = 0; (own = sys_own_file_at(i)); i++)
    if (!strcmp(path, own))
      return true;
  return false;
}

/* One host maps line of process p in its guest's view: NULL to leave it
 * out, else the name to show (empty for an anonymous mapping). xrun's files
 * are this process's (a peer runs the same xrun). */
static const char *sys_maps_name(const struct sys_proc *p, uint64_t lo, uint64_t hi,
                                 const char *name) {
  const struct sys_pub *v = &p->pub;
  if (tc_own_view_overlaps(&p->own, lo, hi) || (name[0] == '/' && sys_own_file(name)))
    return NULL;      /* the code buffer; xrun and its libraries */
  if (name[0] == '[') /* the host's stack, heap, vdso, vvar, vsyscall */
    return NULL;
  if (lo == v->vdso && hi == lo + 4096 && !strcmp(name, "/memfd:" LD_VDSO_MEMFD " (deleted)"))
    return "[vdso]"; /* the guest's (ld_vdso.c), wherever mremap took it */
  if (!name[0] && v->stack_at >= lo && v->stack_at < hi)
    return "[stack]";
  if (!name[0] && v->brk_hi > v->brk_lo && lo < v->brk_hi && hi > v->brk_lo)
    return "[heap]"; /* as the kernel names the mapping that holds the break */
  return name;
}

/* One line of the host's maps or smaps: a mapping's first line gives its
 * range and the offset of its name; other smaps lines give 0. */
static int sys_maps_head(const char *line, uint64_t *lo, uint64_t *hi) {
  unsigned long long l, h;
  int name_at = 0;
  if (sscanf(line, "%llx-%llx %*s %*s %*s %*s %n", &l, &h, &name_at) < 2 || !name_at)
    return 0;
  *lo = l, *hi = h;
  return name_at;
}

/* A mapping's first line: the host's, with the guest's name. A name xrun
 * gives ([stack], [heap], [vdso]) is shown as the kernel shows a special
 * mapping's: offset, device and inode 0, and the name padded to column 73
 * (fs/proc/task_mmu.c, show_map_vma). */
static void sys_maps_line(FILE *f, const char *line, int name_at, const char *name) {
  char head[128];
  int range_perms = 0;
  if (name == line + name_at || sscanf(line, "%*s %*s%n", &range_perms) < 0 || !range_perms) {
    fprintf(f, "%.*s%s\n", name_at, line, name);
    return;
  }
  snprintf(head, sizeof(head), "%.*s 00000000 00:00 0 ", range_perms, line);
  fprintf(f, "%-72s %s\n", head, name);
}

/* An anonymous host mapping [lo, hi), whose line is line: the parts that
 * are not xrun's, each on a line of its own (the kernel merges a guest
 * mapping with an adjacent one of xrun's). smaps (!all) shows the first
 * part, which its detail lines then follow. Returns whether one was shown. */
static bool sys_maps_anon(FILE *f, const struct sys_proc *p, const char *line, uint64_t lo,
                          uint64_t hi, bool all) {
  const char *rest = strchr(line, ' ');
  bool shown = false;
  uint64_t at = lo, end;
  while (rest && (at = tc_own_view_gap(&p->own, at, hi, &end)) < hi && (all || !shown)) {
    const char *name = sys_maps_name(p, at, end, "");
    if (name) {
      char part[PATH_MAX + 128];
      int n = snprintf(part, sizeof(part), "%08llx-%08llx%s", (unsigned long long)at,
                       (unsigned long long)end, rest);
      sys_maps_line(f, part, n, *name ? name : part + n);
    }
    shown |= name != NULL;
    at = end;
  }
  return shown;
}

/* Copy the host's maps (smaps) lines of p's guest mappings into f, each
 * mapping's first line with its guest name. */
static void sys_maps_filter(FILE *f, const struct sys_proc *p, const char *file) {
  char host_file[64];
  snprintf(host_file, sizeof(host_file), "%s%s", p->dir, file);
  FILE *in = fopen(host_file, "re");
  char line[PATH_MAX + 128];
  bool keep = false;
  while (in && fgets(line, sizeof(line), in)) {
    uint64_t lo, hi;
    line[strcspn(line, "\n")] = 0;
    int name_at = sys_maps_head(line, &lo, &hi);
    if (!name_at) { /* a detail line of smaps */
      if (keep)
        fprintf(f, "%s\n", line);
      continue;
    }
    if (!line[name_at]) {
      keep = sys_maps_anon(f, p, line, lo, hi, !strstr(file, "smaps"));
      continue;
    }
    const char *name = sys_maps_name(p, lo, hi, line + name_at);
    keep = name != NULL;
    if (keep)
      sys_maps_line(f, line, name_at, name);
  }
  if (in)
    fclose(in);
}

static void sys_maps(FILE *f, const struct sys_proc *p) {
  sys_maps_filter(f, p, "maps");
}

void sys_smaps(FILE *f, const struct sys_proc *p) {
  sys_maps_filter(f, p, "smaps");
}

/* The generated files of a process, named in its procfs directory (the
 * machine's cpuinfo is written by sys_proc_generate). */
static const struct {
  const char *name;
  void (*write)(FILE *f, const struct sys_proc *p);
} sys_proc_files[] = {
    {"cmdline", sys_cmdline}, {"environ", sys_environ}, {"auxv", sys_auxv_file},
    {"maps", sys_maps},       {"smaps", sys_smaps},     {"smaps_rollup", sys_smaps_rollup},
};

/* This process's number in the procfs that paths are of (getpid's may be
 * another namespace's); 0 if unknown. */
static int sys_procfs_pid(void) {
  char own[32];
  ssize_t k = readlink("/proc/self", own, sizeof(own) - 1);
  return k > 0 ? (own[k] = 0, atoi(own)) : 0;
}

/* The number at *s, which is moved past it; -1 if there is none. */
static int sys_proc_number(const char **s) {
  size_t n = strspn(*s, "0123456789");
  int v = n && n < 10 ? atoi(*s) : -1;
  *s += n;
  return v;
}

/* The name under /proc/PID/ or /proc/PID/task/TID/ (as the kernel names an
 * open file: a thread's own directory) that path names, and PID. */
const char *sys_proc_name(const char *path, int *pid) {
  const char *name = path + 6;
  if (strncmp(path, "/proc/", 6) || (*pid = sys_proc_number(&name)) <= 0 || *name++ != '/')
    return path;
  if (!strncmp(name, "task/", 5) && name[5] >= '0' && name[5] <= '9') {
    name += 5;
    if (sys_proc_number(&name) <= 0 || *name++ != '/')
      return path;
  }
  return name;
}

const char *sys_proc_own_name(const char *path) {
  int pid;
  const char *name = sys_proc_name(path, &pid);
  return name != path && pid == sys_procfs_pid() ? name : path;
}

/* A new memfd named name, holding what write puts in it of p (cpuinfo if
 * write is NULL). */
static int64_t sys_proc_write(const char *name, void (*write)(FILE *f, const struct sys_proc *p),
                              const struct sys_proc *p, const struct cpu *c) {
  int fd = memfd_create(name, MFD_CLOEXEC);
  if (fd < 0)
    return -errno;
  FILE *f = fdopen(dup(fd), "w");
  if (!f) {
    close(fd);
    return -ENOMEM;
  }
  if (write)
    write(f, p);
  else
    sys_cpuinfo(f, c->guest);
  fclose(f);
  lseek(fd, 0, SEEK_SET);
  return fd;
}

/* The generated file named by path (canonical), into a new memfd; -ENOENT
 * if none is, or if its process cannot be shown in its guest's view. */
static int64_t sys_proc_generate(const struct cpu *c, const char *path) {
  if (!strcmp(path, "/proc/cpuinfo"))
    return sys_proc_write("cpuinfo", NULL, NULL, c);
  int pid;
  const char *name = sys_proc_name(path, &pid);
  for (size_t i = 0; name != path && i < sizeof(sys_proc_files) / sizeof(sys_proc_files[0]); i++) {
    if (strcmp(name, sys_proc_files[i].name))
      continue;
    struct sys_proc p;
    int64_t fd = -ENOENT;
    if (sys_proc_load(&p, pid == sys_procfs_pid() ? 0 : pid))
      fd = sys_proc_write(name, sys_proc_files[i].write, &p, c);
    sys_proc_free(&p);
    return fd;
  }
  return -ENOENT;
}

/* The device of procfs, found once. */
uint64_t sys_procfs_dev(void) {
  static dev_t dev;
  static int known;
  struct stat st;
  if (!known && !stat("/proc/self", &st))
    dev = st.st_dev, known = 1;
  return dev;
}

int64_t sys_proc_view(const struct cpu *c, int64_t fd) {
  struct stat st;
  char link[64], path[PATH_MAX];
  if (fd < 0 || fstat((int)fd, &st) || st.st_dev != sys_procfs_dev() || !S_ISREG(st.st_mode))
    return fd;
  snprintf(link, sizeof(link), "/proc/self/fd/%d", (int)fd);
  ssize_t n = readlink(link, path, sizeof(path) - 1);
  if (n <= 0)
    return fd;
  path[n] = 0;
  sys_procmem_note(path);
  int64_t gen = sys_proc_generate(c, path);
  if (gen == -ENOENT)
    return fd;
  close((int)fd);
  return gen;
}
