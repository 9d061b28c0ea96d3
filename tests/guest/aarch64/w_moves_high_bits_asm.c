/* w_moves_high_bits_asm.c - 32-bit moves and zero-extensions of registers
 * whose high halves are set, each at the start of a block (the value comes
 * from the guest state, or from a host register xrun keeps it in: x0, x1,
 * x19, x30), must clear the high half: mov w0, w0; sub w1, w1, wzr, asr #22;
 * fmov s2, w19; and the index of ldr x3, [x4, w5, uxtw #3]. */
// test: arm-only: A64 assembly
#include <stdint.h>
#include <stdio.h>

int main(void) {
  static const uint64_t table[4] = {0x1111, 0x2222, 0x3333, 0x4444};
  uint64_t r[8];
  __asm__ volatile("mov x0, #-1\n"
                   "mov x1, #0x7fffffffffffffff\n"
                   "mov x19, #-2\n"
                   "mov x5, #0xffffffff00000000\n"
                   "add x5, x5, #2\n"
                   "mov x6, #-3\n"
                   "mov x30, #-4\n"
                   "b 1f\n"
                   "1:\n"
                   "mov w0, w0\n"
                   "sub w1, w1, wzr, asr #22\n"
                   "fmov s2, w19\n"
                   "mov w6, w6\n"
                   "mov w30, w30\n"
                   "ldr x3, [%1, w5, uxtw #3]\n"
                   "b 2f\n"
                   "2:\n"
                   "fmov x7, d2\n"
                   "stp x0, x1, [%0]\n"
                   "stp x7, x3, [%0, #16]\n"
                   "stp x6, x30, [%0, #32]\n"
                   "mov x8, v2.d[1]\n"
                   "str x8, [%0, #48]\n"
                   :
                   : "r"(r), "r"(table)
                   : "x0", "x1", "x2", "x3", "x5", "x6", "x7", "x8", "x19", "x30", "v2", "memory");
  const char *name[] = {"w0", "w1", "s2", "ldr", "w6", "w30", "v2.d[1]"};
  for (int i = 0; i < 7; i++)
    printf("%-8s %016llx\n", name[i], (unsigned long long)r[i]);
  return 0;
}
