/* a64_dp.c - the pattern table of the A64 integer data-processing
 * instructions (Arm ARM C4.1.86 immediate, C4.1.88 register). The trans_
 * functions live in a64_dp_imm.c, a64_dp_reg.c and a64_dp_misc.c. */
#include "a64_util.h"

const struct a64_pattern a64_dp_patterns[] = {
    /* x 0 0 100010 ...   add/sub (immediate) */
    {0x1f800000, 0x11000000, trans_add_sub_imm, "add/sub (immediate)"},
    /* x x x 100100 ...   logical (immediate) */
    {0x1f800000, 0x12000000, trans_logic_imm, "logical (immediate)"},
    /* x x x 100101 ...   move wide (immediate) */
    {0x1f800000, 0x12800000, trans_move_wide, "move wide (immediate)"},
    /* x x x 10000 ...    adr/adrp */
    {0x1f000000, 0x10000000, trans_adr, "pc-rel. addressing"},
    /* x x x 100110 ...   bitfield */
    {0x1f800000, 0x13000000, trans_bitfield, "bitfield"},
    /* x x x 100111 ...   extract */
    {0x1f800000, 0x13800000, trans_extr, "extract"},
    /* x x x 01010 ...    logical (shifted register) */
    {0x1f000000, 0x0a000000, trans_logic_shift, "logical (shifted register)"},
    /* x x x 01011 xx 0   add/sub (shifted register) */
    {0x1f200000, 0x0b000000, trans_add_sub_shift, "add/sub (shifted register)"},
    /* x x x 01011 xx 1   add/sub (extended register) */
    {0x1f200000, 0x0b200000, trans_add_sub_ext, "add/sub (extended register)"},
    /* x x x 11010000 Rm 000000   add/sub with carry */
    {0x1fe0fc00, 0x1a000000, trans_adc_sbc, "add/sub (with carry)"},
    /* x x 1 11010010 ... x 0 ... 0   conditional compare (register/immediate) */
    {0x3fe00410, 0x3a400000, trans_ccmp, "conditional compare"},
    /* x x 0 11010100 ... 0 x   conditional select */
    {0x3fe00800, 0x1a800000, trans_csel, "conditional select"},
    /* x 1 0 11010110 00000 ...   data-processing (1 source) */
    {0x7fff0000, 0x5ac00000, trans_dp_1src, "data-processing (1 source)"},
    /* x 0 0 11010110 ...   data-processing (2 source) */
    {0x7fe00000, 0x1ac00000, trans_dp_2src, "data-processing (2 source)"},
    /* x x x 11011 ...   data-processing (3 source) */
    {0x1f000000, 0x1b000000, trans_dp_3src, "data-processing (3 source)"},
    {0, 0, NULL, NULL},
};
