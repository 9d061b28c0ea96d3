/* ld_stack.c - the initial stack, laid out as Linux does (fs/binfmt_elf.c):
 *
 *   sp -> argc, argv[0..argc), NULL, envp[..], NULL, auxv pairs, AT_NULL 0,
 *         padding, 16 random bytes, platform string, argv strings,
 *         envp strings, execfn string, 8 zero bytes <- top
 */
#include <errno.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <unistd.h>
#include "ld_int.h"

#ifndef AT_MINSIGSTKSZ
#define AT_MINSIGSTKSZ 51
#endif

enum { LD_MAX_AUXV = 24 };

struct ld_auxv {
  uint64_t v[2 * LD_MAX_AUXV];
  int n;
};

static void ld_aux(struct ld_auxv *a, uint64_t type, uint64_t value) {
  a->v[a->n++] = type;
  a->v[a->n++] = value;
}

/* Copy s below *top; returns its guest address. */
static uint64_t ld_push_str(char **top, const char *s) {
  size_t n = strlen(s) + 1;
  *top -= n;
  memcpy(*top, s, n);
  return (uintptr_t)*top;
}

static void ld_fill_auxv(struct ld_auxv *a, const struct guest *g, const struct ld_image *img,
                         uint64_t random, uint64_t platform, uint64_t execfn) {
  ld_aux(a, AT_PHDR, img->phdr);
  ld_aux(a, AT_PHENT, img->phent);
  ld_aux(a, AT_PHNUM, img->phnum);
  ld_aux(a, AT_PAGESZ, LD_PAGE);
  ld_aux(a, AT_BASE, img->interp_base);
  ld_aux(a, AT_FLAGS, 0);
  ld_aux(a, AT_ENTRY, img->exe_entry);
  ld_aux(a, AT_UID, getuid());
  ld_aux(a, AT_EUID, geteuid());
  ld_aux(a, AT_GID, getgid());
  ld_aux(a, AT_EGID, getegid());
  ld_aux(a, AT_SECURE, 0);
  ld_aux(a, AT_RANDOM, random);
  ld_aux(a, AT_HWCAP, g->hwcap);
  ld_aux(a, AT_HWCAP2, g->hwcap2);
  ld_aux(a, AT_CLKTCK, 100);
  if (platform)
    ld_aux(a, AT_PLATFORM, platform);
  ld_aux(a, AT_EXECFN, execfn);
  ld_aux(a, AT_MINSIGSTKSZ, g->abi->at_minsigstksz + g->sigframe_extra);
  ld_aux(a, AT_NULL, 0);
}

static int ld_count(char **v) {
  int n = 0;
  while (v && v[n])
    n++;
  return n;
}

/* Bytes the strings and the vectors need, to refuse what does not fit. */
static uint64_t ld_need(const char *execfn, int argc, char **argv, int envc, char **envp) {
  uint64_t n = strlen(execfn) + 64 + 8 * (uint64_t)(argc + envc + 3 + 2 * LD_MAX_AUXV);
  for (int i = 0; i < argc; i++)
    n += strlen(argv[i]) + 1;
  for (int i = 0; i < envc; i++)
    n += strlen(envp[i]) + 1;
  return n;
}

/* -s SIZE, else 8 MiB as Linux's default RLIMIT_STACK. */
static uint64_t ld_stack_size(void) {
  return xrun_opt.stack_size ? ld_page_up(xrun_opt.stack_size) : LD_STACK_SIZE;
}

bool ld_args_fit(const char *execfn, char **argv, char **envp) {
  return ld_need(execfn, ld_count(argv), argv, ld_count(envp), envp) <= ld_stack_size() / 4;
}

static char *ld_stack_alloc(void) {
  uint64_t len = ld_stack_size() + LD_PAGE;
  char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
  if (p == MAP_FAILED)
    return NULL;
  if (ld_on_map)
    ld_on_map((uintptr_t)p, len);
  mprotect(p, LD_PAGE, PROT_NONE); /* guard page below the stack */
  return p + len;
}

/* Writes argc, the vectors and auxv at *sp, which it sets. */
static void ld_write_vectors(uint64_t *sp, int argc, const uint64_t *argv, int envc,
                             const uint64_t *envp, const struct ld_auxv *a) {
  uint64_t *w = sp;
  *w++ = (uint64_t)argc;
  for (int i = 0; i < argc; i++)
    *w++ = argv[i];
  *w++ = 0;
  for (int i = 0; i < envc; i++)
    *w++ = envp[i];
  *w++ = 0;
  memcpy(w, a->v, (size_t)a->n * sizeof(uint64_t));
}

int ld_stack(const struct guest *g, const char *execfn, int argc, char **argv, char **envp,
             struct ld_image *img) {
  int envc = ld_count(envp);
  if (ld_need(execfn, argc, argv, envc, envp) > ld_stack_size() / 4)
    return ld_error(XRUN_EXIT_USAGE, "argument list and environment too long; shorten them");
  char *top = ld_stack_alloc();
  if (!top)
    return ld_error(XRUN_EXIT_INTERNAL, "cannot allocate the guest stack: %s", strerror(errno));
  if (ld_on_segment) /* code on the stack runs only if the program asked for it */
    ld_on_segment((uintptr_t)top - ld_stack_size(), ld_stack_size(), img->exec_stack);
  /* The strings' addresses wait at the stack's unused low end until the
   * vectors are written, then that scratch is cleared. */
  uint64_t *addr = (uint64_t *)(top - ld_stack_size());
  char *p = top - 8;
  memset(p, 0, 8);
  uint64_t execfn_at = ld_push_str(&p, execfn);
  for (int i = envc - 1; i >= 0; i--)
    addr[argc + i] = ld_push_str(&p, envp[i]);
  for (int i = argc - 1; i >= 0; i--)
    addr[i] = ld_push_str(&p, argv[i]);
  uint64_t platform = g->platform ? ld_push_str(&p, g->platform) : 0;
  p -= 16;
  if (getrandom(p, 16, 0) != 16)
    memset(p, 0x5a, 16);
  struct ld_auxv a = {.n = 0};
  ld_fill_auxv(&a, g, img, (uintptr_t)p, platform, execfn_at);
  uint64_t items = 1 + (uint64_t)argc + 1 + (uint64_t)envc + 1 + (uint64_t)a.n;
  uint64_t sp = ((uintptr_t)p - items * 8) & ~(uint64_t)15;
  ld_write_vectors((uint64_t *)(uintptr_t)sp, argc, addr, envc, addr + argc, &a);
  img->arg_start = argc ? addr[0] : 0;
  img->arg_end = argc ? addr[argc - 1] + strlen(argv[argc - 1]) + 1 : 0;
  img->env_start = envc ? addr[argc] : 0;
  img->env_end = envc ? addr[argc + envc - 1] + strlen(envp[envc - 1]) + 1 : 0;
  img->auxv = sp + 8 * (1 + (uint64_t)argc + 1 + (uint64_t)envc + 1);
  img->auxv_bytes = 8 * (uint64_t)a.n;
  memset(addr, 0, (size_t)(argc + envc) * sizeof(uint64_t));
  img->sp = sp;
  return 0;
}
