/* rv64_decode_test.c - the compressed instructions expand to the IR of the
 * 32-bit instruction they stand for: each RV64C encoding (the GNU assembler's
 * output for the instruction text) is decoded, then its 32-bit equivalent at
 * the same pc, and the two IR listings must agree but for the fall-through
 * exit (pc + 2 against pc + 4). Also: the encodings rv64c.decode reserves
 * raise SIGILL, FENCE.I drops every translation, FENCE keeps the orders it
 * names, and a few 32-bit decodes. */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "../../decode/riscv64/rv64.h"
#include "../../ir/ir.h"
#include "../../tcache/tc_int.h"
#include "../../xrun.h"
#include "test.h"

/* c16: what `as -march=rv64gc` makes of the text with .option rvc;
 * i32: the same text with .option norvc. */
static const struct {
  uint16_t c16;
  uint32_t i32;
  const char *text;
} pairs[] = {
    {0x1fe8, 0x3fc10513, "addi a0, sp, 1020"},   /* c.addi4spn */
    {0x0044, 0x00410493, "addi s1, sp, 4"},      /* c.addi4spn */
    {0x3de8, 0x0f85b507, "fld fa0, 248(a1)"},    /* c.fld */
    {0x5ff0, 0x07c7a603, "lw a2, 124(a5)"},      /* c.lw */
    {0x7c74, 0x0f843683, "ld a3, 248(s0)"},      /* c.ld */
    {0xa71c, 0x00f73427, "fsd fa5, 8(a4)"},      /* c.fsd */
    {0xc0b0, 0x04c4a023, "sw a2, 64(s1)"},       /* c.sw */
    {0xe11c, 0x00f53023, "sd a5, 0(a0)"},        /* c.sd */
    {0x1701, 0xfe070713, "addi a4, a4, -32"},    /* c.addi */
    {0x02fd, 0x01f28293, "addi t0, t0, 31"},     /* c.addi */
    {0x37fd, 0xfff7879b, "addiw a5, a5, -1"},    /* c.addiw */
    {0x2dc5, 0x011d8d9b, "addiw s11, s11, 17"},  /* c.addiw */
    {0x5665, 0xff900613, "addi a2, zero, -7"},   /* c.li */
    {0x7101, 0xe0010113, "addi sp, sp, -512"},   /* c.addi16sp */
    {0x617d, 0x1f010113, "addi sp, sp, 496"},    /* c.addi16sp */
    {0x7701, 0xfffe0737, "lui a4, 0xfffe0"},     /* c.lui */
    {0x637d, 0x0001f337, "lui t1, 31"},          /* c.lui */
    {0x927d, 0x03f65613, "srli a2, a2, 63"},     /* c.srli */
    {0x8405, 0x40145413, "srai s0, s0, 1"},      /* c.srai */
    {0x9ae9, 0xffa6f693, "andi a3, a3, -6"},     /* c.andi */
    {0x8f99, 0x40e787b3, "sub a5, a5, a4"},      /* c.sub */
    {0x8c25, 0x00944433, "xor s0, s0, s1"},      /* c.xor */
    {0x8d4d, 0x00b56533, "or a0, a0, a1"},       /* c.or */
    {0x8df1, 0x00c5f5b3, "and a1, a1, a2"},      /* c.and */
    {0x9f99, 0x40e787bb, "subw a5, a5, a4"},     /* c.subw */
    {0x9ea5, 0x009686bb, "addw a3, a3, s1"},     /* c.addw */
    {0x1712, 0x02471713, "slli a4, a4, 36"},     /* c.slli */
    {0x0086, 0x00109093, "slli ra, ra, 1"},      /* c.slli */
    {0x347e, 0x1f813407, "fld fs0, 504(sp)"},    /* c.fldsp */
    {0x53fe, 0x0fc12383, "lw t2, 252(sp)"},      /* c.lwsp */
    {0x6922, 0x00813903, "ld s2, 8(sp)"},        /* c.ldsp */
    {0x8702, 0x00070067, "jalr zero, 0(a4)"},    /* c.jr */
    {0x8082, 0x00008067, "jalr zero, 0(ra)"},    /* c.jr */
    {0x87ba, 0x00e007b3, "add a5, zero, a4"},    /* c.mv */
    {0x9fde, 0x017f8fb3, "add t6, t6, s7"},      /* c.add */
    {0x9002, 0x00100073, "ebreak"},              /* c.ebreak */
    {0xbfee, 0x1fb13c27, "fsd fs11, 504(sp)"},   /* c.fsdsp */
    {0xdf96, 0x0e512e23, "sw t0, 252(sp)"},      /* c.swsp */
    {0xe006, 0x00113023, "sd ra, 0(sp)"},        /* c.sdsp */
    {0xce7d, 0x0e060f63, "beq a2, zero, .+254"}, /* c.beqz */
    {0xf081, 0xf00490e3, "bne s1, zero, .-256"}, /* c.bnez */
    {0xdc7d, 0xfe040fe3, "beq s0, zero, .-2"},   /* c.beqz */
    {0xaffd, 0x7fe0006f, "jal zero, .+2046"},    /* c.j */
    {0xb001, 0x801ff06f, "jal zero, .-2048"},    /* c.j */
};

/* Guest code lives here: both encodings are decoded at the same pc. */
static _Alignas(4096) uint8_t code[4096];

/* The IR listing of the one instruction at code + 8, without its heading
 * (which gives the size) and its final exit line. */
static void decode_listing(const void *insn, size_t len, char *out, size_t size) {
  memset(code, 0, sizeof(code));
  memcpy(code + 8, insn, len);
  struct ir_block *b = ir_block_new((uintptr_t)code + 8);
  rv64_decode_block(b, (uintptr_t)code + 8);
  FILE *f = fmemopen(out, size, "w");
  ir_print(f, b);
  fclose(f);
  ir_block_free(b);
  char *last = strrchr(out, '\n');
  if (last && last > out) { /* drop the final line unless it is the only exit */
    *last = 0;
    char *prev = strrchr(out, '\n');
    if (prev && (strstr(prev, "goto") && !strstr(out, "jump") && !strstr(out, "trap")))
      *prev = 0;
  }
  char *body = strchr(out, '\n');
  if (body)
    memmove(out, body, strlen(body) + 1);
}

TEST(compressed_expands_to_its_32bit_form) {
  xrun_opt.max_block_insns = 1;
  static char a[8192], b[8192];
  for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
    decode_listing(&pairs[i].c16, 2, a, sizeof(a));
    decode_listing(&pairs[i].i32, 4, b, sizeof(b));
    if (strcmp(a, b)) {
      fprintf(stderr, "  %s: %04x and %08x differ:\n%s\n--\n%s\n", pairs[i].text, pairs[i].c16,
              pairs[i].i32, a, b);
      ASSERT(0);
    }
  }
}

/* c.jalr links pc + 2, jalr pc + 4: the listings differ by exactly that. */
TEST(c_jalr_links_the_next_halfword) {
  xrun_opt.max_block_insns = 1;
  static char a[8192];
  uint16_t c = 0x9282; /* c.jalr t0 */
  decode_listing(&c, 2, a, sizeof(a));
  char want[64];
  snprintf(want, sizeof(want), "0x%llx", (unsigned long long)(uintptr_t)code + 10);
  ASSERT(strstr(a, want) != NULL);
  ASSERT(strstr(a, "jump") != NULL);
}

/* The reserved encodings end in a SIGILL trap. */
TEST(reserved_compressed_encodings_raise_sigill) {
  xrun_opt.max_block_insns = 1;
  static const uint16_t reserved[] = {
      0x0000, /* all zero (c.addi4spn, nzuimm 0) */
      0x0010, /* c.addi4spn a2, sp, 0 */
      0x2001, /* c.addiw x0 */
      0x6101, /* c.addi16sp 0 */
      0x6701, /* c.lui a4, 0 */
      0x4002, /* c.lwsp x0 */
      0x6002, /* c.ldsp x0 */
      0x8002, /* c.jr x0 */
      0x9c41, /* 100 1 11 ... 10 ... 01: reserved in RV64 */
  };
  for (size_t i = 0; i < sizeof(reserved) / sizeof(reserved[0]); i++) {
    memset(code, 0, sizeof(code));
    memcpy(code + 8, &reserved[i], 2);
    struct ir_block *b = ir_block_new((uintptr_t)code + 8);
    rv64_decode_block(b, (uintptr_t)code + 8);
    const struct ir_insn *last = &b->insn[b->n - 1];
    if (last->op != IR_TRAP || last->aux != SIGILL)
      fprintf(stderr, "  %04x: not SIGILL\n", reserved[i]);
    ASSERT_EQ(last->op, IR_TRAP);
    ASSERT_EQ(last->aux, SIGILL);
    ir_block_free(b);
  }
}

/* FENCE.I names no address: its block ends in the code-invalidation exit
 * for all code, to the next instruction. */
TEST(fence_i_invalidates_all_code) {
  xrun_opt.max_block_insns = 1;
  static const uint32_t fence_i = 0x0000100f;
  memset(code, 0, sizeof(code));
  memcpy(code + 8, &fence_i, 4);
  struct ir_block *b = ir_block_new((uintptr_t)code + 8);
  rv64_decode_block(b, (uintptr_t)code + 8);
  const struct ir_insn *last = &b->insn[b->n - 1];
  ASSERT_EQ(last->op, IR_CODE_INVAL);
  ASSERT_EQ(last->imm, (uintptr_t)code + 12);
  ASSERT_EQ(b->insn[last->a].op, IR_CONST);
  ASSERT_EQ(b->insn[last->a].imm, XRUN_CODE_ALL);
  ir_block_free(b);
}

/* A FENCE keeps the orders its sets name (encodings from as -march=rv64gc):
 * fence.tso all but stores before loads, pause none (no FENCE at all). */
TEST(fence_keeps_the_orders_it_names) {
  static const struct {
    uint32_t word;
    unsigned orders; /* 0: no FENCE */
    const char *text;
  } cases[] = {
      {0x0330000f, IR_FENCE_FULL, "fence rw,rw"},
      {0x0ff0000f, IR_FENCE_FULL, "fence iorw,iorw"},
      {0x0230000f, IR_FENCE_LOAD, "fence r,rw"},
      {0x0310000f, IR_FENCE_RW | IR_FENCE_WW, "fence rw,w"},
      {0x0120000f, IR_FENCE_WR, "fence w,r"},
      {0x0220000f, IR_FENCE_RR, "fence r,r"},
      {0x0480000f, IR_FENCE_WR, "fence o,i"},
      {0x8330000f, IR_FENCE_RR | IR_FENCE_RW | IR_FENCE_WW, "fence.tso"},
      {0x0100000f, 0, "pause"},
  };
  xrun_opt.max_block_insns = 1;
  for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    memset(code, 0, sizeof(code));
    memcpy(code, &cases[i].word, 4);
    struct ir_block *b = ir_block_new((uintptr_t)code);
    rv64_decode_block(b, (uintptr_t)code);
    unsigned fences = 0, orders = 0;
    for (uint32_t k = 1; k < b->n; k++)
      if (b->insn[k].op == IR_FENCE)
        fences++, orders = b->insn[k].aux;
    if (fences != (cases[i].orders != 0) || orders != cases[i].orders)
      fprintf(stderr, "  %s: %u fences, orders %#x\n", cases[i].text, fences, orders);
    ASSERT_EQ(fences, cases[i].orders != 0);
    ASSERT_EQ(orders, cases[i].orders);
    ir_block_free(b);
  }
}

/* The side exits' targets of the block decoded from the bytes at code. */
static unsigned trace_exits(const void *bytes, size_t len, uint64_t *to, unsigned max,
                            unsigned *insns) {
  memset(code, 0, sizeof(code));
  memcpy(code, bytes, len);
  struct ir_block *b = ir_block_new((uintptr_t)code);
  rv64_decode_block(b, (uintptr_t)code);
  unsigned n = 0;
  for (uint32_t i = 1; i < b->n; i++)
    if (b->insn[i].op == IR_EXIT_IF && n < max)
      to[n++] = b->insn[i].imm;
  *insns = b->guest_insns;
  ir_block_free(b);
  return n;
}

/* A loop whose way round is the taken side of blt (its fall-through
 * returns): the block follows it (decode/dec_trace.c), the side exit goes
 * to the fall-through and the back edge makes the block a loop. */
TEST(trace_follows_loop_through_taken_branch) {
  xrun_opt.max_block_insns = 64;
  /* 0: addi a0, a0, 1; blt a0, a1, 1f; ret; 1: addi a2, a2, 2; bne a2, a3, 0b;
   * li a4, 5; ret (as -march=rv64gc, .option norvc) */
  static const uint32_t loop[] = {0x00150513, 0x00b54463, 0x00008067, 0x00260613,
                                  0xfed618e3, 0x00500713, 0x00008067};
  uint64_t to[8], base = (uintptr_t)code;
  unsigned insns;
  ASSERT_EQ(trace_exits(loop, sizeof(loop), to, 8, &insns), 2);
  ASSERT_EQ(to[0], base + 8); /* blt not taken */
  ASSERT_EQ(to[1], base);     /* the back edge */
  ASSERT_EQ(insns, 6);
  /* the same loop compressed: 0: c.addi a0, 1; c.bnez a0, 1f; c.j 2f;
   * 1: c.addi a2, 2; c.beqz a2, 0b; 2: c.jr ra */
  static const uint16_t cloop[] = {0x0505, 0xe111, 0xa019, 0x0609, 0xde65, 0x8082};
  ASSERT_EQ(trace_exits(cloop, sizeof(cloop), to, 8, &insns), 2);
  ASSERT_EQ(to[0], base + 4); /* c.bnez not taken: on to c.j */
  ASSERT_EQ(to[1], base);
  ASSERT_EQ(insns, 5);
}

/* bne rs1, rs2, off (B-type: imm[12|10:5] rs2 rs1 001 imm[4:1|11] 1100011) */
static uint32_t rv_bne(unsigned rs1, unsigned rs2, int32_t off) {
  uint32_t i = (uint32_t)off;
  return (i >> 12 & 1) << 31 | (i >> 5 & 0x3f) << 25 | rs2 << 20 | rs1 << 15 | 1u << 12 |
         (i >> 1 & 0xf) << 8 | (i >> 11 & 1) << 7 | 0x63;
}

/* A loop longer than a block may be is one block up to its back edge
 * (decode/dec_trace.c: dec_loop_rest); a branch elsewhere stops at the
 * limit. */
TEST(loop_longer_than_a_block_is_one_block) {
  xrun_opt.max_block_insns = 64;
  enum { BODY = 100 };
  static uint32_t loop[BODY + 2];
  for (int i = 0; i < BODY; i++)
    loop[i] = 0x00150513;                 /* addi a0, a0, 1 */
  loop[BODY] = rv_bne(12, 13, -4 * BODY); /* bne a2, a3, 0 */
  loop[BODY + 1] = 0x00008067;            /* ret */
  uint64_t to[8], base = (uintptr_t)code;
  unsigned insns;
  ASSERT_EQ(trace_exits(loop, sizeof(loop), to, 8, &insns), 1);
  ASSERT_EQ(to[0], base); /* the back edge */
  ASSERT_EQ(insns, BODY + 1);
  loop[BODY] = rv_bne(12, 13, 8); /* forward: no loop */
  trace_exits(loop, sizeof(loop), to, 8, &insns);
  ASSERT_EQ(insns, 64);
}

/* A block ends before an instruction where another block's translated code
 * starts (decode/dec_trace.c: dec_joins), at a 2-byte step too: four
 * c.addi a0, 1 and c.jr ra, a block known at the third. */
TEST(block_ends_where_a_translated_block_starts) {
  static const uint16_t line[] = {0x0505, 0x0505, 0x0505, 0x0505, 0x8082};
  static uint8_t host[8192];
  xrun_opt.max_block_insns = 64;
  memset(code, 0, sizeof(code));
  memcpy(code, line, sizeof(line));
  tc_regions_init(host, host + sizeof(host));
  tc_map_init();
  struct tc_block *k = tc_block_alloc(1, TC_MAX_EXITS);
  k->guest_pc = (uintptr_t)code + 4;
  k->guest_size = 2;
  k->code = host + 4096;
  tc_block_commit(k);
  struct ir_block *b = ir_block_new((uintptr_t)code);
  rv64_decode_block(b, (uintptr_t)code);
  ASSERT_EQ(b->guest_insns, 2);
  ASSERT_EQ(b->insn[b->n - 1].op, IR_GOTO);
  ASSERT_EQ(b->insn[b->n - 1].imm, (uintptr_t)code + 4);
  ir_block_free(b);
  tc_map_forget_all(true);
  b = ir_block_new((uintptr_t)code);
  rv64_decode_block(b, (uintptr_t)code);
  ASSERT_EQ(b->guest_insns, 5); /* none known: on to c.jr */
  ir_block_free(b);
}

TEST_MAIN("rv64_decode")
