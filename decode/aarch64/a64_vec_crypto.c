/* a64_vec_crypto.c - the A64 AES instructions and PMULL{2} of 64-bit lanes as
 * vector IR (Arm ARM C7.2: AESE, AESD, AESMC, AESIMC, PMULL). The IR's AES
 * steps are those an x86 AES-NI round is built of, so the backend lowers them
 * to aesenclast/aesdeclast/aesimc and pclmulqdq:
 *
 *   AESE   Vd = VAESSUB(Vd ^ Vn)        AESMC  Vd = VAESMIX(Vn)
 *   AESD   Vd = VAESISUB(Vd ^ Vn)       AESIMC Vd = VAESIMIX(Vn)
 *   PMULL  Vd.1Q = VCLMUL(Vn, Vm) #0    PMULL2 Vd.1Q = VCLMUL(Vn, Vm) #0x11
 *
 * The 8-bit PMULL and the SHA instructions stay helpers (a64_simd_int.c,
 * a64_crypto.c), which are also the reference these are tested against.
 */
#include "a64_vec.h"

/* 01001110 size(2) 10100 opcode(5) 10 Rn Rd, size 00: opcode 00100 AESE,
 * 00101 AESD, 00110 AESMC, 00111 AESIMC. */
bool trans_vec_aes(struct a64_ctx *s, const struct arg_vec_aes *a) {
  static const uint8_t step[4] = {IR_VAESSUB, IR_VAESISUB, IR_VAESMIX, IR_VAESIMIX};
  unsigned op = a->opcode, rd = a->rd;
  if (a->size != 0 || op < 4 || op > 7)
    return false;
  uint32_t x = a64_vget(s, a->rn);
  if (op < 6) /* AESE, AESD: AddRoundKey first */
    x = vop2(s, IR_VXOR, 0, a64_vget(s, rd), x);
  a64_vput(s, rd, vop1(s, step[op - 4], 0, x, 0), 1);
  return true;
}

/* 0 Q 0 01110 11 1 Rm 1110 00 Rn Rd: PMULL{2} Vd.1Q, Vn.{1,2}D, Vm.{1,2}D, the
 * carry-less product of the low (Q = 0) or high (Q = 1) doublewords. */
bool trans_vec_pmull64(struct a64_ctx *s, const struct arg_vec_pmull64 *a) {
  struct vec o = {.q = a->q, .esz = 3, .rd = a->rd, .rn = a->rn, .rm = a->rm};
  uint32_t n = a64_vget(s, o.rn), m = a64_vget(s, o.rm);
  a64_vput(s, o.rd, ir_vop(s->b, IR_VCLMUL, IR_V128, 3, n, m, o.q ? 0x11 : 0), 1);
  return true;
}
