/* a64_ext.h - private to the AArch64 decoder: the SIMD and FP extensions
 * beyond Armv8.0 that the table a64_ext_patterns (a64_ext.c) decodes, each a
 * C helper that interprets the instruction on struct a64_cpu:
 *
 *   FEAT_SHA512, FEAT_SHA3    a64_ext_sha.c    SHA512H/H2/SU0/SU1, EOR3 BCAX XAR RAX1
 *   FEAT_DotProd              a64_ext_dot.c    SDOT UDOT (vector, by element)
 *   FEAT_RDM                  a64_ext_rdm.c    SQRDMLAH SQRDMLSH (vector, scalar, element)
 *   FEAT_JSCVT, FEAT_FRINTTS  a64_ext_fpint.c  FJCVTZS, FRINT32Z/X FRINT64Z/X
 *
 * The trans_ functions below check the encoding (false: unallocated, the
 * instruction raises SIGILL) and emit the helper call:
 *
 *   {0xffe0f000, 0xce608000, a64_trans_sha512, "sha512h/h2/su1, rax1"},
 */
#ifndef A64_EXT_H
#define A64_EXT_H

#include "a64.h"

extern const struct a64_pattern a64_ext_patterns[];

/* a64_ext_sha.c */
bool a64_trans_sha512(struct a64_ctx *s, uint32_t insn);
bool a64_trans_sha512su0(struct a64_ctx *s, uint32_t insn);
bool a64_trans_sha3_4reg(struct a64_ctx *s, uint32_t insn);
bool a64_trans_xar(struct a64_ctx *s, uint32_t insn);
/* a64_ext_dot.c */
bool a64_trans_dot(struct a64_ctx *s, uint32_t insn);
bool a64_trans_dot_elem(struct a64_ctx *s, uint32_t insn);
/* a64_ext_rdm.c */
bool a64_trans_rdm(struct a64_ctx *s, uint32_t insn);
bool a64_trans_rdm_elem(struct a64_ctx *s, uint32_t insn);
/* a64_ext_fpint.c */
bool a64_trans_fjcvtzs(struct a64_ctx *s, uint32_t insn);
bool a64_trans_frintts(struct a64_ctx *s, uint32_t insn);
bool a64_trans_frintts_vec(struct a64_ctx *s, uint32_t insn);

#endif
