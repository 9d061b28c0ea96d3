/* rv_gen.c - difftest-gen-rv64: random riscv64 test cases for the
 * differential tester. The same commands as difftest-gen (dt_gen.c):
 *
 *   difftest-gen-rv64 gen CLASS N SEED >cases.bin   N cases of one class
 *   difftest-gen-rv64 pick CASES.bin K MASK >one    case K, slots not in MASK -> NOP
 *   difftest-gen-rv64 code CASES.bin                instruction words of case 0, raw
 *   difftest-gen-rv64 state CASES.bin               initial state of case 0, as text
 *   difftest-gen-rv64 words CASES.bin               "id word0 .. word7" per case
 *   difftest-gen-rv64 selfcheck [PER]               every template through objdump
 *   difftest-gen-rv64 selfcases PER >cases.bin      PER one-instruction cases per
 *                                                   template (must not SIGILL)
 *   difftest-gen-rv64 classes                       the class names
 */
#include "dt_casefile.h"
#include "rv_gen.h"
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

uint64_t rv_rand(struct rv_rng *r) {
  r->s ^= r->s >> 12;
  r->s ^= r->s << 25;
  r->s ^= r->s >> 27;
  return r->s * 0x2545f4914f6cdd1dull;
}

/* Bit position of pattern character i (spaces do not count); the width. */
static int pat_bits(const char *pat, int *pos) {
  int n = 0, len = (int)strlen(pat);
  for (int i = 0; i < len; i++)
    n += pat[i] != ' ';
  for (int i = 0, k = n; i < len; i++)
    pos[i] = pat[i] == ' ' ? -1 : --k;
  return n;
}

int rv_width(const struct rv_tmpl *t) {
  int pos[64];
  return pat_bits(t->pat, pos);
}

/* Registers: half the time one of a few (which the C forms' 3-bit fields
 * reach too), so that the instructions of a sequence feed each other. */
static const uint8_t rv_hot[] = {8, 10, 11, 12, 13, 14, 15, 5};

static int is_pinned(unsigned x) {
  return x == RV_RSP || x == RV_RGP || x == RV_RTP || x == RV_RCB || x == RV_RCODE ||
         x == RV_RAMO || x == RV_RBASE || x == RV_RLOOP;
}

static unsigned pick_written(struct rv_rng *r) {
  if (rv_below(r, 16) == 0)
    return 0;
  if (rv_below(r, 2))
    return rv_hot[rv_below(r, sizeof rv_hot)];
  unsigned x;
  do
    x = rv_below(r, 32);
  while (is_pinned(x));
  return x;
}

static unsigned pick_read(struct rv_rng *r) {
  if (rv_below(r, 2))
    return rv_hot[rv_below(r, sizeof rv_hot)];
  unsigned x;
  do
    x = rv_below(r, 32);
  while (x == RV_RGP || x == RV_RTP);
  return x;
}

/* A valid rounding mode: RNE RTZ RDN RUP RMM, or DYN (frm). */
static unsigned pick_rm(struct rv_rng *r) {
  static const uint8_t rm[] = {0, 1, 2, 3, 4, 7, 7};
  return rm[rv_below(r, sizeof rm)];
}

/* A vector register: mostly the start of an aligned group (which LMUL 8
 * takes), so that most instructions are legal and feed each other. */
static unsigned pick_vreg(struct rv_rng *r) {
  switch (rv_below(r, 8)) {
  case 0: return rv_below(r, 32);
  case 1: return 2 * rv_below(r, 16);
  case 2: return 4 * rv_below(r, 8);
  case 3: return 0; /* v0: the mask */
  default: return 8 * (1 + rv_below(r, 3));
  }
}

static unsigned pick_field(char letter, struct rv_rng *r) {
  switch (letter) {
  case 'd': return pick_written(r);
  case 's':
  case 't': return pick_read(r);
  case 'p': return rv_hot[rv_below(r, 7)] - 8; /* x8, x10..x15: never s1 */
  case 'q': return rv_below(r, 8);
  case 'P': return rv_below(r, 8);
  case 'k': return RV_RCB - 8;
  case 'b': return RV_RBASE;
  case 'a': return RV_RAMO;
  case 'c': return RV_RCODE;
  case 'r': return pick_rm(r);
  case 'v':
  case 'w':
  case 'u': return pick_vreg(r);
  default: return rv_below(r, 2) ? 8 + rv_below(r, 8) : rv_below(r, 32); /* D S T R */
  }
}

/* Where a letter sits in a pattern; returns its width (0 when absent). */
static int field(const char *pat, char letter, int *lo) {
  int pos[64], n = 0;
  pat_bits(pat, pos);
  for (int i = 0; pat[i]; i++)
    if (pat[i] == letter) {
      *lo = pos[i];
      n++;
    }
  return n;
}

uint32_t rv_encode(const struct rv_tmpl *t, int pos, struct rv_rng *r) {
  static const char letters[] = "dstpqPkbacrDSTRvwu";
  int bit[64], lo = 0, width;
  int n = pat_bits(t->pat, bit);
  if (n != 32 && n != 16) {
    fprintf(stderr, "difftest-gen-rv64: template %s is %d bits\n", t->name, n);
    exit(2);
  }
  uint32_t w = 0;
  for (int i = 0; t->pat[i]; i++)
    if (bit[i] >= 0 && (t->pat[i] == '1' || (t->pat[i] == 'i' && rv_below(r, 2))))
      w |= 1u << bit[i];
  for (const char *c = letters; *c; c++)
    if ((width = field(t->pat, *c, &lo)))
      w = rv_set(w, lo, width, pick_field(*c, r));
  return rv_fix(t, w, pos, r);
}

/* Seeds: special values a quarter of the time. */
static uint64_t seed_x(struct rv_rng *r) {
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
                                     64,
                                     0xffffffff80000000ull};
  switch (rv_below(r, 4)) {
  case 0: return special[rv_below(r, sizeof special / sizeof special[0])];
  case 1: return rv_below(r, 256) - 128;
  case 2: return (uint64_t)(int64_t)(int32_t)rv_rand(r);
  default: return rv_rand(r);
  }
}

static uint64_t seed_f64(struct rv_rng *r) {
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
                                     0x43e0000000000000ull,
                                     0xc3e0000000000000ull,
                                     0x41dfffffffc00000ull};
  if (rv_below(r, 3) == 0)
    return special[rv_below(r, sizeof special / sizeof special[0])];
  uint64_t sign = rv_rand(r) & 1ull << 63, exp = 1023 - 40 + rv_below(r, 110);
  return sign | exp << 52 | (rv_rand(r) & ((1ull << 52) - 1));
}

static uint32_t seed_f32(struct rv_rng *r) {
  static const uint32_t special[] = {0x7fc00000, 0x7f800001, 0x7f800000, 0xff800000, 0x80000000,
                                     0,          1,          0x807fffff, 0x3f800000, 0xcf000000,
                                     0x4f000000, 0x5f000000, 0xdf000000};
  if (rv_below(r, 3) == 0)
    return special[rv_below(r, sizeof special / sizeof special[0])];
  uint32_t sign = rv_rand(r) & 1u << 31, exp = 127 - 20 + rv_below(r, 90);
  return sign | exp << 23 | (rv_rand(r) & ((1u << 23) - 1));
}

static uint16_t seed_f16(struct rv_rng *r) {
  static const uint16_t special[] = {0x7e00, 0x7d00, 0x7c00, 0xfc00, 0x8000, 0,     1,
                                     0x83ff, 0x3c00, 0xbe00, 0x7bff, 0x0400, 0x6801};
  if (rv_below(r, 3) == 0)
    return special[rv_below(r, sizeof special / sizeof special[0])];
  return (uint16_t)((rv_rand(r) & 0x8000) | (1 + rv_below(r, 30)) << 10 | (rv_rand(r) & 0x3ff));
}

/* F registers: NaN-boxed singles and halves, doubles, and now and then an
 * improperly boxed single (which single-precision reads take as the
 * canonical NaN). */
static uint64_t seed_f(struct rv_rng *r) {
  switch (rv_below(r, 10)) {
  case 0: return (uint64_t)rv_rand(r) << 32 | seed_f32(r);
  case 8:
  case 9: return 0xffffffffffff0000ull | seed_f16(r);
  case 1:
  case 2:
  case 3: return 0xffffffff00000000ull | seed_f32(r);
  default: return seed_f64(r);
  }
}

static void seed_regs(struct rv_regs *g, struct rv_rng *r) {
  for (int i = 1; i < 32; i++)
    g->x[i] = seed_x(r);
  g->x[RV_RGP] = g->x[RV_RTP] = 0; /* not loaded */
  g->x[RV_RSP] = RV_BASE_INIT;
  g->x[RV_RCB] = RV_BASE_INIT - 256;
  g->x[RV_RCODE] = 0; /* the harness sets it */
  g->x[RV_RAMO] = DT_MEM + 8 * rv_below(r, 256);
  g->x[RV_RBASE] = RV_BASE_INIT;
  g->fcsr = rv_below(r, 5) << 5 | rv_below(r, 4) * 8; /* frm, some fflags set */
  for (int i = 0; i < 32; i++)
    g->f[i] = seed_f(r);
}

static int class_by_name(const char *name) {
  for (int c = 0; c < RV_NCLASSES; c++)
    if (!strcmp(name, rv_class_names[c]))
      return c;
  fprintf(stderr, "difftest-gen-rv64: unknown class %s\n", name);
  exit(2);
}

/* A template of class cls; of 16 bits only when half16. */
static const struct rv_tmpl *pick_tmpl(int cls, int half16, struct rv_rng *r) {
  static int list[RV_NCLASSES][2][512], n[RV_NCLASSES][2], built;
  if (!built) {
    for (int i = 0; i < rv_ntmpls; i++)
      for (int c = 0; c < RV_NCLASSES; c++)
        if (rv_tmpls[i].classes & 1u << c) {
          list[c][0][n[c][0]++] = i;
          if (rv_width(&rv_tmpls[i]) == 16)
            list[c][1][n[c][1]++] = i;
        }
    built = 1;
  }
  return &rv_tmpls[list[cls][half16][rv_below(r, n[cls][half16])]];
}

/* One slot: a 32-bit instruction, or two 16-bit ones. */
static uint32_t gen_slot(int cls, int slot, struct rv_rng *r) {
  const struct rv_tmpl *t = pick_tmpl(cls, 0, r);
  uint32_t w = rv_encode(t, 4 * slot, r);
  if (rv_width(t) == 32)
    return w;
  t = pick_tmpl(cls, 1, r);
  return w | rv_encode(t, 4 * slot + 2, r) << 16;
}

/* LR and SC of one case all take the width of its first: the ISA leaves an
 * SC.W paired with an LR.D (or the reverse) to the implementation; qemu
 * fails it (it compares the whole LR value), xrun lets it succeed. */
static void same_lrsc_width(struct rv_case *c) {
  int width = -1;
  for (int i = 0; i < RV_SLOTS; i++) {
    uint32_t w = c->insn[i];
    if ((w & 0x7f) != 0x2f || (rv_get(w, 27, 5) & ~1u) != 2) /* LR 00010, SC 00011 */
      continue;
    if (width < 0)
      width = (int)rv_get(w, 12, 3);
    c->insn[i] = rv_set(w, 12, 3, (uint32_t)width);
  }
}

/* The loop class: a loop whose way round is the taken side of a conditional
 * branch and whose fall-through leaves it (xrun's decoder follows such a
 * branch, decode/dec_trace.c), its other slots from the int, bitmanip, ldst
 * and fp classes, s8 counting 1 to 4 rounds:
 *
 *   0: A  1: B  2: beq..bgeu rs1, rs2, 4  3: j exit  4: C  5: addi s8, s8, -1
 *   6: bnez s8, 0  7: D */
static void gen_loop(struct rv_case *c, struct rv_rng *r) {
  static const int body[] = {RV_INT, RV_BITMANIP, RV_LDST, RV_FP};
  static const uint32_t funct3[] = {0, 1, 4, 5, 6, 7}; /* beq bne blt bge bltu bgeu */
  c->ninsn = RV_SLOTS;
  for (int i = 0; i < RV_SLOTS; i++)
    c->insn[i] = gen_slot(body[rv_below(r, 4)], i, r);
  c->insn[2] = pick_read(r) << 20 | pick_read(r) << 15 | funct3[rv_below(r, 6)] << 12 | 0x463u;
  c->insn[3] = 0x0140006fu; /* j exit (the slot after the last) */
  c->insn[5] = 0xfffc0c13u; /* addi s8, s8, -1 */
  c->insn[6] = 0xfe0c14e3u; /* bnez s8, slot 0 */
}

static void gen_case(struct rv_case *c, uint32_t id, int cls, struct rv_rng *r) {
  memset(c, 0, sizeof *c);
  c->id = id;
  if (cls == RV_LOOP)
    gen_loop(c, r);
  else {
    c->ninsn = 1 + rv_below(r, RV_SLOTS);
    for (int i = 0; i < RV_SLOTS; i++)
      c->insn[i] = i < (int)c->ninsn ? gen_slot(cls, i, r) : RV_NOP;
  }
  same_lrsc_width(c);
  c->mem_seed = rv_rand(r);
  seed_regs(&c->regs, r);
  c->regs.x[RV_RLOOP] = 1 + rv_below(r, 4);
  /* bit 0: a vector case; bits 2:1 its SEW: any (vector), 32 or 64
   * (vectorfp), 16 (vectorcvt16) */
  uint64_t vs = rv_rand(r) & ~6ull;
  c->vseed = cls == RV_VECTOR        ? vs | 1
             : cls == RV_VECTORFP    ? vs | 3
             : cls == RV_VECTORCVT16 ? vs | 5
                                     : 0;
}

static int cmd_gen(int argc, char **argv) {
  if (argc != 5)
    return 2;
  int cls = class_by_name(argv[2]);
  unsigned long n = strtoul(argv[3], NULL, 0);
  struct rv_rng r = {strtoull(argv[4], NULL, 0) * 0x9e3779b97f4a7c15ull + cls + 101};
  struct rv_case c;
  for (unsigned long i = 0; i < n; i++) {
    gen_case(&c, (uint32_t)i, cls, &r);
    if (fwrite(&c, sizeof c, 1, stdout) != 1)
      return 1;
  }
  return 0;
}

/* A 16-bit template's word padded with C.NOP to fill its slot. */
uint32_t rv_encode_slot(const struct rv_tmpl *t, int pos, struct rv_rng *r) {
  uint32_t w = rv_encode(t, pos, r);
  return rv_width(t) == 32 ? w : w | 0x0001u << 16;
}

/* V templates are left out of the selfcases: one instruction without a
 * vtype set (vill) is SIGILL, as it should be. */
static int is_vector(const struct rv_tmpl *t) {
  size_t n = strlen(t->pat);
  return (t->classes & (C(VECTOR) | C(VECTORFP) | C(VECTORCVT16))) ||
         (n >= 7 && !strcmp(t->pat + n - 7, "1010111"));
}

static int cmd_selfcases(int argc, char **argv) {
  if (argc != 3)
    return 2;
  int per = atoi(argv[2]);
  struct rv_rng r = {0x5eed};
  struct rv_case c;
  uint32_t id = 0;
  for (int t = 0; t < rv_ntmpls; t++)
    for (int i = 0; i < per && !is_vector(&rv_tmpls[t]); i++) {
      gen_case(&c, id++, 0, &r);
      c.ninsn = 1;
      c.insn[0] = rv_encode_slot(&rv_tmpls[t], 0, &r);
      for (int k = 1; k < RV_SLOTS; k++)
        c.insn[k] = RV_NOP;
      if (fwrite(&c, sizeof c, 1, stdout) != 1)
        return 1;
    }
  return 0;
}

static const struct dt_casefmt case_fmt = {"difftest-gen-rv64", sizeof(struct rv_case),
                                           offsetof(struct rv_case, insn), RV_SLOTS, RV_NOP};

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
  struct rv_case c;
  dt_case_read(&case_fmt, argv[2], 0, &c);
  for (int i = 1; i < 32; i++)
    printf("x%d=%016llx ", i, (unsigned long long)c.regs.x[i]);
  printf("frm=%llx fflags=%02llx", (unsigned long long)(c.regs.fcsr >> 5 & 7),
         (unsigned long long)(c.regs.fcsr & 31));
  for (int i = 0; i < 32; i++)
    printf(" f%d=%016llx", i, (unsigned long long)c.regs.f[i]);
  printf("\n");
  return 0;
}

int rv_selfcheck(int per);

static int cmd_selfcheck(int argc, char **argv) {
  return rv_selfcheck(argc > 2 ? atoi(argv[2]) : 256);
}

static int cmd_classes(int argc, char **argv) {
  (void)argc, (void)argv;
  for (int c = 0; c < RV_NCLASSES; c++)
    printf("%s\n", rv_class_names[c]);
  return 0;
}

static const struct {
  const char *name;
  int (*run)(int argc, char **argv);
} rv_cmds[] = {
    {"gen", cmd_gen},
    {"words", cmd_words},
    {"pick", cmd_pick},
    {"code", cmd_code},
    {"state", cmd_state},
    {"selfcheck", cmd_selfcheck},
    {"selfcases", cmd_selfcases},
    {"classes", cmd_classes},
};

int main(int argc, char **argv) {
  for (size_t i = 0; argc > 1 && i < sizeof rv_cmds / sizeof rv_cmds[0]; i++)
    if (!strcmp(argv[1], rv_cmds[i].name)) {
      int st = rv_cmds[i].run(argc, argv);
      if (st == 2)
        fprintf(stderr, "difftest-gen-rv64 %s: bad arguments\n", argv[1]);
      return st;
    }
  fprintf(stderr,
          "usage: difftest-gen-rv64 gen|pick|code|state|words|selfcheck|selfcases|classes ...\n");
  return 2;
}
