/* flags_loop_top_asm.c - a loop whose first instructions read the flags that
 * the end of the iteration before set (as bzip2's sort loops do): one block
 * that branches back to its own start, its flags read before anything in it
 * sets them. Each iteration reads conditions set by compares,
 * adds and ands of a value that steps across the signed and unsigned
 * boundaries, at 64 and 32 bits; a b.vs at the top leaves the loop. Each
 * prints a hash of the conditions of every iteration. */
// test: arm-only: inline asm loops that read flags at their top
#include <stdint.h>
#include <stdio.h>

/* h = h ror 7 ^ condition, for six conditions (flags_across_blocks_asm reads
 * all 14): few, in registers, so that the block is a loop that keeps guest
 * registers in host registers (x64_loop.c) */
#define C1(cc) "cset w9, " #cc "\n\teor %[h], x9, %[h], ror #7\n\t"
#define CSETS  C1(ne) C1(lo) C1(hi) C1(lt) C1(le) C1(mi)

#define LOOP(name, setter)                                                                         \
  static uint64_t name(uint64_t a, uint64_t b, uint64_t step, uint64_t n, uint64_t *hash) {        \
    register uint64_t ra __asm__("x10") = a, rn __asm__("x11") = n, h __asm__("x12") = 0;          \
    register uint64_t rb __asm__("x13") = b, rs __asm__("x14") = step;                             \
    __asm__ volatile("msr nzcv, xzr\n"                                                             \
                     "1:\n\t"                                                                      \
                     "b.vs 2f\n\t" CSETS "add %[a], %[a], %[step]\n\t" setter "\n\t"               \
                     "sub %[n], %[n], #1\n\t"                                                      \
                     "cbnz %[n], 1b\n\t"                                                           \
                     "b 2f\n"                                                                      \
                     "2:"                                                                          \
                     : [a] "+r"(ra), [n] "+r"(rn), [h] "+r"(h)                                     \
                     : [b] "r"(rb), [step] "r"(rs)                                                 \
                     : "x9", "cc");                                                                \
    *hash = h;                                                                                     \
    return rn;                                                                                     \
  }

LOOP(cmp64, "cmp %[a], %[b]")
LOOP(cmp32, "cmp %w[a], %w[b]")
LOOP(cmp_imm, "cmp %[a], #100")
LOOP(cmn64, "cmn %[a], %[b]")
LOOP(tst64, "tst %[a], %[b]")
LOOP(ands32, "ands wzr, %w[a], %w[b]")
LOOP(adds64_v, "adds xzr, %[a], %[b]")

int main(void) {
  static const struct {
    const char *name;
    uint64_t (*run)(uint64_t, uint64_t, uint64_t, uint64_t, uint64_t *);
  } ops[] = {{"cmp64", cmp64}, {"cmp32", cmp32},   {"cmp#", cmp_imm},   {"cmn64", cmn64},
             {"tst64", tst64}, {"ands32", ands32}, {"adds64", adds64_v}};
  static const uint64_t starts[][3] = {
      /* a, b, step */
      {0, 50, 3},
      {0x7ffffffffffffff0ull, 0x7ffffffffffffff8ull, 1},
      {0xfffffffffffffff0ull, 5, 1},
      {0x7ffffff0, 0x80000000, 1},
      {0xfffffff0, 0xfffffff8, 1},
      {0x8000000000000000ull, 0x4000000000000000ull, 0x1000000000000000ull},
      {1, 0xff, 7},
  };
  for (unsigned k = 0; k < sizeof(ops) / sizeof(ops[0]); k++)
    for (unsigned s = 0; s < sizeof(starts) / sizeof(starts[0]); s++) {
      uint64_t h;
      uint64_t left = ops[k].run(starts[s][0], starts[s][1], starts[s][2], 40, &h);
      printf("%-6s %016llx %016llx %llx left %2llu: %016llx\n", ops[k].name,
             (unsigned long long)starts[s][0], (unsigned long long)starts[s][1],
             (unsigned long long)starts[s][2], (unsigned long long)left, (unsigned long long)h);
    }
  return 0;
}
