#define _GNU_SOURCE
/* tc_crash.c - the report of a fault inside xrun itself (not in guest code):
 * what happened, where the guest was, and a host backtrace with function
 * names and translated code named by its guest pc; then exit 123.
 *
 *   xrun: internal error: Segmentation fault (address 0x0) at host pc 0x55d0c0ffe123,
 *         guest thread 4711 at guest pc 0x400568; backtrace:
 *   xrun:   #0 0x55d0c0ffe123 sys_foo+0x13
 *   xrun:   #1 0x7f0000001040 translated code of guest pc 0x400560
 *
 * Runs in the fault handler: output is built in a stack buffer and written
 * with write(2). libunwind is opened only now (linked in, it and liblzma
 * would be mapped and relocated at every start); without it the report has
 * the first frame only. */
#define UNW_LOCAL_ONLY
#include <dlfcn.h>
#include <libunwind.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "tc_int.h"

#define TC_CRASH_FRAMES 32

static void tc_crash_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void tc_crash_say(const char *fmt, ...) {
  char line[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(line, sizeof(line) - 1, fmt, ap);
  va_end(ap);
  if (n < 0)
    return;
  if (n > (int)sizeof(line) - 2)
    n = sizeof(line) - 2;
  line[n++] = '\n';
  ssize_t w = write(2, line, n);
  (void)w;
}

/* The first line: the signal, the address, and the guest's state. */
static void tc_crash_head(int sig, const siginfo_t *si, const void *host_pc) {
  const char *name = strsignal(sig);
  char addr[48] = "";
  if (sig == SIGSEGV || sig == SIGBUS)
    snprintf(addr, sizeof(addr), " (address 0x%llx)", (unsigned long long)(uintptr_t)si->si_addr);
  struct cpu *c = tc_current;
  char guest[80] = ", outside any guest thread";
  if (c)
    snprintf(guest, sizeof(guest), ", guest thread %d at guest pc 0x%llx", c->tid,
             (unsigned long long)c->pc);
  tc_crash_say("xrun: internal error: %s%s at host pc %p%s; backtrace:", name ? name : "signal",
               addr, host_pc, guest);
}

/* libunwind's local unwinder, by the names its header maps unw_* to. */
#define TC_STR(x) #x
#define TC_SYM(x) TC_STR(x)
static struct {
  int (*init_local2)(unw_cursor_t *, unw_context_t *, int);
  int (*step)(unw_cursor_t *);
  int (*get_reg)(unw_cursor_t *, unw_regnum_t, unw_word_t *);
  int (*get_proc_name)(unw_cursor_t *, char *, size_t, unw_word_t *);
} tc_unw;

static bool tc_unw_open(void) {
  void *lib = dlopen("libunwind.so.8", RTLD_NOW | RTLD_LOCAL);
  if (!lib)
    return false;
  *(void **)&tc_unw.init_local2 = dlsym(lib, TC_SYM(unw_init_local2));
  *(void **)&tc_unw.step = dlsym(lib, TC_SYM(unw_step));
  *(void **)&tc_unw.get_reg = dlsym(lib, TC_SYM(unw_get_reg));
  *(void **)&tc_unw.get_proc_name = dlsym(lib, TC_SYM(unw_get_proc_name));
  return tc_unw.init_local2 && tc_unw.step && tc_unw.get_reg && tc_unw.get_proc_name;
}

/* One frame: translated code by its guest pc, else the host function. */
static void tc_crash_frame(int i, unw_cursor_t *cur, uint64_t ip) {
  const void *p = (const void *)(uintptr_t)ip;
  if (tc_in_code(p)) {
    struct tc_block *blk = tc_find_host(p);
    if (blk)
      tc_crash_say("xrun:   #%d %p translated code of guest pc 0x%llx", i, p,
                   (unsigned long long)tc_guest_pc_at(blk, p));
    else
      tc_crash_say("xrun:   #%d %p in the code buffer", i, p);
    return;
  }
  char fn[160];
  unw_word_t off;
  if (cur && !tc_unw.get_proc_name(cur, fn, sizeof(fn), &off))
    tc_crash_say("xrun:   #%d %p %s+0x%llx", i, p, fn, (unsigned long long)off);
  else
    tc_crash_say("xrun:   #%d %p", i, p);
}

/* Frames from the faulting instruction outwards (uc is the handler's context). */
static void tc_crash_backtrace(void *uc, const void *host_pc) {
  unw_cursor_t cur;
  if (!tc_unw_open() || tc_unw.init_local2(&cur, (unw_context_t *)uc, UNW_INIT_SIGNAL_FRAME)) {
    tc_crash_frame(0, NULL, (uintptr_t)host_pc);
    return;
  }
  for (int i = 0; i < TC_CRASH_FRAMES; i++) {
    unw_word_t ip;
    if (tc_unw.get_reg(&cur, UNW_REG_IP, &ip) || !ip)
      return;
    tc_crash_frame(i, &cur, ip);
    if (tc_unw.step(&cur) <= 0)
      return;
  }
}

_Noreturn void tc_crash(int sig, const siginfo_t *si, void *uc, const void *host_pc) {
  tc_crash_head(sig, si, host_pc);
  tc_crash_backtrace(uc, host_pc);
  _exit(XRUN_EXIT_INTERNAL);
}
