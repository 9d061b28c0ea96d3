/* xrun.c - the command line: parse options, load the guest program, run it. */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/binfmts.h>
#include <mimalloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/auxv.h>
#include <unistd.h>
#include "xrun.h"
#include "xrun_binfmt.h"
#include "gdb/gdb.h"
#include "loader/loader.h"
#include "syscall/syscall.h"
#include "tcache/tcache.h"

extern char **environ;

static const struct {
  const char *name; /* -cpu NAME */
  const char *what;
} cpu_models[] = {
    {"neoverse-n1", "Arm Neoverse-N1 r3p1: what MIDR_EL1, AT_HWCAP and /proc/cpuinfo describe"},
    {"rv64",
     "RV64GC with the Z extensions xrun implements, V not advertised (the riscv64 default)"},
    {"max", "every feature xrun implements: for aarch64 neoverse-n1's, for riscv64 also V"},
};

static void usage(FILE *f);

static void log_help(void) {
  printf("-d takes a comma-separated list of:\n");
  for (size_t i = 0; i < xrun_n_log_items; i++)
    printf("  %-8s %s\n", xrun_log_items[i].name, xrun_log_items[i].what);
  exit(0);
}

static void opt_log(const char *list) {
  char *copy = strdup(list), *save = NULL;
  for (char *w = strtok_r(copy, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
    if (!strcmp(w, "help"))
      log_help();
    size_t i, n = xrun_n_log_items;
    for (i = 0; i < n && strcmp(w, xrun_log_items[i].name); i++)
      ;
    if (i == n)
      xrun_die(XRUN_EXIT_USAGE, "xrun: unknown -d item '%s'; 'xrun -d help' lists them", w);
    xrun_log_mask |= xrun_log_items[i].mask;
  }
  free(copy);
}

static void opt_cpu(const char *name) {
  size_t i, n = sizeof(cpu_models) / sizeof(cpu_models[0]);
  if (!strcmp(name, "help")) {
    printf("-cpu takes one of:\n");
    for (i = 0; i < n; i++)
      printf("  %-12s %s\n", cpu_models[i].name, cpu_models[i].what);
    exit(0);
  }
  for (i = 0; i < n && strcmp(name, cpu_models[i].name); i++)
    ;
  if (i == n)
    xrun_die(XRUN_EXIT_USAGE, "xrun: unknown CPU '%s'; 'xrun -cpu help' lists them", name);
  xrun_opt.cpu = name;
}

/* g as -cpu presents it. */
static const struct guest *guest_model(const struct guest *g) {
  const struct guest *m = xrun_opt.cpu && g->model ? g->model(xrun_opt.cpu) : NULL;
  return m ? m : g;
}

/* "8M", "512K", "1048576": bytes, or 0 when malformed. */
static uint64_t parse_size(const char *v) {
  char *end;
  uint64_t n = strtoull(v, &end, 10);
  if (end == v)
    return 0;
  if (*end == 'K' || *end == 'k')
    n <<= 10, end++;
  else if (*end == 'M' || *end == 'm')
    n <<= 20, end++;
  else if (*end == 'G' || *end == 'g')
    n <<= 30, end++;
  return *end ? 0 : n;
}

static void opt_stack_size(const char *v) {
  uint64_t n = parse_size(v);
  if (n < (64u << 10) || n > (4ull << 30))
    xrun_die(XRUN_EXIT_USAGE,
             "xrun: -s takes a stack size from 64K to 4G (K, M, G suffixes), not '%s'", v);
  xrun_opt.stack_size = (n + 4095) & ~4095ull;
}

static void opt_tb_size(const char *v) {
  char *end;
  unsigned long kb = strtoul(v, &end, 10) * 1024;
  if (*end == 'K' || *end == 'k')
    kb /= 1024, end++;
  if (*end || kb < 64 || kb > (2048u << 10))
    xrun_die(XRUN_EXIT_USAGE, "xrun: -tb-size takes MiB (or KiB with K), 64K to 2048, not '%s'", v);
  xrun_opt.code_kb = (unsigned)kb;
}

static void opt_tcache_size(const char *v) {
  uint64_t n = parse_size(v);
  if (n && strspn(v, "0123456789") == strlen(v))
    n <<= 20; /* a plain number is MiB, as -tb-size takes it */
  if (n < (64u << 10) || n > (2ull << 30))
    xrun_die(XRUN_EXIT_USAGE,
             "xrun: --tcache-size takes a size from 64K to 2G (K, M, G suffixes), not '%s'", v);
  xrun_opt.code_kb = (unsigned)(n >> 10);
}

static void opt_tier(const char *v) {
  char *end;
  unsigned long n = strtoul(v, &end, 10);
  if (!*v || *end || n < 1 || n > 1000)
    xrun_die(XRUN_EXIT_USAGE, "xrun: --tier takes a number of runs from 1 to 1000, not '%s'", v);
  xrun_opt.tier = (unsigned)n;
}

static void opt_tier_up(const char *v) {
  char *end;
  unsigned long n = strtoul(v, &end, 10);
  if (!*v || *end || n > 1000000)
    xrun_die(XRUN_EXIT_USAGE,
             "xrun: --tier-up takes a number of entries from 0 to 1000000, not '%s'", v);
  xrun_opt.tier_up = (unsigned)n;
}

/* The guest's environment: a copy of ours, edited by -E and -U in order. */
static char **guest_env;
static size_t guest_envc;

static size_t env_find(const char *name, size_t len) {
  size_t i;
  for (i = 0; i < guest_envc; i++)
    if (!strncmp(guest_env[i], name, len) && guest_env[i][len] == '=')
      break;
  return i;
}

static void opt_set_env(const char *assign) {
  const char *eq = strchr(assign, '=');
  if (!eq || eq == assign)
    xrun_die(XRUN_EXIT_USAGE, "xrun: -E takes VAR=VALUE, not '%s'", assign);
  size_t i = env_find(assign, (size_t)(eq - assign));
  if (i == guest_envc) {
    guest_env = realloc(guest_env, (guest_envc + 2) * sizeof(char *));
    if (!guest_env)
      xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory");
    guest_env[++guest_envc] = NULL;
  }
  guest_env[i] = strdup(assign);
}

static void opt_unset_env(const char *name) {
  if (!name[0] || strchr(name, '='))
    xrun_die(XRUN_EXIT_USAGE, "xrun: -U takes a variable name, not '%s'", name);
  size_t i = env_find(name, strlen(name));
  if (i == guest_envc)
    return;
  memmove(guest_env + i, guest_env + i + 1, (guest_envc - i) * sizeof(char *));
  guest_envc--;
}

static void env_init(void) {
  while (environ[guest_envc])
    guest_envc++;
  guest_env = malloc((guest_envc + 1) * sizeof(char *));
  if (!guest_env)
    xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory");
  memcpy(guest_env, environ, (guest_envc + 1) * sizeof(char *));
}

static void opt_log_file(const char *path) {
  xrun_opt.log_path = path;
  if (xrun_log_open(path))
    xrun_die(XRUN_EXIT_USAGE, "xrun: -D %s: cannot open the log file: %s", path, strerror(errno));
}

/* --log-append (what an exec'd xrun is given before -D): the log of the
 * process before the execve goes on in the same file. */
static void opt_log_append(const char *unused) {
  (void)unused;
  xrun_opt.log_append = true;
}

static void opt_help(const char *unused) {
  (void)unused;
  usage(stdout);
  exit(0);
}

static void opt_version(const char *unused) {
  (void)unused;
  printf("xrun %s (%s guests, x86-64 host)\n", XRUN_VERSION, xrun_guest_names("and"));
  exit(0);
}

static void opt_sysroot(const char *v) {
  xrun_opt.sysroot = v;
}
static void opt_argv0(const char *v) {
  xrun_opt.argv0 = v;
}
static void opt_strace(const char *unused) {
  (void)unused, xrun_log_mask |= LOG_STRACE;
}
static void opt_one_insn(const char *unused) {
  (void)unused, xrun_opt.max_block_insns = 1;
}
static void opt_no_chain(const char *unused) {
  (void)unused, xrun_opt.no_chain = true;
}
static void opt_no_ras(const char *unused) {
  (void)unused, xrun_opt.no_ras = true;
}
static void opt_no_smc(const char *unused) {
  (void)unused, xrun_opt.no_smc = true;
}
static void opt_no_opt(const char *unused) {
  (void)unused, xrun_opt.no_opt = true;
}
static void opt_interp(const char *unused) {
  (void)unused, xrun_opt.interp = true;
}
static void opt_no_spec(const char *unused) {
  (void)unused, xrun_opt.no_spec = true;
}
static void opt_perfmap(const char *unused) {
  (void)unused, xrun_opt.perfmap = true;
}
static void opt_stats(const char *unused) {
  (void)unused, xrun_opt.stats = true;
}
static void opt_no_cache(const char *unused) {
  (void)unused, xrun_opt.no_cache = true;
}
static void opt_reexec(const char *unused) {
  (void)unused, xrun_opt.reexec = true;
}
/* Made absolute: a program run later (execve) may be in another directory. */
static void opt_cache_dir(const char *v) {
  static char abs[4096];
  char cwd[4000];
  if (!strcmp(v, "off")) {
    xrun_opt.no_cache = true;
  } else if (v[0] != '/' && getcwd(cwd, sizeof(cwd))) {
    snprintf(abs, sizeof(abs), "%s/%s", cwd, v);
    xrun_opt.cache_dir = abs;
  } else {
    xrun_opt.cache_dir = v;
  }
}
static void opt_cache_size(const char *v) {
  uint64_t n = parse_size(v);
  if (n < (1u << 20))
    xrun_die(XRUN_EXIT_USAGE,
             "xrun: --cache-size takes a size of at least 1M (K, M, G suffixes), not '%s'", v);
  xrun_opt.cache_max = n;
}
/* -g PORT: wait for gdb on localhost:PORT (gdb/gdb.h). The guest's own
 * environment loses XRUN_GDB: a program it runs does not wait for gdb too. */
static int gdb_port;
static void opt_gdb(const char *v) {
  char *end;
  long port = strtol(v, &end, 10);
  if (*end || end == v || port < 1 || port > 65535)
    xrun_die(XRUN_EXIT_USAGE, "xrun: -g takes a TCP port from 1 to 65535, not '%s'", v);
  gdb_port = (int)port;
  xrun_opt.no_cache = true; /* saved blocks know nothing of breakpoints */
  opt_unset_env("XRUN_GDB");
}

static void gdb_start(const struct guest *g) {
  if (gdb_port && !g->gdb) /* a guest the stub has no registers for */
    xrun_die(XRUN_EXIT_USAGE, "xrun: -g: the gdb stub does not serve %s programs yet", g->name);
  if (gdb_port && xrun_opt.no_smc)
    xrun_die(XRUN_EXIT_USAGE, "xrun: -g does not go with --no-smc: a breakpoint drops the "
                              "translations of its instruction");
  int e = gdb_port ? gdb_listen(gdb_port) : 0;
  if (e)
    xrun_die(XRUN_EXIT_GDB, "xrun: -g %d: %s", gdb_port, strerror(e));
}

static void opt_cache(const char *v) {
  fflush(stdout);
  exit(tc_cache_command(v));
}

/* Every option: its argument's name (NULL: none), the environment variable
 * that sets it too (a flag: set, not empty and not "0"; a list: comma-separated,
 * the option applied to each item), and its --help line(s). */
static const struct option_def {
  const char *name, *arg, *env;
  void (*set)(const char *arg);
  bool list;
  const char *help;
} options[] = {
    {"-L", "DIR", NULL, opt_sysroot, false,
     "the guest's sysroot, for its dynamic linker and libraries\n"
     "(default: $XRUN_SYSROOT, else $QEMU_LD_PREFIX,\n"
     "else /usr/aarch64-linux-gnu)"},
    {"-0", "ARG", NULL, opt_argv0, false, "give the program ARG as argv[0]"},
    {"-E", "VAR=VAL", "XRUN_SET_ENV", opt_set_env, true,
     "set VAR in the program's environment (repeatable;\n"
     "$XRUN_SET_ENV takes a comma-separated list)"},
    {"-U", "VAR", "XRUN_UNSET_ENV", opt_unset_env, true,
     "remove VAR from the program's environment (repeatable;\n"
     "$XRUN_UNSET_ENV takes a comma-separated list)"},
    {"-s", "SIZE", "XRUN_STACK_SIZE", opt_stack_size, false,
     "size of the program's stack, as 8M or 512K (default 8M)"},
    {"-cpu", "NAME", "XRUN_CPU", opt_cpu, false,
     "the CPU to present: neoverse-n1, rv64 or max (-cpu help)"},
    {"-d", "ITEMS", "XRUN_LOG", opt_log, false,
     "log; ITEMS is a comma-separated list of: in_asm, ir,\n"
     "opt, out_asm, exec, unimpl, strace (-d help explains)"},
    {"-D", "FILE", "XRUN_LOG_FILE", opt_log_file, false,
     "write the -d and -strace log to FILE, not stderr\n"
     "(%d in FILE: the process id)"},
    {"--log-append", NULL, NULL, opt_log_append, false, NULL},
    {"-strace", NULL, "XRUN_STRACE", opt_strace, false,
     "log every system call (same as -d strace)"},
    {"-g", "PORT", "XRUN_GDB", opt_gdb, false,
     "wait for gdb on localhost:PORT before the program's\n"
     "first instruction (gdb-multiarch: target remote :PORT)"},
    {"-one-insn-per-tb", NULL, "XRUN_ONE_INSN_PER_TB", opt_one_insn, false,
     "translate one guest instruction per block (debugging)"},
    {"--tcache-size", "SIZE", "XRUN_TCACHE_SIZE", opt_tcache_size, false,
     "size of the translated-code buffer, as 256K or 64M\n"
     "(default 64M); when it fills, the code written longest ago is dropped"},
    {"-tb-size", "MB", NULL, opt_tb_size, false,
     "the same, as qemu spells it: MiB, or KiB as 256K"},
    {"--tier", "N", "XRUN_TIER", opt_tier, false,
     "where no cache keeps a block (--no-cache, JIT code):\n"
     "interpret it the first N-1 times it runs, translate it\n"
     "the Nth (default 3; 1: translate every block at once);\n"
     "a program's first 1000 blocks (its start-up) wait 4N runs"},
    {"--tier-up", "N", "XRUN_TIER_UP", opt_tier_up, false,
     "where no cache keeps a block: translate it without the IR\n"
     "passes first, and again with them at its Nth entry\n"
     "(default 10000; 0: with the passes at once)"},
    {"--no-chain", NULL, NULL, opt_no_chain, false,
     "never link translated blocks directly (debugging)"},
    {"--no-ras", NULL, NULL, opt_no_ras, false,
     "returns find their code in the jump cache only, not first\n"
     "where their call left it (for measuring; debugging)"},
    {"--no-opt", NULL, NULL, opt_no_opt, false, "skip the IR optimization passes (debugging)"},
    {"--no-smc", NULL, "XRUN_NO_SMC", opt_no_smc, false,
     "never drop translations when guest code changes (IC IVAU,\n"
     "munmap, mprotect): wrong for programs that write or remap\n"
     "code; for measuring what keeping code right costs"},
    {"--interp", NULL, NULL, opt_interp, false,
     "run the IR in the reference interpreter instead\n"
     "(debugging, slow)"},
    {"--no-spec", NULL, NULL, opt_no_spec, false,
     "no speculative fast paths: every FP instruction exact\n"
     "in C (debugging)"},
    {"--perfmap", NULL, "XRUN_PERFMAP", opt_perfmap, false,
     "name translated code for perf in /tmp/perf-PID.map"},
    {"--stats", NULL, "XRUN_STATS", opt_stats, false,
     "print translation statistics on stderr at exit"},
    {"--cache-dir", "DIR", "XRUN_CACHE", opt_cache_dir, false,
     "keep translations for later runs in DIR (default\n"
     "$XDG_CACHE_HOME/xrun, else ~/.cache/xrun; off: none)"},
    {"--no-cache", NULL, "XRUN_NO_CACHE", opt_no_cache, false,
     "neither use nor write saved translations"},
    {"--cache-size", "SIZE", "XRUN_CACHE_SIZE", opt_cache_size, false,
     "bytes the cache directory may hold (default 256M);\n"
     "the least recently used files go first"},
    {"--reexec", NULL, "XRUN_REEXEC", opt_reexec, false,
     "run each program the guest execs in a new xrun process,\n"
     "not in this one (slower; for comparison)"},
    {"--cache", "ACTION", NULL, opt_cache, false,
     "stats: show the cache directory's use; clear: empty it;\n"
     "wait: until translations being written after a program\n"
     "ended are on disk"},
    {"--binfmt", "ACTION", NULL, NULL, false,
     "install [--persistent], uninstall or status: run\n"
     "guest programs by their path through binfmt_misc\n"
     "(the first option; see README)"},
    {"-h", NULL, NULL, opt_help, false, "show this help (also --help)"},
    {"--help", NULL, NULL, opt_help, false, NULL},
    {"--version", NULL, NULL, opt_version, false, "show the version"},
};
enum { N_OPTIONS = sizeof(options) / sizeof(options[0]) };

enum { HELP_COL = 21, HELP_WIDTH = 79 };

static void usage_option(FILE *f, const struct option_def *o) {
  char head[32], env[64] = "";
  snprintf(head, sizeof(head), "%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
  int col = fprintf(f, "  %-*s ", HELP_COL - 3, head);
  for (const char *h = o->help; *h; h++, col++) {
    fputc(*h, f);
    if (*h == '\n')
      col = fprintf(f, "%*s", HELP_COL, "") - 1;
  }
  if (o->env && !o->list)
    snprintf(env, sizeof(env), o->arg ? "(or $%s)" : "(or %s=1)", o->env);
  if (env[0] && col + 1 + (int)strlen(env) > HELP_WIDTH)
    fprintf(f, "\n%*s%s", HELP_COL, "", env);
  else if (env[0])
    fprintf(f, " %s", env);
  fputc('\n', f);
}

static void usage(FILE *f) {
  fprintf(f, "usage: xrun [options] PROGRAM [ARGS...]\n"
             "Run a Linux aarch64 or riscv64 program on this x86-64 machine, as it would run\n"
             "on its own.\n"
             "An x86-64 program is run directly.\n\nOptions:\n");
  for (size_t i = 0; i < N_OPTIONS; i++)
    if (options[i].help)
      usage_option(f, &options[i]);
  fprintf(f,
          "\nExit status: the program's own; 125 for a usage error, 126 for a file that\n"
          "is not a runnable aarch64 or riscv64 ELF program, 127 when the program is not found,\n"
          "123 for an internal error, 122 when -g cannot listen on its port.\n");
}

/* The options set by environment variables, before the command line's. */
static void parse_env_options(void) {
  for (size_t i = 0; i < N_OPTIONS; i++) {
    const struct option_def *o = &options[i];
    const char *v = o->env ? getenv(o->env) : NULL;
    if (!v || !v[0] || (!o->arg && !strcmp(v, "0")))
      continue;
    char *copy = strdup(v), *save = NULL;
    for (char *w = o->list ? strtok_r(copy, ",", &save) : copy; w;
         w = o->list ? strtok_r(NULL, ",", &save) : NULL)
      o->set(w);
  }
}

/* Returns the index of the program name in argv. */
static int parse_options(int argc, char **argv) {
  int i;
  for (i = 1; i < argc && argv[i][0] == '-'; i++) {
    if (!strcmp(argv[i], "--")) {
      i++;
      break;
    }
    const char *eq = !strncmp(argv[i], "--", 2) ? strchr(argv[i], '=') : NULL;
    size_t len = eq ? (size_t)(eq - argv[i]) : strlen(argv[i]), k;
    for (k = 0; k < N_OPTIONS &&
                (strlen(options[k].name) != len || strncmp(argv[i], options[k].name, len));
         k++)
      ;
    if (k == N_OPTIONS || !options[k].set || (eq && !options[k].arg))
      xrun_die(XRUN_EXIT_USAGE, "xrun: unknown option '%s'; see 'xrun --help'", argv[i]);
    if (options[k].arg && !eq && i + 1 >= argc)
      xrun_die(XRUN_EXIT_USAGE, "xrun: option %s needs an argument; see 'xrun --help'", argv[i]);
    options[k].set(!options[k].arg ? NULL : eq ? eq + 1 : argv[++i]);
  }
  if (i >= argc) {
    fprintf(stderr, "xrun: no program given; usage: xrun [options] PROGRAM [ARGS...]\n");
    exit(XRUN_EXIT_USAGE);
  }
  return i;
}

/* An x86-64 ELF program runs as itself: xrun steps aside. */
static void exec_if_native(const char *path, char **argv) {
  unsigned char id[20];
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return;
  ssize_t n = pread(fd, id, sizeof(id), 0);
  close(fd);
  if (n != (ssize_t)sizeof(id) || memcmp(id, ELFMAG, SELFMAG) || id[EI_CLASS] != ELFCLASS64 ||
      id[EI_DATA] != ELFDATA2LSB || (id[18] | id[19] << 8) != EM_X86_64)
    return;
  environ = guest_env;
  execv(path, argv);
  xrun_die(errno == ENOENT ? XRUN_EXIT_NOFILE : XRUN_EXIT_BADELF, "xrun: %s: cannot run: %s", path,
           strerror(errno));
}

/* Started by binfmt_misc (xrun --binfmt install): argv[1] is the program's
 * full path and no xrun option is present. The kernel says so itself: with
 * the P flag it sets AT_FLAGS_PRESERVE_ARGV0 in our auxv (argv[2] is then
 * the program's own argv[0]), with the O flag it passes the open program as
 * AT_EXECFD. Returns the index of the guest's argv[0], or 0 when xrun was
 * started from a command line. */
static int binfmt_invocation(int argc) {
  bool preserve = getauxval(AT_FLAGS) & AT_FLAGS_PRESERVE_ARGV0;
  errno = 0;
  unsigned long fd = getauxval(AT_EXECFD);
  bool has_fd = errno != ENOENT;
  if ((!preserve && !has_fd) || argc < 2 + preserve)
    return 0;
  if (has_fd)
    xrun_opt.exe_fd = (int)fd;
  return preserve ? 2 : 1;
}

/* The task's name (/proc/PID/comm, what ps and top show) is the guest
 * program's, as the kernel names a task after the file it executes. */
static void name_task(const char *path) {
  const char *slash = strrchr(path, '/');
  prctl(PR_SET_NAME, slash ? slash + 1 : path, 0, 0, 0);
}

/* c as new, at the program's entry, keeping its jump cache (made anew by
 * tc_new_image); after an exec, signals the program before left pending are
 * looked at first. */
static void cpu_start(struct cpu *c, const struct guest *g, const struct ld_image *img,
                      bool after_exec) {
  struct tc_jc_entry *jc = c->jc;
  uint32_t jc_mask = c->jc_mask;
  memset(c, 0, g->cpu_size);
  c->guest = g;
  c->jc = jc, c->jc_mask = jc_mask;
  c->exit_request = after_exec;
  g->cpu_init(c, img->entry, img->sp);
}

/* The guest program at path, loaded and run on c (until it ends, or execs
 * a program this process runs next: sys_exec_take). Returns xrun's exit
 * status when the program cannot be loaded, else 0. */
static int run(struct cpu *c, const struct guest *g, const char *path, int argc, char **argv,
               char **envp) {
  static bool started;
  struct ld_image img;
  int status = ld_load(g, path, argc, argv, envp, &img);
  if (status)
    return status;
  name_task(path);
  cpu_start(c, g, &img, started);
  sys_set_brk(img.brk_start);
  sys_set_proc_view(&img);
  sys_set_vdso(img.vdso);
  if (!started)
    tc_init(&x64_backend, g);
  if (gdb_port && !started) /* as a new xrun would not be started with -g */
    gdb_attach(c, img.auxv, img.auxv_bytes);
  started = true;
  tc_run(c);
  gdb_exit(c, c->exit_status, 0);
  return 0;
}

int main(int argc, char **argv) {
  if (argc > 1 && !strcmp(argv[1], "--binfmt"))
    return xrun_binfmt(argc - 2, argv + 2);
  env_init();
  parse_env_options();
  int first = binfmt_invocation(argc);
  xrun_opt.exe_path = argv[first ? 1 : 0];
  if (!first) {
    first = parse_options(argc, argv);
    xrun_opt.exe_path = argv[first];
  }
  const struct guest *g = guest_model(xrun_guest_of_file(xrun_opt.exe_path, xrun_opt.exe_fd));
  xrun_sysroot(g); /* fixed now, before the guest can change directory */
  char **gargv = argv + first;
  if (xrun_opt.argv0)
    gargv[0] = (char *)xrun_opt.argv0;
  if (xrun_opt.exe_fd < 0)
    exec_if_native(xrun_opt.exe_path, gargv);
  gdb_start(g);
  ld_on_segment = tc_exec_set; /* code in a data segment is refused, as on arm64 */
  ld_on_file = tc_file_mapped; /* its translations may be cached */
  ld_on_map = tc_guest_mapped; /* an exec in place unmaps it */
  struct cpu *c = mi_zalloc_aligned(g->cpu_size, 64);
  if (!c)
    xrun_die(XRUN_EXIT_INTERNAL, "xrun: out of memory");
  int status = run(c, g, xrun_opt.exe_path, argc - first, gargv, guest_env);
  for (struct sys_exec *e; !status && (e = sys_exec_take());) {
    tc_new_image(c, e->maps);
    free(e->maps);
    status = run(c, g, e->path, e->argc, e->argv, e->envp);
  }
  return status ? status : c->exit_status;
}
