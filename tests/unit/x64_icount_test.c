/* x64_icount_test.c - how many x86-64 instructions representative A64
 * sequences become: decoded, optimized and translated as xrun does it, the
 * block disassembled by objdump and its instructions counted (alignment nops
 * left out). Every count is pinned: a change in code generation shows here,
 * and an improvement updates the table with the new count.
 *
 * A block is the whole translation: the body and each exit (a chainable
 * jmp and its 2-instruction stub, with a check of exit_request before it
 * when it goes back to the block's start or before; or the indirect
 * jump-cache probe). A side exit whose path stores nothing is its jcc and
 * the stub alone (x64_cold.c). A loop (a block that branches back to its own start)
 * counts its loop header's loads and its exits' stores of the guest
 * registers it keeps in host registers (x64_loop.c); x64_loop_test counts
 * one of its iterations.
 *
 * The guest code is mapped high, as a PIE or a library is, except for the
 * low cases: at 0x400000, where a non-PIE program is. There a guest address
 * is a 4-byte immediate or displacement (TC_RELOC_GUEST32, x64_reloc.c): a
 * link register or a state slot set with one store, a return's check one
 * cmp, a global read or written with no register for its address.
 */
#define _GNU_SOURCE
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

struct icount_case {
  const char *name;
  const char *asm_text; /* A64 assembly; a block ends at its first branch */
  unsigned host_insns;  /* x86-64 instructions of the translated block */
};

static const struct icount_case cases[] = {
    {"cmp_bne", "cmp x1, x2\n b.ne .+8\n b .+4", 12},
    {"cmp_imm_bhi", "cmp x1, #42\n b.hi .+8\n b .+4", 10},
    {"tst_beq", "tst w1, #0xff\n b.eq .+8\n b .+4", 10},
    {"subs_bne", "subs x1, x1, #1\n b.ne .+8\n b .+4", 12},
    {"adds_csel", "adds x0, x1, x2\n csel x3, x4, x5, lt\n b .+4", 16},
    {"cmp_cset", "cmp w1, w2\n cset w0, ge\n b .+4", 12},
    {"cmp_add_csel", "cmp x1, x2\n add x3, x3, #1\n csel x0, x4, x5, lt\n b .+4", 17},
    {"cbz_w", "cbz w1, .+8\n b .+4", 8},
    {"cset_orr_cbnz",
     "cmp w1, w2\n cset w4, hs\n cmp w3, #0\n cset w5, eq\n orr w4, w4, w5\n cbnz w4, .+8\n b .+4",
     20},
    {"ccmp", "cmp x1, x2\n ccmp x3, x4, #0, ne\n b.eq .+8\n b .+4", 21},
    {"ccmp_store_beq_cmp",
     "ands x0, x0, x2\n ccmp w4, w5, #4, ne\n str w1, [x3]\n b.eq .+12\n cmp x4, #16\n b.eq "
     ".+8\n b .+4",
     32},
    {"cmp_state_deferred",
     "ldr w1, [x0]\n cmp w1, w20\n b.ls .+16\n cmp w23, w1\n b.hi .+8\n b .+4", 23},
    {"ldr_offset", "ldr x0, [x1, #8]\n b .+4", 6},
    {"ldr_reg_lsl", "ldr x0, [x1, x2, lsl #3]\n b .+4", 7},
    {"ldrb_post", "ldrb w0, [x1], #1\n b .+4", 8},
    {"ldp_stp", "ldp x0, x1, [sp, #16]\n stp x0, x1, [sp, #-32]!\n b .+4", 12},
    {"add32_chain", "add w0, w1, w2\n add w0, w0, w3\n add w0, w0, #7\n b .+4", 8},
    {"w_of_live_x", "ldr x1, [x0]\n cmp w1, w3\n add x2, x1, #1\n b .+4", 12},
    {"add_shifted_reg", "add x0, x2, x1, lsl #3\n b .+4", 7},
    {"add_shifted_live",
     "add x4, x4, #1\n add x3, x8, x4, lsl #2\n str w1, [x3, #-4]\n add w5, w4, w6, lsl #1\n b .+4",
     14},
    {"and_low32", "and x0, x1, #0xffffffff\n add x2, x0, x3\n b .+4", 7},
    {"flags_across_load", "cmp x1, x2\n b.eq .+16\n ldr x3, [x4]\n cmp x3, x5\n b.ne .+8\n b .+4",
     24},
    {"flags_in_beq", "b.eq .+8\n b .+4", 8},
    {"flags_in_cset_hi", "cset w0, hi\n b .+4", 8},
    {"flags_in_csel_adc", "csel x0, x1, x2, lt\n adc x3, x3, xzr\n b .+4", 24},
    {"flags_in_mrs", "mrs x0, nzcv\n b .+4", 8},
    {"flags_loop_top",
     "0: b.mi .+64\n sub x6, x6, #4\n cmp w9, w7\n b.gt .+64\n ldr w24, [x6]\n sub w7, w7, #1\n "
     "add "
     "w1, w13, w24\n ldrb w1, [x2, w1, uxtw]\n subs w1, w1, w12\n cbnz w1, 0b\n b .+4",
     58},
    {"sxtw", "sxtw x0, w1\n b .+4", 6},
    /* the remainder is what div left in rdx (x64_fuse_rem); the cases of a
     * zero divisor, a 64-bit one and -1 are after the block (x64_lower_div) */
    {"udiv_msub_cbnz", "udiv x1, x19, x2\n msub x3, x1, x2, x19\n cbnz x3, .+8\n b .+4", 28},
    {"sdiv_msub32", "sdiv w1, w5, w2\n msub w3, w1, w2, w5\n b .+4", 23},
    {"uxtb_sxth", "uxtb w0, w1\n sxth x2, w3\n b .+4", 9},
    {"rbit", "rbit x0, x1\n b .+4", 27},
    {"rbit_clz", "rbit x0, x1\n clz x0, x0\n b .+4", 6},
    {"rbit_clz_w", "rbit w0, w1\n clz w0, w0\n b .+4", 6},
    {"clz", "clz x0, x1\n b .+4", 6},
    {"lsl_var", "lsl x0, x1, x2\n b .+4", 7},
    {"tbnz_63", "tbnz x1, #63, .+8\n b .+4", 8},
    {"tbz_3_keep", "tbz w2, #3, .+8\n add x3, x2, #1\n b .+4", 10},
    {"ror_keep", "ror w0, w1, #11\n add w2, w1, w0\n b .+4", 8},
    {"fmul_d", "fmul d0, d1, d2\n b .+4", 21},
    {"fmul_2d", "fmul v0.2d, v1.2d, v2.2d\n b .+4", 21},
    {"fadd_4s", "fadd v0.4s, v1.4s, v2.4s\n b .+4", 21},
    {"fcmp_bmi", "fcmpe d0, d1\n b.mi .+8\n b .+4", 27},
    {"fmov_s_read_back", "fmov s3, s4\n fmov w5, s3\n b .+4", 7},
    {"fmov_vec_half", "add v2.4s, v1.4s, v1.4s\n fmov x3, v2.d[1]\n b .+4", 8},
    {"fmov_s_from_w", "fmov s3, w4\n b .+4", 6},
    /* byte permutations (opt_vperm.c): whole words one pshufd, a rotation of
     * lanes two shifts and an OR, another table pshufb */
    {"rev64_4s", "rev64 v0.4s, v1.4s\n b .+4", 6},
    {"rev16_16b", "rev16 v0.16b, v1.16b\n b .+4", 8},
    {"rev32_16b", "rev32 v0.16b, v1.16b\n b .+4", 11},
    {"simd_64bit_chain",
     "ushr v2.2s, v1.2s, #7\n shl v3.2s, v1.2s, #25\n orr v2.8b, v2.8b, v3.8b\n"
     " eor v4.8b, v2.8b, v5.8b\n add v0.2s, v4.2s, v2.2s\n b .+4",
     14},
    {"fcmp_bge", "fcmpe d0, d1\n b.ge .+8\n b .+4", 28},
    {"fcmp_cset_gt", "fcmp s0, s1\n cset w0, gt\n b .+4", 28},
    /* x30 (movabs, store), the return-address slot (lea, store: x64_ras.c),
     * the exit (jmp, stub of 2), and the return stub (movabs, cmp, jne,
     * then a checked exit: cmp, je, stub of 2) */
    {"bl", "bl .+8", 14},
    /* x30 into rax, then its slot: mov ecx, eax; and ecx, 0x3fc; jmp [slot]
     * (the jump-cache probe, 14 with the load, is the slot's when it misses) */
    {"ret", "ret", 4},
    {"counted_loop", "0: add x0, x0, x1\n add x1, x1, #1\n cmp x1, x2\n b.lt 0b\n b .+4", 24},
    /* twelve values live at once, with x16's: every allocatable register,
     * rcx and rdx too (x64_scratch.c), and no spill (44 with two) */
    {"twelve_live",
     "eor x16, x2, x3\n eor x16, x16, x4\n eor x16, x16, x5\n eor x16, x16, x6\n"
     " eor x16, x16, x7\n eor x16, x16, x8\n eor x16, x16, x9\n eor x16, x16, x10\n"
     " eor x16, x16, x11\n eor x16, x16, x12\n eor x16, x16, x13\n"
     " add x17, x2, x3\n add x17, x17, x4\n add x17, x17, x5\n add x17, x17, x6\n"
     " add x17, x17, x7\n add x17, x17, x8\n add x17, x17, x9\n add x17, x17, x10\n"
     " add x17, x17, x11\n add x17, x17, x12\n add x17, x17, x13\n b .+4",
     40},
    {"byte_hash_loop",
     "0: ldrb w1, [x2], #1\n add w0, w0, w0, lsl #5\n eor w0, w1, w0\n cmp x2, x3\n b.ne 0b\n b "
     ".+4",
     39},
};
enum { NCASES = sizeof(cases) / sizeof(cases[0]) };

/* Guest code at 0x400000: a guest address is a movabs even where an imm32
 * would hold it (BL's link register: a movabs and a store, not one mov
 * qword [r14+off], imm32), as in the cases mapped high. */
static const struct icount_case low_cases[] = {
    {"bl_low", "bl .+8", 12},
    {"adr_ldr_low", "adr x0, .+64\n ldr x1, [x0, #8]\n b .+4", 6},
    /* the load and the store at absolute addresses, x1 (the page) one store */
    {"adrp_ldr_str_low", "adrp x1, .+0x1000\n ldr w2, [x1, #0x10]\n str w2, [x1, #0x20]\n b .+4",
     7},
};
enum { NLOW = sizeof(low_cases) / sizeof(low_cases[0]) };

/* With A64's hot registers pinned in host registers across blocks
 * (x64_pin.c: sp, x30, x0, x1, x19 in rbx, rbp, r12, r13, r15): their GETs
 * and PUTs are the registers, a helper call stores and reloads them. The
 * same sequences as above where they have a name here. */
static const struct icount_case pinned_cases[] = {
    /* the stores at [rbx - 0x20] and [rbx - 0x18], then add rbx, -0x20: the
     * pre-index address is the stores' displacement, no lea of it first */
    {"ldp_stp", "ldp x0, x1, [sp, #16]\n stp x0, x1, [sp, #-32]!\n b .+4", 10},
    {"bl", "bl .+8", 13},
    {"ret", "ret", 4},
    {"br_x8", "br x8", 14},
    {"add_x0_x1_x2", "add x0, x0, x1\n add x1, x1, x2\n b .+4", 5},
    {"counted_loop", "0: add x0, x0, x1\n add x1, x1, #1\n cmp x1, x2\n b.lt 0b\n b .+4", 18},
    {"ldr_x0_from_x19", "ldr x0, [x19, #8]\n str x0, [sp, #16]\n b .+4", 5},
    {"ldrb_w0_cmp", "ldrb w0, [x19, #8]\n cmp w0, #0x45\n cset w1, eq\n b .+4", 9},
    {"casp_helper", ".arch armv8.1-a\n casp x0, x1, x2, x3, [x19]\n b .+4", 19},
    /* seven values live across the loop, sp, x30, x0, x1 and x19 not used:
     * three of their registers are the loop's (x64_loop.c), which keeps x2,
     * x3 and x4 in them (24 instructions an iteration, x5 and x6 loaded and
     * stored in each; the rest is the exits') */
    {"loop_freed_pins",
     "0: ldr x12, [x2], #8\n add x3, x3, x12\n eor x4, x4, x3, ror #3\n add x5, x5, x4, lsr #1\n "
     "sub x6, x6, x5\n add x15, x6, x4\n cmp x2, x10\n b.ne 0b\n b .+4",
     49},
};
enum { NPINNED = sizeof(pinned_cases) / sizeof(pinned_cases[0]) };

/* Assemble text with the aarch64 cross assembler into words; returns how many. */
static int assemble(const char *text, uint32_t *words, int max) {
  long n = a64_assemble(text, NULL, (uint8_t *)words, (size_t)max * 4);
  return n < 0 ? -1 : (int)(n / 4);
}

/* The x86-64 instructions in code[0..n), not counting nops; -1 on failure.
 * With show, the listing goes to stderr. */
static int count_host_insns(const uint8_t *code, size_t n, int show) {
  char path[] = "/tmp/icount-host.XXXXXX", cmd[256], line[512];
  int fd = mkstemp(path);
  if (fd < 0 || write(fd, code, n) != (ssize_t)n)
    return -1;
  close(fd);
  snprintf(cmd, sizeof(cmd), "objdump -D -b binary -mi386:x86-64 %s", path);
  FILE *f = popen(cmd, "r");
  int count = 0;
  while (f && fgets(line, sizeof(line), f)) {
    char *tab1 = strchr(line, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
    if (!tab2)
      continue; /* headers, and continuation lines of long instructions */
    if (show)
      fputs(line, stderr);
    if (strncmp(tab2 + 1, "nop", 3) && strncmp(tab2 + 1, "xchg   %ax,%ax", 14))
      count++;
  }
  if (f)
    pclose(f);
  unlink(path);
  return f ? count : -1;
}

static struct tc_buf code;
static struct tc_pcmap pcmap_store[4096];
static uint32_t *guest_code, *guest_code_low;
static struct tc_block blk; /* the last case's block */

/* A code buffer within rel32 of the test's own image, as xrun places its
 * own (tc_buf.c): calls of helpers and constants are then rip-relative. */
static uint8_t *near_text(size_t size) {
  uintptr_t text = (uintptr_t)&near_text & ~(uintptr_t)0xfffff;
  for (uintptr_t hint = text - (256u << 20); hint > text - (1536u << 20); hint -= 64u << 20) {
    void *p = mmap((void *)hint, size, PROT_READ | PROT_WRITE | PROT_EXEC,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    if (p != MAP_FAILED)
      return p;
  }
  return MAP_FAILED;
}

static int setup(void) {
  if (code.start)
    return 0; /* done by an earlier test */
  guest_code_low = mmap((void *)0x400000, 4096, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  code.start = near_text(1 << 20);
  guest_code = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (code.start == MAP_FAILED || guest_code == MAP_FAILED || guest_code_low != (void *)0x400000)
    return -1;
  code.cur = code.start;
  code.end = code.start + (1 << 20);
  x64_backend.init(&code);
  xrun_opt.max_block_insns = 64;
  x64_feat(); /* the counts are those of a host with LZCNT, BMI1, BMI2, AVX and AVX2 */
  x64_features |= X64_F_BMI1 | X64_F_BMI2 | X64_F_LZCNT | X64_F_SSE41 | X64_F_AVX | X64_F_AVX2;
  return 0;
}

/* The host instructions case c's block becomes, or -1. */
static int translate_case(const struct icount_case *c, int low, int show) {
  uint32_t words[64];
  int n = assemble(c->asm_text, words, 64);
  if (n <= 0)
    return -1;
  uint32_t *at = low ? guest_code_low : guest_code;
  memset(at, 0, 4096); /* nothing of an earlier case after this one's code */
  memcpy(at, words, (size_t)n * 4);
  uint64_t pc = (uint64_t)(uintptr_t)at;
  struct ir_block *b = ir_block_new(pc);
  a64_decode_block(b, pc);
  opt_run(b);
  blk = (struct tc_block){
      .guest_pc = pc, .pcmap = pcmap_store, .pcmap_cap = 4096, .exits_cap = TC_MAX_EXITS};
  int count = -1;
  if (x64_backend.translate(b, &blk, &code) == 0 && !code.overflow)
    count = count_host_insns(blk.code, blk.code_size, show);
  ir_block_free(b);
  return count;
}

/* Cases whose count is not the pinned one: listed, with their code. */
static int check_cases(const struct icount_case *cs, int n, int low) {
  int bad = 0;
  for (int i = 0; i < n; i++) {
    int got = translate_case(&cs[i], low, 0);
    if (got != (int)cs[i].host_insns) {
      fprintf(stderr, "  %s: want %u host instructions, got %d:\n", cs[i].name, cs[i].host_insns,
              got);
      translate_case(&cs[i], low, 1);
      bad = 1;
    }
  }
  return bad;
}

TEST(host_instruction_counts) {
  ASSERT_EQ(setup(), 0);
  ASSERT(!check_cases(cases, NCASES, 0));
}

TEST(host_instruction_counts_low) {
  ASSERT_EQ(setup(), 0);
  ASSERT(!check_cases(low_cases, NLOW, 1));
}

TEST(host_instruction_counts_pinned) {
  ASSERT_EQ(setup(), 0);
  x64_pin_slots(a64_guest.hot_regs, a64_guest.n_hot_regs);
  int bad = check_cases(pinned_cases, NPINNED, 0);
  x64_pin_slots(NULL, 0);
  ASSERT(!bad);
}

/* Where the rel32 jump or jcc whose rel32 is at rel goes. */
static const uint8_t *rel32_target(const uint8_t *rel) {
  int32_t d;
  memcpy(&d, rel, 4);
  return rel + 4 + d;
}

/* Exit e chains to the block's own start and back to its stub. */
static int chains(struct tc_exit *e) {
  x64_backend.patch(e, blk.code);
  int to_block = rel32_target(tc_exit_jump(e) + 1) == blk.code;
  x64_backend.patch(e, NULL);
  return to_block && rel32_target(tc_exit_jump(e) + 1) == tc_exit_stub(e);
}

/* A side exit's path that stores x5 (deferred: the block writes it again)
 * lies after the block's last exit (x64_cold.c): the body's jcc goes to
 * it, and the path that stays in the block jumps nowhere. */
TEST(side_exit_path_after_the_block) {
  ASSERT_EQ(setup(), 0);
  static const struct icount_case c = {
      "side_exit_store", "add x5, x5, #1\n cmp x1, x2\n b.ne .+64\n add x5, x5, #2\n b .+4", 0};
  ASSERT(translate_case(&c, 0, 0) > 0);
  ASSERT_EQ(blk.n_exits, 2);
  struct tc_exit *side = &blk.exits[0], *last = &blk.exits[1];
  ASSERT_EQ(side->target_pc, blk.guest_pc + 72);
  const uint8_t *path = tc_exit_stub(last) + 15; /* past its stub: movabs rax; jmp */
  ASSERT(tc_exit_jump(side) > path);
  const uint8_t *jcc = memchr(blk.code, 0x0f, (size_t)(tc_exit_jump(last) - blk.code));
  ASSERT(jcc && (jcc[1] & 0xf0) == 0x80);
  const uint8_t *to = rel32_target(jcc + 2);
  ASSERT(to >= path && to < tc_exit_jump(side));
  ASSERT(tc_exit_stub(side) < blk.code + blk.code_size);
  ASSERT(chains(side));
}

/* A division and the remainder read from it (A64's UDIV and MSUB): the
 * body, up to its exit's jump, runs straight through the common case (both
 * operands within 32 bits): div ecx, the quotient from rax and the
 * remainder from rdx, no imul and no jump; the rare cases lie after the
 * exit, and jump back to where the division ends. */
TEST(division_common_case_straight) {
  ASSERT_EQ(setup(), 0);
  static const struct icount_case c = {"udiv_msub",
                                       "udiv x1, x19, x2\n msub x3, x1, x2, x19\n b .+4", 0};
  ASSERT(translate_case(&c, 0, 0) > 0);
  ASSERT_EQ(blk.n_exits, 1);
  const uint8_t *exit = tc_exit_jump(&blk.exits[0]);
  /* mov, mov (x19, x2); mov rcx; mov rax; test; je; mov, or, shr; jne; div ecx;
   * mov r8, rax; mov [x1], r8; mov rsi, rdx; mov [x3], rsi */
  ASSERT_EQ(count_host_insns(blk.code, (size_t)(exit - blk.code), 0), 15);
  unsigned jccs = 0;
  for (const uint8_t *p = blk.code; p + 6 <= exit; p++)
    if (p[0] == 0x0f && (p[1] == 0x84 || p[1] == 0x85) && rel32_target(p + 2) > exit &&
        rel32_target(p + 2) < blk.code + blk.code_size)
      jccs++;
  ASSERT(jccs >= 2);
}

/* A path that stores nothing: the body's jcc is the exit's patchable
 * jump, and only its stub lies after the block. */
TEST(side_exit_jcc_is_the_exit) {
  ASSERT_EQ(setup(), 0);
  static const struct icount_case c = {"side_exit_direct",
                                       "cmp x1, x2\n b.ne .+64\n add x0, x0, #1\n b .+4", 0};
  ASSERT(translate_case(&c, 0, 0) > 0);
  ASSERT_EQ(blk.n_exits, 2);
  struct tc_exit *side = &blk.exits[0], *last = &blk.exits[1];
  ASSERT_EQ(side->target_pc, blk.guest_pc + 68);
  const uint8_t *jump = tc_exit_jump(side);
  ASSERT(jump < tc_exit_jump(last));
  ASSERT(jump[-1] == 0x0f && (jump[0] & 0xf0) == 0x80 && ((uintptr_t)(jump + 1) & 3) == 0);
  ASSERT(tc_exit_stub(side) >= tc_exit_stub(last) + 15);
  ASSERT(chains(side));
}

/* A branch to one of the block's own instructions, or back, may be the
 * way most runs go: a path with a store (x5, deferred) stays where it is,
 * the body jumping over it. */
TEST(side_exit_likely_stays) {
  ASSERT_EQ(setup(), 0);
  static const struct {
    struct icount_case c;
    int64_t to; /* the side exit's target, from the block's start */
  } cs[] = {
      {{"side_exit_inside",
        "add x5, x5, #1\n cmp x1, x2\n b.ne .+8\n add x5, x5, #2\n add x0, x0, #1\n b .+4", 0},
       16},
      {{"side_exit_back", "add x5, x5, #1\n cmp x1, x2\n b.ne .-64\n add x5, x5, #2\n b .+4", 0},
       -56},
  };
  for (unsigned k = 0; k < 2; k++) {
    ASSERT(translate_case(&cs[k].c, 0, 0) > 0);
    ASSERT_EQ(blk.n_exits, 2);
    ASSERT_EQ(blk.exits[0].target_pc, blk.guest_pc + (uint64_t)cs[k].to);
    ASSERT(tc_exit_jump(&blk.exits[0]) < tc_exit_jump(&blk.exits[1]));
    ASSERT(chains(&blk.exits[0]));
  }
}

TEST_MAIN("x64_icount")
