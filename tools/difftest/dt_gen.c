/* dt_gen.c - difftest-gen: random A64 test cases for the differential tester.
 *
 *   difftest-gen gen CLASS N SEED >cases.bin   N cases of one class
 *   difftest-gen pick CASES.bin K MASK >one    case K, slots not in MASK -> NOP
 *   difftest-gen code CASES.bin                instruction words of case 0, raw
 *   difftest-gen state CASES.bin               initial state of case 0, as text
 *   difftest-gen words CASES.bin               "id word0 .. word7" per case
 *   difftest-gen selfcheck [PER]               every template through objdump
 *   difftest-gen classes                       the class names
 */
#include "dt_casefile.h"
#include "dt_gen.h"
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

uint64_t dt_rand(struct dt_rng *r) {
  r->s ^= r->s >> 12;
  r->s ^= r->s << 25;
  r->s ^= r->s >> 27;
  return r->s * 0x2545f4914f6cdd1dull;
}

/* Bit position of pattern character i (spaces do not count). */
static int pat_bits(const char *pat, int *pos) {
  int n = 0;
  for (int i = 0; pat[i]; i++)
    pos[i] = pat[i] == ' ' ? -1 : 31 - n++;
  return n;
}

int dt_field(const char *pat, char letter, int *lo, int *width) {
  int pos[64], n = 0;
  pat_bits(pat, pos);
  *lo = 32;
  for (int i = 0; pat[i]; i++)
    if (pat[i] == letter) {
      *lo = pos[i];
      n++;
    }
  *width = n;
  return n;
}

static int is_pinned(unsigned x) {
  return x == DT_RWB || x == DT_RIDX || x == DT_RBASE || x == DT_RLOOP;
}

/* Registers: half the time one of the first few, so that the instructions of
 * a sequence feed each other. */
static unsigned pick_written(struct dt_rng *r, int zr) {
  if (zr && dt_below(r, 16) == 0)
    return 31;
  if (dt_below(r, 2))
    return dt_below(r, 6);
  unsigned x;
  do
    x = dt_below(r, 31);
  while (is_pinned(x));
  return x;
}

static unsigned pick_read(struct dt_rng *r, int zr) {
  if (zr && dt_below(r, 16) == 0)
    return 31;
  return dt_below(r, 2) ? dt_below(r, 6) : dt_below(r, 31);
}

static unsigned pick_reg(char letter, const struct dt_tmpl *t, struct dt_rng *r) {
  int zr = (t->flags & ZR) != 0;
  switch (letter) {
  case 'd':
  case 't':
  case 'u':
  case 'r': return pick_written(r, zr);
  case 'n':
  case 'm':
  case 'a': return pick_read(r, zr);
  case 'b': return (t->flags & WB) || dt_below(r, 2) ? DT_RWB : DT_RBASE;
  case 'B': return DT_RBASE;
  case 'x': return DT_RIDX;
  default: return dt_below(r, 2) ? dt_below(r, 8) : dt_below(r, 32); /* v w y z */
  }
}

uint32_t dt_encode(const struct dt_tmpl *t, int slot, struct dt_rng *r) {
  static const char regs[] = "dturnmabBxvwyz";
  int pos[64], lo, width;
  if (pat_bits(t->pat, pos) != 32) {
    fprintf(stderr, "difftest-gen: template %s is not 32 bits\n", t->name);
    exit(2);
  }
  uint32_t w = 0;
  for (int i = 0; t->pat[i]; i++) {
    char c = t->pat[i];
    if (pos[i] >= 0 && (c == '1' || ((c == '?' || c == 'i' || c == 'c') && dt_below(r, 2))))
      w |= 1u << pos[i];
  }
  for (const char *c = regs; *c; c++)
    if (dt_field(t->pat, *c, &lo, &width))
      w = dt_set(w, lo, width, pick_reg(*c, t, r));
  return dt_fix(t, w, slot, r);
}

/* Seeds: special values a quarter of the time each kind. */
static uint64_t seed_x(struct dt_rng *r) {
  static const uint64_t special[] = {0,
                                     1,
                                     ~0ull,
                                     0x80000000,
                                     0x7fffffff,
                                     0xffffffff,
                                     0x8000000000000000ull,
                                     0x7fffffffffffffffull,
                                     2,
                                     63,
                                     64};
  switch (dt_below(r, 4)) {
  case 0: return special[dt_below(r, sizeof special / sizeof special[0])];
  case 1: return dt_below(r, 256) - 128;
  case 2: return (uint32_t)dt_rand(r);
  default: return dt_rand(r);
  }
}

static uint64_t seed_f64(struct dt_rng *r) {
  static const uint64_t special[] = {0x7ff8000000000000ull,
                                     0x7ff0000000000001ull,
                                     0x7ff0000000000000ull,
                                     0xfff0000000000000ull,
                                     0x8000000000000000ull,
                                     0,
                                     1,
                                     0x800fffffffffffffull,
                                     0x3ff0000000000000ull,
                                     0xbff8000000000000ull,
                                     0x43e0000000000000ull};
  if (dt_below(r, 3) == 0)
    return special[dt_below(r, sizeof special / sizeof special[0])];
  uint64_t sign = dt_rand(r) & 1ull << 63, exp = 1023 - 40 + dt_below(r, 80);
  return sign | exp << 52 | (dt_rand(r) & ((1ull << 52) - 1));
}

static uint32_t seed_f32(struct dt_rng *r) {
  static const uint32_t special[] = {0x7fc00000, 0x7f800001, 0x7f800000, 0xff800000, 0x80000000, 0,
                                     1,          0x807fffff, 0x3f800000, 0xcf000000, 0x4f000000};
  if (dt_below(r, 3) == 0)
    return special[dt_below(r, sizeof special / sizeof special[0])];
  uint32_t sign = dt_rand(r) & 1u << 31, exp = 127 - 20 + dt_below(r, 40);
  return sign | exp << 23 | (dt_rand(r) & ((1u << 23) - 1));
}

static uint64_t seed_v(struct dt_rng *r) {
  switch (dt_below(r, 4)) {
  case 0: return dt_rand(r);
  case 1: return seed_f64(r);
  case 2: return (uint64_t)seed_f32(r) << 32 | seed_f32(r);
  default: return seed_x(r);
  }
}

static void seed_regs(struct dt_regs *g, struct dt_rng *r) {
  for (int i = 0; i < 31; i++)
    g->x[i] = seed_x(r);
  g->x[DT_RWB] = DT_WB_INIT;
  g->x[DT_RIDX] = dt_below(r, 64);
  g->x[DT_RBASE] = DT_BASE_INIT;
  g->nzcv = (uint64_t)dt_below(r, 16) << 28;
  for (int i = 0; i < 64; i++)
    g->v[i] = seed_v(r);
}

static int class_by_name(const char *name) {
  for (int c = 0; c < DT_NCLASSES; c++)
    if (!strcmp(name, dt_class_names[c]))
      return c;
  fprintf(stderr, "difftest-gen: unknown class %s\n", name);
  exit(2);
}

static const struct dt_tmpl *pick_tmpl(int cls, struct dt_rng *r) {
  static int list[DT_NCLASSES][512], n[DT_NCLASSES] = {0}, built;
  if (!built) {
    for (int i = 0; i < dt_ntmpls; i++)
      for (int c = 0; c < DT_NCLASSES; c++)
        if (dt_tmpls[i].classes & 1u << c)
          list[c][n[c]++] = i;
    built = 1;
  }
  return &dt_tmpls[list[cls][dt_below(r, n[cls])]];
}

/* b.cond, cbz/cbnz or tbz/tbnz to the slot after next. */
static uint32_t loop_branch(struct dt_rng *r) {
  unsigned bit = dt_below(r, 64), rt = pick_read(r, 1), op = dt_below(r, 2) << 24;
  switch (dt_below(r, 3)) {
  case 0: return 0x54000040u | dt_below(r, 14);                              /* b.cond .+8 */
  case 1: return 0x34000040u | dt_below(r, 2) << 31 | op | rt;               /* cbz/cbnz .+8 */
  default: return 0x36000040u | bit >> 5 << 31 | op | (bit & 31) << 19 | rt; /* tbz/tbnz .+8 */
  }
}

/* The loop class: a loop whose way round is the taken side of a conditional
 * branch and whose fall-through leaves it (xrun's decoder follows such a
 * branch, decode/dec_trace.c), its other instructions from the int, flags,
 * ldst and fp classes, x25 counting 1 to 4 rounds:
 *
 *   0: A  1: B  2: b.cond/cbz/tbz 4  3: b exit  4: C  5: sub x25, x25, #1
 *   6: cbnz x25, 0  7: D */
static void gen_loop(struct dt_case *c, struct dt_rng *r) {
  static const int body[] = {DT_INT, DT_FLAGS, DT_LDST, DT_FP};
  c->ninsn = DT_SLOTS;
  for (int i = 0; i < DT_SLOTS; i++)
    c->insn[i] = dt_encode(pick_tmpl(body[dt_below(r, 4)], r), i, r);
  c->insn[2] = loop_branch(r);
  c->insn[3] = 0x14000005u; /* b exit (the slot after the last) */
  c->insn[5] = 0xd1000739u; /* sub x25, x25, #1 */
  c->insn[6] = 0xb5ffff59u; /* cbnz x25, slot 0 */
}

static void gen_case(struct dt_case *c, uint32_t id, int cls, struct dt_rng *r) {
  memset(c, 0, sizeof *c);
  c->id = id;
  if (cls == DT_LOOP)
    gen_loop(c, r);
  else {
    c->ninsn = 1 + dt_below(r, DT_SLOTS);
    for (int i = 0; i < DT_SLOTS; i++)
      c->insn[i] = i < (int)c->ninsn ? dt_encode(pick_tmpl(cls, r), i, r) : DT_NOP;
  }
  c->mem_seed = dt_rand(r);
  seed_regs(&c->regs, r);
  c->regs.x[DT_RLOOP] = 1 + dt_below(r, 4);
}

static int cmd_gen(int argc, char **argv) {
  if (argc != 5)
    return 2;
  int cls = class_by_name(argv[2]);
  unsigned long n = strtoul(argv[3], NULL, 0);
  struct dt_rng r = {strtoull(argv[4], NULL, 0) * 0x9e3779b97f4a7c15ull + cls + 1};
  struct dt_case c;
  for (unsigned long i = 0; i < n; i++) {
    gen_case(&c, (uint32_t)i, cls, &r);
    if (fwrite(&c, sizeof c, 1, stdout) != 1)
      return 1;
  }
  return 0;
}

static const struct dt_casefmt case_fmt = {"difftest-gen", sizeof(struct dt_case),
                                           offsetof(struct dt_case, insn), DT_SLOTS, DT_NOP};

static int cmd_pick(int argc, char **argv) {
  return dt_cmd_pick(&case_fmt, argc, argv);
}

static int cmd_code(int argc, char **argv) {
  return dt_cmd_code(&case_fmt, argc, argv);
}

static int cmd_words(int argc, char **argv) {
  return dt_cmd_words(&case_fmt, argc, argv);
}

static int cmd_state(int argc, char **argv) {
  if (argc != 3)
    return 2;
  struct dt_case c;
  dt_case_read(&case_fmt, argv[2], 0, &c);
  for (int i = 0; i < 31; i++)
    printf("x%d=%016llx ", i, (unsigned long long)c.regs.x[i]);
  printf("nzcv=%llx", (unsigned long long)c.regs.nzcv >> 28);
  for (int i = 0; i < 32; i++)
    printf(" v%d=%016llx%016llx", i, (unsigned long long)c.regs.v[2 * i + 1],
           (unsigned long long)c.regs.v[2 * i]);
  printf("\n");
  return 0;
}

int dt_selfcheck(int per);

static int cmd_selfcheck(int argc, char **argv) {
  return dt_selfcheck(argc > 2 ? atoi(argv[2]) : 256);
}

static int cmd_classes(int argc, char **argv) {
  (void)argc, (void)argv;
  for (int c = 0; c < DT_NCLASSES; c++)
    printf("%s\n", dt_class_names[c]);
  return 0;
}

static const struct {
  const char *name;
  int (*run)(int argc, char **argv);
} dt_cmds[] = {
    {"gen", cmd_gen},         {"words", cmd_words}, {"pick", cmd_pick},
    {"code", cmd_code},       {"state", cmd_state}, {"selfcheck", cmd_selfcheck},
    {"classes", cmd_classes},
};

int main(int argc, char **argv) {
  for (size_t i = 0; argc > 1 && i < sizeof dt_cmds / sizeof dt_cmds[0]; i++)
    if (!strcmp(argv[1], dt_cmds[i].name)) {
      int st = dt_cmds[i].run(argc, argv);
      if (st == 2)
        fprintf(stderr, "difftest-gen %s: bad arguments\n", argv[1]);
      return st;
    }
  fprintf(stderr, "usage: difftest-gen gen|pick|code|state|selfcheck|classes ...\n");
  return 2;
}
