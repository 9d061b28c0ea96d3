/* xrun_log.c - the one logging function behind -d, and fatal errors. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "xrun.h"

unsigned xrun_log_mask;
struct xrun_options xrun_opt = {.max_block_insns = 64, .code_kb = 64 << 10};

const char *xrun_sysroot(const struct guest *g) {
  if (xrun_opt.sysroot && xrun_opt.sysroot[0])
    return xrun_opt.sysroot;
  const char *env = getenv("XRUN_SYSROOT");
  return env && env[0] ? env : g->sysroot;
}

void xrun_log(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
}

_Noreturn void xrun_die(int status, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  exit(status);
}
