/* sys_table.c - sys_syscall: registers in, the handler of the guest's
 * syscall table (struct guest_abi.calls, sys_abi.c), registers out, -strace
 * around it. */
#define _GNU_SOURCE
#include <sys/syscall.h>
#include <string.h>
#include <unistd.h>
#include "sys_int.h"

const struct sys_entry *sys_lookup(const struct guest *g, uint64_t nr) {
  if (nr >= SYS_TABLE_SIZE)
    return NULL;
  const struct sys_entry *e = &g->abi->calls[nr];
  return e->fn ? e : NULL;
}

int64_t sys_pass(const struct sys_call *s) {
  return sys_safe_syscall(&s->cpu->exit_request, s->host_nr, (long)s->a[0], (long)s->a[1],
                          (long)s->a[2], (long)s->a[3], (long)s->a[4], (long)s->a[5]);
}

int64_t sys_enosys(const struct sys_call *s) {
  (void)s;
  return -ENOSYS;
}

/* -d unimpl: a call xrun has no handler for (or one not written yet), and
 * any other call answered ENOSYS, by a handler or by the host kernel. */
static void sys_log_enosys(const struct sys_entry *e, const struct sys_call *s) {
  unsigned long long nr = s->nr;
  if (!e)
    XLOG(LOG_UNIMPL, "xrun: unimplemented system call %llu: ENOSYS", nr);
  else if (e->fn == sys_enosys)
    XLOG(LOG_UNIMPL, "xrun: unimplemented system call %s (%llu): ENOSYS", e->name, nr);
  else
    XLOG(LOG_UNIMPL, "xrun: system call %s (%llu) answered ENOSYS", e->name, nr);
}

int64_t sys_refuse(const char *what, uint64_t op, int64_t err) {
  XLOG(LOG_UNIMPL, "xrun: unimplemented %s 0x%llx: %s", what, (unsigned long long)op,
       strerrorname_np((int)-err));
  return err;
}

static int64_t sys_dispatch(const struct sys_entry *e, struct sys_call *s) {
  if (!e)
    return -ENOSYS;
  s->host_nr = e->host_nr;
  return e->fn(s);
}

const struct guest *sys_guest;

void sys_syscall(struct cpu *c) {
  const struct guest *g = c->guest;
  struct sys_call s = {.cpu = c, .nr = *sys_reg(c, g->sys_nr_off)};
  uint64_t *args = sys_reg(c, g->sys_arg_off);
  for (int i = 0; i < 6; i++)
    s.a[i] = args[i];
  sys_guest = g;
  static bool started;
  sys_sigcpu = c;
  if (__builtin_expect(!started, 0)) { /* before the guest can chdir */
    sys_exe_path();
    sys_signal_init();
    sys_ipc_init();
    started = true;
  }
  const struct sys_entry *e = sys_lookup(g, s.nr);
  char line[512];
  int trace = (xrun_log_mask & LOG_STRACE) != 0;
  if (__builtin_expect(trace, 0)) {
    sys_strace_call(line, sizeof(line), e, &s);
    if (e && (e->kinds[0] == SK_NORET || e->kinds[0] == SK_EXEC))
      xrun_log("%s", line);
  }
  int64_t ret = sys_dispatch(e, &s);
  if (__builtin_expect(ret == -ENOSYS, 0))
    sys_log_enosys(e, &s);
  if (__builtin_expect(trace, 0) && !(e && e->kinds[0] == SK_NORET))
    sys_strace_ret(line, sizeof(line), e, ret);
  if (!e || e->fn != sys_rt_sigreturn) { /* rt_sigreturn restored x0 with the rest */
    args[0] = (uint64_t)ret;
    if (ret == -EINTR || ret == -SYS_ERESTART)
      sys_signal_restart(c, s.nr, s.a[0], ret);
  }
  sys_signal_check(c);
}
