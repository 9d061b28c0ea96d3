/* gdb_sig.c - Linux signal numbers (the guest's, the generic ones arm64 and
 * riscv64 share) to gdb's own numbering (gdb's include/gdb/signals.def), in
 * which the remote protocol's stop replies and C/S packets speak. */
#include <signal.h>
#include "gdb_int.h"

enum { GDB_SIG_UNKNOWN = 143, GDB_SIG_RT33 = 45, GDB_SIG_RT32 = 77, GDB_SIG_RT64 = 78 };

/* gdb's number of Linux signals 1..31 (0: gdb has none) */
static const unsigned char gdb_sig_table[32] = {
    [SIGHUP] = 1,   [SIGINT] = 2,    [SIGQUIT] = 3,  [SIGILL] = 4,   [SIGTRAP] = 5,
    [SIGABRT] = 6,  [SIGBUS] = 10,   [SIGFPE] = 8,   [SIGKILL] = 9,  [SIGUSR1] = 30,
    [SIGSEGV] = 11, [SIGUSR2] = 31,  [SIGPIPE] = 13, [SIGALRM] = 14, [SIGTERM] = 15,
    [SIGCHLD] = 20, [SIGCONT] = 19,  [SIGSTOP] = 17, [SIGTSTP] = 18, [SIGTTIN] = 21,
    [SIGTTOU] = 22, [SIGURG] = 16,   [SIGXCPU] = 24, [SIGXFSZ] = 25, [SIGVTALRM] = 26,
    [SIGPROF] = 27, [SIGWINCH] = 28, [SIGIO] = 23,   [SIGPWR] = 32,  [SIGSYS] = 12,
};

int gdb_sig_from_host(int sig) {
  if (sig > 0 && sig < 32)
    return gdb_sig_table[sig] ? gdb_sig_table[sig] : GDB_SIG_UNKNOWN;
  if (sig == 32)
    return GDB_SIG_RT32;
  if (sig >= 33 && sig <= 63)
    return GDB_SIG_RT33 + sig - 33;
  return sig == 64 ? GDB_SIG_RT64 : GDB_SIG_UNKNOWN;
}

int gdb_sig_to_host(int gsig) {
  for (int sig = 1; sig <= 64; sig++)
    if (gdb_sig_from_host(sig) == gsig)
      return sig;
  return 0;
}
