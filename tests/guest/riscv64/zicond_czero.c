/* Zicond: czero.eqz rd = rs2 == 0 ? 0 : rs1 and czero.nez rd = rs2 != 0 ? 0
 * : rs1, encoded by .insn (binutils 2.40 does not know them), and the
 * conditional-select idiom they make. qemu-riscv64 7.2 has no Zicond; the
 * expected output is the native build's, of the same operations in C. */
// test: qemu-wrong: qemu-riscv64 7.2 does not implement Zicond
#include <stdint.h>
#include <stdio.h>

#ifdef __riscv
/* czero.eqz: 0000111 rs2 rs1 101 rd 0110011; czero.nez: funct3 111 */
static uint64_t czero_eqz(uint64_t a, uint64_t c) {
  uint64_t r;
  __asm__(".insn r 0x33, 5, 7, %0, %1, %2" : "=r"(r) : "r"(a), "r"(c));
  return r;
}
static uint64_t czero_nez(uint64_t a, uint64_t c) {
  uint64_t r;
  __asm__(".insn r 0x33, 7, 7, %0, %1, %2" : "=r"(r) : "r"(a), "r"(c));
  return r;
}
#else
static uint64_t czero_eqz(uint64_t a, uint64_t c) {
  return c == 0 ? 0 : a;
}
static uint64_t czero_nez(uint64_t a, uint64_t c) {
  return c != 0 ? 0 : a;
}
#endif

int main(void) {
  static const uint64_t v[] = {0, 1, ~0ull, 0x8000000000000000ull, 0x100000000ull, 42};
  for (unsigned i = 0; i < 6; i++)
    for (unsigned j = 0; j < 6; j++) {
      uint64_t a = v[i], c = v[j];
      uint64_t sel = czero_eqz(a, c) | czero_nez(7, c); /* c ? a : 7 */
      printf("a=%llx c=%llx eqz=%llx nez=%llx sel=%llx\n", (unsigned long long)a,
             (unsigned long long)c, (unsigned long long)czero_eqz(a, c),
             (unsigned long long)czero_nez(a, c), (unsigned long long)sel);
    }
  return 0;
}
