/* sys_sigdeliver.c - delivering signals to the guest. */
#define _GNU_SOURCE
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "sys_int.h"

/* The default action of a synchronous signal: end the process with it. */
static _Noreturn void sys_signal_default(int sig)
{
  signal(sig, SIG_DFL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  sigprocmask(SIG_UNBLOCK, &set, NULL);
  raise(sig);
  _exit(128 + sig);
}

void sys_signal_sync(struct cpu *c, int sig, int code, uint64_t addr)
{
  XLOG(LOG_EXEC | LOG_UNIMPL, "guest signal %d (%s) at pc 0x%llx, code %d, addr 0x%llx", sig,
       strsignal(sig), (unsigned long long)c->pc, code, (unsigned long long)addr);
  sys_signal_default(sig);
}

void sys_signal_deliver(struct cpu *c)
{
  (void)c;
}
