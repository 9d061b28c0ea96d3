/* ir_cc.h - A64 condition codes (C1.2.4) on the canonical NZCV nibble, shared by
 * the interpreter, the constant folder and the backends.
 *
 *   int taken = ir_cc_holds(IR_CC_GE, nzcv);
 *
 * Bit n of ir_cc_mask[cc] is set iff condition cc holds when nzcv == n
 * (N=8 Z=4 C=2 V=1). This table is the definition of IR_COND.
 */
#ifndef IR_CC_H
#define IR_CC_H

#include <stdint.h>

extern const uint16_t ir_cc_mask[16];

static inline int ir_cc_holds(unsigned cc, uint64_t nzcv) {
  return (ir_cc_mask[cc & 15] >> (nzcv & 15)) & 1;
}

#endif
