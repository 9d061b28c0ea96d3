/* sys_proc.c - the process and the machine as the guest sees them: exit,
 * uname, the robust futex list. */
#define _GNU_SOURCE
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "sys_int.h"
#include "../gdb/gdb.h"
#include "../tcache/tcache.h"

/* Ends the calling thread; the run loop sees c->exiting. */
int64_t sys_exit(const struct sys_call *s) {
  s->cpu->exit_status = (int)(s->a[0] & 0xff);
  s->cpu->exiting = true;
  return 0;
}

int64_t sys_exit_group(const struct sys_call *s) {
  sys_vfork_exit(); /* a vfork child's parent takes back its stack first */
  gdb_exit(s->cpu, (int)(s->a[0] & 0xff), 0);
  tc_diag_exit_group();
  _exit((int)(s->a[0] & 0xff));
}

/* The host's names and release, on the guest's machine. */
int64_t sys_uname(const struct sys_call *s) {
  struct utsname u;
  if (uname(&u))
    return -errno;
  const char *machine = s->cpu->guest ? s->cpu->guest->name : "aarch64";
  memset(u.machine, 0, sizeof(u.machine));
  strncpy(u.machine, machine, sizeof(u.machine) - 1);
  return sys_copy_out(s->a[0], &u, sizeof(u));
}

/* Recorded, not handed to the host: the host thread's own list stays
 * glibc's. The kernel would walk it at thread exit; clone will do that. */
static __thread uint64_t sys_robust_head, sys_robust_len;

int64_t sys_set_robust_list(const struct sys_call *s) {
  if (s->a[1] != 24) /* sizeof(struct robust_list_head) on 64-bit */
    return -EINVAL;
  sys_robust_head = s->a[0];
  sys_robust_len = s->a[1];
  return 0;
}

/* An exec: the new program has no list. */
void sys_robust_forget(void) {
  sys_robust_head = sys_robust_len = 0;
}

int64_t sys_get_robust_list(const struct sys_call *s) {
  if (s->a[0] && (pid_t)s->a[0] != gettid()) { /* another task's list is xrun's, not shown */
    uint64_t head, len;
    long r = syscall(SYS_get_robust_list, (int)s->a[0], &head, &len);
    return r < 0 && errno == ESRCH ? -ESRCH : -EPERM;
  }
  if (sys_copy_out(s->a[1], &sys_robust_head, 8) || sys_copy_out(s->a[2], &sys_robust_len, 8))
    return -EFAULT;
  return 0;
}
