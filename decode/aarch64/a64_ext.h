/* a64_ext.h - private to the AArch64 decoder: the SIMD and FP extensions
 * beyond Armv8.0 that a64.decode's ext_ patterns take, each a C helper that
 * interprets the instruction on struct a64_cpu:
 *
 *   FEAT_SHA512, FEAT_SHA3    a64_ext_sha.c    SHA512H/H2/SU0/SU1, EOR3 BCAX XAR RAX1
 *   FEAT_DotProd              a64_ext_dot.c    SDOT UDOT (vector, by element)
 *   FEAT_RDM                  a64_ext_rdm.c    SQRDMLAH SQRDMLSH (vector, scalar, element)
 *   FEAT_JSCVT, FEAT_FRINTTS  a64_ext_fpint.c  FJCVTZS, FRINT32Z/X FRINT64Z/X
 *
 * Their trans_ext_* functions check the encoding (false: unallocated, the
 * instruction raises SIGILL) and emit the helper call.
 */
#ifndef A64_EXT_H
#define A64_EXT_H

#include "a64.h"

#endif
