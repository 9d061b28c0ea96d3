/* a64_decode_test.c - the A64 decoder, run through the reference IR
 * interpreter: instruction words in, registers and NZCV out.
 *
 * The data-processing table below was produced by assembling each sequence
 * with aarch64-linux-gnu-as -march=armv8.1-a+crc and running it under
 * qemu-aarch64 in a static program that loads the seed registers (x0-x15, sp,
 * NZCV), executes the sequence and writes the registers out: the expected
 * values are the hardware model's, not ours. Branches, traps and system
 * instructions are checked by hand below the table.
 */
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <time.h>
#include "../../decode/aarch64/a64.h"
#include "../../decode/aarch64/a64_util.h"
#include "../../ir/ir.h"
#include "../../tcache/tc_int.h"
#include "../../xrun.h"
#include "test.h"

static const uint64_t seed[16] = {0,
                                  1,
                                  ~0ull,
                                  0x8000000000000000,
                                  0x7fffffffffffffff,
                                  0x80000000,
                                  0x7fffffff,
                                  0xffffffff,
                                  0x123456789abcdef0,
                                  0xfedcba9876543210,
                                  2,
                                  63,
                                  64,
                                  0x100000000,
                                  0xffff8000,
                                  0x0123456789abcdef};
enum { SEED_SP = 0x7ffff000 };

struct dp_case {
  const char *name, *text;
  uint32_t code[6];
  unsigned n;
  uint8_t nzcv_in, nzcv_out;
  unsigned n_out;
  struct {
    unsigned reg; /* 31: sp */
    uint64_t val;
  } out[6];
};

/* Expected values from qemu-aarch64 (see the top of the file): each sequence ran
 * qemu-aarch64 from the seed registers; out lists the registers that changed. */
static const struct dp_case dp_cases[] = {
    {"add_imm", "add x0, x1, #4095", {0x913ffc20}, 1, 0x0, 0x0, 1, {{0, 0x1000}}},
    {"add_imm_w_wrap", "add w0, w7, #1", {0x110004e0}, 1, 0x0, 0x0, 0, {}},
    {"add_imm_lsl12", "add x0, x1, #1, lsl #12", {0x91400420}, 1, 0x0, 0x0, 1, {{0, 0x1001}}},
    {"sub_imm_w", "sub w0, w1, #2", {0x51000820}, 1, 0x0, 0x0, 1, {{0, 0xffffffff}}},
    {"adds_imm_carry", "adds x0, x2, #1", {0xb1000440}, 1, 0x0, 0x6, 0, {}},
    {"adds_imm_w_overflow", "adds w0, w6, #1", {0x310004c0}, 1, 0x0, 0x9, 1, {{0, 0x80000000}}},
    {"subs_imm_borrow", "subs x0, x0, #1", {0xf1000400}, 1, 0x0, 0x8, 1, {{0, 0xffffffffffffffff}}},
    {"subs_imm_zero", "subs x0, x1, #1", {0xf1000420}, 1, 0x0, 0x6, 0, {}},
    {"cmp_imm_min", "cmp x3, #1", {0xf100047f}, 1, 0x0, 0x3, 0, {}},
    {"cmn_w_imm", "cmn w7, #1", {0x310004ff}, 1, 0x0, 0x6, 0, {}},
    {"sub_sp_imm",
     "sub sp, sp, #32; add x0, sp, #16; mov x1, sp",
     {0xd10083ff, 0x910043e0, 0x910003e1},
     3,
     0x0,
     0x0,
     3,
     {{0, 0x7fffeff0}, {1, 0x7fffefe0}, {31, 0x7fffefe0}}},
    {"adds_sp_imm", "adds x0, sp, #8", {0xb10023e0}, 1, 0x0, 0x0, 1, {{0, 0x7ffff008}}},
    {"and_imm",
     "and x0, x9, #0xff00ff00ff00ff00",
     {0x92089d20},
     1,
     0x0,
     0x0,
     1,
     {{0, 0xfe00ba0076003200}}},
    {"orr_imm",
     "orr x0, x1, #0x5555555555555555",
     {0xb200f020},
     1,
     0x0,
     0x0,
     1,
     {{0, 0x5555555555555555}}},
    {"eor_imm_w", "eor w0, w8, #0xf0f0f0f0", {0x5204cd00}, 1, 0x0, 0x0, 1, {{0, 0x6a4c2e00}}},
    {"ands_imm_n",
     "ands x0, x2, #0x8000000000000000",
     {0xf2410040},
     1,
     0x0,
     0x8,
     1,
     {{0, 0x8000000000000000}}},
    {"ands_imm_w_z", "ands w0, w1, #2", {0x721f0020}, 1, 0x0, 0x4, 0, {}},
    {"tst_imm", "tst x9, #0x7", {0xf240093f}, 1, 0x0, 0x4, 0, {}},
    {"mov_bitmask",
     "mov x0, #0xaaaaaaaaaaaaaaaa",
     {0xb201f3e0},
     1,
     0x0,
     0x0,
     1,
     {{0, 0xaaaaaaaaaaaaaaaa}}},
    {"orr_imm_wzr", "orr w0, wzr, #0x1e1e1e1e", {0x3207cfe0}, 1, 0x0, 0x0, 1, {{0, 0x1e1e1e1e}}},
    {"eor_imm_rep16",
     "eor x0, x9, #0x0000ffff0000ffff",
     {0xd2003d20},
     1,
     0x0,
     0x0,
     1,
     {{0, 0xfedc45677654cdef}}},
    {"and_imm_rot", "and x0, x8, #0xe00000000000003f", {0x92432100}, 1, 0x0, 0x0, 1, {{0, 0x30}}},
    {"and_imm_w_rot", "and w0, w7, #0x80000001", {0x120104e0}, 1, 0x0, 0x0, 1, {{0, 0x80000001}}},
    {"and_sp_imm",
     "and sp, x9, #0xfffffffffffffff0",
     {0x927ced3f},
     1,
     0x0,
     0x0,
     1,
     {{31, 0xfedcba9876543210}}},
    {"orr_imm_run",
     "orr x0, x0, #0x3ffffffffffe",
     {0xb27fb000},
     1,
     0x0,
     0x0,
     1,
     {{0, 0x3ffffffffffe}}},
    {"movz_48",
     "movz x0, #0x1234, lsl #48",
     {0xd2e24680},
     1,
     0x0,
     0x0,
     1,
     {{0, 0x1234000000000000}}},
    {"movn_0", "movn x0, #0", {0x92800000}, 1, 0x0, 0x0, 1, {{0, 0xffffffffffffffff}}},
    {"movn_w", "movn w0, #0x1234, lsl #16", {0x12a24680}, 1, 0x0, 0x0, 1, {{0, 0xedcbffff}}},
    {"movk_32",
     "movk x8, #0xbeef, lsl #32",
     {0xf2d7dde8},
     1,
     0x0,
     0x0,
     1,
     {{8, 0x1234beef9abcdef0}}},
    {"movk_w", "movk w9, #0xbeef", {0x7297dde9}, 1, 0x0, 0x0, 1, {{9, 0x7654beef}}},
    {"mov_w_neg", "mov w0, #-2", {0x12800020}, 1, 0x0, 0x0, 1, {{0, 0xfffffffe}}},
    {"mov_x_big",
     "movz x0, #0xdead, lsl #48; movk x0, #0xbeef, lsl #16; movk x0, #0xf00d",
     {0xd2fbd5a0, 0xf2b7dde0, 0xf29e01a0},
     3,
     0x0,
     0x0,
     1,
     {{0, 0xdead0000beeff00d}}},
    {"lsl_imm", "lsl x0, x8, #4", {0xd37ced00}, 1, 0x0, 0x0, 1, {{0, 0x23456789abcdef00}}},
    {"lsr_imm", "lsr x0, x9, #60", {0xd37cfd20}, 1, 0x0, 0x0, 1, {{0, 0xf}}},
    {"asr_imm_63", "asr x0, x3, #63", {0x937ffc60}, 1, 0x0, 0x0, 1, {{0, 0xffffffffffffffff}}},
    {"asr_w_31", "asr w0, w5, #31", {0x131f7ca0}, 1, 0x0, 0x0, 1, {{0, 0xffffffff}}},
    {"lsl_w_31", "lsl w0, w7, #31", {0x530100e0}, 1, 0x0, 0x0, 1, {{0, 0x80000000}}},
    {"lsr_w_1", "lsr w0, w9, #1", {0x53017d20}, 1, 0x0, 0x0, 1, {{0, 0x3b2a1908}}},
    {"sxtb", "sxtb x0, w8", {0x93401d00}, 1, 0x0, 0x0, 1, {{0, 0xfffffffffffffff0}}},
    {"sxth_w", "sxth w0, w14", {0x13003dc0}, 1, 0x0, 0x0, 1, {{0, 0xffff8000}}},
    {"sxtw", "sxtw x0, w5", {0x93407ca0}, 1, 0x0, 0x0, 1, {{0, 0xffffffff80000000}}},
    {"uxtb", "uxtb w0, w9", {0x53001d20}, 1, 0x0, 0x0, 1, {{0, 0x10}}},
    {"uxth", "uxth w0, w9", {0x53003d20}, 1, 0x0, 0x0, 1, {{0, 0x3210}}},
    {"sbfx", "sbfx x0, x9, #4, #8", {0x93442d20}, 1, 0x0, 0x0, 1, {{0, 0x21}}},
    {"ubfx_top", "ubfx x0, x9, #60, #4", {0xd37cfd20}, 1, 0x0, 0x0, 1, {{0, 0xf}}},
    {"ubfx_w", "ubfx w0, w8, #3, #29", {0x53037d00}, 1, 0x0, 0x0, 1, {{0, 0x13579bde}}},
    {"sbfiz", "sbfiz x0, x8, #3, #5", {0x937d1100}, 1, 0x0, 0x0, 1, {{0, 0xffffffffffffff80}}},
    {"ubfiz_w", "ubfiz w0, w9, #20, #12", {0x530c2d20}, 1, 0x0, 0x0, 1, {{0, 0x21000000}}},
    {"bfi", "bfi x8, x9, #8, #16", {0xb3783d28}, 1, 0x0, 0x0, 1, {{8, 0x123456789a3210f0}}},
    {"bfxil_w", "bfxil w9, w8, #4, #12", {0x33043d09}, 1, 0x0, 0x0, 1, {{9, 0x76543def}}},
    {"bfi_w_top", "bfi w8, w2, #31, #1", {0x33010048}, 1, 0x0, 0x0, 1, {{8, 0x9abcdef0}}},
    {"bfc", "bfi x9, xzr, #3, #40", {0xb37d9fe9}, 1, 0x0, 0x0, 1, {{9, 0xfedcb80000000000}}},
    {"sbfx_w_top", "sbfx w0, w5, #31, #1", {0x131f7ca0}, 1, 0x0, 0x0, 1, {{0, 0xffffffff}}},
    {"sbfiz_w", "sbfiz w0, w9, #28, #4", {0x13040d20}, 1, 0x0, 0x0, 0, {}},
    {"bfm_wrap", "bfxil x8, x9, #0, #64", {0xb340fd28}, 1, 0x0, 0x0, 1, {{8, 0xfedcba9876543210}}},
    {"extr", "extr x0, x8, x9, #12", {0x93c93100}, 1, 0x0, 0x0, 1, {{0, 0xef0fedcba9876543}}},
    {"ror_imm", "ror x0, x8, #1", {0x93c80500}, 1, 0x0, 0x0, 1, {{0, 0x91a2b3c4d5e6f78}}},
    {"extr_w", "extr w0, w8, w9, #31", {0x13897d00}, 1, 0x0, 0x0, 1, {{0, 0x3579bde0}}},
    {"ror_w_imm", "ror w0, w9, #16", {0x13894120}, 1, 0x0, 0x0, 1, {{0, 0x32107654}}},
    {"extr_0", "extr x0, x8, x9, #0", {0x93c90100}, 1, 0x0, 0x0, 1, {{0, 0xfedcba9876543210}}},
    {"add_lsl", "add x0, x8, x9, lsl #3", {0x8b090d00}, 1, 0x0, 0x0, 1, {{0, 0x91a2b3c4d5e6f70}}},
    {"sub_w_lsr", "sub w0, w8, w9, lsr #5", {0x4b491500}, 1, 0x0, 0x0, 1, {{0, 0x970a3d60}}},
    {"adds_overflow", "adds x0, x4, x1", {0xab010080}, 1, 0x0, 0x9, 1, {{0, 0x8000000000000000}}},
    {"subs_overflow", "subs x0, x3, x1", {0xeb010060}, 1, 0x0, 0x3, 1, {{0, 0x7fffffffffffffff}}},
    {"cmp_reg", "cmp x1, x2", {0xeb02003f}, 1, 0x0, 0x0, 0, {}},
    {"cmp_w_reg", "cmp w5, w6", {0x6b0600bf}, 1, 0x0, 0x3, 0, {}},
    {"neg", "neg x0, x8", {0xcb0803e0}, 1, 0x0, 0x0, 1, {{0, 0xedcba98765432110}}},
    {"negs_w_min", "negs w0, w5", {0x6b0503e0}, 1, 0x0, 0x9, 1, {{0, 0x80000000}}},
    {"negs_zero", "negs x0, x0", {0xeb0003e0}, 1, 0x0, 0x6, 0, {}},
    {"adds_asr63",
     "adds x0, x8, x9, asr #63",
     {0xab89fd00},
     1,
     0x0,
     0x2,
     1,
     {{0, 0x123456789abcdeef}}},
    {"subs_w_same", "subs w0, w7, w7", {0x6b0700e0}, 1, 0x0, 0x6, 0, {}},
    {"add_w_asr", "add w0, w9, w8, asr #31", {0x0b887d20}, 1, 0x0, 0x0, 1, {{0, 0x7654320f}}},
    {"add_uxtb", "add x0, x1, w2, uxtb", {0x8b220020}, 1, 0x0, 0x0, 1, {{0, 0x100}}},
    {"add_sxtb_2",
     "add x0, x8, w9, sxtb #2",
     {0x8b298900},
     1,
     0x0,
     0x0,
     1,
     {{0, 0x123456789abcdf30}}},
    {"sub_sxth_4",
     "sub x0, x8, w9, sxth #4",
     {0xcb29b100},
     1,
     0x0,
     0x0,
     1,
     {{0, 0x123456789ab9bdf0}}},
    {"add_uxtw_1",
     "add x0, x8, w9, uxtw #1",
     {0x8b294500},
     1,
     0x0,
     0x0,
     1,
     {{0, 0x1234567987654310}}},
    {"adds_sxtw", "adds x0, x8, w9, sxtw", {0xab29c100}, 1, 0x0, 0x0, 1, {{0, 0x1234567911111100}}},
    {"add_sp_lsl3",
     "add x0, sp, x9, lsl #3",
     {0x8b296fe0},
     1,
     0x0,
     0x0,
     1,
     {{0, 0xf6e5d4c432a18080}}},
    {"sub_sp_reg",
     "sub sp, sp, x10; mov x0, sp",
     {0xcb2a63ff, 0x910003e0},
     2,
     0x0,
     0x0,
     2,
     {{0, 0x7fffeffe}, {31, 0x7fffeffe}}},
    {"add_w_uxth", "add w0, w8, w9, uxth", {0x0b292100}, 1, 0x0, 0x0, 1, {{0, 0x9abd1100}}},
    {"subs_w_sxtb_4", "subs w0, w8, w9, sxtb #4", {0x6b299100}, 1, 0x0, 0xa, 1, {{0, 0x9abcddf0}}},
    {"cmp_uxtw", "cmp x8, w9, uxtw", {0xeb29411f}, 1, 0x0, 0x2, 0, {}},
    {"add_sxtx",
     "add x0, x1, x2, sxtx #4",
     {0x8b22f020},
     1,
     0x0,
     0x0,
     1,
     {{0, 0xfffffffffffffff1}}},
    {"add_w_sxtw", "add w0, w1, w2, sxtw #1", {0x0b22c420}, 1, 0x0, 0x0, 1, {{0, 0xffffffff}}},
    {"adc_c1", "adc x0, x8, x9", {0x9a090100}, 1, 0x2, 0x2, 1, {{0, 0x1111111111111101}}},
    {"adcs_carry_out", "adcs x0, x2, x0", {0xba000040}, 1, 0x2, 0x6, 0, {}},
    {"adcs_w_overflow", "adcs w0, w6, wzr", {0x3a1f00c0}, 1, 0x2, 0x9, 1, {{0, 0x80000000}}},
    {"adcs_c0", "adcs x0, x2, x1", {0xba010040}, 1, 0x0, 0x6, 0, {}},
    {"sbc_c0", "sbc x0, x8, x9", {0xda090100}, 1, 0x0, 0x0, 1, {{0, 0x13579be02468acdf}}},
    {"sbcs_borrow", "sbcs x0, x1, x1", {0xfa010020}, 1, 0x0, 0x8, 1, {{0, 0xffffffffffffffff}}},
    {"sbcs_w_c1", "sbcs w0, w1, w1", {0x7a010020}, 1, 0x2, 0x6, 0, {}},
    {"ngc", "ngc x0, x8", {0xda0803e0}, 1, 0x0, 0x0, 1, {{0, 0xedcba9876543210f}}},
    {"ngcs_w", "ngcs w0, w1", {0x7a0103e0}, 1, 0x2, 0x8, 1, {{0, 0xffffffff}}},
    {"sbcs_min", "sbcs x0, x3, x1", {0xfa010060}, 1, 0x2, 0x3, 1, {{0, 0x7fffffffffffffff}}},
    {"add128",
     "adds x0, x8, x9; adc x1, x4, x1",
     {0xab090100, 0x9a010081},
     2,
     0x0,
     0x2,
     2,
     {{0, 0x1111111111111100}, {1, 0x8000000000000001}}},
    {"sub128",
     "subs x0, x1, x8; sbcs x1, x3, x0",
     {0xeb080020, 0xfa000061},
     2,
     0x0,
     0x8,
     2,
     {{0, 0xedcba98765432111}, {1, 0x923456789abcdeee}}},
    {"and_reg", "and x0, x8, x9", {0x8a090100}, 1, 0x0, 0x0, 1, {{0, 0x1214121812141210}}},
    {"bic_lsl", "bic x0, x8, x9, lsl #4", {0x8a291100}, 1, 0x0, 0x0, 1, {{0, 0x123456789abcdef0}}},
    {"orr_w_ror", "orr w0, w8, w9, ror #8", {0x2ac92100}, 1, 0x0, 0x0, 1, {{0, 0x9afedef2}}},
    {"orn_asr", "orn x0, x1, x9, asr #3", {0xaaa90c20}, 1, 0x0, 0x0, 1, {{0, 0x2468acf13579bd}}},
    {"eor_ror63",
     "eor x0, x8, x9, ror #63",
     {0xcac9fd00},
     1,
     0x0,
     0x0,
     1,
     {{0, 0xef8d23487614bad1}}},
    {"eon_w", "eon w0, w8, w9", {0x4a290100}, 1, 0x0, 0x0, 1, {{0, 0x1317131f}}},
    {"ands_n", "ands x0, x3, x2", {0xea020060}, 1, 0x0, 0x8, 1, {{0, 0x8000000000000000}}},
    {"bics_w_z", "bics w0, w7, w7", {0x6a2700e0}, 1, 0xf, 0x4, 0, {}},
    {"tst_w", "tst w5, w5", {0x6a0500bf}, 1, 0x3, 0x8, 0, {}},
    {"mov_reg", "mov x0, x9", {0xaa0903e0}, 1, 0x0, 0x0, 1, {{0, 0xfedcba9876543210}}},
    {"mvn_w", "mvn w0, w8", {0x2a2803e0}, 1, 0x0, 0x0, 1, {{0, 0x6543210f}}},
    {"mov_w_reg", "mov w0, w9", {0x2a0903e0}, 1, 0x0, 0x0, 1, {{0, 0x76543210}}},
    {"ands_lsl63",
     "ands x0, x9, x1, lsl #63",
     {0xea01fd20},
     1,
     0x0,
     0x8,
     1,
     {{0, 0x8000000000000000}}},
    {"ccmp_eq_true", "ccmp x1, x2, #0, eq", {0xfa420020}, 1, 0x4, 0x0, 0, {}},
    {"ccmp_eq_false", "ccmp x1, x2, #5, eq", {0xfa420025}, 1, 0x0, 0x5, 0, {}},
    {"ccmp_ne_true", "ccmp x1, x1, #0, ne", {0xfa411020}, 1, 0x0, 0x6, 0, {}},
    {"ccmn_w_ge", "ccmn w7, #1, #8, ge", {0x3a41a8e8}, 1, 0x9, 0x6, 0, {}},
    {"ccmp_imm_al", "ccmp x4, #31, #2, al", {0xfa5fe882}, 1, 0x0, 0x2, 0, {}},
    {"ccmp_imm_mi", "ccmp x3, #1, #0, mi", {0xfa414860}, 1, 0x8, 0x3, 0, {}},
    {"ccmp_imm_lt_false", "ccmp x3, #1, #0xf, lt", {0xfa41b86f}, 1, 0x9, 0xf, 0, {}},
    {"ccmn_reg_hi", "ccmn x2, x1, #3, hi", {0xba418043}, 1, 0x2, 0x6, 0, {}},
    {"ccmp_w_reg_vs", "ccmp w5, w6, #4, vs", {0x7a4660a4}, 1, 0x1, 0x3, 0, {}},
    {"csel_eq_t", "csel x0, x8, x9, eq", {0x9a890100}, 1, 0x4, 0x4, 1, {{0, 0x123456789abcdef0}}},
    {"csel_eq_f", "csel x0, x8, x9, eq", {0x9a890100}, 1, 0x0, 0x0, 1, {{0, 0xfedcba9876543210}}},
    {"csinc_w", "csinc w0, w8, w7, ne", {0x1a871500}, 1, 0x4, 0x4, 0, {}},
    {"csinv", "csinv x0, x8, x9, hs", {0xda892100}, 1, 0x0, 0x0, 1, {{0, 0x123456789abcdef}}},
    {"csneg_lt", "csneg x0, x8, x9, lt", {0xda89b500}, 1, 0x8, 0x8, 1, {{0, 0x123456789abcdef0}}},
    {"csneg_lt_f", "csneg x0, x8, x9, lt", {0xda89b500}, 1, 0x9, 0x9, 1, {{0, 0x123456789abcdf0}}},
    {"cset_eq", "cset w0, eq", {0x1a9f17e0}, 1, 0x4, 0x4, 1, {{0, 0x1}}},
    {"csetm_hi", "csetm x0, hi", {0xda9f93e0}, 1, 0x2, 0x2, 1, {{0, 0xffffffffffffffff}}},
    {"cinc_ls", "cinc x0, x8, ls", {0x9a888500}, 1, 0x2, 0x2, 1, {{0, 0x123456789abcdef0}}},
    {"cneg_w_gt", "cneg w0, w5, gt", {0x5a85d4a0}, 1, 0x0, 0x0, 1, {{0, 0x80000000}}},
    {"csel_nv", "csel x0, x1, x2, nv", {0x9a82f020}, 1, 0x0, 0x0, 1, {{0, 0x1}}},
    {"csel_w_le", "csel w0, w9, w8, le", {0x1a88d120}, 1, 0x1, 0x1, 1, {{0, 0x76543210}}},
    {"cmp_cset",
     "cmp x1, x2; cset w0, lt; cset w1, lo; cset w3, gt; cset w4, hi",
     {0xeb02003f, 0x1a9fa7e0, 0x1a9f27e1, 0x1a9fd7e3, 0x1a9f97e4},
     5,
     0x0,
     0x0,
     2,
     {{3, 0x1}, {4, 0x0}}},
    {"rbit", "rbit x0, x8", {0xdac00100}, 1, 0x0, 0x0, 1, {{0, 0xf7b3d591e6a2c48}}},
    {"rbit_w", "rbit w0, w8", {0x5ac00100}, 1, 0x0, 0x0, 1, {{0, 0xf7b3d59}}},
    {"rev16", "rev16 x0, x8", {0xdac00500}, 1, 0x0, 0x0, 1, {{0, 0x34127856bc9af0de}}},
    {"rev16_w", "rev16 w0, w9", {0x5ac00520}, 1, 0x0, 0x0, 1, {{0, 0x54761032}}},
    {"rev32", "rev32 x0, x8", {0xdac00900}, 1, 0x0, 0x0, 1, {{0, 0x78563412f0debc9a}}},
    {"rev", "rev x0, x8", {0xdac00d00}, 1, 0x0, 0x0, 1, {{0, 0xf0debc9a78563412}}},
    {"rev_w", "rev w0, w9", {0x5ac00920}, 1, 0x0, 0x0, 1, {{0, 0x10325476}}},
    {"clz_zero", "clz x0, x0", {0xdac01000}, 1, 0x0, 0x0, 1, {{0, 0x40}}},
    {"clz_w", "clz w0, w1", {0x5ac01020}, 1, 0x0, 0x0, 1, {{0, 0x1f}}},
    {"clz_min", "clz x0, x3", {0xdac01060}, 1, 0x0, 0x0, 0, {}},
    {"clz_w_zero", "clz w0, w13", {0x5ac011a0}, 1, 0x0, 0x0, 1, {{0, 0x20}}},
    {"cls_zero", "cls x0, x0", {0xdac01400}, 1, 0x0, 0x0, 1, {{0, 0x3f}}},
    {"cls_m1", "cls x0, x2", {0xdac01440}, 1, 0x0, 0x0, 1, {{0, 0x3f}}},
    {"cls_w_1", "cls w0, w1", {0x5ac01420}, 1, 0x0, 0x0, 1, {{0, 0x1e}}},
    {"cls_max", "cls x0, x4", {0xdac01480}, 1, 0x0, 0x0, 0, {}},
    {"cls_w_m1", "cls w0, w7", {0x5ac014e0}, 1, 0x0, 0x0, 1, {{0, 0x1f}}},
    {"cls_w_x14", "cls w0, w14", {0x5ac015c0}, 1, 0x0, 0x0, 1, {{0, 0x10}}},
    {"udiv", "udiv x0, x8, x10", {0x9aca0900}, 1, 0x0, 0x0, 1, {{0, 0x91a2b3c4d5e6f78}}},
    {"udiv_zero", "udiv x0, x8, x0", {0x9ac00900}, 1, 0x0, 0x0, 0, {}},
    {"sdiv_min_m1", "sdiv x0, x3, x2", {0x9ac20c60}, 1, 0x0, 0x0, 1, {{0, 0x8000000000000000}}},
    {"sdiv_w_min_m1", "sdiv w0, w5, w2", {0x1ac20ca0}, 1, 0x0, 0x0, 1, {{0, 0x80000000}}},
    {"sdiv_trunc", "sdiv x0, x2, x10", {0x9aca0c40}, 1, 0x0, 0x0, 0, {}},
    {"sdiv_w", "sdiv w0, w9, w10", {0x1aca0d20}, 1, 0x0, 0x0, 1, {{0, 0x3b2a1908}}},
    {"sdiv_neg", "sdiv x0, x9, x15", {0x9acf0d20}, 1, 0x0, 0x0, 1, {{0, 0xffffffffffffffff}}},
    {"udiv_w", "udiv w0, w7, w10", {0x1aca08e0}, 1, 0x0, 0x0, 1, {{0, 0x7fffffff}}},
    {"sdiv_w_zero", "sdiv w0, w9, wzr", {0x1adf0d20}, 1, 0x0, 0x0, 0, {}},
    {"lslv_63", "lsl x0, x8, x11", {0x9acb2100}, 1, 0x0, 0x0, 0, {}},
    {"lslv_64", "lsl x0, x8, x12", {0x9acc2100}, 1, 0x0, 0x0, 1, {{0, 0x123456789abcdef0}}},
    {"lsrv_w_64", "lsr w0, w9, w12", {0x1acc2520}, 1, 0x0, 0x0, 1, {{0, 0x76543210}}},
    {"asrv_64", "asr x0, x3, x12", {0x9acc2860}, 1, 0x0, 0x0, 1, {{0, 0x8000000000000000}}},
    {"asrv_w_63", "asr w0, w5, w11", {0x1acb28a0}, 1, 0x0, 0x0, 1, {{0, 0xffffffff}}},
    {"rorv", "ror x0, x8, x11", {0x9acb2d00}, 1, 0x0, 0x0, 1, {{0, 0x2468acf13579bde0}}},
    {"rorv_w", "ror w0, w9, w10", {0x1aca2d20}, 1, 0x0, 0x0, 1, {{0, 0x1d950c84}}},
    {"lslv_w_big", "lsl w0, w7, w9", {0x1ac920e0}, 1, 0x0, 0x0, 1, {{0, 0xffff0000}}},
    {"crc32b", "crc32b w0, w2, w8", {0x1ac84040}, 1, 0x0, 0x0, 1, {{0, 0x9040e26e}}},
    {"crc32h", "crc32h w0, w1, w9", {0x1ac94420}, 1, 0x0, 0x0, 1, {{0, 0x9b0e7290}}},
    {"crc32w", "crc32w w0, w7, w8", {0x1ac848e0}, 1, 0x0, 0x0, 1, {{0, 0x8760b590}}},
    {"crc32x", "crc32x w0, w2, x9", {0x9ac94c40}, 1, 0x0, 0x0, 1, {{0, 0xffa21dcd}}},
    {"crc32cb", "crc32cb w0, w2, w8", {0x1ac85040}, 1, 0x0, 0x0, 1, {{0, 0x5eecc3db}}},
    {"crc32cx", "crc32cx w0, w1, x8", {0x9ac85c20}, 1, 0x0, 0x0, 1, {{0, 0xe3b05619}}},
    {"crc32ch", "crc32ch w0, w8, w9", {0x1ac95500}, 1, 0x0, 0x0, 1, {{0, 0xd52c2289}}},
    {"crc32cw", "crc32cw w0, w9, w15", {0x1acf5920}, 1, 0x0, 0x0, 1, {{0, 0xb798b438}}},
    {"madd", "madd x0, x8, x9, x1", {0x9b090500}, 1, 0x0, 0x0, 1, {{0, 0x236d88fe5618cf01}}},
    {"msub", "msub x0, x8, x9, x15", {0x9b09bd00}, 1, 0x0, 0x0, 1, {{0, 0xddb5bc693392feef}}},
    {"mul_w", "mul w0, w8, w9", {0x1b097d00}, 1, 0x0, 0x0, 1, {{0, 0x5618cf00}}},
    {"mneg", "mneg x0, x8, x10", {0x9b0afd00}, 1, 0x0, 0x0, 1, {{0, 0xdb97530eca864220}}},
    {"madd_w", "madd w0, w8, w9, w15", {0x1b093d00}, 1, 0x0, 0x0, 1, {{0, 0xdfc49cef}}},
    {"smaddl", "smaddl x0, w8, w9, x1", {0x9b290500}, 1, 0x0, 0x0, 1, {{0, 0xd131c0ee5618cf01}}},
    {"smsubl", "smsubl x0, w2, w5, x15", {0x9b25bc40}, 1, 0x0, 0x0, 1, {{0, 0x123456709abcdef}}},
    {"umaddl", "umaddl x0, w8, w9, x1", {0x9ba90500}, 1, 0x0, 0x0, 1, {{0, 0x4785f2fe5618cf01}}},
    {"umsubl", "umsubl x0, w2, w2, x0", {0x9ba28040}, 1, 0x0, 0x0, 1, {{0, 0x1ffffffff}}},
    {"smull", "smull x0, w5, w2", {0x9b227ca0}, 1, 0x0, 0x0, 1, {{0, 0x80000000}}},
    {"umull", "umull x0, w7, w7", {0x9ba77ce0}, 1, 0x0, 0x0, 1, {{0, 0xfffffffe00000001}}},
    {"smulh_min", "smulh x0, x3, x3", {0x9b437c60}, 1, 0x0, 0x0, 1, {{0, 0x4000000000000000}}},
    {"smulh", "smulh x0, x2, x4", {0x9b447c40}, 1, 0x0, 0x0, 1, {{0, 0xffffffffffffffff}}},
    {"umulh", "umulh x0, x2, x2", {0x9bc27c40}, 1, 0x0, 0x0, 1, {{0, 0xfffffffffffffffe}}},
    {"umulh_2", "umulh x0, x8, x9", {0x9bc97d00}, 1, 0x0, 0x0, 1, {{0, 0x121fa00ad77d7422}}},
    {"msr_mrs_nzcv",
     "msr nzcv, x8; mrs x0, nzcv; cset w1, mi",
     {0xd51b4208, 0xd53b4200, 0x1a9f57e1},
     3,
     0x0,
     0x9,
     1,
     {{0, 0x90000000}}},
    {"mrs_nzcv", "mrs x0, nzcv", {0xd53b4200}, 1, 0xa, 0xa, 1, {{0, 0xa0000000}}},
    {"msr_tpidr",
     "msr tpidr_el0, x9; mrs x0, tpidr_el0",
     {0xd51bd049, 0xd53bd040},
     2,
     0x0,
     0x0,
     1,
     {{0, 0xfedcba9876543210}}},
};

/* Guest code lives in a page-aligned buffer so that blocks never reach the
 * page end by accident. */
static _Alignas(4096) uint32_t code_page[1024];

static void seed_cpu(struct a64_cpu *c, unsigned nzcv) {
  memset(c, 0, sizeof(*c));
  memcpy(c->x, seed, sizeof(seed));
  c->x[31] = SEED_SP;
  c->nzcv = nzcv;
  c->excl_addr = ~0ull;
}

/* Decode n words at code_page[at] as one block of at most max instructions,
 * check it, run it; returns the exit code. */
static uintptr_t run_words(struct a64_cpu *c, const uint32_t *words, unsigned n, unsigned at,
                           unsigned max, struct ir_block **out) {
  if (out)
    *out = NULL; /* till a block decodes */
  if (at + n > sizeof(code_page) / sizeof(code_page[0]))
    return ~(uintptr_t)0;
  memcpy(&code_page[at], words, n * sizeof(*words));
  uint64_t pc = (uint64_t)(uintptr_t)&code_page[at];
  struct ir_block *b = ir_block_new(pc);
  xrun_opt.max_block_insns = max;
  a64_decode_block(b, pc);
  if (ir_verify(b) != 0) {
    ir_print(stderr, b);
    return ~(uintptr_t)0;
  }
  uintptr_t r = ir_interp(b, &c->c);
  if (out)
    *out = b;
  else
    ir_block_free(b);
  return r;
}

static uint64_t page_pc(unsigned at) {
  return (uint64_t)(uintptr_t)&code_page[at];
}

static int check_dp_case(const struct dp_case *t) {
  struct a64_cpu c;
  uint64_t want[32];
  seed_cpu(&c, t->nzcv_in);
  memcpy(want, seed, sizeof(seed));
  want[31] = SEED_SP;
  for (unsigned i = 0; i < t->n_out; i++)
    want[t->out[i].reg] = t->out[i].val;
  uintptr_t r = run_words(&c, t->code, t->n, 0, t->n, NULL);
  int bad = r != CPU_EXIT_PLAIN || c.c.pc != page_pc(t->n);
  for (unsigned i = 0; i < 16; i++)
    if (c.x[i] != want[i]) {
      fprintf(stderr, "  %s (%s): x%u = 0x%llx, want 0x%llx\n", t->name, t->text, i,
              (unsigned long long)c.x[i], (unsigned long long)want[i]);
      bad = 1;
    }
  if (c.x[31] != want[31] || c.nzcv != t->nzcv_out) {
    fprintf(stderr, "  %s (%s): sp 0x%llx nzcv %llx, want 0x%llx %x\n", t->name, t->text,
            (unsigned long long)c.x[31], (unsigned long long)c.nzcv, (unsigned long long)want[31],
            t->nzcv_out);
    bad = 1;
  }
  return bad;
}

TEST(data_processing_vs_qemu) {
  int bad = 0;
  for (size_t i = 0; i < sizeof(dp_cases) / sizeof(dp_cases[0]); i++)
    bad |= check_dp_case(&dp_cases[i]);
  ASSERT(!bad);
}

/* One instruction, one block: returns the exit and leaves state in c. */
static uintptr_t run1(struct a64_cpu *c, uint32_t insn) {
  return run_words(c, &insn, 1, 0, 1, NULL);
}

TEST(b_and_bl) {
  struct a64_cpu c;
  seed_cpu(&c, 0);
  ASSERT_EQ(run1(&c, 0x14000004), CPU_EXIT_PLAIN); /* b .+16 */
  ASSERT_EQ(c.c.pc, page_pc(4));
  ASSERT_EQ(c.x[30], 0);
  ASSERT_EQ(run_words(&c, (uint32_t[]){0x97fffffe}, 1, 8, 8, NULL), CPU_EXIT_PLAIN); /* bl .-8 */
  ASSERT_EQ(c.c.pc, page_pc(6));
  ASSERT_EQ(c.x[30], page_pc(9));
}

TEST(b_cond_falls_through) {
  /* b.eq .+12; add x0, x0, #1; (block end) */
  const uint32_t code[] = {0x54000060, 0x91000400};
  struct a64_cpu c;
  seed_cpu(&c, IR_FLAG_Z);
  ASSERT_EQ(run_words(&c, code, 2, 0, 8, NULL), CPU_EXIT_PLAIN);
  ASSERT_EQ(c.c.pc, page_pc(3));
  ASSERT_EQ(c.x[0], 0);
  seed_cpu(&c, 0);
  ASSERT_EQ(run_words(&c, code, 2, 0, 2, NULL), CPU_EXIT_PLAIN);
  ASSERT_EQ(c.c.pc, page_pc(2));
  ASSERT_EQ(c.x[0], 1);
}

TEST(b_cond_conditions) {
  /* b.<cond> .+8 for every cond, against the nibble N=8 Z=4 C=2 V=1 */
  static const uint16_t holds[16] = {0xf0f0, 0x0f0f, 0xcccc, 0x3333, 0xff00, 0x00ff,
                                     0xaaaa, 0x5555, 0x0c0c, 0xf3f3, 0xaa55, 0x55aa,
                                     0x0a05, 0xf5fa, 0xffff, 0xffff};
  for (unsigned cond = 0; cond < 16; cond++)
    for (unsigned nzcv = 0; nzcv < 16; nzcv++) {
      struct a64_cpu c;
      seed_cpu(&c, nzcv);
      run1(&c, 0x54000040 | cond);
      ASSERT_EQ(c.c.pc, page_pc(holds[cond] >> nzcv & 1 ? 2 : 1));
    }
}

TEST(cbz_cbnz_tbz_tbnz) {
  struct a64_cpu c;
  seed_cpu(&c, 0);
  run1(&c, 0xb4000080); /* cbz x0, .+16 (x0 = 0) */
  ASSERT_EQ(c.c.pc, page_pc(4));
  run1(&c, 0x340000a5); /* cbz w5, .+20 (w5 = 0x80000000) */
  ASSERT_EQ(c.c.pc, page_pc(1));
  run1(&c, 0x340000ad); /* cbz w13, .+20 (x13 = 1 << 32: w13 = 0) */
  ASSERT_EQ(c.c.pc, page_pc(5));
  run1(&c, 0xb5ffffe1); /* cbnz x1, .-4 */
  ASSERT_EQ(c.c.pc, page_pc(0) - 4);
  run1(&c, 0xb7f80063); /* tbnz x3, #63, .+12 */
  ASSERT_EQ(c.c.pc, page_pc(3));
  run1(&c, 0x36000061); /* tbz w1, #0, .+12 (bit set: falls through) */
  ASSERT_EQ(c.c.pc, page_pc(1));
  run1(&c, 0xb6000069); /* tbz x9, #32, .+12 (bit 32 of 0xfedcba98_76543210 is 0) */
  ASSERT_EQ(c.c.pc, page_pc(3));
}

TEST(br_blr_ret) {
  struct a64_cpu c;
  seed_cpu(&c, 0);
  c.x[3] = 0x4000;
  c.x[30] = 0x5000;
  run1(&c, 0xd61f0060); /* br x3 */
  ASSERT_EQ(c.c.pc, 0x4000);
  run1(&c, 0xd65f03c0); /* ret */
  ASSERT_EQ(c.c.pc, 0x5000);
  run1(&c, 0xd63f03c0); /* blr x30: the target is the old x30 */
  ASSERT_EQ(c.c.pc, 0x5000);
  ASSERT_EQ(c.x[30], page_pc(1));
  c.x[30] = 0x6000;
  run1(&c, 0xd65f0bff); /* retaa */
  ASSERT_EQ(c.c.pc, 0x6000);
  run1(&c, 0xd63f087f); /* blraaz x3 */
  ASSERT_EQ(c.c.pc, 0x4000);
  ASSERT_EQ(c.x[30], page_pc(1));
  run1(&c, 0xd71f0861); /* braa x3, x1 */
  ASSERT_EQ(c.c.pc, 0x4000);
}

TEST(svc_brk_udf_hlt) {
  struct a64_cpu c;
  seed_cpu(&c, 0);
  ASSERT_EQ(run1(&c, 0xd4000001), CPU_EXIT_SYSCALL); /* svc #0 */
  ASSERT_EQ(c.c.pc, page_pc(1));
  ASSERT_EQ(run1(&c, 0xd4200000), CPU_EXIT_TRAP); /* brk #0 */
  ASSERT_EQ(c.c.trap_signal, SIGTRAP);
  ASSERT_EQ(c.c.pc, page_pc(0));
  ASSERT_EQ(run1(&c, 0x0000dead), CPU_EXIT_TRAP); /* udf #0xdead */
  ASSERT_EQ(c.c.trap_signal, SIGILL);
  ASSERT_EQ(c.c.trap_info, 0xdead);
  ASSERT_EQ(run1(&c, 0xd4400000), CPU_EXIT_TRAP); /* hlt #0 */
  ASSERT_EQ(c.c.trap_signal, SIGILL);
}

TEST(unallocated_is_sigill) {
  /* movz w0 with hw=2, sbfm w with N=1, ubfm opc=11, 3-source op54!=0, eret,
   * add (shifted) with shift=ROR, msr to an unknown register */
  static const uint32_t bad[] = {0x52c00000, 0x13400000, 0x73000000, 0x3b000000,
                                 0xd69f03e0, 0x8bc00000, 0xd5184000};
  for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
    struct a64_cpu c;
    seed_cpu(&c, 0);
    ASSERT_EQ(run1(&c, bad[i]), CPU_EXIT_TRAP);
    ASSERT_EQ(c.c.trap_signal, SIGILL);
    ASSERT_EQ(c.c.trap_info, bad[i]);
  }
}

TEST(hints_and_barriers) {
  /* nop, yield, paciasp, autiasp, bti c, dmb ish, dmb ishld, dmb ishst, clrex, dsb sy
   * (DSB ends the block, as IC IVAU's lines may be pending) */
  static const uint32_t code[] = {0xd503201f, 0xd503203f, 0xd503233f, 0xd50323bf, 0xd503245f,
                                  0xd5033bbf, 0xd50339bf, 0xd5033abf, 0xd503305f, 0xd5033f9f};
  struct a64_cpu c;
  struct ir_block *b;
  seed_cpu(&c, 0);
  c.excl_addr = 0x1234;
  ASSERT_EQ(run_words(&c, code, 10, 0, 10, &b), CPU_EXIT_PLAIN);
  ASSERT_EQ(c.c.pc, page_pc(10));
  ASSERT_EQ(c.excl_addr, ~0ull);
  unsigned fences[IR_FENCE_FULL + 1] = {0};
  for (uint32_t i = 1; i < b->n; i++)
    if (b->insn[i].op == IR_FENCE)
      fences[b->insn[i].aux]++;
  ir_block_free(b);
  ASSERT_EQ(fences[IR_FENCE_FULL], 2);
  ASSERT_EQ(fences[IR_FENCE_LOAD], 1);
  ASSERT_EQ(fences[IR_FENCE_STORE], 1);
}

TEST(isb_ends_block) {
  static const uint32_t code[] = {0xd5033fdf, 0x91000400}; /* isb; add x0, x0, #1 */
  struct a64_cpu c;
  struct ir_block *b;
  seed_cpu(&c, 0);
  run_words(&c, code, 2, 0, 8, &b);
  ASSERT_EQ(c.c.pc, page_pc(1));
  ASSERT_EQ(b->guest_insns, 1);
  ASSERT_EQ(c.x[0], 0);
  ir_block_free(b);
}

TEST(mrs_id_registers) {
  struct {
    uint32_t insn;
    uint64_t val;
  } regs[] = {
      {0xd5380000, 0x413fd0c1}, /* mrs x0, midr_el1 */
      {0xd53b0020, 0x8444c004}, /* mrs x0, ctr_el0 */
      {0xd53b00e0, 4},          /* mrs x0, dczid_el0 */
      {0xd53be000, 1000000000}, /* mrs x0, cntfrq_el0 */
      {0xd5380400, 0x11},       /* mrs x0, id_aa64pfr0_el1 */
      /* mrs x0, id_aa64isar0_el1: DP SHA3 RDM LSE CRC32 SHA2+SHA512 SHA1 AES+PMULL */
      {0xd5380600, 0x100110212120ull},
      {0xd5380620, 0x100001000ull}, /* mrs x0, id_aa64isar1_el1: FRINTTS JSCVT */
      {0xd5380700, 0},              /* mrs x0, id_aa64mmfr0_el1 */
      {0xd53800a0, 0x80000000},     /* mrs x0, mpidr_el1 */
  };
  for (size_t i = 0; i < sizeof(regs) / sizeof(regs[0]); i++) {
    struct a64_cpu c;
    seed_cpu(&c, 0);
    ASSERT_EQ(run1(&c, regs[i].insn), CPU_EXIT_PLAIN);
    ASSERT_EQ(c.x[0], regs[i].val);
  }
}

TEST(cntvct_counts_nanoseconds) {
  struct a64_cpu c;
  struct timespec ts;
  seed_cpu(&c, 0);
  clock_gettime(CLOCK_MONOTONIC, &ts);
  uint64_t before = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
  run1(&c, 0xd53be040); /* mrs x0, cntvct_el0 */
  clock_gettime(CLOCK_MONOTONIC, &ts);
  uint64_t after = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
  ASSERT(c.x[0] >= before && c.x[0] <= after);
}

TEST(fpcr_fpsr) {
  /* msr fpcr, x9; msr fpsr, x8; mrs x0, fpcr; mrs x1, fpsr */
  static const uint32_t code[] = {0xd51b4409, 0xd51b4428, 0xd53b4400, 0xd53b4421};
  struct a64_cpu c;
  seed_cpu(&c, 0);
  run_words(&c, code, 1, 0, 4, NULL); /* a write of FPCR ends the block */
  ASSERT_EQ(c.c.pc, page_pc(1));
  run_words(&c, code + 1, 3, 1, 4, NULL);
  /* only the implemented bits stick (values read back under qemu-aarch64) */
  ASSERT_EQ(c.fpcr, 0x06540000);
  ASSERT_EQ(c.fpsr, 0x98000090);
  ASSERT_EQ(c.x[0], 0x06540000);
  ASSERT_EQ(c.x[1], 0x98000090);
}

TEST(dc_zva_and_cache_ops) {
  static _Alignas(64) uint8_t mem[192];
  memset(mem, 0xaa, sizeof(mem));
  /* dc zva, x0; dc cvau, x0; dc civac, x0; ic ivau, x0; ic ivau, x1; dsb ish; isb */
  static const uint32_t code[] = {0xd50b7420, 0xd50b7b20, 0xd50b7e20, 0xd50b7520,
                                  0xd50b7521, 0xd5033b9f, 0xd5033fdf};
  struct a64_cpu c;
  seed_cpu(&c, 0);
  c.x[0] = (uint64_t)(uintptr_t)&mem[64 + 37];
  c.x[1] = (uint64_t)(uintptr_t)&mem[128 + 5];
  struct ir_block *b;
  /* IC IVAU notes the line; DSB leaves through the run loop, which drops
   * the lines pending */
  ASSERT_EQ(run_words(&c, code, 7, 0, 8, &b), CPU_EXIT_CODE_INVAL);
  ASSERT_EQ(b->guest_insns, 6);
  ASSERT_EQ(c.c.pc, page_pc(6));
  ASSERT_EQ(c.c.code_inval_lo, (uint64_t)(uintptr_t)&mem[64]);
  ASSERT_EQ(c.c.code_inval_hi, (uint64_t)(uintptr_t)&mem[192]);
  ASSERT_EQ(c.c.trap_info, (uint64_t)(uintptr_t)&mem[64]);
  ir_block_free(b);
  for (unsigned i = 0; i < sizeof(mem); i++)
    ASSERT_EQ(mem[i], i >= 64 && i < 128 ? 0 : 0xaa);
  /* with nothing pending, ISB is a plain exit to the next instruction */
  c.c.code_inval_lo = c.c.code_inval_hi = 0;
  ASSERT_EQ(run_words(&c, code + 6, 1, 6, 8, NULL), CPU_EXIT_PLAIN);
  ASSERT_EQ(c.c.pc, page_pc(7));
}

TEST(adr_adrp) {
  struct a64_cpu c;
  seed_cpu(&c, 0);
  run_words(&c, (uint32_t[]){0x10000060}, 1, 5, 1, NULL); /* adr x0, .+12 */
  ASSERT_EQ(c.x[0], page_pc(8));
  run_words(&c, (uint32_t[]){0x70ffffe0}, 1, 5, 1, NULL); /* adr x0, .-1 */
  ASSERT_EQ(c.x[0], page_pc(5) - 1);
  run_words(&c, (uint32_t[]){0xb0000020}, 1, 5, 1, NULL); /* adrp x0, .+0x5000 */
  ASSERT_EQ(c.x[0], (page_pc(5) & ~0xfffull) + 0x5000);
  run_words(&c, (uint32_t[]){0xf0ffffe0}, 1, 5, 1, NULL); /* adrp x0, .-0x1000 */
  ASSERT_EQ(c.x[0], (page_pc(5) & ~0xfffull) - 0x1000);
}

TEST(block_ends_at_page_and_limit) {
  static const uint32_t nops[4] = {0xd503201f, 0xd503201f, 0xd503201f, 0xd503201f};
  struct a64_cpu c;
  struct ir_block *b;
  seed_cpu(&c, 0);
  run_words(&c, nops, 2, 1022, 64, &b); /* two nops, then the page ends */
  ASSERT_EQ(b->guest_insns, 2);
  ASSERT_EQ(b->guest_size, 8);
  ASSERT_EQ(c.c.pc, page_pc(1024));
  ir_block_free(b);
  run_words(&c, nops, 4, 0, 3, &b);
  ASSERT_EQ(b->guest_insns, 3);
  ASSERT_EQ(c.c.pc, page_pc(3));
  ir_block_free(b);
}

TEST(side_exits_are_bounded) {
  uint32_t code[16];
  for (int i = 0; i < 16; i++)
    code[i] = 0x54000400; /* b.eq .+128 */
  struct a64_cpu c;
  struct ir_block *b;
  seed_cpu(&c, 0);
  run_words(&c, code, 16, 0, 64, &b);
  unsigned exits = 0;
  for (uint32_t i = 1; i < b->n; i++)
    exits += b->insn[i].op == IR_EXIT_IF;
  ASSERT(exits < 8);
  ASSERT_EQ(c.c.pc, page_pc(b->guest_insns));
  ir_block_free(b);
}

/* The side exits' targets of b, in order; their count. */
static unsigned exit_targets(const struct ir_block *b, uint64_t *to, unsigned max) {
  unsigned n = 0;
  for (uint32_t i = 1; i < b->n; i++)
    if (b->insn[i].op == IR_EXIT_IF && n < max)
      to[n++] = b->insn[i].imm;
  return n;
}

/* A loop whose way round is the taken side of b.lt (its fall-through
 * returns): the block follows it, the side exit goes to the fall-through,
 * and the back edge makes the block a loop. */
TEST(trace_follows_loop_through_taken_branch) {
  /* 0: add x0, x0, #1; cmp x0, x12; b.lt 5; mov x1, #7; ret;
   * 5: add x2, x2, #2; cmp x2, x11; b.ne 0; mov x3, #5; ret */
  static const uint32_t code[] = {0x91000400, 0xeb0c001f, 0x5400006b, 0xd28000e1, 0xd65f03c0,
                                  0x91000842, 0xeb0b005f, 0x54ffff21, 0xd28000a3, 0xd65f03c0};
  struct a64_cpu c;
  struct ir_block *b;
  uint64_t to[8];
  seed_cpu(&c, 0);
  ASSERT_EQ(run_words(&c, code, 10, 0, 64, &b), CPU_EXIT_PLAIN);
  ASSERT_EQ(exit_targets(b, to, 8), 2);
  ASSERT_EQ(to[0], page_pc(3)); /* b.lt not taken */
  ASSERT_EQ(to[1], page_pc(0)); /* the back edge */
  ASSERT_EQ(b->guest_insns, 8);
  ASSERT_EQ(b->guest_size, 40);
  ASSERT_EQ(b->marks[3].pc, page_pc(5));
  ASSERT_EQ(c.c.pc, page_pc(0)); /* 1 < 64, then x2 = 1 != 63: round again */
  ASSERT_EQ(c.x[0], 1);
  ASSERT_EQ(c.x[2], 1);
  ASSERT_EQ(c.x[1], 1);
  ir_block_free(b);
  seed_cpu(&c, 0);
  c.x[0] = 64; /* 65 < 64 fails: out of the loop */
  ASSERT_EQ(run_words(&c, code, 10, 0, 64, NULL), CPU_EXIT_PLAIN);
  ASSERT_EQ(c.c.pc, page_pc(3));
  ASSERT_EQ(c.x[2], ~0ull);
  ASSERT_EQ(c.nzcv, IR_FLAG_C);
}

/* Where the fall-through goes round the loop as well, the block keeps to
 * the shorter way round: the taken side where the branch skips work, the
 * fall-through where both are as long. */
TEST(trace_keeps_the_shorter_way_round) {
  /* 0: add x0, x0, #1; cbz x0, 3; add x1, x1, #1; 3: cmp x0, x12; b.ne 0; ret */
  static const uint32_t skip[] = {0x91000400, 0xb4000040, 0x91000421,
                                  0xeb0c001f, 0x54ffff81, 0xd65f03c0};
  /* 0: add x0, x0, #1; cbz x0, 5; cmp x0, x12; b.ne 0; ret;
   * 5: cmp x0, x13; b.ne 0; ret */
  static const uint32_t even[] = {0x91000400, 0xb4000080, 0xeb0c001f, 0x54ffffa1,
                                  0xd65f03c0, 0xeb0d001f, 0x54ffff41, 0xd65f03c0};
  struct a64_cpu c;
  struct ir_block *b;
  uint64_t to[8];
  seed_cpu(&c, 0);
  run_words(&c, skip, 6, 0, 64, &b);
  ASSERT_EQ(exit_targets(b, to, 8), 2);
  ASSERT_EQ(to[0], page_pc(2)); /* cbz not taken: the add it skips */
  ASSERT_EQ(to[1], page_pc(0));
  ASSERT_EQ(b->guest_insns, 5);
  ir_block_free(b);
  seed_cpu(&c, 0);
  run_words(&c, even, 8, 0, 64, &b);
  ASSERT_EQ(exit_targets(b, to, 8), 2);
  ASSERT_EQ(to[0], page_pc(5)); /* cbz taken: a side exit */
  ASSERT_EQ(to[1], page_pc(0));
  ASSERT_EQ(b->guest_insns, 5);
  ir_block_free(b);
}

/* A loop longer than a block may be (64 here) is one block up to its back
 * edge, where the straight path reaches it within DEC_LOOP_MAX
 * instructions; straight code, a branch elsewhere or a longer loop stop
 * at the limit. */
TEST(loop_longer_than_a_block_is_one_block) {
  enum { BODY = 100, LONG = 300 };
  static uint32_t code[LONG + 3];
  for (int i = 0; i < LONG; i++)
    code[i] = 0x91000400; /* add x0, x0, #1 */
  struct a64_cpu c;
  struct ir_block *b;
  uint64_t to[8];
  code[BODY] = 0xd1000421;                                              /* sub x1, x1, #1 */
  code[BODY + 1] = 0xb5000001 | (uint32_t)(-(BODY + 1) & 0x7ffff) << 5; /* cbnz x1, 0 */
  code[BODY + 2] = 0xd65f03c0;                                          /* ret */
  seed_cpu(&c, 0);
  c.x[0] = 0;
  c.x[1] = 2;
  ASSERT_EQ(run_words(&c, code, BODY + 3, 0, 64, &b), CPU_EXIT_PLAIN);
  ASSERT_EQ(b->guest_insns, BODY + 2);
  ASSERT_EQ(exit_targets(b, to, 8), 1);
  ASSERT_EQ(to[0], page_pc(0)); /* the back edge */
  ASSERT_EQ(c.c.pc, page_pc(0));
  ASSERT_EQ(c.x[0], BODY);
  ASSERT_EQ(c.x[1], 1);
  ir_block_free(b);
  code[BODY + 1] = 0xb5000001 | 2u << 5; /* cbnz x1, .+8: no loop */
  seed_cpu(&c, 0);
  run_words(&c, code, BODY + 3, 0, 64, &b);
  ASSERT_EQ(b->guest_insns, 64);
  ir_block_free(b);
  code[BODY] = 0x91000400;
  code[BODY + 1] = 0x91000400;
  code[BODY + 2] = 0x91000400;
  code[LONG] = 0xd1000421;
  code[LONG + 1] = 0xb5000001 | (uint32_t)(-(LONG + 1) & 0x7ffff) << 5; /* a 302-insn loop */
  code[LONG + 2] = 0xd65f03c0;
  seed_cpu(&c, 0);
  run_words(&c, code, LONG + 3, 0, 64, &b);
  ASSERT_EQ(b->guest_insns, 64);
  ir_block_free(b);
}

/* Translated code of a block at page_pc(at) (no code: the decoder only
 * asks whether one starts there, xrun_block_at). */
static void known_block_at(unsigned at) {
  static uint8_t host[8192];
  static bool made;
  if (!made)
    tc_regions_init(host, host + sizeof(host)), tc_map_init(), made = true;
  struct tc_block *k = tc_block_alloc(1, TC_MAX_EXITS);
  k->guest_pc = page_pc(at);
  k->guest_size = 4;
  k->code = host + 4096;
  tc_block_commit(k);
}

/* A block ends before an instruction where another block's translated code
 * starts, and goes there: but not where a path from there, straight or
 * through a branch's taken side, goes round to its own start (a loop). */
TEST(block_ends_where_a_translated_block_starts) {
  /* 0: add x0, x0, #1 (x5); ret */
  static const uint32_t line[] = {0x91000400, 0x91000400, 0x91000400,
                                  0x91000400, 0x91000400, 0xd65f03c0};
  /* the loop of trace_follows_loop_through_taken_branch */
  static const uint32_t loop[] = {0x91000400, 0xeb0c001f, 0x5400006b, 0xd28000e1, 0xd65f03c0,
                                  0x91000842, 0xeb0b005f, 0x54ffff21, 0xd28000a3, 0xd65f03c0};
  struct a64_cpu c;
  struct ir_block *b;
  uint64_t to[8];
  known_block_at(3);
  seed_cpu(&c, 0);
  ASSERT_EQ(run_words(&c, line, 6, 0, 64, &b), CPU_EXIT_PLAIN);
  ASSERT_EQ(b->guest_insns, 3);
  ASSERT_EQ(c.c.pc, page_pc(3)); /* the goto to the known block */
  ASSERT_EQ(c.x[0], seed[0] + 3);
  ir_block_free(b);
  known_block_at(1); /* inside the loop, before the branch it follows */
  known_block_at(6); /* on the taken side */
  seed_cpu(&c, 0);
  ASSERT_EQ(run_words(&c, loop, 10, 0, 64, &b), CPU_EXIT_PLAIN);
  ASSERT_EQ(b->guest_insns, 8);
  ASSERT_EQ(exit_targets(b, to, 8), 2);
  ASSERT_EQ(to[1], page_pc(0)); /* still a loop */
  ir_block_free(b);
  known_block_at(8); /* after the back edge: from there no way round */
  seed_cpu(&c, 0);
  run_words(&c, loop, 10, 0, 64, &b);
  ASSERT_EQ(b->guest_insns, 6);
  ASSERT_EQ(exit_targets(b, to, 8), 2);
  ASSERT_EQ(to[1], page_pc(0));
  ASSERT_EQ(b->insn[b->n - 1].op, IR_GOTO);
  ASSERT_EQ(b->insn[b->n - 1].imm, page_pc(8));
  ir_block_free(b);
  tc_map_forget_all(true);
}

TEST(crc_helpers_match_known_values) {
  /* CRC-32 of "123456789" is 0xcbf43926; CRC-32C is 0xe3069283 (with the
   * usual ~ before and after, which the instructions leave to software). */
  const char *msg = "123456789";
  uint64_t a = 0xffffffff, b = 0xffffffff;
  for (int i = 0; msg[i]; i++) {
    a = a64_helper_crc32(NULL, a, (uint8_t)msg[i], 1);
    b = a64_helper_crc32c(NULL, b, (uint8_t)msg[i], 1);
  }
  ASSERT_EQ(a ^ 0xffffffff, 0xcbf43926);
  ASSERT_EQ(b ^ 0xffffffff, 0xe3069283);
}

TEST(bit_masks) {
  uint64_t w, t;
  ASSERT(a64_decode_bit_masks(1, 0, 0, true, 1, &w, &t));
  ASSERT_EQ(w, 1);
  ASSERT(a64_decode_bit_masks(0, 0x3c, 0, true, 1, &w, &t)); /* 2-bit elements: 01 */
  ASSERT_EQ(w, 0x5555555555555555);
  ASSERT(!a64_decode_bit_masks(1, 0x3f, 0, true, 1, &w, &t)); /* all ones: reserved */
  ASSERT(!a64_decode_bit_masks(0, 0x3e, 0, true, 1, &w, &t)); /* len 0 */
  ASSERT(!a64_decode_bit_masks(1, 0, 0, true, 0, &w, &t));    /* N=1 in 32 bits */
}

TEST(guest_descriptor) {
  struct a64_cpu c;
  memset(&c, 0x55, sizeof(c));
  a64_guest.cpu_init(&c.c, 0x400000, 0x7fff0000);
  ASSERT_EQ(c.c.pc, 0x400000);
  ASSERT_EQ(c.x[31], 0x7fff0000);
  ASSERT_EQ(c.x[0], 0);
  ASSERT_EQ(c.nzcv, 0);
  ASSERT_EQ(c.v[31][1], 0);
  ASSERT_EQ(c.excl_addr, ~0ull);
  /* FP ASIMD AES PMULL SHA1 SHA2 CRC32 ATOMICS CPUID ASIMDRDM JSCVT SHA3 ASIMDDP SHA512 */
  ASSERT_EQ(a64_guest.hwcap, 0x3239fb);
  ASSERT_EQ(a64_guest.hwcap2, 0x100); /* FRINT */
  ASSERT_EQ(a64_guest.cpu_size, sizeof(struct a64_cpu));
  ASSERT(a64_guest.decode_block == a64_decode_block);
}

TEST_MAIN("a64_decode")
