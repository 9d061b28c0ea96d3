/* ir_cc.c - the condition-code table: bit n of ir_cc_mask[cc] is set iff cc
 * holds for the NZCV nibble n (N=8 Z=4 C=2 V=1), per ConditionHolds() in the
 * Arm ARM (J1.2.3). NV behaves as AL in A64. */
#include "ir_cc.h"

const uint16_t ir_cc_mask[16] = {
    0xf0f0, /* EQ: Z */
    0x0f0f, /* NE: !Z */
    0xcccc, /* CS: C */
    0x3333, /* CC: !C */
    0xff00, /* MI: N */
    0x00ff, /* PL: !N */
    0xaaaa, /* VS: V */
    0x5555, /* VC: !V */
    0x0c0c, /* HI: C && !Z */
    0xf3f3, /* LS: !C || Z */
    0xaa55, /* GE: N == V */
    0x55aa, /* LT: N != V */
    0x0a05, /* GT: !Z && N == V */
    0xf5fa, /* LE: Z || N != V */
    0xffff, /* AL */
    0xffff, /* NV: behaves as AL */
};
