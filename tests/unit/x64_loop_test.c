/* x64_loop_test.c - loop-carried guest registers (backend-x86_64/x64_loop.c):
 * A64 loops that are one block, decoded, optimized and translated as xrun
 * does it. Chaining the back edge to its own block goes to the loop header,
 * past the loads; the host code from the header to the back edge's jump
 * (one iteration) loads and stores no guest register, and spills nothing;
 * a fault at the loop's memory access rebuilds the carried registers from
 * the host registers (x64_fault_state).
 */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>
#include "test.h"
#include "a64_asm.h"
#include "../../backend-x86_64/x64.h"
#include "../../decode/aarch64/a64_cpu.h"
#include "../../decode/aarch64/a64_util.h"
#include "../../opt/opt.h"
#include "../../xrun.h"

static struct tc_buf code;
static struct tc_pcmap pcmap_store[256];
static struct tc_block blk;
static uint32_t *guest_code;

static int setup(void) {
  if (code.start)
    return 0;
  code.start =
      mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  guest_code = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (code.start == MAP_FAILED || guest_code == MAP_FAILED)
    return -1;
  code.cur = code.start;
  code.end = code.start + (1 << 20);
  x64_backend.init(&code);
  xrun_opt.max_block_insns = 64;
  return 0;
}

/* Translate the loop in text (its first instruction is the loop's start)
 * into blk; 0 on success. */
static int translate(const char *text) {
  uint32_t words[64];
  long n = a64_assemble(text, NULL, (uint8_t *)words, sizeof(words));
  if (n <= 0)
    return -1;
  memset(guest_code, 0, 4096); /* nothing of an earlier loop after this one */
  memcpy(guest_code, words, (size_t)n);
  uint64_t pc = (uint64_t)(uintptr_t)guest_code;
  struct ir_block *b = ir_block_new(pc);
  a64_decode_block(b, pc);
  opt_run(b);
  blk = (struct tc_block){
      .guest_pc = pc, .pcmap = pcmap_store, .pcmap_cap = 256, .exits_cap = TC_MAX_EXITS};
  int r = x64_backend.translate(b, &blk, &code) == 0 && !code.overflow ? 0 : -1;
  ir_block_free(b);
  return r;
}

/* The exit back to the block's start. */
static struct tc_exit *back_edge(void) {
  for (uint32_t i = 0; i < blk.n_exits; i++)
    if (blk.exits[i].target_pc == blk.guest_pc)
      return &blk.exits[i];
  return NULL;
}

/* Where the rel32 jump at j goes. */
static const uint8_t *jump_target(const uint8_t *j) {
  int32_t rel;
  memcpy(&rel, j + 1, 4);
  return j + 5 + rel;
}

/* objdump's listing of code[from, to) into text; instructions in *n. */
static int disassemble(const uint8_t *from, const uint8_t *to, char *text, size_t max, int *n) {
  char path[] = "/tmp/x64loop.XXXXXX", cmd[256], line[512];
  int fd = mkstemp(path);
  if (fd < 0 || write(fd, from, (size_t)(to - from)) != to - from)
    return -1;
  close(fd);
  snprintf(cmd, sizeof(cmd), "objdump -D -b binary -mi386:x86-64 %s", path);
  FILE *f = popen(cmd, "r");
  size_t len = 0;
  *n = 0;
  text[0] = 0;
  while (f && fgets(line, sizeof(line), f)) {
    char *tab1 = strchr(line, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
    if (!tab2 || !strncmp(tab2 + 1, "nop", 3) || !strncmp(tab2 + 1, "xchg   %ax,%ax", 14))
      continue;
    (*n)++;
    if (len + strlen(tab2 + 1) < max) {
      strcpy(text + len, tab2 + 1);
      len += strlen(tab2 + 1);
    }
  }
  if (f)
    pclose(f);
  unlink(path);
  return f ? 0 : -1;
}

/* How many lines of text name the guest register slots x0..x30, sp and
 * v0..v31 (an access through r14, X64_STATE_BIAS bytes into the state
 * struct), how many of those v0..v31, and how many the spill area. */
static void count_accesses(const char *text, int *guest_regs, int *v_regs, int *spills) {
  *guest_regs = *v_regs = *spills = 0;
  for (const char *l = text; *l; l = strchr(l, '\n') + 1) {
    const char *r14 = strstr(l, "(%r14)"), *eol = strchr(l, '\n');
    const char *rsp = strstr(l, "(%rsp)");
    if (rsp && rsp < eol)
      (*spills)++;
    if (r14 && r14 < eol) {
      const char *d = r14;
      while (d > l && d[-1] != ',' && d[-1] != ' ')
        d--;
      long off = strtol(d, NULL, 16) + X64_STATE_BIAS;
      int v = off >= (long)offsetof(struct a64_cpu, v) && off < (long)sizeof(struct a64_cpu);
      *v_regs += v;
      *guest_regs += v || (off >= (long)offsetof(struct a64_cpu, x) &&
                           off < (long)offsetof(struct a64_cpu, nzcv));
    }
    if (!eol)
      break;
  }
}

/* The back edge, chained to its own block as tc_chain does it, and the
 * host code of one iteration (its header to the back edge's jump) in text,
 * n instructions; NULL if there is none. */
static struct tc_exit *iteration(char *text, size_t max, int *n) {
  struct tc_exit *e = back_edge();
  if (!e)
    return NULL;
  x64_backend.patch(e, blk.code);
  const uint8_t *jump = tc_exit_jump(e), *header = jump_target(jump);
  if (header <= blk.code || header >= jump || disassemble(header, jump + 5, text, max, n) < 0)
    return NULL;
  return e;
}

/* One iteration of the translated loop, with want_regs accesses of guest
 * registers (loads of slots no register was left for). */
static int check_iteration(const char *name, int want_flag_stores, int want_insns, int want_regs) {
  char text[16384];
  int n, regs, v_regs, spills;
  struct tc_exit *e = iteration(text, sizeof(text), &n);
  if (!e)
    return -1;
  const uint8_t *jump = tc_exit_jump(e);
  count_accesses(text, &regs, &v_regs, &spills);
  char lazy_op[32];
  long lazy_disp = (long)offsetof(struct cpu, lazy_op) - X64_STATE_BIAS;
  snprintf(lazy_op, sizeof(lazy_op), ",%s0x%lx(%%r14)", lazy_disp < 0 ? "-" : "",
           lazy_disp < 0 ? -lazy_disp : lazy_disp);
  int flag_stores = strstr(text, lazy_op) != NULL;
  if (regs != want_regs || spills || (flag_stores != 0) != want_flag_stores || n != want_insns) {
    fprintf(stderr,
            "  %s: %d guest register accesses, %d spills, %d host instructions (want %d) in one "
            "iteration:\n%s",
            name, regs, spills, n, want_insns, text);
    return -1;
  }
  x64_backend.patch(e, NULL);
  return jump_target(jump) == tc_exit_stub(e) ? 0 : -1;
}

/* A counted loop: the flags are written before anything can observe them. */
TEST(counted_loop_iteration) {
  ASSERT_EQ(setup(), 0);
  ASSERT_EQ(translate("0: add x0, x0, x1\n add x1, x1, #1\n cmp x1, x2\n b.lt 0b\n b .+4"), 0);
  ASSERT_EQ(check_iteration("counted_loop", 0, 6, 0), 0);
}

/* A load before the compare: a fault there sees the last iteration's
 * flags, so they are kept as their lazy image in three registers, moved
 * at the back edge, never stored; the loop-invariant x3 gets no register
 * left and is loaded (a load, where the flags were three stores). */
TEST(byte_hash_loop_iteration) {
  ASSERT_EQ(setup(), 0);
  ASSERT_EQ(translate("0: ldrb w1, [x2], #1\n add w0, w0, w0, lsl #5\n eor w0, w1, w0\n"
                      " cmp x2, x3\n b.ne 0b\n b .+4"),
            0);
  ASSERT_EQ(check_iteration("byte_hash_loop", 0, 16, 1), 0);
}

/* A copy loop with a store, and a back edge by cbnz (no flags). */
TEST(copy_loop_iteration) {
  ASSERT_EQ(setup(), 0);
  ASSERT_EQ(translate("0: ldr x4, [x1], #8\n str x4, [x2], #8\n sub x3, x3, #1\n cbnz x3, 0b\n"
                      " b .+4"),
            0);
  ASSERT_EQ(check_iteration("copy_loop", 0, 11, 0), 0);
}

/* A loop whose way round is the taken side of b.ls (a64_trace.c): one
 * block, with its back edge in the part it followed (two blocks before,
 * with no back edge to find). The path of the side exit of b.ls not taken,
 * which stores x0 to x3, lies after the block (x64_cold.c), not between the
 * header and the back edge: the iteration is straight code with no guest
 * register access. It stores the flags lazily (that side exit leaves them
 * to the code after the loop). */
TEST(loop_through_taken_branch_iteration) {
  ASSERT_EQ(setup(), 0);
  ASSERT_EQ(translate("0: ldr x2, [x1], #8\n add x0, x0, x2\n cmp x0, x5\n b.ls 1f\n"
                      " mov x0, #0\n ret\n"
                      "1: sub x3, x3, #1\n cbnz x3, 0b\n b .+4"),
            0);
  ASSERT_EQ(check_iteration("taken_loop", 1, 14, 0), 0);
}

/* x64_fault_state at the loop's load: x1, x2 and x3 come from host
 * registers (each host register r holds 0x1000 + r here), not from the
 * state struct, which holds stale values once the loop has gone round. */
TEST(fault_state_from_registers) {
  ASSERT_EQ(setup(), 0);
  ASSERT_EQ(translate("0: ldr x4, [x1], #8\n str x4, [x2], #8\n sub x3, x3, #1\n cbnz x3, 0b\n"
                      " b .+4"),
            0);
  ASSERT(blk.n_pcmap >= 1);
  static const int greg[16] = {REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP,
                               REG_RSI, REG_RDI, REG_R8,  REG_R9,  REG_R10, REG_R11,
                               REG_R12, REG_R13, REG_R14, REG_R15};
  ucontext_t uc;
  memset(&uc, 0, sizeof(uc));
  for (int r = 0; r < 16; r++)
    uc.uc_mcontext.gregs[greg[r]] = 0x1000 + r;
  struct a64_cpu c;
  memset(&c, 0, sizeof(c));
  x64_backend.fault_state(&blk, blk.code + blk.pcmap[0].host_off, &uc, &c.c);
  for (int i = 1; i <= 3; i++) {
    ASSERT(c.x[i] >= 0x1000 && c.x[i] < 0x1010);
    ASSERT(c.x[i] != 0x1000 + X64_R14 && c.x[i] != 0x1000 + X64_RSP);
  }
}

/* An FP recurrence (z = z * z + c, as a Mandelbrot loop): the d registers
 * it reads and writes stay in xmm registers around the loop, and the ones
 * it only reads are loaded once, at the header. Each FP op keeps its check
 * (here, with xrun's constants out of rel32 reach, built in xmm14: 8
 * instructions and a je) and its result's high half cleared (movq): the
 * carried registers hold the V registers exactly. The back edge moves the
 * five new values into their registers. */
TEST(fp_loop_iteration) {
  ASSERT_EQ(setup(), 0);
  ASSERT_EQ(translate("0: fmul d2, d0, d0\n fmul d3, d1, d1\n fsub d4, d2, d3\n"
                      " fmul d1, d0, d1\n fadd d1, d1, d1\n fadd d1, d1, d6\n fadd d0, d4, d5\n"
                      " sub x3, x3, #1\n cbnz x3, 0b\n b .+4"),
            0);
  ASSERT_EQ(check_iteration("fp_loop", 0, 89, 0), 0);
}

/* An integer kept in s1 (fmov w1, s1 reads the low half of v1, fmov s1,
 * w1 writes it and zeroes the high half), with general registers to
 * spare: v1's halves are two 8-byte slots, the low one in a general
 * register, as any other. */
TEST(fmov_halves_loop_iteration) {
  ASSERT_EQ(setup(), 0);
  ASSERT_EQ(translate("0: fmov w1, s1\n add w1, w1, w2\n fmov s1, w1\n sub x3, x3, #1\n"
                      " cbnz x3, 0b\n b .+4"),
            0);
  ASSERT_EQ(check_iteration("fmov_halves_loop", 0, 7, 0), 0);
}

/* The same with every general register taken by the loop's own and more
 * such vector registers than the loop's pins (x64_choose): those that get
 * no general register are carried in xmm registers instead (movd to read a
 * low half, one movq at the back edge to write it with the high half
 * zeroed), and the loop loads and stores none of v1 to v5. */
TEST(fmov_halves_xmm_iteration) {
  ASSERT_EQ(setup(), 0);
  ASSERT_EQ(translate("0: fmov w12, s1\n add w12, w12, w2\n fmov s1, w12\n"
                      " fmov w13, s2\n eor w13, w13, w12\n fmov s2, w13\n"
                      " fmov w14, s3\n eor w14, w14, w13\n fmov s3, w14\n"
                      " fmov w15, s4\n add w15, w15, w14\n fmov s4, w15\n"
                      " fmov w16, s5\n eor w16, w16, w15\n fmov s5, w16\n"
                      " add x4, x4, x5\n add x5, x5, x6\n add x6, x6, x7\n add x7, x7, x8\n"
                      " add x8, x8, x9\n add x9, x9, x10\n add x10, x10, x11\n"
                      " add x11, x11, x4\n sub x3, x3, #1\n cbnz x3, 0b\n b .+4"),
            0);
  char text[16384];
  int n, regs, v_regs, spills, movq = 0;
  struct tc_exit *e = iteration(text, sizeof(text), &n);
  ASSERT(e != NULL);
  count_accesses(text, &regs, &v_regs, &spills);
  for (const char *l = strstr(text, "movq   %r"); l; l = strstr(l + 1, "movq   %r"))
    movq += strncmp(strchr(l, ',') ? strchr(l, ',') : l, ",%xmm", 5) == 0;
  if (v_regs || movq < 1 || movq > 4)
    fprintf(stderr, "  %d v register accesses, %d movq into xmm:\n%s", v_regs, movq, text);
  ASSERT_EQ(v_regs, 0);
  ASSERT(movq >= 1 && movq <= 4);
  x64_backend.patch(e, NULL);
}

/* x64_fault_state at the load of an FP loop: d0, which the loop has
 * written by then, comes from its xmm register (xmm r holds bytes 0x40 + r
 * here), not from the state struct; the high half is the register's too. */
TEST(fault_state_from_xmm) {
  ASSERT_EQ(setup(), 0);
  ASSERT_EQ(translate("0: ldr d4, [x1], #8\n fadd d0, d0, d4\n sub x3, x3, #1\n cbnz x3, 0b\n"
                      " b .+4"),
            0);
  ASSERT(blk.n_pcmap >= 1);
  ucontext_t uc;
  struct _libc_fpstate fp;
  memset(&uc, 0, sizeof(uc));
  memset(&fp, 0, sizeof(fp));
  for (int r = 0; r < 16; r++)
    memset(&fp._xmm[r], 0x40 + r, 16);
  uc.uc_mcontext.fpregs = &fp;
  struct a64_cpu c;
  memset(&c, 0, sizeof(c));
  x64_backend.fault_state(&blk, blk.code + blk.pcmap[0].host_off, &uc, &c.c);
  uint8_t b = (uint8_t)c.v[0][0];
  ASSERT(b >= 0x40 && b < 0x40 + X64_XMM_ALLOC);
  for (int k = 0; k < 16; k++)
    ASSERT_EQ(((uint8_t *)c.v[0])[k], b);
}

TEST_MAIN("x64_loop")
