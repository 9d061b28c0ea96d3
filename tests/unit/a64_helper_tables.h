/* a64_helper_tables.h - for the unit tests: the FP and SIMD classes that
 * a64.decode hands to their own C (a64_simd*.c, a64_fp.c, a64_crypto.c; the
 * reference the vector IR is compared with) and the extensions beyond
 * Armv8.0 (a64_ext_*.c), each through its decode_only function, in the
 * order of the spec. A row's mask and value are 0: the function checks the
 * fixed bits itself. */
#ifndef A64_HELPER_TABLES_H
#define A64_HELPER_TABLES_H

#include "../../decode/aarch64/a64.h"

static const struct a64_pattern a64_simd_patterns[] = {
    {0, 0, a64_decode_only_simd_3same, "simd_3same"},
    {0, 0, a64_decode_only_simd_2misc, "simd_2misc"},
    {0, 0, a64_decode_only_simd_across, "simd_across"},
    {0, 0, a64_decode_only_simd_pairwise_scalar, "simd_pairwise_scalar"},
    {0, 0, a64_decode_only_simd_modimm, "simd_modimm"},
    {0, 0, a64_decode_only_simd_shift_imm, "simd_shift_imm"},
    {0, 0, a64_decode_only_simd_elem, "simd_elem"},
    {0, 0, a64_decode_only_simd_copy, "simd_copy"},
    {0, 0, a64_decode_only_simd_3diff, "simd_3diff"},
    {0, 0, a64_decode_only_simd_dup_scalar, "simd_dup_scalar"},
    {0, 0, a64_decode_only_simd_perm, "simd_perm"},
    {0, 0, a64_decode_only_simd_ext, "simd_ext"},
    {0, 0, a64_decode_only_simd_tbl, "simd_tbl"},
    {0, 0, a64_decode_only_fmov_imm, "fmov_imm"},
    {0, 0, a64_decode_only_fp_dp1, "fp_dp1"},
    {0, 0, a64_decode_only_fp_cmp, "fp_cmp"},
    {0, 0, a64_decode_only_fp_dp2, "fp_dp2"},
    {0, 0, a64_decode_only_fp_ccmp, "fp_ccmp"},
    {0, 0, a64_decode_only_fp_csel, "fp_csel"},
    {0, 0, a64_decode_only_fp_int, "fp_int"},
    {0, 0, a64_decode_only_fp_fixed, "fp_fixed"},
    {0, 0, a64_decode_only_fp_dp3, "fp_dp3"},
    {0, 0, a64_decode_only_crypto_aes, "crypto_aes"},
    {0, 0, a64_decode_only_crypto_sha3, "crypto_sha3"},
    {0, 0, a64_decode_only_crypto_sha2, "crypto_sha2"},
    {0, 0, NULL, NULL}};

static const struct a64_pattern a64_ext_patterns[] = {
    {0, 0, a64_decode_only_ext_sha512, "ext_sha512"},
    {0, 0, a64_decode_only_ext_sha512su0, "ext_sha512su0"},
    {0, 0, a64_decode_only_ext_sha3_4reg, "ext_sha3_4reg"},
    {0, 0, a64_decode_only_ext_xar, "ext_xar"},
    {0, 0, a64_decode_only_ext_dot, "ext_dot"},
    {0, 0, a64_decode_only_ext_dot_elem, "ext_dot_elem"},
    {0, 0, a64_decode_only_ext_rdm, "ext_rdm"},
    {0, 0, a64_decode_only_ext_rdm_elem, "ext_rdm_elem"},
    {0, 0, a64_decode_only_ext_fjcvtzs, "ext_fjcvtzs"},
    {0, 0, a64_decode_only_ext_frintts, "ext_frintts"},
    {0, 0, a64_decode_only_ext_frintts_vec, "ext_frintts_vec"},
    {0, 0, NULL, NULL}};

#endif
