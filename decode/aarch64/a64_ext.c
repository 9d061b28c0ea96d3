/* a64_ext.c - the pattern table of the A64 SIMD and FP extensions beyond
 * Armv8.0 (FEAT_SHA512, FEAT_SHA3, FEAT_DotProd, FEAT_RDM, FEAT_JSCVT,
 * FEAT_FRINTTS). The encodings are disjoint from the Armv8.0 classes of
 * a64_simd.c and a64_fp.c, which decline them, so the table may sit
 * anywhere in the decoder's chain. The helpers live in a64_ext_*.c.
 */
#include "a64_ext.h"

const struct a64_pattern a64_ext_patterns[] = {
    /* 11001110 011 Rm 1000 op(2) Rn Rd: SHA512H, SHA512H2, SHA512SU1, RAX1 */
    {0xffe0f000, 0xce608000, a64_trans_sha512, "sha512h/sha512h2/sha512su1/rax1"},
    /* 11001110 11000000 100000 Rn Rd: SHA512SU0 */
    {0xfffffc00, 0xcec08000, a64_trans_sha512su0, "sha512su0"},
    /* 11001110 00 op 0 Rm 0 Ra Rn Rd: EOR3 (op 0), BCAX (op 1) */
    {0xffc08000, 0xce000000, a64_trans_sha3_4reg, "eor3/bcax"},
    /* 11001110 100 Rm imm6 Rn Rd: XAR */
    {0xffe00000, 0xce800000, a64_trans_xar, "xar"},
    /* 0 Q U 01110 10 0 Rm 1 0010 1 Rn Rd: SDOT, UDOT (vector) */
    {0x9fe0fc00, 0x0e809400, a64_trans_dot, "sdot/udot (vector)"},
    /* 0 Q U 01111 10 L M Rm 1110 H 0 Rn Rd: SDOT, UDOT (by element) */
    {0x9fc0f400, 0x0f80e000, a64_trans_dot_elem, "sdot/udot (by element)"},
    /* 0 Q 1 01110 size 0 Rm 1 000 S 1 Rn Rd: SQRDMLAH, SQRDMLSH (vector) */
    {0xbf20f400, 0x2e008400, a64_trans_rdm, "sqrdmlah/sqrdmlsh (vector)"},
    /* 01 1 11110 size 0 Rm 1 000 S 1 Rn Rd: SQRDMLAH, SQRDMLSH (scalar) */
    {0xff20f400, 0x7e008400, a64_trans_rdm, "sqrdmlah/sqrdmlsh (scalar)"},
    /* 0 Q 1 01111 size L M Rm 11 S 1 H 0 Rn Rd: SQRDMLAH, SQRDMLSH (by element) */
    {0xbf00d400, 0x2f00d000, a64_trans_rdm_elem, "sqrdmlah/sqrdmlsh (by element)"},
    /* 01 1 11111 size L M Rm 11 S 1 H 0 Rn Rd: the scalar by-element forms */
    {0xff00d400, 0x7f00d000, a64_trans_rdm_elem, "sqrdmlah/sqrdmlsh (scalar, by element)"},
    /* 0 00 11110 01 1 11 110 000000 Rn Rd: FJCVTZS Wd, Dn */
    {0xfffffc00, 0x1e7e0000, a64_trans_fjcvtzs, "fjcvtzs"},
    /* 000 11110 0 ftype 1 0100 op(2) 10000 Rn Rd: FRINT32Z, FRINT32X, FRINT64Z, FRINT64X */
    {0xffbe7c00, 0x1e284000, a64_trans_frintts, "frint32/frint64 (scalar)"},
    /* 0 Q U 01110 0 sz 10000 1111 op 10 Rn Rd: the vector forms */
    {0x9fbfec00, 0x0e21e800, a64_trans_frintts_vec, "frint32/frint64 (vector)"},
    {0, 0, NULL, NULL}};
