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

/* The fd of a generated file for path, -ENOENT if path is not one, or -errno. */
int64_t sys_open_proc_file(const struct cpu *c, const char *path) {
  if (strcmp(path, "/proc/cpuinfo"))
    return -ENOENT;
  int fd = memfd_create("cpuinfo", MFD_CLOEXEC);
  if (fd < 0)
    return -errno;
  FILE *f = fdopen(dup(fd), "w");
  if (!f) {
    close(fd);
    return -ENOMEM;
  }
  sys_cpuinfo(f, c->guest ? c->guest : &a64_guest);
  fclose(f);
  lseek(fd, 0, SEEK_SET);
  return fd;
}
