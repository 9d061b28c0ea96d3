/* x64_reloc_test.c - every address of this run in translated code is
 * described by a relocation (tcache.h, enum tc_reloc_kind).
 *
 * The same A64 code is mapped at two guest addresses, A and B, both below
 * 2 GiB (guest addresses in 4-byte fields, TC_RELOC_GUEST32, as a program
 * not built as PIE has them) or both high (8-byte ones), and each copy is
 * translated into a code buffer of its own, with its own trampolines. Block
 * A's code, moved to block B's place by the rules the persistent cache loads
 * with (relocate below), must be block B's byte for byte, with the same
 * relocations, exits, pcmap and deferred-state records (after the backend's
 * relocate_data). Leaving out any one relocation must make them differ, and
 * no 8-byte immediate that holds an address of xrun's image, of the guest
 * code, of the block's exits or of the code buffer may go unrecorded. Code
 * made low cannot move high: its relocation is refused.
 *
 * The code: short A64 sequences (the host instruction count cases, and the
 * instructions that make guest addresses: BL, BLR, ADR, ADRP, literal loads,
 * exclusives, traps, helper calls), and blocks at random places in the
 * guest C library's text. Each set runs twice: with both code buffers near
 * xrun's text (helpers called rel32) and far from it (through movabs).
 */
#define _GNU_SOURCE
#include <elf.h>
#include <mimalloc.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "test.h"
#include "a64_asm.h"
#include "../../backend-x86_64/x64.h"
#include "../../decode/aarch64/a64_util.h"
#include "../../opt/opt.h"
#include "../../xrun.h"

extern const char __executable_start[], _end[];

/* A64 sequences, each a block (it ends at its first branch). */
static const char *const snippets[] = {
    "cmp x1, x2\n b.ne .+8\n b .+4",
    "subs x1, x1, #1\n b.ne .+8\n b .+4",
    "cbz w1, .+8\n b .+4",
    "ldr x0, [x1, #8]\n b .+4",
    "ldp x0, x1, [sp, #16]\n stp x0, x1, [sp, #-32]!\n b .+4",
    "rbit x0, x1\n b .+4",
    "bl .+8",
    "bl .-0x4000",
    "ret",
    "0: add x0, x0, x1\n add x1, x1, #1\n cmp x1, x2\n b.lt 0b\n b .+4",
    "0: ldrb w1, [x2], #1\n add w0, w0, w0, lsl #5\n eor w0, w1, w0\n cmp x2, x3\n b.ne 0b\n b .+4",
    "adr x0, .+64\n adrp x1, .+0x3000\n add x1, x1, #0x10\n ldr x2, [x1, #8]\n b .+4",
    "adrp x1, .-0x5000\n ldr x2, [x1, #0x7f8]\n ldr x3, [x1, x2]\n add x4, x1, #0x1000\n b .+4",
    "adr x0, .\n sub x1, x0, #0x20\n adr x2, .+0x40\n sub x3, x2, x0\n eor x4, x0, x3\n b .+4",
    "adr x0, .\n cmp x0, x1\n b.hi .+8\n and x2, x0, #0xfff\n b .+4",
    "ldr x0, .+256\n ldr w1, .+64\n ldrsw x2, .+128\n ldr q3, .+512\n prfm pldl1keep, .+32\n b .+4",
    "adr x4, .+16\n blr x4",
    "adr x30, .+0x100\n br x30",
    "ldaxr x1, [x0]\n add x1, x1, #1\n stlxr w2, x1, [x0]\n cbnz w2, .-12\n b .+4",
    "ldxp x1, x2, [x0]\n stxp w3, x1, x2, [x0]\n b .+4",
    "brk #0",
    "svc #0",
    "udf #0",
    "adr x0, .\n ldr x1, [x2]\n mov x0, #1\n b .+4",
    "adr x0, .+0x20\n str x0, [x3]\n ldr x1, [x2]\n adr x0, .+0x40\n cbz x1, .+8\n b .+4",
    "cmp x1, #3\n b.eq .+0x100\n cmp x1, #4\n b.eq .+0x200\n cbz x2, .+0x300\n tbnz x3, #7, "
    ".-0x100\n "
    "b .+4",
    "mrs x0, fpsr\n msr fpsr, x1\n b .+4",
    "fadd d0, d1, d2\n fmul s3, s4, s5\n frecpe d6, d7\n b .+4",
    "fcvtzs x0, d1\n scvtf d2, x3\n fsqrt d4, d5\n b .+4",
    "aese v0.16b, v1.16b\n aesmc v0.16b, v0.16b\n sha256h q0, q1, v2.4s\n b .+4",
    "crc32cx w0, w1, x2\n crc32b w3, w4, w5\n cnt v0.8b, v1.8b\n b .+4",
    "ld1 {v0.4s, v1.4s}, [x0], #32\n st2 {v2.4s, v3.4s}, [x1]\n b .+4",
    "ic ivau, x0\n b .+4",
    "dc civac, x0\n isb\n b .+4",
    "casal x0, x1, [x2]\n ldadd x3, x4, [x5]\n swpal w6, w7, [x8]\n b .+4",
};
enum { NSNIPPETS = sizeof(snippets) / sizeof(snippets[0]), SNIPPET_ALIGN = 512 };

/* Assemble the snippets with the aarch64 cross assembler, snippet k at byte
 * k * SNIPPET_ALIGN of out; returns the bytes written, or -1. */
static long assemble(uint8_t *out, size_t max) {
  static char text[1 << 16];
  size_t used = 0;
  for (int k = 0; k < NSNIPPETS && used < sizeof(text); k++)
    used += (size_t)snprintf(text + used, sizeof(text) - used, ".balign %d\n%s\n", SNIPPET_ALIGN,
                             snippets[k]);
  if (used >= sizeof(text))
    return -1;
  return a64_assemble(text, "armv8.2-a+crypto+sha3", out, max);
}

/* The executable segment of an aarch64 ELF file, read into malloc'd memory. */
static uint8_t *read_text(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  fseek(f, 0, SEEK_END);
  long len = ftell(f);
  uint8_t *file = len > (long)sizeof(Elf64_Ehdr) ? malloc((size_t)len) : NULL;
  rewind(f);
  int ok = file && fread(file, 1, (size_t)len, f) == (size_t)len;
  fclose(f);
  const Elf64_Ehdr *eh = (const Elf64_Ehdr *)file;
  uint8_t *text = NULL;
  for (int i = 0; ok && eh->e_machine == EM_AARCH64 && i < eh->e_phnum; i++) {
    const Elf64_Phdr *ph = (const Elf64_Phdr *)(file + eh->e_phoff + i * sizeof(Elf64_Phdr));
    if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_X) || ph->p_offset + ph->p_filesz > (size_t)len)
      continue;
    *size = ph->p_filesz & ~(size_t)4095; /* whole pages: blocks end at a page's end */
    text = malloc(*size);
    if (text)
      memcpy(text, file + ph->p_offset, *size);
    break;
  }
  free(file);
  return text;
}

/* Guest memory at a free address from hint on (0: anywhere). */
static uint8_t *map_guest(uintptr_t hint, size_t size) {
  for (int k = 0; hint && k < 64; k++, hint += 64u << 20) {
    void *p = mmap((void *)hint, size, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    if (p != MAP_FAILED)
      return p;
  }
  void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return p == MAP_FAILED ? NULL : p;
}

/* A code buffer near xrun's text (as tc_buf.c places it), or anywhere. */
static int map_code(struct tc_buf *b, size_t size, int near) {
  uintptr_t text = (uintptr_t)&map_code & ~(uintptr_t)0xfffff;
  void *p = MAP_FAILED;
  for (uintptr_t hint = text - (256u << 20); near && p == MAP_FAILED && hint > text - (1536u << 20);
       hint -= 64u << 20)
    p = mmap((void *)hint, size, PROT_READ | PROT_WRITE | PROT_EXEC,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  if (!near)
    p = mmap(NULL, size, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED)
    return -1;
  *b = (struct tc_buf){.start = p, .cur = p, .end = (uint8_t *)p + size};
  return 0;
}

/* One side: guest code at base, translated into buf. */
struct side {
  uint8_t *guest;
  struct tc_buf buf;
  uint8_t *first; /* where blocks start, after the trampolines */
};

/* Translate into s's buffer, with its trampolines the backend's (x64_init). */
static void use(struct side *s) {
  uint8_t *cur = s->buf.cur;
  s->buf.cur = s->buf.start;
  x64_backend.init(&s->buf);
  s->buf.cur = cur > s->buf.cur ? cur : s->first;
}

static struct tc_block *translate(struct side *s, uint64_t pc) {
  use(s);
  if (s->buf.end - s->buf.cur < (1 << 20))
    s->buf.cur = s->first;
  struct ir_block *b = ir_block_new(pc);
  a64_decode_block(b, pc);
  opt_run(b);
  struct tc_block *blk = calloc(1, sizeof(*blk));
  blk->exits_cap = TC_MAX_EXITS;
  blk->guest_pc = pc;
  blk->pcmap_cap = b->n;
  blk->pcmap = calloc(b->n, sizeof(*blk->pcmap));
  int ok = x64_backend.translate(b, blk, &s->buf) == 0 && !s->buf.overflow;
  ir_block_free(b);
  if (ok)
    return blk;
  s->buf.overflow = 0;
  mi_free(blk->fresh);
  mi_free(blk->defer);
  free(blk->pcmap);
  free(blk);
  return NULL;
}

/* A block's relocations (none when it has no fresh part). */
static uint32_t n_relocs(const struct tc_block *blk) {
  return blk->fresh ? blk->fresh->n_relocs : 0;
}
static const struct tc_reloc *relocs_of(const struct tc_block *blk) {
  return blk->fresh ? blk->fresh->relocs : NULL;
}

static void block_free(struct tc_block *blk) {
  if (blk) {
    mi_free(blk->fresh);
    mi_free(blk->defer);
    free(blk->pcmap);
    free(blk);
  }
}

static uint64_t rd64(const uint8_t *p) {
  uint64_t v;
  memcpy(&v, p, 8);
  return v;
}

static int32_t rd32(const uint8_t *p) {
  int32_t v;
  memcpy(&v, p, 4);
  return v;
}

/* Where code moves: its new place and what moved with it. */
struct move {
  const struct tc_block *from, *to; /* to: the block at the new place (its code and exits) */
  uint64_t guest_delta;
  const uint8_t *old_start, *new_start; /* the code buffers, trampolines at their start */
  uint32_t skip;                        /* a relocation left out (UINT32_MAX: none) */
};

/* A rel32 at off in code that will run at at, to target. */
static void put_rel32(uint8_t *code, const uint8_t *at, uint32_t off, const uint8_t *target) {
  int32_t rel = (int32_t)(target - (at + off + 4));
  memcpy(code + off, &rel, 4);
}

/* The persistent cache's rules: code (a copy of m->from's) becomes the code
 * for m->to's place. xrun's image does not move within one process. */
static int relocate(uint8_t *code, const struct move *m) {
  const struct tc_block *a = m->from;
  const uint8_t *at = m->to->code;
  for (uint32_t i = 0; i < n_relocs(a); i++) {
    uint32_t off = relocs_of(a)[i].off;
    uint64_t v = rd64(code + off);
    const uint8_t *old_target = a->code + off + 4 + rd32(code + off);
    if (i == m->skip)
      continue;
    if (relocs_of(a)[i].kind == TC_RELOC_GUEST32) { /* the same zero- or sign-extended */
      uint64_t v32 = (uint32_t)rd32(code + off) + m->guest_delta;
      if (v32 >= TC_GUEST32_LIMIT)
        return -1;
      memcpy(code + off, &v32, 4);
      continue;
    }
    switch (relocs_of(a)[i].kind) {
    case TC_RELOC_GUEST64: v += m->guest_delta; break;
    case TC_RELOC_HOST64: break;
    case TC_RELOC_HOST32: put_rel32(code, at, off, old_target); continue;
    case TC_RELOC_BUF32:
      put_rel32(code, at, off, old_target - m->old_start + m->new_start);
      continue;
    case TC_RELOC_EXIT64: {
      uint64_t k = (v - (uintptr_t)a->exits) / sizeof(struct tc_exit);
      if (k >= a->n_exits || v != (uintptr_t)&a->exits[k])
        return -1;
      v = (uintptr_t)&m->to->exits[k];
      break;
    }
    default: return -1;
    }
    memcpy(code + off, &v, 8);
  }
  return 0;
}

/* m->from's code moved as m says: 0 when it is m->to's, else the first
 * differing offset + 1. */
static uint32_t moved_differs(const struct move *m) {
  uint32_t n = m->from->code_size;
  uint8_t *code = malloc(n);
  memcpy(code, m->from->code, n);
  uint32_t at = relocate(code, m) ? 1 : 0;
  for (uint32_t i = 0; !at && i < n; i++)
    if (code[i] != m->to->code[i])
      at = i + 1;
  free(code);
  return at;
}

static int has_reloc(const struct tc_block *blk, uint32_t off, uint32_t kind) {
  for (uint32_t i = 0; i < n_relocs(blk); i++)
    if (relocs_of(blk)[i].off == off && relocs_of(blk)[i].kind == kind)
      return 1;
  return 0;
}

/* The kind an 8-byte value at an immediate must be recorded as, for the
 * values that are addresses of this run; 0 for any other value. */
static uint32_t address_kind(const struct tc_block *blk, uint64_t v, const uint8_t *guest,
                             size_t guest_size, const struct tc_buf *buf) {
  if (v >= (uintptr_t)__executable_start && v < (uintptr_t)_end)
    return TC_RELOC_HOST64;
  if (v + (64u << 20) >= (uintptr_t)guest && v < (uintptr_t)guest + guest_size + (64u << 20))
    return TC_RELOC_GUEST64;
  if (v >= (uintptr_t)blk->exits && v < (uintptr_t)(blk->exits + TC_MAX_EXITS))
    return TC_RELOC_EXIT64;
  if (v >= (uintptr_t)buf->start && v < (uintptr_t)buf->end)
    return UINT32_MAX; /* nothing describes an absolute code-buffer address */
  return 0;
}

/* Every movabs (REX.W B8+r io, the one x86-64 instruction with an 8-byte
 * immediate) in blk's code whose immediate is an address of this run is
 * recorded as its kind: the offset + 1 of one that is not. */
static uint32_t unrecorded_address(const struct tc_block *blk, const struct side *s,
                                   size_t guest_size) {
  const uint8_t *c = blk->code;
  for (uint32_t i = 2; i + 8 <= blk->code_size; i++) {
    if ((c[i - 2] & 0xfe) != 0x48 || (c[i - 1] & 0xf8) != 0xb8)
      continue;
    uint32_t k = address_kind(blk, rd64(c + i), s->guest, guest_size, &s->buf);
    if (k && !has_reloc(blk, i, k)) {
      fprintf(stderr, "  movabs at +%u: 0x%llx\n", i - 2, (unsigned long long)rd64(c + i));
      return i + 1;
    }
  }
  return 0;
}

static int same_exits(const struct tc_block *a, const struct tc_block *b, uint64_t delta) {
  if (a->n_exits != b->n_exits)
    return 0;
  for (uint32_t k = 0; k < a->n_exits; k++) {
    const struct tc_exit *x = &a->exits[k], *y = &b->exits[k];
    if (x->target_pc + delta != y->target_pc || x->jump != y->jump || x->stub != y->stub ||
        tc_exit_from(x) != a || tc_exit_from(y) != b || x->to || y->to)
      return 0;
  }
  return 1;
}

static int same_relocs(const struct tc_block *a, const struct tc_block *b) {
  return n_relocs(a) == n_relocs(b) &&
         (!n_relocs(a) || !memcmp(relocs_of(a), relocs_of(b), n_relocs(a) * sizeof(*relocs_of(a))));
}

static int same_pcmap(const struct tc_block *a, const struct tc_block *b) {
  return a->n_pcmap == b->n_pcmap &&
         (!a->n_pcmap || !memcmp(a->pcmap, b->pcmap, a->n_pcmap * sizeof(*a->pcmap)));
}

static int same_defer(const struct tc_block *a, const struct tc_block *b, uint64_t delta) {
  if (a->defer_size != b->defer_size)
    return 0;
  if (!a->defer_size)
    return 1;
  uint8_t *d = malloc(a->defer_size);
  memcpy(d, a->defer, a->defer_size);
  x64_backend.relocate_data(d, a->defer_size, delta);
  int same = !memcmp(d, b->defer, a->defer_size);
  free(d);
  return same;
}

/* Leaving out any one relocation whose value differs between the two
 * places must show; an 8-byte host address (the image does not move here)
 * is checked by unrecorded_address instead. Returns the index + 1 of one
 * that does not show. */
static uint32_t unnoticed_skip(struct move m) {
  for (m.skip = 0; m.skip < n_relocs(m.from); m.skip++)
    if (relocs_of(m.from)[m.skip].kind != TC_RELOC_HOST64 && !moved_differs(&m))
      return m.skip + 1;
  return 0;
}

struct stats {
  unsigned blocks, failed_both, relocs[TC_RELOC_GUEST32 + 1];
  unsigned defer_moved; /* blocks whose deferred-state records hold a guest address */
};

static void count(struct stats *st, const struct tc_block *a, const struct tc_block *b) {
  st->blocks++;
  for (uint32_t i = 0; i < n_relocs(a); i++)
    if (relocs_of(a)[i].kind <= TC_RELOC_GUEST32)
      st->relocs[relocs_of(a)[i].kind]++;
  st->defer_moved += a->defer_size && memcmp(a->defer, b->defer, a->defer_size);
}

/* Translate the block at offset off of both sides and compare. Returns 0 or
 * a reason. */
static const char *check_block(struct side *sa, struct side *sb, size_t guest_size, size_t off,
                               struct stats *st) {
  uint64_t delta = (uintptr_t)sb->guest - (uintptr_t)sa->guest;
  struct tc_block *a = translate(sa, (uintptr_t)sa->guest + off);
  struct tc_block *b = translate(sb, (uintptr_t)sb->guest + off);
  const char *why = NULL;
  struct move m = {a, b, delta, sa->buf.start, sb->buf.start, UINT32_MAX};
  if (!a || !b)
    why = a || b ? "translated on one side only" : NULL;
  else if (a->unsaveable || b->unsaveable)
    why = "unsaveable";
  else if (a->code_size != b->code_size)
    why = "code sizes differ";
  else if (!same_relocs(a, b))
    why = "relocations differ";
  else if (moved_differs(&m))
    why = "relocated code differs";
  else if (!same_exits(a, b, delta))
    why = "exits differ";
  else if (!same_pcmap(a, b))
    why = "pcmaps differ";
  else if (!same_defer(a, b, delta))
    why = "deferred-state records differ after relocate_data";
  else if (unrecorded_address(a, sa, guest_size) || unrecorded_address(b, sb, guest_size))
    why = "an address with no relocation";
  else if (unnoticed_skip(m))
    why = "a relocation left out went unnoticed";
  if (why && a && b)
    fprintf(stderr, "  block +0x%zx: %s (code %u/%u bytes, first difference at %u, %u relocs)\n",
            off, why, a->code_size, b->code_size, moved_differs(&m), n_relocs(a));
  else if (why)
    fprintf(stderr, "  block +0x%zx: %s\n", off, why);
  if (a && b)
    count(st, a, b);
  else if (!a && !b)
    st->failed_both++;
  block_free(a);
  block_free(b);
  return why;
}

/* Both sides of one pair of code buffers, with the guest code copied in. */
/* Where the guest code of a pair of sides is: both below 2 GiB, or both high. */
enum place { LOW, HIGH };

static int setup(struct side *sa, struct side *sb, const uint8_t *code, size_t size, int near,
                 enum place place) {
  *sa = (struct side){.guest = map_guest(place == LOW ? 0x10000000 : 0, size)};
  *sb = (struct side){.guest = map_guest(place == LOW ? 0x30000000 : 0, size)};
  int low = sa->guest && sb->guest && (uintptr_t)sa->guest + size <= TC_GUEST32_LIMIT &&
            (uintptr_t)sb->guest + size <= TC_GUEST32_LIMIT;
  int high = sa->guest && sb->guest && (uintptr_t)sa->guest >= TC_GUEST32_LIMIT &&
             (uintptr_t)sb->guest >= TC_GUEST32_LIMIT;
  if (!(place == LOW ? low : high) || map_code(&sa->buf, 32 << 20, near) ||
      map_code(&sb->buf, 32 << 20, near))
    return -1;
  memcpy(sa->guest, code, size);
  memcpy(sb->guest, code, size);
  x64_backend.init(&sa->buf);
  sa->first = sa->buf.cur;
  x64_backend.init(&sb->buf);
  sb->first = sb->buf.cur + 0x1230; /* blocks at other offsets from the trampolines */
  sa->buf.cur = sa->first;
  sb->buf.cur = sb->first;
  xrun_opt.max_block_insns = 64;
  return 0;
}

static void teardown(struct side *sa, struct side *sb, size_t size) {
  munmap(sa->guest, size);
  munmap(sb->guest, size);
  munmap(sa->buf.start, (size_t)(sa->buf.end - sa->buf.start));
  munmap(sb->buf.start, (size_t)(sb->buf.end - sb->buf.start));
}

/* Helpers are called rel32 from a near buffer and through rax from a far one. */
static int reaches_helpers(const struct side *s) {
  return x64_rel32_ok(s->buf.start, (const void *)ir_flags_pack) &&
         x64_rel32_ok(s->buf.end, (const void *)ir_flags_pack);
}

static void report(const char *what, int near, enum place place, const struct stats *st) {
  fprintf(stderr,
          "  %s, %s buffers, guest %s: %u blocks (%u untranslatable), relocations: guest64 %u "
          "guest32 %u host64 %u host32 %u buf32 %u exit64 %u; %u with a guest address in "
          "deferred-state records\n",
          what, near ? "near" : "far", place == LOW ? "low" : "high", st->blocks, st->failed_both,
          st->relocs[TC_RELOC_GUEST64], st->relocs[TC_RELOC_GUEST32], st->relocs[TC_RELOC_HOST64],
          st->relocs[TC_RELOC_HOST32], st->relocs[TC_RELOC_BUF32], st->relocs[TC_RELOC_EXIT64],
          st->defer_moved);
}

/* Code made low, moved high: refused when it has a guest address in a
 * 4-byte field, as it must (it holds no such address otherwise). */
static int low_code_moves_high(const struct tc_block *a, uint64_t low_to_high) {
  struct move m = {a, a, low_to_high, NULL, NULL, UINT32_MAX};
  uint8_t *code = malloc(a->code_size);
  memcpy(code, a->code, a->code_size);
  int r = relocate(code, &m);
  free(code);
  int has32 = 0;
  for (uint32_t i = 0; i < n_relocs(a); i++)
    has32 |= relocs_of(a)[i].kind == TC_RELOC_GUEST32;
  return has32 ? r == 0 : 0;
}

static int check_snippets(int near, enum place place, struct stats *st) {
  static uint8_t code[NSNIPPETS * SNIPPET_ALIGN + 4096];
  long n = assemble(code, sizeof(code));
  size_t size = 2 * sizeof(code);
  struct side sa, sb;
  if (n <= 0 || setup(&sa, &sb, code, size, near, place) || reaches_helpers(&sa) != near ||
      reaches_helpers(&sb) != near)
    return -1;
  int bad = 0;
  for (int k = 0; k < NSNIPPETS; k++)
    if (check_block(&sa, &sb, size, (size_t)k * SNIPPET_ALIGN, st)) {
      fprintf(stderr, "    snippet: %s\n", snippets[k]);
      bad++;
    }
  for (int k = 0; place == LOW && k < NSNIPPETS; k++) {
    struct tc_block *a = translate(&sa, (uintptr_t)sa.guest + (size_t)k * SNIPPET_ALIGN);
    if (a && low_code_moves_high(a, 0x5500000000ull)) {
      fprintf(stderr, "    moved high, not refused: %s\n", snippets[k]);
      bad++;
    }
    block_free(a);
  }
  teardown(&sa, &sb, size);
  return bad;
}

static void snippets_case(int *test_failed_, int near, enum place place) {
  struct stats st = {0};
  ASSERT_EQ(check_snippets(near, place, &st), 0);
  report("snippets", near, place, &st);
  ASSERT_EQ(st.blocks, NSNIPPETS);
  ASSERT(st.relocs[TC_RELOC_BUF32] && st.relocs[TC_RELOC_EXIT64]);
  ASSERT(near ? st.relocs[TC_RELOC_HOST32] && st.defer_moved : st.relocs[TC_RELOC_HOST64]);
  if (place == LOW) /* every guest address in 4 bytes */
    ASSERT(st.relocs[TC_RELOC_GUEST32] && !st.relocs[TC_RELOC_GUEST64]);
  else
    ASSERT(st.relocs[TC_RELOC_GUEST64] && !st.relocs[TC_RELOC_GUEST32]);
}

/* Each set of blocks runs four times: buffers near and far, guest low and high. */
#define EACH_PLACE(f)                                                                              \
  f(test_failed_, 1, LOW), f(test_failed_, 1, HIGH), f(test_failed_, 0, LOW),                      \
      f(test_failed_, 0, HIGH)

TEST(snippets_relocate) {
  EACH_PLACE(snippets_case);
}

static uint64_t rng = 0x853c49e6748fea9bull;
static uint64_t rnd(void) {
  rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
  return rng;
}

static const char *const libc_paths[] = {
    "/usr/aarch64-linux-gnu/lib/libc.so.6",
    "o/sysroot/aarch64/lib/aarch64-linux-gnu/libc.so.6",
    "o/sysroot/aarch64/usr/lib/aarch64-linux-gnu/libc.so.6",
};

/* Blocks at n random instructions of the guest C library's text. */
static int check_libc(int near, enum place place, unsigned n, struct stats *st) {
  size_t size = 0;
  uint8_t *text = NULL;
  for (unsigned k = 0; !text && k < sizeof(libc_paths) / sizeof(libc_paths[0]); k++)
    text = read_text(libc_paths[k], &size);
  if (!text)
    return -2;
  struct side sa, sb;
  if (setup(&sa, &sb, text, size, near, place) || reaches_helpers(&sa) != near ||
      reaches_helpers(&sb) != near) {
    free(text);
    return -1;
  }
  int bad = 0;
  for (unsigned i = 0; i < n && bad < 10; i++)
    bad += check_block(&sa, &sb, size, (size_t)(rnd() % (size / 4)) * 4, st) != NULL;
  teardown(&sa, &sb, size);
  free(text);
  return bad;
}

static void libc_case(int *test_failed_, int near, enum place place) {
  struct stats st = {0};
  int r = check_libc(near, place, 1500, &st);
  if (r == -2) {
    fprintf(stderr, "  (no aarch64 libc.so.6: skipped)\n");
    return;
  }
  ASSERT_EQ(r, 0);
  report("libc", near, place, &st);
  ASSERT(st.blocks > 1000);
}

TEST(libc_blocks_relocate) {
  EACH_PLACE(libc_case);
}

TEST_MAIN("x64_reloc")
