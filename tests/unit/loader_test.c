/* loader_test.c - ld_load on small aarch64 programs built at test time, and
 * on bad inputs. Every load runs in a forked child so that the mappings of
 * one test never collide with the next. */
#include <elf.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "../../loader/loader.h"
#include "test.h"

#ifndef AT_MINSIGSTKSZ
#define AT_MINSIGSTKSZ 51
#endif

static const struct guest test_guest = {
    .name = "aarch64",
    .elf_machine = EM_AARCH64,
    .stack_align = 16,
    .hwcap = 0x1234,
    .hwcap2 = 0x56,
    .platform = "aarch64",
    .sysroot = "/usr/aarch64-linux-gnu",
    .abi = &sys_a64_abi,
};

static const char guest_src[] = "int data_var = 0x12345678;\n"
                                "char bss_arr[100000];\n"
                                "int main(int argc, char **argv) {\n"
                                "  return data_var + bss_arr[5] + argc + (argv[0][0] == 'x');\n"
                                "}\n";

static char tmp_dir[64];

static void cleanup(void) {
  char cmd[128];
  snprintf(cmd, sizeof(cmd), "rm -rf %s", tmp_dir);
  if (system(cmd))
    fprintf(stderr, "  could not remove %s\n", tmp_dir);
}

/* Path of a test file in our temp dir. */
static const char *tmp_path(const char *name) {
  static char buf[8][128];
  static int next;
  if (!tmp_dir[0]) {
    snprintf(tmp_dir, sizeof(tmp_dir), "/tmp/xrun_ld_test.%d", (int)getpid());
    mkdir(tmp_dir, 0700);
    atexit(cleanup);
  }
  char *b = buf[next++ % 8];
  snprintf(b, 128, "%s/%s", tmp_dir, name);
  return b;
}

/* Builds the guest program with flags into name; returns its path or NULL. */
static const char *build(const char *name, const char *flags) {
  const char *src = tmp_path("prog.c"), *out = tmp_path(name);
  if (access(out, X_OK) == 0)
    return out;
  FILE *f = fopen(src, "w");
  if (!f)
    return NULL;
  fputs(guest_src, f);
  fclose(f);
  char cmd[512];
  snprintf(cmd, sizeof(cmd), "aarch64-linux-gnu-gcc -O1 %s -o %s %s", flags, out, src);
  return system(cmd) == 0 ? out : NULL;
}

/* The whole file, to compare the mapped bytes against. */
static uint8_t *slurp(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  fseek(f, 0, SEEK_END);
  *size = (size_t)ftell(f);
  rewind(f);
  uint8_t *b = malloc(*size);
  if (b && fread(b, 1, *size, f) != *size) {
    free(b);
    b = NULL;
  }
  fclose(f);
  return b;
}

static uint64_t auxv_get(const uint64_t *auxv, uint64_t type) {
  for (; auxv[0] != AT_NULL; auxv += 2)
    if (auxv[0] == type)
      return auxv[1];
  return UINT64_MAX;
}

static char *test_argv[] = {"prog-argv0", "arg1", NULL};
static char *test_envp[] = {"A=1", "B=two", NULL};

/* Segments: file bytes in place, bss zero; returns the expected brk. */
static void check_segments(int *test_failed_, const uint8_t *file, uint64_t bias, uint64_t *end) {
  const Elf64_Ehdr *eh = (const Elf64_Ehdr *)file;
  const Elf64_Phdr *ph = (const Elf64_Phdr *)(file + eh->e_phoff);
  *end = 0;
  for (int i = 0; i < eh->e_phnum; i++) {
    if (ph[i].p_type != PT_LOAD)
      continue;
    const uint8_t *mem = (const uint8_t *)(uintptr_t)(ph[i].p_vaddr + bias);
    ASSERT(memcmp(mem, file + ph[i].p_offset, ph[i].p_filesz) == 0);
    for (uint64_t j = ph[i].p_filesz; j < ph[i].p_memsz; j++)
      ASSERT_EQ(mem[j], 0);
    if (ph[i].p_vaddr + ph[i].p_memsz + bias > *end)
      *end = ph[i].p_vaddr + ph[i].p_memsz + bias;
  }
}

static void check_stack(int *test_failed_, const struct ld_image *img, const char *path) {
  const uint64_t *sp = (const uint64_t *)(uintptr_t)img->sp;
  ASSERT_EQ(img->sp % 16, 0);
  ASSERT_EQ(sp[0], 2);
  ASSERT(!strcmp((char *)(uintptr_t)sp[1], "prog-argv0"));
  ASSERT(!strcmp((char *)(uintptr_t)sp[2], "arg1"));
  ASSERT_EQ(sp[3], 0);
  ASSERT(!strcmp((char *)(uintptr_t)sp[4], "A=1"));
  ASSERT(!strcmp((char *)(uintptr_t)sp[5], "B=two"));
  ASSERT_EQ(sp[6], 0);
  const uint64_t *auxv = sp + 7;
  ASSERT_EQ(auxv_get(auxv, AT_PAGESZ), 4096);
  ASSERT_EQ(auxv_get(auxv, AT_ENTRY), img->exe_entry);
  ASSERT_EQ(auxv_get(auxv, AT_PHDR), img->phdr);
  ASSERT_EQ(auxv_get(auxv, AT_PHNUM), img->phnum);
  ASSERT_EQ(auxv_get(auxv, AT_PHENT), 56);
  ASSERT_EQ(auxv_get(auxv, AT_BASE), img->interp_base);
  ASSERT_EQ(auxv_get(auxv, AT_HWCAP), 0x1234);
  ASSERT_EQ(auxv_get(auxv, AT_HWCAP2), 0x56);
  ASSERT_EQ(auxv_get(auxv, AT_CLKTCK), 100);
  ASSERT_EQ(auxv_get(auxv, AT_SECURE), 0);
  ASSERT_EQ(auxv_get(auxv, AT_UID), getuid());
  ASSERT_EQ(auxv_get(auxv, AT_EGID), getegid());
  ASSERT_EQ(auxv_get(auxv, AT_MINSIGSTKSZ), 5120);
  ASSERT(!strcmp((char *)(uintptr_t)auxv_get(auxv, AT_PLATFORM), "aarch64"));
  ASSERT(!strcmp((char *)(uintptr_t)auxv_get(auxv, AT_EXECFN), path));
  const uint8_t *rnd = (const uint8_t *)(uintptr_t)auxv_get(auxv, AT_RANDOM);
  uint8_t zero[16] = {0};
  ASSERT(memcmp(rnd, zero, 16) != 0);
}

/* The vDSO page: a mapped page (mprotect fails on a hole) that starts with
 * the guest's rt_sigreturn trampoline. */
static void check_vdso(int *test_failed_, const struct ld_image *img) {
  const struct guest_abi *abi = test_guest.abi;
  ASSERT(img->vdso != 0);
  ASSERT_EQ(img->vdso % 4096, 0);
  ASSERT(memcmp((void *)(uintptr_t)img->vdso, abi->sigreturn_code, abi->sigreturn_bytes) == 0);
  ASSERT(mprotect((void *)(uintptr_t)img->vdso, 4096, PROT_READ | PROT_EXEC) == 0);
}

/* Loads path and checks it; bias_expected is 0 for ET_EXEC, 1 for "some". */
static void check_load(int *test_failed_, const char *path, int pie) {
  size_t size;
  uint8_t *file = slurp(path, &size);
  ASSERT(file);
  const Elf64_Ehdr *eh = (const Elf64_Ehdr *)file;
  struct ld_image img;
  ASSERT_EQ(ld_load(&test_guest, path, 2, test_argv, test_envp, &img), 0);
  if (pie) {
    ASSERT(img.load_bias != 0);
    ASSERT_EQ(img.load_bias % 0x10000, 0);
  } else {
    ASSERT_EQ(img.load_bias, 0);
  }
  ASSERT_EQ(img.exe_entry, eh->e_entry + img.load_bias);
  ASSERT_EQ(img.phnum, eh->e_phnum);
  ASSERT(memcmp((void *)(uintptr_t)img.phdr, file + eh->e_phoff, eh->e_phnum * 56) == 0);
  uint64_t end;
  check_segments(test_failed_, file, img.load_bias, &end);
  ASSERT_EQ(img.brk_start, (end + 4095) & ~4095ull);
  check_stack(test_failed_, &img, path);
  check_vdso(test_failed_, &img);
  free(file);
}

/* Runs fn in a child with stderr to errfile (if any); returns its exit status. */
static int in_child(void (*fn)(int *, const char *, int), const char *arg, int flag) {
  fflush(stdout);
  fflush(stderr);
  pid_t pid = fork();
  if (pid == 0) {
    int failed = 0;
    fn(&failed, arg, flag);
    fflush(stderr);
    _exit(failed);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* For bad inputs: ld_load's status, as the child's exit status. */
static void load_status(int *status, const char *path, int errfd) {
  struct ld_image img;
  dup2(errfd, 2);
  *status = ld_load(&test_guest, path, 1, test_argv, test_envp, &img);
}

/* Status of loading path; msg gets the first line printed, and the line count is checked. */
static int bad_load(const char *path, char *msg, size_t msg_size, int *lines) {
  const char *errpath = tmp_path("stderr.txt");
  int fd = open(errpath, O_RDWR | O_CREAT | O_TRUNC, 0600);
  int st = in_child((void (*)(int *, const char *, int))load_status, path, fd);
  close(fd);
  FILE *f = fopen(errpath, "r");
  msg[0] = 0;
  *lines = 0;
  char line[512];
  while (f && fgets(line, sizeof(line), f))
    if ((*lines)++ == 0)
      snprintf(msg, msg_size, "%s", line);
  if (f)
    fclose(f);
  return st;
}

#define ASSERT_BAD(path, status, text)                                                             \
  do {                                                                                             \
    char msg_[512];                                                                                \
    int lines_;                                                                                    \
    ASSERT_EQ(bad_load(path, msg_, sizeof(msg_), &lines_), status);                                \
    ASSERT_EQ(lines_, 1);                                                                          \
    ASSERT(!strncmp(msg_, "xrun: ", 6));                                                           \
    if (!strstr(msg_, text))                                                                       \
      fprintf(stderr, "  message: %s", msg_);                                                      \
    ASSERT(strstr(msg_, text));                                                                    \
  } while (0)

TEST(static_program) {
  const char *p = build("static", "-static");
  ASSERT(p);
  ASSERT_EQ(in_child(check_load, p, 0), 0);
}

TEST(static_pie_program) {
  const char *p = build("static-pie", "-static-pie -fPIE");
  ASSERT(p);
  ASSERT_EQ(in_child(check_load, p, 1), 0);
}

static void check_dynamic(int *test_failed_, const char *path, int unused) {
  (void)unused;
  struct ld_image img;
  xrun_opt.sysroot = "/usr/aarch64-linux-gnu";
  ASSERT_EQ(ld_load(&test_guest, path, 2, test_argv, test_envp, &img), 0);
  ASSERT(img.interp_base != 0);
  ASSERT(img.load_bias != 0);
  ASSERT(img.entry != img.exe_entry);
  const Elf64_Ehdr *ld_eh = (const Elf64_Ehdr *)(uintptr_t)img.interp_base;
  ASSERT(!memcmp(ld_eh->e_ident, ELFMAG, SELFMAG));
  ASSERT_EQ(img.entry, ld_eh->e_entry + img.interp_base);
  check_stack(test_failed_, &img, path);
}

TEST(dynamic_program) {
  if (access("/usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1", R_OK)) {
    fprintf(stderr, "  (no aarch64 sysroot: skipped)\n");
    return;
  }
  const char *p = build("dynamic", "");
  ASSERT(p);
  ASSERT_EQ(in_child(check_dynamic, p, 0), 0);
}

TEST(missing_interpreter) {
  const char *p = build("dynamic", "");
  ASSERT(p);
  setenv("XRUN_SYSROOT", "/nonexistent-sysroot", 1);
  xrun_opt.sysroot = NULL;
  ASSERT_BAD(p, XRUN_EXIT_NOFILE, "/nonexistent-sysroot");
  unsetenv("XRUN_SYSROOT");
}

TEST(missing_file) {
  ASSERT_BAD("/nonexistent/prog", XRUN_EXIT_NOFILE, "no such file");
}

TEST(directory) {
  ASSERT_BAD("/tmp", XRUN_EXIT_BADELF, "directory");
}

TEST(text_file) {
  const char *p = tmp_path("text.txt");
  FILE *f = fopen(p, "w");
  ASSERT(f);
  fputs("hello, this is not a program\n", f);
  fclose(f);
  ASSERT_BAD(p, XRUN_EXIT_BADELF, "not an ELF");
}

TEST(empty_file) {
  const char *p = tmp_path("empty");
  FILE *f = fopen(p, "w");
  ASSERT(f);
  fclose(f);
  ASSERT_BAD(p, XRUN_EXIT_BADELF, "not an ELF");
}

TEST(wrong_machine) {
  ASSERT_BAD("/bin/true", XRUN_EXIT_BADELF,
             "ELF for x86-64; xrun runs aarch64 and riscv64 programs");
}

/* The first n bytes of the static program. */
static const char *cut(const char *name, size_t n) {
  const char *src = build("static", "-static"), *dst = tmp_path(name);
  size_t size;
  uint8_t *b = src ? slurp(src, &size) : NULL;
  FILE *f = b ? fopen(dst, "wb") : NULL;
  if (!f)
    return NULL;
  fwrite(b, 1, n < size ? n : size, f);
  fclose(f);
  free(b);
  return dst;
}

TEST(truncated_segment) {
  const char *p = cut("cut4096", 4096);
  ASSERT(p);
  ASSERT_BAD(p, XRUN_EXIT_BADELF, "truncated");
}

TEST(truncated_header) {
  const char *p = cut("cut40", 40);
  ASSERT(p);
  ASSERT_BAD(p, XRUN_EXIT_BADELF, "truncated");
}

TEST(truncated_phdrs) {
  const char *p = cut("cut100", 100);
  ASSERT(p);
  ASSERT_BAD(p, XRUN_EXIT_BADELF, "truncated");
}

/* A header whose program header offset points far outside the file. */
TEST(hostile_phoff) {
  const char *p = cut("hostile", 1u << 20);
  ASSERT(p);
  int fd = open(p, O_RDWR);
  ASSERT(fd >= 0);
  uint64_t off = 0x7fffffffffff0000ull;
  ASSERT_EQ(pwrite(fd, &off, 8, offsetof(Elf64_Ehdr, e_phoff)), 8);
  close(fd);
  ASSERT_BAD(p, XRUN_EXIT_BADELF, "xrun: ");
}

static void load_phdr(int *test_failed_, const char *path, int want) {
  struct ld_image img;
  ASSERT_EQ(ld_load(&test_guest, path, 2, test_argv, test_envp, &img), 0);
  ASSERT_EQ(img.phdr, (uint64_t)(unsigned)want);
}

/* AT_PHDR comes from the PT_LOAD that maps e_phoff, as Linux computes it,
 * not from a PT_PHDR that says otherwise. */
TEST(phdr_from_the_load_segment) {
  const char *p = cut("phdr", 1u << 24);
  ASSERT(p);
  size_t size;
  uint8_t *b = slurp(p, &size);
  ASSERT(b);
  Elf64_Ehdr *eh = (Elf64_Ehdr *)b;
  Elf64_Phdr *ph = (Elf64_Phdr *)(b + eh->e_phoff);
  int changed = 0;
  uint64_t load_va = 0;
  for (int i = 0; i < eh->e_phnum; i++) {
    if (ph[i].p_type == PT_LOAD && ph[i].p_offset == 0 && !load_va)
      load_va = ph[i].p_vaddr;
    if (ph[i].p_type == PT_GNU_STACK && !changed) {
      ph[i].p_type = PT_PHDR; /* a PT_PHDR that points elsewhere */
      ph[i].p_vaddr = ph[i].p_paddr = 0x12345000;
      changed = 1;
    }
  }
  ASSERT(changed && load_va);
  FILE *f = fopen(p, "wb");
  ASSERT(f);
  fwrite(b, 1, size, f);
  fclose(f);
  int want = (int)(load_va + eh->e_phoff);
  free(b);
  ASSERT_EQ(in_child(load_phdr, p, want), 0);
}

TEST(wrong_class) {
  const char *p = cut("class32", 1u << 20);
  ASSERT(p);
  int fd = open(p, O_RDWR);
  ASSERT(fd >= 0);
  uint8_t c = ELFCLASS32;
  ASSERT_EQ(pwrite(fd, &c, 1, EI_CLASS), 1);
  close(fd);
  ASSERT_BAD(p, XRUN_EXIT_BADELF, "32-bit");
}

TEST_MAIN("loader")
