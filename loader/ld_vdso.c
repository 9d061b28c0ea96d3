/* ld_vdso.c - the guest's vDSO page, mapped at exec time as Linux maps its
 * vDSO: after the interpreter, where top-down mappings go. It is there
 * before the program runs, so it can never fill a hole the program makes
 * (a page mapped at the first signal could, and the program would then
 * read memory it had unmapped). It holds the code the guest's ABI gives
 * (g->abi->sigreturn_code: the rt_sigreturn trampoline that arm64's
 * __kernel_rt_sigreturn and riscv64's __vdso_rt_sigreturn are), and
 * nothing else: it is no ELF image, so no AT_SYSINFO_EHDR points at it and
 * glibc makes its calls itself. /proc/self/maps names it [vdso]
 * (syscall/sys_proc_files.c), as Linux names the vDSO of both guests.
 *
 * The page is a private mapping of a memfd, as the kernel's is a special
 * mapping: copy-on-write if the program makes it writable and writes it,
 * the same code again after madvise(MADV_DONTNEED), inherited by fork. The
 * program may unmap or replace it, as it may its vDSO on Linux (signal
 * returns then go where it was: syscall/sys_sigframe.c). */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "ld_int.h"

/* A page of code, read-execute, backed by a memfd named LD_VDSO_MEMFD; or
 * an anonymous page where memfds are refused. The memfd's calls go through
 * syscall(), which xrun binds anyway: libc functions called first here
 * would each cost a lazy binding (~800 host instructions) at every start. */
static void *ld_vdso_page(const void *code, size_t bytes) {
  static const int prot = PROT_READ | PROT_EXEC;
  int fd = (int)syscall(SYS_memfd_create, LD_VDSO_MEMFD, MFD_CLOEXEC);
  if (fd >= 0) {
    void *p = MAP_FAILED;
    if (syscall(SYS_pwrite64, fd, code, bytes, (off_t)0) == (long)bytes &&
        syscall(SYS_ftruncate, fd, (off_t)LD_PAGE) == 0)
      p = mmap(NULL, LD_PAGE, prot, MAP_PRIVATE, fd, 0);
    close(fd);
    return p;
  }
  void *p = mmap(NULL, LD_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p != MAP_FAILED) {
    memcpy(p, code, bytes);
    mprotect(p, LD_PAGE, prot);
  }
  return p;
}

int ld_vdso(const struct guest *g, struct ld_image *img) {
  const struct guest_abi *abi = g->abi;
  if (!abi || !abi->sigreturn_code)
    return 0;
  void *p = ld_vdso_page(abi->sigreturn_code, abi->sigreturn_bytes);
  if (p == MAP_FAILED)
    return ld_error(XRUN_EXIT_INTERNAL, "cannot map the guest's vDSO page: %s", strerror(errno));
  img->vdso = (uintptr_t)p;
  if (ld_on_map)
    ld_on_map(img->vdso, LD_PAGE);
  if (ld_on_segment)
    ld_on_segment(img->vdso, LD_PAGE, 1);
  return 0;
}
