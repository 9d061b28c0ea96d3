/* xrun.c - the command line: parse options, load the guest program, run it. */
#include <mimalloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "xrun.h"
#include "loader/loader.h"
#include "syscall/syscall.h"
#include "tcache/tcache.h"

extern char **environ;

static const struct {
  const char *name;
  unsigned mask;
  const char *what;
} log_items[] = {
    {"in_asm", LOG_IN_ASM, "guest instructions of each block translated"},
    {"ir", LOG_IR, "IR of each block as decoded"},
    {"opt", LOG_OPT, "IR of each block after the optimization passes"},
    {"out_asm", LOG_OUT_ASM, "host code produced for each block"},
    {"exec", LOG_EXEC, "each block as it runs, and guest signals"},
    {"unimpl", LOG_UNIMPL, "guest instructions that are not implemented (they raise SIGILL)"},
    {"strace", LOG_STRACE, "every system call, its arguments and its result"},
};

static void usage(FILE *f) {
  fprintf(f,
          "usage: xrun [options] PROGRAM [ARGS...]\n"
          "Run a Linux aarch64 program on this x86-64 machine, as it would run on its own.\n"
          "\n"
          "Options:\n"
          "  -L DIR       the guest's sysroot, for its dynamic linker and libraries\n"
          "               (default: $XRUN_SYSROOT, else /usr/aarch64-linux-gnu)\n"
          "  -0 ARG       give the program ARG as argv[0]\n"
          "  -d ITEMS     log to stderr; ITEMS is a comma-separated list of:\n"
          "               in_asm, ir, opt, out_asm, exec, unimpl, strace (-d help explains)\n"
          "  -strace      log every system call (same as -d strace)\n"
          "  -tb-size MB  size of the translated-code buffer in MiB, or KiB as 256K (default 64)\n"
          "  --no-chain   never link translated blocks directly (debugging)\n"
          "  --no-opt     skip the IR optimization passes (debugging)\n"
          "  --interp     run the IR in the reference interpreter instead (debugging, slow)\n"
          "  --no-spec    no speculative fast paths: every FP instruction exact in C (debugging)\n"
          "  --perfmap    name translated code for perf in /tmp/perf-PID.map (or XRUN_PERFMAP=1)\n"
          "  --stats      print translation statistics on stderr at exit (or XRUN_STATS=1)\n"
          "  -h, --help   show this help\n"
          "  --version    show the version\n"
          "\n"
          "Exit status: the program's own; 125 for a usage error, 126 for a file that is not\n"
          "a runnable aarch64 ELF program, 127 when the program is not found.\n");
}

static void log_help(void) {
  printf("-d takes a comma-separated list of:\n");
  for (size_t i = 0; i < sizeof(log_items) / sizeof(log_items[0]); i++)
    printf("  %-8s %s\n", log_items[i].name, log_items[i].what);
  exit(0);
}

static void parse_log(const char *list) {
  char *copy = strdup(list), *save = NULL;
  for (char *w = strtok_r(copy, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
    if (!strcmp(w, "help"))
      log_help();
    size_t i, n = sizeof(log_items) / sizeof(log_items[0]);
    for (i = 0; i < n && strcmp(w, log_items[i].name); i++)
      ;
    if (i == n)
      xrun_die(XRUN_EXIT_USAGE, "xrun: unknown -d item '%s'; 'xrun -d help' lists them", w);
    xrun_log_mask |= log_items[i].mask;
  }
  free(copy);
}

static const char *need_arg(int argc, char **argv, int i) {
  if (i + 1 >= argc)
    xrun_die(XRUN_EXIT_USAGE, "xrun: option %s needs an argument; see 'xrun --help'", argv[i]);
  return argv[i + 1];
}

/* XRUN_PERFMAP=1 and the like: set, and neither empty nor "0". */
static bool env_flag(const char *name) {
  const char *v = getenv(name);
  return v && v[0] && strcmp(v, "0");
}

/* Returns the index of the program name in argv. */
static int parse_options(int argc, char **argv) {
  int i;
  xrun_opt.perfmap = env_flag("XRUN_PERFMAP");
  xrun_opt.stats = env_flag("XRUN_STATS");
  for (i = 1; i < argc && argv[i][0] == '-'; i++) {
    const char *o = argv[i];
    if (!strcmp(o, "--")) {
      i++;
      break;
    } else if (!strcmp(o, "-h") || !strcmp(o, "--help")) {
      usage(stdout);
      exit(0);
    } else if (!strcmp(o, "--version")) {
      printf("xrun %s (aarch64 guest, x86-64 host)\n", XRUN_VERSION);
      exit(0);
    } else if (!strcmp(o, "-L")) {
      xrun_opt.sysroot = need_arg(argc, argv, i++);
    } else if (!strcmp(o, "-0")) {
      xrun_opt.argv0 = need_arg(argc, argv, i++);
    } else if (!strcmp(o, "-d")) {
      parse_log(need_arg(argc, argv, i++));
    } else if (!strcmp(o, "-strace")) {
      xrun_log_mask |= LOG_STRACE;
    } else if (!strcmp(o, "-tb-size")) {
      const char *v = need_arg(argc, argv, i++);
      char *end;
      unsigned long kb = strtoul(v, &end, 10) * 1024;
      if (*end == 'K' || *end == 'k')
        kb /= 1024, end++;
      if (*end || kb < 64 || kb > (2048u << 10))
        xrun_die(XRUN_EXIT_USAGE, "xrun: -tb-size takes MiB (or KiB with K), 64K to 2048, not '%s'",
                 v);
      xrun_opt.code_kb = (unsigned)kb;
    } else if (!strcmp(o, "--no-chain")) {
      xrun_opt.no_chain = true;
    } else if (!strcmp(o, "--no-opt")) {
      xrun_opt.no_opt = true;
    } else if (!strcmp(o, "--interp")) {
      xrun_opt.interp = true;
    } else if (!strcmp(o, "--no-spec")) {
      xrun_opt.no_spec = true;
    } else if (!strcmp(o, "--perfmap")) {
      xrun_opt.perfmap = true;
    } else if (!strcmp(o, "--stats")) {
      xrun_opt.stats = true;
    } else {
      xrun_die(XRUN_EXIT_USAGE, "xrun: unknown option '%s'; see 'xrun --help'", o);
    }
  }
  if (i >= argc) {
    fprintf(stderr, "xrun: no program given; usage: xrun [options] PROGRAM [ARGS...]\n");
    exit(XRUN_EXIT_USAGE);
  }
  return i;
}

int main(int argc, char **argv) {
  int first = parse_options(argc, argv);
  const struct guest *g = &a64_guest;
  xrun_opt.exe_path = argv[first];
  char **gargv = argv + first;
  if (xrun_opt.argv0)
    gargv[0] = (char *)xrun_opt.argv0;
  struct ld_image img;
  int status = ld_load(g, xrun_opt.exe_path, argc - first, gargv, environ, &img);
  if (status)
    return status;
  struct cpu *c = mi_zalloc_aligned(g->cpu_size, 64);
  if (!c)
    xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory");
  c->guest = g;
  g->cpu_init(c, img.entry, img.sp);
  sys_set_brk(img.brk_start);
  sys_set_proc_view(img.arg_start, img.arg_end, img.auxv, img.auxv_bytes);
  tc_init(&x64_backend, g);
  tc_run(c);
  return c->exit_status;
}
