/* sys_strace.c - -strace lines in qemu-user's style:
 *   12345 openat(AT_FDCWD,"/etc/passwd",O_RDONLY|O_CLOEXEC) = 3
 *   12345 openat(AT_FDCWD,"/nope",O_RDONLY) = -1 errno=2 (No such file or directory)
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "sys_int.h"

enum { SYS_A64_O_CREATES = 0100 | 020000000 }; /* O_CREAT, __O_TMPFILE */

struct sys_out {
  char *p;
  size_t left;
};

__attribute__((format(printf, 2, 3))) static void sys_put(struct sys_out *o, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(o->p, o->left, fmt, ap);
  va_end(ap);
  if (n < 0)
    return;
  size_t used = (size_t)n < o->left ? (size_t)n : o->left ? o->left - 1 : 0;
  o->p += used;
  o->left -= used;
}

static void sys_put_str(struct sys_out *o, uint64_t guest) {
  char buf[72];
  long n = guest ? sys_copy_str(buf, sizeof(buf), guest) : -EFAULT;
  if (!guest)
    sys_put(o, "NULL");
  else if (n < 0)
    sys_put(o, "0x%llx", (unsigned long long)guest);
  else
    sys_put(o, "\"%.64s\"%s", buf, n > 64 ? "..." : "");
}

static void sys_put_value(struct sys_out *o, enum sys_kind k, uint64_t v) {
  char flags[256];
  switch (k) {
  case SK_DEC: sys_put(o, "%lld", (long long)v); break;
  case SK_UDEC: sys_put(o, "%llu", (unsigned long long)v); break;
  case SK_PTR: v ? sys_put(o, "0x%llx", (unsigned long long)v) : sys_put(o, "NULL"); break;
  case SK_FD: (int)v == -100 ? sys_put(o, "AT_FDCWD") : sys_put(o, "%d", (int)v); break;
  case SK_STR: sys_put_str(o, v); break;
  case SK_OCT:
  case SK_CMODE: sys_put(o, "0%llo", (unsigned long long)v); break;
  case SK_OFLAGS: sys_oflags_str(flags, sizeof(flags), v), sys_put(o, "%s", flags); break;
  default: sys_put(o, "0x%llx", (unsigned long long)v); break;
  }
}

void sys_strace_call(char *line, size_t size, const struct sys_entry *e, const struct sys_call *s) {
  struct sys_out o = {line, size};
  if (e) {
    sys_put(&o, "%d %s(", (int)getpid(), e->name);
    for (int i = 1; i < SYS_MAX_KINDS && e->kinds[i]; i++) {
      if (e->kinds[i] == SK_CMODE && i > 1 && !(s->a[i - 2] & SYS_A64_O_CREATES))
        break;
      sys_put(&o, "%s", i > 1 ? "," : "");
      sys_put_value(&o, e->kinds[i], s->a[i - 1]);
    }
  } else {
    sys_put(&o, "%d Unknown syscall %llu(", (int)getpid(), (unsigned long long)s->nr);
    for (int i = 0; i < 6; i++)
      sys_put(&o, "%s0x%llx", i ? "," : "", (unsigned long long)s->a[i]);
  }
  sys_put(&o, ")");
}

void sys_strace_ret(char *line, size_t size, const struct sys_entry *e, int64_t ret) {
  size_t used = strlen(line);
  struct sys_out o = {line + used, size - used};
  if (ret < 0 && ret >= -4095)
    sys_put(&o, " = -1 errno=%d (%s)", (int)-ret, strerror((int)-ret));
  else if (e && e->kinds[0] == SK_HEX)
    sys_put(&o, " = 0x%llx", (unsigned long long)ret);
  else
    sys_put(&o, " = %lld", (long long)ret);
  xrun_log("%s", line);
}
