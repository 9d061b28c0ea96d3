/* sys_int.h - what the syscall layer's files share; not part of its interface. */
#ifndef SYS_INT_H
#define SYS_INT_H

#include <errno.h>
#include <stdint.h>
#include "syscall.h"

/* One call in flight: the guest's arguments, and the host number for sys_pass. */
struct sys_call {
  struct cpu *cpu;
  uint64_t nr;
  long host_nr;
  uint64_t a[6];
};

/* A handler returns the result or a guest -errno. */
typedef int64_t sys_handler(const struct sys_call *s);

/* How -strace shows a value. The first kind of a row is the result's. */
enum sys_kind {
  SK_END = 0, /* no more arguments */
  SK_DEC,     /* signed decimal */
  SK_UDEC,    /* unsigned decimal */
  SK_HEX,     /* 0x... */
  SK_PTR,     /* 0x..., or NULL */
  SK_FD,      /* decimal, AT_FDCWD for -100 */
  SK_STR,     /* a guest string, quoted */
  SK_OCT,     /* 0644 */
  SK_OFLAGS,  /* O_RDONLY|O_CLOEXEC (guest values) */
  SK_CMODE,   /* a creation mode: shown only when the argument before has O_CREAT/O_TMPFILE */
  SK_NORET,   /* result kind of calls that do not return: logged before the call */
};

enum { SYS_MAX_KINDS = 7 };

struct sys_entry {
  const char *name;
  sys_handler *fn;
  long host_nr;
  uint8_t kinds[SYS_MAX_KINDS];
};

#define NOHOST       (-1L)
#define SYS_VA_LIMIT (1ull << 47) /* user addresses on the host stop here */

/* The table, indexed by guest number; NULL when the number is unknown. */
const struct sys_entry *sys_lookup(uint64_t nr);

static inline int64_t sys_ret(long r) {
  return r < 0 ? -(int64_t)errno : r;
}

/* Guest memory through the kernel, so a bad guest pointer is -EFAULT, not a
 * crash of xrun. Both return 0 or -EFAULT. */
int sys_copy_in(void *dst, uint64_t guest_src, size_t n);
int sys_copy_out(uint64_t guest_dst, const void *src, size_t n);
/* A guest string into buf (always terminated); returns its length or -EFAULT. */
long sys_copy_str(char *buf, size_t size, uint64_t guest_src);

/* Open flags, AArch64 <-> host. */
int sys_oflags_to_host(uint64_t guest);
uint64_t sys_oflags_to_guest(int host);
/* Writes the guest open flags as O_RDONLY|O_CLOEXEC...; returns chars written. */
int sys_oflags_str(char *buf, size_t size, uint64_t guest);

/* The host path for a guest path argument: /proc/self/exe is the guest program,
 * and an absolute path that exists in the guest sysroot is taken from there.
 * buf is PATH_MAX bytes. Returns the path to use, NULL with -EFAULT in *err. */
const char *sys_path(uint64_t guest_path, char *buf, int *err);
/* The guest program's absolute path. */
const char *sys_exe_path(void);

void sys_strace_call(char *line, size_t size, const struct sys_entry *e, const struct sys_call *s);
void sys_strace_ret(char *line, size_t size, const struct sys_entry *e, int64_t ret);

/* Every handler named in a64_syscalls.def. */
#define _(nr, name, fn, host, ...) sys_handler fn;
#include "a64_syscalls.def"
#undef _

#endif
