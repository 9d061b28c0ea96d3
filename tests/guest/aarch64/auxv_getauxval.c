/* auxv_getauxval.c - the auxiliary vector through getauxval: AT_PAGESZ is
 * 4096, AT_HWCAP nonzero, AT_RANDOM points at 16 readable bytes that are not
 * all zero, AT_PHDR/AT_PHNUM describe a program header table with a PT_LOAD,
 * AT_ENTRY is the program entry, AT_EXECFN names the program, the ids match
 * getuid(), and sysconf agrees. Only stable facts are printed. */
#include <elf.h>
#include <link.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

extern void _start(void);

int main(int argc, char **argv) {
  (void)argc;
  printf("AT_PAGESZ %lu\n", getauxval(AT_PAGESZ));
  printf("sysconf pagesize %ld\n", sysconf(_SC_PAGESIZE));
  printf("AT_HWCAP nonzero %d\n", getauxval(AT_HWCAP) != 0);
  const unsigned char *r = (const unsigned char *)getauxval(AT_RANDOM);
  int nz = 0;
  if (r)
    for (int i = 0; i < 16; i++)
      nz |= r[i];
  printf("AT_RANDOM present %d nonzero %d\n", r != NULL, nz != 0);
  const ElfW(Phdr) *ph = (const ElfW(Phdr) *)getauxval(AT_PHDR);
  unsigned long phnum = getauxval(AT_PHNUM);
  int loads = 0;
  for (unsigned long i = 0; ph && i < phnum; i++)
    loads += ph[i].p_type == PT_LOAD;
  printf("AT_PHDR present %d, PT_LOAD segments >= 1: %d, AT_PHENT %lu\n", ph != NULL, loads >= 1,
         getauxval(AT_PHENT));
  printf("AT_ENTRY is _start: %d\n", getauxval(AT_ENTRY) == (unsigned long)&_start);
  printf("AT_UID matches %d, AT_EUID %d, AT_GID %d, AT_EGID %d\n", getauxval(AT_UID) == getuid(),
         getauxval(AT_EUID) == geteuid(), getauxval(AT_GID) == getgid(),
         getauxval(AT_EGID) == getegid());
  printf("AT_SECURE %lu\n", getauxval(AT_SECURE));
  printf("AT_CLKTCK %lu sysconf %ld\n", getauxval(AT_CLKTCK), sysconf(_SC_CLK_TCK));
  const char *fn = (const char *)getauxval(AT_EXECFN);
  printf("AT_EXECFN matches argv[0]: %d\n", fn && !strcmp(fn, argv[0]));
  return 0;
}
