/* a64_simd_test.c - the A64 Advanced SIMD and FP decoders against
 * qemu-aarch64, through the reference IR interpreter.
 *
 * Each case runs one instruction on v0 = 0x5555.../0xaaaa..., x0 =
 * 0x1234567812345678, FPSR = 0, the case's FPCR and one of the input sets
 * below in v1-v3, x1, x2 and NZCV; the expected v0, x0, NZCV and FPSR (the
 * cumulative exception flags and QC) come from running the same
 * instruction on the same state under qemu-aarch64. The table is
 * written by tools/a64-simd-cases from tools/a64-simd-cases.txt.
 *
 *   make o/tests/unit/a64_simd_test && o/tests/unit/a64_simd_test
 */
#include <stdint.h>
#include <string.h>
#include "test.h"
#include "../../decode/aarch64/a64.h"
#include "a64_helper_tables.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static struct a64_cpu cpu;

/* input sets: v1 lo/hi, v2 lo/hi, v3 lo/hi, x1, x2, nzcv */
static const uint64_t simd_sets[][9] = {
    /* 0: mixed integers */
    {0x8000ff017f10fe00ull, 0x0123456789abcdefull, 0x80ff00017f20fe01ull, 0xfedcba9876543210ull,
     0x1f0e2d3c00ff4b5aull, 0x0110202f3f401e0full, 0xfffffffe80000081ull, 7, 6},
    /* 1: saturation boundaries */
    {0x807f01ff7f80fe02ull, 0x800000007fffffffull, 0x7f7fff01807f0280ull, 0x7fffffff80000000ull,
     0x8000000000000000ull, 0x7fffffffffffffffull, 0xffffffffffffffc1ull, 65, 0},
    /* 2: single 1.5 -2.25 +0 -0 | qNaN sNaN Inf denormal | 3 0.1 -Inf 1e30 */
    {0xc01000003fc00000ull, 0x8000000000000000ull, 0x7f8000017fc00001ull, 0x000000017f800000ull,
     0x3dcccccd40400000ull, 0x7149f2caff800000ull, 0, 0, 0},
    /* 3: double 1.5 -0 | sNaN 2.5 | denormal Inf */
    {0x3ff8000000000000ull, 0x8000000000000000ull, 0x7ff0000000000001ull, 0x4004000000000000ull,
     0x0000000000000001ull, 0x7ff0000000000000ull, 0, 0, 0},
    /* 4: single 2 0.75 -5.5 100 | 0.5 -3 7.25 1e-3 | 10 1e-40 65504 -1 */
    {0x3f40000040000000ull, 0x42c80000c0b00000ull, 0xc04000003f000000ull, 0x3a83126f40e80000ull,
     0x000116c241200000ull, 0xbf800000477fe000ull, 0, 0, 0},
    /* 5: double 3 -0.1 | 0.5 1e300 | -2 1e-310 */
    {0x4008000000000000ull, 0xbfb999999999999aull, 0x3fe0000000000000ull, 0x7e37e43c8800759cull,
     0xc000000000000000ull, 0x000012688b70e62bull, 0x40490fdb, 0x400921fb54442d18ull, 0},
    /* 6: half 1 -2 65504 denormal | NaN Inf -0 0.333; single 1e-5 65520; double 0.1 1e-8 */
    {0x00017bffc0003c00ull, 0x355580007c007e01ull, 0x477ff0003727c5acull, 0x3fb999999999999aull,
     0x3e45798ee2308c3aull, 0xc0f86a0000000000ull, 0, 0, 0},
    /* 7: single edges: min denormal, min normal, max, -max denormal | qNaN(0x12345),
     * sNaN(1), 0.5, -sNaN(0x12345) | 1+ulp, 2, -1, 2^-24; x1 2^24+1, x2 -(2^25-3) */
    {0x0080000000000001ull, 0x807fffff7f7fffffull, 0x7f8000017fc12345ull, 0xff8123453f000000ull,
     0x400000003f800001ull, 0x33800000bf800000ull, 0x1000001, 0xfffffffffe000003ull, 4},
    /* 8: double edges: max denormal, min normal | max, sNaN(0x123) | 1+ulp, -2^-52;
     * x1 2^64-1, x2 -(2^63-1) */
    {0x000fffffffffffffull, 0x0010000000000000ull, 0x7fefffffffffffffull, 0x7ff0000000000123ull,
     0x3ff0000000000001ull, 0xbcb0000000000000ull, 0xffffffffffffffffull, 0x8000000000000001ull, 0},
};

struct simd_case {
  unsigned set;
  uint32_t fpcr, insn;
  uint64_t v0_lo, v0_hi, x0, nzcv, fpsr;
};

static const struct simd_case simd_cases[] = {
    /* BEGIN GENERATED CASES */
    {0, 0x0, 0x4e220420, 0x80ffff017f18fe00ull, 0xffffffffffffffffull, 0x1234567812345678ull, 6,
     0x0}, /* shadd v0.16b, v1.16b, v2.16b */
    {0, 0x0, 0x6e620420, 0x807f7f817f18fe00ull, 0x7fff7fff7fff7fffull, 0x1234567812345678ull, 6,
     0x0}, /* uhadd v0.8h, v1.8h, v2.8h */
    {0, 0x0, 0x4ea21420, 0x807fff817f18fe01ull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x0}, /* srhadd v0.4s, v1.4s, v2.4s */
    {0, 0x0, 0x2e221420, 0x808080017f18fe01ull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x0}, /* urhadd v0.8b, v1.8b, v2.8b */
    {0, 0x0, 0x4e622420, 0xff80ff80fff8ffffull, 0x0123456789abcdefull, 0x1234567812345678ull, 6,
     0x0}, /* shsub v0.8h, v1.8h, v2.8h */
    {0, 0x0, 0x6e222420, 0x00807f0000f800ffull, 0x81a3c5e7092b4d6full, 0x1234567812345678ull, 6,
     0x0}, /* uhsub v0.16b, v1.16b, v2.16b */
    {1, 0x0, 0x4e220c20, 0xff7f0000ffff0082ull, 0xffffffffffffffffull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqadd v0.16b, v1.16b, v2.16b */
    {1, 0x0, 0x6e220c20, 0xfffeffffffffff82ull, 0xffffffffffffffffull, 0x1234567812345678ull, 0,
     0x8000000}, /* uqadd v0.16b, v1.16b, v2.16b */
    {1, 0x0, 0x4e620c20, 0xfffe0100ffff0082ull, 0xffffffffffffffffull, 0x1234567812345678ull, 0,
     0x0}, /* sqadd v0.8h, v1.8h, v2.8h */
    {1, 0x0, 0x4ea20c20, 0xffff010000000082ull, 0xffffffffffffffffull, 0x1234567812345678ull, 0,
     0x0}, /* sqadd v0.4s, v1.4s, v2.4s */
    {1, 0x0, 0x4ee30c20, 0x8000000000000000ull, 0x000000007ffffffeull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqadd v0.2d, v1.2d, v3.2d */
    {1, 0x0, 0x6ee30c20, 0xffffffffffffffffull, 0xffffffffffffffffull, 0x1234567812345678ull, 0,
     0x8000000}, /* uqadd v0.2d, v1.2d, v3.2d */
    {1, 0x0, 0x4e222c20, 0x800002fe7f80fc7full, 0x800101017fffffffull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqsub v0.16b, v1.16b, v2.16b */
    {1, 0x0, 0x6e622c20, 0x010000000000fb82ull, 0x000100000000ffffull, 0x1234567812345678ull, 0,
     0x8000000}, /* uqsub v0.8h, v1.8h, v2.8h */
    {1, 0x0, 0x4ee12c60, 0xff80fe00807f01feull, 0x7fffffffffffffffull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqsub v0.2d, v3.2d, v1.2d */
    {1, 0x0, 0x6ea12c40, 0x0000000000fe047eull, 0x0000000000000001ull, 0x1234567812345678ull, 0,
     0x8000000}, /* uqsub v0.4s, v2.4s, v1.4s */
    {0, 0x0, 0x4e234420, 0x000000007f080000ull, 0x0200000000000000ull, 0x1234567812345678ull, 6,
     0x0}, /* sshl v0.16b, v1.16b, v3.16b */
    {0, 0x0, 0x6e634420, 0x000000003f880000ull, 0x0000000000008000ull, 0x1234567812345678ull, 6,
     0x0}, /* ushl v0.8h, v1.8h, v3.8h */
    {0, 0x0, 0x4ea35420, 0x0000000000000000ull, 0x00000000e6f78000ull, 0x1234567812345678ull, 6,
     0x0}, /* srshl v0.4s, v1.4s, v3.4s */
    {0, 0x0, 0x6ee35420, 0x0000000000000000ull, 0xa2b3c4d5e6f78000ull, 0x1234567812345678ull, 6,
     0x0}, /* urshl v0.2d, v1.2d, v3.2d */
    {1, 0x0, 0x4e224c20, 0x807f00fe0080f800ull, 0x8000000000ffffffull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqshl v0.16b, v1.16b, v2.16b */
    {1, 0x0, 0x6e624c20, 0xffff03feffff0000ull, 0x400000007fffffffull, 0x1234567812345678ull, 0,
     0x8000000}, /* uqshl v0.8h, v1.8h, v2.8h */
    {1, 0x0, 0x4ea25c20, 0x8000000000000000ull, 0xc00000007fffffffull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrshl v0.4s, v1.4s, v2.4s */
    {1, 0x0, 0x6e215c40, 0x00ffff01ff0001ffull, 0x00ffffffff000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* uqrshl v0.16b, v2.16b, v1.16b */
    {0, 0x0, 0x4ee34c20, 0x8000000000000000ull, 0x7fffffffffffffffull, 0x1234567812345678ull, 6,
     0x8000000}, /* sqshl v0.2d, v1.2d, v3.2d */
    {0, 0x0, 0x4e626420, 0x80ff00017f20fe01ull, 0x0123456776543210ull, 0x1234567812345678ull, 6,
     0x0}, /* smax v0.8h, v1.8h, v2.8h */
    {0, 0x0, 0x6ea26c20, 0x8000ff017f10fe00ull, 0x0123456776543210ull, 0x1234567812345678ull, 6,
     0x0}, /* umin v0.4s, v1.4s, v2.4s */
    {0, 0x0, 0x4e227420, 0x0001010000100001ull, 0x03478bcfeda96521ull, 0x1234567812345678ull, 6,
     0x0}, /* sabd v0.16b, v1.16b, v2.16b */
    {0, 0x0, 0x6e627420, 0x00ffff0000100001ull, 0xfdb9753113579bdfull, 0x1234567812345678ull, 6,
     0x0}, /* uabd v0.8h, v1.8h, v2.8h */
    {0, 0x0, 0x4ea27c20, 0x5653565555655556ull, 0xacf1357997530ecbull, 0x1234567812345678ull, 6,
     0x0}, /* saba v0.4s, v1.4s, v2.4s */
    {0, 0x0, 0x6e227c20, 0x5554545555655556ull, 0xa7631fdbbd014589ull, 0x1234567812345678ull, 6,
     0x0}, /* uaba v0.16b, v1.16b, v2.16b */
    {0, 0x0, 0x4e629420, 0xd555545627555355ull, 0x5ebeb5d2a8c6379aull, 0x1234567812345678ull, 6,
     0x0}, /* mla v0.8h, v1.8h, v2.8h */
    {0, 0x0, 0x6ea29420, 0x535556543a405755ull, 0x86c89f82c5491dbaull, 0x1234567812345678ull, 6,
     0x0}, /* mls v0.4s, v1.4s, v2.4s */
    {0, 0x0, 0x4e229420, 0x5555555656555955ull, 0xa8beccd2d0c6b49aull, 0x1234567812345678ull, 6,
     0x0}, /* mla v0.16b, v1.16b, v2.16b */
    {0, 0x0, 0x6e229c20, 0x0000000155005400ull, 0xfee4d2c8c6dceaf0ull, 0x1234567812345678ull, 6,
     0x0}, /* pmul v0.16b, v1.16b, v2.16b */
    {1, 0x0, 0x4e62b420, 0x80fffffc80fefff6ull, 0x8001000080010000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqdmulh v0.8h, v1.8h, v2.8h */
    {1, 0x0, 0x6ea2b420, 0x80fe83fb80fd8678ull, 0x8000000180000001ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmulh v0.4s, v1.4s, v2.4s */
    {1, 0x0, 0x4ea3b460, 0x7fffffff00000000ull, 0x7ffffffe00000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqdmulh v0.4s, v3.4s, v3.4s */
    {0, 0x0, 0x6e62b420, 0x7f0100007e320008ull, 0xfffdda5e929cec6bull, 0x1234567812345678ull, 6,
     0x0}, /* sqrdmulh v0.8h, v1.8h, v2.8h */
    {0, 0x0, 0x4ea2bc20, 0x8acf1356ff11fd01ull, 0x7530eca8001ffe02ull, 0x1234567812345678ull, 6,
     0x0}, /* addp v0.4s, v1.4s, v2.4s */
    {0, 0x0, 0x4e62ac20, 0x012389ab8000fe00ull, 0xba98321080fffe01ull, 0x1234567812345678ull, 6,
     0x0}, /* sminp v0.8h, v1.8h, v2.8h */
    {0, 0x0, 0x4ee28c20, 0xffffffffffffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x0}, /* cmtst v0.2d, v1.2d, v2.2d */
    {1, 0x0, 0x5e220c20, 0x0000000000000082ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqadd b0, b1, b2 */
    {1, 0x0, 0x7e620c20, 0x000000000000ffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* uqadd h0, h1, h2 */
    {1, 0x0, 0x5ea22c20, 0x000000007fffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqsub s0, s1, s2 */
    {1, 0x0, 0x5ee30c20, 0x8000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqadd d0, d1, d3 */
    {1, 0x0, 0x7ee32c20, 0x007f01ff7f80fe02ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* uqsub d0, d1, d3 */
    {0, 0x0, 0x5ee34420, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x0}, /* sshl d0, d1, d3 */
    {0, 0x0, 0x7ee25420, 0x0001fe02fe21fc00ull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x0}, /* urshl d0, d1, d2 */
    {1, 0x0, 0x5ea24c20, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqshl s0, s1, s2 */
    {1, 0x0, 0x7e215c40, 0x00000000000000ffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* uqrshl b0, b2, b1 */
    {1, 0x0, 0x5e62b420, 0x000000000000fff6ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqdmulh h0, h1, h2 */
    {1, 0x0, 0x7ea3b460, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmulh s0, s3, s3 */
    {0, 0x0, 0x5ee28c20, 0xffffffffffffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x0}, /* cmtst d0, d1, d2 */
    {0, 0x0, 0x7ee18c20, 0xffffffffffffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x0}, /* cmeq d0, d1, d1 */
    {0, 0x0, 0x4e220020, 0xffffffffffffffffull, 0xffffffffffffffffull, 0x1234567812345678ull, 6,
     0x0}, /* saddl2 v0.8h, v1.16b, v2.16b */
    {0, 0x0, 0x2e620020, 0x0000fe300001fc01ull, 0x000100ff0000ff02ull, 0x1234567812345678ull, 6,
     0x0}, /* uaddl v0.4s, v1.4h, v2.4h */
    {0, 0x0, 0x6ea23020, 0x8000ff0108bccbf0ull, 0x012345668acf1357ull, 0x1234567812345678ull, 6,
     0x0}, /* usubw2 v0.2d, v1.2d, v2.4s */
    {0, 0x0, 0x0e224020, 0xffffffff00fffefcull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x0}, /* addhn v0.8b, v1.8h, v2.8h */
    {0, 0x0, 0x6e224020, 0x5555555555555555ull, 0x0000000001fffefcull, 0x1234567812345678ull, 6,
     0x0}, /* raddhn2 v0.16b, v1.8h, v2.8h */
    {0, 0x0, 0x0e626020, 0x02461357ff01ffefull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x0}, /* subhn v0.4h, v1.4s, v2.4s */
    {0, 0x0, 0x2ea26020, 0x02468acfff01ff00ull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x0}, /* rsubhn v0.2s, v1.2d, v2.2d */
    {0, 0x0, 0x0e225020, 0x5555556555555556ull, 0xaaaaaaabaaabaaaaull, 0x1234567812345678ull, 6,
     0x0}, /* sabal v0.8h, v1.8b, v2.8b */
    {0, 0x0, 0x6e625020, 0x555568ac5555f134ull, 0xaaaba863aaab1fdbull, 0x1234567812345678ull, 6,
     0x0}, /* uabal2 v0.4s, v1.8h, v2.8h */
    {0, 0x0, 0x0ea27020, 0x0000000000100001ull, 0x0000000000fe0100ull, 0x1234567812345678ull, 6,
     0x0}, /* sabdl v0.2d, v1.2s, v2.2s */
    {0, 0x0, 0x6e227020, 0x00130057009b00dfull, 0x00fd00b900750031ull, 0x1234567812345678ull, 6,
     0x0}, /* uabdl2 v0.8h, v1.16b, v2.16b */
    {0, 0x0, 0x0e628020, 0x946e275555595355ull, 0xea2b2aaaaaaaa9abull, 0x1234567812345678ull, 6,
     0x0}, /* smlal v0.4s, v1.4h, v2.4h */
    {0, 0x0, 0x6ea28020, 0x94f7cd8d3ab6e245ull, 0xabcca4aace8cb5d2ull, 0x1234567812345678ull, 6,
     0x0}, /* umlal2 v0.2d, v1.4s, v2.4s */
    {0, 0x0, 0x0e22a020, 0x1654535555515555ull, 0x6aaaaaaaaaaaaaa9ull, 0x1234567812345678ull, 6,
     0x0}, /* smlsl v0.8h, v1.8b, v2.8b */
    {0, 0x0, 0x2e62a020, 0x163c835559505755ull, 0x6a2b2aaaaaa9aba9ull, 0x1234567812345678ull, 6,
     0x0}, /* umlsl v0.4s, v1.4h, v2.4h */
    {0, 0x0, 0x0ea2c020, 0x3f19ce351b14fe00ull, 0x3f80017d01ffff01ull, 0x1234567812345678ull, 6,
     0x0}, /* smull v0.2d, v1.2s, v2.2s */
    {0, 0x0, 0x6e62c020, 0x3fa1fe1c28458cf0ull, 0x0121b41432960b28ull, 0x1234567812345678ull, 6,
     0x0}, /* umull2 v0.4s, v1.8h, v2.8h */
    {1, 0x0, 0x0e62d020, 0x80fe8100fff60a00ull, 0x80ff8002fffc05feull, 0x1234567812345678ull, 0,
     0x0}, /* sqdmull v0.4s, v1.4h, v2.4h */
    {1, 0x0, 0x4ea2d020, 0x8000000100000000ull, 0x8000000100000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqdmull2 v0.2d, v1.4s, v2.4s */
    {1, 0x0, 0x0e629020, 0xd653d655554b5f55ull, 0x80000000aaa6b0a8ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqdmlal v0.4s, v1.4h, v2.4h */
    {1, 0x0, 0x4ea2b020, 0x7fffffffffffffffull, 0x2aaaaaa9aaaaaaaaull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqdmlsl2 v0.2d, v1.4s, v2.4s */
    {0, 0x0, 0x0e22e020, 0x1555020055540000ull, 0x4000000000000001ull, 0x1234567812345678ull, 6,
     0x0}, /* pmull v0.8h, v1.8b, v2.8b */
    {0, 0x0, 0x4e22e020, 0x38c622dc14ea0ef0ull, 0x00fe1ae42cd236c8ull, 0x1234567812345678ull, 6,
     0x0}, /* pmull2 v0.8h, v1.16b, v2.16b */
    {1, 0x0, 0x5e62d020, 0x00000000fff60a00ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqdmull s0, h1, h2 */
    {1, 0x0, 0x5ea29020, 0xd652dbcce0475f55ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqdmlal d0, s1, s2 */
    {1, 0x0, 0x5e63b060, 0x0000000055555555ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqdmlsl s0, h3, h3 */
    {0, 0x0, 0x4e202820, 0xff800000008ffffeull, 0x002400acff34ffbcull, 0x1234567812345678ull, 6,
     0x0}, /* saddlp v0.8h, v1.16b */
    {0, 0x0, 0x6e602820, 0x00017f0100017d10ull, 0x0000468a0001579aull, 0x1234567812345678ull, 6,
     0x0}, /* uaddlp v0.4s, v1.8h */
    {0, 0x0, 0x4ea06820, 0x5555555554675256ull, 0xaaaaaaaa3579be00ull, 0x1234567812345678ull, 6,
     0x0}, /* sadalp v0.2d, v1.4s */
    {0, 0x0, 0x2e206820, 0x55d5565555e45653ull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x0}, /* uadalp v0.4h, v1.8b */
    {1, 0x0, 0x4e203820, 0x7f7f567f7f7f7f57ull, 0x2aaaaaaa297f7f7full, 0x1234567812345678ull, 0,
     0x8000000}, /* suqadd v0.16b, v1.16b */
    {1, 0x0, 0x6e603840, 0xd4d45456000057d5ull, 0xffffaaa92aaaaaaaull, 0x1234567812345678ull, 0,
     0x8000000}, /* usqadd v0.8h, v2.8h */
    {1, 0x0, 0x5ee03860, 0x7fffffffffffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* suqadd d0, d3 */
    {1, 0x0, 0x7e203820, 0x0000000000000057ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* usqadd b0, b1 */
    {0, 0x0, 0x4e204820, 0x0007070600020607ull, 0x0601000000000102ull, 0x1234567812345678ull, 6,
     0x0}, /* cls v0.16b, v1.16b */
    {0, 0x0, 0x4ea04820, 0x0000000000000000ull, 0x0000000600000000ull, 0x1234567812345678ull, 6,
     0x0}, /* cls v0.4s, v1.4s */
    {0, 0x0, 0x6e604820, 0x0000000000010000ull, 0x0007000100000000ull, 0x1234567812345678ull, 6,
     0x0}, /* clz v0.8h, v1.8h */
    {0, 0x0, 0x6e204840, 0x0000080701020007ull, 0x0000000001010203ull, 0x1234567812345678ull, 6,
     0x0}, /* clz v0.16b, v2.16b */
    {1, 0x0, 0x4e207820, 0x7f7f01017f7f0202ull, 0x7f0000007f010101ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqabs v0.16b, v1.16b */
    {1, 0x0, 0x6ea07820, 0x7f80fe01807f01feull, 0x7fffffff80000001ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqneg v0.4s, v1.4s */
    {1, 0x0, 0x5ee07860, 0x7fffffffffffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqabs d0, d3 */
    {1, 0x0, 0x7e607820, 0x00000000000001feull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqneg h0, h1 */
    {1, 0x0, 0x0e214820, 0x80007fff807f7f80ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqxtn v0.8b, v1.8h */
    {1, 0x0, 0x4e614820, 0x5555555555555555ull, 0x80007fff80007fffull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqxtn2 v0.8h, v1.4s */
    {1, 0x0, 0x2e614820, 0xffffffffffffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* uqxtn v0.4h, v1.4s */
    {1, 0x0, 0x2ea12820, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqxtun v0.2s, v1.2d */
    {1, 0x0, 0x6e212840, 0x5555555555555555ull, 0xff000000ff0000ffull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqxtun2 v0.16b, v2.8h */
    {1, 0x0, 0x5e214820, 0x0000000000000080ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqxtn b0, h1 */
    {1, 0x0, 0x7ea14860, 0x00000000ffffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* uqxtn s0, d3 */
    {1, 0x0, 0x7e612820, 0x000000000000ffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqxtun h0, s1 */
    {0, 0x0, 0x2e213820, 0x7f001000fe000000ull, 0x80000000ff000100ull, 0x1234567812345678ull, 6,
     0x0}, /* shll v0.8h, v1.8b, #8 */
    {0, 0x0, 0x6e613820, 0x89ab0000cdef0000ull, 0x0123000045670000ull, 0x1234567812345678ull, 6,
     0x0}, /* shll2 v0.4s, v1.8h, #16 */
    {0, 0x0, 0x2ea13820, 0x7f10fe0000000000ull, 0x8000ff0100000000ull, 0x1234567812345678ull, 6,
     0x0}, /* shll v0.2d, v1.2s, #32 */
    {0, 0x0, 0x4ea1c820, 0xff800000ffffffffull, 0xffffffffee000000ull, 0x1234567812345678ull, 6,
     0x0}, /* urecpe v0.4s, v1.4s */
    {0, 0x0, 0x6ea1c840, 0xb4800000b5800000ull, 0x80800000bc800000ull, 0x1234567812345678ull, 6,
     0x0}, /* ursqrte v0.4s, v2.4s */
    {0, 0x0, 0x2ea1c820, 0xb4800000b5800000ull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x0}, /* ursqrte v0.2s, v1.2s */
    {0, 0x0, 0x6e605820, 0x0100ff80fe087f00ull, 0x80c4a2e691d5b3f7ull, 0x1234567812345678ull, 6,
     0x0}, /* rbit v0.16b, v1.16b */
    {0, 0x0, 0x6e200820, 0x01ff008000fe107full, 0x67452301efcdab89ull, 0x1234567812345678ull, 6,
     0x0}, /* rev32 v0.16b, v1.16b */
    {0, 0x0, 0x4e303820, 0x000000000000ffcdull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x0}, /* saddlv h0, v1.16b */
    {0, 0x0, 0x6eb03820, 0x0000000189e11057ull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x0}, /* uaddlv d0, v1.4s */
    {0, 0x0, 0x4e70a820, 0x0000000000007f10ull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x0}, /* smaxv h0, v1.8h */
    {0, 0x0, 0x6eb1a820, 0x0000000001234567ull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x0}, /* uminv s0, v1.4s */
    {0, 0x0, 0x4e71b820, 0x0000000000009a35ull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x0}, /* addv h0, v1.8h */
    {4, 0x0, 0x6e30f820, 0x0000000042c80000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fmaxv s0, v1.4s */
    {4, 0x0, 0x6eb0f840, 0x00000000c0400000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fminv s0, v2.4s */
    {2, 0x0, 0x6e30c840, 0x000000007f800000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* fmaxnmv s0, v2.4s */
    {2, 0x0, 0x6eb0f840, 0x000000007fc00001ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* fminv s0, v2.4s */
    {2, 0x0, 0x6e30f820, 0x000000003fc00000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fmaxv s0, v1.4s */
    {0, 0x0, 0x4f0d2420, 0xf000000010020000ull, 0x0004090df1f5fafeull, 0x1234567812345678ull, 6,
     0x0}, /* srshr v0.16b, v1.16b, #3 */
    {0, 0x0, 0x6f102420, 0x0001000100000001ull, 0x0000000000010001ull, 0x1234567812345678ull, 6,
     0x0}, /* urshr v0.8h, v1.8h, #16 */
    {0, 0x0, 0x4f393420, 0x5455575356537751ull, 0xaaacf135a9be0246ull, 0x1234567812345678ull, 6,
     0x0}, /* srsra v0.4s, v1.4s, #7 */
    {0, 0x0, 0x6f403420, 0x5555555555555556ull, 0xaaaaaaaaaaaaaaaaull, 0x1234567812345678ull, 6,
     0x0}, /* ursra v0.2d, v1.2d, #64 */
    {0, 0x0, 0x5f7f2420, 0xc0007f80bf887f00ull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x0}, /* srshr d0, d1, #1 */
    {0, 0x0, 0x5f411420, 0x5555555555555554ull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x0}, /* ssra d0, d1, #63 */
    {0, 0x0, 0x7f404420, 0x5555555555555555ull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x0}, /* sri d0, d1, #64 */
    {0, 0x0, 0x7f4d5420, 0x1fe02fe21fc01555ull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x0}, /* sli d0, d1, #13 */
    {1, 0x0, 0x4f0b7420, 0x807f08f87f80f010ull, 0x800000007ff8f8f8ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqshl v0.16b, v1.16b, #3 */
    {1, 0x0, 0x6f197420, 0xffffffffffffffffull, 0xffff0000ffffffffull, 0x1234567812345678ull, 0,
     0x8000000}, /* uqshl v0.8h, v1.8h, #9 */
    {1, 0x0, 0x6f216420, 0x00000000ff01fc04ull, 0x00000000fffffffeull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqshlu v0.4s, v1.4s, #1 */
    {1, 0x0, 0x6f0a6420, 0x00ff0400ff000008ull, 0x00000000ff000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqshlu v0.16b, v1.16b, #2 */
    {1, 0x0, 0x5f0f7420, 0x000000000000007full, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqshl b0, b1, #7 */
    {1, 0x0, 0x7f417460, 0xffffffffffffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* uqshl d0, d3, #1 */
    {1, 0x0, 0x7f146420, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqshlu h0, h1, #4 */
    {1, 0x0, 0x0f0f9420, 0x80007fff807f7f80ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqshrn v0.8b, v1.8h, #1 */
    {1, 0x0, 0x4f109420, 0x5555555555555555ull, 0x80007fff807f7f80ull, 0x1234567812345678ull, 0,
     0x0}, /* sqshrn2 v0.8h, v1.4s, #16 */
    {1, 0x0, 0x2f1d9420, 0xffffffffffffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* uqshrn v0.4h, v1.4s, #3 */
    {1, 0x0, 0x0f219c20, 0x8000000080000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrshrn v0.2s, v1.2d, #31 */
    {1, 0x0, 0x6f3e9c60, 0x5555555555555555ull, 0xffffffffffffffffull, 0x1234567812345678ull, 0,
     0x8000000}, /* uqrshrn2 v0.4s, v3.2d, #2 */
    {1, 0x0, 0x2f0c8420, 0x0000ff00001fff00ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqshrun v0.8b, v1.8h, #4 */
    {1, 0x0, 0x6f0f8c20, 0x5555555555555555ull, 0x0000ff0000ffff00ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrshrun2 v0.16b, v1.8h, #1 */
    {0, 0x0, 0x0f0c8c20, 0x12569bdf00f0f1e0ull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x0}, /* rshrn v0.8b, v1.8h, #4 */
    {0, 0x0, 0x4f208c20, 0x5555555555555555ull, 0x012345688000ff01ull, 0x1234567812345678ull, 6,
     0x0}, /* rshrn2 v0.4s, v1.2d, #32 */
    {1, 0x0, 0x5f0f9420, 0x0000000000000080ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqshrn b0, h1, #1 */
    {1, 0x0, 0x7f189c20, 0x000000000000ffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* uqrshrn h0, s1, #8 */
    {1, 0x0, 0x7f3d8460, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqshrun s0, d3, #3 */
    {1, 0x0, 0x5f209c60, 0x0000000080000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrshrn s0, d3, #32 */
    {0, 0x0, 0x6f3fa420, 0x44d5e6f780000000ull, 0x0091a2b380000000ull, 0x1234567812345678ull, 6,
     0x0}, /* ushll2 v0.2d, v1.4s, #31 */
    {0, 0x0, 0x0f1fa420, 0x3f880000ff000000ull, 0xc0000000ff808000ull, 0x1234567812345678ull, 6,
     0x0}, /* sshll v0.4s, v1.4h, #15 */
    {4, 0x0, 0x4f3dfc20, 0x0000000600000010ull, 0x00000320ffffffd4ull, 0x1234567812345678ull, 0,
     0x0}, /* fcvtzs v0.4s, v1.4s, #3 */
    {4, 0x0, 0x6f3ffc40, 0x0000000000000001ull, 0x000000000000000eull, 0x1234567812345678ull, 0,
     0x11}, /* fcvtzu v0.4s, v2.4s, #1 */
    {5, 0x0, 0x4f76fc20, 0x0000000000000c00ull, 0xffffffffffffff9aull, 0x1234567812345678ull, 0,
     0x10}, /* fcvtzs v0.2d, v1.2d, #10 */
    {5, 0x0, 0x7f40fc20, 0xffffffffffffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* fcvtzu d0, d1, #64 */
    {2, 0x0, 0x4f20fc40, 0x0000000000000000ull, 0x000000007fffffffull, 0x1234567812345678ull, 0,
     0x11}, /* fcvtzs v0.4s, v2.4s, #32 */
    {0, 0x0, 0x4f38e420, 0xcafffe024afe21fcull, 0x4791a2b4caeca864ull, 0x1234567812345678ull, 6,
     0x10}, /* scvtf v0.4s, v1.4s, #8 */
    {0, 0x0, 0x6f7fe420, 0x43d0001fe02fe220ull, 0x43623456789abcdfull, 0x1234567812345678ull, 6,
     0x10}, /* ucvtf v0.2d, v1.2d, #1 */
    {0, 0x0, 0x5f20e420, 0x000000003efe21fcull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x0}, /* scvtf s0, s1, #32 */
    {0, 0x0, 0x7f40e440, 0x3fe01fe0002fe420ull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x10}, /* ucvtf d0, d2, #64 */
    {0, 0x0, 0x4f528820, 0x0000225411405800ull, 0x817c3fccfe1cbc6cull, 0x1234567812345678ull, 6,
     0x0}, /* mul v0.8h, v1.8h, v2.h[5] */
    {0, 0x0, 0x6fa20820, 0x320f77ed67f82555ull, 0xce8cb5d257b09692ull, 0x1234567812345678ull, 6,
     0x0}, /* mla v0.4s, v1.4s, v2.s[3] */
    {0, 0x0, 0x2f724820, 0x5555327943950d55ull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x0}, /* mls v0.4h, v1.4h, v2.h[7] */
    {0, 0x0, 0x0f52a020, 0x3f18d200ff01c000ull, 0xc0700000ff815f20ull, 0x1234567812345678ull, 6,
     0x0}, /* smull v0.4s, v1.4h, v2.h[1] */
    {0, 0x0, 0x6f82a820, 0x3fa27837e5618cf0ull, 0x0086a1c9358e7470ull, 0x1234567812345678ull, 6,
     0x0}, /* umull2 v0.2d, v1.4s, v2.s[2] */
    {0, 0x0, 0x4f7f2020, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x1234567812345678ull, 6,
     0x0}, /* smlal2 v0.4s, v1.8h, v15.h[3] */
    {0, 0x0, 0x2f826020, 0x163b87203a405755ull, 0x6b19ad07ce86ada9ull, 0x1234567812345678ull, 6,
     0x0}, /* umlsl v0.2d, v1.2s, v2.s[0] */
    {1, 0x0, 0x0f72b820, 0x7f7f0100fe0203fcull, 0x807fff0201fefc02ull, 0x1234567812345678ull, 0,
     0x0}, /* sqdmull v0.4s, v1.4h, v2.h[7] */
    {1, 0x0, 0x4fa23820, 0x7fffffffffffffffull, 0x8000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqdmlal2 v0.2d, v1.4s, v2.s[3] */
    {1, 0x0, 0x4f62c820, 0x0000ffffffff0000ull, 0x00010000ffff0000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqdmulh v0.8h, v1.8h, v2.h[6] */
    {1, 0x0, 0x4fa3d020, 0x7f80fe01807f01feull, 0x7fffffff80000001ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmulh v0.4s, v1.4s, v3.s[1] */
    {1, 0x0, 0x5f83c860, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqdmulh s0, s3, v3.s[2] */
    {1, 0x0, 0x5fa2b820, 0x7f80fe0100fe03fcull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqdmull d0, s1, v2.s[3] */
    {1, 0x0, 0x5f42d820, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmulh h0, h1, v2.h[4] */
    {4, 0x0, 0x4f829820, 0x40ae000041680000ull, 0x44354000c21f8000ull, 0x1234567812345678ull, 0,
     0x0}, /* fmul v0.4s, v1.4s, v2.s[2] */
    {4, 0x0, 0x4fa31820, 0x5555555555555555ull, 0xc2c8000040b00000ull, 0x1234567812345678ull, 0,
     0x10}, /* fmla v0.4s, v1.4s, v3.s[3] */
    {4, 0x0, 0x0fa25020, 0x5555555555555555ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* fmls v0.2s, v1.2s, v2.s[1] */
    {5, 0x0, 0x4fc29820, 0x7e51eb2d66005835ull, 0xfe031cfd3999f7b0ull, 0x1234567812345678ull, 0,
     0x10}, /* fmul v0.2d, v1.2d, v2.d[1] */
    {5, 0x0, 0x4fc31020, 0x5555555555555555ull, 0x3fc999999999999aull, 0x1234567812345678ull, 0,
     0x10}, /* fmla v0.2d, v1.2d, v3.d[0] */
    {4, 0x0, 0x7fa39020, 0x0000000000022d84ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fmulx s0, s1, v3.s[1] */
    {5, 0x0, 0x5fc39820, 0x00003739a252b281ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fmul d0, d1, v3.d[1] */
    {2, 0x0, 0x6f829820, 0xff8000007f800000ull, 0xc000000040000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fmulx v0.4s, v1.4s, v2.s[2] */
    {4, 0x0, 0x4e22d420, 0xc010000040200000ull, 0x42c800833fe00000ull, 0x1234567812345678ull, 0,
     0x10}, /* fadd v0.4s, v1.4s, v2.4s */
    {4, 0x0, 0x4ea3d420, 0x3f400000c1000000ull, 0x42ca0000c77fe580ull, 0x1234567812345678ull, 0,
     0x10}, /* fsub v0.4s, v1.4s, v3.4s */
    {4, 0x0, 0x6e22dc20, 0xc01000003f800000ull, 0x3dcccccdc21f8000ull, 0x1234567812345678ull, 0,
     0x10}, /* fmul v0.4s, v1.4s, v2.4s */
    {4, 0x0, 0x6e22fc20, 0xbe80000040800000ull, 0x47c34fffbf4234f7ull, 0x1234567812345678ull, 0,
     0x10}, /* fdiv v0.4s, v1.4s, v2.4s */
    {2, 0x0, 0x4e22d420, 0x7fc000017fc00001ull, 0x000000017f800000ull, 0x1234567812345678ull, 0,
     0x1}, /* fadd v0.4s, v1.4s, v2.4s */
    {2, 0x0, 0x6e23dc20, 0xbe66666740900000ull, 0x800000007fc00000ull, 0x1234567812345678ull, 0,
     0x11}, /* fmul v0.4s, v1.4s, v3.4s */
    {2, 0x0, 0x6e23fc20, 0xc1b400003f000000ull, 0x8000000080000000ull, 0x1234567812345678ull, 0,
     0x10}, /* fdiv v0.4s, v1.4s, v3.4s */
    {2, 0x0, 0x4e22f420, 0x7fc000017fc00001ull, 0x000000017f800000ull, 0x1234567812345678ull, 0,
     0x1}, /* fmax v0.4s, v1.4s, v2.4s */
    {2, 0x0, 0x4ea3f420, 0xc01000003fc00000ull, 0x80000000ff800000ull, 0x1234567812345678ull, 0,
     0x0}, /* fmin v0.4s, v1.4s, v3.4s */
    {2, 0x0, 0x4e22c420, 0x7fc000013fc00000ull, 0x000000017f800000ull, 0x1234567812345678ull, 0,
     0x1}, /* fmaxnm v0.4s, v1.4s, v2.4s */
    {2, 0x0, 0x4ea1c440, 0x7fc000013fc00000ull, 0x8000000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* fminnm v0.4s, v2.4s, v1.4s */
    {5, 0x0, 0x4e62d420, 0x400c000000000000ull, 0x7e37e43c8800759cull, 0x1234567812345678ull, 0,
     0x10}, /* fadd v0.2d, v1.2d, v2.2d */
    {5, 0x0, 0x6e62dc20, 0x3ff8000000000000ull, 0xfe031cfd3999f7b0ull, 0x1234567812345678ull, 0,
     0x10}, /* fmul v0.2d, v1.2d, v2.2d */
    {5, 0x0, 0x6e63fc40, 0xbfd0000000000000ull, 0x7ff0000000000000ull, 0x1234567812345678ull, 0,
     0x14}, /* fdiv v0.2d, v2.2d, v3.2d */
    {3, 0x0, 0x4e62d420, 0x7ff8000000000001ull, 0x4004000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* fadd v0.2d, v1.2d, v2.2d */
    {3, 0x0, 0x6e63dc20, 0x0000000000000002ull, 0x7ff8000000000000ull, 0x1234567812345678ull, 0,
     0x19}, /* fmul v0.2d, v1.2d, v3.2d */
    {4, 0x0, 0x4e22cc20, 0x5555555555555555ull, 0x3dcccccdc21f8000ull, 0x1234567812345678ull, 0,
     0x10}, /* fmla v0.4s, v1.4s, v2.4s */
    {4, 0x0, 0x4ea3cc20, 0x5555555555555555ull, 0x42c8000048afea00ull, 0x1234567812345678ull, 0,
     0x10}, /* fmls v0.4s, v1.4s, v3.4s */
    {2, 0x0, 0x4e22cc20, 0x7fc000017fc00001ull, 0xaaaaaaaa7fc00000ull, 0x1234567812345678ull, 0,
     0x1}, /* fmla v0.4s, v1.4s, v2.4s */
    {5, 0x0, 0x4e62cc20, 0x5555555555555555ull, 0xfe031cfd3999f7b0ull, 0x1234567812345678ull, 0,
     0x10}, /* fmla v0.2d, v1.2d, v2.2d */
    {3, 0x0, 0x4ee2cc20, 0x7ff8000000000001ull, 0xaaaaaaaaaaaaaaaaull, 0x1234567812345678ull, 0,
     0x1}, /* fmls v0.2d, v1.2d, v2.2d */
    {4, 0x0, 0x6ea2d420, 0x407000003fc00000ull, 0x42c7ff7d414c0000ull, 0x1234567812345678ull, 0,
     0x10}, /* fabd v0.4s, v1.4s, v2.4s */
    {2, 0x0, 0x6ea2d420, 0x7fc000017fc00001ull, 0x000000017f800000ull, 0x1234567812345678ull, 0,
     0x1}, /* fabd v0.4s, v1.4s, v2.4s */
    {4, 0x0, 0x6e22d420, 0x42bd000040300000ull, 0x40e80831c0200000ull, 0x1234567812345678ull, 0,
     0x10}, /* faddp v0.4s, v1.4s, v2.4s */
    {4, 0x0, 0x6e22f420, 0x42c8000040000000ull, 0x40e800003f000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fmaxp v0.4s, v1.4s, v2.4s */
    {2, 0x0, 0x6ea2f420, 0x80000000c0100000ull, 0x000000017fc00001ull, 0x1234567812345678ull, 0,
     0x1}, /* fminp v0.4s, v1.4s, v2.4s */
    {2, 0x0, 0x6e22c420, 0x000000003fc00000ull, 0x7f8000007fc00001ull, 0x1234567812345678ull, 0,
     0x1}, /* fmaxnmp v0.4s, v1.4s, v2.4s */
    {5, 0x0, 0x6ee2c420, 0xbfb999999999999aull, 0x3fe0000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fminnmp v0.2d, v1.2d, v2.2d */
    {4, 0x0, 0x4e22dc20, 0xc01000003f800000ull, 0x3dcccccdc21f8000ull, 0x1234567812345678ull, 0,
     0x10}, /* fmulx v0.4s, v1.4s, v2.4s */
    {2, 0x0, 0x4e22dc20, 0x7fc000017fc00001ull, 0x8000000040000000ull, 0x1234567812345678ull, 0,
     0x1}, /* fmulx v0.4s, v1.4s, v2.4s */
    {4, 0x0, 0x4e22fc20, 0x408800003f800000ull, 0x3ff3333342278000ull, 0x1234567812345678ull, 0,
     0x10}, /* frecps v0.4s, v1.4s, v2.4s */
    {2, 0x0, 0x4e23fc20, 0x400e6666c0200000ull, 0x4000000040000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frecps v0.4s, v1.4s, v3.4s */
    {4, 0x0, 0x4ea2fc20, 0x402800003f800000ull, 0x3fb9999a41ab8000ull, 0x1234567812345678ull, 0,
     0x10}, /* frsqrts v0.4s, v1.4s, v2.4s */
    {5, 0x0, 0x4ee2fc20, 0x3fe8000000000000ull, 0x7df31cfd3999f7b0ull, 0x1234567812345678ull, 0,
     0x10}, /* frsqrts v0.2d, v1.2d, v2.2d */
    {4, 0x0, 0x4e22e420, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fcmeq v0.4s, v1.4s, v2.4s */
    {2, 0x0, 0x4e21e420, 0xffffffffffffffffull, 0xffffffffffffffffull, 0x1234567812345678ull, 0,
     0x0}, /* fcmeq v0.4s, v1.4s, v1.4s */
    {2, 0x0, 0x6e23e420, 0x0000000000000000ull, 0x00000000ffffffffull, 0x1234567812345678ull, 0,
     0x0}, /* fcmge v0.4s, v1.4s, v3.4s */
    {4, 0x0, 0x6ea2e420, 0xffffffffffffffffull, 0xffffffff00000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fcmgt v0.4s, v1.4s, v2.4s */
    {4, 0x0, 0x6e22ec20, 0x00000000ffffffffull, 0xffffffff00000000ull, 0x1234567812345678ull, 0,
     0x0}, /* facge v0.4s, v1.4s, v2.4s */
    {2, 0x0, 0x6ea3ec20, 0xffffffff00000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* facgt v0.4s, v1.4s, v3.4s */
    {5, 0x0, 0x6ee2e420, 0xffffffffffffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fcmgt v0.2d, v1.2d, v2.2d */
    {4, 0x0, 0x7ea2d420, 0x000000003fc00000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fabd s0, s1, s2 */
    {5, 0x0, 0x5e62dc20, 0x3ff8000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fmulx d0, d1, d2 */
    {4, 0x0, 0x5e22fc20, 0x000000003f800000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* frecps s0, s1, s2 */
    {5, 0x0, 0x5ee3fc20, 0x4012000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* frsqrts d0, d1, d3 */
    {4, 0x0, 0x7e22e420, 0x00000000ffffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fcmge s0, s1, s2 */
    {5, 0x0, 0x7ee2ec20, 0xffffffffffffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* facgt d0, d1, d2 */
    {2, 0x0, 0x5e22e440, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fcmeq s0, s2, s2 */
    {4, 0x0, 0x7e30d820, 0x0000000040300000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* faddp s0, v1.2s */
    {5, 0x0, 0x7e70d820, 0x4007333333333333ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* faddp d0, v1.2d */
    {4, 0x0, 0x7e30f820, 0x0000000040000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fmaxp s0, v1.2s */
    {5, 0x0, 0x7ef0f840, 0x3fe0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fminp d0, v2.2d */
    {2, 0x0, 0x7e30c840, 0x000000007fc00001ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* fmaxnmp s0, v2.2s */
    {2, 0x0, 0x7eb0c840, 0x000000007fc00001ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* fminnmp s0, v2.2s */
    {4, 0x0, 0x4ea0f820, 0x3f40000040000000ull, 0x42c8000040b00000ull, 0x1234567812345678ull, 0,
     0x0}, /* fabs v0.4s, v1.4s */
    {5, 0x0, 0x6ee0f820, 0xc008000000000000ull, 0x3fb999999999999aull, 0x1234567812345678ull, 0,
     0x0}, /* fneg v0.2d, v1.2d */
    {2, 0x0, 0x6ea0f840, 0xff800001ffc00001ull, 0x80000001ff800000ull, 0x1234567812345678ull, 0,
     0x0}, /* fneg v0.4s, v2.4s */
    {4, 0x0, 0x6ea1f820, 0x3f5db3d73fb504f3ull, 0x412000007fc00000ull, 0x1234567812345678ull, 0,
     0x11}, /* fsqrt v0.4s, v1.4s */
    {5, 0x0, 0x6ee1f860, 0x7ff8000000000000ull, 0x1fc1297872d9cbaeull, 0x1234567812345678ull, 0,
     0x11}, /* fsqrt v0.2d, v3.2d */
    {4, 0x0, 0x4e218820, 0x3f80000040000000ull, 0x42c80000c0c00000ull, 0x1234567812345678ull, 0,
     0x0}, /* frintn v0.4s, v1.4s */
    {4, 0x0, 0x4e219820, 0x0000000040000000ull, 0x42c80000c0c00000ull, 0x1234567812345678ull, 0,
     0x0}, /* frintm v0.4s, v1.4s */
    {4, 0x0, 0x4ea18820, 0x3f80000040000000ull, 0x42c80000c0a00000ull, 0x1234567812345678ull, 0,
     0x0}, /* frintp v0.4s, v1.4s */
    {4, 0x0, 0x4ea19820, 0x0000000040000000ull, 0x42c80000c0a00000ull, 0x1234567812345678ull, 0,
     0x0}, /* frintz v0.4s, v1.4s */
    {4, 0x0, 0x6e218820, 0x3f80000040000000ull, 0x42c80000c0c00000ull, 0x1234567812345678ull, 0,
     0x0}, /* frinta v0.4s, v1.4s */
    {4, 0x0, 0x6e219820, 0x3f80000040000000ull, 0x42c80000c0c00000ull, 0x1234567812345678ull, 0,
     0x10}, /* frintx v0.4s, v1.4s */
    {4, 0x0, 0x6ea19820, 0x3f80000040000000ull, 0x42c80000c0c00000ull, 0x1234567812345678ull, 0,
     0x0}, /* frinti v0.4s, v1.4s */
    {5, 0x0, 0x4e619820, 0x4008000000000000ull, 0xbff0000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* frintm v0.2d, v1.2d */
    {2, 0x0, 0x4e218840, 0x7fc000017fc00001ull, 0x000000007f800000ull, 0x1234567812345678ull, 0,
     0x1}, /* frintn v0.4s, v2.4s */
    {4, 0x0, 0x4e21a820, 0x0000000100000002ull, 0x00000064fffffffaull, 0x1234567812345678ull, 0,
     0x10}, /* fcvtns v0.4s, v1.4s */
    {4, 0x0, 0x4e21b820, 0x0000000000000002ull, 0x00000064fffffffaull, 0x1234567812345678ull, 0,
     0x10}, /* fcvtms v0.4s, v1.4s */
    {4, 0x0, 0x4ea1a820, 0x0000000100000002ull, 0x00000064fffffffbull, 0x1234567812345678ull, 0,
     0x10}, /* fcvtps v0.4s, v1.4s */
    {4, 0x0, 0x4ea1b820, 0x0000000000000002ull, 0x00000064fffffffbull, 0x1234567812345678ull, 0,
     0x10}, /* fcvtzs v0.4s, v1.4s */
    {4, 0x0, 0x4e21c820, 0x0000000100000002ull, 0x00000064fffffffaull, 0x1234567812345678ull, 0,
     0x10}, /* fcvtas v0.4s, v1.4s */
    {4, 0x0, 0x6e21a860, 0x000000000000000aull, 0x000000000000ffe0ull, 0x1234567812345678ull, 0,
     0x11}, /* fcvtnu v0.4s, v3.4s */
    {4, 0x0, 0x6ea1b820, 0x0000000000000002ull, 0x0000006400000000ull, 0x1234567812345678ull, 0,
     0x11}, /* fcvtzu v0.4s, v1.4s */
    {5, 0x0, 0x4ee1b820, 0x0000000000000003ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* fcvtzs v0.2d, v1.2d */
    {2, 0x0, 0x4ea1b840, 0x0000000000000000ull, 0x000000007fffffffull, 0x1234567812345678ull, 0,
     0x11}, /* fcvtzs v0.4s, v2.4s */
    {2, 0x0, 0x6ea1b860, 0x0000000000000003ull, 0xffffffff00000000ull, 0x1234567812345678ull, 0,
     0x11}, /* fcvtzu v0.4s, v3.4s */
    {4, 0x0, 0x5e21c820, 0x0000000000000002ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fcvtas s0, s1 */
    {5, 0x0, 0x5e61b820, 0x0000000000000003ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fcvtms d0, d1 */
    {0, 0x0, 0x4e21d820, 0xcefffe024efe21fcull, 0x4b91a2b4ceeca864ull, 0x1234567812345678ull, 6,
     0x10}, /* scvtf v0.4s, v1.4s */
    {0, 0x0, 0x6e21d820, 0x4f0000ff4efe21fcull, 0x4b91a2b44f09abceull, 0x1234567812345678ull, 6,
     0x10}, /* ucvtf v0.4s, v1.4s */
    {0, 0x0, 0x4e61d820, 0xc3dfffc03fa03bc0ull, 0x43723456789abcdfull, 0x1234567812345678ull, 6,
     0x10}, /* scvtf v0.2d, v1.2d */
    {0, 0x0, 0x6e61d840, 0x43e01fe0002fe420ull, 0x43efdb97530eca86ull, 0x1234567812345678ull, 6,
     0x10}, /* ucvtf v0.2d, v2.2d */
    {0, 0x0, 0x5e61d840, 0xc3dfc03fffa037c0ull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x10}, /* scvtf d0, d2 */
    {0, 0x0, 0x7e21d820, 0x000000004efe21fcull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x0}, /* ucvtf s0, s1 */
    {4, 0x0, 0x4ea0c820, 0xffffffffffffffffull, 0xffffffff00000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fcmgt v0.4s, v1.4s, #0.0 */
    {4, 0x0, 0x4ea0d820, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fcmeq v0.4s, v1.4s, #0.0 */
    {4, 0x0, 0x4ea0e820, 0x0000000000000000ull, 0x00000000ffffffffull, 0x1234567812345678ull, 0,
     0x0}, /* fcmlt v0.4s, v1.4s, #0.0 */
    {2, 0x0, 0x6ea0c820, 0x00000000ffffffffull, 0xffffffffffffffffull, 0x1234567812345678ull, 0,
     0x0}, /* fcmge v0.4s, v1.4s, #0.0 */
    {2, 0x0, 0x6ea0d820, 0xffffffff00000000ull, 0xffffffffffffffffull, 0x1234567812345678ull, 0,
     0x0}, /* fcmle v0.4s, v1.4s, #0.0 */
    {5, 0x0, 0x7ee0d820, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fcmle d0, d1, #0.0 */
    {2, 0x0, 0x5ea0e840, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* fcmlt s0, s2, #0.0 */
    {4, 0x0, 0x4ea1d820, 0x3faa80003eff8000ull, 0x3c238000be3a0000ull, 0x1234567812345678ull, 0,
     0x0}, /* frecpe v0.4s, v1.4s */
    {4, 0x0, 0x4ea1d840, 0xbeaa80003fff8000ull, 0x447980003e0d0000ull, 0x1234567812345678ull, 0,
     0x0}, /* frecpe v0.4s, v2.4s */
    {4, 0x0, 0x4ea1d860, 0x7f8000003dcc8000ull, 0xbf7f800037800000ull, 0x1234567812345678ull, 0,
     0x14}, /* frecpe v0.4s, v3.4s */
    {2, 0x0, 0x4ea1d820, 0xbee300003f2a8000ull, 0xff8000007f800000ull, 0x1234567812345678ull, 0,
     0x2}, /* frecpe v0.4s, v1.4s */
    {2, 0x0, 0x4ea1d840, 0x7fc000017fc00001ull, 0x7f80000000000000ull, 0x1234567812345678ull, 0,
     0x15}, /* frecpe v0.4s, v2.4s */
    {2, 0x0, 0x4ea1d860, 0x412000003eaa8000ull, 0x0da2800080000000ull, 0x1234567812345678ull, 0,
     0x0}, /* frecpe v0.4s, v3.4s */
    {5, 0x0, 0x4ee1d820, 0x3fd5500000000000ull, 0xc024000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* frecpe v0.2d, v1.2d */
    {5, 0x0, 0x4ee1d840, 0x3ffff00000000000ull, 0x01a5700000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* frecpe v0.2d, v2.2d */
    {5, 0x0, 0x4ee1d860, 0xbfdff00000000000ull, 0x7ff0000000000000ull, 0x1234567812345678ull, 0,
     0x14}, /* frecpe v0.2d, v3.2d */
    {3, 0x0, 0x5ee1d860, 0x7ff0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x14}, /* frecpe d0, d3 */
    {4, 0x0, 0x6ea1d820, 0x3f9380003f348000ull, 0x3dcc80007fc00000ull, 0x1234567812345678ull, 0,
     0x1}, /* frsqrte v0.4s, v1.4s */
    {4, 0x0, 0x6ea1d840, 0x7fc000003fb48000ull, 0x41fc80003ebe0000ull, 0x1234567812345678ull, 0,
     0x1}, /* frsqrte v0.4s, v2.4s */
    {4, 0x0, 0x6ea1d860, 0x60ad80003ea18000ull, 0x7fc000003b800000ull, 0x1234567812345678ull, 0,
     0x1}, /* frsqrte v0.4s, v3.4s */
    {2, 0x0, 0x6ea1d820, 0x7fc000003f510000ull, 0xff8000007f800000ull, 0x1234567812345678ull, 0,
     0x3}, /* frsqrte v0.4s, v1.4s */
    {2, 0x0, 0x6ea1d840, 0x7fc000017fc00001ull, 0x64b4800000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frsqrte v0.4s, v2.4s */
    {5, 0x0, 0x6ee1d840, 0x3ff6900000000000ull, 0x20ca300000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* frsqrte v0.2d, v2.2d */
    {5, 0x0, 0x6ee1d860, 0x7ff8000000000000ull, 0x601dd00000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frsqrte v0.2d, v3.2d */
    {3, 0x0, 0x7ee1d860, 0x617ff00000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* frsqrte d0, d3 */
    {4, 0x0, 0x5ea1f820, 0x000000003f800000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* frecpx s0, s1 */
    {5, 0x0, 0x5ee1f860, 0xbff0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* frecpx d0, d3 */
    {2, 0x0, 0x5ea1f840, 0x000000007fc00001ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* frecpx s0, s2 */
    {4, 0x0, 0x0e617820, 0x4000000000000000ull, 0x3fe8000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fcvtl v0.2d, v1.2s */
    {4, 0x0, 0x4e617820, 0xc016000000000000ull, 0x4059000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fcvtl2 v0.2d, v1.4s */
    {6, 0x0, 0x0e217820, 0xc00000003f800000ull, 0x33800000477fe000ull, 0x1234567812345678ull, 0,
     0x0}, /* fcvtl v0.4s, v1.4h */
    {6, 0x0, 0x4e217820, 0x7f8000007fc02000ull, 0x3eaaa00080000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fcvtl2 v0.4s, v1.8h */
    {4, 0x0, 0x0e216820, 0x5640c5803a004000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fcvtn v0.4h, v1.4s */
    {6, 0x0, 0x0e216840, 0x3dcd80007c0000a8ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x1c}, /* fcvtn v0.4h, v2.4s */
    {5, 0x0, 0x0e616820, 0xbdcccccd40400000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* fcvtn v0.2s, v1.2d */
    {5, 0x0, 0x4e616840, 0x5555555555555555ull, 0x7f8000003f000000ull, 0x1234567812345678ull, 0,
     0x14}, /* fcvtn2 v0.4s, v2.2d */
    {5, 0x0, 0x2e616820, 0xbdcccccd40400000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* fcvtxn v0.2s, v1.2d */
    {6, 0x0, 0x6e616840, 0x5555555555555555ull, 0x3dcccccd7bff8001ull, 0x1234567812345678ull, 0,
     0x10}, /* fcvtxn2 v0.4s, v2.2d */
    {5, 0x0, 0x7e616860, 0x00000000c0000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fcvtxn s0, d3 */
    {6, 0x0, 0x1ee24020, 0x000000003f800000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fcvt s0, h1 */
    {6, 0x0, 0x1ee2c020, 0x3ff0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fcvt d0, h1 */
    {6, 0x0, 0x1e23c040, 0x00000000000000a8ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x18}, /* fcvt h0, s2 */
    {6, 0x0, 0x1e63c060, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x18}, /* fcvt h0, d3 */
    {2, 0x0, 0x1e23c040, 0x0000000000007e00ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fcvt h0, s2 */
    {3, 0x0, 0x1e63c040, 0x0000000000007e00ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* fcvt h0, d2 */
    {4, 0x0, 0x1e23c060, 0x0000000000004900ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fcvt h0, s3 */
    {6, 0x0, 0x1ee2c060, 0xbf30e80000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fcvt d0, h3 */
    {0, 0x0, 0x1e02f020, 0x00000000ccffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x10}, /* scvtf s0, w1, #4 */
    {0, 0x0, 0x9e438020, 0x41efffffffd00000ull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x10}, /* ucvtf d0, x1, #32 */
    {0, 0x0, 0x9e420040, 0x3c1c000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x0}, /* scvtf d0, x2, #64 */
    {0, 0x0, 0x1e03fc20, 0x000000004e800001ull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x10}, /* ucvtf s0, w1, #1 */
    {5, 0x0, 0x1e58f420, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x0000000000000018ull, 0,
     0x0}, /* fcvtzs w0, d1, #3 */
    {5, 0x0, 0x9e590440, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x4000000000000000ull, 0,
     0x0}, /* fcvtzu x0, d2, #63 */
    {4, 0x0, 0x9e18b020, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x0000000000200000ull, 0,
     0x0}, /* fcvtzs x0, s1, #20 */
    {4, 0x0, 0x1e198060, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x00000000ffffffffull, 0,
     0x1}, /* fcvtzu w0, s3, #32 */
    {2, 0x0, 0x1e18fc40, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x0000000000000000ull, 0,
     0x1}, /* fcvtzs w0, s2, #1 */
    {0, 0x0, 0x4e284820, 0xe5a78520627cacfcull, 0x26fc62bd036edf6eull, 0x1234567812345678ull, 6,
     0x0}, /* aese v0.16b, v1.16b */
    {1, 0x0, 0x4e284860, 0xfcfcfcfc03fcfcfcull, 0xfcfcfcfc03fcfcfcull, 0x1234567812345678ull, 0,
     0x0}, /* aese v0.16b, v3.16b */
    {5, 0x0, 0x4e284840, 0xfc5e9efc48acfcfcull, 0x93d5fc9002fc2f05ull, 0x1234567812345678ull, 0,
     0x0}, /* aese v0.16b, v2.16b */
    {0, 0x0, 0x4e285820, 0x32f20efdb50961edull, 0x95ed0a800e686268ull, 0x1234567812345678ull, 6,
     0x0}, /* aesd v0.16b, v1.16b */
    {1, 0x0, 0x4e285840, 0x95eddafd9562edb5ull, 0xb59562edb5956262ull, 0x1234567812345678ull, 0,
     0x0}, /* aesd v0.16b, v2.16b */
    {0, 0x0, 0x4e286820, 0xe7656498105fa876ull, 0xcd67892345ef01abull, 0x1234567812345678ull, 6,
     0x0}, /* aesmc v0.16b, v1.16b */
    {1, 0x0, 0x4e286860, 0x1b9b808000000000ull, 0xe4647f7fffffffffull, 0x1234567812345678ull, 0,
     0x0}, /* aesmc v0.16b, v3.16b */
    {5, 0x0, 0x4e286840, 0x9e9a04df00000000ull, 0x6b34c806c16afe34ull, 0x1234567812345678ull, 0,
     0x0}, /* aesmc v0.16b, v2.16b */
    {0, 0x0, 0x4e287840, 0x0c77707566cdbcb7ull, 0x39937dd7b11bf55full, 0x1234567812345678ull, 6,
     0x0}, /* aesimc v0.16b, v2.16b */
    {1, 0x0, 0x4e287820, 0x45a5c627ac402bc4ull, 0x41f7daecbe082513ull, 0x1234567812345678ull, 0,
     0x0}, /* aesimc v0.16b, v1.16b */
    {0, 0x0, 0x5e020020, 0x08cedca2c3d37883ull, 0x54e1d4552724f555ull, 0x1234567812345678ull, 6,
     0x0}, /* sha1c q0, s1, v2.4s */
    {1, 0x0, 0x5e010060, 0x3e82f0563ae8b4f1ull, 0xb53594d5b17d05e0ull, 0x1234567812345678ull, 0,
     0x0}, /* sha1c q0, s3, v1.4s */
    {0, 0x0, 0x5e031040, 0x77a0ce22d7b124b5ull, 0xa00812561e1b2b78ull, 0x1234567812345678ull, 6,
     0x0}, /* sha1p q0, s2, v3.4s */
    {5, 0x0, 0x5e011000, 0x9a99956068499adfull, 0x155555559001fff7ull, 0x1234567812345678ull, 0,
     0x0}, /* sha1p q0, s0, v1.4s */
    {0, 0x0, 0x5e032020, 0xb78080c71bc6d58full, 0xb55967ab72f080c5ull, 0x1234567812345678ull, 6,
     0x0}, /* sha1m q0, s1, v3.4s */
    {1, 0x0, 0x5e022040, 0xbd693148d850d400ull, 0x1594d695927ad262ull, 0x1234567812345678ull, 0,
     0x0}, /* sha1m q0, s2, v2.4s */
    {0, 0x0, 0x5e280820, 0x000000001fc43f80ull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x0}, /* sha1h s0, s1 */
    {1, 0x0, 0x5e280860, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sha1h s0, s3 */
    {0, 0x0, 0x5e023020, 0x7f00fffe80df01feull, 0xd476ef33a3ee66baull, 0x1234567812345678ull, 6,
     0x0}, /* sha1su0 v0.4s, v1.4s, v2.4s */
    {1, 0x0, 0x5e003060, 0xaaaaaaaaaaaaaaaaull, 0x8000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sha1su0 v0.4s, v3.4s, v0.4s */
    {0, 0x0, 0x5e281820, 0xb9fd3175aaab54a9ull, 0x0003fc065713df9bull, 0x1234567812345678ull, 6,
     0x0}, /* sha1su1 v0.4s, v1.4s */
    {5, 0x0, 0x5e281840, 0xbaaa4193d56aaaaaull, 0xff800000a93a9d2dull, 0x1234567812345678ull, 0,
     0x0}, /* sha1su1 v0.4s, v2.4s */
    {0, 0x0, 0x5e024020, 0x9cdeab484dc46813ull, 0x4a7ce52e2ca8cafeull, 0x1234567812345678ull, 6,
     0x0}, /* sha256h q0, q1, v2.4s */
    {1, 0x0, 0x5e014060, 0xaeee561ea1e45457ull, 0xff80fdff93e6525bull, 0x1234567812345678ull, 0,
     0x0}, /* sha256h q0, q3, v1.4s */
    {5, 0x0, 0x5e034000, 0x3a04d69681282cefull, 0xfffffffd382ff8fdull, 0x1234567812345678ull, 0,
     0x0}, /* sha256h q0, q0, v3.4s */
    {0, 0x0, 0x5e025020, 0xd44890ad2df35f8dull, 0x80444366df9b78b4ull, 0x1234567812345678ull, 6,
     0x0}, /* sha256h2 q0, q1, v2.4s */
    {1, 0x0, 0x5e035040, 0x46cca9d1ecfb5a21ull, 0x7ffffffdf5affebeull, 0x1234567812345678ull, 0,
     0x0}, /* sha256h2 q0, q2, v3.4s */
    {0, 0x0, 0x5e282820, 0x3fffffff4aaaaaaaull, 0xdb46cca295555554ull, 0x1234567812345678ull, 6,
     0x0}, /* sha256su0 v0.4s, v1.4s */
    {1, 0x0, 0x5e282860, 0x3fffffff4aaaaaaaull, 0xaaaaaaaa95555554ull, 0x1234567812345678ull, 0,
     0x0}, /* sha256su0 v0.4s, v3.4s */
    {0, 0x0, 0x5e026020, 0xa921fadf74adf542ull, 0xebea1275efe24fcfull, 0x1234567812345678ull, 6,
     0x0}, /* sha256su1 v0.4s, v1.4s, v2.4s */
    {1, 0x0, 0x5e026060, 0x55750553d575a555ull, 0x4d404a7f90dfb826ull, 0x1234567812345678ull, 0,
     0x0}, /* sha256su1 v0.4s, v3.4s, v2.4s */
    {5, 0x0, 0x5e016000, 0xffd0064caa832443ull, 0xae7abebd4bd8562cull, 0x1234567812345678ull, 0,
     0x0}, /* sha256su1 v0.4s, v0.4s, v1.4s */
    {0, 0x0, 0x0ee2e020, 0x8ac7ed110a44fe00ull, 0x407fffd555cd0f6eull, 0x1234567812345678ull, 6,
     0x0}, /* pmull v0.1q, v1.1d, v2.1d */
    {0, 0x0, 0x4ee2e020, 0x40a0789828c810f0ull, 0x00e038d8688850b0ull, 0x1234567812345678ull, 6,
     0x0}, /* pmull2 v0.1q, v1.2d, v2.2d */
    {1, 0x0, 0x0ee3e020, 0x0000000000000000ull, 0x403f80ffbfc07f01ull, 0x1234567812345678ull, 0,
     0x0}, /* pmull v0.1q, v1.1d, v3.1d */
    {1, 0x0, 0x4ee3e060, 0x5555555555555555ull, 0x1555555555555555ull, 0x1234567812345678ull, 0,
     0x0}, /* pmull2 v0.1q, v3.2d, v3.2d */
    {4, 0x0, 0x6e22fc20, 0xbe80000040800000ull, 0x47c34fffbf4234f7ull, 0x1234567812345678ull, 0,
     0x10}, /* fdiv v0.4s, v1.4s, v2.4s */
    {4, 0x400000, 0x6e22fc20, 0xbe80000040800000ull, 0x47c35000bf4234f7ull, 0x1234567812345678ull,
     0, 0x10}, /* fdiv v0.4s, v1.4s, v2.4s */
    {4, 0x800000, 0x6e22fc20, 0xbe80000040800000ull, 0x47c34fffbf4234f8ull, 0x1234567812345678ull,
     0, 0x10}, /* fdiv v0.4s, v1.4s, v2.4s */
    {4, 0xc00000, 0x6e22fc20, 0xbe80000040800000ull, 0x47c34fffbf4234f7ull, 0x1234567812345678ull,
     0, 0x10}, /* fdiv v0.4s, v1.4s, v2.4s */
    {5, 0x0, 0x6e63fc20, 0xbff8000000000000ull, 0xfff0000000000000ull, 0x1234567812345678ull, 0,
     0x14}, /* fdiv v0.2d, v1.2d, v3.2d */
    {5, 0x400000, 0x6e63fc20, 0xbff8000000000000ull, 0xffefffffffffffffull, 0x1234567812345678ull,
     0, 0x14}, /* fdiv v0.2d, v1.2d, v3.2d */
    {5, 0x800000, 0x6e63fc20, 0xbff8000000000000ull, 0xfff0000000000000ull, 0x1234567812345678ull,
     0, 0x14}, /* fdiv v0.2d, v1.2d, v3.2d */
    {5, 0xc00000, 0x6e63fc20, 0xbff8000000000000ull, 0xffefffffffffffffull, 0x1234567812345678ull,
     0, 0x14}, /* fdiv v0.2d, v1.2d, v3.2d */
    {7, 0x0, 0x6e23dc20, 0x0100000000000001ull, 0x80000000ff7fffffull, 0x1234567812345678ull, 4,
     0x18}, /* fmul v0.4s, v1.4s, v3.4s */
    {7, 0x400000, 0x6e23dc20, 0x0100000000000002ull, 0x80000000ff7fffffull, 0x1234567812345678ull,
     4, 0x18}, /* fmul v0.4s, v1.4s, v3.4s */
    {7, 0x800000, 0x6e23dc20, 0x0100000000000001ull, 0x80000001ff7fffffull, 0x1234567812345678ull,
     4, 0x18}, /* fmul v0.4s, v1.4s, v3.4s */
    {7, 0xc00000, 0x6e23dc20, 0x0100000000000001ull, 0x80000000ff7fffffull, 0x1234567812345678ull,
     4, 0x18}, /* fmul v0.4s, v1.4s, v3.4s */
    {7, 0x1000000, 0x6e23dc20, 0x0100000000000000ull, 0x80000000ff7fffffull, 0x1234567812345678ull,
     4, 0x80}, /* fmul v0.4s, v1.4s, v3.4s */
    {7, 0x1400000, 0x6e23dc20, 0x0100000000000000ull, 0x80000000ff7fffffull, 0x1234567812345678ull,
     4, 0x80}, /* fmul v0.4s, v1.4s, v3.4s */
    {7, 0x0, 0x4e23d420, 0x400000003f800001ull, 0x338000007f7fffffull, 0x1234567812345678ull, 4,
     0x10}, /* fadd v0.4s, v1.4s, v3.4s */
    {7, 0x800000, 0x4e23d420, 0x400000003f800001ull, 0x337fffff7f7ffffeull, 0x1234567812345678ull,
     4, 0x10}, /* fadd v0.4s, v1.4s, v3.4s */
    {7, 0xc00000, 0x4ea3d420, 0xbfffffffbf800000ull, 0xb38000007f7fffffull, 0x1234567812345678ull,
     4, 0x10}, /* fsub v0.4s, v1.4s, v3.4s */
    {7, 0x1000000, 0x4e21d420, 0x0100000000000000ull, 0x800000007f800000ull, 0x1234567812345678ull,
     4, 0x94}, /* fadd v0.4s, v1.4s, v1.4s */
    {7, 0x0, 0x4e21d420, 0x0100000000000002ull, 0x80fffffe7f800000ull, 0x1234567812345678ull, 4,
     0x14}, /* fadd v0.4s, v1.4s, v1.4s */
    {7, 0x800000, 0x4ea3d460, 0x8000000080000000ull, 0x8000000080000000ull, 0x1234567812345678ull,
     4, 0x0}, /* fsub v0.4s, v3.4s, v3.4s */
    {7, 0x0, 0x4ea3d460, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 4,
     0x0}, /* fsub v0.4s, v3.4s, v3.4s */
    {8, 0x0, 0x6e63dc20, 0x0010000000000000ull, 0x8000000000000001ull, 0x1234567812345678ull, 0,
     0x18}, /* fmul v0.2d, v1.2d, v3.2d */
    {8, 0x400000, 0x6e63dc20, 0x0010000000000000ull, 0x8000000000000001ull, 0x1234567812345678ull,
     0, 0x18}, /* fmul v0.2d, v1.2d, v3.2d */
    {8, 0x1000000, 0x6e63dc20, 0x0000000000000000ull, 0x8000000000000000ull, 0x1234567812345678ull,
     0, 0x88}, /* fmul v0.2d, v1.2d, v3.2d */
    {8, 0x0, 0x1e612820, 0x001ffffffffffffeull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fadd d0, d1, d1 */
    {8, 0x1000000, 0x1e612820, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0, 0x80}, /* fadd d0, d1, d1 */
    {8, 0x0, 0x1e622840, 0x7ff0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x14}, /* fadd d0, d2, d2 */
    {8, 0xc00000, 0x1e622840, 0x7fefffffffffffffull, 0x0000000000000000ull, 0x1234567812345678ull,
     0, 0x14}, /* fadd d0, d2, d2 */
    {8, 0x800000, 0x4e62d440, 0x7fefffffffffffffull, 0x7ff8000000000123ull, 0x1234567812345678ull,
     0, 0x15}, /* fadd v0.2d, v2.2d, v2.2d */
    {8, 0x0, 0x1e630820, 0x0010000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x18}, /* fmul d0, d1, d3 */
    {8, 0x400000, 0x1e630820, 0x0010000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0, 0x18}, /* fmul d0, d1, d3 */
    {8, 0xc00000, 0x1e630860, 0x3ff0000000000002ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* fmul d0, d3, d3 */
    {8, 0x1c00000, 0x1e630820, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0, 0x80}, /* fmul d0, d1, d3 */
    {7, 0x0, 0x1e230820, 0x0000000000000001ull, 0x0000000000000000ull, 0x1234567812345678ull, 4,
     0x18}, /* fmul s0, s1, s3 */
    {7, 0x400000, 0x1e230820, 0x0000000000000002ull, 0x0000000000000000ull, 0x1234567812345678ull,
     4, 0x18}, /* fmul s0, s1, s3 */
    {7, 0x0, 0x6ea1f860, 0x3fb504f33f800000ull, 0x398000007fc00000ull, 0x1234567812345678ull, 4,
     0x11}, /* fsqrt v0.4s, v3.4s */
    {7, 0x400000, 0x6ea1f860, 0x3fb504f43f800001ull, 0x398000007fc00000ull, 0x1234567812345678ull,
     4, 0x11}, /* fsqrt v0.4s, v3.4s */
    {7, 0xc00000, 0x1e21c060, 0x000000003f800000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     4, 0x10}, /* fsqrt s0, s3 */
    {8, 0x0, 0x6ee1f860, 0x3ff0000000000000ull, 0x7ff8000000000000ull, 0x1234567812345678ull, 0,
     0x11}, /* fsqrt v0.2d, v3.2d */
    {8, 0x800000, 0x1e61c060, 0x3ff0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* fsqrt d0, d3 */
    {7, 0x0, 0x4e23cc20, 0x5555555555555555ull, 0xaaaaaaaaff7fffffull, 0x1234567812345678ull, 4,
     0x10}, /* fmla v0.4s, v1.4s, v3.4s */
    {7, 0xc00000, 0x4e23cc60, 0x5555555555555555ull, 0xaaa8aaaa3f7fffffull, 0x1234567812345678ull,
     4, 0x10}, /* fmla v0.4s, v3.4s, v3.4s */
    {7, 0x0, 0x1f030460, 0x000000003f800002ull, 0x0000000000000000ull, 0x1234567812345678ull, 4,
     0x10}, /* fmadd s0, s3, s3, s1 */
    {7, 0x800000, 0x1f030460, 0x000000003f800002ull, 0x0000000000000000ull, 0x1234567812345678ull,
     4, 0x10}, /* fmadd s0, s3, s3, s1 */
    {7, 0x400000, 0x1f038460, 0x00000000bf800002ull, 0x0000000000000000ull, 0x1234567812345678ull,
     4, 0x10}, /* fmsub s0, s3, s3, s1 */
    {8, 0x0, 0x1f438460, 0xbff0000000000002ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* fmsub d0, d3, d3, d1 */
    {8, 0xc00000, 0x1f630860, 0xffefffffffffffffull, 0x0000000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* fnmadd d0, d3, d3, d2 */
    {8, 0x1000000, 0x1f430420, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0, 0x80}, /* fmadd d0, d1, d3, d1 */
    {0, 0x0, 0x9e220040, 0x0000000040e00000ull, 0x0000000000000000ull, 0x1234567812345678ull, 6,
     0x0}, /* scvtf s0, x2 */
    {0, 0x400000, 0x9e220040, 0x0000000040e00000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6, 0x0}, /* scvtf s0, x2 */
    {0, 0x800000, 0x9e220040, 0x0000000040e00000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6, 0x0}, /* scvtf s0, x2 */
    {0, 0xc00000, 0x9e220040, 0x0000000040e00000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     6, 0x0}, /* scvtf s0, x2 */
    {7, 0x0, 0x9e220020, 0x000000004b800000ull, 0x0000000000000000ull, 0x1234567812345678ull, 4,
     0x10}, /* scvtf s0, x1 */
    {7, 0x0, 0x9e220040, 0x00000000cbfffffeull, 0x0000000000000000ull, 0x1234567812345678ull, 4,
     0x10}, /* scvtf s0, x2 */
    {7, 0x400000, 0x9e230020, 0x000000004b800001ull, 0x0000000000000000ull, 0x1234567812345678ull,
     4, 0x10}, /* ucvtf s0, x1 */
    {8, 0x0, 0x9e630020, 0x43f0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* ucvtf d0, x1 */
    {8, 0xc00000, 0x9e630020, 0x43efffffffffffffull, 0x0000000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* ucvtf d0, x1 */
    {8, 0x800000, 0x9e220040, 0x00000000df000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* scvtf s0, x2 */
    {0, 0x400000, 0x4e21d820, 0xcefffe014efe21fcull, 0x4b91a2b4ceeca864ull, 0x1234567812345678ull,
     6, 0x10}, /* scvtf v0.4s, v1.4s */
    {0, 0xc00000, 0x6e61d820, 0x43e0001fe02fe21full, 0x43723456789abcdeull, 0x1234567812345678ull,
     6, 0x10}, /* ucvtf v0.2d, v1.2d */
    {0, 0x800000, 0x4f38e420, 0xcafffe024afe21fcull, 0x4791a2b3caeca865ull, 0x1234567812345678ull,
     6, 0x10}, /* scvtf v0.4s, v1.4s, #8 */
    {4, 0x0, 0x0e216820, 0x5640c5803a004000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fcvtn v0.4h, v1.4s */
    {4, 0xc00000, 0x0e216820, 0x5640c5803a004000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0, 0x0}, /* fcvtn v0.4h, v1.4s */
    {7, 0x0, 0x0e216820, 0x80007c0000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 4,
     0x1c}, /* fcvtn v0.4h, v1.4s */
    {7, 0x400000, 0x0e216820, 0x80007c0000010001ull, 0x0000000000000000ull, 0x1234567812345678ull,
     4, 0x1c}, /* fcvtn v0.4h, v1.4s */
    {5, 0x400000, 0x0e616820, 0xbdcccccc40400000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* fcvtn v0.2s, v1.2d */
    {5, 0x1000000, 0x0e616820, 0xbdcccccd40400000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* fcvtn v0.2s, v1.2d */
    {8, 0x0, 0x0e616820, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x18}, /* fcvtn v0.2s, v1.2d */
    {8, 0x0, 0x1e624060, 0x000000003f800000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* fcvt s0, d3 */
    {8, 0x400000, 0x1e624060, 0x000000003f800001ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* fcvt s0, d3 */
    {8, 0x0, 0x1e624040, 0x000000007f800000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x14}, /* fcvt s0, d2 */
    {8, 0x2000000, 0x1e624040, 0x000000007f800000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0, 0x14}, /* fcvt s0, d2 */
    {7, 0x0, 0x1e23c060, 0x0000000000003c00ull, 0x0000000000000000ull, 0x1234567812345678ull, 4,
     0x10}, /* fcvt h0, s3 */
    {7, 0x400000, 0x1e23c060, 0x0000000000003c01ull, 0x0000000000000000ull, 0x1234567812345678ull,
     4, 0x10}, /* fcvt h0, s3 */
    {7, 0x1000000, 0x1e22c020, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     4, 0x80}, /* fcvt d0, s1 */
    {7, 0x0, 0x1e22c020, 0x36a0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 4,
     0x0}, /* fcvt d0, s1 */
    {7, 0x0, 0x0e617840, 0x7ff82468a0000000ull, 0x7ff8000020000000ull, 0x1234567812345678ull, 4,
     0x1}, /* fcvtl v0.2d, v2.2s */
    {7, 0x0, 0x4e617840, 0x3fe0000000000000ull, 0xfff82468a0000000ull, 0x1234567812345678ull, 4,
     0x1}, /* fcvtl2 v0.2d, v2.4s */
    {8, 0x0, 0x7e616860, 0x000000003f800001ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* fcvtxn s0, d3 */
    {8, 0x0, 0x2e616840, 0x7fc000007f7fffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x15}, /* fcvtxn v0.2s, v2.2d */
    {4, 0x0, 0x6ea19820, 0x3f80000040000000ull, 0x42c80000c0c00000ull, 0x1234567812345678ull, 0,
     0x0}, /* frinti v0.4s, v1.4s */
    {4, 0x400000, 0x6ea19820, 0x3f80000040000000ull, 0x42c80000c0a00000ull, 0x1234567812345678ull,
     0, 0x0}, /* frinti v0.4s, v1.4s */
    {4, 0x800000, 0x6e219820, 0x0000000040000000ull, 0x42c80000c0c00000ull, 0x1234567812345678ull,
     0, 0x10}, /* frintx v0.4s, v1.4s */
    {4, 0x0, 0x6e219820, 0x3f80000040000000ull, 0x42c80000c0c00000ull, 0x1234567812345678ull, 0,
     0x10}, /* frintx v0.4s, v1.4s */
    {5, 0xc00000, 0x1e674020, 0x4008000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0, 0x0}, /* frintx d0, d1 */
    {7, 0x0, 0x4e218820, 0x0000000000000000ull, 0x800000007f7fffffull, 0x1234567812345678ull, 4,
     0x0}, /* frintn v0.4s, v1.4s */
    {7, 0x1000000, 0x4e218820, 0x0000000000000000ull, 0x800000007f7fffffull, 0x1234567812345678ull,
     4, 0x80}, /* frintn v0.4s, v1.4s */
    {7, 0x0, 0x6e219840, 0x7fc000017fc12345ull, 0xffc1234500000000ull, 0x1234567812345678ull, 4,
     0x11}, /* frintx v0.4s, v2.4s */
    {4, 0x0, 0x1e380020, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x0000000000000002ull, 0,
     0x0}, /* fcvtzs w0, s1 */
    {4, 0x0, 0x9e200040, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x0000000000000000ull, 0,
     0x10}, /* fcvtns x0, s2 */
    {4, 0x0, 0x1e240060, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x000000000000000aull, 0,
     0x0}, /* fcvtas w0, s3 */
    {7, 0x0, 0x1e380040, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x0000000000000000ull, 4,
     0x1}, /* fcvtzs w0, s2 */
    {8, 0x0, 0x9e790040, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0xffffffffffffffffull, 0,
     0x1}, /* fcvtzu x0, d2 */
    {8, 0x0, 0x1e780040, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x000000007fffffffull, 0,
     0x1}, /* fcvtzs w0, d2 */
    {8, 0x0, 0x9e700060, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x0000000000000001ull, 0,
     0x10}, /* fcvtms x0, d3 */
    {7, 0x0, 0x4ea1b820, 0x0000000000000000ull, 0x000000007fffffffull, 0x1234567812345678ull, 4,
     0x11}, /* fcvtzs v0.4s, v1.4s */
    {7, 0x1000000, 0x4ea1a820, 0x0000000100000000ull, 0x000000007fffffffull, 0x1234567812345678ull,
     4, 0x91}, /* fcvtps v0.4s, v1.4s */
    {7, 0x0, 0x6ea1b840, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 4,
     0x11}, /* fcvtzu v0.4s, v2.4s */
    {7, 0x0, 0x4ea1d820, 0x7e7f80007f800000ull, 0xfe80000000200000ull, 0x1234567812345678ull, 4,
     0x14}, /* frecpe v0.4s, v1.4s */
    {7, 0xc00000, 0x4ea1d820, 0x7e7f80007f7fffffull, 0xfe80000000200000ull, 0x1234567812345678ull,
     4, 0x14}, /* frecpe v0.4s, v1.4s */
    {7, 0x800000, 0x4ea1d820, 0x7e7f80007f7fffffull, 0xfe80000000200000ull, 0x1234567812345678ull,
     4, 0x14}, /* frecpe v0.4s, v1.4s */
    {7, 0x1000000, 0x4ea1d820, 0x7e7f80007f800000ull, 0xff80000000000000ull, 0x1234567812345678ull,
     4, 0x8a}, /* frecpe v0.4s, v1.4s */
    {8, 0x1000000, 0x4ee1d820, 0x7ff0000000000000ull, 0x7fcff00000000000ull, 0x1234567812345678ull,
     0, 0x82}, /* frecpe v0.2d, v1.2d */
    {8, 0x0, 0x4ee1d820, 0x7fd0000000000000ull, 0x7fcff00000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* frecpe v0.2d, v1.2d */
    {7, 0x0, 0x6ea1d860, 0x3f3480003f7f8000ull, 0x457f80007fc00000ull, 0x1234567812345678ull, 4,
     0x1}, /* frsqrte v0.4s, v3.4s */
    {7, 0x1000000, 0x6ea1d820, 0x5eff80007f800000ull, 0xff8000001f800000ull, 0x1234567812345678ull,
     4, 0x82}, /* frsqrte v0.4s, v1.4s */
    {7, 0x0, 0x4e23fc40, 0xffc00001ffc12345ull, 0x7fc1234540200000ull, 0x1234567812345678ull, 4,
     0x1}, /* frecps v0.4s, v2.4s, v3.4s */
    {7, 0x0, 0x4ea3fc20, 0x3fc000003fc00000ull, 0x3fc000007effffffull, 0x1234567812345678ull, 4,
     0x10}, /* frsqrts v0.4s, v1.4s, v3.4s */
    {7, 0x0, 0x4e23d440, 0x7fc000017fc12345ull, 0xffc12345bf000000ull, 0x1234567812345678ull, 4,
     0x1}, /* fadd v0.4s, v2.4s, v3.4s */
    {7, 0x2000000, 0x4e23d440, 0x7fc000007fc00000ull, 0x7fc00000bf000000ull, 0x1234567812345678ull,
     4, 0x1}, /* fadd v0.4s, v2.4s, v3.4s */
    {7, 0x0, 0x4ea2d460, 0x7fc000017fc12345ull, 0xffc12345bfc00000ull, 0x1234567812345678ull, 4,
     0x1}, /* fsub v0.4s, v3.4s, v2.4s */
    {7, 0x0, 0x6e22dc40, 0x7fc000017fc12345ull, 0xffc123453e800000ull, 0x1234567812345678ull, 4,
     0x1}, /* fmul v0.4s, v2.4s, v2.4s */
    {7, 0x0, 0x4e23c440, 0x7fc000013f800001ull, 0xffc123453f000000ull, 0x1234567812345678ull, 4,
     0x1}, /* fmaxnm v0.4s, v2.4s, v3.4s */
    {7, 0x0, 0x4ea2c460, 0x7fc000013f800001ull, 0xffc12345bf800000ull, 0x1234567812345678ull, 4,
     0x1}, /* fminnm v0.4s, v3.4s, v2.4s */
    {7, 0x0, 0x4e23f440, 0x7fc000017fc12345ull, 0xffc123453f000000ull, 0x1234567812345678ull, 4,
     0x1}, /* fmax v0.4s, v2.4s, v3.4s */
    {7, 0x2000000, 0x4e22f460, 0x7fc000007fc00000ull, 0x7fc000003f000000ull, 0x1234567812345678ull,
     4, 0x1}, /* fmax v0.4s, v3.4s, v2.4s */
    {7, 0x1000000, 0x4e23f420, 0x400000003f800001ull, 0x338000007f7fffffull, 0x1234567812345678ull,
     4, 0x80}, /* fmax v0.4s, v1.4s, v3.4s */
    {7, 0x1000000, 0x4ea2c420, 0x7fc0000100000000ull, 0xffc123453f000000ull, 0x1234567812345678ull,
     4, 0x81}, /* fminnm v0.4s, v1.4s, v2.4s */
    {7, 0x0, 0x4e23cc40, 0x7fc000017fc12345ull, 0xffc12345bf000000ull, 0x1234567812345678ull, 4,
     0x11}, /* fmla v0.4s, v2.4s, v3.4s */
    {7, 0x0, 0x4ea2cc60, 0x7fc000017fc12345ull, 0xffc123453f000000ull, 0x1234567812345678ull, 4,
     0x11}, /* fmls v0.4s, v3.4s, v2.4s */
    {7, 0x0, 0x1f030860, 0x000000007fc12345ull, 0x0000000000000000ull, 0x1234567812345678ull, 4,
     0x0}, /* fmadd s0, s3, s3, s2 */
    {7, 0x0, 0x1f230440, 0x00000000ffc12345ull, 0x0000000000000000ull, 0x1234567812345678ull, 4,
     0x0}, /* fnmadd s0, s2, s3, s1 */
    {7, 0x0, 0x1f238860, 0x00000000ffc12345ull, 0x0000000000000000ull, 0x1234567812345678ull, 4,
     0x0}, /* fnmsub s0, s3, s3, s2 */
    {7, 0x2000000, 0x1f030440, 0x000000007fc00000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     4, 0x0}, /* fmadd s0, s2, s3, s1 */
    {8, 0x0, 0x1e638840, 0xfff0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x14}, /* fnmul d0, d2, d3 */
    {8, 0x0, 0x1e628860, 0xfff0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x14}, /* fnmul d0, d3, d2 */
    {8, 0x2000000, 0x1e628860, 0xfff0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0, 0x14}, /* fnmul d0, d3, d2 */
    {8, 0x0, 0x1f438860, 0x7fefffffffffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* fmsub d0, d3, d3, d2 */
    {8, 0x0, 0x6ee3d440, 0x7fefffffffffffffull, 0x7ff8000000000123ull, 0x1234567812345678ull, 0,
     0x11}, /* fabd v0.2d, v2.2d, v3.2d */
    {7, 0x0, 0x6ea1f840, 0x7fc000017fc12345ull, 0xffc123453f3504f3ull, 0x1234567812345678ull, 4,
     0x11}, /* fsqrt v0.4s, v2.4s */
    {7, 0x2000000, 0x6ea1f840, 0x7fc000007fc00000ull, 0x7fc000003f3504f3ull, 0x1234567812345678ull,
     4, 0x11}, /* fsqrt v0.4s, v2.4s */
    {7, 0x0, 0x4ea1d840, 0x7fc000017fc12345ull, 0xffc123453fff8000ull, 0x1234567812345678ull, 4,
     0x1}, /* frecpe v0.4s, v2.4s */
    {7, 0x0, 0x4e23e440, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 4,
     0x1}, /* fcmeq v0.4s, v2.4s, v3.4s */
    {7, 0x0, 0x6e23e440, 0x0000000000000000ull, 0x00000000ffffffffull, 0x1234567812345678ull, 4,
     0x1}, /* fcmge v0.4s, v2.4s, v3.4s */
    {7, 0x0, 0x6ea3e460, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 4,
     0x0}, /* fcmgt v0.4s, v3.4s, v3.4s */
    {7, 0x0, 0x4ea0d860, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 4,
     0x0}, /* fcmeq v0.4s, v3.4s, #0.0 */
    {7, 0x1000000, 0x4ea0d820, 0x00000000ffffffffull, 0xffffffff00000000ull, 0x1234567812345678ull,
     4, 0x80}, /* fcmeq v0.4s, v1.4s, #0.0 */
    {7, 0x0, 0x6ea2ec60, 0x0000000000000000ull, 0x00000000ffffffffull, 0x1234567812345678ull, 4,
     0x1}, /* facgt v0.4s, v3.4s, v2.4s */
    {7, 0x0, 0x1e232040, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x1234567812345678ull, 3,
     0x0}, /* fcmp s2, s3 */
    {7, 0x0, 0x1e232050, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x1234567812345678ull, 3,
     0x1}, /* fcmpe s2, s3 */
    {7, 0x0, 0x1e222060, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x1234567812345678ull, 3,
     0x0}, /* fcmp s3, s2 */
    {7, 0x0, 0x1e202078, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x1234567812345678ull, 2,
     0x0}, /* fcmpe s3, #0.0 */
    {7, 0x1000000, 0x1e202028, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x1234567812345678ull,
     6, 0x80}, /* fcmp s1, #0.0 */
    {7, 0x0, 0x1e202028, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x1234567812345678ull, 2,
     0x0}, /* fcmp s1, #0.0 */
    {7, 0x0, 0x1e230451, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x1234567812345678ull, 3,
     0x1}, /* fccmpe s2, s3, #1, eq */
    {7, 0x0, 0x1e231441, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x1234567812345678ull, 1,
     0x0}, /* fccmp s2, s3, #1, ne */
    {8, 0x0, 0x1e632040, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x1234567812345678ull, 2,
     0x0}, /* fcmp d2, d3 */
    {8, 0x0, 0x1e612030, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x1234567812345678ull, 6,
     0x0}, /* fcmpe d1, d1 */
    {8, 0x1000000, 0x1e63e420, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull, 0x1234567812345678ull,
     8, 0x80}, /* fccmp d1, d3, #0, al */
    {7, 0x0, 0x6e23c440, 0xffc123457fc00001ull, 0x3380000040000000ull, 0x1234567812345678ull, 4,
     0x1}, /* fmaxnmp v0.4s, v2.4s, v3.4s */
    {7, 0x0, 0x6eb0f840, 0x000000007fc00001ull, 0x0000000000000000ull, 0x1234567812345678ull, 4,
     0x1}, /* fminv s0, v2.4s */
    {7, 0x0, 0x6e30c840, 0x000000007fc00001ull, 0x0000000000000000ull, 0x1234567812345678ull, 4,
     0x1}, /* fmaxnmv s0, v2.4s */
    {7, 0x0, 0x6e21d440, 0xffc123457fc00001ull, 0x7f7fffff00800001ull, 0x1234567812345678ull, 4,
     0x11}, /* faddp v0.4s, v2.4s, v1.4s */
    {6, 0x4000000, 0x0e217820, 0xc00000003f800000ull, 0x33800000477fe000ull, 0x1234567812345678ull,
     0, 0x0}, /* fcvtl v0.4s, v1.4h */
    {6, 0x4000000, 0x4e217820, 0x4780000047c02000ull, 0x3eaaa00080000000ull, 0x1234567812345678ull,
     0, 0x0}, /* fcvtl2 v0.4s, v1.8h */
    {6, 0x0, 0x4e217820, 0x7f8000007fc02000ull, 0x3eaaa00080000000ull, 0x1234567812345678ull, 0,
     0x0}, /* fcvtl2 v0.4s, v1.8h */
    {6, 0x4000000, 0x0e216840, 0x3dcd80007c0000a8ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0, 0x18}, /* fcvtn v0.4h, v2.4s */
    {6, 0x0, 0x0e216840, 0x3dcd80007c0000a8ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x1c}, /* fcvtn v0.4h, v2.4s */
    {7, 0x4000000, 0x0e216840, 0x8000380000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     4, 0x1}, /* fcvtn v0.4h, v2.4s */
    {7, 0x4000000, 0x0e216820, 0x80007fff00000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     4, 0x19}, /* fcvtn v0.4h, v1.4s */
    {7, 0x4000000, 0x1e23c040, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     4, 0x1}, /* fcvt h0, s2 */
    {6, 0x4000000, 0x1ee2c020, 0x3ff0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0, 0x0}, /* fcvt d0, h1 */
    {8, 0x4000000, 0x1e63c040, 0x0000000000007fffull, 0x0000000000000000ull, 0x1234567812345678ull,
     0, 0x1}, /* fcvt h0, d2 */
              /* END GENERATED CASES */
};

static bool decode_one(struct ir_block *b, uint64_t pc, uint32_t insn) {
  struct a64_ctx s = {.b = b, .pc = pc, .insn = insn};
  ir_mark(b, pc);
  for (const struct a64_pattern *p = a64_simd_patterns; p->trans; p++)
    if ((insn & p->mask) == p->value && p->trans(&s, insn))
      return true;
  return false;
}

static bool run1(uint32_t insn) {
  static uint32_t code[1];
  code[0] = insn;
  uint64_t pc = (uint64_t)(uintptr_t)code;
  struct ir_block *b = ir_block_new(pc);
  bool ok = decode_one(b, pc, insn);
  if (ok) {
    ir_goto(b, pc + 4);
    ok = !ir_verify(b) && ir_interp(b, &cpu.c) == CPU_EXIT_PLAIN && cpu.c.pc == pc + 4;
  }
  ir_block_free(b);
  return ok;
}

static void setup(const uint64_t *in) {
  memset(&cpu, 0, sizeof(cpu));
  cpu.v[0][0] = 0x5555555555555555ull, cpu.v[0][1] = 0xaaaaaaaaaaaaaaaaull;
  for (int r = 1; r <= 3; r++)
    cpu.v[r][0] = in[2 * r - 2], cpu.v[r][1] = in[2 * r - 1];
  cpu.x[0] = 0x1234567812345678ull;
  cpu.x[1] = in[6], cpu.x[2] = in[7];
  cpu.nzcv = in[8];
}

static bool check(const struct simd_case *t) {
  setup(simd_sets[t->set]);
  cpu.fpcr = t->fpcr;
  if (!run1(t->insn)) {
    fprintf(stderr, "  0x%08x: did not run\n", t->insn);
    return false;
  }
  if (cpu.v[0][0] == t->v0_lo && cpu.v[0][1] == t->v0_hi && cpu.x[0] == t->x0 &&
      cpu.nzcv == t->nzcv && cpu.fpsr == t->fpsr)
    return true;
  fprintf(stderr,
          "  0x%08x fpcr %x: v0 %016llx:%016llx x0 %llx nzcv %llx fpsr %x, want %016llx:%016llx "
          "%llx %llx %llx\n",
          t->insn, t->fpcr, (unsigned long long)cpu.v[0][1], (unsigned long long)cpu.v[0][0],
          (unsigned long long)cpu.x[0], (unsigned long long)cpu.nzcv, cpu.fpsr,
          (unsigned long long)t->v0_hi, (unsigned long long)t->v0_lo, (unsigned long long)t->x0,
          (unsigned long long)t->nzcv, (unsigned long long)t->fpsr);
  return false;
}

TEST(simd_against_qemu) {
  int bad = 0;
  for (unsigned i = 0; i < N(simd_cases); i++)
    bad += !check(&simd_cases[i]);
  ASSERT_EQ(bad, 0);
}

/* Reserved encodings in the classes this decoder covers raise SIGILL. */
TEST(simd_unallocated) {
  static const uint32_t bad[] = {
      0x0ee00400, /* shadd v0.1d: size 11 */
      0x0ee08420, /* add with size 11, Q=0 */
      0x2e20bc20, /* addp with U=1 */
      0x0f40a420, /* sshll with immh 1xxx */
      0x0e60e020, /* pmull size 01 */
      0x0e61f820, /* fabs v0.1d: sz=1 Q=0 */
  };
  for (unsigned i = 0; i < N(bad); i++) {
    memset(&cpu, 0, sizeof(cpu));
    if (run1(bad[i]))
      fprintf(stderr, "  0x%08x decoded\n", bad[i]);
    ASSERT(!run1(bad[i]));
  }
}

TEST_MAIN("a64_simd")
