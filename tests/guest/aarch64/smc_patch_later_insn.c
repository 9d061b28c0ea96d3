/* smc_patch_later_insn.c - a function that patches one of its own later
 * instructions: it stores a new "movz w0, #imm" over the instruction after the
 * cache maintenance, cleans and invalidates that line, and then runs into it.
 * The instruction after the ISB must be the new one (the Arm ARM's
 * sequence for concurrent modification and execution of instructions), though
 * the old one was decoded along with the code that overwrote it. */
// test: arm-only: A64 instruction words written at run time
#include <string.h>
#include "smc_common.h"

/* x0 = address of the word to patch (code + 4*K), w1 = the new word.
 *   0  str  w1, [x0]
 *   1  dc   cvau, x0
 *   2  dsb  ish
 *   3  ic   ivau, x0
 *   4  dsb  ish
 *   5  isb
 *   6  movz w0, #1       <- patched
 *   7  ret
 */
static const uint32_t self_patch[] = {
    0xb9000001u, /* str w1, [x0] */
    0xd50b7b20u, /* dc cvau, x0 */
    0xd5033b9fu, /* dsb ish */
    0xd50b7520u, /* ic ivau, x0 */
    0xd5033b9fu, /* dsb ish */
    0xd5033fdfu, /* isb */
    0x52800020u, /* movz w0, #1 */
    A64_RET,
};
enum { PATCHED = 6 };

typedef int (*patch_fn)(uint32_t *where, uint32_t insn);

int main(void) {
  uint32_t *code = smc_page(PROT_READ | PROT_WRITE | PROT_EXEC);
  memcpy(code, self_patch, sizeof(self_patch));
  smc_sync(code, sizeof(self_patch) / 4);
  patch_fn fn = (patch_fn)(uintptr_t)code;
  int r1 = fn(code + PATCHED, a64_movz_w0(1234));
  int r2 = fn(code + PATCHED, a64_movz_w0(4321));
  int r3 = fn(code + PATCHED, a64_movz_w0(777));
  printf("returned %d %d %d\n", r1, r2, r3);
  return r1 == 1234 && r2 == 4321 && r3 == 777 ? 0 : 1;
}
