/* sys_proc_files.c - /proc files that describe the machine, shown as the
 * guest's machine would show them (the design's "the guest never sees the
 * host"). Each is generated into a memfd when the guest opens it. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "sys_int.h"

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

/* One entry per online host CPU, describing the Neoverse-N1 that MIDR_EL1 reports. */
static void sys_cpuinfo(FILE *f, const struct guest *g) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  for (long i = 0; i < (n > 0 ? n : 1); i++) {
    fprintf(f, "processor\t: %ld\nBogoMIPS\t: 50.00\n", i);
    sys_cpuinfo_features(f, g->hwcap, g->hwcap2);
    fputs("CPU implementer\t: 0x41\nCPU architecture: 8\nCPU variant\t: 0x3\n"
          "CPU part\t: 0xd0c\nCPU revision\t: 1\n\n",
          f);
  }
}

/* What the loader put on the guest stack (sys_set_proc_view). */
static uint64_t sys_arg_start, sys_arg_end;
static uint64_t sys_auxv[128];
static size_t sys_auxv_bytes;

void sys_set_proc_view(uint64_t arg_start, uint64_t arg_end, uint64_t auxv, uint64_t auxv_bytes) {
  sys_arg_start = arg_start;
  sys_arg_end = arg_end;
  sys_auxv_bytes = auxv_bytes < sizeof(sys_auxv) ? auxv_bytes : sizeof(sys_auxv);
  if (sys_copy_in(sys_auxv, auxv, sys_auxv_bytes))
    sys_auxv_bytes = 0;
}

/* cmdline: the argument strings as they are now in guest memory (a program
 * that rewrites them, as setproctitle does, shows the new ones, as on Linux). */
static void sys_cmdline(FILE *f, const struct cpu *c) {
  (void)c;
  char buf[4096];
  for (uint64_t at = sys_arg_start; at < sys_arg_end;) {
    size_t n = sys_arg_end - at < sizeof(buf) ? sys_arg_end - at : sizeof(buf);
    if (sys_copy_in(buf, at, n))
      return;
    fwrite(buf, 1, n, f);
    at += n;
  }
}

/* auxv: the vector the program started with, in the guest's layout. */
static void sys_auxv_file(FILE *f, const struct cpu *c) {
  (void)c;
  fwrite(sys_auxv, 1, sys_auxv_bytes, f);
}

static void sys_cpuinfo_file(FILE *f, const struct cpu *c) {
  sys_cpuinfo(f, c->guest ? c->guest : &a64_guest);
}

/* The generated files: paths under /proc/self/ (or /proc/PID/ of this
 * process) name a file of the process, the others a file of the machine. */
static const struct {
  const char *name;
  int per_process;
  void (*write)(FILE *f, const struct cpu *c);
} sys_proc_files[] = {
    {"/proc/cpuinfo", 0, sys_cpuinfo_file},
    {"cmdline", 1, sys_cmdline},
    {"auxv", 1, sys_auxv_file},
};

/* The name after /proc/self/ or /proc/<our pid>/, or NULL. */
static const char *sys_proc_self_name(const char *path) {
  if (!strncmp(path, "/proc/self/", 11))
    return path + 11;
  char own[32];
  int n = snprintf(own, sizeof(own), "/proc/%d/", (int)getpid());
  return strncmp(path, own, (size_t)n) ? NULL : path + n;
}

/* The fd of a generated file for path, -ENOENT if path is not one, or -errno. */
int64_t sys_open_proc_file(const struct cpu *c, const char *path) {
  const char *self = sys_proc_self_name(path);
  for (size_t i = 0; i < sizeof(sys_proc_files) / sizeof(sys_proc_files[0]); i++) {
    const char *name = sys_proc_files[i].per_process ? self : path;
    if (!name || strcmp(name, sys_proc_files[i].name))
      continue;
    int fd = memfd_create(sys_proc_files[i].per_process ? sys_proc_files[i].name : "cpuinfo",
                          MFD_CLOEXEC);
    if (fd < 0)
      return -errno;
    FILE *f = fdopen(dup(fd), "w");
    if (!f) {
      close(fd);
      return -ENOMEM;
    }
    sys_proc_files[i].write(f, c);
    fclose(f);
    lseek(fd, 0, SEEK_SET);
    return fd;
  }
  return -ENOENT;
}
