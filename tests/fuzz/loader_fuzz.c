/* loader_fuzz.c - libFuzzer harness for the loader: each input is a guest
 * ELF file, written to a memfd and taken through what ld_load does with it
 * short of running it, in both of its roles:
 *   - as the program: opened and checked (ld_elf_open), laid out (ld_plan:
 *     span, alignment, entry, AT_PHDR, PT_GNU_STACK); an ET_DYN is then
 *     mapped (ld_map) where the kernel finds room and unmapped again, an
 *     ET_EXEC is not mapped (its addresses are fixed, and may be the fuzzer's
 *     own);
 *   - as the interpreter named by a program's PT_INTERP (ld_interp_open with
 *     the sysroot "/" and the name /proc/self/fd/N of the memfd), laid out.
 * The loader never exits on bad input: each step returns a status. Checked
 * here, beyond AddressSanitizer's reports: a step that fails returns an
 * xrun status and prints exactly one line "xrun: ...\n"; one that succeeds
 * prints nothing and gives a layout inside the user address space; no file
 * descriptor is left open. A failed check aborts, which libFuzzer reports as
 * a crash with the input. Built by `make fuzz`. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "../../loader/ld_int.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int elf_fd = -1; /* the memfd the input is written to */
static char msg[1024];  /* what the loader printed for this input */
static FILE *msg_file;  /* stands in for stderr */
/* Large (PATH_MAX, the headers): not on the stack. parent stands for a
 * program whose PT_INTERP names the memfd. */
static struct ld_elf exe, parent, interp;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  elf_fd = memfd_create("fuzz.elf", MFD_CLOEXEC);
  msg_file = fmemopen(msg, sizeof(msg), "w");
  if (elf_fd < 0 || !msg_file)
    abort();
  setvbuf(msg_file, NULL, _IONBF, 0);
  stderr = msg_file; /* libFuzzer and ASan keep their own handle on fd 2 */
  xrun_opt.sysroot = "/";
  snprintf(parent.interp, sizeof(parent.interp), "/proc/self/fd/%d", elf_fd);
  parent.path = "fuzz-parent";
  return 0;
}

static void fail(const char *why, int st) {
  fprintf(stdout, "loader_fuzz: %s (status %d, message \"%.*s\")\n", why, st, (int)sizeof(msg),
          msg);
  fflush(stdout);
  abort();
}

/* The lowest free descriptor, to see that none is left open. */
static int fd_next(void) {
  int fd = dup(0);
  close(fd);
  return fd;
}

static void msg_begin(void) {
  memset(msg, 0, sizeof(msg));
  rewind(msg_file);
}

/* One step's result: a status with one line, or 0 with none. */
static void msg_check(int st) {
  size_t n = strnlen(msg, sizeof(msg));
  const char *nl = memchr(msg, '\n', n);
  if (!st && n)
    fail("success with a message", st);
  if (st && st != XRUN_EXIT_BADELF && st != XRUN_EXIT_NOFILE && st != XRUN_EXIT_INTERNAL)
    fail("unexpected status", st);
  if (st && (n < 7 || strncmp(msg, "xrun: ", 6) || !nl || nl != msg + n - 1))
    fail("not one line \"xrun: ...\"", st);
}

static void layout_check(const struct ld_elf *e, const struct ld_layout *l) {
  if (l->lo >= l->hi || l->hi > LD_VA_LIMIT || l->lo % LD_PAGE || l->hi % LD_PAGE)
    fail("layout span outside the user address space", 0);
  if (l->align < LD_PAGE || (l->align & (l->align - 1)))
    fail("layout alignment not a power of two", 0);
  if (l->phdr && (l->phdr < l->lo || l->phdr >= l->hi))
    fail("AT_PHDR outside the span", 0);
  if (e->phnum == 0 || e->phnum > LD_MAX_PHDRS)
    fail("program header count", 0);
}

/* An ET_DYN is mapped where the kernel finds room, then unmapped. */
static int map_scratch(const struct ld_elf *e, const struct ld_layout *l) {
  struct ld_mapped m = {.bias = UINT64_MAX};
  int st = ld_map(e, l, 0, &m);
  if (m.bias != UINT64_MAX)
    munmap((void *)(uintptr_t)(l->lo + m.bias), l->hi - l->lo);
  if (!st && m.phdr != (l->phdr ? l->phdr + m.bias : m.bias))
    fail("AT_PHDR not biased", st);
  return st;
}

static void as_program(void) {
  struct ld_layout l;
  msg_begin();
  int st = ld_elf_open(&exe, "fuzz-exe", dup(elf_fd), &a64_guest);
  if (!st)
    st = ld_plan(&exe, &l);
  if (!st)
    layout_check(&exe, &l);
  if (!st && exe.eh.e_type == ET_DYN)
    st = map_scratch(&exe, &l);
  msg_check(st);
  ld_elf_close(&exe);
}

static void as_interpreter(void) {
  struct ld_layout l;
  msg_begin();
  interp.fd = -1, interp.elf = NULL;
  int st = ld_interp_open(&parent, &a64_guest, &interp);
  if (!st)
    st = ld_plan(&interp, &l);
  if (!st)
    layout_check(&interp, &l);
  msg_check(st);
  ld_elf_close(&interp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  int fd0 = fd_next();
  if (ftruncate(elf_fd, 0) || pwrite(elf_fd, data, size, 0) != (ssize_t)size)
    abort();
  as_program();
  as_interpreter();
  if (fd_next() != fd0)
    fail("a file descriptor left open", 0);
  return 0;
}
