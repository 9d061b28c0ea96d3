/* a64_ext_test.c - the A64 SIMD and FP extensions of a64_ext_patterns
 * (FEAT_SHA512, FEAT_SHA3, FEAT_DotProd, FEAT_RDM, FEAT_JSCVT, FEAT_FRINTTS)
 * against qemu-aarch64, through the reference IR interpreter.
 *
 * Each case runs one instruction on one of the input sets below in v0-v3
 * (copied to v16-v19), x1, x2 and NZCV, with x0 = 0x1234567812345678,
 * FPSR = 0 and the case's FPCR; the expected v0, x0, NZCV and FPSR (the cumulative exception flags
 * and QC) come from running the same instruction on the same state under
 * qemu-aarch64 (its default CPU "max" has all of these). The table is
 * written by
 *   tools/a64-simd-cases tests/unit/a64_ext_test.c tools/a64-ext-cases.txt
 * and clang-format. One case keeps the Arm ARM's result where qemu 7.2 is
 * wrong (FJCVTZS of a flushed denormal, qemu issue 2375); its line says so.
 *
 *   make o/tests/unit/a64_ext_test && o/tests/unit/a64_ext_test
 */
#include <stdint.h>
#include <string.h>
#include "test.h"
#include "../../decode/aarch64/a64.h"
#include "a64_helper_tables.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* The table under test; the decoder's chain gets it from a64.h once wired. */

static struct a64_cpu cpu;

/* input sets: v0 lo/hi, v1 lo/hi, v2 lo/hi, v3 lo/hi, x1, x2, nzcv */
static const uint64_t ext_sets[][11] = {
    /* 0-2: random */
    {0xd1a6e55e9b9b1325ull, 0x566bf9d7c55a45f8ull, 0xcf0c26ef4243ed52ull, 0x5d96cf7f265beda9ull,
     0xc1d77cffb7decc0cull, 0x5e6a0a2edd70e34dull, 0x0463513755ac0ecdull, 0xb37523a53b4a3ee2ull, 0,
     0, 0},
    {0x4de45321ad915a36ull, 0x9823beb1e6ba3ad7ull, 0xdd4eabbd1fcfb980ull, 0x683447c10cc8af11ull,
     0xbfb637dd5bae2d26ull, 0xaed09b824ca87fc2ull, 0x158d003d9a0b2361ull, 0x1ff135342e825ce1ull, 0,
     0, 0xf},
    {0x33f5f28807f0cbd4ull, 0x00d9f4ad53a2f2b6ull, 0x4cc346363c234038ull, 0xd330a5494d14cf1aull,
     0x668dc8f46a423cf9ull, 0xd178403035c9a8c4ull, 0x765890e0f94855d0ull, 0xaf5d8bb09f2e9ea4ull, 0,
     0, 6},
    /* 3: dot products: accumulators 0x7fffffff 0x80000000 0xffffffff 0, bytes 0x80 0x7f 0xff */
    {0x800000007fffffffull, 0x00000000ffffffffull, 0x8080808080808080ull, 0xffffffff01807fffull,
     0x7f7f7f7f80808080ull, 0xffffffff8080ff01ull, 0xff80017f00ff7f80ull, 0x017f80ff80807f7full, 0,
     0, 0},
    /* 4: halfword saturation: 0x7fff 0x8000 0x0001 0xffff in accumulators and operands */
    {0x4000000080007fffull, 0x0001ffff80017ffeull, 0x7fff800080008000ull, 0x4000000180007fffull,
     0x7fff80007fff8000ull, 0x8000ffff7fff7fffull, 0xc0007fff00018000ull, 0xffff000280013fffull, 0,
     0, 0},
    /* 5: word saturation */
    {0x800000007fffffffull, 0x0000000140000000ull, 0x8000000080000000ull, 0x7fffffff80000001ull,
     0x7fffffff80000000ull, 0x8000000080000000ull, 0xc000000080000000ull, 0x000000017fffffffull, 0,
     0, 0},
    /* 6: mixed */
    {0x7ffe80017fff0000ull, 0xd1a6e55e9b9b1325ull, 0x80007fff8000c000ull, 0x566bf9d7c55a45f8ull,
     0x8000800080007fffull, 0xcf0c26ef4243ed52ull, 0x80000000ffff8000ull, 0x5d96cf7f265beda9ull, 0,
     0, 0},
    /* 7: doubles 1.5 -1.5 | 2^31-1 2^31 | -2^31 -2^31-1 | -2^31-0.5 2^31-0.5 */
    {0x3ff8000000000000ull, 0xbff8000000000000ull, 0x41dfffffffc00000ull, 0x41e0000000000000ull,
     0xc1e0000000000000ull, 0xc1e0000000200000ull, 0xc1e0000000100000ull, 0x41dfffffffe00000ull, 0,
     0, 0},
    /* 8: 2^32+5 -(2^32+5) | 2^63+2^11 2^84+3*2^32 | 1e300 -0 | +0 0.5 */
    {0x41f0000000500000ull, 0xc1f0000000500000ull, 0x43e0000000000001ull, 0x4530000000000003ull,
     0x7e37e43c8800759cull, 0x8000000000000000ull, 0x0000000000000000ull, 0x3fe0000000000000ull, 0,
     0, 0xf},
    /* 9: qNaN sNaN | Inf -Inf | max denormal, -min denormal | -0.5 -2.5 */
    {0x7ff8000000000000ull, 0x7ff0000000000001ull, 0x7ff0000000000000ull, 0xfff0000000000000ull,
     0x000fffffffffffffull, 0x8000000000000001ull, 0xbfe0000000000000ull, 0xc004000000000000ull, 0,
     0, 4},
    /* 10: 2^52+1 2^52-0.5 | -2^32-0.75 3e9 | 2^31-0.25 -2^31-0.25 | 123456789.987 -9.5 */
    {0x4330000000000001ull, 0x432fffffffffffffull, 0xc1f00000000c0000ull, 0x41e65a0bc0000000ull,
     0x41dffffffff00000ull, 0xc1e0000000080000ull, 0x419d6f3457f2b021ull, 0xc023000000000000ull, 0,
     0, 0},
    /* 11: -min denormal, max denormal | -0 1e-310 | -2^63 2^63 | -qNaN 1e19 */
    {0x8000000000000001ull, 0x000fffffffffffffull, 0x8000000000000000ull, 0x000012688b70e62bull,
     0xc3e0000000000000ull, 0x43e0000000000000ull, 0xfff8000000000000ull, 0x43e158e460913d00ull, 0,
     0, 2},
    /* 12: singles 0 -0 denormal -denormal | 1.5 -2.5 2.5 -0.5 |
     * 2^31-128 2^31 -2^31 -(2^31+256) | qNaN sNaN Inf -Inf */
    {0x8000000000000000ull, 0x8000000100000001ull, 0xc02000003fc00000ull, 0xbf00000040200000ull,
     0x4f0000004effffffull, 0xcf000001cf000000ull, 0x7f8000017fc00000ull, 0xff8000007f800000ull, 0,
     0, 0},
    /* 13: singles 2^63 -2^63 2^63-2^39 -(2^63+2^40) | 0.75 -0.75 3.5 0.5 |
     * 0.49999997 -1.5 1e10 1e38 | -1e38 7.5 -7.5 2^32 */
    {0xdf0000005f000000ull, 0xdf0000015effffffull, 0xbf4000003f400000ull, 0x3f00000040600000ull,
     0xbfc000003effffffull, 0x7e967699501502f9ull, 0x40f00000fe967699ull, 0x4f800000c0f00000ull, 0,
     0, 0},
    /* 14: doubles 2^63-1024 -(2^63+2048) | 2^31-0.5 -2^31-0.5 | 2^31-0.6 -2^31-0.4 | 2^63 -2^63 */
    {0x43dfffffffffffffull, 0xc3e0000000000001ull, 0x41dfffffffe00000ull, 0xc1e0000000100000ull,
     0x41dfffffffd9999aull, 0xc1e00000000ccccdull, 0x43e0000000000000ull, 0xc3e0000000000000ull, 0,
     0, 0},
    /* 15: 1e300 min denormal | 2.5 -2.5 | 0.5 -0.5 | qNaN -Inf */
    {0x7e37e43c8800759cull, 0x0000000000000001ull, 0x4004000000000000ull, 0xc004000000000000ull,
     0x3fe0000000000000ull, 0xbfe0000000000000ull, 0x7ff8000000000000ull, 0xfff0000000000000ull, 0,
     0, 0},
    /* 16: 1.5 -1.5 | 3.5 -min denormal | sNaN 0.49999999999999994 | -0 -9.5 */
    {0x3ff8000000000000ull, 0xbff8000000000000ull, 0x400c000000000000ull, 0x8000000000000001ull,
     0x7ff0000000000001ull, 0x3fdfffffffffffffull, 0x8000000000000000ull, 0xc023000000000000ull, 0,
     0, 0},
};

struct ext_case {
  unsigned set;
  uint32_t fpcr, insn;
  uint64_t v0_lo, v0_hi, x0, nzcv, fpsr;
};

static const struct ext_case ext_cases[] = {
    /* BEGIN GENERATED CASES */
    {0, 0x0, 0xce628020, 0x4de4c1104243fe61ull, 0x4891579a34462b72ull, 0x1234567812345678ull, 0,
     0x0}, /* sha512h q0, q1, v2.2d */
    {0, 0x0, 0xce628420, 0x421c5d37a5a885f6ull, 0x952ef71ed12ef181ull, 0x1234567812345678ull, 0,
     0x0}, /* sha512h2 q0, q1, v2.2d */
    {0, 0x0, 0xcec08020, 0xa5762640367ddf57ull, 0x8b4300f456417896ull, 0x1234567812345678ull, 0,
     0x0}, /* sha512su0 v0.2d, v1.2d */
    {0, 0x0, 0xce628820, 0x9a75c05e7f456c9cull, 0x454b0f7cba750f7cull, 0x1234567812345678ull, 0,
     0x0}, /* sha512su1 v0.2d, v1.2d, v2.2d */
    {1, 0x0, 0xce628020, 0xc8b17ce541bc65f7ull, 0x8664d33c9d41be2eull, 0x1234567812345678ull, 15,
     0x0}, /* sha512h q0, q1, v2.2d */
    {1, 0x0, 0xce628420, 0x500c0e5303b02b54ull, 0xaeb87fc7605a14a6ull, 0x1234567812345678ull, 15,
     0x0}, /* sha512h2 q0, q1, v2.2d */
    {1, 0x0, 0xcec08020, 0x689e0ebccf082d5aull, 0x87e444d42f81c6e1ull, 0x1234567812345678ull, 15,
     0x0}, /* sha512su0 v0.2d, v1.2d */
    {1, 0x0, 0xce628820, 0x2bcb07eee8b4d875ull, 0x9cd51c461df13647ull, 0x1234567812345678ull, 15,
     0x0}, /* sha512su1 v0.2d, v1.2d, v2.2d */
    {2, 0x0, 0xce628020, 0x0945330a6f20bd98ull, 0x14536f92425ca044ull, 0x1234567812345678ull, 6,
     0x0}, /* sha512h q0, q1, v2.2d */
    {2, 0x0, 0xce628420, 0x93d01663524f2556ull, 0x9c0af9b353990298ull, 0x1234567812345678ull, 6,
     0x0}, /* sha512h2 q0, q1, v2.2d */
    {2, 0x0, 0xcec08020, 0xea6382d366166a20ull, 0x1f8edb7e97f8b892ull, 0x1234567812345678ull, 6,
     0x0}, /* sha512su0 v0.2d, v1.2d */
    {2, 0x0, 0xce628820, 0xa9b1f0adc35f5413ull, 0xd57ce796e2a79dc2ull, 0x1234567812345678ull, 6,
     0x0}, /* sha512su1 v0.2d, v1.2d, v2.2d */
    {0, 0x0, 0xce618060, 0xdc9b537ac9527bd6ull, 0xef2b68573cf00061ull, 0x1234567812345678ull, 0,
     0x0}, /* sha512h q0, q3, v1.2d */
    {1, 0x0, 0xce608400, 0x3e368e4d5890c162ull, 0xd732e930b5f38381ull, 0x1234567812345678ull, 15,
     0x0}, /* sha512h2 q0, q0, v0.2d */
    {2, 0x0, 0xcec08000, 0xea6382d366166a20ull, 0xce88dc00ef93676cull, 0x1234567812345678ull, 6,
     0x0}, /* sha512su0 v0.2d, v0.2d */
    {0, 0x0, 0xce608860, 0x46206f2f51465330ull, 0x8b909379757d0477ull, 0x1234567812345678ull, 0,
     0x0}, /* sha512su1 v0.2d, v3.2d, v0.2d */
    {0, 0x0, 0xce020c20, 0x0ab80b27a0312f93ull, 0xb089e6f4c0613006ull, 0x1234567812345678ull, 0,
     0x0}, /* eor3 v0.16b, v1.16b, v2.16b, v3.16b */
    {0, 0x0, 0xce220c20, 0x0e980a27e0112d52ull, 0x119cc775e26b2ca4ull, 0x1234567812345678ull, 0,
     0x0}, /* bcax v0.16b, v1.16b, v2.16b, v3.16b */
    {0, 0x0, 0xce628c20, 0x4ca2df102dfe754bull, 0xe142db229cba2b33ull, 0x1234567812345678ull, 0,
     0x0}, /* rax1 v0.2d, v1.2d, v2.2d */
    {0, 0x0, 0xce820020, 0x0edb5a10f59d215eull, 0x03fcc551fb2b0ee4ull, 0x1234567812345678ull, 0,
     0x0}, /* xar v0.2d, v1.2d, v2.2d, #0 */
    {0, 0x0, 0xce820420, 0x076dad087ace90afull, 0x01fe62a8fd958772ull, 0x1234567812345678ull, 0,
     0x0}, /* xar v0.2d, v1.2d, v2.2d, #1 */
    {0, 0x0, 0xce823420, 0x0af076dad087ace9ull, 0x77201fe62a8fd958ull, 0x1234567812345678ull, 0,
     0x0}, /* xar v0.2d, v1.2d, v2.2d, #13 */
    {0, 0x0, 0xce828020, 0xf59d215e0edb5a10ull, 0xfb2b0ee403fcc551ull, 0x1234567812345678ull, 0,
     0x0}, /* xar v0.2d, v1.2d, v2.2d, #32 */
    {0, 0x0, 0xce82fc20, 0x1db6b421eb3a42bcull, 0x07f98aa3f6561dc8ull, 0x1234567812345678ull, 0,
     0x0}, /* xar v0.2d, v1.2d, v2.2d, #63 */
    {1, 0x0, 0xce020c20, 0x77759c5dde6ab7c7ull, 0xd915e9776ee28c32ull, 0x1234567812345678ull, 15,
     0x0}, /* eor3 v0.16b, v1.16b, v2.16b, v3.16b */
    {1, 0x0, 0xce220c20, 0x777c9c7d5e6bb586ull, 0xc834cd434ce08c13ull, 0x1234567812345678ull, 15,
     0x0}, /* bcax v0.16b, v1.16b, v2.16b, v3.16b */
    {1, 0x0, 0xce628c20, 0xa222c407a893e3cdull, 0x359570c595985094ull, 0x1234567812345678ull, 15,
     0x0}, /* rax1 v0.2d, v1.2d, v2.2d */
    {1, 0x0, 0xce820020, 0x62f89c60446194a6ull, 0xc6e4dc434060d0d3ull, 0x1234567812345678ull, 15,
     0x0}, /* xar v0.2d, v1.2d, v2.2d, #0 */
    {1, 0x0, 0xce820420, 0x317c4e302230ca53ull, 0xe3726e21a0306869ull, 0x1234567812345678ull, 15,
     0x0}, /* xar v0.2d, v1.2d, v2.2d, #1 */
    {1, 0x0, 0xce823420, 0xa53317c4e302230cull, 0x869e3726e21a0306ull, 0x1234567812345678ull, 15,
     0x0}, /* xar v0.2d, v1.2d, v2.2d, #13 */
    {1, 0x0, 0xce828020, 0x446194a662f89c60ull, 0x4060d0d3c6e4dc43ull, 0x1234567812345678ull, 15,
     0x0}, /* xar v0.2d, v1.2d, v2.2d, #32 */
    {1, 0x0, 0xce82fc20, 0xc5f138c088c3294cull, 0x8dc9b88680c1a1a7ull, 0x1234567812345678ull, 15,
     0x0}, /* xar v0.2d, v1.2d, v2.2d, #63 */
    {2, 0x0, 0xce020c20, 0x5c161e22af292911ull, 0xad156ec9e7f3f97aull, 0x1234567812345678ull, 6,
     0x0}, /* eor3 v0.16b, v1.16b, v2.16b, v3.16b */
    {2, 0x0, 0xce220c20, 0x4c460e223e216811ull, 0x8310e5496dd5ef5aull, 0x1234567812345678ull, 6,
     0x0}, /* bcax v0.16b, v1.16b, v2.16b, v3.16b */
    {2, 0x0, 0xce628c20, 0x81d8d7dee8a739caull, 0x71c0252926879e93ull, 0x1234567812345678ull, 6,
     0x0}, /* rax1 v0.2d, v1.2d, v2.2d */
    {2, 0x0, 0xce820020, 0x2a4e8ec256617cc1ull, 0x0248e57978dd67deull, 0x1234567812345678ull, 6,
     0x0}, /* xar v0.2d, v1.2d, v2.2d, #0 */
    {2, 0x0, 0xce820420, 0x952747612b30be60ull, 0x012472bcbc6eb3efull, 0x1234567812345678ull, 6,
     0x0}, /* xar v0.2d, v1.2d, v2.2d, #1 */
    {2, 0x0, 0xce823420, 0xe60952747612b30bull, 0x3ef012472bcbc6ebull, 0x1234567812345678ull, 6,
     0x0}, /* xar v0.2d, v1.2d, v2.2d, #13 */
    {2, 0x0, 0xce828020, 0x56617cc12a4e8ec2ull, 0x78dd67de0248e579ull, 0x1234567812345678ull, 6,
     0x0}, /* xar v0.2d, v1.2d, v2.2d, #32 */
    {2, 0x0, 0xce82fc20, 0x549d1d84acc2f982ull, 0x0491caf2f1bacfbcull, 0x1234567812345678ull, 6,
     0x0}, /* xar v0.2d, v1.2d, v2.2d, #63 */
    {0, 0x0, 0xce030000, 0x0463513755ac0ecdull, 0xb37523a53b4a3ee2ull, 0x1234567812345678ull, 0,
     0x0}, /* eor3 v0.16b, v0.16b, v3.16b, v0.16b */
    {1, 0x0, 0xce200460, 0x152d503d3a1b6157ull, 0x8ff28d04ccb04c27ull, 0x1234567812345678ull, 15,
     0x0}, /* bcax v0.16b, v3.16b, v0.16b, v1.16b */
    {2, 0x0, 0xce608c00, 0x541e179808115c7cull, 0x016a1df7f4e717daull, 0x1234567812345678ull, 6,
     0x0}, /* rax1 v0.2d, v0.2d, v0.2d */
    {0, 0x0, 0xce831c00, 0xd1ab8b68d39c6e3bull, 0x35ca3db4e5fc20f6ull, 0x1234567812345678ull, 0,
     0x0}, /* xar v0.2d, v0.2d, v3.2d, #7 */
    {3, 0x0, 0x4e829420, 0x7fff02008000ffffull, 0x0000000400003effull, 0x1234567812345678ull, 0,
     0x0}, /* sdot v0.4s, v1.16b, v2.16b */
    {3, 0x0, 0x0e829420, 0x7fff02008000ffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sdot v0.2s, v1.8b, v2.8b */
    {3, 0x0, 0x4e839440, 0x7fffff81800000ffull, 0x0000000100007fffull, 0x1234567812345678ull, 0,
     0x0}, /* sdot v0.4s, v2.16b, v3.16b */
    {3, 0x0, 0x4f83e020, 0x80000100800000ffull, 0x0000000200004000ull, 0x1234567812345678ull, 0,
     0x0}, /* sdot v0.4s, v1.16b, v3.4b[0] */
    {3, 0x0, 0x4fa3e020, 0x800000808000007full, 0x0000000100003ffeull, 0x1234567812345678ull, 0,
     0x0}, /* sdot v0.4s, v1.16b, v3.4b[1] */
    {3, 0x0, 0x4f83e820, 0x80000100800000ffull, 0x0000000200007e01ull, 0x1234567812345678ull, 0,
     0x0}, /* sdot v0.4s, v1.16b, v3.4b[2] */
    {3, 0x0, 0x4fa3e820, 0x800000808000007full, 0x00000001ffff8101ull, 0x1234567812345678ull, 0,
     0x0}, /* sdot v0.4s, v1.16b, v3.4b[3] */
    {3, 0x0, 0x0fa1e840, 0x7ffffe04800001ffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sdot v0.2s, v2.8b, v1.4b[3] */
    {3, 0x0, 0x4fa0e000, 0x800040007fffc07full, 0x000000000000007full, 0x1234567812345678ull, 0,
     0x0}, /* sdot v0.4s, v0.16b, v0.4b[1] */
    {3, 0x0, 0x6e829420, 0x8000fe008000ffffull, 0x0003f8040000bfffull, 0x1234567812345678ull, 0,
     0x0}, /* udot v0.4s, v1.16b, v2.16b */
    {3, 0x0, 0x2e829420, 0x8000fe008000ffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* udot v0.2s, v1.8b, v2.8b */
    {3, 0x0, 0x6e839440, 0x8000fd818000feffull, 0x0001fd010000feffull, 0x1234567812345678ull, 0,
     0x0}, /* udot v0.4s, v2.16b, v3.16b */
    {3, 0x0, 0x6f83e020, 0x8000ff008000feffull, 0x0001fc0200013e00ull, 0x1234567812345678ull, 0,
     0x0}, /* udot v0.4s, v1.16b, v3.4b[0] */
    {3, 0x0, 0x6fa3e020, 0x8000ff808000ff7full, 0x0001fd010000bffeull, 0x1234567812345678ull, 0,
     0x0}, /* udot v0.4s, v1.16b, v3.4b[1] */
    {3, 0x0, 0x6f83e820, 0x8000ff008000feffull, 0x0001fc020000fe01ull, 0x1234567812345678ull, 0,
     0x0}, /* udot v0.4s, v1.16b, v3.4b[2] */
    {3, 0x0, 0x6fa3e820, 0x8000ff808000ff7full, 0x0001fd0100017d01ull, 0x1234567812345678ull, 0,
     0x0}, /* udot v0.4s, v1.16b, v3.4b[3] */
    {3, 0x0, 0x2fa1e840, 0x8001fa048001fdffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* udot v0.2s, v2.8b, v1.4b[3] */
    {3, 0x0, 0x6fa0e000, 0x8000400080003f7full, 0x0000000000007f7full, 0x1234567812345678ull, 0,
     0x0}, /* udot v0.4s, v0.16b, v0.4b[1] */
    {0, 0x0, 0x4e829420, 0xd1a701fa9b9aff21ull, 0x566c0501c55a5092ull, 0x1234567812345678ull, 0,
     0x0}, /* sdot v0.4s, v1.16b, v2.16b */
    {0, 0x0, 0x0e829420, 0xd1a701fa9b9aff21ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sdot v0.2s, v1.8b, v2.8b */
    {0, 0x0, 0x4e839440, 0xd1a6fb8c9b9b00d4ull, 0x566bff07c55a4e3bull, 0x1234567812345678ull, 0,
     0x0}, /* sdot v0.4s, v2.16b, v3.16b */
    {0, 0x0, 0x4f83e020, 0xd1a6d6a09b9b01b3ull, 0x566c1f85c55a4505ull, 0x1234567812345678ull, 0,
     0x0}, /* sdot v0.4s, v1.16b, v3.4b[0] */
    {0, 0x0, 0x4fa3e020, 0xd1a6f19d9b9b39b1ull, 0x566bde15c55a510dull, 0x1234567812345678ull, 0,
     0x0}, /* sdot v0.4s, v1.16b, v3.4b[1] */
    {0, 0x0, 0x4f83e820, 0xd1a6e8bd9b9b2783ull, 0x566bd5e2c55a6ea0ull, 0x1234567812345678ull, 0,
     0x0}, /* sdot v0.4s, v1.16b, v3.4b[2] */
    {0, 0x0, 0x4fa3e820, 0xd1a704d49b9afe2bull, 0x566b7994c55a8075ull, 0x1234567812345678ull, 0,
     0x0}, /* sdot v0.4s, v1.16b, v3.4b[3] */
    {0, 0x0, 0x0fa1e840, 0xd1a6c73a9b9b169cull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sdot v0.2s, v2.8b, v1.4b[3] */
    {0, 0x0, 0x4fa0e000, 0xd1a733009b9b54c7ull, 0x566bb61ec55a26f2ull, 0x1234567812345678ull, 0,
     0x0}, /* sdot v0.4s, v0.16b, v0.4b[1] */
    {0, 0x0, 0x6e829420, 0xd1a88bfa9b9c3d21ull, 0x566c7901c55b9392ull, 0x1234567812345678ull, 0,
     0x0}, /* udot v0.4s, v1.16b, v2.16b */
    {0, 0x0, 0x2e829420, 0xd1a88bfa9b9c3d21ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* udot v0.2s, v1.8b, v2.8b */
    {0, 0x0, 0x6e839440, 0xd1a7998c9b9bf9d4ull, 0x566c8b07c55b143bull, 0x1234567812345678ull, 0,
     0x0}, /* udot v0.4s, v2.16b, v3.16b */
    {0, 0x0, 0x6f83e020, 0xd1a7f3a09b9ba4b3ull, 0x566cee85c55b2405ull, 0x1234567812345678ull, 0,
     0x0}, /* udot v0.4s, v1.16b, v3.4b[0] */
    {0, 0x0, 0x6fa3e020, 0xd1a72c9d9b9b8ab1ull, 0x566c9215c55ad90dull, 0x1234567812345678ull, 0,
     0x0}, /* udot v0.4s, v1.16b, v3.4b[1] */
    {0, 0x0, 0x6f83e820, 0xd1a7f4bd9b9bb783ull, 0x566cdce2c55b37a0ull, 0x1234567812345678ull, 0,
     0x0}, /* udot v0.4s, v1.16b, v3.4b[2] */
    {0, 0x0, 0x6fa3e820, 0xd1a81ad49b9bb52bull, 0x566ced94c55b1775ull, 0x1234567812345678ull, 0,
     0x0}, /* udot v0.4s, v1.16b, v3.4b[3] */
    {0, 0x0, 0x2fa1e840, 0xd1a88c3a9b9c829cull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* udot v0.2s, v2.8b, v1.4b[3] */
    {0, 0x0, 0x6fa0e000, 0xd1a8eb009b9c14c7ull, 0x566db31ec55bb9f2ull, 0x1234567812345678ull, 0,
     0x0}, /* udot v0.4s, v0.16b, v0.4b[1] */
    {1, 0x0, 0x4e829420, 0x4de43c5ead915572ull, 0x982396a0e6ba255aull, 0x1234567812345678ull, 15,
     0x0}, /* sdot v0.4s, v1.16b, v2.16b */
    {1, 0x0, 0x0e829420, 0x4de43c5ead915572ull, 0x0000000000000000ull, 0x1234567812345678ull, 15,
     0x0}, /* sdot v0.2s, v1.8b, v2.8b */
    {1, 0x0, 0x4e839440, 0x4de466b3ad9146fbull, 0x98238912e6baa8f5ull, 0x1234567812345678ull, 15,
     0x0}, /* sdot v0.4s, v2.16b, v3.16b */
    {1, 0x0, 0x4f83e020, 0x4de43f6bad91118cull, 0x98238953e6ba2f05ull, 0x1234567812345678ull, 15,
     0x0}, /* sdot v0.4s, v1.16b, v3.4b[0] */
    {1, 0x0, 0x4fa3e020, 0x4de41d41ad915444ull, 0x9823a0dae6ba5908ull, 0x1234567812345678ull, 15,
     0x0}, /* sdot v0.4s, v1.16b, v3.4b[1] */
    {1, 0x0, 0x4f83e820, 0x4de41004ad916de2ull, 0x9823d8eee6ba3964ull, 0x1234567812345678ull, 15,
     0x0}, /* sdot v0.4s, v1.16b, v3.4b[2] */
    {1, 0x0, 0x4fa3e820, 0x4de42b1dad913823ull, 0x9823ca24e6ba3242ull, 0x1234567812345678ull, 15,
     0x0}, /* sdot v0.4s, v1.16b, v3.4b[3] */
    {1, 0x0, 0x0fa1e840, 0x4de4418fad9171a7ull, 0x0000000000000000ull, 0x1234567812345678ull, 15,
     0x0}, /* sdot v0.2s, v2.8b, v1.4b[3] */
    {1, 0x0, 0x4fa0e000, 0x4de48c84ad917187ull, 0x98237c00e6ba4832ull, 0x1234567812345678ull, 15,
     0x0}, /* sdot v0.4s, v0.16b, v0.4b[1] */
    {1, 0x0, 0x6e829420, 0x4de5f75ead922572ull, 0x9824bca0e6bb255aull, 0x1234567812345678ull, 15,
     0x0}, /* udot v0.4s, v1.16b, v2.16b */
    {1, 0x0, 0x2e829420, 0x4de5f75ead922572ull, 0x0000000000000000ull, 0x1234567812345678ull, 15,
     0x0}, /* udot v0.2s, v1.8b, v2.8b */
    {1, 0x0, 0x6e839440, 0x4de4fbb3ad91acfbull, 0x9824d212e6bb75f5ull, 0x1234567812345678ull, 15,
     0x0}, /* udot v0.4s, v2.16b, v3.16b */
    {1, 0x0, 0x6f83e020, 0x4de53a6bad91bf8cull, 0x98245253e6ba6905ull, 0x1234567812345678ull, 15,
     0x0}, /* udot v0.4s, v1.16b, v3.4b[0] */
    {1, 0x0, 0x6fa3e020, 0x4de4bd41ad91ed44ull, 0x982411dae6baae08ull, 0x1234567812345678ull, 15,
     0x0}, /* udot v0.4s, v1.16b, v3.4b[1] */
    {1, 0x0, 0x6f83e820, 0x4de58604ad927be2ull, 0x9824aeeee6baf064ull, 0x1234567812345678ull, 15,
     0x0}, /* udot v0.4s, v1.16b, v3.4b[2] */
    {1, 0x0, 0x6fa3e820, 0x4de5011dad926123ull, 0x98243224e6bb2042ull, 0x1234567812345678ull, 15,
     0x0}, /* udot v0.4s, v1.16b, v3.4b[3] */
    {1, 0x0, 0x2fa1e840, 0x4de57b8fad91cba7ull, 0x0000000000000000ull, 0x1234567812345678ull, 15,
     0x0}, /* udot v0.2s, v2.8b, v1.4b[3] */
    {1, 0x0, 0x6fa0e000, 0x4de55484ad923387ull, 0x98246000e6bb5432ull, 0x1234567812345678ull, 15,
     0x0}, /* udot v0.4s, v0.16b, v0.4b[1] */
    {3, 0x0, 0x4f93e820, 0x80000100800000ffull, 0x0000000200007e01ull, 0x1234567812345678ull, 0,
     0x0}, /* sdot v0.4s, v1.16b, v19.4b[2] */
    {0, 0x0, 0x2fb1e040, 0xd1a88bfa9b9bdb02ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* udot v0.2s, v2.8b, v17.4b[1] */
    {1, 0x0, 0x4fb2e860, 0x4de443f1ad913b45ull, 0x98238912e6ba2eb1ull, 0x1234567812345678ull, 15,
     0x0}, /* sdot v0.4s, v3.16b, v18.4b[3] */
    {4, 0x0, 0x6e428420, 0x7fff7fff80007fffull, 0xc001ffff80007fffull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah v0.8h, v1.8h, v2.8h */
    {4, 0x0, 0x2e438420, 0x0001800180007fffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah v0.4h, v1.4h, v3.4h */
    {4, 0x0, 0x6e828420, 0x7fffffff80000000ull, 0xc0027ffe80000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah v0.4s, v1.4s, v2.4s */
    {4, 0x0, 0x2e818460, 0x0000bfff80000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah v0.2s, v3.2s, v1.2s */
    {4, 0x0, 0x7e428420, 0x0000000000007fffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah h0, h1, h2 */
    {4, 0x0, 0x7e828420, 0x0000000080000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah s0, s1, s2 */
    {4, 0x0, 0x7e418460, 0x0000000000007fffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah h0, h3, h1 */
    {4, 0x0, 0x7e828460, 0x000000008001fffeull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlah s0, s3, s2 */
    {4, 0x0, 0x6f42d020, 0xc0017fff00007fffull, 0xc001fffe0001ffffull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah v0.8h, v1.8h, v2.h[0] */
    {4, 0x0, 0x6f72d820, 0xc0017fff00007fffull, 0xc001fffe0001ffffull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah v0.8h, v1.8h, v2.h[7] */
    {4, 0x0, 0x2f51d860, 0x7fff800180007fffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah v0.4h, v3.4h, v1.h[5] */
    {4, 0x0, 0x6f82d020, 0x7fffffff80000000ull, 0x4001c00080000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah v0.4s, v1.4s, v2.s[0] */
    {4, 0x0, 0x6fa3d820, 0x3fff000380017ffcull, 0x0001800080027ffbull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlah v0.4s, v1.4s, v3.s[3] */
    {4, 0x0, 0x2fa1d040, 0x7fffffffffff8000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah v0.2s, v2.2s, v1.s[1] */
    {4, 0x0, 0x7f62d820, 0x0000000000007fffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah h0, h1, v2.h[6] */
    {4, 0x0, 0x7f83d820, 0x00000000fffec001ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlah s0, s1, v3.s[2] */
    {4, 0x0, 0x6e428c20, 0xc0028000ffffffffull, 0x4001ffff00000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlsh v0.8h, v1.8h, v2.8h */
    {4, 0x0, 0x2e438c20, 0x7fff7fff8001ffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlsh v0.4h, v1.4h, v3.4h */
    {4, 0x0, 0x6e828c20, 0xc0010000ffff8000ull, 0x4001800000007ffeull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlsh v0.4s, v1.4s, v2.4s */
    {4, 0x0, 0x2e818c60, 0x7fff40018001fffeull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlsh v0.2s, v3.2s, v1.2s */
    {4, 0x0, 0x7e428c20, 0x000000000000ffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlsh h0, h1, h2 */
    {4, 0x0, 0x7e828c20, 0x00000000ffff8000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlsh s0, s1, s2 */
    {4, 0x0, 0x7e418c60, 0x000000000000ffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlsh h0, h3, h1 */
    {4, 0x0, 0x7e828c60, 0x0000000080000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlsh s0, s3, s2 */
    {4, 0x0, 0x6f42f020, 0x7fff80008000ffffull, 0x4001000080007fffull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlsh v0.8h, v1.8h, v2.h[0] */
    {4, 0x0, 0x6f72f820, 0x7fff80008000ffffull, 0x4001000080007fffull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlsh v0.8h, v1.8h, v2.h[7] */
    {4, 0x0, 0x2f51f860, 0x00007fff8001ffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlsh v0.4h, v3.4h, v1.h[5] */
    {4, 0x0, 0x6f82f020, 0xc0010000ffff8000ull, 0xc0023ffe00007fffull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlsh v0.4s, v1.4s, v2.s[0] */
    {4, 0x0, 0x6fa3f820, 0x4000fffd80000000ull, 0x00027ffe80008001ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlsh v0.4s, v1.4s, v3.s[3] */
    {4, 0x0, 0x2fa1f040, 0xc001000080000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlsh v0.2s, v2.2s, v1.s[1] */
    {4, 0x0, 0x7f62f820, 0x0000000000007ffeull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlsh h0, h1, v2.h[6] */
    {4, 0x0, 0x7f83f820, 0x0000000080000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlsh s0, s1, v3.s[2] */
    {5, 0x0, 0x6e428420, 0x800000007fffffffull, 0x800100017fff0000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah v0.8h, v1.8h, v2.8h */
    {5, 0x0, 0x2e438420, 0xc00000007fffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah v0.4h, v1.4h, v3.4h */
    {5, 0x0, 0x6e828420, 0x800000007fffffffull, 0x800000027fffffffull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah v0.4s, v1.4s, v2.4s */
    {5, 0x0, 0x2e818460, 0xc00000007fffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah v0.2s, v3.2s, v1.2s */
    {5, 0x0, 0x7e428420, 0x000000000000ffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlah h0, h1, h2 */
    {5, 0x0, 0x7e828420, 0x000000007fffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah s0, s1, s2 */
    {5, 0x0, 0x7e418460, 0x000000000000ffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlah h0, h3, h1 */
    {5, 0x0, 0x7e828460, 0x000000007fffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah s0, s3, s2 */
    {5, 0x0, 0x6f42d020, 0x800000007fffffffull, 0x0000000140000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlah v0.8h, v1.8h, v2.h[0] */
    {5, 0x0, 0x6f72d820, 0x000000007fffffffull, 0x800100027fffffffull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah v0.8h, v1.8h, v2.h[7] */
    {5, 0x0, 0x2f51d860, 0xc00000007fffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah v0.4h, v3.4h, v1.h[5] */
    {5, 0x0, 0x6f82d020, 0x000000007fffffffull, 0x800000027fffffffull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah v0.4s, v1.4s, v2.s[0] */
    {5, 0x0, 0x6fa3d820, 0x800000007ffffffeull, 0x000000023fffffffull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah v0.4s, v1.4s, v3.s[3] */
    {5, 0x0, 0x2fa1d040, 0x800000007fffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah v0.2s, v2.2s, v1.s[1] */
    {5, 0x0, 0x7f62d820, 0x000000000000ffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlah h0, h1, v2.h[6] */
    {5, 0x0, 0x7f83d820, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlah s0, s1, v3.s[2] */
    {5, 0x0, 0x6e428c20, 0xffff0000ffffffffull, 0x7fff0001c0000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlsh v0.8h, v1.8h, v2.8h */
    {5, 0x0, 0x2e438c20, 0x80000000ffffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlsh v0.4h, v1.4h, v3.4h */
    {5, 0x0, 0x6e828c20, 0xffffffffffffffffull, 0x7fffffffc0000001ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlsh v0.4s, v1.4s, v2.4s */
    {5, 0x0, 0x2e818c60, 0x80000000ffffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlsh v0.2s, v3.2s, v1.2s */
    {5, 0x0, 0x7e428c20, 0x000000000000ffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlsh h0, h1, h2 */
    {5, 0x0, 0x7e828c20, 0x00000000ffffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlsh s0, s1, s2 */
    {5, 0x0, 0x7e418c60, 0x000000000000ffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlsh h0, h3, h1 */
    {5, 0x0, 0x7e828c60, 0x00000000ffffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlsh s0, s3, s2 */
    {5, 0x0, 0x6f42f020, 0x800000007fffffffull, 0x0000000140000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlsh v0.8h, v1.8h, v2.h[0] */
    {5, 0x0, 0x6f72f820, 0x80000000ffffffffull, 0x7fff0000c0000001ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlsh v0.8h, v1.8h, v2.h[7] */
    {5, 0x0, 0x2f51f860, 0x80000000ffffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlsh v0.4h, v3.4h, v1.h[5] */
    {5, 0x0, 0x6f82f020, 0x80000000ffffffffull, 0x7fffffffc0000001ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlsh v0.4s, v1.4s, v2.s[0] */
    {5, 0x0, 0x6fa3f820, 0x800000017fffffffull, 0x0000000040000001ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlsh v0.4s, v1.4s, v3.s[3] */
    {5, 0x0, 0x2fa1f040, 0xffffffffffffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlsh v0.2s, v2.2s, v1.s[1] */
    {5, 0x0, 0x7f62f820, 0x000000000000ffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlsh h0, h1, v2.h[6] */
    {5, 0x0, 0x7f83f820, 0x000000007fffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlsh s0, s1, v3.s[2] */
    {6, 0x0, 0x6e428420, 0x7fff80007fffc001ull, 0xb099e37e800008efull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah v0.8h, v1.8h, v2.8h */
    {6, 0x0, 0x2e438420, 0x7fff80017fff4000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah v0.4h, v1.4h, v3.4h */
    {6, 0x0, 0x6e828420, 0x7fffffff7fffffffull, 0xb099c42380000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah v0.4s, v1.4s, v2.4s */
    {6, 0x0, 0x2e818460, 0x7fffffff7fff7fffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah v0.2s, v3.2s, v1.2s */
    {6, 0x0, 0x7e428420, 0x000000000000c001ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlah h0, h1, h2 */
    {6, 0x0, 0x7e828420, 0x000000007fffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah s0, s1, s2 */
    {6, 0x0, 0x7e418460, 0x0000000000004000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlah h0, h3, h1 */
    {6, 0x0, 0x7e828460, 0x000000007fff8000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlah s0, s3, s2 */
    {6, 0x0, 0x6f42d020, 0xffffffff0000c001ull, 0x2810df358000591cull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah v0.8h, v1.8h, v2.h[0] */
    {6, 0x0, 0x6f72d820, 0x7fff80007fff187aull, 0xb099e7b9b209f863ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah v0.8h, v1.8h, v2.h[7] */
    {6, 0x0, 0x2f51d860, 0x7fff80017fff3aa6ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah v0.4h, v3.4h, v1.h[5] */
    {6, 0x0, 0x6f82d020, 0x7fffffff7fffffffull, 0x80000000d6409288ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah v0.4s, v1.4s, v2.s[0] */
    {6, 0x0, 0x6fa3d820, 0x22680e182268bce3ull, 0x10d72b8580000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah v0.4s, v1.4s, v3.s[3] */
    {6, 0x0, 0x2fa1d040, 0x7fffffff7fffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah v0.2s, v2.2s, v1.s[1] */
    {6, 0x0, 0x7f62d820, 0x000000000000ec89ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlah h0, h1, v2.h[6] */
    {6, 0x0, 0x7f83d820, 0x0000000059a34be1ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlah s0, s1, v3.s[2] */
    {6, 0x0, 0x6e428c20, 0xfffe0000ffff4000ull, 0xf2b3e73eb9f71d5bull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlsh v0.8h, v1.8h, v2.8h */
    {6, 0x0, 0x2e438c20, 0xfffe80017ffec000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlsh v0.4h, v1.4h, v3.4h */
    {6, 0x0, 0x6e828c20, 0xffff800000003ffeull, 0xf2b40699b9f7a68dull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlsh v0.4s, v1.4s, v2.4s */
    {6, 0x0, 0x2e818c60, 0xffff00007ffe8001ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlsh v0.2s, v3.2s, v1.2s */
    {6, 0x0, 0x7e428c20, 0x0000000000004000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlsh h0, h1, h2 */
    {6, 0x0, 0x7e828c20, 0x0000000000003ffeull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlsh s0, s1, s2 */
    {6, 0x0, 0x7e418c60, 0x000000000000c000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlsh h0, h3, h1 */
    {6, 0x0, 0x7e828c60, 0x000000007ffe8000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlsh s0, s3, s2 */
    {6, 0x0, 0x6f42f020, 0x7fff80007fff4000ull, 0x8000eb87d641cd2eull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlsh v0.8h, v1.8h, v2.h[0] */
    {6, 0x0, 0x6f72f820, 0x4f0ab0f54f0be786ull, 0xf2b3e303852d2de7ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlsh v0.8h, v1.8h, v2.h[7] */
    {6, 0x0, 0x2f51f860, 0x455880017fffc55aull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlsh v0.4h, v3.4h, v1.h[5] */
    {6, 0x0, 0x6f82f020, 0xffff7fff00003ffeull, 0x281288ca80000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlsh v0.4s, v1.4s, v2.s[0] */
    {6, 0x0, 0x6fa3f820, 0x7fffffff7fffffffull, 0x92769f37c67c9597ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlsh v0.4s, v1.4s, v3.s[3] */
    {6, 0x0, 0x2fa1f040, 0xffff8000fffffffeull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlsh v0.2s, v2.2s, v1.s[1] */
    {6, 0x0, 0x7f62f820, 0x0000000000001378ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlsh h0, h1, v2.h[6] */
    {6, 0x0, 0x7f83f820, 0x000000007fffffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlsh s0, s1, v3.s[2] */
    {5, 0x0, 0x6fb2d020, 0x8000000000000000ull, 0x7fffffffc0000002ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah v0.4s, v1.4s, v18.s[1] */
    {6, 0x0, 0x7fb1f860, 0x000000007fff566cull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* sqrdmlsh s0, s3, v17.s[3] */
    {4, 0x0, 0x2f93d840, 0xc001bffe80000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x8000000}, /* sqrdmlah v0.2s, v2.2s, v19.s[2] */
    {7, 0x0, 0x1e7e0000, 0x3ff8000000000000ull, 0xbff8000000000000ull, 0x0000000000000001ull, 0,
     0x10}, /* fjcvtzs w0, d0 */
    {7, 0x0, 0x1e7e0020, 0x3ff8000000000000ull, 0xbff8000000000000ull, 0x000000007fffffffull, 4,
     0x0}, /* fjcvtzs w0, d1 */
    {7, 0x0, 0x1e7e0040, 0x3ff8000000000000ull, 0xbff8000000000000ull, 0x0000000080000000ull, 4,
     0x0}, /* fjcvtzs w0, d2 */
    {7, 0x0, 0x1e7e0060, 0x3ff8000000000000ull, 0xbff8000000000000ull, 0x0000000080000000ull, 0,
     0x10}, /* fjcvtzs w0, d3 */
    {8, 0x0, 0x1e7e0000, 0x41f0000000500000ull, 0xc1f0000000500000ull, 0x0000000000000005ull, 0,
     0x1}, /* fjcvtzs w0, d0 */
    {8, 0x0, 0x1e7e0020, 0x41f0000000500000ull, 0xc1f0000000500000ull, 0x0000000000000800ull, 0,
     0x1}, /* fjcvtzs w0, d1 */
    {8, 0x0, 0x1e7e0040, 0x41f0000000500000ull, 0xc1f0000000500000ull, 0x0000000000000000ull, 0,
     0x1}, /* fjcvtzs w0, d2 */
    {8, 0x0, 0x1e7e0060, 0x41f0000000500000ull, 0xc1f0000000500000ull, 0x0000000000000000ull, 4,
     0x0}, /* fjcvtzs w0, d3 */
    {9, 0x0, 0x1e7e0000, 0x7ff8000000000000ull, 0x7ff0000000000001ull, 0x0000000000000000ull, 0,
     0x1}, /* fjcvtzs w0, d0 */
    {9, 0x0, 0x1e7e0020, 0x7ff8000000000000ull, 0x7ff0000000000001ull, 0x0000000000000000ull, 0,
     0x1}, /* fjcvtzs w0, d1 */
    {9, 0x0, 0x1e7e0040, 0x7ff8000000000000ull, 0x7ff0000000000001ull, 0x0000000000000000ull, 0,
     0x10}, /* fjcvtzs w0, d2 */
    {9, 0x0, 0x1e7e0060, 0x7ff8000000000000ull, 0x7ff0000000000001ull, 0x0000000000000000ull, 0,
     0x10}, /* fjcvtzs w0, d3 */
    {10, 0x0, 0x1e7e0000, 0x4330000000000001ull, 0x432fffffffffffffull, 0x0000000000000001ull, 0,
     0x1}, /* fjcvtzs w0, d0 */
    {10, 0x0, 0x1e7e0020, 0x4330000000000001ull, 0x432fffffffffffffull, 0x0000000000000000ull, 0,
     0x1}, /* fjcvtzs w0, d1 */
    {10, 0x0, 0x1e7e0040, 0x4330000000000001ull, 0x432fffffffffffffull, 0x000000007fffffffull, 0,
     0x10}, /* fjcvtzs w0, d2 */
    {10, 0x0, 0x1e7e0060, 0x4330000000000001ull, 0x432fffffffffffffull, 0x00000000075bcd15ull, 0,
     0x10}, /* fjcvtzs w0, d3 */
    {11, 0x0, 0x1e7e0000, 0x8000000000000001ull, 0x000fffffffffffffull, 0x0000000000000000ull, 0,
     0x10}, /* fjcvtzs w0, d0 */
    {11, 0x0, 0x1e7e0020, 0x8000000000000001ull, 0x000fffffffffffffull, 0x0000000000000000ull, 0,
     0x0}, /* fjcvtzs w0, d1 */
    {11, 0x0, 0x1e7e0040, 0x8000000000000001ull, 0x000fffffffffffffull, 0x0000000000000000ull, 0,
     0x1}, /* fjcvtzs w0, d2 */
    {11, 0x0, 0x1e7e0060, 0x8000000000000001ull, 0x000fffffffffffffull, 0x0000000000000000ull, 0,
     0x1}, /* fjcvtzs w0, d3 */
    {9, 0x1000000, 0x1e7e0040, 0x7ff8000000000000ull, 0x7ff0000000000001ull, 0x0000000000000000ull,
     0, 0x80}, /* fjcvtzs w0, d2 (nzcv 0 per the Arm ARM, qemu-aarch64 gives 4) */
    {11, 0x1000000, 0x1e7e0000, 0x8000000000000001ull, 0x000fffffffffffffull, 0x0000000000000000ull,
     0, 0x80}, /* fjcvtzs w0, d0 */
    {11, 0x1000000, 0x1e7e0020, 0x8000000000000001ull, 0x000fffffffffffffull, 0x0000000000000000ull,
     0, 0x0}, /* fjcvtzs w0, d1 */
    {9, 0x1000000, 0x1e7e0060, 0x7ff8000000000000ull, 0x7ff0000000000001ull, 0x0000000000000000ull,
     0, 0x10}, /* fjcvtzs w0, d3 */
    {7, 0x1000000, 0x1e7e0060, 0x3ff8000000000000ull, 0xbff8000000000000ull, 0x0000000080000000ull,
     0, 0x10}, /* fjcvtzs w0, d3 */
    {10, 0x400000, 0x1e7e0020, 0x4330000000000001ull, 0x432fffffffffffffull, 0x0000000000000000ull,
     0, 0x1}, /* fjcvtzs w0, d1 */
    {7, 0x2800000, 0x1e7e0060, 0x3ff8000000000000ull, 0xbff8000000000000ull, 0x0000000080000000ull,
     0, 0x10}, /* fjcvtzs w0, d3 */
    {12, 0x0, 0x4e21e800, 0x8000000000000000ull, 0x8000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32z v0.4s, v0.4s */
    {12, 0x0, 0x4e21e820, 0xc00000003f800000ull, 0x8000000040000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32z v0.4s, v1.4s */
    {12, 0x0, 0x4e21e840, 0xcf0000004effffffull, 0xcf000000cf000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint32z v0.4s, v2.4s */
    {12, 0x0, 0x4e21e860, 0xcf000000cf000000ull, 0xcf000000cf000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint32z v0.4s, v3.4s */
    {12, 0x0, 0x6e21e800, 0x8000000000000000ull, 0x8000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32x v0.4s, v0.4s */
    {12, 0x0, 0x6e21e820, 0xc000000040000000ull, 0x8000000040000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32x v0.4s, v1.4s */
    {12, 0x0, 0x6e21e840, 0xcf0000004effffffull, 0xcf000000cf000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint32x v0.4s, v2.4s */
    {12, 0x0, 0x6e21e860, 0xcf000000cf000000ull, 0xcf000000cf000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint32x v0.4s, v3.4s */
    {12, 0x0, 0x4e21f800, 0x8000000000000000ull, 0x8000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64z v0.4s, v0.4s */
    {12, 0x0, 0x4e21f820, 0xc00000003f800000ull, 0x8000000040000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64z v0.4s, v1.4s */
    {12, 0x0, 0x4e21f840, 0x4f0000004effffffull, 0xcf000001cf000000ull, 0x1234567812345678ull, 0,
     0x0}, /* frint64z v0.4s, v2.4s */
    {12, 0x0, 0x4e21f860, 0xdf000000df000000ull, 0xdf000000df000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint64z v0.4s, v3.4s */
    {12, 0x0, 0x6e21f800, 0x8000000000000000ull, 0x8000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64x v0.4s, v0.4s */
    {12, 0x0, 0x6e21f820, 0xc000000040000000ull, 0x8000000040000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64x v0.4s, v1.4s */
    {12, 0x0, 0x6e21f840, 0x4f0000004effffffull, 0xcf000001cf000000ull, 0x1234567812345678ull, 0,
     0x0}, /* frint64x v0.4s, v2.4s */
    {12, 0x0, 0x6e21f860, 0xdf000000df000000ull, 0xdf000000df000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint64x v0.4s, v3.4s */
    {12, 0x0, 0x1e284020, 0x000000003f800000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32z s0, s1 */
    {12, 0x0, 0x1e284040, 0x000000004effffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* frint32z s0, s2 */
    {12, 0x0, 0x0e21e840, 0xcf0000004effffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint32z v0.2s, v2.2s */
    {12, 0x0, 0x1e28c020, 0x0000000040000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32x s0, s1 */
    {12, 0x0, 0x1e28c040, 0x000000004effffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* frint32x s0, s2 */
    {12, 0x0, 0x2e21e840, 0xcf0000004effffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint32x v0.2s, v2.2s */
    {12, 0x0, 0x1e294020, 0x000000003f800000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64z s0, s1 */
    {12, 0x0, 0x1e294040, 0x000000004effffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* frint64z s0, s2 */
    {12, 0x0, 0x0e21f840, 0x4f0000004effffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* frint64z v0.2s, v2.2s */
    {12, 0x0, 0x1e29c020, 0x0000000040000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64x s0, s1 */
    {12, 0x0, 0x1e29c040, 0x000000004effffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* frint64x s0, s2 */
    {12, 0x0, 0x2e21f840, 0x4f0000004effffffull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* frint64x v0.2s, v2.2s */
    {13, 0x0, 0x4e21e800, 0xcf000000cf000000ull, 0xcf000000cf000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint32z v0.4s, v0.4s */
    {13, 0x0, 0x4e21e820, 0x8000000000000000ull, 0x0000000040400000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32z v0.4s, v1.4s */
    {13, 0x0, 0x4e21e840, 0xbf80000000000000ull, 0xcf000000cf000000ull, 0x1234567812345678ull, 0,
     0x11}, /* frint32z v0.4s, v2.4s */
    {13, 0x0, 0x4e21e860, 0x40e00000cf000000ull, 0xcf000000c0e00000ull, 0x1234567812345678ull, 0,
     0x11}, /* frint32z v0.4s, v3.4s */
    {13, 0x0, 0x6e21e800, 0xcf000000cf000000ull, 0xcf000000cf000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint32x v0.4s, v0.4s */
    {13, 0x0, 0x6e21e820, 0xbf8000003f800000ull, 0x0000000040800000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32x v0.4s, v1.4s */
    {13, 0x0, 0x6e21e840, 0xc000000000000000ull, 0xcf000000cf000000ull, 0x1234567812345678ull, 0,
     0x11}, /* frint32x v0.4s, v2.4s */
    {13, 0x0, 0x6e21e860, 0x41000000cf000000ull, 0xcf000000c1000000ull, 0x1234567812345678ull, 0,
     0x11}, /* frint32x v0.4s, v3.4s */
    {13, 0x0, 0x4e21f800, 0xdf000000df000000ull, 0xdf0000005effffffull, 0x1234567812345678ull, 0,
     0x1}, /* frint64z v0.4s, v0.4s */
    {13, 0x0, 0x4e21f820, 0x8000000000000000ull, 0x0000000040400000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64z v0.4s, v1.4s */
    {13, 0x0, 0x4e21f840, 0xbf80000000000000ull, 0xdf000000501502f9ull, 0x1234567812345678ull, 0,
     0x11}, /* frint64z v0.4s, v2.4s */
    {13, 0x0, 0x4e21f860, 0x40e00000df000000ull, 0x4f800000c0e00000ull, 0x1234567812345678ull, 0,
     0x11}, /* frint64z v0.4s, v3.4s */
    {13, 0x0, 0x6e21f800, 0xdf000000df000000ull, 0xdf0000005effffffull, 0x1234567812345678ull, 0,
     0x1}, /* frint64x v0.4s, v0.4s */
    {13, 0x0, 0x6e21f820, 0xbf8000003f800000ull, 0x0000000040800000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64x v0.4s, v1.4s */
    {13, 0x0, 0x6e21f840, 0xc000000000000000ull, 0xdf000000501502f9ull, 0x1234567812345678ull, 0,
     0x11}, /* frint64x v0.4s, v2.4s */
    {13, 0x0, 0x6e21f860, 0x41000000df000000ull, 0x4f800000c1000000ull, 0x1234567812345678ull, 0,
     0x11}, /* frint64x v0.4s, v3.4s */
    {13, 0x0, 0x1e284020, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32z s0, s1 */
    {13, 0x0, 0x1e284040, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32z s0, s2 */
    {13, 0x0, 0x0e21e840, 0xbf80000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32z v0.2s, v2.2s */
    {13, 0x0, 0x1e28c020, 0x000000003f800000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32x s0, s1 */
    {13, 0x0, 0x1e28c040, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32x s0, s2 */
    {13, 0x0, 0x2e21e840, 0xc000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32x v0.2s, v2.2s */
    {13, 0x0, 0x1e294020, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64z s0, s1 */
    {13, 0x0, 0x1e294040, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64z s0, s2 */
    {13, 0x0, 0x0e21f840, 0xbf80000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64z v0.2s, v2.2s */
    {13, 0x0, 0x1e29c020, 0x000000003f800000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64x s0, s1 */
    {13, 0x0, 0x1e29c040, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64x s0, s2 */
    {13, 0x0, 0x2e21f840, 0xc000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64x v0.2s, v2.2s */
    {12, 0x400000, 0x6e21e820, 0xc000000040000000ull, 0x8000000040400000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint32x v0.4s, v1.4s */
    {12, 0x400000, 0x6e21f820, 0xc000000040000000ull, 0x8000000040400000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint64x v0.4s, v1.4s */
    {12, 0x800000, 0x6e21e820, 0xc04000003f800000ull, 0xbf80000040000000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint32x v0.4s, v1.4s */
    {12, 0x800000, 0x6e21f820, 0xc04000003f800000ull, 0xbf80000040000000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint64x v0.4s, v1.4s */
    {12, 0xc00000, 0x6e21e820, 0xc00000003f800000ull, 0x8000000040000000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint32x v0.4s, v1.4s */
    {12, 0xc00000, 0x6e21f820, 0xc00000003f800000ull, 0x8000000040000000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint64x v0.4s, v1.4s */
    {13, 0x400000, 0x6e21e820, 0x800000003f800000ull, 0x3f80000040800000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint32x v0.4s, v1.4s */
    {13, 0x400000, 0x6e21f820, 0x800000003f800000ull, 0x3f80000040800000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint64x v0.4s, v1.4s */
    {13, 0x800000, 0x6e21e820, 0xbf80000000000000ull, 0x0000000040400000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint32x v0.4s, v1.4s */
    {13, 0x800000, 0x6e21f820, 0xbf80000000000000ull, 0x0000000040400000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint64x v0.4s, v1.4s */
    {13, 0xc00000, 0x6e21e820, 0x8000000000000000ull, 0x0000000040400000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint32x v0.4s, v1.4s */
    {13, 0xc00000, 0x6e21f820, 0x8000000000000000ull, 0x0000000040400000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint64x v0.4s, v1.4s */
    {13, 0x400000, 0x6e21e840, 0xbf8000003f800000ull, 0xcf000000cf000000ull, 0x1234567812345678ull,
     0, 0x11}, /* frint32x v0.4s, v2.4s */
    {13, 0x400000, 0x6e21f840, 0xbf8000003f800000ull, 0xdf000000501502f9ull, 0x1234567812345678ull,
     0, 0x11}, /* frint64x v0.4s, v2.4s */
    {13, 0x800000, 0x6e21e840, 0xc000000000000000ull, 0xcf000000cf000000ull, 0x1234567812345678ull,
     0, 0x11}, /* frint32x v0.4s, v2.4s */
    {13, 0x800000, 0x6e21f840, 0xc000000000000000ull, 0xdf000000501502f9ull, 0x1234567812345678ull,
     0, 0x11}, /* frint64x v0.4s, v2.4s */
    {13, 0xc00000, 0x6e21e840, 0xbf80000000000000ull, 0xcf000000cf000000ull, 0x1234567812345678ull,
     0, 0x11}, /* frint32x v0.4s, v2.4s */
    {13, 0xc00000, 0x6e21f840, 0xbf80000000000000ull, 0xdf000000501502f9ull, 0x1234567812345678ull,
     0, 0x11}, /* frint64x v0.4s, v2.4s */
    {12, 0x1000000, 0x4e21e800, 0x8000000000000000ull, 0x8000000000000000ull, 0x1234567812345678ull,
     0, 0x80}, /* frint32z v0.4s, v0.4s */
    {12, 0x1000000, 0x6e21e800, 0x8000000000000000ull, 0x8000000000000000ull, 0x1234567812345678ull,
     0, 0x80}, /* frint32x v0.4s, v0.4s */
    {12, 0x1000000, 0x4e21f800, 0x8000000000000000ull, 0x8000000000000000ull, 0x1234567812345678ull,
     0, 0x80}, /* frint64z v0.4s, v0.4s */
    {12, 0x1000000, 0x6e21f800, 0x8000000000000000ull, 0x8000000000000000ull, 0x1234567812345678ull,
     0, 0x80}, /* frint64x v0.4s, v0.4s */
    {12, 0x2000000, 0x6e21e860, 0xcf000000cf000000ull, 0xcf000000cf000000ull, 0x1234567812345678ull,
     0, 0x1}, /* frint32x v0.4s, v3.4s */
    {13, 0x400000, 0x4e21e820, 0x8000000000000000ull, 0x0000000040400000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint32z v0.4s, v1.4s */
    {13, 0x800000, 0x1e294040, 0x0000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint64z s0, s2 */
    {14, 0x0, 0x4e61e800, 0xc1e0000000000000ull, 0xc1e0000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint32z v0.2d, v0.2d */
    {14, 0x0, 0x4e61e820, 0x41dfffffffc00000ull, 0xc1e0000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32z v0.2d, v1.2d */
    {14, 0x0, 0x4e61e840, 0x41dfffffffc00000ull, 0xc1e0000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32z v0.2d, v2.2d */
    {14, 0x0, 0x4e61e860, 0xc1e0000000000000ull, 0xc1e0000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint32z v0.2d, v3.2d */
    {14, 0x0, 0x6e61e800, 0xc1e0000000000000ull, 0xc1e0000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint32x v0.2d, v0.2d */
    {14, 0x0, 0x6e61e820, 0xc1e0000000000000ull, 0xc1e0000000000000ull, 0x1234567812345678ull, 0,
     0x11}, /* frint32x v0.2d, v1.2d */
    {14, 0x0, 0x6e61e840, 0x41dfffffffc00000ull, 0xc1e0000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32x v0.2d, v2.2d */
    {14, 0x0, 0x6e61e860, 0xc1e0000000000000ull, 0xc1e0000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint32x v0.2d, v3.2d */
    {14, 0x0, 0x4e61f800, 0x43dfffffffffffffull, 0xc3e0000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint64z v0.2d, v0.2d */
    {14, 0x0, 0x4e61f820, 0x41dfffffffc00000ull, 0xc1e0000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64z v0.2d, v1.2d */
    {14, 0x0, 0x4e61f840, 0x41dfffffffc00000ull, 0xc1e0000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64z v0.2d, v2.2d */
    {14, 0x0, 0x4e61f860, 0xc3e0000000000000ull, 0xc3e0000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint64z v0.2d, v3.2d */
    {14, 0x0, 0x6e61f800, 0x43dfffffffffffffull, 0xc3e0000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint64x v0.2d, v0.2d */
    {14, 0x0, 0x6e61f820, 0x41e0000000000000ull, 0xc1e0000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64x v0.2d, v1.2d */
    {14, 0x0, 0x6e61f840, 0x41dfffffffc00000ull, 0xc1e0000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64x v0.2d, v2.2d */
    {14, 0x0, 0x6e61f860, 0xc3e0000000000000ull, 0xc3e0000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint64x v0.2d, v3.2d */
    {14, 0x0, 0x1e684020, 0x41dfffffffc00000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32z d0, d1 */
    {14, 0x0, 0x1e684060, 0xc1e0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint32z d0, d3 */
    {14, 0x0, 0x1e68c020, 0xc1e0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint32x d0, d1 */
    {14, 0x0, 0x1e68c060, 0xc1e0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint32x d0, d3 */
    {14, 0x0, 0x1e694020, 0x41dfffffffc00000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64z d0, d1 */
    {14, 0x0, 0x1e694060, 0xc3e0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint64z d0, d3 */
    {14, 0x0, 0x1e69c020, 0x41e0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64x d0, d1 */
    {14, 0x0, 0x1e69c060, 0xc3e0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint64x d0, d3 */
    {15, 0x0, 0x4e61e800, 0xc1e0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x11}, /* frint32z v0.2d, v0.2d */
    {15, 0x0, 0x4e61e820, 0x4000000000000000ull, 0xc000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32z v0.2d, v1.2d */
    {15, 0x0, 0x4e61e840, 0x0000000000000000ull, 0x8000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32z v0.2d, v2.2d */
    {15, 0x0, 0x4e61e860, 0xc1e0000000000000ull, 0xc1e0000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint32z v0.2d, v3.2d */
    {15, 0x0, 0x6e61e800, 0xc1e0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x11}, /* frint32x v0.2d, v0.2d */
    {15, 0x0, 0x6e61e820, 0x4000000000000000ull, 0xc000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32x v0.2d, v1.2d */
    {15, 0x0, 0x6e61e840, 0x0000000000000000ull, 0x8000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32x v0.2d, v2.2d */
    {15, 0x0, 0x6e61e860, 0xc1e0000000000000ull, 0xc1e0000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint32x v0.2d, v3.2d */
    {15, 0x0, 0x4e61f800, 0xc3e0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x11}, /* frint64z v0.2d, v0.2d */
    {15, 0x0, 0x4e61f820, 0x4000000000000000ull, 0xc000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64z v0.2d, v1.2d */
    {15, 0x0, 0x4e61f840, 0x0000000000000000ull, 0x8000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64z v0.2d, v2.2d */
    {15, 0x0, 0x4e61f860, 0xc3e0000000000000ull, 0xc3e0000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint64z v0.2d, v3.2d */
    {15, 0x0, 0x6e61f800, 0xc3e0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x11}, /* frint64x v0.2d, v0.2d */
    {15, 0x0, 0x6e61f820, 0x4000000000000000ull, 0xc000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64x v0.2d, v1.2d */
    {15, 0x0, 0x6e61f840, 0x0000000000000000ull, 0x8000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64x v0.2d, v2.2d */
    {15, 0x0, 0x6e61f860, 0xc3e0000000000000ull, 0xc3e0000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint64x v0.2d, v3.2d */
    {15, 0x0, 0x1e684020, 0x4000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32z d0, d1 */
    {15, 0x0, 0x1e684060, 0xc1e0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint32z d0, d3 */
    {15, 0x0, 0x1e68c020, 0x4000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32x d0, d1 */
    {15, 0x0, 0x1e68c060, 0xc1e0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint32x d0, d3 */
    {15, 0x0, 0x1e694020, 0x4000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64z d0, d1 */
    {15, 0x0, 0x1e694060, 0xc3e0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint64z d0, d3 */
    {15, 0x0, 0x1e69c020, 0x4000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64x d0, d1 */
    {15, 0x0, 0x1e69c060, 0xc3e0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x1}, /* frint64x d0, d3 */
    {16, 0x0, 0x4e61e800, 0x3ff0000000000000ull, 0xbff0000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32z v0.2d, v0.2d */
    {16, 0x0, 0x4e61e820, 0x4008000000000000ull, 0x8000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32z v0.2d, v1.2d */
    {16, 0x0, 0x4e61e840, 0xc1e0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x11}, /* frint32z v0.2d, v2.2d */
    {16, 0x0, 0x4e61e860, 0x8000000000000000ull, 0xc022000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32z v0.2d, v3.2d */
    {16, 0x0, 0x6e61e800, 0x4000000000000000ull, 0xc000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32x v0.2d, v0.2d */
    {16, 0x0, 0x6e61e820, 0x4010000000000000ull, 0x8000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32x v0.2d, v1.2d */
    {16, 0x0, 0x6e61e840, 0xc1e0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x11}, /* frint32x v0.2d, v2.2d */
    {16, 0x0, 0x6e61e860, 0x8000000000000000ull, 0xc024000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32x v0.2d, v3.2d */
    {16, 0x0, 0x4e61f800, 0x3ff0000000000000ull, 0xbff0000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64z v0.2d, v0.2d */
    {16, 0x0, 0x4e61f820, 0x4008000000000000ull, 0x8000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64z v0.2d, v1.2d */
    {16, 0x0, 0x4e61f840, 0xc3e0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x11}, /* frint64z v0.2d, v2.2d */
    {16, 0x0, 0x4e61f860, 0x8000000000000000ull, 0xc022000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64z v0.2d, v3.2d */
    {16, 0x0, 0x6e61f800, 0x4000000000000000ull, 0xc000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64x v0.2d, v0.2d */
    {16, 0x0, 0x6e61f820, 0x4010000000000000ull, 0x8000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64x v0.2d, v1.2d */
    {16, 0x0, 0x6e61f840, 0xc3e0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x11}, /* frint64x v0.2d, v2.2d */
    {16, 0x0, 0x6e61f860, 0x8000000000000000ull, 0xc024000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64x v0.2d, v3.2d */
    {16, 0x0, 0x1e684020, 0x4008000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32z d0, d1 */
    {16, 0x0, 0x1e684060, 0x8000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* frint32z d0, d3 */
    {16, 0x0, 0x1e68c020, 0x4010000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint32x d0, d1 */
    {16, 0x0, 0x1e68c060, 0x8000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* frint32x d0, d3 */
    {16, 0x0, 0x1e694020, 0x4008000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64z d0, d1 */
    {16, 0x0, 0x1e694060, 0x8000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* frint64z d0, d3 */
    {16, 0x0, 0x1e69c020, 0x4010000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x10}, /* frint64x d0, d1 */
    {16, 0x0, 0x1e69c060, 0x8000000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull, 0,
     0x0}, /* frint64x d0, d3 */
    {15, 0x400000, 0x6e61e820, 0x4008000000000000ull, 0xc000000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint32x v0.2d, v1.2d */
    {15, 0x400000, 0x6e61f820, 0x4008000000000000ull, 0xc000000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint64x v0.2d, v1.2d */
    {15, 0x800000, 0x6e61e820, 0x4000000000000000ull, 0xc008000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint32x v0.2d, v1.2d */
    {15, 0x800000, 0x6e61f820, 0x4000000000000000ull, 0xc008000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint64x v0.2d, v1.2d */
    {15, 0xc00000, 0x6e61e820, 0x4000000000000000ull, 0xc000000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint32x v0.2d, v1.2d */
    {15, 0xc00000, 0x6e61f820, 0x4000000000000000ull, 0xc000000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint64x v0.2d, v1.2d */
    {15, 0x400000, 0x6e61e840, 0x3ff0000000000000ull, 0x8000000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint32x v0.2d, v2.2d */
    {15, 0x400000, 0x6e61f840, 0x3ff0000000000000ull, 0x8000000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint64x v0.2d, v2.2d */
    {15, 0x800000, 0x6e61e840, 0x0000000000000000ull, 0xbff0000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint32x v0.2d, v2.2d */
    {15, 0x800000, 0x6e61f840, 0x0000000000000000ull, 0xbff0000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint64x v0.2d, v2.2d */
    {15, 0xc00000, 0x6e61e840, 0x0000000000000000ull, 0x8000000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint32x v0.2d, v2.2d */
    {15, 0xc00000, 0x6e61f840, 0x0000000000000000ull, 0x8000000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint64x v0.2d, v2.2d */
    {14, 0x400000, 0x6e61e820, 0xc1e0000000000000ull, 0xc1e0000000000000ull, 0x1234567812345678ull,
     0, 0x11}, /* frint32x v0.2d, v1.2d */
    {14, 0x400000, 0x6e61f820, 0x41e0000000000000ull, 0xc1e0000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint64x v0.2d, v1.2d */
    {14, 0x800000, 0x6e61e820, 0x41dfffffffc00000ull, 0xc1e0000000000000ull, 0x1234567812345678ull,
     0, 0x11}, /* frint32x v0.2d, v1.2d */
    {14, 0x800000, 0x6e61f820, 0x41dfffffffc00000ull, 0xc1e0000000200000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint64x v0.2d, v1.2d */
    {14, 0xc00000, 0x6e61e820, 0x41dfffffffc00000ull, 0xc1e0000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint32x v0.2d, v1.2d */
    {14, 0xc00000, 0x6e61f820, 0x41dfffffffc00000ull, 0xc1e0000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint64x v0.2d, v1.2d */
    {16, 0x400000, 0x6e61e800, 0x4000000000000000ull, 0xbff0000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint32x v0.2d, v0.2d */
    {16, 0x400000, 0x6e61f800, 0x4000000000000000ull, 0xbff0000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint64x v0.2d, v0.2d */
    {16, 0x800000, 0x6e61e800, 0x3ff0000000000000ull, 0xc000000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint32x v0.2d, v0.2d */
    {16, 0x800000, 0x6e61f800, 0x3ff0000000000000ull, 0xc000000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint64x v0.2d, v0.2d */
    {16, 0xc00000, 0x6e61e800, 0x3ff0000000000000ull, 0xbff0000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint32x v0.2d, v0.2d */
    {16, 0xc00000, 0x6e61f800, 0x3ff0000000000000ull, 0xbff0000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint64x v0.2d, v0.2d */
    {15, 0x1000000, 0x4e61e800, 0xc1e0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0, 0x81}, /* frint32z v0.2d, v0.2d */
    {16, 0x1000000, 0x4e61e820, 0x4008000000000000ull, 0x8000000000000000ull, 0x1234567812345678ull,
     0, 0x90}, /* frint32z v0.2d, v1.2d */
    {15, 0x1000000, 0x6e61e800, 0xc1e0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0, 0x81}, /* frint32x v0.2d, v0.2d */
    {16, 0x1000000, 0x6e61e820, 0x4010000000000000ull, 0x8000000000000000ull, 0x1234567812345678ull,
     0, 0x90}, /* frint32x v0.2d, v1.2d */
    {15, 0x1000000, 0x4e61f800, 0xc3e0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0, 0x81}, /* frint64z v0.2d, v0.2d */
    {16, 0x1000000, 0x4e61f820, 0x4008000000000000ull, 0x8000000000000000ull, 0x1234567812345678ull,
     0, 0x90}, /* frint64z v0.2d, v1.2d */
    {15, 0x1000000, 0x6e61f800, 0xc3e0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0, 0x81}, /* frint64x v0.2d, v0.2d */
    {16, 0x1000000, 0x6e61f820, 0x4010000000000000ull, 0x8000000000000000ull, 0x1234567812345678ull,
     0, 0x90}, /* frint64x v0.2d, v1.2d */
    {16, 0x2000000, 0x1e69c040, 0xc3e0000000000000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0, 0x1}, /* frint64x d0, d2 */
    {14, 0xc00000, 0x1e684020, 0x41dfffffffc00000ull, 0x0000000000000000ull, 0x1234567812345678ull,
     0, 0x10}, /* frint32z d0, d1 */
               /* END GENERATED CASES */
};

/* The first pattern of table that takes insn, as a64_decode.c tries them. */
static bool dispatch(const struct a64_pattern *p, struct ir_block *b, uint64_t pc, uint32_t insn) {
  struct a64_ctx s = {.b = b, .pc = pc, .insn = insn};
  for (; p->trans; p++) {
    if ((insn & p->mask) != p->value)
      continue;
    uint32_t n = b->n;
    if (p->trans(&s, insn))
      return true;
    b->n = n;
  }
  return false;
}

static bool run1(uint32_t insn) {
  static uint32_t code[1];
  code[0] = insn;
  uint64_t pc = (uint64_t)(uintptr_t)code;
  struct ir_block *b = ir_block_new(pc);
  ir_mark(b, pc);
  bool ok = dispatch(a64_ext_patterns, b, pc, insn);
  if (ok) {
    ir_goto(b, pc + 4);
    ok = !ir_verify(b) && ir_interp(b, &cpu.c) == CPU_EXIT_PLAIN && cpu.c.pc == pc + 4;
  }
  ir_block_free(b);
  return ok;
}

static void setup(const uint64_t *in) {
  memset(&cpu, 0, sizeof(cpu));
  for (int r = 0; r <= 3; r++) { /* v16-v19 copy v0-v3, as in the generator's program */
    cpu.v[r][0] = cpu.v[16 + r][0] = in[2 * r];
    cpu.v[r][1] = cpu.v[16 + r][1] = in[2 * r + 1];
  }
  cpu.x[0] = 0x1234567812345678ull;
  cpu.x[1] = in[8], cpu.x[2] = in[9];
  cpu.nzcv = in[10];
}

static bool check(const struct ext_case *t) {
  setup(ext_sets[t->set]);
  cpu.fpcr = t->fpcr;
  if (!run1(t->insn)) {
    fprintf(stderr, "  0x%08x: did not run\n", t->insn);
    return false;
  }
  if (cpu.v[0][0] == t->v0_lo && cpu.v[0][1] == t->v0_hi && cpu.x[0] == t->x0 &&
      cpu.nzcv == t->nzcv && cpu.fpsr == t->fpsr)
    return true;
  fprintf(stderr,
          "  0x%08x set %u fpcr %x: v0 %016llx:%016llx x0 %llx nzcv %llx fpsr %x, want "
          "%016llx:%016llx %llx %llx %llx\n",
          t->insn, t->set, t->fpcr, (unsigned long long)cpu.v[0][1],
          (unsigned long long)cpu.v[0][0], (unsigned long long)cpu.x[0],
          (unsigned long long)cpu.nzcv, cpu.fpsr, (unsigned long long)t->v0_hi,
          (unsigned long long)t->v0_lo, (unsigned long long)t->x0, (unsigned long long)t->nzcv,
          (unsigned long long)t->fpsr);
  return false;
}

TEST(ext_against_qemu) {
  int bad = 0;
  for (unsigned i = 0; i < N(ext_cases); i++)
    bad += !check(&ext_cases[i]);
  ASSERT_EQ(bad, 0);
}

/* Unallocated encodings next to the ones above decline (and raise SIGILL). */
TEST(ext_unallocated) {
  static const uint32_t bad[] = {
      0x0e409420, /* sdot with size 01 */
      0x4ec09420, /* sdot with size 11 */
      0x4f40e020, /* sdot (by element) with size 01 */
      0x2e028420, /* sqrdmlah v0.8b: size 00 */
      0x6ec28420, /* sqrdmlah with size 11 */
      0x7e028420, /* sqrdmlah b0: size 00 */
      0x6f00d020, /* sqrdmlah (by element) size 00 */
      0x6fc0d020, /* sqrdmlah (by element) size 11 */
      0x0e61e820, /* frint32z v0.1d: sz 1, Q 0 */
      0x1ee84020, /* frint32z with ftype 11 (half) */
      0x1ea84020, /* frint32z with ftype 10 */
      0xcec08420, /* sm4e, not implemented */
      0xce60c020, /* sm3partw1, not implemented */
      0xce400000, /* sm3ss1, not implemented */
  };
  for (unsigned i = 0; i < N(bad); i++) {
    memset(&cpu, 0, sizeof(cpu));
    if (run1(bad[i]))
      fprintf(stderr, "  0x%08x decoded\n", bad[i]);
    ASSERT(!run1(bad[i]));
  }
}

/* EOR3 BCAX XAR RAX1 are vector IR (a64_vec_sha.c, compared with these helpers
 * in a64_vec_test), so a64.decode's vec_ patterns take them first. */
static bool vec_ir_owns(uint32_t insn) {
  return (insn & 0xffc08000) == 0xce000000 || (insn & 0xffe00000) == 0xce800000 ||
         (insn & 0xffe0f000) == 0xce608000 || (insn & 0xfffffc00) == 0xcec08000;
}

/* The IR that decoding insn at pc by table (NULL: a64.decode's whole
 * dispatch, as a64_decode.c calls it) appends, printed; "" if none took it. */
static char *decoded_ir(const struct a64_pattern *table, uint32_t insn) {
  struct ir_block *b = ir_block_new(0x10000);
  ir_mark(b, 0x10000);
  struct a64_ctx s = {.b = b, .pc = 0x10000, .insn = insn, .undo_n = b->n};
  bool ok = table ? dispatch(table, b, 0x10000, insn) : a64_decode_gen(&s, insn);
  char *text = NULL;
  size_t size = 0;
  FILE *f = open_memstream(&text, &size);
  if (ok && f)
    ir_print(f, b);
  if (f)
    fclose(f);
  ir_block_free(b);
  return text;
}

/* No pattern before the ext_ ones in a64.decode takes these encodings: the
 * whole decoder emits what the extension's own patterns do. */
TEST(ext_not_shadowed) {
  int shadowed = 0;
  for (unsigned i = 0; i < N(ext_cases); i++) {
    if (vec_ir_owns(ext_cases[i].insn))
      continue;
    char *whole = decoded_ir(NULL, ext_cases[i].insn);
    char *own = decoded_ir(a64_ext_patterns, ext_cases[i].insn);
    if (!whole || !own || !*own || strcmp(whole, own)) {
      fprintf(stderr, "  0x%08x: the decoder does not emit the ext_ pattern's IR\n",
              ext_cases[i].insn);
      shadowed++;
    }
    free(whole);
    free(own);
  }
  ASSERT_EQ(shadowed, 0);
}

TEST_MAIN("a64_ext")
